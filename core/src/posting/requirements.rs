//! Requirements beyond keywords: years of experience (overall and per
//! skill), education (level, fields, "or equivalent experience"),
//! certifications and licences, spoken languages, travel and clearance.

use super::structure::Line;
use super::{Group, Mention, sentences};
use crate::roles::{
    Certification, Education, EducationLevel, Requirements, SkillYears, Stated, Tier, Years,
};
use crate::text::floor_boundary;

pub(crate) fn read(
    text: &str,
    lines: &[Line],
    eligible: &[bool],
    mentions: &[Mention],
    groups: &[Group],
) -> Requirements {
    let mut r = Requirements::default();
    // where each certification is named, and the end of its line
    let mut at: Vec<(usize, usize)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let line_text = text[l.start..l.end].trim();
        if !l.section.asks_for_skills() {
            // a page's own field: "**Security Clearance:** Top Secret/SCI",
            // "Travel: up to 25%"
            if l.section == super::Section::Furniture
                && let Some((label, _)) = line_text.split_once(':')
            {
                let label = label.trim_matches(['*', '_', ' ']).to_ascii_lowercase();
                if label.ends_with("clearance") || label == "travel" {
                    let plain = line_text.replace("**", "");
                    let lower = plain.to_ascii_lowercase();
                    stated(&lower, &plain, &clip(&plain), &mut r);
                }
            }
            continue;
        }
        let evidence = clip(line_text);
        // most lines state none of these: look closer only at those that may
        let line_lower = line_text.to_ascii_lowercase();
        static MAYBE: std::sync::OnceLock<super::phrases::Phrases> = std::sync::OnceLock::new();
        let maybe = MAYBE.get_or_init(|| {
            let languages: Vec<String> = LANGUAGES.iter().map(|l| l.to_ascii_lowercase()).collect();
            super::phrases::Phrases::new(
                MAYBE_WORDS
                    .iter()
                    .copied()
                    .chain(languages.iter().map(String::as_str)),
            )
        });
        if maybe.first_in(&line_lower).is_none() {
            if eligible[i] {
                for cert in certifications(line_text, &line_lower) {
                    if let Some(p) = push_cert(&mut r, cert, l, text, &evidence) {
                        at.push((p, l.end));
                    }
                }
            }
            continue;
        }
        for (s, e) in sentences(text, l.start, l.end) {
            let sent = &text[s..e];
            let lower = sent.to_ascii_lowercase();
            let evidence = clip(sent.trim());
            match labeled_years(sent) {
                Some((label, n)) => board_years(label, n, &evidence, &mut r),
                None => years(&lower, s, (mentions, groups), &evidence, &mut r),
            }
            // a degree under "Nice to have" is preferred, not required
            let edu = education(sent, &lower, &evidence).map(|mut e| {
                e.required &= l.section != super::Section::NiceToHave;
                e
            });
            match (&mut r.education, edu) {
                (None, e) => r.education = e,
                (Some(have), Some(e)) => prefer(have, &e, &lower),
                (Some(_), None) => {}
            }
            stated(&lower, sent, &evidence, &mut r);
        }
        if !eligible[i] {
            continue;
        }
        let lower = line_text.to_ascii_lowercase();
        for cert in certifications(line_text, &lower) {
            if let Some(p) = push_cert(&mut r, cert, l, text, &evidence) {
                at.push((p, l.end));
            }
        }
    }
    for m in mentions {
        let Some(entry) = m.skill.and_then(super::skill_named) else {
            continue;
        };
        // the lexicon's longer name of a certification the line reader
        // took in part ("Universal Certification" of "EPA Section 608
        // Universal Certification") names it
        let lower = m.text.to_ascii_lowercase();
        // (around the mention, not its whole line: a long line of
        // certifications stays linear)
        let near = &text[floor_boundary(text, m.span.start.saturating_sub(120))
            ..floor_boundary(text, (m.span.end + 120).min(text.len()))];
        if entry.certification
            && let Some(c) = r.certifications.iter_mut().find(|c| {
                c.name.len() < m.text.len()
                    && lower.contains(&c.name.to_ascii_lowercase())
                    && near.contains(&c.name)
            })
        {
            c.name = m.text.clone();
            for a in other_names(&m.text) {
                if !c.aliases.contains(&a) {
                    c.aliases.push(a);
                }
            }
            continue;
        }
        if entry.certification && r.certifications.len() < MAX_ITEMS && !has_cert(&r, &m.text) {
            let l = &lines[m.line];
            r.certifications.push(Certification {
                aliases: other_names(&m.text),
                name: m.text.clone(),
                required: m.tier == Tier::MustHave,
                alternatives: Vec::new(),
                evidence: clip(text[l.start..l.end].trim()),
            });
            at.push((m.span.start, l.end));
        }
    }
    join_alternatives(text, &mut at, &mut r.certifications);
    r
}

/// Words of a line that may state a requirement this module reads.
const MAYBE_WORDS: &[&str] = &[
    "year",
    "yrs",
    "degree",
    "bachelor",
    "master",
    "phd",
    "ph.d",
    "doctor",
    "diploma",
    "school",
    "ged",
    "mba",
    "bs",
    "ba",
    "ms",
    "b.",
    "m.",
    "travel",
    "clearance",
    "secret",
    "trust",
    "fluen",
    "speak",
    "spoken",
    "language",
    "lingual",
    "native",
    "proficien",
    "command of",
    "verbal",
    "written",
    "bsc",
    "msc",
    "bsn",
    "tech",
    "mca",
    "bca",
    "beng",
    "meng",
    "bba",
];

/// The most years-per-skill and certifications kept: a posting asks for a
/// handful; a hostile text gets no quadratic work out of more.
const MAX_ITEMS: usize = 40;

/// Whether the requirements name this certification already, by its name
/// or one of its other names ("CPA" after "Certified Public Accountant").
fn has_cert(r: &Requirements, name: &str) -> bool {
    r.certifications.iter().any(|c| {
        c.name.eq_ignore_ascii_case(name)
            || c.name.contains(name)
            || c.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    })
}

/// Add a certification a line names; where it is named, if it was new.
fn push_cert(
    r: &mut Requirements,
    name: String,
    l: &Line,
    text: &str,
    evidence: &str,
) -> Option<usize> {
    if r.certifications.len() >= MAX_ITEMS || has_cert(r, &name) {
        return None;
    }
    // the cue of the licence's own clause: "BLS and ACLS certification
    // required; PALS a plus"
    let lower = text[l.start..l.end].to_ascii_lowercase();
    let at = lower.find(&name.to_ascii_lowercase()).unwrap_or(0);
    let required = match super::structure::SentenceCues::new(&lower).at(&lower, at) {
        Some((t, _)) => t == Tier::MustHave,
        None => l.section != super::Section::NiceToHave,
    };
    let mut aliases = other_names(&name);
    // "Certified Government Financial Manager (CGFM)": the posting's own
    // acronym for it
    let line = &text[l.start..l.end];
    if let Some(acr) = acronym_after(line, &name)
        && !aliases.contains(&acr)
    {
        aliases.push(acr);
    }
    // the sentence that names it, not the start of a long line
    let evidence = sentences(text, l.start, l.end)
        .into_iter()
        .find(|&(s, e)| s <= l.start + at && l.start + at < e)
        .map_or_else(|| evidence.to_string(), |(s, e)| clip(text[s..e].trim()));
    r.certifications.push(Certification {
        aliases,
        name,
        required,
        alternatives: Vec::new(),
        evidence,
    });
    Some(l.start + at)
}

/// The acronym in parentheses right after `name` in `line`, when it starts
/// with the name's initial: "Certified Public Accountant (CPA)".
fn acronym_after(line: &str, name: &str) -> Option<String> {
    let at = line.find(name)? + name.len();
    let rest = line[at..].trim_start().strip_prefix('(')?;
    let acr = &rest[..rest.find(')')?];
    let letters = acr.strip_suffix('s').unwrap_or(acr);
    ((2..=6).contains(&letters.len())
        && letters.bytes().all(|b| b.is_ascii_uppercase())
        && name.starts_with(&letters[..1]))
    .then(|| acr.to_string())
}

/// "a Certified Public Accountant (CPA) or Certified Government Financial
/// Manager (CGFM)": certifications a line joins by "or" (or a slash) are
/// one requirement, met by any of them. `at[i]` is where `certs[i]` is
/// named in `text` and the end of its line. Each pair reads at most a few
/// hundred bytes between its two names, whatever the line's length.
fn join_alternatives(text: &str, at: &mut Vec<(usize, usize)>, certs: &mut Vec<Certification>) {
    let mut i = 0;
    while i < certs.len() {
        let mut j = i + 1;
        while j < certs.len() {
            let joined = at[i].1 == at[j].1
                && if at[i].0 <= at[j].0 {
                    joined_by_or(&text[at[i].0..at[j].0], &certs[i])
                } else {
                    joined_by_or(&text[at[j].0..at[i].0], &certs[j])
                };
            if joined {
                let b = certs.remove(j);
                at.remove(j);
                let a = &mut certs[i];
                a.required |= b.required;
                a.alternatives.push(b.name);
                for n in b.alternatives.into_iter().chain(b.aliases) {
                    if !a.aliases.contains(&n) {
                        a.aliases.push(n);
                    }
                }
            } else {
                j += 1;
            }
        }
        i += 1;
    }
}

/// Whether `span`, from where `first` is named to where another
/// certification is, is `first` by one of its names and "or" (or "/"); a
/// parenthesized acronym may stand between ("(CPA) or").
fn joined_by_or(span: &str, first: &Certification) -> bool {
    if span.len() > 200 {
        return false;
    }
    std::iter::once(&first.name)
        .chain(&first.aliases)
        .filter_map(|f| span.strip_prefix(f.as_str()))
        .any(|rest| {
            let mut between = rest.trim();
            // "(CPA) or": the first one's acronym
            if between.starts_with('(')
                && let Some(close) = between.find(')')
            {
                between = between[close + 1..].trim();
            }
            matches!(between, "or" | "/" | "or a" | "or an" | "or the")
        })
}

/// The lexicon's other names of a certification (its name, acronym and
/// aliases but `name`).
fn other_names(name: &str) -> Vec<String> {
    super::skill_with_form(name).map_or_else(Vec::new, |s| {
        s.forms()
            .filter(|f| !f.eq_ignore_ascii_case(name))
            .map(str::to_string)
            .collect()
    })
}

/// A line as evidence: its first 300 bytes (as keyword evidence).
fn clip(s: &str) -> String {
    super::prefix(s, 300).to_string()
}

/// A sentence without its list mark: "• Must be able to travel" → "Must be
/// able to travel".
fn unbulleted(sent: &str) -> &str {
    sent.trim_start_matches(|c: char| super::structure::bullet_mark(c) || c.is_whitespace())
        .trim_end()
}

const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("twenty", 20),
];

/// The number at the end of `s` ("5+", "3-5", "3 to 5", "five", "(10+)"):
/// the minimum, for a range its lower end.
fn number_before(s: &str) -> Option<u32> {
    let (v, mut rest) = last_number(s)?;
    // "seven (7)": the figure repeats the word before it
    if let Some(r) = rest.trim_end().strip_suffix('(')
        && let Some((w, r)) = last_number(r)
        && w == v
    {
        rest = r;
    }
    for sep in ["-", "–", "to"] {
        if let Some(r) = rest.trim_end().strip_suffix(sep)
            && let Some((lo, _)) = last_number(r)
        {
            return Some(lo.min(v));
        }
    }
    Some(v)
}

/// The number ending `s` (digits or a number word) and the text before it.
fn last_number(s: &str) -> Option<(u32, &str)> {
    let t = s
        .trim_end()
        .trim_end_matches(['+', ')', ' ', '('])
        .trim_end();
    let tail = t.len()
        - t.trim_end_matches(|c: char| c.is_ascii_alphanumeric())
            .len();
    let (rest, w) = t.split_at(t.len() - tail);
    let v = if w.chars().all(|c| c.is_ascii_digit()) {
        w.parse().ok()?
    } else {
        NUMBER_WORDS
            .iter()
            .find(|(n, _)| *n == w)
            .map(|&(_, v)| v)?
    };
    (v > 0 && v <= 40).then_some((v, rest))
}

/// A job board's "Experience:" line: "Web Development: 1 year
/// (Required)", "total work: 2 years (Preferred)": its label and the years.
fn labeled_years(sent: &str) -> Option<(&str, u32)> {
    let (label, rest) = unbulleted(sent).split_once(':')?;
    let label = label.trim();
    let words = label.split_whitespace().count();
    if !(1..=5).contains(&words)
        || !label.starts_with(|c: char| c.is_alphanumeric())
        || !label
            .chars()
            .all(|c| c.is_alphanumeric() || " +#./&-".contains(c))
    {
        return None;
    }
    let rest = rest.trim().to_ascii_lowercase();
    let rest = rest.trim_end_matches(['.', ' ']);
    let rest = ["(required)", "(preferred)"]
        .iter()
        .find_map(|c| rest.strip_suffix(c))
        .unwrap_or(rest)
        .trim_end();
    let head = rest
        .strip_suffix("years")
        .or_else(|| rest.strip_suffix("year"))?;
    // nothing but the number: "1 ", "2+ ", "3-5 "
    if !head
        .trim()
        .chars()
        .all(|c| c.is_ascii_digit() || "+-– ".contains(c))
    {
        return None;
    }
    Some((label, number_before(head)?))
}

/// Years from a job board's line: an overall label ("total work") states
/// the years of experience, over any a skill's line gave; any other label
/// is a skill's years.
fn board_years(label: &str, n: u32, evidence: &str, r: &mut Requirements) {
    const OVERALL: &[&str] = &[
        "work",
        "total work",
        "total",
        "experience",
        "total experience",
        "work experience",
        "overall experience",
        "professional experience",
        "relevant experience",
        "relevant work experience",
    ];
    let overall = OVERALL.contains(&label.to_ascii_lowercase().as_str());
    if !overall
        && r.skill_years.len() < MAX_ITEMS
        && !r.skill_years.iter().any(|y| y.skill == label)
    {
        r.skill_years.push(SkillYears {
            skill: label.to_string(),
            min: n,
            evidence: evidence.to_string(),
        });
    }
    if overall || r.years.is_none() {
        r.years = Some(Years {
            min: n,
            evidence: evidence.to_string(),
        });
    }
}

/// Years of experience in a sentence: overall ("5+ years of experience")
/// and a skill's ("5+ years of Java"; "10 years in product management,
/// product marketing, or equivalent" names the group's).
fn years(
    lower: &str,
    start: usize,
    (mentions, groups): (&[Mention], &[Group]),
    evidence: &str,
    r: &mut Requirements,
) {
    for (i, _) in lower.match_indices("year") {
        let Some(n) = number_before(&lower[..i]) else {
            continue;
        };
        let after = &lower[i..];
        let word_end = after
            .find(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
            .unwrap_or(after.len());
        let rest = &after[word_end..];
        let next: Vec<&str> = rest.split_whitespace().take(6).collect();
        if next.first().is_some_and(|w| {
            w.starts_with("old") || w.starts_with("contract") || w.starts_with("warrant")
        }) {
            continue;
        }
        // "5 years of experience", "5 years' experience", "Experience:
        // Minimum 1 year as project manager"
        let experience = next.iter().any(|w| w.starts_with("experience"))
            || after[..word_end].contains("experience")
            || lower[..i]
                .rfind("experience")
                .is_some_and(|e| i - e < 40 && !lower[e..i].contains([';', '.', ',']));
        // the skill named right after: "5+ years of Java", "3 years building APIs"
        let abs = start + i;
        // mentions are in text order: look only at those just after
        let first = mentions.partition_point(|m| m.span.start <= abs);
        let skill = mentions[first..]
            .iter()
            .take_while(|m| m.span.start - abs < 60)
            .filter(|m| !m.soft)
            .find(|m| {
                // in the same sentence: "and 5 years. Certified ..." names
                // no skill's years
                m.span.start > abs
                    && m.span.start - abs < 60
                    && m.span.start - start < lower.len()
                    && !lower[i..m.span.start - start].contains([',', ';', '.'])
            });
        let name = skill.map(|m| match m.group {
            Some(g) => super::groups::group_term(&groups[g], mentions),
            None => m.text.clone(),
        });
        if let Some(name) = name
            && r.skill_years.len() < MAX_ITEMS
            && !r.skill_years.iter().any(|y| y.skill == name)
        {
            r.skill_years.push(SkillYears {
                skill: name,
                min: n,
                evidence: evidence.to_string(),
            });
        }
        if (experience || skill.is_some() || lower[..i].trim_end().ends_with('+'))
            && r.years.is_none()
        {
            r.years = Some(Years {
                min: n,
                evidence: evidence.to_string(),
            });
        }
    }
}

/// Whether a whole word occurs in `s`.
fn word(s: &str, w: &str) -> bool {
    s.match_indices(w).any(|(i, _)| {
        let before = s[..i].chars().next_back();
        let after = s[i + w.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
    })
}

/// Whether `lower` names a master's degree: "master's", "masters", "master
/// of", "master in", "master degree", "master level", "bachelor/master";
/// "master and PhD", "bachelor or master" where the text speaks of degrees;
/// not "Scrum Master", "webmaster", "Mastercard", "master data".
fn master_degree(lower: &str) -> bool {
    const DEGREE_CUES: &[&str] = &[
        "'s",
        "’s",
        "\u{92}s",
        "`s",
        "´s",
        "s ",
        "s,",
        "s.",
        "s)",
        "s/",
        " of ",
        " in ",
        " degree",
        "/",
        " (",
        " level",
        "-level",
        " student",
        " programme",
        " program",
        " thesis",
        " diploma",
    ];
    let speaks_of_degrees = ["degree", "bachelor", "phd", "ph.d", "diploma", "msc", "mba"]
        .iter()
        .any(|w| lower.contains(w));
    lower.match_indices("master").any(|(i, _)| {
        // "webmaster"
        if lower[..i].ends_with(|c: char| c.is_alphanumeric()) {
            return false;
        }
        let after = &lower[i + "master".len()..];
        if after.starts_with(|c: char| c.is_alphanumeric()) && !after.starts_with('s') {
            // "mastercard", "mastery"
            return false;
        }
        DEGREE_CUES.iter().any(|p| after.starts_with(p))
            || (speaks_of_degrees
                && [" or ", " and ", ")", ","]
                    .iter()
                    .any(|p| after.starts_with(p)))
            || ((after.is_empty() || after == "s") && lower[..i].trim().is_empty())
    })
}

/// The education a sentence asks for: the lowest level it names, and the
/// highest as preferred where the sentence prefers one ("Bachelor's degree
/// (MBA preferred)").
pub(crate) fn education(sent: &str, lower: &str, evidence: &str) -> Option<Education> {
    if !names_a_degree(lower) {
        return None;
    }
    let levels = degree_levels(lower);
    let level = levels.iter().copied().min()?;
    let prefers = super::structure::prefers(lower);
    // the cue of the degree's own clause: "Bachelor's degree required, SQL
    // a plus" requires it
    let at = [
        "bachelor",
        "master",
        "degree",
        "diploma",
        "associate",
        "phd",
        "ph.d",
        "doctor",
    ]
    .iter()
    .filter_map(|w| lower.find(w))
    .min()
    .unwrap_or(0);
    let own_cue = super::structure::SentenceCues::new(lower).at(lower, at);
    let preferred = levels
        .iter()
        .copied()
        .max()
        .filter(|&top| top > level && prefers);
    Some(Education {
        level,
        fields: study_fields(sent, lower, level),
        preferred,
        equivalent_experience: or_experience(lower),
        // "Bachelor's degree preferred": the preference is the degree's own
        required: !(preferred.is_none() && own_cue.is_some_and(|(t, _)| t == Tier::Bonus)),
        evidence: evidence.to_string(),
    })
}

/// Whether experience may stand in for the degree: "or equivalent
/// experience", "a degree or experience as ...", "or relevant experience".
fn or_experience(lower: &str) -> bool {
    lower.contains("equivalent")
        || [
            " or ",
            " or relevant ",
            " or comparable ",
            " or related ",
            " or similar ",
        ]
        .iter()
        .any(|o| {
            lower.contains(&format!("{o}experience"))
                || lower.contains(&format!("{o}work experience"))
        })
}

/// The lowest degree level a lowercase line names (a resume's education
/// line): no fields, no preference.
pub(crate) fn education_level(lower: &str) -> Option<EducationLevel> {
    if !names_a_degree(lower) {
        return None;
    }
    degree_levels(lower).into_iter().min()
}

/// A later sentence that prefers a higher degree ("Master's degree
/// preferred" after "Bachelor's degree in Nursing required") adds it to the
/// education first asked for.
fn prefer(have: &mut Education, later: &Education, lower: &str) {
    // "Master's degree preferred", then "Bachelor's degree required": the
    // requirement, the earlier degree as the preference
    if !have.required && later.required {
        let earlier = std::mem::replace(have, later.clone());
        let top = earlier.preferred.unwrap_or(earlier.level);
        if have.preferred.is_none() && top > have.level {
            have.preferred = Some(top);
        }
        // "BSN in Nursing preferred; ADN considered": the field stands
        if have.fields.is_empty() {
            have.fields = earlier.fields;
        }
        return;
    }
    let top = later.preferred.unwrap_or(later.level);
    if have.preferred.is_none() && top > have.level && super::structure::prefers(lower) {
        have.preferred = Some(top);
    }
}

/// Whether a lowercase sentence names a degree or diploma (not "a degree
/// of autonomy", "360 degree feedback").
fn names_a_degree(lower: &str) -> bool {
    let degreeish = lower.contains("degree")
        || lower.contains("bachelor")
        || master_degree(lower)
        || phd(lower)
        || lower.contains("doctorate")
        || lower.contains("diploma")
        || lower.contains("high school")
        || word(lower, "ged")
        || word(lower, "mba")
        || word(lower, "bsc")
        || word(lower, "msc")
        || word(lower, "bsn")
        || word(lower, "adn")
        || [
            "b.tech", "btech", "b.e.", "b.s.", "b.a.", "m.s.", "m.a.", "m.tech", "mtech", "b.sc",
            "m.sc",
        ]
        .iter()
        .any(|d| lower.contains(d))
        || ["mca", "bca", "beng", "meng", "bba"]
            .iter()
            .any(|d| word(lower, d))
        // "BA/BS in Marketing", "MS in Statistics"
        || ["bs", "ba", "ms", "ma"].iter().any(|w| {
            word(lower, w)
                && (lower.contains(&format!("{w}/"))
                    || lower.contains(&format!("/{w} "))
                    || lower.contains(&format!("{w} in ")))
        });
    degreeish
        && !lower.contains("degree of")
        && !lower.contains("360 degree")
        && !lower.contains("to a degree")
}

/// Whether a lowercase sentence names a PhD: not people ("support the
/// work of post-docs and PhDs in the lab").
fn phd(lower: &str) -> bool {
    ["phd", "ph.d"].iter().any(|w| {
        lower.match_indices(w).any(|(i, _)| {
            // a plural ("phds", "ph.d.s") is people
            let rest = lower[i + w.len()..].trim_start_matches('.');
            !rest.starts_with('s') || rest[1..].starts_with(char::is_alphanumeric)
        })
    })
}

/// The degree levels a lowercase sentence names ("bachelor's or master's"
/// gives both; a bare "degree" is a bachelor's).
fn degree_levels(lower: &str) -> Vec<EducationLevel> {
    let short = |w: &str| {
        word(lower, w)
            && (lower.contains("degree")
                || lower.contains(&format!("{w}/"))
                || lower.contains(&format!("/{w}"))
                || lower.contains(&format!("{w} in ")))
    };
    let mut levels = Vec::new();
    if lower.contains("high school") || word(lower, "ged") || lower.contains("secondary school") {
        levels.push(EducationLevel::HighSchool);
    }
    // (ADN: the associate degree in nursing; not ASN, a network's number)
    if lower.contains("associate degree")
        || lower.contains("associate's")
        || lower.contains("associates degree")
        || word(lower, "adn")
    {
        levels.push(EducationLevel::Associate);
    }
    if lower.contains("bachelor")
        || short("bs")
        || short("ba")
        || short("b.s.")
        || short("b.a.")
        || word(lower, "bsc")
        || word(lower, "b.sc")
        || word(lower, "bsn")
        || word(lower, "b.e.")
        || word(lower, "btech")
        || word(lower, "b.tech")
        || word(lower, "beng")
        || word(lower, "bca")
        || word(lower, "bba")
        || lower.contains("undergraduate degree")
        || lower.contains("university degree")
        || lower.contains("college degree")
        || lower.contains("4-year degree")
        || lower.contains("four-year degree")
    {
        levels.push(EducationLevel::Bachelor);
    }
    if master_degree(lower)
        || short("ms")
        || short("ma")
        || word(lower, "msc")
        || word(lower, "m.sc")
        || word(lower, "mba")
        || word(lower, "m.s.")
        || word(lower, "mca")
        || word(lower, "m.tech")
        || word(lower, "mtech")
        || word(lower, "meng")
    {
        levels.push(EducationLevel::Master);
    }
    if phd(lower) || lower.contains("doctorate") || lower.contains("doctoral") {
        levels.push(EducationLevel::Doctorate);
    }
    if levels.is_empty() && lower.contains("degree") && !lower.contains("associate") {
        levels.push(EducationLevel::Bachelor);
    }
    levels
}

/// The fields of study a sentence names after its degree words: "degree in
/// Accounting or Finance" gives Accounting and Finance. `level` is the
/// lowest degree it names.
fn study_fields(sent: &str, lower: &str, level: EducationLevel) -> Vec<String> {
    let mut fields = Vec::new();
    let anchors = [
        "degree in ",
        "'s in ",
        "’s in ",
        "bs in ",
        "ba in ",
        "ms in ",
        "bsc in ",
        "msc in ",
        "phd in ",
        "ph.d. in ",
        "diploma in ",
        "in the field of ",
        "degree within ",
        "background in ",
        "bachelor of ",
        "master of ",
        // (the field of "Bachelor of Science in Nursing" is Nursing)
        "bachelor of science in ",
        "bachelor of arts in ",
        "master of science in ",
        "master of arts in ",
        "preferably within ",
        "preferably in ",
        "ideally in ",
    ];
    // "preferably in" names a field only after the degree ("a degree,
    // preferably in Finance"; not "experience preferably in E-Commerce,
    // Bachelor's degree")
    let degree_at = ["degree", "bachelor", "master", "diploma", "phd", "mba"]
        .iter()
        .filter_map(|w| lower.find(w))
        .min()
        .unwrap_or(lower.len());
    if let Some((at, len)) = anchors
        .iter()
        .filter_map(|a| {
            let after_degree = a.starts_with("preferably") || a.starts_with("ideally");
            lower
                .match_indices(a)
                .map(|(i, _)| i)
                .find(|&i| !after_degree || i > degree_at)
                .map(|i| (i, a.len()))
        })
        // the first; of two at one place, the longer
        .min_by_key(|&(i, len)| (i, std::cmp::Reverse(len)))
    {
        let from = at + len;
        let mut until = sent.len();
        for stop in [
            " or equivalent",
            " or a related",
            " or related",
            " or other related",
            " or similar",
            " or a similar",
            " or another",
            " or other",
            "; ",
            ". ",
            " preferred",
            " required",
            " is required",
            " and/or equivalent",
            // (where the degree is from: "from an ABET-accredited program")
            " from ",
            "(",
            " with ",
            " and experience",
            " and at least",
            " and ",
            " plus ",
        ] {
            if let Some(j) = lower[from..].find(stop) {
                // " and " splits fields ("Accounting and Finance"): stop only at a clause
                if stop == " and " {
                    continue;
                }
                until = until.min(from + j);
            }
        }
        let region = sent[from..until]
            .trim()
            .trim_end_matches(['.', ',', ';', ')']);
        // the list of fields ends where the line goes on to a licence or
        // to years: "Finance, CPA preferred", "Accounting, 2 years of"
        let certs = certifications(sent, lower);
        for part in region
            .split([',', '/'])
            .flat_map(|p| p.split(" or "))
            .flat_map(|p| p.split(" and "))
        {
            // "a degree in a related field such as business administration":
            // the field named; a relative clause ends it ("public
            // administration that included ...")
            let part = part.rsplit(" such as ").next().unwrap_or(part);
            let part = [" that ", " which ", " who ", " where "]
                .iter()
                .filter_map(|w| part.find(w))
                .min()
                .map_or(part, |j| &part[..j]);
            let p = part
                .trim()
                .trim_start_matches("a ")
                .trim_start_matches("an ")
                .trim_start_matches("the ")
                .trim();
            if p.starts_with(|c: char| c.is_ascii_digit())
                || certs
                    .iter()
                    .any(|c| c.contains(p) || p.contains(c.as_str()))
                || names_a_certification(p)
            {
                break;
            }
            let words = p.split_whitespace().count();
            if (1..=4).contains(&words)
                && !p.to_ascii_lowercase().starts_with("related")
                && p.chars().any(char::is_alphabetic)
            {
                fields.push(p.to_string());
            }
        }
    }
    if fields.is_empty()
        && let Some(f) = field_before_degree(sent, lower)
    {
        fields.push(f);
    }
    // an MBA is a degree in business administration: the field it names,
    // where it is the degree asked for ("MBA or a graduate degree in
    // Economics"), not a preference above it ("Bachelor's degree (MBA
    // preferred)")
    if word(lower, "mba")
        && level == EducationLevel::Master
        && !fields
            .iter()
            .any(|f| f.eq_ignore_ascii_case("business administration"))
    {
        fields.insert(0, "Business Administration".to_string());
    }
    fields
        .into_iter()
        .flat_map(|f| match split_fields(&f) {
            Some(parts) => parts,
            None => vec![f],
        })
        .collect()
}

/// Fields of study, lowercase: the names a posting runs together where its
/// commas were lost ("degree in Computer Science Electrical Engineering").
/// Ours.
const STUDY_FIELDS: &[&str] = &[
    "accounting",
    "actuarial science",
    "aerospace engineering",
    "agriculture",
    "anthropology",
    "applied mathematics",
    "architecture",
    "art",
    "art history",
    "arts",
    "biochemistry",
    "bioinformatics",
    "biology",
    "biomedical engineering",
    "biotechnology",
    "business",
    "business administration",
    "business analytics",
    "business economics",
    "business information systems",
    "business law",
    "business management",
    "chemical engineering",
    "chemistry",
    "civil engineering",
    "communication",
    "communications",
    "computer engineering",
    "computer information systems",
    "computer science",
    "construction management",
    "criminal justice",
    "cybersecurity",
    "data science",
    "design",
    "design engineering",
    "early childhood education",
    "earth sciences",
    "ecology",
    "economics",
    "education",
    "electrical engineering",
    "electronics",
    "electronics engineering",
    "elementary education",
    "engineering",
    "engineering management",
    "engineering physics",
    "english",
    "english literature",
    "environmental engineering",
    "environmental science",
    "environmental studies",
    "finance",
    "financial economics",
    "fine arts",
    "geography",
    "geology",
    "graphic design",
    "health administration",
    "health economics",
    "health sciences",
    "healthcare administration",
    "history",
    "hospitality",
    "hospitality management",
    "human resource management",
    "human resources",
    "industrial design",
    "industrial engineering",
    "information security",
    "information systems",
    "information technology",
    "interior design",
    "international business",
    "international development",
    "international relations",
    "journalism",
    "kinesiology",
    "law",
    "liberal arts",
    "life sciences",
    "linguistics",
    "literature",
    "logistics",
    "manufacturing engineering",
    "marine engineering",
    "marketing",
    "marketing communications",
    "materials science",
    "mathematics",
    "mathematics education",
    "mechanical engineering",
    "mechatronics",
    "media studies",
    "medicine",
    "mining engineering",
    "music",
    "music education",
    "natural sciences",
    "nuclear engineering",
    "nursing",
    "nutrition",
    "occupational therapy",
    "operations management",
    "operations research",
    "petroleum engineering",
    "pharmaceutical sciences",
    "pharmacy",
    "philosophy",
    "physical therapy",
    "physics",
    "political science",
    "project management",
    "psychology",
    "public administration",
    "public health",
    "public policy",
    "respiratory therapy",
    "science education",
    "secondary education",
    "social sciences",
    "social work",
    "sociology",
    "software engineering",
    "special education",
    "statistics",
    "supply chain management",
    "sustainability",
    "sustainable development",
    "systems engineering",
    "technology management",
    "telecommunications",
    "urban planning",
];

/// Whether `name` is a field of study ("Computer Science", "Nursing").
pub(super) fn is_study_field(name: &str) -> bool {
    STUDY_FIELDS
        .binary_search(&name.to_ascii_lowercase().as_str())
        .is_ok()
}

/// A run of known fields of study with nothing between them ("Finance
/// Economics", "Computer Science Electrical Engineering"): the fields, in
/// order, the longest known name first at each word; `None` unless the run
/// is two or more fields and nothing else.
fn split_fields(run: &str) -> Option<Vec<String>> {
    let words: Vec<&str> = run.split_whitespace().collect();
    let known = |ws: &[&str]| is_study_field(&ws.join(" "));
    let mut parts = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let n = (1..=(words.len() - i).min(3))
            .rev()
            .find(|&n| known(&words[i..i + n]))?;
        parts.push(words[i..i + n].join(" "));
        i += n;
    }
    (parts.len() >= 2).then_some(parts)
}

/// The field written before "degree": "an engineering degree", "a Computer
/// Science degree" (not "a relevant degree", "University degree").
fn field_before_degree(sent: &str, lower: &str) -> Option<String> {
    const NOT_FIELDS: &[&str] = &[
        "a",
        "an",
        "the",
        "any",
        "or",
        "and",
        "of",
        "in",
        "with",
        "relevant",
        "related",
        "similar",
        "equivalent",
        "technical",
        "university",
        "college",
        "advanced",
        "graduate",
        "undergraduate",
        "postgraduate",
        "post",
        "higher",
        "formal",
        "professional",
        "academic",
        "appropriate",
        "accredited",
        "recognized",
        "recognised",
        "valid",
        "good",
        "strong",
        "master",
        "masters",
        "bachelor",
        "bachelors",
        "associate",
        "associates",
        "doctoral",
        "first",
        "second",
        "class",
        "honours",
        "honors",
        "level",
        "year",
        "four",
        "two",
        "bs",
        "ba",
        "ms",
        "ma",
        "bsc",
        "msc",
        "phd",
        "mba",
        "have",
        "has",
        "hold",
        "holds",
        "holding",
        "require",
        "requires",
        "required",
        "preferred",
        "possess",
        "minimum",
        "least",
        "plus",
        "our",
        "your",
        "their",
        "is",
        "be",
        "this",
        "that",
        "high",
        "school",
        "diploma",
        "ged",
        "completed",
        "obtained",
        "pursuing",
        "current",
        "recent",
        "new",
        "basic",
        "full",
    ];
    let at = lower.match_indices(" degree").map(|(i, _)| i).next()?;
    let mut words: Vec<&str> = Vec::new();
    for w in sent[..at].split_whitespace().rev() {
        if words.len() == 3
            || !w.chars().all(char::is_alphabetic)
            || NOT_FIELDS.contains(&w.to_ascii_lowercase().as_str())
        {
            break;
        }
        words.push(w);
    }
    if words.is_empty() {
        return None;
    }
    words.reverse();
    Some(words.join(" "))
}

const CERT_WORDS: &[&str] = &[
    "certification",
    "certified",
    "certificate",
    "license",
    "licence",
    "licensure",
    "registration",
    "credential",
];

/// Whether a phrase is a form of a lexicon certification or licence
/// ("CPA", "Certified Public Accountant").
fn names_a_certification(p: &str) -> bool {
    static FORMS: std::sync::OnceLock<crate::hash::Map<&'static str, ()>> =
        std::sync::OnceLock::new();
    // not cached while the lexicon is not loaded
    if super::skills().is_empty() {
        return false;
    }
    FORMS
        .get_or_init(|| {
            super::skills()
                .iter()
                .filter(|s| s.certification)
                .flat_map(|s| s.forms())
                .map(|f| (f, ()))
                .collect()
        })
        .contains_key(p)
}

/// Named certifications and licences of a line: "PMP certification", "RN
/// license", "AWS Certified Solutions Architect".
fn certifications(line: &str, lower: &str) -> Vec<String> {
    let mut out: Vec<(usize, String)> = Vec::new();
    for w in CERT_WORDS {
        for (i, _) in lower.match_indices(w) {
            // capitalized words before it: "Current RN license" -> "RN license"
            let before: Vec<&str> = line[..i].split_whitespace().rev().take(4).collect();
            let mut run: Vec<&str> = Vec::new();
            for b in before {
                // a label or an earlier list item ends the name:
                // "Requirements: Certified ...", "BLS, ACLS certification"
                if b.ends_with([':', ',', ';']) {
                    break;
                }
                let b = b.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ':' | '"'));
                let named = b.starts_with(|c: char| c.is_uppercase())
                    && !matches!(
                        b,
                        "A" | "An"
                            | "The"
                            | "Current"
                            | "Valid"
                            | "Active"
                            | "State"
                            | "Must"
                            | "Required"
                            | "Professional"
                            | "Relevant"
                            | "Or"
                            | "And"
                            | "With"
                            | "Any"
                    );
                if named && !b.is_empty() {
                    run.push(b);
                } else {
                    break;
                }
            }
            run.reverse();
            let word_end = i + lower[i..]
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(lower.len() - i);
            let mut name = run.join(" ");
            if *w == "certified" {
                // "AWS Certified Solutions Architect"
                let after: Vec<&str> = line[word_end..]
                    .split_whitespace()
                    .take_while(|a| a.starts_with(|c: char| c.is_uppercase()))
                    .take(4)
                    .collect();
                if run.is_empty() && after.is_empty() {
                    continue;
                }
                let mut parts = run.clone();
                parts.push(&line[i..word_end]);
                parts.extend(
                    after
                        .iter()
                        .map(|a| a.trim_end_matches([',', '.', ';', ')'])),
                );
                name = parts.join(" ");
            } else if run.is_empty() {
                continue;
            } else {
                name.push(' ');
                name.push_str(&line[i..word_end]);
            }
            if !out.iter().any(|(_, n)| *n == name) && !super::guards::is_masked(&name) {
                out.push((i, name));
            }
        }
    }
    out.sort();
    out.into_iter().map(|(_, n)| n).collect()
}

const LANGUAGES: &[&str] = &[
    "English",
    "Spanish",
    "French",
    "German",
    "Italian",
    "Portuguese",
    "Mandarin",
    "Chinese",
    "Cantonese",
    "Japanese",
    "Korean",
    "Arabic",
    "Hindi",
    "Russian",
    "Dutch",
    "Swedish",
    "Danish",
    "Norwegian",
    "Finnish",
    "Polish",
    "Turkish",
    "Hebrew",
    "Greek",
    "Vietnamese",
    "Tagalog",
    "Ukrainian",
    "Czech",
    "Hungarian",
    "Romanian",
    "Thai",
    "Indonesian",
    "Malay",
    "Bengali",
    "Urdu",
    "Punjabi",
    "Tamil",
    "Telugu",
    "Farsi",
    "Persian",
    "Swahili",
    "American Sign Language",
];

fn stated(lower: &str, sent: &str, evidence: &str, r: &mut Requirements) {
    let cue = [
        "fluent",
        "fluency",
        "speak",
        "spoken",
        "written and",
        "language",
        "bilingual",
        "native",
        "proficien",
        "command of",
        "verbal",
        "orally",
        "in writing",
        " skills",
    ]
    .iter()
    .any(|c| lower.contains(c));
    // "English language learners", "English Language Arts": students and
    // a school subject, not a language the posting asks one to speak
    let spoken = |lang: &str| {
        sent.match_indices(lang).any(|(i, _)| {
            let before = sent[..i].chars().next_back();
            let rest = &sent[i + lang.len()..];
            let after = rest.chars().next();
            // (a few words: a long line stays linear)
            let rest: String = rest.trim_start().chars().take(24).collect();
            let rest = rest.to_ascii_lowercase();
            !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric)
                && ![
                    "language learner",
                    "learner",
                    "language arts",
                    "as a second language",
                ]
                .iter()
                .any(|p| rest.starts_with(p))
        })
    };
    if cue {
        for lang in LANGUAGES {
            if spoken(lang) && !r.languages.iter().any(|l| l.value == *lang) {
                r.languages.push(Stated {
                    value: lang.to_string(),
                    evidence: evidence.to_string(),
                });
            }
        }
    }
    if r.travel.is_none()
        && ["travel", "travelling", "traveling"]
            .iter()
            .any(|t| word(lower, t))
        && [
            "%",
            "willing",
            "required",
            "up to",
            "frequent",
            "occasional",
            "extensive",
            "ability to",
            "able to",
            "must",
            "overnight",
            "per cent",
            "percent",
            "days per",
            "days a year",
            "be expected",
            "foresee",
            "as needed",
            "domestic",
            "international",
            "overseas",
            "nights",
        ]
        .iter()
        .any(|c| lower.contains(c))
    {
        r.travel = Some(Stated {
            value: clip(unbulleted(sent)),
            evidence: evidence.to_string(),
        });
    }
    if r.clearance.is_none() && security_clearance(lower) {
        r.clearance = Some(Stated {
            value: clip(unbulleted(sent)),
            evidence: evidence.to_string(),
        });
    }
}

/// Whether a lowercase sentence asks for a security clearance: "TS/SCI",
/// "Top Secret", "public trust", a clearance with its kind ("active
/// clearance", "able to obtain a clearance"); not "customs clearance" or
/// "Clearance from Operation for specific Remarks".
fn security_clearance(lower: &str) -> bool {
    const KINDS: &[&str] = &[
        "security",
        "secret",
        "dod",
        "government",
        "federal",
        "polygraph",
        "sci",
        "trust",
        "nato",
        "baseline",
        "active",
        "obtain",
        "eligible",
        "eligibility",
        "maintain",
        "hold",
        "current",
        "required",
    ];
    if ["ts/sci", "ts-sci", "top secret", "public trust"]
        .iter()
        .any(|c| lower.contains(c))
    {
        return true;
    }
    word(lower, "clearance")
        && !lower.contains("customs clearance")
        && KINDS.iter().any(|k| word(lower, k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number_before("five (5) to seven (7) "), Some(5));
        assert_eq!(number_before("at least two (2) "), Some(2));
        assert_eq!(number_before("5+ "), Some(5));
        assert_eq!(number_before("at least 3-5 "), Some(3));
        assert_eq!(number_before("three to five "), Some(3));
        assert_eq!(number_before("over ten "), Some(10));
        assert_eq!(number_before("2021 "), None);
    }

    #[test]
    fn certifications_joined_by_or_are_one_requirement() {
        let t = "Accountant\nQualifications:\n- You must also possess active credentials as a Certified Public Accountant (CPA) or Certified Government Financial Manager (CGFM).\n- BLS and ACLS certification required\n";
        let r = crate::posting::read(t).unwrap().requirements;
        let names: Vec<(&str, &[String])> = r
            .certifications
            .iter()
            .map(|c| (c.name.as_str(), c.alternatives.as_slice()))
            .collect();
        assert_eq!(names.len(), 3, "{names:?}");
        assert_eq!(names[0].0, "Certified Public Accountant");
        assert_eq!(names[0].1, ["Certified Government Financial Manager"]);
        assert!(r.certifications[0].aliases.iter().any(|a| a == "CGFM"));
        // "and" joins two requirements
        assert!(names[1..].iter().all(|(_, alt)| alt.is_empty()));
    }

    #[test]
    fn a_label_or_an_earlier_item_is_no_part_of_a_name() {
        let names = |l: &str| certifications(l, &l.to_ascii_lowercase());
        assert_eq!(
            names("Requirements: Certified Public Accountant or PMP certification"),
            ["Certified Public Accountant", "PMP certification"]
        );
        assert_eq!(names("BLS, ACLS certification"), ["ACLS certification"]);
    }

    #[test]
    fn a_security_clearance_not_a_customs_one() {
        assert!(security_clearance(
            "must be able to obtain a ts/sci clearance"
        ));
        assert!(security_clearance("active secret clearance required"));
        assert!(!security_clearance(
            "follow up & clearance from operation for specific remarks in pods"
        ));
        assert!(!security_clearance(
            "customs clearance and freight forwarding"
        ));
        let t = "Sales Engineer\nRequirements:\n- Excellent communication and English skills both orally and in writing\n- You can foresee approximately 30-40 travel days per year\n";
        let r = crate::posting::read(t).unwrap().requirements;
        assert_eq!(
            r.languages.first().map(|l| l.value.as_str()),
            Some("English")
        );
        assert!(r.travel.is_some());
        // a page's own field
        let t = "Internal Controls Officer\n\n**SECURITY CLEARANCE:** Top Secret/SCI\n\nDuties:\n- Audit financial statements\n";
        let r = crate::posting::read(t).unwrap().requirements;
        assert!(r.clearance.is_some_and(|c| c.value.contains("Top Secret")));
    }

    #[test]
    fn students_and_subjects_name_no_spoken_language() {
        let langs = |t: &str| -> Vec<String> {
            crate::posting::read(t)
                .unwrap()
                .requirements
                .languages
                .into_iter()
                .map(|l| l.value)
                .collect()
        };
        assert!(langs("Math Teacher\nResponsibilities:\n- Differentiate instruction for English language learners\n- Teach English Language Arts skills\n").is_empty());
        assert_eq!(
            langs(
                "Teacher\nRequirements:\n- English language learners in class\n- Bilingual in Spanish preferred\n- Fluent English\n"
            ),
            ["Spanish", "English"]
        );
    }

    #[test]
    fn years_of_a_job_board_s_experience_lines() {
        let r = |t: &str| crate::posting::read(t).unwrap().requirements;
        // the skill's line, then the overall line: the overall years win
        let t = "Web Developer\nRequirements:\n- HTML, CSS\nExperience:\nWeb Development: 1 year (Required)\ntotal work: 2 years (Required)\nCSS: 1 year (Preferred)\n";
        let got = r(t);
        assert_eq!(got.years.as_ref().map(|y| y.min), Some(2));
        let skills: Vec<(&str, u32)> = got
            .skill_years
            .iter()
            .map(|y| (y.skill.as_str(), y.min))
            .collect();
        assert_eq!(skills, [("Web Development", 1), ("CSS", 1)]);
        assert_eq!(
            got.years.unwrap().evidence,
            "total work: 2 years (Required)"
        );
        // "Experience:" before the figure, a range written twice
        let t =
            "IT Project Manager\nRequirements:\nExperience: Minimum 1 year as project manager\n";
        assert_eq!(r(t).years.map(|y| y.min), Some(1));
        let t = "Accountant\nQualifications:\nA bachelor's degree in accounting with five (5) to seven (7) years of accounting experience.\n";
        assert_eq!(r(t).years.map(|y| y.min), Some(5));
        // a skill in the next sentence has no years
        let t = "Accountant\nRequirements:\n- Ledgers and 5 years. Certified Public Accountant preferred\n";
        assert!(r(t).skill_years.is_empty());
        // not a label: a sentence that goes on after the years
        assert_eq!(labeled_years("Note: 3 years of Java is a plus"), None);
    }

    #[test]
    fn a_licence_takes_its_own_clause_s_cue() {
        let text = "Requirements:\n- BLS and ACLS certification required; PALS a plus\n";
        let p = crate::posting::read(text).unwrap();
        let required = |n: &str| {
            p.requirements
                .certifications
                .iter()
                .find(|c| c.name.contains(n))
                .map(|c| c.required)
        };
        assert_eq!(
            (required("BLS"), required("ACLS"), required("PALS")),
            (Some(true), Some(true), Some(false))
        );
    }

    #[test]
    fn degrees() {
        let e = |s: &str| education(s, &s.to_ascii_lowercase(), s);
        let b = e("BS/MS degree in Computer Science, Engineering, or a related subject").unwrap();
        assert_eq!(b.level, EducationLevel::Bachelor);
        assert_eq!(b.fields, ["Computer Science", "Engineering"]);
        // the fields end at a licence or at years
        let f = |s: &str| e(s).unwrap().fields;
        assert_eq!(
            f("Bachelor's degree in Finance, CPA preferred"),
            ["Finance"]
        );
        assert_eq!(
            f("Bachelor's degree in Civil Engineering from an ABET-accredited program"),
            ["Civil Engineering"]
        );
        assert_eq!(
            f("Associate degree in Accounting, 2 years of experience in accounts payable"),
            ["Accounting"]
        );
        assert_eq!(
            f("BA/BS in Marketing, Communications or Business"),
            ["Marketing", "Communications", "Business"]
        );
        assert_eq!(
            e("A PhD degree or equivalent").unwrap().level,
            EducationLevel::Doctorate
        );
        assert!(
            e("A PhD degree or equivalent")
                .unwrap()
                .equivalent_experience
        );
        // people with PhDs are no degree asked for (train-house-110)
        assert!(e("you will support the work of post-docs and PhDs in the lab").is_none());
        assert_eq!(
            e("PhD or Ph.D. in physics, PhDs welcome").unwrap().level,
            EducationLevel::Doctorate
        );
        assert_eq!(
            f("An engineering degree or experience as a mechanic"),
            ["engineering"]
        );
        assert!(f("A relevant University degree").is_empty());
        assert!(
            e("An engineering degree or experience as a mechanic")
                .unwrap()
                .equivalent_experience
        );
        assert!(
            !e("A degree in Finance and experience with SAP")
                .unwrap()
                .equivalent_experience
        );
        assert_eq!(
            f("Bachelor's degree in Computer Science or a similar technical area is required"),
            ["Computer Science"]
        );
        assert_eq!(
            f(
                "a bachelor’s degree in accounting or a degree in a related field such as business administration, finance, or public administration that included 24 semester hours"
            ),
            [
                "accounting",
                "business administration",
                "finance",
                "public administration"
            ]
        );
        assert_eq!(
            e("Hold a master\u{92}s degree in Finance or similar")
                .unwrap()
                .level,
            EducationLevel::Master
        );
        // fields run together where the commas were lost
        assert_eq!(
            f(
                "Bachelor's or Master's degree in Computer Science Electrical Engineering or a similar technical area"
            ),
            ["Computer Science", "Electrical Engineering"]
        );
        assert_eq!(
            f(
                "MBA or a post graduate degree in Economics Marketing Sustainable Development or other related fields"
            ),
            [
                "Business Administration",
                "Economics",
                "Marketing",
                "Sustainable Development"
            ]
        );
        // a known compound, or a run with a word no field is, stays whole
        assert_eq!(f("BA in Art History"), ["Art History"]);
        assert_eq!(f("BS in Finance Analytics"), ["Finance Analytics"]);
        assert_eq!(
            f("Hold a degree; preferably within Supply Chain Management or a commercial direction"),
            ["Supply Chain Management", "commercial direction"]
        );
        let mba = e("Bachelor’s degree (MBA preferred)").unwrap();
        // the MBA preferred names no field of the bachelor's asked for
        assert!(mba.fields.is_empty());
        assert_eq!(f("MBA required"), ["Business Administration"]);
        // "preferably in" before the degree names no field of it
        assert_eq!(
            f(
                "Years in sales preferably in E-Commerce Bachelor and/or Master's degree ( preferably MSc in business )"
            ),
            ["business"]
        );
        assert_eq!(
            (mba.level, mba.preferred),
            (EducationLevel::Bachelor, Some(EducationLevel::Master))
        );
        // both levels qualify: none is preferred
        assert_eq!(
            e("Bachelor's or Master's degree in Physics")
                .unwrap()
                .preferred,
            None
        );
    }

    /// Which degree is required and which preferred, across sentences and
    /// sections.
    #[test]
    fn degrees_required_and_preferred() {
        let e = |s: &str| education(s, &s.to_ascii_lowercase(), s);
        let mba = e("Bachelor’s degree (MBA preferred)").unwrap();
        // a later sentence prefers a higher degree
        let p = crate::posting::read(
            "Requirements:\n- Bachelor's degree in Nursing required.\n- Master's degree preferred.\n- Valid RN license.",
        )
        .unwrap();
        let edu = p.requirements.education.unwrap();
        assert_eq!(
            (edu.level, edu.preferred, edu.fields),
            (
                EducationLevel::Bachelor,
                Some(EducationLevel::Master),
                vec!["Nursing".to_string()]
            )
        );
        assert!(edu.required && mba.required);
        // only preferred: no degree required, in a sentence or a section
        let read_edu = |jd: &str| {
            crate::posting::read(jd)
                .unwrap()
                .requirements
                .education
                .unwrap()
        };
        let only = read_edu("Requirements:\n- 3+ years in retail\n- Bachelor's degree preferred\n");
        assert_eq!(
            (only.level, only.required),
            (EducationLevel::Bachelor, false)
        );
        let nice =
            read_edu("Requirements:\n- Excel\nNice to have:\n- Bachelor's degree in Finance\n");
        assert!(!nice.required);
        // then required: the requirement, the earlier degree preferred
        let both = read_edu(
            "Requirements:\n- Master's degree preferred.\n- Bachelor's degree in Nursing required.\n",
        );
        assert_eq!(
            (both.level, both.preferred, both.required),
            (EducationLevel::Bachelor, Some(EducationLevel::Master), true)
        );
        // the associate degree in nursing is the minimum; the preferred
        // degree's field stands
        let rn = read_edu(
            "Qualifications:\n- Bachelor of Science in Nursing (BSN) preferred; ADN with BSN in progress considered\n",
        );
        assert_eq!(
            (rn.level, rn.preferred, rn.fields, rn.required),
            (
                EducationLevel::Associate,
                Some(EducationLevel::Bachelor),
                vec!["Nursing".to_string()],
                true
            )
        );
        // another clause's preference is not the degree's
        assert!(
            e("Bachelor's degree required, SQL experience preferred")
                .unwrap()
                .required
        );
        assert!(
            !e("SQL required; a bachelor's degree is a plus")
                .unwrap()
                .required
        );
        assert!(e("We celebrate 360 degree feedback").is_none());
    }

    #[test]
    fn certs() {
        let c = |s: &str| certifications(s, &s.to_ascii_lowercase());
        assert_eq!(
            c("Current RN license and BLS certification"),
            ["RN license", "BLS certification"]
        );
        assert_eq!(
            c("AWS Certified Solutions Architect preferred"),
            ["AWS Certified Solutions Architect"]
        );
        assert!(c("certification preferred").is_empty());
        assert_eq!(
            c("Valid California Multiple Subject Teaching Credential"),
            ["California Multiple Subject Teaching Credential"]
        );
    }
}
