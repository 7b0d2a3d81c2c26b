//! Throughput of tokenizing, document parsing, keyword finding (`match`:
//! `Matcher::find`) and full analysis (MB/s), and
//! role compile time, on the real corpus and a large synthetic resume.

use std::hint::black_box;

use atscore::{Matcher, Role, document::Document};
use atscore_benches::{corpus_resumes, synthetic_resume};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn inputs() -> Vec<(&'static str, Vec<String>)> {
    let mut v = Vec::new();
    let corpus = corpus_resumes();
    if !corpus.is_empty() {
        v.push(("corpus", corpus));
    }
    v.push(("synthetic-4MB", vec![synthetic_resume(4 << 20)]));
    v
}

fn bench_analysis(c: &mut Criterion) {
    let matcher = Matcher::new(Role::builtin("backend-developer").unwrap()).unwrap();
    let mut g = c.benchmark_group("pipeline");
    g.sample_size(10);
    for (name, docs) in inputs() {
        let bytes: usize = docs.iter().map(String::len).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_with_input(BenchmarkId::new("tokenize", name), &docs, |b, docs| {
            b.iter(|| {
                for d in docs {
                    black_box(atscore::text::tokenize(d));
                }
            })
        });
        g.bench_with_input(BenchmarkId::new("document", name), &docs, |b, docs| {
            b.iter(|| {
                for d in docs {
                    black_box(Document::parse(d));
                }
            })
        });
        // keyword finding: tokens, lines and sections, hits; no report
        g.bench_with_input(BenchmarkId::new("match", name), &docs, |b, docs| {
            b.iter(|| {
                for d in docs {
                    black_box(matcher.find(d).unwrap());
                }
            })
        });
        g.bench_with_input(BenchmarkId::new("analyze", name), &docs, |b, docs| {
            b.iter(|| {
                for d in docs {
                    black_box(matcher.analyze(d).unwrap());
                }
            })
        });
        g.bench_with_input(BenchmarkId::new("analyze_many", name), &docs, |b, docs| {
            b.iter(|| black_box(matcher.analyze_many(docs)))
        });
    }
    g.finish();
}

fn bench_compile(c: &mut Criterion) {
    let terms: Vec<String> = (0..1000)
        .map(|i| {
            format!(
                "\"{} {}\"",
                ["data", "cloud", "platform", "service", "system"][i % 5],
                i
            )
        })
        .collect();
    let json = format!(
        r#"{{"name":"big","must_have":["SQL"],"bonus":[{}]}}"#,
        terms.join(",")
    );
    let role = Role::from_json(&json).unwrap();
    let builtin = Role::builtin("backend-developer").unwrap();
    let mut g = c.benchmark_group("compile");
    g.bench_function("role-1000-keywords", |b| {
        b.iter(|| black_box(Matcher::new(role.clone()).unwrap()))
    });
    g.bench_function("backend-developer", |b| {
        b.iter(|| black_box(Matcher::new(builtin.clone()).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, bench_analysis, bench_compile);
criterion_main!(benches);
