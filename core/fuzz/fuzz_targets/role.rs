//! Role files from arbitrary text, as JSON and as TOML: a role or a typed
//! error. Any role that parses compiles, analyzes a small resume with spans
//! on char boundaries, and survives a round trip through its own JSON and TOML.
#![no_main]

use atscore::{Matcher, Role};
use libfuzzer_sys::fuzz_target;

const RESUME: &str = "Jane Doe · jane@example.com\n\nEXPERIENCE\n- Built C++ and .NET services on AWS, CI/CD with k8s; cut latency 40%\n- Responsible for server-side APIs in Go\n\nSKILLS\nSQL, Python, Kubernetes, 东京, e\u{301}clair, 👩\u{200D}💻\n";

fn exercise(role: Role) {
    let json = role.to_json();
    let again = Role::from_json(&json).unwrap_or_else(|e| panic!("own JSON fails: {e}\n{json}"));
    assert_eq!(again, role, "JSON round trip");
    let toml = role.to_toml();
    let again = Role::from_toml(&toml).unwrap_or_else(|e| panic!("own TOML fails: {e}\n{toml}"));
    assert_eq!(again, role, "TOML round trip");
    let m = Matcher::new(role).expect("a validated role compiles");
    let r = m.analyze(RESUME).unwrap();
    assert!(r.score <= 100);
    for k in &r.keywords {
        for h in &k.hits {
            assert_eq!(RESUME.get(h.span.range()), Some(h.text.as_str()));
        }
    }
    // the role's own words as a resume
    let words: String = m
        .role()
        .keywords
        .iter()
        .flat_map(|k| std::iter::once(k.term.as_str()).chain(k.aliases.iter().map(|s| s.as_str())))
        .collect::<Vec<_>>()
        .join("\n- ");
    let r = m.analyze(&words).unwrap();
    for k in &r.keywords {
        for h in &k.hits {
            assert_eq!(words.get(h.span.range()), Some(h.text.as_str()));
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(role) = Role::from_json(s) {
        exercise(role);
    }
    if let Ok(role) = Role::from_toml(s) {
        exercise(role);
    }
});
