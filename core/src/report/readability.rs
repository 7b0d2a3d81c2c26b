//! What a readability finding of a report says (made by
//! [`analysis::readability`](crate::analysis::readability)).

use serde::{Deserialize, Serialize};

use crate::text::Span;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// An ATS will likely miss content or cannot reach you: fix it.
    Problem,
    /// Some ATS handle it badly: worth fixing.
    Warning,
    /// Good to know.
    Info,
}

/// What a finding is about.
///
/// ```
/// let json = serde_json::to_string(&atscore::readability::FindingKind::ContactOutsideBody).unwrap();
/// assert_eq!(json, "\"contact_outside_body\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// No text could be extracted (an image-only or scanned PDF).
    NoText,
    /// Characters that extract as garbage (replacement or private-use characters).
    GarbledText,
    /// Contact details only in a header, footer, text box or table.
    ContactOutsideBody,
    /// No email address or phone number.
    MissingContact,
    /// Pages with very little text (text drawn as pictures).
    LittleText,
    /// Text in columns side by side.
    MultiColumn,
    /// Text in text boxes.
    TextBoxes,
    /// Text in page headers or footers.
    HeadersFooters,
    /// Text in tables.
    Tables,
    /// Standard sections not found; headings an ATS may not recognize.
    NonStandardHeadings,
    /// Dates written in more than one format.
    InconsistentDates,
    /// Very short or very long.
    UnusualLength,
}

/// One readability finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// What it is about.
    pub kind: FindingKind,
    /// How much it matters.
    pub severity: Severity,
    /// What was found, in plain language.
    pub message: String,
    /// What to do.
    pub fix: String,
    /// Where in the text (may be empty).
    pub spans: Vec<Span>,
    /// 1-based pages it concerns (PDF only; may be empty).
    pub pages: Vec<u32>,
}
