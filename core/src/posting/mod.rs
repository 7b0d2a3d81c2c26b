//! Tailoring: read a job posting and build the checklist a recruiter would
//! search resumes for: a [`Role`] with its keywords in tiers, soft skills
//! apart, "any one of" groups, and the [`Requirements`] beyond keywords
//! (years, education, certifications, languages, travel, clearance).
//!
//! How a posting is read:
//! 1. **Structure** ([`Section`]): headings ("Requirements", "What you'll
//!    do", "Benefits", "About us", "How to apply", equal-opportunity text,
//!    pasted page furniture) split the posting into sections; sentences
//!    outside any heading that speak of benefits, salary, legal matters or
//!    applying are set apart too. Keywords come only from the introduction,
//!    responsibilities, requirements and nice-to-have text.
//! 2. **Candidates** from three sources: the skill lexicon (ESCO, O*NET,
//!    Linguist, simple-icons, certifications: [`skills`]), found by the same
//!    [`Matcher`](crate::Matcher) that reads resumes; the posting's
//!    structure (items of lists after "such as", "including", a colon, in
//!    parentheses, comma lists, tag lines); and product-like words
//!    (`JavaScript`, `Node.js`, `HTML5`, `JPA`).
//! 3. **Guards**: places, the employer's own name, masked entities
//!    (`<ORGANIZATION>`), benefits, salary and boilerplate are never
//!    keywords ([`never_a_keyword`]).
//! 4. **Tiers** from the cue of the sentence ("required", "must", "N+
//!    years", "strong", "proficiency" → must-have; "preferred", "a plus",
//!    "nice to have", "familiarity" → bonus), else from the section
//!    (requirements and responsibilities → must-have, nice to have → bonus,
//!    an introduction → bonus when the posting has a requirements or
//!    responsibilities section, must-have when it has none).
//! 5. **Groups**: "Python, Java, or Node.js", "at least one of X, Y", "X/Y"
//!    become one keyword any member of which satisfies it.
//! 6. **Soft skills** (communication, teamwork) are bonus keywords at half
//!    weight, marked `soft`, so they never crowd out the hard skills.
//!
//! Every keyword keeps the line it came from and why it got its tier
//! ([`Evidence`]).
//!
//! ```
//! use atscore::{Role, Tier};
//!
//! let posting = "\
//! Backend Engineer
//!
//! Requirements:
//! - 3+ years building RESTful APIs in Python
//! - PostgreSQL and Docker
//! - Experience with one of Go, Rust or Java
//!
//! Nice to have:
//! - Kubernetes, Terraform
//! ";
//! let role = Role::from_job_description(posting)?;
//! let tier = |t: &str| role.keywords.iter().find(|k| k.term == t).map(|k| k.tier);
//! assert_eq!(tier("Python"), Some(Tier::MustHave));
//! assert_eq!(tier("Kubernetes"), Some(Tier::Bonus));
//! let group = role.keywords.iter().find(|k| !k.any_of.is_empty()).unwrap();
//! assert_eq!(group.any_of, ["Go", "Rust", "Java"]);
//! assert_eq!(role.requirements.skill_years[0].skill, "RESTful APIs");
//! # Ok::<(), atscore::Error>(())
//! ```

mod checklist;
mod data;
mod groups;
mod guards;
mod html;
mod lexicon;
mod lists;
mod nominal;
mod nouns;
mod phrases;
mod read;
mod requirements;
mod role;
mod shapes;
mod soft;
mod structure;
pub mod tagger;
mod verb_nouns;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::roles::{Evidence, Keyword, Requirements, Role, Tier, phrase_key};
use crate::text::Span;
use crate::text::{clip_chars, floor_boundary, prefix};
use html::{html_to_text, looks_like_html};
use lists::trim_item;
use nouns::PHRASE_STOP;
use shapes::shaped;

pub use checklist::render_checklist;
pub use data::data_loaded;
pub use guards::{is_place, never_a_keyword};
pub(crate) use lexicon::skill_with_form;
pub use lexicon::{
    LexSkill, compile_lexicon, lexicon_stems_file, parse_lexicon, skill_named, skills,
};
pub use structure::{Line, Section};

/// Largest posting accepted, in bytes.
pub const MAX_POSTING_BYTES: usize = 1 << 20;

/// The former name of [`MAX_POSTING_BYTES`].
pub const MAX_JD_BYTES: usize = MAX_POSTING_BYTES;

/// Where a mention was found.
///
/// ```
/// let m = &atscore::posting::extract("Required: Kubernetes")[0];
/// assert_eq!(m.source, atscore::posting::Source::Lexicon);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The skill lexicon.
    Lexicon,
    /// An item of a list in the posting ("such as A, B, C", "(A, B)").
    List,
    /// A product-like word: `JavaScript`, `Node.js`, `HTML5`, `JPA`.
    Shape,
    /// A noun phrase ending in a skill word: "pricing analysis", "budget
    /// management", "inventory planning".
    Phrase,
    /// A knowledge phrase found by the learned [`tagger`].
    Tagger,
    /// A duty written as a verb and its object that names a lexicon skill
    /// ("analyzing variances" for variance analysis, "manage budgets" for
    /// budgeting); [`Mention::skill`] names the skill.
    ///
    /// ```
    /// use atscore::posting::{Source, extract};
    /// let found = extract("Responsibilities:\n- You will gather and analyse data to aid in decisions.");
    /// let m = found.iter().find(|m| m.source == Source::Nominal).unwrap();
    /// assert_eq!((m.text.as_str(), m.term.as_deref()), ("analyse data", Some("data analysis")));
    /// ```
    Nominal,
    /// A phrase asking for a soft skill ("handle multiple tasks" for
    /// multitasking); [`Mention::skill`] names the skill.
    Soft,
}

/// One skill mention found in a job posting.
///
/// ```
/// let found = atscore::posting::extract("Must have: RESTful APIs, Go");
/// assert_eq!(found[0].text, "RESTful APIs");
/// assert_eq!(found[0].tier, atscore::Tier::MustHave);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// The posting's wording.
    pub text: String,
    /// Where it is (byte offsets into the posting).
    pub span: Span,
    /// 0-based line.
    pub line: usize,
    /// The lexicon's canonical name for it, if the lexicon knows it.
    pub skill: Option<&'static str>,
    /// Tier from cues and section.
    pub tier: Tier,
    /// Why it got its tier.
    pub reason: String,
    /// Whether it is a soft skill.
    pub soft: bool,
    /// Where it was found.
    pub source: Source,
    /// The "any one of" group it belongs to (index into [`Posting::groups`]).
    pub group: Option<usize>,
    /// For [`Source::Nominal`]: the skill in the words a resume would use,
    /// the object then the verb's noun ("variance analysis" for "analyzing
    /// variances"); the checklist's term.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
}

/// An "any one of" requirement: mentions any one of which satisfies it.
///
/// ```
/// let p = atscore::posting::read("Requirements:\n- Python, Java, or Node.js\n")?;
/// let names: Vec<&str> = p.groups[0].members.iter().map(|&m| p.mentions[m].text.as_str()).collect();
/// assert_eq!(names, ["Python", "Java", "Node.js"]);
/// # Ok::<(), atscore::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// Indices into [`Posting::mentions`], in posting order.
    pub members: Vec<usize>,
    /// Tier of the group.
    pub tier: Tier,
}

/// A job posting, read: its title, lines and sections, skill mentions,
/// groups and requirements.
///
/// ```
/// let p = atscore::posting::read("Registered Nurse\nRequirements:\n- Current RN license\n- BLS certification\n- 2 years of experience in patient care\n")?;
/// assert_eq!(p.title.as_deref(), Some("Registered Nurse"));
/// assert_eq!(p.requirements.years.as_ref().map(|y| y.min), Some(2));
/// assert!(p.mentions.iter().any(|m| m.text == "patient care"));
/// # Ok::<(), atscore::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Posting {
    text: String,
    /// The job title, when the posting states one.
    pub title: Option<String>,
    /// Lines with their sections.
    pub lines: Vec<Line>,
    /// Skill mentions in posting order.
    pub mentions: Vec<Mention>,
    /// "Any one of" groups.
    pub groups: Vec<Group>,
    /// Requirements beyond keywords.
    pub requirements: Requirements,
    /// Names the posting gives its employer (never keywords).
    pub employer: Vec<String>,
    /// What may be wrong with the input ("no skills found: is this a job
    /// description?", "this looks like a resume").
    pub warnings: Vec<String>,
}

impl Posting {
    /// The text that was read (HTML is read as its text).
    ///
    /// ```
    /// let p = atscore::posting::read("<p>We need <b>Python</b> skills.</p>")?;
    /// assert_eq!(p.text().trim(), "We need Python skills.");
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// Read a job posting.
///
/// Errors: [`Error::InputTooLarge`] above [`MAX_POSTING_BYTES`];
/// [`Error::InvalidRole`] (field `posting`) for an empty posting or one that
/// is not text. A posting in which no skill is found is read, with a warning.
///
/// ```
/// let p = atscore::posting::read("Fun team, free lunch.")?;
/// assert!(p.mentions.is_empty() && !p.warnings.is_empty());
/// assert!(atscore::posting::read("  \n").is_err());
/// # Ok::<(), atscore::Error>(())
/// ```
pub fn read(text: &str) -> Result<Posting> {
    if text.len() > MAX_POSTING_BYTES {
        return Err(Error::InputTooLarge {
            len: text.len(),
            limit: MAX_POSTING_BYTES,
        });
    }
    if text.trim().is_empty() {
        return Err(Error::role("posting", "the job posting is empty"));
    }
    if !data::data_loaded() {
        return Err(data::missing());
    }
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if controls * 20 > text.chars().count().max(1) {
        return Err(Error::role(
            "posting",
            "the job posting is not text (it has many control characters): paste the posting's text",
        ));
    }
    let owned = if looks_like_html(text) {
        html_to_text(text)
    } else {
        text.to_string()
    };
    Ok(read::read_text(join_hyphenated(owned)))
}

/// The education level a line names ("BSc in Computer Science", "Master of
/// Arts", "PhD"), read as the posting reader reads a posting's education.
///
/// ```
/// use atscore::{posting::education_level, EducationLevel};
/// assert_eq!(education_level("B.Tech in Computer Science, 2014"), Some(EducationLevel::Bachelor));
/// assert_eq!(education_level("MBA, Wharton"), Some(EducationLevel::Master));
/// assert_eq!(education_level("Built a 360 degree view"), None);
/// ```
pub fn education_level(line: &str) -> Option<crate::roles::EducationLevel> {
    requirements::education_level(&line.to_ascii_lowercase())
}

/// Read a job posting from a file's bytes: a PDF, a DOCX or UTF-8 text, told
/// by its content ([`crate::file::extract`] with the default limits), then
/// [`read`].
///
/// ```
/// let p = atscore::posting::read_bytes(b"Requirements:\n- Kubernetes\n")?;
/// assert_eq!(p.mentions[0].text, "Kubernetes");
/// assert!(atscore::posting::read_bytes(b"%PDF-1.4 broken").is_err());
/// # Ok::<(), atscore::Error>(())
/// ```
pub fn read_bytes(bytes: &[u8]) -> Result<Posting> {
    let extracted = crate::file::extract(bytes, None, &crate::file::FileOptions::default())?;
    read(&extracted.text)
}

/// The skills a job posting names, with their tiers; empty for input that
/// [`read`] rejects.
///
/// Ambiguous short names (`Go`, `R`, `Excel`) count only when written with
/// their capital letter and as a clear mention: in a list, next to another
/// skill, or with a cue word ("Go programming", "experience in R").
///
/// ```
/// use atscore::Tier;
/// let jd = "Required: Python and SQL.\nBonus: experience with Go.\nYou will go the extra mile.";
/// let found = atscore::posting::extract(jd);
/// let names: Vec<(&str, Tier)> = found.iter().map(|m| (m.text.as_str(), m.tier)).collect();
/// assert_eq!(names, [("Python", Tier::MustHave), ("SQL", Tier::MustHave), ("Go", Tier::Bonus)]);
/// ```
pub fn extract(text: &str) -> Vec<Mention> {
    read(text).map(|p| p.mentions).unwrap_or_default()
}

/// Words hyphenated across a line break, as a PDF lays them out ("Angu-⏎
/// lar.js", "recon-⏎ciliation"), written whole on the first line: the rest
/// of the word moves up, so every line keeps its number. Only a hyphen
/// after two letters, at the end of a line, before a lowercase letter.
///
/// ```text
/// "or Angu-\nlar.js, and more" -> "or Angular.js\n, and more"
/// ```
fn join_hyphenated(text: String) -> String {
    if !text.contains("-\n") && !text.contains("-\r\n") {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    // bytes of this line that the line before took
    let mut taken = 0;
    let mut lines = text.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        let full = line.trim_end_matches(['\n', '\r']);
        let eol = &line[full.len()..];
        let body = &full[taken.min(full.len())..];
        taken = 0;
        let stem = body.strip_suffix('-').filter(|s| {
            let mut c = s.chars().rev();
            c.next().is_some_and(char::is_alphabetic) && c.next().is_some_and(char::is_alphabetic)
        });
        // the rest of the word: the next line's first word, if lowercase
        let rest = lines.peek().and_then(|n| {
            let n = n.trim_end_matches(['\n', '\r']);
            let lead = n.len() - n.trim_start().len();
            let t = &n[lead..];
            let end = t
                .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')' | ':'))
                .unwrap_or(t.len());
            let w = t[..end].strip_suffix('.').unwrap_or(&t[..end]);
            w.starts_with(|c: char| c.is_lowercase())
                .then_some((lead, w))
        });
        match (stem, rest) {
            (Some(stem), Some((lead, w))) => {
                out.push_str(stem);
                out.push_str(w);
                taken = lead + w.len();
            }
            _ => out.push_str(body),
        }
        out.push_str(eol);
    }
    out
}

/// The least tagger confidence for a phrase the lexicon does not know.
const TAGGER_MIN_SCORE: f32 = 0.7;

/// A tagged phrase trimmed of lead words ("strong knowledge of"), if what
/// is left can be a keyword: one to four words, not a common word alone.
fn tagged_phrase(text: &str, span: Span) -> Option<Span> {
    let t = &text[span.range()];
    let (mut a, b) = trim_item(t, 0, t.len());
    if a >= b {
        return None;
    }
    // a duty's verb the tagger took in ("Conduct design reviews", "repair
    // electrical systems"): the phrase is what it acts on
    if let Some(rest) = after_duty_verb(text, Span::new(span.start + a, span.start + b)) {
        a = rest.start - span.start;
    }
    let item = &t[a..b];
    let words = item.split_whitespace().count();
    if !(1..=4).contains(&words) || !clean_term(item) || never_a_keyword(item).is_some() {
        return None;
    }
    // a list the tagger read as one phrase: its items are found one by one
    let lower = item.to_ascii_lowercase();
    if item.contains([',', ';', '|', '&', '*', ':'])
        || lower.contains(" and ")
        || lower.contains(" or ")
        || (item.contains('/') && !shaped(item))
    {
        return None;
    }
    if words == 1 && (guards::is_common_word(item) || lists::lead_word(item)) && !shaped(item) {
        return None;
    }
    // a kind of thing without its kind word ("front-end" of "front-end
    // frameworks"): a qualifier, unless the lexicon knows it as a name
    if words == 1
        && b < t.trim_end().len()
        && !item.contains(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !lexicon::is_form(item)
    {
        return None;
    }
    if item.split_whitespace().all(|w| {
        PHRASE_STOP.contains(&w.to_ascii_lowercase().as_str())
            || guards::is_common_word(w) && words == 1
    }) {
        return None;
    }
    Some(Span::new(span.start + a, span.start + b))
}

/// What a phrase that opens with a duty's verb names once the verb is gone
/// ("Conduct design reviews" -> "design reviews", "Process RFIs" ->
/// "RFIs"), trimmed of lead words that name no kind ("Perform necessary
/// analysis" -> "analysis"): where the verb opens its line, follows "Install,
/// maintain and", or follows to/will. `None`: the phrase keeps its first
/// word (no verb, an -ing form, a lexicon term, or one word).
pub(super) fn after_duty_verb(text: &str, span: Span) -> Option<Span> {
    let t = &text[span.range()];
    let (first, rest) = t.split_once(' ')?;
    let lower = first.to_ascii_lowercase();
    let noun_too = verb(&lower)?;
    // a verb that is as often a noun, before an action's name, is that
    // noun ("Invoice validation"; "Process RFIs" is a duty)
    let next = rest
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let action = ["tion", "sion", "ment", "ance", "ence", "ing"]
        .iter()
        .any(|e| next.len() > e.len() + 2 && next.ends_with(e));
    if lower.ends_with("ing")
        || (noun_too && action)
        || lexicon::is_form(t)
        || !(opens_its_line(text, span.start)
            || after_verbs(&text[..span.start])
            || (!noun_too && after_to(&text[..span.start])))
    {
        return None;
    }
    // (empty where nothing is left)
    let (a, b) = trim_item(t, t.len() - rest.trim_start().len(), t.len());
    Some(Span::new(span.start + a.min(b), span.start + b))
}

/// Whether a word is a verb, and whether it is as often a noun: a verb with
/// a nominalization ("repair", "design") or a verb that only introduces the
/// work ("conduct", "perform").
fn verb(lower: &str) -> Option<bool> {
    const LIGHT: &[(&str, bool)] = &[
        ("achieve", false),
        ("apply", false),
        ("conduct", true),
        ("employ", false),
        ("ensure", false),
        ("exceed", false),
        ("execute", false),
        ("perform", false),
        ("provide", false),
        ("undertake", false),
        ("utilize", false),
    ];
    nominal::verb_of(lower)
        .map(|v| v.1)
        .or_else(|| LIGHT.iter().find(|l| l.0 == lower).map(|l| l.1))
}

/// Whether text ends with a verb and a conjunction ("Install, maintain
/// and "): the next word is a verb of the same duty.
fn after_verbs(before: &str) -> bool {
    let mut words = before
        .rsplit(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    matches!(words.next(), Some("and" | "or"))
        && words
            .next()
            .is_some_and(|w| verb(&w.to_ascii_lowercase()).is_some_and(|noun_too| !noun_too))
}

/// Whether text ends with "to" or "will": the next word is a verb.
fn after_to(before: &str) -> bool {
    matches!(
        before
            .split_whitespace()
            .next_back()
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("to" | "will")
    )
}

/// Whether the word at byte `at` is the first of its line, after any
/// bullet.
/// Reads back only to the first other character, so a long line costs no
/// more than a short one.
fn opens_its_line(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .rev()
        .take_while(|&c| c != '\n')
        .all(|c| c.is_whitespace() || matches!(c, '-' | '*' | '•' | '·' | '–' | '—' | '+' | '>'))
}

/// Which candidate covers each byte of a posting (0: none, else index + 1).
struct Taken {
    owner: Vec<u32>,
}

impl Taken {
    fn new(len: usize) -> Taken {
        Taken {
            owner: vec![0; len],
        }
    }

    fn overlaps(&self, s: Span) -> bool {
        self.owner[s.range()].iter().any(|&o| o != 0)
    }

    /// Whether a candidate that begins before `s` covers its first byte.
    fn starts_before(&self, s: Span, cands: &[Candidate]) -> bool {
        match self.owner.get(s.start) {
            Some(&o) if o != 0 => cands[o as usize - 1].span.start < s.start,
            _ => false,
        }
    }

    /// The candidates covering bytes of `s`, in order.
    fn inside(&self, s: Span) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for &o in &self.owner[s.range()] {
            if o != 0 && out.last() != Some(&(o as usize - 1)) {
                out.push(o as usize - 1);
            }
        }
        out
    }

    fn take(&mut self, s: Span, i: usize) {
        self.owner[s.range()].fill(i as u32 + 1);
    }

    fn free(&mut self, s: Span, i: usize) {
        for o in &mut self.owner[s.range()] {
            if *o == i as u32 + 1 {
                *o = 0;
            }
        }
    }
}

/// A candidate keyword before tiers and groups.
#[derive(Debug, Clone)]
struct Candidate {
    span: Span,
    skill: Option<usize>,
    soft: bool,
    source: Source,
    /// The soft-skill vocabulary's name, for [`Source::Soft`].
    soft_name: Option<&'static str>,
    /// For [`Source::Nominal`]: the skill in a resume's words.
    term: Option<String>,
}

/// Capitalized abbreviations that are not skills.
pub(super) const CAPS_STOP: &[&str] = &[
    "I", "A", "AN", "THE", "AND", "OR", "TO", "OF", "FOR", "IN", "ON", "AT", "BY", "WITH", "US",
    "USA", "UK", "EU", "OK", "CEO", "CTO", "CFO", "COO", "CIO", "VP", "SVP", "EVP", "HR", "IT",
    "BS", "MS", "BA", "MA", "BSC", "MSC", "PHD", "MBA", "BE", "ME", "GED", "FAQ", "EEO", "EOE",
    "ADA", "PTO", "CV", "ASAP", "TBD", "AM", "PM", "LLC", "INC", "LTD", "GMBH", "NYC", "DC", "NA",
    "N/A", "FTE", "YOE", "ETC", "NOTE", "NB", "WE", "YOU", "OUR", "NEW", "JOB", "ROLE", "KEY",
    "TEAM", "FULL", "TIME", "M/F/D", "AG", "SA", "SE", "CO", "AB", "ID", "EST", "PST", "CET",
    "UTC", "GMT", "DOE", "YES", "NO", "COVID", "USD", "EUR", "GBP", "INR", "DKK", "SEK", "NOK",
    "CHF", "TITLE", "AGENCY", "SALARY", "LOCATION", "DATE", "DUTIES", "SUMMARY", "R&D", "COVID-19",
];

/// For each line, the text range of the block it belongs to: the line and
/// the lines wrapped onto it, from the content of its first line to the end
/// of its last. One pass each way.
fn blocks(lines: &[Line]) -> Vec<(usize, usize)> {
    let mut out = vec![(0, 0); lines.len()];
    let mut start = 0;
    for (i, l) in lines.iter().enumerate() {
        if !l.wrapped || i == 0 {
            start = l.content;
        }
        out[i].0 = start;
    }
    let mut end = 0;
    for (i, l) in lines.iter().enumerate().rev() {
        if i + 1 >= lines.len() || !lines[i + 1].wrapped {
            end = l.end;
        }
        out[i].1 = end;
    }
    out
}

/// The sentences of every block of a posting, in text order, found once.
pub(super) struct Sentences(Vec<(usize, usize)>);

impl Sentences {
    fn new(text: &str, lines: &[Line], blocks: &[(usize, usize)]) -> Sentences {
        let mut v = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            if !l.wrapped || i == 0 {
                let (bs, be) = blocks[i];
                if bs < be {
                    v.extend(sentences(text, bs, be));
                }
            }
        }
        Sentences(v)
    }

    /// The sentence around a byte offset, or `fallback` (its block).
    fn around(&self, at: usize, fallback: (usize, usize)) -> (usize, usize) {
        let i = self.0.partition_point(|&(s, _)| s <= at);
        match i.checked_sub(1).map(|i| self.0[i]) {
            Some((s, e)) if at < e.max(s + 1) => (s, e),
            _ => fallback,
        }
    }
}

fn is_title_line(text: &str, l: &Line, first: Option<&str>, title: Option<&str>) -> bool {
    let Some(title) = title else { return false };
    let t = text[l.start..l.end].trim();
    (first == Some(t) && t.contains(title)) || t == title
}

/// Words before a skill that ask for it ("experience in", "knowledge of").
const BEFORE_CUES: &[&str] = &[
    "experience in",
    "experience with",
    "knowledge of",
    "skills in",
    "background in",
    "proficiency in",
    "expertise in",
    "proficient in",
    "degree in",
    "understanding of",
    "familiarity with",
    "experience of",
    "training in",
    "certification in",
    "responsible for",
    "in",
];

/// Whether `before` ends with the whole words `cue`.
fn cued_by(before: &str, cue: &str) -> bool {
    before.ends_with(cue)
        && (before.len() == cue.len() || before[..before.len() - cue.len()].ends_with(' '))
}

/// The texts before a word, without the items listed before it, nearest
/// first: "experience in fundraising and" → "experience in" (the cue of
/// "fundraising and procurement" is procurement's too); "knowledge of
/// budgeting, accounting, auditing, and" → "knowledge of budgeting,
/// accounting," → ... → "knowledge of". At most eight items of up to four
/// words each are passed over, so the work per word stays bounded.
fn coordinated_before(before: &str) -> impl Iterator<Item = &str> {
    let mut at = before;
    std::iter::from_fn(move || {
        let rest = at
            .strip_suffix(" and")
            .or_else(|| at.strip_suffix(" or"))
            .or_else(|| at.strip_suffix(','))?
            .trim_end();
        let rest = rest.strip_suffix(',').unwrap_or(rest).trim_end();
        // the item listed before: up to four words of letters
        let mut cut = rest.len();
        for _ in 0..4 {
            let i = rest[..cut].rfind(' ')?;
            let word = &rest[i + 1..cut];
            if word.is_empty() || !word.chars().all(|c| c.is_alphabetic() || c == '-') {
                return None;
            }
            cut = i;
            let before_item = rest[..cut].trim_end();
            if BEFORE_CUES.iter().any(|c| cued_by(before_item, c))
                || before_item.ends_with([',', ';'])
                || before_item.ends_with(" and")
                || before_item.ends_with(" or")
            {
                at = before_item;
                return Some(at);
            }
        }
        None
    })
    .take(8)
}

/// The text after a word, without the one word coordinated with it:
/// "and procurement experience" → "experience".
fn coordinated_after(after: &str) -> &str {
    let Some(rest) = after
        .strip_prefix("and ")
        .or_else(|| after.strip_prefix("or "))
    else {
        return after;
    };
    let rest = rest.trim_start();
    match rest.find(' ') {
        Some(i) if rest[..i].chars().all(char::is_alphabetic) => rest[i..].trim_start(),
        _ => after,
    }
}

/// Whether a single word is asked for as a skill: in a list of at least
/// three short items, or with a cue ("experience in X", "X skills"); with
/// `duty`, also as the object of a duty verb opening the sentence ("Set
/// pricing").
fn skill_cue(text: &str, (ss, se): (usize, usize), span: Span, duty: bool) -> bool {
    // a window of the sentence on each side: enough for the cues, and the
    // same work whatever the sentence's length
    let sentence_start = ss;
    let from = floor_boundary(text, span.start.saturating_sub(240).max(ss));
    let to = floor_boundary(text, (span.end + 240).min(se));
    let before = text[from..span.start].to_ascii_lowercase();
    let after = text[span.end..to.max(span.end)].to_ascii_lowercase();
    let before = before.trim_end();
    let after = after.trim_start();
    let (ss, se) = (from, to.max(span.end));
    const AFTER: &[&str] = &[
        "skills",
        "skill",
        "experience",
        "knowledge",
        "background",
        "expertise",
        "techniques",
        "principles",
        "software",
        "strategies",
        "patterns",
        "concepts",
        "tasks",
    ];
    let cued_before = |before: &str| BEFORE_CUES.iter().any(|c| cued_by(before, c) && *c != "in");
    let cued_after = |after: &str| AFTER.iter().any(|c| after.starts_with(c));
    if cued_before(before)
        || cued_after(after)
        || coordinated_before(before).any(cued_before)
        || cued_after(coordinated_after(after))
    {
        return true;
    }
    // a tag line: "Technologies: docker agile selenium"
    const TAGS: &[&str] = &[
        "technologies:",
        "technology:",
        "tags:",
        "skills:",
        "stack:",
        "tech stack:",
        "tools:",
        "keywords:",
        "languages:",
        "frameworks:",
        "platforms:",
    ];
    if TAGS.iter().any(|t| {
        before
            .rfind(t)
            .is_some_and(|i| !before[i..].contains(['.', ';', '(', ')']))
    }) {
        return true;
    }
    // the object of a duty: "Set pricing to meet revenue goals", "Develop the
    // core positioning and messaging"
    const DUTY_VERBS: &[&str] = &[
        "develop",
        "define",
        "manage",
        "perform",
        "set",
        "run",
        "deliver",
        "conduct",
        "lead",
        "build",
        "create",
        "design",
        "implement",
        "maintain",
        "coordinate",
        "prepare",
        "analyze",
        "analyse",
        "plan",
        "oversee",
        "ensure",
        "write",
        "review",
        "monitor",
        "negotiate",
        "administer",
        "handle",
        "drive",
        "own",
        "execute",
        "establish",
        "organize",
        "organise",
        "process",
        "track",
        "provide",
        "support",
        "perform",
        "teach",
        "deliver",
        "supervise",
    ];
    let words: Vec<&str> = before.split_whitespace().collect();
    if let Some(first) = words.first()
        && duty
        && from == sentence_start
        && words.len() <= 6
        && DUTY_VERBS.contains(&first.trim_matches(|c: char| !c.is_alphanumeric()))
        && !before.contains([',', ';', ':'])
    {
        return true;
    }
    // in a list: separators on both sides, or a list of three or more items
    let sep_before = before.ends_with([',', ';', '/', '(', ':'])
        || before.ends_with(" and")
        || before.ends_with(" or");
    let sep_after = after.starts_with([',', ';', '/', ')'])
        || after.starts_with("and ")
        || after.starts_with("or ");
    // an item between commas: "budgeting, accounting, auditing"
    if before.ends_with([',', ';'])
        && (after.starts_with([',', ';']) || after.starts_with("and ") || after.starts_with("or "))
    {
        return true;
    }
    // ("Webinars, outreach and advocacy": the last part two items joined by
    // and/or)
    let sentence = &text[ss..se];
    let short = |p: &str| p.split_whitespace().count() <= 4;
    let (head, last) = sentence.rsplit_once(',').unwrap_or(("", sentence));
    let last_lower = last.to_ascii_lowercase();
    let last_items = match last_lower.find(" and ").or_else(|| last_lower.find(" or ")) {
        Some(i) if !last_lower[..i].trim().is_empty() => {
            usize::from(short(&last[..i])) + usize::from(short(&last[i + 4..]))
        }
        _ => usize::from(short(last)),
    };
    (sep_before || sep_after)
        && !head.is_empty()
        && head.split(',').filter(|p| short(p)).count() + last_items >= 3
}

/// An ambiguous word used as a verb: "Excel in", "Excel at" opening a
/// sentence.
fn verb_use(text: &str, start: usize, span: Span) -> bool {
    let before = text[start..span.start].trim_end();
    let opens = before.is_empty() || before.ends_with(['.', ';', ':', '•', '-', '*']);
    let next = text[span.end..]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    opens
        && matches!(next.as_str(), "in" | "at" | "with" | "as" | "to" | "on")
        && text[span.range()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

/// The lexicon skill whose ambiguous form (`Go`, `Rust`, `R`: an ordinary
/// word or one letter) `item` is, written exactly so: in a list, such a
/// form names the skill.
pub(super) fn ambiguous_form(item: &str) -> Option<usize> {
    static FORMS: std::sync::OnceLock<crate::hash::Map<&'static str, usize>> =
        std::sync::OnceLock::new();
    FORMS
        .get_or_init(|| {
            let mut m = crate::hash::Map::default();
            for (i, s) in skills().iter().enumerate() {
                for f in &s.ambiguous {
                    m.entry(*f).or_insert(i);
                }
            }
            m
        })
        .get(item)
        .copied()
}

/// Whether a candidate's text can be a keyword term: no brackets or quotes
/// (the role notation reads "Name (A/B)" as alternatives), no control
/// characters, at most 80 bytes.
fn clean_term(t: &str) -> bool {
    t.len() <= 80
        && !t.ends_with("’s")
        && !t.ends_with("'s")
        && !t.contains(['(', ')', '[', ']', '{', '}', '"', '<', '>', '“', '”', '*'])
        && !t.chars().any(char::is_control)
}

/// Degree words and fields of study belong to the education requirement,
/// and so do degrees' abbreviations ("MBA", "B.Tech", "MCA"), as words.
pub(super) fn education_words(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    const DEGREES: &[&str] = &[
        "mba", "b.tech", "btech", "m.tech", "mtech", "mca", "bca", "bba", "b.e", "m.e", "b.sc",
        "m.sc", "b.com", "m.com", "llb", "llm", "bsn", "msn", "ged",
    ];
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .any(|w| DEGREES.contains(&w.trim_end_matches('.')))
        || [
            "bachelor", "master", "degree", "diploma", "phd", "bs/ms", "ba/bs", "bsc", "msc",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// Signs that a text is a resume and few of a posting: three of a resume's
/// section headings as lines, or two with contact details at the top and a
/// dated role.
fn looks_like_resume(text: &str) -> Option<&'static str> {
    let lower = text.to_ascii_lowercase();
    let head = prefix(&lower, 600);
    // a resume's section headings, as whole lines ("EXPERIENCE", "Skills:")
    let resume_headings = [
        "summary",
        "professional summary",
        "profile",
        "objective",
        "career summary",
        "experience",
        "work experience",
        "professional experience",
        "employment history",
        "education",
        "skills",
        "technical skills",
        "projects",
        "certifications",
    ];
    let headings = lower
        .lines()
        .map(|l| l.trim().trim_end_matches(':').trim())
        .filter(|l| resume_headings.contains(l))
        .count();
    // dated roles: "03/2021 - present", "2015 – 2019"
    let dated = text
        .lines()
        .filter(|l| !crate::document::dates::ranges(l).is_empty())
        .count();
    let posting_words = [
        "requirements",
        "responsibilities",
        "qualifications",
        "we are looking",
        "you will",
        "apply",
        "we offer",
        "the ideal candidate",
        "job description",
    ];
    let p = posting_words.iter().filter(|w| lower.contains(*w)).count();
    if p > 1 {
        return None;
    }
    if headings >= 3 {
        return Some("resume section headings");
    }
    if head.contains('@') && headings >= 2 && dated >= 1 {
        return Some("contact details at the top, resume headings and dated roles");
    }
    None
}

/// Sentences of a line: split at ". ", "; ", "? ", "! " (not inside
/// abbreviations such as "e.g. " and "i.e. ").
fn sentences(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    split_sentences(text, start, end, true)
}

/// [`sentences`], or with `clauses` false not split at "; " (a list such
/// as "Async programming; Promises; Redux" stays one).
fn split_sentences(text: &str, start: usize, end: usize, clauses: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let line = &text[start..end];
    let mut from = 0;
    let b = line.as_bytes();
    let mut i = 0;
    while i + 1 < b.len() {
        let c = b[i];
        if (matches!(c, b'.' | b'?' | b'!') || (c == b';' && clauses)) && b[i + 1] == b' ' {
            let before = line[floor_boundary(line, i.saturating_sub(4))..i].to_ascii_lowercase();
            let abbrev = c == b'.'
                && (before.ends_with("e.g")
                    || before.ends_with("i.e")
                    || before.ends_with("etc")
                    || before.ends_with(" vs")
                    || before.ends_with(" dr")
                    || before.ends_with(" mr")
                    || before.ends_with(" ms"));
            let next_upper =
                line[i + 2..].starts_with(|ch: char| ch.is_uppercase() || ch.is_ascii_digit());
            if !abbrev && (c != b'.' || next_upper) {
                out.push((start + from, start + i));
                from = i + 2;
            }
        }
        i += 1;
    }
    if from < line.len() {
        out.push((start + from, end));
    }
    out
}

/// Give a build without the `posting-data` feature the posting reader's
/// data: the text of `lexicon.tsv`, the bytes of `tagger.bin`, and the
/// texts of `common-words.txt` and `places.txt` (as `wasm/build.sh` copies
/// them beside the module). Once per process: later
/// calls, and calls in a build that embeds the data, change nothing.
///
/// Errors: [`Error::InvalidOption`] (option `posting_data`) when the lexicon
/// has no entry or the tagger's weights are not a weights file.
///
/// ```
/// // in the default build the embedded data is already there
/// let tsv = "Kubernetes\t\tk8s\tht\n";
/// atscore::posting::load_data(tsv, &[], "the\nand\n", "Paris\n")
///     .expect_err("not a weights file");
/// ```
pub fn load_data(
    lexicon_tsv: &str,
    tagger_bin: &[u8],
    common_words: &str,
    places: &str,
) -> Result<()> {
    let bad = |reason: &str| Error::InvalidOption {
        option: "posting_data".to_string(),
        reason: reason.to_string(),
    };
    if parse_lexicon(lexicon_tsv).is_empty() {
        return Err(bad(
            "the lexicon has no entry: give the text of lexicon.tsv",
        ));
    }
    if !tagger::weights_are_valid(tagger_bin) {
        return Err(bad(
            "the tagger weights are not a tagger.bin file of this version",
        ));
    }
    data::store(lexicon_tsv, tagger_bin, common_words, places);
    Ok(())
}

#[cfg(test)]
mod tests;
