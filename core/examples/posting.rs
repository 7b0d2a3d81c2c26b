//! Print what the posting reader finds in a posting: its sections, the
//! mentions with their tiers, sources and reasons, the groups and the
//! requirements. `cargo run -p atscore --example posting -- FILE`
fn main() {
    let path = std::env::args().nth(1).expect("usage: posting FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let p = match atscore::posting::read(&text) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    println!("title: {:?}", p.title);
    for (i, l) in p.lines.iter().enumerate() {
        let t = &p.text()[l.start..l.end];
        println!(
            "{:>3} {:<16} {} {}",
            i + 1,
            l.section.as_str(),
            if l.heading { "#" } else { " " },
            t.chars().take(90).collect::<String>()
        );
    }
    for m in &p.mentions {
        println!(
            "  {:<30} {:<9} {:?} {:?} grp={:?} ({})",
            m.text,
            m.tier.as_str(),
            m.source,
            m.skill,
            m.group,
            m.reason
        );
    }
    println!("groups: {:?}", p.groups);
    println!("requirements: {:#?}", p.requirements);
    println!("warnings: {:?}", p.warnings);
}
