//! Fonts: the widths and the Unicode text of each glyph (ToUnicode CMaps,
//! encodings, glyph names, the 14 standard fonts).

use super::geometry::{deref, num};
use lopdf::{Dictionary, Document, Encoding, Object, Stream};

use super::{BYTES_PER_OP, Budget, MAX_CMAP_CODES, REPLACEMENT};
use crate::error::Result;
use crate::hash::Map;

/// Advance widths, in glyph units.
#[derive(Debug)]
pub(super) enum Widths {
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
pub(super) struct Font<'d> {
    /// Type0: codes are two bytes.
    pub(super) two_byte: bool,
    /// Glyph units to text space (1/1000, or a Type 3 font's matrix).
    pub(super) scale: f32,
    /// Advance widths, in glyph units.
    pub(super) widths: Widths,
    /// Text of each byte code of a simple font ("" when none).
    pub(super) simple: Vec<Box<str>>,
    /// A Type0 font's `/ToUnicode` map.
    pub(super) to_unicode: Option<Encoding<'d>>,
    /// A Type0 font whose codes are UCS-2.
    pub(super) ucs2: bool,
    /// Texts of the two-byte codes met so far.
    pub(super) memo: Map<u32, Box<str>>,
}

impl Font<'_> {
    /// Width of `code` in text space units per unit of font size.
    pub(super) fn width(&self, code: u32) -> f32 {
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
    pub(super) fn text(&mut self, code: u32, len: usize) -> &str {
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
pub(super) fn load_font<'d>(
    doc: &'d Document,
    dict: &'d Dictionary,
    budget: &mut Budget,
) -> Result<Font<'d>> {
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
pub(super) fn simple_texts(
    doc: &Document,
    dict: &Dictionary,
    budget: &mut Budget,
) -> Result<Vec<Box<str>>> {
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
        .map(|b| byte_text(&encoding, b).into())
        .collect()
}

/// The text of one byte under an encoding, as lopdf's
/// `Encoding::bytes_to_string` reads it, without that function: it decodes
/// UTF-16 through encoding_rs, whose decoders for every legacy encoding
/// (and their tables) would then be linked in, though only UTF-16 is read.
fn byte_text(encoding: &Encoding<'_>, b: u8) -> String {
    // a glyph's text: its UTF-16 code unit, an unpaired surrogate dropped
    let glyph = |unit: Option<u16>| -> String { char::decode_utf16(unit).flatten().collect() };
    match encoding {
        Encoding::OneByteEncoding(set) => glyph(set[b as usize].map(|g| g.utf16_code_unit())),
        Encoding::Differences(d) => match d.map.get(&b) {
            Some(g) => glyph(Some(g.utf16_code_unit())),
            None => byte_text(&d.base, b),
        },
        Encoding::UnicodeMapEncoding(map) => utf16_be(&map.get_or_replacement_char(b.into(), 1)),
        // one byte of UTF-16: malformed
        Encoding::SimpleEncoding(b"UniGB-UCS2-H" | b"UniGB-UTF16-H") => "\u{FFFD}".into(),
        Encoding::SimpleEncoding(_) => String::new(),
    }
}

/// UTF-16BE code units to text as a decoder of their bytes reads them
/// (encoding_rs's `decode`): a leading byte order mark dropped (a
/// little-endian one switches the rest to little-endian, a UTF-8 one to
/// UTF-8), malformed units replaced by U+FFFD.
fn utf16_be(units: &[u16]) -> String {
    if units.len() >= 2 && units[0] == 0xEFBB && units[1] >> 8 == 0xBF {
        let bytes: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
        return String::from_utf8_lossy(&bytes[3..]).into_owned();
    }
    match units.split_first() {
        Some((0xFEFF, rest)) => utf16(rest),
        Some((0xFFFE, rest)) => utf16(&rest.iter().map(|u| u.swap_bytes()).collect::<Vec<_>>()),
        _ => utf16(units),
    }
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
        Ok(e @ Encoding::Differences(_)) => byte_text(&e, b'A'),
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
pub(super) enum StandardFont {
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
    pub(super) fn width(self, code: usize) -> f32 {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_text_reads_each_byte_as_lopdf_does() {
        let mut doc = Document::new();
        let cmap_text = b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
            /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
            1 begincodespacerange\n<00> <FF>\nendcodespacerange\n\
            3 beginbfchar\n<41> <0042>\n<42> <FEFF>\n<43> <D800>\nendbfchar\n\
            endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
        let to_unicode = doc.add_object(Stream::new(Dictionary::new(), cmap_text.to_vec()));
        let names = |n: &[&str]| {
            Object::Array(
                n.iter()
                    .map(|x| Object::Name(x.as_bytes().to_vec()))
                    .collect(),
            )
        };
        let mut diffs = Dictionary::new();
        diffs.set("BaseEncoding", Object::Name(b"WinAnsiEncoding".to_vec()));
        let mut list = vec![Object::Integer(65)];
        if let Object::Array(a) = names(&["Alpha", "fi", "eacute", "uni2022", "space"]) {
            list.extend(a);
        }
        diffs.set("Differences", Object::Array(list));
        let mut cmap = Dictionary::new();
        cmap.set("Differences", Object::Array(vec![Object::Integer(1)]));
        for encoding in [
            None,
            Some(Object::Name(b"StandardEncoding".to_vec())),
            Some(Object::Name(b"WinAnsiEncoding".to_vec())),
            Some(Object::Name(b"MacRomanEncoding".to_vec())),
            Some(Object::Name(b"MacExpertEncoding".to_vec())),
            Some(Object::Name(b"UniGB-UCS2-H".to_vec())),
            Some(Object::Name(b"Unknown".to_vec())),
            Some(Object::Dictionary(diffs.clone())),
            Some(Object::Dictionary(cmap.clone())),
            Some(Object::Name(b"Identity-H".to_vec())),
        ] {
            let mut font = Dictionary::new();
            font.set("Type", Object::Name(b"Font".to_vec()));
            font.set("ToUnicode", Object::Reference(to_unicode));
            if let Some(e) = &encoding {
                font.set("Encoding", e.clone());
            }
            let e = font.get_font_encoding(&doc).unwrap();
            if encoding == Some(Object::Name(b"Identity-H".to_vec())) {
                assert!(matches!(e, Encoding::UnicodeMapEncoding(_)));
            }
            for b in 0..=255u8 {
                let want = e.bytes_to_string(&[b]).unwrap_or_default();
                assert_eq!(byte_text(&e, b), want, "{encoding:?} byte {b}");
            }
        }
    }

    #[test]
    fn utf16_be_reads_byte_order_marks_as_a_decoder_does() {
        assert_eq!(utf16_be(&[0x0041, 0x0042]), "AB");
        assert_eq!(utf16_be(&[0xFEFF, 0x0041]), "A");
        assert_eq!(utf16_be(&[0xFFFE, 0x4100]), "A");
        assert_eq!(utf16_be(&[0xD800]), "\u{FFFD}");
        assert_eq!(utf16_be(&[0xEFBB, 0xBF41]), "A");
    }

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
