//! `file::extract` on arbitrary bytes as a PDF (a `%PDF-1.7` header is put
//! in front when the input has none), or, for input starting with `C`, on a
//! fixed PDF whose page draws the rest of the input as its content stream
//! (fonts simple, Type0 and Type 3, a form and an image to use): a text or a
//! typed file error, never a panic or a hang. The text's pages and regions
//! are whole lines of it, in order, on char boundaries; pages are numbered
//! 1.. and their counts add up to the document's.
#![no_main]

use atscore::Error;
use atscore::file::{FileKind, FileOptions, extract};
use libfuzzer_sys::fuzz_target;

/// A PDF whose page draws `content`, with fonts /F1 (Helvetica, WinAnsi,
/// Differences), /F2 (Type0 Identity-H with a ToUnicode map), /F3 (Type 3),
/// the form /Fm0 (which draws text and the image /Im0) and properties /P0.
fn template(content: &[u8]) -> Vec<u8> {
    let cmap: &[u8] = b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n\
2 beginbfchar\n<0003> <0020>\n<0004> <FB01>\nendbfchar\n\
1 beginbfrange\n<0010> <0050> <0041>\nendbfrange\n\
endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    let stream = |dict: &str, data: &[u8]| {
        let mut o = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
        o.extend_from_slice(data);
        o.extend_from_slice(b"\nendstream");
        o
    };
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources \
<< /Font << /F1 5 0 R /F2 6 0 R /F3 9 0 R >> /XObject << /Fm0 10 0 R /Im0 11 0 R >> \
/Properties << /P0 << /Type /Pagination /Subtype /Header >> >> >> >>"
            .to_vec(),
        stream("", content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 40 \
/Widths [278 278 355 556 556 889 667 191 333] /Encoding << /BaseEncoding /WinAnsiEncoding \
/Differences [1 /bullet /g7 /uni00E9 /fi] >> >>"
            .to_vec(),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /ABC+Calibri /Encoding /Identity-H \
/DescendantFonts [7 0 R] /ToUnicode 8 0 R >>"
            .to_vec(),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABC+Calibri /DW 500 \
/W [3 [226 500] 16 80 520] >>"
            .to_vec(),
        stream("", cmap),
        b"<< /Type /Font /Subtype /Type3 /FontMatrix [0.01 0 0 0.01 0 0] /FontBBox [0 0 100 100] \
/FirstChar 65 /LastChar 66 /Widths [60 70] /Encoding << /Differences [65 /A /B] >> \
/CharProcs << /A 11 0 R /B 11 0 R >> >>"
            .to_vec(),
        stream(
            "/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Matrix [1 0 0 1 0 -20]",
            b"BT /F1 10 Tf 72 500 Td (form) Tj ET /Im0 Do",
        ),
        stream(
            "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8",
            b"\x80",
        ),
    ];
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(o);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for off in offsets {
        out.extend(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fuzz_target!(|data: &[u8]| {
    let bytes = match data.split_first() {
        Some((b'C', content)) => template(content),
        _ if FileKind::detect(data) == Some(FileKind::Pdf) => data.to_vec(),
        _ => [b"%PDF-1.7\n".as_slice(), data].concat(),
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
