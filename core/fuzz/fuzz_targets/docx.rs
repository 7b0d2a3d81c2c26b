//! DOCX extraction on arbitrary bytes: a result or a typed error, never a
//! panic, a hang or unbounded memory. Input starting with `PK` is read as a
//! file; otherwise its first byte picks a mode and the rest becomes
//! `word/document.xml` (and, in mode 2, a header and the styles too) of a
//! generated DOCX, so the fuzzer reaches the XML walker without having to
//! forge ZIP checksums. An extraction's regions slice its text in order.
#![no_main]

use std::io::{Cursor, Write};

use atscore::file::{Extracted, FileKind, FileOptions, extract};
use libfuzzer_sys::fuzz_target;
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

const ROOT_RELS: &str = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
const DOC_RELS: &str = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="header1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

fn options() -> FileOptions {
    FileOptions {
        max_unpacked_bytes: 4 << 20,
        ..FileOptions::default()
    }
}

fn check(e: &Extracted) {
    let mut prev = 0;
    for r in &e.regions {
        assert!(r.span.start <= r.span.end && prev <= r.span.start, "{r:?}");
        assert!(e.text.get(r.span.range()).is_some(), "{r:?}");
        prev = r.span.end;
    }
    if e.kind == FileKind::Docx {
        // (text files pass through as they are)
        assert!(!e.text.contains("\n\n\n"));
    }
    assert!(e.columns <= 45);
    assert!(e.text.len() <= options().max_unpacked_bytes);
}

fn docx(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let o = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for (name, data) in parts {
        w.start_file(*name, o).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fuzz_target!(|data: &[u8]| {
    let bytes = if data.starts_with(b"PK") {
        data.to_vec()
    } else {
        let Some((&mode, rest)) = data.split_first() else {
            return;
        };
        if mode % 3 == 2 {
            // document, then header/footer, then styles, split at NUL bytes
            let mut it = rest.splitn(3, |&b| b == 0);
            let doc = it.next().unwrap_or_default();
            let header = it.next().unwrap_or_default();
            let styles = it.next().unwrap_or_default();
            docx(&[
                ("_rels/.rels", ROOT_RELS.as_bytes()),
                ("word/document.xml", doc),
                ("word/_rels/document.xml.rels", DOC_RELS.as_bytes()),
                ("word/header1.xml", header),
                ("word/styles.xml", styles),
            ])
        } else {
            docx(&[("word/document.xml", rest)])
        }
    };
    if let Ok(e) = extract(&bytes, None, &options()) {
        check(&e);
    }
});
