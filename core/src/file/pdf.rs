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
use std::rc::Rc;

use crate::hash::Map;
use lopdf::content::{Content, Operation};
use lopdf::{
    DecompressError, Dictionary, Document, Encoding, LoadOptions, Object, ObjectId, Stream,
};

use super::{Extracted, FileKind, FileOptions, Origin, TextBuilder};
use crate::error::{Error, Result};

/// Deepest nesting of Form XObjects drawn.
const MAX_FORM_DEPTH: usize = 8;
/// Deepest `q` nesting kept; deeper saves are counted, not stored.
const MAX_STATE_DEPTH: usize = 64;
/// Deepest marked-content nesting kept.
const MAX_MARK_DEPTH: usize = 64;
/// Bytes of content stream parsed per operation charged.
const BYTES_PER_OP: usize = 64;
/// A gap between glyphs wider than this many em is a space.
const WORD_GAP: f32 = 0.18;
/// A gap between runs wider than this many em may be a column gutter.
const SEGMENT_GAP: f32 = 0.9;
/// Share of the page height at the top and bottom where headers and footers live.
const EDGE_BAND: f32 = 0.07;
/// Most codes a `/ToUnicode` map may cover: lopdf builds a reverse map
/// entry for every code of every range, so a map covering 2^32 codes would
/// never finish.
const MAX_CMAP_CODES: usize = 1 << 17;
/// Most characters kept from one glyph (a ligature is 2 or 3).
const MAX_GLYPH_CHARS: usize = 8;
/// The text of a glyph that maps to no character.
const REPLACEMENT: &str = "\u{FFFD}";

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
struct Budget<'o> {
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

// ---------------------------------------------------------------------------
// Geometry

/// A PDF transformation matrix `[a b c d e f]` (row vector convention).
#[derive(Debug, Clone, Copy)]
struct Matrix([f32; 6]);

impl Matrix {
    /// The identity.
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// A translation.
    fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// This transformation followed by `o`.
    fn then(self, o: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = o.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    /// The image of point `(x, y)`.
    fn apply(self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (x * a + y * c + e, x * b + y * d + f)
    }

    /// Six finite numbers.
    fn from_objects(objects: &[Object]) -> Option<Matrix> {
        if objects.len() != 6 {
            return None;
        }
        let mut m = [0.0; 6];
        for (slot, o) in m.iter_mut().zip(objects) {
            *slot = num(o)?;
        }
        Some(Matrix(m))
    }
}

/// A finite number.
fn num(o: &Object) -> Option<f32> {
    let v = match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => return None,
    };
    v.is_finite().then_some(v)
}

/// `o`, or the object it refers to.
fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map_or(o, |(_, o)| o)
}

/// Operand `i` as a number.
fn num_arg(args: &[Object], i: usize) -> Option<f32> {
    args.get(i).and_then(num)
}

/// Operand `i` as a name.
fn name_arg(args: &[Object], i: usize) -> Option<&[u8]> {
    match args.get(i) {
        Some(Object::Name(n)) => Some(n),
        _ => None,
    }
}

/// Operand `i` as a string.
fn str_arg(args: &[Object], i: usize) -> Option<&[u8]> {
    match args.get(i) {
        Some(Object::String(s, _)) => Some(s),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// What a page draws

/// Where marked content puts text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Ordinary content.
    Body,
    /// A header artifact.
    Header,
    /// A footer artifact.
    Footer,
    /// A pagination artifact: header or footer by its position.
    Pagination,
}

/// Glyphs drawn one after the other on a baseline, without a space glyph.
#[derive(Debug, Clone)]
struct Run {
    /// Left edge.
    x0: f32,
    /// Right edge: where the pen was after its last glyph.
    x1: f32,
    /// Baseline.
    y: f32,
    /// Font size on the page.
    size: f32,
    /// Where its text starts in [`Ink::text`].
    start: u32,
    /// Where its text ends in [`Ink::text`].
    end: u32,
    /// Whether a space glyph followed it.
    space_after: bool,
    /// The marked content it was drawn in.
    mark: Mark,
}

/// A line of text drawn off the horizontal, in drawing order.
#[derive(Debug, Clone)]
struct RotLine {
    /// Its text so far.
    text: String,
    /// Where the next glyph would start.
    end: (f32, f32),
    /// The marked content it was drawn in.
    mark: Mark,
    /// A space glyph came after the last glyph.
    space: bool,
}

/// Everything a page drew.
#[derive(Debug, Default)]
struct Ink {
    /// Horizontal runs, in drawing order.
    runs: Vec<Run>,
    /// The text of all runs.
    text: String,
    /// Text drawn off the horizontal.
    rotated: Vec<RotLine>,
    /// Whether the last run may take the next glyph.
    open: bool,
    /// Whether the last rotated line may take the next glyph.
    rot_open: bool,
    /// Images drawn (XObjects and inline).
    images: u32,
    /// Bytes of text drawn (runs and rotated lines).
    drawn: usize,
    /// The page's visible box `[x0, y0, x1, y1]`.
    bbox: [f32; 4],
}

/// One glyph, placed.
struct Glyph<'a> {
    /// Its origin on the page.
    x: f32,
    /// Its baseline on the page.
    y: f32,
    /// Where the pen is after it (its advance and the character spacing).
    x_end: f32,
    /// The pen's y after it (the baseline, unless it is rotated).
    y_end: f32,
    /// Font size on the page.
    em: f32,
    /// Whether the baseline runs left to right.
    horizontal: bool,
    /// Its text.
    text: &'a str,
    /// The marked content it was drawn in.
    mark: Mark,
}

impl Ink {
    /// The text of run `r`.
    fn run_text(&self, r: &Run) -> &str {
        self.text
            .get(r.start as usize..r.end as usize)
            .unwrap_or("")
    }

    /// Add a glyph: to the open run when it follows it, else as a new run.
    fn glyph(&mut self, g: &Glyph<'_>) {
        let space = g.text.chars().all(|c| c.is_whitespace() || c.is_control());
        if !g.horizontal {
            self.rotated_glyph(g, space);
            return;
        }
        if space {
            if self.open {
                if let Some(r) = self.runs.last_mut() {
                    r.space_after = true;
                }
            }
            self.open = false;
            return;
        }
        let em = g.em.max(0.01);
        if self.open {
            let text_len = self.text.len();
            if let Some(r) = self.runs.last_mut() {
                if r.mark == g.mark
                    && (g.y - r.y).abs() <= 0.2 * em.max(r.size)
                    && g.x >= r.x1 - 0.5 * em
                    && g.x - r.x1 <= WORD_GAP * em
                    && r.end as usize == text_len
                {
                    self.drawn += push_glyph_text(&mut self.text, g.text);
                    r.end = self.text.len() as u32;
                    r.x1 = r.x1.max(g.x_end);
                    r.size = r.size.max(em);
                    return;
                }
            }
        }
        let start = self.text.len() as u32;
        self.drawn += push_glyph_text(&mut self.text, g.text);
        self.runs.push(Run {
            x0: g.x.min(g.x_end),
            x1: g.x.max(g.x_end),
            y: g.y,
            size: em,
            start,
            end: self.text.len() as u32,
            space_after: false,
            mark: g.mark,
        });
        self.open = true;
    }

    /// Add a glyph drawn off the horizontal: to the open rotated line when
    /// it follows it (a space when it is a word's width away), else as a
    /// new line.
    fn rotated_glyph(&mut self, g: &Glyph<'_>, space: bool) {
        let em = g.em.max(0.01);
        if self.rot_open {
            if let Some(l) = self.rotated.last_mut() {
                let d = (g.x - l.end.0).hypot(g.y - l.end.1);
                if l.mark == g.mark && d <= 2.0 * em {
                    if space {
                        l.space = true;
                    } else {
                        if l.space || d > WORD_GAP * em {
                            l.text.push(' ');
                            self.drawn += 1;
                        }
                        l.space = false;
                        self.drawn += push_glyph_text(&mut l.text, g.text);
                    }
                    l.end = (g.x_end, g.y_end);
                    return;
                }
            }
        }
        if space {
            return;
        }
        let mut text = String::new();
        self.drawn += push_glyph_text(&mut text, g.text);
        self.rotated.push(RotLine {
            text,
            end: (g.x_end, g.y_end),
            mark: g.mark,
            space: false,
        });
        self.rot_open = true;
    }
}

/// Append a glyph's text, ligatures spelled out, at most
/// [`MAX_GLYPH_CHARS`]; returns the bytes appended.
fn push_glyph_text(out: &mut String, text: &str) -> usize {
    let before = out.len();
    for c in text.chars().take(MAX_GLYPH_CHARS) {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            c => out.push(c),
        }
    }
    out.len() - before
}

// ---------------------------------------------------------------------------
// Fonts

/// Advance widths, in glyph units.
#[derive(Debug)]
enum Widths {
    /// One per byte code.
    Simple(Vec<f32>),
    /// Type0: `/DW` and the ranges of `/W`, sorted by first code.
    Cid {
        /// `/DW`: the width of codes `/W` does not list.
        default: f32,
        /// `(first code, last code, width)`.
        ranges: Vec<(u32, u32, f32)>,
    },
}

/// What the extractor needs of a font: codes, widths, text.
struct Font<'d> {
    /// Type0: codes are two bytes.
    two_byte: bool,
    /// Glyph units to text space (1/1000, or a Type 3 font's matrix).
    scale: f32,
    /// Advance widths, in glyph units.
    widths: Widths,
    /// Text of each byte code of a simple font ("" when none).
    simple: Vec<Box<str>>,
    /// A Type0 font's `/ToUnicode` map.
    to_unicode: Option<Encoding<'d>>,
    /// A Type0 font whose codes are UCS-2.
    ucs2: bool,
    /// Texts of the two-byte codes met so far.
    memo: Map<u32, Box<str>>,
}

impl Font<'_> {
    /// Width of `code` in text space units per unit of font size.
    fn width(&self, code: u32) -> f32 {
        let w = match &self.widths {
            Widths::Simple(w) => w.get(code as usize).copied().unwrap_or(0.0),
            Widths::Cid { default, ranges } => {
                let i = ranges.partition_point(|r| r.0 <= code);
                match i.checked_sub(1).and_then(|i| ranges.get(i)) {
                    Some(&(_, last, w)) if code <= last => w,
                    _ => *default,
                }
            }
        };
        w * self.scale
    }

    /// The text of `code` (`len` bytes).
    fn text(&mut self, code: u32, len: usize) -> &str {
        if !self.two_byte {
            return match self.simple.get(code as usize) {
                Some(s) if !s.is_empty() => s,
                _ => REPLACEMENT,
            };
        }
        let key = code | ((len as u32) << 24);
        let to_unicode = &self.to_unicode;
        let ucs2 = self.ucs2;
        self.memo.entry(key).or_insert_with(|| {
            let mapped = match to_unicode {
                Some(Encoding::UnicodeMapEncoding(map)) => {
                    map.get(code, len as u8).map(|u| utf16(&u))
                }
                _ => None,
            };
            match mapped {
                Some(s) if !s.is_empty() => s.into(),
                _ if ucs2 && len == 2 => char::from_u32(code)
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| REPLACEMENT.to_string())
                    .into(),
                _ => REPLACEMENT.into(),
            }
        })
    }
}

/// UTF-16 code units to text (unpaired surrogates become U+FFFD).
fn utf16(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .map(|c| c.unwrap_or('\u{FFFD}'))
        .collect()
}

/// Load what we need of the font `dict`.
fn load_font<'d>(doc: &'d Document, dict: &'d Dictionary, budget: &mut Budget) -> Result<Font<'d>> {
    let subtype = dict
        .get(b"Subtype")
        .and_then(Object::as_name)
        .unwrap_or(b"");
    let base = dict
        .get(b"BaseFont")
        .and_then(Object::as_name)
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_default();
    if subtype == b"Type0" {
        let descendant = dict
            .get_deref(b"DescendantFonts", doc)
            .and_then(Object::as_array)
            .ok()
            .and_then(|a| a.first())
            .and_then(|d| doc.dereference(d).ok())
            .and_then(|(_, d)| d.as_dict().ok());
        let widths = cid_widths(doc, descendant, budget)?;
        let encoding = dict
            .get(b"Encoding")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let ucs2 = contains(encoding, b"UCS2") || contains(encoding, b"UTF16");
        return Ok(Font {
            two_byte: true,
            scale: 0.001,
            widths,
            simple: Vec::new(),
            to_unicode: to_unicode(doc, dict, budget)?,
            ucs2,
            memo: Map::default(),
        });
    }
    let scale = if subtype == b"Type3" {
        dict.get_deref(b"FontMatrix", doc)
            .and_then(Object::as_array)
            .ok()
            .and_then(|m| m.first())
            .and_then(num)
            .map(f32::abs)
            .filter(|s| *s > 0.0)
            .unwrap_or(0.001)
    } else {
        0.001
    };
    Ok(Font {
        two_byte: false,
        scale,
        widths: Widths::Simple(simple_widths(doc, dict, &base, budget)?),
        simple: simple_texts(doc, dict, budget)?,
        to_unicode: None,
        ucs2: false,
        memo: Map::default(),
    })
}

/// Whether `needle` occurs in `hay`.
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// A Type0 font's widths from its descendant's `/W` and `/DW`.
fn cid_widths(
    doc: &Document,
    descendant: Option<&Dictionary>,
    budget: &mut Budget,
) -> Result<Widths> {
    let default = descendant
        .and_then(|d| d.get_deref(b"DW", doc).ok())
        .and_then(num)
        .unwrap_or(1000.0);
    let mut ranges = Vec::new();
    let w = descendant
        .and_then(|d| d.get_deref(b"W", doc).ok())
        .and_then(|w| w.as_array().ok());
    if let Some(w) = w {
        budget.ops(w.len())?;
        let at = |i: usize| w.get(i).map(|o| deref(doc, o));
        let mut i = 0;
        while let Some(first) = at(i).and_then(num) {
            let first = first.max(0.0) as u32;
            match at(i + 1) {
                Some(Object::Array(list)) => {
                    budget.ops(list.len())?;
                    for (k, width) in list.iter().enumerate() {
                        if let Some(width) = num(width) {
                            let code = first.saturating_add(k as u32);
                            ranges.push((code, code, width));
                        }
                    }
                    i += 2;
                }
                Some(last) => {
                    let (Some(last), Some(width)) = (num(last), at(i + 2).and_then(num)) else {
                        break;
                    };
                    ranges.push((first, last.max(0.0) as u32, width));
                    i += 3;
                }
                None => break,
            }
        }
    }
    ranges.sort_by_key(|r| r.0);
    Ok(Widths::Cid { default, ranges })
}

/// A simple font's 256 widths, in glyph units.
fn simple_widths(
    doc: &Document,
    dict: &Dictionary,
    base: &str,
    budget: &mut Budget,
) -> Result<Vec<f32>> {
    let standard = StandardFont::for_name(base);
    let widths = dict
        .get_deref(b"Widths", doc)
        .and_then(Object::as_array)
        .ok();
    let Some(widths) = widths else {
        return Ok((0..256).map(|c| standard.width(c)).collect());
    };
    budget.ops(widths.len())?;
    let first = dict
        .get_deref(b"FirstChar", doc)
        .ok()
        .and_then(num)
        .unwrap_or(0.0)
        .max(0.0) as usize;
    let values: Vec<Option<f32>> = widths
        .iter()
        .take(256)
        .map(|w| num(deref(doc, w)))
        .collect();
    let known: Vec<f32> = values
        .iter()
        .flatten()
        .copied()
        .filter(|w| *w > 0.0)
        .collect();
    let average = if known.is_empty() {
        500.0
    } else {
        known.iter().sum::<f32>() / known.len() as f32
    };
    let missing = dict
        .get_deref(b"FontDescriptor", doc)
        .and_then(Object::as_dict)
        .ok()
        .and_then(|d| d.get_deref(b"MissingWidth", doc).ok())
        .and_then(num)
        .filter(|w| *w > 0.0)
        .unwrap_or(average);
    Ok((0..256usize)
        .map(|code| {
            code.checked_sub(first)
                .and_then(|i| values.get(i).copied().flatten())
                .unwrap_or(missing)
        })
        .collect())
}

/// The text of each byte code of a simple font: its `/ToUnicode` map, else
/// its encoding (lopdf's, with `/Differences` read entry by entry so that
/// one glyph name lopdf does not know costs only that code).
fn simple_texts(doc: &Document, dict: &Dictionary, budget: &mut Budget) -> Result<Vec<Box<str>>> {
    budget.ops(256)?;
    let encoding = dict.get(b"Encoding").ok();
    let encoding_dict = encoding
        .and_then(|e| doc.dereference(e).ok())
        .and_then(|(_, e)| e.as_dict().ok());
    let base = match encoding_dict {
        Some(d) => d.get(b"BaseEncoding").ok(),
        None => encoding,
    };
    let mut table = byte_texts(doc, base);
    if table.iter().all(|s| s.is_empty()) {
        // an encoding lopdf cannot decode: the standard one
        table = byte_texts(doc, None);
    }
    if let Some(differences) = encoding_dict
        .and_then(|d| d.get_deref(b"Differences", doc).ok())
        .and_then(|d| d.as_array().ok())
    {
        budget.ops(differences.len())?;
        let mut code: Option<usize> = None;
        for item in differences {
            match item {
                Object::Integer(c) => code = usize::try_from(*c).ok().filter(|c| *c < 256),
                Object::Name(name) => {
                    if let Some(slot) = code.and_then(|c| table.get_mut(c)) {
                        *slot = glyph_name_text(doc, name).into();
                    }
                    code = code.map(|c| c + 1);
                }
                _ => {}
            }
        }
    }
    if let Some(Encoding::UnicodeMapEncoding(map)) = to_unicode(doc, dict, budget)? {
        for (code, slot) in table.iter_mut().enumerate() {
            let code = code as u32;
            if let Some(u) = map.get(code, 1).or_else(|| map.get(code, 2)) {
                let text = utf16(&u);
                if !text.is_empty() {
                    *slot = text.into();
                }
            }
        }
    }
    Ok(table)
}

/// The text of every byte under the encoding named or described by
/// `encoding` (lopdf's standard encoding when `None`).
fn byte_texts(doc: &Document, encoding: Option<&Object>) -> Vec<Box<str>> {
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    if let Some(e) = encoding {
        font.set("Encoding", e.clone());
    }
    let Ok(encoding) = font.get_font_encoding(doc) else {
        return vec![Box::from(""); 256];
    };
    (0..=255u8)
        .map(|b| encoding.bytes_to_string(&[b]).unwrap_or_default().into())
        .collect()
}

/// The text of a glyph name: `uniXXXX…` and `uXXXX` spelled out, other
/// names looked up in lopdf's glyph list; "" when unknown.
fn glyph_name_text(doc: &Document, name: &[u8]) -> String {
    let name_str = String::from_utf8_lossy(name);
    if let Some(hex) = name_str.strip_prefix("uni") {
        if hex.len() >= 4 && hex.len() % 4 == 0 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            let units: Vec<u16> = hex
                .as_bytes()
                .chunks(4)
                .filter_map(|c| std::str::from_utf8(c).ok())
                .filter_map(|c| u16::from_str_radix(c, 16).ok())
                .collect();
            return utf16(&units);
        }
    }
    if let Some(hex) = name_str.strip_prefix('u') {
        if (4..=6).contains(&hex.len()) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            if let Some(c) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                return c.to_string();
            }
        }
    }
    let mut encoding = Dictionary::new();
    encoding.set(
        "Differences",
        Object::Array(vec![Object::Integer(65), Object::Name(name.to_vec())]),
    );
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Encoding", Object::Dictionary(encoding));
    match font.get_font_encoding(doc) {
        Ok(e @ Encoding::Differences(_)) => e.bytes_to_string(b"A").unwrap_or_default(),
        _ => String::new(),
    }
}

/// A font's `/ToUnicode` map, parsed by lopdf once its size is checked
/// (see [`MAX_CMAP_CODES`]); `None` when it has none or it does not parse.
fn to_unicode(
    doc: &Document,
    dict: &Dictionary,
    budget: &mut Budget,
) -> Result<Option<Encoding<'static>>> {
    let Ok(stream) = dict
        .get_deref(b"ToUnicode", doc)
        .and_then(Object::as_stream)
    else {
        return Ok(None);
    };
    let Some(data) = budget.unpack(stream)? else {
        return Ok(None);
    };
    let codes = cmap_codes(&data);
    budget.ops(data.len() / BYTES_PER_OP + codes.min(MAX_CMAP_CODES) / 16)?;
    if codes > MAX_CMAP_CODES {
        return Ok(None);
    }
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set(
        "ToUnicode",
        Object::Stream(Stream::new(Dictionary::new(), data)),
    );
    let encoding = font.get_font_encoding_with_limit(doc, usize::MAX);
    Ok(match encoding {
        Ok(Encoding::UnicodeMapEncoding(map)) => Some(Encoding::UnicodeMapEncoding(map)),
        _ => None,
    })
}

/// How many codes the `bfchar` and `bfrange` sections of a CMap cover
/// (saturating), read with a tokenizer just good enough to count them.
fn cmap_codes(data: &[u8]) -> usize {
    let mut total = 0usize;
    let mut in_range = false;
    let mut in_char = false;
    // hex strings seen in the current bfrange entry (low, high)
    let mut entry: Vec<u64> = Vec::with_capacity(2);
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(&b) = data.get(i) {
        i += 1;
        match b {
            b'%' => {
                while data.get(i).is_some_and(|&c| c != b'\n' && c != b'\r') {
                    i += 1;
                }
            }
            b'(' => {
                let mut nest = 1usize;
                while let Some(&c) = data.get(i) {
                    i += 1;
                    match c {
                        b'\\' => i += 1,
                        b'(' => nest += 1,
                        b')' => {
                            nest -= 1;
                            if nest == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
            }
            b'<' if data.get(i) == Some(&b'<') => i += 1,
            b'<' => {
                let mut value = 0u64;
                while let Some(&c) = data.get(i) {
                    i += 1;
                    if c == b'>' {
                        break;
                    }
                    if let Some(d) = (c as char).to_digit(16) {
                        value = value.saturating_mul(16).saturating_add(u64::from(d));
                    }
                }
                if in_char {
                    // source and destination: one code
                    entry.push(value);
                    if entry.len() == 2 {
                        total = total.saturating_add(1);
                        entry.clear();
                    }
                } else if in_range && depth == 0 {
                    entry.push(value);
                    if entry.len() == 3 {
                        total = total.saturating_add(range_len(&entry));
                        entry.clear();
                    }
                }
            }
            b'[' => depth += 1,
            b']' => {
                depth = depth.saturating_sub(1);
                if in_range && depth == 0 && entry.len() == 2 {
                    total = total.saturating_add(range_len(&entry));
                    entry.clear();
                }
            }
            c if c.is_ascii_alphabetic() => {
                let start = i - 1;
                while data.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                    i += 1;
                }
                match data.get(start..i).unwrap_or(b"") {
                    b"beginbfrange" => {
                        in_range = true;
                        entry.clear();
                    }
                    b"endbfrange" => in_range = false,
                    b"beginbfchar" => {
                        in_char = true;
                        entry.clear();
                    }
                    b"endbfchar" => in_char = false,
                    _ => {}
                }
            }
            _ => {}
        }
    }
    total
}

/// Codes in a bfrange entry `[low, high, ...]`.
fn range_len(entry: &[u64]) -> usize {
    match entry {
        [low, high, ..] => {
            usize::try_from(high.saturating_sub(*low).saturating_add(1)).unwrap_or(usize::MAX)
        }
        _ => 0,
    }
}

/// The standard fonts whose metrics we know, for fonts without `/Widths`.
#[derive(Debug, Clone, Copy)]
enum StandardFont {
    /// Helvetica (and Arial, and any sans serif).
    Helvetica,
    /// Helvetica-Bold.
    HelveticaBold,
    /// Times-Roman (and serif fonts).
    Times,
    /// Times-Bold.
    TimesBold,
    /// Courier (and monospaced fonts).
    Courier,
}

/// Widths of ASCII 32..=126 in Helvetica (Arial has the same metrics).
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 222, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 222, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
/// Widths of ASCII 32..=126 in Helvetica-Bold.
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 278, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
    611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 333, 278, 333, 584, 556, 278, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
    278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
/// Widths of ASCII 32..=126 in Times-Roman.
const TIMES: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 778, 333, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611,
    556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722,
    722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500,
    278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];
/// Widths of ASCII 32..=126 in Times-Bold.
const TIMES_BOLD: [u16; 95] = [
    250, 333, 555, 500, 500, 1000, 833, 333, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667,
    611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722,
    722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556,
    278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];

impl StandardFont {
    /// The closest standard font to a `/BaseFont` name (subset prefix and
    /// style suffixes ignored); Helvetica when nothing matches.
    fn for_name(name: &str) -> StandardFont {
        let n = name.to_ascii_lowercase();
        let bold = ["bold", "black", "heavy", "semibold", "demi"]
            .iter()
            .any(|s| n.contains(s));
        if n.contains("courier") || n.contains("mono") {
            StandardFont::Courier
        } else if n.contains("times")
            || (n.contains("serif") && !n.contains("sans"))
            || n.contains("georgia")
            || n.contains("garamond")
        {
            if bold {
                StandardFont::TimesBold
            } else {
                StandardFont::Times
            }
        } else if bold {
            StandardFont::HelveticaBold
        } else {
            StandardFont::Helvetica
        }
    }

    /// Width of byte `code`, in glyph units.
    fn width(self, code: usize) -> f32 {
        let (table, other) = match self {
            StandardFont::Courier => return 600.0,
            StandardFont::Helvetica => (&HELVETICA, 556.0),
            StandardFont::HelveticaBold => (&HELVETICA_BOLD, 556.0),
            StandardFont::Times => (&TIMES, 500.0),
            StandardFont::TimesBold => (&TIMES_BOLD, 500.0),
        };
        code.checked_sub(32)
            .and_then(|i| table.get(i))
            .map_or(other, |w| f32::from(*w))
    }
}

// ---------------------------------------------------------------------------
// Running content streams

/// Where names in a content stream are looked up, nearest first.
#[derive(Clone, Default)]
struct Resources<'d> {
    /// Resource dictionaries, nearest first.
    dicts: Vec<&'d Dictionary>,
}

impl<'d> Resources<'d> {
    /// Resource `name` of `category` (`Font`, `XObject`, `Properties`),
    /// dereferenced.
    fn lookup(&self, doc: &'d Document, category: &[u8], name: &[u8]) -> Option<&'d Object> {
        self.dicts.iter().find_map(|res| {
            let cat = res.get_deref(category, doc).ok()?.as_dict().ok()?;
            cat.get_deref(name, doc).ok()
        })
    }
}

/// The graphics state that matters for text.
#[derive(Debug, Clone)]
struct GState {
    /// Current transformation matrix.
    ctm: Matrix,
    /// Key of the font in [`Interp::fonts`].
    font: Option<usize>,
    /// Font size (`Tf`).
    size: f32,
    /// Character spacing (`Tc`).
    char_space: f32,
    /// Word spacing (`Tw`).
    word_space: f32,
    /// Horizontal scaling, as a fraction (`Tz`).
    scale: f32,
    /// Leading (`TL`).
    leading: f32,
    /// Text rise (`Ts`).
    rise: f32,
}

impl GState {
    /// The initial state (for a page, or a form drawn with `ctm`).
    fn new(ctm: Matrix) -> GState {
        GState {
            ctm,
            font: None,
            size: 0.0,
            char_space: 0.0,
            word_space: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// A content stream to run.
#[derive(Clone, Copy)]
enum Ops<'c> {
    /// Unpacked bytes, parsed as they run.
    Raw(&'c [u8]),
    /// Operations parsed before (a small form drawn again).
    Parsed(&'c [Operation]),
}

/// The content of a form, kept between draws.
enum FormContent {
    /// Unpacked, parsed at each draw (a large form).
    Raw(Vec<u8>),
    /// Parsed once.
    Parsed(Vec<Operation>),
}

impl FormContent {
    /// The content to run.
    fn ops(&self) -> Ops<'_> {
        match self {
            FormContent::Raw(b) => Ops::Raw(b),
            FormContent::Parsed(o) => Ops::Parsed(o),
        }
    }
}

/// Forms this small are parsed once and kept parsed.
const MAX_PARSED_FORM_BYTES: usize = 16 << 10;
/// Most operations kept parsed for all forms together (bounds the memory
/// of the cache; forms past it are parsed at each draw).
const MAX_PARSED_FORM_OPS: usize = 1 << 18;

/// The state of one content stream being run.
struct Frame<'r, 'd> {
    /// Where its names are looked up.
    res: &'r Resources<'d>,
    /// The marked-content state it was drawn in.
    mark: Mark,
    /// Forms it is nested in.
    depth: usize,
    /// The graphics state.
    gs: GState,
    /// Graphics states saved by `q`.
    saved: Vec<GState>,
    /// `q` past [`MAX_STATE_DEPTH`], still to be matched by `Q`.
    lost_saves: usize,
    /// Marked-content sequences open.
    marks: Vec<Mark>,
    /// `BMC`/`BDC` past [`MAX_MARK_DEPTH`], still to be matched by `EMC`.
    lost_marks: usize,
    /// Text matrix.
    tm: Matrix,
    /// Text line matrix.
    tlm: Matrix,
}

/// Key of the fallback font (Helvetica, standard encoding) for text drawn
/// without a font that can be found.
const FALLBACK_FONT: usize = 0;

/// Runs content streams and collects what they draw.
struct Interp<'d, 'o> {
    /// The document.
    doc: &'d Document,
    /// What is left of the limits.
    budget: Budget<'o>,
    /// Fonts by the address of their dictionary.
    fonts: Map<usize, Font<'d>>,
    /// Content of forms, by the address of their stream.
    forms: Map<usize, Rc<FormContent>>,
    /// Operations kept parsed in [`Interp::forms`].
    parsed_ops: usize,
    /// What the current page drew.
    ink: Ink,
    /// Bytes of text drawn on the pages before this one (bounded, with
    /// this page's, by `max_unpacked_bytes`).
    text_bytes: usize,
}

impl<'d, 'o> Interp<'d, 'o> {
    /// An interpreter for `doc` within `budget`.
    fn new(doc: &'d Document, budget: Budget<'o>) -> Self {
        Interp {
            doc,
            budget,
            fonts: Map::default(),
            forms: Map::default(),
            parsed_ops: 0,
            ink: Ink::default(),
            text_bytes: 0,
        }
    }

    /// Run page `id` and lay out what it draws.
    fn page(&mut self, id: ObjectId) -> Result<Page> {
        let doc = self.doc;
        self.ink = Ink {
            bbox: page_box(doc, id),
            ..Ink::default()
        };
        let mut resources = Resources::default();
        if let Ok((inline, ids)) = doc.get_page_resources(id) {
            resources.dicts.extend(inline);
            resources
                .dicts
                .extend(ids.iter().filter_map(|id| doc.get_dictionary(*id).ok()));
        }
        let mut content = Vec::new();
        for stream_id in doc.get_page_contents(id) {
            let Ok(stream) = doc.get_object(stream_id).and_then(Object::as_stream) else {
                continue;
            };
            if let Some(data) = self.budget.unpack(stream)? {
                content.extend_from_slice(&data);
                content.push(b'\n');
            }
        }
        self.run(
            Ops::Raw(&content),
            &resources,
            GState::new(Matrix::IDENTITY),
            Mark::Body,
            0,
            &mut Vec::new(),
        )?;
        let ink = std::mem::take(&mut self.ink);
        self.text_bytes = self.text_bytes.saturating_add(ink.drawn);
        Ok(Page::new(ink))
    }

    /// Run a content stream (or a form's parsed operations).
    fn run(
        &mut self,
        ops: Ops<'_>,
        res: &Resources<'d>,
        gs: GState,
        mark: Mark,
        depth: usize,
        forms: &mut Vec<usize>,
    ) -> Result<()> {
        let mut frame = Frame {
            res,
            mark,
            depth,
            gs,
            saved: Vec::new(),
            lost_saves: 0,
            marks: Vec::new(),
            lost_marks: 0,
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
        };
        match ops {
            Ops::Raw(bytes) => {
                self.budget.ops(bytes.len() / BYTES_PER_OP + 1)?;
                for op in Content::decode_iter(bytes) {
                    // a syntax error ends the stream: keep what was drawn before it
                    let Ok(op) = op else { break };
                    self.op(&op, &mut frame, forms)?;
                }
            }
            Ops::Parsed(list) => {
                self.budget.ops(1)?;
                for op in list {
                    self.op(op, &mut frame, forms)?;
                }
            }
        }
        Ok(())
    }

    /// Run one operation.
    fn op(&mut self, op: &Operation, f: &mut Frame<'_, 'd>, forms: &mut Vec<usize>) -> Result<()> {
        self.budget.ops(1)?;
        let args = op.operands.as_slice();
        let here = f.marks.last().copied().unwrap_or(f.mark);
        match op.operator.as_str() {
            "q" => {
                if f.saved.len() < MAX_STATE_DEPTH {
                    f.saved.push(f.gs.clone());
                } else {
                    f.lost_saves += 1;
                }
            }
            "Q" => {
                if f.lost_saves > 0 {
                    f.lost_saves -= 1;
                } else if let Some(g) = f.saved.pop() {
                    f.gs = g;
                }
            }
            "cm" => {
                if let Some(m) = Matrix::from_objects(args) {
                    f.gs.ctm = m.then(f.gs.ctm);
                }
            }
            "BT" => {
                f.tm = Matrix::IDENTITY;
                f.tlm = Matrix::IDENTITY;
            }
            "Tf" => {
                if let (Some(name), Some(size)) = (name_arg(args, 0), num_arg(args, 1)) {
                    f.gs.font = Some(self.font(f.res, name)?);
                    f.gs.size = size;
                }
            }
            "Td" | "TD" => {
                if let (Some(x), Some(y)) = (num_arg(args, 0), num_arg(args, 1)) {
                    if op.operator == "TD" {
                        f.gs.leading = -y;
                    }
                    f.tlm = Matrix::translate(x, y).then(f.tlm);
                    f.tm = f.tlm;
                }
            }
            "Tm" => {
                if let Some(m) = Matrix::from_objects(args) {
                    f.tm = m;
                    f.tlm = m;
                }
            }
            "T*" => {
                f.tlm = Matrix::translate(0.0, -f.gs.leading).then(f.tlm);
                f.tm = f.tlm;
            }
            "TL" => f.gs.leading = num_arg(args, 0).unwrap_or(f.gs.leading),
            "Tc" => f.gs.char_space = num_arg(args, 0).unwrap_or(f.gs.char_space),
            "Tw" => f.gs.word_space = num_arg(args, 0).unwrap_or(f.gs.word_space),
            "Tz" => f.gs.scale = num_arg(args, 0).map_or(f.gs.scale, |s| s / 100.0),
            "Ts" => f.gs.rise = num_arg(args, 0).unwrap_or(f.gs.rise),
            "Tj" => {
                if let Some(s) = str_arg(args, 0) {
                    self.show(s, &f.gs, &mut f.tm, here)?;
                }
            }
            "'" | "\"" => {
                let text = if op.operator == "'" {
                    str_arg(args, 0)
                } else {
                    f.gs.word_space = num_arg(args, 0).unwrap_or(f.gs.word_space);
                    f.gs.char_space = num_arg(args, 1).unwrap_or(f.gs.char_space);
                    str_arg(args, 2)
                };
                f.tlm = Matrix::translate(0.0, -f.gs.leading).then(f.tlm);
                f.tm = f.tlm;
                if let Some(s) = text {
                    self.show(s, &f.gs, &mut f.tm, here)?;
                }
            }
            "TJ" => {
                if let Some(Object::Array(items)) = args.first() {
                    for item in items {
                        self.budget.ops(1)?;
                        match item {
                            Object::String(s, _) => self.show(s, &f.gs, &mut f.tm, here)?,
                            other => {
                                if let Some(n) = num(other) {
                                    let tx = -n / 1000.0 * f.gs.size * f.gs.scale;
                                    f.tm = Matrix::translate(tx, 0.0).then(f.tm);
                                }
                            }
                        }
                    }
                }
            }
            "Do" => {
                if let Some(name) = name_arg(args, 0) {
                    self.draw(name, f.res, &f.gs, here, f.depth, forms)?;
                }
            }
            "BI" => self.ink.images = self.ink.images.saturating_add(1),
            "BMC" | "BDC" => {
                if f.marks.len() < MAX_MARK_DEPTH {
                    let m = if op.operator == "BDC" {
                        self.artifact(args, f.res).unwrap_or(here)
                    } else {
                        here
                    };
                    f.marks.push(m);
                } else {
                    f.lost_marks += 1;
                }
            }
            "EMC" => {
                if f.lost_marks > 0 {
                    f.lost_marks -= 1;
                } else {
                    f.marks.pop();
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The key of font resource `name`, loading it the first time.
    fn font(&mut self, res: &Resources<'d>, name: &[u8]) -> Result<usize> {
        let doc = self.doc;
        let Some(dict) = res
            .lookup(doc, b"Font", name)
            .and_then(|f| f.as_dict().ok())
        else {
            self.fallback_font()?;
            return Ok(FALLBACK_FONT);
        };
        let key = std::ptr::from_ref(dict) as usize;
        if !self.fonts.contains_key(&key) {
            let font = load_font(doc, dict, &mut self.budget)?;
            self.fonts.insert(key, font);
        }
        Ok(key)
    }

    /// Load the fallback font (Helvetica, standard encoding) once.
    fn fallback_font(&mut self) -> Result<()> {
        if !self.fonts.contains_key(&FALLBACK_FONT) {
            let doc = self.doc;
            let font = Font {
                two_byte: false,
                scale: 0.001,
                widths: Widths::Simple(
                    (0..256).map(|c| StandardFont::Helvetica.width(c)).collect(),
                ),
                simple: simple_texts(doc, &Dictionary::new(), &mut self.budget)?,
                to_unicode: None,
                ucs2: false,
                memo: Map::default(),
            };
            self.fonts.insert(FALLBACK_FONT, font);
        }
        Ok(())
    }

    /// Draw a string.
    fn show(&mut self, bytes: &[u8], gs: &GState, tm: &mut Matrix, mark: Mark) -> Result<()> {
        let key = match gs.font {
            Some(k) => k,
            None => {
                self.fallback_font()?;
                FALLBACK_FONT
            }
        };
        let Some(font) = self.fonts.get_mut(&key) else {
            return Ok(());
        };
        let step = if font.two_byte { 2 } else { 1 };
        for chunk in bytes.chunks(step) {
            self.budget.ops(1)?;
            let code = chunk.iter().fold(0u32, |c, &b| (c << 8) | u32::from(b));
            let width = font.width(code);
            let word = if chunk == [32] { gs.word_space } else { 0.0 };
            // the pen moves by the glyph's width and the character (and
            // word) spacing: letter-spaced text is still one word
            let tx = (width * gs.size + gs.char_space + word) * gs.scale;
            let m = tm.then(gs.ctm);
            let (x, y) = m.apply(0.0, gs.rise);
            let (x_end, y_end) = m.apply(tx, gs.rise);
            let [a, b, c, d, _, _] = m.0;
            let em = gs.size.abs() * c.hypot(d);
            if [x, y, x_end, y_end, em].iter().all(|v| v.is_finite()) {
                let glyph = Glyph {
                    x,
                    y,
                    x_end,
                    y_end,
                    em,
                    horizontal: a > 0.0 && b.abs() <= 0.1 * a,
                    text: font.text(code, chunk.len()),
                    mark,
                };
                self.ink.glyph(&glyph);
                let drawn = self.text_bytes.saturating_add(self.ink.drawn);
                if drawn > self.budget.options.max_unpacked_bytes {
                    return Err(self.budget.options.over(
                        "bytes of text extracted (at least)",
                        drawn as u64,
                        "max_unpacked_bytes",
                    ));
                }
            }
            *tm = Matrix::translate(tx, 0.0).then(*tm);
        }
        Ok(())
    }

    /// `Do`: count an image, draw a form.
    fn draw(
        &mut self,
        name: &[u8],
        res: &Resources<'d>,
        gs: &GState,
        mark: Mark,
        depth: usize,
        forms: &mut Vec<usize>,
    ) -> Result<()> {
        let doc = self.doc;
        let Some(Ok(stream)) = res.lookup(doc, b"XObject", name).map(Object::as_stream) else {
            return Ok(());
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => self.ink.images = self.ink.images.saturating_add(1),
            Ok(b"Form") => {
                let key = std::ptr::from_ref(stream) as usize;
                if depth >= MAX_FORM_DEPTH || forms.contains(&key) {
                    return Ok(());
                }
                let content = match self.forms.get(&key) {
                    Some(c) => Rc::clone(c),
                    None => {
                        let c = Rc::new(self.form_content(stream)?);
                        self.forms.insert(key, Rc::clone(&c));
                        c
                    }
                };
                let matrix = stream
                    .dict
                    .get_deref(b"Matrix", doc)
                    .and_then(Object::as_array)
                    .ok()
                    .and_then(|m| Matrix::from_objects(m))
                    .unwrap_or(Matrix::IDENTITY);
                let form_res = match stream
                    .dict
                    .get_deref(b"Resources", doc)
                    .and_then(Object::as_dict)
                {
                    Ok(d) => Resources { dicts: vec![d] },
                    Err(_) => res.clone(),
                };
                let mut inner = gs.clone();
                inner.ctm = matrix.then(gs.ctm);
                forms.push(key);
                let done = self.run(content.ops(), &form_res, inner, mark, depth + 1, forms);
                forms.pop();
                done?;
            }
            _ => {}
        }
        Ok(())
    }

    /// A form's content, unpacked, and parsed when it is small and the
    /// cache has room (parsing is charged once, as when it runs).
    fn form_content(&mut self, stream: &Stream) -> Result<FormContent> {
        let bytes = self.budget.unpack(stream)?.unwrap_or_default();
        if bytes.len() > MAX_PARSED_FORM_BYTES || self.parsed_ops >= MAX_PARSED_FORM_OPS {
            return Ok(FormContent::Raw(bytes));
        }
        self.budget.ops(bytes.len() / BYTES_PER_OP + 1)?;
        let ops: Vec<Operation> = Content::decode_iter(&bytes)
            .map_while(|op| op.ok())
            .collect();
        self.parsed_ops += ops.len();
        Ok(FormContent::Parsed(ops))
    }

    /// What a `BDC` marks: a header or footer artifact, or `None` for
    /// anything else (which keeps the enclosing mark).
    fn artifact(&self, args: &[Object], res: &Resources<'d>) -> Option<Mark> {
        if name_arg(args, 0) != Some(b"Artifact".as_slice()) {
            return None;
        }
        let props = match args.get(1) {
            Some(Object::Dictionary(d)) => d,
            Some(Object::Name(n)) => res.lookup(self.doc, b"Properties", n)?.as_dict().ok()?,
            _ => return None,
        };
        let name = |key: &[u8]| props.get(key).and_then(Object::as_name).ok();
        match name(b"Subtype") {
            Some(b"Header") => return Some(Mark::Header),
            Some(b"Footer") => return Some(Mark::Footer),
            _ => {}
        }
        (name(b"Type") == Some(b"Pagination".as_slice())).then_some(Mark::Pagination)
    }
}

/// A page's visible box: its crop box within its media box (inherited from
/// the page tree), US Letter when it has none.
fn page_box(doc: &Document, page: ObjectId) -> [f32; 4] {
    let mut media = None;
    let mut crop = None;
    let mut node = doc.get_dictionary(page).ok();
    for _ in 0..32 {
        let Some(n) = node else { break };
        let rect = |key: &[u8]| -> Option<[f32; 4]> {
            let a = n.get_deref(key, doc).ok()?.as_array().ok()?;
            if a.len() != 4 {
                return None;
            }
            let mut v = [0.0f32; 4];
            for (slot, o) in v.iter_mut().zip(a) {
                *slot = num(deref(doc, o))?;
            }
            let r = [
                v[0].min(v[2]),
                v[1].min(v[3]),
                v[0].max(v[2]),
                v[1].max(v[3]),
            ];
            (r[2] > r[0] && r[3] > r[1]).then_some(r)
        };
        media = media.or_else(|| rect(b"MediaBox"));
        crop = crop.or_else(|| rect(b"CropBox"));
        node = n
            .get(b"Parent")
            .and_then(Object::as_reference)
            .and_then(|id| doc.get_dictionary(id))
            .ok();
    }
    let media = media.unwrap_or([0.0, 0.0, 612.0, 792.0]);
    match crop {
        Some(c) => {
            let r = [
                c[0].max(media[0]),
                c[1].max(media[1]),
                c[2].min(media[2]),
                c[3].min(media[3]),
            ];
            if r[2] > r[0] && r[3] > r[1] { r } else { media }
        }
        None => media,
    }
}

// ---------------------------------------------------------------------------
// Layout

/// Runs sharing a baseline, left to right.
#[derive(Debug, Clone)]
struct Line {
    /// Baseline of its first run.
    y: f32,
    /// Largest font size.
    size: f32,
    /// Left edge.
    x0: f32,
    /// Right edge.
    x1: f32,
    /// Indexes into [`Ink::runs`].
    runs: Vec<usize>,
    /// Its runs' marked content (Body when they differ).
    mark: Mark,
}

impl Line {
    /// A line of `runs` (left to right); `None` when there are none.
    fn from_runs(ink: &Ink, runs: Vec<usize>) -> Option<Line> {
        let first = ink.runs.get(*runs.first()?)?;
        let mut line = Line {
            y: first.y,
            size: first.size,
            x0: first.x0,
            x1: first.x1,
            mark: first.mark,
            runs: Vec::new(),
        };
        for &i in &runs {
            let Some(r) = ink.runs.get(i) else { continue };
            line.size = line.size.max(r.size);
            line.x0 = line.x0.min(r.x0);
            line.x1 = line.x1.max(r.x1);
            if r.mark != line.mark {
                line.mark = Mark::Body;
            }
        }
        line.runs = runs;
        Some(line)
    }

    /// The line's text: runs joined, with a space after a space glyph or
    /// across a gap wider than [`WORD_GAP`] em.
    fn text(&self, ink: &Ink) -> String {
        let mut out = String::new();
        let mut prev: Option<&Run> = None;
        for r in self.runs.iter().filter_map(|&i| ink.runs.get(i)) {
            if let Some(p) = prev {
                let em = p.size.max(r.size);
                if p.space_after || r.x0 - p.x1 > WORD_GAP * em {
                    out.push(' ');
                }
            }
            out.push_str(ink.run_text(r));
            prev = Some(r);
        }
        out
    }

    /// Stretches of the line separated by gaps wider than [`SEGMENT_GAP`] em.
    fn segments(&self, ink: &Ink) -> Vec<Seg> {
        let mut segs: Vec<Seg> = Vec::new();
        let mut prev_size = 0.0f32;
        for (k, r) in self
            .runs
            .iter()
            .filter_map(|&i| ink.runs.get(i))
            .enumerate()
        {
            match segs.last_mut() {
                Some(s) if r.x0 - s.x1 <= SEGMENT_GAP * prev_size.max(r.size) => {
                    s.x1 = s.x1.max(r.x1);
                    s.end = k + 1;
                    s.size = s.size.max(r.size);
                }
                _ => segs.push(Seg {
                    x0: r.x0,
                    x1: r.x1,
                    first: k,
                    end: k + 1,
                    y: r.y,
                    size: r.size,
                }),
            }
            prev_size = r.size;
        }
        segs
    }
}

/// A stretch of a line without a gap that could be a gutter.
#[derive(Debug, Clone, Copy)]
struct Seg {
    /// Left edge.
    x0: f32,
    /// Right edge.
    x1: f32,
    /// Its runs: `first..end` in [`Line::runs`].
    first: usize,
    /// One past its last run in [`Line::runs`].
    end: usize,
    /// Baseline of its first run.
    y: f32,
    /// Largest font size.
    size: f32,
}

/// A page, laid out.
struct Page {
    /// What it drew.
    ink: Ink,
    /// Lines, top to bottom, before layout.
    lines: Vec<Line>,
}

impl Page {
    /// A page of what `ink` holds, in lines.
    fn new(ink: Ink) -> Page {
        let lines = build_lines(&ink);
        Page { ink, lines }
    }
}

/// Group the runs of a page into lines by baseline, top to bottom.
fn build_lines(ink: &Ink) -> Vec<Line> {
    let mut order: Vec<usize> = (0..ink.runs.len()).collect();
    let key = |i: &usize| ink.runs.get(*i).map_or((0.0, 0.0), |r| (r.y, r.x0));
    order.sort_by(|a, b| {
        let (ya, xa) = key(a);
        let (yb, xb) = key(b);
        yb.total_cmp(&ya).then(xa.total_cmp(&xb))
    });
    let mut groups: Vec<(f32, f32, Vec<usize>)> = Vec::new();
    for i in order {
        let Some(r) = ink.runs.get(i) else { continue };
        match groups.last_mut() {
            Some((y, size, runs)) if (*y - r.y).abs() <= 0.4 * size.max(r.size) => {
                *size = size.max(r.size);
                runs.push(i);
            }
            _ => groups.push((r.y, r.size, vec![i])),
        }
    }
    groups
        .into_iter()
        .filter_map(|(_, _, mut runs)| {
            runs.sort_by(|a, b| key(a).1.total_cmp(&key(b).1));
            dedupe_runs(ink, &mut runs);
            Line::from_runs(ink, runs)
        })
        .collect()
}

/// Drop a run drawn again over itself (fake bold, shadows, a form drawn
/// twice in place).
fn dedupe_runs(ink: &Ink, runs: &mut Vec<usize>) {
    let mut kept: Vec<usize> = Vec::with_capacity(runs.len());
    for &i in runs.iter() {
        let Some(r) = ink.runs.get(i) else { continue };
        let duplicate = kept.iter().rev().take(4).any(|&j| {
            ink.runs.get(j).is_some_and(|k| {
                (k.x0 - r.x0).abs() <= 0.2 * r.size
                    && (k.y - r.y).abs() <= 0.2 * r.size
                    && ink.run_text(k) == ink.run_text(r)
            })
        });
        if !duplicate {
            kept.push(i);
        }
    }
    *runs = kept;
}

/// The lines of the page in reading order, as flows (a column, or the
/// lines between columns) to be read one after the other; returns the most
/// columns side by side (0 for no lines).
fn layout(lines: Vec<Line>, ink: &Ink, depth: usize, flows: &mut Vec<Vec<Line>>) -> u32 {
    if lines.is_empty() {
        return 0;
    }
    let Some((gutter, zones)) = (depth < 3).then(|| find_gutter(&lines, ink)).flatten() else {
        flows.push(lines);
        return 1;
    };
    let mut columns = 1;
    let mut current: Vec<Line> = Vec::new();
    let mut lines = lines.into_iter().enumerate().peekable();
    for zone in zones {
        // lines before the zone stay whole
        while let Some((_, l)) = lines.next_if(|(i, _)| *i < zone.start) {
            current.push(l);
        }
        let mut zone_lines: Vec<Line> = lines
            .by_ref()
            .take(zone.end - zone.start)
            .map(|(_, l)| l)
            .collect();
        // a title above the columns stays whole, before them
        let rest = zone_lines.split_off(leading_lines(&zone_lines, ink, gutter));
        current.extend(zone_lines);
        let zone_lines = rest;
        if !current.is_empty() {
            flows.push(std::mem::take(&mut current));
        }
        let (mut left, mut right) = (Vec::new(), Vec::new());
        for line in zone_lines {
            let segs = line.segments(ink);
            let mut l_runs = Vec::new();
            let mut r_runs = Vec::new();
            for seg in segs {
                let part = line.runs.get(seg.first..seg.end).unwrap_or(&[]);
                if seg.x0 < gutter {
                    l_runs.extend_from_slice(part);
                } else {
                    r_runs.extend_from_slice(part);
                }
            }
            left.extend(Line::from_runs(ink, l_runs));
            right.extend(Line::from_runs(ink, r_runs));
        }
        let cl = layout(left, ink, depth + 1, flows);
        let cr = layout(right, ink, depth + 1, flows);
        columns = columns.max(cl + cr);
    }
    current.extend(lines.map(|(_, l)| l));
    if !current.is_empty() {
        flows.push(current);
    }
    columns
}

/// How many lines at the top of a zone split at `gutter` stand above its
/// columns: lines on one side only, above the first line of the other side
/// by more than that line's height, and set off from the rest of their side
/// by a gap wider than 1.4 lines (a name centered over a sidebar layout).
fn leading_lines(lines: &[Line], ink: &Ink, gutter: f32) -> usize {
    let sides: Vec<(bool, bool)> = lines
        .iter()
        .map(|l| {
            let segs = l.segments(ink);
            (
                segs.iter().any(|s| s.x0 < gutter),
                segs.iter().any(|s| s.x0 >= gutter),
            )
        })
        .collect();
    let Some(&(first_left, _)) = sides.first() else {
        return 0;
    };
    let on_side = |i: usize| {
        sides
            .get(i)
            .is_some_and(|s| if first_left { s.0 } else { s.1 })
    };
    let Some(other) = (0..lines.len()).find(|&i| {
        sides
            .get(i)
            .is_some_and(|s| if first_left { s.1 } else { s.0 })
    }) else {
        return 0;
    };
    let Some(other_top) = lines.get(other).map(|l| l.y + l.size) else {
        return 0;
    };
    let mut lead = 0;
    for (j, a) in lines.iter().enumerate().take(other) {
        let next = (j + 1..lines.len()).find(|&i| on_side(i));
        if let Some(b) = next.and_then(|i| lines.get(i)) {
            if a.y > other_top && a.y - b.y > 1.4 * a.size.max(b.size) {
                lead = j + 1;
            }
        }
    }
    lead
}

/// A stretch of lines `start..end` split by a gutter.
#[derive(Debug, Clone, Copy)]
struct Zone {
    /// Its first line.
    start: usize,
    /// One past its last line.
    end: usize,
}

/// The best column gutter of `lines` (top to bottom): its x and the zones
/// it splits into columns.
fn find_gutter(lines: &[Line], ink: &Ink) -> Option<(f32, Vec<Zone>)> {
    if lines.len() < 6 {
        return None;
    }
    let segs: Vec<Vec<Seg>> = lines.iter().map(|l| l.segments(ink)).collect();
    let xmin = lines.iter().map(|l| l.x0).fold(f32::INFINITY, f32::min);
    let xmax = lines.iter().map(|l| l.x1).fold(f32::NEG_INFINITY, f32::max);
    let width = xmax - xmin;
    if !(width > 72.0 && width.is_finite()) {
        return None;
    }
    let mut sizes: Vec<f32> = lines.iter().map(|l| l.size).collect();
    sizes.sort_by(f32::total_cmp);
    let em = sizes.get(sizes.len() / 2).copied().unwrap_or(10.0);
    /// Resolution of the coverage histogram.
    const BINS: usize = 256;
    let bin = width / BINS as f32;
    let to_bin = |x: f32| (((x - xmin) / bin).max(0.0) as usize).min(BINS - 1);
    let mut diff = [0i64; BINS + 1];
    for line in &segs {
        for seg in line {
            let (b0, b1) = (to_bin(seg.x0), to_bin(seg.x1));
            if let Some(d) = diff.get_mut(b0) {
                *d += 1;
            }
            if let Some(d) = diff.get_mut(b1 + 1) {
                *d -= 1;
            }
        }
    }
    let mut cover = [0i64; BINS];
    let mut acc = 0;
    for (c, d) in cover.iter_mut().zip(diff.iter()) {
        acc += d;
        *c = acc;
    }
    let min_bins = ((SEGMENT_GAP * em).max(6.0) / bin).ceil().max(1.0) as usize;
    let (lo, hi) = (BINS / 10, BINS - BINS / 10);
    let mut candidates: Vec<f32> = Vec::new();
    let n = lines.len() as i64;
    for t in [0, 1, 2, n / 8, n / 4] {
        let mut b = lo;
        while b < hi {
            if cover.get(b).is_some_and(|&c| c <= t) {
                let start = b;
                while b < hi && cover.get(b).is_some_and(|&c| c <= t) {
                    b += 1;
                }
                if b - start >= min_bins {
                    // the middle of the emptiest stretch of the band
                    let least = cover
                        .get(start..b)
                        .and_then(|c| c.iter().min())
                        .copied()
                        .unwrap_or(0);
                    let s = (start..b)
                        .find(|&k| cover.get(k) == Some(&least))
                        .unwrap_or(start);
                    let e = (s..b).find(|&k| cover.get(k) != Some(&least)).unwrap_or(b);
                    let x = xmin + (s + e) as f32 / 2.0 * bin;
                    if !candidates.iter().any(|c| (c - x).abs() < bin) {
                        candidates.push(x);
                    }
                }
            } else {
                b += 1;
            }
        }
        if candidates.len() >= 32 {
            break;
        }
    }
    // and the middles of the widest gaps inside lines, most frequent first,
    // for columns that span only part of the page (a header block)
    let mut by_bin: Map<usize, (usize, f32)> = Map::default();
    for line in &segs {
        for pair in line.windows(2) {
            if let [a, b] = pair {
                let x = (a.x1 + b.x0) / 2.0;
                by_bin.entry(to_bin(x)).or_insert((0, x)).0 += 1;
            }
        }
    }
    let mut gaps: Vec<(usize, f32)> = by_bin.into_values().collect();
    gaps.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.total_cmp(&b.1)));
    candidates.truncate(32);
    for (_, x) in gaps.into_iter().take(32) {
        if !candidates.iter().any(|c| (c - x).abs() < bin) {
            candidates.push(x);
        }
    }
    let mut best: Option<(usize, f32, Vec<Zone>)> = None;
    for x in candidates {
        let (score, zones) = split_score(lines, &segs, x);
        if score >= 2 && best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, x, zones));
        }
    }
    best.map(|(_, x, zones)| (x, zones))
}

/// How well a gutter at `x` splits the lines (their segments) into columns:
/// the lines on the shorter side summed over the zones it splits, and those
/// zones. A zone is a stretch of lines none of which crosses `x`, without
/// white space across the page higher than 2.5 lines, with at
/// least two lines on each side, where most lines of the shorter side do
/// not share their baseline with text on the other side: that would be a
/// table, or labels (dates, headings) beside their text, read row by row.
fn split_score(lines: &[Line], segs: &[Vec<Seg>], x: f32) -> (usize, Vec<Zone>) {
    let mut zones = Vec::new();
    let mut score = 0;
    let mut start = None;
    let (mut left, mut right, mut aligned) = (0usize, 0usize, 0usize);
    let mut close =
        |start: usize, end: usize, l: usize, r: usize, a: usize, zones: &mut Vec<Zone>| {
            if l >= 2 && r >= 2 && a * 10 < 7 * l.min(r) {
                zones.push(Zone { start, end });
                score += l.min(r);
            }
        };
    for (i, line) in segs.iter().enumerate() {
        let crosses = line.iter().any(|s| s.x0 < x && s.x1 > x);
        // white space across the page, wider than 2.5 lines, ends a zone
        let apart = match (i.checked_sub(1).and_then(|p| lines.get(p)), lines.get(i)) {
            (Some(a), Some(b)) => a.y - b.y > 2.5 * a.size.max(b.size),
            _ => false,
        };
        if apart {
            if let Some(s) = start.take() {
                close(s, i, left, right, aligned, &mut zones);
            }
        }
        if crosses {
            if let Some(s) = start.take() {
                close(s, i, left, right, aligned, &mut zones);
            }
            continue;
        }
        if start.is_none() {
            start = Some(i);
            (left, right, aligned) = (0, 0, 0);
        }
        let l = line.iter().find(|s| s.x1 <= x);
        let r = line.iter().find(|s| s.x0 >= x);
        left += usize::from(l.is_some());
        right += usize::from(r.is_some());
        if let (Some(l), Some(r)) = (l, r) {
            aligned += usize::from((l.y - r.y).abs() <= 0.15 * l.size.max(r.size));
        }
    }
    if let Some(s) = start {
        close(s, segs.len(), left, right, aligned, &mut zones);
    }
    (score, zones)
}

/// Whether the gap between two lines of a flow starts a new block.
fn block_breaks(flow: &[Line]) -> Vec<bool> {
    let mut pitches: Vec<f32> = flow
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => {
                let p = a.y - b.y;
                (p > 0.5 * b.size && p < 3.0 * b.size).then_some(p)
            }
            _ => None,
        })
        .collect();
    pitches.sort_by(f32::total_cmp);
    let median = pitches.get(pitches.len() / 2).copied();
    let mut breaks = vec![false];
    for w in flow.windows(2) {
        if let [a, b] = w {
            let pitch = a.y - b.y;
            let normal = match median {
                Some(m) if pitches.len() >= 3 => m,
                _ => 1.25 * a.size.max(b.size),
            };
            breaks.push(pitch > 1.3 * normal || pitch < -0.5 * b.size);
        }
    }
    breaks
}

// ---------------------------------------------------------------------------
// Headers, footers and the text

/// Where a line of a page goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// First in the page's text, as a header region.
    Header,
    /// In reading order.
    Body,
    /// Last in the page's text, as a footer region.
    Footer,
}

/// The text of a line for telling repeated headers and footers: lower
/// case, letters and signs only; `#` for a line of digits only (a page
/// number).
fn repeat_key(text: &str) -> String {
    let key: String = text
        .chars()
        .filter(|c| !c.is_numeric() && !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if key.chars().all(|c| !c.is_alphanumeric()) && text.chars().any(char::is_numeric) {
        "#".to_string()
    } else {
        key
    }
}

/// Where each line of each page goes: marked artifacts, and lines near the
/// top or bottom edge that come back on most pages.
fn places(pages: &[Page]) -> Vec<Vec<Place>> {
    let edge = |page: &Page, line: &Line| -> Option<Place> {
        let [_, y0, _, y1] = page.ink.bbox;
        let band = EDGE_BAND * (y1 - y0);
        if line.y > y1 - band {
            Some(Place::Header)
        } else if line.y < y0 + band {
            Some(Place::Footer)
        } else {
            None
        }
    };
    let mut counts: Map<(String, bool), (usize, usize)> = Map::default();
    if pages.len() >= 2 {
        for (p, page) in pages.iter().enumerate() {
            for line in &page.lines {
                if let Some(place) = edge(page, line) {
                    let key = (repeat_key(&line.text(&page.ink)), place == Place::Header);
                    let entry = counts.entry(key).or_insert((0, usize::MAX));
                    if entry.1 != p {
                        *entry = (entry.0 + 1, p);
                    }
                }
            }
        }
    }
    let most = |n: usize| n >= 2 && 2 * n > pages.len();
    pages
        .iter()
        .map(|page| {
            let [_, y0, _, y1] = page.ink.bbox;
            page.lines
                .iter()
                .map(|line| match line.mark {
                    Mark::Header => Place::Header,
                    Mark::Footer => Place::Footer,
                    Mark::Pagination if line.y > (y0 + y1) / 2.0 => Place::Header,
                    Mark::Pagination => Place::Footer,
                    Mark::Body => match edge(page, line) {
                        Some(place)
                            if pages.len() >= 2
                                && counts
                                    .get(&(
                                        repeat_key(&line.text(&page.ink)),
                                        place == Place::Header,
                                    ))
                                    .is_some_and(|c| most(c.0)) =>
                        {
                            place
                        }
                        _ => Place::Body,
                    },
                })
                .collect()
        })
        .collect()
}

/// A [`TextBuilder`] whose blank lines wait for the next line: a page's
/// text never ends in a blank line (which [`TextBuilder::finish`] would
/// trim from under the page's span).
struct Writer {
    /// The text.
    out: TextBuilder,
    /// A blank line is due before the next line.
    blank: bool,
}

impl Writer {
    /// End a block: a blank line before the next line.
    fn blank(&mut self) {
        self.blank = true;
    }

    /// Write a line (nothing when it has no text).
    fn line(&mut self, text: &str, origin: Origin, options: &FileOptions) -> Result<()> {
        if text.chars().all(|c| c.is_whitespace() || c.is_control()) {
            return Ok(());
        }
        if std::mem::take(&mut self.blank) {
            self.out.blank();
        }
        self.out.line(text, origin, options)
    }
}

/// Write the pages' text: per page, its header lines, its body in reading
/// order, its rotated text, its footer lines.
fn write_text(pages: Vec<Page>, options: &FileOptions) -> Result<TextBuilder> {
    let mut w = Writer {
        out: TextBuilder::new(FileKind::Pdf, options.max_unpacked_bytes),
        blank: false,
    };
    let places = places(&pages);
    for (n, (page, places)) in pages.into_iter().zip(places).enumerate() {
        w.out
            .begin_page(u32::try_from(n).unwrap_or(u32::MAX).saturating_add(1));
        w.blank = false;
        let Page { ink, lines } = page;
        let mut headers = Vec::new();
        let mut footers = Vec::new();
        let mut body = Vec::new();
        for (line, place) in lines.into_iter().zip(places) {
            match place {
                Place::Header => headers.push(line),
                Place::Footer => footers.push(line),
                Place::Body => body.push(line),
            }
        }
        for line in &headers {
            w.line(&line.text(&ink), Origin::Header, options)?;
        }
        w.blank();
        let mut flows = Vec::new();
        let columns = layout(body, &ink, 0, &mut flows);
        for flow in &flows {
            for (line, new_block) in flow.iter().zip(block_breaks(flow)) {
                if new_block {
                    w.blank();
                }
                w.line(&line.text(&ink), Origin::Body, options)?;
            }
            w.blank();
        }
        for rot in &ink.rotated {
            let origin = match rot.mark {
                Mark::Header => Origin::Header,
                Mark::Footer => Origin::Footer,
                _ => Origin::Body,
            };
            w.line(&rot.text, origin, options)?;
        }
        w.blank();
        for line in &footers {
            w.line(&line.text(&ink), Origin::Footer, options)?;
        }
        w.out.end_page(columns, ink.images);
    }
    Ok(w.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cmap_codes_counts_ranges_and_chars() {
        let cmap = b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
            1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n\
            2 beginbfchar\n<0003> <0020>\n<0010> <0052>\nendbfchar\n\
            2 beginbfrange\n<0020> <0030> <0061>\n<0040> <0041> [<0041> <0042>]\nendbfrange\n\
            endcmap\n";
        assert_eq!(cmap_codes(cmap), 2 + 17 + 2);
        assert_eq!(
            cmap_codes(b"beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange"),
            1 << 32
        );
        // a string with a '<' inside does not confuse it
        assert_eq!(cmap_codes(b"(a<b) beginbfchar <01> <0041> endbfchar"), 1);
    }

    #[test]
    fn matrices_compose_in_pdf_order() {
        let m = Matrix::translate(10.0, 20.0).then(Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]));
        assert_eq!(m.apply(1.0, 1.0), (22.0, 42.0));
    }

    #[test]
    fn repeat_keys_ignore_digits() {
        assert_eq!(repeat_key("Page 2 of 3"), "pageof");
        assert_eq!(repeat_key("- 12 -"), "#");
        assert_eq!(repeat_key("Jane Doe"), "janedoe");
    }

    #[test]
    fn standard_fonts_by_name() {
        assert!(matches!(
            StandardFont::for_name("ABCDEF+Arial-BoldMT"),
            StandardFont::HelveticaBold
        ));
        assert!(matches!(
            StandardFont::for_name("Times-Roman"),
            StandardFont::Times
        ));
        assert!(matches!(
            StandardFont::for_name("CourierNew"),
            StandardFont::Courier
        ));
        assert_eq!(
            StandardFont::Helvetica.width(u32::from(b'i') as usize),
            222.0
        );
    }
}
