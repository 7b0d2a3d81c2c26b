//! Reading job postings: the checklist of each corpus posting (MB/s,
//! `posting::read` and `Posting::role`), the tagger alone, and the one-time
//! cost of loading the skill lexicon (parse and compile into a matcher).

use std::hint::black_box;

use atscore::posting;
use atscore_benches::corpus_postings;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn bench_postings(c: &mut Criterion) {
    let docs = corpus_postings();
    if docs.is_empty() {
        return;
    }
    // the lexicon and tagger load once, before timing
    let _ = posting::read("Requirements: Python");
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("posting");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("extract", |b| {
        b.iter(|| {
            for d in &docs {
                let _ = black_box(posting::read(d).and_then(|p| p.role()));
            }
        })
    });
    g.bench_function("tagger", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(posting::tagger::tag(d));
            }
        })
    });
    g.finish();
}

fn bench_lexicon(c: &mut Criterion) {
    let mut g = c.benchmark_group("lexicon");
    g.sample_size(10);
    g.bench_function("load", |b| b.iter(|| black_box(posting::compile_lexicon())));
    g.finish();
}

criterion_group!(benches, bench_postings, bench_lexicon);
criterion_main!(benches);
