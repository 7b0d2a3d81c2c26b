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

mod achievements;
mod keywords;
mod pending;
pub mod readability;
pub mod recruiter;
mod score;
mod sections;
mod suggestions;
mod vague;

pub use crate::options::{Options, ScoreWeights};

use crate::document::Document;
use crate::error::Result;
use crate::file::FileKind;
use crate::matching::{Inner, Matcher, RawHit};
use crate::report::*;

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
        let mut report = build_report(&self.inner, &doc, hits, Some(&extracted));
        drop(doc);
        report.file = Some(extracted);
        Ok(report)
    }

    /// Analyze many resumes, in parallel on all cores (sequentially on
    /// wasm32); the results are in input order and identical to calling
    /// [`Matcher::analyze`] on each.
    ///
    /// ```
    /// let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
    /// let reports = m.analyze_many(&["SQL", "Docker"]);
    /// assert_eq!(reports.len(), 2);
    /// assert!(reports[1].as_ref().unwrap().keyword("Docker").unwrap().found);
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn analyze_many<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Result<Report>> {
        self.analyze_many_with(texts, |_, r| r)
    }

    /// [`Matcher::analyze_many`], with `then` applied to each text and its
    /// result on the worker that analyzed it: the place for per-report work
    /// that should run in parallel too, such as converting offsets.
    ///
    /// ```
    /// use atscore::OffsetEncoding;
    /// let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
    /// let texts = ["🚀 SQL", "Docker"];
    /// let spans = m.analyze_many_with(&texts, |text, r| {
    ///     let mut r = r?;
    ///     r.convert_offsets(text, OffsetEncoding::CodePoint);
    ///     Ok::<_, atscore::Error>(r.keyword("SQL").unwrap().hits.first().map(|h| h.span.start))
    /// });
    /// assert_eq!(spans[0].as_ref().unwrap(), &Some(2)); // the rocket is one code point
    /// assert_eq!(spans[1].as_ref().unwrap(), &None);
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn analyze_many_with<S, T, F>(&self, texts: &[S], then: F) -> Vec<T>
    where
        S: AsRef<str> + Sync,
        T: Send,
        F: Fn(&str, Result<Report>) -> T + Sync,
    {
        let one = |t: &S| {
            let t = t.as_ref();
            then(t, self.analyze(t))
        };
        let threads = if cfg!(target_arch = "wasm32") {
            1
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        };
        if threads <= 1 || texts.len() < 2 {
            return texts.iter().map(one).collect();
        }
        // Work stealing by index: each worker takes the next unclaimed text.
        // The calling thread is one of the workers.
        let next = std::sync::atomic::AtomicUsize::new(0);
        let work = || {
            let mut out = Vec::new();
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(t) = texts.get(i) else { break };
                out.push((i, one(t)));
            }
            out
        };
        let mut results: Vec<(usize, T)> = std::thread::scope(|scope| {
            let helpers: Vec<_> = (1..threads.min(texts.len()))
                .map(|_| scope.spawn(work))
                .collect();
            let mut all = work();
            for h in helpers {
                all.extend(h.join().unwrap_or_default());
            }
            all
        });
        crate::sort::sort_by_key(&mut results, |(i, _)| *i);
        // A worker that panicked lost its results: redo those here, so that a
        // bug surfaces as the same panic as in `analyze`, never as a short list.
        if results.len() != texts.len() {
            let mut all: Vec<Option<T>> = (0..texts.len()).map(|_| None).collect();
            for (i, r) in results {
                all[i] = Some(r);
            }
            return all
                .into_iter()
                .zip(texts)
                .map(|(r, t)| r.unwrap_or_else(|| one(t)))
                .collect();
        }
        results.into_iter().map(|(_, r)| r).collect()
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
        build_report(&self.inner, doc, hits, None)
    }
}

/// The report of `doc`; `file` is the extraction it came from, if any (for
/// the layout findings). Each check is a function of its own module; this
/// one runs them in the order their flags and suggestions are made (the
/// order decides among equals) and puts the report together.
pub(crate) fn build_report(
    inner: &Inner,
    doc: &Document<'_>,
    raw: Vec<RawHit>,
    file: Option<&crate::file::Extracted>,
) -> Report {
    let role = &inner.role;
    let w = &inner.options.weights;
    let hits = keywords::gather(inner, doc, &raw);
    // (a keyword-dense input has a raw hit in every ten bytes or so: they
    // are the report's hits now, and the checks below make more)
    drop(raw);
    let tiers = score::TierPoints::of(role, w);
    let mut flags = Vec::new();
    let mut pending = Vec::with_capacity(role.keywords.len() + 16);
    let mut advice = keywords::Advice {
        flags: &mut flags,
        pending: &mut pending,
    };
    let (keywords, tally) = keywords::assess(inner, doc, hits.keywords, &tiers, &mut advice);
    let vague_count = vague::flag(hits.vague, hits.overused_spans, doc.text, &mut flags);
    let achievements = achievements::achievements(doc);
    let sections = sections::found(doc);
    let structure = sections::parts(&sections, doc);
    let recruiter = recruiter::check(role, doc, w);

    let facts = score::Facts {
        w,
        tiers: &tiers,
        tally: &tally,
        keywords: &keywords,
        achievements: &achievements,
        structure: &structure,
        vague_count,
        recruiter: &recruiter,
    };
    let breakdown = facts.breakdown();
    let total: f64 = breakdown.iter().map(|c| c.points).sum();
    suggestions::quantify(&facts, doc, &mut pending);
    suggestions::from_flags(&flags, facts.overused_penalty(), &tally, w, &mut pending);
    suggestions::structure(&structure, w, &mut pending);
    let suggestions = suggestions::select(
        pending,
        inner.options.max_suggestions,
        inner,
        &keywords,
        &flags,
    );
    crate::sort::sort_by_key(&mut flags, |f| {
        (f.line.unwrap_or(usize::MAX), f.span.map_or(0, |s| s.start))
    });

    let [must_have, bonus, overused] = tally.summaries;
    Report {
        schema_version: SCHEMA_VERSION,
        offsets: OffsetEncoding::Utf8,
        role: RoleInfo {
            name: role.name.clone(),
            title: role.title.clone(),
        },
        score: total.round().clamp(0.0, 100.0) as u32,
        score_breakdown: breakdown,
        must_have,
        bonus,
        overused,
        keywords,
        flags,
        achievements,
        document: DocumentInfo {
            word_count: doc.word_count,
            line_count: doc.lines.len(),
            sections,
            contact: doc.contact.clone(),
        },
        suggestions,
        readability: readability::check(doc, file),
        recruiter,
        file: None,
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Names for a detail line: at most 12, the keyword list has them all.
fn list<S: std::borrow::Borrow<str>>(names: &[S]) -> String {
    list_iter(names.iter().map(|s| s.borrow()))
}

/// [`list`] of the names `names` gives, without collecting past the
/// twelfth (a large role misses hundreds of keywords).
fn list_iter<'s>(names: impl Iterator<Item = &'s str>) -> String {
    let mut first: Vec<&str> = Vec::with_capacity(12);
    let mut n = 0;
    for name in names {
        if n < 12 {
            first.push(name);
        }
        n += 1;
    }
    list_first(&first, n)
}

/// The detail line of `n` names whose first ones (up to 12) are `first`.
fn list_first(first: &[&str], n: usize) -> String {
    match n {
        0 => "none".to_string(),
        1..=12 => first.join("; "),
        n => format!("{}; and {} more", first[..10].join("; "), n - 10),
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
    #[test]
    fn lists_name_at_most_twelve() {
        let names: Vec<String> = (0..30).map(|i| format!("k{i}")).collect();
        for n in 0..30 {
            let some = &names[..n];
            let want = match n {
                0 => "none".to_string(),
                1..=12 => some.join("; "),
                n => format!("{}; and {} more", some[..10].join("; "), n - 10),
            };
            assert_eq!(super::list_iter(some.iter().map(String::as_str)), want);
            assert_eq!(super::list(some), want);
        }
    }
}
