use std::path::Path;
#[test]
fn dbg() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../../shared/corpus");
    for dir in ["tech", "nontech"] {
        for e in std::fs::read_dir(root.join("tests/data/postings").join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_none_or(|x| x != "toml") {
                continue;
            }
            let v: toml::Value = toml::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            if v["split"].as_str() != Some("tune") {
                continue;
            }
            let posting = v["posting"].as_str().unwrap();
            let path = match posting.strip_prefix("repo:") {
                Some(r) => root.join("..").join(r),
                None => corpus.join(posting),
            };
            let text = std::fs::read_to_string(path).unwrap();
            let post = atscore::posting::read(&text).unwrap();
            for m in &post.mentions {
                println!(
                    "{}\t{}\t{:?}\t{:?}",
                    p.file_stem().unwrap().to_string_lossy(),
                    m.text,
                    m.source,
                    m.skill
                );
            }
        }
    }
}
