//! Second step of `scripts/gen-role-library.py`: read each occupation's texts
//! with the posting reader and write the role library
//! (`core/data/role-library.tsv`, read by `atscore::library`).
//!
//! ```text
//! cargo run --release -p atscore --example gen_role_library -- INPUT.json OUTPUT.tsv
//! ```
//!
//! Per role: must-have = the keywords read from `must_text` and `must_tech`
//! (at most [`MAX_MUST`]), bonus = those read from `bonus_text` and
//! `bonus_tech` (at most [`MAX_BONUS`]), soft skills apart (at most
//! [`MAX_SOFT`]). Task prose read by the tagger alone gives duty fragments
//! ("Interpret laws", "draft"): see [`kept`]. Technology examples are kept
//! only under a name the lexicon has (at most [`MAX_TECH`] per tier). An ESCO role appends its O*NET counterpart's keywords after
//! its own. "Any one of" groups read from task prose ("assess, plan,
//! implement, or evaluate") are duties, not alternative qualifications: their
//! members are kept one by one when the skill lexicon knows them.
use atscore::{Role, Tier};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

const MAX_MUST: usize = 15;
const MAX_BONUS: usize = 20;
const MAX_SOFT: usize = 6;
const MAX_TECH: usize = 8;

#[derive(Default, Clone)]
struct Picked {
    must: Vec<String>,
    bonus: Vec<String>,
    soft: Vec<String>,
}

fn key(term: &str) -> String {
    term.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '+' && c != '#')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The hard and soft keywords of one text (no tiers: the caller gives them).
fn read(text: &str) -> (Vec<String>, Vec<String>) {
    let (mut hard, mut soft) = (Vec::new(), Vec::new());
    if text.trim().is_empty() {
        return (hard, soft);
    }
    let Ok(role) = atscore::posting::read(text).and_then(|p| p.role()) else {
        return (hard, soft);
    };
    for k in role.keywords {
        if k.tier == Tier::Overused {
            continue;
        }
        if k.soft {
            soft.push(k.term);
        } else if k.any_of.is_empty() {
            if kept(&k.term) {
                hard.push(k.term);
            }
        } else {
            hard.extend(k.any_of.into_iter().filter(|m| known(m)));
        }
    }
    (hard, soft)
}

/// Words that begin O*NET task statements ("Interpret", "Audit",
/// "Supervise"), set once from the input.
static VERBS: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();

/// Whether a keyword read from task prose is kept: a form of the skill
/// lexicon, or a phrase of two or more words that does not begin with a task
/// verb ("legal precedents", "teaching methods"; not "Interpret laws",
/// "supervise food preparation"). One word the lexicon does not know
/// ("draft", "prices") is too vague to search for.
fn kept(term: &str) -> bool {
    if known(term) {
        return true;
    }
    let words: Vec<String> = term.split_whitespace().map(str::to_lowercase).collect();
    let verbs = VERBS.get().expect("verbs are set before reading");
    words.len() >= 2 && !verbs.contains(&words[0])
}

/// Whether the skill lexicon has this form (letter case aside).
fn known(term: &str) -> bool {
    static FORMS: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    FORMS
        .get_or_init(|| {
            atscore::posting::skills()
                .iter()
                .flat_map(|s| s.forms())
                .map(str::to_lowercase)
                .collect()
        })
        .contains(&term.to_lowercase())
}

/// O*NET technology examples the skill lexicon knows, by their own name or
/// without a trailing "software" ("Epic Systems", "Intuit QuickBooks"), each
/// in the form a resume writes it ([`resume_form`]).
fn tech(names: &[Value], max: usize) -> Vec<String> {
    names
        .iter()
        .filter_map(Value::as_str)
        .filter_map(|n| {
            let short = n.strip_suffix(" software").unwrap_or(n);
            [n, short].into_iter().find(|t| known(t)).map(resume_form)
        })
        .take(max)
        .collect()
}

/// A product name as a resume writes it: O*NET names products with their
/// vendor ("Autodesk AutoCAD", "Microsoft Excel", "The MathWorks MATLAB"),
/// resumes mostly without. The shortest end of the name (its first words
/// dropped) that is (a) another name the lexicon gives the same product
/// ("Excel" for Microsoft Excel), else (b) begins with a product-like word,
/// a capital or digit inside ("SolidWorks", "MATLAB", "AutoCAD Civil 3D"),
/// else (c) one word after a vendor's name (a first word of 8+ lexicon
/// names: Adobe, Microsoft, Oracle, ...) that the lexicon knows and is not a
/// common English word ("Adobe Photoshop" -> "Photoshop"); else the name as
/// it is ("Microsoft Office": not "Office").
fn resume_form(name: &str) -> String {
    let lower = name.to_lowercase();
    let same: Vec<String> = atscore::posting::skills()
        .iter()
        .find(|s| s.forms().any(|f| f.to_lowercase() == lower))
        .map(|s| s.forms().map(str::to_lowercase).collect())
        .unwrap_or_default();
    let words: Vec<&str> = name.split(' ').collect();
    let ends: Vec<String> = (1..words.len())
        .rev()
        .map(|cut| words[cut..].join(" "))
        .collect();
    let product_like = |w: &str| {
        w.chars().count() >= 3
            && w.chars()
                .skip(1)
                .any(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    if let Some(e) = ends.iter().find(|e| same.contains(&e.to_lowercase())) {
        return e.clone();
    }
    if let Some(e) = ends
        .iter()
        .find(|e| e.split(' ').next().is_some_and(product_like))
    {
        return e.clone();
    }
    if words.len() == 2 && vendor(words[0]) && known(words[1]) && !common_word(words[1]) {
        return words[1].to_string();
    }
    name.to_string()
}

/// Whether a word begins 8 or more of the lexicon's names (a vendor:
/// Microsoft, Adobe, Oracle, IBM, Autodesk).
fn vendor(word: &str) -> bool {
    static FIRST: std::sync::OnceLock<HashMap<String, usize>> = std::sync::OnceLock::new();
    let first = FIRST.get_or_init(|| {
        let mut m = HashMap::new();
        for s in atscore::posting::skills() {
            if let Some((w, _)) = s.name.split_once(' ') {
                *m.entry(w.to_string()).or_insert(0) += 1;
            }
        }
        m
    });
    first.get(word).is_some_and(|n| *n >= 8)
}

/// Whether a word is one of the common English words (core/data/common-words.txt).
fn common_word(s: &str) -> bool {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            include_str!("../data/common-words.txt")
                .lines()
                .filter(|l| !l.starts_with('#'))
                .map(|l| l.trim().to_lowercase())
                .collect()
        })
        .contains(&s.to_lowercase())
}

fn push_unique(into: &mut Vec<String>, seen: &mut Vec<String>, terms: &[String], max: usize) {
    for t in terms {
        if into.len() >= max {
            break;
        }
        let k = key(t);
        if !k.is_empty() && !seen.contains(&k) {
            seen.push(k);
            into.push(t.clone());
        }
    }
}

fn pick(role: &Value, counterpart: Option<&Picked>) -> Picked {
    let s = |f: &str| role[f].as_str().unwrap_or("").to_string();
    let arr = |f: &str| role[f].as_array().cloned().unwrap_or_default();
    let (must_a, soft_a) = read(&s("must_text"));
    let must_b = tech(&arr("must_tech"), MAX_TECH);
    let (bonus_a, soft_b) = read(&s("bonus_text"));
    let bonus_b = tech(&arr("bonus_tech"), MAX_TECH);
    let mut out = Picked::default();
    let mut seen = Vec::new();
    push_unique(&mut out.must, &mut seen, &must_a, MAX_MUST);
    push_unique(&mut out.must, &mut seen, &must_b, MAX_MUST);
    if let Some(c) = counterpart {
        push_unique(&mut out.must, &mut seen, &c.must, MAX_MUST);
    }
    push_unique(&mut out.bonus, &mut seen, &bonus_a, MAX_BONUS);
    push_unique(&mut out.bonus, &mut seen, &bonus_b, MAX_BONUS);
    if let Some(c) = counterpart {
        push_unique(&mut out.bonus, &mut seen, &c.bonus, MAX_BONUS);
    }
    if out.must.is_empty() && out.bonus.is_empty() {
        push_unique(
            &mut out.bonus,
            &mut seen,
            &tech(&arr("fallback_tech"), MAX_TECH),
            MAX_BONUS,
        );
    }
    push_unique(&mut out.soft, &mut seen, &soft_a, MAX_SOFT);
    push_unique(&mut out.soft, &mut seen, &soft_b, MAX_SOFT);
    if let Some(c) = counterpart {
        push_unique(&mut out.soft, &mut seen, &c.soft, MAX_SOFT);
    }
    out
}

fn hand_kept(name: &str) -> Option<Picked> {
    let role = Role::builtin(name).ok()?;
    let mut p = Picked::default();
    for k in role.keywords {
        match k.tier {
            Tier::MustHave => p.must.push(k.term),
            Tier::Bonus if k.soft => p.soft.push(k.term),
            Tier::Bonus => p.bonus.push(k.term),
            Tier::Overused => {}
        }
    }
    Some(p)
}

/// The first sentences of a description, up to ~300 bytes.
fn short_description(s: &str) -> String {
    let mut out = String::new();
    for sentence in s.split_inclusive(". ") {
        if !out.is_empty() && out.len() + sentence.len() > 300 {
            break;
        }
        out.push_str(sentence);
    }
    out.trim().to_string()
}

fn field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ").trim().to_string()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, input, output] = args.as_slice() else {
        eprintln!("usage: gen_role_library INPUT.json OUTPUT.tsv");
        std::process::exit(2);
    };
    let src = std::fs::read_to_string(input).expect("read the input JSON");
    let doc: Value = serde_json::from_str(&src).expect("input is JSON");
    let roles = doc["roles"].as_array().expect("roles");
    let verbs = doc["verbs"].as_array().expect("verbs");
    VERBS
        .set(
            verbs
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect(),
        )
        .expect("set once");
    let mut picked: HashMap<String, Picked> = HashMap::new();
    // O*NET roles first: ESCO roles take their counterpart's keywords
    for pass in ["onet", "esco"] {
        for r in roles.iter().filter(|r| r["source"] == pass) {
            let cp = r["counterpart"]
                .as_str()
                .and_then(|c| picked.get(c).cloned().or_else(|| hand_kept(c)));
            let p = pick(r, cp.as_ref());
            picked.insert(r["name"].as_str().expect("name").to_string(), p);
        }
    }
    // keyword table: most used first, so indexes stay short
    let mut uses: BTreeMap<&str, usize> = BTreeMap::new();
    for p in picked.values() {
        for t in p.must.iter().chain(&p.bonus).chain(&p.soft) {
            *uses.entry(t).or_default() += 1;
        }
    }
    let mut table: Vec<(&str, usize)> = uses.into_iter().collect();
    table.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let index: HashMap<&str, usize> = table
        .iter()
        .enumerate()
        .map(|(i, (t, _))| (*t, i))
        .collect();
    let ids = |terms: &[String]| {
        terms
            .iter()
            .map(|t| index[t.as_str()].to_string())
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut out = String::new();
    out.push_str(
        "# atscore role library. Format: K<TAB>keyword (the keyword table, numbered from 0);\n",
    );
    out.push_str(
        "# R<TAB>name<TAB>source<TAB>code<TAB>ISCO group<TAB>title<TAB>must<TAB>bonus<TAB>soft (keyword numbers)<TAB>counterpart<TAB>how it was found;\n",
    );
    out.push_str("# C<TAB>the most common roles, for an empty search (names, ','-separated);\n");
    out.push_str("# D<TAB>description (its first sentences); T<TAB>other titles (|-separated).\n");
    for h in doc["header"].as_array().expect("header") {
        out.push_str(&format!("# {}\n", h.as_str().expect("header line")));
    }
    let left_out: Vec<&str> = roles
        .iter()
        .filter(|r| {
            let p = &picked[r["name"].as_str().expect("name")];
            p.must.is_empty() && p.bonus.is_empty()
        })
        .filter_map(|r| r["title"].as_str())
        .collect();
    out.push_str(&format!(
        "# Left out, no keyword in their description and no O*NET counterpart ({}): {}.\n",
        left_out.len(),
        left_out.join(", ")
    ));
    let common: Vec<&str> = doc["common"]
        .as_array()
        .expect("common")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    out.push_str(&format!("C\t{}\n", common.join(",")));
    for (t, _) in &table {
        out.push_str(&format!("K\t{}\n", field(t)));
    }
    let mut empty = Vec::new();
    for r in roles {
        let name = r["name"].as_str().expect("name");
        let p = &picked[name];
        if p.must.is_empty() && p.bonus.is_empty() {
            empty.push(r["title"].as_str().expect("title").to_string());
            continue;
        }
        let s = |f: &str| field(r[f].as_str().unwrap_or(""));
        out.push_str(&format!(
            "R\t{name}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            s("source"),
            s("code"),
            s("isco"),
            s("title"),
            ids(&p.must),
            ids(&p.bonus),
            ids(&p.soft),
            s("counterpart"),
            s("how"),
        ));
        out.push_str(&format!("D\t{}\n", short_description(&s("description"))));
        let join = |f: &str| {
            r[f].as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(|t| field(t).replace('|', "/"))
                        .collect::<Vec<_>>()
                        .join("|")
                })
                .unwrap_or_default()
        };
        out.push_str(&format!("T\t{}\n", join("titles")));
    }
    std::fs::write(output, out).expect("write the library");
    eprintln!(
        "{} roles ({} left out without keywords), {} keywords -> {output}",
        roles.len() - empty.len(),
        empty.len(),
        table.len()
    );
}
