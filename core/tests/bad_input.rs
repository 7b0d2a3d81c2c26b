//! Bad and hostile input: a typed error or a correct report, never a panic.

use atscore::{Error, Matcher, Role};

fn m() -> Matcher {
    Matcher::new(Role::builtin("backend-developer").unwrap()).unwrap()
}

#[test]
fn empty_and_blank_text() {
    for text in ["", " ", "\n\n\n", "\u{FEFF}", "\u{200B}\u{200D}"] {
        let r = m().analyze(text).unwrap();
        assert_eq!(r.must_have.found, 0, "{text:?}");
        assert_eq!(r.document.word_count, 0, "{text:?}");
        // with nothing found, only structure-free points remain: acronyms (nothing to fix)
        assert_eq!(r.score, 5, "{text:?}");
    }
}

#[test]
fn ten_megabyte_single_line() {
    let unit = "Built SQL APIs on AWS with Docker and Kubernetes, cutting costs 30%; ";
    let text = unit.repeat(10_000_000 / unit.len() + 1);
    assert!(text.len() > 10_000_000 && !text.contains('\n'));
    let r = m().analyze(&text).unwrap();
    assert_eq!(r.document.line_count, 1);
    let sql = r.keyword("SQL").unwrap();
    assert_eq!(sql.count, text.matches("SQL").count());
    assert!(
        r.flags
            .iter()
            .any(|f| f.kind == atscore::FlagKind::Stuffing && f.text == "SQL")
    );
    // every mention counted, the first 1,000 listed
    assert_eq!(sql.hits.len(), 1000);
    let first: Vec<usize> = text.match_indices("SQL").take(3).map(|(i, _)| i).collect();
    let listed: Vec<usize> = sql.hits.iter().take(3).map(|h| h.span.start).collect();
    assert_eq!(listed, first);
}

#[test]
fn past_a_thousand_places_a_new_kind_is_still_listed() {
    // 1,500 exact mentions, then a typo and an acronym's full form: each
    // is the first of its kind, listed and flagged as in a short resume
    let mut text = "Wrote SQL queries. ".repeat(1500);
    text.push_str("\nKubernets clusters on Amazon Web Services.");
    let r = m().analyze(&text).unwrap();
    let sql = r.keyword("SQL").unwrap();
    assert_eq!((sql.count, sql.hits.len()), (1500, 1000));
    let k8s = r.keyword("Kubernetes").unwrap();
    assert_eq!(k8s.hits.len(), 1);
    assert!(
        r.flags
            .iter()
            .any(|f| f.kind == atscore::FlagKind::Typo && f.text == "Kubernets")
    );
    let more = "Wrote SQL queries. ".repeat(1500) + "Built SQL reports for the team.\n- SQL";
    let r = m().analyze(&more).unwrap();
    let sql = r.keyword("SQL").unwrap();
    assert_eq!(sql.count, 1502);
    // the list-only mention on the last line is a new kind: listed
    assert_eq!(sql.hits.len(), 1001, "{:?}", sql.hits.last());
    assert_eq!(sql.hits.last().unwrap().line, 2);
}

#[test]
fn binary_garbage() {
    // deterministic pseudo-random bytes, made into text two ways
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..200_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    let err = m().analyze_bytes(&bytes).unwrap_err();
    assert!(
        matches!(err, Error::InvalidUtf8 { binary: true, .. }),
        "{err}"
    );
    let lossy = String::from_utf8_lossy(&bytes);
    let r = m().analyze(&lossy).unwrap();
    assert!(r.score <= 100);
    for k in &r.keywords {
        for h in &k.hits {
            assert_eq!(&lossy[h.span.range()], h.text);
        }
    }
    // every char that is not a surrogate, as text
    let all: String = (0..0x11_0000u32)
        .filter_map(char::from_u32)
        .step_by(7)
        .collect();
    assert!(m().analyze(&all).is_ok());
}

#[test]
fn pdf_bytes_are_named() {
    let err = m()
        .analyze_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
        .unwrap_err();
    assert!(err.to_string().contains("binary file"), "{err}");
}

#[test]
fn input_size_limit_is_a_typed_error() {
    let m = Matcher::builder()
        .max_input_bytes(1000)
        .build(Role::builtin("backend-developer").unwrap())
        .unwrap();
    let err = m.analyze(&"a".repeat(1001)).unwrap_err();
    assert_eq!(
        err,
        Error::InputTooLarge {
            len: 1001,
            limit: 1000
        }
    );
}

#[test]
fn bad_roles_are_typed_errors() {
    let cases: &[(&str, &str)] = &[
        (r#"{"name":"x"}"#, "at least one must-have or bonus"),
        (
            r#"{"name":"x","must_have":[]}"#,
            "at least one must-have or bonus",
        ),
        (
            r#"{"name":"x","must_have":["SQL","sql"]}"#,
            "duplicate of keyword \"SQL\"",
        ),
        (
            r#"{"name":"x","must_have":["SQL"],"bonus":[" sql "]}"#,
            "duplicate",
        ),
        (
            r#"{"name":"x","must_have":["Server-side"],"bonus":["server side"]}"#,
            "duplicate",
        ),
        (
            r#"{"name":"x","must_have":["SQL"],"colour":"red"}"#,
            "unknown field `colour`",
        ),
        (
            r#"{"name":"x","must_have":[{"term":"SQL","wieght":2}]}"#,
            "unknown field `wieght`",
        ),
        (
            r#"{"name":"x","must_have":[{"term":"SQL","weight":"heavy"}]}"#,
            "invalid type",
        ),
        (
            r#"{"name":"x","must_have":[{"term":"SQL","weight":1e309}]}"#,
            "",
        ),
        (r#"{"name":"","must_have":["SQL"]}"#, "name"),
        (r#"{"name":"x","must_have":["Cloud (AWS"]}"#, "unbalanced"),
        (r#"{"name":"x","must_have":[42]}"#, "a keyword"),
        (r#"["not", "an", "object"]"#, ""),
        ("", ""),
        ("\u{0}", ""),
    ];
    for (json, needle) in cases {
        let err = Role::from_json(json).unwrap_err();
        assert!(err.to_string().contains(needle), "{json}: {err}");
    }
    let err =
        Role::from_toml("name = \"x\"\nmust_have = [\"SQL\"]\n[[bonus]]\nterm = \"Go\"\nfoo = 1\n")
            .unwrap_err();
    match err {
        Error::RoleParse { line: Some(5), .. } => {}
        other => panic!("expected a parse error at line 5, got {other:?}"),
    }
    let huge = format!(r#"{{"name":"x","must_have":["{}"]}}"#, "word ".repeat(100));
    let err = Role::from_json(&huge).unwrap_err();
    assert!(
        matches!(err, Error::InvalidKeyword { ref field, .. } if field == "term"),
        "{err}"
    );
}

#[test]
fn a_role_with_many_keywords_compiles_and_matches() {
    let keywords: Vec<String> = (0..20_000)
        .map(|i| format!("\"skill{i} alpha{}\"", i % 97))
        .collect();
    let json = format!(r#"{{"name":"big","bonus":[{}]}}"#, keywords.join(","));
    let m = Matcher::new(Role::from_json(&json).unwrap()).unwrap();
    let r = m
        .analyze("I know skill123 alpha26 and skill19999 alpha17 well")
        .unwrap();
    let found: Vec<&str> = r
        .keywords
        .iter()
        .filter(|k| k.found)
        .map(|k| k.term.as_str())
        .collect();
    assert_eq!(found, ["skill123 alpha26", "skill19999 alpha17"]);
}

#[test]
fn deep_repetition_and_odd_scripts() {
    let texts = [
        "SQL ".repeat(200_000),
        "\u{202e}RTL override SQL \u{202c} مطور برمجيات SQL שפת".to_string(),
        "e\u{301}\u{301}\u{301}\u{301} SQL\u{0}Docker\u{0}".to_string(),
        "👩‍👩‍👧‍👦".repeat(10_000) + " Kubernetes",
        "-".repeat(100_000) + "server-side",
        "(((((((((( C++ ))))))))))".repeat(1000),
        // a fullwidth digit glued to a word: its norm is shorter than it
        // (found by the property test)
        "Passionate８ Java８ Ｊａｖａ８".to_string(),
    ];
    for t in &texts {
        let r = m().analyze(t).unwrap();
        assert!(r.score <= 100);
        for k in &r.keywords {
            for h in &k.hits {
                assert_eq!(&t[h.span.range()], h.text);
            }
        }
    }
    let r = m().analyze(&texts[2]).unwrap();
    assert!(r.keyword("SQL").unwrap().found && r.keyword("Docker").unwrap().found);
    let r = m().analyze(&texts[3]).unwrap();
    assert!(r.keyword("Kubernetes").unwrap().found);
}

#[test]
fn bad_options_are_typed_errors() {
    let role = Role::builtin("backend-developer").unwrap();
    let err = Matcher::builder()
        .fuzzy_min_len(1)
        .build(role.clone())
        .unwrap_err();
    assert!(matches!(err, Error::InvalidOption { ref option, .. } if option == "fuzzy_min_len"));
    let w = atscore::ScoreWeights {
        must_have: 90.0,
        ..Default::default()
    };
    let err = Matcher::builder().weights(w).build(role).unwrap_err();
    assert!(err.to_string().contains("add up to 100"), "{err}");
}
