//! Conformance driver: the role each job posting asks for, as the role-file
//! JSON of `Role::to_json`, one file per posting in OUT_DIR (`N.json`, N the
//! posting's position), or `error` when the posting is refused. A posting is
//! a file's bytes (PDF, DOCX or text), read by `posting::read_bytes`.
//!
//! `cargo run -p atscore --example posting_json -- OUT_DIR POSTING...`
//!
//! With `--reports`, the report (UTF-8 offsets) of each RESUME file against
//! the role of the POSTING after it: `N.json` per pair.
//!
//! `cargo run -p atscore --example posting_json -- --reports OUT_DIR RESUME POSTING [RESUME POSTING]...`
fn role(path: &str) -> atscore::Result<atscore::Role> {
    let bytes = std::fs::read(path).expect("readable posting");
    atscore::posting::read_bytes(&bytes)?.role()
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let reports = args.first().is_some_and(|a| a == "--reports");
    if reports {
        args.remove(0);
    }
    assert!(
        !args.is_empty(),
        "usage: posting_json [--reports] OUT_DIR FILE..."
    );
    let out = std::path::PathBuf::from(args.remove(0));
    let write = |i: usize, json: String| {
        std::fs::write(out.join(format!("{i}.json")), json.trim_end()).expect("writable output")
    };
    if !reports {
        for (i, path) in args.iter().enumerate() {
            write(
                i,
                role(path).map_or_else(|_| "error".to_string(), |r| r.to_json()),
            );
        }
        return;
    }
    for (i, pair) in args.chunks(2).enumerate() {
        let [resume, posting] = pair else {
            panic!("--reports takes RESUME POSTING pairs")
        };
        let json = role(posting)
            .and_then(atscore::Matcher::new)
            .and_then(|m| m.analyze_file(&std::fs::read(resume).expect("readable resume"), None))
            .map_or_else(|_| "error".to_string(), |r| r.to_json());
        write(i, json);
    }
}
