//! DOCX to text: the paragraphs, tables, text boxes, headers and footers of
//! a Word document, in the order a reader meets them.
//!
//! A DOCX is a ZIP archive of XML parts. What is read, in this order:
//!
//! 1. the ZIP's table of contents (at most [`MAX_ENTRIES`] entries, counted
//!    before the archive is parsed, so a ZIP of 100,000 tiny files costs a
//!    scan of its bytes and no more);
//! 2. `_rels/.rels`, which names the main document (usually
//!    `word/document.xml`) and the document properties. A ZIP without a main
//!    document is an [`Error::UnsupportedFile`] naming what it seems to be
//!    (a spreadsheet, an OpenDocument file, a Java archive, a plain ZIP);
//! 3. the main document's relationships (`word/_rels/document.xml.rels`),
//!    which name its headers, footers and styles;
//! 4. `word/styles.xml`, for the paragraph styles that make list items;
//! 5. the main document, walked once with a streaming XML reader: each
//!    paragraph (`w:p`) is a line (`w:br` starts another), list items start
//!    with "• " so bullets are found as in a text resume, an empty paragraph
//!    is a blank line; tables row by row ([`Origin::Table`]); text boxes
//!    once, though Word saves each twice (`mc:Choice` and a VML
//!    `mc:Fallback`), as [`Origin::TextBox`]; deleted text of tracked
//!    changes, field codes and moved-away text are left out. Section
//!    settings give the columns; pictures are counted;
//! 6. the headers referenced by the document's sections (each part once, and
//!    parts with the same text once), written *before* the body as
//!    [`Origin::Header`]; the footers, written after it as
//!    [`Origin::Footer`];
//! 7. `docProps/app.xml`, for the page count Word saved.
//!
//! Limits: every part is unpacked through one byte budget shared by all of
//! them ([`FileOptions::max_unpacked_bytes`]), counted on the bytes actually
//! inflated, never on the sizes the ZIP headers claim, so a zip bomb stops at
//! the budget with an [`Error::FileLimit`]. Parts are parsed as a stream
//! (a few KiB buffered), elements nest at most [`MAX_DEPTH`] deep, entity
//! definitions in a DTD are never expanded, and the text kept is bounded by
//! the same budget: time is linear in the bytes unpacked and memory bounded
//! by the options. A damaged archive or part is an [`Error::CorruptFile`]
//! saying which part and where; encrypted entries an [`Error::EncryptedFile`].

use std::cell::Cell;
use std::hash::{Hash, Hasher};
use std::io::{self, BufReader, Cursor, Read};

use crate::hash::{Map, Set};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;
use zip::result::ZipError;

use super::{Extracted, FileKind, FileOptions, Origin, TextBuilder};
use crate::document::{Document, LineKind};
use crate::error::{Error, Result};

/// Most entries a DOCX may have; Word writes a few dozen.
pub(crate) const MAX_ENTRIES: usize = 10_000;
/// Deepest nesting of XML elements; Word's deepest (a table in a text box
/// in a table) is a few dozen.
pub(crate) const MAX_DEPTH: usize = 256;
/// Most header parts and most footer parts read (Word has at most three per
/// section: default, first page, even pages).
const MAX_HEADER_PARTS: usize = 64;
/// Most columns a Word section can have.
const MAX_COLUMNS: u32 = 45;
/// What a buffered line costs beyond its text, for the size bound.
const ITEM_COST: usize = 32;
/// The namespaces of WordprocessingML (transitional and strict).
const WORD_NS: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/// The text of a DOCX file.
pub(crate) fn extract(bytes: &[u8], options: &FileOptions) -> Result<Extracted> {
    let mut pkg = Package::open(bytes, options)?;
    let root_rels = pkg.rels("_rels/.rels")?;
    let mut main = root_rels
        .iter()
        .find(|r| r.is("officeDocument"))
        .map(|r| resolve("", &r.target))
        .unwrap_or_default();
    if !pkg.has(&main) {
        main = "word/document.xml".to_string();
    }
    if !pkg.has(&main) {
        return Err(pkg.not_word());
    }
    let dir = main.rsplit_once('/').map_or("", |(d, _)| d).to_string();
    let doc_rels = pkg.rels(&rels_path(&main))?;
    let target = |id: &str| {
        doc_rels
            .iter()
            .find(|r| r.id == id && !r.external)
            .map(|r| resolve(&dir, &r.target))
    };
    let list_styles = match doc_rels.iter().find(|r| r.is("styles") && !r.external) {
        Some(r) => pkg.list_styles(&resolve(&dir, &r.target))?,
        None => Set::default(),
    };
    let body = pkg.walk(&main, Origin::Body, &list_styles)?;

    let mut out = TextBuilder::new(FileKind::Docx, options.max_unpacked_bytes);
    let mut images = body.images;
    let mut read = Set::default();
    let mut parts = |pkg: &mut Package<'_>, ids: &[String], origin: Origin| -> Result<Vec<Item>> {
        // parts with the same text once (compared by hash first)
        let mut texts: Vec<(u64, Vec<Item>)> = Vec::new();
        for id in ids.iter().take(MAX_HEADER_PARTS) {
            let Some(part) = target(id) else { continue };
            if part == main || !pkg.has(&part) || !read.insert(part.clone()) {
                continue;
            }
            let walked = pkg.walk(&part, origin, &list_styles)?;
            images = images.saturating_add(walked.images);
            let items = trim_blanks(walked.items);
            let hash = {
                let mut h = rustc_hash::FxHasher::default();
                items.hash(&mut h);
                h.finish()
            };
            if !items.is_empty() && !texts.iter().any(|(k, t)| *k == hash && *t == items) {
                texts.push((hash, items));
            }
        }
        let mut all = Vec::new();
        for (_, items) in texts {
            all.extend(items);
            all.push(Item::Blank);
        }
        Ok(all)
    };
    let headers = parts(&mut pkg, &body.headers, Origin::Header)?;
    let footers = parts(&mut pkg, &body.footers, Origin::Footer)?;
    write(&mut out, &headers, options)?;
    write(&mut out, &body.items, options)?;
    out.blank();
    write(&mut out, &footers, options)?;
    out.images(images);
    out.columns(body.columns);
    let app = root_rels
        .iter()
        .find(|r| r.is("extended-properties") && !r.external)
        .map_or_else(
            || "docProps/app.xml".to_string(),
            |r| resolve("", &r.target),
        );
    let pages = pkg.pages(&app)?;
    Ok(out.finish(pages))
}

/// Write buffered items to the text.
fn write(out: &mut TextBuilder, items: &[Item], options: &FileOptions) -> Result<()> {
    for item in items {
        match item {
            Item::Line(text, origin) => out.line(text, *origin, options)?,
            Item::Blank => out.blank(),
        }
    }
    Ok(())
}

/// Items without blank lines at either end.
fn trim_blanks(mut items: Vec<Item>) -> Vec<Item> {
    while items.last() == Some(&Item::Blank) {
        items.pop();
    }
    let lead = items.iter().take_while(|i| **i == Item::Blank).count();
    items.drain(..lead);
    items
}

/// The path of a part's relationships: `word/document.xml` →
/// `word/_rels/document.xml.rels`.
fn rels_path(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, name)) => format!("{dir}/_rels/{name}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// A relationship's target as a path in the archive: relative to `dir`
/// unless it starts with `/`, with `.` and `..` resolved.
fn resolve(dir: &str, target: &str) -> String {
    let (base, rel) = match target.strip_prefix('/') {
        Some(abs) => ("", abs),
        None => (dir, target),
    };
    let mut parts: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The byte budget shared by every part read: what is left, what was used,
/// and whether a read went over it.
struct Budget {
    /// Bytes that may still be unpacked.
    left: Cell<u64>,
    /// Bytes unpacked so far.
    used: Cell<u64>,
    /// Whether a read found more bytes than were left.
    over: Cell<bool>,
}

/// A reader that counts what it reads against a [`Budget`] and fails past
/// it (after checking that more bytes really follow).
struct Metered<'b, R> {
    /// The part being unpacked.
    inner: R,
    /// The budget it counts against.
    budget: &'b Budget,
}

impl<R: Read> Read for Metered<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        let left = self.budget.left.get();
        if left == 0 {
            let mut probe = [0u8; 1];
            if self.inner.read(&mut probe)? == 0 {
                return Ok(0);
            }
            self.budget.over.set(true);
            return Err(io::Error::other("over the limit of bytes unpacked"));
        }
        let cap = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
        let n = self.inner.read(buf.get_mut(..cap).unwrap_or_default())?;
        self.budget.left.set(left.saturating_sub(n as u64));
        self.budget
            .used
            .set(self.budget.used.get().saturating_add(n as u64));
        Ok(n)
    }
}

/// One relationship of a part.
#[derive(Debug, Default)]
struct Rel {
    /// `Id`, what parts refer to it by.
    id: String,
    /// `Type`, a URI whose last segment says what it is.
    kind: String,
    /// `Target`, a path relative to the part's folder.
    target: String,
    /// Whether the target is outside the archive (a web link).
    external: bool,
}

impl Rel {
    /// Whether the relationship's type ends with `/name`.
    fn is(&self, name: &str) -> bool {
        self.kind
            .rsplit_once('/')
            .is_some_and(|(_, last)| last == name)
    }
}

/// The archive, the budget and the options.
struct Package<'a> {
    /// The archive's table of contents over the file's bytes.
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// What may still be unpacked, for all parts together.
    budget: Budget,
    /// The limits.
    options: &'a FileOptions,
}

impl<'a> Package<'a> {
    /// Open the archive: count its entries first (each needs a central
    /// directory header, `PK\x01\x02`), then parse its table of contents.
    fn open(bytes: &'a [u8], options: &'a FileOptions) -> Result<Package<'a>> {
        let headers = bytes.windows(4).filter(|w| *w == b"PK\x01\x02").count();
        if headers > MAX_ENTRIES {
            return Err(too_many_entries());
        }
        let zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| zip_error(e, "its table of contents"))?;
        if zip.len() > MAX_ENTRIES {
            return Err(too_many_entries());
        }
        Ok(Package {
            zip,
            budget: Budget {
                left: Cell::new(options.max_unpacked_bytes as u64),
                used: Cell::new(0),
                over: Cell::new(false),
            },
            options,
        })
    }

    /// Whether the archive has a part of this name.
    fn has(&self, name: &str) -> bool {
        !name.is_empty() && self.zip.index_for_name(name).is_some()
    }

    /// The error for a ZIP without a Word document, naming what it seems to be.
    fn not_word(&self) -> Error {
        let has = |n: &str| self.zip.index_for_name(n).is_some();
        let (kind, what) = if has("xl/workbook.xml") {
            ("XLSX", "an Excel spreadsheet")
        } else if has("ppt/presentation.xml") {
            ("PPTX", "a PowerPoint presentation")
        } else if has("content.xml") && has("META-INF/manifest.xml") {
            ("ODT", "an OpenDocument file (LibreOffice, OpenOffice)")
        } else if has("META-INF/container.xml") {
            ("EPUB", "an e-book (EPUB)")
        } else if has("META-INF/MANIFEST.MF") {
            ("JAR", "a Java archive")
        } else if has("[Content_Types].xml") {
            ("OOXML", "an Office file")
        } else {
            ("ZIP", "a ZIP archive")
        };
        Error::UnsupportedFile {
            kind: kind.to_string(),
            reason: format!(
                "it is {what} that holds no Word document (no word/document.xml); open the resume in your editor and save it as .docx or PDF"
            ),
        }
    }

    /// Parse part `name` as XML, feeding its events to `handler`. `false`
    /// when there is no such part.
    fn parse(&mut self, name: &str, handler: &mut dyn Handler) -> Result<bool> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(false);
        };
        let Package {
            zip,
            budget,
            options,
        } = self;
        let file = zip
            .by_index(index)
            .map_err(|e| zip_error(e, &format!("its part {name}")))?;
        if file.encrypted() {
            return Err(Error::EncryptedFile {
                kind: "DOCX".to_string(),
            });
        }
        // a size the header claims can only make us stop sooner
        if file.size() > budget.left.get() {
            return Err(over_budget(
                options,
                budget.used.get().saturating_add(file.size()),
            ));
        }
        let metered = Metered {
            inner: file,
            budget,
        };
        let mut reader = Reader::from_reader(BufReader::with_capacity(16 << 10, metered));
        let mut buf = Vec::new();
        let mut depth = 0usize;
        loop {
            buf.clear();
            let event = match reader.read_event_into(&mut buf) {
                Ok(event) => event,
                Err(e) => {
                    if budget.over.get() {
                        return Err(over_budget(options, budget.used.get().saturating_add(1)));
                    }
                    let reason = match e {
                        quick_xml::Error::Io(e) => format!(
                            "it is damaged: its part {name} cannot be unpacked ({e}); open it in Word and save it again, or export it as PDF"
                        ),
                        e => format!(
                            "it is damaged: its part {name} is not valid XML at byte {} ({e}); open it in Word and save it again, or export it as PDF",
                            reader.error_position()
                        ),
                    };
                    return Err(corrupt(reason));
                }
            };
            match event {
                Event::Start(e) => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err(corrupt(format!(
                            "it is damaged or was not made by a word processor: its part {name} nests elements more than {MAX_DEPTH} deep (at byte {}); open it in Word and save it again, or export it as PDF",
                            reader.buffer_position()
                        )));
                    }
                    handler.start(&e)?;
                }
                Event::Empty(e) => {
                    handler.start(&e)?;
                    handler.end()?;
                }
                Event::End(_) => {
                    depth = depth.saturating_sub(1);
                    handler.end()?;
                }
                Event::Text(t) => handler.text(&t.xml10_content())?,
                Event::CData(t) => handler.text(&t.into_inner())?,
                Event::GeneralRef(r) => {
                    // character references and the five predefined entities;
                    // entities a DTD defines are never expanded
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        Ok(None) => match &*r {
                            "amp" => Some('&'),
                            "lt" => Some('<'),
                            "gt" => Some('>'),
                            "quot" => Some('"'),
                            "apos" => Some('\''),
                            _ => None,
                        },
                        Err(_) => None,
                    };
                    if let Some(c) = c {
                        handler.text(c.encode_utf8(&mut [0; 4]))?;
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        if depth != 0 {
            return Err(corrupt(format!(
                "it is damaged: its part {name} ends before its elements are closed (cut short?); open it in Word and save it again, or export it as PDF"
            )));
        }
        Ok(true)
    }

    /// The relationships of a part (none when the part is missing).
    fn rels(&mut self, name: &str) -> Result<Vec<Rel>> {
        let mut h = RelsHandler::default();
        self.parse(name, &mut h)?;
        Ok(h.rels)
    }

    /// The paragraph styles that number their paragraphs (list styles),
    /// following `basedOn` chains.
    fn list_styles(&mut self, name: &str) -> Result<Set<String>> {
        let mut h = StylesHandler::default();
        self.parse(name, &mut h)?;
        let mut out = Set::default();
        for id in h.styles.keys() {
            let mut cur = id;
            for _ in 0..16 {
                let Some((num, based)) = h.styles.get(cur) else {
                    break;
                };
                if let Some(num) = num {
                    if *num {
                        out.insert(id.clone());
                    }
                    break;
                }
                match based {
                    Some(b) => cur = b,
                    None => break,
                }
            }
        }
        Ok(out)
    }

    /// The page count Word saved in the document properties.
    fn pages(&mut self, name: &str) -> Result<Option<u32>> {
        let mut h = PagesHandler::default();
        self.parse(name, &mut h)?;
        Ok(h.text.trim().parse::<u32>().ok().filter(|&n| n > 0))
    }

    /// Walk a document, header or footer part.
    fn walk(&mut self, name: &str, origin: Origin, list_styles: &Set<String>) -> Result<Walked> {
        let mut w = Walker::new(origin, list_styles, self.options);
        self.parse(name, &mut w)?;
        Ok(w.done())
    }
}

/// The error for going over the unpacked bytes budget.
fn over_budget(options: &FileOptions, value: u64) -> Error {
    options.over(
        "bytes unpacked from the DOCX's parts (at least)",
        value,
        "max_unpacked_bytes",
    )
}

/// A damaged DOCX.
fn corrupt(reason: String) -> Error {
    Error::CorruptFile {
        kind: "DOCX".to_string(),
        reason,
    }
}

/// The error for an archive of too many entries.
fn too_many_entries() -> Error {
    Error::UnsupportedFile {
        kind: "ZIP".to_string(),
        reason: format!(
            "it is a ZIP archive of more than {MAX_ENTRIES} files, not a Word document (which holds a few dozen); save the resume as .docx or PDF"
        ),
    }
}

/// A ZIP error as one of ours; `what` says what was being read.
fn zip_error(e: ZipError, what: &str) -> Error {
    match e {
        ZipError::UnsupportedArchive(m) if m == ZipError::PASSWORD_REQUIRED => {
            Error::EncryptedFile {
                kind: "DOCX".to_string(),
            }
        }
        ZipError::InvalidPassword => Error::EncryptedFile {
            kind: "DOCX".to_string(),
        },
        ZipError::CompressionMethodNotSupported(m) => Error::UnsupportedFile {
            kind: "DOCX".to_string(),
            reason: format!(
                "{what} is compressed with a method Word does not use (method {m}); open it in Word or LibreOffice and save it as .docx"
            ),
        },
        e => corrupt(format!(
            "it is cut short or damaged ({what}: {e}); open it in Word and save it again, or export it as PDF"
        )),
    }
}

/// What receives the events of a part.
trait Handler {
    /// An element starts (an empty element starts, then ends).
    fn start(&mut self, e: &BytesStart<'_>) -> Result<()>;
    /// The element started last ends (nothing to do, unless said).
    fn end(&mut self) -> Result<()> {
        Ok(())
    }
    /// Character data (ignored, unless said).
    fn text(&mut self, _text: &str) -> Result<()> {
        Ok(())
    }
}

/// The prefix and local part of a qualified name.
fn split(qname: &str) -> (&str, &str) {
    qname.split_once(':').unwrap_or(("", qname))
}

/// The value of the attribute whose local name is `local` (any prefix).
fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| split(a.key.as_ref()).1 == local)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Reads `Relationship` elements.
#[derive(Default)]
struct RelsHandler {
    /// The relationships, in order.
    rels: Vec<Rel>,
}

impl Handler for RelsHandler {
    fn start(&mut self, e: &BytesStart<'_>) -> Result<()> {
        if split(e.name().as_ref()).1 == "Relationship" && self.rels.len() < MAX_ENTRIES {
            self.rels.push(Rel {
                id: attr(e, "Id").unwrap_or_default(),
                kind: attr(e, "Type").unwrap_or_default(),
                target: attr(e, "Target").unwrap_or_default(),
                external: attr(e, "TargetMode").is_some_and(|m| m == "External"),
            });
        }
        Ok(())
    }
}

/// Reads the paragraph styles: for each, whether it numbers its paragraphs
/// (when it says) and the style it is based on.
#[derive(Default)]
struct StylesHandler {
    /// Style id → (whether it numbers its paragraphs, when it says; the style it is based on).
    styles: Map<String, (Option<bool>, Option<String>)>,
    /// The style being read.
    current: Option<(String, Option<bool>, Option<String>)>,
    /// Elements open.
    depth: usize,
    /// The depth of the style being read.
    style_depth: usize,
}

impl Handler for StylesHandler {
    fn start(&mut self, e: &BytesStart<'_>) -> Result<()> {
        self.depth += 1;
        match split(e.name().as_ref()).1 {
            "style" if self.current.is_none() => {
                self.current = Some((attr(e, "styleId").unwrap_or_default(), None, None));
                self.style_depth = self.depth;
            }
            "basedOn" => {
                if let Some(c) = &mut self.current {
                    c.2 = attr(e, "val");
                }
            }
            "numId" => {
                if let Some(c) = &mut self.current {
                    c.1 = Some(attr(e, "val").is_some_and(|v| v.trim() != "0"));
                }
            }
            _ => {}
        }
        Ok(())
    }
    fn end(&mut self) -> Result<()> {
        if self.depth == self.style_depth
            && let Some((id, num, based)) = self.current.take()
            && self.styles.len() < MAX_ENTRIES
        {
            self.styles.insert(id, (num, based));
        }
        self.depth = self.depth.saturating_sub(1);
        Ok(())
    }
}

/// Reads the text of the `Pages` element.
#[derive(Default)]
struct PagesHandler {
    /// Whether the `Pages` element is open.
    in_pages: bool,
    /// Its text (at most 32 bytes).
    text: String,
}

impl Handler for PagesHandler {
    fn start(&mut self, e: &BytesStart<'_>) -> Result<()> {
        self.in_pages = split(e.name().as_ref()).1 == "Pages";
        Ok(())
    }
    fn end(&mut self) -> Result<()> {
        self.in_pages = false;
        Ok(())
    }
    fn text(&mut self, text: &str) -> Result<()> {
        if self.in_pages && self.text.len() < 32 {
            self.text.push_str(text);
        }
        Ok(())
    }
}

/// A line or a blank line of buffered text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Item {
    /// One line of text (no line breaks) and where it came from.
    Line(String, Origin),
    /// A blank line between blocks.
    Blank,
}

/// What was found in a document, header or footer part.
struct Walked {
    /// The lines, in order.
    items: Vec<Item>,
    /// Relationship ids of the headers the sections reference, in order.
    headers: Vec<String>,
    /// Relationship ids of the footers.
    footers: Vec<String>,
    /// Most columns of a section.
    columns: u32,
    /// Pictures.
    images: u32,
}

/// What an open element means when it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    /// Nothing to do.
    Other,
    /// A paragraph (a [`Frame::Para`] is open).
    Para,
    /// Paragraph properties.
    ParaProps,
    /// A text element (`w:t`).
    Text,
    /// A table (a [`Frame::Table`] is open).
    Table,
    /// A table row (a [`Frame::Row`] is open).
    Row,
    /// A table cell (a [`Frame::Cell`] is open).
    Cell,
    /// A text box's content (a [`Frame::TextBox`] is open).
    TextBox,
    /// `mc:AlternateContent`.
    Alternate,
}

/// An open container of text.
#[derive(Debug)]
enum Frame {
    /// A paragraph: its text so far ('\n' for breaks), whether its own
    /// properties number it, whether its style does, where it is, and the
    /// lines of text boxes anchored in it (written after it).
    Para {
        text: String,
        numbered: Option<bool>,
        list_style: bool,
        origin: Origin,
        after: Vec<Item>,
    },
    /// A table.
    Table,
    /// A table row: the lines of each cell.
    Row { cells: Vec<Vec<Item>> },
    /// A table cell's lines.
    Cell { items: Vec<Item> },
    /// A text box's lines.
    TextBox { items: Vec<Item> },
}

/// Walks a document, header or footer part.
struct Walker<'s> {
    /// The prefix bound to WordprocessingML (`w` unless the root says otherwise).
    wp: String,
    /// Whether the root element was seen.
    root_seen: bool,
    /// The origin of the part's text (body, header or footer).
    base: Origin,
    /// The paragraph styles that make list items.
    list_styles: &'s Set<String>,
    /// The limits.
    options: &'s FileOptions,
    /// What each open element means when it ends.
    tags: Vec<Tag>,
    /// Elements open inside a skipped element (deleted text, field codes,
    /// the fallback copy of alternate content), counting that element.
    skipping: usize,
    /// Open containers of text, innermost last.
    frames: Vec<Frame>,
    /// The part's lines so far.
    items: Vec<Item>,
    /// Open `w:t` elements.
    in_text: usize,
    /// Open paragraph properties.
    in_props: usize,
    /// For each open `mc:AlternateContent`: whether a choice was taken.
    alternates: Vec<bool>,
    /// Relationship ids of the headers referenced, in order.
    headers: Vec<String>,
    /// Relationship ids of the footers referenced.
    footers: Vec<String>,
    /// Most columns of a section.
    columns: u32,
    /// Pictures.
    images: u32,
    /// Bytes of text buffered (plus a cost per line), for the size bound.
    size: usize,
}

impl<'s> Walker<'s> {
    /// A walker for a part whose text comes from `base`.
    fn new(base: Origin, list_styles: &'s Set<String>, options: &'s FileOptions) -> Self {
        Walker {
            wp: "w".to_string(),
            root_seen: false,
            base,
            list_styles,
            options,
            tags: Vec::new(),
            skipping: 0,
            frames: Vec::new(),
            items: Vec::new(),
            in_text: 0,
            in_props: 0,
            alternates: Vec::new(),
            headers: Vec::new(),
            footers: Vec::new(),
            columns: 0,
            images: 0,
            size: 0,
        }
    }

    /// What was found.
    fn done(self) -> Walked {
        Walked {
            items: self.items,
            headers: self.headers,
            footers: self.footers,
            columns: self.columns,
            images: self.images,
        }
    }

    /// The root element: find the prefix bound to WordprocessingML.
    fn root(&mut self, e: &BytesStart<'_>) {
        for a in e.attributes().with_checks(false).flatten() {
            let key: &str = a.key.as_ref();
            if WORD_NS.contains(&a.value.as_ref()) {
                if key == "xmlns" {
                    self.wp = String::new();
                } else if let Some(p) = key.strip_prefix("xmlns:") {
                    self.wp = p.to_string();
                }
            }
        }
    }

    /// The origin of a paragraph starting now.
    fn origin(&self) -> Origin {
        if self.base != Origin::Body {
            return self.base;
        }
        for f in self.frames.iter().rev() {
            match f {
                Frame::TextBox { .. } => return Origin::TextBox,
                Frame::Table | Frame::Row { .. } | Frame::Cell { .. } => return Origin::Table,
                Frame::Para { .. } => {}
            }
        }
        Origin::Body
    }

    /// The innermost open paragraph's text.
    fn para_text(&mut self) -> Option<&mut String> {
        match self.frames.last_mut() {
            Some(Frame::Para { text, .. }) => Some(text),
            _ => None,
        }
    }

    /// Add text to the open paragraph (outside paragraph properties).
    fn push_text(&mut self, s: &str) {
        if self.in_props > 0 {
            return;
        }
        if let Some(t) = self.para_text() {
            t.push_str(s);
        }
    }

    /// Add an item where the text goes now: the innermost paragraph (for
    /// a text box anchored in it), cell or text box, or the part.
    fn emit(&mut self, item: Item) -> Result<()> {
        if let Item::Line(text, _) = &item {
            self.size = self.size.saturating_add(text.len() + ITEM_COST);
            if self.size > self.options.max_unpacked_bytes {
                return Err(self.options.over(
                    "bytes of text extracted (at least)",
                    self.size as u64,
                    "max_unpacked_bytes",
                ));
            }
        }
        let mut target = &mut self.items;
        for f in self.frames.iter_mut().rev() {
            match f {
                Frame::Para { after, .. } => {
                    target = after;
                    break;
                }
                Frame::Cell { items } | Frame::TextBox { items } => {
                    target = items;
                    break;
                }
                Frame::Row { .. } | Frame::Table => {}
            }
        }
        if item == Item::Blank && matches!(target.last(), None | Some(Item::Blank)) {
            return Ok(());
        }
        target.push(item);
        Ok(())
    }

    /// A paragraph ends: its lines (the first with a bullet for a list
    /// item), then the text boxes anchored in it; a blank line if it is empty.
    fn close_para(&mut self) -> Result<()> {
        let Some(Frame::Para {
            text,
            numbered,
            list_style,
            origin,
            after,
        }) = self.frames.pop()
        else {
            return Ok(());
        };
        let list = numbered.unwrap_or(list_style);
        let mut any = false;
        for piece in text.split('\n') {
            let piece = piece.trim();
            if piece.is_empty() {
                continue;
            }
            let line = if list && !any && !starts_with_bullet(piece) {
                format!("• {piece}")
            } else {
                piece.to_string()
            };
            any = true;
            self.emit(Item::Line(line, origin))?;
        }
        if !any && after.is_empty() {
            self.emit(Item::Blank)?;
        }
        for item in after {
            self.emit(item)?;
        }
        Ok(())
    }

    /// A table row ends: see [`row_items`].
    fn close_row(&mut self) -> Result<()> {
        let Some(Frame::Row { cells }) = self.frames.pop() else {
            return Ok(());
        };
        for item in row_items(cells) {
            self.emit(item)?;
        }
        Ok(())
    }

    /// A cell ends: its lines go to its row.
    fn close_cell(&mut self) -> Result<()> {
        let Some(Frame::Cell { items }) = self.frames.pop() else {
            return Ok(());
        };
        if let Some(Frame::Row { cells }) = self.frames.last_mut() {
            cells.push(items);
            return Ok(());
        }
        // a cell outside a row: its lines as they are
        for item in items {
            self.emit(item)?;
        }
        Ok(())
    }

    /// Open a skipped element.
    fn skip(&mut self) {
        self.skipping = 1;
    }
}

/// Whether a line starts with a bullet of its own.
fn starts_with_bullet(s: &str) -> bool {
    s.starts_with([
        '•', '·', '‣', '◦', '▪', '▫', '■', '□', '●', '○', '◆', '◇', '➢', '➤', '►', '▶', '✓', '✔',
        '❖', '-', '–', '—', '*', '\u{F0B7}', '\u{F0A7}', '\u{F0D8}',
    ])
}

/// The lines of a table row.
///
/// A row whose cells hold one line each is one line, its cells joined by
/// " | " (`Python | 5 years`, `B.Tech | IIT Delhi | 2019`): what belongs
/// together stays on a line. Unless its first cell reads as a heading on its
/// own (a label column: `SKILLS` | `Python, SQL`): then each cell is a line,
/// so the heading still starts its section. A row with a cell of several
/// lines is layout (a two-column resume in a table): each cell's lines in
/// turn, a blank line after each cell.
fn row_items(cells: Vec<Vec<Item>>) -> Vec<Item> {
    let lines = |c: &Vec<Item>| c.iter().filter(|i| matches!(i, Item::Line(..))).count();
    let single = cells.iter().all(|c| lines(c) <= 1);
    let mut out = Vec::new();
    if single {
        let texts: Vec<(&String, Origin)> = cells
            .iter()
            .flat_map(|c| c.iter())
            .filter_map(|i| match i {
                Item::Line(t, o) => Some((t, *o)),
                Item::Blank => None,
            })
            .collect();
        let Some(&(first, origin)) = texts.first() else {
            return out;
        };
        if texts.len() >= 2 && !reads_as_heading(first) {
            let joined: Vec<&str> = texts.iter().map(|(t, _)| t.as_str()).collect();
            out.push(Item::Line(joined.join(" | "), origin));
        } else {
            out.extend(texts.into_iter().map(|(t, o)| Item::Line(t.clone(), o)));
        }
        return out;
    }
    for cell in cells {
        if lines(&cell) > 0 {
            out.extend(trim_blanks(cell));
            out.push(Item::Blank);
        }
    }
    out
}

/// Whether a line alone is a heading for the document parser.
fn reads_as_heading(line: &str) -> bool {
    Document::parse(line)
        .lines
        .first()
        .is_some_and(|l| l.kind == LineKind::Heading)
}

/// The character of a `w:sym` element: its code (hex), mapped from the
/// Symbol and Wingdings fonts' private-use codes where a bullet or mark has
/// a Unicode twin; other private-use codes are dropped.
fn sym_char(font: &str, code: &str) -> Option<char> {
    let code = u32::from_str_radix(code.trim(), 16).ok()?;
    // symbol fonts are addressed both as F0xx and as 00xx
    let low = if (0xF000..=0xF0FF).contains(&code) {
        code - 0xF000
    } else {
        code
    };
    let font = font.to_ascii_lowercase();
    if font.starts_with("symbol") {
        return match low {
            0xB7 => Some('•'),
            0x2D => Some('-'),
            0xAE => Some('→'),
            _ => None,
        };
    }
    if font.starts_with("wingdings") {
        return match low {
            0x6C => Some('●'),
            0x6E => Some('■'),
            0x71 | 0xA7 => Some('▪'),
            0x76 => Some('❖'),
            0xA8 => Some('◻'),
            0xD8 => Some('➢'),
            0xE0 | 0xE8 => Some('➔'),
            0xFC => Some('✓'),
            0xFE => Some('☑'),
            _ => None,
        };
    }
    if (0xE000..=0xF8FF).contains(&code) {
        return None;
    }
    char::from_u32(code).filter(|c| !c.is_control())
}

impl Handler for Walker<'_> {
    fn start(&mut self, e: &BytesStart<'_>) -> Result<()> {
        if self.skipping > 0 {
            self.skipping += 1;
            return Ok(());
        }
        if !self.root_seen {
            self.root_seen = true;
            self.root(e);
        }
        let qname = e.name();
        let (prefix, local) = split(qname.as_ref());
        let tag = if prefix == self.wp {
            match local {
                "p" => {
                    let origin = self.origin();
                    self.frames.push(Frame::Para {
                        text: String::new(),
                        numbered: None,
                        list_style: false,
                        origin,
                        after: Vec::new(),
                    });
                    Tag::Para
                }
                "pPr" => {
                    self.in_props += 1;
                    Tag::ParaProps
                }
                "pStyle" if self.in_props > 0 => {
                    let list = attr(e, "val").is_some_and(|v| self.list_styles.contains(&v));
                    if let Some(Frame::Para { list_style, .. }) = self.frames.last_mut() {
                        *list_style = list;
                    }
                    Tag::Other
                }
                "numId" if self.in_props > 0 => {
                    let on = attr(e, "val").is_some_and(|v| v.trim() != "0");
                    if let Some(Frame::Para { numbered, .. }) = self.frames.last_mut() {
                        *numbered = Some(on);
                    }
                    Tag::Other
                }
                "t" => {
                    self.in_text += 1;
                    Tag::Text
                }
                "tab" | "ptab" => {
                    self.push_text(" ");
                    Tag::Other
                }
                "br" | "cr" => {
                    self.push_text("\n");
                    Tag::Other
                }
                "noBreakHyphen" => {
                    self.push_text("-");
                    Tag::Other
                }
                "sym" => {
                    let font = attr(e, "font").unwrap_or_default();
                    if let Some(c) = attr(e, "char").and_then(|code| sym_char(&font, &code)) {
                        self.push_text(c.encode_utf8(&mut [0; 4]));
                    }
                    Tag::Other
                }
                // deleted and moved-away text, field codes, form field data
                "del" | "delText" | "moveFrom" | "instrText" | "delInstrText" | "fldData"
                | "ffData" => {
                    self.skip();
                    return Ok(());
                }
                "tbl" => {
                    self.emit(Item::Blank)?;
                    self.frames.push(Frame::Table);
                    Tag::Table
                }
                "tr" => {
                    self.frames.push(Frame::Row { cells: Vec::new() });
                    Tag::Row
                }
                "tc" => {
                    self.frames.push(Frame::Cell { items: Vec::new() });
                    Tag::Cell
                }
                "txbxContent" => {
                    self.frames.push(Frame::TextBox { items: Vec::new() });
                    Tag::TextBox
                }
                "cols" => {
                    if let Some(n) = attr(e, "num").and_then(|n| n.trim().parse::<u32>().ok()) {
                        self.columns = self.columns.max(n.clamp(1, MAX_COLUMNS));
                    } else {
                        self.columns = self.columns.max(1);
                    }
                    Tag::Other
                }
                "headerReference" | "footerReference" => {
                    let list = if local == "headerReference" {
                        &mut self.headers
                    } else {
                        &mut self.footers
                    };
                    if let Some(id) = attr(e, "id")
                        && list.len() < MAX_ENTRIES
                        && !list.contains(&id)
                    {
                        list.push(id);
                    }
                    Tag::Other
                }
                _ => Tag::Other,
            }
        } else {
            match local {
                "AlternateContent" => {
                    self.alternates.push(false);
                    Tag::Alternate
                }
                // the first choice of alternate content is taken, the rest skipped
                "Choice" | "Fallback" => match self.alternates.last_mut() {
                    Some(taken) if *taken => {
                        self.skip();
                        return Ok(());
                    }
                    Some(taken) => {
                        *taken = true;
                        Tag::Other
                    }
                    None => Tag::Other,
                },
                "pic" | "imagedata" => {
                    self.images = self.images.saturating_add(1);
                    Tag::Other
                }
                _ => Tag::Other,
            }
        };
        self.tags.push(tag);
        Ok(())
    }

    fn end(&mut self) -> Result<()> {
        if self.skipping > 0 {
            self.skipping -= 1;
            return Ok(());
        }
        match self.tags.pop() {
            Some(Tag::Para) => self.close_para()?,
            Some(Tag::ParaProps) => self.in_props = self.in_props.saturating_sub(1),
            Some(Tag::Text) => self.in_text = self.in_text.saturating_sub(1),
            Some(Tag::Table) => {
                if let Some(Frame::Table) = self.frames.last() {
                    self.frames.pop();
                }
                self.emit(Item::Blank)?;
            }
            Some(Tag::Row) => self.close_row()?,
            Some(Tag::Cell) => self.close_cell()?,
            Some(Tag::TextBox) => {
                if let Some(Frame::TextBox { items }) = self.frames.pop() {
                    let items = trim_blanks(items);
                    for item in items {
                        self.emit(item)?;
                    }
                }
            }
            Some(Tag::Alternate) => {
                self.alternates.pop();
            }
            Some(Tag::Other) | None => {}
        }
        Ok(())
    }

    fn text(&mut self, text: &str) -> Result<()> {
        if self.skipping == 0 && self.in_text > 0 {
            self.push_text(text);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_counts_what_is_read_and_stops_past_it() {
        let budget = Budget {
            left: Cell::new(10),
            used: Cell::new(0),
            over: Cell::new(false),
        };
        let mut out = Vec::new();
        let mut r = Metered {
            inner: &b"0123456789"[..],
            budget: &budget,
        };
        assert_eq!(r.read_to_end(&mut out).unwrap(), 10);
        assert!(!budget.over.get());
        budget.left.set(10);
        let mut r = Metered {
            inner: &b"0123456789A"[..],
            budget: &budget,
        };
        let mut out = Vec::new();
        assert!(r.read_to_end(&mut out).is_err());
        assert!(budget.over.get());
        assert_eq!((out.len(), budget.used.get()), (10, 20));
    }

    #[test]
    fn targets_resolve_against_their_folder() {
        assert_eq!(resolve("word", "header1.xml"), "word/header1.xml");
        assert_eq!(
            resolve("word", "/word/media/../footer.xml"),
            "word/footer.xml"
        );
        assert_eq!(resolve("word", "../../../x.xml"), "x.xml");
        assert_eq!(resolve("", "./word/document.xml"), "word/document.xml");
        assert_eq!(
            rels_path("word/document.xml"),
            "word/_rels/document.xml.rels"
        );
        assert_eq!(rels_path("document.xml"), "_rels/document.xml.rels");
    }

    #[test]
    fn symbols_map_to_unicode_or_nothing() {
        assert_eq!(sym_char("Symbol", "F0B7"), Some('•'));
        assert_eq!(sym_char("Wingdings", "F0D8"), Some('➢'));
        assert_eq!(sym_char("Wingdings", "F0FC"), Some('✓'));
        assert_eq!(sym_char("Wingdings", "F021"), None);
        assert_eq!(sym_char("Arial", "2013"), Some('–'));
        assert_eq!(sym_char("Arial", "E000"), None);
        assert_eq!(sym_char("Arial", "zz"), None);
        assert_eq!(sym_char("Arial", "0007"), None);
        assert_eq!(sym_char("Arial", "FFFFFFFFF"), None);
    }
}
