//! A small driver for instruction-count profiling (callgrind, perf stat):
//! runs one pipeline stage over the corpus `REPS` times.
//!
//! ```text
//! cargo build --release -p atscore-benches --example profile
//! valgrind --tool=callgrind target/release/examples/profile analyze 1
//! valgrind --tool=callgrind target/release/examples/profile analyze 1 DOCS_FOLDER
//! valgrind --tool=callgrind target/release/examples/profile posting 1
//! ```
//!
//! `posting` reads the corpus job postings into checklists (`posting::read`
//! and `Posting::role`), after loading the posting reader's data once: with
//! `0` repetitions it profiles the load alone.
//!
//! `ATSCORE_PROFILE_ROLE=role.json` profiles that role instead of the built-in
//! one, compiled as `python/bench/peers_adapter.py` does (no typo finding, no
//! vague phrases).

use std::hint::black_box;

use atscore::document::Document;

fn main() {
    let mut args = std::env::args().skip(1);
    let stage = args.next().unwrap_or_else(|| "analyze".into());
    let reps: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let docs = match args.next().as_deref() {
        Some("synthetic") => vec![atscore_benches::synthetic_resume(4 << 20)],
        // every file of a folder, in name order (e.g. the vsfloor documents)
        Some(dir) => {
            let mut files: Vec<_> = std::fs::read_dir(dir)
                .unwrap_or_else(|e| panic!("{dir}: {e}"))
                .flatten()
                .map(|f| f.path())
                .collect();
            files.sort();
            files
                .iter()
                .map(|p| std::fs::read_to_string(p).unwrap())
                .collect()
        }
        None if stage == "posting" => atscore_benches::corpus_postings(),
        None => atscore_benches::corpus_resumes(),
    };
    if stage == "posting" {
        let _ = atscore::posting::read("Requirements: Python");
    }
    let matcher = atscore_benches::profile_matcher();
    for _ in 0..reps {
        for d in &docs {
            match stage.as_str() {
                "tokenize" => {
                    black_box(atscore::text::tokenize(d));
                }
                "document" => {
                    black_box(Document::parse(d));
                }
                "match" => {
                    black_box(matcher.find(d).unwrap());
                }
                "analyze" => {
                    black_box(matcher.analyze(d).unwrap());
                }
                // the reports, one compact JSON per line: a speed change
                // must keep these bytes
                "json" => println!("{}", matcher.analyze(d).unwrap().to_json()),
                "posting" => {
                    let _ = black_box(atscore::posting::read(d).and_then(|p| p.role()));
                }
                "none" => {}
                other => panic!("unknown stage {other}"),
            }
        }
    }
}
