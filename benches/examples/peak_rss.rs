//! Analyze one large single-line input and exit: run under `/usr/bin/time -v`
//! to read the peak RSS (maximum resident set size).
//!
//! ```text
//! cargo build --release -p atscore-benches --example peak_rss
//! /usr/bin/time -v target/release/examples/peak_rss 10
//! ```
//!
//! The argument is the size in MB (default 10); a second argument `lines`
//! ends every sentence with a line break instead (the same text on many lines).

use atscore::{Matcher, Role};

fn main() {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10);
    let unit = "Led server-side development of REST APIs in Go, SQL and C++ on AWS; CI/CD with k8s, cut costs 30%; team player. ";
    let mut text = unit.repeat((mb << 20) / unit.len() + 1);
    let lines = std::env::args().nth(2).as_deref() == Some("lines");
    if lines {
        text = text.replace("; team player. ", "; team player.\n");
    }
    let matcher = Matcher::new(Role::builtin("backend-developer").unwrap()).unwrap();
    let report = matcher.analyze(&text).unwrap();
    println!(
        "input {} bytes, {} lines; score {}; {} keyword hits",
        text.len(),
        report.document.line_count,
        report.score,
        report.keywords.iter().map(|k| k.hits.len()).sum::<usize>(),
    );
}
