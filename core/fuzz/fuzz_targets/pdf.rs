//! `file::extract` on arbitrary bytes as a PDF (a `%PDF-1.7` header is put
//! in front when the input has none): a text or a typed file error, never a
//! panic or a hang. The text's pages and regions are whole lines of it, in
//! order, on char boundaries; pages are numbered 1.. and their counts add
//! up to the document's.
#![no_main]

use atscore::Error;
use atscore::file::{FileKind, FileOptions, extract};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let bytes = if FileKind::detect(data) == Some(FileKind::Pdf) {
        data.to_vec()
    } else {
        [b"%PDF-1.7\n".as_slice(), data].concat()
    };
    // smaller limits than the defaults keep each run short
    let options = FileOptions {
        max_pages: 20,
        max_unpacked_bytes: 4 << 20,
        max_operations: 200_000,
        ..FileOptions::default()
    };
    let e = match extract(&bytes, Some(FileKind::Pdf), &options) {
        Ok(e) => e,
        Err(Error::CorruptFile { kind, .. } | Error::EncryptedFile { kind }) => {
            assert_eq!(kind, "PDF");
            return;
        }
        Err(Error::FileLimit { value, limit, .. }) => {
            assert!(value > limit, "{value} <= {limit}");
            return;
        }
        Err(e) => panic!("unexpected error: {e}"),
    };
    let text = e.text.as_str();
    assert_eq!(e.kind, FileKind::Pdf);
    assert!(!text.contains("\n\n\n"));
    assert!(!text.starts_with('\n'));
    assert_eq!(e.page_count, Some(e.pages.len() as u32));
    assert!(!e.pages.is_empty() && e.pages.len() <= options.max_pages);
    let mut prev_end = 0;
    let mut images = 0;
    for (i, p) in e.pages.iter().enumerate() {
        assert_eq!(p.number as usize, i + 1);
        assert!(prev_end <= p.span.start && p.span.start <= p.span.end);
        let page = text.get(p.span.range()).expect("page span on char boundaries");
        let chars = page.chars().filter(|c| !c.is_whitespace()).count();
        assert_eq!(p.chars as usize, chars);
        assert_eq!(p.columns == 0, chars == 0);
        assert!(p.columns <= e.columns);
        prev_end = p.span.end;
        images += p.images;
    }
    assert_eq!(images, e.images);
    let mut prev_end = 0;
    for r in &e.regions {
        assert!(prev_end <= r.span.start && r.span.start < r.span.end);
        let region = text.get(r.span.range()).expect("region span on char boundaries");
        assert!(!region.starts_with(char::is_whitespace) && !region.ends_with(char::is_whitespace));
        assert!(r.span.start == 0 || text.as_bytes()[r.span.start - 1] == b'\n');
        assert_eq!(text.as_bytes().get(r.span.end), Some(&b'\n'));
        let page = r.page.expect("a PDF region has a page") as usize;
        let p = &e.pages[page - 1];
        assert!(p.span.start <= r.span.start && r.span.end <= p.span.end);
        prev_end = r.span.end;
    }
    for line in text.lines() {
        assert_eq!(line, line.trim());
        assert!(!line.contains("  "));
    }
});
