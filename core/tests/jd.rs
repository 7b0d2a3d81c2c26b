//! Job description → role, on the real postings of ../shared/corpus/jobs,
//! and the skill-extraction evaluation against the SkillSpan gold spans
//! (Zhang et al., NAACL 2022; MIT).
//!
//! If the corpus folder is absent the tests say so loudly and pass; CI has
//! it beside the checkout.

use std::path::PathBuf;

use atscore::{Matcher, Role, Tier, jd};
use serde_json::Value;

fn corpus(sub: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/corpus")
        .join(sub);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("SKIPPED: corpus path {} not found", p.display());
        None
    }
}

/// The `.txt` postings of these folders of ../shared/corpus/jobs.
fn postings_in(jobs: &std::path::Path, dirs: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in dirs {
        for f in std::fs::read_dir(jobs.join(dir)).unwrap() {
            let p = f.unwrap().path();
            if p.extension().is_some_and(|e| e == "txt") {
                out.push(p);
            }
        }
    }
    out
}

fn read(p: &PathBuf) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn backend_postings_give_valid_roles_that_score_resumes() {
    let Some(jobs) = corpus("jobs") else { return };
    let Some(resumes) = corpus("resumes/resume-matcher-samples/text") else {
        return;
    };
    let resume = read(&resumes.join("bruce_wayne_fullstack.txt"));
    for (file, must, bonus) in [
        (
            "resume-matcher-2020/text/backend_developer.txt",
            &["Python", "Django", "RESTful APIs", "PostGRESQL"][..],
            // "Good to have": "You've worked with core AWS services", "HTML, and CSS"
            &["AWS", "CSS"][..],
        ),
        (
            "resume-matcher-samples/e2e-fixtures/backend-eng.txt",
            &["Python", "Docker", "Kubernetes", "SQL", "Redis"][..],
            &["Kafka", "PostgreSQL"][..],
        ),
    ] {
        let text = read(&jobs.join(file));
        let role = Role::from_job_description(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        role.validate().unwrap();
        // a TOML round trip keeps it, so `atscore extract` output can be edited and reused
        assert_eq!(Role::from_toml(&role.to_toml()).unwrap(), role, "{file}");
        // a keyword by its term, or the "any one of" group it is in
        let tier = |t: &str| {
            role.keywords
                .iter()
                .find(|k| k.term == t || k.any_of.iter().any(|a| a == t))
                .map(|k| k.tier)
        };
        for t in must {
            assert_eq!(tier(t), Some(Tier::MustHave), "{file}: {t} in {role:#?}");
        }
        for t in bonus {
            assert_eq!(tier(t), Some(Tier::Bonus), "{file}: {t}");
        }
        let report = Matcher::new(role.clone())
            .unwrap()
            .analyze(&resume)
            .unwrap();
        assert!(report.score <= 100);
        let found: Vec<&str> = report
            .keywords
            .iter()
            .filter(|k| k.found)
            .map(|k| k.term.as_str())
            .collect();
        assert!(found.contains(&"Python"), "{file}: {found:?}");
    }
}

#[test]
fn posting_wording_is_the_keyword_and_lexicon_names_are_aliases() {
    let Some(jobs) = corpus("jobs/resume-matcher-2020/text") else {
        return;
    };
    let text = read(&jobs.join("backend_developer.txt"));
    let role = Role::from_job_description(&text).unwrap();
    let api = role
        .keywords
        .iter()
        .find(|k| k.term == "RESTful APIs")
        .unwrap();
    assert!(api.aliases.iter().any(|a| a == "RESTful API"), "{api:?}");
    let aws = role.keywords.iter().find(|k| k.term == "AWS").unwrap();
    assert_eq!(aws.acronym.as_deref(), Some("Amazon Web Services"));
    // the mention keeps its place in the posting
    let m = jd::extract(&text);
    let rest = m.iter().find(|m| m.text == "RESTful APIs").unwrap();
    assert_eq!(&text[rest.span.range()], "RESTful APIs");
    // soft skills are recognized as such and never must-haves
    assert!(m.iter().any(|m| m.soft && m.text == "Communication Skills"));
    let role = Role::from_job_description(&text).unwrap();
    let soft = role.keywords.iter().filter(|k| k.soft);
    assert!(
        soft.clone()
            .all(|k| k.tier == Tier::Bonus && k.weight == 0.5)
    );
    assert!(soft.count() >= 3);
}

#[test]
fn every_posting_extracts_without_error_or_duplicates() {
    let Some(jobs) = corpus("jobs") else { return };
    let mut n = 0;
    for p in postings_in(
        &jobs,
        &[
            "resume-matcher-2020/text",
            "resume-matcher-samples/text",
            "resume-matcher-samples/e2e-fixtures",
            "skillspan",
        ],
    ) {
        let text = read(&p);
        match Role::from_job_description(&text) {
            Ok(role) => {
                role.validate().unwrap();
                Matcher::new(role).unwrap();
                n += 1;
            }
            // a posting without any known skill is a typed error, never a panic
            Err(e) => assert!(e.to_string().contains("no skill"), "{}: {e}", p.display()),
        }
    }
    assert!(n > 250, "{n} roles");
}

/// A posting pasted hard-wrapped (from an email or a PDF) reads as the same
/// checklist: each corpus posting with its lines wrapped at 80 columns (at
/// a space, the space kept, as `fold -s` does) gives nearly the same
/// keywords as the posting itself. Measured 0.980 (Jaccard of the keyword
/// terms over the 22 postings); 0.905 before wrapped lines were read as
/// one and a keyword's words were single-spaced.
#[test]
fn a_hard_wrapped_posting_reads_as_the_same_checklist() {
    let Some(jobs) = corpus("jobs") else { return };
    let wrap = |text: &str| -> String {
        let mut out = String::new();
        for line in text.split_inclusive('\n') {
            let mut rest = line;
            while rest.trim_end().chars().count() > 80 {
                let cut = rest
                    .char_indices()
                    .take(80)
                    .filter(|&(_, c)| c == ' ')
                    .last()
                    .map_or(rest.len(), |(i, _)| i + 1);
                if cut >= rest.len() {
                    break;
                }
                out.push_str(&rest[..cut]);
                out.push('\n');
                rest = &rest[cut..];
            }
            out.push_str(rest);
        }
        out
    };
    let terms = |text: &str| -> std::collections::BTreeSet<String> {
        Role::from_job_description(text)
            .map(|r| r.keywords.iter().map(|k| k.term.clone()).collect())
            .unwrap_or_default()
    };
    let (mut both, mut either, mut n) = (0, 0, 0);
    for p in postings_in(
        &jobs,
        &[
            "resume-matcher-2020/text",
            "resume-matcher-samples/text",
            "resume-matcher-samples/e2e-fixtures",
        ],
    ) {
        let text = read(&p);
        let (a, b) = (terms(&text), terms(&wrap(&text)));
        both += a.intersection(&b).count();
        either += a.union(&b).count();
        n += 1;
    }
    let jaccard = both as f64 / either.max(1) as f64;
    eprintln!("hard-wrapped postings: {n} postings, keyword Jaccard {jaccard:.3}");
    assert!(
        n >= 20 && jaccard >= 0.95,
        "{n} postings, Jaccard {jaccard:.3}"
    );
}

/// The reader warns when it is given a resume: on the sample resume and on
/// a share of the corpus resumes (most are flattened text without headings),
/// never on a corpus posting.
#[test]
fn a_resume_given_as_a_posting_is_warned_about_and_postings_never_are() {
    let resume_warning = |text: &str| {
        atscore::posting::read(text)
            .map(|p| p.warnings.iter().any(|w| w.contains("looks like a resume")))
            .unwrap_or(false)
    };
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/resume-backend.txt");
    assert!(resume_warning(&read(&sample)));
    let (Some(jobs), Some(resumes)) = (corpus("jobs"), corpus("resumes")) else {
        return;
    };
    let texts = |root: &PathBuf| -> Vec<PathBuf> {
        let mut out = Vec::new();
        let mut stack = vec![root.clone()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|e| e == "txt") {
                    out.push(p);
                }
            }
        }
        out
    };
    let postings = texts(&jobs);
    let flagged: Vec<_> = postings
        .iter()
        .filter(|p| resume_warning(&read(p)))
        .collect();
    assert!(
        postings.len() > 250 && flagged.is_empty(),
        "postings taken for resumes: {flagged:?}"
    );
    let resumes: Vec<_> = texts(&resumes)
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("/text/"))
        .collect();
    let warned = resumes.iter().filter(|p| resume_warning(&read(p))).count();
    eprintln!(
        "resume warning: {warned} of {} corpus resumes, 0 of {} postings",
        resumes.len(),
        postings.len()
    );
    // measured 56 of 236 when the rule was written
    assert!(
        resumes.len() > 200 && warned * 5 >= resumes.len(),
        "{warned} of {}",
        resumes.len()
    );
}

/// Spans of a gold list inside a sentence, by first unused occurrence.
fn locate(sentence: &str, spans: &[Value]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for s in spans.iter().filter_map(Value::as_str) {
        let mut from = 0;
        while let Some(i) = sentence[from..].find(s) {
            let r = (from + i, from + i + s.len());
            if !out.contains(&r) {
                out.push(r);
                break;
            }
            from += i + 1;
        }
    }
    out
}

#[derive(Default, Debug)]
struct Counts {
    mentions: usize,
    mentions_in_gold: usize,
    gold_knowledge: usize,
    gold_knowledge_found: usize,
    /// Gold skill and knowledge spans, and mentions with exactly a gold span.
    gold_spans: usize,
    exact: usize,
}

/// The posting-level figures on one SkillSpan source ("tech", "house") and
/// split ("train", "dev", "test").
fn evaluate(source: &str, split: &str) -> Option<Counts> {
    let gold = read(&corpus("peer-tests/skillspan/gold_spans.jsonl")?);
    let jobs = corpus("jobs/skillspan")?;
    let mut c = Counts::default();
    for line in gold.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        if v["source"] != source || v["split"] != split {
            continue;
        }
        let text = read(&jobs.join(v["file"].as_str().unwrap()));
        let mentions = jd::extract(&text);
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        for (l, s) in v["sentences"].as_array().unwrap().iter().enumerate() {
            let sentence = s["text"].as_str().unwrap();
            let know = locate(sentence, s["knowledge_spans"].as_array().unwrap());
            let mut any = know.clone();
            any.extend(locate(sentence, s["skill_spans"].as_array().unwrap()));
            let here: Vec<(usize, usize)> = mentions
                .iter()
                .filter(|m| m.line == l)
                .map(|m| (m.span.start - line_starts[l], m.span.end - line_starts[l]))
                .collect();
            let overlaps = |a: (usize, usize), b: &(usize, usize)| a.0 < b.1 && b.0 < a.1;
            c.mentions += here.len();
            c.mentions_in_gold += here
                .iter()
                .filter(|m| any.iter().any(|g| overlaps(**m, g)))
                .count();
            c.gold_spans += any.len();
            c.exact += here.iter().filter(|m| any.contains(m)).count();
            c.gold_knowledge += know.len();
            c.gold_knowledge_found += know
                .iter()
                .filter(|g| here.iter().any(|m| overlaps(*m, g)))
                .count();
        }
    }
    Some(c)
}

/// Precision: extracted mentions that overlap a gold skill or knowledge span.
/// Recall: gold knowledge spans (technologies, tools, fields) that an
/// extracted mention overlaps. On the SkillSpan **test** split (never used to
/// train the tagger or tune the reader). Also printed: the strict span F1
/// (a mention counts only if its span is exactly a gold span), to set beside
/// the SkillSpan paper's (Zhang et al. 2022: span F1 in the 50s–60s for its
/// BERT models); our mentions are the keywords a recruiter searches for, so
/// they are shorter than SkillSpan's skill spans ("design RESTful APIs").
/// Measured when the floors were set (test): tech 0.747 / 0.659 (strict span
/// F1 0.367), house 0.644 / 0.511 (F1 0.224); the floors are those, rounded
/// down. Before the posting reader: tech 0.678 / 0.291, house 0.554 / 0.093
/// (all splits).
#[test]
fn skillspan_precision_and_recall_floors() {
    for (source, min_p, min_r) in [("tech", 0.74, 0.65), ("house", 0.64, 0.51)] {
        for split in ["train", "dev"] {
            if let Some(c) = evaluate(source, split) {
                eprintln!("skillspan {source} {split}: {}", figures(&c));
            }
        }
        let Some(c) = evaluate(source, "test") else {
            return;
        };
        let p = c.mentions_in_gold as f64 / c.mentions.max(1) as f64;
        let r = c.gold_knowledge_found as f64 / c.gold_knowledge.max(1) as f64;
        eprintln!("skillspan {source} test: {} ({c:?})", figures(&c));
        assert!(p >= min_p, "{source}: precision {p:.3} < {min_p}");
        assert!(r >= min_r, "{source}: recall {r:.3} < {min_r}");
    }
}

fn figures(c: &Counts) -> String {
    let p = c.mentions_in_gold as f64 / c.mentions.max(1) as f64;
    let r = c.gold_knowledge_found as f64 / c.gold_knowledge.max(1) as f64;
    let sp = c.exact as f64 / c.mentions.max(1) as f64;
    let sr = c.exact as f64 / c.gold_spans.max(1) as f64;
    let f1 = if sp + sr > 0.0 {
        2.0 * sp * sr / (sp + sr)
    } else {
        0.0
    };
    format!("precision {p:.3}, knowledge recall {r:.3}; strict span P {sp:.3} R {sr:.3} F1 {f1:.3}")
}
