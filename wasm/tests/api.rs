//! The JS API, called from wasm as JS would call it, run in Node by
//! `wasm-bindgen-test-runner`. Results are turned back into core structs and
//! compared with what core gives for the same text.
#![cfg(target_arch = "wasm32")]

use atscore::{FlagKind, MatchKind, Matcher, OffsetEncoding, Report, Role};
use atscore_wasm::{
    Analyzer, AnalyzerOptions, RoleInput, analyze, role_from_job_description, roles, version,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const RESUME: &str = "\
José Müller · jose@example.com · +49 30 1234567

SUMMARY
Backend engineer 🚀 with 6 years of Go, SQL and Kubernetes; a team player.

EXPERIENCE
- Led the migration of 40 REST APIs to PostgreSQL on AWS, cutting p99 latency by 35% 👩‍💻
- Responsible for CI/CD pipelines with Docker and k8s at Zürich Café GmbH
- Built microservices in Python 🐍 for 2M daily requests

SKILLS
Go, SQL, Kubernetes, Docker, Redis, Kubernets, System Design
";

fn role(name: &str) -> RoleInput {
    JsValue::from_str(name).unchecked_into()
}

fn options(js: &str) -> Option<AnalyzerOptions> {
    Some(js_sys::JSON::parse(js).unwrap().unchecked_into())
}

fn native(text: &str, enc: OffsetEncoding) -> Report {
    let m = Matcher::new(Role::builtin("backend-developer").unwrap()).unwrap();
    let mut r = m.analyze(text).unwrap();
    r.convert_offsets(text, enc);
    r
}

fn from_js(v: impl Into<JsValue>) -> Report {
    serde_wasm_bindgen::from_value(v.into()).expect("a report")
}

/// The message of a thrown error, after checking it is a JS `Error`.
fn error_message(e: JsValue) -> String {
    let e: js_sys::Error = e.dyn_into().expect("a JS Error");
    assert_eq!(String::from(e.name()), "AtscoreError");
    String::from(e.message())
}

#[wasm_bindgen_test]
fn analyze_gives_the_core_report_in_utf16() {
    let analyzer = Analyzer::new(role("backend-developer"), None).unwrap();
    assert_eq!(analyzer.offsets(), "utf16");
    let got = from_js(analyzer.analyze(RESUME).unwrap());
    let want = native(RESUME, OffsetEncoding::Utf16);
    assert_eq!(got, want);
    assert_eq!(got.offsets, OffsetEncoding::Utf16);
    assert!(got.keyword("SQL").unwrap().found);
    assert!(got.flags.iter().any(|f| f.kind == FlagKind::Typo));
}

#[wasm_bindgen_test]
fn utf16_spans_slice_the_js_string() {
    let analyzer = Analyzer::new(role("backend-developer"), None).unwrap();
    let report = from_js(analyzer.analyze(RESUME).unwrap());
    let js_text = js_sys::JsString::from(RESUME);
    let mut checked = 0;
    for k in &report.keywords {
        for h in &k.hits {
            let slice = js_text.slice(h.span.start as u32, h.span.end as u32);
            assert_eq!(String::from(slice), h.text, "{} at {:?}", k.term, h.span);
            checked += 1;
        }
    }
    for f in report.flags.iter().filter(|f| f.kind == FlagKind::Vague) {
        let s = f.span.unwrap();
        let slice = String::from(js_text.slice(s.start as u32, s.end as u32));
        assert_eq!(slice.to_lowercase(), f.text.to_lowercase());
    }
    // Hits after emoji and accents: byte and UTF-16 offsets differ there.
    let k8s = &report.keyword("Kubernetes").unwrap().hits;
    let alias = k8s.iter().find(|h| h.kind == MatchKind::Alias).unwrap();
    assert_eq!(alias.text, "k8s");
    let utf8 = RESUME.find("k8s").unwrap();
    assert!(
        alias.span.start < utf8,
        "UTF-16 offset is below the byte offset"
    );
    assert_eq!(alias.span.start, RESUME[..utf8].encode_utf16().count());
    assert!(checked >= 10, "only {checked} hits");
}

#[wasm_bindgen_test]
fn offsets_option_picks_the_units() {
    for (name, enc) in [
        ("utf8", OffsetEncoding::Utf8),
        ("utf16", OffsetEncoding::Utf16),
        ("code_point", OffsetEncoding::CodePoint),
    ] {
        let opts = options(&format!(r#"{{"offsets": "{name}"}}"#));
        let analyzer = Analyzer::new(role("backend-developer"), opts).unwrap();
        assert_eq!(analyzer.offsets(), name);
        let got = from_js(analyzer.analyze(RESUME).unwrap());
        assert_eq!(got, native(RESUME, enc), "{name}");
        let json = analyzer.analyze_json(RESUME).unwrap();
        assert_eq!(json, native(RESUME, enc).to_json(), "{name}");
    }
}

#[wasm_bindgen_test]
fn analyze_json_is_the_canonical_json() {
    let analyzer = Analyzer::new(role("backend-developer"), None).unwrap();
    let json = analyzer.analyze_json(RESUME).unwrap();
    assert_eq!(json, native(RESUME, OffsetEncoding::Utf16).to_json());
    // The plain object is the parsed JSON, field for field.
    let parsed: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(from_js(analyzer.analyze(RESUME).unwrap()), parsed);
}

#[wasm_bindgen_test]
fn core_options_pass_through() {
    let opts = options(
        r#"{"fuzzy": false, "vague_phrases": false, "weights": {"bonus": 30, "must_have": 35}}"#,
    );
    let analyzer = Analyzer::new(role("backend-developer"), opts).unwrap();
    let got = from_js(analyzer.analyze(RESUME).unwrap());
    assert!(!got.flags.iter().any(|f| f.kind == FlagKind::Typo));
    assert!(!got.flags.iter().any(|f| f.kind == FlagKind::Vague));
    let bonus = got
        .score_breakdown
        .iter()
        .find(|s| s.id == "bonus")
        .unwrap();
    assert_eq!(bonus.max_points, 30.0);
}

#[wasm_bindgen_test]
fn role_as_object_or_json_text() {
    let json = r#"{"name": "tiny", "title": "Tiny", "must_have": ["SQL", {"term": "Go", "case_sensitive": true}], "bonus": ["Redis"]}"#;
    let object: RoleInput = js_sys::JSON::parse(json).unwrap().unchecked_into();
    let a = Analyzer::new(object, None).unwrap();
    let b = Analyzer::new(role(json), None).unwrap();
    let ra = from_js(a.analyze(RESUME).unwrap());
    let rb = from_js(b.analyze(RESUME).unwrap());
    assert_eq!(ra, rb);
    assert_eq!(ra.role.name, "tiny");
    let terms: Vec<&str> = ra.keywords.iter().map(|k| k.term.as_str()).collect();
    assert_eq!(terms, ["SQL", "Go", "Redis"]);
    assert!(ra.keywords.iter().all(|k| k.found));
    let mut want = Matcher::new(Role::from_json(json).unwrap())
        .unwrap()
        .analyze(RESUME)
        .unwrap();
    want.convert_offsets(RESUME, OffsetEncoding::Utf16);
    assert_eq!(ra, want);
    // The role getter gives the role file back.
    let back = js_sys::JSON::stringify(&a.role().unwrap()).unwrap();
    assert_eq!(
        Role::from_json(&String::from(back)).unwrap(),
        Role::from_json(json).unwrap()
    );
}

#[wasm_bindgen_test]
fn one_shot_analyze_and_roles() {
    let got = from_js(analyze(RESUME, role("backend-developer"), None).unwrap());
    assert_eq!(got, native(RESUME, OffsetEncoding::Utf16));
    let list: Vec<serde_json::Value> =
        serde_wasm_bindgen::from_value(roles().unwrap().into()).unwrap();
    let names: Vec<&str> = list.iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, Role::builtin_names());
    let first = Role::builtin(names[0]).unwrap();
    assert_eq!(list[0]["title"].as_str(), first.title.as_deref());
    assert!(!version().is_empty());
}

#[wasm_bindgen_test]
fn errors_are_js_errors_with_the_core_message() {
    let e = Analyzer::new(role("no-such-role"), None).err().unwrap();
    assert_eq!(
        error_message(e),
        Role::builtin("no-such-role").unwrap_err().to_string()
    );

    let bad = r#"{"name": "x", "must_hav": ["SQL"]}"#;
    let e = Analyzer::new(role(bad), None).err().unwrap();
    assert_eq!(
        error_message(e),
        Role::from_json(bad).unwrap_err().to_string()
    );

    let invalid = r#"{"name": "x", "must_have": [{"term": "SQL", "weight": -1}]}"#;
    let object: RoleInput = js_sys::JSON::parse(invalid).unwrap().unchecked_into();
    let msg = error_message(Analyzer::new(object, None).err().unwrap());
    assert_eq!(msg, Role::from_json(invalid).unwrap_err().to_string());
    assert!(msg.contains("weight"), "{msg}");

    let msg = error_message(
        Analyzer::new(role("backend-developer"), options(r#"{"fuzy": true}"#))
            .err()
            .unwrap(),
    );
    assert!(msg.contains("fuzy"), "{msg}");

    let msg = error_message(
        Analyzer::new(
            role("backend-developer"),
            options(r#"{"fuzzy_min_len": 2}"#),
        )
        .err()
        .unwrap(),
    );
    let o = atscore::Options {
        fuzzy_min_len: 2,
        ..Default::default()
    };
    assert_eq!(msg, o.validate().unwrap_err().to_string());

    let msg = error_message(
        Analyzer::new(
            role("backend-developer"),
            options(r#"{"offsets": "utf-16"}"#),
        )
        .err()
        .unwrap(),
    );
    assert!(msg.contains("offsets") && msg.contains("utf-16"), "{msg}");

    let msg = error_message(
        Analyzer::new(JsValue::from_f64(3.0).unchecked_into(), None)
            .err()
            .unwrap(),
    );
    assert!(msg.contains("role"), "{msg}");

    let small = options(r#"{"max_input_bytes": 10}"#);
    let analyzer = Analyzer::new(role("backend-developer"), small).unwrap();
    let msg = error_message(analyzer.analyze(RESUME).err().unwrap());
    assert!(msg.contains("max_input_bytes"), "{msg}");
    assert!(error_message(analyzer.analyze_json(RESUME).err().unwrap()).contains("too large"));
}

#[wasm_bindgen_test]
fn role_from_job_description_gives_the_core_role() {
    let jd = "Requirements:\n- RESTful APIs in Python\n\nNice to have:\n- Kubernetes\n";
    let js = role_from_job_description(jd).unwrap();
    let json = String::from(js_sys::JSON::stringify(&js).unwrap());
    let got = Role::from_json(&json).unwrap();
    assert_eq!(got, Role::from_job_description(jd).unwrap());
    // the role object analyzes as it is
    let report = from_js(analyze(RESUME, JsValue::from(js).unchecked_into(), None).unwrap());
    assert!(report.keyword("Python").unwrap().found);
    let Err(err) = role_from_job_description("Fun team, free lunch.") else {
        panic!("a posting without skills must fail");
    };
    assert!(error_message(err).contains("no skill"));
}

#[wasm_bindgen_test]
fn a_job_title_finds_the_builtin_role() {
    let by_title = Analyzer::new(role("Backend Engineer"), None).unwrap();
    let by_name = Analyzer::new(role("backend-developer"), None).unwrap();
    assert_eq!(
        by_title.analyze_json(RESUME).unwrap(),
        by_name.analyze_json(RESUME).unwrap()
    );
    let err = Analyzer::new(role("astronaut"), None)
        .map(|_| ())
        .unwrap_err();
    assert!(error_message(err).contains("backend-developer"));
}
