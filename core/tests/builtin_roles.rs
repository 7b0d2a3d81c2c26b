//! Every built-in role loads, round-trips, compiles and scores resumes.

use atscore::{Matcher, Role, Tier};

const RESUME: &str = "Jane Doe\n\nSKILLS\nPython, SQL, Structured Query Language, Linux, \
Amazon Web Services, Microsoft Azure, Excel, JavaScript, Hypertext Markup Language, Git\n\n\
EXPERIENCE\nSoftware Engineer, Acme (2019-2024)\n- Built data pipelines in Python and SQL on AWS, \
cutting report time by 40%.\n- Ran Linux servers and automated them with Bash and PowerShell.\n";

/// A real resume from the corpus beside the checkout, if present.
fn corpus_resume() -> Option<String> {
    let dir =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/resumes");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .ok()?
        .flatten()
        .filter_map(|set| std::fs::read_dir(set.path().join("text")).ok())
        .flatten()
        .flatten()
        .map(|f| f.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    std::fs::read_to_string(files.first()?).ok()
}

#[test]
fn every_builtin_role_loads_compiles_and_analyzes() {
    let names = Role::builtin_names();
    assert!(names.len() >= 7, "{names:?}");
    let corpus = corpus_resume();
    if corpus.is_none() {
        eprintln!("SKIPPED: corpus resumes not found; using the fixture only");
    }
    for name in names {
        let role = Role::builtin(name).unwrap();
        assert_eq!(role.name, name);
        assert!(role.title.is_some(), "{name}");
        assert!(role.description.is_some(), "{name}");
        assert!(!role.sources.is_empty(), "{name}");
        assert_eq!(Role::from_toml(&role.to_toml()).unwrap(), role, "{name}");
        assert_eq!(Role::from_json(&role.to_json()).unwrap(), role, "{name}");
        let tier = |t: Tier| role.keywords.iter().filter(|k| k.tier == t).count();
        assert!((1..=12).contains(&tier(Tier::MustHave)), "{name}");
        assert!(tier(Tier::Bonus) <= 25, "{name}");
        assert_eq!(tier(Tier::Overused), 5, "{name}");
        if name != "backend-developer" {
            let code = role.sources[0].split_whitespace().nth(1).unwrap();
            let url = format!("https://www.onetonline.org/link/summary/{code}");
            assert!(
                role.sources[0].ends_with(&url),
                "{name}: {:?}",
                role.sources
            );
            assert!(
                role.sources.iter().any(|s| s.contains("CC BY 4.0")),
                "{name}"
            );
        }
        let m = Matcher::new(role).unwrap();
        for text in std::iter::once(RESUME).chain(corpus.as_deref()) {
            let r = m.analyze(text).unwrap();
            assert!(r.score <= 100, "{name}");
            assert_eq!(r.keywords.len(), m.role().keywords.len(), "{name}");
        }
        let r = m.analyze(RESUME).unwrap();
        assert!(r.score > 0, "{name}: {}", r.score);
        // Python and Linux (or SQL) are on every O*NET tech role here
        let found = |t: &str| r.keywords.iter().any(|k| k.term == t && k.found);
        assert!(found("Python") || found("SQL"), "{name}");
    }
}

#[test]
fn generated_short_names_match_their_full_o_net_names() {
    // "SQL" and "Azure" are written short; the lexicon brings the full names
    let m = Matcher::new(Role::builtin("systems-administrator").unwrap()).unwrap();
    let r = m
        .analyze("SKILLS\nStructured Query Language, Microsoft Azure, Amazon Web Services\n")
        .unwrap();
    for term in ["SQL", "Azure", "AWS"] {
        let k = r.keywords.iter().find(|k| k.term == term).unwrap();
        assert!(k.found, "{term}");
    }
}
