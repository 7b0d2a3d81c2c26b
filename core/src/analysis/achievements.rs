//! Achievements: the experience and project bullets, and which of them
//! carry a number (a percentage, an amount, a multiplier, a count).

use crate::document::{Document, Line, LineKind};
use crate::report::Achievements;
use crate::text::TokenKind;
use crate::text::lexicon::Section;

/// The resume's achievement lines and which are quantified.
pub(super) fn achievements(doc: &Document<'_>) -> Achievements {
    let lines = achievement_lines(doc);
    let mut ach = Achievements {
        total: lines.len(),
        ..Default::default()
    };
    for l in &lines {
        if bullet_lines(doc, l.number - 1).any(|l| is_quantified(doc, l)) {
            ach.quantified += 1;
        } else {
            ach.unquantified_lines.push(l.number);
        }
    }
    ach
}

/// Achievement lines: bullets (or, without bullets, sentences) of four words
/// or more in experience and projects (anywhere if there are no headings).
fn achievement_lines<'d>(doc: &'d Document<'_>) -> Vec<&'d Line> {
    let place = |l: &Line| {
        matches!(l.section, Section::Experience | Section::Projects)
            || (!doc.has_sections && l.section != Section::Skills)
    };
    let bullets: Vec<&Line> = doc
        .lines
        .iter()
        .enumerate()
        .filter(|(i, l)| {
            l.kind == LineKind::Bullet && !l.continuation && bullet_tokens(doc, *i) >= 4 && place(l)
        })
        .map(|(_, l)| l)
        .collect();
    if !bullets.is_empty() {
        return bullets;
    }
    doc.lines
        .iter()
        .filter(|l| l.kind == LineKind::Sentence && l.token_count() >= 6 && place(l))
        .collect()
}

/// Lines of the bullet starting at line index `i`: itself and its continuations.
fn bullet_lines<'d>(doc: &'d Document<'_>, i: usize) -> impl Iterator<Item = &'d Line> {
    std::iter::once(&doc.lines[i]).chain(doc.lines[i + 1..].iter().take_while(|l| l.continuation))
}

pub(super) fn bullet_tokens(doc: &Document<'_>, i: usize) -> usize {
    bullet_lines(doc, i).map(Line::token_count).sum()
}

fn is_year(norm: &str) -> bool {
    norm.len() == 4
        && norm
            .parse::<u32>()
            .is_ok_and(|y| (1950..=2099).contains(&y))
}

/// A month or day written next to a year with `/`, `-` or `.`: "05/2019",
/// "2019-05", "03.2021".
fn is_date_part(doc: &Document<'_>, i: usize) -> bool {
    let toks = &doc.tokens;
    let t = &toks.tokens[i];
    if toks.norm(t).len() > 2 {
        return false;
    }
    let sep = |a: &crate::text::Token, b: &crate::text::Token| {
        let between = &doc.text[a.span().end..b.span().start];
        matches!(between, "/" | "-" | ".")
    };
    let next_is_year = toks
        .tokens
        .get(i + 1)
        .is_some_and(|n| sep(t, n) && is_year(toks.norm(n)));
    let prev_is_year = i > 0 && {
        let p = &toks.tokens[i - 1];
        sep(p, t) && is_year(toks.norm(p))
    };
    next_is_year || prev_is_year
}

const NUMBER_WORDS: &[&str] = &[
    "percent",
    "million",
    "millions",
    "billion",
    "thousand",
    "thousands",
    "hundreds",
    "dozens",
    "doubled",
    "tripled",
    "quadrupled",
    "halved",
    "twice",
    "double",
    "triple",
    "tenfold",
];

/// Whether `text` has a currency sign (`$ € £ ¥ ₹`) followed by a digit,
/// found by their first bytes (eight at a time), not by decoding the text.
fn has_amount(text: &str) -> bool {
    use crate::text::bytes::{bytes_equal, first_byte};
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(at) = first_byte(b, i, |w| {
        bytes_equal(w, b'$') | bytes_equal(w, 0xC2) | bytes_equal(w, 0xE2)
    }) {
        // `$`, then the UTF-8 of `£ ¥` and of `€ ₹`
        let sign = match &b[at..] {
            [b'$', ..] => 1,
            [0xC2, 0xA3 | 0xA5, ..] => 2,
            [0xE2, 0x82, 0xAC | 0xB9, ..] => 3,
            _ => 0,
        };
        if sign > 0 && b.get(at + sign).is_some_and(u8::is_ascii_digit) {
            return true;
        }
        i = at + 1;
    }
    false
}

/// A line is quantified if it has a percentage, an amount of money, a
/// multiplier (`3x`), a number word (`doubled`, `million`), or a number that
/// is not a year.
fn is_quantified(doc: &Document<'_>, line: &Line) -> bool {
    let text = doc.line_text(line);
    if text.contains('%') {
        return true;
    }
    if has_amount(text) {
        return true;
    }
    let toks = &doc.tokens;
    for i in line.first_token..line.end_token {
        let t = &toks.tokens[i];
        let norm = toks.norm(t);
        match t.kind {
            TokenKind::Number => {
                if !is_year(norm) && norm != "0" && !is_date_part(doc, i) {
                    return true;
                }
            }
            TokenKind::Word => {
                // (their lengths first: most words are not one of them)
                if (5..=10).contains(&norm.len()) && NUMBER_WORDS.contains(&norm) {
                    return true;
                }
                // 3x, 10k, 5m, 200ms, 24h, 40hrs
                let digits = norm.bytes().take_while(u8::is_ascii_digit).count();
                if digits > 0 {
                    let unit = &norm[digits..];
                    if matches!(
                        unit,
                        "x" | "k"
                            | "m"
                            | "mm"
                            | "b"
                            | "bn"
                            | "ms"
                            | "s"
                            | "h"
                            | "hrs"
                            | "tb"
                            | "gb"
                            | "pb"
                            | "rps"
                            | "qps"
                            | "k+"
                            | "m+"
                            | "min"
                            | "mins"
                            | "gbps"
                            | "users"
                    ) {
                        return true;
                    }
                }
            }
            TokenKind::Tech => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    /// The amount test by chars (the reference for [`super::has_amount`]).
    fn has_amount_reference(text: &str) -> bool {
        text.char_indices().any(|(i, c)| {
            matches!(c, '$' | '€' | '£' | '¥' | '₹')
                && text[i + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit())
        })
    }

    #[test]
    fn number_words_fit_the_length_test() {
        assert!(
            super::NUMBER_WORDS
                .iter()
                .all(|w| (5..=10).contains(&w.len()))
        );
    }

    #[test]
    fn amounts_are_found_as_by_chars() {
        let parts = [
            "$", "€", "£", "¥", "₹", "1", "a", " ", "¢", "₺", "\u{2082}", "é", "$$", "x",
        ];
        // every string of up to four parts, at every offset of an 8-byte word
        let mut cases = vec![String::new()];
        for _ in 0..4 {
            let mut next = Vec::new();
            for c in &cases {
                for p in parts {
                    next.push(format!("{c}{p}"));
                }
            }
            cases.extend(next);
            cases.dedup();
        }
        for c in cases {
            for pad in 0..8 {
                let s = format!("{}{c}", "w".repeat(pad));
                assert_eq!(super::has_amount(&s), has_amount_reference(&s), "{s:?}");
            }
        }
    }
}
