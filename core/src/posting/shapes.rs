//! Product-like words: CamelCase, dotted, versioned or capitalized
//! mid-sentence names ("PostgreSQL", "Node.js", "Office365").

use super::{CAPS_STOP, Span, education_words};
use crate::text::offset_in;

/// A word shaped like a product name: `JavaScript`, `iOS`, `Node.js`,
/// `HTML5`, `C++`, `C#`, `.NET`, `JPA`, `MRDs`.
pub(super) fn shaped(w: &str) -> bool {
    let w = trim_word(w);
    // a plain lowercase word, or one capital then lowercase: the common case
    let mut chars = w.chars();
    if chars.next().is_some_and(char::is_alphabetic) && chars.all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 || w.len() > 30 || money(w) {
        return false;
    }
    let body: &str = w
        .strip_suffix('s')
        .filter(|b| b.len() >= 2 && b.chars().all(|c| c.is_ascii_uppercase()))
        .unwrap_or(w);
    // CamelCase (JavaScript, iOS), not two words glued by a lost space
    // ("contactIf")
    // a capital after a letter: "Mid-Level" is a hyphenated word in title
    // case, not a hump
    let hump = w
        .chars()
        .zip(w.chars().skip(1))
        .any(|(a, b)| a.is_alphabetic() && b.is_uppercase());
    if glued_words(w) || initials(w) {
        return false;
    }
    let upper_after_first = hump && w.chars().any(|c| c.is_lowercase());
    let body_letters = body.chars().filter(|c| c.is_alphabetic()).count();
    let caps = body
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase())
        && (2..=6).contains(&body_letters);
    let mixed_digits = w.chars().any(|c| c.is_ascii_digit())
        && w.chars().next().is_some_and(|c| c.is_alphabetic())
        && !w.contains(['/', '-']);
    let tech_punct = (w.contains('.')
        && !w.ends_with('.')
        && w.chars().filter(|c| *c == '.').count() == 1
        && w.split('.').all(|p| !p.is_empty() || w.starts_with('.')))
        || w.ends_with("++")
        || (w.ends_with('#') && w.len() <= 3);
    if !(upper_after_first || caps || mixed_digits || tech_punct) {
        return false;
    }
    let lower = w.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "e.g" | "i.e" | "etc" | "a-z" | "e.g." | "i.e."
    ) {
        return false;
    }
    // a job or reference number: IRC11980
    if w.chars().filter(|c| c.is_ascii_digit()).count() >= 4 {
        return false;
    }
    !(CAPS_STOP.contains(&body) || CAPS_STOP.contains(&w))
}

/// Initials with dots ("D.C", "U.S.", "a.m."): an abbreviation, never a
/// product name.
pub(super) fn initials(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    w.contains('.') && w.split('.').all(|p| p.chars().count() == 1)
}

/// Characters trimmed from the ends of a word: all but letters, digits and
/// the tech marks `+`, `#` and a leading `.` (`.NET`).
pub(super) fn trim_word(w: &str) -> &str {
    let w = w.trim_start_matches(|c: char| !(c.is_alphanumeric() || c == '.'));
    let w = w.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '+' || c == '#'));
    if w.starts_with('.') && !w[1..].starts_with(|c: char| c.is_alphabetic()) {
        return w.trim_start_matches('.');
    }
    w
}

/// Two words run together by a lost space: a lowercase word of four or more
/// letters, then a capitalized one ("contactIf", "servicesWe") or initials.
fn glued_words(w: &str) -> bool {
    let Some(i) = w
        .char_indices()
        .skip(1)
        .find(|(_, c)| c.is_uppercase())
        .map(|(i, _)| i)
    else {
        return false;
    };
    let (a, b) = w.split_at(i);
    // ... or then initials ("pipelinesJ.P")
    let initials = b.chars().nth(1) == Some('.');
    a.len() >= 4
        && a.chars().all(|c| c.is_lowercase())
        && ((b.chars().skip(1).all(|c| c.is_lowercase()) && b.len() >= 2) || initials)
}

/// Product-like words of a sentence that the lexicon may not know.
/// An amount of money or a count in thousands or millions: "$5M-$50M",
/// "50K", "€2.5bn".
fn money(w: &str) -> bool {
    w.contains(['$', '€', '£', '¥'])
        || (w.starts_with(|c: char| c.is_ascii_digit())
            && w.split(['-', '–', '/']).all(|part| {
                let digits = part.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                let unit = &part[digits.len()..];
                !digits.is_empty()
                    && digits
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
                    && matches!(
                        unit.to_ascii_lowercase().as_str(),
                        "k" | "m" | "mm" | "b" | "bn" | "mn"
                    )
            }))
}

pub(super) fn shaped_words(text: &str, s: usize, e: usize) -> Vec<Span> {
    let sent = &text[s..e];
    // an all-capitals sentence is shouting, not acronyms
    let words = sent.split_whitespace().count();
    let caps = sent
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase))
        .count();
    if words >= 4 && caps * 10 > words * 6 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for w in sent.split_whitespace() {
        let t = trim_word(w);
        if t.is_empty() || t.contains('<') || t.contains("://") || t.contains('@') {
            continue;
        }
        if shaped(t) && !education_words(t) {
            let off = offset_in(sent, t);
            out.push(Span::new(s + off, s + off + t.len()));
        }
    }
    out
}
