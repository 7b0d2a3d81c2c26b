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
