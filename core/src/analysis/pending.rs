//! A suggestion before its message is written: each check makes its
//! suggestions as [`Pending`] (an impact, and what the message is about);
//! only the ones kept get their message written.

use crate::matching::Inner;
use crate::report::*;
use crate::roles::Tier;

/// A suggestion before its message is written: only the
/// `max_suggestions` most valuable get one (a large role misses hundreds of
/// keywords in every resume).
pub(super) struct Pending {
    pub(super) kind: SuggestionKind,
    pub(super) impact: f64,
    pub(super) line: Option<usize>,
    pub(super) message: Message,
}

/// What a [`Pending`] suggestion's message says; `keyword` indexes the
/// role's keywords (and the report's), `hit` that keyword's hits, `Flag`
/// the report's flags (before they are sorted).
pub(super) enum Message {
    AddKeyword(usize),
    FixTypo { keyword: usize, hit: usize },
    NameIt { keyword: usize, hit: usize },
    UseInContext { keyword: usize, hit: Option<usize> },
    Flag(usize),
    Text(String),
}

impl Pending {
    pub(super) fn write(
        self,
        inner: &Inner,
        keywords: &[KeywordResult],
        flags: &[Flag],
    ) -> Suggestion {
        let term = |ki: usize| Some(keywords[ki].term.clone());
        let (message, keyword) = match self.message {
            Message::AddKeyword(ki) => {
                let parsed = &inner.info[ki].parsed;
                let display = &parsed.name;
                let any_of = if parsed.any_of.is_empty() {
                    String::new()
                } else {
                    format!(" (any of: {})", parsed.any_of.join(", "))
                };
                let msg = if keywords[ki].tier == Tier::MustHave {
                    format!(
                        "Add the must-have keyword \"{display}\"{any_of}, written as the job description writes it, in an experience bullet that shows how you used it."
                    )
                } else {
                    format!(
                        "Add the bonus keyword \"{display}\"{any_of} if you have the skill, in a bullet that shows how you used it."
                    )
                };
                (msg, term(ki))
            }
            Message::FixTypo { keyword: ki, hit } => {
                let h = &keywords[ki].hits[hit];
                let msg = format!(
                    "Fix the spelling of \"{}\" on line {}: an ATS looks for \"{}\".",
                    h.text, h.line, h.form
                );
                (msg, term(ki))
            }
            Message::NameIt { keyword: ki, hit } => {
                let h = &keywords[ki].hits[hit];
                let display = &inner.info[ki].parsed.name;
                let msg = format!(
                    "\"{}\" on line {} shows {display}, but an ATS searches the words themselves: write \"{display}\" where you describe it.",
                    h.text, h.line
                );
                (msg, term(ki))
            }
            Message::UseInContext { keyword: ki, hit } => {
                let first = hit.map(|i| &keywords[ki].hits[i]);
                let msg = format!(
                    "{} is not used in any experience sentence (only in a list, a heading or a short line); use it in a bullet that says what you did with it and the result.",
                    written_as(&inner.info[ki].parsed.name, first)
                );
                (msg, term(ki))
            }
            Message::Flag(fi) => {
                let f = &flags[fi];
                let at = f.line.map(|l| format!(" (line {l})")).unwrap_or_default();
                (format!("{}{at} {}", f.message, f.suggestion), None)
            }
            Message::Text(msg) => (msg, None),
        };
        Suggestion {
            kind: self.kind,
            impact: self.impact,
            message,
            keyword,
            line: self.line,
        }
    }
}

/// A keyword named as the resume writes it: "AWS" (for Cloud Computing).
pub(super) fn written_as(display: &str, first: Option<&KeywordHit>) -> String {
    let mut out = String::new();
    write_written_as(&mut out, display, first);
    out
}

/// [`written_as`], written at the end of `out`.
pub(super) fn write_written_as(out: &mut String, display: &str, first: Option<&KeywordHit>) {
    out.push('"');
    match first {
        Some(h) if !same_normalized(&h.text, display) => {
            out.push_str(&h.text);
            out.push_str("\" (for ");
            out.push_str(display);
            out.push(')');
        }
        _ => {
            out.push_str(display);
            out.push('"');
        }
    }
}

/// Whether `a` and `b` have the same normalized form (without building
/// them for ASCII, whose normalized form is its lowercase).
fn same_normalized(a: &str, b: &str) -> bool {
    // (the same text normalizes the same: no need to normalize it)
    a == b
        || if a.is_ascii() && b.is_ascii() {
            a.eq_ignore_ascii_case(b)
        } else {
            crate::text::normalize(a) == crate::text::normalize(b)
        }
}
