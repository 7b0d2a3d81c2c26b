//! # atscore
//!
//! Score a resume against a role the way an applicant tracking system (ATS)
//! reads it, and say what to change.
//!
//! A [`Role`] is a set of keywords in tiers (must-have, bonus, overused).
//! Compile it once into a [`Matcher`], then analyze as many resumes as you
//! like; each gives a [`Report`]: which keywords were found (where, and how:
//! exact, variant, alias, acronym, likely typo), which are missing, which
//! vague terms to replace, whether achievements are quantified and keywords
//! used in context, and a 0–100 score explained point by point.
//!
//! ```
//! use atscore::{Matcher, Role, Tier};
//!
//! let role = Role::builtin("backend-developer")?;
//! let matcher = Matcher::new(role)?; // compile once
//!
//! let resume = "\
//! Jane Doe · jane@example.com
//!
//! EXPERIENCE
//! - Led backend development of REST APIs in Go and PostgreSQL on AWS, cutting p99 latency by 40%
//! - Responsible for the CI/CD pipelines (GitHub Actions, Docker, k8s)
//!
//! SKILLS
//! SQL, Python, Kubernetes, System Design
//! ";
//! let report = matcher.analyze(resume)?;
//! assert!(report.score > 0 && report.score <= 100);
//!
//! let missing: Vec<&str> = report.missing(Tier::MustHave).map(|k| k.term.as_str()).collect();
//! assert_eq!(missing, ["DevOps"]);
//!
//! let cloud = report.keyword("Cloud Computing (AWS/Azure/GCP)").unwrap();
//! assert_eq!(cloud.hits[0].via.as_deref(), Some("AWS"));
//! assert!(report.flags.iter().any(|f| f.text == "Responsible for"));
//! # Ok::<(), atscore::Error>(())
//! ```
//!
//! The pipeline: [`text`] (tokens with byte spans, tech tokens, stems) →
//! [`document`] (lines, sections, contact) → [`Matcher`] (keyword hits) →
//! [`analysis`] (checks and score) → [`Report`] (serde; [`render_text`],
//! [`render_html`]). Roles come from a role file, a job posting
//! ([`posting`]) or the built-in [`library`] (a role for every O*NET and
//! ESCO occupation, searchable by job title).
#![deny(missing_docs)]
#![forbid(unsafe_code)]

// The pipeline, lowest layer first; each module imports only the ones
// above it in this list (core/tests/architecture.rs checks it).
pub mod analysis;
pub mod document;
mod error;
pub mod file;
mod hash;
pub mod library;
mod matching;
mod options;
pub mod posting;
pub mod report;
mod roles;
mod sort;
pub mod text;

/// The old name of [`posting`].
pub mod jd {
    pub use crate::posting::*;
}
pub use analysis::{readability, recruiter};
pub use text::lexicon;

pub use analysis::{Options, ScoreWeights};
pub use error::{Error, Result, RoleFormat, text_from_bytes};
pub use matching::{KeywordMatch, Matcher, MatcherBuilder};
pub use recruiter::{CheckStatus, RecruiterCheck};
pub use report::{
    Flag, FlagKind, KeywordHit, KeywordResult, KeywordStatus, MatchKind, OffsetConverter,
    OffsetEncoding, Report, ScoreItem, Suggestion, SuggestionKind, TextOptions, Variant,
    render_html, render_text,
};
pub use roles::{
    Certification, Education, EducationLevel, Evidence, Keyword, ParsedTerm, Requirements, Role,
    SkillYears, Stated, Tier, Years,
};
/// The string type of names in a report ([`KeywordResult::term`],
/// [`KeywordHit::text`], ...): a `str` (it derefs to one and compares with
/// `&str` and `String`) kept inline up to 23 bytes, so a report of a
/// 1,000-keyword role is not 1,000 allocations. From the `smol_str` crate.
///
/// ```
/// let r = atscore::analyze("Skills: SQL", "backend-developer")?;
/// let term: &atscore::SmolStr = &r.keyword("SQL").unwrap().term;
/// assert!(term == "SQL" && term.as_str().len() == 3);
/// # Ok::<(), atscore::Error>(())
/// ```
pub use smol_str::SmolStr;
pub use text::Span;

/// Analyze a resume against a built-in role, by name or job title, in one call.
///
/// For many resumes, build a [`Matcher`] once instead.
///
/// ```
/// let report = atscore::analyze("Skills: SQL, Docker", "backend-developer")?;
/// assert!(report.keyword("SQL").unwrap().found);
/// // a job title finds the built-in role too
/// let same = atscore::analyze("Skills: SQL, Docker", "Backend Engineer")?;
/// assert_eq!(same.to_json(), report.to_json());
/// # Ok::<(), atscore::Error>(())
/// ```
pub fn analyze(resume: &str, role: &str) -> Result<Report> {
    Matcher::new(Role::find(role)?)?.analyze(resume)
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
