//! DOCX extraction through the public API: hand-made documents whose text
//! is known exactly, hostile files (truncated, zip bombs, huge archives,
//! deep nesting, encryption), and the real DOCX resumes of the corpus
//! against their independent text conversions.
#![cfg(feature = "docx")]

use std::io::{Cursor, Write};
use std::time::{Duration, Instant};

use atscore::Error;
use atscore::file::{Extracted, FileKind, FileOptions, Origin, extract};
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

const NS: &str = concat!(
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
    r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
    r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#,
    r#"xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" "#,
    r#"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#,
    r#"xmlns:v="urn:schemas-microsoft-com:vml""#
);

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;

/// A ZIP of `parts`, deflated.
fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    zip_with(parts, CompressionMethod::Deflated)
}

fn zip_with(parts: &[(&str, &[u8])], method: CompressionMethod) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let o = SimpleFileOptions::default()
        .compression_method(method)
        .large_file(false);
    for (name, data) in parts {
        w.start_file(*name, o).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// `word/document.xml` with this body.
fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {NS}><w:body>{body}</w:body></w:document>"#
    )
}

/// Relationships of the document: `(id, type, target)`.
fn doc_rels(rels: &[(&str, &str, &str)]) -> String {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (id, kind, target) in rels {
        s.push_str(&format!(
            r#"<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{target}"/>"#
        ));
    }
    s.push_str("</Relationships>");
    s
}

/// A DOCX: the document with this body, plus more parts.
fn docx(body: &str, more: &[(&str, String)]) -> Vec<u8> {
    let doc = document(body);
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("word/document.xml", doc.as_bytes()),
    ];
    for (name, data) in more {
        parts.push((name, data.as_bytes()));
    }
    zip_of(&parts)
}

/// A paragraph of one run.
fn p(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

/// A numbered (list) paragraph.
fn li(text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

/// A table of rows of cells, each cell a list of paragraphs (XML).
fn table(rows: &[Vec<String>]) -> String {
    let mut s = String::from(r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>"#);
    for row in rows {
        s.push_str("<w:tr>");
        for cell in row {
            s.push_str(&format!(
                r#"<w:tc><w:tcPr><w:tcW w:w="4675" w:type="dxa"/></w:tcPr>{cell}</w:tc>"#
            ));
        }
        s.push_str("</w:tr>");
    }
    s.push_str("</w:tbl>");
    s
}

fn read(bytes: &[u8]) -> Result<Extracted, Error> {
    extract(bytes, None, &FileOptions::default())
}

fn region_texts(e: &Extracted, origin: Origin) -> Vec<&str> {
    e.regions
        .iter()
        .filter(|r| r.origin == origin)
        .map(|r| &e.text[r.span.range()])
        .collect()
}

#[test]
fn a_simple_resume_gives_its_lines_exactly() {
    let styles = r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Bullet2"><w:basedOn w:val="ListBullet"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>"#;
    let body = [
        r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Jane</w:t></w:r><w:r><w:t xml:space="preserve"> Doe</w:t></w:r></w:p>"#.to_string(),
        r#"<w:p><w:r><w:t>Backend engineer</w:t></w:r><w:r><w:tab/><w:t>Berlin</w:t></w:r></w:p>"#.to_string(),
        r#"<w:p><w:hyperlink r:id="rId9" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>github.com/janedoe</w:t></w:r></w:hyperlink></w:p>"#.to_string(),
        "<w:p/>".to_string(),
        p("EXPERIENCE"),
        p("Acme Corp, Senior Developer, 2019 &#8211; 2024"),
        li("Built payment APIs in Rust &amp; Go"),
        li("Cut latency by 40%"),
        r#"<w:p><w:pPr><w:pStyle w:val="Bullet2"/></w:pPr><w:r><w:t>Style-numbered item</w:t></w:r></w:p>"#.to_string(),
        r#"<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Numbering switched off</w:t></w:r></w:p>"#.to_string(),
        "<w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr></w:p>".to_string(),
        p("SKILLS"),
        r#"<w:p><w:r><w:t>Rust, Go, PostgreSQL</w:t><w:br/><w:t>Kafka, Docker</w:t></w:r></w:p>"#.to_string(),
        r#"<w:p><w:r><w:t>e</w:t><w:noBreakHyphen/><w:t>commerce plat</w:t><w:softHyphen/><w:t>forms</w:t><w:sym w:font="Symbol" w:char="F0B7"/></w:r></w:p>"#.to_string(),
        r#"<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:cols w:space="720"/></w:sectPr>"#.to_string(),
    ]
    .concat();
    let bytes = docx(
        &body,
        &[
            (
                "word/_rels/document.xml.rels",
                doc_rels(&[
                    ("rId1", "styles", "styles.xml"),
                    (
                        "rId9",
                        "hyperlink",
                        "https://github.com/janedoe\" TargetMode=\"External",
                    ),
                ]),
            ),
            ("word/styles.xml", styles.to_string()),
        ],
    );
    let e = read(&bytes).unwrap();
    assert_eq!(e.kind, FileKind::Docx);
    assert_eq!(
        e.text,
        "Jane Doe\nBackend engineer Berlin\ngithub.com/janedoe\n\nEXPERIENCE\n\
         Acme Corp, Senior Developer, 2019 – 2024\n\
         • Built payment APIs in Rust & Go\n• Cut latency by 40%\n• Style-numbered item\n\
         Numbering switched off\n\nSKILLS\nRust, Go, PostgreSQL\nKafka, Docker\n\
         e-commerce platforms•\n"
    );
    assert!(e.regions.is_empty(), "{:?}", e.regions);
    assert_eq!((e.columns, e.images, e.page_count), (1, 0, None));
    assert!(e.pages.is_empty());
    // the bullets are bullets to the document parser
    let doc = atscore::document::Document::parse(&e.text);
    let bullets: Vec<&str> = doc
        .lines
        .iter()
        .filter(|l| l.bullet)
        .map(|l| doc.line_text(l))
        .collect();
    assert_eq!(bullets.len(), 3, "{bullets:?}");
}

#[test]
fn contact_details_only_in_the_header_are_a_header_region_first() {
    let header = |text: &str| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:hdr {NS}>{}{}</w:hdr>"#,
            p("Jane Doe"),
            p(text)
        )
    };
    let footer = format!(r#"<w:ftr {NS}>{}</w:ftr>"#, p("Page 1 of 2\n"));
    let body = [
        p("EXPERIENCE"),
        p("Backend developer at Acme"),
        r#"<w:sectPr><w:headerReference w:type="default" r:id="rId7"/><w:headerReference w:type="first" r:id="rId8"/><w:headerReference w:type="even" r:id="rId10"/><w:footerReference w:type="default" r:id="rId11"/><w:titlePg/></w:sectPr>"#.to_string(),
    ]
    .concat();
    let bytes = docx(
        &body,
        &[
            (
                "word/_rels/document.xml.rels",
                doc_rels(&[
                    ("rId7", "header", "header1.xml"),
                    ("rId8", "header", "/word/header2.xml"),
                    ("rId10", "header", "header3.xml"),
                    ("rId11", "footer", "footer1.xml"),
                ]),
            ),
            (
                "word/header1.xml",
                header("jane.doe@example.com | +1 555 010 0199"),
            ),
            // the first-page header says the same: written once
            (
                "word/header2.xml",
                header("jane.doe@example.com | +1 555 010 0199"),
            ),
            ("word/header3.xml", header("Even pages")),
            ("word/footer1.xml", footer),
        ],
    );
    let e = read(&bytes).unwrap();
    assert_eq!(
        e.text,
        "Jane Doe\njane.doe@example.com | +1 555 010 0199\n\nJane Doe\nEven pages\n\n\
         EXPERIENCE\nBackend developer at Acme\n\nPage 1 of 2\n"
    );
    // consecutive header lines make one region
    let headers = region_texts(&e, Origin::Header);
    assert_eq!(
        headers,
        ["Jane Doe\njane.doe@example.com | +1 555 010 0199\n\nJane Doe\nEven pages"]
    );
    assert!(headers[0].contains("jane.doe@example.com") && headers[0].contains("555 010 0199"));
    assert_eq!(region_texts(&e, Origin::Footer), ["Page 1 of 2"]);
    // the analyzer finds the contact details in the extracted text
    let doc = atscore::document::Document::parse(&e.text);
    assert!(doc.contact.email.is_some() && doc.contact.phone.is_some());
}

#[test]
fn tables_are_read_row_by_row_as_table_regions() {
    let nested = table(&[vec![p("Inner A"), p("Inner B")]]);
    let body = [
        p("Jane Doe"),
        table(&[
            // a data row: one line, cells joined
            vec![p("B.Tech"), p("IIT Delhi"), p("2019")],
            // a label column: the heading stays a line of its own
            vec![p("SKILLS"), p("Rust, Go, SQL")],
            // an empty row
            vec!["<w:p/>".to_string(), "<w:p/>".to_string()],
        ]),
        // a layout table: cells of several paragraphs, one nesting a table
        table(&[vec![
            format!("{}{}", p("EXPERIENCE"), p("Built APIs")),
            format!("{}{}{}", p("EDUCATION"), nested, p("After nested")),
        ]]),
        p("Body again"),
    ]
    .concat();
    let e = read(&docx(&body, &[])).unwrap();
    assert_eq!(
        e.text,
        "Jane Doe\n\nB.Tech | IIT Delhi | 2019\nSKILLS\nRust, Go, SQL\n\n\
         EXPERIENCE\nBuilt APIs\n\nEDUCATION\n\nInner A | Inner B\n\nAfter nested\n\nBody again\n"
    );
    assert_eq!(
        region_texts(&e, Origin::Table),
        ["B.Tech | IIT Delhi | 2019\nSKILLS\nRust, Go, SQL\n\n\
          EXPERIENCE\nBuilt APIs\n\nEDUCATION\n\nInner A | Inner B\n\nAfter nested"]
    );
    let doc = atscore::document::Document::parse(&e.text);
    let skills = doc
        .lines
        .iter()
        .find(|l| doc.line_text(l) == "Rust, Go, SQL")
        .unwrap();
    assert_eq!(skills.section, atscore::lexicon::Section::Skills);
}

/// A text box as Word saves it: a DrawingML shape in `mc:Choice`, the same
/// text again as VML in `mc:Fallback`.
fn text_box(text: &str) -> String {
    format!(
        r#"<w:p><w:r><w:t xml:space="preserve">Anchor </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>{p1}{p2}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{p1}{p2}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>text</w:t></w:r></w:p>"#,
        p1 = p(text),
        p2 = p("Second line in the box"),
    )
}

#[test]
fn a_text_box_is_read_once_as_a_text_box_region() {
    let body = [
        p("Before"),
        text_box("Kubernetes and Terraform"),
        p("After"),
    ]
    .concat();
    let e = read(&docx(&body, &[])).unwrap();
    assert_eq!(
        e.text,
        "Before\nAnchor text\nKubernetes and Terraform\nSecond line in the box\nAfter\n"
    );
    assert_eq!(e.text.matches("Kubernetes").count(), 1);
    assert_eq!(
        region_texts(&e, Origin::TextBox),
        ["Kubernetes and Terraform\nSecond line in the box"]
    );
    // a text box in a table cell is still a text box
    let body = table(&[vec![text_box("In a cell"), p("Next cell")]]);
    let e = read(&docx(&body, &[])).unwrap();
    assert_eq!(e.text.matches("In a cell").count(), 1);
    assert_eq!(
        region_texts(&e, Origin::TextBox),
        ["In a cell\nSecond line in the box"]
    );
}

#[test]
fn section_columns_images_and_pages_are_counted() {
    let picture = r#"<w:p><w:r><w:drawing><wp:inline><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:embed="rId5"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#;
    let vml =
        r#"<w:p><w:r><w:pict><v:shape><v:imagedata r:id="rId6"/></v:shape></w:pict></w:r></w:p>"#;
    let alternate = r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><pic:pic/></w:drawing></mc:Choice><mc:Fallback><w:pict><v:imagedata r:id="rId6"/></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#;
    let body = [
        p("Jane Doe"),
        r#"<w:p><w:pPr><w:sectPr><w:cols w:space="720"/></w:sectPr></w:pPr></w:p>"#.to_string(),
        picture.to_string(),
        vml.to_string(),
        alternate.to_string(),
        p("Left column"),
        p("Right column\n"),
        r#"<w:sectPr><w:cols w:num="2" w:space="720"/></w:sectPr>"#.to_string(),
    ]
    .concat();
    let app = r#"<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Template>Normal.dotm</Template><Pages>2</Pages><Words>120</Words></Properties>"#;
    let e = read(&docx(&body, &[("docProps/app.xml", app.to_string())])).unwrap();
    assert_eq!(e.text, "Jane Doe\n\nLeft column\nRight column\n");
    assert_eq!((e.columns, e.images, e.page_count), (2, 3, Some(2)));
}

#[test]
fn tracked_deletions_field_codes_and_moved_text_are_left_out() {
    let body = [
        r#"<w:p><w:r><w:t xml:space="preserve">Worked with </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>Perl</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>Python</w:t></w:r></w:ins></w:p>"#,
        r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:jane@example.com" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>jane@example.com</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
        r#"<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>"#,
        r#"<w:p><w:moveFrom w:id="3" w:author="A"><w:r><w:t>Old place</w:t></w:r></w:moveFrom><w:moveTo w:id="4" w:author="A"><w:r><w:t>New place</w:t></w:r></w:moveTo></w:p>"#,
        r#"<w:p><w:sdt><w:sdtPr><w:alias w:val="Skills"/></w:sdtPr><w:sdtContent><w:smartTag w:uri="u" w:element="City"><w:r><w:t>Content control</w:t></w:r></w:smartTag></w:sdtContent></w:sdt><w:commentRangeStart w:id="5"/><w:r><w:t xml:space="preserve"> kept</w:t></w:r><w:commentRangeEnd w:id="5"/><w:r><w:commentReference w:id="5"/></w:r></w:p>"#,
    ]
    .concat();
    let e = read(&docx(&body, &[])).unwrap();
    assert_eq!(
        e.text,
        "Worked with Python\njane@example.com\n3\nNew place\nContent control kept\n"
    );
}

#[test]
fn entities_and_a_dtd_do_nothing_bad() {
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>"#;
    let doc = format!(
        r#"{laughs}<w:document {NS}><w:body>{}{}</w:body></w:document>"#,
        p("a &lol3; b &xxe; c &#x41;&#66;&quot;"),
        p("fine")
    );
    let bytes = zip_of(&[
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("word/document.xml", doc.as_bytes()),
    ]);
    let e = read(&bytes).unwrap();
    assert_eq!(e.text, "a b c AB\"\nfine\n");
}

#[test]
fn a_document_with_another_word_prefix_or_no_root_rels_is_read() {
    let doc = r#"<?xml version="1.0"?><document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><body><p><r><t>Default namespace</t></r></p></body></document>"#;
    let e = read(&zip_of(&[("word/document.xml", doc.as_bytes())])).unwrap();
    assert_eq!(e.text, "Default namespace\n");
    let doc = r#"<x:document xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main"><x:body><x:p><x:r><x:t>Strict</x:t></x:r></x:p></x:body></x:document>"#;
    let e = read(&zip_of(&[("word/document.xml", doc.as_bytes())])).unwrap();
    assert_eq!(e.text, "Strict\n");
    // an empty document
    let e = read(&docx("", &[])).unwrap();
    assert_eq!((e.text.as_str(), e.columns), ("", 0));
}

// ---------------------------------------------------------------- hostile

fn assert_fast(start: Instant, what: &str) {
    // generous: debug builds on a shared machine
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{what} took {:?}",
        start.elapsed()
    );
}

#[test]
fn a_truncated_docx_is_corrupt() {
    let bytes = docx(&p("Jane Doe").repeat(50), &[]);
    for cut in [bytes.len() / 2, bytes.len() - 10, 30, 4] {
        let err = read(&bytes[..cut]).unwrap_err();
        assert!(
            matches!(err, Error::CorruptFile { ref kind, .. } if kind == "DOCX"),
            "{cut}: {err}"
        );
        assert!(err.to_string().contains("damaged"), "{err}");
    }
    let err =
        read(b"PK\x03\x04\x8f\x12\xee\x00garbage that is no zip at all \x01\x02\xff").unwrap_err();
    assert!(matches!(err, Error::CorruptFile { .. }), "{err}");
}

#[test]
fn random_bytes_after_a_zip_signature_are_corrupt() {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    for len in [10usize, 100, 1000, 100_000] {
        let mut bytes = b"PK\x03\x04".to_vec();
        for _ in 0..len {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            bytes.push(state as u8);
        }
        let err = read(&bytes).unwrap_err();
        assert!(matches!(err, Error::CorruptFile { .. }), "{len}: {err}");
    }
}

#[test]
fn damaged_xml_is_corrupt_with_the_part_and_the_place() {
    let doc =
        format!("<w:document {NS}><w:body><w:p><w:r><w:t>Jane</w:r></w:p></w:body></w:document>");
    let err = read(&zip_of(&[("word/document.xml", doc.as_bytes())])).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, Error::CorruptFile { .. }), "{msg}");
    assert!(
        msg.contains("word/document.xml") && msg.contains("byte"),
        "{msg}"
    );
    // cut short inside an element
    let doc = format!("<w:document {NS}><w:body><w:p><w:r><w:t>Jane");
    let err = read(&zip_of(&[("word/document.xml", doc.as_bytes())])).unwrap_err();
    assert!(matches!(err, Error::CorruptFile { .. }), "{err}");
    // not UTF-8
    let mut doc = format!("<w:document {NS}><w:body><w:p><w:r><w:t>").into_bytes();
    doc.extend_from_slice(b"\xff\xfe</w:t></w:r></w:p></w:body></w:document>");
    let err = read(&zip_of(&[("word/document.xml", &doc)])).unwrap_err();
    assert!(matches!(err, Error::CorruptFile { .. }), "{err}");
}

/// Set the uncompressed size of every entry of a ZIP (local and central
/// headers) to `size`: a ZIP that lies about its sizes.
fn lie_about_sizes(zip: &mut [u8], size: u32) {
    let mut i = 0;
    while i + 30 <= zip.len() {
        let at = match &zip[i..i + 4] {
            b"PK\x03\x04" => Some(i + 22),
            b"PK\x01\x02" => Some(i + 24),
            _ => None,
        };
        if let Some(at) = at {
            zip[at..at + 4].copy_from_slice(&size.to_le_bytes());
        }
        i += 1;
    }
}

/// A zip bomb posing as a DOCX: `word/document.xml` inflates to `mib` MiB
/// of a repeated paragraph.
fn bomb(mib: usize) -> Vec<u8> {
    let mut doc = format!("<w:document {NS}><w:body>").into_bytes();
    let para = p("boom").into_bytes();
    while doc.len() < mib << 20 {
        doc.extend_from_slice(&para);
    }
    doc.extend_from_slice(b"</w:body></w:document>");
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let o = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(9))
        .large_file(false);
    w.start_file("word/document.xml", o).unwrap();
    w.write_all(&doc).unwrap();
    w.finish().unwrap().into_inner()
}

#[test]
fn a_zip_bomb_stops_at_the_unpacked_bytes_limit() {
    let bytes = bomb(20);
    assert!(bytes.len() < 1 << 20, "{}", bytes.len());
    let small = FileOptions {
        max_unpacked_bytes: 1 << 20,
        ..FileOptions::default()
    };
    // honest sizes: stopped before inflating anything
    let start = Instant::now();
    let err = extract(&bytes, None, &small).unwrap_err();
    assert!(
        matches!(&err, Error::FileLimit { option, limit, .. } if option == "max_unpacked_bytes" && *limit == 1 << 20),
        "{err}"
    );
    assert_fast(start, "the bomb");
    // sizes lied about: the ZIP reader stops at the size claimed (and the
    // budget counts what is inflated, whatever the claim)
    let mut liar = bytes.clone();
    lie_about_sizes(&mut liar, 1000);
    let start = Instant::now();
    let err = extract(&liar, None, &small).unwrap_err();
    assert!(matches!(err, Error::CorruptFile { .. }), "{err}");
    assert!(err.to_string().contains("word/document.xml"), "{err}");
    assert_fast(start, "the lying bomb");
    // the text kept stays within the limit too: 100,000 one-letter
    // paragraphs fit the budget as XML, not as lines
    let doc = format!(
        "<w:document {NS}><w:body>{}</w:body></w:document>",
        "<w:p><w:t>a</w:t></w:p>".repeat(100_000)
    );
    let r = extract(
        &zip_of(&[("word/document.xml", doc.as_bytes())]),
        None,
        &FileOptions {
            max_unpacked_bytes: 3_000_000,
            ..FileOptions::default()
        },
    );
    match r {
        Err(Error::FileLimit { what, .. }) => assert!(what.contains("text"), "{what}"),
        r => panic!("{:?}", r.map(|e| e.text.len())),
    }
}

#[test]
fn a_zip_bomb_over_the_default_limit_stops_there() {
    // 129 MiB of XML that deflates to well under a MiB
    let bytes = bomb(129);
    assert!(bytes.len() < 1 << 20, "{}", bytes.len());
    let start = Instant::now();
    let err = read(&bytes).unwrap_err();
    assert!(
        matches!(&err, Error::FileLimit { option, .. } if option == "max_unpacked_bytes"),
        "{err}"
    );
    assert_fast(start, "the default-limit bomb");
}

#[test]
fn a_zip_of_100000_entries_is_refused_quickly() {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let o = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for i in 0..100_000 {
        w.start_file(format!("{i}"), o).unwrap();
    }
    w.start_file("word/document.xml", o).unwrap();
    w.write_all(document(&p("x")).as_bytes()).unwrap();
    let bytes = w.finish().unwrap().into_inner();
    let start = Instant::now();
    let err = read(&bytes).unwrap_err();
    assert!(matches!(err, Error::UnsupportedFile { .. }), "{err}");
    assert!(err.to_string().contains("10000 files"), "{err}");
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn other_zip_files_are_named() {
    let cases: [(&[&str], &str); 5] = [
        (
            &[
                "[Content_Types].xml",
                "xl/workbook.xml",
                "xl/worksheets/sheet1.xml",
            ],
            "XLSX",
        ),
        (&["mimetype", "content.xml", "META-INF/manifest.xml"], "ODT"),
        (&["META-INF/MANIFEST.MF", "Main.class"], "JAR"),
        (&["[Content_Types].xml", "ppt/presentation.xml"], "PPTX"),
        (&["notes.txt"], "ZIP"),
    ];
    for (names, kind) in cases {
        let parts: Vec<(&str, &[u8])> = names.iter().map(|n| (*n, &b"<x/>"[..])).collect();
        let err = read(&zip_of(&parts)).unwrap_err();
        match &err {
            Error::UnsupportedFile { kind: k, reason } => {
                assert_eq!(k, kind, "{reason}");
                assert!(reason.contains(".docx"), "{reason}");
            }
            e => panic!("{kind}: {e}"),
        }
    }
}

/// A minimal OLE compound file whose directory names `stream` (UTF-16LE).
fn cfb(stream: &str) -> Vec<u8> {
    let mut b = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    b.resize(512, 0);
    let mut entry: Vec<u8> = "Root Entry"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    entry.resize(128, 0);
    b.extend_from_slice(&entry);
    let mut entry: Vec<u8> = stream.encode_utf16().flat_map(u16::to_le_bytes).collect();
    entry.resize(128, 0);
    b.extend_from_slice(&entry);
    b.resize(2048, 0);
    b
}

#[test]
fn an_encrypted_office_file_is_encrypted_and_an_old_doc_is_not() {
    let err = read(&cfb("EncryptedPackage")).unwrap_err();
    assert_eq!(
        err,
        Error::EncryptedFile {
            kind: "DOCX".into()
        }
    );
    assert!(err.to_string().contains("password"), "{err}");
    let err = extract(
        &cfb("EncryptedPackage"),
        Some(FileKind::Docx),
        &FileOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        err,
        Error::EncryptedFile {
            kind: "DOCX".into()
        }
    );
    let err = read(&cfb("WordDocument")).unwrap_err();
    assert!(err.to_string().contains(".docx"), "{err}");
    assert!(matches!(err, Error::UnsupportedFile { .. }), "{err}");
}

#[test]
fn an_encrypted_zip_entry_is_encrypted() {
    let mut bytes = docx(&p("secret"), &[]);
    // set the "encrypted" flag of every entry
    let mut i = 0;
    while i + 10 <= bytes.len() {
        match &bytes[i..i + 4] {
            b"PK\x03\x04" => bytes[i + 6] |= 1,
            b"PK\x01\x02" => bytes[i + 8] |= 1,
            _ => {}
        }
        i += 1;
    }
    let err = read(&bytes).unwrap_err();
    assert_eq!(
        err,
        Error::EncryptedFile {
            kind: "DOCX".into()
        }
    );
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let depth = 1_000_000;
    let mut doc = format!("<w:document {NS}><w:body>").into_bytes();
    for _ in 0..depth {
        doc.extend_from_slice(b"<w:p>");
    }
    for _ in 0..depth {
        doc.extend_from_slice(b"</w:p>");
    }
    doc.extend_from_slice(b"</w:body></w:document>");
    let start = Instant::now();
    let err = read(&zip_of(&[("word/document.xml", &doc)])).unwrap_err();
    assert!(matches!(err, Error::CorruptFile { .. }), "{err}");
    assert!(err.to_string().contains("deep"), "{err}");
    assert_fast(start, "deep nesting");
    // nesting Word uses is fine
    let mut body = p("deep");
    for _ in 0..20 {
        body = table(&[vec![body, p("side")]]);
    }
    let e = read(&docx(&body, &[])).unwrap();
    assert!(e.text.starts_with("deep | side | side"), "{}", e.text);
}

// ---------------------------------------------------------------- corpus

fn corpus_set(set: &str) -> Option<std::path::PathBuf> {
    let p = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/corpus")
        .join(set);
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("SKIPPED: corpus folder {} not found", p.display());
        None
    }
}

/// `(name, our extraction, the independent conversion)` for every DOCX of
/// a corpus set.
fn corpus_docx(set: &str) -> Vec<(String, String, String)> {
    let Some(dir) = corpus_set(set) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for f in std::fs::read_dir(dir.join("original")).unwrap() {
        let path = f.unwrap().path();
        if path.extension().is_none_or(|e| e != "docx") {
            continue;
        }
        let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let ours = match read(&bytes) {
            Ok(e) => {
                assert_eq!(e.kind, FileKind::Docx);
                e.text
            }
            Err(e) => panic!("{stem}: {e}"),
        };
        let theirs = std::fs::read_to_string(dir.join("text").join(format!("{stem}.txt"))).unwrap();
        out.push((stem, ours, theirs));
    }
    out.sort();
    out
}

/// Lowercase alphanumeric words, counted.
fn words(text: &str) -> std::collections::HashMap<String, usize> {
    let mut m = std::collections::HashMap::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *m.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    m
}

/// `(words of the conversion found in ours, words of the conversion)`.
fn recall(ours: &str, theirs: &str) -> (usize, usize) {
    let ours = words(ours);
    let theirs = words(theirs);
    let total = theirs.values().sum();
    let found = theirs
        .iter()
        .map(|(w, n)| (*n).min(ours.get(w).copied().unwrap_or(0)))
        .sum();
    (found, total)
}

/// Token recall of our extraction against the conversions, overall and per
/// file; floors a little under what was measured.
fn check_recall(set: &str, count: usize, overall_floor: f64, file_floor: f64) {
    let files = corpus_docx(set);
    if files.is_empty() {
        return;
    }
    assert_eq!(files.len(), count, "DOCX files in {set}");
    let (mut found, mut total) = (0, 0);
    let (mut kept, mut extracted) = (0, 0);
    let mut per_file = Vec::new();
    for (name, ours, theirs) in &files {
        let (f, t) = recall(ours, theirs);
        found += f;
        total += t;
        // the other way: our words that the conversion has too (no text twice)
        let (k, e) = recall(theirs, ours);
        kept += k;
        extracted += e;
        per_file.push((f as f64 / t.max(1) as f64, name.as_str(), f, t));
    }
    per_file.sort_by(|a, b| a.0.total_cmp(&b.0));
    let overall = found as f64 / total.max(1) as f64;
    eprintln!(
        "{set}: token recall {overall:.5} ({found}/{total}) over {} files",
        files.len()
    );
    let precision = kept as f64 / extracted.max(1) as f64;
    eprintln!("{set}: our words also in the conversion {precision:.5} ({kept}/{extracted})");
    assert!(
        precision >= overall_floor,
        "{set}: precision {precision:.5}"
    );
    for (r, name, f, t) in per_file.iter().take(5) {
        eprintln!("  worst: {name}: {r:.5} ({f}/{t})");
    }
    assert!(
        overall >= overall_floor,
        "{set}: overall recall {overall:.5}"
    );
    for (r, name, ..) in &per_file {
        assert!(*r >= file_floor, "{set}: {name}: recall {r:.5}");
    }
}

#[test]
fn corpus_resumes_recall_the_conversions_words() {
    check_recall("resumes/resume-matcher-2020", 62, 0.999, 0.995);
}

#[test]
fn corpus_job_descriptions_recall_the_conversions_words() {
    check_recall("jobs/resume-matcher-2020", 14, 0.999, 0.995);
}

/// Keyword results that differ between our extraction and the conversion,
/// each explained. Every difference must be listed here, and every entry
/// must still happen.
///
/// Compared per file: each keyword's `found` and `status` for the built-in
/// role `backend-developer`, the sections found, and the number of bullet
/// lines. The 62 resumes and 14 job descriptions give no keyword or section
/// difference; the bullet lines differ where Word's own lists are used,
/// which the conversion flattens to plain paragraphs.
const EXPECTED_DIFFERENCES: &[(&str, &str, &str)] = &[
    (
        "seshadri_sastry_kunapuli",
        "bullet lines 28 vs 16",
        "12 sub-bullets typed as \"o\" and a tab: we write the tab as a space and the parser takes \"o \" as a bullet; the conversion keeps the tab, which the parser does not take",
    ),
    (
        "backend_developer",
        "bullet lines 36 vs 0",
        "36 Word list paragraphs (w:numPr): we start them with \"• \", the conversion drops the numbering",
    ),
    (
        "data_scientist",
        "bullet lines 19 vs 0",
        "19 Word list paragraphs, as above",
    ),
    (
        "global_industry_content_manager",
        "bullet lines 13 vs 0",
        "13 Word list paragraphs, as above",
    ),
    (
        "html_developer",
        "bullet lines 10 vs 4",
        "6 Word list paragraphs, as above; 4 bullets typed as text in both",
    ),
    (
        "it_project_manager",
        "bullet lines 12 vs 0",
        "12 Word list paragraphs, as above",
    ),
    (
        "primary_english_teacher",
        "bullet lines 15 vs 0",
        "15 Word list paragraphs, as above",
    ),
    (
        "senior_product_manager",
        "bullet lines 13 vs 0",
        "13 Word list paragraphs, as above",
    ),
    (
        "senior_software_developer",
        "bullet lines 14 vs 9",
        "5 Word list paragraphs, as above; 9 bullets typed as text in both",
    ),
    (
        "web_developer",
        "bullet lines 24 vs 0",
        "24 Word list paragraphs, as above",
    ),
];

#[test]
fn corpus_keyword_hits_match_the_conversions() {
    let mut files = corpus_docx("resumes/resume-matcher-2020");
    // the job descriptions have Word lists, which the conversion flattens
    files.extend(corpus_docx("jobs/resume-matcher-2020"));
    if files.is_empty() {
        return;
    }
    let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer").unwrap()).unwrap();
    let mut diffs = Vec::new();
    let mut compared = 0;
    for (name, ours, theirs) in &files {
        let a = m.analyze(ours).unwrap();
        let b = m.analyze(theirs).unwrap();
        let sections = |r: &atscore::Report| {
            r.document
                .sections
                .iter()
                .map(|s| (s.section, s.heading.clone()))
                .collect::<Vec<_>>()
        };
        if sections(&a) != sections(&b) {
            eprintln!(
                "{name}: sections differ:\n  ours {:?}\n  conv {:?}",
                sections(&a),
                sections(&b)
            );
            diffs.push((name.clone(), "(sections)".to_string()));
        }
        let bullets = |t: &str| {
            let d = atscore::document::Document::parse(t);
            d.lines.iter().filter(|l| l.bullet).count()
        };
        let (ba, bb) = (bullets(ours), bullets(theirs));
        if ba != bb {
            eprintln!("{name}: bullet lines: ours {ba}, conversion {bb}");
            diffs.push((name.clone(), format!("bullet lines {ba} vs {bb}")));
        }
        for (ka, kb) in a.keywords.iter().zip(&b.keywords) {
            assert_eq!(ka.term, kb.term);
            compared += 1;
            if ka.found != kb.found || ka.status != kb.status {
                eprintln!(
                    "{name}: {:?}: ours found={} {:?} (count {}), conversion found={} {:?} (count {})",
                    ka.term, ka.found, ka.status, ka.count, kb.found, kb.status, kb.count
                );
                diffs.push((name.clone(), ka.term.to_string()));
            }
        }
    }
    eprintln!(
        "keyword results compared: {compared}; differences (keywords, sections, bullet lines): {}",
        diffs.len()
    );
    let unexplained: Vec<_> = diffs
        .iter()
        .filter(|(f, t)| {
            !EXPECTED_DIFFERENCES
                .iter()
                .any(|(ef, et, _)| ef == f && et == t)
        })
        .collect();
    assert!(
        unexplained.is_empty(),
        "unexplained differences: {unexplained:?}"
    );
    let stale: Vec<_> = EXPECTED_DIFFERENCES
        .iter()
        .filter(|(ef, et, _)| !diffs.iter().any(|(f, t)| ef == f && et == t))
        .collect();
    assert!(
        stale.is_empty(),
        "expected differences that no longer happen: {stale:?}"
    );
}

// ---------------------------------------------------------------- fuzz finds

/// Fuzz find (docx target, a check of the target rather than of the
/// library): `PK` not followed by a ZIP signature is no DOCX; valid UTF-8
/// passes through as text, blank lines and all.
#[test]
fn fuzz_pk_without_a_zip_signature_is_text() {
    // the crash input: crash-af4b43bad27d923d13200785b0446d900526bd55
    let mut bytes = b"PK".to_vec();
    bytes.extend_from_slice(&[0; 21]);
    bytes.extend_from_slice(b"\x04\x03\x03\x16\x14\0\0\0");
    bytes.extend_from_slice(&[b'\n'; 51]);
    bytes.push(8);
    assert_eq!(bytes.len(), 83);
    let e = read(&bytes).unwrap();
    assert_eq!(e.kind, FileKind::Text);
    assert_eq!(e.text.as_bytes(), &bytes[..]);
}

#[test]
fn a_real_resume_cut_in_half_is_corrupt() {
    let Some(dir) = corpus_set("resumes/resume-matcher-2020") else {
        return;
    };
    let bytes = std::fs::read(dir.join("original/abhay_raj_dwivedi.docx")).unwrap();
    assert!(read(&bytes).is_ok());
    let err = read(&bytes[..bytes.len() / 2]).unwrap_err();
    assert!(matches!(err, Error::CorruptFile { .. }), "{err}");
}
