//! Dates of a resume: the date ranges of its lines and the years of
//! experience they add up to.

use super::Document;
use crate::text::lexicon::Section;

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A date at the start of `s` ("Jan 2019", "01/2019", "2019"): (year, month
/// or None) and the bytes it took.
fn date_at(s: &str) -> Option<((u32, Option<u32>), usize)> {
    // a date is short: look at its first bytes only
    let lower = crate::text::prefix(s, 24).to_ascii_lowercase();
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
    crate::sort::sort(&mut closed);
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
}
