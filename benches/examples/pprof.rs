fn main() {
    let reps: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let docs = atscore_benches::corpus_postings();
    let _ = atscore::posting::read("Requirements: Python");
    for _ in 0..reps {
        for d in &docs {
            let _ = std::hint::black_box(atscore::posting::read(d).and_then(|p| p.role()));
        }
    }
}
