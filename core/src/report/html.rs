//! HTML report: a self-contained, escaped fragment for notebooks and pages.

use std::fmt::Write;

use super::Severity;
use super::{FlagKind, KeywordStatus, OffsetEncoding, Report};
use crate::roles::Tier;
use crate::text::Span;

/// Escape text for HTML element content and attribute values.
///
/// ```
/// assert_eq!(atscore::report::escape_html("<b a=\"1\">&'"), "&lt;b a=&quot;1&quot;&gt;&amp;&#39;");
/// ```
pub fn escape_html(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '&' => o.push_str("&amp;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(c),
        }
    }
    o
}

const STYLE: &str = "<style>.atscore{font-family:system-ui,sans-serif;line-height:1.4;color:#1a1a1a;max-width:60rem}\
.atscore .score{font-size:2rem;font-weight:700}.atscore .ok{color:#0a6b2f}.atscore .warn{color:#8a5a00}.atscore .bad{color:#b00020}.atscore .info{color:#555}\
.atscore table{border-collapse:collapse}.atscore td,.atscore th{padding:2px 8px;text-align:left;vertical-align:top}\
.atscore pre{white-space:pre-wrap;background:#f6f6f6;padding:8px;border-radius:4px}\
.atscore mark.kw{background:#c8f0d2}.atscore mark.kw.bonus{background:#d6e6ff}.atscore mark.flag{background:#ffe0a6}.atscore mark.typo{background:#ffc9c9}</style>";

/// Render a report as an HTML fragment. With `text` (the analyzed resume),
/// the resume is shown with its hits and flags highlighted. Every piece of
/// resume or role text is escaped.
///
/// ```
/// let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
/// let text = "<script>alert(1)</script> SQL";
/// let r = m.analyze(text)?;
/// let html = atscore::render_html(&r, Some(text));
/// assert!(!html.contains("<script>alert"));
/// assert!(html.contains("&lt;script&gt;"));
/// assert!(html.contains("<mark"));
/// # Ok::<(), atscore::Error>(())
/// ```
pub fn render_html(report: &Report, text: Option<&str>) -> String {
    let mut o = String::new();
    o.push_str(STYLE);
    o.push_str("<div class=\"atscore\">");
    let title = report.role.title.as_deref().unwrap_or(&report.role.name);
    let class = match report.score {
        75.. => "ok",
        50..=74 => "warn",
        _ => "bad",
    };
    let _ = write!(
        o,
        "<div><span class=\"score {class}\">{}/100</span> <span>against {}</span></div>",
        report.score,
        escape_html(title)
    );
    if !report.readability.is_empty() {
        o.push_str("<h4>Can an ATS read it?</h4><ul>");
        for f in &report.readability {
            let (mark, cls) = match f.severity {
                Severity::Problem => ("✗", "bad"),
                Severity::Warning => ("!", "warn"),
                Severity::Info => ("i", "info"),
            };
            let _ = write!(
                o,
                "<li><span class=\"{cls}\">{mark}</span> {} <i>{}</i></li>",
                escape_html(&f.message),
                escape_html(&f.fix)
            );
        }
        o.push_str("</ul>");
    }
    keywords(&mut o, report);
    recruiter(&mut o, report);
    flags(&mut o, report);
    o.push_str("<h4>Score breakdown</h4><table>");
    for c in &report.score_breakdown {
        let _ = write!(
            o,
            "<tr><td>{}</td><td>{:.1}</td><td>{}</td></tr>",
            escape_html(&c.label),
            c.points,
            escape_html(&c.detail)
        );
    }
    o.push_str("</table>");
    if !report.suggestions.is_empty() {
        o.push_str("<h4>What to change first</h4><ol>");
        for s in report.suggestions.iter().take(10) {
            let _ = write!(o, "<li>(+{:.1}) {}</li>", s.impact, escape_html(&s.message));
        }
        o.push_str("</ol>");
    }
    // a file's report carries the text its spans point into
    if let Some(text) = text.or(report.file.as_ref().map(|f| f.text.as_str())) {
        o.push_str("<h4>Resume</h4><pre>");
        o.push_str(&highlight(report, text));
        o.push_str("</pre>");
    }
    o.push_str("</div>");
    o
}

/// The must-have and bonus keywords, each with how it was found.
fn keywords(o: &mut String, report: &Report) {
    for (tier, label) in [(Tier::MustHave, "Must-have"), (Tier::Bonus, "Bonus")] {
        let _ = write!(
            o,
            "<h4>{label} keywords</h4><table><tr><th></th><th>keyword</th><th>found as</th></tr>"
        );
        for k in report.keywords.iter().filter(|k| k.tier == tier) {
            let (mark, cls) = match k.status {
                KeywordStatus::InContext => ("✓", "ok"),
                KeywordStatus::ListOnly => ("~", "warn"),
                KeywordStatus::Typo => ("?", "bad"),
                _ => ("✗", "bad"),
            };
            let found = k
                .hits
                .iter()
                .find(|h| h.kind.counts())
                .or(k.hits.first())
                .map(|h| {
                    format!(
                        "{} ({}{}), line {}{}",
                        escape_html(&h.text),
                        serde_json::to_value(h.kind)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_string))
                            .unwrap_or_default(),
                        h.via
                            .as_ref()
                            .map(|v| format!(" via {}", escape_html(v)))
                            .unwrap_or_default(),
                        h.line,
                        if k.status == KeywordStatus::ListOnly {
                            " — only in a list"
                        } else {
                            ""
                        }
                    )
                })
                .unwrap_or_else(|| "missing".into());
            let name = if k.one_of.is_empty() {
                k.term.to_string()
            } else {
                format!("one of: {}", k.one_of.join(" / "))
            };
            let _ = write!(
                o,
                "<tr><td class=\"{cls}\">{mark}</td><td>{}</td><td>{found}</td></tr>",
                escape_html(&name)
            );
        }
        o.push_str("</table>");
    }
}

/// The checks against a posting's requirements.
fn recruiter(o: &mut String, report: &Report) {
    if !report.recruiter.is_empty() {
        o.push_str("<h4>Recruiter checks</h4><ul>");
        for c in &report.recruiter {
            let (mark, cls) = match c.status {
                super::CheckStatus::Met => ("✓", "ok"),
                super::CheckStatus::Missing => ("✗", "bad"),
                super::CheckStatus::Unknown => ("?", "warn"),
            };
            let _ = write!(
                o,
                "<li><span class=\"{cls}\">{mark}</span> {}: {}{} <i>{}</i></li>",
                escape_html(&c.id),
                escape_html(&c.wanted),
                c.found
                    .as_deref()
                    .map(|f| format!(" — {}", escape_html(f)))
                    .unwrap_or_default(),
                escape_html(&c.message)
            );
        }
        o.push_str("</ul>");
    }
}

/// The flags, but the list-only ones (the keyword tables show them).
fn flags(o: &mut String, report: &Report) {
    let flags: Vec<_> = report
        .flags
        .iter()
        .filter(|f| f.kind != FlagKind::ListOnly)
        .collect();
    if !flags.is_empty() {
        o.push_str("<h4>To change</h4><ul>");
        for f in flags {
            let at = f.line.map(|l| format!("line {l}: ")).unwrap_or_default();
            let _ = write!(
                o,
                "<li>{at}<b>{}</b> — {} <i>{}</i></li>",
                escape_html(&f.text),
                escape_html(&f.message),
                escape_html(&f.suggestion)
            );
        }
        o.push_str("</ul>");
    }
}

/// The text, escaped, with non-overlapping `<mark>`s over hits and flags.
fn highlight(report: &Report, text: &str) -> String {
    let utf8;
    let report = if report.offsets == OffsetEncoding::Utf8 {
        report
    } else {
        let mut r = report.clone();
        r.convert_offsets(text, OffsetEncoding::Utf8);
        utf8 = r;
        &utf8
    };
    let mut marks: Vec<(Span, String, &str)> = Vec::new();
    for k in &report.keywords {
        for h in &k.hits {
            let cls = match (k.tier, h.kind.counts()) {
                (_, false) => "typo",
                (Tier::MustHave, _) => "kw must",
                (Tier::Bonus, _) => "kw bonus",
                (Tier::Overused, _) => "flag",
            };
            marks.push((h.span, format!("{} ({})", k.term, k.tier), cls));
        }
    }
    for f in &report.flags {
        if let (Some(s), FlagKind::Vague | FlagKind::WeakVerb) = (f.span, f.kind) {
            marks.push((s, f.suggestion.clone(), "flag"));
        }
    }
    crate::sort::sort_by_key(&mut marks, |m| (m.0.start, std::cmp::Reverse(m.0.end)));
    let mut o = String::with_capacity(text.len() * 11 / 10);
    let mut pos = 0;
    for (span, title, cls) in marks {
        let valid = span.start >= pos
            && span.end <= text.len()
            && span.start < span.end
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end);
        if !valid {
            continue;
        }
        o.push_str(&escape_html(&text[pos..span.start]));
        let _ = write!(
            o,
            "<mark class=\"{cls}\" title=\"{}\">{}</mark>",
            escape_html(&title),
            escape_html(&text[span.range()])
        );
        pos = span.end;
    }
    o.push_str(&escape_html(&text[pos..]));
    o
}
