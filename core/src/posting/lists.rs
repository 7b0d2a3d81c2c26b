//! Items of the lists a posting asks for skills in: "such as", "e.g.",
//! "including", colons, parentheses, comma, slash, "and"/"or" lists and tag
//! lines, each item trimmed to the skill it names.

use super::guards::never_a_keyword;
use super::shapes::shaped;
use super::{Span, ambiguous_form, floor_boundary, guards, lexicon};
use crate::text::offset_in;

/// Words that qualify an item of a list without being part of the skill.
const LEADS: &[&str] = &[
    "and",
    "or",
    "a",
    "an",
    "the",
    "etc",
    "strong",
    "excellent",
    "good",
    "solid",
    "proven",
    "basic",
    "advanced",
    "working",
    "hands-on",
    "deep",
    "modern",
    "popular",
    "common",
    "relevant",
    "other",
    "some",
    "any",
    "experience",
    "knowledge",
    "with",
    "of",
    "in",
    "using",
    "such",
    "as",
    "like",
    "including",
    "e.g.",
    "e.g",
    "i.e.",
    "eg",
    "familiarity",
    "understanding",
    "proficiency",
    "expertise",
    "skills",
    "skill",
    "at",
    "least",
    "one",
    "more",
    "similar",
    "tools",
    "is",
    "are",
    "plus",
    "preferred",
    "required",
    "nice",
    "to",
    "have",
    "bonus",
    "also",
    "both",
    "either",
    // amounts and fitness, no kind of skill ("Perform necessary analysis",
    // "various databases")
    "necessary",
    "various",
    "appropriate",
    "applicable",
    "multiple",
    "several",
    "additional",
    "numerous",
    "diverse",
];

/// Items of the lists in a sentence: after "such as", "e.g.", "including",
/// "like", a colon, inside parentheses, or a run of at least three short
/// comma-separated parts. Only items that look like the name of a tool or
/// technology (product-like, or capitalized inside a list) are returned;
/// lowercase items are left to the lexicon.
pub(super) fn list_items(text: &str, s: usize, e: usize) -> Vec<Span> {
    let sent = &text[s..e];
    let lower = sent.to_ascii_lowercase();
    let mut regions: Vec<(usize, usize)> = Vec::new();
    // parentheses
    let mut from = 0;
    while let Some(o) = sent[from..].find('(') {
        let o = from + o;
        match sent[o..].find(')') {
            Some(c) => {
                regions.push((o + 1, o + c));
                from = o + c;
            }
            None => {
                regions.push((o + 1, sent.len()));
                break;
            }
        }
    }
    for trig in [
        "such as ",
        "e.g. ",
        "e.g ",
        "eg. ",
        "including ",
        "like ",
        "i.e. ",
        "for example ",
        ": ",
        "one of ",
        "any of ",
        "either ",
    ] {
        for (i, _) in lower.match_indices(trig) {
            let st = i + trig.len();
            // a list after "such as" ends at a bracket, and within 300 bytes
            let cap = floor_boundary(sent, (st + 300).min(sent.len()));
            let en = sent[st..cap].find([')', '(']).map_or(cap, |j| st + j);
            regions.push((st, en));
        }
    }
    // "Linux/Unix": a slash between two names
    for w in sent.split_whitespace() {
        let i = offset_in(sent, w);
        if w.contains('/') && !w.starts_with('/') && !w.ends_with('/') {
            regions.push((i, i + w.trim_end_matches([',', '.', ';', ')']).len()));
        }
    }
    // a comma list over the whole sentence
    if sent.matches([',', ';']).count() >= 2 {
        regions.push((0, sent.len()));
    }
    let mut out = Vec::new();
    for (rs, re) in regions {
        let region = &sent[rs..re];
        let parts = split_items(region);
        let short = parts
            .iter()
            .filter(|(a, b)| region[*a..*b].split_whitespace().count() <= 4)
            .count();
        if parts.len() < 2 && !(re - rs < 40 && parts.len() == 1 && rs > 0) {
            continue;
        }
        if parts.len() >= 2 && short * 2 < parts.len() {
            continue; // a sentence with commas, not a list
        }
        // whether one item is surely a tool or a skill (product-shaped, or in
        // the lexicon): then a lowercase word paired with it by a slash is
        // one too ("jest/enzyme")
        let sure = parts.iter().any(|&(a, b)| {
            let (a, b) = trim_item(region, a, b);
            a < b && {
                let item = &region[a..b];
                item.split_whitespace().any(shaped) || lexicon::is_form(item)
            }
        });
        // "Med/Surg", "Ob/Gyn": short clipped words joined by a slash are
        // one name (a unit, a specialty), no list
        let clipped = |(a, b): (usize, usize)| {
            let w = &region[a..b];
            (2..=4).contains(&w.len())
                && w.starts_with(|c: char| c.is_ascii_uppercase())
                && w[1..].chars().all(|c| c.is_ascii_lowercase())
        };
        if !sure && !region.contains(char::is_whitespace) && parts.iter().all(|&p| clipped(p)) {
            continue;
        }
        for (a, b) in parts {
            let (a, b) = trim_item(region, a, b);
            if a >= b {
                continue;
            }
            let item = &region[a..b];
            let words = item.split_whitespace().count();
            if words == 0 || words > 4 || item.len() < 2 {
                continue;
            }
            // a label ("TITLE:**"), a lead word alone ("e.g"), shouting
            let lower = item.to_ascii_lowercase();
            if item.contains(':')
                || LEADS.contains(&lower.as_str())
                || (words >= 2
                    && item
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(|c| c.is_uppercase()))
            {
                continue;
            }
            // "jest/enzyme": in a slash pair with a sure member, a word that
            // is no common one names a tool too
            let slash_pair = !region.contains(char::is_whitespace)
                && words == 1
                && item.len() >= 3
                && !guards::is_common_word(item);
            if item_is_named(item) || ambiguous_form(item).is_some() || (sure && slash_pair) {
                out.push(Span::new(s + rs + a, s + rs + b));
            }
        }
    }
    out.extend(
        or_pairs(sent, &lower)
            .into_iter()
            .map(|(a, b)| Span::new(s + a, s + b)),
    );
    out.sort_by_key(|sp| (sp.start, sp.end));
    out.dedup();
    out
}

/// The capitalized names either side of an " or ", " and " or ", " where
/// one side is surely a tool (a lexicon tool or a product-shaped word) and
/// the other is named like one: "deploying models via Triton Inference
/// Server or SageMaker endpoints" gives Triton Inference Server (and
/// SageMaker), "using Canva and Adobe Creative Suite" Canva. Not at the
/// sentence's start (a capital there says nothing), not a field of study.
fn or_pairs(sent: &str, lower: &str) -> Vec<(usize, usize)> {
    let name_word = |w: &str| {
        w.starts_with(|c: char| c.is_uppercase())
            && w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '+' | '#'))
    };
    let tool = |name: &str| lexicon::skill_with_form(name).is_some_and(|k| k.flags().contains('t'));
    // beside "or" a product-shaped word will do; beside "and" or a comma
    // (looser joints: "Product QA and Software Dev teams") a lexicon tool
    let sure = |name: &str, joint: &str| {
        tool(name) || (joint == " or " && name.split_whitespace().any(shaped))
    };
    let named = |x: &str| item_is_named(x) && !super::requirements::is_study_field(x);
    let mut out = Vec::new();
    let joints = [" or ", " and ", ", "].map(|j| lower.match_indices(j).map(move |(i, _)| (i, j)));
    for (i, joint) in joints.into_iter().flatten() {
        // the run of name words ending before the joint
        let mut a = i;
        for (n, w) in sent[..i].rsplit(' ').enumerate() {
            // (a comma ends the run: the word before it is another item)
            if n == 4 || !name_word(w) || (n > 0 && w.ends_with([',', ';'])) {
                break;
            }
            a = offset_in(sent, w);
        }
        // and the run starting after it
        let from = i + joint.len();
        let mut b = from;
        for (n, w) in sent[from..].split(' ').enumerate() {
            let whole = w;
            let w = w.trim_end_matches([',', ';', '.', ')']);
            if n == 4 || !name_word(w) {
                break;
            }
            b = offset_in(sent, w) + w.len();
            if whole.len() > w.len() {
                break; // the item ends at its comma
            }
        }
        if a == 0 || a >= i || b <= from {
            continue;
        }
        let (left, right) = (&sent[a..i], &sent[from..b]);
        if (sure(left, joint) && named(right)) || (sure(right, joint) && named(left)) {
            out.push((a, i));
            out.push((from, b));
        }
    }
    out
}

/// Split a list region into item ranges at ",", ";", "/", " and ", " or ",
/// " & ", "and/or".
fn split_items(region: &str) -> Vec<(usize, usize)> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let lower = region.to_ascii_lowercase();
    for sep in [
        " and/or ", " and ", " or ", " & ", ", ", ",", "; ", " / ", " | ", "(", ")",
    ] {
        for (i, _) in lower.match_indices(sep) {
            cuts.push((i, i + sep.len()));
        }
    }
    // a slash between two words that are not one token (CI/CD, TCP/IP stay)
    for (i, _) in region.match_indices('/') {
        let before = region[..i]
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let after = region[i + 1..]
            .split(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let one_token = before.len() <= 3
            && after.len() <= 3
            && before.chars().all(|c| c.is_ascii_uppercase())
            && after.chars().all(|c| c.is_ascii_uppercase());
        if !one_token {
            cuts.push((i, i + 1));
        }
    }
    cuts.sort();
    let mut out = Vec::new();
    let mut at = 0;
    for (a, b) in cuts {
        if a < at {
            continue;
        }
        out.push((at, a));
        at = b;
    }
    out.push((at, region.len()));
    out.retain(|(a, b)| !region[*a..*b].trim().is_empty());
    out
}

/// Whether a word only qualifies a skill ("popular", "modern", "strong").
pub(super) fn lead_word(w: &str) -> bool {
    LEADS.contains(&w.to_ascii_lowercase().as_str())
}

pub(super) fn trim_item(region: &str, mut a: usize, mut b: usize) -> (usize, usize) {
    let strip: &[char] = &[
        ' ', '\t', '.', ',', ';', ':', '"', '\'', '“', '”', '(', ')', '*', '-', '•',
    ];
    loop {
        let item = &region[a..b];
        let t = item.trim_start_matches(|c: char| strip.contains(&c) || c.is_whitespace());
        a += item.len() - t.len();
        let item = &region[a..b];
        let t = item.trim_end_matches(|c: char| strip.contains(&c) || c.is_whitespace());
        b = a + t.len();
        let item = &region[a..b];
        let first = item.split_whitespace().next().unwrap_or("");
        if !first.is_empty()
            && first.len() < item.len()
            && LEADS.contains(&first.to_ascii_lowercase().as_str())
            && !first.starts_with(|c: char| {
                c.is_uppercase()
                    && first.len() > 1
                    && first.chars().skip(1).any(|c| c.is_uppercase())
            })
        {
            a += first.len();
            continue;
        }
        let last = item.split_whitespace().next_back().unwrap_or("");
        if !last.is_empty()
            && last.len() < item.len()
            && matches!(
                last.to_ascii_lowercase().as_str(),
                "etc"
                    | "etc."
                    | "and"
                    | "or"
                    | "experience"
                    | "skills"
                    | "knowledge"
                    | "preferred"
                    | "required"
                    | "is"
                    | "a"
                    | "plus"
                    | "technologies"
                    | "technology"
                    | "tools"
                    | "frameworks"
                    | "framework"
                    | "platforms"
                    | "platform"
                    | "languages"
                    | "concepts"
                    | "principles"
                    | "libraries"
                    | "stack"
                    | "environment"
                    | "environments"
                    | "products"
                    | "suite"
            )
        {
            b -= last.len();
            continue;
        }
        if item.eq_ignore_ascii_case("etc") {
            return (a, a);
        }
        return (a, b);
    }
}

/// Whether a list item looks like the name of a tool, product or method:
/// product-shaped, or every word capitalized (`Spring MVC`, `Wicket`).
fn item_is_named(item: &str) -> bool {
    if item.contains('<') || never_a_keyword(item).is_some() {
        return false;
    }
    let words: Vec<&str> = item.split_whitespace().collect();
    let small = |w: &str| matches!(w, "of" | "and" | "for" | "the" | "de" | "in" | "&");
    if words.iter().any(|w| shaped(w)) {
        // "SoC manufacturers" is a product and a word: the Shape source
        // takes the product alone
        return words
            .iter()
            .all(|w| shaped(w) || w.starts_with(|c: char| c.is_uppercase()) || small(w));
    }
    words
        .iter()
        .all(|w| w.starts_with(|c: char| c.is_uppercase()) || small(w))
        && words[0].starts_with(|c: char| c.is_uppercase())
        // "Invoice", "Remarks": ordinary words written with a capital
        && !words.iter().all(|w| small(w) || guards::is_common_word(w))
}
