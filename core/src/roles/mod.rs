//! Roles: the keywords a job asks for, in tiers, read from JSON or TOML.
//!
//! A role file lists keywords under `must_have`, `bonus` and `overused`. Each
//! entry is either a string or a table:
//!
//! ```toml
//! name = "data-engineer"
//! title = "Data Engineer"
//! must_have = [
//!     "SQL",
//!     "Cloud Computing (AWS/Azure/GCP)",   # any of the three satisfies it
//!     "Extract, Transform, Load (ETL)",    # acronym and full form
//!     { term = "Python", weight = 2 },
//! ]
//! bonus = ["Apache Spark", { term = "Go", aliases = ["Golang"] }]
//! overused = ["team player"]
//! ```
//!
//! ```
//! let toml = r#"
//! name = "data-engineer"
//! must_have = ["SQL", "Cloud Computing (AWS/Azure/GCP)", { term = "Python", weight = 2 }]
//! "#;
//! let role = atscore::Role::from_toml(toml).unwrap();
//! assert_eq!(role.keywords.len(), 3);
//! assert_eq!(role.keywords[1].parsed().any_of, ["AWS", "Azure", "GCP"]);
//! ```

use std::fmt;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result, RoleFormat};
use crate::text::tokenize;

/// Keyword tier.
///
/// ```
/// assert_eq!(serde_json::to_string(&atscore::Tier::MustHave).unwrap(), "\"must_have\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Required by the role: missing ones cost the most.
    MustHave,
    /// Strong pluses.
    Bonus,
    /// Vague buzzwords to replace with evidence.
    Overused,
}

impl Tier {
    /// Name used in role files and reports.
    ///
    /// ```
    /// assert_eq!(atscore::Tier::Bonus.as_str(), "bonus");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::MustHave => "must_have",
            Tier::Bonus => "bonus",
            Tier::Overused => "overused",
        }
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Tier::MustHave => "must-have",
            Tier::Bonus => "bonus",
            Tier::Overused => "overused",
        })
    }
}

/// One keyword of a role.
///
/// ```
/// let k = atscore::Keyword::new("Amazon Web Services (AWS)", atscore::Tier::MustHave);
/// let p = k.parsed();
/// assert_eq!(p.name, "Amazon Web Services");
/// assert_eq!(p.pair.as_deref(), Some("AWS"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    /// The keyword as written, possibly in the notation `Name (A/B/C)`.
    pub term: String,
    /// Tier of the keyword.
    pub tier: Tier,
    /// Other names that count as this keyword (reported as "alias").
    pub aliases: Vec<String>,
    /// Acronym (or full form, if `term` is the acronym) paired with the term.
    pub acronym: Option<String>,
    /// Alternatives any one of which satisfies the keyword (report says which).
    pub any_of: Vec<String>,
    /// Relative weight within its tier (default 1).
    pub weight: f64,
    /// Match the term's exact letter case only.
    pub case_sensitive: bool,
    /// Whether a one-word form is a common word (`Go`, `R`) that counts only as
    /// a clear mention; `None` asks the built-in lexicon.
    pub ambiguous: Option<bool>,
    /// For overused terms: what to write instead.
    pub suggestion: Option<String>,
    /// Add the built-in lexicon's aliases and acronym for this term (default true).
    pub lexicon: bool,
    /// A soft skill (communication, teamwork): a role extracted from a posting
    /// keeps them apart from the hard skills, as bonus keywords at half weight.
    pub soft: bool,
    /// Where a keyword extracted from a job posting came from, and why it got
    /// its tier; `None` for hand-written roles.
    pub evidence: Option<Evidence>,
}

/// The posting line a keyword was extracted from, and why it got its tier.
///
/// ```
/// let role = atscore::Role::from_job_description("Requirements:\n- 5+ years of Java\n")?;
/// let ev = role.keywords[0].evidence.as_ref().unwrap();
/// assert_eq!((ev.line, ev.text.as_str()), (2, "- 5+ years of Java"));
/// assert!(ev.reason.contains("years"));
/// # Ok::<(), atscore::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// 1-based line number in the posting.
    pub line: usize,
    /// The line, trimmed (at most 300 bytes).
    pub text: String,
    /// Why the keyword got its tier: the cue on its line, or its section.
    pub reason: String,
}

/// A keyword's term split into its parts (see [`Keyword::parsed`]).
///
/// ```
/// let k = atscore::Keyword::new("Cloud Computing (AWS/Azure/GCP)", atscore::Tier::MustHave);
/// let p = k.parsed();
/// assert_eq!((p.name.as_str(), p.any_of.len(), p.pair), ("Cloud Computing", 3, None));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedTerm {
    /// The name without the parenthesis.
    pub name: String,
    /// Alternatives that satisfy the keyword: from the parenthesis and `any_of`.
    pub any_of: Vec<String>,
    /// Acronym ↔ full form paired with the name.
    pub pair: Option<String>,
}

impl Keyword {
    /// A keyword with default settings.
    ///
    /// ```
    /// let k = atscore::Keyword::new("SQL", atscore::Tier::MustHave);
    /// assert_eq!(k.weight, 1.0);
    /// ```
    pub fn new(term: impl Into<String>, tier: Tier) -> Self {
        Keyword {
            term: term.into(),
            tier,
            aliases: Vec::new(),
            acronym: None,
            any_of: Vec::new(),
            weight: 1.0,
            case_sensitive: false,
            ambiguous: None,
            suggestion: None,
            lexicon: true,
            soft: false,
            evidence: None,
        }
    }

    /// Split the notation `Name (A/B/C)`: several alternatives, or one that is
    /// the acronym of the name (`Amazon Web Services (AWS)`) or its full form
    /// (`AWS (Amazon Web Services)`).
    ///
    /// ```
    /// let k = atscore::Keyword::new("AWS (Amazon Web Services)", atscore::Tier::Bonus);
    /// assert_eq!(k.parsed().pair.as_deref(), Some("Amazon Web Services"));
    /// let k = atscore::Keyword::new("Containers (Docker)", atscore::Tier::Bonus);
    /// assert_eq!(k.parsed().any_of, ["Docker"]);
    /// ```
    pub fn parsed(&self) -> ParsedTerm {
        let term = self.term.trim();
        let mut out = ParsedTerm {
            name: term.to_string(),
            any_of: Vec::new(),
            pair: self.acronym.clone(),
        };
        if let (Some(open), true) = (term.find('('), term.ends_with(')')) {
            let name = term[..open].trim();
            let inner = term[open + 1..term.len() - 1].trim();
            if !name.is_empty() && !inner.is_empty() && !inner.contains(['(', ')']) {
                out.name = name.to_string();
                let parts: Vec<&str> = if is_acronym_of(inner, name) || is_acronym_of(name, inner) {
                    vec![inner]
                } else {
                    inner
                        .split([',', ';', '|'])
                        .flat_map(|p| split_slash(p.trim()))
                        .filter(|p| !p.is_empty())
                        .collect()
                };
                if parts.len() == 1
                    && out.pair.is_none()
                    && (is_acronym_of(parts[0], name) || is_acronym_of(name, parts[0]))
                {
                    out.pair = Some(parts[0].to_string());
                } else {
                    out.any_of.extend(parts.iter().map(|p| p.to_string()));
                }
            }
        }
        for a in &self.any_of {
            if !out.any_of.iter().any(|x| x.eq_ignore_ascii_case(a)) {
                out.any_of.push(a.clone());
            }
        }
        out
    }
}

/// Split `A/B` into alternatives, unless the slash is part of a term (`CI/CD`).
fn split_slash(p: &str) -> Vec<&str> {
    let toks = tokenize(p);
    if toks.tokens.len() == 1 {
        return vec![p];
    }
    p.split('/').map(str::trim).collect()
}

/// Whether `short` is the acronym of `long` (initials of its words, small
/// words optional): `AWS` of `Amazon Web Services`, `CI/CD` of
/// `Continuous Integration/Continuous Delivery`.
pub(crate) fn is_acronym_of(short: &str, long: &str) -> bool {
    let letters: Vec<char> = short
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if letters.len() < 2 || letters.len() > 8 || short.contains(' ') {
        return false;
    }
    let words: Vec<String> = long
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    if words.len() < 2 {
        return false;
    }
    // match letters against word initials; small words may be skipped, and a
    // word may give more than one letter (DevOps: "Development and Operations")
    fn go(letters: &[char], words: &[String]) -> bool {
        match (letters.first(), words.first()) {
            (None, None) => true,
            (None, Some(_)) => words.iter().all(|w| SMALL_WORDS.contains(&w.as_str())),
            (Some(_), None) => false,
            (Some(&c), Some(w)) => {
                if SMALL_WORDS.contains(&w.as_str()) && go(letters, &words[1..]) {
                    return true;
                }
                let wc: Vec<char> = w.chars().collect();
                if wc[0] != c {
                    return false;
                }
                // take a prefix of the word of 1..=len letters that matches
                (1..=wc.len().min(letters.len()))
                    .take_while(|&k| wc[..k] == letters[..k])
                    .any(|k| go(&letters[k..], &words[1..]))
            }
        }
    }
    go(&letters, &words)
}

const SMALL_WORDS: &[&str] = &["and", "of", "the", "for", "as", "a", "an", "to", "in", "on"];

/// A role: a name and its keywords in tiers.
///
/// ```
/// let role = atscore::Role::builtin("backend-developer").unwrap();
/// assert!(role.keywords.iter().any(|k| k.term == "SQL"));
/// let json = role.to_json();
/// assert_eq!(atscore::Role::from_json(&json).unwrap(), role);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Role {
    /// Short identifier, e.g. `backend-developer`.
    pub name: String,
    /// Human title, e.g. `Backend Developer`.
    pub title: Option<String>,
    /// What the role is.
    pub description: Option<String>,
    /// Where the keywords come from (URLs, documents).
    pub sources: Vec<String>,
    /// Keywords in file order: must-haves, then bonus, then overused.
    pub keywords: Vec<Keyword>,
    /// What a job posting asks for beyond keywords (years, education,
    /// certifications, languages, travel, clearance); empty for hand-written
    /// roles.
    pub requirements: Requirements,
}

/// A posting's requirements beyond keywords, each with the line it was read
/// from. Part of a role extracted with [`Role::from_job_description`] and of
/// its role file (`[requirements]`).
///
/// ```
/// let role = atscore::Role::from_job_description(
///     "Requirements:\n- Bachelor's degree in Accounting or Finance\n- CPA required\n- 3+ years of experience in accounts payable\n",
/// )?;
/// let r = &role.requirements;
/// assert_eq!(r.years.as_ref().map(|y| y.min), Some(3));
/// assert_eq!(r.education.as_ref().map(|e| e.level), Some(atscore::EducationLevel::Bachelor));
/// assert!(r.certifications.iter().any(|c| c.name == "CPA"));
/// # Ok::<(), atscore::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirements {
    /// Minimum years of experience overall.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<Years>,
    /// Minimum years with a named skill ("5+ years of Java").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skill_years: Vec<SkillYears>,
    /// Education asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education: Option<Education>,
    /// Certifications and licences (PMP, CPA, RN licence).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certifications: Vec<Certification>,
    /// Spoken languages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Stated>,
    /// Travel, as stated ("up to 25% travel").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub travel: Option<Stated>,
    /// Security clearance, as stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clearance: Option<Stated>,
}

impl Requirements {
    /// Whether nothing is stated.
    ///
    /// ```
    /// assert!(atscore::Requirements::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        *self == Requirements::default()
    }
}

/// Minimum years of experience overall.
///
/// ```
/// let y = atscore::Years { min: 5, evidence: "5+ years of experience".into() };
/// assert_eq!(y.min, 5);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Years {
    /// The minimum.
    pub min: u32,
    /// The posting's line.
    pub evidence: String,
}

/// Minimum years with one skill.
///
/// ```
/// let y = atscore::SkillYears { skill: "Java".into(), min: 5, evidence: "5+ years of Java".into() };
/// assert_eq!(y.skill, "Java");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillYears {
    /// The skill, as the posting writes it.
    pub skill: String,
    /// The minimum.
    pub min: u32,
    /// The posting's line.
    pub evidence: String,
}

/// Level of education, lowest first.
///
/// ```
/// use atscore::EducationLevel;
/// assert!(EducationLevel::Master > EducationLevel::Bachelor);
/// assert_eq!(serde_json::to_string(&EducationLevel::HighSchool).unwrap(), "\"high_school\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EducationLevel {
    /// High school diploma, GED.
    HighSchool,
    /// Associate degree, diploma of a vocational school.
    Associate,
    /// Bachelor's degree (BS, BA, BEng, "a degree").
    Bachelor,
    /// Master's degree (MS, MA, MBA).
    Master,
    /// Doctorate (PhD).
    Doctorate,
}

impl EducationLevel {
    /// The level's name in reports.
    ///
    /// ```
    /// assert_eq!(atscore::EducationLevel::Doctorate.as_str(), "doctorate");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            EducationLevel::HighSchool => "high school",
            EducationLevel::Associate => "associate degree",
            EducationLevel::Bachelor => "bachelor's degree",
            EducationLevel::Master => "master's degree",
            EducationLevel::Doctorate => "doctorate",
        }
    }
}

/// Education a posting asks for.
///
/// ```
/// use atscore::{Education, EducationLevel};
/// let e = Education { level: EducationLevel::Bachelor, fields: vec!["Nursing".into()],
///     preferred: Some(EducationLevel::Master), equivalent_experience: false,
///     required: true, evidence: "BSN in Nursing required, MSN preferred".into() };
/// assert_eq!(e.fields, ["Nursing"]);
/// assert!(e.preferred > Some(e.level));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Education {
    /// The lowest level that qualifies.
    pub level: EducationLevel,
    /// Fields of study, as the posting writes them (any one qualifies).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// A higher level the posting prefers ("Bachelor's degree, MBA
    /// preferred"): always above `level`, never required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred: Option<EducationLevel>,
    /// "or equivalent experience": experience may stand in for the degree.
    #[serde(default, skip_serializing_if = "is_false")]
    pub equivalent_experience: bool,
    /// Whether the posting requires a degree at all: false where it only
    /// prefers one ("Bachelor's degree preferred"), so a resume without it
    /// loses no points (role files without the field: true).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub required: bool,
    /// The posting's line.
    pub evidence: String,
}

/// A certification or licence a posting names.
///
/// ```
/// let c = atscore::Certification { name: "PMP".into(), required: true,
///     aliases: vec!["Project Management Professional".into()], alternatives: vec![],
///     evidence: "PMP required".into() };
/// assert!(c.required);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Certification {
    /// Its name as the posting writes it.
    pub name: String,
    /// Required (a must-have cue or section), or only preferred.
    pub required: bool,
    /// Its other names a resume may write (from the skill lexicon when the
    /// posting was read: "CPA" for Certified Public Accountant). Kept in
    /// the role, so that checking a resume needs no lexicon.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Other certifications the posting accepts instead, any one of them
    /// enough ("a CPA or CGFM": Certified Government Financial Manager);
    /// their other names are in `aliases`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<String>,
    /// The posting's line.
    pub evidence: String,
}

/// Something a posting states, with its line: a spoken language, travel,
/// clearance.
///
/// ```
/// let s = atscore::Stated { value: "Spanish".into(), evidence: "Fluent Spanish".into() };
/// assert_eq!(s.value, "Spanish");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stated {
    /// What is asked for.
    pub value: String,
    /// The posting's line.
    pub evidence: String,
}

/// Built-in roles: `(name, JSON)`, made by `build.rs` from `roles/*.toml`.
pub(crate) static BUILTIN: &[(&str, &str)] = &[
    (
        "backend-developer",
        include_str!(concat!(env!("OUT_DIR"), "/roles/backend-developer.json")),
    ),
    (
        "software-developer",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/roles/onet-software-developer.json"
        )),
    ),
    (
        "web-developer",
        include_str!(concat!(env!("OUT_DIR"), "/roles/onet-web-developer.json")),
    ),
    (
        "database-administrator",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/roles/onet-database-administrator.json"
        )),
    ),
    (
        "data-scientist",
        include_str!(concat!(env!("OUT_DIR"), "/roles/onet-data-scientist.json")),
    ),
    (
        "systems-administrator",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/roles/onet-systems-administrator.json"
        )),
    ),
    (
        "security-analyst",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/roles/onet-security-analyst.json"
        )),
    ),
];

/// Job titles of the built-in roles: `role<TAB>title` lines (generated by
/// `scripts/gen-roles.py` from O*NET alternate titles, plus hand-written ones).
pub(crate) static TITLES: &str = include_str!("../../roles/titles.tsv");

/// The titles `titles.tsv` gives a hand-kept role.
pub(crate) fn titles_of(name: &str) -> impl Iterator<Item = &'static str> + '_ {
    TITLES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(move |(n, _)| *n == name)
        .map(|(_, t)| t)
}

/// The overused terms every generated role carries (a posting's checklist,
/// a library role): the backend-developer role's.
pub(crate) fn overused_keywords() -> &'static [Keyword] {
    static OVERUSED: std::sync::OnceLock<Vec<Keyword>> = std::sync::OnceLock::new();
    OVERUSED.get_or_init(|| {
        Role::builtin("backend-developer")
            .map(|r| {
                r.keywords
                    .into_iter()
                    .filter(|k| k.tier == Tier::Overused)
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// A job title's identity for [`Role::find`]: its letters and digits in
/// lowercase, without spaces or punctuation (`Back-End` = `backend`), a few
/// abbreviations expanded (`admin`, `dev`) and seniority words dropped.
pub(crate) fn title_key(s: &str) -> String {
    let lower = crate::text::normalize(s);
    let mut out = String::new();
    for w in lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if matches!(
            w,
            "senior" | "sr" | "junior" | "jr" | "lead" | "principal" | "staff" | "i" | "ii" | "iii"
        ) {
            continue;
        }
        out.push_str(match w {
            "admin" => "administrator",
            "dev" => "developer",
            "sysadmin" => "systemsadministrator",
            _ => w,
        });
    }
    out
}

impl Role {
    /// The role a front end scores against when none is given: the
    /// hand-curated backend developer of the project's sources.
    ///
    /// ```
    /// let role = atscore::Role::builtin(atscore::Role::DEFAULT)?;
    /// assert_eq!(role.title.as_deref(), Some("Backend Developer"));
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub const DEFAULT: &'static str = "backend-developer";

    /// Names of the seven hand-kept built-in roles (the role library has a
    /// role for every occupation besides: [`crate::library`]).
    ///
    /// ```
    /// assert!(atscore::Role::builtin_names().contains(&"backend-developer"));
    /// ```
    pub fn builtin_names() -> Vec<&'static str> {
        BUILTIN.iter().map(|(n, _)| *n).collect()
    }

    /// Parse and validate a role from JSON.
    ///
    /// ```
    /// let role = atscore::Role::from_json(r#"{"name": "x", "must_have": ["SQL", {"term": "Go", "case_sensitive": true}]}"#).unwrap();
    /// assert!(role.keywords[1].case_sensitive);
    /// let err = atscore::Role::from_json(r#"{"name": "x", "must_hav": ["SQL"]}"#).unwrap_err();
    /// assert!(err.to_string().contains("must_hav"));
    /// ```
    pub fn from_json(s: &str) -> Result<Role> {
        let file: RoleFile = serde_json::from_str(s).map_err(|e| Error::RoleParse {
            format: RoleFormat::Json,
            line: (e.line() > 0).then_some(e.line()),
            column: (e.column() > 0).then_some(e.column()),
            message: strip_position(&e.to_string()),
        })?;
        let role = file.into_role();
        role.validate()?;
        Ok(role)
    }

    /// Parse and validate a role from TOML.
    ///
    /// ```
    /// let err = atscore::Role::from_toml("name = \"x\"\nmust_have = [{ term = \"SQL\", weight = -1 }]").unwrap_err();
    /// assert_eq!(err.to_string(), "invalid role: keyword \"SQL\", field `weight`: must be a number above 0 and at most 100, got -1");
    /// ```
    pub fn from_toml(s: &str) -> Result<Role> {
        let file: RoleFile = toml::from_str(s).map_err(|e| {
            let (line, column) = match e.span() {
                Some(span) => {
                    let before = &s[..span.start.min(s.len())];
                    let line = before.matches('\n').count() + 1;
                    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                    (Some(line), Some(col))
                }
                None => (None, None),
            };
            Error::RoleParse {
                format: RoleFormat::Toml,
                line,
                column,
                message: e.message().to_string(),
            }
        })?;
        let role = file.into_role();
        role.validate()?;
        Ok(role)
    }

    /// The role as pretty JSON, in the role-file format.
    ///
    /// ```
    /// let json = atscore::Role::builtin("backend-developer").unwrap().to_json();
    /// assert!(json.contains("\"must_have\""));
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&RoleFile::from_role(self)).unwrap_or_default()
    }

    /// The role as TOML, in the role-file format (a template for custom roles).
    ///
    /// ```
    /// let role = atscore::Role::builtin("backend-developer").unwrap();
    /// assert_eq!(atscore::Role::from_toml(&role.to_toml()).unwrap(), role);
    /// ```
    pub fn to_toml(&self) -> String {
        toml::to_string(&RoleFile::from_role(self)).unwrap_or_default()
    }

    /// Check the role: at least one must-have or bonus keyword; every term,
    /// alias and weight valid; no keyword twice. Errors name the keyword and field.
    ///
    /// ```
    /// use atscore::{Keyword, Role, Tier};
    /// let mut role = Role { name: "x".into(), ..Role::default() };
    /// assert!(role.validate().is_err()); // no keywords
    /// role.keywords.push(Keyword::new("SQL", Tier::MustHave));
    /// role.keywords.push(Keyword::new("sql", Tier::Bonus));
    /// let err = role.validate().unwrap_err();
    /// assert!(err.to_string().contains("duplicate"));
    /// ```
    pub fn validate(&self) -> Result<()> {
        if self.name.trim().is_empty() {
            return Err(Error::role("name", "must not be empty"));
        }
        if self.name.chars().count() > 100 {
            return Err(Error::role("name", "must be at most 100 characters"));
        }
        if !self.keywords.iter().any(|k| k.tier != Tier::Overused) {
            return Err(Error::role(
                "must_have",
                "a role needs at least one must-have or bonus keyword",
            ));
        }
        let mut seen: crate::hash::Map<String, usize> = Default::default();
        for (i, k) in self.keywords.iter().enumerate() {
            let label = if k.term.trim().is_empty() {
                format!("#{} in {}", i + 1, k.tier.as_str())
            } else {
                k.term.clone()
            };
            check_phrase(&label, "term", &k.term)?;
            if k.term.matches('(').count() != k.term.matches(')').count() {
                return Err(Error::keyword(&label, "term", "unbalanced parenthesis"));
            }
            for a in &k.aliases {
                check_phrase(&label, "aliases", a)?;
            }
            for a in &k.any_of {
                check_phrase(&label, "any_of", a)?;
            }
            if let Some(a) = &k.acronym {
                check_phrase(&label, "acronym", a)?;
            }
            if !(k.weight.is_finite() && k.weight > 0.0 && k.weight <= 100.0) {
                return Err(Error::keyword(
                    &label,
                    "weight",
                    format!("must be a number above 0 and at most 100, got {}", k.weight),
                ));
            }
            let key = phrase_key(&k.parsed().name);
            if let Some(&j) = seen.get(&key) {
                let other = &self.keywords[j];
                return Err(Error::keyword(
                    &label,
                    "term",
                    format!(
                        "duplicate of keyword {:?} ({}); list each keyword once",
                        other.term,
                        other.tier.as_str()
                    ),
                ));
            }
            seen.insert(key, i);
        }
        Ok(())
    }
}

/// A phrase's identity for duplicate checks: its normalized tokens.
pub(crate) fn phrase_key(s: &str) -> String {
    // ASCII letters and digits between spaces are each one token, its
    // norm lowercase: no tokenizer needed (the lexicon's forms, most of
    // them, are keyed at its first use)
    if s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ') {
        let mut key = String::with_capacity(s.len());
        for w in s.split(' ').filter(|w| !w.is_empty()) {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(w);
        }
        key.make_ascii_lowercase();
        return key;
    }
    tokenized_key(s)
}

/// [`phrase_key`] by the tokenizer (norms only: no word is stemmed).
pub(crate) fn tokenized_key(s: &str) -> String {
    crate::text::tokenize_unstemmed(s).norm_words().join(" ")
}

fn check_phrase(keyword: &str, field: &str, s: &str) -> Result<()> {
    let t = s.trim();
    if t.is_empty() {
        return Err(Error::keyword(keyword, field, "must not be empty"));
    }
    if t.chars().count() > 200 {
        return Err(Error::keyword(
            keyword,
            field,
            "must be at most 200 characters",
        ));
    }
    let toks = tokenize(t);
    if toks.tokens.is_empty() {
        return Err(Error::keyword(
            keyword,
            field,
            format!("{t:?} has no letters or digits to match"),
        ));
    }
    if toks.tokens.len() > 12 {
        return Err(Error::keyword(keyword, field, "must be at most 12 words"));
    }
    Ok(())
}

fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

// ---------------------------------------------------------------------------
// File format
// ---------------------------------------------------------------------------

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RoleFile {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sources: Vec<String>,
    #[serde(default)]
    must_have: Vec<Entry>,
    #[serde(default)]
    bonus: Vec<Entry>,
    #[serde(default)]
    overused: Vec<Entry>,
    #[serde(default, skip_serializing_if = "Requirements::is_empty")]
    requirements: Requirements,
}

impl RoleFile {
    fn into_role(self) -> Role {
        let mut keywords = Vec::new();
        for (tier, list) in [
            (Tier::MustHave, self.must_have),
            (Tier::Bonus, self.bonus),
            (Tier::Overused, self.overused),
        ] {
            for e in list {
                let mut k = e.0;
                k.tier = tier;
                keywords.push(k);
            }
        }
        Role {
            name: self.name,
            title: self.title,
            description: self.description,
            sources: self.sources,
            keywords,
            requirements: self.requirements,
        }
    }

    fn from_role(role: &Role) -> RoleFile {
        let tier = |t: Tier| -> Vec<Entry> {
            role.keywords
                .iter()
                .filter(|k| k.tier == t)
                .map(|k| Entry(k.clone()))
                .collect()
        };
        RoleFile {
            name: role.name.clone(),
            title: role.title.clone(),
            description: role.description.clone(),
            sources: role.sources.clone(),
            must_have: tier(Tier::MustHave),
            bonus: tier(Tier::Bonus),
            overused: tier(Tier::Overused),
            requirements: role.requirements.clone(),
        }
    }
}

/// One keyword entry: a string, or a table with `term` and options.
struct Entry(Keyword);

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryTable {
    term: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    acronym: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    any_of: Vec<String>,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    weight: f64,
    #[serde(default, skip_serializing_if = "is_false")]
    case_sensitive: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ambiguous: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    suggestion: Option<String>,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    lexicon: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    soft: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    evidence: Option<Evidence>,
}

fn one() -> f64 {
    1.0
}
fn yes() -> bool {
    true
}
fn is_one(w: &f64) -> bool {
    *w == 1.0
}
fn is_false(b: &bool) -> bool {
    !*b
}
fn is_true(b: &bool) -> bool {
    *b
}

impl Serialize for Entry {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let k = &self.0;
        let plain = k.aliases.is_empty()
            && k.acronym.is_none()
            && k.any_of.is_empty()
            && k.weight == 1.0
            && !k.case_sensitive
            && k.ambiguous.is_none()
            && k.suggestion.is_none()
            && k.lexicon
            && !k.soft
            && k.evidence.is_none();
        if plain {
            s.serialize_str(&k.term)
        } else {
            EntryTable {
                term: k.term.clone(),
                aliases: k.aliases.clone(),
                acronym: k.acronym.clone(),
                any_of: k.any_of.clone(),
                weight: k.weight,
                case_sensitive: k.case_sensitive,
                ambiguous: k.ambiguous,
                suggestion: k.suggestion.clone(),
                lexicon: k.lexicon,
                soft: k.soft,
                evidence: k.evidence.clone(),
            }
            .serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Entry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a keyword: a string or a table with `term`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Entry, E> {
                Ok(Entry(Keyword::new(v, Tier::MustHave)))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> std::result::Result<Entry, A::Error> {
                let t = EntryTable::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Entry(Keyword {
                    term: t.term,
                    tier: Tier::MustHave,
                    aliases: t.aliases,
                    acronym: t.acronym,
                    any_of: t.any_of,
                    weight: t.weight,
                    case_sensitive: t.case_sensitive,
                    ambiguous: t.ambiguous,
                    suggestion: t.suggestion,
                    lexicon: t.lexicon,
                    soft: t.soft,
                    evidence: t.evidence,
                }))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> std::result::Result<Entry, A::Error> {
                Err(de::Error::custom(
                    "a keyword must be a string or a table with `term`, not a list",
                ))
            }
        }
        d.deserialize_any(V)
    }
}

/// `(alternative, full form, acronym)` for the keyword's term (alternative
/// `None`) and each of its alternatives whose acronym matters to an ATS.
pub(crate) fn acronym_pairs(
    k: &Keyword,
    parsed: &ParsedTerm,
) -> Vec<(Option<String>, String, String)> {
    let mut out = Vec::new();
    let lex = |term: &str| {
        crate::text::lexicon::skill(term)
            .filter(|sk| sk.write_both)
            .and_then(|sk| Some((sk.name.to_string(), sk.acronym?.to_string())))
    };
    if let Some(pair) = &parsed.pair {
        let (full, acro) = order_pair(&parsed.name, pair);
        out.push((None, full, acro));
    } else if k.lexicon {
        if let Some((full, acro)) = lex(&parsed.name) {
            out.push((None, full, acro));
        }
    }
    if k.lexicon {
        for alt in &parsed.any_of {
            if let Some((full, acro)) = lex(alt) {
                out.push((Some(alt.clone()), full, acro));
            }
        }
    }
    out
}

fn order_pair(a: &str, b: &str) -> (String, String) {
    if is_acronym_of(b, a) {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms() {
        for (short, long, want) in [
            ("AWS", "Amazon Web Services", true),
            ("CI/CD", "Continuous Integration/Continuous Delivery", true),
            ("IAM", "Identity and Access Management", true),
            ("DevOps", "Development and Operations", false), // "ops" is not a prefix of "operations"
            ("FinOps", "Financial Operations", false),
            ("MLOps", "Machine Learning Operations", false),
            ("NoSQL", "Not Only SQL", true),
            ("ETL", "Extract, Transform, Load", true),
            ("GCP", "Google Cloud Platform", true),
            ("AWS", "Azure", false),
            ("Docker", "Containers", false),
            ("SQL", "Structured Query", false),
        ] {
            assert_eq!(is_acronym_of(short, long), want, "{short} / {long}");
        }
    }

    #[test]
    fn notation() {
        let p = Keyword::new("Cloud Computing (AWS/Azure/GCP)", Tier::MustHave).parsed();
        assert_eq!(p.name, "Cloud Computing");
        assert_eq!(p.any_of, ["AWS", "Azure", "GCP"]);
        let p = Keyword::new("Continuous Delivery (CI/CD)", Tier::MustHave).parsed();
        assert_eq!(p.any_of, ["CI/CD"]);
        let p = Keyword::new("Languages (C++, C#, Go)", Tier::MustHave).parsed();
        assert_eq!(p.any_of, ["C++", "C#", "Go"]);
    }

    #[test]
    fn errors_name_keyword_and_field() {
        let e = Role::from_json(r#"{"name":"x","must_have":[{"term":"SQL","aliases":[""]}]}"#)
            .unwrap_err();
        assert_eq!(
            e,
            Error::InvalidKeyword {
                keyword: "SQL".into(),
                field: "aliases".into(),
                reason: "must not be empty".into()
            }
        );
        let e =
            Role::from_json(r#"{"name":"x","must_have":[{"term":"SQL","wieght":2}]}"#).unwrap_err();
        assert!(matches!(e, Error::RoleParse { line: Some(1), .. }), "{e}");
        assert!(e.to_string().contains("wieght"), "{e}");
        let e = Role::from_toml("name = \"x\"\nbonus = [\"!!!\"]").unwrap_err();
        assert!(e.to_string().contains("no letters or digits"), "{e}");
        let e = Role::from_toml("name = \"x\"\nbonus = [[\"a\"]]").unwrap_err();
        assert!(matches!(e, Error::RoleParse { line: Some(2), .. }), "{e}");
        let e = Role::from_toml("name = \"x\"\noverused = [\"team player\"]").unwrap_err();
        assert!(
            e.to_string().contains("at least one must-have or bonus"),
            "{e}"
        );
    }

    #[test]
    fn titles_name_builtin_roles() {
        let names = Role::builtin_names();
        let mut seen: crate::hash::Map<String, &str> = Default::default();
        for line in TITLES.lines().filter(|l| !l.starts_with('#')) {
            let (name, title) = line.split_once('\t').expect("role<TAB>title");
            assert!(names.contains(&name), "{line}");
            let key = title_key(title);
            assert!(!key.is_empty(), "{line}");
            if let Some(other) = seen.insert(key, name) {
                assert_eq!(other, name, "title {title:?} names two roles");
            }
        }
        for name in names {
            assert!(
                TITLES.lines().any(|l| l.starts_with(&format!("{name}\t"))),
                "{name}"
            );
            let role = Role::builtin(name).unwrap();
            assert_eq!(Role::find(role.title.as_deref().unwrap()).unwrap(), role);
        }
    }

    #[test]
    fn builtin_round_trips() {
        let role = Role::builtin("Backend Developer").unwrap();
        assert_eq!(Role::from_toml(&role.to_toml()).unwrap(), role);
        assert_eq!(Role::from_json(&role.to_json()).unwrap(), role);
    }
}
