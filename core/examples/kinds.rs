fn main() {
    let t = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let d = atscore::document::Document::parse(&t);
    for l in &d.lines {
        println!(
            "{:3} {:?} {:?} {}",
            l.number,
            l.kind,
            l.section,
            d.line_text(l)
        );
    }
}
