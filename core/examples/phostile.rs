//! Reading hostile job postings: time at 64 KB, 256 KB and 1 MB for texts
//! built to make a careless reader quadratic (one endless sentence, lists,
//! brackets, places, years, script tags). The time should grow linearly.
//! `cargo run --release -p atscore --example phostile`
fn main() {
    let cases: &[(&str, &str)] = &[
        (
            "dense prose, one line",
            "Requirements: 5+ years of Python, Java, SQL, such as Go, Rust or Kafka (JSF, GWT); strong communication skills; Bachelor's degree in Computer Science. ",
        ),
        (
            "dense prose, bullets",
            "\n- 5+ years of Python, Java, SQL, such as Go, Rust or Kafka (JSF, GWT); pricing analysis",
        ),
        (
            "one sentence, commas",
            "Python, Java, SQL, pricing analysis, budget management, ",
        ),
        ("open brackets", "( such as Python ( e.g. Java ( "),
        ("places", "San Francisco, New York, Remote, "),
        ("years", "5 years 3 years of Java 10+ years "),
        (
            "script tags",
            "<p>Python</p><script>x</script><STYLE>y</style>",
        ),
        ("wrapped lines", "Python and\n"),
        ("headings", "Requirements:\nBenefits\n"),
        (
            "defined acronyms",
            "Enterprise Resource Planning (ERP) and Key Opinion Leaders (KOLs) ",
        ),
        (
            "slashes",
            "accounts payable/receivable, project/program management, ",
        ),
        ("one endless slash list", "Python/Java, React/Angular, "),
        (
            "repeated groups",
            "React, Vue or Angular; React.js, Vue.js or Angular.js; ",
        ),
    ];
    let _ = atscore::posting::read("Requirements: Python");
    for (name, piece) in cases {
        let mut line = String::new();
        for kb in [64usize, 256, 1000] {
            let mut s = String::new();
            while s.len() < kb * 1000 - piece.len() {
                s.push_str(piece);
            }
            let t = std::time::Instant::now();
            let p = atscore::posting::read(&s);
            let n = p.as_ref().map(|p| p.mentions.len()).unwrap_or(0);
            let _ = p.and_then(|p| p.role());
            line.push_str(&format!(
                "  {kb} KB {:>8.1} ms ({n} mentions)",
                t.elapsed().as_secs_f64() * 1e3
            ));
        }
        println!("{name:<24}{line}");
    }
}
