//! Keyword precision and recall on real resumes labeled by reading
//! (tests/data/resume-labels: 34 resumes of corpus/resumes, PDF, DOCX and
//! text, tech and non-tech; 48 concepts; GUIDE.md says how they were
//! labeled, before atscore was run on them).
//!
//! Every resume is analyzed against one role holding all 48 concepts. A
//! concept counts as found when the report says `found` (exact, variant,
//! alias or acronym: what an ATS search accepts); a `yes` label is a
//! positive, `family`, `evidence` and `no` labels (and every unlabeled
//! pair) are negatives. Resumes are split in two halves: rules were
//! developed looking at the `tune` half's errors only; the `check` half
//! measures them. Run with `--nocapture` to see the table.
use atscore::{Keyword, Matcher, Role, Tier};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn corpus() -> Option<PathBuf> {
    let p = root().join("../../shared/corpus/resumes");
    if p.exists() {
        Some(p)
    } else {
        eprintln!("SKIPPED: corpus path {} not found", p.display());
        None
    }
}

fn data(name: &str) -> String {
    std::fs::read_to_string(root().join("tests/data/resume-labels").join(name)).unwrap()
}

/// The concepts, in the order GUIDE.md lists them.
fn concepts() -> Vec<String> {
    let guide = data("GUIDE.md");
    let list = guide
        .split("## Concepts (write them exactly like this)\n")
        .nth(1)
        .expect("GUIDE.md lists the concepts");
    let list = list.split("\n\n").next().unwrap();
    list.split(',')
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect()
}

struct Label {
    label: String,
    quote: String,
}

/// resume → (split, concept → label), from every resumes-*.txt / labels-*.tsv.
fn labels() -> BTreeMap<String, (String, HashMap<String, Label>)> {
    let dir = root().join("tests/data/resume-labels");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut out = BTreeMap::new();
    for n in names.iter().filter(|n| n.starts_with("resumes-")) {
        for line in data(n).lines().filter(|l| !l.trim().is_empty()) {
            let (path, split) = line.split_once('\t').expect("path<TAB>split");
            assert!(split == "tune" || split == "check", "{line}");
            out.insert(path.to_string(), (split.to_string(), HashMap::new()));
        }
    }
    for n in names.iter().filter(|n| n.starts_with("labels-")) {
        for line in data(n).lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 6, "{n}: {line}");
            let (split, by) = out.get_mut(f[0]).unwrap_or_else(|| panic!("{n}: {line}"));
            assert_eq!(split, f[1], "{line}");
            let old = by.insert(
                f[2].to_string(),
                Label {
                    label: f[3].to_string(),
                    quote: f[4].to_string(),
                },
            );
            assert!(old.is_none(), "twice: {line}");
        }
    }
    out
}

/// The text version beside an original (`original/x.pdf` → `text/x.txt`).
fn text_version(corpus: &Path, resume: &str) -> PathBuf {
    let p = corpus.join(resume);
    if resume.contains("/original/") {
        let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
        p.parent()
            .unwrap()
            .parent()
            .unwrap()
            .join("text")
            .join(format!("{stem}.txt"))
    } else {
        p
    }
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

#[test]
fn labels_are_well_formed() {
    let Some(corpus) = corpus() else { return };
    let concepts: HashSet<String> = concepts().into_iter().collect();
    assert_eq!(concepts.len(), 48);
    let labels = labels();
    assert!(labels.len() >= 30, "{} resumes", labels.len());
    let (mut pdf, mut docx, mut txt) = (0, 0, 0);
    for (resume, (_, by)) in &labels {
        match resume.rsplit('.').next() {
            Some("pdf") => pdf += 1,
            Some("docx") => docx += 1,
            _ => txt += 1,
        }
        let text = std::fs::read_to_string(text_version(&corpus, resume)).unwrap();
        let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let flat_text = flat(&text);
        for (concept, l) in by {
            assert!(concepts.contains(concept), "{resume}: {concept}");
            assert!(
                ["yes", "family", "evidence", "no"].contains(&l.label.as_str()),
                "{resume}: {concept}: {}",
                l.label
            );
            assert!(
                flat_text.contains(&flat(&l.quote)),
                "{resume}: {concept}: quote not in the text: {:?}",
                l.quote
            );
        }
    }
    assert!(pdf >= 3 && docx >= 3 && txt >= 3, "{pdf} {docx} {txt}");
}

#[test]
fn keyword_precision_and_recall_on_labeled_resumes() {
    let Some(corpus) = corpus() else { return };
    let concepts = concepts();
    let role = Role {
        name: "labeled-concepts".into(),
        keywords: concepts
            .iter()
            .map(|c| Keyword::new(c.as_str(), Tier::MustHave))
            .collect(),
        ..Role::default()
    };
    let m = Matcher::new(role).unwrap();
    let labels = labels();
    let mut by_concept: BTreeMap<(&str, &str), Counts> = BTreeMap::new();
    let mut errors = Vec::new();
    for (resume, (split, by)) in &labels {
        let bytes = std::fs::read(corpus.join(resume)).unwrap();
        let report = m.analyze_file(&bytes, None).unwrap();
        let text = match &report.file {
            Some(f) => f.text.clone(),
            None => String::from_utf8_lossy(&bytes).into_owned(),
        };
        for c in &concepts {
            let k = report.keyword(c).unwrap();
            let l = by.get(c);
            let yes = l.is_some_and(|l| l.label == "yes");
            let counts = by_concept.entry((split, c)).or_default();
            match (yes, k.found) {
                (true, true) => counts.tp += 1,
                (false, true) => {
                    counts.fp += 1;
                    let h = k.hits.iter().find(|h| h.kind.counts()).unwrap();
                    let r = h.span.range();
                    let at = &text[r.start.saturating_sub(30)..(r.end + 30).min(text.len())];
                    errors.push(format!(
                        "{split} FP {c:?} in {resume}: {:?} ({:?} {:?}) …{}… [label {}]",
                        h.text,
                        h.kind,
                        h.variant,
                        at.replace('\n', "⏎"),
                        l.map_or("none", |l| l.label.as_str())
                    ));
                }
                (true, false) => {
                    counts.fn_ += 1;
                    errors.push(format!(
                        "{split} FN {c:?} in {resume}: {:?} [status {:?}]",
                        l.unwrap().quote,
                        k.status
                    ));
                }
                (false, false) => {}
            }
        }
    }
    let mut total: BTreeMap<&str, Counts> = BTreeMap::new();
    println!("concept: tune tp/fp/fn | check tp/fp/fn");
    for c in &concepts {
        let t = by_concept
            .get(&("tune", c.as_str()))
            .copied()
            .unwrap_or_default();
        let k = by_concept
            .get(&("check", c.as_str()))
            .copied()
            .unwrap_or_default();
        total.entry("tune").or_default().add(t);
        total.entry("check").or_default().add(k);
        println!(
            "  {c:<20} {}/{}/{} | {}/{}/{}",
            t.tp, t.fp, t.fn_, k.tp, k.fp, k.fn_
        );
    }
    let mut all = Counts::default();
    for (split, c) in &total {
        all.add(*c);
        println!(
            "{split}: precision {:.3} recall {:.3} ({} tp, {} fp, {} fn)",
            c.precision(),
            c.recall(),
            c.tp,
            c.fp,
            c.fn_
        );
    }
    println!(
        "all: precision {:.3} recall {:.3}",
        all.precision(),
        all.recall()
    );
    // errors of the tune half, the one rules may be developed on
    for e in errors.iter().filter(|e| e.starts_with("tune")) {
        println!("{e}");
    }
    println!(
        "check half: {} errors (not printed: it measures, it is not tuned on)",
        errors.iter().filter(|e| e.starts_with("check")).count()
    );
    // Floors at the figures measured (all: precision 0.989, recall 0.995;
    // tune 1.000 / 1.000, check 0.979 / 0.989), rounded down. The issue's
    // target, precision 0.98 with recall 0.95, is met.
    assert!(
        all.precision() >= 0.98 && all.recall() >= 0.99,
        "all: {:.3} / {:.3}",
        all.precision(),
        all.recall()
    );
    for (split, c) in &total {
        assert!(
            c.precision() >= 0.97 && c.recall() >= 0.98,
            "{split}: {:.3} / {:.3}",
            c.precision(),
            c.recall()
        );
    }
}
