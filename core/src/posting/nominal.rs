//! Skills a posting asks for as a duty, in a verb and its object:
//! "analyzing variances" is variance analysis, "manage budgets" budget
//! management, "recruiting and training employees" employee recruitment and
//! employee training. The object comes first and the verb becomes its noun
//! ([`VERB_NOUNS`], the table the lexicon's own labels are rewritten with);
//! a candidate is made only when the noun phrase is a lexicon entry, so
//! nothing is invented.

use super::Span;
use super::lexicon::{lex_matcher, skills};
use super::nouns::sentence_words;
use super::verb_nouns::VERB_NOUNS;

/// A skill found as a verb and its object: where, and the lexicon entry
/// (index into [`skills`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Nominal {
    pub span: Span,
    pub skill: usize,
    /// The skill in a resume's words: the object, its last word singular,
    /// then the noun ("variance analysis").
    pub term: String,
    /// Whether the span holds the object (the verb next to it), so that the
    /// lexicon words inside it are taken in; a verb coordinated with it
    /// ("recruiting" in "recruiting and training employees") holds only
    /// itself and takes nothing.
    pub with_object: bool,
    /// Where the object's words in the term begin: a lexicon word before
    /// them is not taken in ("business models" is no model creation).
    pub object_start: usize,
}

/// Words after which a verb opens a duty: "to manage", "by forecasting",
/// "responsible for managing", "experience managing", "will develop".
const OPENERS: &[&str] = &[
    "and",
    "or",
    "to",
    "by",
    "for",
    "in",
    "of",
    "with",
    "will",
    "you",
    "we",
    "also",
    "help",
    "including",
    "while",
    "when",
    "then",
    "can",
    "must",
    "should",
    "experience",
];

/// Words that end an object: prepositions, conjunctions, pronouns,
/// auxiliaries.
const ENDS_OBJECT: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "for",
    "to",
    "with",
    "by",
    "from",
    "into",
    "within",
    "across",
    "about",
    "through",
    "over",
    "under",
    "between",
    "via",
    "per",
    "against",
    "among",
    "including",
    "such",
    "like",
    "as",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "while",
    "when",
    "where",
    "which",
    "that",
    "who",
    "whose",
    "if",
    "than",
    "then",
    "is",
    "are",
    "be",
    "was",
    "were",
    "will",
    "would",
    "can",
    "should",
    "must",
    "may",
    "it",
    "they",
    "them",
    "you",
    "we",
    "us",
    "he",
    "she",
    "him",
    "me",
    "i",
    "etc",
    "e.g",
    "i.e",
    "using",
    "based",
    "according",
    "up",
    "out",
    "down",
    "off",
    "back",
    "away",
    "forward",
    "around",
    "more",
    "less",
    "not",
    "our",
    "your",
    "their",
    "its",
    "his",
    "her",
    "my",
];

/// Words that may stand between a verb and its object. A possessive does
/// not: "process your application" is the hiring process, "manage our
/// office" a duty of this employer.
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "all", "this", "these", "those", "each", "every",
];

/// Nouns of verbs too vague to name a skill by their object: "create
/// innovative solutions" is no solution creation, "identify problems" no
/// skill.
const VAGUE_VERBS: &[&str] = &["creation", "identification"];

/// The most words of an object the noun phrase keeps (as the lexicon's
/// labels do).
const MAX_OBJECT: usize = 3;

/// The verb (base form) a word is a form of, with its nominalization and
/// whether it is as often a noun: "manage", "manages", "managing".
pub(super) fn verb_of(lower: &str) -> Option<(&'static str, bool, bool)> {
    if !lower.is_ascii() {
        return None;
    }
    let find = |base: &str| {
        VERB_NOUNS
            .binary_search_by(|(v, _, _)| (*v).cmp(base))
            .ok()
            .map(|i| VERB_NOUNS[i])
    };
    // (nominalization, noun too, an -ing form)
    if let Some((_, n, both)) = find(lower) {
        return Some((n, both, false));
    }
    if let Some(stem) = lower.strip_suffix("ing").filter(|s| s.len() >= 2) {
        let b = stem.as_bytes();
        let doubled = b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2];
        let e = format!("{stem}e");
        for base in [stem, e.as_str(), &stem[..stem.len() - doubled as usize]] {
            if let Some((_, n, both)) = find(base) {
                return Some((n, both, true));
            }
        }
    }
    let third = lower
        .strip_suffix("es")
        .and_then(|s| find(s).map(|v| (v, s)))
        .or_else(|| {
            lower
                .strip_suffix('s')
                .and_then(|s| find(s).map(|v| (v, s)))
        });
    if let Some(((_, n, both), _)) = third {
        return Some((n, both, false));
    }
    None
}

/// A crude singular of an object's last word ("variances" -> "variance",
/// "policies" -> "policy"); words in -ss, -us, -is, -ics stay.
fn singular(w: &str) -> String {
    let lw = w.to_ascii_lowercase();
    // an acronym's plural: "APIs", "KPIs"
    if let Some(acr) = w.strip_suffix('s')
        && crate::matching::upper_acronym(acr)
    {
        return acr.to_string();
    }
    if lw.len() <= 3
        || ["ss", "us", "is", "ics", "data", "staff", "sales"]
            .iter()
            .any(|e| lw.ends_with(e))
    {
        return w.to_string();
    }
    if let Some(b) = w.strip_suffix("ies") {
        return format!("{b}y");
    }
    for e in ["sses", "shes", "ches", "xes"] {
        if lw.ends_with(e) {
            return w[..w.len() - 2].to_string();
        }
    }
    w.strip_suffix('s').unwrap_or(w).to_string()
}

/// The object's words, its last one singular, then the noun.
fn phrase(object: &[&str], noun: &str) -> String {
    let mut ws: Vec<String> = object.iter().map(|w| w.to_string()).collect();
    if let Some(last) = ws.last_mut() {
        *last = singular(last);
    }
    ws.push(noun.to_string());
    ws.join(" ")
}

/// A word of an object: letters and inner hyphens, not an adverb.
fn object_word(w: &str) -> bool {
    !w.is_empty()
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && !w.starts_with('-')
        && !w.ends_with("ly")
}

/// The lexicon entry (not a general word, a soft skill or a language) that
/// is exactly `phrase`, read by the lexicon's matcher (so inflections count:
/// "variances analysis" is variance analysis).
fn entry_for(phrase: &str) -> Option<usize> {
    let lex = lex_matcher();
    let hits = lex.matcher.find(phrase).ok()?;
    let h = hits.into_iter().find(|h| {
        h.span.start == 0
            && h.span.end == phrase.len()
            && h.kind.counts()
            && h.variant != Some(crate::report::Variant::Derivation)
    })?;
    if lex.matcher.role().keywords[h.keyword].ambiguous == Some(true) {
        return None;
    }
    let s = lex.skill[h.keyword] as usize;
    let e = &skills()[s];
    (!e.soft && !e.language && !e.general && !e.certification).then_some(s)
}

/// The duties of one sentence (`text[s..e]`) that name a lexicon skill as
/// verb and object. The verb next to its object gives a span from the verb
/// to the object's end; a verb coordinated with it ("recruiting, ... and
/// training employees") gives its own word.
pub(super) fn nominals(text: &str, s: usize, e: usize) -> Vec<Nominal> {
    let sent = &text[s..e];
    let words = sentence_words(sent);
    let lower: Vec<String> = words
        .iter()
        .map(|&(a, b, _)| sent[a..b].to_ascii_lowercase())
        .collect();
    let mut out = Vec::new();
    for i in 0..words.len() {
        let Some((noun, both, ing)) = verb_of(&lower[i]) else {
            continue;
        };
        if VAGUE_VERBS.contains(&noun) {
            continue;
        }
        // the verb opens a duty: first in its sentence, after punctuation
        // or an opener, maybe past an adverb ("effectively manage")
        let mut p = i;
        if p > 0 && lower[p - 1].ends_with("ly") && !words[p - 1].2 {
            p -= 1;
        }
        let opens = p == 0 || words[p - 1].2 || OPENERS.contains(&lower[p - 1].as_str());
        if !opens || words[i].2 {
            continue;
        }
        // an -ing word after a noun and "and", before one noun, qualifies
        // that noun: "new hire orientation and training programs" are no
        // program training ("recruiting and training employees" and
        // "security and designing robust systems" are duties)
        if ing
            && p == i
            && p >= 2
            && matches!(lower[p - 1].as_str(), "and" | "or")
            && !words[p - 2].2
            && !lower[p - 2].ends_with("ing")
            && verb_of(&lower[p - 2]).is_none()
            && i + 1 < words.len()
            && (words[i + 1].2
                || i + 2 == words.len()
                || ENDS_OBJECT.contains(&lower[i + 2].as_str()))
        {
            continue;
        }
        // the object: determiners, then a run of words up to punctuation or
        // a word that ends it
        let mut j = i + 1;
        let mut determined = false;
        while j < words.len() && DETERMINERS.contains(&lower[j].as_str()) && !words[j].2 {
            j += 1;
            determined = true;
        }
        let first = j;
        while j < words.len()
            && object_word(&sent[words[j].0..words[j].1])
            && !ENDS_OBJECT.contains(&lower[j].as_str())
            && !super::guards::is_masked(&sent[words[j].0..words[j].1])
        {
            j += 1;
            if words[j - 1].2 {
                break;
            }
        }
        // the object ends where its phrase ends: punctuation, a word that
        // ends it, an adverb or the sentence's end ("Create website
        // layout/user interface" has no object "website")
        let bounded = j == words.len()
            || words[j - 1].2
            || ENDS_OBJECT.contains(&lower[j].as_str())
            || lower[j].ends_with("ly");
        if j == first || !bounded {
            continue;
        }
        // "Design patterns", "OOP and design patterns": a word as often a
        // noun is a verb when it has a determiner, an -ing, or "to"/"will"
        // before it
        let verb_sure =
            !both || ing || determined || (i > 0 && matches!(lower[i - 1].as_str(), "to" | "will"));
        if !verb_sure {
            continue;
        }
        // the longest end of the object that, with the noun, is an entry
        let object: Vec<&str> = (first.max(j.saturating_sub(MAX_OBJECT))..j)
            .map(|k| &sent[words[k].0..words[k].1])
            .collect();
        if lower[j - 1] == noun || action_of(&lower, j) {
            continue;
        }
        let from = first.max(j.saturating_sub(MAX_OBJECT));
        let found = (0..object.len())
            .find_map(|k| {
                let term = phrase(&object[k..], noun);
                entry_for(&term).map(|skill| (skill, term, k))
            })
            // the object names a thing of its own that ends in the entry's
            // words, as its acronym after it shows: "Prepare engineering
            // change orders (ECOs)" is no order preparation
            .filter(|f| acronym_after(&sent[words[j - 1].1..]) <= object.len() - f.2);
        if let Some((skill, term, k)) = found {
            out.push(Nominal {
                span: Span::new(s + words[i].0, s + words[j - 1].1),
                skill,
                term,
                with_object: true,
                object_start: s + words[from + k].0,
            });
        }
        // verbs coordinated before it share its object: "recruiting,
        // selecting, orienting, and training employees"; "Plan and
        // deliver lessons" is lesson planning though lesson delivery is
        // no entry
        let mut v = i;
        while v >= 1 {
            let prev = if matches!(lower[v - 1].as_str(), "and" | "or" | "&") && v >= 2 {
                v - 2
            } else if words[v - 1].2 {
                v - 1
            } else {
                break;
            };
            // a word as often a noun is the object of a verb before it
            // ("Create reports and manage budgets"), unless in -ing
            // (one that opens the duty is a verb: "Plan and deliver lessons")
            let opens_duty = prev == 0 || words[prev - 1].2;
            let n2 = match verb_of(&lower[prev]) {
                Some((n2, false, _) | (n2, true, true)) if !VAGUE_VERBS.contains(&n2) => n2,
                Some((n2, true, false)) if opens_duty && !VAGUE_VERBS.contains(&n2) => n2,
                // another -ing verb of the chain ("orienting")
                None if lower[prev].ends_with("ing") && words[prev].2 => {
                    v = prev;
                    continue;
                }
                _ => break,
            };
            let hit = (0..object.len()).find_map(|k| {
                let term = phrase(&object[k..], n2);
                entry_for(&term).map(|skill| (skill, term))
            });
            if let Some((skill, term)) = hit {
                out.push(Nominal {
                    span: Span::new(s + words[prev].0, s + words[prev].1),
                    skill,
                    term,
                    with_object: false,
                    object_start: s + words[prev].1,
                });
            }
            v = prev;
        }
    }
    out.sort_by_key(|n| n.span.start);
    out
}

/// The letters of an acronym in parentheses that opens `rest` ("(ECOs)":
/// 3), or 0: how many words the phrase before it names as one.
fn acronym_after(rest: &str) -> usize {
    let Some(inside) = rest.trim_start().strip_prefix('(') else {
        return 0;
    };
    let Some(inside) = inside.split(')').next() else {
        return 0;
    };
    let inside = inside.strip_suffix('s').unwrap_or(inside);
    if (2..=8).contains(&inside.len()) && inside.bytes().all(|b| b.is_ascii_uppercase()) {
        inside.len()
    } else {
        0
    }
}

/// Whether the object ending before word `j` is an action with its own
/// object: "Document the design and implementation of controls" is no
/// design documentation, "manage the development of" no development
/// management.
fn action_of(lower: &[String], j: usize) -> bool {
    let action = |w: &str| VERB_NOUNS.iter().any(|&(_, n, _)| n == w);
    let of_at = |k: usize| lower.get(k).is_some_and(|w| w == "of");
    j >= 1
        && action(&lower[j - 1])
        && (of_at(j)
            || (lower
                .get(j)
                .is_some_and(|w| matches!(w.as_str(), "and" | "or"))
                && of_at(j + 2)))
}

/// Whether the word at `span` is an activity's own -ing form opening a duty
/// with an object: "by forecasting requirements", "Budgeting expenses"
/// ("forecasting" is the noun of "forecast" too). `start` is where its
/// sentence begins.
pub(super) fn gerund_duty(text: &str, start: usize, span: Span) -> bool {
    let word = text[span.range()].to_ascii_lowercase();
    let Some((noun, _, true)) = verb_of(&word) else {
        return false;
    };
    if noun != word {
        return false;
    }
    let before = text[start..span.start].trim_end();
    let prev = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let opens = before.is_empty()
        || before.ends_with([',', ';', ':', '-', '•', '*'])
        || matches!(prev.as_str(), "by" | "and" | "or");
    let next = text[span.end..].split_whitespace().next().unwrap_or("");
    let lower_next = next.to_ascii_lowercase();
    let object = object_word(next.trim_end_matches([',', ';', '.']))
        && next.starts_with(|c: char| c.is_lowercase())
        && !ENDS_OBJECT.contains(&lower_next.trim_end_matches([',', ';', '.']));
    opens && object && !text[span.end..].starts_with([',', ';', '.'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(sentence: &str) -> Vec<(&str, String)> {
        nominals(sentence, 0, sentence.len())
            .into_iter()
            .map(|n| (&sentence[n.span.range()], n.term))
            .collect()
    }

    #[test]
    fn verbs_are_sorted_for_binary_search() {
        assert!(VERB_NOUNS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn verb_and_object_name_a_lexicon_skill() {
        for (sentence, want) in [
            (
                "Maintains staff by recruiting, selecting, orienting, and training employees.",
                vec![
                    ("recruiting", "employee recruitment"),
                    ("training employees", "employee training"),
                ],
            ),
            (
                "You will manage projects from kickoff to launch.",
                vec![("manage projects", "project management")],
            ),
            (
                "Responsible for preparing and managing the annual budget.",
                vec![("managing the annual budget", "budget management")],
            ),
            (
                "You will gather and analyse data to aid in informed decision-making.",
                vec![("analyse data", "data analysis")],
            ),
            // the first of two verbs is one too, though the last names no
            // skill; an acronym's plural is singular in the term
            (
                "Plan and deliver lessons in mathematics",
                vec![("Plan", "lesson planning")],
            ),
            (
                "Designing and developing APIs.",
                vec![("Designing", "API design")],
            ),
            // a noun before a noun: no duty
            ("Design patterns and clean code", vec![]),
            ("Knowledge of OOP and design patterns", vec![]),
            // the hiring process, and a vague verb
            ("We will process your application quickly", vec![]),
            ("You will create innovative solutions", vec![]),
            // not a lexicon skill: nothing invented
            ("Manage industry portals to deliver content", vec![]),
            // an -ing word after a noun qualifies a noun
            ("Deliver new hire orientation and training programs", vec![]),
            // the object is a thing of its own, not its last word's
            ("Prepare engineering change orders (ECOs)", vec![]),
            // an object cut short is no object
            ("Create website layout/user interface by using HTML", vec![]),
            // a verb that does not open a duty
            ("Our managed services team", vec![]),
            // an action with its own object is no object
            (
                "Document the design and implementation of complementary user entity controls.",
                vec![],
            ),
            ("You will document the design of each control", vec![]),
            (
                "Gather and analyze information, draft findings and recommendations",
                vec![("analyze information", "information analysis")],
            ),
        ] {
            let want: Vec<(&str, String)> =
                want.into_iter().map(|(a, b)| (a, b.to_string())).collect();
            assert_eq!(found(sentence), want, "{sentence}");
        }
    }
}
