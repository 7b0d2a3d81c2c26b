//! The flashtext peer test cases (../shared/corpus/peer-tests/flashtext),
//! run through our matcher.
//!
//! Each case gives a sentence, a dictionary `clean name -> [keywords]` and the
//! clean names flashtext extracts, in order. We build a role with one bonus
//! keyword per clean name (the first keyword as term, the rest as aliases;
//! no lexicon, no ambiguity rule: flashtext has neither) and compare.
//!
//! Cases we answer differently on purpose are listed in `DELIBERATE` with
//! the reason; the test checks we still give exactly our documented answer.

use std::path::PathBuf;

use atscore::{Keyword, Matcher, Role, Tier};
use serde_json::Value;

fn corpus() -> Option<PathBuf> {
    let p =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/peer-tests/flashtext");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!(
            "SKIPPED: {} not found (the shared corpus sits beside the checkout in CI)",
            p.display()
        );
        None
    }
}

/// (sentence, case-sensitive?, our answer, why flashtext's differs)
const DELIBERATE: &[(&str, bool, &[&str], &str)] = &[(
    "distributed super distributed super computing institute java",
    false,
    &["Distributed Super Computing Institutes", "Java"],
    "plural: 'institute' is the singular of the keyword 'institutes'; we match inflections, flashtext only exact strings",
)];

fn role_for(dict: &serde_json::Map<String, Value>, case_sensitive: bool) -> Role {
    let mut keywords = Vec::new();
    for forms in dict.values() {
        let forms: Vec<String> = forms
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap().to_string())
            .collect();
        let mut k = Keyword::new(forms[0].clone(), Tier::Bonus);
        k.aliases = forms[1..].to_vec();
        k.lexicon = false;
        k.ambiguous = Some(false);
        k.case_sensitive = case_sensitive;
        keywords.push(k);
    }
    Role {
        name: "flashtext".into(),
        keywords,
        ..Role::default()
    }
}

#[test]
fn flashtext_extraction_cases() {
    let Some(dir) = corpus() else { return };
    let cases: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(dir.join("keyword_extractor_test_cases.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(cases.len(), 49);
    let mut same = 0;
    let mut deliberate = 0;
    for case in &cases {
        let sentence = case["sentence"].as_str().unwrap();
        let dict = case["keyword_dict"].as_object().unwrap();
        let clean: Vec<&String> = dict.keys().collect();
        for (cs, field) in [(false, "keywords"), (true, "keywords_case_sensitive")] {
            let want: Vec<&str> = case[field]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            let role = role_for(dict, cs);
            let matcher = Matcher::builder()
                .fuzzy(false)
                .vague_phrases(false)
                .build(role)
                .unwrap();
            let report = matcher.analyze(sentence).unwrap();
            let mut got: Vec<(usize, &str)> = Vec::new();
            for (i, k) in report.keywords.iter().enumerate() {
                for h in k.hits.iter().filter(|h| h.kind.counts()) {
                    assert_eq!(&sentence[h.span.range()], h.text);
                    got.push((h.span.start, clean[i].as_str()));
                }
            }
            got.sort();
            let got: Vec<&str> = got.into_iter().map(|g| g.1).collect();
            let plural_case = dict.contains_key("Distributed Super Computing Institutes");
            if let Some(d) = DELIBERATE
                .iter()
                .find(|d| d.0 == sentence && d.1 == cs && plural_case)
            {
                assert_eq!(
                    got, d.2,
                    "deliberate difference changed on {sentence:?}: {}",
                    d.3
                );
                assert_ne!(
                    got, want,
                    "no longer differs from flashtext on {sentence:?}"
                );
                deliberate += 1;
            } else {
                assert_eq!(
                    got, want,
                    "case {sentence:?} (case-sensitive: {cs}), dict {dict:?}"
                );
                same += 1;
            }
        }
    }
    eprintln!("flashtext: {same} answers identical, {deliberate} deliberately different");
    assert!(same >= 90, "{same}");
}
