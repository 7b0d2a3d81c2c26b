//! Regressions found by property tests and fuzzing: each case is the input
//! that failed, minimized, with what went wrong.

use atscore::document::Document;
use atscore::{Matcher, OffsetEncoding, Role, render_html};

fn builtin() -> Matcher {
    Matcher::new(Role::builtin("backend-developer").unwrap()).unwrap()
}

/// Every span of the report slices `text` on char boundaries.
fn assert_spans_slice(text: &str, r: &atscore::Report) {
    for k in &r.keywords {
        for h in &k.hits {
            assert_eq!(text.get(h.span.range()), Some(h.text.as_str()), "{text:?}");
        }
    }
    let c = &r.document.contact;
    for s in r
        .flags
        .iter()
        .filter_map(|f| f.span)
        .chain(c.email)
        .chain(c.phone)
        .chain(c.links.iter().copied())
    {
        assert!(text.get(s.range()).is_some(), "{s:?} in {text:?}");
    }
}

/// props.rs: a link after a multi-byte space (U+00A0) started one byte into
/// that space, so its span was not on a char boundary.
#[test]
fn link_after_non_breaking_space() {
    let text = "C++\u{a0}linkedin.com/in/jane ";
    let doc = Document::parse(text);
    assert_eq!(doc.contact.links.len(), 1);
    assert_eq!(
        text.get(doc.contact.links[0].range()),
        Some("linkedin.com/in/jane")
    );
    let r = builtin().analyze(text).unwrap();
    assert_spans_slice(text, &r);
    let _ = render_html(&r, Some(text));
    for text in [
        "x\u{3000}github.com/a",
        "\u{2003}https://x.io",
        "é\u{85}www.x.org",
    ] {
        let r = builtin().analyze(text).unwrap();
        assert_spans_slice(text, &r);
        let mut c = r.clone();
        c.convert_offsets(text, OffsetEncoding::Utf16);
        c.convert_offsets(text, OffsetEncoding::Utf8);
        assert_eq!(c, r);
    }
}

/// hostile bench: each vague phrase was checked against every overused span
/// (quadratic: an 8 MB line with "team player" in every sentence took 18x the
/// time of 1 MB). Behaviour kept: a vague phrase inside an overused term is
/// not flagged again; one outside every overused term is.
#[test]
fn vague_phrases_inside_overused_terms_are_not_flagged_twice() {
    let unit = "Team player and hard worker; responsible for SQL. ";
    let text = unit.repeat(2000);
    let r = builtin().analyze(&text).unwrap();
    let count = |kind: atscore::FlagKind, t: &str| {
        r.flags
            .iter()
            .filter(|f| f.kind == kind && f.text.eq_ignore_ascii_case(t))
            .count()
    };
    assert_eq!(count(atscore::FlagKind::Vague, "team player"), 0);
    assert_eq!(count(atscore::FlagKind::Vague, "hard worker"), 0);
    assert_eq!(count(atscore::FlagKind::WeakVerb, "responsible for"), 2000);
    assert!(count(atscore::FlagKind::Overused, "team player") >= 1);
    // an overused span that starts earlier and ends later still hides the phrase
    let m = Matcher::new(
        Role::from_toml(
            "name = \"x\"\nmust_have = [\"SQL\"]\noverused = [\"proven team player mindset\", \"SQL expert\"]",
        )
        .unwrap(),
    )
    .unwrap();
    let text = "A proven team player mindset. SQL expert. Also a team player.";
    let r = m.analyze(text).unwrap();
    let vague: Vec<usize> = r
        .flags
        .iter()
        .filter(|f| f.kind == atscore::FlagKind::Vague && f.text == "team player")
        .map(|f| f.span.unwrap().start)
        .collect();
    assert_eq!(vague, [text.rfind("team player").unwrap()]);
}

/// A keyword on the wrapped second line of an experience bullet is in context.
#[test]
fn keyword_on_a_wrapped_bullet_line_is_in_context() {
    let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer").unwrap()).unwrap();
    let r = m
        .analyze("EXPERIENCE\n- Built the billing service and migrated the whole\ndatabase to PostgreSQL\n")
        .unwrap();
    let pg = r.keyword("PostgreSQL").unwrap();
    assert_eq!(pg.status, atscore::KeywordStatus::InContext);
    assert!(pg.hits[0].in_context);
}

/// Dates are not results: "05/2019 - 03/2021" does not quantify a bullet.
#[test]
fn month_year_dates_do_not_quantify() {
    let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer").unwrap()).unwrap();
    let r = m
        .analyze("EXPERIENCE\n- Led the migration of billing services 05/2019 - 03/2021\n- Cut costs by 30% for 12 teams\n")
        .unwrap();
    assert_eq!((r.achievements.quantified, r.achievements.total), (1, 2));
    assert_eq!(r.achievements.unquantified_lines, [2]);
}

/// An overused term written three times is one suggestion, and the phrase
/// suggestions never promise more points than the penalty took.
#[test]
fn overused_suggestions_match_the_penalty() {
    let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer").unwrap()).unwrap();
    let r = m
        .analyze("A team player. A Team player. A team player. A hard worker. A hard worker.")
        .unwrap();
    let replace: Vec<&atscore::Suggestion> = r
        .suggestions
        .iter()
        .filter(|s| s.kind == atscore::SuggestionKind::ReplacePhrase)
        .collect();
    assert_eq!(replace.len(), 2, "{replace:?}"); // "team player" (any case) and "hard worker"
    let promised: f64 = replace.iter().map(|s| s.impact).sum();
    let penalty = r
        .score_breakdown
        .iter()
        .find(|c| c.id == "overused")
        .unwrap()
        .points;
    assert!(promised <= -penalty + 1e-9, "{promised} > {}", -penalty);
}
