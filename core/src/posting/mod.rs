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
mod guards;
mod lexicon;
mod phrases;
mod read;
mod requirements;
mod soft;
mod structure;
pub mod tagger;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::roles::{Evidence, Keyword, Requirements, Role, Tier, phrase_key};
use crate::text::Span;
use crate::text::{clip_chars, floor_boundary, prefix};

pub use checklist::render_checklist;
pub use data::data_loaded;
pub use guards::{is_place, never_a_keyword};
pub(crate) use lexicon::skill_with_form;
pub use lexicon::{LexSkill, compile_lexicon, parse_lexicon, skill_named, skills};
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
    requirements::education(line, &line.to_ascii_lowercase(), "").map(|e| e.level)
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

fn looks_like_html(text: &str) -> bool {
    let lower = prefix(text, 4096).to_ascii_lowercase();
    let tags = [
        "<p>", "<p ", "<div", "<li>", "<li ", "<br", "<ul", "<html", "<span", "<h1", "<h2", "<h3",
        "<strong>", "<b>",
    ];
    tags.iter().filter(|t| lower.contains(*t)).count() >= 1 && lower.matches('<').count() >= 2
}

/// The text of an HTML page: tags dropped (block tags end a line), scripts
/// and styles dropped, the common entities decoded. Linear in the input.
fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_decoded(&mut out, &rest[..lt]);
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else {
            push_decoded(&mut out, &rest[lt..]);
            rest = "";
            break;
        };
        let tag = after[..gt].trim_start_matches('/').to_ascii_lowercase();
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        rest = &after[gt + 1..];
        if name == "script" || name == "style" {
            // to the closing tag, whatever its case, in one scan
            let close = rest.match_indices("</").find(|(i, _)| {
                rest[i + 2..]
                    .get(..name.len())
                    .is_some_and(|n| n.eq_ignore_ascii_case(&name))
            });
            match close {
                Some((i, _)) => {
                    rest = &rest[i..];
                    if let Some(g) = rest.find('>') {
                        rest = &rest[g + 1..];
                    }
                }
                None => rest = "",
            }
            continue;
        }
        let block = matches!(
            name.as_str(),
            "p" | "div"
                | "br"
                | "li"
                | "ul"
                | "ol"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "tr"
                | "table"
                | "section"
                | "article"
                | "header"
                | "footer"
                | "dt"
                | "dd"
        );
        if block && !out.ends_with('\n') {
            out.push('\n');
        }
        if name == "li" && !after.starts_with('/') {
            out.push_str("- ");
        }
    }
    push_decoded(&mut out, rest);
    out
}

fn push_decoded(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let known = [
            ("&amp;", "&"),
            ("&lt;", "<"),
            ("&gt;", ">"),
            ("&quot;", "\""),
            ("&#39;", "'"),
            ("&apos;", "'"),
            ("&nbsp;", " "),
            ("&rsquo;", "’"),
            ("&ndash;", "–"),
            ("&mdash;", "—"),
            ("&bull;", "•"),
        ];
        match known.iter().find(|(e, _)| after.starts_with(e)) {
            Some((e, r)) => {
                out.push_str(r);
                rest = &after[e.len()..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
}

/// The least tagger confidence for a phrase the lexicon does not know.
const TAGGER_MIN_SCORE: f32 = 0.7;

/// A tagged phrase trimmed of lead words ("strong knowledge of"), if what
/// is left can be a keyword: one to four words, not a common word alone.
fn tagged_phrase(text: &str, span: Span) -> Option<Span> {
    let t = &text[span.range()];
    let (a, b) = trim_item(t, 0, t.len());
    if a >= b {
        return None;
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
    if words == 1 && guards::is_common_word(item) && !shaped(item) {
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
}

/// Words of a lowercase sentence that open an "any one of" list.
const GROUP_CUES: &[&str] = &[
    "one of",
    "at least one",
    "one or more",
    "any of",
    "either",
    "or similar",
    "or equivalent",
    "or comparable",
];

/// Capitalized abbreviations that are not skills.
const CAPS_STOP: &[&str] = &[
    "I", "A", "AN", "THE", "AND", "OR", "TO", "OF", "FOR", "IN", "ON", "AT", "BY", "WITH", "US",
    "USA", "UK", "EU", "OK", "CEO", "CTO", "CFO", "COO", "CIO", "VP", "SVP", "EVP", "HR", "IT",
    "BS", "MS", "BA", "MA", "BSC", "MSC", "PHD", "MBA", "BE", "ME", "GED", "FAQ", "EEO", "EOE",
    "ADA", "PTO", "CV", "ASAP", "TBD", "AM", "PM", "LLC", "INC", "LTD", "GMBH", "NYC", "DC", "NA",
    "N/A", "FTE", "YOE", "ETC", "NOTE", "NB", "WE", "YOU", "OUR", "NEW", "JOB", "ROLE", "KEY",
    "TEAM", "FULL", "TIME", "M/F/D", "AG", "SA", "SE", "CO", "AB", "ID", "EST", "PST", "CET",
    "UTC", "GMT", "DOE", "YES", "NO", "COVID", "USD", "EUR", "GBP", "INR", "DKK", "SEK", "NOK",
    "CHF", "TITLE", "AGENCY", "SALARY", "LOCATION", "DATE", "DUTIES", "SUMMARY",
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
struct Sentences(Vec<(usize, usize)>);

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

/// Whether a single word is asked for as a skill: in a list of at least
/// three short items, or with a cue ("experience in X", "X skills").
fn skill_cue(text: &str, (ss, se): (usize, usize), span: Span) -> bool {
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
    const BEFORE: &[&str] = &[
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
        "in",
    ];
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
    ];
    if BEFORE.iter().any(|c| {
        before.ends_with(c)
            && (before.len() == c.len() || before[..before.len() - c.len()].ends_with(' '))
            && *c != "in"
    }) || AFTER.iter().any(|c| after.starts_with(c))
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
    let sentence = &text[ss..se];
    (sep_before || sep_after)
        && sentence.matches(',').count() >= 2
        && sentence
            .split(',')
            .filter(|p| p.split_whitespace().count() <= 4)
            .count()
            >= 3
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
fn ambiguous_form(item: &str) -> Option<usize> {
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

/// Degree words and fields of study belong to the education requirement.
fn education_words(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    [
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

/// Words that qualify an item of a list without being part of the skill.
const LEADS: &[&str] = &[
    "and",
    "or",
    "a",
    "an",
    "the",
    "etc",
    "strong",
    "excellent",
    "good",
    "solid",
    "proven",
    "basic",
    "advanced",
    "working",
    "hands-on",
    "deep",
    "modern",
    "popular",
    "common",
    "relevant",
    "other",
    "some",
    "any",
    "experience",
    "knowledge",
    "with",
    "of",
    "in",
    "using",
    "such",
    "as",
    "like",
    "including",
    "e.g.",
    "e.g",
    "i.e.",
    "eg",
    "familiarity",
    "understanding",
    "proficiency",
    "expertise",
    "skills",
    "skill",
    "at",
    "least",
    "one",
    "more",
    "similar",
    "tools",
    "is",
    "are",
    "plus",
    "preferred",
    "required",
    "nice",
    "to",
    "have",
    "bonus",
    "also",
    "both",
    "either",
];

/// Items of the lists in a sentence: after "such as", "e.g.", "including",
/// "like", a colon, inside parentheses, or a run of at least three short
/// comma-separated parts. Only items that look like the name of a tool or
/// technology (product-like, or capitalized inside a list) are returned;
/// lowercase items are left to the lexicon.
fn list_items(text: &str, s: usize, e: usize) -> Vec<Span> {
    let sent = &text[s..e];
    let lower = sent.to_ascii_lowercase();
    let mut regions: Vec<(usize, usize)> = Vec::new();
    // parentheses
    let mut from = 0;
    while let Some(o) = sent[from..].find('(') {
        let o = from + o;
        match sent[o..].find(')') {
            Some(c) => {
                regions.push((o + 1, o + c));
                from = o + c;
            }
            None => {
                regions.push((o + 1, sent.len()));
                break;
            }
        }
    }
    for trig in [
        "such as ",
        "e.g. ",
        "e.g ",
        "eg. ",
        "including ",
        "like ",
        "i.e. ",
        "for example ",
        ": ",
        "one of ",
        "any of ",
        "either ",
    ] {
        for (i, _) in lower.match_indices(trig) {
            let st = i + trig.len();
            // a list after "such as" ends at a bracket, and within 300 bytes
            let cap = floor_boundary(sent, (st + 300).min(sent.len()));
            let en = sent[st..cap].find([')', '(']).map_or(cap, |j| st + j);
            regions.push((st, en));
        }
    }
    // "Linux/Unix": a slash between two names
    let mut at = 0;
    for w in sent.split_whitespace() {
        let i = at + sent[at..].find(w).unwrap_or(0);
        at = i + w.len();
        if w.contains('/') && !w.starts_with('/') && !w.ends_with('/') {
            regions.push((i, i + w.trim_end_matches([',', '.', ';', ')']).len()));
        }
    }
    // a comma list over the whole sentence
    if sent.matches([',', ';']).count() >= 2 {
        regions.push((0, sent.len()));
    }
    let mut out = Vec::new();
    for (rs, re) in regions {
        let region = &sent[rs..re];
        let parts = split_items(region);
        let short = parts
            .iter()
            .filter(|(a, b)| region[*a..*b].split_whitespace().count() <= 4)
            .count();
        if parts.len() < 2 && !(re - rs < 40 && parts.len() == 1 && rs > 0) {
            continue;
        }
        if parts.len() >= 2 && short * 2 < parts.len() {
            continue; // a sentence with commas, not a list
        }
        // whether one item is surely a tool or a skill (product-shaped, or in
        // the lexicon): then a lowercase word paired with it by a slash is
        // one too ("jest/enzyme")
        let sure = parts.iter().any(|&(a, b)| {
            let (a, b) = trim_item(region, a, b);
            a < b && {
                let item = &region[a..b];
                item.split_whitespace().any(shaped) || lexicon::is_form(item)
            }
        });
        for (a, b) in parts {
            let (a, b) = trim_item(region, a, b);
            if a >= b {
                continue;
            }
            let item = &region[a..b];
            let words = item.split_whitespace().count();
            if words == 0 || words > 4 || item.len() < 2 {
                continue;
            }
            // a label ("TITLE:**"), a lead word alone ("e.g"), shouting
            let lower = item.to_ascii_lowercase();
            if item.contains(':')
                || LEADS.contains(&lower.as_str())
                || (words >= 2
                    && item
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(|c| c.is_uppercase()))
            {
                continue;
            }
            // "jest/enzyme": in a slash pair with a sure member, a word that
            // is no common one names a tool too
            let slash_pair = !region.contains(char::is_whitespace)
                && words == 1
                && item.len() >= 3
                && !guards::is_common_word(item);
            if item_is_named(item) || ambiguous_form(item).is_some() || (sure && slash_pair) {
                out.push(Span::new(s + rs + a, s + rs + b));
            }
        }
    }
    out.sort_by_key(|sp| (sp.start, sp.end));
    out.dedup();
    out
}

/// Split a list region into item ranges at ",", ";", "/", " and ", " or ",
/// " & ", "and/or".
fn split_items(region: &str) -> Vec<(usize, usize)> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let lower = region.to_ascii_lowercase();
    for sep in [
        " and/or ", " and ", " or ", " & ", ", ", ",", "; ", " / ", " | ", "(", ")",
    ] {
        for (i, _) in lower.match_indices(sep) {
            cuts.push((i, i + sep.len()));
        }
    }
    // a slash between two words that are not one token (CI/CD, TCP/IP stay)
    for (i, _) in region.match_indices('/') {
        let before = region[..i]
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let after = region[i + 1..]
            .split(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let one_token = before.len() <= 3
            && after.len() <= 3
            && before.chars().all(|c| c.is_ascii_uppercase())
            && after.chars().all(|c| c.is_ascii_uppercase());
        if !one_token {
            cuts.push((i, i + 1));
        }
    }
    cuts.sort();
    let mut out = Vec::new();
    let mut at = 0;
    for (a, b) in cuts {
        if a < at {
            continue;
        }
        out.push((at, a));
        at = b;
    }
    out.push((at, region.len()));
    out.retain(|(a, b)| !region[*a..*b].trim().is_empty());
    out
}

fn trim_item(region: &str, mut a: usize, mut b: usize) -> (usize, usize) {
    let strip: &[char] = &[
        ' ', '\t', '.', ',', ';', ':', '"', '\'', '“', '”', '(', ')', '*', '-', '•',
    ];
    loop {
        let item = &region[a..b];
        let t = item.trim_start_matches(|c: char| strip.contains(&c) || c.is_whitespace());
        a += item.len() - t.len();
        let item = &region[a..b];
        let t = item.trim_end_matches(|c: char| strip.contains(&c) || c.is_whitespace());
        b = a + t.len();
        let item = &region[a..b];
        let first = item.split_whitespace().next().unwrap_or("");
        if !first.is_empty()
            && first.len() < item.len()
            && LEADS.contains(&first.to_ascii_lowercase().as_str())
            && !first.starts_with(|c: char| {
                c.is_uppercase()
                    && first.len() > 1
                    && first.chars().skip(1).any(|c| c.is_uppercase())
            })
        {
            a += first.len();
            continue;
        }
        let last = item.split_whitespace().next_back().unwrap_or("");
        if !last.is_empty()
            && last.len() < item.len()
            && matches!(
                last.to_ascii_lowercase().as_str(),
                "etc"
                    | "etc."
                    | "and"
                    | "or"
                    | "experience"
                    | "skills"
                    | "knowledge"
                    | "preferred"
                    | "required"
                    | "is"
                    | "a"
                    | "plus"
                    | "technologies"
                    | "technology"
                    | "tools"
                    | "frameworks"
                    | "framework"
                    | "platforms"
                    | "platform"
                    | "languages"
                    | "concepts"
                    | "principles"
                    | "libraries"
                    | "stack"
                    | "environment"
                    | "environments"
                    | "products"
                    | "suite"
            )
        {
            b -= last.len();
            continue;
        }
        if item.eq_ignore_ascii_case("etc") {
            return (a, a);
        }
        return (a, b);
    }
}

/// Whether a list item looks like the name of a tool, product or method:
/// product-shaped, or every word capitalized (`Spring MVC`, `Wicket`).
fn item_is_named(item: &str) -> bool {
    if item.contains('<') || never_a_keyword(item).is_some() {
        return false;
    }
    let words: Vec<&str> = item.split_whitespace().collect();
    let small = |w: &str| matches!(w, "of" | "and" | "for" | "the" | "de" | "in" | "&");
    if words.iter().any(|w| shaped(w)) {
        // "SoC manufacturers" is a product and a word: the Shape source
        // takes the product alone
        return words
            .iter()
            .all(|w| shaped(w) || w.starts_with(|c: char| c.is_uppercase()) || small(w));
    }
    words
        .iter()
        .all(|w| w.starts_with(|c: char| c.is_uppercase()) || small(w))
        && words[0].starts_with(|c: char| c.is_uppercase())
        // "Invoice", "Remarks": ordinary words written with a capital
        && !words.iter().all(|w| small(w) || guards::is_common_word(w))
}

/// A word shaped like a product name: `JavaScript`, `iOS`, `Node.js`,
/// `HTML5`, `C++`, `C#`, `.NET`, `JPA`, `MRDs`.
fn shaped(w: &str) -> bool {
    let w = trim_word(w);
    // a plain lowercase word, or one capital then lowercase: the common case
    let mut chars = w.chars();
    if chars.next().is_some_and(char::is_alphabetic) && chars.all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 || w.len() > 30 {
        return false;
    }
    let body: &str = w
        .strip_suffix('s')
        .filter(|b| b.len() >= 2 && b.chars().all(|c| c.is_ascii_uppercase()))
        .unwrap_or(w);
    // CamelCase (JavaScript, iOS), not two words glued by a lost space
    // ("contactIf")
    let upper_after_first = w.chars().skip(1).any(|c| c.is_uppercase())
        && w.chars().any(|c| c.is_lowercase())
        && !glued_words(w);
    let body_letters = body.chars().filter(|c| c.is_alphabetic()).count();
    let caps = body
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase())
        && (2..=6).contains(&body_letters);
    let mixed_digits = w.chars().any(|c| c.is_ascii_digit())
        && w.chars().next().is_some_and(|c| c.is_alphabetic())
        && !w.contains(['/', '-']);
    let tech_punct = (w.contains('.')
        && !w.ends_with('.')
        && w.chars().filter(|c| *c == '.').count() == 1
        && w.split('.').all(|p| !p.is_empty() || w.starts_with('.')))
        || w.ends_with("++")
        || (w.ends_with('#') && w.len() <= 3);
    if !(upper_after_first || caps || mixed_digits || tech_punct) {
        return false;
    }
    let lower = w.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "e.g" | "i.e" | "etc" | "a-z" | "e.g." | "i.e."
    ) {
        return false;
    }
    // a job or reference number: IRC11980
    if w.chars().filter(|c| c.is_ascii_digit()).count() >= 4 {
        return false;
    }
    !(CAPS_STOP.contains(&body) || CAPS_STOP.contains(&w))
}

/// Characters trimmed from the ends of a word: all but letters, digits and
/// the tech marks `+`, `#` and a leading `.` (`.NET`).
fn trim_word(w: &str) -> &str {
    let w = w.trim_start_matches(|c: char| !(c.is_alphanumeric() || c == '.'));
    let w = w.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '+' || c == '#'));
    if w.starts_with('.') && !w[1..].starts_with(|c: char| c.is_alphabetic()) {
        return w.trim_start_matches('.');
    }
    w
}

/// Two words run together by a lost space: a lowercase word of four or more
/// letters, then a capitalized one ("contactIf", "servicesWe").
fn glued_words(w: &str) -> bool {
    let Some(i) = w
        .char_indices()
        .skip(1)
        .find(|(_, c)| c.is_uppercase())
        .map(|(i, _)| i)
    else {
        return false;
    };
    let (a, b) = w.split_at(i);
    a.len() >= 4
        && a.chars().all(|c| c.is_lowercase())
        && b.chars().skip(1).all(|c| c.is_lowercase())
        && b.len() >= 2
}

/// Product-like words of a sentence that the lexicon may not know.
fn shaped_words(text: &str, s: usize, e: usize) -> Vec<Span> {
    let sent = &text[s..e];
    // an all-capitals sentence is shouting, not acronyms
    let words = sent.split_whitespace().count();
    let caps = sent
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase))
        .count();
    if words >= 4 && caps * 10 > words * 6 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut at = 0;
    for w in sent.split_whitespace() {
        let i = at + sent[at..].find(w).unwrap_or(0);
        at = i + w.len();
        let t = trim_word(w);
        if t.is_empty() || t.contains('<') || t.contains("://") || t.contains('@') {
            continue;
        }
        if shaped(t) && !education_words(t) {
            let off = i + w.find(t).unwrap_or(0);
            out.push(Span::new(s + off, s + off + t.len()));
        }
    }
    out
}

/// Words that end a skill phrase ("pricing analysis", "budget management").
const HEADS: &[&str] = &[
    "demos",
    "demonstrations",
    "roadmap",
    "roadmaps",
    "positioning",
    "messaging",
    "launch",
    "launches",
    "programs",
    "management",
    "development",
    "analysis",
    "analytics",
    "design",
    "planning",
    "architecture",
    "programming",
    "optimization",
    "optimisation",
    "accounting",
    "security",
    "reconciliation",
    "compliance",
    "training",
    "reporting",
    "testing",
    "validation",
    "administration",
    "coordination",
    "evaluation",
    "improvement",
    "audit",
    "auditing",
    "controls",
    "oversight",
    "modeling",
    "modelling",
    "visualization",
    "visualisation",
    "deployment",
    "documentation",
    "strategy",
    "engineering",
    "procurement",
    "budgeting",
    "forecasting",
    "scheduling",
    "maintenance",
    "integration",
    "automation",
    "monitoring",
    "research",
    "marketing",
    "negotiation",
    "recruitment",
    "recruiting",
    "onboarding",
    "operations",
    "care",
    "therapy",
    "teaching",
    "instruction",
    "writing",
    "editing",
    "assessment",
    "inspection",
    "installation",
    "troubleshooting",
    "processing",
    "billing",
    "invoicing",
    "bookkeeping",
    "payroll",
    "governance",
    "implementation",
    "migration",
    "tuning",
    "configuration",
    "law",
    "science",
    "enablement",
    "engagement",
    "selling",
    "sales",
    "relations",
    "modeling",
    "mapping",
    "sourcing",
    "outreach",
    "fundraising",
    "advocacy",
    "supervision",
    "counseling",
    "counselling",
    "consulting",
    "delivery",
    "prevention",
    "control",
    "estimation",
    "measurement",
    "verification",
    "calibration",
    "fabrication",
    "manufacturing",
    "logistics",
];

/// Words that never start or extend a skill phrase: determiners,
/// prepositions, pronouns, common verbs and evaluative adjectives.
const PHRASE_STOP: &[&str] = &[
    "cum",
    "interpret",
    "categorize",
    "categorise",
    "revise",
    "revised",
    "mandate",
    "mandated",
    "require",
    "apply",
    "enable",
    "match",
    "reconcile",
    "compile",
    "submit",
    "gather",
    "collect",
    "produce",
    "determine",
    "verify",
    "validate",
    "approve",
    "resolve",
    "present",
    "calculate",
    "estimate",
    "utilize",
    "leverage",
    "complete",
    "update",
    "necessary",
    "global",
    "commercial",
    "standard",
    "specific",
    "industry-specific",
    "cross-functional",
    "senior",
    "junior",
    "general",
    "end",
    "side",
    "based",
    "level",
    "style",
    "type",
    "via",
    "mid-level",
    "entry-level",
    "senior-level",
    "post-release",
    "span",
    "core",
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "our",
    "your",
    "their",
    "its",
    "his",
    "her",
    "all",
    "any",
    "some",
    "other",
    "each",
    "every",
    "both",
    "and",
    "or",
    "of",
    "in",
    "on",
    "at",
    "for",
    "to",
    "with",
    "by",
    "from",
    "into",
    "within",
    "across",
    "about",
    "through",
    "over",
    "under",
    "between",
    "is",
    "are",
    "be",
    "been",
    "being",
    "will",
    "would",
    "can",
    "should",
    "must",
    "may",
    "have",
    "has",
    "had",
    "we",
    "you",
    "they",
    "he",
    "she",
    "it",
    "who",
    "which",
    "what",
    "where",
    "when",
    "how",
    "not",
    "no",
    "also",
    "well",
    "more",
    "most",
    "very",
    "highly",
    "responsible",
    "required",
    "preferred",
    "plus",
    "etc",
    "manage",
    "develop",
    "ensure",
    "provide",
    "support",
    "lead",
    "drive",
    "build",
    "create",
    "define",
    "deliver",
    "perform",
    "conduct",
    "maintain",
    "implement",
    "coordinate",
    "oversee",
    "prepare",
    "review",
    "analyze",
    "analyse",
    "assist",
    "participate",
    "contribute",
    "work",
    "use",
    "using",
    "handle",
    "own",
    "set",
    "run",
    "write",
    "establish",
    "improve",
    "identify",
    "plan",
    "execute",
    "monitor",
    "track",
    "evaluate",
    "assess",
    "communicate",
    "collaborate",
    "facilitate",
    "promote",
    "help",
    "including",
    "such",
    "like",
    "as",
    "experience",
    "knowledge",
    "skills",
    "skill",
    "ability",
    "understanding",
    "proficiency",
    "expertise",
    "background",
    "familiarity",
    "strong",
    "excellent",
    "good",
    "solid",
    "proven",
    "deep",
    "broad",
    "extensive",
    "basic",
    "advanced",
    "effective",
    "efficient",
    "overall",
    "annual",
    "daily",
    "weekly",
    "monthly",
    "key",
    "various",
    "relevant",
    "new",
    "current",
    "future",
    "existing",
    "complex",
    "large",
    "small",
    "high",
    "low",
    "best",
    "better",
    "great",
    "outstanding",
    "successful",
    "professional",
    "ongoing",
    "continuous",
    "demonstrated",
    "hands-on",
    "full",
    "end-to-end",
    "day-to-day",
    "general",
    "overall",
    "proper",
    "right",
    "optimal",
    "clear",
    "clearly",
    "first",
    "second",
    "next",
    "last",
    "further",
    "additional",
    "related",
    "similar",
    "relevant",
    "specific",
    "different",
    "multiple",
    "several",
    "many",
    "few",
    "one",
    "two",
    "three",
    "years",
    "year",
    "team",
    "teams",
    "company",
    "business's",
    "career",
    "personal",
    "own",
    "whole",
    "entire",
    "core",
    "main",
    "major",
    "minor",
    "sound",
    "appropriate",
    "necessary",
    "needed",
    "required",
    "desired",
    "ideal",
    "excellent",
    "out",
    "around",
    "begin",
    "receive",
    "scale",
    "top-notch",
    "modern",
    "innovative",
    "individual",
    "minimum",
    "in-person",
    "just",
    "only",
    "even",
    "real",
    "true",
    "right",
    "fundamental",
    "robust",
    "scalable",
    "critical",
    "important",
    "essential",
    "strategic",
    "sound",
    "practical",
    "total",
    "fixed",
    "variable",
    "same",
    "own",
    "various",
];

/// Words in -ing that are nouns before a skill word ("pricing analysis",
/// "learning management"): other -ing words are verbs ("Ensuring quality").
const NOMINAL_ING: &[&str] = &[
    "pricing",
    "learning",
    "computing",
    "networking",
    "banking",
    "nursing",
    "building",
    "publishing",
    "advertising",
    "purchasing",
    "shipping",
    "staffing",
    "hiring",
    "manufacturing",
    "clearing",
    "lending",
    "housing",
    "printing",
    "packaging",
    "catering",
    "cleaning",
    "mining",
    "drilling",
    "welding",
    "casting",
    "machining",
    "coding",
    "hosting",
    "messaging",
    "streaming",
    "rendering",
    "routing",
    "caching",
    "logging",
    "tracking",
    "billing",
    "invoicing",
    "costing",
    "ticketing",
    "booking",
    "licensing",
    "branding",
    "merchandising",
    "retailing",
    "wholesaling",
    "trading",
    "underwriting",
    "fundraising",
    "marketing",
    "engineering",
    "accounting",
    "programming",
    "training",
    "testing",
    "processing",
    "planning",
    "modeling",
    "modelling",
    "forecasting",
    "budgeting",
    "scheduling",
    "monitoring",
    "reporting",
    "auditing",
    "sourcing",
    "recruiting",
    "onboarding",
    "consulting",
    "teaching",
    "writing",
    "editing",
    "counseling",
];

/// Noun phrases of a sentence that end in a skill word ([`HEADS`]), with one
/// or two words before it that are not stop words or product names: the
/// wording a resume would repeat ("pricing analysis", "inventory planning").
fn phrases(text: &str, s: usize, e: usize) -> Vec<Span> {
    let sent = &text[s..e];
    // words with their spans and whether punctuation follows them
    let mut words: Vec<(usize, usize, bool)> = Vec::new();
    let mut at = 0;
    for w in sent.split_whitespace() {
        let i = at + sent[at..].find(w).unwrap_or(0);
        at = i + w.len();
        let t = trim_word(w);
        let off = i + w.find(t).unwrap_or(0);
        let punct_after = w.len() > t.len() + (off - i);
        let punct_before = off > i;
        if let Some(last) = words.last_mut()
            && punct_before
        {
            last.2 = true;
        }
        words.push((off, off + t.len(), punct_after));
    }
    let mut out = Vec::new();
    for (k, &(hs, he, _)) in words.iter().enumerate() {
        let head = sent[hs..he].to_ascii_lowercase();
        if !HEADS.contains(&head.as_str()) {
            continue;
        }
        let mut first = k;
        while first > 0 && k - first < 2 {
            let (ws, we, punct) = words[first - 1];
            let w = &sent[ws..we];
            let lower = w.to_ascii_lowercase();
            let opens_sentence = first - 1 == 0;
            let plural = lower.len() > 3
                && lower.ends_with('s')
                && !lower.ends_with("ss")
                && !matches!(
                    lower.as_str(),
                    "sales"
                        | "operations"
                        | "systems"
                        | "services"
                        | "logistics"
                        | "analytics"
                        | "economics"
                        | "communications"
                        | "relations"
                        | "business"
                        | "statistics"
                        | "materials"
                        | "process"
                        | "networks"
                        | "electronics"
                        | "mechanics"
                        | "graphics"
                        | "robotics"
                        | "ethics"
                        | "physics"
                        | "news"
                        | "sports"
                );
            let verb_like = opens_sentence
                && (lower.ends_with("ing") || lower.ends_with("es") || lower.ends_with("ed"))
                && !HEADS.contains(&lower.as_str());
            let head_inside = HEADS.contains(&lower.as_str()) && k - first >= 1;
            if punct
                || w.is_empty()
                || PHRASE_STOP.contains(&lower.as_str())
                || shaped(w)
                || w.ends_with("ly")
                || w.chars().any(|c| !(c.is_alphabetic() || c == '-'))
                || guards::is_masked(w)
                || plural
                || verb_like
                || head_inside
                || (lower.ends_with("ing")
                    && !HEADS.contains(&lower.as_str())
                    && !NOMINAL_ING.contains(&lower.as_str()))
            {
                break;
            }
            first -= 1;
        }
        // two words before the head only in a Title Case phrase ("Customer
        // Relations Management"): in prose the first is most often a verb or
        // an adjective ("span firmware development")
        if k - first == 2
            && !sent[words[first].0..he]
                .split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        {
            first += 1;
        }
        if first < k {
            out.push(Span::new(s + words[first].0, s + he));
        }
    }
    out
}

/// Group mentions into "any one of" requirements: consecutive mentions of a
/// sentence joined by "or" or "/", or after "one of", "at least one",
/// "either". A mention that also stands alone elsewhere leaves its group.
fn find_groups(
    text: &str,
    sents: &Sentences,
    blocks: &[(usize, usize)],
    mentions: &mut [Mention],
) -> Vec<Group> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut i = 0;
    while i < mentions.len() {
        let line = mentions[i].line;
        let (ss, se) = sents.around(mentions[i].span.start, blocks[line]);
        let mut run = vec![i];
        let mut seps = Vec::new();
        let mut j = i + 1;
        while j < mentions.len() && mentions[j].span.start < se && !mentions[j].soft {
            let between = text[mentions[j - 1].span.end..mentions[j].span.start]
                .trim()
                .to_ascii_lowercase();
            let between = between.trim_end_matches(")").trim().to_string();
            if !matches!(
                between.as_str(),
                "," | "/" | "or" | ", or" | "and" | ", and" | "and/or" | ", and/or" | "&" | "|"
            ) {
                break;
            }
            seps.push(between);
            run.push(j);
            j += 1;
        }
        if run.len() >= 2 && !mentions[i].soft {
            // what comes just before the run, and just after it
            let from = floor_boundary(text, mentions[i].span.start.saturating_sub(80).max(ss));
            let before = text[from..mentions[i].span.start].to_ascii_lowercase();
            let last_end = mentions[run[run.len() - 1]].span.end;
            let after_to = floor_boundary(text, (last_end + 24).min(se)).max(last_end);
            // examples of a kind: "databases such as MySQL, Oracle and
            // MongoDB", "distributed compute (Spark, Dask)": any one will do
            let mut from = before.len().saturating_sub(24);
            while !before.is_char_boundary(from) {
                from += 1;
            }
            let near = &before[from..];
            let examples = [
                "such as",
                "e.g",
                "like ",
                "including",
                "for example",
                "for instance",
            ]
            .iter()
            .any(|c| near.contains(c))
                || before.trim_end().ends_with('(');
            let cue = GROUP_CUES.iter().any(|c| before.contains(c))
                || examples
                || text[last_end..after_to]
                    .to_ascii_lowercase()
                    .trim_start()
                    .starts_with("or similar");
            let or = seps
                .iter()
                .any(|s| s.contains("or") || s == "/" || s == "|");
            let and = seps
                .iter()
                .any(|s| s.contains("and") && !s.contains("and/or") || s == "&");
            if cue || (or && !and) {
                groups.push(run.clone());
            }
        }
        i = j.max(i + 1);
    }
    // a member that is also mentioned alone (same text) is no group member
    let keys: Vec<String> = mentions.iter().map(|m| phrase_key(&m.text)).collect();
    let mut total: crate::hash::Map<&str, usize> = Default::default();
    for k in &keys {
        *total.entry(k.as_str()).or_default() += 1;
    }
    let mut out = Vec::new();
    for g in groups {
        let alone = |m: usize| {
            let here = g.iter().filter(|&&k| keys[k] == keys[m]).count();
            total.get(keys[m].as_str()).copied().unwrap_or(0) > here
        };
        let members: Vec<usize> = g.iter().copied().filter(|&m| !alone(m)).collect();
        if members.len() < 2 {
            continue;
        }
        let tier = members
            .iter()
            .map(|&m| mentions[m].tier)
            .min()
            .unwrap_or(Tier::Bonus);
        let id = out.len();
        for &m in &members {
            mentions[m].group = Some(id);
        }
        out.push(Group { members, tier });
    }
    out
}

fn evidence(text: &str, lines: &[Line], m: &Mention) -> Evidence {
    let l = &lines[m.line];
    Evidence {
        line: m.line + 1,
        text: prefix(text[l.start..l.end].trim(), 300).to_string(),
        reason: m.reason.clone(),
    }
}

impl Posting {
    /// The checklist as a role: hard skills (must-have, then bonus, each
    /// most-mentioned first), "any one of" groups, soft skills at half
    /// weight, the built-in overused terms, and the requirements. Each
    /// keyword keeps the posting's wording as its term, the lexicon's other
    /// names as aliases, and its evidence.
    ///
    /// Errors: [`Error::InvalidRole`] when no skill was found.
    ///
    /// ```
    /// let p = atscore::posting::read("Requirements: Excellent communication skills, SQL, Tableau")?;
    /// let role = p.role()?;
    /// let comm = role.keywords.iter().find(|k| k.soft).unwrap();
    /// assert_eq!((comm.tier, comm.weight), (atscore::Tier::Bonus, 0.5));
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn role(&self) -> Result<Role> {
        let text = &self.text;
        let mut role = Role {
            name: "job-description".to_string(),
            title: self.title.clone(),
            description: Some("Extracted from a job posting by atscore::posting".to_string()),
            sources: vec![
                "skill lexicon: ESCO (this uses the ESCO classification of the European Commission), \
                 O*NET 29.2 and 30 (CC BY 4.0), GitHub Linguist (MIT), simple-icons (CC0)"
                    .to_string(),
            ],
            keywords: Vec::new(),
            requirements: self.requirements.clone(),
        };
        // one keyword per skill (or per wording): the first wording, the
        // strongest tier, how often it is named
        struct Acc {
            k: Keyword,
            count: usize,
            first: usize,
        }
        let mut acc: Vec<Acc> = Vec::new();
        let mut by_key: crate::hash::Map<String, usize> = Default::default();
        let mut by_skill: crate::hash::Map<&str, usize> = Default::default();
        for m in self.mentions.iter().filter(|m| m.group.is_none()) {
            let key = phrase_key(&m.text);
            if key.is_empty() {
                continue;
            }
            let at = m
                .skill
                .and_then(|s| by_skill.get(s))
                .or_else(|| by_key.get(&key))
                .copied();
            if let Some(at) = at {
                let a = &mut acc[at];
                a.count += 1;
                if m.tier < a.k.tier {
                    a.k.tier = m.tier;
                    a.k.evidence = Some(evidence(text, &self.lines, m));
                }
                continue;
            }
            let soft_cue = (m.source == Source::Soft)
                .then(|| soft::SOFT.iter().find(|s| Some(s.term) == m.skill))
                .flatten();
            // a soft skill goes by its own name ("communication"), the
            // posting's wording ("verbal communication skills") as an alias
            let term = match (soft_cue, m.soft, m.skill) {
                (Some(s), _, _) => s.term.to_string(),
                (None, true, Some(name)) => name.to_string(),
                _ => m.text.clone(),
            };
            if soft_cue.is_some() && by_key.contains_key(&phrase_key(&term)) {
                continue;
            }
            let key = phrase_key(&term);
            let mut k = Keyword::new(term, m.tier);
            k.soft = m.soft;
            if m.soft {
                k.weight = 0.5;
            }
            k.evidence = Some(evidence(text, &self.lines, m));
            let mut taken = vec![key.clone()];
            if let Some(sk) = soft_cue {
                for a in sk.aliases {
                    let ak = phrase_key(a);
                    if !taken.contains(&ak) && !by_key.contains_key(&ak) {
                        taken.push(ak);
                        k.aliases.push(a.to_string());
                    }
                }
            } else if let Some(entry) = m.skill.and_then(skill_named) {
                add_lexicon_names(&mut k, entry, &m.text, &mut taken, &by_key);
            } else if crate::text::lexicon::is_ambiguous(&m.text) {
                k.ambiguous = Some(true);
            }
            for t in taken {
                by_key.insert(t, acc.len());
            }
            if let Some(s) = m.skill {
                by_skill.insert(s, acc.len());
            }
            acc.push(Acc {
                k,
                count: 1,
                first: m.span.start,
            });
        }
        // groups
        for g in &self.groups {
            let members: Vec<&Mention> = g.members.iter().map(|&i| &self.mentions[i]).collect();
            let mut names: Vec<String> = Vec::new();
            for m in &members {
                if !names.iter().any(|n| phrase_key(n) == phrase_key(&m.text)) {
                    names.push(m.text.clone());
                }
            }
            if names.len() < 2 {
                continue;
            }
            let term = names.join(" / ");
            let key = phrase_key(&term);
            if by_key.contains_key(&key) {
                continue;
            }
            let mut k = Keyword::new(term, g.tier);
            k.any_of = names;
            k.lexicon = false;
            k.evidence = Some(evidence(text, &self.lines, members[0]));
            if let Some(e) = k.evidence.as_mut() {
                e.reason = format!("any one of them; {}", members[0].reason);
            }
            by_key.insert(key, acc.len());
            acc.push(Acc {
                k,
                count: 1,
                first: members[0].span.start,
            });
        }
        if acc.is_empty() {
            return Err(Error::role(
                "posting",
                "no skills found: is this a job description?",
            ));
        }
        // hard skills first in each tier, most named first, then in posting order
        acc.sort_by(|a, b| {
            (a.k.tier, a.k.soft, std::cmp::Reverse(a.count), a.first).cmp(&(
                b.k.tier,
                b.k.soft,
                std::cmp::Reverse(b.count),
                b.first,
            ))
        });
        role.keywords = acc.into_iter().map(|a| a.k).collect();
        let overused = crate::roles::overused_keywords();
        {
            for k in overused.iter().cloned() {
                if k.tier == Tier::Overused && !by_key.contains_key(&phrase_key(&k.term)) {
                    role.keywords.push(k);
                }
            }
        }
        role.validate()?;
        Ok(role)
    }
}

/// The lexicon's other names of a skill as the keyword's acronym and
/// aliases, each name used once in the role.
fn add_lexicon_names(
    k: &mut Keyword,
    entry: &LexSkill<'_>,
    surface: &str,
    taken: &mut Vec<String>,
    by_key: &crate::hash::Map<String, usize>,
) {
    let key = phrase_key(surface);
    let alias_ok = |form: &str, taken: &mut Vec<String>| {
        let fk = phrase_key(form);
        let ok = !fk.is_empty()
            && !taken.contains(&fk)
            && !by_key.contains_key(&fk)
            && (!entry.is_ambiguous(form) || crate::text::lexicon::is_ambiguous(form))
            && form.chars().count() > 1;
        if ok {
            taken.push(fk);
        }
        ok
    };
    if let Some(acr) = entry.acronym {
        let pair = if phrase_key(acr) == key {
            entry.name
        } else {
            acr
        };
        if alias_ok(pair, taken) {
            // an acronym nobody spells out (SQL, API) is an alias: matched
            // either way, no "write both" advice
            if crate::text::lexicon::skill(acr).is_none_or(|sk| sk.write_both) {
                k.acronym = Some(pair.to_string());
            } else {
                k.aliases.push(pair.to_string());
            }
        }
    }
    for form in std::iter::once(entry.name).chain(entry.aliases.iter().copied()) {
        if k.aliases.len() < 8 && alias_ok(form, taken) {
            k.aliases.push(form.to_string());
        }
    }
    if entry.is_ambiguous(surface) || crate::text::lexicon::is_ambiguous(surface) {
        k.ambiguous = Some(true);
    }
}

impl Role {
    /// The role a job posting asks for ([`Posting::role`] of [`read`]): its
    /// skills with tiers from its cues and sections, "any one of" groups,
    /// soft skills apart, its requirements, and each keyword's evidence.
    ///
    /// Errors: [`Error::InputTooLarge`] above [`MAX_POSTING_BYTES`];
    /// [`Error::InvalidRole`] for an empty posting or one in which no skill
    /// is found ("no skills found: is this a job description?").
    ///
    /// ```
    /// let role = atscore::Role::from_job_description(
    ///     "We need strong experience with RESTful APIs and Amazon Web Services.",
    /// )?;
    /// let api = &role.keywords[0];
    /// assert_eq!(api.term, "RESTful APIs");
    /// let aws = role.keywords.iter().find(|k| k.term == "Amazon Web Services").unwrap();
    /// assert_eq!(aws.acronym.as_deref(), Some("AWS"));
    /// assert!(atscore::Role::from_job_description("Fun team, free lunch.").is_err());
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn from_job_description(text: &str) -> Result<Role> {
        read(text)?.role()
    }
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
