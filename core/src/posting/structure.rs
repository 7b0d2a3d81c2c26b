//! The posting's structure: lines, section headings and what each section
//! is (requirements, responsibilities, benefits, ...), the tier cue of each
//! sentence, and the job title.

use serde::Serialize;

use std::sync::OnceLock;

use super::phrases::Phrases;
use crate::roles::Tier;

/// What a part of a posting is.
///
/// ```
/// use atscore::posting::{Section, read};
/// let p = read("Sales Associate\nRequirements:\n- Customer service\nBenefits:\n- Dental\n")?;
/// assert_eq!(p.lines[2].section, Section::Requirements);
/// assert_eq!(p.lines[4].section, Section::Benefits);
/// # Ok::<(), atscore::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Before any heading, or under a heading that says nothing of its kind.
    Intro,
    /// About the company, its mission, why join.
    Company,
    /// What the job does: responsibilities, duties, "what you'll do".
    Responsibilities,
    /// What the candidate needs: requirements, qualifications, skills.
    Requirements,
    /// Preferred, nice to have, bonus.
    NiceToHave,
    /// Benefits, perks, what we offer.
    Benefits,
    /// Salary, pay, compensation.
    Salary,
    /// How to apply, contact.
    Apply,
    /// Equal-opportunity and legal text.
    Legal,
    /// Pasted page furniture: reviews, similar jobs, share buttons.
    Furniture,
}

impl Section {
    /// Whether skills are read from this section.
    ///
    /// ```
    /// use atscore::posting::Section;
    /// assert!(Section::Requirements.asks_for_skills() && !Section::Benefits.asks_for_skills());
    /// ```
    pub fn asks_for_skills(self) -> bool {
        matches!(
            self,
            Section::Intro
                | Section::Responsibilities
                | Section::Requirements
                | Section::NiceToHave
        )
    }

    /// The section's name in evidence text.
    ///
    /// ```
    /// assert_eq!(atscore::posting::Section::NiceToHave.as_str(), "nice to have");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Intro => "introduction",
            Section::Company => "about the company",
            Section::Responsibilities => "responsibilities",
            Section::Requirements => "requirements",
            Section::NiceToHave => "nice to have",
            Section::Benefits => "benefits",
            Section::Salary => "salary",
            Section::Apply => "how to apply",
            Section::Legal => "legal",
            Section::Furniture => "page furniture",
        }
    }
}

/// One line of a posting, with its section and its role in it.
///
/// ```
/// let p = atscore::posting::read("Requirements: 5+ years of Java\n")?;
/// let l = &p.lines[0];
/// assert!(l.heading && l.section == atscore::posting::Section::Requirements);
/// assert_eq!(&p.text()[l.start..l.end], "Requirements: 5+ years of Java");
/// # Ok::<(), atscore::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Line {
    /// Byte offset of the line's start in the posting.
    pub start: usize,
    /// Byte offset of its end (before the line break).
    pub end: usize,
    /// The section it is in.
    pub section: Section,
    /// Whether the line is (or starts with) a section heading.
    pub heading: bool,
    /// Byte offset where the line's content starts: after an inline heading
    /// ("Requirements: ...") and bullet marks.
    pub content: usize,
    /// Whether the line continues the one before: a sentence or list
    /// wrapped onto it ("(JSF, Wicket,⏎GWT, Spring MVC)").
    pub wrapped: bool,
}

/// Headings, as lowercase phrases a heading line contains, and the section
/// each names; the first that matches wins, so specific phrases come first.
const HEADINGS: &[(&str, Section)] = &[
    ("equal opportunity", Section::Legal),
    ("equal employment", Section::Legal),
    ("eeo", Section::Legal),
    ("diversity", Section::Legal),
    ("accommodation", Section::Legal),
    ("disclaimer", Section::Legal),
    ("privacy", Section::Legal),
    ("nice to have", Section::NiceToHave),
    ("nice-to-have", Section::NiceToHave),
    ("nice to haves", Section::NiceToHave),
    ("preferred", Section::NiceToHave),
    ("bonus point", Section::NiceToHave),
    ("bonus", Section::NiceToHave),
    ("a plus", Section::NiceToHave),
    ("desirable", Section::NiceToHave),
    ("desired", Section::NiceToHave),
    ("good to have", Section::NiceToHave),
    ("extra credit", Section::NiceToHave),
    ("how to apply", Section::Apply),
    ("to apply", Section::Apply),
    ("application process", Section::Apply),
    ("application", Section::Apply),
    ("apply", Section::Apply),
    ("contact", Section::Apply),
    ("further information", Section::Apply),
    ("more information", Section::Apply),
    ("next steps", Section::Apply),
    ("interview process", Section::Apply),
    ("salary", Section::Salary),
    ("compensation", Section::Salary),
    ("pay range", Section::Salary),
    ("pay rate", Section::Salary),
    ("remuneration", Section::Salary),
    ("terms of employment", Section::Salary),
    ("benefit", Section::Benefits),
    ("perks", Section::Benefits),
    ("we offer", Section::Benefits),
    ("what we offer", Section::Benefits),
    ("what's in it for you", Section::Benefits),
    ("what’s in it for you", Section::Benefits),
    ("why you'll love", Section::Benefits),
    ("rewards", Section::Benefits),
    ("review", Section::Furniture),
    ("similar jobs", Section::Furniture),
    ("related jobs", Section::Furniture),
    ("people also", Section::Furniture),
    ("jobs you may", Section::Furniture),
    ("share this", Section::Furniture),
    ("report this", Section::Furniture),
    ("company size", Section::Furniture),
    ("company type", Section::Furniture),
    ("industry", Section::Furniture),
    ("location options", Section::Furniture),
    ("job type", Section::Furniture),
    ("date posted", Section::Furniture),
    ("about us", Section::Company),
    ("about the company", Section::Company),
    ("about the team", Section::Company),
    ("who we are", Section::Company),
    ("our company", Section::Company),
    ("our mission", Section::Company),
    ("our story", Section::Company),
    ("our culture", Section::Company),
    ("our values", Section::Company),
    ("company description", Section::Company),
    ("company overview", Section::Company),
    ("why join", Section::Company),
    ("why work", Section::Company),
    ("life at", Section::Company),
    ("requirement", Section::Requirements),
    ("qualification", Section::Requirements),
    ("what you bring", Section::Requirements),
    ("what you'll bring", Section::Requirements),
    ("what you will bring", Section::Requirements),
    ("what you need", Section::Requirements),
    ("what you'll need", Section::Requirements),
    ("what we're looking for", Section::Requirements),
    ("what we are looking for", Section::Requirements),
    ("what we look for", Section::Requirements),
    ("who you are", Section::Requirements),
    ("about you", Section::Requirements),
    ("your profile", Section::Requirements),
    ("profile", Section::Requirements),
    ("ideal candidate", Section::Requirements),
    ("you have", Section::Requirements),
    ("you should have", Section::Requirements),
    ("must have", Section::Requirements),
    ("must-have", Section::Requirements),
    ("skills", Section::Requirements),
    ("competenc", Section::Requirements),
    ("knowledge", Section::Requirements),
    ("experience", Section::Requirements),
    ("education", Section::Requirements),
    ("certification", Section::Requirements),
    ("licens", Section::Requirements),
    ("tech stack", Section::Requirements),
    ("technologies", Section::Requirements),
    ("technical", Section::Requirements),
    ("tools", Section::Requirements),
    ("responsibilit", Section::Responsibilities),
    ("duties", Section::Responsibilities),
    ("what you'll do", Section::Responsibilities),
    ("what you will do", Section::Responsibilities),
    ("what you’ll do", Section::Responsibilities),
    ("what you'll be doing", Section::Responsibilities),
    ("what you will be doing", Section::Responsibilities),
    ("you will", Section::Responsibilities),
    ("day to day", Section::Responsibilities),
    ("day-to-day", Section::Responsibilities),
    ("tasks", Section::Responsibilities),
    ("accountabilit", Section::Responsibilities),
    ("key result", Section::Responsibilities),
    ("the role", Section::Responsibilities),
    ("your role", Section::Responsibilities),
    ("the job", Section::Responsibilities),
    ("the position", Section::Responsibilities),
    ("job description", Section::Responsibilities),
    ("role description", Section::Responsibilities),
    ("position description", Section::Responsibilities),
    ("position summary", Section::Responsibilities),
    ("job summary", Section::Responsibilities),
    ("overview", Section::Intro),
    ("summary", Section::Intro),
    ("about", Section::Company),
];

/// Phrases that make a sentence outside any heading part of a section that
/// asks for no skills.
const LINE_KINDS: &[(&str, Section)] = &[
    ("equal opportunity", Section::Legal),
    ("equal employment opportunity", Section::Legal),
    ("without regard to", Section::Legal),
    ("regardless of race", Section::Legal),
    ("regardless of their", Section::Legal),
    ("sexual orientation", Section::Legal),
    ("gender identity", Section::Legal),
    ("protected veteran", Section::Legal),
    ("reasonable accommodation", Section::Legal),
    ("e-verify", Section::Legal),
    ("background check", Section::Legal),
    ("drug screen", Section::Legal),
    ("health insurance", Section::Benefits),
    ("dental", Section::Benefits),
    ("401(k)", Section::Benefits),
    ("401k", Section::Benefits),
    ("paid time off", Section::Benefits),
    ("pto", Section::Benefits),
    ("parental leave", Section::Benefits),
    ("stock options", Section::Benefits),
    ("pension", Section::Benefits),
    ("gym membership", Section::Benefits),
    ("we offer", Section::Benefits),
    ("competitive salary", Section::Salary),
    ("salary range", Section::Salary),
    // (not "salary" alone: "payroll and salary administration" is a duty)
    ("monthly salary", Section::Salary),
    ("base salary", Section::Salary),
    ("starting salary", Section::Salary),
    ("salary will", Section::Salary),
    ("salary is", Section::Salary),
    ("salary supplement", Section::Salary),
    ("salary package", Section::Salary),
    ("salary commensurate", Section::Salary),
    ("terms of salary", Section::Salary),
    ("per hour", Section::Salary),
    ("per annum", Section::Salary),
    ("<salary>", Section::Salary),
    ("send your cv", Section::Apply),
    ("send your resume", Section::Apply),
    ("submit your application", Section::Apply),
    ("please apply", Section::Apply),
    ("apply now", Section::Apply),
    ("apply online", Section::Apply),
    ("application deadline", Section::Apply),
    ("applications must", Section::Apply),
    ("click apply", Section::Apply),
    ("likes:", Section::Furniture),
    ("dislikes:", Section::Furniture),
    ("rating", Section::Furniture),
    ("stars", Section::Furniture),
    ("employee review", Section::Furniture),
    // a position's summary in its introduction: its duties
    ("purpose of this position", Section::Responsibilities),
    ("purpose of the position", Section::Responsibilities),
    ("purpose of this role", Section::Responsibilities),
    ("purpose of the role", Section::Responsibilities),
];

/// Cue phrases in a sentence that make the skills in it a bonus, checked
/// before the must-have cues ("experience with X is a plus").
const BONUS_CUES: &[&str] = &[
    "nice to have",
    "nice-to-have",
    "preferred",
    "preferably",
    "bonus",
    "a plus",
    "is a plus",
    "plus:",
    "desirable",
    "desired",
    "advantage",
    "ideally",
    "good to have",
    "would be great",
    "optional",
    "familiarity",
    "familiar with",
    "exposure to",
    "appreciated",
    "is welcome",
    "are welcome",
    "beneficial",
    "helpful",
    "not required",
    "not a must",
];

/// Cue phrases that make the skills in a sentence must-haves.
const MUST_CUES: &[&str] = &[
    "required",
    "requirement",
    "require",
    "must",
    "mandatory",
    "essential",
    "minimum",
    "at least",
    "years of",
    "years'",
    "years experience",
    "yrs",
    "strong",
    "proficien",
    "expert",
    "expertise",
    "solid",
    "deep ",
    "extensive",
    "demonstrated",
    "proven",
    "excellent",
    "thorough",
    "in-depth",
    "you have",
    "you bring",
    "you'll need",
    "you will need",
];

/// A tier cue: the tier, and the phrase that set it.
pub(crate) type Cue = (Tier, &'static str);

/// The cue of a sentence, lowercase: bonus cues first.
/// Bonus cues that qualify what follows them: in "3+ years of procurement
/// experience, preferably within maintenance", procurement is a must-have.
const LEADING_BONUS: &[&str] = &["preferably", "ideally"];

/// The cue of a skill at byte `at` of a sentence, lowercase, whose own cue
/// ([`cue_of`]) is `cue`: that, unless it is a leading bonus cue
/// ("preferably") after the skill, which leaves it the cue of the words
/// before.
pub(crate) fn cue_at(lower: &str, cue: Option<Cue>, at: usize) -> Option<Cue> {
    if let Some((Tier::Bonus, c)) = cue
        && LEADING_BONUS.contains(&c)
        && let Some(i) = lower.find(c)
        && i >= at
    {
        return cue_of(&lower[..i]);
    }
    cue
}

/// The cues of one sentence, lowercase, read once: the sentence's own
/// ([`cue_of`]), and, where its clauses (split at commas and semicolons)
/// ask for different tiers ("strong SQL skills, Tableau is a plus";
/// "Python required, R is nice to have"), each clause's.
///
/// A skill takes its clause's cue; a clause without one takes the nearest
/// bonus cue after it ("Python, Java, Go are a plus"), else the nearest cue
/// before it ("strong Java, Spring, Hibernate").
pub(crate) struct SentenceCues {
    /// The sentence with each parenthesis that has a cue of its own blanked
    /// out, when it has one: "CRM software (Salesforce preferred)" asks for
    /// CRM as strongly as the words around it say.
    outer: Option<String>,
    /// Where those parentheses are, with their own cues.
    asides: Vec<(usize, usize, Cue)>,
    whole: Option<Cue>,
    /// (start byte, cue, ends at a semicolon) of each clause; empty when
    /// no two clauses ask for different tiers.
    clauses: Vec<(usize, Option<Cue>, bool)>,
}

impl SentenceCues {
    pub(crate) fn new(lower: &str) -> SentenceCues {
        let mut asides = Vec::new();
        let mut from = 0;
        while let Some(open) = lower[from..].find('(').map(|i| from + i) {
            let Some(close) = lower[open..].find(')').map(|i| open + i) else {
                break;
            };
            // ("preferably Python" qualifies what follows it wherever it
            // stands: `cue_at`)
            if let Some(cue) = cue_of(&lower[open + 1..close])
                && !LEADING_BONUS.contains(&cue.1)
                && names_more_than_its_cue(&lower[open + 1..close], cue.1)
            {
                asides.push((open, close + 1, cue));
            }
            from = close + 1;
        }
        let outer = (!asides.is_empty()).then(|| {
            let mut bytes = lower.as_bytes().to_vec();
            for &(a, b, _) in &asides {
                bytes[a..b].fill(b' ');
            }
            // ASCII brackets bound each blanked range: still UTF-8
            String::from_utf8(bytes).unwrap_or_default()
        });
        let lower = outer.as_deref().unwrap_or(lower);
        let whole = cue_of(lower);
        let mut clauses = Vec::new();
        let mut start = 0;
        for (i, sep) in lower.match_indices([',', ';']).chain([(lower.len(), "")]) {
            clauses.push((start, cue_of(&lower[start..i]), sep == ";"));
            start = i + 1;
        }
        let mut tiers = clauses.iter().filter_map(|c| c.1.map(|c| c.0));
        let first = tiers.next();
        if tiers.all(|t| Some(t) == first) {
            clauses.clear();
        }
        SentenceCues {
            outer,
            asides,
            whole,
            clauses,
        }
    }

    /// The cue of a skill at byte `at` of the sentence `lower`.
    pub(crate) fn at(&self, lower: &str, at: usize) -> Option<Cue> {
        if let Some(&(a, b, cue)) = self.asides.iter().find(|s| (s.0..s.1).contains(&at)) {
            return cue_at(&lower[a..b], Some(cue), at - a);
        }
        let lower = self.outer.as_deref().unwrap_or(lower);
        if self.clauses.is_empty() {
            return cue_at(lower, self.whole, at);
        }
        let i = self
            .clauses
            .partition_point(|c| c.0 <= at)
            .saturating_sub(1);
        let (start, own, _) = self.clauses[i];
        if own.is_some() {
            let end = self.clauses.get(i + 1).map_or(lower.len(), |c| c.0 - 1);
            return cue_at(&lower[start..end], own, at - start);
        }
        // a bonus cue reaches back over a list, not over a semicolon
        let semicolon = self.clauses[i..].iter().position(|c| c.2);
        let list_end = semicolon.map_or(self.clauses.len(), |k| i + k + 1);
        if let Some(c @ (Tier::Bonus, _)) = self.clauses[i + 1..list_end].iter().find_map(|c| c.1) {
            return Some(c);
        }
        self.clauses[..i]
            .iter()
            .rev()
            .find_map(|c| c.1)
            .or_else(|| self.clauses[i + 1..].iter().find_map(|c| c.1))
    }
}

/// Whether a parenthesis with the cue `cue` names something of its own for
/// the cue to qualify ("Salesforce preferred"), rather than qualifying what
/// stands before it ("(preferred)", "(strongly preferred)", "(5+ years)").
fn names_more_than_its_cue(inside: &str, cue: &str) -> bool {
    const FILLER: &[&str] = &[
        "a",
        "an",
        "is",
        "are",
        "be",
        "but",
        "not",
        "very",
        "highly",
        "strongly",
        "would",
        "will",
        "considered",
        "required",
        "preferred",
        "plus",
    ];
    let Some(i) = inside.find(cue) else {
        return false;
    };
    let rest = format!("{} {}", &inside[..i], &inside[i + cue.len()..]);
    rest.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !FILLER.contains(&w))
}

/// Whether a lowercase sentence has a bonus cue anywhere ("preferred", "a
/// plus"), whatever else it asks.
pub(crate) fn prefers(lower: &str) -> bool {
    static CUES: OnceLock<Phrases> = OnceLock::new();
    let cues = CUES.get_or_init(|| Phrases::new(BONUS_CUES.iter().copied()));
    cues.first_in(lower).is_some()
}

pub(crate) fn cue_of(lower: &str) -> Option<Cue> {
    static CUES: OnceLock<Phrases> = OnceLock::new();
    let cues = CUES.get_or_init(|| Phrases::new(BONUS_CUES.iter().chain(MUST_CUES).copied()));
    if let Some(i) = cues.first_in(lower) {
        return Some(match BONUS_CUES.get(i) {
            Some(c) => (Tier::Bonus, c),
            None => (Tier::MustHave, MUST_CUES[i - BONUS_CUES.len()]),
        });
    }
    // "5+ years", "3 years"
    if has_years(lower) {
        return Some((Tier::MustHave, "N+ years"));
    }
    None
}

fn has_years(lower: &str) -> bool {
    lower.match_indices("year").any(|(i, _)| {
        let before = lower[..i].trim_end();
        let before = before.trim_end_matches(['+', ')', ' ']);
        before.ends_with(|c: char| c.is_ascii_digit())
    })
}

/// The section a heading line names, and where its content starts when the
/// heading is inline ("Requirements: Java, SQL"). `None` for a line that is
/// not a heading.
pub(crate) fn heading(line: &str) -> Option<(Section, usize)> {
    let lead = line.len() - line.trim_start().len();
    let t = line.trim();
    let t2 = t.trim_start_matches(['#', '*', '_', '=']).trim_start();
    let lead = lead + (t.len() - t2.len());
    let t = t2.trim_end_matches(['*', '_', '=', '#']).trim_end();
    if t.is_empty() || t.starts_with(['-', '•', '·', '–', '—', '+', '>']) {
        return None;
    }
    // an inline heading: "Requirements: ..." with a short label
    let (label, content) = match t.find(':') {
        Some(i) if i > 0 && t[..i].split_whitespace().count() <= 6 => (&t[..i], lead + i + 1),
        _ => (t, line.len()),
    };
    let words = label.split_whitespace().count();
    if words == 0 || words > 8 || label.ends_with(['.', ',', ';']) {
        return None;
    }
    let lower = label.to_lowercase();
    let lower = lower.trim_end_matches(['?', '!']);
    let inline = content < line.len();
    // a plain heading line is short and looks like one: title case or all
    // capitals, or ends with a colon; an inline one only needs a known label
    let titled = label
        .split_whitespace()
        .all(|w| !w.starts_with(|c: char| c.is_lowercase()) || w.len() <= 4);
    let colon = t.ends_with(':');
    static HEADS: OnceLock<Phrases> = OnceLock::new();
    let kind = HEADS
        .get_or_init(|| Phrases::new(HEADINGS.iter().map(|&(p, _)| p)))
        .first_word_in(lower)
        .map(|i| HEADINGS[i].1)?;
    // "Licensed Clinical Social Worker" is a job's title, no licences heading
    if lower.starts_with("licensed ") {
        return None;
    }
    let exact = HEADINGS
        .iter()
        .any(|(p, _)| lower == *p || lower.strip_prefix(p).is_some_and(|r| r.trim().len() <= 3))
        || heading_words_only(lower);
    if !(inline || colon || titled || exact) {
        return None;
    }
    // "Experience with Java" is a requirement, not a heading
    let plain = !inline && !colon;
    if plain
        && (lower
            .split_whitespace()
            .any(|w| matches!(w, "with" | "using" | "in"))
            || (words > 3 && (lower.starts_with("experience") || lower.starts_with("knowledge"))))
    {
        return None;
    }
    // "Python, Go:" is a list, not a heading; "In this role, you will:"
    // is one
    let addressed = lower
        .rsplit(',')
        .next()
        .is_some_and(|last| matches!(last.split_whitespace().next(), Some("you" | "we")));
    if label.contains(',') && !inline && !(colon && addressed) {
        return None;
    }
    Some((kind, content.min(line.len())))
}

/// Whether every word of a label is a heading word: "Responsibilities and
/// tasks", "Skills & experience", "Key qualifications".
fn heading_words_only(lower: &str) -> bool {
    const SMALL: &[&str] = &[
        "and",
        "&",
        "the",
        "your",
        "our",
        "key",
        "main",
        "job",
        "role",
        "position",
        "additional",
        "required",
        "preferred",
        "minimum",
        "basic",
        "desired",
        "other",
        "general",
        "specific",
        "technical",
        "personal",
        "professional",
        "of",
        "for",
        "this",
        "to",
        "be",
        "successful",
        "essential",
        "core",
        "primary",
        "major",
        "what",
        "we",
        "you",
        "need",
        "offer",
        "expect",
        "terms",
        "employment",
        "conditions",
        "package",
    ];
    let words: Vec<&str> = lower.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && words.iter().any(|w| !SMALL.contains(w))
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
            SMALL.contains(&w)
                || HEADINGS
                    .iter()
                    .any(|(p, _)| !p.contains(' ') && (w.starts_with(p) && w.len() <= p.len() + 4))
        })
}

/// The section a sentence outside any heading belongs to by what it says
/// (benefits, legal text, how to apply), if it says so.
pub(crate) fn line_kind(lower: &str) -> Option<Section> {
    static KINDS: OnceLock<Phrases> = OnceLock::new();
    KINDS
        .get_or_init(|| Phrases::new(LINE_KINDS.iter().map(|&(p, _)| p)))
        .first_word_in(lower)
        .map(|i| LINE_KINDS[i].1)
}

/// Lines of a posting with their sections.
pub(crate) fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut section = Section::Intro;
    // the section before a field line ("Who May Apply: Open to the
    // public"): a field names its own line, and the prose after it returns
    // to the section it interrupted
    let mut before_field: Option<Section> = None;
    let mut start = 0;
    let raws: Vec<&str> = text.split_inclusive('\n').collect();
    for (i, raw) in raws.iter().enumerate() {
        let end = start + raw.trim_end_matches(['\n', '\r']).len();
        let line = &text[start..end];
        let (heading, content) = match heading(line) {
            Some((s, content)) => {
                let field = content < line.len()
                    && !line[content..]
                        .trim()
                        .trim_end_matches(['*', '_'])
                        .is_empty();
                before_field =
                    (field && !s.asks_for_skills()).then(|| before_field.unwrap_or(section));
                section = s;
                (true, start + content)
            }
            None => {
                if line.trim().is_empty()
                    && let Some(prev) = before_field.take()
                    && prose_follows(&raws[i + 1..])
                {
                    section = prev;
                }
                (false, start)
            }
        };
        // skip bullet marks and spaces
        let rest = &text[content..end];
        let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || bullet_mark(c));
        let content = end - trimmed.len();
        let mut kind = section;
        if !heading && bold_field(line) {
            // "**Series/Grade:** ...", "**Duty Location:** ...": the
            // posting's particulars, no skill line
            kind = Section::Furniture;
        } else if !heading && section.asks_for_skills() {
            if let Some(k) = line_kind(&trimmed.to_lowercase()) {
                kind = k;
            }
        }
        let wrapped = !heading
            && !trimmed.is_empty()
            && content == start + (rest.len() - rest.trim_start().len())
            && out.last().is_some_and(|p: &Line| {
                let prev = text[p.content..p.end].trim_end();
                !prev.is_empty()
                    && !p.heading
                    && !prev.ends_with(['.', ':', ';', '!', '?'])
                    && (trimmed.starts_with(|c: char| c.is_lowercase())
                        || prev.ends_with([',', '-', '(', '/', '&'])
                        || prev.rsplit(' ').next().is_some_and(|w| {
                            matches!(
                                w,
                                "and"
                                    | "or"
                                    | "of"
                                    | "with"
                                    | "in"
                                    | "to"
                                    | "the"
                                    | "a"
                                    | "for"
                                    | "as"
                            )
                        }))
            });
        if wrapped {
            kind = out.last().map_or(kind, |p| p.section);
        }
        out.push(Line {
            start,
            end,
            section: kind,
            heading,
            content,
            wrapped,
        });
        start += raw.len();
    }
    // a page's front matter ("---", "layout: ...", "title: ...", "---"): the
    // page's source, no skill line
    let dashes = |l: &Line| text[l.start..l.end].trim() == "---";
    if out.first().is_some_and(dashes)
        && let Some(close) = out.iter().skip(1).take(40).position(dashes)
    {
        for l in &mut out[..close + 2] {
            l.section = Section::Furniture;
        }
    }
    out
}

/// Whether a line is a field of the posting's particulars: a short bold
/// label in title case and its value ("**Duty Location:** Washington").
fn bold_field(line: &str) -> bool {
    let t = line.trim_start();
    let Some(rest) = t.strip_prefix("**").or_else(|| t.strip_prefix("__")) else {
        return false;
    };
    let Some(end) = rest.find(":**").or_else(|| rest.find(":__")) else {
        return false;
    };
    let label = &rest[..end];
    (1..=4).contains(&label.split_whitespace().count())
        && !rest[end + 3..].trim().is_empty()
        && label
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// A mark that opens a list item ("- ", "• ", "▪ ").
pub(crate) fn bullet_mark(c: char) -> bool {
    matches!(c, '-' | '*' | '•' | '·' | '–' | '—' | '+' | '>' | '▪' | '○')
}

/// Whether the next non-blank line is prose: not a heading, not a list
/// item (a field's list goes on after a blank line).
fn prose_follows(rest: &[&str]) -> bool {
    let Some(next) = rest.iter().map(|l| l.trim()).find(|l| !l.is_empty()) else {
        return false;
    };
    let mut chars = next.chars();
    let mark = chars.next().is_some_and(bullet_mark);
    let numbered = next.split_once(['.', ')']).is_some_and(|(n, _)| {
        !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit())
    });
    let bullet = (mark && chars.next().is_some_and(char::is_whitespace)) || numbered;
    !bullet && heading(next).is_none()
}

/// Whether a line that opens a posting reads as a job title.
fn title_like(t: &str) -> bool {
    let words = t.split_whitespace().count();
    (1..=10).contains(&words)
        && !t.ends_with(['.', '!', '?', ':'])
        && !t.contains([':', ','])
        && t.chars().next().is_some_and(|c| c.is_alphanumeric())
}

/// The posting's job title: a "Job title:" line, else its first line if it
/// reads as a title; masked entities, "(m/f/d)" and trailing company or place
/// after " - " or " at " are dropped.
pub(crate) fn title(text: &str, lines: &[Line]) -> Option<String> {
    const LABELS: &[&str] = &[
        "job title",
        "position title",
        "title",
        "position",
        "role",
        "job",
        "job description",
        "vacancy",
        "opening",
    ];
    // the most specific label wins: a page's "title:" field names the page,
    // its "Job Title:" line the job; Markdown emphasis around the label
    // ("**Job Title:** Accountant") is no part of it
    let mut best: Option<(usize, &str)> = None;
    for l in lines.iter().take(20) {
        let t = text[l.start..l.end].trim();
        if let Some((label, rest)) = t.split_once(':') {
            let label = label.trim().trim_matches(['*', '_']).trim().to_lowercase();
            let rest = rest.trim().trim_start_matches(['*', '_']).trim();
            if let Some(rank) = LABELS.iter().position(|l| *l == label)
                && title_like(rest)
                && best.is_none_or(|(r, _)| rank < r)
            {
                best = Some((rank, rest));
            }
        }
    }
    if let Some((_, rest)) = best {
        return clean_title(rest);
    }
    let mut texts = lines
        .iter()
        .map(|l| text[l.start..l.end].trim())
        .filter(|t| !t.is_empty() && !t.chars().all(|c| !c.is_alphanumeric()));
    let first = texts.next()?;
    // a one-line text has no title line
    texts.next()?;
    if heading(first).is_some()
        && HEADINGS
            .iter()
            .any(|(p, _)| first.to_lowercase().starts_with(p))
    {
        return None;
    }
    // "Senior Product Manager, Hardware Enablement, Chrome OS Platform"
    let head = match first.split_once(',') {
        Some((head, _)) if first.split_whitespace().count() <= 14 => head,
        _ => first,
    };
    if !title_like(head) {
        return None;
    }
    clean_title(head)
}

fn clean_title(t: &str) -> Option<String> {
    let mut s = String::new();
    for w in t.split_whitespace() {
        if w.starts_with('<') && w.ends_with('>') {
            continue;
        }
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(w);
    }
    if let Some(i) = s.find(" (")
        && s[i..].to_lowercase().contains("year")
    {
        s.truncate(i);
    }
    for cut in [
        " ( m/f/d )",
        " (m/f/d)",
        " (m/w/d)",
        " ( m/w/d )",
        " (f/m/d)",
        " - ",
        " | ",
        " at ",
    ] {
        if let Some(i) = s.find(cut) {
            s.truncate(i);
        }
    }
    let s = s.trim().trim_end_matches([',', '-', '(', ':']).trim();
    (!s.is_empty()).then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_their_sections() {
        for (line, want) in [
            ("Requirements", Some(Section::Requirements)),
            ("## What you'll do", Some(Section::Responsibilities)),
            ("Nice to have:", Some(Section::NiceToHave)),
            ("BENEFITS", Some(Section::Benefits)),
            ("About Acme", Some(Section::Company)),
            ("Qualifications: BS in CS", Some(Section::Requirements)),
            (
                "Responsibilities and tasks",
                Some(Section::Responsibilities),
            ),
            ("Salary and terms of employment", Some(Section::Salary)),
            ("- Strong skills in Java", None),
            ("You will build the systems that power our product.", None),
            ("Python, Go:", None),
            ("In this role, you will:", Some(Section::Responsibilities)),
            ("In this role, you will", None),
        ] {
            assert_eq!(heading(line).map(|h| h.0), want, "{line}");
        }
    }

    #[test]
    fn cues() {
        assert_eq!(
            cue_of("5+ years of java").map(|c| c.0),
            Some(Tier::MustHave)
        );
        assert_eq!(
            cue_of("3 years in sales").map(|c| c.0),
            Some(Tier::MustHave)
        );
        assert_eq!(cue_of("kafka is a plus").map(|c| c.0), Some(Tier::Bonus));
        assert_eq!(
            cue_of("familiarity with docker").map(|c| c.0),
            Some(Tier::Bonus)
        );
        assert_eq!(cue_of("you will write code"), None);
    }

    #[test]
    fn a_cue_in_parentheses_qualifies_what_they_name() {
        let tier = |sentence: &str, skill: &str| {
            let lower = sentence.to_lowercase();
            let at = lower.find(skill).unwrap();
            SentenceCues::new(&lower).at(&lower, at).map(|c| c.0)
        };
        let line = "proficiency with crm software (salesforce preferred) and microsoft office";
        assert_eq!(tier(line, "crm"), Some(Tier::MustHave));
        assert_eq!(tier(line, "microsoft office"), Some(Tier::MustHave));
        assert_eq!(tier(line, "salesforce"), Some(Tier::Bonus));
        // a parenthesis that only qualifies what stands before it
        assert_eq!(
            tier("experience with docker (preferred)", "docker"),
            Some(Tier::Bonus)
        );
        assert_eq!(
            tier("java (5+ years), kafka (nice to have)", "java"),
            Some(Tier::MustHave)
        );
        assert_eq!(
            tier("java (5+ years), kafka (nice to have)", "kafka"),
            Some(Tier::Bonus)
        );
    }

    #[test]
    fn clauses_that_ask_for_different_tiers() {
        // the tier of the word `w` in the sentence `s`
        let tier = |s: &str, w: &str| {
            let lower = s.to_ascii_lowercase();
            let at = lower.find(w).unwrap();
            SentenceCues::new(&lower).at(&lower, at).map(|c| c.0)
        };
        let (must, bonus) = (Some(Tier::MustHave), Some(Tier::Bonus));
        let s = "Strong SQL skills, Tableau is a plus";
        assert_eq!((tier(s, "sql"), tier(s, "tableau")), (must, bonus));
        let s = "Python required, R is nice to have";
        assert_eq!((tier(s, "python"), tier(s, " r ")), (must, bonus));
        let s = "5+ years of Java; Kotlin would be a plus";
        assert_eq!((tier(s, "java"), tier(s, "kotlin")), (must, bonus));
        // a bonus cue after a list covers its items
        let s = "Strong Linux skills, Python, Go, Rust are a plus";
        assert_eq!((tier(s, "linux"), tier(s, "python")), (must, bonus));
        // a cue before a list, with none after, covers its items
        let s = "Excellent knowledge of Java, Spring, Hibernate; Docker is a plus";
        assert_eq!((tier(s, "spring"), tier(s, "docker")), (must, bonus));
        // one tier in the sentence: the sentence's cue, as before
        let s = "Experience with Java, Spring or Hibernate is a plus";
        assert_eq!((tier(s, "java"), tier(s, "spring")), (bonus, bonus));
        let s = "3+ years of procurement experience, preferably within maintenance";
        assert_eq!(
            (tier(s, "procurement"), tier(s, "maintenance")),
            (must, bonus)
        );
    }

    #[test]
    fn titles() {
        let t = |s: &str| title(s, &lines(s));
        assert_eq!(
            t("Senior QA Engineer ( m/f/d ) <ORGANIZATION>\nmore").as_deref(),
            Some("Senior QA Engineer")
        );
        assert_eq!(
            t("Job Title: Registered Nurse\nWe are hiring.").as_deref(),
            Some("Registered Nurse")
        );
        assert_eq!(t("Requirements:\n- Java").as_deref(), None);
        // a title may start with a heading's word ("licens...")
        assert_eq!(
            t("Licensed Clinical Social Worker (LCSW)\nAbout the role").as_deref(),
            Some("Licensed Clinical Social Worker (LCSW)")
        );
        // a page's own title field names the page; the job's label wins
        let page = "---\ntitle: ATTORNEY-ADVISOR JOB ANNOUNCEMENT\n---\n\n**Job Title:** Accountant\n\n**Agency:** Board";
        assert_eq!(t(page).as_deref(), Some("Accountant"));
        let ls = lines("---\ntitle: Page\n---\nWe need an accountant.\n");
        assert!(ls[..3].iter().all(|l| l.section == Section::Furniture));
        assert_eq!(ls[3].section, Section::Intro);
        assert_eq!(
            t("We are a fast growing company in the heart of the city.").as_deref(),
            None
        );
    }
}
