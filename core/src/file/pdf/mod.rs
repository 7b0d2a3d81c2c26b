//! PDF to text, in the order a person reads the page.
//!
//! [lopdf] parses the file, decrypts it (with the empty user password, which
//! opens the many PDFs that only carry an owner password), decodes streams
//! and knows the fonts' encodings; this module runs each page's content
//! stream and lays the glyphs it draws out as lines.
//!
//! # Drawing
//!
//! The content stream is run with its graphics state (`q`/`Q`, `cm`) and its
//! text state (`BT`/`ET`, `Tf`, `Td`, `TD`, `Tm`, `T*`, `TL`, `Tc`, `Tw`,
//! `Tz`, `Ts`, `Tj`, `TJ`, `'`, `"`). Each glyph gets a position on the page
//! from the text and transformation matrices and an advance from the font's
//! widths (`/Widths`, `/FirstChar`, `/MissingWidth`; `/W` and `/DW` of a
//! Type0 font's descendant; the real metrics of Helvetica, Times and Courier
//! for the standard fonts that carry none). Its text comes from the font's
//! `/ToUnicode` map first, then from its encoding (`/Encoding`, with
//! `/Differences`); a glyph that maps to nothing is U+FFFD, which the
//! readability checks count. Form XObjects are drawn with their own
//! resources and matrix (nested at most [`MAX_FORM_DEPTH`] deep, a form that
//! draws itself is skipped); images (XObjects and inline) are counted.
//!
//! # Reading order
//!
//! Glyphs that follow each other on a baseline become runs; a space glyph
//! ends a run. Runs whose baselines are within 0.4 em make a line; in a line
//! the runs go left to right, with a space where the gap is wider than
//! [`WORD_GAP`] em (so a word drawn glyph by glyph stays a word, and a
//! large negative `TJ` adjustment reads as a space). Gaps are measured from
//! where the pen stands after a glyph, character spacing included, so
//! letter-spaced headings stay whole words.
//!
//! Lines go top to bottom, except in columns: a vertical gutter (an x band at
//! least [`SEGMENT_GAP`] em wide that no text crosses) splitting a run of at
//! least two lines on each side into a left and a right group makes two
//! columns, read left then right; each side may split again (three
//! columns). Full-width lines (a name and contact line above a sidebar, a
//! heading across the page) stay where they are and split the page into
//! zones read one after the other, as does white space across the page
//! higher than 2.5 lines. A zone where most lines of the shorter side share
//! their baseline (within 0.15 em) with text on the other side is a table,
//! or labels beside their text (dates in a margin next to each job title),
//! not columns, and is read row by row. A vertical gap clearly wider than
//! the usual line spacing starts a new block (a blank line in the text), so
//! headings and paragraphs stay apart; each visual line is one line of
//! text, so bullets and section headings are found as in a text resume.
//!
//! Text rotated off the horizontal (a vertical label in a sidebar, a page
//! with `/Rotate`) is kept in drawing order after the page's other text.
//!
//! # Headers and footers
//!
//! Text marked as a pagination artifact (`/Artifact` with `/Subtype /Header`
//! or `/Footer`, or `/Type /Pagination`, placed by its position) is a header
//! or footer; so are, in a document of two pages or more, lines in the top or
//! bottom [`EDGE_BAND`] of the page whose text (digits ignored) comes back on
//! most pages. A page's header lines come first in its text and its footer
//! lines last, as [`Origin::Header`] and [`Origin::Footer`] regions.
//!
//! # Limits
//!
//! Tables and text boxes cannot be told apart from body text in an untagged
//! PDF (they are just glyphs at positions), so everything else is
//! [`Origin::Body`]. Two columns whose baselines line up on a common grid
//! for most of the shorter one read as a table, row by row; a title above
//! the columns that neither crosses the gutter nor stands clearly apart
//! from the column below it is read as part of that column. Type0 fonts are
//! read with two-byte codes (Identity-H and the UCS-2 CMaps; other CMaps
//! are rare in resumes), and a Type0 font without `/ToUnicode` that is not
//! UCS-2 gives U+FFFD, as it does for many ATS parsers. Widths missing from
//! a font's `/Widths` are taken as the average of the others. Text is read
//! whether or not it shows (white, clipped, in a hidden layer, render mode
//! 3 as in scanned pages with an OCR layer), as a parser reads it; the text
//! of annotations and form fields is not read.
//!
//! Every loop is bounded: more pages than `max_pages` stop before any page
//! is read; bytes unpacked from compressed streams (object streams while
//! loading, content streams, forms, `/ToUnicode` maps) count against
//! `max_unpacked_bytes` (the object streams of an encrypted file, which
//! lopdf decrypts and unpacks on a path without our load filter, only
//! stream by stream), and so does the text drawn; operators run (forms
//! count each time they are drawn), glyphs drawn and 1 per
//! [`BYTES_PER_OP`] bytes of content parsed count against `max_operations`.

use std::cell::Cell;

use lopdf::{DecompressError, Document, LoadOptions, Object, ObjectId, Stream};

use super::{Extracted, FileKind, FileOptions, Origin, TextBuilder};

mod fonts;
mod geometry;
mod ink;
mod interp;
mod layout;
mod text;
use crate::error::{Error, Result};
use interp::Interp;
use text::write_text;

/// Deepest nesting of Form XObjects drawn.
pub(super) const MAX_FORM_DEPTH: usize = 8;
/// Deepest `q` nesting kept; deeper saves are counted, not stored.
pub(super) const MAX_STATE_DEPTH: usize = 64;
/// Deepest marked-content nesting kept.
pub(super) const MAX_MARK_DEPTH: usize = 64;
/// Bytes of content stream parsed per operation charged.
pub(super) const BYTES_PER_OP: usize = 64;
/// A gap between glyphs wider than this many em is a space.
pub(super) const WORD_GAP: f32 = 0.18;
/// A gap between runs wider than this many em may be a column gutter.
pub(super) const SEGMENT_GAP: f32 = 0.9;
/// Share of the page height at the top and bottom where headers and footers live.
pub(super) const EDGE_BAND: f32 = 0.07;
/// Most codes a `/ToUnicode` map may cover: lopdf builds a reverse map
/// entry for every code of every range, so a map covering 2^32 codes would
/// never finish.
pub(super) const MAX_CMAP_CODES: usize = 1 << 17;
/// Most characters kept from one glyph (a ligature is 2 or 3).
pub(super) const MAX_GLYPH_CHARS: usize = 8;
/// The text of a glyph that maps to no character.
pub(super) const REPLACEMENT: &str = "\u{FFFD}";

/// The text of a PDF file.
///
/// Errors: [`Error::EncryptedFile`] when the empty password does not open
/// it, [`Error::CorruptFile`] when lopdf cannot read it (or, natively,
/// panics on it), [`Error::FileLimit`] past a limit of `options`.
pub(crate) fn extract(bytes: &[u8], options: &FileOptions) -> Result<Extracted> {
    guarded(|| extract_unguarded(bytes, options))
}

/// Run `f`, turning a panic (of lopdf, on some malformed file) into
/// [`Error::CorruptFile`]. The last line of defence only: wasm32 aborts on
/// panic, so nothing here relies on it.
#[cfg(not(target_arch = "wasm32"))]
fn guarded(f: impl FnOnce() -> Result<Extracted>) -> Result<Extracted> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(corrupt(
            "the PDF reader failed on its damaged content; export the resume again as PDF"
                .to_string(),
        ))
    })
}

/// On wasm32 a panic aborts, so there is nothing to catch.
#[cfg(target_arch = "wasm32")]
fn guarded(f: impl FnOnce() -> Result<Extracted>) -> Result<Extracted> {
    f()
}

/// [`extract`] without the panic guard: load, count the pages, run each
/// page, lay out and write the text.
fn extract_unguarded(bytes: &[u8], options: &FileOptions) -> Result<Extracted> {
    let (doc, unpacked) = load(bytes, options)?;
    let mut ids = Vec::new();
    let mut iter = doc.page_iter();
    while let Some(id) = iter.next() {
        if ids.len() == options.max_pages {
            let total = ids.len() + 1 + iter.count();
            return Err(options.over("pages", total as u64, "max_pages"));
        }
        ids.push(id);
    }
    if ids.is_empty() {
        return Err(corrupt(
            "it has no pages that can be read (its list of pages is missing or damaged); export the resume again as PDF"
                .to_string(),
        ));
    }
    let mut interp = Interp::new(
        &doc,
        Budget {
            options,
            unpacked,
            ops: 0,
        },
    );
    let mut pages = Vec::with_capacity(ids.len());
    for id in &ids {
        pages.push(interp.page(*id)?);
    }
    Ok(write_text(pages, options)?.finish(Some(ids.len() as u32)))
}

// ---------------------------------------------------------------------------
// Loading

thread_local! {
    /// Bytes object streams may still unpack during the load on this thread.
    static LOAD_LEFT: Cell<usize> = const { Cell::new(0) };
    /// Whether an object stream went over [`LOAD_LEFT`].
    static LOAD_OVER: Cell<bool> = const { Cell::new(false) };
}

/// lopdf's load filter: charges every object stream's unpacked size to
/// [`LOAD_LEFT`] (lopdf bounds each stream, not their sum) and drops one
/// that goes over, noting it in [`LOAD_OVER`].
///
/// lopdf keeps the object it passed for an object of the file (whatever
/// the filter returns) but takes the returned one for an object inside an
/// object stream; only the former can be a stream, so a stream is left in
/// place and anything else returned as a copy.
fn charge_object_stream(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    let Object::Stream(stream) = &*object else {
        return Some((id, object.clone()));
    };
    if stream.dict.has_type(b"ObjStm") {
        let left = LOAD_LEFT.with(Cell::get);
        match stream.decompressed_content_with_limit(left) {
            Ok(data) => LOAD_LEFT.with(|l| l.set(left.saturating_sub(data.len()))),
            Err(lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { .. })) => {
                LOAD_OVER.with(|o| o.set(true));
                return None;
            }
            Err(_) => {}
        }
    }
    Some((id, Object::Null))
}

/// Load the document; returns it with the bytes its object streams unpacked.
fn load(bytes: &[u8], options: &FileOptions) -> Result<(Document, usize)> {
    let attempt = |force_reconstruct: bool| {
        LOAD_LEFT.with(|l| l.set(options.max_unpacked_bytes));
        LOAD_OVER.with(|o| o.set(false));
        let loaded = Document::load_mem_with_options(
            bytes,
            LoadOptions {
                filter: Some(charge_object_stream),
                max_decompressed_size: Some(options.max_unpacked_bytes),
                force_reconstruct,
                ..LoadOptions::default()
            },
        );
        let used = options
            .max_unpacked_bytes
            .saturating_sub(LOAD_LEFT.with(Cell::get));
        (loaded, LOAD_OVER.with(Cell::get), used)
    };
    let over = |options: &FileOptions| {
        options.over(
            "bytes unpacked from compressed streams (at least)",
            options.max_unpacked_bytes as u64 + 1,
            "max_unpacked_bytes",
        )
    };
    let (loaded, went_over, mut used) = attempt(false);
    if went_over {
        return Err(over(options));
    }
    let mut doc = loaded.map_err(|e| load_error(e, options))?;
    if doc.trailer.has(b"Encrypt") {
        // lopdf tried the empty password and removes /Encrypt when it opens
        return Err(Error::EncryptedFile {
            kind: "PDF".to_string(),
        });
    }
    if !page_tree_loaded(&doc) {
        // lopdf rebuilds a damaged file's cross-reference table only for a
        // load without a filter; ask for it
        if let (Ok(rebuilt), false, again) = attempt(true) {
            if page_tree_loaded(&rebuilt) && !rebuilt.trailer.has(b"Encrypt") {
                doc = rebuilt;
                used = again;
            }
        }
    }
    Ok((doc, used))
}

/// Whether the catalog leads to a page tree with `/Kids`.
fn page_tree_loaded(doc: &Document) -> bool {
    doc.catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .and_then(|root| root.get_deref(b"Kids", doc))
        .and_then(Object::as_array)
        .is_ok()
}

/// Our error for lopdf's failure to load a file.
fn load_error(e: lopdf::Error, options: &FileOptions) -> Error {
    use lopdf::{Error as E, ParseError as P};
    match e {
        E::Decompress(DecompressError::MemoryLimitExceeded { .. }) => options.over(
            "bytes unpacked from one compressed stream (at least)",
            options.max_unpacked_bytes as u64 + 1,
            "max_unpacked_bytes",
        ),
        E::Decryption(_) | E::InvalidPassword | E::UnsupportedSecurityHandler(_) => {
            Error::EncryptedFile {
                kind: "PDF".to_string(),
            }
        }
        E::Parse(P::InvalidFileHeader) => {
            corrupt("it does not start like a PDF file should; export the resume again as PDF".to_string())
        }
        E::Parse(_)
        | E::Xref(_)
        | E::MissingXrefEntry
        | E::InvalidOffset(_)
        | E::IndirectObject { .. }
        | E::ObjectNotFound(_) => corrupt(
            "it is damaged or cut short: its table of contents (the cross-reference table) cannot be read, and its pages were not found by scanning the file either; export the resume again as PDF"
                .to_string(),
        ),
        other => corrupt(format!(
            "it is damaged or uses PDF features this reader does not know ({other}); export the resume again as PDF"
        )),
    }
}

/// A [`Error::CorruptFile`] for a PDF.
fn corrupt(reason: String) -> Error {
    Error::CorruptFile {
        kind: "PDF".to_string(),
        reason,
    }
}

// ---------------------------------------------------------------------------
// Limits

/// What the extraction has used of the limits of [`FileOptions`].
pub(super) struct Budget<'o> {
    /// The limits.
    options: &'o FileOptions,
    /// Bytes unpacked from streams so far.
    unpacked: usize,
    /// Operations charged so far.
    ops: usize,
}

impl Budget<'_> {
    /// Charge `n` operations.
    fn ops(&mut self, n: usize) -> Result<()> {
        self.ops = self.ops.saturating_add(n);
        if self.ops > self.options.max_operations {
            return Err(self.options.over(
                "drawing operations run (at least)",
                self.ops as u64,
                "max_operations",
            ));
        }
        Ok(())
    }

    /// The unpacked content of `stream`, charged; `None` when it cannot be
    /// decoded (an unknown or broken filter: the stream is skipped).
    fn unpack(&mut self, stream: &Stream) -> Result<Option<Vec<u8>>> {
        let left = self
            .options
            .max_unpacked_bytes
            .saturating_sub(self.unpacked);
        match stream.decompressed_content_with_limit(left) {
            Ok(data) => {
                self.unpacked = self.unpacked.saturating_add(data.len());
                Ok(Some(data))
            }
            Err(lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { .. })) => {
                Err(self.options.over(
                    "bytes unpacked from compressed streams (at least)",
                    self.options.max_unpacked_bytes as u64 + 1,
                    "max_unpacked_bytes",
                ))
            }
            Err(_) => Ok(None),
        }
    }
}
