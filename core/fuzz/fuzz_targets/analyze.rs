//! Arbitrary bytes as a resume, with the built-in role: `analyze_bytes` gives
//! a report or a typed error; the lossy UTF-8 text gives a report whose spans
//! slice the text and whose offsets convert and round-trip; `Matcher::find`
//! finds the hits the report lists.
#![no_main]

use std::sync::OnceLock;

use atscore::{Matcher, OffsetEncoding, Report, Role};
use libfuzzer_sys::fuzz_target;

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| Matcher::new(Role::builtin("backend-developer").unwrap()).unwrap())
}

fn check(text: &str, r: &Report) {
    assert!(r.score <= 100);
    for k in &r.keywords {
        for h in &k.hits {
            assert_eq!(
                text.get(h.span.range()),
                Some(h.text.as_str()),
                "hit {:?}",
                h.span
            );
            assert!(h.line >= 1 && h.line <= r.document.line_count);
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
        assert!(text.get(s.range()).is_some(), "span {s:?}");
    }
    for enc in [OffsetEncoding::Utf16, OffsetEncoding::CodePoint] {
        let mut c = r.clone();
        c.convert_offsets(text, enc);
        c.convert_offsets(text, OffsetEncoding::Utf8);
        assert!(c == *r, "{enc:?} round trip");
    }
    let _ = atscore::render_html(r, Some(text));
    let _ = atscore::render_text(r, atscore::TextOptions::default());
}

fuzz_target!(|data: &[u8]| {
    let m = matcher();
    match m.analyze_bytes(data) {
        Ok(r) => check(std::str::from_utf8(data).unwrap(), &r),
        Err(e) => assert!(std::str::from_utf8(data).is_err(), "{e}"),
    }
    let lossy = String::from_utf8_lossy(data);
    let r = m.analyze(&lossy).unwrap();
    check(&lossy, &r);
    // `find` (no document parsed, lines read on demand) finds the report's
    // hits
    let mut found: Vec<_> = m
        .find(&lossy)
        .unwrap()
        .into_iter()
        .map(|h| (h.keyword, h.span.start, h.span.end, h.kind, h.variant))
        .collect();
    let mut hits: Vec<_> = r
        .keywords
        .iter()
        .enumerate()
        .flat_map(|(k, kw)| {
            kw.hits
                .iter()
                .map(move |h| (k, h.span.start, h.span.end, h.kind, h.variant))
        })
        .collect();
    found.sort_by_key(|h| (h.0, h.1, h.2));
    hits.sort_by_key(|h| (h.0, h.1, h.2));
    assert_eq!(found, hits, "find and analyze disagree");
});
