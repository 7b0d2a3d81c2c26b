//! The JS API, called from wasm as JS would call it, run in Node by
//! `wasm-bindgen-test-runner`. Results are turned back into core structs and
//! compared with what core gives for the same text.
#![cfg(target_arch = "wasm32")]

use atscore::file::{FileKind, Origin};
use atscore::{FlagKind, MatchKind, Matcher, OffsetEncoding, Report, Role};
use atscore_wasm::{
    Analyzer, AnalyzerOptions, FileBytes, FileKindInput, RoleInput, analyze, analyze_bytes,
    role_from_job_description, roles, version,
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

/// The module does not embed the posting reader's data: load it as a page
/// would (from the files build.sh copies beside the module).
fn load_posting_data() {
    atscore_wasm::load_posting_data(
        include_str!("../../core/data/lexicon.tsv"),
        include_bytes!("../../core/data/tagger.bin"),
        include_str!("../../core/data/common-words.txt"),
        include_str!("../../core/data/places.txt"),
    )
    .unwrap();
    assert!(atscore_wasm::posting_data_loaded());
    // bad data is an error that says what is wrong
    let err = atscore_wasm::load_posting_data("", &[], "", "").unwrap_err();
    assert!(error_message(err).contains("lexicon"));
}

#[wasm_bindgen_test]
fn role_from_job_description_gives_the_core_role() {
    load_posting_data();
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

/// The module does not embed the role library and no test here loads it
/// (the tests share one module): searches and suggestions throw an Error
/// that says to call `loadRoleLibrary`; a job title only the library knows
/// is core's unknown role; what is not a library is refused without loading
/// anything. (tests/node/library.test.mjs loads it.)
#[wasm_bindgen_test]
fn without_the_role_library_its_calls_say_to_load_it() {
    assert!(!atscore_wasm::role_library_loaded());
    let says_load = |e: JsValue| {
        let msg = error_message(e);
        assert!(
            msg.contains("loadRoleLibrary(text)") && msg.contains("role-library.tsv"),
            "{msg}"
        );
        msg
    };
    let msg = says_load(
        atscore_wasm::search_roles("registered nurse", None)
            .err()
            .unwrap(),
    );
    assert!(msg.contains("field `library`"), "{msg}");
    says_load(
        atscore_wasm::search_roles_json("", Some(5.0))
            .err()
            .unwrap(),
    );
    let msg = says_load(
        atscore_wasm::suggest_roles(
            JsValue::from_str("Registered nurse.").unchecked_into(),
            None,
        )
        .err()
        .unwrap(),
    );
    assert!(msg.contains("library"), "{msg}");
    // a job title only the library knows: core's unknown role, as it is
    let msg = error_message(
        Analyzer::new(role("registered nurse"), None)
            .map(|_| ())
            .unwrap_err(),
    );
    assert_eq!(msg, Role::find("registered nurse").unwrap_err().to_string());
    assert!(
        msg.starts_with("unknown role \"registered nurse\""),
        "{msg}"
    );
    // the hand-kept roles need nothing
    assert!(Analyzer::new(role("Backend Engineer"), None).is_ok());
    // a bad limit is named before the library is needed
    let msg = error_message(
        atscore_wasm::search_roles("nurse", Some(-2.0))
            .err()
            .unwrap(),
    );
    assert!(msg.contains("limit must be a whole number"), "{msg}");
    // not a library: core's message, and nothing loaded
    let msg = error_message(atscore_wasm::load_role_library("K\tSQL\n".to_string()).unwrap_err());
    assert!(
        msg.contains("not an atscore role library") && !msg.contains("loadRoleLibrary"),
        "{msg}"
    );
    assert!(!atscore_wasm::role_library_loaded());
}

// ---------------------------------------------------------------------------
// Files: analyzeBytes

/// A one-page PDF drawing `lines` in Helvetica (WinAnsi, so `\\351` is é),
/// with a correct cross-reference table.
fn pdf(lines: &[&[u8]]) -> Vec<u8> {
    let mut content = b"BT /F1 11 Tf 72 720 Td 14 TL".to_vec();
    for line in lines {
        content.extend_from_slice(b" (");
        content.extend_from_slice(line);
        content.extend_from_slice(b") Tj T*");
    }
    content.extend_from_slice(b" ET");
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
    ];
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend_from_slice(&content);
    stream.extend_from_slice(b"\nendstream");
    objects.push(stream);
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

const PDF_LINES: &[&[u8]] = &[
    b"Jos\\351 M\\374ller  jose@example.com  +49 30 1234567",
    b"EXPERIENCE",
    b"Built REST APIs in Go and SQL on AWS for 2M users at Z\\374rich Caf\\351",
    b"SKILLS",
    b"Go, SQL, Kubernetes, Docker, Redis",
];

/// A DOCX of paragraphs, the first in the page header.
fn docx(header: &str, paragraphs: &[&str]) -> Vec<u8> {
    use std::io::{Cursor, Write};
    use zip::write::SimpleFileOptions;
    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;
    let p = |t: &str| format!(r#"<w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>"#);
    let body: String = paragraphs.iter().map(|t| p(t)).collect();
    let parts = [
        ("[Content_Types].xml".to_string(), r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.to_string()),
        ("_rels/.rels".to_string(), r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_string()),
        ("word/_rels/document.xml.rels".to_string(), r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>"#.to_string()),
        ("word/header1.xml".to_string(), format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:hdr {NS}>{}</w:hdr>"#, p(header))),
        ("word/document.xml".to_string(), format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}<w:sectPr><w:headerReference w:type="default" r:id="rId7"/></w:sectPr></w:body></w:document>"#)),
    ];
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in &parts {
        w.start_file(name.as_str(), SimpleFileOptions::default())
            .unwrap();
        w.write_all(data.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn js_bytes(bytes: &[u8]) -> FileBytes {
    JsValue::from(js_sys::Uint8Array::from(bytes)).unchecked_into()
}

fn kind(name: &str) -> Option<FileKindInput> {
    Some(JsValue::from_str(name).unchecked_into())
}

/// What core gives for a file, spans converted against the extracted text.
fn native_file(bytes: &[u8], enc: OffsetEncoding) -> Report {
    let m = Matcher::new(Role::builtin("backend-developer").unwrap()).unwrap();
    let mut r = m.analyze_file(bytes, None).unwrap();
    let text = r.file.as_ref().unwrap().text.clone();
    r.convert_offsets(&text, enc);
    r
}

/// A thrown file error: (problem, the whole error for more checks).
fn file_error(e: JsValue) -> (String, js_sys::Error) {
    let e: js_sys::Error = e.dyn_into().expect("a JS Error");
    assert_eq!(
        String::from(e.name()),
        "AtscoreFileError",
        "{}",
        String::from(e.message())
    );
    let problem = js_sys::Reflect::get(&e, &"problem".into()).unwrap();
    (problem.as_string().expect("problem"), e)
}

fn prop(e: &js_sys::Error, key: &str) -> JsValue {
    js_sys::Reflect::get(e, &key.into()).unwrap()
}

#[wasm_bindgen_test]
fn a_pdf_gives_the_core_report_with_utf16_spans_into_the_extracted_text() {
    let bytes = pdf(PDF_LINES);
    let analyzer = Analyzer::new(role("backend-developer"), None).unwrap();
    let got = from_js(analyzer.analyze_bytes(js_bytes(&bytes), None).unwrap());
    assert_eq!(got, native_file(&bytes, OffsetEncoding::Utf16));
    let file = got.file.as_ref().expect("file");
    assert_eq!(file.kind, FileKind::Pdf);
    assert_eq!((file.page_count, file.pages.len()), (Some(1), 1));
    assert!(file.text.starts_with("José Müller"), "{:?}", file.text);
    // UTF-16 spans slice the JS string of the extracted text
    let js_text = js_sys::JsString::from(file.text.as_str());
    let sql = &got.keyword("SQL").unwrap().hits[0];
    let slice = js_text.slice(sql.span.start as u32, sql.span.end as u32);
    assert_eq!(String::from(slice), "SQL");
    let utf8 = file.text.find("SQL").unwrap();
    assert!(
        sql.span.start < utf8,
        "é and ü are one UTF-16 unit, two bytes"
    );
    let page = &file.pages[0].span;
    assert_eq!(page.end, file.text.encode_utf16().count());
    // the JSON variant is the canonical JSON, and the one-shot call the same
    let json = analyzer.analyze_bytes_json(js_bytes(&bytes), None).unwrap();
    assert_eq!(json, native_file(&bytes, OffsetEncoding::Utf16).to_json());
    let one_shot = analyze_bytes(js_bytes(&bytes), role("backend-developer"), None, None).unwrap();
    assert_eq!(from_js(one_shot), got);
    // an ArrayBuffer and other views work as well as a Uint8Array
    let buffer = js_sys::Uint8Array::from(&bytes[..]).buffer();
    let from_buffer = analyzer
        .analyze_bytes_json(JsValue::from(buffer.clone()).unchecked_into(), None)
        .unwrap();
    assert_eq!(from_buffer, json);
    let view = js_sys::DataView::new(&buffer, 0, bytes.len());
    let from_view = analyzer
        .analyze_bytes_json(JsValue::from(view).unchecked_into(), kind("PDF"))
        .unwrap();
    assert_eq!(from_view, json);
}

#[wasm_bindgen_test]
fn a_docx_gives_the_core_report_in_every_unit() {
    let bytes = docx(
        "Zoë Ångström · zoe@example.com",
        &[
            "EXPERIENCE",
            "Built REST APIs in Go 🚀 and SQL on AWS",
            "SKILLS",
            "Kubernetes, Docker",
        ],
    );
    for (name, enc) in [
        ("utf8", OffsetEncoding::Utf8),
        ("utf16", OffsetEncoding::Utf16),
        ("code_point", OffsetEncoding::CodePoint),
    ] {
        let opts = options(&format!(r#"{{"offsets": "{name}"}}"#));
        let analyzer = Analyzer::new(role("backend-developer"), opts).unwrap();
        let got = from_js(
            analyzer
                .analyze_bytes(js_bytes(&bytes), kind("docx"))
                .unwrap(),
        );
        assert_eq!(got, native_file(&bytes, enc), "{name}");
        let json = analyzer.analyze_bytes_json(js_bytes(&bytes), None).unwrap();
        assert_eq!(json, native_file(&bytes, enc).to_json(), "{name}");
    }
    let analyzer = Analyzer::new(role("backend-developer"), None).unwrap();
    let got = from_js(analyzer.analyze_bytes(js_bytes(&bytes), None).unwrap());
    let file = got.file.unwrap();
    assert_eq!(file.kind, FileKind::Docx);
    assert!(
        file.regions.iter().any(|r| r.origin == Origin::Header),
        "{:?}",
        file.regions
    );
    assert!(!got.readability.is_empty());
    let json = js_sys::JSON::stringify(
        &analyzer
            .analyze_bytes(js_bytes(&bytes), None)
            .unwrap()
            .into(),
    )
    .unwrap();
    assert!(String::from(json).contains(r#""origin":"header""#));
}

#[wasm_bindgen_test]
fn text_bytes_give_the_text_report() {
    let analyzer = Analyzer::new(role("backend-developer"), None).unwrap();
    let got = from_js(
        analyzer
            .analyze_bytes(js_bytes(RESUME.as_bytes()), None)
            .unwrap(),
    );
    assert_eq!(got, native(RESUME, OffsetEncoding::Utf16));
    assert!(got.file.is_none());
    assert_eq!(
        analyzer
            .analyze_bytes_json(js_bytes(RESUME.as_bytes()), kind("text"))
            .unwrap(),
        analyzer.analyze_json(RESUME).unwrap()
    );
    // the plain object has no `file` key for text, as the JSON has none
    let obj = analyzer
        .analyze_bytes(js_bytes(RESUME.as_bytes()), None)
        .unwrap();
    assert!(!js_sys::Reflect::has(&obj, &"file".into()).unwrap());
    assert!(js_sys::Reflect::has(&obj, &"readability".into()).unwrap());
}

#[wasm_bindgen_test]
fn file_errors_are_typed_js_errors() {
    let analyzer = Analyzer::new(role("backend-developer"), None).unwrap();
    let m = Matcher::new(Role::builtin("backend-developer").unwrap()).unwrap();
    let err = |bytes: &[u8], k: Option<&str>| {
        let js = analyzer
            .analyze_bytes(js_bytes(bytes), k.and_then(kind))
            .map(|_| ())
            .unwrap_err();
        let core = m
            .analyze_file(bytes, k.map(|k| k.parse().unwrap()))
            .unwrap_err();
        let (problem, e) = file_error(js);
        assert_eq!(String::from(e.message()), core.to_string());
        (problem, e)
    };

    // a PDF cut before its page tree is corrupt (cut later, lopdf rebuilds
    // the page tree and core reports a page without text: see the Node tests)
    let whole = pdf(PDF_LINES);
    let (problem, e) = err(&whole[..100], None);
    assert_eq!(problem, "corrupt");
    assert_eq!(prop(&e, "kind").as_string().as_deref(), Some("PDF"));
    assert!(prop(&e, "reason").as_string().is_some());

    // an old .doc is unsupported and says so
    let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    doc.resize(2048, 0);
    let (problem, e) = err(&doc, None);
    assert_eq!(problem, "unsupported");
    assert_eq!(prop(&e, "kind").as_string().as_deref(), Some("DOC"));
    assert!(String::from(e.message()).contains(".docx"));

    // random bytes after a ZIP signature are a corrupt DOCX
    let mut junk = b"PK\x03\x04".to_vec();
    junk.extend((0..2000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    let (problem, e) = err(&junk, None);
    assert_eq!(problem, "corrupt");
    assert_eq!(prop(&e, "kind").as_string().as_deref(), Some("DOCX"));

    // a PDF whose security handler is unknown is encrypted
    let encrypted = String::from_utf8_lossy(&whole).replace(
        "/Root 1 0 R",
        "/Root 1 0 R /Encrypt << /Filter /NoSuchHandler /V 9 /R 9 /O (x) /U (y) /P -1 >> /ID [<00> <00>]",
    );
    let (problem, e) = err(encrypted.as_bytes(), None);
    assert_eq!(problem, "encrypted");
    assert_eq!(prop(&e, "kind").as_string().as_deref(), Some("PDF"));

    // a kind that contradicts the content
    let (problem, _) = err(&whole, Some("docx"));
    assert_eq!(problem, "unsupported");

    // a limit, refused before the bytes are copied
    let small = Analyzer::new(
        role("backend-developer"),
        options(r#"{"file": {"max_file_bytes": 100}}"#),
    )
    .unwrap();
    let (problem, e) = file_error(
        small
            .analyze_bytes(js_bytes(&whole), None)
            .map(|_| ())
            .unwrap_err(),
    );
    assert_eq!(problem, "limit");
    assert_eq!(
        prop(&e, "option").as_string().as_deref(),
        Some("max_file_bytes")
    );
    assert_eq!(prop(&e, "limit").as_f64(), Some(100.0));
    assert_eq!(prop(&e, "value").as_f64(), Some(whole.len() as f64));
    assert!(String::from(e.message()).contains("file.max_file_bytes"));

    // not file errors: a bad kind, a bad option, bytes that are no bytes, invalid UTF-8
    let bad_kind = analyzer
        .analyze_bytes(js_bytes(&whole), kind("odt"))
        .map(|_| ())
        .unwrap_err();
    assert!(error_message(bad_kind).contains("odt"));
    let bad_option = Analyzer::new(
        role("backend-developer"),
        options(r#"{"file": {"max_pages": 0}}"#),
    )
    .map(|_| ())
    .unwrap_err();
    assert!(error_message(bad_option).contains("file.max_pages"));
    let typo = Analyzer::new(
        role("backend-developer"),
        options(r#"{"file": {"max_page": 3}}"#),
    )
    .map(|_| ())
    .unwrap_err();
    assert!(error_message(typo).contains("max_page"));
    let not_bytes = analyzer
        .analyze_bytes(JsValue::from_str("Jane Doe").unchecked_into(), None)
        .map(|_| ())
        .unwrap_err();
    assert!(error_message(not_bytes).contains("Uint8Array"));
    let latin1 = analyzer
        .analyze_bytes(js_bytes(b"Jos\xe9 M\xfcller, SQL"), None)
        .map(|_| ())
        .unwrap_err();
    let msg = error_message(latin1);
    assert!(msg.contains("byte offset 3"), "{msg}");

    // the analyzer still works after all that
    assert!(analyzer.analyze_bytes(js_bytes(&whole), None).is_ok());
}
