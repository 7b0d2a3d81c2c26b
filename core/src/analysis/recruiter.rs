//! Recruiter checks: what a recruiter verifies beyond keywords when a resume
//! is read against a job posting (a role with [`Requirements`](crate::Requirements) or keyword
//! evidence, as [`Role::from_job_description`] makes): the job title, the
//! years of experience, the education level and the required
//! certifications. Each is a [`RecruiterCheck`] in [`Report::recruiter`]
//! and a penalty in the score item `recruiter` (see [`ScoreWeights`]); what
//! the posting only prefers (a certification, a degree) is named and never
//! costs points.
//!
//! A hand-written role without requirements leaves them out: its reports
//! have no recruiter checks and no `recruiter` score item.
//!
//! [`Report::recruiter`]: crate::Report::recruiter
//! [`ScoreWeights`]: crate::ScoreWeights

use crate::analysis::ScoreWeights;
use crate::document::Document;
use crate::document::dates::experience_years;
pub use crate::report::{CheckStatus, RecruiterCheck};
use crate::roles::{EducationLevel, Role};
use crate::text::lexicon::Section;

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
        out.push(certification(c, doc, w));
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

/// The job title a recruiter searches for, without what qualifies the
/// posting: "Backend Developer (Python)", "Registered Nurse - ICU, Nights",
/// "Staff Accountant | Remote" → the part before the qualifier.
fn title_core(title: &str) -> &str {
    let cut = ["(", "[", " - ", " – ", " — ", " | ", ", ", " / ", ": "]
        .iter()
        .filter_map(|c| title.find(c))
        .filter(|&i| i > 0)
        .min()
        .unwrap_or(title.len());
    let core = title[..cut].trim();
    if core.is_empty() { title.trim() } else { core }
}

fn title(posting_title: &str, doc: &Document<'_>, w: &ScoreWeights) -> RecruiterCheck {
    let wanted = title_core(posting_title);
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
                crate::text::contains_words(t, &core_text)
                    || crate::text::contains_words(&same_job_words(t), &same_job_words(&core_text))
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

fn education(e: &crate::roles::Education, doc: &Document<'_>, w: &ScoreWeights) -> RecruiterCheck {
    let mut wanted = e.level.as_str().to_string();
    if !e.fields.is_empty() {
        wanted.push_str(" in ");
        wanted.push_str(&e.fields.join(" or "));
    }
    if let Some(p) = e.preferred {
        wanted.push_str(&format!(" ({} preferred)", p.as_str()));
    }
    if !e.required {
        wanted.push_str(" (preferred)");
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
            .any(|l| crate::text::contains_words(&doc.text[l.span.range()], f))
    });
    let (status, points, message) = match best {
        Some((level, _)) if level >= e.level => (
            CheckStatus::Met,
            0.0,
            match (e.fields.is_empty(), field_found, e.preferred.filter(|&p| p > level)) {
                (false, None, _) => format!(
                    "Your degree level qualifies; the posting names {}: write your field of study as it does if it matches.",
                    e.fields.join(" or ")
                ),
                (_, _, Some(p)) => format!(
                    "Your education meets the posting's; it prefers a {}: name any such study, finished or under way.",
                    p.as_str()
                ),
                _ => "Your education meets the posting's.".to_string(),
            },
        ),
        // only preferred: a finding, never points
        _ if !e.required => (
            CheckStatus::Missing,
            0.0,
            format!(
                "The posting prefers a {}, without requiring one: name any such study, finished or under way.",
                e.level.as_str()
            ),
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
    c: &crate::roles::Certification,
    doc: &Document<'_>,
    w: &ScoreWeights,
) -> RecruiterCheck {
    let required = c.required;
    // "CPA or CGFM": any one of them
    let name = std::iter::once(c.name.as_str())
        .chain(c.alternatives.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" or ");
    let name = name.as_str();
    // the names, and their other names (CPA, Certified Public Accountant)
    let mut forms = vec![c.name.to_string()];
    forms.extend(c.alternatives.iter().cloned());
    forms.extend(c.aliases.iter().cloned());
    let base = c
        .name
        .trim_end_matches(" certification")
        .trim_end_matches(" certificate")
        .trim_end_matches(" license")
        .trim_end_matches(" licence")
        .trim_end_matches(" certified");
    if base != c.name && !base.is_empty() {
        forms.push(base.to_string());
    }
    let found = doc.lines.iter().find(|l| {
        let t = &doc.text[l.span.range()];
        forms.iter().any(|f| crate::text::contains_words(t, f))
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
    crate::text::clip_chars(s, 80)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_without_its_qualifiers() {
        for (t, want) in [
            ("Backend Developer (Python)", "Backend Developer"),
            ("Registered Nurse - ICU, Night Shift", "Registered Nurse"),
            ("Staff Accountant | Remote", "Staff Accountant"),
            ("Software Engineer, Backend", "Software Engineer"),
            ("UI/UX Designer", "UI/UX Designer"),
            ("(Senior) Data Analyst", "(Senior) Data Analyst"),
        ] {
            assert_eq!(title_core(t), want, "{t}");
        }
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
