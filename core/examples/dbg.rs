fn main() {
    let a = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(&a).unwrap_or(a);
    let text = text.replace("\\n", "\n");
    let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer").unwrap()).unwrap();
    let r = m.analyze(&text).unwrap();
    println!("{}", atscore::render_text(&r, Default::default()));
    for k in &r.keywords {
        for h in &k.hits {
            println!(
                "{} <- {:?} {:?} {:?} via {:?}",
                k.term, h.text, h.kind, h.variant, h.via
            );
        }
    }
    for f in &r.flags {
        println!("flag {:?} {:?}", f.kind, f.text);
    }
}
