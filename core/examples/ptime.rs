fn main() {
    let _ = atscore::posting::read("Requirements: Python").unwrap();
    let mut texts = Vec::new();
    for dir in [
        "jobs/skillspan",
        "jobs/resume-matcher-2020/text",
        "jobs/resume-matcher-samples/text",
    ] {
        for e in std::fs::read_dir(format!("../shared/corpus/{dir}")).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                texts.push(std::fs::read_to_string(p).unwrap());
            }
        }
    }
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let mb = |t: std::time::Instant| bytes as f64 / t.elapsed().as_secs_f64() / 1e6;
    let t = std::time::Instant::now();
    for x in &texts {
        let _ = atscore::posting::tagger::tag(x);
    }
    eprintln!("tagger {:.2} MB/s", mb(t));
    let t = std::time::Instant::now();
    for x in &texts {
        let _ = atscore::posting::read(x);
    }
    eprintln!("read {:.2} MB/s", mb(t));
    let t = std::time::Instant::now();
    for x in &texts {
        let _ = atscore::posting::read(x).and_then(|p| p.role());
    }
    eprintln!("read+role {:.2} MB/s", mb(t));
}
