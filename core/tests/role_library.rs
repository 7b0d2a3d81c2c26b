//! The role library on real resumes: the Kaggle "updated resume dataset"
//! (166 resumes in 25 categories, corpus/resumes/kaggle-updated-resume-dataset)
//! ranked against every built-in role with `library::suggest`; a resume's
//! own roles are the occupations tests/data/role-categories.tsv gives its
//! category (labeled by reading the resumes, before any ranking was run).
//! Resumes alternate between a tune half (the 1st, 3rd, ... of index.csv,
//! the only one the ranking's constants were chosen on) and a check half.
use atscore::library;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn corpus() -> Option<PathBuf> {
    let p = root().join("../../shared/corpus");
    if p.exists() {
        Some(p)
    } else {
        eprintln!("SKIPPED: corpus path {} not found", p.display());
        None
    }
}

/// category → the names of the roles that are its own.
fn own_roles() -> BTreeMap<String, HashSet<String>> {
    let labels = std::fs::read_to_string(root().join("tests/data/role-categories.tsv")).unwrap();
    let all = library::names().unwrap();
    let mut out = BTreeMap::new();
    for line in labels
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        let onet: HashSet<&str> = f[1].split(',').filter(|c| !c.is_empty()).collect();
        let esco: HashSet<&str> = f[2]
            .split(',')
            .filter_map(|u| u.rsplit('/').next())
            .filter(|c| !c.is_empty())
            .collect();
        let names: HashSet<String> = all
            .iter()
            .filter(|h| onet.contains(h.code.as_str()) || esco.contains(h.code.as_str()))
            .map(|h| h.name.clone())
            .collect();
        assert!(!names.is_empty(), "{}: no role has its codes", f[0]);
        out.insert(f[0].to_string(), names);
    }
    out
}

#[derive(Default)]
struct Tally {
    n: usize,
    first: usize,
    top3: usize,
}

impl Tally {
    fn add(&mut self, rank: Option<usize>) {
        self.n += 1;
        self.first += usize::from(rank == Some(0));
        self.top3 += usize::from(rank.is_some_and(|r| r < 3));
    }
    fn rates(&self) -> (f64, f64) {
        (
            self.first as f64 / self.n as f64,
            self.top3 as f64 / self.n as f64,
        )
    }
}

#[test]
fn a_resume_ranks_its_own_role_first_among_every_built_in_role() {
    let Some(corpus) = corpus() else { return };
    let dir = corpus.join("resumes/kaggle-updated-resume-dataset");
    let own = own_roles();
    let index = std::fs::read_to_string(dir.join("index.csv")).unwrap();
    let (mut tune, mut check) = (Tally::default(), Tally::default());
    let mut per_category: BTreeMap<String, (Tally, BTreeMap<String, usize>)> = BTreeMap::new();
    for (i, line) in index.lines().skip(1).enumerate() {
        let f: Vec<&str> = line.split(',').collect();
        let (file, category) = (f[0], f[1]);
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let fits = library::suggest(&text, 50).unwrap();
        let want = &own[category];
        let rank = fits.iter().position(|f| want.contains(&f.name));
        if i % 2 == 0 { &mut tune } else { &mut check }.add(rank);
        let (t, confused) = per_category.entry(category.to_string()).or_default();
        t.add(rank);
        if rank != Some(0) {
            if let Some(top) = fits.first() {
                *confused.entry(top.name.clone()).or_default() += 1;
            }
        }
    }
    let all = Tally {
        n: tune.n + check.n,
        first: tune.first + check.first,
        top3: tune.top3 + check.top3,
    };
    println!("resumes: {} ({} categories)", all.n, per_category.len());
    for (name, t) in [("tune", &tune), ("check", &check), ("all", &all)] {
        let (first, top3) = t.rates();
        println!("{name:>6}: first {first:.3}  top-3 {top3:.3}  (n={})", t.n);
    }
    let mut worst: Vec<_> = per_category.iter().collect();
    worst.sort_by(|a, b| a.1.0.rates().1.total_cmp(&b.1.0.rates().1));
    for (category, (t, confused)) in worst {
        let (first, top3) = t.rates();
        let mut c: Vec<_> = confused.iter().collect();
        c.sort_by(|a, b| b.1.cmp(a.1));
        let c: Vec<String> = c.iter().take(3).map(|(n, k)| format!("{n} ×{k}")).collect();
        println!(
            "  {category:<26} n={:<3} first {first:.2} top-3 {top3:.2}  first instead: {}",
            t.n,
            c.join(", ")
        );
    }
    // issue targets: first >= 0.5, top-3 >= 0.8 (both met: 0.681 and 0.873
    // when these floors were set; tune 0.651 / 0.855, check 0.711 / 0.892)
    let (first, top3) = all.rates();
    assert!(first >= 0.68, "first {first:.3}");
    assert!(top3 >= 0.87, "top-3 {top3:.3}");
    for (name, t) in [("tune", &tune), ("check", &check)] {
        let (first, top3) = t.rates();
        assert!(
            first >= 0.65 && top3 >= 0.85,
            "{name}: first {first:.3} top-3 {top3:.3}"
        );
    }
}

#[test]
fn every_library_role_builds_and_its_title_finds_it() {
    let all = library::names().unwrap();
    assert!(all.len() > 3_800, "{}", all.len());
    let mut misses = Vec::new();
    for (i, h) in all.iter().enumerate() {
        let role = atscore::Role::builtin(&h.name).unwrap();
        assert_eq!(role.name, h.name);
        assert!(
            role.keywords
                .iter()
                .any(|k| k.tier != atscore::Tier::Overused),
            "{}",
            h.name
        );
        assert!(!role.sources.is_empty(), "{}: no source", h.name);
        // a search for its own title lists it in the first three (every
        // fifth role: a search reads every title's words)
        if i % 5 != 0 {
            continue;
        }
        let hits = library::search(&h.title, 3).unwrap();
        if !hits.iter().any(|x| x.name == h.name) {
            misses.push(h.title.clone());
        }
    }
    // titles shared by an O*NET and an ESCO role, or by 3+ roles, may push
    // one out; they must stay rare
    println!(
        "own title not in the first three: {} of {}",
        misses.len(),
        all.len()
    );
    assert!(misses.len() * 100 <= all.len() / 5, "{misses:?}");
}

#[test]
fn search_reads_titles_as_a_user_types_them() {
    let first = |q: &str| {
        library::search(q, 5)
            .unwrap()
            .first()
            .map(|h| h.name.clone())
    };
    for (query, want) in [
        ("registered nurse", "registered-nurses"),
        ("Registered Nurses", "registered-nurses"),
        ("registred nurse", "registered-nurses"), // a typo
        ("RN", "registered-nurses"),              // an alternate title
        ("accountant", "accountant"),
        ("civil engineer", "civil-engineers"),
        ("personal trainer", "personal-trainer"),
        ("backend engineer", "backend-developer"),
        ("lawyer", "lawyers"),
    ] {
        assert_eq!(first(query).as_deref(), Some(want), "{query}");
    }
    // "Front End Developer" written as one word; two roles have it
    let hits = library::search("frontend developer", 3).unwrap();
    assert!(hits.iter().any(|h| h.name == "web-developer"), "{hits:?}");
    // a word being typed matches the start of a title's word
    assert!(
        library::search("pharmac", 5)
            .unwrap()
            .iter()
            .any(|h| h.name == "pharmacists")
    );
    // nothing like it: no hit; an empty search: the common roles
    assert!(library::search("qqxzv wwjk", 5).unwrap().is_empty());
    assert_eq!(
        library::search("  ", 3).unwrap(),
        library::common(3).unwrap()
    );
    // a nurse's role has what a nurse's resume contains
    let nurse = atscore::Role::find("registered nurse").unwrap();
    for k in [
        "patient care",
        "vital signs",
        "nursing care",
        "infection control",
    ] {
        assert!(nurse.keywords.iter().any(|x| x.term == k), "{k}");
    }
    // and an unknown role suggests the closest
    match atscore::Role::find("registered nurse assistant trainer") {
        Ok(r) => panic!("ambiguous, yet resolved to {}", r.name),
        Err(atscore::Error::UnknownRole { available, .. }) => assert!(!available.is_empty()),
        Err(e) => panic!("{e}"),
    }
}
