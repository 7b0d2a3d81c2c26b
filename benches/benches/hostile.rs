//! Hostile inputs: full analysis time must grow linearly with input size.
//!
//! Inputs of 1, 2, 4 and 8 MB: (a) one single line, (b) one keyword repeated
//! as 1,000,000-scale token runs, (c) random unicode full of ZWJ, RTL marks and
//! combining marks; throughput in bytes, so equal MB/s across sizes means
//! linear time. Plus a role of 100,000 keywords: compile time, and analysis.
//!
//! `cargo bench -p atscore-benches --bench hostile` runs the sizes above;
//! under `cargo test --benches` (criterion's test mode, one run each) the
//! inputs are 64 times smaller so the test suite stays fast.

use std::hint::black_box;

use atscore::{Keyword, Matcher, Role, Tier};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// Full sizes under `cargo bench`, small ones under `cargo test`.
fn scale() -> usize {
    if std::env::args().any(|a| a == "--bench") {
        1
    } else {
        64
    }
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<T: Copy>(&mut self, v: &[T]) -> T {
        v[(self.next() % v.len() as u64) as usize]
    }
}

fn fill(len: usize, mut piece: impl FnMut(&mut String)) -> String {
    let mut s = String::with_capacity(len + 64);
    while s.len() < len {
        piece(&mut s);
    }
    s
}

/// (a) One line: resume prose with keywords, no line break at all.
fn single_line(len: usize) -> String {
    let unit = "Led server-side development of REST APIs in Go, SQL and C++ on AWS; CI/CD with k8s, cut costs 30%; team player. ";
    fill(len, |s| s.push_str(unit))
}

/// (b) The same keyword over and over (8 MB is about 1,000,000 tokens).
fn repeated_keyword(len: usize) -> String {
    let mut i = 0usize;
    fill(len, |s| {
        s.push_str("SQL ");
        i += 1;
        if i % 1000 == 0 {
            s.push('\n');
        }
    })
}

/// (c) Random unicode with zero-width joiners, RTL marks and combining marks.
fn hostile_unicode(len: usize) -> String {
    const CHARS: &[&str] = &[
        "\u{200D}", "\u{200F}", "\u{202E}", "\u{200E}", "\u{301}", "\u{308}", "\u{20DD}",
        "\u{FE0F}", "👩", "💻", "🚀", "🏽", "é", "ß", "İ", "東", "京", "م", "ر", "ح", "a", "S",
        "Q", "L", " ", " ", "\n", "-", ".", "/", "+", "#", "\u{0}", "\u{A0}", "\u{2028}", "ﬁ",
        "Ｐ", "1",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    fill(len, |s| {
        let c: &str = rng.pick(CHARS);
        s.push_str(c)
    })
}

/// Makes an input of about the given number of bytes.
type Maker = fn(usize) -> String;

fn bench_sizes(c: &mut Criterion) {
    let matcher = Matcher::new(Role::builtin("backend-developer").unwrap()).unwrap();
    let kinds: [(&str, Maker); 3] = [
        ("single-line", single_line),
        ("repeated-keyword", repeated_keyword),
        ("unicode-zwj-rtl-combining", hostile_unicode),
    ];
    for (kind, make) in kinds {
        let mut g = c.benchmark_group(format!("hostile/{kind}"));
        g.sample_size(10);
        for mb in [1usize, 2, 4, 8] {
            let text = make((mb << 20) / scale());
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(
                BenchmarkId::from_parameter(format!("{mb}MB")),
                &text,
                |b, t| b.iter(|| black_box(matcher.analyze(t).unwrap())),
            );
        }
        g.finish();
    }
}

/// A role of `n` distinct keywords (one to three words, some tech tokens).
pub fn big_role(n: usize) -> Role {
    const WORDS: &[&str] = &[
        "data", "cloud", "platform", "service", "system", "stream", "graph", "query", "cache",
        "edge", "mesh", "vector", "batch", "event", "model", "pipeline",
    ];
    let keywords = (0..n)
        .map(|i| {
            let w = WORDS[i % WORDS.len()];
            let term = match i % 4 {
                0 => format!("{w} tool{i}"),
                1 => format!("{w}{i}.js"),
                2 => format!("{w} {} x{i}", WORDS[(i / 7) % WORDS.len()]),
                _ => format!("T{i}++"),
            };
            Keyword::new(
                term,
                if i % 10 == 0 {
                    Tier::MustHave
                } else {
                    Tier::Bonus
                },
            )
        })
        .collect();
    Role {
        name: "huge".into(),
        keywords,
        ..Role::default()
    }
}

fn bench_big_role(c: &mut Criterion) {
    let n = 100_000 / scale();
    let role = big_role(n);
    let mut g = c.benchmark_group("hostile/role-100k-keywords");
    g.sample_size(10);
    g.bench_function("compile", |b| {
        b.iter(|| black_box(Matcher::new(role.clone()).unwrap()))
    });
    let matcher = Matcher::new(role.clone()).unwrap();
    // a resume naming every 10th keyword in bullets, about 1 MB at full scale
    let mut text = String::from("EXPERIENCE\n");
    for k in role.keywords.iter().step_by(10) {
        text.push_str("- Built services with ");
        text.push_str(&k.term);
        text.push_str(" and SQL, cutting costs 20%\n");
    }
    let text = text.repeat((1 << 20) / scale() / text.len() + 1);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("analyze", |b| {
        b.iter(|| black_box(matcher.analyze(&text).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, bench_sizes, bench_big_role);
criterion_main!(benches);
