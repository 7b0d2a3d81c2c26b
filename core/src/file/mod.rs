//! Resume files: PDF and DOCX to text, keeping where each piece came from.
//!
//! An ATS first has to get the text out of a file; if that fails, no
//! keyword counts. [`extract`] turns the bytes of a PDF (feature `pdf`) or a
//! DOCX (feature `docx`) into an [`Extracted`]: the text, one line per line
//! of the page (paragraphs and bullets stay lines, so sections and bullets
//! are found as in a text resume), with the pages and the [`Region`]s whose
//! text came from tables, text boxes, headers or footers. Plain UTF-8 text
//! passes through unchanged.
//!
//! The kind of a file is told by its content ([`FileKind::detect`]), never
//! by its name. Every limit is an option of [`FileOptions`] with a default
//! sized for resumes; going over one is a typed [`Error::FileLimit`].
//!
//! ```
//! use atscore::file::{extract, FileKind, FileOptions};
//!
//! let text = extract(b"Jane Doe\nSkills: SQL", None, &FileOptions::default())?;
//! assert_eq!(text.kind, FileKind::Text);
//! assert_eq!(text.text, "Jane Doe\nSkills: SQL");
//!
//! let err = extract(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1old word file", None, &FileOptions::default()).unwrap_err();
//! assert!(err.to_string().contains(".doc"));
//! # Ok::<(), atscore::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::text::Span;

#[cfg(feature = "docx")]
mod docx;
#[cfg(feature = "pdf")]
mod pdf;

/// What a file is, told by its first bytes.
///
/// ```
/// use atscore::file::FileKind;
/// assert_eq!(FileKind::detect(b"%PDF-1.7\n..."), Some(FileKind::Pdf));
/// assert_eq!(FileKind::detect(b"PK\x03\x04..."), Some(FileKind::Docx));
/// assert_eq!(FileKind::detect("Jane Doe, résumé".as_bytes()), Some(FileKind::Text));
/// assert_eq!(FileKind::detect(b"\x00\x01\x02\xff"), None);
/// // a resume that mentions PDFs is text; RTF is not read
/// assert_eq!(FileKind::detect(b"Skills: writing %PDF-1.7 parsers"), Some(FileKind::Text));
/// assert_eq!(FileKind::detect(br"{\rtf1\ansi Jane Doe}"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileKind {
    /// Plain UTF-8 text.
    #[default]
    Text,
    /// A PDF document.
    Pdf,
    /// A Word document (Office Open XML, `.docx`).
    Docx,
}

impl FileKind {
    /// The kind of a file from its content: a PDF header at the start, or
    /// within the first KiB of a file that is not text (as PDF readers
    /// allow), a ZIP signature (a DOCX is a ZIP archive;
    /// whether it holds a Word document is checked when it is read), valid
    /// UTF-8 text; `None` for anything else.
    pub fn detect(bytes: &[u8]) -> Option<FileKind> {
        if bytes.starts_with(b"%PDF-") {
            return Some(FileKind::Pdf);
        }
        // a ZIP: local file header, or the end record of an empty archive
        if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
            return Some(FileKind::Docx);
        }
        if bytes.starts_with(b"{\\rtf") {
            return None; // RTF is ASCII, but no resume text: say so
        }
        let text = std::str::from_utf8(bytes).is_ok();
        // a PDF header after some junk, as readers allow; but a text resume
        // that mentions "%PDF-" stays text
        let head = &bytes[..bytes.len().min(1024)];
        if !text && find(head, b"%PDF-").is_some() {
            return Some(FileKind::Pdf);
        }
        text.then_some(FileKind::Text)
    }

    /// The kind a file name's extension suggests (`pdf`, `docx`, `txt`,
    /// `md`, `text`; any case), for callers that want to check a name
    /// against the content.
    ///
    /// ```
    /// use atscore::file::FileKind;
    /// assert_eq!(FileKind::from_extension("Resume.PDF"), Some(FileKind::Pdf));
    /// assert_eq!(FileKind::from_extension("cv.odt"), None);
    /// ```
    pub fn from_extension(name: &str) -> Option<FileKind> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "pdf" => Some(FileKind::Pdf),
            "docx" => Some(FileKind::Docx),
            "txt" | "text" | "md" => Some(FileKind::Text),
            _ => None,
        }
    }

    /// The name used in messages: `PDF`, `DOCX`, `text`.
    ///
    /// ```
    /// assert_eq!(atscore::file::FileKind::Docx.name(), "DOCX");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            FileKind::Text => "text",
            FileKind::Pdf => "PDF",
            FileKind::Docx => "DOCX",
        }
    }
}

impl std::str::FromStr for FileKind {
    type Err = Error;

    /// `text`, `pdf` or `docx` (any case).
    ///
    /// ```
    /// let kind: atscore::file::FileKind = "PDF".parse()?;
    /// assert_eq!(kind, atscore::file::FileKind::Pdf);
    /// assert!("odt".parse::<atscore::file::FileKind>().is_err());
    /// # Ok::<(), atscore::Error>(())
    /// ```
    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(FileKind::Text),
            "pdf" => Ok(FileKind::Pdf),
            "docx" => Ok(FileKind::Docx),
            _ => Err(Error::option(
                "kind",
                format!("unknown file kind {s:?}; expected text, pdf or docx"),
            )),
        }
    }
}

/// Where a piece of extracted text came from.
///
/// ATS parsers often skip everything but the body: text in tables, text
/// boxes, headers and footers may be lost, and with it the contact details
/// people like to put there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// The main flow of the document.
    Body,
    /// A table cell.
    Table,
    /// A text box, frame or shape.
    TextBox,
    /// A page header.
    Header,
    /// A page footer.
    Footer,
}

/// A stretch of the extracted text that came from somewhere other than the
/// body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    /// Where it is in [`Extracted::text`] (whole lines, newline excluded).
    pub span: Span,
    /// Where it came from.
    pub origin: Origin,
    /// 1-based page, for PDFs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// One page of a PDF.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageInfo {
    /// 1-based page number.
    pub number: u32,
    /// Where its text is in [`Extracted::text`].
    pub span: Span,
    /// Characters other than white space on the page.
    pub chars: u32,
    /// Columns of text found side by side (1 for a plain page, 0 when the page has no text).
    pub columns: u32,
    /// Images drawn on the page.
    pub images: u32,
}

/// The text of a file and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Extracted {
    /// What the file was.
    pub kind: FileKind,
    /// The text: one line per line of the page or paragraph of the document,
    /// a blank line between blocks and between pages.
    pub text: String,
    /// Pages: one per PDF page; for a DOCX, none (Word lays out pages when
    /// it shows them; see [`Extracted::page_count`]).
    pub pages: Vec<PageInfo>,
    /// Pages of the document: the PDF's pages, or the count Word saved in
    /// the DOCX's properties (absent when it saved none).
    pub page_count: Option<u32>,
    /// The most columns of text side by side anywhere in the document (a
    /// DOCX section's column setting, or columns found on a PDF page); 1 for
    /// a single column, 0 when there is no text.
    pub columns: u32,
    /// Text that came from tables, text boxes, headers and footers, in text order.
    pub regions: Vec<Region>,
    /// Images in the document.
    pub images: u32,
}

/// Limits of file reading, each with a default sized for resumes; going
/// over one is an [`Error::FileLimit`] naming the option.
///
/// ```
/// let o = atscore::file::FileOptions::default();
/// assert_eq!((o.max_file_bytes, o.max_pages), (32 << 20, 50));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FileOptions {
    /// Largest file, in bytes.
    pub max_file_bytes: usize,
    /// Most pages of a PDF.
    pub max_pages: usize,
    /// Most bytes unpacked from a file's compressed parts (PDF streams, the
    /// parts of a DOCX), all together: what stops a zip bomb.
    pub max_unpacked_bytes: usize,
    /// Most text drawing operations run in a PDF (forms drawn many times
    /// count each time): what stops a PDF that takes forever to draw.
    pub max_operations: usize,
}

impl Default for FileOptions {
    fn default() -> Self {
        FileOptions {
            max_file_bytes: 32 << 20,
            max_pages: 50,
            max_unpacked_bytes: 128 << 20,
            max_operations: 5_000_000,
        }
    }
}

impl FileOptions {
    /// Check that every limit is at least 1; the error names the option.
    ///
    /// ```
    /// let mut o = atscore::file::FileOptions::default();
    /// o.max_pages = 0;
    /// assert!(o.validate().unwrap_err().to_string().contains("file.max_pages"));
    /// ```
    pub fn validate(&self) -> Result<()> {
        for (name, value) in [
            ("max_file_bytes", self.max_file_bytes),
            ("max_pages", self.max_pages),
            ("max_unpacked_bytes", self.max_unpacked_bytes),
            ("max_operations", self.max_operations),
        ] {
            if value == 0 {
                return Err(Error::option(&format!("file.{name}"), "must be at least 1"));
            }
        }
        Ok(())
    }

    /// The error [`extract`] gives for a file of `len` bytes, if it is over
    /// `max_file_bytes`: check a file's size before reading it.
    ///
    /// ```
    /// let o = atscore::file::FileOptions { max_file_bytes: 100, ..Default::default() };
    /// assert!(o.check_file_len(100).is_ok());
    /// assert!(matches!(o.check_file_len(101), Err(atscore::Error::FileLimit { value: 101, limit: 100, .. })));
    /// ```
    pub fn check_file_len(&self, len: u64) -> Result<()> {
        if len > self.max_file_bytes as u64 {
            return Err(self.over("file size in bytes", len, "max_file_bytes"));
        }
        Ok(())
    }

    /// The error for going over a limit.
    pub(crate) fn over(&self, what: &str, value: u64, option: &str) -> Error {
        let limit = match option {
            "max_file_bytes" => self.max_file_bytes,
            "max_pages" => self.max_pages,
            "max_unpacked_bytes" => self.max_unpacked_bytes,
            _ => self.max_operations,
        };
        Error::FileLimit {
            what: what.to_string(),
            value,
            limit: limit as u64,
            option: option.to_string(),
        }
    }
}

/// The text of a file: a PDF, a DOCX or UTF-8 text, told by its content
/// unless `kind` says which (a `kind` that contradicts the content is an
/// error, not a guess).
///
/// Errors: [`Error::FileLimit`] past a limit of `options`,
/// [`Error::EncryptedFile`], [`Error::CorruptFile`] for a damaged file,
/// [`Error::UnsupportedFile`] for other binary files (an old `.doc`, an
/// image, a ZIP that holds no Word document) and for a kind this build was
/// compiled without, [`Error::InvalidUtf8`] for text that is not UTF-8.
///
/// ```
/// use atscore::file::{extract, FileKind, FileOptions};
/// let err = extract(b"%PDF-1.4 truncated", Some(FileKind::Docx), &FileOptions::default()).unwrap_err();
/// assert!(err.to_string().contains("PDF"));
/// ```
pub fn extract(bytes: &[u8], kind: Option<FileKind>, options: &FileOptions) -> Result<Extracted> {
    options.validate()?;
    options.check_file_len(bytes.len() as u64)?;
    let detected = FileKind::detect(bytes);
    let kind = match (kind, detected) {
        (Some(asked), Some(found)) if asked != found => {
            return Err(Error::UnsupportedFile {
                kind: found.name().to_string(),
                reason: format!(
                    "it was given as {} but its content is {}",
                    asked.name(),
                    found.name()
                ),
            });
        }
        (Some(FileKind::Text), None) => {
            // the UTF-8 error names the offset
            crate::error::text_from_bytes(bytes)?;
            FileKind::Text
        }
        (Some(FileKind::Docx), None) if encrypted_office(bytes) => {
            return Err(Error::EncryptedFile {
                kind: "DOCX".to_string(),
            });
        }
        (Some(asked), None) => {
            return Err(Error::CorruptFile {
                kind: asked.name().to_string(),
                reason: format!("it does not start like a {} file", asked.name()),
            });
        }
        (_, Some(found)) => found,
        (None, None) => return Err(unknown_binary(bytes)),
    };
    match kind {
        FileKind::Text => {
            let text = crate::error::text_from_bytes(bytes)?;
            Ok(Extracted {
                kind,
                text: text.to_string(),
                columns: u32::from(!text.trim().is_empty()),
                ..Extracted::default()
            })
        }
        FileKind::Pdf => extract_pdf(bytes, options),
        FileKind::Docx => extract_docx(bytes, options),
    }
}

#[cfg(feature = "pdf")]
fn extract_pdf(bytes: &[u8], options: &FileOptions) -> Result<Extracted> {
    pdf::extract(bytes, options)
}

#[cfg(not(feature = "pdf"))]
fn extract_pdf(_: &[u8], _: &FileOptions) -> Result<Extracted> {
    Err(not_built("PDF", "pdf"))
}

#[cfg(feature = "docx")]
fn extract_docx(bytes: &[u8], options: &FileOptions) -> Result<Extracted> {
    docx::extract(bytes, options)
}

#[cfg(not(feature = "docx"))]
fn extract_docx(_: &[u8], _: &FileOptions) -> Result<Extracted> {
    Err(not_built("DOCX", "docx"))
}

#[allow(dead_code)] // used when a feature is off
fn not_built(kind: &str, feature: &str) -> Error {
    Error::UnsupportedFile {
        kind: kind.to_string(),
        reason: format!(
            "this build of atscore reads no {kind} files (it was compiled without the `{feature}` feature); export the resume as plain text"
        ),
    }
}

/// Whether `bytes` are an OLE compound file whose directory names an
/// `EncryptedPackage` stream (UTF-16LE): how Office saves a password-protected
/// .docx (an old `.doc` has a `WordDocument` stream instead).
fn encrypted_office(bytes: &[u8]) -> bool {
    const NAME: &[u8] = b"E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
    bytes.starts_with(OLE) && find(bytes, NAME).is_some()
}

/// The signature of an OLE compound file (old Office files, encrypted new ones).
const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The error for binary content that is no PDF, DOCX or text.
fn unknown_binary(bytes: &[u8]) -> Error {
    if encrypted_office(bytes) {
        return Error::EncryptedFile {
            kind: "DOCX".to_string(),
        };
    }
    let (kind, reason) = if bytes.starts_with(OLE) {
        (
            "DOC",
            "it is an old Word .doc file (or another old Office file); open it in Word or LibreOffice and save it as .docx or PDF",
        )
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        (
            "UTF-16 text",
            "it is text in UTF-16 (Notepad's \"Unicode\"); save it as UTF-8 text",
        )
    } else if bytes.starts_with(b"{\\rtf") {
        ("RTF", "it is an RTF file; save it as .docx or PDF")
    } else if bytes.starts_with(b"\x89PNG") || bytes.starts_with(b"\xFF\xD8\xFF") {
        (
            "image",
            "it is an image; an ATS cannot read the text of a picture: export the resume from your editor as PDF or .docx",
        )
    } else if let Err(e @ Error::InvalidUtf8 { binary: false, .. }) =
        crate::error::text_from_bytes(bytes)
    {
        // text with a stray non-UTF-8 byte (Latin-1, say): name the byte
        return e;
    } else {
        ("binary", "it is neither a PDF, a DOCX nor UTF-8 text")
    };
    Error::UnsupportedFile {
        kind: kind.to_string(),
        reason: reason.to_string(),
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Builds the text of an extraction line by line, keeping the regions and
/// pages, and stops at a size bound. Both extractors write through it, so
/// they lay text out the same way.
#[allow(dead_code)] // used by the extractors behind features
pub(crate) struct TextBuilder {
    out: Extracted,
    max_text_bytes: usize,
    page_start: Option<(u32, usize)>,
}

#[allow(dead_code)] // used by the extractors behind features
impl TextBuilder {
    /// An empty text of `kind`; text past `max_text_bytes` is a
    /// [`Error::FileLimit`] on `max_unpacked_bytes`.
    pub(crate) fn new(kind: FileKind, max_text_bytes: usize) -> Self {
        TextBuilder {
            out: Extracted {
                kind,
                ..Extracted::default()
            },
            max_text_bytes,
            page_start: None,
        }
    }

    /// Append one line from `origin`. Control characters become spaces,
    /// runs of white space one space, and the ends are trimmed; an empty
    /// line is skipped (use [`TextBuilder::blank`] for paragraph breaks).
    pub(crate) fn line(&mut self, line: &str, origin: Origin, options: &FileOptions) -> Result<()> {
        let mut clean = String::with_capacity(line.len());
        for c in line.chars() {
            if c.is_whitespace() || c.is_control() {
                if !clean.is_empty() && !clean.ends_with(' ') {
                    clean.push(' ');
                }
            } else {
                clean.push(c);
            }
        }
        let clean = clean.trim_end();
        if clean.is_empty() {
            return Ok(());
        }
        if self.out.text.len() + clean.len() + 1 > self.max_text_bytes {
            return Err(options.over(
                "bytes of text extracted (at least)",
                (self.out.text.len() + clean.len() + 1) as u64,
                "max_unpacked_bytes",
            ));
        }
        let start = self.out.text.len();
        self.out.text.push_str(clean);
        let end = self.out.text.len();
        self.out.text.push('\n');
        if origin != Origin::Body {
            let page = self.page_start.map(|(n, _)| n);
            match self.out.regions.last_mut() {
                // one region for consecutive lines of the same origin (and page)
                Some(last)
                    if last.origin == origin
                        && last.page == page
                        && self.out.text[last.span.end..start].trim().is_empty() =>
                {
                    last.span.end = end;
                }
                _ => self.out.regions.push(Region {
                    span: Span { start, end },
                    origin,
                    page,
                }),
            }
        }
        Ok(())
    }

    /// End a block: one blank line (never two in a row, none at the start).
    pub(crate) fn blank(&mut self) {
        if !self.out.text.is_empty() && !self.out.text.ends_with("\n\n") {
            self.out.text.push('\n');
        }
    }

    /// Start page `number` (1-based).
    pub(crate) fn begin_page(&mut self, number: u32) {
        self.blank();
        self.page_start = Some((number, self.out.text.len()));
    }

    /// End the page begun last, with what the extractor found on it.
    pub(crate) fn end_page(&mut self, columns: u32, images: u32) {
        let Some((number, start)) = self.page_start.take() else {
            return;
        };
        let end = self.out.text.len();
        let chars = self.out.text[start..end]
            .chars()
            .filter(|c| !c.is_whitespace())
            .count() as u32;
        self.out.pages.push(PageInfo {
            number,
            span: Span { start, end },
            chars,
            columns: if chars == 0 { 0 } else { columns.max(1) },
            images,
        });
        self.out.images += images;
        self.out.columns = self
            .out
            .columns
            .max(if chars == 0 { 0 } else { columns.max(1) });
    }

    /// Note images outside of pages (DOCX).
    pub(crate) fn images(&mut self, n: u32) {
        self.out.images += n;
    }

    /// Note the columns of a DOCX section.
    pub(crate) fn columns(&mut self, n: u32) {
        self.out.columns = self.out.columns.max(n);
    }

    /// Text written so far.
    pub(crate) fn text(&self) -> &str {
        &self.out.text
    }

    /// The extraction, with `page_count` (PDF pages or DOCX properties).
    pub(crate) fn finish(mut self, page_count: Option<u32>) -> Extracted {
        while self.out.text.ends_with("\n\n") {
            self.out.text.pop();
        }
        // an empty last page began after a blank line just trimmed
        let len = self.out.text.len();
        for p in &mut self.out.pages {
            p.span.start = p.span.start.min(len);
            p.span.end = p.span.end.min(len);
        }
        self.out.page_count = page_count;
        if self.out.columns == 0 && !self.out.text.trim().is_empty() {
            self.out.columns = 1;
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_lays_out_lines_blocks_and_regions() {
        let o = FileOptions::default();
        let mut b = TextBuilder::new(FileKind::Docx, 1 << 20);
        b.line("  Jane\tDoe  ", Origin::Header, &o).unwrap();
        b.line("jane@example.com", Origin::Header, &o).unwrap();
        b.blank();
        b.blank();
        b.line("EXPERIENCE", Origin::Body, &o).unwrap();
        b.line("", Origin::Body, &o).unwrap();
        b.line("Rust | 5 years", Origin::Table, &o).unwrap();
        b.blank();
        let e = b.finish(Some(2));
        assert_eq!(
            e.text,
            "Jane Doe\njane@example.com\n\nEXPERIENCE\nRust | 5 years\n"
        );
        assert_eq!(e.regions.len(), 2);
        let header = &e.text[e.regions[0].span.start..e.regions[0].span.end];
        assert_eq!(header, "Jane Doe\njane@example.com");
        assert_eq!(e.regions[1].origin, Origin::Table);
        assert_eq!((e.page_count, e.columns), (Some(2), 1));
    }

    #[test]
    fn builder_counts_pages_and_stops_at_the_bound() {
        let o = FileOptions::default();
        let mut b = TextBuilder::new(FileKind::Pdf, 40);
        b.begin_page(1);
        b.line("Left column text", Origin::Body, &o).unwrap();
        b.end_page(2, 1);
        b.begin_page(2);
        b.end_page(1, 3);
        b.begin_page(3);
        b.line("Last", Origin::Body, &o).unwrap();
        b.blank();
        b.end_page(1, 0);
        let err = b
            .line("x".repeat(40).as_str(), Origin::Body, &o)
            .unwrap_err();
        assert!(matches!(err, Error::FileLimit { .. }), "{err}");
        let e = b.finish(Some(3));
        assert_eq!(e.pages.len(), 3);
        // the trailing blank line is trimmed, and the last page ends with the text
        assert!(e.text.ends_with("Last\n"), "{:?}", e.text);
        assert_eq!(e.pages[2].span.end, e.text.len());
        assert_eq!((e.pages[0].chars, e.pages[0].columns), (14, 2));
        assert_eq!((e.pages[1].chars, e.pages[1].columns), (0, 0));
        assert!(e.pages.iter().all(|p| e.text.get(p.span.range()).is_some()));
        assert_eq!((e.images, e.columns), (4, 2));
    }

    #[test]
    fn kinds_are_told_by_content() {
        let o = FileOptions::default();
        let e = extract(b"\x89PNG\r\n\x1a\n\0\0", None, &o).unwrap_err();
        assert!(e.to_string().contains("image"), "{e}");
        let e = extract(b"\xff\xfeJ\0a\0n\0e\0", None, &o).unwrap_err();
        assert!(e.to_string().contains("UTF-16"), "{e}");
        let e = extract(b"\0\xff\xfe\0binary", None, &o).unwrap_err();
        assert!(matches!(e, Error::UnsupportedFile { .. }), "{e}");
        let e = extract(b"Jane", Some(FileKind::Pdf), &o).unwrap_err();
        assert!(e.to_string().contains("given as PDF"), "{e}");
        let e = extract(b"Skills: SQL \xe9 Docker", None, &o).unwrap_err();
        assert!(
            matches!(
                e,
                Error::InvalidUtf8 {
                    offset: 12,
                    binary: false
                }
            ),
            "{e}"
        );
        let e = extract(b"\xff\xfe", Some(FileKind::Text), &o).unwrap_err();
        assert!(matches!(e, Error::InvalidUtf8 { offset: 0, .. }), "{e}");
        let small = FileOptions {
            max_file_bytes: 3,
            ..o
        };
        let e = extract(b"Jane", None, &small).unwrap_err();
        assert_eq!(
            e.to_string(),
            "file size in bytes: 4, the limit is 3 (option `file.max_file_bytes`)"
        );
    }
}
