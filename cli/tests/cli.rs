//! End-to-end tests of the `atscore` binary on the sample resume, on written
//! edge cases, and on every resume of the shared corpus.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use atscore::{Matcher, OffsetEncoding, Role, Tier};
use predicates::prelude::*;
use serde_json::Value;

/// The workspace root (the parent of this crate).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cli/ has a parent")
        .to_path_buf()
}

fn sample() -> PathBuf {
    root().join("examples/resume-backend.txt")
}

fn custom_role() -> PathBuf {
    root().join("examples/role-data-engineer.toml")
}

fn atscore() -> Command {
    let mut cmd = Command::cargo_bin("atscore").expect("binary built");
    cmd.env_remove("NO_COLOR");
    cmd
}

/// A fresh file under cargo's per-test temp dir.
fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("atscore-cli-tests");
    fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    fs::write(&path, contents).expect("write temp file");
    path
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).expect("stdout is UTF-8")
}

fn stderr_of(assert: assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stderr.clone()).expect("stderr is UTF-8")
}

#[test]
fn json_is_the_library_report_byte_for_byte() {
    let out = stdout_of(
        atscore()
            .arg("analyze")
            .arg(sample())
            .args(["--format", "json"]),
    );
    let text = fs::read_to_string(sample()).unwrap();
    let matcher = Matcher::new(Role::builtin("backend-developer").unwrap()).unwrap();
    let expected = matcher.analyze(&text).unwrap().to_json();
    assert_eq!(out.strip_suffix('\n'), Some(expected.as_str()));
}

#[test]
fn json_report_of_the_sample_has_every_must_have_and_a_middle_score() {
    let out = stdout_of(
        atscore()
            .arg("analyze")
            .arg(sample())
            .args(["--format", "json", "--pretty"]),
    );
    assert!(out.contains("\n  \"score\""), "--pretty indents");
    let v: Value = serde_json::from_str(&out).unwrap();
    let score = v["score"].as_u64().unwrap();
    assert!(
        (30..=80).contains(&score),
        "sample should score mid-range, got {score}"
    );

    let role = Role::builtin("backend-developer").unwrap();
    let keywords = v["keywords"].as_array().unwrap();
    for k in role.keywords.iter().filter(|k| k.tier == Tier::MustHave) {
        let r = keywords
            .iter()
            .find(|r| r["term"] == k.term.as_str())
            .unwrap_or_else(|| panic!("must-have {:?} missing from report", k.term));
        assert_eq!(r["tier"], "must_have");
    }
    // The sample is written to have something to act on.
    let found = |term: &str| {
        keywords.iter().find(|r| r["term"] == term).unwrap()["found"]
            .as_bool()
            .unwrap()
    };
    assert!(found("SQL") && !found("DevOps"));
    // "PostgreSQL" in an experience bullet shows SQL in context (a
    // database named for the language); AWS is only in the skills list
    let sql = keywords.iter().find(|r| r["term"] == "SQL").unwrap();
    assert_eq!(sql["status"], "in_context");
    let cloud = keywords
        .iter()
        .find(|r| r["term"] == "Cloud Computing (AWS/Azure/GCP)")
        .unwrap();
    assert_eq!(cloud["status"], "list_only");
    let kube = keywords.iter().find(|r| r["term"] == "Kubernetes").unwrap();
    assert_eq!(kube["status"], "typo");
    assert_eq!(kube["hits"][0]["text"], "Kubernets");
}

#[test]
fn text_report_names_missing_keywords_and_flags_without_color_when_piped() {
    let out = stdout_of(atscore().arg("analyze").arg(sample()));
    assert!(out.contains("Score:"));
    assert!(out.contains("DevOps"));
    assert!(out.contains("Responsible for"));
    assert!(out.contains("Team player"));
    assert!(
        !out.contains('\x1b'),
        "no ANSI codes when stdout is not a terminal"
    );

    let colored = stdout_of(
        atscore()
            .arg("analyze")
            .arg(sample())
            .args(["--color", "always"]),
    );
    assert!(colored.contains("\x1b["));
}

#[test]
fn html_is_a_standalone_page() {
    let out = stdout_of(
        atscore()
            .arg("analyze")
            .arg(sample())
            .args(["--format", "html"]),
    );
    assert!(out.starts_with("<!DOCTYPE html>"));
    assert!(out.contains("<meta charset=\"utf-8\">"));
    assert!(out.contains("<title>atscore: "));
    assert!(out.contains("<mark"), "resume shown with highlights");
    assert!(out.trim_end().ends_with("</html>"));
}

#[test]
fn html_escapes_resume_text() {
    let path = temp_file(
        "script.txt",
        b"Jane Doe\n<script>alert(1)</script>\nSKILLS\nSQL, Docker <b>Python</b>\n",
    );
    let out = stdout_of(
        atscore()
            .arg("analyze")
            .arg(&path)
            .args(["--format", "html"]),
    );
    assert!(!out.contains("<script>alert"));
    assert!(!out.contains("<b>Python"));
    assert!(out.contains("&lt;script&gt;alert(1)"));
}

#[test]
fn stdin_gives_the_same_report_as_the_file() {
    let from_file = stdout_of(
        atscore()
            .arg("analyze")
            .arg(sample())
            .args(["--format", "json"]),
    );
    let from_stdin = stdout_of(
        atscore()
            .args(["analyze", "-", "--format", "json"])
            .write_stdin(fs::read(sample()).unwrap()),
    );
    assert_eq!(from_file, from_stdin);
}

#[test]
fn output_file_receives_the_report() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("atscore-cli-tests");
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join("report.json");
    let _ = fs::remove_file(&path);
    let out = stdout_of(
        atscore()
            .arg("analyze")
            .arg(sample())
            .args(["--format", "json", "--output"])
            .arg(&path),
    );
    assert!(out.is_empty());
    let v: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(v["role"]["name"], "backend-developer");
}

#[test]
fn custom_role_file_is_used() {
    let out = stdout_of(
        atscore()
            .arg("analyze")
            .arg(sample())
            .arg("--role")
            .arg(custom_role())
            .args(["--format", "json"]),
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["role"]["name"], "data-engineer");
    let role = Role::from_toml(&fs::read_to_string(custom_role()).unwrap()).unwrap();
    let terms: Vec<&str> = v["keywords"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["term"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = role.keywords.iter().map(|k| k.term.as_str()).collect();
    assert_eq!(terms, expected);
}

#[test]
fn sample_role_uses_every_field_of_the_format() {
    let text = fs::read_to_string(custom_role()).unwrap();
    let role = Role::from_toml(&text).unwrap();
    assert!(role.title.is_some() && role.description.is_some() && !role.sources.is_empty());
    for tier in [Tier::MustHave, Tier::Bonus, Tier::Overused] {
        assert!(role.keywords.iter().any(|k| k.tier == tier), "{tier} used");
    }
    let k = &role.keywords;
    assert!(k.iter().any(|k| !k.aliases.is_empty()));
    assert!(k.iter().any(|k| k.acronym.is_some()));
    assert!(k.iter().any(|k| !k.any_of.is_empty()));
    assert!(k.iter().any(|k| k.weight != 1.0));
    assert!(k.iter().any(|k| k.case_sensitive));
    assert!(k.iter().any(|k| k.ambiguous.is_some()));
    assert!(k.iter().any(|k| k.suggestion.is_some()));
    assert!(k.iter().any(|k| !k.lexicon));
}

#[test]
fn role_file_format_is_found_from_content_without_extension() {
    let json = Role::builtin("backend-developer").unwrap().to_json();
    let path = temp_file("role-without-extension", json.as_bytes());
    let out = stdout_of(
        atscore()
            .arg("analyze")
            .arg(sample())
            .arg("--role")
            .arg(&path)
            .args(["--format", "json"]),
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["role"]["name"], "backend-developer");
}

#[test]
fn unknown_role_exits_4_and_names_the_closest_roles() {
    // a title no role has unambiguously: the closest ones are named
    let err = stderr_of(
        atscore()
            .arg("analyze")
            .arg(sample())
            .args(["--role", "frontend"])
            .assert()
            .code(4)
            .stdout(""),
    );
    assert!(
        err.starts_with("atscore: error: unknown role \"frontend\"; closest roles: "),
        "{err}"
    );
    assert!(err.contains("web-and-digital-interface-designers"), "{err}");
    // nothing like it: said so, and where to search
    let err = stderr_of(
        atscore()
            .arg("analyze")
            .arg(sample())
            .args(["--role", "qqxzv"])
            .assert()
            .code(4),
    );
    assert!(err.contains("no role has a title like it"), "{err}");
    assert!(err.contains("a role search lists roles by title"), "{err}");
}

#[test]
fn roles_search_finds_any_occupation_and_role_takes_its_title() {
    let out = stdout_of(atscore().args(["roles", "--search", "registred nurse", "-n", "3"]));
    assert!(
        out.lines()
            .next()
            .unwrap()
            .starts_with("registered-nurses "),
        "{out}"
    );
    let json = stdout_of(atscore().args([
        "roles",
        "--search",
        "accountant",
        "-n",
        "2",
        "--format",
        "json",
    ]));
    assert_eq!(
        json.trim_end(),
        atscore::library::to_json(&atscore::library::search("accountant", 2).unwrap())
    );
    // --role takes the title; the report is the library role's
    let report = stdout_of(atscore().arg("analyze").arg(sample()).args([
        "--role",
        "accountant",
        "--format",
        "json",
    ]));
    let want = atscore::Matcher::new(atscore::Role::builtin("accountant").unwrap())
        .unwrap()
        .analyze(&std::fs::read_to_string(sample()).unwrap())
        .unwrap();
    assert_eq!(report.trim_end(), want.to_json());
    // the default list: hand-kept roles, common ones, and how many in all
    let list = stdout_of(atscore().arg("roles"));
    for name in Role::builtin_names()
        .into_iter()
        .chain(["registered-nurses", "accountants-and-auditors"])
    {
        assert!(
            list.lines().any(|l| l.starts_with(&format!("{name} "))),
            "{name}: {list}"
        );
    }
    assert!(list.contains("roles in all"), "{list}");
    // --for: roles a resume fits, the same as the library's
    let fits = stdout_of(
        atscore()
            .arg("roles")
            .arg("--for")
            .arg(sample())
            .args(["--format", "json"]),
    );
    let bytes = std::fs::read(sample()).unwrap();
    assert_eq!(
        fits.trim_end(),
        atscore::library::fits_to_json(&atscore::library::suggest_file(&bytes, 10).unwrap())
    );
    atscore()
        .args(["roles", "--for", "no-such-resume.pdf"])
        .assert()
        .code(3);
}

#[test]
fn role_by_job_title_is_the_builtin_role() {
    let by_title = stdout_of(atscore().arg("analyze").arg(sample()).args([
        "--role",
        "backend engineer",
        "--format",
        "json",
    ]));
    let by_name = stdout_of(atscore().arg("analyze").arg(sample()).args([
        "--role",
        "backend-developer",
        "--format",
        "json",
    ]));
    assert_eq!(by_title, by_name);
    let v: serde_json::Value = serde_json::from_str(&by_title).unwrap();
    assert_eq!(v["role"]["name"], "backend-developer");
    let dba = stdout_of(atscore().args(["role", "show", "DBA"]));
    assert!(dba.contains("name = \"database-administrator\""), "{dba}");
    assert!(
        dba.contains("onetonline.org/link/summary/15-1242.00"),
        "{dba}"
    );
}

#[test]
fn role_file_with_unknown_field_exits_4_naming_field_and_line() {
    let path = temp_file(
        "bad-role.toml",
        b"name = \"x\"\nmust_have = [\n  \"SQL\",\n  { term = \"Python\", wieght = 2 },\n]\n",
    );
    let err = stderr_of(
        atscore()
            .arg("analyze")
            .arg(sample())
            .arg("--role")
            .arg(&path)
            .assert()
            .code(4),
    );
    assert!(err.contains("bad-role.toml"), "{err}");
    assert!(err.contains("wieght"), "{err}");
    assert!(err.contains("line 4"), "{err}");
}

#[test]
fn invalid_keyword_exits_4_naming_keyword_and_field() {
    let path = temp_file(
        "bad-weight.json",
        br#"{"name": "x", "must_have": [{"term": "SQL", "weight": 0}]}"#,
    );
    let err = stderr_of(atscore().args(["role", "show"]).arg(&path).assert().code(4));
    assert!(err.contains("\"SQL\""), "{err}");
    assert!(err.contains("weight"), "{err}");
}

#[test]
fn missing_resume_exits_3_naming_the_file() {
    let err = stderr_of(
        atscore()
            .args(["analyze", "no-such-resume.txt"])
            .assert()
            .code(3)
            .stdout(""),
    );
    assert!(
        err.contains("atscore: error: no-such-resume.txt: "),
        "{err}"
    );
}

#[test]
fn latin1_text_exits_3_naming_the_byte() {
    let path = temp_file("latin1.txt", b"Jane Doe\nSkills: SQL \xe9 Docker\n");
    let err = stderr_of(atscore().arg("analyze").arg(&path).assert().code(3));
    assert!(err.contains("latin1.txt"), "{err}");
    assert!(err.contains("not UTF-8 text"), "{err}");
    assert!(err.contains("byte offset 21"), "{err}");
}

/// The first corpus file (original/) with this extension.
fn corpus_original(ext: &str) -> Option<PathBuf> {
    let dir = root().join("../shared/corpus/resumes/resume-matcher-2020/original");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .ok()?
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    let first = files.into_iter().next();
    if first.is_none() {
        eprintln!("skipping: no .{ext} files in {}", dir.display());
    }
    first
}

/// The JSON report of a resume file, with extra arguments.
fn json_of(path: &Path, extra: &[&str]) -> Value {
    let out = stdout_of(
        atscore()
            .arg("analyze")
            .arg(path)
            .args(["--format", "json"])
            .args(extra),
    );
    serde_json::from_str(&out).unwrap()
}

/// A PDF or DOCX of the corpus, by content: the report has the extraction,
/// finds the same keywords as the extracted text analyzed as text, and its
/// spans point into that text (in UTF-8 and in UTF-16 units).
fn check_corpus_file(ext: &str) {
    let Some(path) = corpus_original(ext) else {
        return;
    };
    let v = json_of(&path, &[]);
    assert_eq!(v["file"]["kind"], ext, "{}", path.display());
    let text = v["file"]["text"].as_str().unwrap().to_string();
    assert!(
        text.len() > 200,
        "{}: little text extracted",
        path.display()
    );
    assert!(v["readability"].is_array());

    // the same keywords, hits and score as the extracted text given as text
    let as_text: Value = serde_json::from_str(&stdout_of(
        atscore()
            .args(["analyze", "-", "--format", "json"])
            .write_stdin(text.clone()),
    ))
    .unwrap();
    assert!(as_text.get("file").is_none(), "no `file` for text input");
    assert_eq!(v["keywords"], as_text["keywords"], "{}", path.display());
    assert_eq!(v["score"], as_text["score"]);
    for k in v["keywords"].as_array().unwrap() {
        for h in k["hits"].as_array().unwrap() {
            let (s, e) = (
                h["span"]["start"].as_u64().unwrap() as usize,
                h["span"]["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..e], h["text"].as_str().unwrap());
        }
    }

    // told by content: a misleading name, standard input, or --kind give the same report
    let renamed = temp_file(&format!("resume-{ext}.txt"), &fs::read(&path).unwrap());
    assert_eq!(json_of(&renamed, &[]), v);
    assert_eq!(json_of(&path, &["--kind", ext]), v);
    let from_stdin: Value = serde_json::from_str(&stdout_of(
        atscore()
            .args(["analyze", "-", "--format", "json"])
            .write_stdin(fs::read(&path).unwrap()),
    ))
    .unwrap();
    assert_eq!(from_stdin, v);

    // UTF-16 offsets are counted in the extracted text, pages and regions too
    let utf16 = json_of(&path, &["--offsets", "utf16"]);
    assert_eq!(utf16["offsets"], "utf16");
    let units: Vec<u16> = text.encode_utf16().collect();
    let slice = |span: &Value| {
        let (s, e) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        String::from_utf16(&units[s..e]).unwrap()
    };
    for k in utf16["keywords"].as_array().unwrap() {
        for h in k["hits"].as_array().unwrap() {
            assert_eq!(slice(&h["span"]), h["text"].as_str().unwrap());
        }
    }
    for p in utf16["file"]["pages"].as_array().unwrap() {
        assert!(p["span"]["end"].as_u64().unwrap() as usize <= units.len());
    }
    let matcher = Matcher::new(Role::builtin("backend-developer").unwrap()).unwrap();
    let mut report = matcher
        .analyze_file(&fs::read(&path).unwrap(), None)
        .unwrap();
    report.convert_offsets(&text, OffsetEncoding::Utf16);
    assert_eq!(
        utf16,
        serde_json::from_str::<Value>(&report.to_json()).unwrap()
    );

    // HTML shows the extracted text with highlights; text output works
    let html = stdout_of(
        atscore()
            .arg("analyze")
            .arg(&path)
            .args(["--format", "html"]),
    );
    assert!(html.contains("<mark"), "{}: no highlights", path.display());
    assert!(html.contains("Can an ATS read it?") || v["readability"] == Value::Array(vec![]));
    let out = stdout_of(atscore().arg("analyze").arg(&path));
    assert!(out.contains("Score:"));
}

#[test]
fn corpus_docx_is_read_by_content() {
    check_corpus_file("docx");
}

#[test]
fn corpus_pdf_is_read_by_content() {
    check_corpus_file("pdf");
}

#[test]
fn text_file_report_is_unchanged_by_kind_text() {
    let plain = stdout_of(
        atscore()
            .arg("analyze")
            .arg(sample())
            .args(["--format", "json"]),
    );
    let forced = stdout_of(
        atscore()
            .arg("analyze")
            .arg(sample())
            .args(["--format", "json", "--kind", "text"]),
    );
    assert_eq!(plain, forced);
    assert!(!plain.contains("\"file\":"), "no `file` for text input");
    atscore()
        .arg("analyze")
        .arg(sample())
        .args(["--kind", "odt"])
        .assert()
        .code(2);
}

#[test]
fn kind_that_contradicts_the_content_exits_3() {
    let err = stderr_of(
        atscore()
            .arg("analyze")
            .arg(sample())
            .args(["--kind", "pdf"])
            .assert()
            .code(3)
            .stdout(""),
    );
    assert!(err.contains("resume-backend.txt"), "{err}");
    assert!(
        err.contains("given as PDF but its content is text"),
        "{err}"
    );
    if let Some(docx) = corpus_original("docx") {
        let err = stderr_of(
            atscore()
                .arg("analyze")
                .arg(&docx)
                .args(["--kind", "pdf"])
                .assert()
                .code(3),
        );
        assert!(
            err.contains("given as PDF but its content is DOCX"),
            "{err}"
        );
    }
    // bytes that start like nothing known, forced to a kind
    let path = temp_file("not-a-pdf.bin", b"\x00\xff\x02 garbage");
    let err = stderr_of(
        atscore()
            .arg("analyze")
            .arg(&path)
            .args(["--kind", "docx"])
            .assert()
            .code(3),
    );
    assert!(err.contains("does not start like a DOCX file"), "{err}");
}

/// Exit 3 with this in the message, and no panic.
fn refused(path: &Path, expected: &str) {
    let err = stderr_of(
        atscore()
            .arg("analyze")
            .arg(path)
            .assert()
            .code(3)
            .stdout(""),
    );
    let name = path.file_name().unwrap().to_str().unwrap();
    assert!(err.starts_with("atscore: error: "), "{err}");
    assert!(err.contains(name), "{err}");
    assert!(err.contains(expected), "{name}: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn truncated_files_exit_3_as_damaged() {
    if let Some(docx) = corpus_original("docx") {
        let bytes = fs::read(docx).unwrap();
        let path = temp_file("truncated.docx", &bytes[..bytes.len() / 2]);
        refused(&path, "cannot read this DOCX file");
    }
    if let Some(pdf) = corpus_original("pdf") {
        let bytes = fs::read(pdf).unwrap();
        let path = temp_file("truncated.pdf", &bytes[..bytes.len() / 3]);
        let out = atscore().arg("analyze").arg(&path).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{err}");
        // a PDF reader may recover the pages before the cut; if not, it is damaged
        if out.status.code() != Some(0) {
            assert_eq!(out.status.code(), Some(3), "{err}");
            assert!(err.contains("PDF"), "{err}");
        }
    }
    let path = temp_file("header-only.pdf", b"%PDF-1.7\n");
    refused(&path, "cannot read this PDF file");
}

#[test]
fn random_bytes_old_doc_encrypted_docx_and_images_exit_3_saying_what_they_are() {
    // a fixed pseudo-random sequence (no NUL-free text, no known signature)
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let random: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    let path = temp_file("random.bin", &random);
    refused(&path, "neither a PDF, a DOCX nor UTF-8 text");

    let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    doc.extend_from_slice(&[0u8; 504]);
    let path = temp_file("old-word.doc", &doc);
    refused(&path, "old Word .doc file");

    // how Office saves a password-protected .docx: an OLE file with an EncryptedPackage stream
    let mut locked = doc.clone();
    locked.extend(
        "EncryptedPackage"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    let path = temp_file("locked.docx", &locked);
    refused(&path, "this DOCX file is encrypted or password-protected");

    let path = temp_file("scan.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    refused(&path, "image");

    // a ZIP that holds no Word document
    let path = temp_file("archive.zip", b"PK\x03\x04\x14\0\0\0\0\0garbage");
    refused(&path, "DOCX");
}

#[test]
fn a_200_mb_file_is_refused_from_its_size_without_reading_it() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("atscore-cli-tests");
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join("huge.pdf");
    // sparse: 200 MB on paper, nothing on disk
    let file = fs::File::create(&path).unwrap();
    file.set_len(200 << 20).unwrap();
    drop(file);
    let started = std::time::Instant::now();
    refused(
        &path,
        "file size in bytes: 209715200, the limit is 33554432 (option `file.max_file_bytes`)",
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "took {:?}: was it read?",
        started.elapsed()
    );
    fs::remove_file(&path).unwrap();
    // standard input is read up to the limit, then refused
    let err = stderr_of(
        atscore()
            .args(["analyze", "-"])
            .write_stdin(vec![b'a'; (32 << 20) + 10])
            .assert()
            .code(3),
    );
    assert!(err.contains("option `file.max_file_bytes`"), "{err}");
}

#[test]
fn fail_under_sets_exit_code_1_but_still_prints_the_report() {
    let out = atscore()
        .arg("analyze")
        .arg(sample())
        .args(["--format", "json", "--fail-under", "101"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("below --fail-under 101"));
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let score = v["score"].as_u64().unwrap();
    // and a threshold at the score passes
    atscore()
        .arg("analyze")
        .arg(sample())
        .args(["--fail-under", &score.to_string()])
        .assert()
        .success();
}

#[test]
fn usage_errors_exit_2() {
    atscore().args(["analyze"]).assert().code(2);
    atscore()
        .arg("analyze")
        .arg(sample())
        .args(["--format", "pdf"])
        .assert()
        .code(2);
    atscore().args(["frobnicate"]).assert().code(2);
}

/// Each subcommand's help lists the exit codes it can give, and only those;
/// the codes it lists are the ones it gives.
#[test]
fn help_documents_each_subcommands_exit_codes() {
    let codes = |args: &[&str]| -> Vec<u8> {
        let out = stdout_of(atscore().args(args));
        let tail = out.split("Exit codes:").nth(1).expect("an exit code list");
        tail.lines()
            .filter_map(|l| l.split_whitespace().next()?.parse().ok())
            .collect()
    };
    assert_eq!(codes(&["analyze", "--help"]), [0, 1, 2, 3, 4]);
    assert_eq!(codes(&["extract", "--help"]), [0, 2, 3, 4]);
    assert_eq!(codes(&["roles", "--help"]), [0, 2, 3]);
    assert_eq!(codes(&["role", "show", "--help"]), [0, 2, 3, 4]);
    assert_eq!(codes(&["--help"]), [0, 1, 2, 3, 4]);
    // extract's 3 and 4, as its help says: unreadable, and no checklist
    atscore()
        .args(["extract", "no-such-posting.txt"])
        .assert()
        .code(3);
    let empty = temp_file("empty-posting.txt", b"");
    atscore().arg("extract").arg(&empty).assert().code(4);
    let no_skill = temp_file("lunch-posting.txt", b"Fun team, free lunch.");
    atscore()
        .arg("extract")
        .arg(&no_skill)
        .assert()
        .code(4)
        .stderr(predicate::str::contains("no skills found"));
}

#[test]
fn roles_lists_builtin_roles_with_titles() {
    let out = stdout_of(atscore().arg("roles"));
    for name in Role::builtin_names() {
        let role = Role::builtin(name).unwrap();
        let line = out
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{name} listed"));
        assert!(
            line.contains(role.title.as_deref().unwrap_or(name)),
            "{line}"
        );
    }
}

#[test]
fn role_show_round_trips_in_both_formats() {
    let builtin = Role::builtin("backend-developer").unwrap();
    let json = stdout_of(atscore().args(["role", "show", "backend-developer", "--format", "json"]));
    assert_eq!(Role::from_json(&json).unwrap(), builtin);
    let toml = stdout_of(atscore().args(["role", "show", "backend-developer"]));
    assert_eq!(Role::from_toml(&toml).unwrap(), builtin);
}

#[test]
fn utf16_offsets_slice_the_text_in_utf16() {
    let text = "Zoë Müller 🚀 zoe@example.com\n\nEXPERIENCE\n- 🚀 Built REST APIs in Python and SQL on AWS 🎉, cut costs by 30%\n\nSKILLS\nDocker, Kubernetes, Git 👍\n";
    let path = temp_file("emoji.txt", text.as_bytes());
    let out = stdout_of(atscore().arg("analyze").arg(&path).args([
        "--format",
        "json",
        "--offsets",
        "utf16",
    ]));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["offsets"], "utf16");
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut checked = 0;
    for k in v["keywords"].as_array().unwrap() {
        for h in k["hits"].as_array().unwrap() {
            let (s, e) = (
                h["span"]["start"].as_u64().unwrap() as usize,
                h["span"]["end"].as_u64().unwrap() as usize,
            );
            let slice = String::from_utf16(&units[s..e]).unwrap();
            assert_eq!(
                slice,
                h["text"].as_str().unwrap(),
                "{} at {s}..{e}",
                k["term"]
            );
            checked += 1;
        }
    }
    assert!(checked >= 5, "only {checked} hits checked");

    // the same spans from the library, converted there
    let matcher = Matcher::new(Role::builtin("backend-developer").unwrap()).unwrap();
    let mut report = matcher.analyze(text).unwrap();
    report.convert_offsets(text, OffsetEncoding::Utf16);
    assert_eq!(out.trim_end(), report.to_json());
}

#[test]
fn broken_pipe_on_stdout_is_quiet() {
    // A reader that closes at once: the report no longer fits in the pipe buffer
    // once it is long, so print the HTML of a large resume.
    let big = fs::read_to_string(sample()).unwrap().repeat(200);
    let path = temp_file("big.txt", big.as_bytes());
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("atscore"))
        .arg("analyze")
        .arg(&path)
        .args(["--format", "html"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut child = child;
    drop(child.stdout.take()); // close the read end before anything is written
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.is_empty(), "{err}");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn every_corpus_resume_gives_valid_json() {
    let corpus = root().join("../shared/corpus/resumes");
    if !corpus.is_dir() {
        eprintln!("skipping: no corpus at {}", corpus.display());
        return;
    }
    let mut files = Vec::new();
    for set in fs::read_dir(&corpus).unwrap() {
        let text_dir = set.unwrap().path().join("text");
        if let Ok(entries) = fs::read_dir(&text_dir) {
            files.extend(
                entries
                    .map(|e| e.unwrap().path())
                    .filter(|p| p.extension().is_some_and(|e| e == "txt")),
            );
        }
    }
    files.sort();
    assert!(!files.is_empty(), "corpus has resumes");
    for path in &files {
        let out = atscore()
            .arg("analyze")
            .arg(path)
            .args(["--format", "json"])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{}: invalid JSON: {e}", path.display()));
        let score = v["score"].as_u64().unwrap();
        assert!(score <= 100, "{}: score {score}", path.display());
    }
}

#[test]
fn extract_prints_the_role_a_job_description_asks_for() {
    let jd = temp_file(
        "jd-backend.txt",
        b"Backend Engineer\n\nRequirements:\n- RESTful APIs in Python\n- PostgreSQL\n\nNice to have:\n- Kubernetes\n",
    );
    let out = atscore()
        .args(["extract", jd.to_str().unwrap(), "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let role = Role::from_json(std::str::from_utf8(&out).unwrap()).unwrap();
    let tier = |t: &str| role.keywords.iter().find(|k| k.term == t).map(|k| k.tier);
    assert_eq!(tier("RESTful APIs"), Some(Tier::MustHave));
    assert_eq!(tier("Kubernetes"), Some(Tier::Bonus));
    // TOML by default, and it reads back
    let out = atscore()
        .args(["extract", jd.to_str().unwrap()])
        .assert()
        .success();
    let toml = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(Role::from_toml(&toml).unwrap(), role);

    // analyze --jd scores the sample resume against that role
    let out = atscore()
        .args([
            "analyze",
            sample().to_str().unwrap(),
            "--jd",
            jd.to_str().unwrap(),
        ])
        .args(["--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let report: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(report["role"]["name"], "job-description");
    // a posting without known skills is a role error (exit 4) naming the file
    let empty = temp_file("jd-empty.txt", b"Fun team, free lunch.\n");
    atscore()
        .args(["extract", empty.to_str().unwrap()])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("jd-empty.txt").and(predicate::str::contains("no skill")));
    atscore()
        .args([
            "analyze",
            "x.txt",
            "--jd",
            "y.txt",
            "--role",
            "backend-developer",
        ])
        .assert()
        .code(2);
}
