//! A role as the checklist a recruiter would write: hard skills by tier,
//! "any one of" groups, soft skills, requirements, each keyword with the
//! posting line it came from and why it got its tier.

use std::fmt::Write;

use crate::roles::{Keyword, Role, Tier};

/// The role as a readable checklist (`atscore extract --format text`).
///
/// ```
/// let role = atscore::Role::from_job_description(
///     "Data Analyst\nRequirements:\n- 3+ years of SQL\n- Tableau or Power BI\n- Strong communication skills\n",
/// )?;
/// let text = atscore::posting::render_checklist(&role);
/// assert!(text.contains("Data Analyst"));
/// assert!(text.contains("one of: Tableau / Power BI"));
/// assert!(text.contains("3+ years"));
/// assert!(text.contains("line 3"));
/// # Ok::<(), atscore::Error>(())
/// ```
pub fn render_checklist(role: &Role) -> String {
    let mut out = String::new();
    let title = role.title.as_deref().unwrap_or(&role.name);
    let _ = writeln!(out, "Checklist: {title}");
    let hard = |tier: Tier| -> Vec<&Keyword> {
        role.keywords
            .iter()
            .filter(|k| k.tier == tier && !k.soft)
            .collect()
    };
    for (tier, name) in [(Tier::MustHave, "Must-have"), (Tier::Bonus, "Bonus")] {
        let list = hard(tier);
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{name} ({})", list.len());
        for k in list {
            item(&mut out, k);
        }
    }
    let soft: Vec<&Keyword> = role.keywords.iter().filter(|k| k.soft).collect();
    if !soft.is_empty() {
        let _ = writeln!(
            out,
            "\nSoft skills ({}; bonus, half weight: show them in bullets, not in a list)",
            soft.len()
        );
        for k in soft {
            item(&mut out, k);
        }
    }
    let r = &role.requirements;
    if !r.is_empty() {
        let _ = writeln!(out, "\nRequirements");
        if let Some(y) = &r.years {
            let _ = writeln!(
                out,
                "  - experience: {}+ years   ({})",
                y.min,
                clip_at(&y.evidence, "year")
            );
        }
        for y in &r.skill_years {
            let _ = writeln!(
                out,
                "  - {}: {}+ years   ({})",
                y.skill,
                y.min,
                clip_at(&y.evidence, "year")
            );
        }
        if let Some(e) = &r.education {
            let mut s = e.level.as_str().to_string();
            if !e.fields.is_empty() {
                let _ = write!(s, " in {}", e.fields.join(" or "));
            }
            if e.equivalent_experience {
                s.push_str(", or equivalent experience");
            }
            if let Some(p) = e.preferred {
                let _ = write!(s, " ({} preferred)", p.as_str());
            }
            if !e.required {
                s.push_str(" (preferred)");
            }
            let anchor = ["degree", "bachelor", "master", "diploma", "phd"]
                .into_iter()
                .find(|a| e.evidence.to_ascii_lowercase().contains(a))
                .unwrap_or("");
            let _ = writeln!(
                out,
                "  - education: {s}   ({})",
                clip_at(&e.evidence, anchor)
            );
        }
        for c in &r.certifications {
            let need = if c.required { "required" } else { "preferred" };
            let _ = writeln!(
                out,
                "  - certification: {} ({need})   ({})",
                std::iter::once(c.name.as_str())
                    .chain(c.alternatives.iter().map(String::as_str))
                    .collect::<Vec<_>>()
                    .join(" or "),
                clip_at(&c.evidence, &c.name)
            );
        }
        for l in &r.languages {
            let _ = writeln!(out, "  - language: {}   ({})", l.value, clip(&l.evidence));
        }
        if let Some(t) = &r.travel {
            let _ = writeln!(out, "  - travel: {}", clip(&t.value));
        }
        if let Some(c) = &r.clearance {
            let _ = writeln!(out, "  - clearance: {}", clip(&c.value));
        }
    }
    let overused: Vec<&str> = role
        .keywords
        .iter()
        .filter(|k| k.tier == Tier::Overused)
        .map(|k| k.term.as_str())
        .collect();
    if !overused.is_empty() {
        let _ = writeln!(out, "\nAvoid (overused): {}", overused.join(", "));
    }
    out
}

fn item(out: &mut String, k: &Keyword) {
    let name = if k.any_of.is_empty() {
        k.term.clone()
    } else {
        format!("one of: {}", k.any_of.join(" / "))
    };
    let mut also: Vec<&str> = k.acronym.iter().map(String::as_str).collect();
    also.extend(k.aliases.iter().take(3).map(String::as_str));
    let also = if also.is_empty() {
        String::new()
    } else {
        format!(" (also: {})", also.join(", "))
    };
    let _ = writeln!(out, "  - {name}{also}");
    if let Some(e) = &k.evidence {
        let _ = writeln!(
            out,
            "      line {}: {}   [{}]",
            e.line,
            clip(&e.text),
            e.reason
        );
    }
}

/// A long evidence sentence cut to 100 characters around `anchor` (found
/// regardless of ASCII case): "…with five (5) to seven (7) years of
/// accounting experience…", not the sentence's first 100 characters.
fn clip_at(s: &str, anchor: &str) -> String {
    let at = match s.to_ascii_lowercase().find(&anchor.to_ascii_lowercase()) {
        Some(at) if !anchor.is_empty() && s.chars().count() > 100 => at,
        _ => return clip(s),
    };
    // from the word that starts about 40 bytes before the anchor
    let from = crate::text::floor_boundary(s, at.saturating_sub(40));
    if from == 0 {
        return clip(s);
    }
    let from = s[from..at].find(' ').map_or(from, |sp| from + sp + 1);
    format!("…{}", super::clip_chars(&s[from..], 99))
}

/// A line cut to 100 characters.
fn clip(s: &str) -> String {
    super::clip_chars(s, 100)
}
