//! Tailoring: read a job description and build the [`Role`] it asks for.
//!
//! Skill phrases are found with the generated skill lexicon ([`skills`],
//! from O*NET Technology Skills, GitHub Linguist, simple-icons and ESCO; see
//! `scripts/gen-lexicon.py`). Each keyword keeps the posting's own wording
//! ("RESTful APIs"), with the lexicon's other names as aliases. The tier comes
//! from cues in the sentence ("required", "must", "you have" → must-have;
//! "nice to have", "preferred", "bonus", "a plus" → bonus) and from the
//! section heading the sentence is under ("Requirements", "Nice to have").
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
//!
//! Nice to have:
//! - Kubernetes, Terraform
//! ";
//! let role = Role::from_job_description(posting)?;
//! let tier = |t: &str| role.keywords.iter().find(|k| k.term == t).map(|k| k.tier);
//! assert_eq!(tier("Python"), Some(Tier::MustHave));
//! assert_eq!(tier("Kubernetes"), Some(Tier::Bonus));
//! assert!(role.keywords.iter().any(|k| k.term == "PostgreSQL"));
//! # Ok::<(), atscore::Error>(())
//! ```

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::error::{Error, Result};
use crate::lexicon;
use crate::role::{Keyword, Role, Tier};
use crate::text::{Gap, Span, tokenize};

/// The generated lexicon, embedded at compile time.
static SKILLS_TSV: &str = include_str!("../data/skills.tsv");

/// Largest job description accepted, in bytes.
pub const MAX_JD_BYTES: usize = 1 << 20;

/// Longest skill phrase, in tokens.
const MAX_PHRASE: usize = 6;

/// One skill of the generated lexicon.
///
/// ```
/// let k8s = atscore::jd::skills().iter().find(|s| s.name == "Kubernetes").unwrap();
/// assert!(k8s.hot);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexSkill {
    /// Canonical name.
    pub name: &'static str,
    /// Acronym paired with the name (`CSS` for Cascading style sheets).
    pub acronym: Option<&'static str>,
    /// Other names.
    pub aliases: Vec<&'static str>,
    /// Forms that are ordinary words (`Excel`, `Go`) or one letter: they count
    /// only as clear mentions.
    pub ambiguous: Vec<&'static str>,
    /// An O*NET "Hot Technology" or "In Demand" product.
    pub hot: bool,
    /// A soft skill (communication, teamwork).
    pub soft: bool,
}

impl LexSkill {
    /// Every form: name, acronym, aliases.
    ///
    /// ```
    /// let s = atscore::jd::skills().iter().find(|s| s.acronym == Some("CSS")).unwrap();
    /// assert!(s.forms().any(|f| f == "CSS"));
    /// ```
    pub fn forms(&self) -> impl Iterator<Item = &'static str> + '_ {
        std::iter::once(self.name)
            .chain(self.acronym)
            .chain(self.aliases.iter().copied())
    }

    fn is_ambiguous(&self, form: &str) -> bool {
        self.ambiguous.contains(&form) || lexicon::is_ambiguous(form)
    }
}

/// The generated skill lexicon (parsed once).
///
/// ```
/// let skills = atscore::jd::skills();
/// assert!(skills.len() > 1000);
/// assert!(skills.iter().any(|s| s.soft && s.name == "communication"));
/// ```
pub fn skills() -> &'static [LexSkill] {
    static SKILLS: OnceLock<Vec<LexSkill>> = OnceLock::new();
    SKILLS.get_or_init(|| {
        let mut out = Vec::new();
        for line in SKILLS_TSV.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (name, acronym, aliases, flags) = (
                cols.next().unwrap_or(""),
                cols.next().unwrap_or(""),
                cols.next().unwrap_or(""),
                cols.next().unwrap_or(""),
            );
            let mut ambiguous = Vec::new();
            let mut strip = |f: &'static str| match f.strip_prefix('~') {
                Some(f) => {
                    ambiguous.push(f);
                    f
                }
                None => f,
            };
            let name = strip(name);
            let aliases = aliases
                .split('|')
                .filter(|a| !a.is_empty())
                .map(&mut strip)
                .collect();
            out.push(LexSkill {
                name,
                acronym: (!acronym.is_empty()).then_some(acronym),
                aliases,
                ambiguous,
                hot: flags.contains('h'),
                soft: flags.contains('s'),
            });
        }
        out
    })
}

/// Lookup of lexicon forms by their token sequence.
struct Index {
    /// Normalized tokens joined by spaces → (skill, form).
    by_norm: FxHashMap<String, (usize, &'static str)>,
    /// The same with the last token stemmed ("APIs" → "api"), and that
    /// token's normalized form.
    by_stem: FxHashMap<String, (usize, &'static str, Box<str>)>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut by_norm = FxHashMap::default();
        let mut by_stem = FxHashMap::default();
        for (i, s) in skills().iter().enumerate() {
            for form in s.forms() {
                let toks = tokenize(form);
                if toks.tokens.is_empty() || toks.tokens.len() > MAX_PHRASE {
                    continue;
                }
                let norms = toks.norm_words();
                by_norm.entry(norms.join(" ")).or_insert((i, form));
                if let Some(last) = toks.tokens.last() {
                    let mut key = norms[..norms.len() - 1].join(" ");
                    if !key.is_empty() {
                        key.push(' ');
                    }
                    key.push_str(toks.stem(last));
                    by_stem
                        .entry(key)
                        .or_insert((i, form, toks.norm(last).into()));
                }
            }
        }
        Index { by_norm, by_stem }
    })
}

/// One skill mention found in a job description.
///
/// ```
/// let found = atscore::jd::extract("Must have: RESTful APIs, Go");
/// assert_eq!(found[0].text, "RESTful APIs");
/// assert_eq!(found[0].tier, atscore::Tier::MustHave);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The posting's wording.
    pub text: String,
    /// Where it is (byte offsets into the posting).
    pub span: Span,
    /// 0-based line.
    pub line: usize,
    /// The lexicon's canonical name for it.
    pub skill: &'static str,
    /// Tier from cues and section.
    pub tier: Tier,
    /// Whether it is a soft skill.
    pub soft: bool,
}

/// What a line or section says about the tier of the skills in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Must,
    Bonus,
    /// A section where skills are not asked for (benefits, about us).
    Neutral,
}

const BONUS_CUES: &[&str] = &[
    "nice to have",
    "nice-to-have",
    "preferred",
    "bonus",
    "a plus",
    "is a plus",
    "plus:",
    "desirable",
    "desired",
    "an advantage",
    "advantageous",
    "ideally",
    "good to have",
    "would be great",
    "optional",
];

const MUST_CUES: &[&str] = &[
    "required",
    "requirement",
    "must",
    "you have",
    "you bring",
    "you'll need",
    "you will need",
    "we're looking for",
    "we are looking for",
    "mandatory",
    "minimum",
    "essential",
    "qualifications",
    "proficien",
    "years of experience",
    "experience with",
    "experience in",
    "strong",
    "skills",
    "knowledge of",
];

const NEUTRAL_HEADINGS: &[&str] = &[
    "benefits",
    "we offer",
    "perks",
    "about us",
    "about the company",
    "why join",
    "compensation",
    "salary",
];

/// Words that make a short title-cased line a section heading.
const HEADING_WORDS: &[&str] = &[
    "requirement",
    "qualification",
    "responsibilit",
    "skills",
    "experience",
    "about",
    "role",
    "description",
    "you",
    "what",
    "who",
    "overview",
    "summary",
    "nice to have",
    "preferred",
    "bonus",
    "plus",
    "benefits",
    "perks",
    "offer",
    "duties",
    "tasks",
    "profile",
    "must",
    "desired",
    "tech stack",
    "technologies",
];

fn cue_of(lower: &str) -> Option<Cue> {
    if BONUS_CUES.iter().any(|c| lower.contains(c)) {
        Some(Cue::Bonus)
    } else if MUST_CUES.iter().any(|c| lower.contains(c)) {
        Some(Cue::Must)
    } else {
        None
    }
}

/// A heading line: short, no sentence end, and either ends with `:` or has
/// no lowercase-initial word beyond small ones.
fn heading_cue(line: &str) -> Option<Option<Cue>> {
    let t = line.trim().trim_start_matches(['#', ' ']).trim();
    if t.starts_with(['*', '-', '•', '·', '–']) {
        return None; // a bullet
    }
    let words = t.split_whitespace().count();
    if t.is_empty() || words > 7 || t.ends_with('.') {
        return None;
    }
    let lower = t.to_lowercase();
    let content = t.trim_end_matches(':').trim();
    let titled = content
        .split_whitespace()
        .all(|w| !w.starts_with(|c: char| c.is_lowercase()) || w.len() <= 4);
    let named = HEADING_WORDS.iter().any(|w| lower.contains(w));
    if !(t.ends_with(':') || (titled && named)) {
        return None;
    }
    if NEUTRAL_HEADINGS.iter().any(|c| lower.contains(c)) {
        return Some(Some(Cue::Neutral));
    }
    // a heading that is only a list of skills ("Python, Go:") is not a section
    if t.ends_with(':') && content.contains(',') {
        return None;
    }
    Some(cue_of(&lower))
}

/// Find the skills a job description names, with their tiers.
///
/// Ambiguous short names (`Go`, `R`, `Excel`) count only when written with
/// their capital letter and as a clear mention: in a list, next to another
/// skill, or with a cue word ("Go programming", "experience in R").
///
/// ```
/// use atscore::Tier;
/// let jd = "Required: Python and SQL.\nBonus: experience with Go.\nYou will go the extra mile.";
/// let found = atscore::jd::extract(jd);
/// let names: Vec<(&str, Tier)> = found.iter().map(|m| (m.text.as_str(), m.tier)).collect();
/// assert_eq!(names, [("Python", Tier::MustHave), ("SQL", Tier::MustHave), ("Go", Tier::Bonus)]);
/// ```
pub fn extract(text: &str) -> Vec<Mention> {
    let toks = tokenize(text);
    let idx = index();
    let lex = skills();

    // per line: its cue and the section cue in force
    let line_count = toks.line_starts.len();
    let line_text = |l: usize| -> &str {
        let start = toks.line_starts[l];
        let end = toks.line_starts.get(l + 1).copied().unwrap_or(text.len());
        text.get(start..end).unwrap_or("")
    };
    let mut section: Vec<Option<Cue>> = Vec::with_capacity(line_count);
    let mut line_cue: Vec<Option<Cue>> = Vec::with_capacity(line_count);
    let mut has_must_section = false;
    let mut current = None;
    for l in 0..line_count {
        let lt = line_text(l);
        match heading_cue(lt) {
            Some(c) => {
                current = c;
                has_must_section |= c == Some(Cue::Must);
                section.push(c);
                line_cue.push(None);
            }
            None => {
                section.push(current);
                let c = cue_of(&lt.to_lowercase());
                has_must_section |= c == Some(Cue::Must);
                line_cue.push(c);
            }
        }
    }
    // sentence-level cues: a long line may hold several sentences
    let sentence_cue = |l: usize, at: usize| -> Option<Cue> {
        let lt = line_text(l);
        let start = toks.line_starts[l];
        let off = at.saturating_sub(start).min(lt.len());
        let from = lt[..off].rfind(". ").map_or(0, |i| i + 2);
        let to = lt[off..].find(". ").map_or(lt.len(), |i| off + i + 1);
        cue_of(&lt.get(from..to).unwrap_or("").to_lowercase()).or(line_cue[l])
    };
    let default = if has_must_section {
        Tier::Bonus
    } else {
        Tier::MustHave
    };

    let n = toks.tokens.len();
    let mut out = Vec::new();
    let mut i = 0;
    let mut key = String::new();
    while i < n {
        let mut found = None;
        let max = MAX_PHRASE.min(n - i);
        // leftmost-longest: try the longest phrase that may start here
        let mut len = 1;
        while len < max && toks.tokens[i + len].gap.joins_phrase() {
            len += 1;
        }
        for l in (1..=len).rev() {
            key.clear();
            for (j, t) in toks.tokens[i..i + l].iter().enumerate() {
                if j > 0 {
                    key.push(' ');
                }
                key.push_str(toks.norm(t));
            }
            let mut hit = idx.by_norm.get(key.as_str()).copied();
            if hit.is_none() {
                let last = &toks.tokens[i + l - 1];
                key.truncate(key.len() - toks.norm(last).len());
                key.push_str(toks.stem(last));
                // a plural or singular of the form ("APIs"), not any word with
                // the same stem ("experience" / "experiment")
                let norm = toks.norm(last);
                hit = idx
                    .by_stem
                    .get(key.as_str())
                    .filter(|(_, _, n)| norm.starts_with(&**n) || n.starts_with(norm))
                    .map(|&(s, f, _)| (s, f));
            }
            if let Some((s, form)) = hit {
                let span = Span::new(
                    toks.tokens[i].span().start,
                    toks.tokens[i + l - 1].span().end,
                );
                let surface = &text[span.range()];
                // right after another skill: "Excel and Word", "Python, Go"
                let after_skill = out.last().is_some_and(|m: &Mention| {
                    let between = text.get(m.span.end..span.start).unwrap_or("x").trim();
                    matches!(
                        between,
                        "" | "," | "/" | "&" | "and" | "or" | ", and" | ", or"
                    )
                });
                if l == 1 && !clear_mention(text, &toks, i, surface, &lex[s], form, after_skill) {
                    continue;
                }
                found = Some((s, l, span));
                break;
            }
        }
        let Some((s, l, span)) = found else {
            i += 1;
            continue;
        };
        let line = toks.tokens[i].line as usize;
        let tier = match sentence_cue(line, span.start).or(section[line]) {
            Some(Cue::Must) => Tier::MustHave,
            Some(Cue::Bonus) => Tier::Bonus,
            Some(Cue::Neutral) | None => default,
        };
        out.push(Mention {
            text: text[span.range()].to_string(),
            span,
            line,
            skill: lex[s].name,
            tier,
            soft: lex[s].soft,
        });
        i += l;
    }
    out
}

/// Whether a one-token hit counts: short all-lowercase words and ambiguous
/// names need their capital and a clear mention.
fn clear_mention(
    text: &str,
    toks: &crate::text::Tokens,
    i: usize,
    surface: &str,
    skill: &LexSkill,
    form: &str,
    after_skill: bool,
) -> bool {
    // an acronym (SQL, ETC) written in lowercase is usually a word ("etc")
    let acronym = form.len() <= 5 && form.chars().all(|c| !c.is_lowercase());
    if acronym && surface.chars().all(|c| !c.is_uppercase()) {
        return false;
    }
    let ambiguous = skill.is_ambiguous(form) || form.chars().count() <= 2;
    if !ambiguous {
        return true;
    }
    // written as the lexicon writes it (Go, R, Excel), not "go" or "GO"
    let same_case = surface == form
        || (surface.eq_ignore_ascii_case(form)
            && surface.starts_with(|c: char| c.is_uppercase())
            && surface[1..] == form[1..]);
    if !same_case {
        return false;
    }
    if after_skill {
        return true;
    }
    let t = &toks.tokens[i];
    let before = text[..t.span().start].trim_end_matches([' ', '\t']);
    let after = text[t.span().end..].trim_start_matches([' ', '\t']);
    let line_start = before.is_empty() || before.ends_with(['\n', ':', '-', '•', '*']);
    let line_end = after.is_empty() || after.starts_with(['\n', '\r']);
    if line_start && line_end {
        return true; // the whole line or bullet is this name
    }
    let list_before = before.ends_with([',', '/', '(', '|', ';']);
    let list_after = after.starts_with([',', '/', ')', '|', ';']);
    let word = |j: usize| toks.tokens.get(j).map(|t| toks.norm(t));
    let prev = i.checked_sub(1).and_then(word);
    let next = word(i + 1);
    if next.is_some_and(|w| lexicon::MENTION_CUES_AFTER.contains(&w))
        && toks.tokens[i + 1].gap == Gap::Space
    {
        return true;
    }
    if prev.is_some_and(|w| lexicon::MENTION_CUES_BEFORE.contains(&w) && w != "and" && w != "or")
        && t.gap == Gap::Space
    {
        return true;
    }
    // in a list: "Python, Go, Rust"
    list_before || list_after
}

impl Role {
    /// The role a job description asks for: its skills, with tiers from its
    /// cues and sections, the posting's wording as each keyword's term, and the
    /// lexicon's other names as aliases. Soft skills go to the bonus tier at
    /// half weight; the overused terms are those of the built-in role.
    ///
    /// Errors: [`Error::InputTooLarge`] above [`MAX_JD_BYTES`];
    /// [`Error::InvalidRole`] when the posting names no skill the lexicon knows.
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
        if text.len() > MAX_JD_BYTES {
            return Err(Error::InputTooLarge {
                len: text.len(),
                limit: MAX_JD_BYTES,
            });
        }
        let lex = skills();
        let mentions = extract(text);
        let mut role = Role {
            name: "job-description".to_string(),
            title: job_title(text),
            description: Some("Extracted from a job description by atscore::jd".to_string()),
            sources: vec![
                "skill lexicon: O*NET 29.2 Technology Skills (CC BY 4.0), GitHub Linguist (MIT), \
                 simple-icons (CC0), ESCO (European Commission)"
                    .to_string(),
            ],
            keywords: Vec::new(),
        };
        // one keyword per skill: the first wording, the strongest tier
        let mut by_skill: FxHashMap<&str, usize> = FxHashMap::default();
        let mut by_key: crate::hash::Map<String, usize> = Default::default();
        for m in &mentions {
            let tier = if m.soft { Tier::Bonus } else { m.tier };
            let key = crate::role::phrase_key(&m.text);
            let at = by_skill.get(m.skill).or_else(|| by_key.get(&key)).copied();
            if let Some(at) = at {
                let k: &mut Keyword = &mut role.keywords[at];
                if tier < k.tier {
                    k.tier = tier;
                }
                continue;
            }
            let Some(entry) = lex.iter().find(|s| s.name == m.skill) else {
                continue;
            };
            let mut k = Keyword::new(m.text.clone(), tier);
            if m.soft {
                k.weight = 0.5;
            }
            let mut taken = vec![key.clone()];
            let alias_ok = |form: &str, taken: &mut Vec<String>| {
                let fk = crate::role::phrase_key(form);
                let ok = !fk.is_empty()
                    && !taken.contains(&fk)
                    && !by_key.contains_key(&fk)
                    && (!entry.is_ambiguous(form) || lexicon::is_ambiguous(form))
                    && form.chars().count() > 1;
                if ok {
                    taken.push(fk);
                }
                ok
            };
            if let Some(acr) = entry.acronym {
                let pair = if crate::role::phrase_key(acr) == key {
                    entry.name
                } else {
                    acr
                };
                if alias_ok(pair, &mut taken) {
                    // an acronym nobody spells out (SQL, API) is an alias:
                    // matched either way, no "write both" advice
                    if lexicon::skill(acr).is_none_or(|sk| sk.write_both) {
                        k.acronym = Some(pair.to_string());
                    } else {
                        k.aliases.push(pair.to_string());
                    }
                }
            }
            for form in std::iter::once(entry.name).chain(entry.aliases.iter().copied()) {
                if k.aliases.len() < 8 && alias_ok(form, &mut taken) {
                    k.aliases.push(form.to_string());
                }
            }
            if entry.is_ambiguous(m.skill) || lexicon::is_ambiguous(&m.text) {
                k.ambiguous = Some(true);
            }
            for t in taken {
                by_key.insert(t, role.keywords.len());
            }
            by_skill.insert(m.skill, role.keywords.len());
            role.keywords.push(k);
        }
        if role.keywords.is_empty() {
            return Err(Error::role(
                "must_have",
                "the job description names no skill the lexicon knows",
            ));
        }
        // must-haves first, then bonus, each in posting order
        role.keywords.sort_by_key(|k| k.tier);
        if let Ok(builtin) = Role::builtin("backend-developer") {
            for k in builtin.keywords {
                if k.tier == Tier::Overused
                    && !by_key.contains_key(&crate::role::phrase_key(&k.term))
                {
                    role.keywords.push(k);
                }
            }
        }
        role.validate()?;
        Ok(role)
    }
}

/// The posting's title: its first non-empty line, if short.
fn job_title(text: &str) -> Option<String> {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    (first.split_whitespace().count() <= 8 && !first.ends_with('.'))
        .then(|| first.trim_end_matches(':').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_parses() {
        let s = skills();
        assert!(s.len() > 1000, "{}", s.len());
        let css = s.iter().find(|s| s.acronym == Some("CSS")).unwrap();
        assert!(css.name.to_lowercase().starts_with("cascading style"));
        let excel = s.iter().find(|s| s.name == "Microsoft Excel").unwrap();
        assert!(excel.aliases.contains(&"Excel"));
        assert!(
            s.iter()
                .all(|s| !s.name.is_empty() && !s.name.starts_with('~'))
        );
    }

    #[test]
    fn ambiguous_words_need_clear_mentions() {
        for (jd, want) in [
            ("Languages: Go, Rust, Python", vec!["Go", "Rust", "Python"]),
            ("You will go far and rust never sleeps", vec![]),
            ("Experience in R or Python", vec!["R", "Python"]),
            ("Reports to the CTO. Word of mouth.", vec![]),
            ("Microsoft Excel and Word", vec!["Microsoft Excel", "Word"]),
        ] {
            let got: Vec<String> = extract(jd).into_iter().map(|m| m.text).collect();
            assert_eq!(got, want, "{jd}");
        }
    }

    #[test]
    fn tiers_from_sections_and_cues() {
        let jd = "About the role\nYou will build services in Java.\n\nRequirements\n- Kafka\n- Docker is a plus\n\nNice to have\n- Terraform\n\nBenefits\n- Slack\n";
        let got: Vec<(String, Tier)> = extract(jd).into_iter().map(|m| (m.text, m.tier)).collect();
        let want = [
            ("Java", Tier::Bonus),
            ("Kafka", Tier::MustHave),
            ("Docker", Tier::Bonus),
            ("Terraform", Tier::Bonus),
        ];
        for (t, tier) in want {
            assert!(
                got.contains(&(t.to_string(), tier)),
                "{t} {tier:?} in {got:?}"
            );
        }
    }
}
