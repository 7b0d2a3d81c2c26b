//! The report: plain, serde-serializable data with stable field names, and
//! its renderers (terminal text, escaped HTML).
//!
//! Spans are byte offsets into the analyzed text. [`Report::convert_offsets`]
//! turns them into code points (Python `str` indexes) or UTF-16 code units
//! (JavaScript `String.prototype.slice`).
//!
//! ```
//! use atscore::{Matcher, OffsetEncoding, Role};
//! let text = "Résumé: SQL";
//! let m = Matcher::new(Role::builtin("backend-developer")?)?;
//! let mut report = m.analyze(text)?;
//! let hit = &report.keyword("SQL").unwrap().hits[0];
//! assert_eq!(&text[hit.span.range()], "SQL");
//! report.convert_offsets(text, OffsetEncoding::CodePoint);
//! let hit = &report.keyword("SQL").unwrap().hits[0];
//! let chars: Vec<char> = text.chars().collect();
//! assert_eq!(chars[hit.span.start..hit.span.end].iter().collect::<String>(), "SQL");
//! # Ok::<(), atscore::Error>(())
//! ```

use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

use crate::document::Contact;
use crate::file::Extracted;
use crate::roles::Tier;
use crate::text::Span;
use crate::text::lexicon::Section;

mod html;
mod readability;
mod recruiter;
mod terminal;

pub use html::{escape_html, render_html};
pub use readability::{Finding, FindingKind, Severity};
pub use recruiter::{CheckStatus, RecruiterCheck};
pub use terminal::{TextOptions, render_text};

/// Version of the report's JSON shape.
pub const SCHEMA_VERSION: u32 = 1;

/// How a keyword was found.
///
/// ```
/// assert_eq!(serde_json::to_string(&atscore::MatchKind::Fuzzy).unwrap(), "\"fuzzy\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// Written exactly as the keyword (or the alternative it names).
    Exact,
    /// Same words in another form: see [`Variant`].
    Variant,
    /// Another name for it (`k8s` for Kubernetes, `Postgres` for PostgreSQL).
    Alias,
    /// Its acronym or full form (`AWS` ↔ `Amazon Web Services`).
    Acronym,
    /// Probably a typo of it (`Kubernets`): an ATS would not count it.
    Fuzzy,
    /// A word that shows the skill without being it: a narrower member of its
    /// family (`Ubuntu` for Linux, `ASP.NET` for .NET) or an activity that
    /// shows it (`debugging` for problem solving). An ATS searching the
    /// keyword does not find it: it earns no points, and the report says to
    /// write the keyword itself.
    Related,
}

impl MatchKind {
    /// Whether an ATS would count this hit (everything but a typo or a
    /// related word).
    ///
    /// ```
    /// assert!(atscore::MatchKind::Alias.counts());
    /// assert!(!atscore::MatchKind::Fuzzy.counts());
    /// assert!(!atscore::MatchKind::Related.counts());
    /// ```
    pub fn counts(self) -> bool {
        !matches!(self, MatchKind::Fuzzy | MatchKind::Related)
    }
}

/// How a variant differs from the keyword.
///
/// ```
/// assert_eq!(serde_json::to_string(&atscore::Variant::Inflection).unwrap(), "\"inflection\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Variant {
    /// Only letter case differs (`sql` for `SQL`).
    Case,
    /// Plural or another inflection (`APIs`, `optimizing`).
    Inflection,
    /// Hyphens, spaces or punctuation differ (`server side`, `serverside`).
    Spelling,
    /// Another word of the same family naming the same skill: same stem,
    /// a derivational ending (`communicator`, `communicated` for
    /// communication; `recruiter` for recruitment). Counted like the keyword:
    /// an ATS that stems words finds it, and a recruiter reads it as the skill.
    Derivation,
}

/// Units of the offsets in a report's spans.
///
/// ```
/// assert_eq!(atscore::OffsetEncoding::default(), atscore::OffsetEncoding::Utf8);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OffsetEncoding {
    /// Bytes of UTF-8 (Rust `&str` indexes).
    #[default]
    Utf8,
    /// UTF-16 code units (JavaScript string indexes).
    Utf16,
    /// Unicode code points (Python `str` indexes).
    CodePoint,
}

/// One place a keyword was found.
///
/// ```
/// let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
/// let r = m.analyze("Skills: k8s")?;
/// let hit = &r.keyword("Kubernetes").unwrap().hits[0];
/// assert_eq!((hit.text.as_str(), hit.kind, hit.line), ("k8s", atscore::MatchKind::Alias, 1));
/// # Ok::<(), atscore::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeywordHit {
    /// Where in the text.
    pub span: Span,
    /// 1-based line number.
    pub line: usize,
    /// The text as written in the resume.
    pub text: SmolStr,
    /// How it matched.
    pub kind: MatchKind,
    /// For [`MatchKind::Variant`]: how it differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variant: Option<Variant>,
    /// The form of the keyword that matched (alias, acronym, alternative, or the term).
    pub form: SmolStr,
    /// For keywords with alternatives (`Cloud Computing (AWS/Azure/GCP)`): which one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<SmolStr>,
    /// Section of the resume it is in.
    pub section: Section,
    /// Whether it is used in a sentence or bullet of experience, projects or
    /// summary (not only in a list of skills).
    pub in_context: bool,
}

/// Status of one keyword of the role.
///
/// ```
/// assert_eq!(serde_json::to_string(&atscore::KeywordStatus::ListOnly).unwrap(), "\"list_only\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeywordStatus {
    /// Found and used in context.
    InContext,
    /// Found, but only in lists, headings or the header.
    ListOnly,
    /// Only a likely typo of it was found.
    Typo,
    /// Not found, but related words show it ([`MatchKind::Related`]):
    /// write the keyword itself.
    Related,
    /// Not found.
    Missing,
    /// An overused term that is present (bad).
    Present,
    /// An overused term that is absent (good).
    Absent,
}

/// The result for one keyword of the role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeywordResult {
    /// The keyword as written in the role.
    pub term: SmolStr,
    /// Its tier.
    pub tier: Tier,
    /// Its weight.
    pub weight: f64,
    /// Whether an ATS would find it (a typo does not count).
    pub found: bool,
    /// Summary status.
    pub status: KeywordStatus,
    /// Number of counted mentions (typos excluded).
    pub count: usize,
    /// Score points this keyword earned (coverage and context).
    pub points: f64,
    /// Every place it was found, in text order: the first 1,000, then only
    /// a place of a kind (match kind, alternative, in context) not listed
    /// yet, so a keyword-dense input of megabytes stays small; `count`
    /// counts them all.
    pub hits: Vec<KeywordHit>,
    /// For an "any one of" requirement of a job posting ("Python, Java, or
    /// Node.js"): its members, any one of which satisfies it; the hit's
    /// `via` says which was found. Empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub one_of: Vec<SmolStr>,
}

/// Kind of a finding in [`Report::flags`].
///
/// ```
/// assert_eq!(serde_json::to_string(&atscore::FlagKind::WeakVerb).unwrap(), "\"weak_verb\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// An overused buzzword from the role's overused tier.
    Overused,
    /// A vague filler phrase.
    Vague,
    /// A weak verb that describes a duty instead of an achievement.
    WeakVerb,
    /// A likely typo of a keyword.
    Typo,
    /// A keyword repeated far more than a resume needs.
    Stuffing,
    /// An acronym without its full term, or the reverse.
    AcronymOnly,
    /// A keyword found only under another name (an alias): the role's exact
    /// words never appear.
    NotExact,
    /// A keyword only found in a skills list, not in an experience sentence.
    ListOnly,
    /// An achievement without a number.
    Unquantified,
    /// Missing contact details or sections.
    Structure,
}

/// A finding about the resume, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    /// What kind of finding.
    pub kind: FlagKind,
    /// Where, if it is one place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// 1-based line, if it is one place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The text concerned (the phrase, the keyword).
    pub text: SmolStr,
    /// What is wrong, in plain words.
    pub message: String,
    /// How to fix it.
    pub suggestion: String,
}

/// One component of the score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreItem {
    /// Stable identifier: `must_have`, `bonus`, `context`, `quantified`,
    /// `acronyms`, `structure`, `overused`, `stuffing`.
    pub id: SmolStr,
    /// Human label.
    pub label: SmolStr,
    /// Points earned (negative for penalties).
    pub points: f64,
    /// Most points this component can give (or take, for penalties).
    pub max_points: f64,
    /// How the points were computed, naming what earned or cost them.
    pub detail: String,
}

/// What a suggestion asks for. Among suggestions worth the same points, the
/// surer fixes come first (in this order).
///
/// ```
/// assert_eq!(serde_json::to_string(&atscore::SuggestionKind::FixTypo).unwrap(), "\"fix_typo\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SuggestionKind {
    /// Correct the spelling of a keyword.
    FixTypo,
    /// Use a listed keyword in an experience sentence.
    UseInContext,
    /// Write both the acronym and the full term.
    WriteBoth,
    /// Use the role's (the job description's) exact words for a keyword.
    UseExactWording,
    /// Replace a vague or overused phrase.
    ReplacePhrase,
    /// Mention a keyword less often.
    ReduceRepetition,
    /// Add numbers to achievements.
    Quantify,
    /// Add a standard section or contact details.
    AddSection,
    /// Add a missing keyword (if you have the skill).
    AddKeyword,
}

/// A suggestion, with the score points it would gain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    /// What it asks for.
    pub kind: SuggestionKind,
    /// Estimated score points gained by following it.
    pub impact: f64,
    /// What to do.
    pub message: String,
    /// The keyword concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keyword: Option<SmolStr>,
    /// The line concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

/// Achievement lines and which have numbers.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Achievements {
    /// Number of achievement lines (experience and project bullets or sentences).
    pub total: usize,
    /// How many carry a number, percentage, amount, or duration.
    pub quantified: usize,
    /// 1-based line numbers of those without.
    pub unquantified_lines: Vec<usize>,
}

/// A section found in the resume.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionInfo {
    /// Which section.
    pub section: Section,
    /// The heading as written.
    pub heading: String,
    /// 1-based line of the heading.
    pub line: usize,
}

/// Facts about the resume as a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentInfo {
    /// Words (numbers excluded).
    pub word_count: usize,
    /// Lines.
    pub line_count: usize,
    /// Sections found, in order.
    pub sections: Vec<SectionInfo>,
    /// Contact details found.
    pub contact: Contact,
}

/// The role a report was made against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleInfo {
    /// Role name.
    pub name: String,
    /// Role title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// Counts per tier.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TierSummary {
    /// Keywords in the tier.
    pub total: usize,
    /// Found (for overused: present).
    pub found: usize,
    /// Found and used in context.
    pub in_context: usize,
}

/// Everything the analysis found, and the score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Version of this JSON shape ([`SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// Units of every span in the report.
    pub offsets: OffsetEncoding,
    /// The role.
    pub role: RoleInfo,
    /// 0 to 100.
    pub score: u32,
    /// The score, component by component; the points add up to `score` (before rounding and clamping).
    pub score_breakdown: Vec<ScoreItem>,
    /// Must-have tier summary.
    pub must_have: TierSummary,
    /// Bonus tier summary.
    pub bonus: TierSummary,
    /// Overused tier summary.
    pub overused: TierSummary,
    /// One result per role keyword, in role order.
    pub keywords: Vec<KeywordResult>,
    /// Findings to fix, in text order per kind.
    pub flags: Vec<Flag>,
    /// Achievements with and without numbers.
    pub achievements: Achievements,
    /// The resume as a document.
    pub document: DocumentInfo,
    /// What to do, most score points first.
    pub suggestions: Vec<Suggestion>,
    /// Whether an ATS can read the resume: layout, headings, contact
    /// details, dates, length, fonts; problems first. Not part of the score.
    pub readability: Vec<Finding>,
    /// Recruiter checks against a job posting (title, years, education,
    /// certifications); empty for a role that does not come from a posting.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recruiter: Vec<RecruiterCheck>,
    /// The file the text was read from (PDF or DOCX), with the extracted
    /// text that every span of the report points into; absent for text input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<Extracted>,
}

impl Report {
    /// The result for a keyword, by its term as written in the role.
    ///
    /// ```
    /// let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
    /// let r = m.analyze("")?;
    /// assert!(!r.keyword("SQL").unwrap().found);
    /// assert!(r.keyword("Cobol").is_none());
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn keyword(&self, term: &str) -> Option<&KeywordResult> {
        self.keywords.iter().find(|k| k.term == term)
    }

    /// Keywords of a tier that were not found, in role order.
    ///
    /// ```
    /// let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
    /// let r = m.analyze("SQL")?;
    /// let missing: Vec<&str> = r.missing(atscore::Tier::MustHave).map(|k| k.term.as_str()).collect();
    /// assert!(!missing.contains(&"SQL") && missing.contains(&"DevOps"));
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn missing(&self, tier: Tier) -> impl Iterator<Item = &KeywordResult> {
        self.keywords
            .iter()
            .filter(move |k| k.tier == tier && !k.found)
    }

    /// The report as compact JSON (the same bytes from every front end).
    ///
    /// ```
    /// let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
    /// let json = m.analyze("SQL")?.to_json();
    /// assert!(json.starts_with("{\"schema_version\":1,"));
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The report as indented JSON.
    ///
    /// ```
    /// let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
    /// assert!(m.analyze("SQL")?.to_json_pretty().contains("\n  \"score\""));
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Convert every span from the report's current units to `to`. `text`
    /// must be the analyzed text. Converting twice to the same units does nothing.
    ///
    /// ```
    /// use atscore::{Matcher, OffsetEncoding, Role};
    /// let text = "🚀 SQL";
    /// let m = Matcher::new(Role::builtin("backend-developer")?)?;
    /// let mut r = m.analyze(text)?;
    /// r.convert_offsets(text, OffsetEncoding::Utf16);
    /// let span = r.keyword("SQL").unwrap().hits[0].span;
    /// assert_eq!((span.start, span.end), (3, 6)); // the rocket is two UTF-16 units
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn convert_offsets(&mut self, text: &str, to: OffsetEncoding) {
        if self.offsets == to {
            return;
        }
        let from = OffsetConverter::new(text, self.offsets);
        let into = OffsetConverter::new(text, to);
        self.convert_with(&from, &into, to);
    }

    /// The text every span points into: the extracted text of a PDF or
    /// DOCX (`file.text`), else `input`, the analyzed bytes (an error only
    /// if they are not UTF-8, which a report of them rules out).
    ///
    /// ```
    /// let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
    /// let input = "Skills: SQL".as_bytes();
    /// let r = m.analyze_file(input, None)?;
    /// assert_eq!(r.analyzed_text(input)?, "Skills: SQL");
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn analyzed_text<'a>(&'a self, input: &'a [u8]) -> crate::error::Result<&'a str> {
        match &self.file {
            Some(file) => Ok(&file.text),
            None => crate::error::text_from_bytes(input),
        }
    }

    /// [`Report::convert_offsets`] against [`Report::analyzed_text`]: what
    /// a front end that analyzed a file's `input` bytes calls.
    ///
    /// ```
    /// use atscore::OffsetEncoding;
    /// let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
    /// let input = "🚀 SQL".as_bytes();
    /// let mut r = m.analyze_file(input, None)?;
    /// r.convert_input_offsets(input, OffsetEncoding::Utf16)?;
    /// assert_eq!(r.keyword("SQL").unwrap().hits[0].span.start, 3);
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn convert_input_offsets(
        &mut self,
        input: &[u8],
        to: OffsetEncoding,
    ) -> crate::error::Result<()> {
        if self.offsets == to {
            return Ok(());
        }
        let text = self.analyzed_text(input)?;
        let from = OffsetConverter::new(text, self.offsets);
        let into = OffsetConverter::new(text, to);
        self.convert_with(&from, &into, to);
        Ok(())
    }

    fn convert_with(&mut self, from: &OffsetConverter, into: &OffsetConverter, to: OffsetEncoding) {
        let conv = |s: &mut Span| {
            let (a, b) = (from.to_utf8(s.start), from.to_utf8(s.end));
            *s = Span::new(into.from_utf8(a), into.from_utf8(b));
        };
        for k in &mut self.keywords {
            for h in &mut k.hits {
                conv(&mut h.span);
            }
        }
        for f in &mut self.flags {
            if let Some(s) = &mut f.span {
                conv(s);
            }
        }
        let c = &mut self.document.contact;
        for s in c
            .email
            .iter_mut()
            .chain(c.phone.iter_mut())
            .chain(c.links.iter_mut())
        {
            conv(s);
        }
        for f in &mut self.readability {
            f.spans.iter_mut().for_each(&conv);
        }
        if let Some(file) = &mut self.file {
            file.pages.iter_mut().for_each(|p| conv(&mut p.span));
            file.regions.iter_mut().for_each(|r| conv(&mut r.span));
        }
        self.offsets = to;
    }

    /// Every highlighted span: keyword hits (with the keyword's term) and vague
    /// phrases or weak verbs (with the phrase).
    ///
    /// ```
    /// let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
    /// let r = m.analyze("SQL, team player")?;
    /// assert_eq!(r.spans().count(), 2);
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn spans(&self) -> impl Iterator<Item = (Span, &str)> {
        let hits = self
            .keywords
            .iter()
            .flat_map(|k| k.hits.iter().map(move |h| (h.span, k.term.as_str())));
        let flags = self
            .flags
            .iter()
            .filter(|f| matches!(f.kind, FlagKind::Vague | FlagKind::WeakVerb))
            .filter_map(|f| f.span.map(|s| (s, f.text.as_str())));
        hits.chain(flags)
    }
}

/// Converts offsets between UTF-8 bytes, UTF-16 code units and code points
/// for one text, in O(log n) per offset after an O(n) setup.
///
/// ```
/// use atscore::{OffsetConverter, OffsetEncoding};
/// let text = "aé🚀b";
/// let c = OffsetConverter::new(text, OffsetEncoding::Utf16);
/// assert_eq!(c.from_utf8(text.find('b').unwrap()), 4); // a=1, é=1, 🚀=2
/// assert_eq!(c.to_utf8(4), 7);
/// let c = OffsetConverter::new(text, OffsetEncoding::CodePoint);
/// assert_eq!(c.from_utf8(7), 3);
/// ```
#[derive(Debug, Clone)]
pub struct OffsetConverter {
    enc: OffsetEncoding,
    /// (utf8 offset, target offset) at every non-ASCII char and after it
    marks: Vec<(usize, usize)>,
}

impl OffsetConverter {
    /// Prepare conversions for `text` into units `enc`.
    ///
    /// ```
    /// let c = atscore::OffsetConverter::new("abc", atscore::OffsetEncoding::Utf16);
    /// assert_eq!(c.from_utf8(2), 2);
    /// ```
    pub fn new(text: &str, enc: OffsetEncoding) -> Self {
        let mut marks = vec![(0, 0)];
        if enc != OffsetEncoding::Utf8 {
            // ASCII runs are skipped eight bytes at a time: one unit a byte
            let bytes = text.as_bytes();
            let (mut at, mut target) = (0, 0);
            while let Some(i) =
                crate::text::bytes::first_byte(bytes, at, |v| v & crate::text::bytes::HIGH)
            {
                target += i - at;
                let Some(c) = text[i..].chars().next() else {
                    break;
                };
                let units = match enc {
                    OffsetEncoding::Utf16 => c.len_utf16(),
                    _ => 1,
                };
                marks.push((i, target));
                at = i + c.len_utf8();
                target += units;
                marks.push((at, target));
            }
        }
        OffsetConverter { enc, marks }
    }

    /// Convert a UTF-8 byte offset to this converter's units. Offsets inside
    /// a character map to that character's start.
    ///
    /// ```
    /// let c = atscore::OffsetConverter::new("é", atscore::OffsetEncoding::CodePoint);
    /// assert_eq!(c.from_utf8(2), 1);
    /// ```
    pub fn from_utf8(&self, offset: usize) -> usize {
        if self.enc == OffsetEncoding::Utf8 {
            return offset;
        }
        let i = self.marks.partition_point(|&(b, _)| b <= offset) - 1;
        let (b, t) = self.marks[i];
        if i % 2 == 1 && offset > b {
            // inside a multi-byte char
            return t;
        }
        t + (offset - b)
    }

    /// Convert an offset in this converter's units back to UTF-8 bytes.
    ///
    /// ```
    /// let c = atscore::OffsetConverter::new("é!", atscore::OffsetEncoding::Utf16);
    /// assert_eq!(c.to_utf8(1), 2);
    /// ```
    pub fn to_utf8(&self, offset: usize) -> usize {
        if self.enc == OffsetEncoding::Utf8 {
            return offset;
        }
        let i = self.marks.partition_point(|&(_, t)| t <= offset) - 1;
        let (b, t) = self.marks[i];
        if i % 2 == 1 && offset > t {
            return b;
        }
        b + (offset - t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The converter's marks as first written: char by char.
    fn reference_marks(text: &str, enc: OffsetEncoding) -> Vec<(usize, usize)> {
        let mut marks = vec![(0, 0)];
        if enc != OffsetEncoding::Utf8 {
            let mut target = 0;
            for (i, c) in text.char_indices() {
                let units = match enc {
                    OffsetEncoding::Utf16 => c.len_utf16(),
                    _ => 1,
                };
                if !c.is_ascii() {
                    marks.push((i, target));
                    marks.push((i + c.len_utf8(), target + units));
                }
                target += units;
            }
        }
        marks
    }

    proptest! {
        #[test]
        fn marks_equal_the_char_by_char_ones(text in "[a-z \\n\u{e9}\u{1F680}\u{301}東]{0,40}") {
            for enc in [OffsetEncoding::Utf8, OffsetEncoding::Utf16, OffsetEncoding::CodePoint] {
                prop_assert_eq!(&OffsetConverter::new(&text, enc).marks, &reference_marks(&text, enc));
            }
        }
    }

    #[test]
    fn offsets_round_trip() {
        let text = "a\u{e9}\u{1F680}b\u{301}c 東京 x";
        for enc in [
            OffsetEncoding::Utf8,
            OffsetEncoding::Utf16,
            OffsetEncoding::CodePoint,
        ] {
            let c = OffsetConverter::new(text, enc);
            for (i, ch) in text.char_indices().chain([(text.len(), ' ')]) {
                let u = c.from_utf8(i);
                assert_eq!(c.to_utf8(u), i, "{enc:?} at {i} ({ch:?})");
                let expect = match enc {
                    OffsetEncoding::Utf8 => i,
                    OffsetEncoding::Utf16 => text[..i].encode_utf16().count(),
                    OffsetEncoding::CodePoint => text[..i].chars().count(),
                };
                assert_eq!(u, expect, "{enc:?} at {i}");
            }
        }
    }
}
