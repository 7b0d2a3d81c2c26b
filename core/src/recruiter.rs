//! Recruiter checks: what a recruiter verifies beyond keywords when a resume
//! is read against a job posting (a role with [`Requirements`](crate::Requirements) or keyword
//! evidence, as [`Role::from_job_description`] makes): the job title, the
//! years of experience, the education level and the required
//! certifications. Each is a [`RecruiterCheck`] in [`Report::recruiter`]
//! and a penalty in the score item `recruiter` (see [`ScoreWeights`]).
//!
//! A hand-written role without requirements leaves them out: its reports
//! have no recruiter checks and no `recruiter` score item.
//!
//! [`Report::recruiter`]: crate::Report::recruiter
//! [`ScoreWeights`]: crate::ScoreWeights

use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

use crate::analysis::ScoreWeights;
use crate::document::Document;
use crate::lexicon::Section;
use crate::role::{EducationLevel, Role};

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

/// Whether a role comes from a posting: it has requirements, or keywords
/// with evidence.
pub(crate) fn applies(role: &Role) -> bool {
    !role.requirements.is_empty() || role.keywords.iter().any(|k| k.evidence.is_some())
}

/// The checks of a resume against a posting's role, with their points
/// (capped in total at `recruiter_max`).
pub(crate) fn check(role: &Role, doc: &Document<'_>, w: &ScoreWeights) -> Vec<RecruiterCheck> {
    if !applies(role) {
        return Vec::new();
    }
    let mut out = Vec::new();
    if let Some(t) = role.title.as_deref() {
        out.push(title(t, doc, w));
    }
    let r = &role.requirements;
    if let Some(y) = &r.years {
        out.push(years(y.min, doc, w));
    }
    if let Some(e) = &r.education {
        out.push(education(e, doc, w));
    }
    for c in &r.certifications {
        out.push(certification(&c.name, c.required, doc, w));
    }
    // the penalties together take at most `recruiter_max`
    let mut left = w.recruiter_max;
    for c in &mut out {
        let p = (-c.points).min(left);
        left -= p;
        c.points = if p == 0.0 { 0.0 } else { -p };
    }
    out
}

/// Title words that say seniority, not the job.
const SENIORITY: &[&str] = &[
    "senior",
    "sr",
    "junior",
    "jr",
    "lead",
    "principal",
    "staff",
    "head",
    "chief",
    "associate",
    "intern",
    "trainee",
    "i",
    "ii",
    "iii",
    "iv",
    "mid",
    "level",
    "entry",
    "experienced",
    "remote",
];

/// A title with the words that name the same job made one: an engineer, a
/// developer and a programmer of software do the same work.
fn same_job_words(t: &str) -> String {
    crate::text::tokenize_unstemmed(t)
        .norm_words()
        .into_iter()
        .map(|w| match w {
            "engineer" | "developer" | "programmer" => "developer",
            "engineers" | "developers" | "programmers" => "developers",
            "rn" => "registered nurse",
            "accountant" | "accounting" => "accountant",
            w => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn title(wanted: &str, doc: &Document<'_>, w: &ScoreWeights) -> RecruiterCheck {
    let core: Vec<String> = crate::text::tokenize_unstemmed(wanted)
        .norm_words()
        .into_iter()
        .filter(|t| !SENIORITY.contains(t))
        .map(str::to_string)
        .collect();
    let core_text = core.join(" ");
    let where_titles = |l: &&crate::document::Line| {
        matches!(
            l.section,
            Section::Header | Section::Summary | Section::Experience
        )
    };
    let found = (!core.is_empty())
        .then(|| {
            doc.lines.iter().filter(where_titles).find(|l| {
                let t = &doc.text[l.span.range()];
                crate::analysis::contains_words(t, &core_text)
                    || crate::analysis::contains_words(
                        &same_job_words(t),
                        &same_job_words(&core_text),
                    )
            })
        })
        .flatten();
    match found {
        Some(l) => RecruiterCheck {
            id: "title".into(),
            wanted: wanted.to_string(),
            status: CheckStatus::Met,
            found: Some(format!(
                "line {}: {}",
                l.number,
                clip(&doc.text[l.span.range()])
            )),
            points: 0.0,
            message: "The posting's job title is in your resume.".into(),
        },
        None => RecruiterCheck {
            id: "title".into(),
            wanted: wanted.to_string(),
            status: CheckStatus::Missing,
            found: None,
            points: -w.recruiter_title,
            message: format!(
                "Recruiters search by job title: if it is true of you, write \"{wanted}\" in your headline or summary, or as the title of a matching role."
            ),
        },
    }
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A date at the start of `s` ("Jan 2019", "01/2019", "2019"): (year, month
/// or None) and the bytes it took.
fn date_at(s: &str) -> Option<((u32, Option<u32>), usize)> {
    // a date is short: look at its first bytes only
    let lower = crate::posting::prefix(s, 24).to_ascii_lowercase();
    let b = lower.as_bytes();
    let year_at = |i: usize| -> Option<u32> {
        let y = lower.get(i..i + 4)?;
        let v: u32 = y.parse().ok()?;
        let after_ok = b.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        ((1950..=2100).contains(&v) && after_ok).then_some(v)
    };
    // month name, then a year
    if let Some(m) = MONTHS.iter().position(|m| lower.starts_with(m)) {
        let rest = lower[3..].trim_start_matches(|c: char| c.is_ascii_alphabetic());
        let rest2 = rest.trim_start_matches(['.', ',', ' ', '\'']);
        let at = lower.len() - rest2.len();
        if let Some(y) = year_at(at) {
            return Some(((y, Some(m as u32 + 1)), at + 4));
        }
    }
    // mm/yyyy or mm-yyyy or mm.yyyy
    if b.len() >= 6 && b[0].is_ascii_digit() {
        let (mm, sep) = if b[1].is_ascii_digit() {
            (&lower[..2], 2)
        } else {
            (&lower[..1], 1)
        };
        if matches!(b.get(sep), Some(b'/' | b'-' | b'.'))
            && let (Ok(m), Some(y)) = (mm.parse::<u32>(), year_at(sep + 1))
            && (1..=12).contains(&m)
        {
            return Some(((y, Some(m)), sep + 5));
        }
    }
    year_at(0).map(|y| ((y, None), 4))
}

/// Date ranges of a line: "Jan 2019 – Mar 2022", "2015 - present",
/// "05/2019 to 08/2021": (start month, end month or None for present) as
/// months since year 0.
pub(crate) fn ranges(line: &str) -> Vec<(u32, Option<u32>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < line.len() {
        if !line.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let starts_word = i == 0 || !line[..i].ends_with(|c: char| c.is_alphanumeric());
        let Some(((y1, m1), len)) = starts_word.then(|| date_at(&line[i..])).flatten() else {
            i += 1;
            continue;
        };
        let after = &line[i + len..];
        let t = after.trim_start();
        let t = t
            .strip_prefix(['-', '–', '—', '~'])
            .or_else(|| t.strip_prefix("to "))
            .or_else(|| t.strip_prefix("until "))
            .map(str::trim_start);
        let Some(t) = t else {
            i += len;
            continue;
        };
        let lower = t.to_ascii_lowercase();
        let start = y1 * 12 + m1.unwrap_or(1) - 1;
        if ["present", "current", "now", "today", "ongoing", "date"]
            .iter()
            .any(|p| lower.starts_with(p))
        {
            out.push((start, None));
        } else if let Some(((y2, m2), _)) = date_at(t) {
            let end = y2 * 12 + m2.unwrap_or(12) - 1;
            if end >= start {
                out.push((start, Some(end)));
            }
        }
        i += len;
    }
    out
}

/// Years of experience from a resume's dated roles: the months covered by
/// the union of its date ranges ("present" is the latest month the resume
/// names, so a report does not change with the day it is made).
pub(crate) fn experience_years(doc: &Document<'_>) -> Option<f64> {
    let in_experience = doc.lines.iter().any(|l| l.section == Section::Experience);
    let mut spans: Vec<(u32, Option<u32>)> = Vec::new();
    let mut latest = 0;
    for (i, l) in doc.lines.iter().enumerate() {
        let t = doc.text[l.span.range()].trim_end();
        let mut rs = ranges(t);
        // "June 2020 –" then "Present" on the next line (a PDF's layout)
        if rs.is_empty()
            && t.ends_with(['-', '–', '—'])
            && let Some(next) = doc.lines.get(i + 1)
        {
            rs = ranges(&format!("{t} {}", doc.text[next.span.range()].trim()));
        }
        for &(s, e) in &rs {
            latest = latest.max(s).max(e.unwrap_or(0));
        }
        if !in_experience || l.section == Section::Experience {
            spans.extend(rs);
        }
    }
    if spans.is_empty() {
        return None;
    }
    let mut closed: Vec<(u32, u32)> = spans
        .into_iter()
        .map(|(s, e)| (s, e.unwrap_or(latest)))
        .collect();
    closed.sort_unstable();
    let mut months = 0;
    let mut cur: Option<(u32, u32)> = None;
    for (s, e) in closed {
        match cur {
            Some((cs, ce)) if s <= ce + 1 => cur = Some((cs, ce.max(e))),
            Some((cs, ce)) => {
                months += ce - cs + 1;
                cur = Some((s, e));
            }
            None => cur = Some((s, e)),
        }
    }
    if let Some((cs, ce)) = cur {
        months += ce - cs + 1;
    }
    Some(f64::from(months) / 12.0)
}

fn years(min: u32, doc: &Document<'_>, w: &ScoreWeights) -> RecruiterCheck {
    let wanted = format!("{min}+ years");
    match experience_years(doc) {
        None => RecruiterCheck {
            id: "years".into(),
            wanted,
            status: CheckStatus::Unknown,
            found: None,
            points: 0.0,
            message: "Give each role its dates (\"Jan 2019 – Mar 2022\") so an ATS can count your years of experience.".into(),
        },
        Some(y) => {
            let y = (y * 10.0).round() / 10.0;
            let met = y + 0.05 >= f64::from(min);
            RecruiterCheck {
                id: "years".into(),
                wanted,
                status: if met { CheckStatus::Met } else { CheckStatus::Missing },
                found: Some(format!("{y} years from dated roles")),
                points: if met { 0.0 } else { -w.recruiter_years },
                message: if met {
                    "Your dated roles cover the years the posting asks for.".into()
                } else {
                    format!("The posting asks for {min}+ years; your dated roles add up to {y}. Include relevant earlier roles, internships or projects with their dates.")
                },
            }
        }
    }
}

fn education(e: &crate::role::Education, doc: &Document<'_>, w: &ScoreWeights) -> RecruiterCheck {
    let mut wanted = e.level.as_str().to_string();
    if !e.fields.is_empty() {
        wanted.push_str(" in ");
        wanted.push_str(&e.fields.join(" or "));
    }
    let has_section = doc.lines.iter().any(|l| l.section == Section::Education);
    let mut best: Option<(EducationLevel, usize)> = None;
    for l in &doc.lines {
        if has_section
            && !matches!(
                l.section,
                Section::Education | Section::Header | Section::Summary
            )
        {
            continue;
        }
        let t = &doc.text[l.span.range()];
        if let Some(level) = crate::posting::education_level(t)
            && best.is_none_or(|(b, _)| level > b)
        {
            best = Some((level, l.number));
        }
    }
    let field_found = e.fields.iter().find(|f| {
        doc.lines
            .iter()
            .filter(|l| !has_section || l.section == Section::Education)
            .any(|l| crate::analysis::contains_words(&doc.text[l.span.range()], f))
    });
    let (status, points, message) = match best {
        Some((level, _)) if level >= e.level => (
            CheckStatus::Met,
            0.0,
            match (e.fields.is_empty(), field_found) {
                (false, None) => format!(
                    "Your degree level qualifies; the posting names {}: write your field of study as it does if it matches.",
                    e.fields.join(" or ")
                ),
                _ => "Your education meets the posting's.".to_string(),
            },
        ),
        Some(_) if e.equivalent_experience => (
            CheckStatus::Met,
            0.0,
            "Your degree is below the posting's, which accepts equivalent experience: make that experience plain.".into(),
        ),
        Some(_) => (
            CheckStatus::Missing,
            -w.recruiter_education,
            format!("The posting asks for a {}; an ATS may filter on it.", e.level.as_str()),
        ),
        None if has_section => (
            CheckStatus::Unknown,
            0.0,
            "Name your degree plainly (\"Bachelor of Science in ...\", \"BSc\") in your education section.".into(),
        ),
        None => (
            CheckStatus::Missing,
            -w.recruiter_education,
            "Add an \"Education\" section with your degree: the posting asks for one.".into(),
        ),
    };
    RecruiterCheck {
        id: "education".into(),
        wanted,
        status,
        found: best.map(|(level, line)| format!("{} (line {})", level.as_str(), line)),
        points,
        message,
    }
}

fn certification(
    name: &str,
    required: bool,
    doc: &Document<'_>,
    w: &ScoreWeights,
) -> RecruiterCheck {
    // the name, and the lexicon's other names of it (CPA, Certified Public Accountant)
    let mut forms = vec![name.to_string()];
    if let Some(s) = crate::posting::skill_with_form(name) {
        forms.extend(s.forms().map(str::to_string));
    }
    let base = name
        .trim_end_matches(" certification")
        .trim_end_matches(" certificate")
        .trim_end_matches(" license")
        .trim_end_matches(" licence")
        .trim_end_matches(" certified");
    if base != name && !base.is_empty() {
        forms.push(base.to_string());
    }
    let found = doc.lines.iter().find(|l| {
        let t = &doc.text[l.span.range()];
        forms.iter().any(|f| crate::analysis::contains_words(t, f))
    });
    let (status, points, message) = match (found, required) {
        (Some(_), _) => (
            CheckStatus::Met,
            0.0,
            "The resume names this certification.".to_string(),
        ),
        (None, true) => (
            CheckStatus::Missing,
            -w.recruiter_certification,
            format!(
                "The posting requires {name}: if you hold it, list it under \"Certifications\" with its full name and acronym."
            ),
        ),
        (None, false) => (
            CheckStatus::Missing,
            0.0,
            format!("The posting prefers {name}: list it if you hold it."),
        ),
    };
    RecruiterCheck {
        id: "certification".into(),
        wanted: name.to_string(),
        status,
        found: found.map(|l| format!("line {}: {}", l.number, clip(&doc.text[l.span.range()]))),
        points,
        message,
    }
}

fn clip(s: &str) -> String {
    crate::posting::clip_chars(s, 80)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_ranges() {
        assert_eq!(
            ranges("Acme, Jan 2019 – Mar 2022"),
            [(2019 * 12, Some(2022 * 12 + 2))]
        );
        assert_eq!(
            ranges("05/2019 - 08/2021"),
            [(2019 * 12 + 4, Some(2021 * 12 + 7))]
        );
        assert_eq!(ranges("2015 to present"), [(2015 * 12, None)]);
        assert_eq!(ranges("Sept. 2018 - Present"), [(2018 * 12 + 8, None)]);
        assert!(ranges("Built 2000 widgets, saved 2019 dollars").is_empty());
        assert!(ranges("🚀 2019–").is_empty());
    }

    #[test]
    fn years_are_the_union_of_ranges() {
        let doc = Document::parse(
            "EXPERIENCE\nA, 2015 - 2017\nB, 2016 - 2018\nC, 2020 - Present\nD, Jan 2021 - Dec 2021\n",
        );
        // 2015-2018 is 4 years, 2020 to the latest month named (Dec 2021) is 2
        assert_eq!(experience_years(&doc), Some(6.0));
    }
}
