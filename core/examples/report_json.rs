//! The library's canonical report JSON for each file, one line per file: the
//! reference the cross-front-end conformance test (`scripts/conformance.sh`)
//! compares the CLI, Python and WASM against.
//!
//! ```text
//! cargo run -p atscore --example report_json -- [--role NAME] [--offsets utf8|utf16|code_point] FILE...
//! ```

use atscore::{Matcher, OffsetEncoding, Role};

fn fail(msg: &str) -> ! {
    eprintln!("report_json: {msg}");
    std::process::exit(2)
}

fn main() {
    let mut role = "backend-developer".to_string();
    let mut offsets = OffsetEncoding::Utf8;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--role" => role = args.next().unwrap_or_else(|| fail("--role NAME")),
            "--offsets" => {
                let v = args.next().unwrap_or_else(|| fail("--offsets UNITS"));
                offsets = serde_json::from_str(&format!("\"{v}\""))
                    .unwrap_or_else(|_| fail("--offsets: utf8, utf16 or code_point"));
            }
            _ => files.push(a),
        }
    }
    let matcher = Matcher::new(Role::builtin(&role).unwrap_or_else(|e| fail(&e.to_string())))
        .unwrap_or_else(|e| fail(&e.to_string()));
    for f in &files {
        let bytes = std::fs::read(f).unwrap_or_else(|e| fail(&format!("{f}: {e}")));
        let text = std::str::from_utf8(&bytes).unwrap_or_else(|e| fail(&format!("{f}: {e}")));
        let mut report = matcher
            .analyze(text)
            .unwrap_or_else(|e| fail(&format!("{f}: {e}")));
        report.convert_offsets(text, offsets);
        println!("{}", report.to_json());
    }
}
