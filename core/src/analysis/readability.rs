//! Will a machine read this? The ATS readability findings.
//!
//! An ATS first turns a file into text, then looks for the sections and
//! contact details it expects. These checks say where that can go wrong,
//! each with a plain-language fix: no extractable text (a scanned PDF), very
//! little text per page, several columns side by side, text in tables, text
//! boxes, headers or footers (contact details there are often lost),
//! headings an ATS does not recognize, missing contact details, dates in
//! mixed formats, an unusual length, and fonts that extract as garbage.
//!
//! The text checks run on every resume; the layout checks need a file
//! ([`Matcher::analyze_file`](crate::Matcher::analyze_file)). Findings do not
//! change the score: the score says how well the resume fits the role, the
//! findings whether an ATS will see that fit at all.
//!
//! ```
//! use atscore::readability::{FindingKind, Severity};
//! let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
//! let r = m.analyze("Jane Doe\n\nMy Journey\nBuilt REST APIs in Go.")?;
//! let missing = r.readability.iter().find(|f| f.kind == FindingKind::MissingContact).unwrap();
//! assert_eq!(missing.severity, Severity::Problem);
//! assert!(r.readability.iter().any(|f| f.kind == FindingKind::NonStandardHeadings));
//! # Ok::<(), atscore::Error>(())
//! ```

use crate::document::{Document, LineKind};
use crate::file::{Extracted, FileKind, Origin};
pub use crate::report::{Finding, FindingKind, Severity};
use crate::text::Span;
use crate::text::bytes::{HIGH, ONES, bytes_equal};
use crate::text::lexicon::Section;

/// Fewest non-space characters for a file to count as having text.
const MIN_CHARS: usize = 20;
/// A page with fewer characters than this (while others have text, or with
/// images on it) has "little text".
const SPARSE_PAGE_CHARS: u32 = 200;
/// Words below which a resume is short.
const SHORT_WORDS: usize = 200;
/// Words above which a resume is long.
const LONG_WORDS: usize = 1100;
/// Most spans listed in one finding.
const MAX_SPANS: usize = 20;

/// The findings for a document, and for the file it came from when there is one.
pub(crate) fn check(doc: &Document<'_>, file: Option<&Extracted>) -> Vec<Finding> {
    let mut out = Vec::new();
    // everything the text checks need from the characters, in one pass
    let scan = Scan::of(doc.text);
    let chars = scan.nonspace;
    if let Some(file) = file.filter(|f| f.kind != FileKind::Text) {
        if chars < MIN_CHARS {
            out.push(no_text(file));
            return out;
        }
        layout(doc, file, &mut out);
    }
    if chars > 0 {
        garbled(&scan, &mut out);
        contact(doc, file, &mut out);
        headings(doc, &mut out);
        dates(doc.text, &scan, &mut out);
        length(doc, file, &mut out);
    }
    crate::sort::sort_by_key(&mut out, |f| (f.severity, f.kind));
    out
}

fn finding(kind: FindingKind, severity: Severity, message: String, fix: &str) -> Finding {
    Finding {
        kind,
        severity,
        message,
        fix: fix.to_string(),
        spans: Vec::new(),
        pages: Vec::new(),
    }
}

fn no_text(file: &Extracted) -> Finding {
    let what = match file.kind {
        FileKind::Pdf if file.images > 0 => {
            "No text could be read from this PDF, only images: it is probably a scan or a picture of a resume. An ATS sees an empty page, so no keyword counts."
        }
        FileKind::Pdf => {
            "No text could be read from this PDF. An ATS sees an empty page, so no keyword counts."
        }
        _ => "No text could be read from this file. An ATS sees an empty resume.",
    };
    let mut f = finding(
        FindingKind::NoText,
        Severity::Problem,
        what.to_string(),
        "Export the resume from your word processor (File > Save as PDF, or submit the .docx) instead of scanning or printing it to an image; if you only have a scan, retype it.",
    );
    f.pages = file.pages.iter().map(|p| p.number).collect();
    f
}

fn layout(doc: &Document<'_>, file: &Extracted, out: &mut Vec<Finding>) {
    // pages with little text
    let with_text = file
        .pages
        .iter()
        .filter(|p| p.chars >= SPARSE_PAGE_CHARS)
        .count();
    let sparse: Vec<u32> = file
        .pages
        .iter()
        .filter(|p| p.chars < SPARSE_PAGE_CHARS && (p.images > 0 || with_text > 0))
        .map(|p| p.number)
        .collect();
    if !sparse.is_empty() {
        let imaged = file
            .pages
            .iter()
            .any(|p| p.chars < SPARSE_PAGE_CHARS && p.images > 0);
        let mut f = finding(
            FindingKind::LittleText,
            Severity::Warning,
            format!(
                "{} {} almost no text{}: text drawn as a picture (a scanned part, a chart of skills, an image of a table) is invisible to an ATS.",
                plural(sparse.len(), "page has", "pages have"),
                list_pages(&sparse),
                if imaged { " but images" } else { "" },
            ),
            "Write every skill, title and date as text; replace skill bars, icons and pictures of text with words.",
        );
        f.pages = sparse;
        out.push(f);
    }
    if file.columns >= 2 {
        let pages: Vec<u32> = file
            .pages
            .iter()
            .filter(|p| p.columns >= 2)
            .map(|p| p.number)
            .collect();
        let mut f = finding(
            FindingKind::MultiColumn,
            Severity::Warning,
            format!(
                "The layout has {} columns side by side{}. Many ATS read straight across the page and mix the columns, so a job title can end up next to a skill from the sidebar.",
                file.columns,
                if pages.is_empty() {
                    String::new()
                } else {
                    format!(" (on {})", list_pages(&pages))
                }
            ),
            "Use one column; put the sidebar (skills, contact, languages) in sections of their own above or below the experience.",
        );
        f.pages = pages;
        out.push(f);
    }
    let total = doc.text.len().max(1);
    for (origin, kind, name, severity_if_most, fix) in [
        (
            Origin::TextBox,
            FindingKind::TextBoxes,
            "text boxes",
            Severity::Warning,
            "Move the text out of text boxes and shapes into ordinary paragraphs: many ATS skip them.",
        ),
        (
            Origin::Header,
            FindingKind::HeadersFooters,
            "the page header",
            Severity::Warning,
            "Keep headers and footers for page numbers at most; put your name and contact details in the body, at the top of the first page.",
        ),
        (
            Origin::Footer,
            FindingKind::HeadersFooters,
            "the page footer",
            Severity::Warning,
            "Keep headers and footers for page numbers at most; put your name and contact details in the body, at the top of the first page.",
        ),
        (
            Origin::Table,
            FindingKind::Tables,
            "tables",
            Severity::Warning,
            "Write experience and skills as headings, lines and bullets rather than table cells: some ATS read tables cell by cell out of order, others skip them.",
        ),
    ] {
        let spans: Vec<Span> = file
            .regions
            .iter()
            .filter(|r| r.origin == origin)
            .map(|r| r.span)
            .collect();
        if spans.is_empty() {
            continue;
        }
        let bytes: usize = spans.iter().map(|s| s.end - s.start).sum();
        let share = bytes * 100 / total;
        let only = share >= 90;
        let severity = if origin == Origin::TextBox || share >= 50 {
            severity_if_most
        } else {
            Severity::Info
        };
        let mut f = finding(
            kind,
            severity,
            if only {
                format!(
                    "Nearly all the text ({share}%) is in {name}; an ATS that skips {name} sees an almost empty resume."
                )
            } else {
                format!(
                    "{}% of the text is in {name} ({}); some ATS skip or scramble it.",
                    share.max(1),
                    plural(spans.len(), "one place", "places")
                )
            },
            fix,
        );
        f.pages = file
            .regions
            .iter()
            .filter(|r| r.origin == origin)
            .filter_map(|r| r.page)
            .collect();
        f.pages.dedup();
        f.spans = spans.into_iter().take(MAX_SPANS).collect();
        out.push(f);
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        one.to_string()
    } else {
        format!("{n} {many}")
    }
}

fn list_pages(pages: &[u32]) -> String {
    let shown: Vec<String> = pages.iter().take(10).map(|p| p.to_string()).collect();
    let more = if pages.len() > 10 { ", ..." } else { "" };
    match pages.len() {
        1 => format!("(page {})", shown[0]),
        _ => format!("(pages {}{more})", shown.join(", ")),
    }
}

/// Private-use characters that fonts use for bullets (Symbol, Wingdings):
/// common enough that ATS and our bullet detection know them.
const PUA_BULLETS: &[char] = &['\u{F0B7}', '\u{F0A7}', '\u{F076}', '\u{F0D8}', '\u{F0FC}'];

/// Whether a character extracts as garbage: the replacement character, or a
/// private-use character other than the bullets of [`PUA_BULLETS`].
fn is_garbage(c: char) -> bool {
    c == '\u{FFFD}'
        || (('\u{E000}'..='\u{F8FF}').contains(&c) && !PUA_BULLETS.contains(&c))
        || ('\u{F0000}'..='\u{10FFFF}').contains(&c)
}

/// What the text checks need from the characters of the text, gathered in one
/// pass over its bytes ([`Scan::of`]) rather than one pass per check.
#[derive(Debug, Default)]
struct Scan {
    /// Characters that are not whitespace (as [`char::is_whitespace`]).
    nonspace: usize,
    /// Characters that extract as garbage ([`is_garbage`]).
    garbage: usize,
    /// The first [`MAX_SPANS`] of them.
    garbage_spans: Vec<Span>,
    /// Occurrences of "(cid:".
    cids: usize,
    /// Where the years are ([`is_year`]), in text order.
    years: Vec<usize>,
    /// Where the apostrophes (`'` and `’`) are, in text order.
    apostrophes: Vec<usize>,
}

/// The high bit of each byte of `word` that is at least `n`. Every byte of
/// `word` must be below 0x80, and `n <= 0x80`: then setting each byte's high
/// bit before subtracting `n` keeps a byte from borrowing from its neighbor.
fn at_least(word: u64, n: u8) -> u64 {
    ((word | HIGH) - ONES * u64::from(n)) & HIGH
}

/// How many high bits `marks` (a mask of byte high bits) has: shifted down to
/// one 0 or 1 per byte, the multiplication sums the bytes into the top byte.
fn count_marks(marks: u64) -> usize {
    ((marks >> 7).wrapping_mul(ONES) >> 56) as usize
}

impl Scan {
    /// Scans `text` 8 bytes at a time: each chunk is read as a `u64`, and
    /// bit tricks test its 8 bytes at once for two things ([`Scan::chunk`]):
    ///
    /// - `skip`, the bytes that are not a non-space character by themselves:
    ///   the ASCII bytes up to the space (whitespace is 9 to 13 and the
    ///   space; the other control characters are rare, and counted when
    ///   marked), and every byte >= 0x80 (the character they make is counted
    ///   when its first byte is marked);
    /// - `marks`, the bytes to look at one by one: the first byte of each
    ///   character outside ASCII (whitespace outside ASCII, replacement and
    ///   private-use characters and `’` are all there), and the ASCII bytes
    ///   below `3` but the space: the control characters and
    ///   `! " # $ % & ' ( ) * + , - . / 0 1 2`. Only `'`, `(` (for "(cid:")
    ///   and `1`, `2` (for a year) matter, but one range is cheaper to test
    ///   than four bytes, and the others are dropped quickly.
    fn of(text: &str) -> Scan {
        let bytes = text.as_bytes();
        let mut scan = Scan::default();
        let mut rest = bytes;
        while let Some((chunk, after)) = rest.split_first_chunk::<8>() {
            // little-endian: byte k of the chunk is byte k of the word
            scan.chunk(
                text,
                bytes.len() - rest.len(),
                u64::from_le_bytes(*chunk),
                8,
            );
            rest = after;
        }
        if !rest.is_empty() {
            // the last bytes, padded with a byte neither skipped nor looked at
            let mut last = [b'_'; 8];
            last[..rest.len()].copy_from_slice(rest);
            let word = u64::from_le_bytes(last);
            scan.chunk(text, bytes.len() - rest.len(), word, rest.len());
        }
        scan
    }

    /// The 8 bytes of `word`, from offset `at` in the text, of which the
    /// first `n` are the text's. (Inlined: a call per 8 bytes would cost
    /// about as much as the tests.)
    #[inline(always)]
    fn chunk(&mut self, text: &str, at: usize, word: u64, n: usize) {
        let high = word & HIGH; // the bytes of characters outside ASCII
        // the ASCII bytes, and the bytes of `word` without their high bit (a
        // byte >= 0x80 taken for ASCII is dropped by `ascii` afterwards)
        let (ascii, low) = if high == 0 {
            (HIGH, word)
        } else {
            (high ^ HIGH, word & !HIGH)
        };
        // the first byte of a character outside ASCII is 0b11xx_xxxx: its
        // bit 6 shifted to the byte's high bit
        let first = high & (word << 1);
        let skip = (!at_least(low, b'!') & ascii) | high;
        let mut marks = (!at_least(low, b'3') & !bytes_equal(low, b' ') & ascii) | first;
        // `n`, not 8: the padding past `n` is not skipped, nor a character
        self.nonspace += n - count_marks(skip);
        while marks != 0 {
            let i = at + marks.trailing_zeros() as usize / 8;
            match text.as_bytes()[i] {
                // whitespace, or bytes with nothing to look for
                b'\t'..=b'\r' | b'!'..=b'&' | b')'..=b'0' => {}
                // the other control characters are not whitespace
                0..=0x1F => self.nonspace += 1,
                _ => self.mark(text, i),
            }
            marks &= marks - 1; // the next one
        }
    }

    /// Looks at a `'`, `(`, `1` or `2`, or at the first byte of a character
    /// outside ASCII.
    fn mark(&mut self, text: &str, i: usize) {
        let bytes = text.as_bytes();
        match bytes[i] {
            b'\'' => self.apostrophes.push(i),
            b'(' => self.cids += usize::from(bytes[i..].starts_with(b"(cid:")),
            b'1' | b'2' if is_year(bytes, i) => self.years.push(i),
            0xC0.. => self.character(text, i),
            _ => {}
        }
    }

    /// The character outside ASCII starting at `i` (none of its bytes were
    /// counted).
    fn character(&mut self, text: &str, i: usize) {
        let c = text[i..].chars().next().expect("a character starts here");
        if c == '’' {
            self.apostrophes.push(i);
        }
        if c.is_whitespace() {
            return;
        }
        self.nonspace += 1;
        if is_garbage(c) {
            self.garbage += 1;
            if self.garbage_spans.len() < MAX_SPANS {
                self.garbage_spans.push(Span::new(i, i + c.len_utf8()));
            }
        }
    }
}

fn garbled(scan: &Scan, out: &mut Vec<Finding>) {
    // "(cid:123)" is how some converters write a glyph they could not map
    let bad = scan.garbage + scan.cids;
    let total = scan.nonspace;
    if bad >= 5 && bad * 200 >= total {
        let mut f = finding(
            FindingKind::GarbledText,
            Severity::Problem,
            format!(
                "{bad} characters could not be turned into letters ({:.1}% of the text): a font that extracts as garbage. An ATS reads the same garbage, and keywords written in it do not count.",
                bad as f64 * 100.0 / total.max(1) as f64
            ),
            "Use a standard font (Arial, Calibri, Garamond, Times New Roman), avoid icon fonts for contact details and symbols, and export again; check by copying the text out of the PDF.",
        );
        f.spans = scan.garbage_spans.clone();
        out.push(f);
    }
}

fn contact(doc: &Document<'_>, file: Option<&Extracted>, out: &mut Vec<Finding>) {
    let c = &doc.contact;
    match (c.email, c.phone) {
        (None, None) => out.push(finding(
            FindingKind::MissingContact,
            Severity::Problem,
            "No email address or phone number was found: a recruiter who likes the resume has no way to reach you.".to_string(),
            "Put your email address and phone number at the top, in the body of the page, as plain text.",
        )),
        (None, Some(_)) => out.push(finding(
            FindingKind::MissingContact,
            Severity::Warning,
            "No email address was found; most ATS file candidates by email.".to_string(),
            "Add your email address at the top, as plain text (name@example.com).",
        )),
        (Some(_), None) => out.push(finding(
            FindingKind::MissingContact,
            Severity::Info,
            "No phone number was found.".to_string(),
            "Add a phone number next to your email address, with its country code if you apply abroad.",
        )),
        (Some(_), Some(_)) => {}
    }
    let Some(file) = file else { return };
    let mut placed = Vec::new();
    for (what, span) in [("email address", c.email), ("phone number", c.phone)] {
        let Some(span) = span else { continue };
        if let Some(r) = file
            .regions
            .iter()
            .find(|r| r.span.start <= span.start && span.end <= r.span.end)
        {
            placed.push((what, r.origin, span));
        }
    }
    if placed.is_empty() {
        return;
    }
    let worst = placed
        .iter()
        .any(|(_, o, _)| matches!(o, Origin::Header | Origin::Footer | Origin::TextBox));
    let parts: Vec<String> = placed
        .iter()
        .map(|(what, origin, _)| format!("your {what} is in {}", origin_name(*origin)))
        .collect();
    let mut f = finding(
        FindingKind::ContactOutsideBody,
        if worst {
            Severity::Problem
        } else {
            Severity::Warning
        },
        format!(
            "{}: many ATS skip these parts, so the recruiter may get a resume with no way to reach you.",
            capitalize(&parts.join(" and "))
        ),
        "Write your name, email and phone as ordinary lines at the top of the first page, not in a header, footer, text box or table.",
    );
    f.spans = placed.iter().map(|(_, _, s)| *s).collect();
    out.push(f);
}

fn origin_name(o: Origin) -> &'static str {
    match o {
        Origin::Body => "the body",
        Origin::Table => "a table",
        Origin::TextBox => "a text box",
        Origin::Header => "the page header",
        Origin::Footer => "the page footer",
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn headings(doc: &Document<'_>, out: &mut Vec<Finding>) {
    // a line's section comes from a heading or an inline label ("Skills: Go")
    let found = |s: Section| doc.lines.iter().any(|l| l.section == s);
    let missing: Vec<&str> = [
        (Section::Experience, "Experience"),
        (Section::Education, "Education"),
        (Section::Skills, "Skills"),
    ]
    .into_iter()
    .filter(|&(s, _)| !found(s))
    .map(|(_, name)| name)
    .collect();
    if missing.is_empty() {
        return;
    }
    // heading-like lines that name no section, past the name and title lines
    let mut seen = 0;
    let odd: Vec<Span> = doc
        .lines
        .iter()
        .filter(|l| {
            if l.kind != LineKind::Blank {
                seen += 1;
            }
            seen > 2 && l.kind == LineKind::Heading && !is_section_heading(doc, l)
        })
        .map(|l| l.span)
        .take(MAX_SPANS)
        .collect();
    let mut message = format!(
        "No {} section heading was found; an ATS files your text under the headings it knows.",
        join_or(&missing)
    );
    if !odd.is_empty() {
        let names: Vec<String> = odd
            .iter()
            .take(5)
            .map(|s| format!("\"{}\"", doc.text[s.range()].trim()))
            .collect();
        message.push_str(&format!(
            " Headings it may not recognize: {}.",
            names.join(", ")
        ));
    }
    let mut f = finding(
        FindingKind::NonStandardHeadings,
        if missing.contains(&"Experience") {
            Severity::Warning
        } else {
            Severity::Info
        },
        message,
        "Use the usual section names on lines of their own: Summary, Experience, Education, Skills, Projects, Certifications.",
    );
    f.spans = odd;
    out.push(f);
}

fn is_section_heading(doc: &Document<'_>, line: &crate::document::Line) -> bool {
    crate::text::lexicon::section_of_heading(doc.line_text(line).trim()).is_some()
}

fn join_or(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// How a date is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum DateFormat {
    /// 05/2019
    Slash,
    /// 05-2019 or 05.2019
    Dash,
    /// 2019-05
    Iso,
    /// May 2019, Sep. 2019
    MonthShort,
    /// September 2019
    MonthLong,
    /// Sep '19
    MonthApostrophe,
}

impl DateFormat {
    fn example(self) -> &'static str {
        match self {
            DateFormat::Slash => "05/2019",
            DateFormat::Dash => "05-2019",
            DateFormat::Iso => "2019-05",
            DateFormat::MonthShort => "Sep 2019",
            DateFormat::MonthLong => "September 2019",
            DateFormat::MonthApostrophe => "Sep '19",
        }
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a word names, and whether it is the full name (`May` is both).
/// Compares ignoring ASCII case, without making a lowercase copy.
fn month(word: &str) -> Option<(bool, bool)> {
    if word.len() < 3 || word.len() > 9 || !word.is_ascii() {
        return None;
    }
    let w = word.as_bytes();
    for m in &MONTHS {
        if m.eq_ignore_ascii_case(word) {
            return Some((true, m.len() <= 4)); // full; short too for May/June/July
        }
        let prefix = m.len() >= w.len() && m.as_bytes()[..w.len()].eq_ignore_ascii_case(w);
        if prefix && (w.len() == 3 || word.eq_ignore_ascii_case("sept")) {
            return Some((false, true));
        }
    }
    None
}

/// Whether the 4 bytes at `i` are a year, 1900 to 2099, with no digit either side.
fn is_year(text: &[u8], i: usize) -> bool {
    i + 4 <= text.len()
        && (text[i] == b'1' && text[i + 1] == b'9' || text[i] == b'2' && text[i + 1] == b'0')
        && text[i + 2].is_ascii_digit()
        && text[i + 3].is_ascii_digit()
        && (i == 0 || !text[i - 1].is_ascii_digit())
        && text.get(i + 4).is_none_or(|b| !b.is_ascii_digit())
}

/// The dates of the text, each with how it is written: those around the years
/// of the scan, then those with an apostrophe ("Sep '19").
fn found_dates(text: &str, scan: &Scan) -> Vec<(DateFormat, Span)> {
    let mut found: Vec<(DateFormat, Span)> = scan
        .years
        .iter()
        .filter_map(|&i| year_date(text, i))
        .collect();
    found.extend(
        scan.apostrophes
            .iter()
            .filter_map(|&i| apostrophe_date(text, i)),
    );
    found
}

/// The date around the year at `i` (see [`is_year`]), if it is written in one
/// of the formats we compare: a bare year ("2010 - 2014") is not, nor is a
/// month named the same way in full and short ("May 2019").
///
/// (Years never overlap: the bytes a date takes after its year, "-05" in
/// "2019-05", can not start a year, so each year is looked at on its own.)
fn year_date(text: &str, i: usize) -> Option<(DateFormat, Span)> {
    let bytes = text.as_bytes();
    let year_end = i + 4;
    // before the year: "05/", "5-", "May ", "Sep. ", "September, "
    let mut fmt = None;
    let mut start = i;
    if i >= 2 && matches!(bytes[i - 1], b'/' | b'-' | b'.') {
        let sep = bytes[i - 1];
        let mut j = i - 1;
        let mut digits = 0;
        while j > 0 && bytes[j - 1].is_ascii_digit() && digits < 3 {
            j -= 1;
            digits += 1;
        }
        let before_ok = j == 0 || !bytes[j - 1].is_ascii_alphanumeric() && bytes[j - 1] != b'/';
        if (1..=2).contains(&digits) && before_ok && month_number(&bytes[j..i - 1]) {
            fmt = Some(if sep == b'/' {
                DateFormat::Slash
            } else {
                DateFormat::Dash
            });
            start = j;
        }
    } else if i >= 4 && matches!(bytes[i - 1], b' ' | b',' | b'.') {
        let mut j = i;
        while j > 0 && matches!(bytes[j - 1], b' ' | b',' | b'.') && i - j < 3 {
            j -= 1;
        }
        let end = j;
        while j > 0 && bytes[j - 1].is_ascii_alphabetic() && end - j < 10 {
            j -= 1;
        }
        if let Some(word) = text.get(j..end)
            && (j == 0 || !bytes[j - 1].is_ascii_alphabetic())
            && let Some((long, short)) = month(word)
        {
            fmt = match (long, short) {
                (true, true) => return None, // May, June, July: both ways
                (true, false) => Some(DateFormat::MonthLong),
                _ => Some(DateFormat::MonthShort),
            };
            start = j;
        }
    }
    if fmt.is_none()
        && bytes.get(year_end) == Some(&b'-')
        && bytes
            .get(year_end + 1..year_end + 3)
            .is_some_and(month_number)
        && bytes.get(year_end + 3).is_none_or(|b| !b.is_ascii_digit())
        && (i == 0 || !matches!(bytes[i - 1], b'/' | b'-' | b'.'))
    {
        return Some((DateFormat::Iso, Span::new(i, year_end + 3)));
    }
    fmt.map(|f| (f, Span::new(start, year_end)))
}

fn dates(text: &str, scan: &Scan, out: &mut Vec<Finding>) {
    let mut found = found_dates(text, scan);
    if found.len() < 3 {
        return;
    }
    let mut counts: Vec<(DateFormat, usize)> = Vec::new();
    for (f, _) in &found {
        match counts.iter_mut().find(|(g, _)| g == f) {
            Some((_, n)) => *n += 1,
            None => counts.push((*f, 1)),
        }
    }
    if counts.len() < 2 {
        return;
    }
    crate::sort::sort_by(&mut counts, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let parts: Vec<String> = counts
        .iter()
        .map(|(f, n)| {
            let example = found
                .iter()
                .find(|(g, _)| g == f)
                .map(|(_, s)| text[s.range()].to_string())
                .unwrap_or_default();
            format!("\"{example}\" ({})", plural(*n, "once", "times"))
        })
        .collect();
    let main = counts[0].0;
    crate::sort::sort_by_key(&mut found, |(_, s)| s.start);
    let mut f = finding(
        FindingKind::InconsistentDates,
        Severity::Info,
        format!(
            "Dates are written in {} formats: {}. ATS compute your years of experience from these dates, and mixed formats are where they go wrong.",
            counts.len(),
            parts.join(", ")
        ),
        &format!(
            "Write every date the same way, for instance as you do most often (like \"{}\").",
            main.example()
        ),
    );
    f.spans = found
        .iter()
        .filter(|(g, _)| *g != main)
        .map(|(_, s)| *s)
        .take(MAX_SPANS)
        .collect();
    out.push(f);
}

/// The date ending with the apostrophe (`'` or `’`) at `i`: "Sep '19", "Sep ’19".
fn apostrophe_date(text: &str, i: usize) -> Option<(DateFormat, Span)> {
    let after = i + if text.as_bytes()[i] == b'\'' {
        1
    } else {
        '’'.len_utf8()
    };
    let digits = text.as_bytes()[after..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if digits != 2 {
        return None;
    }
    let before = text[..i].trim_end_matches([' ', '.']);
    // the ASCII letters the text ends with (the one before may be any character)
    let word_start = before.len()
        - before
            .bytes()
            .rev()
            .take_while(u8::is_ascii_alphabetic)
            .count();
    if before.len() - word_start >= 3 && month(&before[word_start..]).is_some() {
        Some((
            DateFormat::MonthApostrophe,
            Span::new(word_start, after + 2),
        ))
    } else {
        None
    }
}

fn month_number(digits: &[u8]) -> bool {
    match digits {
        [d] => (b'1'..=b'9').contains(d),
        [b'0', d] => (b'1'..=b'9').contains(d),
        [b'1', d] => (b'0'..=b'2').contains(d),
        _ => false,
    }
}

fn length(doc: &Document<'_>, file: Option<&Extracted>, out: &mut Vec<Finding>) {
    let words = doc.word_count;
    let pages = file.and_then(|f| f.page_count);
    if words < SHORT_WORDS {
        out.push(finding(
            FindingKind::UnusualLength,
            Severity::Warning,
            format!("The resume is short: {}. An ATS ranks by keywords in context, and a short resume has room for few.", plural(words, "one word", "words")),
            "Aim for 400 to 800 words: describe each recent role in 3 to 6 bullets with what you did, with which tools, and the result in numbers.",
        ));
    } else if let Some(p) = pages.filter(|&p| p > 2) {
        out.push(finding(
            FindingKind::UnusualLength,
            Severity::Warning,
            format!("The resume has {p} pages ({words} words); recruiters expect one page, two for long careers."),
            "Cut older roles to one line each and keep the last 10 to 15 years in detail.",
        ));
    } else if words > LONG_WORDS {
        out.push(finding(
            FindingKind::UnusualLength,
            Severity::Info,
            format!("The resume is long: {words} words; most fit in 400 to 800."),
            "Cut older roles to one line each and keep the last 10 to 15 years in detail.",
        ));
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn kinds(text: &str) -> Vec<FindingKind> {
        check(&Document::parse(text), None)
            .into_iter()
            .map(|f| f.kind)
            .collect()
    }

    fn find(text: &str, kind: FindingKind) -> Option<Finding> {
        check(&Document::parse(text), None)
            .into_iter()
            .find(|f| f.kind == kind)
    }

    #[test]
    fn dates_in_mixed_formats() {
        let text = "Experience\nAcme, 05/2019 - 03/2021\nBeta, Sep 2017 - Apr 2019\nGamma, 2015-06 – 2017-08\n";
        let f = find(text, FindingKind::InconsistentDates).unwrap();
        assert!(
            f.message.starts_with("Dates are written in 3 formats"),
            "{}",
            f.message
        );
        assert!(f.message.contains("\"05/2019\" (2 times)"), "{}", f.message);
        let shown: Vec<&str> = f.spans.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(shown, ["Sep 2017", "Apr 2019", "2015-06", "2017-08"]);
    }

    #[test]
    fn one_date_format_is_fine() {
        for text in [
            "Acme, Sep 2019 - Mar 2021\nBeta, May 2017 - Aug 2019\nGamma, Jan 2015 - Apr 2017",
            "Acme 05/2019 - 03/2021, Beta 01/2018 - 04/2019, 2010 - 2014",
            // year ranges and May/June are not a format of their own
            "Acme, June 2019 - September 2021\nBeta, January 2017 - May 2019\n2012 - 2016",
            // phone numbers and versions are not dates
            "+1 555-2019-123, Python 3.2019, ISO 9001:2015, 12/20/2019",
        ] {
            assert_eq!(find(text, FindingKind::InconsistentDates), None, "{text}");
        }
    }

    #[test]
    fn apostrophe_years() {
        let text = "Acme Sep '19 - Mar ’21\nBeta Sep 2017 - Apr 2019";
        let f = find(text, FindingKind::InconsistentDates).unwrap();
        let shown: Vec<&str> = f.spans.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(shown, ["Sep '19", "Mar ’21"]);
    }

    #[test]
    fn accented_letter_before_apostrophe_month() {
        // the month before "'19" starts after a multi-byte letter
        let text = "Acme éSep '19 – ÔMar ’21\nBeta Sep 2017 - Apr 2019";
        let f = find(text, FindingKind::InconsistentDates).unwrap();
        let shown: Vec<&str> = f.spans.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(shown, ["Sep '19", "Mar ’21"]);
    }

    #[test]
    fn contact_details() {
        let f = find("Jane Doe\nSkills\nSQL", FindingKind::MissingContact).unwrap();
        assert_eq!(f.severity, Severity::Problem);
        let f = find(
            "Jane Doe · +1 555 123 4567\nSkills\nSQL",
            FindingKind::MissingContact,
        )
        .unwrap();
        assert_eq!(f.severity, Severity::Warning);
        assert!(f.message.contains("email"));
        assert_eq!(
            find(
                "jane@example.com · +1 555 123 4567",
                FindingKind::MissingContact
            ),
            None
        );
    }

    #[test]
    fn headings_named_by_the_finding() {
        let text = "Jane Doe\nBackend Engineer\n\nMY JOURNEY\nBuilt APIs.\n\nEducation\nBSc\n\nTOOLBOX\nGo";
        let f = find(text, FindingKind::NonStandardHeadings).unwrap();
        assert!(
            f.message.starts_with("No Experience section heading"),
            "{}",
            f.message
        );
        let shown: Vec<&str> = f.spans.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(shown, ["MY JOURNEY"]);
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(
            find(
                "Experience\nx\nEducation\ny\nSkills\nz",
                FindingKind::NonStandardHeadings
            ),
            None
        );
    }

    #[test]
    fn garbled_fonts() {
        let text = format!(
            "Experience\n{}\nBuilt APIs in Go.",
            "\u{E01A}\u{E02B}\u{FFFD}".repeat(4)
        );
        let f = find(&text, FindingKind::GarbledText).unwrap();
        assert!(f.message.starts_with("12 characters"), "{}", f.message);
        assert_eq!(f.spans.len(), 12);
        // Symbol-font bullets are not garbage
        assert!(!kinds("\u{F0B7} Built APIs\n\u{F0B7} Led a team\n\u{F0B7} Shipped\n\u{F0B7} Cut costs\n\u{F0B7} Hired").contains(&FindingKind::GarbledText));
    }

    #[test]
    fn length() {
        let f = find("Experience\nBuilt APIs.", FindingKind::UnusualLength).unwrap();
        assert!(f.message.contains("3 words"), "{}", f.message);
        let long = "Built backend services in Go. ".repeat(250);
        let f = find(&long, FindingKind::UnusualLength).unwrap();
        assert_eq!(f.severity, Severity::Info);
        let fine = "Built backend services in Go. ".repeat(60);
        assert_eq!(find(&fine, FindingKind::UnusualLength), None);
    }

    #[test]
    fn empty_text_has_no_findings() {
        assert!(kinds("").is_empty());
        assert!(kinds(" \n\t").is_empty());
    }

    /// The checks as they were before [`Scan`]: a pass over the characters of
    /// the text for each (with the fix for a multi-byte letter before an
    /// apostrophe date). The scan must find exactly what they find.
    mod reference {
        use super::super::*;

        pub fn nonspace(text: &str) -> usize {
            text.chars().filter(|c| !c.is_whitespace()).count()
        }

        /// Garbage characters and "(cid:", non-space characters, where the
        /// first garbage characters are.
        pub fn garbled(text: &str) -> (usize, usize, Vec<Span>) {
            let mut bad = 0usize;
            let mut total = 0usize;
            let mut spans = Vec::new();
            for (i, c) in text.char_indices() {
                if c.is_whitespace() {
                    continue;
                }
                total += 1;
                let garbage = c == '\u{FFFD}'
                    || (('\u{E000}'..='\u{F8FF}').contains(&c) && !PUA_BULLETS.contains(&c))
                    || ('\u{F0000}'..='\u{10FFFF}').contains(&c);
                if garbage {
                    bad += 1;
                    if spans.len() < MAX_SPANS {
                        spans.push(Span::new(i, i + c.len_utf8()));
                    }
                }
            }
            bad += text.matches("(cid:").count();
            (bad, total, spans)
        }

        pub fn month(word: &str) -> Option<(bool, bool)> {
            if word.len() < 3 || word.len() > 9 || !word.is_ascii() {
                return None;
            }
            let w = word.to_ascii_lowercase();
            for m in MONTHS {
                if m == w {
                    return Some((true, m.len() <= 4));
                }
                if w.len() >= 3 && m.starts_with(&w) && (w.len() == 3 || w == "sept") {
                    return Some((false, true));
                }
            }
            None
        }

        /// The dates found, in the order they were found.
        pub fn dates(doc_text: &str) -> Vec<(DateFormat, Span)> {
            let text = doc_text.as_bytes();
            let mut found: Vec<(DateFormat, Span)> = Vec::new();
            let mut i = 0;
            while i + 4 <= text.len() {
                let is_year = (text[i] == b'1' && text[i + 1] == b'9'
                    || text[i] == b'2' && text[i + 1] == b'0')
                    && text[i + 2].is_ascii_digit()
                    && text[i + 3].is_ascii_digit()
                    && (i == 0 || !text[i - 1].is_ascii_digit())
                    && text.get(i + 4).is_none_or(|b| !b.is_ascii_digit());
                if !is_year {
                    i += 1;
                    continue;
                }
                let year_end = i + 4;
                let mut fmt = None;
                let mut start = i;
                if i >= 2 && matches!(text[i - 1], b'/' | b'-' | b'.') {
                    let sep = text[i - 1];
                    let mut j = i - 1;
                    let mut digits = 0;
                    while j > 0 && text[j - 1].is_ascii_digit() && digits < 3 {
                        j -= 1;
                        digits += 1;
                    }
                    let before_ok =
                        j == 0 || !text[j - 1].is_ascii_alphanumeric() && text[j - 1] != b'/';
                    if (1..=2).contains(&digits) && before_ok && month_number(&text[j..i - 1]) {
                        fmt = Some(if sep == b'/' {
                            DateFormat::Slash
                        } else {
                            DateFormat::Dash
                        });
                        start = j;
                    }
                } else if i >= 4 && matches!(text[i - 1], b' ' | b',' | b'.') {
                    let mut j = i;
                    while j > 0 && matches!(text[j - 1], b' ' | b',' | b'.') && i - j < 3 {
                        j -= 1;
                    }
                    let end = j;
                    while j > 0 && text[j - 1].is_ascii_alphabetic() && end - j < 10 {
                        j -= 1;
                    }
                    if let Some(word) = doc_text.get(j..end)
                        && (j == 0 || !text[j - 1].is_ascii_alphabetic())
                        && let Some((long, short)) = month(word)
                    {
                        fmt = match (long, short) {
                            (true, true) => None,
                            (true, false) => Some(DateFormat::MonthLong),
                            _ => Some(DateFormat::MonthShort),
                        };
                        start = j;
                        if fmt.is_none() {
                            i = year_end;
                            continue;
                        }
                    }
                }
                if fmt.is_none()
                    && text.get(year_end) == Some(&b'-')
                    && text
                        .get(year_end + 1..year_end + 3)
                        .is_some_and(month_number)
                    && text.get(year_end + 3).is_none_or(|b| !b.is_ascii_digit())
                    && (i == 0 || !matches!(text[i - 1], b'/' | b'-' | b'.'))
                {
                    found.push((DateFormat::Iso, Span::new(i, year_end + 3)));
                    i = year_end + 3;
                    continue;
                }
                if let Some(f) = fmt {
                    found.push((f, Span::new(start, year_end)));
                }
                i = year_end;
            }
            for (i, c) in doc_text.char_indices() {
                if c != '\'' && c != '’' {
                    continue;
                }
                let after = &doc_text[i + c.len_utf8()..];
                let digits = after.bytes().take_while(|b| b.is_ascii_digit()).count();
                if digits != 2 {
                    continue;
                }
                let before = doc_text[..i].trim_end_matches([' ', '.']);
                let word_start = before.len()
                    - before
                        .bytes()
                        .rev()
                        .take_while(u8::is_ascii_alphabetic)
                        .count();
                if before.len() - word_start >= 3 && month(&before[word_start..]).is_some() {
                    let end = i + c.len_utf8() + 2;
                    found.push((DateFormat::MonthApostrophe, Span::new(word_start, end)));
                }
            }
            found
        }
    }

    /// The scan finds what the character-by-character checks find.
    fn assert_scan_agrees(text: &str) {
        let scan = Scan::of(text);
        assert_eq!(scan.nonspace, reference::nonspace(text), "{text:?}");
        let (bad, total, spans) = reference::garbled(text);
        assert_eq!(scan.garbage + scan.cids, bad, "{text:?}");
        assert_eq!(scan.nonspace, total, "{text:?}");
        assert_eq!(scan.garbage_spans, spans, "{text:?}");
        assert_eq!(found_dates(text, &scan), reference::dates(text), "{text:?}");
    }

    /// Texts where a byte scan can go wrong: whitespace, garbage and
    /// apostrophes outside ASCII, at the start, the end, across 8-byte chunks.
    const TRICKY: &[&str] = &[
        "",
        "a",
        " ",
        "\u{A0}",
        "Jane\u{A0}Doe\u{2003}Go\u{3000}SQL\u{85}x\u{1680}y\u{2028}z\u{2029}\u{202F}\u{205F}",
        "\u{200B}\u{FEFF}\u{180E}", // not whitespace for char::is_whitespace
        "\t\n\x0B\x0C\r \x1C\x1D\x1E\x1F\x00\x7F",
        "\x00\x01\x08\x0E\x1F !\"#$%&'()*+,-./0123:;<=>?@[\\]^_`{|}~\x7F",
        "a\u{85}b\u{A0}c\u{E9}d\u{7FF}e\u{800}f\u{FFFF}g\u{10000}h\u{10FFFF}",
        "\u{FFFD}Built APIs\u{FFFD}",
        "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}",
        "\u{F0B7} Go \u{F0A7} SQL \u{F076} \u{F0D8} \u{F0FC} \u{F0B8} \u{E000}\u{F8FF}\u{E01A}",
        "\u{F0000}\u{FFFFD}\u{100000}\u{10FFFF} \u{EFFFF}\u{1F600}",
        "(cid:12)(cid:3) (cid (cid:(cid:4)",
        "(cid:1)(cid:2)(cid:3)(cid:4)(cid:5)(cid:6)(cid:7)",
        "'19 Sep '19 Sep ’19 Mar’21 Sept. '20 june '21 Dec ’1 Dec '123 x'19'",
        "Sep ’19",
        "Sep '19",
        "’19",
        "Jan '",
        "Jan ’",
        "Acme, 05/2019 - 03/2021\nBeta, Sep 2017 - Apr 2019\nGamma, 2015-06 – 2017-08\n",
        "é2019 €2019 ü05/2019 ñ2019-05 Ä1999 May 2019 June 2019 SEPTEMBER, 2019 Sept. 2019",
        "Août 2019 Mär 2019 Déc. 2019 Sep\u{A0}2019 Sep\u{2003}2019",
        "2019-05 2019-13 2019-5 12019 20190 1899 2100 05-2019 5.2019 /05/2019 a05/2019",
        "2019",
        "19",
        "x2019",
        "1999-12",
        "Sep 2019 Sep 2019",
        "+1 555-2019-123, Python 3.2019, ISO 9001:2015, 12/20/2019",
    ];

    #[test]
    fn scan_agrees_on_tricky_texts() {
        let mut all = String::new();
        for text in TRICKY {
            // every alignment against the 8-byte chunks, and past the first chunks
            for pad in 0..17 {
                let padded = format!("{}{text}", "x ".repeat(pad / 2) + &"y".repeat(pad % 2));
                assert_scan_agrees(&padded);
                assert_scan_agrees(&format!("{padded}{}", "z".repeat(pad)));
                assert_scan_agrees(&text.repeat(pad));
            }
            all.push_str(text);
        }
        assert_scan_agrees(&all);
        // more garbage than MAX_SPANS
        assert_scan_agrees(&"\u{FFFD}a\u{E001} ".repeat(30));
    }

    #[test]
    fn month_agrees() {
        for word in [
            "may",
            "MAY",
            "May",
            "jun",
            "june",
            "JUNE",
            "july",
            "jul",
            "sep",
            "sept",
            "SEPT",
            "septe",
            "september",
            "Septembre",
            "mar",
            "march",
            "ma",
            "m",
            "",
            "dec",
            "decem",
            "december",
            "decembers",
            "janu",
            "octo",
            "nov",
            "noV",
            "é",
            "maé",
            "aug",
            "august",
        ] {
            assert_eq!(month(word), reference::month(word), "{word:?}");
        }
    }

    /// Pieces of text that matter to the scan, joined at random.
    const PIECES: &[&str] = &[
        " ",
        "\t",
        "\n",
        "\r\n",
        "\x0B",
        "\x0C",
        "\x1C",
        "\x00",
        "\x08",
        "\x0E",
        "\x7F",
        "!",
        "&",
        ")",
        "3",
        "\u{85}",
        "\u{A0}",
        "\u{1680}",
        "\u{2003}",
        "\u{2028}",
        "\u{202F}",
        "\u{3000}",
        "\u{200B}",
        "\u{FFFD}",
        "\u{F0B7}",
        "\u{F0A7}",
        "\u{F0B8}",
        "\u{E000}",
        "\u{F8FF}",
        "\u{F0000}",
        "\u{10FFFD}",
        "\u{1F600}",
        "é",
        "€",
        "’",
        "'",
        "(cid:",
        "(cid:12)",
        "(",
        "Sep",
        "sept",
        "SEPT.",
        "September",
        "May",
        "june",
        "Mar",
        "Dec.",
        "Jan, ",
        "19",
        "20",
        "2019",
        "1999",
        "05",
        "5",
        "12",
        "13",
        "0",
        "1",
        "2",
        "9",
        "-",
        "/",
        ".",
        ",",
        "a",
        "Z",
        "Go",
    ];

    proptest! {
        #[test]
        fn scan_agrees_on_any_text(
            pieces in proptest::collection::vec(
                prop_oneof![
                    6 => proptest::sample::select(PIECES).prop_map(str::to_string),
                    1 => any::<char>().prop_map(String::from),
                    1 => "\\PC{0,6}",
                ],
                0..80,
            ),
            raw in "\\PC{0,40}",
        ) {
            assert_scan_agrees(&pieces.concat());
            assert_scan_agrees(&raw);
        }

        #[test]
        fn month_agrees_on_any_word(word in "[a-zA-Z.é]{0,10}") {
            prop_assert_eq!(month(&word), reference::month(&word));
        }
    }
}
