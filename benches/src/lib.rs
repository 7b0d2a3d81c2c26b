//! Inputs for the atscore benchmarks: the real corpus resumes and a large
//! synthetic resume.
//!
//! ```
//! let text = atscore_benches::synthetic_resume(10_000);
//! assert!(text.len() >= 10_000);
//! ```

use std::path::PathBuf;

use atscore::{Matcher, Role};

/// The matcher the profiling examples run: the role in the JSON file named
/// by `ATSCORE_PROFILE_ROLE`, compiled as `python/bench/peers_adapter.py`
/// does (no typo finding, no vague phrases), or else the built-in
/// backend-developer role. Panics on a role file it cannot read (a tool,
/// not the library).
///
/// ```
/// let m = atscore_benches::profile_matcher();
/// assert!(!m.role().keywords.is_empty());
/// ```
pub fn profile_matcher() -> Matcher {
    match std::env::var("ATSCORE_PROFILE_ROLE") {
        Ok(path) => {
            let role = Role::from_json(&std::fs::read_to_string(&path).unwrap())
                .unwrap_or_else(|e| panic!("{path}: {e}"));
            Matcher::builder()
                .fuzzy(false)
                .vague_phrases(false)
                .build(role)
                .unwrap()
        }
        Err(_) => Matcher::new(Role::builtin("backend-developer").unwrap()).unwrap(),
    }
}

/// The corpus resumes (`../shared/corpus/resumes/*/text/*.txt` beside the
/// checkout), or an empty list with a message if the folder is absent.
///
/// ```
/// let docs = atscore_benches::corpus_resumes();
/// assert!(docs.iter().all(|d| !d.is_empty()));
/// ```
pub fn corpus_resumes() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/resumes");
    let mut files = Vec::new();
    if let Ok(sets) = std::fs::read_dir(&dir) {
        for set in sets.flatten() {
            if let Ok(fs) = std::fs::read_dir(set.path().join("text")) {
                files.extend(
                    fs.flatten()
                        .map(|f| f.path())
                        .filter(|p| p.extension().is_some_and(|e| e == "txt")),
                );
            }
        }
    } else {
        eprintln!(
            "corpus folder {} not found: corpus benches skipped",
            dir.display()
        );
    }
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter(|t| !t.is_empty())
        .collect()
}

/// The job postings of the shared corpus (SkillSpan, resume-matcher), in
/// file order; empty (with a note) when the corpus is absent.
///
/// ```
/// let p = atscore_benches::corpus_postings();
/// assert!(p.iter().all(|t| !t.is_empty()));
/// ```
pub fn corpus_postings() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/jobs");
    let mut files = Vec::new();
    for sub in [
        "skillspan",
        "resume-matcher-2020/text",
        "resume-matcher-samples/text",
    ] {
        if let Ok(fs) = std::fs::read_dir(dir.join(sub)) {
            files.extend(
                fs.flatten()
                    .map(|f| f.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "txt")),
            );
        }
    }
    if files.is_empty() {
        eprintln!(
            "corpus folder {} not found: posting benches skipped",
            dir.display()
        );
    }
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter(|t| !t.trim().is_empty())
        .collect()
}

/// A deterministic resume-like text of at least `bytes` bytes: experience
/// bullets with skills, numbers, vague phrases, and a skills list.
///
/// ```
/// let a = atscore_benches::synthetic_resume(5_000);
/// assert_eq!(a, atscore_benches::synthetic_resume(5_000));
/// ```
pub fn synthetic_resume(bytes: usize) -> String {
    const VERBS: &[&str] = &[
        "Built",
        "Designed",
        "Led",
        "Migrated",
        "Optimized",
        "Responsible for",
        "Worked on",
        "Automated",
    ];
    const OBJECTS: &[&str] = &[
        "the billing API",
        "a real-time analytics pipeline",
        "the order service",
        "legacy monolith components",
        "the payments gateway",
        "a multi-tenant SaaS backend",
        "the search infrastructure",
    ];
    const SKILLS: &[&str] = &[
        "Python",
        "Java",
        "Node.js",
        "Go",
        "C#",
        "PostgreSQL",
        "MySQL",
        "MongoDB",
        "Redis",
        "Kafka",
        "Docker",
        "Kubernetes",
        "k8s",
        "AWS",
        "Azure",
        "GCP",
        "Terraform",
        "CI/CD",
        "REST APIs",
        "GraphQL",
        "microservices",
        "system design",
        "server-side",
        "C++17",
        ".NET",
        "Résumé-parsing",
        "Kubernets",
    ];
    let mut out = String::with_capacity(bytes + 200);
    out.push_str("Jane Doe\njane@example.com | +1 555 123 4567 | linkedin.com/in/janedoe\n\nSUMMARY\nBackend engineer, hard worker and team player.\n\nEXPERIENCE\n");
    let mut x: u32 = 12345;
    let mut next = |n: usize| {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        x as usize % n
    };
    while out.len() < bytes {
        out.push_str("- ");
        out.push_str(VERBS[next(VERBS.len())]);
        out.push(' ');
        out.push_str(OBJECTS[next(OBJECTS.len())]);
        out.push_str(" using ");
        out.push_str(SKILLS[next(SKILLS.len())]);
        out.push_str(" and ");
        out.push_str(SKILLS[next(SKILLS.len())]);
        if next(2) == 0 {
            out.push_str(&format!(", cutting p99 latency by {}%", 5 + next(60)));
        }
        out.push_str(".\n");
    }
    out.push_str(
        "\nSKILLS\nPython, Go, SQL, Docker, Kubernetes, AWS\n\nEDUCATION\nB.Sc. Computer Science\n",
    );
    out
}
