//! Integration tests on the real resumes in ../shared/corpus/resumes.
//!
//! If the corpus folder is absent the tests say so loudly and pass; CI has
//! it beside the checkout.

use std::path::{Path, PathBuf};

use atscore::{FlagKind, KeywordStatus, Matcher, OffsetEncoding, Role, Tier};

fn corpus_dir() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/resumes");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("SKIPPED: corpus folder {} not found", p.display());
        None
    }
}

fn resumes(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for set in std::fs::read_dir(dir).unwrap() {
        let text_dir = set.unwrap().path().join("text");
        let Ok(files) = std::fs::read_dir(&text_dir) else {
            continue;
        };
        for f in files {
            let p = f.unwrap().path();
            if p.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&p).unwrap();
                out.push((p, text));
            }
        }
    }
    out.sort();
    out
}

fn matcher() -> Matcher {
    Matcher::new(Role::builtin("backend-developer").unwrap()).unwrap()
}

#[test]
fn every_corpus_resume_gives_a_consistent_report() {
    let Some(dir) = corpus_dir() else { return };
    let files = resumes(&dir);
    assert!(
        files.len() >= 200,
        "expected the 236 corpus resumes, found {}",
        files.len()
    );
    let m = matcher();
    let texts: Vec<&str> = files.iter().map(|(_, t)| t.as_str()).collect();
    let batch = m.analyze_many(&texts);
    let mut checked = 0;
    for ((path, text), batch_report) in files.iter().zip(batch) {
        let name = path.display();
        let r = m.analyze(text).unwrap();
        // deterministic, and the batch gives the same report
        assert_eq!(r.to_json(), m.analyze(text).unwrap().to_json(), "{name}");
        assert_eq!(r, batch_report.unwrap(), "{name}");
        assert!(r.score <= 100, "{name}");
        let total: f64 = r.score_breakdown.iter().map(|c| c.points).sum();
        assert_eq!(r.score, total.round().clamp(0.0, 100.0) as u32, "{name}");
        for k in &r.keywords {
            for h in &k.hits {
                assert_eq!(&text[h.span.range()], h.text, "{name}: {}", k.term);
                let line_start = text[..h.span.start].rfind('\n').map_or(0, |i| i + 1);
                assert_eq!(
                    text[..line_start].matches('\n').count() + 1,
                    h.line,
                    "{name}: line of {}",
                    h.text
                );
            }
            assert_eq!(
                k.found,
                k.hits.iter().any(|h| h.kind.counts()),
                "{name}: {}",
                k.term
            );
        }
        for f in &r.flags {
            if let Some(s) = f.span {
                assert!(
                    text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                    "{name}"
                );
            }
        }
        // the code-point conversion slices the same text
        let mut cp = r.clone();
        cp.convert_offsets(text, OffsetEncoding::CodePoint);
        let chars: Vec<char> = text.chars().collect();
        for (k, kc) in r.keywords.iter().zip(&cp.keywords) {
            for (h, hc) in k.hits.iter().zip(&kc.hits) {
                let s: String = chars[hc.span.start..hc.span.end].iter().collect();
                assert_eq!(s, h.text, "{name}");
            }
        }
        // a resume filed under a category names that category's skill
        let file = path.file_name().unwrap().to_string_lossy();
        for (category, term) in [
            ("java-developer", "Java"),
            ("python-developer", "Python"),
            ("devops-engineer", "DevOps"),
        ] {
            if file.ends_with(&format!("-{category}.txt")) {
                assert!(r.keyword(term).unwrap().found, "{name}: {term}");
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 13 + 6 + 7, "kaggle java/python/devops resumes");
}

fn report_for(dir: &Path, rel: &str) -> (String, atscore::Report) {
    let text = std::fs::read_to_string(dir.join(rel)).unwrap();
    let r = matcher().analyze(&text).unwrap();
    (text, r)
}

#[test]
fn john_doe_full_stack() {
    let Some(dir) = corpus_dir() else { return };
    let (_, r) = report_for(&dir, "resume-matcher-samples/text/john_doe.txt");
    let status = |t: &str| r.keyword(t).unwrap().status;
    // used in experience bullets
    for t in ["Java", "SQL", "MySQL", "MongoDB", "Git"] {
        assert_eq!(status(t), KeywordStatus::InContext, "{t}");
    }
    // only in the skills list
    assert_eq!(status("Docker"), KeywordStatus::ListOnly);
    assert!(
        r.flags
            .iter()
            .any(|f| f.kind == FlagKind::ListOnly && f.text == "Docker")
    );
    // RESTful APIs / RESTful services count for API development and REST
    assert!(r.keyword("API Development").unwrap().found);
    assert!(r.keyword("REST").unwrap().found);
    // never mentioned
    for t in [
        "DevOps",
        "Cloud Computing (AWS/Azure/GCP)",
        "Kubernetes",
        "Go",
        "C#",
    ] {
        assert_eq!(status(t), KeywordStatus::Missing, "{t}");
    }
    // "Participated in", "Assisted in" are weak verbs
    let weak: Vec<&str> = r
        .flags
        .iter()
        .filter(|f| f.kind == FlagKind::WeakVerb)
        .map(|f| f.text.as_str())
        .collect();
    assert_eq!(weak, ["Participated in", "Assisted in"]);
    // "improving user experience by 30" is the one quantified bullet of 11
    assert_eq!((r.achievements.quantified, r.achievements.total), (1, 11));
    let secs: Vec<&str> = r
        .document
        .sections
        .iter()
        .map(|s| s.section.label())
        .collect();
    assert_eq!(
        secs,
        [
            "summary",
            "skills",
            "experience",
            "education",
            "certifications"
        ]
    );
    assert!(r.document.contact.email.is_some() && r.document.contact.phone.is_some());
    assert_eq!(r.document.contact.links.len(), 2);
}

#[test]
fn bruce_wayne_mern() {
    let Some(dir) = corpus_dir() else { return };
    let (_, r) = report_for(
        &dir,
        "resume-matcher-samples/text/bruce_wayne_fullstack.txt",
    );
    for t in ["Node.js", "MongoDB", "Docker", "Kubernetes"] {
        assert_eq!(
            r.keyword(t).unwrap().status,
            KeywordStatus::InContext,
            "{t}"
        );
    }
    // no SQL anywhere (MongoDB only), no cloud provider
    assert!(!r.keyword("SQL").unwrap().found);
    assert!(!r.keyword("Cloud Computing (AWS/Azure/GCP)").unwrap().found);
    // "June 2020 – Present" is not communication
    assert!(
        !r.keyword("Communication")
            .unwrap()
            .hits
            .iter()
            .any(|h| h.text == "Present")
    );
    // not one number in the bullets
    assert_eq!(r.achievements.quantified, 0);
    assert!(r.achievements.total >= 10);
    let top = &r.suggestions[0];
    assert_eq!(
        top.keyword.as_deref().map(|k| r.keyword(k).unwrap().tier),
        Some(Tier::MustHave)
    );
}

#[test]
fn indian_portal_resume_finds_gcp_and_sql() {
    let Some(dir) = corpus_dir() else { return };
    let (text, r) = report_for(&dir, "resume-matcher-2020/text/abhishek_sharma.txt");
    let cloud = r.keyword("Cloud Computing (AWS/Azure/GCP)").unwrap();
    assert!(cloud.found);
    assert!(cloud.hits.iter().all(|h| h.via.as_deref() == Some("GCP")));
    assert!(cloud.hits.iter().any(|h| h.text == "Google Cloud Platform"));
    assert!(r.keyword("SQL").unwrap().found);
    // "Result-oriented Professional" is flagged once
    let vague: Vec<&str> = r
        .flags
        .iter()
        .filter(|f| f.kind == FlagKind::Vague)
        .map(|f| f.text.as_str())
        .collect();
    assert_eq!(vague, ["Result-oriented"]);
    assert!(text.contains("Result-oriented"));
}

/// Capping suggestions keeps the most valuable ones in the same order: the
/// capped list is a prefix of the uncapped one, which is sorted by impact
/// (then kind), and each message is the same.
#[test]
fn capped_suggestions_are_a_prefix_of_all_suggestions() {
    let Some(dir) = corpus_dir() else { return };
    let role = Role::builtin("software-developer").unwrap();
    let all = Matcher::builder()
        .max_suggestions(10_000)
        .build(role.clone())
        .unwrap();
    let mut long_lists = 0;
    for cap in [0, 1, 7, 30] {
        let capped = Matcher::builder()
            .max_suggestions(cap)
            .build(role.clone())
            .unwrap();
        for (path, text) in resumes(&dir).iter().step_by(3) {
            let full = all.analyze(text).unwrap().suggestions;
            let some = capped.analyze(text).unwrap().suggestions;
            assert_eq!(some.len(), full.len().min(cap), "{}", path.display());
            assert_eq!(some[..], full[..some.len()], "{}", path.display());
            assert!(
                full.windows(2).all(|w| w[0].impact > w[1].impact
                    || w[0].impact == w[1].impact && w[0].kind <= w[1].kind),
                "{}",
                path.display()
            );
            long_lists += usize::from(full.len() > 30);
        }
    }
    assert!(long_lists > 0, "some resume has more than 30 suggestions");
}

/// `Matcher::find` gives exactly the report's hits (keyword, span, kind,
/// variant), in text order, for every corpus resume.
#[test]
fn find_gives_the_hits_of_the_report() {
    let Some(dir) = corpus_dir() else { return };
    let m = matcher();
    let mut total = 0;
    for (path, text) in resumes(&dir) {
        let found = m.find(&text).unwrap();
        assert!(
            found.windows(2).all(|w| w[0].span.start <= w[1].span.start),
            "{}",
            path.display()
        );
        let mut from_find: Vec<_> = found
            .iter()
            .map(|f| (f.keyword, f.span.start, f.span.end, f.kind, f.variant))
            .collect();
        let mut from_report: Vec<_> = m
            .analyze(&text)
            .unwrap()
            .keywords
            .iter()
            .enumerate()
            .flat_map(|(i, k)| {
                k.hits
                    .iter()
                    .map(move |h| (i, h.span.start, h.span.end, h.kind, h.variant))
            })
            .collect();
        from_find.sort_by_key(|h| (h.0, h.1));
        from_report.sort_by_key(|h| (h.0, h.1));
        assert_eq!(from_find, from_report, "{}", path.display());
        total += found.len();
    }
    assert!(
        total > 1500,
        "{total} hits on the corpus (1,729 when written)"
    );
}
