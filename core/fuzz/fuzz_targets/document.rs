//! `Document::parse` and `text::tokenize` on arbitrary text: tokens are
//! non-empty, in order, non-overlapping and on char boundaries; each token's
//! line holds it; lines tile the text in order and own their tokens.
#![no_main]

use atscore::document::Document;
use atscore::text::{Gap, tokenize};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    let toks = tokenize(text);
    assert_eq!(toks.norms.len(), toks.stems.len());
    assert_eq!(toks.line_starts.first(), Some(&0));
    assert!(toks.line_starts.windows(2).all(|w| w[0] < w[1]));
    assert!(toks.line_starts.iter().all(|&s| text.is_char_boundary(s)));
    let mut prev_end = 0;
    for (i, t) in toks.tokens.iter().enumerate() {
        let s = t.span();
        assert!(s.start < s.end, "empty token {s:?}");
        assert!(prev_end <= s.start, "token {s:?} overlaps the one before");
        assert!(
            text.get(s.range()).is_some(),
            "token {s:?} off char boundaries"
        );
        assert_eq!(i == 0, t.gap == Gap::Start, "gap {:?} of token {i}", t.gap);
        let line = t.line as usize;
        assert!(line < toks.line_starts.len());
        assert!(toks.line_starts[line] <= s.start);
        if let Some(&next) = toks.line_starts.get(line + 1) {
            assert!(s.start < next, "token {s:?} starts after its line {line}");
        }
        assert!((t.norm as usize) < toks.norms.len());
        prev_end = s.end;
    }
    let doc = Document::parse(text);
    assert_eq!(doc.tokens.tokens, toks.tokens);
    assert_eq!(doc.lines.len(), toks.line_starts.len());
    let mut tok = 0;
    for (i, l) in doc.lines.iter().enumerate() {
        assert_eq!(l.number, i + 1);
        assert_eq!(l.span.start, toks.line_starts[i]);
        assert!(text.get(l.span.range()).is_some(), "line {l:?}");
        assert_eq!(l.first_token, tok);
        assert!(l.first_token <= l.end_token && l.end_token <= doc.tokens.tokens.len());
        for t in &doc.tokens.tokens[l.first_token..l.end_token] {
            assert_eq!(t.line as usize, i);
        }
        tok = l.end_token;
        let _ = doc.line_text(l);
    }
    assert_eq!(tok, doc.tokens.tokens.len());
    let c = &doc.contact;
    for s in c.email.iter().chain(c.phone.iter()).chain(c.links.iter()) {
        assert!(text.get(s.range()).is_some(), "contact {s:?}");
    }
    assert!(doc.word_count <= doc.tokens.tokens.len());
});
