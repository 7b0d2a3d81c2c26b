//! Heap allocations per report, counted by a global allocator that wraps the
//! system one: made while analyzing, made by `Matcher::find` alone, and kept
//! in the report (counted by cloning it). Every allocation a report keeps is
//! a free for whoever drops it, on whichever thread.
//!
//! ```text
//! cargo run --release -p atscore-benches --example allocs
//! ATSCORE_PROFILE_ROLE=role.json cargo run --release -p atscore-benches --example allocs
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static ALLOCS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call goes to the system allocator with the same arguments.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, size: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        unsafe { System.realloc(ptr, layout, size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations made by `f`, per document.
fn per_doc(docs: usize, f: impl FnOnce()) -> f64 {
    let before = ALLOCS.load(Relaxed);
    f();
    (ALLOCS.load(Relaxed) - before) as f64 / docs as f64
}

fn main() {
    let docs = atscore_benches::corpus_resumes();
    let matcher = atscore_benches::profile_matcher();
    // warm the matcher's caches first
    for d in &docs {
        let _ = matcher.analyze(d);
    }
    let n = docs.len();
    let mut reports = Vec::with_capacity(n);
    let analyze = per_doc(n, || {
        reports.extend(docs.iter().map(|d| matcher.analyze(d).unwrap()))
    });
    let find = per_doc(n, || docs.iter().for_each(|d| drop(matcher.find(d))));
    let kept = per_doc(n, || {
        drop(reports.iter().map(Clone::clone).collect::<Vec<_>>())
    }) - 1.0 / n as f64;
    let hits: usize = reports
        .iter()
        .flat_map(|r| &r.keywords)
        .map(|k| k.hits.len())
        .sum();
    println!(
        "{n} resumes, {} keywords: per report {analyze:.0} allocations to analyze ({find:.0} for find alone), {kept:.0} kept in the report; {:.1} hits per report",
        reports.first().map_or(0, |r| r.keywords.len()),
        hits as f64 / n as f64
    );
}
