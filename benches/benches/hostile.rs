//! Hostile inputs: full analysis time must grow linearly with input size.
//!
//! Inputs of 1, 2, 4 and 8 MB: (a) one single line, (b) one keyword repeated
//! as 1,000,000-scale token runs, (c) random unicode full of ZWJ, RTL marks and
//! combining marks; throughput in bytes, so equal MB/s across sizes means
//! linear time. Plus a role of 100,000 keywords: compile time, and analysis.
//! Plus (d) distinct words crafted to collide under the word hash the
//! tokenizer used to intern words with (an unkeyed multiply-rotate), at 256
//! KB, 512 KB and 1 MB: hash flooding made interning quadratic.
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

/// The word hash the tokenizer interned words with until it was keyed (see
/// `hash_flood`): `h = len`, then for each eight bytes (little-endian)
/// `h = rotl((h ^ w) * K, 26)`, then a final mix that maps equal states to
/// equal hashes.
mod old_hash {
    const K: u64 = 0xf135_7aea_2e62_a9c5;

    pub fn step(h: u64, w: u64) -> u64 {
        (h ^ w).wrapping_mul(K).rotate_left(26)
    }

    pub fn chunk(b: &[u8]) -> u64 {
        u64::from_le_bytes(b.try_into().unwrap())
    }
}

/// `2^blocks` distinct words of `16 * blocks` lowercase letters and digits
/// whose hashes under `old_hash` are all equal (a Joux multicollision):
/// each block of two eight-byte chunks has two versions `(x, y)` and
/// `(x', y')` that take the state `s` to the same next state, because
/// `step(s, x) ^ y == step(s, x') ^ y'` (`y ^ y'` is chosen byte by byte
/// from pairs of alphabet bytes). The `i`th word takes version `bit b of i`
/// of block `b`.
pub fn old_hash_collisions(blocks: usize, count: usize) -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    // a pair of alphabet bytes for each xor they can make
    let mut pair = [None; 256];
    for &p in ALPHABET {
        for &q in ALPHABET {
            pair[usize::from(p ^ q)].get_or_insert((p, q));
        }
    }
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut random_chunk = || {
        let mut c = [0u8; 8];
        for b in &mut c {
            *b = rng.pick(ALPHABET);
        }
        c
    };
    let mut state = (16 * blocks) as u64;
    let mut versions: Vec<[[u8; 16]; 2]> = Vec::with_capacity(blocks);
    while versions.len() < blocks {
        let (x, x2) = (random_chunk(), random_chunk());
        let (a, a2) = (
            old_hash::step(state, old_hash::chunk(&x)),
            old_hash::step(state, old_hash::chunk(&x2)),
        );
        let d = (a ^ a2).to_le_bytes();
        if x == x2 || d.iter().any(|&b| pair[usize::from(b)].is_none()) {
            continue;
        }
        let (mut v, mut v2) = ([0u8; 16], [0u8; 16]);
        v[..8].copy_from_slice(&x);
        v2[..8].copy_from_slice(&x2);
        for (k, &b) in d.iter().enumerate() {
            (v[8 + k], v2[8 + k]) = pair[usize::from(b)].unwrap();
        }
        let next = old_hash::step(a, old_hash::chunk(&v[8..]));
        debug_assert_eq!(next, old_hash::step(a2, old_hash::chunk(&v2[8..])));
        state = next;
        versions.push([v, v2]);
    }
    (0..count.min(1 << blocks))
        .map(|i| {
            let mut w = Vec::with_capacity(16 * blocks);
            for (b, v) in versions.iter().enumerate() {
                w.extend_from_slice(&v[(i >> b) & 1]);
            }
            String::from_utf8(w).unwrap()
        })
        .collect()
}

/// (d) Distinct words that all had the same hash (`old_hash_collisions`),
/// ten to a line.
fn hash_flood(len: usize) -> String {
    // 2^16 words of 256 bytes: more than 16 MB of them
    let words = old_hash_collisions(16, len / 200 + 1);
    let mut words = words.iter().enumerate();
    fill(len, |s| {
        let (i, w) = words.next().expect("enough colliding words");
        s.push_str(w);
        s.push(if i % 10 == 9 { '\n' } else { ' ' });
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
    // (d) in smaller sizes: before the hash was keyed, 1 MB took seconds
    let mut g = c.benchmark_group("hostile/hash-flood");
    g.sample_size(10);
    for kb in [256usize, 512, 1024] {
        let text = hash_flood((kb << 10) / scale());
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(
            BenchmarkId::from_parameter(format!("{kb}KB")),
            &text,
            |b, t| b.iter(|| black_box(matcher.analyze(t).unwrap())),
        );
    }
    g.finish();
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
