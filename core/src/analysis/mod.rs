//! The checks and the score.
//!
//! # Score formula
//!
//! The score is the sum of these components, clamped to 0..=100 and rounded
//! to the nearest whole number. The weights are [`ScoreWeights`] (defaults
//! shown); every component lists what earned or cost its points in
//! [`Report::score_breakdown`](crate::Report::score_breakdown).
//!
//! | component | points |
//! | --- | --- |
//! | `must_have` | 50 × (weight of must-have keywords found ÷ weight of all must-haves) |
//! | `bonus` | 15 × (weight of bonus keywords found ÷ weight of all bonus keywords) |
//! | `context` | 15 × (weight of must-haves used in an experience/project/summary sentence ÷ weight of all must-haves) |
//! | `quantified` | 10 × min(1, share of achievement lines with a number ÷ 0.5) |
//! | `acronyms` | 5 × (1 − keywords found with only one of acronym and full term ÷ acronyms the role can be written with); 5 when the role has none |
//! | `structure` | 5: 2 for an experience section, 1 for skills, 1 for education, 1 for an email or phone |
//! | `overused` | −2 per overused term of the role present, −1 per vague phrase or weak verb, at most −10 |
//! | `stuffing` | −3 per stuffed keyword, at most −6 |
//!
//! A tier with no keywords gives its points through the other tier's ratio
//! (a role with only bonus keywords scores `must_have` by bonus coverage).
//! A typo (fuzzy hit) earns nothing: an ATS would not match it.
//!
//! ```
//! use atscore::{Matcher, Role};
//! let m = Matcher::new(Role::builtin("backend-developer")?)?;
//! let r = m.analyze("EXPERIENCE\n- Built SQL reporting on AWS, cutting costs by 30%")?;
//! let total: f64 = r.score_breakdown.iter().map(|c| c.points).sum();
//! assert_eq!(r.score, total.round().clamp(0.0, 100.0) as u32);
//! # Ok::<(), atscore::Error>(())
//! ```

use rustc_hash::FxHashMap;

pub mod readability;
pub mod recruiter;

pub use crate::options::{Options, ScoreWeights};

use crate::document::{Document, Line, LineKind};
use crate::error::Result;
use crate::file::FileKind;
use crate::matching::{Inner, Matcher, RawHit, Source};
use crate::report::*;
use crate::roles::Tier;
use crate::text::lexicon::{self, Section, VAGUE};
use crate::text::{Span, TokenKind};

/// Reading a resume through a compiled role: the entry points of the
/// analysis (the matching itself is [`Matcher::find`]).
impl Matcher {
    /// Analyze a resume: find the keywords, run the checks, score.
    ///
    /// ```
    /// let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
    /// let r = m.analyze("I am a hard worker and team player.")?;
    /// assert!(r.flags.iter().any(|f| f.text == "hard worker"));
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn analyze(&self, text: &str) -> Result<Report> {
        self.check_input_len(text.len())?;
        let doc = Document::parse_filtered(text, &self.inner.stem_filter);
        Ok(self.analyze_document(&doc))
    }

    /// Analyze UTF-8 bytes (a file's contents); invalid UTF-8 is a typed error.
    ///
    /// ```
    /// let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
    /// assert!(m.analyze_bytes(b"SQL").is_ok());
    /// assert!(m.analyze_bytes(b"\x00\xff\xfe").is_err());
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn analyze_bytes(&self, bytes: &[u8]) -> Result<Report> {
        self.check_input_len(bytes.len())?;
        self.analyze(crate::error::text_from_bytes(bytes)?)
    }

    /// Analyze a resume file: a PDF or DOCX (told by its content, or by
    /// `kind` when given) or UTF-8 text. The report is the report of the
    /// extracted text, plus the layout findings in `readability` and the
    /// extraction in `file` (its `text` is what the spans point into). Text
    /// gives exactly the report of [`Matcher::analyze_bytes`].
    ///
    /// The file limits are the `file` options ([`FileOptions`](crate::file::FileOptions));
    /// the extracted text must stay under `max_input_bytes`.
    ///
    /// ```
    /// use atscore::readability::FindingKind;
    /// let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
    /// let text = m.analyze_file(b"Skills: SQL", None)?;
    /// assert_eq!(text.to_json(), m.analyze_bytes(b"Skills: SQL")?.to_json());
    ///
    /// let err = m.analyze_file(b"%PDF-1.7 and nothing else", None).unwrap_err();
    /// assert!(err.to_string().contains("PDF"));
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn analyze_file(&self, bytes: &[u8], kind: Option<FileKind>) -> Result<Report> {
        let extracted = crate::file::extract(bytes, kind, &self.inner.options.file)?;
        if extracted.kind == FileKind::Text {
            return self.analyze(&extracted.text);
        }
        self.check_input_len(extracted.text.len())?;
        let doc = Document::parse_filtered(&extracted.text, &self.inner.stem_filter);
        let hits = self.inner.find(&doc);
        let mut report = build_report(&self.inner, &doc, &hits, Some(&extracted));
        drop(doc);
        report.file = Some(extracted);
        Ok(report)
    }

    /// Analyze an already parsed document (no size limit applies).
    ///
    /// ```
    /// let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
    /// let doc = atscore::document::Document::parse("SQL and Docker");
    /// let r = m.analyze_document(&doc);
    /// assert!(r.keyword("Docker").unwrap().found);
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn analyze_document(&self, doc: &Document<'_>) -> Report {
        let hits = self.inner.find(doc);
        build_report(&self.inner, doc, &hits, None)
    }
}

/// The order of suggestions as one integer, smallest first: impact
/// descending (in [`f64::total_cmp`]'s order), then kind, then `index` (the
/// order they were made in).
fn rank_key(impact: f64, kind: SuggestionKind, index: usize) -> u128 {
    let bits = impact.to_bits();
    // total order as an unsigned integer: negatives flipped below positives
    let ascending = if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    };
    (u128::from(!ascending) << 64) | (u128::from(kind as u8) << 56) | index as u128 & RANK_INDEX
}

/// The bits of a [`rank_key`] that hold the index.
const RANK_INDEX: u128 = (1 << 56) - 1;

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Whether a hit on this line counts as "in context": a bullet or sentence
/// of five words or more, in experience, projects, summary or volunteering
/// (or anywhere but the header if the resume has no recognized headings).
fn in_context(doc: &Document<'_>, line: &Line) -> bool {
    // a wrapped bullet is judged as a whole, from its first line
    let first = (0..line.number)
        .rev()
        .find(|&i| !doc.lines[i].continuation)
        .unwrap_or(line.number - 1);
    let words = if doc.lines[first].kind == LineKind::Bullet {
        bullet_tokens(doc, first)
    } else {
        line.token_count()
    };
    matches!(line.kind, LineKind::Bullet | LineKind::Sentence)
        && words >= 5
        && (line.section.is_context() || (!doc.has_sections && line.section != Section::Skills))
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

fn bullet_tokens(doc: &Document<'_>, i: usize) -> usize {
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

/// A line is quantified if it has a percentage, an amount of money, a
/// multiplier (`3x`), a number word (`doubled`, `million`), or a number that
/// is not a year.
fn is_quantified(doc: &Document<'_>, line: &Line) -> bool {
    let text = doc.line_text(line);
    if text.contains('%') {
        return true;
    }
    if text.char_indices().any(|(i, c)| {
        matches!(c, '$' | '€' | '£' | '¥' | '₹')
            && text[i + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit())
    }) {
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
                if NUMBER_WORDS.contains(&norm) {
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

/// Names for a detail line: at most 12, the keyword list has them all.
fn list<S: std::borrow::Borrow<str>>(names: &[S]) -> String {
    match names.len() {
        0 => "none".to_string(),
        1..=12 => names.join("; "),
        n => format!("{}; and {} more", names[..10].join("; "), n - 10),
    }
}

/// A suggestion before its message is written: only the
/// `max_suggestions` most valuable get one (a large role misses hundreds of
/// keywords in every resume).
struct Pending {
    kind: SuggestionKind,
    impact: f64,
    line: Option<usize>,
    message: Message,
}

/// What a [`Pending`] suggestion's message says; `keyword` indexes the
/// role's keywords (and the report's), `hit` that keyword's hits, `Flag`
/// the report's flags (before they are sorted).
enum Message {
    AddKeyword(usize),
    FixTypo { keyword: usize, hit: usize },
    NameIt { keyword: usize, hit: usize },
    UseInContext { keyword: usize, hit: Option<usize> },
    Flag(usize),
    Text(String),
}

impl Pending {
    fn write(self, inner: &Inner, keywords: &[KeywordResult], flags: &[Flag]) -> Suggestion {
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
fn written_as(display: &str, first: Option<&KeywordHit>) -> String {
    match first {
        Some(h) if crate::text::normalize(&h.text) != crate::text::normalize(display) => {
            format!("\"{}\" (for {display})", h.text)
        }
        _ => format!("\"{display}\""),
    }
}

struct KwAcc {
    hits: Vec<KeywordHit>,
    counted: usize,
    context: bool,
}

/// The report of `doc`; `file` is the extraction it came from, if any (for
/// the layout findings).
pub(crate) fn build_report(
    inner: &Inner,
    doc: &Document<'_>,
    raw: &[RawHit],
    file: Option<&crate::file::Extracted>,
) -> Report {
    let role = &inner.role;
    let opts = &inner.options;
    let w = &opts.weights;
    let toks = &doc.tokens;
    let text = doc.text;

    let mut acc: Vec<KwAcc> = role
        .keywords
        .iter()
        .map(|_| KwAcc {
            hits: Vec::new(),
            counted: 0,
            context: false,
        })
        .collect();
    let mut vague_hits: Vec<(usize, Span, usize)> = Vec::new(); // (vague idx, span, line)
    let mut overused_spans: Vec<Span> = Vec::new();

    for h in raw {
        let p = &inner.patterns[h.pattern as usize];
        let span = h.span(toks);
        let line_idx = toks.tokens[h.first].line as usize;
        let line = &doc.lines[line_idx];
        match p.keyword {
            Source::Vague(vi) => vague_hits.push((vi, span, line.number)),
            Source::Role(ki) => {
                let ctx = in_context(doc, line);
                let a = &mut acc[ki];
                if h.kind.counts() {
                    a.counted += 1;
                    a.context |= ctx;
                }
                if role.keywords[ki].tier == Tier::Overused {
                    overused_spans.push(span);
                }
                a.hits.push(KeywordHit {
                    span,
                    line: line.number,
                    text: text[span.range()].into(),
                    kind: h.kind,
                    variant: h.variant,
                    form: p.form.clone(),
                    via: p.via.clone(),
                    section: line.section,
                    in_context: ctx,
                });
            }
        }
    }

    // ---- tiers
    let tier_weight = |t: Tier| -> f64 {
        role.keywords
            .iter()
            .filter(|k| k.tier == t)
            .map(|k| k.weight)
            .sum()
    };
    let must_w = tier_weight(Tier::MustHave);
    let bonus_w = tier_weight(Tier::Bonus);
    // A tier without keywords scores through the other tier.
    let (must_pts_w, bonus_pts_w) = match (must_w > 0.0, bonus_w > 0.0) {
        (true, true) => (w.must_have, w.bonus),
        (true, false) => (w.must_have + w.bonus, 0.0),
        (false, _) => (0.0, w.must_have + w.bonus),
    };
    let context_tier = if must_w > 0.0 {
        Tier::MustHave
    } else {
        Tier::Bonus
    };
    let context_total = if must_w > 0.0 { must_w } else { bonus_w };

    let mut keywords = Vec::with_capacity(role.keywords.len());
    let mut summaries = [
        TierSummary::default(),
        TierSummary::default(),
        TierSummary::default(),
    ];
    let mut must_found_w = 0.0;
    let mut bonus_found_w = 0.0;
    let mut context_w = 0.0;
    let mut suggestions: Vec<Pending> = Vec::with_capacity(role.keywords.len() + 16);
    let mut flags: Vec<Flag> = Vec::new();
    let mut acronym_total = 0usize;
    let mut acronym_capable = 0usize;
    let mut acronym_both = 0usize;
    let mut acronym_missing: Vec<String> = Vec::new();
    let mut stuffed: Vec<String> = Vec::new();
    let mut overused_present: Vec<String> = Vec::new();

    for (ki, ((k, a), info)) in role.keywords.iter().zip(acc).zip(&inner.info).enumerate() {
        let found = a.counted > 0;
        let has_typo = a.hits.iter().any(|h| h.kind == MatchKind::Fuzzy);
        let related = a.hits.iter().position(|h| h.kind == MatchKind::Related);
        let status = match k.tier {
            Tier::Overused if found => KeywordStatus::Present,
            Tier::Overused => KeywordStatus::Absent,
            _ if found && a.context => KeywordStatus::InContext,
            _ if found => KeywordStatus::ListOnly,
            _ if has_typo => KeywordStatus::Typo,
            _ if related.is_some() => KeywordStatus::Related,
            _ => KeywordStatus::Missing,
        };
        let s = &mut summaries[k.tier as usize];
        s.total += 1;
        s.found += usize::from(found);
        s.in_context += usize::from(found && a.context && k.tier != Tier::Overused);

        let mut points = 0.0;
        let share = |pts: f64, total: f64| {
            if total > 0.0 {
                pts * k.weight / total
            } else {
                0.0
            }
        };
        let cov_gain = match k.tier {
            Tier::MustHave => share(must_pts_w, must_w),
            Tier::Bonus => share(bonus_pts_w, bonus_w),
            Tier::Overused => 0.0,
        };
        let ctx_gain = if k.tier == context_tier {
            share(w.context, context_total)
        } else {
            0.0
        };
        if found && k.tier != Tier::Overused {
            points += cov_gain;
            match k.tier {
                Tier::MustHave => must_found_w += k.weight,
                _ => bonus_found_w += k.weight,
            }
            if a.context {
                points += ctx_gain;
                if k.tier == context_tier {
                    context_w += k.weight;
                }
            }
        }
        let parsed = &info.parsed;
        let display = parsed.name.as_str();
        // suggestions and flags per keyword
        match (k.tier, status) {
            (Tier::Overused, KeywordStatus::Present) => {
                overused_present.push(k.term.clone());
                let sugg = k.suggestion.clone().unwrap_or_else(|| {
                    "Replace it with a concrete achievement, with a number.".into()
                });
                for h in &a.hits {
                    flags.push(Flag {
                        kind: FlagKind::Overused,
                        span: Some(h.span),
                        line: Some(h.line),
                        text: h.text.clone(),
                        message: format!("\"{}\" is an overused buzzword recruiters skip.", h.text),
                        suggestion: sugg.clone(),
                    });
                }
            }
            (_, KeywordStatus::Missing | KeywordStatus::Typo | KeywordStatus::Related) => {
                let typo = a.hits.iter().position(|h| h.kind == MatchKind::Fuzzy);
                suggestions.push(Pending {
                    kind: if typo.is_some() {
                        SuggestionKind::FixTypo
                    } else {
                        SuggestionKind::AddKeyword
                    },
                    impact: round2(cov_gain + ctx_gain),
                    line: typo.or(related).map(|i| a.hits[i].line),
                    message: match (typo, related) {
                        (Some(hit), _) => Message::FixTypo { keyword: ki, hit },
                        (None, Some(hit)) => Message::NameIt { keyword: ki, hit },
                        (None, None) => Message::AddKeyword(ki),
                    },
                });
            }
            (_, KeywordStatus::ListOnly) => {
                let first = a.hits.iter().position(|h| h.kind.counts());
                if ctx_gain > 0.0 {
                    suggestions.push(Pending {
                        kind: SuggestionKind::UseInContext,
                        impact: round2(ctx_gain),
                        line: first.map(|i| a.hits[i].line),
                        message: Message::UseInContext {
                            keyword: ki,
                            hit: first,
                        },
                    });
                }
                if let Some(h) = first.map(|i| &a.hits[i]) {
                    flags.push(Flag {
                        kind: FlagKind::ListOnly,
                        span: Some(h.span),
                        line: Some(h.line),
                        text: info.term.clone(),
                        message: format!(
                            "{} is never used in an experience, project or summary sentence.",
                            written_as(display, Some(h))
                        ),
                        suggestion: "Put it in an experience sentence: what you built with it and the result.".into(),
                    });
                }
            }
            _ => {}
        }
        // typos are flagged even when the keyword is also found elsewhere
        if k.tier != Tier::Overused {
            for h in a.hits.iter().filter(|h| h.kind == MatchKind::Fuzzy) {
                flags.push(Flag {
                    kind: FlagKind::Typo,
                    span: Some(h.span),
                    line: Some(h.line),
                    text: h.text.clone(),
                    message: format!("\"{}\" looks like a typo of \"{}\".", h.text, h.form),
                    suggestion: format!("Write \"{}\".", h.form),
                });
            }
        }
        // acronym and full term, per form group (the term, or each alternative)
        let pairs: &[_] = if k.tier == Tier::Overused {
            &[]
        } else {
            &info.pairs
        };
        acronym_capable += pairs.len();
        if found {
            for (group, full, acro) in pairs {
                let group = group.clone();
                let in_group: Vec<&KeywordHit> = a
                    .hits
                    .iter()
                    .filter(|h| h.kind.counts() && h.via.as_deref() == group.as_deref())
                    .collect();
                if in_group.is_empty() {
                    continue;
                }
                acronym_total += 1;
                let saw_pair = in_group.iter().any(|h| h.kind == MatchKind::Acronym);
                let saw_term = in_group.iter().any(|h| h.kind != MatchKind::Acronym);
                if saw_pair && saw_term {
                    acronym_both += 1;
                    continue;
                }
                let term = group.as_deref().unwrap_or(&parsed.name);
                let term_is_acro = crate::text::normalize(acro) == crate::text::normalize(term);
                let (have, lack) = if saw_pair != term_is_acro {
                    (&acro, &full)
                } else {
                    (&full, &acro)
                };
                acronym_missing.push(have.to_string());
                let h = in_group[0];
                flags.push(Flag {
                    kind: FlagKind::AcronymOnly,
                    span: Some(h.span),
                    line: Some(h.line),
                    text: have.as_str().into(),
                    message: format!(
                        "You write \"{have}\" but never \"{lack}\"; an ATS may search for either."
                    ),
                    suggestion: format!("Write both once: \"{full} ({acro})\"."),
                });
            }
        }
        // only under another name: an exact-match ATS may not count it
        let exact = |h: &&KeywordHit| matches!(h.kind, MatchKind::Exact | MatchKind::Variant);
        let alias = a.hits.iter().find(|h| h.kind == MatchKind::Alias);
        if found && k.tier != Tier::Overused && !a.hits.iter().any(|h| exact(&h)) {
            // "REST APIs" for the keyword "REST" does say "REST"
            if let Some(h) = alias.filter(|h| {
                !crate::text::contains_words(&h.text, h.via.as_deref().unwrap_or(display))
            }) {
                let want = h.via.as_deref().unwrap_or(display);
                flags.push(Flag {
                    kind: FlagKind::NotExact,
                    span: Some(h.span),
                    line: Some(h.line),
                    text: h.text.clone(),
                    message: format!(
                        "The role says \"{want}\"; your resume only says \"{}\".",
                        h.text
                    ),
                    suggestion: format!(
                        "Use the exact words \"{want}\" at least once: an ATS that matches exact keywords may not count \"{}\".",
                        h.text
                    ),
                });
            }
        }
        // stuffing
        let density_limit = (doc.word_count as f64 * opts.stuffing_density).ceil() as usize;
        if k.tier != Tier::Overused
            && a.counted >= opts.stuffing_min_count
            && a.counted > density_limit
        {
            stuffed.push(k.term.clone());
            flags.push(Flag {
                kind: FlagKind::Stuffing,
                span: None,
                line: None,
                text: info.term.clone(),
                message: format!(
                    "\"{display}\" appears {} times in {} words; ATS and recruiters read that as keyword stuffing.",
                    a.counted, doc.word_count
                ),
                suggestion: "Keep the mentions that show what you did with it; cut the rest.".into(),
            });
        }
        keywords.push(KeywordResult {
            term: info.term.clone(),
            tier: k.tier,
            weight: k.weight,
            found,
            status,
            count: a.counted,
            points: round2(points),
            hits: a.hits,
            one_of: if k.evidence.is_some() {
                k.any_of.iter().map(smol_str::SmolStr::from).collect()
            } else {
                Vec::new()
            },
        });
    }

    // ---- vague phrases (not where a role's overused term already matched)
    // overlap test in O(log n): spans by start, with the furthest end so far
    overused_spans.sort_unstable();
    let furthest_end: Vec<usize> = overused_spans
        .iter()
        .scan(0, |m, o| {
            *m = o.end.max(*m);
            Some(*m)
        })
        .collect();
    let mut vague_count = 0usize;
    for (vi, span, line) in vague_hits {
        let before = overused_spans.partition_point(|o| o.start < span.end);
        if before > 0 && furthest_end[before - 1] > span.start {
            continue;
        }
        let v = &VAGUE[vi];
        vague_count += 1;
        flags.push(Flag {
            kind: if v.weak_verb {
                FlagKind::WeakVerb
            } else {
                FlagKind::Vague
            },
            span: Some(span),
            line: Some(line),
            text: text[span.range()].into(),
            message: if v.weak_verb {
                format!(
                    "\"{}\" describes a duty, not an achievement.",
                    &text[span.range()]
                )
            } else {
                format!("\"{}\" is vague.", &text[span.range()])
            },
            suggestion: v.suggestion.to_string(),
        });
    }

    // ---- achievements
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

    // ---- sections and contact
    let sections: Vec<SectionInfo> = doc
        .lines
        .iter()
        .enumerate()
        .filter(|(i, l)| {
            l.kind == LineKind::Heading
                && l.section != Section::Header
                && (*i == 0
                    || doc.lines[i - 1].section != l.section
                    || doc.lines[i - 1].kind == LineKind::Heading)
                && lexicon::section_of_heading(doc.line_text(l)).is_some()
        })
        .map(|(_, l)| SectionInfo {
            section: l.section,
            heading: doc.line_text(l).trim().to_string(),
            line: l.number,
        })
        .collect();
    let has = |s: Section| sections.iter().any(|x| x.section == s);
    let contact_ok = doc.contact.email.is_some() || doc.contact.phone.is_some();

    // ---- score
    let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
    let must_pts = must_pts_w * ratio(must_found_w, must_w);
    let bonus_pts = bonus_pts_w * ratio(bonus_found_w, bonus_w);
    let ctx_pts = w.context * ratio(context_w, context_total);
    let q_share = ratio(ach.quantified as f64, ach.total as f64);
    let q_pts = if ach.total == 0 {
        0.0
    } else {
        w.quantified * (q_share / w.quantified_target).min(1.0)
    };
    // Over every acronym the role can be written with, so that adding a
    // keyword costs at most one share of these points.
    let acronym_one_form = acronym_total - acronym_both;
    let acro_pts = if acronym_capable == 0 {
        w.acronyms
    } else {
        w.acronyms * (1.0 - acronym_one_form as f64 / acronym_capable as f64)
    };
    let struct_parts = [
        (has(Section::Experience), 2.0, "an experience section"),
        (has(Section::Skills), 1.0, "a skills section"),
        (has(Section::Education), 1.0, "an education section"),
        (contact_ok, 1.0, "an email or phone number"),
    ];
    let struct_pts: f64 = struct_parts
        .iter()
        .filter(|p| p.0)
        .map(|p| p.1 * w.structure / 5.0)
        .sum();
    let overused_pen = -(w.overused_each * overused_present.len() as f64
        + w.vague_each * vague_count as f64)
        .min(w.overused_max);
    let stuff_pen = -(w.stuffing_each * stuffed.len() as f64).min(w.stuffing_max);

    let names = |tier: Tier, found: bool| -> Vec<&str> {
        keywords
            .iter()
            .filter(|k: &&KeywordResult| k.tier == tier && k.found == found)
            .map(|k| k.term.as_str())
            .collect()
    };
    let s_must = &summaries[Tier::MustHave as usize];
    let s_bonus = &summaries[Tier::Bonus as usize];
    let mut breakdown = vec![
        ScoreItem {
            id: "must_have".into(),
            label: "Must-have keywords".into(),
            points: round2(must_pts),
            max_points: must_pts_w,
            detail: format!(
                "{} of {} found; missing: {}",
                s_must.found,
                s_must.total,
                list(&names(Tier::MustHave, false))
            ),
        },
        ScoreItem {
            id: "bonus".into(),
            label: "Bonus keywords".into(),
            points: round2(bonus_pts),
            max_points: bonus_pts_w,
            detail: format!(
                "{} of {} found; missing: {}",
                s_bonus.found,
                s_bonus.total,
                list(&names(Tier::Bonus, false))
            ),
        },
        ScoreItem {
            id: "context".into(),
            label: "Keywords in context".into(),
            points: round2(ctx_pts),
            max_points: w.context,
            detail: {
                let in_ctx: Vec<&str> = keywords
                    .iter()
                    .filter(|k| k.tier == context_tier && k.status == KeywordStatus::InContext)
                    .map(|k| k.term.as_str())
                    .collect();
                let tier = if context_tier == Tier::MustHave {
                    "must-have"
                } else {
                    "bonus"
                };
                format!(
                    "{} used in experience, project or summary sentences: {}",
                    plural(
                        in_ctx.len(),
                        &format!("{tier} keyword"),
                        &format!("{tier} keywords")
                    ),
                    list(&in_ctx)
                )
            },
        },
        ScoreItem {
            id: "quantified".into(),
            label: "Quantified achievements".into(),
            points: round2(q_pts),
            max_points: w.quantified,
            detail: format!(
                "{} of {} achievement lines have a number (target {:.0}%)",
                ach.quantified,
                ach.total,
                w.quantified_target * 100.0
            ),
        },
        ScoreItem {
            id: "acronyms".into(),
            label: "Acronym and full term".into(),
            points: round2(acro_pts),
            max_points: w.acronyms,
            detail: if acronym_total == 0 {
                format!("no keyword with an acronym found ({acronym_capable} possible)")
            } else {
                format!(
                    "{acronym_both} of {acronym_total} written both ways; one form only: {}",
                    list(&acronym_missing)
                )
            },
        },
        ScoreItem {
            id: "structure".into(),
            label: "Sections and contact".into(),
            points: round2(struct_pts),
            max_points: w.structure,
            detail: {
                let missing: Vec<&str> =
                    struct_parts.iter().filter(|p| !p.0).map(|p| p.2).collect();
                if missing.is_empty() {
                    "all present".to_string()
                } else {
                    format!("missing: {}", list(&missing))
                }
            },
        },
        ScoreItem {
            id: "overused".into(),
            label: "Overused and vague terms".into(),
            points: round2(overused_pen),
            max_points: -w.overused_max,
            detail: format!(
                "{} of the role present ({}); {}",
                plural(overused_present.len(), "overused term", "overused terms"),
                list(&overused_present),
                plural(
                    vague_count,
                    "vague phrase or weak verb",
                    "vague phrases or weak verbs"
                )
            ),
        },
        ScoreItem {
            id: "stuffing".into(),
            label: "Keyword stuffing".into(),
            points: round2(stuff_pen),
            max_points: -w.stuffing_max,
            detail: format!("stuffed: {}", list(&stuffed)),
        },
    ];
    let recruiter = crate::analysis::recruiter::check(role, doc, w);
    if !recruiter.is_empty() {
        let failed: Vec<String> = recruiter
            .iter()
            .filter(|c| c.points < 0.0)
            .map(|c| format!("{} ({})", c.id, c.wanted))
            .collect();
        breakdown.push(ScoreItem {
            id: "recruiter".into(),
            label: "Recruiter checks".into(),
            points: round2(recruiter.iter().map(|c| c.points).sum()),
            max_points: -w.recruiter_max,
            detail: if failed.is_empty() {
                format!(
                    "{} met or unknown",
                    plural(recruiter.len(), "check", "checks")
                )
            } else {
                format!("not met: {}", list(&failed))
            },
        });
    }
    for item in &mut breakdown {
        if item.points == 0.0 {
            item.points = 0.0; // no "-0.0" in JSON
        }
    }
    let total: f64 = breakdown.iter().map(|c| c.points).sum();
    let score = total.round().clamp(0.0, 100.0) as u32;

    // ---- remaining suggestions
    if ach.total > 0 && q_pts < w.quantified {
        let lines: Vec<String> = ach
            .unquantified_lines
            .iter()
            .take(5)
            .map(|n| n.to_string())
            .collect();
        suggestions.push(Pending {
            kind: SuggestionKind::Quantify,
            impact: round2(w.quantified - q_pts),
            message: Message::Text(format!(
                "Quantify your achievements: {} of {} bullets have no number. Add the result (\"cut latency by 30%\", \"served 2M users\", \"saved $40K a year\"); start with line{} {}.",
                ach.unquantified_lines.len(),
                ach.total,
                if lines.len() == 1 { "" } else { "s" },
                lines.join(", ")
            )),
            line: ach.unquantified_lines.first().copied(),
        });
    } else if ach.total == 0 {
        suggestions.push(Pending {
            kind: SuggestionKind::Quantify,
            impact: round2(w.quantified),
            message: Message::Text(if doc.lines.iter().any(|l| l.section == Section::Experience) {
                "Your experience has no bullet of four words or more: write each achievement as a bullet with what you did and a measurable result.".into()
            } else {
                "Write your experience as bullet points under an \"Experience\" heading, each with a measurable result.".into()
            }),
            line: None,
        });
    }
    // Replacing phrases can win back at most the penalty actually taken, and
    // an overused term counts once however often it is written.
    let mut phrase_points = -overused_pen;
    let mut overused_seen: Vec<String> = Vec::new();
    for (fi, f) in flags.iter().enumerate() {
        if let FlagKind::Unquantified | FlagKind::ListOnly | FlagKind::Typo = f.kind {
            continue;
        }
        if f.kind == FlagKind::Overused {
            let key = crate::text::normalize(&f.text);
            if overused_seen.contains(&key) {
                continue;
            }
            overused_seen.push(key);
        }
        let mut phrase = |each: f64| {
            let p = each.min(phrase_points.max(0.0));
            phrase_points -= p;
            p
        };
        let (kind, impact) = match f.kind {
            FlagKind::Overused => (SuggestionKind::ReplacePhrase, phrase(w.overused_each)),
            FlagKind::Vague | FlagKind::WeakVerb => {
                (SuggestionKind::ReplacePhrase, phrase(w.vague_each))
            }
            FlagKind::Stuffing => (SuggestionKind::ReduceRepetition, w.stuffing_each),
            FlagKind::NotExact => (SuggestionKind::UseExactWording, 0.0),
            FlagKind::AcronymOnly => (
                SuggestionKind::WriteBoth,
                w.acronyms / acronym_capable.max(1) as f64,
            ),
            _ => (SuggestionKind::AddSection, 0.0),
        };
        suggestions.push(Pending {
            kind,
            impact: round2(impact),
            message: Message::Flag(fi),
            line: f.line,
        });
    }
    for (ok, pts, what) in struct_parts {
        if !ok {
            let heading = match what {
                "an experience section" => {
                    "Add an \"Experience\" heading; ATS parsers look for standard section names."
                }
                "a skills section" => "Add a \"Skills\" heading listing the role's keywords.",
                "an education section" => "Add an \"Education\" heading.",
                _ => {
                    "Add an email address and a phone number at the top, in the body text (not a header or an image)."
                }
            };
            suggestions.push(Pending {
                kind: SuggestionKind::AddSection,
                impact: round2(pts * w.structure / 5.0),
                message: Message::Text(heading.into()),
                line: None,
            });
        }
    }
    // most impact first; among equals, the surest fix first; then the order
    // they were made in (role order, then text order): one integer key per
    // suggestion in that order. The ones kept are selected in linear time
    // and only they are sorted.
    let mut ranked: Vec<u128> = suggestions
        .iter()
        .enumerate()
        .map(|(i, p)| rank_key(p.impact, p.kind, i))
        .collect();
    let keep = opts.max_suggestions;
    if ranked.len() > keep {
        if keep > 0 {
            ranked.select_nth_unstable(keep - 1);
        }
        ranked.truncate(keep);
    }
    ranked.sort_unstable();
    let mut pending: Vec<Option<Pending>> = suggestions.into_iter().map(Some).collect();
    let suggestions: Vec<Suggestion> = ranked
        .into_iter()
        .filter_map(|key| pending[(key & RANK_INDEX) as usize].take())
        .map(|p| p.write(inner, &keywords, &flags))
        .collect();
    flags.sort_by_key(|f| (f.line.unwrap_or(usize::MAX), f.span.map_or(0, |s| s.start)));

    let mut by_tier = summaries.into_iter();
    Report {
        schema_version: SCHEMA_VERSION,
        offsets: OffsetEncoding::Utf8,
        role: RoleInfo {
            name: role.name.clone(),
            title: role.title.clone(),
        },
        score,
        score_breakdown: breakdown,
        must_have: by_tier.next().unwrap_or_default(),
        bonus: by_tier.next().unwrap_or_default(),
        overused: by_tier.next().unwrap_or_default(),
        keywords,
        flags,
        achievements: ach,
        document: DocumentInfo {
            word_count: doc.word_count,
            line_count: doc.lines.len(),
            sections,
            contact: doc.contact.clone(),
        },
        suggestions,
        readability: crate::analysis::readability::check(doc, file),
        recruiter,
        file: None,
    }
}

/// Map of keyword term → result, for callers that look many up.
///
/// ```
/// let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
/// let r = m.analyze("SQL")?;
/// let map = atscore::analysis::keyword_map(&r);
/// assert!(map["SQL"].found);
/// # Ok::<(), atscore::Error>(())
/// ```
pub fn keyword_map(report: &Report) -> FxHashMap<&str, &KeywordResult> {
    report
        .keywords
        .iter()
        .map(|k| (k.term.as_str(), k))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const KINDS: [SuggestionKind; 9] = [
        SuggestionKind::FixTypo,
        SuggestionKind::UseInContext,
        SuggestionKind::WriteBoth,
        SuggestionKind::UseExactWording,
        SuggestionKind::ReplacePhrase,
        SuggestionKind::ReduceRepetition,
        SuggestionKind::Quantify,
        SuggestionKind::AddSection,
        SuggestionKind::AddKeyword,
    ];

    fn impact() -> impl Strategy<Value = f64> {
        prop_oneof![
            Just(0.0),
            Just(-0.0),
            Just(10.8),
            Just(f64::INFINITY),
            -100.0..100.0f64,
            any::<f64>(),
        ]
    }

    proptest! {
        /// The integer key orders suggestions as the comparison it stands
        /// for: impact descending (total order), kind, then index.
        #[test]
        fn rank_key_orders_as_impact_kind_index(
            a in (impact(), 0..9usize, 0..1usize << 40),
            b in (impact(), 0..9usize, 0..1usize << 40),
        ) {
            let expected = b.0.total_cmp(&a.0)
                .then(KINDS[a.1].cmp(&KINDS[b.1]))
                .then(a.2.cmp(&b.2));
            let (ka, kb) = (rank_key(a.0, KINDS[a.1], a.2), rank_key(b.0, KINDS[b.1], b.2));
            prop_assert_eq!(ka.cmp(&kb), expected);
            prop_assert_eq!((ka & RANK_INDEX) as usize, a.2);
        }
    }
}
