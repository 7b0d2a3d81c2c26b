//! Times document parsing, analysis and JSON over the corpus resumes for a
//! role file given as argument (e.g. the peers.py keyword list as a role):
//! `cargo run --release -p atscore-benches --example peers_time -- role.json`
use std::time::Instant;
fn main() {
    let role_json = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let role = match atscore::Role::from_json(&role_json) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let m = atscore::Matcher::builder()
        .fuzzy(false)
        .vague_phrases(false)
        .build(role)
        .unwrap();
    let docs = atscore_benches::corpus_resumes();
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    for round in 0..3 {
        let t = Instant::now();
        let mut n = 0;
        for d in &docs {
            let doc = atscore::document::Document::parse(d);
            n += doc.tokens.tokens.len();
        }
        let parse = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let mut hits = 0;
        for d in &docs {
            let r = m.analyze(d).unwrap();
            hits += r.keywords.iter().map(|k| k.hits.len()).sum::<usize>();
        }
        let an = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let mut js = 0;
        for d in &docs {
            let r = m.analyze(d).unwrap();
            js += r.to_json().len();
        }
        let json = t.elapsed().as_secs_f64();
        println!(
            "round {round}: {} docs {:.2} MB tokens {n} hits {hits}: parse {:.1} MB/s, analyze {:.1} MB/s, analyze+json {:.1} MB/s (json {} MB)",
            docs.len(),
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / parse,
            bytes as f64 / 1e6 / an,
            bytes as f64 / 1e6 / json,
            js / 1000000
        );
    }
}
