//! Text pipeline: normalization, tokenization and stemming.
//!
//! Tokens are words found on UAX #29 word boundaries (unicode-segmentation),
//! with an ASCII fast path for the common case and **tech-token rules** so that
//! `C++`, `C#`, `.NET`, `ASP.NET`, `Node.js`, `CI/CD`, `PL/SQL`, `R&D` or
//! `Objective-C` survive as one token. Every token keeps its byte span in the
//! original text; normalization (case folding, accents, quotes, full-width
//! forms, ligatures) only changes the token's *normalized form*, never its span.
//!
//! ```
//! use atscore::text::tokenize;
//! let text = "Built C++17 services on ASP.NET and Node.js (CI/CD).";
//! let toks = tokenize(text);
//! assert_eq!(toks.norm_words(), ["built", "c++", "17", "services", "on", "asp.net", "and", "node.js", "ci/cd"]);
//! // spans point into the original text
//! assert_eq!(&text[toks.tokens[1].span().range()], "C++");
//! ```

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

pub(crate) mod bytes;
pub mod lexicon;

/// A half-open byte range `start..end` into the analyzed text.
///
/// ```
/// let span = atscore::Span::new(4, 8);
/// assert_eq!(&"use Rust daily"[span.range()], "Rust");
/// assert_eq!(span.len(), 4);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (half-open).
    ///
    /// ```
    /// assert_eq!(atscore::Span::new(1, 3).range(), 1..3);
    /// ```
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The span as a range, for slicing the text.
    ///
    /// ```
    /// assert_eq!(&"abc"[atscore::Span::new(1, 3).range()], "bc");
    /// ```
    pub const fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    ///
    /// ```
    /// assert_eq!(atscore::Span::new(2, 5).len(), 3);
    /// ```
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    ///
    /// ```
    /// assert!(atscore::Span::new(2, 2).is_empty());
    /// ```
    pub const fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// What separates a token from the one before it.
///
/// Multi-word keywords match across [`Gap::Space`], [`Gap::Newline`] (a
/// wrapped line) and [`Gap::Hyphen`] (`server-side` = `server side`), never
/// across other punctuation (`Python, Java` is not the phrase "python java").
///
/// ```
/// use atscore::text::{tokenize, Gap};
/// let toks = tokenize("server-side, system\narchitecture");
/// let gaps: Vec<Gap> = toks.tokens.iter().map(|t| t.gap).collect();
/// assert_eq!(gaps, [Gap::Start, Gap::Hyphen, Gap::Punct, Gap::Newline]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gap {
    /// First token of the text.
    Start,
    /// Nothing in between: `C++` and `17` in `C++17`.
    Glued,
    /// Spaces or tabs.
    Space,
    /// White space with one line break (a wrapped line).
    Newline,
    /// A single hyphen between two words, no spaces: `server-side`.
    Hyphen,
    /// Any other punctuation, a spaced dash, or a blank line.
    Punct,
}

impl Gap {
    /// Whether a multi-word phrase may continue across this gap.
    ///
    /// ```
    /// use atscore::text::Gap;
    /// assert!(Gap::Newline.joins_phrase());
    /// assert!(!Gap::Punct.joins_phrase());
    /// ```
    pub fn joins_phrase(self) -> bool {
        matches!(self, Gap::Space | Gap::Newline | Gap::Hyphen)
    }
}

/// The broad class of a token.
///
/// ```
/// use atscore::text::{tokenize, TokenKind};
/// let toks = tokenize("C# 2020 Python");
/// let kinds: Vec<TokenKind> = toks.tokens.iter().map(|t| t.kind).collect();
/// assert_eq!(kinds, [TokenKind::Tech, TokenKind::Number, TokenKind::Word]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (possibly with digits, apostrophes or underscores): `Python`, `k8s`, `EC2`.
    Word,
    /// Digits, possibly with a decimal point: `2020`, `99.9`.
    Number,
    /// A word with symbols kept by the tech-token rules: `C++`, `.NET`, `CI/CD`.
    Tech,
}

/// One token: a byte span, its class, the gap before it, and the id of its
/// normalized form in [`Tokens::norms`].
///
/// ```
/// let toks = atscore::text::tokenize("Node.js");
/// let t = toks.tokens[0];
/// assert_eq!((t.span().start, t.span().end), (0, 7));
/// assert_eq!(toks.norm(&t), "node.js");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    /// Id of the normalized form (index into [`Tokens::norms`]).
    pub norm: u32,
    /// Index of the line the token starts on (0-based).
    pub line: u32,
    /// What separates this token from the previous one.
    pub gap: Gap,
    /// The token's class.
    pub kind: TokenKind,
}

impl Token {
    /// The token's byte span in the original text.
    ///
    /// ```
    /// let toks = atscore::text::tokenize("  SQL");
    /// assert_eq!(toks.tokens[0].span(), atscore::Span::new(2, 5));
    /// ```
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// The tokens of a text, with their distinct normalized forms and stems.
///
/// Normalized forms are interned: each distinct form is normalized and stemmed
/// once per text (the per-document stem cache).
///
/// ```
/// let toks = atscore::text::tokenize("APIs and APIs and optimizing");
/// assert_eq!(toks.tokens.len(), 5);
/// assert_eq!(toks.norms.len(), 3); // "apis", "and", "optimizing"
/// assert_eq!(&toks.norms[0], "apis");
/// assert_eq!(toks.stem(&toks.tokens[0]), "api");
/// assert_eq!(toks.stem(&toks.tokens[4]), "optim");
/// ```
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Distinct normalized forms; `Token::norm` indexes here.
    pub norms: Words,
    /// Snowball stem of each normalized form (same index as `norms`).
    pub stems: Words,
    /// Byte offset where each line starts (line `i` is `line_starts[i]..`).
    pub line_starts: Vec<usize>,
}

impl Tokens {
    /// Normalized form of a token.
    ///
    /// ```
    /// let toks = atscore::text::tokenize("ＰＹＴＨＯＮ");
    /// assert_eq!(toks.norm(&toks.tokens[0]), "python");
    /// ```
    pub fn norm(&self, t: &Token) -> &str {
        &self.norms[t.norm as usize]
    }

    /// Stem of a token (its normalized form if it is not a plain word).
    ///
    /// ```
    /// let toks = atscore::text::tokenize("architectures");
    /// assert_eq!(toks.stem(&toks.tokens[0]), "architectur");
    /// ```
    pub fn stem(&self, t: &Token) -> &str {
        &self.stems[t.norm as usize]
    }

    /// The normalized form of every token, in order.
    ///
    /// ```
    /// assert_eq!(atscore::text::tokenize("Node.js, C++!").norm_words(), ["node.js", "c++"]);
    /// ```
    pub fn norm_words(&self) -> Vec<&str> {
        self.tokens.iter().map(|t| self.norm(t)).collect()
    }

    /// The stem of every token, in order.
    ///
    /// ```
    /// assert_eq!(atscore::text::tokenize("RESTful APIs").stem_words(), ["rest", "api"]);
    /// ```
    pub fn stem_words(&self) -> Vec<&str> {
        self.tokens.iter().map(|t| self.stem(t)).collect()
    }
}

/// A list of strings by id, stored in one buffer (the distinct normalized
/// forms or stems of a text: no allocation per word). Index it for a word.
///
/// ```
/// let toks = atscore::text::tokenize("Rust and rust");
/// assert_eq!(toks.norms.len(), 2);
/// assert_eq!(&toks.norms[1], "and");
/// assert_eq!(toks.norms.get(2), None);
/// assert_eq!(toks.norms.iter().collect::<Vec<_>>(), ["rust", "and"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words {
    buf: String,
    /// `(start, end)` of each word in `buf`
    spans: Vec<(usize, usize)>,
}

impl Words {
    /// Number of words.
    ///
    /// ```
    /// assert_eq!(atscore::text::tokenize("a b a").norms.len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether there are no words.
    ///
    /// ```
    /// assert!(atscore::text::tokenize("  ").norms.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The word with id `id`, if there is one.
    ///
    /// ```
    /// let toks = atscore::text::tokenize("Go");
    /// assert_eq!(toks.norms.get(0), Some("go"));
    /// ```
    pub fn get(&self, id: usize) -> Option<&str> {
        self.spans.get(id).map(|&(s, e)| &self.buf[s..e])
    }

    /// The words in id order.
    ///
    /// ```
    /// let toks = atscore::text::tokenize("Optimized APIs");
    /// assert_eq!(toks.stems.iter().collect::<Vec<_>>(), ["optim", "api"]);
    /// ```
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.spans.iter().map(|&(s, e)| &self.buf[s..e])
    }

    fn with_capacity(words: usize, bytes: usize) -> Self {
        Words {
            buf: String::with_capacity(bytes),
            spans: Vec::with_capacity(words),
        }
    }
}

impl std::ops::Index<usize> for Words {
    type Output = str;

    /// The word with id `id`; panics if there is none.
    fn index(&self, id: usize) -> &str {
        let (s, e) = self.spans[id];
        &self.buf[s..e]
    }
}

/// Interning of a text's normalized forms: an open-addressing table of ids
/// into [`Words`], keyed by the form's hash (no copy of the form), a keyed
/// hash (see [`word_hash`]): no text can be crafted to make the probes long.
struct Interner {
    /// `(id + 1, tag)` (see [`slot_tag`]); id 0 is an empty slot
    slots: Vec<(u32, u32)>,
    /// the first eight bytes of each form, by id (see [`first_chunk`]): a
    /// form of up to eight bytes is compared without reading the words
    firsts: Vec<u64>,
    /// the hash of each form, by id (for growing, and for the stem cache)
    hashes: Vec<u64>,
    /// the word hasher (see [`crate::hash::words`])
    hasher: foldhash::fast::FoldHasher<'static>,
}

/// Bits of a hash and the length (up to 255) of the form hashed.
fn slot_tag(h: u64, len: usize) -> u32 {
    ((h >> 32) as u32 & !0xff) | len.min(255) as u32
}

/// The first eight bytes of `form`, little-endian, zero padded.
fn first_chunk(form: &[u8]) -> u64 {
    if form.is_empty() {
        0
    } else {
        load8(form, 0, form.len().min(8))
    }
}

impl Interner {
    /// Room for `words` forms; the slots for `slotted` of them (the table
    /// grows past that).
    fn with_capacity(words: usize, slotted: usize) -> Self {
        let n = (slotted * 2).next_power_of_two().max(64);
        Interner {
            slots: vec![(0, 0); n],
            firsts: Vec::with_capacity(words),
            hashes: Vec::with_capacity(words),
            hasher: crate::hash::words(),
        }
    }

    /// [`Interner::with_capacity`] in the buffers `slots`, `firsts` and
    /// `hashes` (emptied first).
    fn reuse(
        (mut slots, mut firsts, mut hashes): (Vec<(u32, u32)>, Vec<u64>, Vec<u64>),
        slotted: usize,
    ) -> Self {
        let n = (slotted * 2).next_power_of_two().max(64);
        slots.clear();
        slots.resize(n, (0, 0));
        firsts.clear();
        hashes.clear();
        Interner {
            slots,
            firsts,
            hashes,
            hasher: crate::hash::words(),
        }
    }

    /// The probes a lookup of each form takes: the distance from the slot
    /// its hash names to the slot it is in.
    #[cfg(test)]
    fn probe_lengths(&self) -> Vec<usize> {
        let mask = self.slots.len() - 1;
        (0..self.slots.len())
            .filter(|&i| self.slots[i].0 != 0)
            .map(|i| {
                let home = self.hashes[self.slots[i].0 as usize - 1] as usize & mask;
                (i + self.slots.len() - home) & mask
            })
            .collect()
    }

    /// The id of the lowercase of `text[start..start + n]` (ASCII, `n` from 1
    /// to [`ASCII_FAST_MAX`]) if it is in `words`; else it is added and its
    /// new id returned, with `true`; and the first eight bytes of the
    /// lowercase (see [`first_chunk`]). The bytes are read from the text
    /// eight at a time (no copy).
    #[inline]
    fn intern_ascii(
        &mut self,
        words: &mut Words,
        text: &str,
        start: usize,
        n: usize,
    ) -> (u32, bool, u64) {
        let bytes = text.as_bytes();
        let raw_first = load8(bytes, start, n.min(8));
        let first = ascii_lower8(raw_first);
        if n <= 8 {
            // the common short form: its first chunk is all of it
            let h = word_hash_chunks(self.hasher.clone(), n, first, std::iter::empty());
            // (the tag has the length: a first chunk is the whole form)
            return match self.probe(h, n, first, |_| true) {
                Ok(id) => (id, false, first),
                Err(slot) => {
                    let upper = (raw_first ^ first, 0);
                    let id = self.add(words, &text[start..start + n], upper, h, first, slot);
                    (id, true, first)
                }
            };
        }
        let mut rest = [0u64; ASCII_FAST_MAX / 8 - 1];
        // the bits lowercasing changed after the first eight bytes
        let mut rest_upper = 0;
        let chunks = n.div_ceil(8);
        for (k, l) in rest.iter_mut().enumerate().take(chunks - 1) {
            let at = 8 * (k + 1);
            let raw = load8(bytes, start + at, (n - at).min(8));
            *l = ascii_lower8(raw);
            rest_upper |= raw ^ *l;
        }
        // `word_hash` of the lowercase
        let h = word_hash_chunks(
            self.hasher.clone(),
            n,
            first,
            rest[..chunks - 1].iter().copied(),
        );
        let found = self.probe(h, n, first, |id| {
            let (os, _) = words.spans[id as usize];
            same_chunks(words.buf.as_bytes(), os + 8, n - 8, &rest[..chunks - 1])
        });
        match found {
            Ok(id) => (id, false, first),
            Err(slot) => {
                let upper = (raw_first ^ first, rest_upper);
                let id = self.add(words, &text[start..start + n], upper, h, first, slot);
                (id, true, first)
            }
        }
    }

    /// Look up a form by its hash `h`, length `n` and first chunk `first`
    /// (`same` compares the rest with the form of an id that has them all):
    /// its id, or the empty slot and tag where it goes.
    #[inline(always)]
    fn probe(
        &self,
        h: u64,
        n: usize,
        first: u64,
        same: impl Fn(u32) -> bool,
    ) -> Result<u32, (usize, u32)> {
        let tag = slot_tag(h, n);
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let (id, stag) = self.slots[i];
            if id == 0 {
                return Err((i, tag));
            }
            // the tag has the length
            if stag == tag && self.firsts[id as usize - 1] == first && same(id - 1) {
                return Ok(id - 1);
            }
            i = (i + 1) & mask;
        }
    }

    /// Note the new form `id` (`words` long now), its hash `h` and first
    /// chunk `first`, in the empty slot `i` with the tag `tag`.
    #[inline(always)]
    fn insert(&mut self, id: u32, words: usize, h: u64, first: u64, (i, tag): (usize, u32)) {
        self.firsts.push(first);
        self.hashes.push(h);
        self.slots[i] = (id + 1, tag);
        if words * 2 > self.slots.len() {
            self.grow();
        }
    }

    /// Add the ASCII `form` to `words`, lowercased (`upper`: the bits
    /// lowercasing changes in its first eight bytes and in the others), its
    /// hash `h` and first chunk `first`, in the empty `slot` (index and
    /// tag) [`Interner::probe`] gave; its id.
    #[inline(always)]
    fn add(
        &mut self,
        words: &mut Words,
        form: &str,
        (upper_first, upper_rest): (u64, u64),
        h: u64,
        first: u64,
        slot: (usize, u32),
    ) -> u32 {
        let id = words.spans.len() as u32;
        let s = words.buf.len();
        words.buf.push_str(form);
        if upper_rest == 0 && upper_first >> 8 == 0 {
            if upper_first != 0 {
                // a capitalized word: only its first letter to lower
                words.buf[s..s + 1].make_ascii_lowercase();
            }
        } else {
            words.buf[s..].make_ascii_lowercase();
        }
        words.spans.push((s, words.buf.len()));
        self.insert(id, words.spans.len(), h, first, slot);
        id
    }

    /// The id of the last word of `words` if an earlier word equals it (and
    /// the last word is dropped), else its own id (and it is kept).
    fn intern_last(&mut self, words: &mut Words) -> u32 {
        let id = words.spans.len() as u32 - 1;
        let (s, e) = words.spans[id as usize];
        let form = &words.buf.as_bytes()[s..e];
        let h = word_hash(self.hasher.clone(), form);
        let first = first_chunk(form);
        let found = self.probe(h, form.len(), first, |old| {
            let (os, oe) = words.spans[old as usize];
            &words.buf.as_bytes()[os..oe] == form
        });
        match found {
            Ok(old) => {
                words.buf.truncate(s);
                words.spans.pop();
                old
            }
            Err(slot) => {
                self.insert(id, words.spans.len(), h, first, slot);
                id
            }
        }
    }

    fn grow(&mut self) {
        let n = self.slots.len() * 2;
        let mask = n - 1;
        let mut slots = vec![(0u32, 0u32); n];
        for &(id, tag) in &self.slots {
            if id != 0 {
                let mut i = self.hashes[id as usize - 1] as usize & mask;
                while slots[i].0 != 0 {
                    i = (i + 1) & mask;
                }
                slots[i] = (id, tag);
            }
        }
        self.slots = slots;
    }
}

/// Words joined by `/`, `&` or `-` that are one term (`CI/CD`, `R&D`,
/// `Objective-C`). Lowercase; the separator is part of the term.
const COMPOUNDS: &[&str] = &[
    "ci/cd",
    "tcp/ip",
    "pl/sql",
    "ui/ux",
    "ux/ui",
    "a/b",
    "r&d",
    "p&l",
    "i/o",
    "ssl/tls",
    "b2b/b2c",
    "m&a",
    "q&a",
    "at&t",
    "t-sql",
    "objective-c",
    "e-commerce",
    "e-mail",
    "x86-64",
    "s/4hana",
    "pl/pgsql",
    "os/2",
    "tcp/udp",
    "ai/ml",
    "ml/ai",
    "ar/vr",
    "b&w",
];

/// Suffixes that glue to the word before them: `Node.js`, `ASP.NET`, `Socket.io`.
const DOT_SUFFIXES: &[&str] = &["js", "net", "io", "ts", "py"];

/// Split a text into tokens with byte spans, normalized forms and stems.
///
/// Runs in time linear in the text; each distinct word is normalized and
/// stemmed once. Spans are 32-bit: only the first 4 GiB of a longer text are
/// tokenized.
///
/// ```
/// let text = "Java, JavaScript; k8s & Objective-C";
/// let toks = atscore::text::tokenize(text);
/// let spans: Vec<&str> = toks.tokens.iter().map(|t| &text[t.span().range()]).collect();
/// assert_eq!(spans, ["Java", "JavaScript", "k8s", "Objective-C"]);
/// ```
pub fn tokenize(text: &str) -> Tokens {
    Tokenizer::new(text, None).run()
}

/// The hash of a word (see [`crate::hash::words`]): foldhash of its length
/// and its bytes in eight-byte chunks (little-endian, the last one padded
/// with zeros), two to a multiply, as [`Interner::intern_ascii`] computes
/// it from the text in place.
fn word_hash(hasher: foldhash::fast::FoldHasher<'static>, s: &[u8]) -> u64 {
    let first = first_chunk(s);
    let rest = s.get(8..).unwrap_or_default();
    word_hash_chunks(
        hasher,
        s.len(),
        first,
        rest.chunks(8).map(|c| load8(c, 0, c.len())),
    )
}

/// [`word_hash`] of the word of `len` bytes whose first chunk is `first`
/// and the other chunks `rest`.
#[inline(always)]
fn word_hash_chunks(
    mut hasher: foldhash::fast::FoldHasher<'static>,
    len: usize,
    first: u64,
    mut rest: impl Iterator<Item = u64>,
) -> u64 {
    use std::hash::Hasher;
    hasher.write_u128(u128::from(len as u64) | u128::from(first) << 64);
    while let Some(a) = rest.next() {
        let b = rest.next().unwrap_or(0);
        hasher.write_u128(u128::from(a) | u128::from(b) << 64);
    }
    hasher.finish()
}

/// ASCII lowercase of eight ASCII bytes at once.
fn ascii_lower8(w: u64) -> u64 {
    use crate::text::bytes::{HIGH, ONES};
    // high bit of each byte: at least 'A', then more than 'Z'
    let ge_a = w + ONES * (0x80 - u64::from(b'A'));
    let gt_z = w + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = ge_a & !gt_z & HIGH;
    w | (upper >> 2)
}

/// The `len` bytes (1 to 8) of `b` at `at` as a little-endian number, zero
/// padded.
#[inline]
fn load8(b: &[u8], at: usize, len: usize) -> u64 {
    match b.get(at..at + 8) {
        Some(c) => {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            w & (u64::MAX >> (64 - 8 * len))
        }
        None => {
            let mut t = [0u8; 8];
            t[..len].copy_from_slice(&b[at..at + len]);
            u64::from_le_bytes(t)
        }
    }
}

/// Whether the `n` bytes of `b` at `at` are the bytes of `chunks`
/// (little-endian, zero-padded, `n.div_ceil(8)` of them).
fn same_chunks(b: &[u8], at: usize, n: usize, chunks: &[u64]) -> bool {
    chunks
        .iter()
        .enumerate()
        .all(|(k, &c)| load8(b, at + 8 * k, (n - 8 * k).min(8)) == c)
}

/// Up to three ASCII bytes and their count as one number; `None` for other
/// bytes.
fn packed_prefix(b: &[u8]) -> Option<u32> {
    if b.len() > 3 || !b.is_ascii() {
        return None;
    }
    let mut p = (b.len() as u32) << 24;
    for (k, &x) in b.iter().enumerate() {
        p |= u32::from(x) << (8 * k);
    }
    Some(p)
}

/// Bits in [`StemFilter::ascii_prefix_bits`].
const PREFIX_BITS: usize = 1 << 13;

/// The bit of the packed prefix `p` in [`StemFilter::ascii_prefix_bits`]
/// (a fixed hash: a crafted role can set many bits, which only sends more
/// words to the keyed set).
fn prefix_bit(p: u32) -> usize {
    (p.wrapping_mul(0x9e37_79b1) >> (32 - PREFIX_BITS.trailing_zeros())) as usize
}

/// Which words are worth stemming: those whose first three letters (or the
/// whole word, if shorter) begin some keyword form or stem. Other words keep
/// their normalized form as stem; they cannot match a keyword either way.
///
/// It also keeps the stems of the words it wanted, shared by all the
/// documents a matcher reads (bounded: `STEM_CACHE_MAX_WORDS`): a
/// word's stem depends on the word only, so a cached stem is the stem.
#[derive(Debug, Default)]
pub(crate) struct StemFilter {
    /// the prefixes of at most three ASCII bytes (see [`packed_prefix`])
    ascii_prefixes: crate::hash::Set<u32>,
    /// a bit for each of `ascii_prefixes` (see [`prefix_bit`]; empty when
    /// there are none): most words the filter does not want miss it, and
    /// are not looked up in the set
    ascii_prefix_bits: Vec<u64>,
    /// the other prefixes
    prefixes: crate::hash::Set<Box<str>>,
    /// normalized word -> its Snowball stem (`None`: the word itself)
    cache: std::sync::RwLock<StemCache>,
}

/// Words and their stems (`None`: the word itself), found by the words'
/// [`word_hash`], which the tokenizer has already computed.
#[derive(Debug, Default)]
struct StemCache {
    /// `(hash, index + 1)` of each word; index 0 is an empty slot
    slots: Vec<(u64, u32)>,
    /// word, stem
    words: Vec<(Box<str>, Option<Box<str>>)>,
}

impl StemCache {
    fn len(&self) -> usize {
        self.words.len()
    }

    /// Where `word` (its hash `h`) is: its index in `words`, or the empty
    /// slot where it goes. The table must have slots.
    #[inline]
    fn find(&self, h: u64, word: &str) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let (sh, k) = self.slots[i];
            if k == 0 {
                return Err(i);
            }
            if sh == h && *self.words[k as usize - 1].0 == *word {
                return Ok(k as usize - 1);
            }
            i = (i + 1) & mask;
        }
    }

    /// The stem of `word` (its hash `h`), if the cache has it.
    fn get(&self, h: u64, word: &str) -> Option<&Option<Box<str>>> {
        if self.slots.is_empty() {
            return None;
        }
        let k = self.find(h, word).ok()?;
        Some(&self.words[k].1)
    }

    /// Cache the stem of `word` (its hash `h`), unless it is there.
    fn insert(&mut self, h: u64, word: &str, stem: Option<Box<str>>) {
        if (self.words.len() + 1) * 2 > self.slots.len() {
            let n = (self.slots.len() * 2).max(256);
            let mut slots = vec![(0u64, 0u32); n];
            for &(sh, k) in &self.slots {
                if k != 0 {
                    let mut i = sh as usize & (n - 1);
                    while slots[i].1 != 0 {
                        i = (i + 1) & (n - 1);
                    }
                    slots[i] = (sh, k);
                }
            }
            self.slots = slots;
        }
        if let Err(i) = self.find(h, word) {
            self.words.push((word.into(), stem));
            self.slots[i] = (h, self.words.len() as u32);
        }
    }
}

/// Most words in a matcher's stem cache; past it, new words are stemmed
/// every time (correct, only slower).
const STEM_CACHE_MAX_WORDS: usize = 1 << 16;
/// Longest word (bytes) kept in the stem cache.
const STEM_CACHE_MAX_LEN: usize = 48;

impl StemFilter {
    pub(crate) fn add(&mut self, form: &str) {
        // a form's prefixes go in together, the longest last: when the
        // longest is in, so are the others (a compiled lexicon adds the
        // same first letters tens of thousands of times)
        let end = form.char_indices().nth(3).map_or(form.len(), |(i, _)| i);
        if end > 0 && self.wants(&form[..end]) {
            return;
        }
        for (i, c) in form.char_indices().take(3) {
            let prefix = &form[..i + c.len_utf8()];
            match packed_prefix(prefix.as_bytes()) {
                Some(p) => {
                    self.ascii_prefix_bits.resize(PREFIX_BITS / 64, 0);
                    let bit = prefix_bit(p);
                    self.ascii_prefix_bits[bit / 64] |= 1 << (bit % 64);
                    self.ascii_prefixes.insert(p)
                }
                None => self.prefixes.insert(prefix.into()),
            };
        }
    }

    fn wants(&self, norm: &str) -> bool {
        let b = norm.as_bytes();
        if let Some(p) = packed_prefix(&b[..b.len().min(3)]) {
            return self.wants_ascii(p);
        }
        let end = norm.char_indices().nth(3).map_or(norm.len(), |(i, _)| i);
        self.prefixes.contains(&norm[..end])
    }

    /// Whether the filter has the packed ASCII prefix `p` (see
    /// [`packed_prefix`]).
    #[inline]
    fn wants_ascii(&self, p: u32) -> bool {
        let bit = prefix_bit(p);
        self.ascii_prefix_bits
            .get(bit / 64)
            .is_some_and(|w| w >> (bit % 64) & 1 != 0)
            && self.ascii_prefixes.contains(&p)
    }

    /// `stem_of(word, TokenKind::Word)`, through the cache.
    pub(crate) fn stem_word(&self, stemmer: &rust_stemmers::Stemmer, word: &str) -> Box<str> {
        let h = word_hash(crate::hash::words(), word.as_bytes());
        if let Ok(map) = self.cache.read() {
            if let Some(stem) = map.get(h, word) {
                return stem.as_deref().unwrap_or(word).into();
            }
        }
        let stem = stem_of(stemmer, word, TokenKind::Word);
        let cached = (*stem != *word).then(|| stem.clone());
        if word.len() <= STEM_CACHE_MAX_LEN {
            if let Ok(mut map) = self.cache.write() {
                if map.len() < STEM_CACHE_MAX_WORDS {
                    map.insert(h, word, cached);
                }
            }
        }
        stem
    }

    /// The stems of the normalized forms `norms`: each form's own, except
    /// for the word forms `pending` (ids in increasing order), stemmed from
    /// the cache or by the stemmer; the new ones are cached. `hashes` are
    /// the forms' [`word_hash`]. Two lock acquisitions per document at
    /// most.
    /// `stems` is room for them (emptied first).
    fn stems(
        &self,
        stemmer: &rust_stemmers::Stemmer,
        norms: &Words,
        hashes: &[u64],
        pending: &[u32],
        mut stems: Words,
    ) -> Words {
        stems.buf.clear();
        stems.spans.clear();
        if pending.is_empty() {
            stems.buf.push_str(&norms.buf);
            stems.spans.extend_from_slice(&norms.spans);
            return stems;
        }
        // the stems set are appended to the buffer: room for them up front
        stems.buf.reserve(norms.buf.len() * 2);
        stems.buf.push_str(&norms.buf);
        stems.spans.extend_from_slice(&norms.spans);
        let mut misses = Vec::new();
        match self.cache.read() {
            Ok(map) => {
                for &id in pending {
                    match map.get(hashes[id as usize], &norms[id as usize]) {
                        Some(Some(stem)) => stems.set(id, stem),
                        Some(None) => {}
                        None => misses.push(id),
                    }
                }
            }
            Err(_) => misses.extend_from_slice(pending),
        }
        if misses.is_empty() {
            return stems;
        }
        let mut new = Vec::with_capacity(misses.len());
        for id in misses {
            let norm = &norms[id as usize];
            let stem = word_stem(stemmer, norm);
            if let Some(s) = &stem {
                stems.set(id, s);
            }
            if norm.len() <= STEM_CACHE_MAX_LEN {
                new.push((id, stem));
            }
        }
        if new.is_empty() {
            return stems;
        }
        if let Ok(mut map) = self.cache.write() {
            for (id, stem) in new {
                if map.len() >= STEM_CACHE_MAX_WORDS {
                    break;
                }
                map.insert(
                    hashes[id as usize],
                    &norms[id as usize],
                    stem.map(Into::into),
                );
            }
        }
        stems
    }
}

/// The Snowball stem of a word form, `None` if it is the form itself.
fn word_stem<'w>(
    stemmer: &rust_stemmers::Stemmer,
    norm: &'w str,
) -> Option<std::borrow::Cow<'w, str>> {
    if !norm.chars().any(char::is_alphabetic) {
        return None;
    }
    let stem = stemmer.stem(norm);
    (*stem != *norm).then_some(stem)
}

impl Words {
    /// Make word `id` `s` (its old bytes stay in the buffer, unused).
    fn set(&mut self, id: u32, s: &str) {
        let start = self.buf.len();
        self.buf.push_str(s);
        self.spans[id as usize] = (start, self.buf.len());
    }
}

/// The stem cache of [`tokenize`] (no matcher: every word is stemmed, and
/// its stem cached for the whole process, bounded as a matcher's is).
fn global_stems() -> &'static StemFilter {
    static STEMS: std::sync::OnceLock<StemFilter> = std::sync::OnceLock::new();
    STEMS.get_or_init(StemFilter::default)
}

/// Buffers [`tokenize_in`] works in, kept from one text to the next: a
/// compiler tokenizes tens of thousands of short keyword forms, each of
/// which would otherwise allocate them afresh.
#[derive(Default)]
pub(crate) struct TokenRoom {
    tokens: Vec<Token>,
    norms: Words,
    stems: Words,
    line_starts: Vec<usize>,
    slots: Vec<(u32, u32)>,
    firsts: Vec<u64>,
    hashes: Vec<u64>,
    pending: Vec<u32>,
}

impl TokenRoom {
    /// Keep the buffers of `toks` for the next text.
    pub(crate) fn recycle(&mut self, toks: Tokens) {
        self.tokens = toks.tokens;
        self.norms = toks.norms;
        self.stems = toks.stems;
        self.line_starts = toks.line_starts;
    }
}

/// [`tokenize`] in the buffers of `room` (give them back with
/// [`TokenRoom::recycle`]): the same tokens.
pub(crate) fn tokenize_in(text: &str, room: &mut TokenRoom) -> Tokens {
    let stems = std::mem::take(&mut room.stems);
    let (toks, intern, pending) = Tokenizer::new_in(text, None, room).run_into(stems);
    room.slots = intern.slots;
    room.firsts = intern.firsts;
    room.hashes = intern.hashes;
    room.pending = pending;
    toks
}

/// [`tokenize`] without stemming (every stem is the word's normalized form),
/// for callers that only compare normalized forms.
pub(crate) fn tokenize_unstemmed(text: &str) -> Tokens {
    Tokenizer::new(text, Some(&StemFilter::default())).run()
}

/// [`tokenize`], stemming only the words `filter` asks for.
pub(crate) fn tokenize_filtered(text: &str, filter: &StemFilter) -> Tokens {
    Tokenizer::new(text, Some(filter)).run()
}

/// Longest ASCII token interned without building its form in the words.
const ASCII_FAST_MAX: usize = 32;

struct Tokenizer<'a> {
    text: &'a str,
    filter: Option<&'a StemFilter>,
    bytes: &'a [u8],
    tokens: Vec<Token>,
    norms: Words,
    line_starts: Vec<usize>,
    intern: Interner,
    /// word norms the filter wants stemmed, stemmed at the end (cache)
    pending: Vec<u32>,
    /// the gap since the previous token so far ([`Gap::Start`] until the
    /// first token, [`Gap::Glued`] right after one)
    gap: Gap,
    line: u32,
}

impl Gap {
    /// The gap after one more space (or tab).
    fn and_space(self) -> Gap {
        match self {
            Gap::Glued => Gap::Space,
            Gap::Hyphen => Gap::Punct,
            g => g,
        }
    }

    /// The gap after one more line break.
    fn and_newline(self) -> Gap {
        match self {
            Gap::Start => Gap::Start,
            Gap::Glued | Gap::Space => Gap::Newline,
            _ => Gap::Punct,
        }
    }

    /// The gap after one more hyphen.
    fn and_hyphen(self) -> Gap {
        match self {
            Gap::Start => Gap::Start,
            Gap::Glued => Gap::Hyphen,
            _ => Gap::Punct,
        }
    }

    /// The gap after other punctuation.
    fn and_punct(self) -> Gap {
        match self {
            Gap::Start => Gap::Start,
            _ => Gap::Punct,
        }
    }
}

// Byte classes (`CLASS`).
/// an ASCII letter, digit or `_`
const WORD: u8 = 1;
/// a byte that can continue a tech token after a word: `+ # . / & -`
const TECH_NEXT: u8 = 2;
/// a byte of a non-ASCII character
const HIGH: u8 = 4;
/// a space
const SPACE: u8 = 8;
/// an apostrophe
const APOSTROPHE: u8 = 16;

const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() || c == b'_' {
            WORD
        } else if matches!(c, b'+' | b'#' | b'.' | b'/' | b'&' | b'-') {
            TECH_NEXT
        } else if c >= 0x80 {
            HIGH
        } else if c == b' ' {
            SPACE
        } else if c == b'\'' {
            APOSTROPHE
        } else {
            0
        };
        b += 1;
    }
    t
};

fn is_word_byte(b: u8) -> bool {
    CLASS[b as usize] & WORD != 0
}

/// End of the ASCII word starting at `i` (letters, digits, `_`, inner `'`)
/// and the class of the byte there (0 at the end of the text).
#[inline]
fn ascii_word_end(bytes: &[u8], i: usize) -> (usize, u8) {
    let mut j = i;
    loop {
        let (end, next) = word_bytes_end(bytes, j);
        j = end;
        // an apostrophe between a word byte and a letter stays in the word
        if next == APOSTROPHE && j > i && bytes.get(j + 1).is_some_and(u8::is_ascii_alphabetic) {
            j += 1;
        } else {
            return (j, next);
        }
    }
}

/// The first byte from `from` that is not a word byte (or the end) and its
/// class (0 at the end), four bytes to a step (fewer loop tests than one at
/// a time).
#[inline(always)]
fn word_bytes_end(bytes: &[u8], from: usize) -> (usize, u8) {
    let rest = bytes.get(from..).unwrap_or_default();
    let class = |b: u8| CLASS[b as usize];
    let mut k = 0;
    for c in rest.chunks_exact(4) {
        let (c0, c1, c2, c3) = (class(c[0]), class(c[1]), class(c[2]), class(c[3]));
        if c0 & WORD == 0 {
            return (from + k, c0);
        }
        if c1 & WORD == 0 {
            return (from + k + 1, c1);
        }
        if c2 & WORD == 0 {
            return (from + k + 2, c2);
        }
        if c3 & WORD == 0 {
            return (from + k + 3, c3);
        }
        k += 4;
    }
    for &b in rest.get(k..).unwrap_or_default() {
        let cl = class(b);
        if cl & WORD == 0 {
            return (from + k, cl);
        }
        k += 1;
    }
    (from + k, 0)
}

/// Whether the bytes `i..end` are all ASCII digits.
fn all_digits(bytes: &[u8], i: usize, end: usize) -> bool {
    bytes
        .get(i..end)
        .is_some_and(|w| w.iter().all(u8::is_ascii_digit))
}

/// The end of the character at `i` if it is common punctuation (bullets,
/// dashes, typographic quotes, the replacement character) standing alone:
/// followed by the end of the text or an ASCII byte that ends a run of
/// [`Tokenizer::unicode_run`]. It is then its own word-bound segment,
/// punctuation: what `unicode_run` would find, without the segmentation.
#[inline]
fn lone_punct(text: &str, i: usize) -> Option<usize> {
    let c = text[i..].chars().next()?;
    let end = i + c.len_utf8();
    let known = matches!(
        c,
        '\u{FFFD}' // replacement character (text extraction losses)
            | '\u{2022}' // bullet
            | '\u{25CF}' // black circle
            | '\u{25AA}' // black small square
            | '\u{25A0}' // black square
            | '\u{25E6}' // white bullet
            | '\u{00B7}' // middle dot
            | '\u{2013}' // en dash
            | '\u{2014}' // em dash
            | '\u{2018}'
            ..='\u{201F}' // typographic quotes
            | '\u{2026}' // ellipsis
    );
    let alone = text
        .as_bytes()
        .get(end)
        .is_none_or(|&b| b < 0x80 && !is_word_byte(b) && b != b'\'');
    (known && alone).then_some(end)
}

impl<'a> Tokenizer<'a> {
    fn new(text: &'a str, filter: Option<&'a StemFilter>) -> Self {
        // spans are u32: a text over 4 GiB is tokenized up to its last char
        // boundary below 4 GiB (`Matcher` refuses such input before this)
        let text = prefix(text, u32::MAX as usize);
        // room for a resume's tokens and words up front (about one token
        // in six bytes, one distinct word in sixteen on average: room for
        // one in twelve spares most resumes a copy as the lists grow, and
        // the zeroed slots are for one in sixteen); longer texts grow
        let words = (text.len() / 12).min(1 << 14) + 8;
        let mut line_starts = Vec::with_capacity((text.len() / 40).min(1 << 13) + 2);
        line_starts.push(0);
        Tokenizer {
            text,
            filter,
            bytes: text.as_bytes(),
            tokens: Vec::with_capacity((text.len() / 6).min(1 << 16) + 8),
            norms: Words::with_capacity(words, words * 8),
            line_starts,
            intern: Interner::with_capacity(words, (text.len() / 16).min(1 << 14) + 8),
            pending: Vec::with_capacity(words),
            gap: Gap::Start,
            line: 0,
        }
    }

    /// [`Tokenizer::new`] in the buffers of `room`.
    fn new_in(text: &'a str, filter: Option<&'a StemFilter>, room: &mut TokenRoom) -> Self {
        let text = prefix(text, u32::MAX as usize);
        // (the sizes of `new`)
        let words = (text.len() / 12).min(1 << 14) + 8;
        let mut line_starts = std::mem::take(&mut room.line_starts);
        line_starts.clear();
        line_starts.push(0);
        let mut tokens = std::mem::take(&mut room.tokens);
        tokens.clear();
        tokens.reserve((text.len() / 6).min(1 << 16) + 8);
        let mut norms = std::mem::take(&mut room.norms);
        norms.buf.clear();
        norms.buf.reserve(words * 8);
        norms.spans.clear();
        norms.spans.reserve(words);
        let mut pending = std::mem::take(&mut room.pending);
        pending.clear();
        pending.reserve(words);
        let intern = Interner::reuse(
            (
                std::mem::take(&mut room.slots),
                std::mem::take(&mut room.firsts),
                std::mem::take(&mut room.hashes),
            ),
            (text.len() / 16).min(1 << 14) + 8,
        );
        Tokenizer {
            text,
            filter,
            bytes: text.as_bytes(),
            tokens,
            norms,
            line_starts,
            intern,
            pending,
            gap: Gap::Start,
            line: 0,
        }
    }

    fn run(self) -> Tokens {
        self.run_into(Words::default()).0
    }

    /// Tokenize, the stems in `stems` (emptied first); and the interner
    /// and the list of forms to stem, for reuse.
    fn run_into(mut self, stems: Words) -> (Tokens, Interner, Vec<u32>) {
        let bytes = self.bytes;
        let n = bytes.len();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let class = CLASS[b as usize];
            if class & WORD != 0 {
                let (end, next) = ascii_word_end(bytes, i);
                if next & (TECH_NEXT | HIGH) == 0 {
                    // the common case: a plain word or number, no rule to try
                    let kind = if b.is_ascii_digit() && all_digits(bytes, i, end) {
                        TokenKind::Number
                    } else {
                        TokenKind::Word
                    };
                    self.push_ascii(i, end, kind);
                    i = end;
                    // the commonest separator, taken here: the gap after a
                    // token is `Glued`, and a space makes it `Space`
                    if next == SPACE {
                        self.gap = Gap::Space;
                        i += 1;
                    }
                } else if next & HIGH != 0 {
                    i = self.unicode_run(i);
                } else {
                    i = self.ascii_word(i, end);
                }
            } else if class & HIGH != 0 {
                i = match lone_punct(self.text, i) {
                    Some(end) => {
                        self.gap = self.gap.and_punct();
                        end
                    }
                    None => self.unicode_run(i),
                };
            } else {
                match b {
                    b' ' | b'\t' | 0x0b | 0x0c => self.gap = self.gap.and_space(),
                    b'\n' => self.newline(i + 1),
                    b'\r' => {
                        if bytes.get(i + 1) != Some(&b'\n') {
                            self.newline(i + 1)
                        }
                    }
                    b'-' => self.gap = self.gap.and_hyphen(),
                    b'.' => {
                        if let Some(end) = self.dot_net_at(i) {
                            self.push_ascii(i, end, TokenKind::Tech);
                            i = end;
                            continue;
                        }
                        self.gap = self.gap.and_punct();
                    }
                    _ => self.gap = self.gap.and_punct(),
                }
                i += 1;
            }
        }
        debug_assert!(i == n);
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        let stems = self.filter.unwrap_or_else(|| global_stems()).stems(
            &stemmer,
            &self.norms,
            &self.intern.hashes,
            &self.pending,
            stems,
        );
        let toks = Tokens {
            tokens: self.tokens,
            norms: self.norms,
            stems,
            line_starts: self.line_starts,
        };
        (toks, self.intern, self.pending)
    }

    /// `.NET` standing alone (start of text or after a non-word byte).
    fn dot_net_at(&self, i: usize) -> Option<usize> {
        let bytes = self.bytes;
        if i > 0 && is_word_byte(bytes[i - 1]) {
            return None;
        }
        let end = i + 4;
        if end <= bytes.len()
            && bytes[i + 1..end].eq_ignore_ascii_case(b"net")
            && (end == bytes.len() || !is_word_byte(bytes[end]))
        {
            Some(end)
        } else {
            None
        }
    }

    /// Tokenize the ASCII word `i..end` applying the tech-token rules.
    fn ascii_word(&mut self, i: usize, mut end: usize) -> usize {
        let bytes = self.bytes;
        let n = bytes.len();
        let word_len = end - i;
        let all_digits = all_digits(bytes, i, end);
        let mut kind = if all_digits {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        let letters = bytes
            .get(i..end)
            .is_some_and(|w| w.iter().all(u8::is_ascii_alphabetic));
        // C++, G++ (and C++17: the version stays a separate, glued token)
        if letters && word_len <= 3 && bytes.get(end..end + 2) == Some(b"++") {
            end += 2;
            kind = TokenKind::Tech;
        } else if letters
            && word_len <= 2
            && bytes.get(end) == Some(&b'#')
            && bytes
                .get(end + 1)
                .is_none_or(|&b| !is_word_byte(b) || b.is_ascii_digit())
        {
            // C#, F#, J# (and C#10: the version stays a separate, glued token)
            end += 1;
            kind = TokenKind::Tech;
        } else if all_digits {
            // decimals and versions: 2.0, 99.9, 3.10.2
            while end + 1 < n && bytes[end] == b'.' && bytes[end + 1].is_ascii_digit() {
                end += 1;
                while end < n && bytes[end].is_ascii_digit() {
                    end += 1;
                }
            }
        } else {
            // Node.js, ASP.NET, VB.NET, Socket.io (chains: ASP.NET.Core is not a thing)
            if end + 1 < n && bytes[end] == b'.' {
                let s = end + 1;
                let mut e = s;
                while e < n && bytes[e].is_ascii_alphabetic() {
                    e += 1;
                }
                if e > s
                    && (e == n || !is_word_byte(bytes[e]))
                    && DOT_SUFFIXES
                        .iter()
                        .any(|suf| bytes[s..e].eq_ignore_ascii_case(suf.as_bytes()))
                {
                    end = e;
                    kind = TokenKind::Tech;
                }
            }
        }
        // CI/CD, R&D, Objective-C: a known compound
        if kind != TokenKind::Tech
            && end + 1 < n
            && matches!(bytes[end], b'/' | b'&' | b'-')
            && is_word_byte(bytes[end + 1])
        {
            let (e, _) = ascii_word_end(bytes, end + 1);
            let cand = &self.text[i..e];
            if (e == n || bytes[e] < 0x80)
                && cand.len() <= 12
                && COMPOUNDS.iter().any(|c| c.eq_ignore_ascii_case(cand))
            {
                end = e;
                kind = TokenKind::Tech;
            }
        }
        self.push_ascii(i, end, kind);
        end
    }

    /// Tokenize a run containing non-ASCII text with UAX #29 word bounds.
    /// The run ends at ASCII white space or ASCII punctuation other than the
    /// ones inside words (`'`, `.`, `_`).
    fn unicode_run(&mut self, i: usize) -> usize {
        let bytes = self.bytes;
        let mut j = i;
        while j < bytes.len() {
            let b = bytes[j];
            if b >= 0x80 || is_word_byte(b) || b == b'\'' {
                j += 1;
            } else {
                break;
            }
        }
        // `j` is on an ASCII byte or the end: a char boundary.
        let run = &self.text[i..j];
        for (off, seg) in run.split_word_bound_indices() {
            // zero-width joiners and the like stick to words in UAX #29; keep
            // them out of the span
            let zw = |c: char| matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}');
            let lead = seg.len() - seg.trim_start_matches(zw).len();
            let seg = seg.trim_matches(zw);
            let start = i + off + lead;
            if seg.chars().any(char::is_alphanumeric) {
                let kind = if seg.chars().all(|c| c.is_numeric() || c == '.' || c == ',') {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                };
                self.push(start, start + seg.len(), kind);
            } else {
                for (k, c) in seg.char_indices() {
                    self.separator_char(c, start + k);
                }
            }
        }
        j
    }

    fn separator_char(&mut self, c: char, at: usize) {
        match c {
            '\u{2010}' | '\u{2011}' | '\u{00AD}' | '-' => self.gap = self.gap.and_hyphen(),
            '\u{2028}' | '\u{2029}' | '\u{0085}' => self.newline(at + c.len_utf8()),
            // zero-width characters separate nothing
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            c if c.is_whitespace() => self.gap = self.gap.and_space(),
            _ => self.gap = self.gap.and_punct(),
        }
    }

    /// A line break ending before `next`, where the next line starts.
    fn newline(&mut self, next: usize) {
        self.gap = self.gap.and_newline();
        self.line += 1;
        self.line_starts.push(next);
    }

    /// Push the token `start..end` of the text, ASCII.
    #[inline]
    fn push_ascii(&mut self, start: usize, end: usize, kind: TokenKind) {
        let n = end - start;
        let norm = if n <= ASCII_FAST_MAX {
            // the normalized form of ASCII is its lowercase: compared in
            // place, copied into the words only when it is new
            let (id, new, first) = self
                .intern
                .intern_ascii(&mut self.norms, self.text, start, n);
            if new && kind == TokenKind::Word {
                // the filter's prefix of the form, from its first bytes
                let k = n.min(3);
                let prefix = (k as u32) << 24 | (first & ((1 << (8 * k)) - 1)) as u32;
                if self.filter.is_none_or(|f| f.wants_ascii(prefix)) {
                    self.pending.push(id);
                }
            }
            id
        } else {
            self.intern(start, end, kind)
        };
        self.push_token(start, end, norm, kind);
    }

    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        if self.text.as_bytes()[start..end].is_ascii() {
            return self.push_ascii(start, end, kind);
        }
        let norm = self.intern(start, end, kind);
        self.push_token(start, end, norm, kind);
    }

    #[inline]
    fn push_token(&mut self, start: usize, end: usize, norm: u32, kind: TokenKind) {
        self.tokens.push(Token {
            start: start as u32,
            end: end as u32,
            norm,
            line: self.line,
            gap: self.gap,
            kind,
        });
        self.gap = Gap::Glued;
    }

    fn intern(&mut self, start: usize, end: usize, kind: TokenKind) -> u32 {
        // the normalized form goes at the end of the words, and stays there
        // if it is new
        let s = self.norms.buf.len();
        normalize_into(&self.text[start..end], &mut self.norms.buf);
        self.norms.spans.push((s, self.norms.buf.len()));
        let before = self.norms.len();
        let id = self.intern.intern_last(&mut self.norms);
        if self.norms.len() == before {
            self.new_form(id, kind);
        }
        id
    }

    /// Note the new normalized form `id` of a token of kind `kind`.
    fn new_form(&mut self, id: u32, kind: TokenKind) {
        // numbers and tech tokens are their own stems (`stem_of`), and so
        // are the words the filter does not want
        if kind == TokenKind::Word
            && self
                .filter
                .is_none_or(|f| f.wants(&self.norms[id as usize]))
        {
            // stemmed (or found in the cache) once the text is read
            self.pending.push(id);
        }
    }
}

/// Stem a normalized word: Snowball English for words, the form itself for
/// numbers and tech tokens.
pub(crate) fn stem_of(stemmer: &rust_stemmers::Stemmer, norm: &str, kind: TokenKind) -> Box<str> {
    match kind {
        TokenKind::Word => word_stem(stemmer, norm).as_deref().unwrap_or(norm).into(),
        _ => norm.into(),
    }
}

/// Append the normalized form of `s` to `out`: lowercase, accents removed
/// from Latin letters, full-width forms and ligatures folded, typographic
/// apostrophes made ASCII, zero-width and combining marks dropped.
///
/// ```
/// let mut out = String::new();
/// atscore::text::normalize_into("Naïve Café’s ＡＰＩ ﬁle", &mut out);
/// assert_eq!(out, "naive cafe's api file");
/// ```
pub fn normalize_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in s.chars() {
        fold_char(c, out);
    }
}

/// Normalize a string (see [`normalize_into`]).
///
/// ```
/// assert_eq!(atscore::text::normalize("Résumé"), "resume");
/// ```
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

fn fold_char(c: char, out: &mut String) {
    let base = match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' => '\'',
        '\u{FF01}'..='\u{FF5E}' => {
            // full-width ASCII
            let a = char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c);
            return fold_char(a, out);
        }
        '\u{FB00}' => return out.push_str("ff"),
        '\u{FB01}' => return out.push_str("fi"),
        '\u{FB02}' => return out.push_str("fl"),
        '\u{FB03}' => return out.push_str("ffi"),
        '\u{FB04}' => return out.push_str("ffl"),
        '\u{0300}'..='\u{036F}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => return,
        'ß' => return out.push_str("ss"),
        'æ' | 'Æ' => return out.push_str("ae"),
        'œ' | 'Œ' => return out.push_str("oe"),
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => 'a',
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Č' | 'č' => 'c',
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => 'e',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ī' | 'ī' | 'Į' | 'į' | 'İ' | 'ı' => 'i',
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ň' | 'ň' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ő' | 'ő' => 'o',
        'Ù'..='Ü' | 'ù'..='ü' | 'Ū' | 'ū' | 'Ů' | 'ů' | 'Ű' | 'ű' => 'u',
        'Ý' | 'ý' | 'ÿ' | 'Ÿ' => 'y',
        'Ś' | 'ś' | 'Š' | 'š' | 'Ş' | 'ş' => 's',
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => 'z',
        'Ł' | 'ł' => 'l',
        'Ř' | 'ř' => 'r',
        'Ť' | 'ť' => 't',
        'Ď' | 'ď' | 'Đ' | 'đ' => 'd',
        'Ğ' | 'ğ' => 'g',
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push(base);
}

/// Whether the words of `needle` appear, in order and side by side, among
/// the words of `hay` (normalized: case, accents, inflections aside).
pub(crate) fn contains_words(hay: &str, needle: &str) -> bool {
    let (h, n) = (tokenize_unstemmed(hay), tokenize_unstemmed(needle));
    let (hw, nw) = (h.norm_words(), n.norm_words());
    !nw.is_empty() && hw.windows(nw.len()).any(|w| w == nw.as_slice())
}

/// The first `n` bytes of `s`, cut back to a character boundary.
pub(crate) fn prefix(s: &str, n: usize) -> &str {
    &s[..floor_boundary(s, n)]
}

/// `s` trimmed and cut to `n` characters, with "…" when cut: a posting or
/// resume line quoted in a checklist or a message.
pub(crate) fn clip_chars(s: &str, n: usize) -> String {
    let s = s.trim();
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Where `part`, a slice of `whole` (a word of `whole.split_whitespace()`,
/// a trimmed word), starts in it: its address less `whole`'s, no search.
pub(crate) fn offset_in(whole: &str, part: &str) -> usize {
    let at = (part.as_ptr() as usize).wrapping_sub(whole.as_ptr() as usize);
    debug_assert!(at <= whole.len() && at + part.len() <= whole.len());
    at
}

/// `i`, moved back to a character boundary of `s`.
pub(crate) fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The tokenizer as it was before the single-pass scan, to compare the
/// fast one with.
#[cfg(test)]
mod reference;

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, input, expected token surfaces, expected normalized forms)
    fn check(name: &str, input: &str, surfaces: &[&str], norms: &[&str]) {
        let toks = tokenize(input);
        let got: Vec<&str> = toks
            .tokens
            .iter()
            .map(|t| &input[t.span().range()])
            .collect();
        assert_eq!(got, surfaces, "{name}: surfaces of {input:?}");
        assert_eq!(toks.norm_words(), norms, "{name}: norms of {input:?}");
    }

    macro_rules! t {
        ($name:ident, $input:expr, $surf:expr, $norm:expr) => {
            #[test]
            fn $name() {
                check(stringify!($name), $input, &$surf, &$norm);
            }
        };
    }

    t!(
        cpp,
        "C++ and c++",
        ["C++", "and", "c++"],
        ["c++", "and", "c++"]
    );
    t!(
        cpp_version,
        "C++17, C++11",
        ["C++", "17", "C++", "11"],
        ["c++", "17", "c++", "11"]
    );
    t!(
        csharp_fsharp,
        "C#, F# and C",
        ["C#", "F#", "and", "C"],
        ["c#", "f#", "and", "c"]
    );
    t!(
        csharp_version,
        "C#10, F#6 and F#x",
        ["C#", "10", "F#", "6", "and", "F", "x"],
        ["c#", "10", "f#", "6", "and", "f", "x"]
    );
    t!(
        hashtag_not_tech,
        "issue #42",
        ["issue", "42"],
        ["issue", "42"]
    );
    t!(dotnet, ".NET (.net)", [".NET", ".net"], [".net", ".net"]);
    t!(
        aspnet,
        "ASP.NET and VB.NET",
        ["ASP.NET", "and", "VB.NET"],
        ["asp.net", "and", "vb.net"]
    );
    t!(
        nodejs,
        "Node.js, Vue.js",
        ["Node.js", "Vue.js"],
        ["node.js", "vue.js"]
    );
    t!(
        sentence_dot,
        "I use Python.Then",
        ["I", "use", "Python", "Then"],
        ["i", "use", "python", "then"]
    );
    t!(
        cicd,
        "CI/CD pipelines",
        ["CI/CD", "pipelines"],
        ["ci/cd", "pipelines"]
    );
    t!(
        tcpip,
        "TCP/IP, PL/SQL, UI/UX",
        ["TCP/IP", "PL/SQL", "UI/UX"],
        ["tcp/ip", "pl/sql", "ui/ux"]
    );
    t!(
        rnd,
        "R&D and A/B tests",
        ["R&D", "and", "A/B", "tests"],
        ["r&d", "and", "a/b", "tests"]
    );
    t!(
        slash_split,
        "Python/Java",
        ["Python", "Java"],
        ["python", "java"]
    );
    t!(
        s3_ec2_k8s,
        "S3, EC2, k8s",
        ["S3", "EC2", "k8s"],
        ["s3", "ec2", "k8s"]
    );
    t!(
        objc,
        "Objective-C and T-SQL",
        ["Objective-C", "and", "T-SQL"],
        ["objective-c", "and", "t-sql"]
    );
    t!(
        hyphen_split,
        "server-side",
        ["server", "side"],
        ["server", "side"]
    );
    t!(
        decimal,
        "99.9% uptime, OAuth 2.0",
        ["99.9", "uptime", "OAuth", "2.0"],
        ["99.9", "uptime", "oauth", "2.0"]
    );
    t!(
        apostrophe,
        "company's team",
        ["company's", "team"],
        ["company's", "team"]
    );
    t!(
        curly_apostrophe,
        "company’s team",
        ["company’s", "team"],
        ["company's", "team"]
    );
    t!(
        accents,
        "Naïve Bayes, Müller",
        ["Naïve", "Bayes", "Müller"],
        ["naive", "bayes", "muller"]
    );
    t!(fullwidth, "ＡＷＳ", ["ＡＷＳ"], ["aws"]);
    t!(bullets, "• Python ● Go", ["Python", "Go"], ["python", "go"]);
    t!(emoji, "🚀 Rust 👩‍💻 dev", ["Rust", "dev"], ["rust", "dev"]);
    t!(
        cjk,
        "東京 Tokyo",
        ["東", "京", "Tokyo"],
        ["東", "京", "tokyo"]
    );
    t!(
        javascript_whole,
        "JavaScript",
        ["JavaScript"],
        ["javascript"]
    );
    t!(
        email_parts,
        "a.b@x.io",
        ["a", "b", "x.io"],
        ["a", "b", "x.io"]
    );

    #[test]
    fn gaps() {
        let toks = tokenize("a b\nc\n\nd - e-f, g");
        let gaps: Vec<Gap> = toks.tokens.iter().map(|t| t.gap).collect();
        assert_eq!(
            gaps,
            [
                Gap::Start,
                Gap::Space,
                Gap::Newline,
                Gap::Punct,
                Gap::Punct,
                Gap::Hyphen,
                Gap::Punct
            ]
        );
        assert_eq!(toks.line_starts, [0, 4, 6, 7]);
        let lines: Vec<u32> = toks.tokens.iter().map(|t| t.line).collect();
        assert_eq!(lines, [0, 0, 1, 3, 3, 3, 3]);
    }

    #[test]
    fn crlf_lines() {
        let toks = tokenize("a\r\nb\rc");
        assert_eq!(toks.line_starts, [0, 3, 5]);
        assert_eq!(toks.tokens[1].gap, Gap::Newline);
    }

    #[test]
    fn stems_are_cached_per_distinct_form() {
        let toks = tokenize("APIs apis optimizing optimize");
        assert_eq!(toks.norms.len(), 3);
        assert_eq!(toks.stem(&toks.tokens[1]), "api");
        assert_eq!(toks.stem(&toks.tokens[2]), toks.stem(&toks.tokens[3]));
    }

    proptest::proptest! {
        #[test]
        fn stem_filter_wants_the_words_a_form_begins_like(
            forms in proptest::collection::vec("[a-c]{1,4}|[a-cé]{1,3}", 0..40),
            words in proptest::collection::vec("[a-cé]{1,5}", 1..40),
        ) {
            let mut filter = StemFilter::default();
            for f in &forms {
                filter.add(f);
            }
            for w in &words {
                // the first three characters, or the whole word
                let end = w.char_indices().nth(3).map_or(w.len(), |(i, _)| i);
                let want = forms.iter().any(|f| f.starts_with(&w[..end]));
                proptest::prop_assert_eq!(filter.wants(w), want, "{:?} in {:?}", w, forms);
            }
        }
    }

    #[test]
    fn cached_stems_are_the_stems() {
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        let text = "Optimizing APIs, architectures; running ran Résumés and 2020 C++ node.js";
        let filter = StemFilter::default();
        for _ in 0..2 {
            for toks in [tokenize(text), tokenize_filtered(text, &filter)] {
                for t in &toks.tokens {
                    let want = stem_of(&stemmer, toks.norm(t), t.kind);
                    assert!(toks.stem(t) == &*want || toks.stem(t) == toks.norm(t));
                }
            }
            for t in &tokenize(text).tokens {
                let toks = tokenize(text);
                assert_eq!(toks.stem(t), &*stem_of(&stemmer, toks.norm(t), t.kind));
            }
        }
    }

    #[test]
    fn stem_cache_finds_its_words_whatever_their_hashes() {
        let mut cache = StemCache::default();
        let words: Vec<String> = (0..1000).map(|i| format!("word{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            // colliding hashes: the words are compared
            let h = (i % 7) as u64;
            cache.insert(h, w, (i % 2 == 0).then(|| format!("s{i}").into()));
            cache.insert(h, w, None); // already there: kept
        }
        assert_eq!(cache.len(), words.len());
        for (i, w) in words.iter().enumerate() {
            let want = (i % 2 == 0).then(|| format!("s{i}"));
            let got = cache
                .get((i % 7) as u64, w)
                .map(|s| s.as_deref().map(str::to_string));
            assert_eq!(got, Some(want), "{w}");
            assert_eq!(cache.get((i % 7) as u64 + 1, w), None);
        }
        assert_eq!(cache.get(0, "nope"), None);
        assert_eq!(StemCache::default().get(0, "x"), None);
    }

    #[test]
    fn lone_punctuation_is_what_segmentation_finds() {
        for c in [
            '\u{FFFD}', '\u{2022}', '\u{25CF}', '\u{25AA}', '\u{25A0}', '\u{25E6}', '\u{00B7}',
            '\u{2013}', '\u{2014}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201F}', '\u{2026}',
        ] {
            for text in [
                format!("{c}"),
                format!("a {c} b"),
                format!("a{c}b"),
                format!("a{c}'b"),
                format!("{c}{c} x"),
                format!("x\n{c}\tPython, {c}C++ {c}.NET"),
                format!("don{c}t {c}é {c}-x"),
            ] {
                assert_same_as_reference(&text);
            }
        }
    }

    /// [`word_bytes_end`] one byte at a time.
    fn word_bytes_end_bytewise(bytes: &[u8], from: usize) -> (usize, u8) {
        let end = bytes[from..]
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_'))
            .map_or(bytes.len(), |k| from + k);
        (end, bytes.get(end).map_or(0, |&b| CLASS[b as usize]))
    }

    #[test]
    fn word_bytes_end_stops_at_each_byte_value_at_each_offset() {
        for b in 0..=255u8 {
            for len in 0..=9 {
                for from in 0..=len {
                    // ending at `b`, followed by more word bytes or by nothing
                    let mut bytes = vec![b'x'; len];
                    bytes.push(b);
                    let ended = bytes.clone();
                    bytes.extend_from_slice(b"yyyyy");
                    for t in [&bytes[..], &ended[..], &bytes[..len]] {
                        assert_eq!(
                            word_bytes_end(t, from),
                            word_bytes_end_bytewise(t, from),
                            "{t:?} from {from}"
                        );
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn word_bytes_end_agrees_with_bytewise(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::prelude::any::<u8>(),
                    proptest::sample::select(&b"aZ_7'-. \n\x80"[..]),
                ],
                0..40,
            ),
            from in 0usize..40,
        ) {
            let from = from.min(bytes.len());
            proptest::prop_assert_eq!(
                word_bytes_end(&bytes, from),
                word_bytes_end_bytewise(&bytes, from)
            );
        }
    }

    #[test]
    fn ascii_lower8_is_ascii_lowercase() {
        for b in 0u8..128 {
            for pos in 0..8 {
                let w = u64::from(b) << (8 * pos) | 0x4161_7a5a_405b_601b & !(0xff << (8 * pos));
                let mut want = w.to_le_bytes();
                want.make_ascii_lowercase();
                assert_eq!(ascii_lower8(w), u64::from_le_bytes(want), "{b} at {pos}");
            }
        }
    }

    #[test]
    fn one_id_per_form_whichever_path_interned_it() {
        // ASCII tokens (fast path), a form reached through normalization,
        // and ASCII tokens longer than the fast path
        let long = "Supercalifragilisticexpialidocious-Engineering".replace('-', "");
        let text = format!(
            "Cafe café CAFÉ Ｃａｆｅ {long} {} {long}",
            long.to_uppercase()
        );
        let toks = tokenize(&text);
        assert_eq!(
            toks.norms.len(),
            2,
            "{:?}",
            toks.norms.iter().collect::<Vec<_>>()
        );
        let ids: Vec<u32> = toks.tokens.iter().map(|t| t.norm).collect();
        assert_eq!(ids, [0, 0, 0, 0, 1, 1, 1]);
        assert_eq!(&toks.norms[1], long.to_lowercase());
        // many distinct forms: the table grows and keeps every id
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}x")).collect();
        let text = format!("{} {}", words.join(" "), words.join(" ").to_uppercase());
        let toks = tokenize(&text);
        assert_eq!(toks.norms.len(), 5000);
        for (i, t) in toks.tokens.iter().enumerate() {
            assert_eq!(t.norm as usize, i % 5000);
            assert_eq!(toks.norm(t), words[i % 5000]);
        }
        assert_eq!(toks.stems.len(), toks.norms.len());
    }

    /// `2^blocks` distinct words of `16 * blocks` lowercase letters and
    /// digits that all had one hash under the unkeyed word hash the interner
    /// used (`h = len`, `h = rotl((h ^ w) * K, 26)` for each eight bytes `w`,
    /// a final mix): each block of two chunks has two versions `(x, y)`,
    /// `(x', y')` taking the state to the same next state, `y ^ y'` being
    /// `step(s, x) ^ step(s, x')` (a Joux multicollision, as in the
    /// hostile bench).
    fn old_hash_collisions(blocks: usize) -> Vec<String> {
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        let step = |h: u64, w: u64| (h ^ w).wrapping_mul(K).rotate_left(26);
        let chunk = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap());
        const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
        let mut pair = [None; 256];
        for &p in ALPHABET {
            for &q in ALPHABET {
                pair[usize::from(p ^ q)].get_or_insert((p, q));
            }
        }
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut random_chunk = || {
            let mut c = [0u8; 8];
            for b in &mut c {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                *b = ALPHABET[(seed % ALPHABET.len() as u64) as usize];
            }
            c
        };
        let mut state = (16 * blocks) as u64;
        let mut versions: Vec<[[u8; 16]; 2]> = Vec::new();
        while versions.len() < blocks {
            let (x, x2) = (random_chunk(), random_chunk());
            let (a, a2) = (step(state, chunk(&x)), step(state, chunk(&x2)));
            let d = (a ^ a2).to_le_bytes();
            if x == x2 || d.iter().any(|&b| pair[usize::from(b)].is_none()) {
                continue;
            }
            let (mut v, mut v2) = ([0u8; 16], [0u8; 16]);
            v[..8].copy_from_slice(&x);
            v2[..8].copy_from_slice(&x2);
            for (k, &b) in d.iter().enumerate() {
                (v[8 + k], v2[8 + k]) = pair[usize::from(b)].unwrap();
            }
            state = step(a, chunk(&v[8..]));
            versions.push([v, v2]);
        }
        (0..1usize << blocks)
            .map(|i| {
                let w: Vec<u8> = (0..blocks)
                    .flat_map(|b| versions[b][(i >> b) & 1])
                    .collect();
                String::from_utf8(w).unwrap()
            })
            .collect()
    }

    #[test]
    fn words_crafted_to_collide_are_interned_with_short_probes() {
        // 4096 distinct words of 192 bytes that the unkeyed hash sent to
        // one slot: every lookup walked past all the words before it
        let words = old_hash_collisions(12);
        let text = words.join(" ");
        let toks = tokenize(&text);
        assert_eq!(toks.norms.len(), words.len());
        for (i, (t, w)) in toks.tokens.iter().zip(&words).enumerate() {
            assert_eq!(t.norm as usize, i);
            assert_eq!(toks.norm(t), w);
            assert_eq!(&text[t.span().range()], w);
        }
        // the interner's table: probes as short as for any words (at most
        // half full, linear probing: half a probe on average)
        let mut interner = Interner::with_capacity(16, 16);
        let mut forms = Words::default();
        for (i, w) in words.iter().enumerate() {
            let s = forms.buf.len();
            forms.buf.push_str(w);
            forms.spans.push((s, forms.buf.len()));
            assert_eq!(interner.intern_last(&mut forms) as usize, i);
        }
        let probes = interner.probe_lengths();
        assert_eq!(probes.len(), words.len());
        let (max, sum) = (probes.iter().max().unwrap(), probes.iter().sum::<usize>());
        assert!(
            *max < 128 && sum < 4 * words.len(),
            "max {max}, mean {}",
            sum as f64 / words.len() as f64
        );
        // and found again, each to its own id
        for (i, w) in words.iter().enumerate() {
            let s = forms.buf.len();
            forms.buf.push_str(&w.to_uppercase().to_lowercase());
            forms.spans.push((s, forms.buf.len()));
            assert_eq!(interner.intern_last(&mut forms) as usize, i);
        }
        assert_eq!(forms.len(), words.len());
    }

    /// The tokenizer agrees with the reference one: tokens (spans, ids,
    /// lines, gaps, kinds), normalized forms, line starts; stems are the
    /// stems of the forms.
    fn assert_same_as_reference(text: &str) {
        let (tokens, norms, line_starts) = reference::tokenize(text);
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        let filter = StemFilter::default();
        for toks in [tokenize(text), tokenize_filtered(text, &filter)] {
            assert_eq!(toks.tokens, tokens, "tokens of {text:?}");
            assert_eq!(
                toks.norms.iter().collect::<Vec<_>>(),
                norms,
                "norms of {text:?}"
            );
            assert_eq!(toks.line_starts, line_starts, "lines of {text:?}");
            assert_eq!(toks.stems.len(), toks.norms.len());
        }
        let toks = tokenize(text);
        let mut seen = vec![false; norms.len()];
        for t in &toks.tokens {
            // a form's stem follows the kind of its first token
            if !std::mem::replace(&mut seen[t.norm as usize], true) {
                let want = stem_of(&stemmer, toks.norm(t), t.kind);
                assert_eq!(toks.stem(t), &*want, "stem in {text:?}");
            }
        }
    }

    const PIECES: &[&str] = &[
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        " - ",
        "-",
        "--",
        ",",
        ".",
        "/",
        "&",
        "+",
        "++",
        "#",
        "'",
        "’",
        "_",
        "C",
        "c",
        "C++",
        "C#",
        "F#",
        ".NET",
        ".net",
        "ASP",
        "Node",
        ".js",
        ".JS",
        ".io",
        ".py",
        "CI",
        "CD",
        "ci/cd",
        "R&D",
        "Objective",
        "-C",
        "T-SQL",
        "x86-64",
        "s/4hana",
        "2",
        "2020",
        "3.10.2",
        "99.9",
        "1,000",
        "k8s",
        "EC2",
        "Python",
        "PYTHON",
        "python",
        "APIs",
        "company's",
        "don't",
        "'tis",
        "a",
        "Z",
        "é",
        "Café",
        "ＡＷＳ",
        "東京",
        "\u{200B}",
        "\u{200D}",
        "\u{00AD}",
        "\u{2010}",
        "\u{2028}",
        "\u{0085}",
        "\u{0301}",
        "🚀",
        "\u{FFFD}",
        "–",
        "“",
        "·",
        "•",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef",
        "abcdefghijklmnopqrstuvwxyz0123456",
        "Supercalifragilisticexpialidocious",
        "__init__",
        "\u{0}",
        "\u{b}",
        "\u{c}",
    ];

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn tokenizer_agrees_with_reference(
            pieces in proptest::collection::vec(
                prop_oneof![
                    6 => proptest::sample::select(PIECES).prop_map(str::to_string),
                    1 => any::<char>().prop_map(String::from),
                    1 => "\\PC{0,6}",
                    1 => "[a-zA-Z0-9_.#+/&' -]{0,12}",
                ],
                0..60,
            ),
            raw in "\\PC{0,40}",
        ) {
            assert_same_as_reference(&pieces.concat());
            assert_same_as_reference(&raw);
        }
    }

    #[test]
    fn table_inputs_agree_with_reference() {
        for s in [
            "",
            "a",
            "C++",
            "C++17 and c++, C#, F#x, .NET (.net) ASP.NET VB.NET.",
            "Node.js, Vue.js, Python.Then a.b@x.io 3.10.2 99.9% 1.x",
            "CI/CD TCP/IP pl/sql UI/UX R&D A/B Python/Java Objective-C T-SQL x86-64 e-mail",
            "server-side, system\narchitecture\r\nx\ry\n\nz - w--v",
            "company's company’s 'quoted' ends' __init__ snake_case",
            "Naïve Café ＡＷＳ 東京 Tokyo 🚀 Rust 👩‍💻 dev • Go",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg abcdefghijklmnopqrstuvwxyzabcdefghijkl",
            "word\u{2028}next\u{0085}x\u{00AD}y\u{2010}z\u{200B}w",
            // once found by proptest: bytes after a word near non-ASCII text
            "Ax86-64\n\n  T-SQLC++.NETéaએ0’",
        ] {
            assert_same_as_reference(s);
        }
    }

    #[test]
    fn hostile_bytes_do_not_panic() {
        let s = "\u{0}\u{200D}\u{202E}abc\u{0301}\u{FFFD}\u{10FFFF}-\u{2010}x";
        let toks = tokenize(s);
        for t in &toks.tokens {
            assert!(s.is_char_boundary(t.span().start) && s.is_char_boundary(t.span().end));
        }
    }
}
