//! Native reference for the wasm package's tests: the canonical report JSON
//! (spans in UTF-16 code units, as the wasm `analyzeJson` gives them) of each
//! file, one line per file, made by the core library directly.
//!
//! ```text
//! cargo run --release -p atscore-wasm --example native_json -- [--role NAME] [--offsets utf8|utf16|code_point] [--time] [--files] FILE...
//! ```
//!
//! With `--time`, the time to analyze, convert offsets and serialize all
//! files (best of 5 rounds) goes to stderr as `native_ms=<ms> bytes=<n>`.
//!
//! With `--files`, each file is read as bytes and analyzed as the wasm
//! `analyzeBytesJson` does (`Matcher::analyze_file`: PDF, DOCX or text by
//! content; spans into the extracted text); a file core cannot read gives the
//! line `{"error":"<core's message>"}` instead of a report.

use std::time::Instant;

use atscore::{Matcher, OffsetEncoding, Role};

fn main() {
    let mut role = "backend-developer".to_string();
    let mut offsets = OffsetEncoding::Utf16;
    let mut time = false;
    let mut as_files = false;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--role" => role = args.next().expect("--role NAME"),
            "--offsets" => {
                let v = args.next().expect("--offsets UNITS");
                offsets =
                    serde_json::from_str(&format!("\"{v}\"")).expect("utf8, utf16 or code_point");
            }
            "--time" => time = true,
            "--files" => as_files = true,
            _ => files.push(a),
        }
    }
    let matcher = Matcher::new(Role::builtin(&role).unwrap_or_else(|e| fail(&e.to_string())))
        .unwrap_or_else(|e| fail(&e.to_string()));
    if as_files {
        for f in &files {
            let bytes = std::fs::read(f).unwrap_or_else(|e| fail(&format!("{f}: {e}")));
            println!("{}", file_json(&matcher, &bytes, offsets));
        }
        return;
    }
    let texts: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap_or_else(|e| fail(&format!("{f}: {e}"))))
        .collect();
    for text in &texts {
        let mut report = matcher
            .analyze(text)
            .unwrap_or_else(|e| fail(&e.to_string()));
        report.convert_offsets(text, offsets);
        println!("{}", report.to_json());
    }
    if time {
        let mut best = f64::INFINITY;
        for _ in 0..5 {
            let start = Instant::now();
            for text in &texts {
                // The same work as the wasm `analyzeJson`: analyze, convert, serialize.
                let mut report = matcher
                    .analyze(text)
                    .unwrap_or_else(|e| fail(&e.to_string()));
                report.convert_offsets(text, offsets);
                std::hint::black_box(report.to_json());
            }
            best = best.min(start.elapsed().as_secs_f64() * 1e3);
        }
        let bytes: usize = texts.iter().map(String::len).sum();
        eprintln!("native_ms={best:.3} bytes={bytes}");
    }
}

/// What the wasm `analyzeBytesJson` gives for `bytes`, or the error line.
fn file_json(matcher: &Matcher, bytes: &[u8], offsets: OffsetEncoding) -> String {
    let mut report = match matcher.analyze_file(bytes, None) {
        Ok(report) => report,
        Err(e) => return serde_json::json!({ "error": e.to_string() }).to_string(),
    };
    report
        .convert_input_offsets(bytes, offsets)
        .unwrap_or_else(|e| fail(&e.to_string()));
    report.to_json()
}

fn fail(msg: &str) -> ! {
    eprintln!("native_json: {msg}");
    std::process::exit(1)
}
