fn main() {
    let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer").unwrap()).unwrap();
    for p in std::env::args().skip(1) {
        let t = std::fs::read_to_string(&p).unwrap();
        let r = m.analyze(&t).unwrap();
        let found: Vec<&str> = r
            .keywords
            .iter()
            .filter(|k| k.found && k.tier != atscore::Tier::Overused)
            .map(|k| k.term.as_str())
            .collect();
        println!(
            "{:3} {:2}/{} {} | {}",
            r.score,
            r.must_have.found,
            r.bonus.found,
            p.rsplit('/').next().unwrap(),
            found.join(",")
        );
    }
}
