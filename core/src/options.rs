//! The options of a [`Matcher`](crate::Matcher): what the matching reads
//! (`fuzzy`, `fuzzy_min_len`, `max_input_bytes`), what the analysis weighs
//! (the [`ScoreWeights`], stuffing, vague phrases, suggestions) and the file
//! limits ([`FileOptions`](crate::file::FileOptions)). One serde struct, so
//! that every front end takes the same JSON.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Score weights: the most points each component gives or takes.
///
/// ```
/// let w = atscore::ScoreWeights::default();
/// assert_eq!(w.must_have + w.bonus + w.context + w.quantified + w.acronyms + w.structure, 100.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScoreWeights {
    /// Must-have coverage.
    pub must_have: f64,
    /// Bonus coverage.
    pub bonus: f64,
    /// Must-haves used in context.
    pub context: f64,
    /// Quantified achievements.
    pub quantified: f64,
    /// Acronym and full term both written.
    pub acronyms: f64,
    /// Sections and contact details.
    pub structure: f64,
    /// Penalty per overused term of the role.
    pub overused_each: f64,
    /// Penalty per vague phrase or weak verb.
    pub vague_each: f64,
    /// Largest total penalty for overused and vague terms.
    pub overused_max: f64,
    /// Penalty per stuffed keyword.
    pub stuffing_each: f64,
    /// Largest total penalty for stuffing.
    pub stuffing_max: f64,
    /// Share of achievement lines with numbers that earns all `quantified` points.
    pub quantified_target: f64,
    /// Recruiter check (roles from a posting only): penalty when the
    /// posting's job title is nowhere in the resume's header, summary or
    /// experience.
    pub recruiter_title: f64,
    /// Recruiter check: penalty when the resume's dated roles add up to
    /// fewer years than the posting asks for.
    pub recruiter_years: f64,
    /// Recruiter check: penalty when the resume's degree is below the
    /// posting's (and the posting accepts no equivalent experience).
    pub recruiter_education: f64,
    /// Recruiter check: penalty per required certification the resume does
    /// not name.
    pub recruiter_certification: f64,
    /// Largest total penalty of the recruiter checks.
    pub recruiter_max: f64,
}

impl Default for ScoreWeights {
    fn default() -> Self {
        ScoreWeights {
            must_have: 50.0,
            bonus: 15.0,
            context: 15.0,
            quantified: 10.0,
            acronyms: 5.0,
            structure: 5.0,
            overused_each: 2.0,
            vague_each: 1.0,
            overused_max: 10.0,
            stuffing_each: 3.0,
            stuffing_max: 6.0,
            recruiter_title: 2.0,
            recruiter_years: 4.0,
            recruiter_education: 3.0,
            recruiter_certification: 2.0,
            recruiter_max: 10.0,
            quantified_target: 0.5,
        }
    }
}

/// Options of a [`Matcher`](crate::Matcher), set through its builder.
///
/// ```
/// let o = atscore::Options::default();
/// assert_eq!((o.fuzzy, o.fuzzy_min_len, o.stuffing_min_count), (true, 5, 10));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Report likely typos of keywords.
    pub fuzzy: bool,
    /// Shortest word, in letters, checked for typos.
    pub fuzzy_min_len: usize,
    /// Largest input in bytes.
    pub max_input_bytes: usize,
    /// Mentions from which a keyword can be stuffing.
    pub stuffing_min_count: usize,
    /// Share of all words one keyword may take before it is stuffing (with
    /// at least `stuffing_min_count` mentions).
    pub stuffing_density: f64,
    /// Flag built-in vague phrases and weak verbs.
    pub vague_phrases: bool,
    /// Most suggestions in a report (the most valuable are kept).
    pub max_suggestions: usize,
    /// Score weights.
    pub weights: ScoreWeights,
    /// Limits of reading PDF and DOCX files.
    pub file: crate::file::FileOptions,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            fuzzy: true,
            fuzzy_min_len: 5,
            max_input_bytes: 64 << 20,
            stuffing_min_count: 10,
            stuffing_density: 0.03,
            vague_phrases: true,
            max_suggestions: 30,
            weights: ScoreWeights::default(),
            file: crate::file::FileOptions::default(),
        }
    }
}

impl Options {
    /// Check ranges; the error names the option.
    ///
    /// ```
    /// let mut o = atscore::Options::default();
    /// o.fuzzy_min_len = 2;
    /// assert!(o.validate().unwrap_err().to_string().contains("fuzzy_min_len"));
    /// ```
    pub fn validate(&self) -> Result<()> {
        if self.fuzzy_min_len < 4 {
            return Err(Error::option("fuzzy_min_len", "must be at least 4 letters"));
        }
        if self.max_input_bytes == 0 || self.max_input_bytes > u32::MAX as usize {
            return Err(Error::option(
                "max_input_bytes",
                format!("must be between 1 and {}", u32::MAX),
            ));
        }
        if self.stuffing_min_count == 0 {
            return Err(Error::option("stuffing_min_count", "must be at least 1"));
        }
        if !(self.stuffing_density.is_finite() && self.stuffing_density > 0.0) {
            return Err(Error::option(
                "stuffing_density",
                "must be a number above 0",
            ));
        }
        let w = &self.weights;
        for (name, v) in [
            ("weights.must_have", w.must_have),
            ("weights.bonus", w.bonus),
            ("weights.context", w.context),
            ("weights.quantified", w.quantified),
            ("weights.acronyms", w.acronyms),
            ("weights.structure", w.structure),
            ("weights.overused_each", w.overused_each),
            ("weights.vague_each", w.vague_each),
            ("weights.overused_max", w.overused_max),
            ("weights.stuffing_each", w.stuffing_each),
            ("weights.stuffing_max", w.stuffing_max),
        ] {
            if !(v.is_finite() && (0.0..=100.0).contains(&v)) {
                return Err(Error::option(
                    name,
                    format!("must be between 0 and 100, got {v}"),
                ));
            }
        }
        let sum = w.must_have + w.bonus + w.context + w.quantified + w.acronyms + w.structure;
        if (sum - 100.0).abs() > 1e-6 {
            return Err(Error::option(
                "weights",
                format!("the positive components must add up to 100, they add up to {sum}"),
            ));
        }
        if !(w.quantified_target > 0.0 && w.quantified_target <= 1.0) {
            return Err(Error::option(
                "weights.quantified_target",
                "must be above 0 and at most 1",
            ));
        }
        self.file.validate()
    }
}
