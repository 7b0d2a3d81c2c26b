//! Plain-text report for terminals, optionally with ANSI colors.

use std::fmt::Write;

use super::Severity;
use super::{FlagKind, KeywordResult, KeywordStatus, MatchKind, Report, Variant};
use crate::roles::Tier;

/// Options of [`render_text`].
///
/// ```
/// let o = atscore::TextOptions::default();
/// assert!(!o.color && o.max_suggestions == 8);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextOptions {
    /// Use ANSI colors.
    pub color: bool,
    /// How many suggestions to print.
    pub max_suggestions: usize,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions {
            color: false,
            max_suggestions: 8,
        }
    }
}

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn green(&self, s: &str) -> String {
        self.paint("32", s)
    }
    fn yellow(&self, s: &str) -> String {
        self.paint("33", s)
    }
    fn red(&self, s: &str) -> String {
        self.paint("31", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
}

fn how(k: &KeywordResult) -> String {
    let in_ctx = k.hits.iter().find(|h| h.kind.counts() && h.in_context);
    let Some(h) = in_ctx.or_else(|| k.hits.iter().find(|h| h.kind.counts())) else {
        return String::new();
    };
    let kind = match (h.kind, h.variant) {
        (MatchKind::Exact, _) => "exact".to_string(),
        (MatchKind::Variant, Some(Variant::Case)) => "variant: letter case".to_string(),
        (MatchKind::Variant, Some(Variant::Inflection)) => "variant: inflection".to_string(),
        (MatchKind::Variant, Some(Variant::Derivation)) => "variant: same word family".to_string(),
        (MatchKind::Variant, _) => "variant: spelling".to_string(),
        (MatchKind::Alias, _) => "alias".to_string(),
        (MatchKind::Acronym, _) => "acronym/full form".to_string(),
        (MatchKind::Fuzzy, _) => "typo".to_string(),
        (MatchKind::Related, _) => "related word".to_string(),
    };
    let via = h
        .via
        .as_ref()
        .filter(|v| **v != h.text)
        .map(|v| format!(" for {v}"))
        .unwrap_or_default();
    format!("\"{}\" ({kind}{via}), line {}", h.text, h.line)
}

/// Render a report as plain text for a terminal.
///
/// ```
/// let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
/// let r = m.analyze("Skills: SQL, Docker")?;
/// let out = atscore::render_text(&r, atscore::TextOptions::default());
/// assert!(out.contains("Score:"));
/// assert!(out.contains("DevOps"));
/// # Ok::<(), atscore::Error>(())
/// ```
pub fn render_text(report: &Report, opts: TextOptions) -> String {
    let st = Style { on: opts.color };
    let mut o = String::new();
    header(&mut o, &st, report);
    readability(&mut o, &st, report);
    keywords(&mut o, &st, report);
    recruiter(&mut o, &st, report);
    words_to_change(&mut o, &st, report);
    document(&mut o, &st, report);
    breakdown(&mut o, &st, report);
    suggestions(&mut o, &st, report, opts.max_suggestions);
    o
}

/// The role, the score with its bar, and the file it was read from.
fn header(o: &mut String, st: &Style, report: &Report) {
    let title = report.role.title.as_deref().unwrap_or(&report.role.name);
    let _ = writeln!(
        o,
        "{} {}",
        st.bold("atscore"),
        st.dim(&format!("— role: {title} ({})", report.role.name))
    );
    let filled = (report.score as usize + 5) / 10;
    let bar = format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled.min(10)));
    let score = format!("{}/100", report.score);
    let painted = match report.score {
        75.. => st.green(&score),
        50..=74 => st.yellow(&score),
        _ => st.red(&score),
    };
    let _ = writeln!(o, "Score: {} {bar}\n", st.bold(&painted));

    if let Some(file) = &report.file {
        let pages = file
            .page_count
            .map(|p| format!(", {p} page{}", if p == 1 { "" } else { "s" }))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "{}\n",
            st.dim(&format!(
                "Read from a {} file{pages}: {} words of text.",
                file.kind.name(),
                report.document.word_count
            ))
        );
    }
}

/// What an ATS may fail to read.
fn readability(o: &mut String, st: &Style, report: &Report) {
    if !report.readability.is_empty() {
        let _ = writeln!(o, "{}", st.bold("Can an ATS read it?"));
        for f in &report.readability {
            let mark = match f.severity {
                Severity::Problem => st.red("✗"),
                Severity::Warning => st.yellow("!"),
                Severity::Info => st.dim("i"),
            };
            let _ = writeln!(o, "  {mark} {}", f.message);
            let _ = writeln!(o, "    {}", st.dim(&format!("→ {}", f.fix)));
        }
        o.push('\n');
    }
}

/// The must-have and bonus keywords, each with how it was found.
fn keywords(o: &mut String, st: &Style, report: &Report) {
    for (tier, label, sum) in [
        (Tier::MustHave, "Must-have keywords", &report.must_have),
        (Tier::Bonus, "Bonus keywords", &report.bonus),
    ] {
        if sum.total == 0 {
            continue;
        }
        let _ = writeln!(
            o,
            "{} {}",
            st.bold(label),
            st.dim(&format!(
                "({} of {} found, {} in context)",
                sum.found, sum.total, sum.in_context
            ))
        );
        for k in report.keywords.iter().filter(|k| k.tier == tier) {
            let (mark, note) = match k.status {
                KeywordStatus::InContext => (st.green("✓"), how(k)),
                KeywordStatus::ListOnly => (st.yellow("~"), format!("{} — only in a list", how(k))),
                KeywordStatus::Typo => {
                    let h = k.hits.iter().find(|h| h.kind == MatchKind::Fuzzy);
                    (
                        st.red("?"),
                        h.map(|h| format!("typo \"{}\" on line {}", h.text, h.line))
                            .unwrap_or_default(),
                    )
                }
                KeywordStatus::Related => {
                    let h = k.hits.iter().find(|h| h.kind == MatchKind::Related);
                    (
                        st.red("✗"),
                        h.map(|h| {
                            format!(
                                "missing; shown by \"{}\" on line {}: write the keyword",
                                h.text, h.line
                            )
                        })
                        .unwrap_or_default(),
                    )
                }
                _ => (st.red("✗"), "missing".to_string()),
            };
            if tier == Tier::Bonus && k.status == KeywordStatus::Missing {
                continue;
            }
            let name = if k.one_of.is_empty() {
                k.term.to_string()
            } else {
                format!("one of: {}", k.one_of.join(" / "))
            };
            let _ = writeln!(o, "  {mark} {name:<34} {}", st.dim(&note));
        }
        if tier == Tier::Bonus {
            let missing: Vec<&str> = report
                .missing(Tier::Bonus)
                .filter(|k| k.status == KeywordStatus::Missing)
                .map(|k| k.term.as_str())
                .collect();
            if !missing.is_empty() {
                let _ = writeln!(
                    o,
                    "  {} {}",
                    st.red("✗"),
                    st.dim(&format!("missing: {}", missing.join(", ")))
                );
            }
        }
        o.push('\n');
    }
}

/// The checks against a posting's requirements.
fn recruiter(o: &mut String, st: &Style, report: &Report) {
    if !report.recruiter.is_empty() {
        let _ = writeln!(o, "{}", st.bold("Recruiter checks"));
        for c in &report.recruiter {
            let mark = match c.status {
                super::CheckStatus::Met => st.green("✓"),
                super::CheckStatus::Missing => st.red("✗"),
                super::CheckStatus::Unknown => st.yellow("?"),
            };
            let found = c
                .found
                .as_deref()
                .map(|f| format!(" — {f}"))
                .unwrap_or_default();
            let _ = writeln!(o, "  {mark} {}: {}{}", c.id, c.wanted, st.dim(&found));
            if c.status != super::CheckStatus::Met {
                let _ = writeln!(o, "    {}", st.dim(&format!("→ {}", c.message)));
            }
        }
        o.push('\n');
    }
}

/// The flags that ask for other words.
fn words_to_change(o: &mut String, st: &Style, report: &Report) {
    let flags: Vec<_> = report
        .flags
        .iter()
        .filter(|f| {
            matches!(
                f.kind,
                FlagKind::Overused
                    | FlagKind::Vague
                    | FlagKind::WeakVerb
                    | FlagKind::Typo
                    | FlagKind::Stuffing
                    | FlagKind::AcronymOnly
                    | FlagKind::NotExact
            )
        })
        .collect();
    if !flags.is_empty() {
        let _ = writeln!(o, "{}", st.bold("Words to change"));
        for f in flags {
            let at = f
                .line
                .map(|l| format!("line {l:>3}"))
                .unwrap_or_else(|| "        ".into());
            let _ = writeln!(o, "  {} {}", st.dim(&at), st.yellow(&f.message));
            let _ = writeln!(o, "           {} {}", st.dim("→"), f.suggestion);
        }
        o.push('\n');
    }
}

/// Achievements, contact details, words and sections.
fn document(o: &mut String, st: &Style, report: &Report) {
    let a = &report.achievements;
    let _ = writeln!(
        o,
        "{} {} of {} achievement lines have a number{}",
        st.bold("Quantified achievements:"),
        a.quantified,
        a.total,
        if a.unquantified_lines.is_empty() {
            String::new()
        } else {
            let l: Vec<String> = a
                .unquantified_lines
                .iter()
                .take(10)
                .map(|n| n.to_string())
                .collect();
            format!(
                "; without: line{} {}{}",
                if l.len() == 1 { "" } else { "s" },
                l.join(", "),
                if a.unquantified_lines.len() > 10 {
                    ", ..."
                } else {
                    ""
                }
            )
        }
    );
    let secs: Vec<&str> = report
        .document
        .sections
        .iter()
        .map(|s| s.section.label())
        .collect();
    let _ = writeln!(
        o,
        "{} {} · {} words · sections: {}\n",
        st.bold("Document:"),
        {
            let c = &report.document.contact;
            let mut v = Vec::new();
            if c.email.is_some() {
                v.push("email");
            }
            if c.phone.is_some() {
                v.push("phone");
            }
            if !c.links.is_empty() {
                v.push("links");
            }
            if v.is_empty() {
                "no contact details found".to_string()
            } else {
                v.join(", ")
            }
        },
        report.document.word_count,
        if secs.is_empty() {
            "none recognized".to_string()
        } else {
            secs.join(", ")
        }
    );
}

/// The score, item by item.
fn breakdown(o: &mut String, st: &Style, report: &Report) {
    let _ = writeln!(o, "{}", st.bold("Score breakdown"));
    for c in &report.score_breakdown {
        let pts = if c.max_points < 0.0 {
            format!("{:>6.1} (max {:.0})", c.points, c.max_points)
        } else {
            format!("{:>6.1} / {:<4.0}", c.points, c.max_points)
        };
        let _ = writeln!(o, "  {:<26} {pts}  {}", c.label, st.dim(&c.detail));
    }
    o.push('\n');
}

/// The first `max` suggestions.
fn suggestions(o: &mut String, st: &Style, report: &Report, max: usize) {
    if !report.suggestions.is_empty() && max > 0 {
        let _ = writeln!(o, "{}", st.bold("What to change first"));
        for (i, s) in report.suggestions.iter().take(max).enumerate() {
            let _ = writeln!(
                o,
                "  {:>2}. {} {}",
                i + 1,
                st.green(&format!("(+{:.1})", s.impact)),
                s.message
            );
        }
        if report.suggestions.len() > max {
            let _ = writeln!(
                o,
                "      {}",
                st.dim(&format!(
                    "... {} more in --format json",
                    report.suggestions.len() - max
                ))
            );
        }
    }
}
