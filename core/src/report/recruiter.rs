//! What a recruiter check of a report says (made by
//! [`analysis::recruiter`](crate::analysis::recruiter)).

use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

/// Whether a resume meets a requirement.
///
/// ```
/// assert_eq!(serde_json::to_string(&atscore::CheckStatus::Missing).unwrap(), "\"missing\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    /// The resume shows it.
    Met,
    /// The resume does not show it.
    Missing,
    /// The resume does not say enough to tell (no dated roles, say).
    Unknown,
}

/// One recruiter check of a resume against a posting.
///
/// ```
/// let role = atscore::Role::from_job_description(
///     "Java Developer\nRequirements:\n- 5+ years of experience with Java\n- Bachelor's degree in Computer Science\n",
/// )?;
/// let resume = "Jane Doe\nJava Developer\nEXPERIENCE\nAcme, Java Developer, Jan 2016 - Dec 2022\n- Built Java services\nEDUCATION\nBSc in Computer Science, 2015\n";
/// let report = atscore::Matcher::new(role)?.analyze(resume)?;
/// let status = |id: &str| report.recruiter.iter().find(|c| c.id == id).map(|c| c.status);
/// assert_eq!(status("title"), Some(atscore::CheckStatus::Met));
/// assert_eq!(status("years"), Some(atscore::CheckStatus::Met));
/// assert_eq!(status("education"), Some(atscore::CheckStatus::Met));
/// # Ok::<(), atscore::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecruiterCheck {
    /// `title`, `years`, `education` or `certification`.
    pub id: SmolStr,
    /// What the posting asks for ("Java Developer", "5+ years", "bachelor's
    /// degree in Computer Science", "PMP").
    pub wanted: String,
    /// Met, missing or unknown.
    pub status: CheckStatus,
    /// What the resume shows, if anything ("7.5 years from dated roles").
    pub found: Option<String>,
    /// Score points (0, or a penalty).
    pub points: f64,
    /// What to do about it.
    pub message: String,
}
