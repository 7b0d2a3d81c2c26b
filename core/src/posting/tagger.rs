//! A small learned tagger of skill and knowledge phrases in job postings.
//!
//! A first-order structured perceptron (averaged while training) over the
//! crate's own [tokens](crate::text::tokenize), decoded line by line with
//! Viterbi under BIO constraints. It has two classes, as the SkillSpan data it
//! is trained on: [`Kind::Knowledge`] (technologies, tools, fields: `Python`,
//! `Kubernetes`, `machine learning`) and [`Kind::Skill`] (what one does:
//! `design scalable APIs`, `work in a team`).
//!
//! Features are hashed (FNV-1a with the seed of the weights file) into 32-bit
//! ids: the word, its stem, shape (`Xx`, `X`, `X+`, `Xx.x`), three-letter
//! prefix and suffix, capitalization in mid-line, acronyms, the punctuation
//! around the word, the words and shapes next to it, cue words before it
//! (`experience with`, `knowledge of`, `such as`), its position in the line,
//! whether the line is a bullet, and the line before it when that is a short
//! heading (`Technologies:`). The weights (`data/tagger.bin`, written by
//! `examples/train_tagger.rs` from the SkillSpan train split) are 16-bit
//! integers; they are parsed once, on the first call.
//!
//! ```
//! use atscore::posting::tagger::{tag, Kind};
//! let text = "Experience with Kubernetes and Terraform is required.";
//! let found: Vec<&str> = tag(text)
//!     .iter()
//!     .filter(|t| t.kind == Kind::Knowledge && t.score >= 0.5)
//!     .map(|t| &text[t.span.range()])
//!     .collect();
//! assert_eq!(found, ["Kubernetes", "Terraform"]);
//! ```

use std::sync::OnceLock;

use crate::text::{Span, Token, Tokens, tokenize};

/// The class of a tagged phrase.
///
/// ```
/// use atscore::posting::tagger::{tag, Kind};
/// let text = "Knowledge of PostgreSQL";
/// let t = tag(text);
/// assert!(t.iter().any(|t| t.kind == Kind::Knowledge && &text[t.span.range()] == "PostgreSQL"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A technology, tool, field or body of knowledge: `Python`, `SQL`,
    /// `machine learning`, `German`.
    Knowledge,
    /// Something one does: `design RESTful APIs`, `communicate clearly`.
    Skill,
}

/// A phrase the tagger marks as a skill or knowledge span.
///
/// ```
/// let text = "You know Java.";
/// for t in atscore::posting::tagger::tag(text) {
///     assert!(t.score > 0.0 && t.score < 1.0);
///     assert!(!text[t.span.range()].is_empty());
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tagged {
    /// Where the phrase is, in bytes of the tagged text (first word to last).
    pub span: crate::text::Span,
    /// Confidence from 0 to 1: a logistic function of the mean Viterbi
    /// margin of the phrase's words, fitted on the SkillSpan dev split so
    /// that it estimates the chance the phrase overlaps a gold skill or
    /// knowledge span. Keep phrases at 0.5 or more for a balanced cut; raise
    /// the threshold for precision.
    pub score: f32,
    /// Knowledge (tools, technologies, fields) or skill.
    pub kind: Kind,
}

/// Skill and knowledge phrases of a text, in text order.
///
/// Each line is tagged on its own; a phrase never spans two lines. Linear in
/// the length of the text; never panics.
///
/// ```
/// let text = "- Strong knowledge of Python and SQL\n- Deploy services on AWS";
/// let tagged = atscore::posting::tagger::tag(text);
/// let words: Vec<&str> = tagged.iter().map(|t| &text[t.span.range()]).collect();
/// assert!(words.contains(&"Python") && words.contains(&"SQL") && words.contains(&"AWS"));
/// assert!(atscore::posting::tagger::tag("").is_empty());
/// ```
pub fn tag(text: &str) -> Vec<Tagged> {
    match model() {
        Some(m) => m.tag(text),
        None => Vec::new(),
    }
}

/// The built-in weights, parsed on first use.
fn model() -> Option<&'static train::Model> {
    static MODEL: OnceLock<Option<train::Model>> = OnceLock::new();
    if let Some(m) = MODEL.get() {
        return m.as_ref();
    }
    // not cached while there is no data: a later load_data is seen
    let bytes = super::data::tagger()?;
    MODEL.get_or_init(|| train::Model::parse(bytes)).as_ref()
}

/// Whether `bytes` are a weights file this version reads.
pub(crate) fn weights_are_valid(bytes: &[u8]) -> bool {
    train::Model::parse(bytes).is_some()
}

/// Feature hashing: FNV-1a 64 from a seeded basis, folded to 32 bits.
#[derive(Debug, Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    fn new(seed: u64, template: u8) -> Self {
        Fnv(0xcbf2_9ce4_8422_2325 ^ seed).byte(template)
    }

    fn byte(self, b: u8) -> Self {
        Fnv((self.0 ^ b as u64).wrapping_mul(Self::PRIME))
    }

    fn bytes(mut self, s: &[u8]) -> Self {
        for &b in s {
            self = self.byte(b);
        }
        // a separator, so that ("ab", "c") and ("a", "bc") differ
        self.byte(0xff)
    }

    fn id(self) -> u32 {
        (self.0 ^ (self.0 >> 32)) as u32
    }
}

/// Words that announce a skill or knowledge phrase after them.
const CUES: &[&str] = &[
    "experience",
    "experienced",
    "knowledge",
    "familiarity",
    "familiar",
    "proficiency",
    "proficient",
    "understanding",
    "expertise",
    "expert",
    "skills",
    "skill",
    "background",
    "degree",
    "such",
    "as",
    "with",
    "in",
    "of",
    "using",
    "including",
    "like",
    "e.g",
    "eg",
    "etc",
    "and",
    "or",
];

/// The cues that still count several words later: "experience with A, B and C".
const STRONG_CUES: &[&str] = &[
    "experience",
    "experienced",
    "knowledge",
    "familiarity",
    "familiar",
    "proficiency",
    "proficient",
    "understanding",
    "expertise",
    "skills",
    "background",
    "such",
    "using",
    "including",
    "e.g",
    "eg",
    "technologies",
    "tools",
    "stack",
];

/// Punctuation no phrase continues across: `AWS (EC2, S3)` is three phrases.
const BREAKS: &[char] = &['(', ')', '[', ']', '{', '}', ';', '|', '•'];

/// Feature template numbers (the first byte hashed).
mod t {
    pub const BIAS: u8 = 1;
    pub const WORD: u8 = 2;
    pub const STEM: u8 = 3;
    pub const SHAPE: u8 = 4;
    pub const PREFIX: u8 = 5;
    pub const SUFFIX: u8 = 6;
    pub const CAP_MID: u8 = 7;
    pub const ACRONYM: u8 = 8;
    pub const KIND: u8 = 9;
    pub const GAP: u8 = 10;
    pub const PUNCT_BEFORE: u8 = 11;
    pub const PUNCT_AFTER: u8 = 12;
    pub const PREV1: u8 = 13;
    pub const PREV2: u8 = 14;
    pub const NEXT1: u8 = 15;
    pub const NEXT2: u8 = 16;
    pub const PREV_SHAPE: u8 = 17;
    pub const NEXT_SHAPE: u8 = 18;
    pub const BIGRAM_PREV: u8 = 19;
    pub const BIGRAM_NEXT: u8 = 20;
    pub const POSITION: u8 = 21;
    pub const LAST: u8 = 22;
    pub const CUE_AT: u8 = 23;
    pub const CUE_PHRASE: u8 = 24;
    pub const LAST_CUE: u8 = 25;
    pub const BULLET: u8 = 26;
    pub const LINE_LEN: u8 = 27;
    pub const PAREN: u8 = 28;
    pub const AFTER_COLON: u8 = 29;
    pub const PREV_LINE: u8 = 30;
    pub const PREV_LINE_COLON: u8 = 31;
    pub const WORD_LEN: u8 = 32;
    pub const SHAPE_CONTEXT: u8 = 33;
    pub const FIRST_WORD: u8 = 34;
    pub const STEM_PREV: u8 = 35;
    pub const STEM_NEXT: u8 = 36;
    pub const TRANSITION: u8 = 200;
}

/// The shape of a word: `X` upper, `x` lower, `d` digit, other characters
/// as they are, runs of the same class collapsed (`Kubernetes` → `Xx`,
/// `Node.js` → `Xx.x`, `C++` → `X+`); at most 8 bytes.
fn shape(word: &str, out: &mut Vec<u8>) {
    out.clear();
    for c in word.chars() {
        let k = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() || c.is_alphabetic() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'*'
        };
        if out.last() != Some(&k) {
            if out.len() == 8 {
                break;
            }
            out.push(k);
        }
    }
}

/// The first and last three characters of a word.
fn affixes(word: &str) -> (&str, &str) {
    let p = word.char_indices().nth(3).map_or(word.len(), |(i, _)| i);
    let s = word.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
    (&word[..p], &word[s..])
}

/// Up to three non-space characters of `s` (the punctuation between words).
fn punct(s: &str) -> &str {
    let s = s.trim();
    let end = s.char_indices().nth(3).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

fn bucket(n: usize) -> u8 {
    match n {
        0..=4 => n as u8,
        5..=7 => 5,
        8..=15 => 6,
        _ => 7,
    }
}

/// The tokens of each line (index ranges into `toks.tokens`).
fn line_ranges(toks: &Tokens) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=toks.tokens.len() {
        if i == toks.tokens.len() || toks.tokens[i].line != toks.tokens[start].line {
            out.push(start..i);
            start = i;
        }
    }
    out
}

/// Whether a line (from its start to its first token) begins with a bullet.
fn is_bullet(lead: &str) -> bool {
    let lead = lead.trim_start();
    match lead.chars().next() {
        Some('-' | '*' | '•' | '·' | '–' | '—' | '+' | '▪' | '◦' | '‣' | '●' | '○' | '■' | '►') => {
            true
        }
        Some(c) if c.is_ascii_digit() => lead.trim_end().ends_with(['.', ')']),
        _ => false,
    }
}

/// What the features of a line's tokens read besides each token.
struct LineView<'a, 's> {
    toks: &'a [Token],
    /// Punctuation before each token and after the last.
    puncts: Vec<&'a str>,
    /// Each token's shape.
    shapes: &'s [Vec<u8>],
    bullet: bool,
    /// The line's length, bucketed.
    line_len: u8,
    /// The line before, if short (a heading such as "Technologies:").
    prev_line: Option<(Fnv, bool)>,
}

/// What a line's tokens so far leave open; `C` names a cue.
struct Open<C> {
    /// Brackets.
    depth: usize,
    after_colon: bool,
    /// The last strong cue ("experience with") and where it was.
    last_cue: Option<(C, usize)>,
}

impl<C> Default for Open<C> {
    fn default() -> Self {
        Open {
            depth: 0,
            after_colon: false,
            last_cue: None,
        }
    }
}

impl<C> Open<C> {
    /// Read the punctuation before a token.
    fn read(&mut self, before: &str) {
        for c in before.chars() {
            match c {
                '(' | '[' | '{' => self.depth += 1,
                ')' | ']' | '}' => self.depth = self.depth.saturating_sub(1),
                ':' => self.after_colon = true,
                _ => {}
            }
        }
    }
}

/// Features of every token of a text, by line.
struct Extractor<'a> {
    text: &'a str,
    toks: &'a Tokens,
    seed: u64,
    shapes: Vec<Vec<u8>>,
}

impl<'a> Extractor<'a> {
    fn new(text: &'a str, toks: &'a Tokens, seed: u64) -> Self {
        Extractor {
            text,
            toks,
            seed,
            shapes: Vec::new(),
        }
    }

    fn norm(&self, t: &Token) -> &'a str {
        self.toks.norm(t)
    }

    /// Features of the tokens `range` (one line; `prev` is the line before
    /// it, if any): for each token, its ids are appended to `feats` and the
    /// end of its ids to `ends`.
    fn line(
        &mut self,
        range: std::ops::Range<usize>,
        prev: Option<std::ops::Range<usize>>,
        feats: &mut Vec<u32>,
        ends: &mut Vec<u32>,
        breaks: &mut Vec<bool>,
    ) {
        let toks = &self.toks.tokens[range.clone()];
        let n = toks.len();
        if n == 0 {
            return;
        }
        let text = self.text;
        let seed = self.seed;
        let line = toks[0].line as usize;
        let line_start = self.toks.line_starts.get(line).copied().unwrap_or(0);
        let line_end = self
            .toks
            .line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(text.len());
        let lead = text.get(line_start..toks[0].span().start).unwrap_or("");
        let bullet = is_bullet(lead);
        // punctuation before each token and after the last
        let mut puncts: Vec<&str> = Vec::with_capacity(n + 1);
        let mut from = line_start.min(toks[0].span().start);
        for tk in toks {
            puncts.push(punct(text.get(from..tk.span().start).unwrap_or("")));
            from = tk.span().end;
        }
        puncts.push(punct(text.get(from..line_end.max(from)).unwrap_or("")));
        // shapes
        let mut shapes = std::mem::take(&mut self.shapes);
        shapes.resize_with(n.max(shapes.len()), Vec::new);
        for (i, tk) in toks.iter().enumerate() {
            shape(&text[tk.span().range()], &mut shapes[i]);
        }
        // the line before, if short (a heading such as "Technologies:")
        let prev_line = prev.and_then(|r| prev_line_feature(text, self.toks, r, seed));
        let view = LineView {
            toks,
            puncts,
            shapes: &shapes[..n],
            bullet,
            line_len: bucket(n),
            prev_line,
        };
        let mut open = Open::default();
        for i in 0..n {
            self.token(&view, i, &mut open, feats);
            ends.push(feats.len() as u32);
            breaks.push(i > 0 && view.puncts[i].contains(BREAKS));
        }
        self.shapes = shapes;
    }

    /// The features of token `i` of a line, appended to `feats`.
    fn token(
        &self,
        view: &LineView<'a, '_>,
        i: usize,
        open: &mut Open<&'a str>,
        feats: &mut Vec<u32>,
    ) {
        const NONE: &[u8] = b"<none>";
        let LineView {
            toks,
            ref puncts,
            shapes,
            bullet,
            line_len,
            prev_line,
        } = *view;
        let (text, seed, n) = (self.text, self.seed, toks.len());
        let word = |i: usize| self.norm(&toks[i]).as_bytes();
        let tk = &toks[i];
        let w = word(i);
        let raw = &text[tk.span().range()];
        let before = puncts[i];
        open.read(before);
        let mut push = |h: Fnv| feats.push(h.id());
        push(Fnv::new(seed, t::BIAS));
        push(Fnv::new(seed, t::WORD).bytes(w));
        push(Fnv::new(seed, t::STEM).bytes(self.toks.stem(tk).as_bytes()));
        push(Fnv::new(seed, t::SHAPE).bytes(&shapes[i]));
        let (p3, s3) = affixes(self.norm(tk));
        push(Fnv::new(seed, t::PREFIX).bytes(p3.as_bytes()));
        push(Fnv::new(seed, t::SUFFIX).bytes(s3.as_bytes()));
        push(Fnv::new(seed, t::WORD_LEN).byte(bucket(raw.chars().take(16).count())));
        let first_upper = raw.chars().next().is_some_and(char::is_uppercase);
        if i > 0 && first_upper && !before.ends_with(['.', ':', '!', '?']) {
            push(Fnv::new(seed, t::CAP_MID));
        }
        let uppers = raw.chars().filter(|c| c.is_uppercase()).count();
        if uppers >= 2 && !raw.chars().any(char::is_lowercase) {
            push(Fnv::new(seed, t::ACRONYM));
        }
        push(Fnv::new(seed, t::KIND).byte(tk.kind as u8));
        push(Fnv::new(seed, t::GAP).byte(if i == 0 { 0 } else { tk.gap as u8 + 1 }));
        push(Fnv::new(seed, t::PUNCT_BEFORE).bytes(before.as_bytes()));
        push(Fnv::new(seed, t::PUNCT_AFTER).bytes(puncts[i + 1].as_bytes()));
        let p1 = if i >= 1 { word(i - 1) } else { NONE };
        let p2 = if i >= 2 { word(i - 2) } else { NONE };
        let n1 = if i + 1 < n { word(i + 1) } else { NONE };
        let n2 = if i + 2 < n { word(i + 2) } else { NONE };
        push(Fnv::new(seed, t::PREV1).bytes(p1));
        push(Fnv::new(seed, t::PREV2).bytes(p2));
        push(Fnv::new(seed, t::NEXT1).bytes(n1));
        push(Fnv::new(seed, t::NEXT2).bytes(n2));
        let ps = if i >= 1 { &shapes[i - 1][..] } else { NONE };
        let ns = if i + 1 < n { &shapes[i + 1][..] } else { NONE };
        push(Fnv::new(seed, t::PREV_SHAPE).bytes(ps));
        push(Fnv::new(seed, t::NEXT_SHAPE).bytes(ns));
        push(
            Fnv::new(seed, t::SHAPE_CONTEXT)
                .bytes(ps)
                .bytes(&shapes[i])
                .bytes(ns),
        );
        push(Fnv::new(seed, t::BIGRAM_PREV).bytes(p1).bytes(w));
        push(Fnv::new(seed, t::BIGRAM_NEXT).bytes(w).bytes(n1));
        push(Fnv::new(seed, t::POSITION).byte(bucket(i)));
        if i > 0 {
            push(Fnv::new(seed, t::FIRST_WORD).bytes(word(0)));
        }
        let stem = |k: usize| self.toks.stem(&toks[k]).as_bytes();
        if i >= 1 {
            push(
                Fnv::new(seed, t::STEM_PREV)
                    .bytes(stem(i - 1))
                    .bytes(stem(i)),
            );
        }
        if i + 1 < n {
            push(
                Fnv::new(seed, t::STEM_NEXT)
                    .bytes(stem(i))
                    .bytes(stem(i + 1)),
            );
        }
        if i + 1 == n {
            push(Fnv::new(seed, t::LAST));
        }
        for d in 1..=4.min(i) {
            let c = self.norm(&toks[i - d]);
            if CUES.contains(&c) {
                push(Fnv::new(seed, t::CUE_AT).byte(d as u8).bytes(c.as_bytes()));
            }
        }
        if i >= 2 {
            let (a, b) = (self.norm(&toks[i - 2]), self.norm(&toks[i - 1]));
            if STRONG_CUES.contains(&a) && CUES.contains(&b) {
                push(
                    Fnv::new(seed, t::CUE_PHRASE)
                        .bytes(a.as_bytes())
                        .bytes(b.as_bytes()),
                );
            }
        }
        if let Some((c, at)) = open.last_cue {
            push(
                Fnv::new(seed, t::LAST_CUE)
                    .bytes(c.as_bytes())
                    .byte(bucket(i - at)),
            );
        }
        if bullet {
            push(Fnv::new(seed, t::BULLET));
        }
        push(Fnv::new(seed, t::LINE_LEN).byte(line_len));
        if open.depth > 0 {
            push(Fnv::new(seed, t::PAREN));
        }
        if open.after_colon {
            push(Fnv::new(seed, t::AFTER_COLON));
        }
        if let Some((h, colon)) = prev_line {
            push(h);
            push(Fnv::new(seed, t::PREV_LINE_COLON).byte(colon as u8));
        }
        let nw = self.norm(tk);
        if STRONG_CUES.contains(&nw) {
            open.last_cue = Some((nw, i));
        }
    }
}

/// The id of the transition feature from tag `prev` (`ntags` is the start).
fn transition(seed: u64, prev: usize) -> u32 {
    Fnv::new(seed, t::TRANSITION).byte(prev as u8).id()
}

/// Whether tag `to` may follow tag `from` (`from == ntags`: the start):
/// an inside tag only after the begin or inside tag of its class.
fn allowed(from: usize, to: usize, ntags: usize) -> bool {
    if to == 0 || to % 2 == 1 {
        return true;
    }
    from < ntags && from != 0 && (from - 1) / 2 == (to - 1) / 2
}

/// The most tags a model has (two classes: `O`, then `B` and `I` of each).
const MAX_TAGS: usize = 5;

/// The weights of some features summed, one per tag. Integers: the sum does
/// not depend on the order the features are added in, so the scorer may add
/// them in any order and still match [`train::lines`] to the bit.
type Sum = [i32; MAX_TAGS];

fn plus(a: &mut Sum, b: &Sum) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

impl Fnv {
    /// [`Fnv::bytes`] on several states at once: independent chains of
    /// multiplications, which the processor overlaps.
    fn many<const K: usize>(mut h: [Fnv; K], s: &[u8]) -> [Fnv; K] {
        for &b in s {
            for x in &mut h {
                *x = x.byte(b);
            }
        }
        h.map(|x| x.byte(0xff))
    }
}

/// One slot of [`Table`]: a feature id and its weights (16 bytes, so that a
/// lookup reads one cache line).
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(16))]
struct Slot {
    id: u32,
    w: [i16; 6],
}

/// Feature weights by id: open addressing with linear probing over a power
/// of two of slots, at most half full. Id 0 marks an empty slot; the weights
/// of feature 0, if any, are kept aside.
#[derive(Debug, Clone)]
struct Table {
    slots: Vec<Slot>,
    /// 32 minus the log2 of the number of slots
    shift: u32,
    zero: Option<[i16; 6]>,
    len: usize,
}

impl Table {
    fn with_rows(rows: usize) -> Table {
        let bits = (rows.max(1) * 2).next_power_of_two().trailing_zeros();
        Table {
            slots: vec![Slot::default(); 1 << bits],
            shift: 32 - bits,
            zero: None,
            len: 0,
        }
    }

    fn home(&self, id: u32) -> usize {
        (id.wrapping_mul(0x9e37_79b9) >> self.shift) as usize
    }

    /// Set the weights of `id` (a later row of the same id wins).
    fn insert(&mut self, id: u32, w: [i16; 6]) {
        if id == 0 {
            self.len += usize::from(self.zero.is_none());
            self.zero = Some(w);
            return;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(id);
        while self.slots[i].id != 0 && self.slots[i].id != id {
            i = (i + 1) & mask;
        }
        self.len += usize::from(self.slots[i].id == 0);
        self.slots[i] = Slot { id, w };
    }

    #[inline]
    fn get(&self, id: u32) -> Option<&[i16; 6]> {
        if id == 0 {
            return self.zero.as_ref();
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(id);
        loop {
            let s = &self.slots[i];
            if s.id == id {
                return Some(&s.w);
            }
            if s.id == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Add the weights of feature `id`, if it has any, to `to`.
    #[inline]
    fn add(&self, id: u32, to: &mut Sum) {
        if let Some(w) = self.get(id) {
            for (x, &q) in to.iter_mut().zip(w) {
                *x += i32::from(q);
            }
        }
    }

    fn sum(&self, id: u32) -> Sum {
        let mut s = Sum::default();
        self.add(id, &mut s);
        s
    }
}

/// The weights of the features that take few values, looked up once when
/// the model is parsed.
#[derive(Debug, Clone)]
struct Fixed {
    bias: Sum,
    cap_mid: Sum,
    acronym: Sum,
    last: Sum,
    bullet: Sum,
    paren: Sum,
    after_colon: Sum,
    /// by the byte hashed (see [`Fixed::byte`])
    kind: [Sum; 8],
    gap: [Sum; 8],
    word_len: [Sum; 8],
    position: [Sum; 8],
    line_len: [Sum; 8],
    prev_line_colon: [Sum; 2],
    /// PREV1, PREV2, NEXT1, NEXT2, PREV_SHAPE and NEXT_SHAPE of `<none>`
    prev1_none: Sum,
    prev2_none: Sum,
    next1_none: Sum,
    next2_none: Sum,
    prev_shape_none: Sum,
    next_shape_none: Sum,
    /// PUNCT_BEFORE and PUNCT_AFTER of no punctuation
    no_punct: [Sum; 2],
    /// CUE_AT by distance (1 to 4) and cue
    cue_at: Vec<Sum>,
    /// CUE_PHRASE by strong cue and cue
    cue_phrase: Vec<Sum>,
    /// LAST_CUE by strong cue and bucket of the distance
    last_cue: Vec<Sum>,
    /// hash state of BIGRAM_PREV after `<none>`
    bigram_prev_none: Fnv,
    /// the WORD feature ids of the cues (see [`Scorer::new`])
    cue_ids: Vec<u32>,
}

/// What [`train::lines`] writes for a missing neighbour.
const NONE: &[u8] = b"<none>";

impl Fixed {
    fn new(table: &Table, seed: u64) -> Fixed {
        let one = |tpl: u8| table.sum(Fnv::new(seed, tpl).id());
        let bytes = |tpl: u8| -> [Sum; 8] {
            std::array::from_fn(|b| table.sum(Fnv::new(seed, tpl).byte(b as u8).id()))
        };
        let of = |tpl: u8, s: &[u8]| table.sum(Fnv::new(seed, tpl).bytes(s).id());
        let mut cue_at = Vec::with_capacity(4 * CUES.len());
        for d in 1..=4u8 {
            for c in CUES {
                cue_at.push(table.sum(Fnv::new(seed, t::CUE_AT).byte(d).bytes(c.as_bytes()).id()));
            }
        }
        let mut cue_phrase = Vec::with_capacity(STRONG_CUES.len() * CUES.len());
        let mut last_cue = Vec::with_capacity(STRONG_CUES.len() * 8);
        for a in STRONG_CUES {
            let h = Fnv::new(seed, t::CUE_PHRASE).bytes(a.as_bytes());
            for b in CUES {
                cue_phrase.push(table.sum(h.bytes(b.as_bytes()).id()));
            }
            let h = Fnv::new(seed, t::LAST_CUE).bytes(a.as_bytes());
            for k in 0..8 {
                last_cue.push(table.sum(h.byte(k).id()));
            }
        }
        let prev_line_colon = bytes(t::PREV_LINE_COLON);
        Fixed {
            bias: one(t::BIAS),
            cap_mid: one(t::CAP_MID),
            acronym: one(t::ACRONYM),
            last: one(t::LAST),
            bullet: one(t::BULLET),
            paren: one(t::PAREN),
            after_colon: one(t::AFTER_COLON),
            kind: bytes(t::KIND),
            gap: bytes(t::GAP),
            word_len: bytes(t::WORD_LEN),
            position: bytes(t::POSITION),
            line_len: bytes(t::LINE_LEN),
            prev_line_colon: [prev_line_colon[0], prev_line_colon[1]],
            prev1_none: of(t::PREV1, NONE),
            prev2_none: of(t::PREV2, NONE),
            next1_none: of(t::NEXT1, NONE),
            next2_none: of(t::NEXT2, NONE),
            prev_shape_none: of(t::PREV_SHAPE, NONE),
            next_shape_none: of(t::NEXT_SHAPE, NONE),
            no_punct: [of(t::PUNCT_BEFORE, b""), of(t::PUNCT_AFTER, b"")],
            cue_at,
            cue_phrase,
            last_cue,
            bigram_prev_none: Fnv::new(seed, t::BIGRAM_PREV).bytes(NONE),
            cue_ids: CUES
                .iter()
                .chain(STRONG_CUES)
                .map(|c| Fnv::new(seed, t::WORD).bytes(c.as_bytes()).id())
                .collect(),
        }
    }
}

/// No cue: the index of a word in neither [`CUES`] nor [`STRONG_CUES`].
const NO_CUE: u8 = u8::MAX;

/// What the scorer knows of one distinct normalized form of a text.
#[derive(Debug, Clone, Copy)]
struct Form {
    /// WORD, STEM, PREFIX and SUFFIX of a token of this form
    own: Sum,
    /// PREV1, PREV2, NEXT1 and NEXT2 of the tokens around one of this form
    prev1: Sum,
    prev2: Sum,
    next1: Sum,
    next2: Sum,
    /// hash states of BIGRAM_PREV and BIGRAM_NEXT after the word, and of
    /// STEM_PREV and STEM_NEXT after its stem (the first word of a pair)
    pair: [Fnv; 4],
    /// index in [`CUES`] and in [`STRONG_CUES`], or [`NO_CUE`]
    cue: u8,
    strong: u8,
}

/// What the features read of a token's own text.
#[derive(Debug, Clone, Copy)]
struct Look {
    /// the [`shape`], packed (see [`Look::of`])
    shape: u64,
    first_upper: bool,
    acronym: bool,
    /// bucket of the length in characters (up to 16)
    len: u8,
    /// index of the shape's weights in [`Scorer::shape_rows`]
    rows: u32,
}

impl Look {
    /// The shape, capitalization and length of a token, in one pass. The
    /// shape is packed little-endian into a `u64`, padded with `0xff` (never
    /// a shape byte): two shapes are equal if their packings are, and no
    /// packing is 0 (a run of one class is never repeated).
    fn of(raw: &str) -> Look {
        if raw.is_ascii() {
            // a byte is a character
            return Look::of_classes(raw.bytes().map(|c| match c {
                b'A'..=b'Z' => (b'X', true, false),
                b'a'..=b'z' => (b'x', false, true),
                b'0'..=b'9' => (b'd', false, false),
                _ => (c, false, false),
            }));
        }
        Look::of_classes(raw.chars().map(|c| {
            let (up, low) = (c.is_uppercase(), c.is_lowercase());
            let k = if up {
                b'X'
            } else if low || c.is_alphabetic() {
                b'x'
            } else if c.is_numeric() {
                b'd'
            } else if c.is_ascii() {
                c as u8
            } else {
                b'*'
            };
            (k, up, low)
        }))
    }

    /// The look of a token from each character's shape class and whether it
    /// is uppercase and lowercase.
    fn of_classes(chars: impl Iterator<Item = (u8, bool, bool)>) -> Look {
        let mut shape = u64::MAX;
        let (mut len, mut last, mut full) = (0u32, 0xffu8, false);
        let (mut uppers, mut lower, mut count, mut first_upper) = (0usize, false, 0usize, false);
        for (k, up, low) in chars {
            if count == 0 {
                first_upper = up;
            }
            count += 1;
            uppers += usize::from(up);
            lower |= low;
            if k != last && !full {
                if len == 8 {
                    full = true;
                } else {
                    shape &= !(0xff << (8 * len));
                    shape |= u64::from(k) << (8 * len);
                    len += 1;
                    last = k;
                }
            }
        }
        Look {
            shape,
            first_upper,
            acronym: uppers >= 2 && !lower,
            len: bucket(count.min(16)),
            rows: 0,
        }
    }
}

/// The bytes of a packed shape (see [`Look::of`]); 0 stands for `<none>`.
fn shape_bytes(key: u64) -> ([u8; 8], usize) {
    let b = key.to_le_bytes();
    (b, b.iter().position(|&x| x == 0xff).unwrap_or(8))
}

/// A direct-mapped cache: one entry a slot, a new key evicts the old one. A
/// text cannot make it slow, only useless.
struct Memo<K, V> {
    slots: Vec<Option<(K, V)>>,
    shift: u32,
}

impl<K: Copy + Eq, V: Copy> Memo<K, V> {
    fn new(bits: u32) -> Self {
        Memo {
            slots: vec![None; 1 << bits],
            shift: 64 - bits,
        }
    }

    fn slot(&self, hash: u64) -> usize {
        (hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    #[inline]
    fn get(&self, key: K, hash: u64) -> Option<V> {
        match self.slots[self.slot(hash)] {
            Some((k, v)) if k == key => Some(v),
            _ => None,
        }
    }

    fn put(&mut self, key: K, hash: u64, v: V) {
        let i = self.slot(hash);
        self.slots[i] = Some((key, v));
    }
}

/// Feature hash of the line before, if short (a heading such as
/// "Technologies:"), and whether it ends with a colon.
fn prev_line_feature(
    text: &str,
    toks: &Tokens,
    r: std::ops::Range<usize>,
    seed: u64,
) -> Option<(Fnv, bool)> {
    if r.len() > 4 {
        return None;
    }
    let ptoks = &toks.tokens[r];
    let mut h = Fnv::new(seed, t::PREV_LINE);
    for tk in ptoks {
        h = h.bytes(toks.norm(tk).as_bytes());
    }
    let last = ptoks.last()?;
    let pl = ptoks[0].line as usize;
    let end = toks.line_starts.get(pl + 1).copied().unwrap_or(0);
    let colon = text
        .get(last.span().end..end.max(last.span().end))
        .is_some_and(|s| s.trim_end().ends_with(':'));
    Some((h, colon))
}

/// The emission scores of a text's tokens straight from the weights: the
/// same features as [`Extractor`], summed as they are found, with what
/// depends only on a token's normalized form worked out once per form, and
/// what repeats (shapes, punctuation, word pairs) cached.
struct Scorer<'a> {
    model: &'a train::Model,
    text: &'a str,
    toks: &'a Tokens,
    forms: Vec<Form>,
    looks: Vec<Look>,
    sums: Vec<Sum>,
    /// SHAPE, PREV_SHAPE and NEXT_SHAPE of the shapes seen
    shape_rows: Vec<[Sum; 3]>,
    /// index in `shape_rows` of a packed shape
    shapes: Memo<u64, u32>,
    /// SHAPE_CONTEXT of (previous, own, next) packed shapes
    contexts: Memo<[u64; 3], Sum>,
    /// PUNCT_BEFORE and PUNCT_AFTER of punctuation of up to 7 bytes
    puncts: Memo<u64, [Sum; 2]>,
}

impl<'a> Scorer<'a> {
    fn new(model: &'a train::Model, text: &'a str, toks: &'a Tokens) -> Self {
        let seed = model.seed;
        let (table, fx) = (&model.table, &model.fixed);
        let start = |tpl: u8| Fnv::new(seed, tpl);
        let word_starts = [
            t::WORD,
            t::PREV1,
            t::PREV2,
            t::NEXT1,
            t::NEXT2,
            t::BIGRAM_PREV,
            t::BIGRAM_NEXT,
        ]
        .map(start);
        let stem_starts = [t::STEM, t::STEM_PREV, t::STEM_NEXT].map(start);
        let forms = toks
            .norms
            .iter()
            .zip(toks.stems.iter())
            .map(|(w, s)| {
                let [word, p1, p2, n1, n2, bp, bn] = Fnv::many(word_starts, w.as_bytes());
                let [stem, sp, sn] = Fnv::many(stem_starts, s.as_bytes());
                let (p3, s3) = affixes(w);
                let mut own = table.sum(word.id());
                table.add(stem.id(), &mut own);
                table.add(start(t::PREFIX).bytes(p3.as_bytes()).id(), &mut own);
                table.add(start(t::SUFFIX).bytes(s3.as_bytes()).id(), &mut own);
                let maybe_cue = fx.cue_ids.contains(&word.id());
                let index = |list: &[&str]| {
                    list.iter()
                        .position(|&c| maybe_cue && c == w)
                        .map_or(NO_CUE, |i| i as u8)
                };
                Form {
                    own,
                    prev1: table.sum(p1.id()),
                    prev2: table.sum(p2.id()),
                    next1: table.sum(n1.id()),
                    next2: table.sum(n2.id()),
                    pair: [bp, bn, sp, sn],
                    cue: index(CUES),
                    strong: index(STRONG_CUES),
                }
            })
            .collect();
        Scorer {
            model,
            text,
            toks,
            forms,
            looks: Vec::new(),
            sums: Vec::new(),
            shape_rows: Vec::new(),
            shapes: Memo::new(7),
            contexts: Memo::new(9),
            puncts: Memo::new(6),
        }
    }

    /// FIRST_WORD of a form (once a line).
    fn first_word(&self, norm: usize) -> Sum {
        let w = self.toks.norms[norm].as_bytes();
        (self.model.table).sum(Fnv::new(self.model.seed, t::FIRST_WORD).bytes(w).id())
    }

    /// BIGRAM_PREV of a form first in its line.
    fn first(&self, norm: usize) -> Sum {
        let w = self.toks.norms[norm].as_bytes();
        let h = self.model.fixed.bigram_prev_none.bytes(w);
        self.model.table.sum(h.id())
    }

    /// BIGRAM_NEXT of a form last in its line.
    fn last(&self, norm: usize) -> Sum {
        let h = self.forms[norm].pair[1].bytes(NONE);
        self.model.table.sum(h.id())
    }

    /// PUNCT_BEFORE and PUNCT_AFTER of the punctuation between two tokens.
    fn punct(&mut self, p: &str) -> [Sum; 2] {
        if p.is_empty() {
            return self.model.fixed.no_punct;
        }
        let (seed, table) = (self.model.seed, &self.model.table);
        let find = |p: &[u8]| {
            let [b, a] = Fnv::many(
                [
                    Fnv::new(seed, t::PUNCT_BEFORE),
                    Fnv::new(seed, t::PUNCT_AFTER),
                ],
                p,
            );
            [table.sum(b.id()), table.sum(a.id())]
        };
        let p = p.as_bytes();
        if p.len() > 7 {
            return find(p);
        }
        let mut key = [0u8; 8];
        key[..p.len()].copy_from_slice(p);
        key[7] = p.len() as u8;
        let key = u64::from_le_bytes(key);
        if let Some(v) = self.puncts.get(key, key) {
            return v;
        }
        let v = find(p);
        self.puncts.put(key, key, v);
        v
    }

    /// The index in `shape_rows` of SHAPE, PREV_SHAPE and NEXT_SHAPE of a
    /// packed shape.
    fn shape(&mut self, key: u64) -> u32 {
        if let Some(v) = self.shapes.get(key, key) {
            return v;
        }
        let (b, n) = shape_bytes(key);
        let starts =
            [t::SHAPE, t::PREV_SHAPE, t::NEXT_SHAPE].map(|tpl| Fnv::new(self.model.seed, tpl));
        let v = self.shape_rows.len() as u32;
        (self.shape_rows).push(Fnv::many(starts, &b[..n]).map(|h| self.model.table.sum(h.id())));
        self.shapes.put(key, key, v);
        v
    }

    /// SHAPE_CONTEXT of three packed shapes (0: `<none>`).
    fn context(&mut self, key: [u64; 3]) -> Sum {
        let hash = key[0] ^ key[1].rotate_left(21) ^ key[2].rotate_left(42);
        if let Some(v) = self.contexts.get(key, hash) {
            return v;
        }
        let mut h = Fnv::new(self.model.seed, t::SHAPE_CONTEXT);
        for k in key {
            let (b, n) = shape_bytes(k);
            h = h.bytes(if k == 0 { NONE } else { &b[..n] });
        }
        let v = self.model.table.sum(h.id());
        self.contexts.put(key, hash, v);
        v
    }

    /// The features of two neighbouring tokens that read both: BIGRAM_NEXT
    /// and STEM_NEXT of the first, BIGRAM_PREV and STEM_PREV of the second.
    fn pair(&self, a: u32, b: u32) -> [Sum; 2] {
        let [bp, bn, sp, sn] = self.forms[a as usize].pair;
        let table = &self.model.table;
        let [bp, bn] = Fnv::many([bp, bn], self.toks.norms[b as usize].as_bytes());
        let [sp, sn] = Fnv::many([sp, sn], self.toks.stems[b as usize].as_bytes());
        let mut first = table.sum(bn.id());
        table.add(sn.id(), &mut first);
        let mut second = table.sum(bp.id());
        table.add(sp.id(), &mut second);
        [first, second]
    }

    /// The emission scores (`n × ntags`) and breaks of the tokens `range`,
    /// one line (`prev` is the line before it, if any), as the features of
    /// [`Extractor::line`] give them.
    fn line(
        &mut self,
        range: std::ops::Range<usize>,
        prev: Option<std::ops::Range<usize>>,
        emit: &mut Vec<f64>,
        breaks: &mut Vec<bool>,
    ) {
        emit.clear();
        breaks.clear();
        let (text, all, model) = (self.text, self.toks, self.model);
        let toks = &all.tokens[range];
        let n = toks.len();
        if n == 0 {
            return;
        }
        let fx = &model.fixed;
        let line = toks[0].line as usize;
        let line_start = all.line_starts.get(line).copied().unwrap_or(0);
        let line_end = all.line_starts.get(line + 1).copied().unwrap_or(text.len());
        let lead = text.get(line_start..toks[0].span().start).unwrap_or("");

        // the features of every token of the line
        let mut base = fx.bias;
        plus(&mut base, &fx.line_len[bucket(n) as usize]);
        if is_bullet(lead) {
            plus(&mut base, &fx.bullet);
        }
        if let Some((h, colon)) = prev.and_then(|r| prev_line_feature(text, all, r, model.seed)) {
            model.table.add(h.id(), &mut base);
            plus(&mut base, &fx.prev_line_colon[usize::from(colon)]);
        }
        let mut sums = std::mem::take(&mut self.sums);
        sums.clear();
        sums.resize(n, base);
        if n > 1 {
            let f = self.first_word(toks[0].norm as usize);
            for s in &mut sums[1..] {
                plus(s, &f);
            }
        }
        let mut looks = std::mem::take(&mut self.looks);
        looks.clear();
        for tk in toks {
            let mut look = Look::of(&text[tk.span().range()]);
            look.rows = self.shape(look.shape);
            looks.push(look);
        }

        let mut from = line_start.min(toks[0].span().start);
        let mut open: Open<u8> = Open::default();
        for i in 0..n {
            let tk = &toks[i];
            let look = looks[i];
            let before = punct(text.get(from..tk.span().start).unwrap_or(""));
            from = tk.span().end;
            open.read(before);
            let [pb, pa] = self.punct(before);
            let mut s = sums[i];
            plus(&mut s, &pb);
            plus(&mut s, &self.forms[tk.norm as usize].own);
            if i > 0 {
                plus(&mut sums[i - 1], &pa);
                let [a, b] = self.pair(toks[i - 1].norm, tk.norm);
                plus(&mut sums[i - 1], &a);
                plus(&mut s, &b);
            } else {
                plus(&mut s, &self.first(tk.norm as usize));
            }
            if i + 1 == n {
                plus(&mut s, &self.last(tk.norm as usize));
                plus(&mut s, &fx.last);
            }
            self.shape_features(&looks, i, &mut s);
            // the token's own text
            plus(&mut s, &fx.word_len[look.len as usize]);
            if i > 0 && look.first_upper && !before.ends_with(['.', ':', '!', '?']) {
                plus(&mut s, &fx.cap_mid);
            }
            if look.acronym {
                plus(&mut s, &fx.acronym);
            }
            let kind = tk.kind as u8;
            let gap = if i == 0 { 0 } else { tk.gap as u8 + 1 };
            plus(&mut s, &fx.byte(&fx.kind, model, t::KIND, kind));
            plus(&mut s, &fx.byte(&fx.gap, model, t::GAP, gap));
            plus(&mut s, &fx.position[bucket(i) as usize]);
            self.around_features(toks, i, &mut open, &mut s);
            sums[i] = s;
            breaks.push(i > 0 && before.contains(BREAKS));
        }
        let after = punct(text.get(from..line_end.max(from)).unwrap_or(""));
        let [_, pa] = self.punct(after);
        plus(&mut sums[n - 1], &pa);

        let nt = train::ntags(model.classes);
        let scale = model.scale as f64;
        for s in &sums {
            emit.extend(s[..nt].iter().map(|&a| a as f64 * scale));
        }
        self.sums = sums;
        self.looks = looks;
    }

    /// The shape features of token `i`: its own, its neighbours', the three
    /// together.
    fn shape_features(&mut self, looks: &[Look], i: usize, s: &mut Sum) {
        let (fx, n, look) = (&self.model.fixed, looks.len(), looks[i]);
        let rows = &self.shape_rows;
        plus(s, &rows[look.rows as usize][0]);
        let ps = if i >= 1 {
            plus(s, &rows[looks[i - 1].rows as usize][1]);
            looks[i - 1].shape
        } else {
            plus(s, &fx.prev_shape_none);
            0
        };
        let ns = if i + 1 < n {
            plus(s, &rows[looks[i + 1].rows as usize][2]);
            looks[i + 1].shape
        } else {
            plus(s, &fx.next_shape_none);
            0
        };
        plus(s, &self.context([ps, look.shape, ns]));
    }

    /// The features of the words around token `i` and of the cues and
    /// brackets before it.
    fn around_features(&self, toks: &[Token], i: usize, open: &mut Open<u8>, s: &mut Sum) {
        let (fx, n) = (&self.model.fixed, toks.len());
        let near = |d: usize| &self.forms[toks[d].norm as usize];
        plus(
            s,
            if i >= 1 {
                &near(i - 1).prev1
            } else {
                &fx.prev1_none
            },
        );
        plus(
            s,
            if i >= 2 {
                &near(i - 2).prev2
            } else {
                &fx.prev2_none
            },
        );
        plus(
            s,
            if i + 1 < n {
                &near(i + 1).next1
            } else {
                &fx.next1_none
            },
        );
        plus(
            s,
            if i + 2 < n {
                &near(i + 2).next2
            } else {
                &fx.next2_none
            },
        );
        // cues
        for d in 1..=4.min(i) {
            let c = near(i - d).cue;
            if c != NO_CUE {
                plus(s, &fx.cue_at[(d - 1) * CUES.len() + c as usize]);
            }
        }
        if i >= 2 {
            let (a, b) = (near(i - 2).strong, near(i - 1).cue);
            if a != NO_CUE && b != NO_CUE {
                plus(s, &fx.cue_phrase[a as usize * CUES.len() + b as usize]);
            }
        }
        if let Some((c, at)) = open.last_cue {
            plus(s, &fx.last_cue[c as usize * 8 + bucket(i - at) as usize]);
        }
        if open.depth > 0 {
            plus(s, &fx.paren);
        }
        if open.after_colon {
            plus(s, &fx.after_colon);
        }
        let strong = near(i).strong;
        if strong != NO_CUE {
            open.last_cue = Some((strong, i));
        }
    }
}

impl Fixed {
    /// The weights of a feature that hashes one byte: from `rows` if it has
    /// the byte.
    fn byte(&self, rows: &[Sum; 8], model: &train::Model, tpl: u8, b: u8) -> Sum {
        match rows.get(b as usize) {
            Some(r) => *r,
            None => model.table.sum(Fnv::new(model.seed, tpl).byte(b).id()),
        }
    }
}

/// The Viterbi decoder's buffers, kept from line to line.
#[derive(Debug, Default)]
struct Viterbi {
    alpha: Vec<f64>,
    back: Vec<u8>,
    beta: Vec<f64>,
    tags: Vec<u8>,
    margins: Vec<f64>,
}

/// Minus infinity for the decoder (a score no path has).
const NEG: f64 = -1e30;

/// `$call` with `$t`, the number of tags, as a constant for the tag sets
/// of the weights files (3: one class, 5: two), so the compiler unrolls the
/// decoder's loops over tags for them; the same code for any other number.
macro_rules! known_tags {
    ($t:ident => $call:expr) => {
        match $t {
            3 => {
                let $t = 3;
                $call
            }
            5 => {
                let $t = 5;
                $call
            }
            _ => $call,
        }
    };
}

impl Viterbi {
    /// The best tag sequence into `tags` (see [`train::decode`]).
    fn best(&mut self, n: usize, t: usize, emit: &[f64], trans: &[f64], breaks: &[bool]) {
        known_tags!(t => self.best_of(n, t, emit, trans, breaks));
    }

    #[inline(always)]
    fn best_of(&mut self, n: usize, t: usize, emit: &[f64], trans: &[f64], breaks: &[bool]) {
        let trans = &trans[..(t + 1) * t];
        let emit = &emit[..n * t];
        self.alpha.clear();
        self.alpha.resize(n * t, NEG);
        self.back.clear();
        self.back.resize(n * t, 0);
        let (alpha, back) = (&mut self.alpha, &mut self.back);
        for i in 0..n {
            let e = &emit[i * t..i * t + t];
            let (done, rest) = alpha.split_at_mut(i * t);
            let cur = &mut rest[..t];
            let bk = &mut back[i * t..i * t + t];
            if i == 0 {
                for y in 0..t {
                    let best = if allowed(t, y, t) {
                        trans[t * t + y]
                    } else {
                        NEG
                    };
                    cur[y] = if best <= NEG { NEG } else { best + e[y] };
                }
                continue;
            }
            let prev = &done[(i - 1) * t..];
            let broken = breaks.get(i).copied().unwrap_or(false);
            for y in 0..t {
                let mut best = NEG;
                let mut arg = 0;
                // an inside tag follows only the begin or inside tag of its
                // class (see `allowed`), never a break
                let inside = y != 0 && y % 2 == 0;
                let from = if inside { y - 1..y + 1 } else { 0..t };
                if !(broken && inside) {
                    for p in from {
                        let s = prev[p] + trans[p * t + y];
                        if s > best {
                            best = s;
                            arg = p;
                        }
                    }
                }
                cur[y] = if best <= NEG { NEG } else { best + e[y] };
                bk[y] = arg as u8;
            }
        }
        self.tags.clear();
        self.tags.resize(n, 0);
        if n > 0 {
            let last = &alpha[(n - 1) * t..];
            let mut y = 0;
            for k in 1..t {
                if last[k] > last[y] {
                    y = k;
                }
            }
            for i in (0..n).rev() {
                self.tags[i] = y as u8;
                y = back[i * t + y] as usize;
            }
        }
    }

    /// The margin of each token's tag over `O` into `margins`, after
    /// [`Viterbi::best`] on the same line.
    fn margins(&mut self, n: usize, t: usize, emit: &[f64], trans: &[f64], breaks: &[bool]) {
        known_tags!(t => self.margins_of(n, t, emit, trans, breaks));
    }

    #[inline(always)]
    fn margins_of(&mut self, n: usize, t: usize, emit: &[f64], trans: &[f64], breaks: &[bool]) {
        let trans = &trans[..(t + 1) * t];
        let emit = &emit[..n * t];
        self.beta.clear();
        self.beta.resize(n * t, 0.0);
        let beta = &mut self.beta;
        for i in (0..n.saturating_sub(1)).rev() {
            let (head, tail) = beta.split_at_mut((i + 1) * t);
            let (cur, next) = (&mut head[i * t..], &tail[..t]);
            let e = &emit[(i + 1) * t..(i + 2) * t];
            let broken = breaks.get(i + 1).copied().unwrap_or(false);
            for y in 0..t {
                let mut best = NEG;
                for z in 0..t {
                    // as in `best`: an inside tag only after its class, no break
                    let inside = z != 0 && z % 2 == 0;
                    if !inside || (!broken && (y + 1 == z || y == z)) {
                        let s = trans[y * t + z] + e[z] + next[z];
                        best = best.max(s);
                    }
                }
                cur[y] = best;
            }
        }
        let alpha = &self.alpha[..n * t];
        let beta = &self.beta[..n * t];
        self.margins.clear();
        self.margins
            .extend(self.tags.iter().enumerate().map(|(i, &y)| {
                let mm = |y: usize| alpha[i * t + y] + beta[i * t + y];
                mm(y as usize) - mm(0)
            }));
    }
}

/// Support for the trainer (`examples/train_tagger.rs`): the feature
/// extractor, the decoder and the weights file format. Not a stable API.
#[doc(hidden)]
pub mod train {
    use super::*;

    /// The hash seed the trainer writes into new weights files.
    pub const SEED: u64 = 0x61_7473_636f_7265;
    /// Version of the weights file format.
    pub const VERSION: u16 = 1;
    const MAGIC: &[u8; 4] = b"ATTG";
    const HEADER: usize = 32;

    /// The tokens of one line and their feature ids.
    #[derive(Debug, Clone, Default)]
    pub struct Line {
        /// Byte span of each token.
        pub spans: Vec<Span>,
        /// Feature ids of all tokens, one after the other.
        pub feats: Vec<u32>,
        /// End of each token's ids in `feats`.
        pub ends: Vec<u32>,
        /// Whether punctuation before each token ends any phrase (see [`decode`]).
        pub breaks: Vec<bool>,
    }

    impl Line {
        /// Feature ids of token `i`.
        pub fn token(&self, i: usize) -> &[u32] {
            let s = if i == 0 { 0 } else { self.ends[i - 1] as usize };
            &self.feats[s..self.ends[i] as usize]
        }
    }

    /// The lines of a text with their tokens' features.
    pub fn lines(text: &str, seed: u64) -> Vec<Line> {
        let toks = tokenize(text);
        let ranges = line_ranges(&toks);
        let mut ex = Extractor::new(text, &toks, seed);
        let mut out = Vec::with_capacity(ranges.len());
        for (k, r) in ranges.iter().enumerate() {
            let prev = prev_line(&toks, &ranges, k);
            let mut line = Line {
                spans: toks.tokens[r.clone()].iter().map(Token::span).collect(),
                ..Line::default()
            };
            ex.line(
                r.clone(),
                prev,
                &mut line.feats,
                &mut line.ends,
                &mut line.breaks,
            );
            out.push(line);
        }
        out
    }

    /// The line right before line `k` (if no blank line is in between).
    pub(super) fn prev_line(
        toks: &Tokens,
        ranges: &[std::ops::Range<usize>],
        k: usize,
    ) -> Option<std::ops::Range<usize>> {
        let r = ranges.get(k.checked_sub(1)?)?;
        let here = toks.tokens[ranges[k].start].line;
        let there = toks.tokens[r.start].line;
        (here == there + 1).then(|| r.clone())
    }

    /// The id of the transition feature from tag `prev` (`ntags`: the start).
    pub fn transition_feature(seed: u64, prev: usize) -> u32 {
        transition(seed, prev)
    }

    /// Number of tags for `classes` classes (O, then B and I of each).
    pub const fn ntags(classes: usize) -> usize {
        1 + 2 * classes
    }

    /// The best tag sequence of a line by Viterbi, under the BIO constraints,
    /// and the margin of each token's tag over `O`: the best score with the
    /// token's tag minus the best with `O` (max-marginals, from a forward and
    /// a backward pass). `emit` is `n × ntags`, `trans` is `(ntags + 1) ×
    /// ntags` (the last row: from the start); no phrase continues into a
    /// token whose `breaks` is true.
    pub fn decode(
        n: usize,
        ntags: usize,
        emit: &[f64],
        trans: &[f64],
        breaks: &[bool],
    ) -> (Vec<u8>, Vec<f64>) {
        let mut v = Viterbi::default();
        v.best(n, ntags, emit, trans, breaks);
        v.margins(n, ntags, emit, trans, breaks);
        (v.tags, v.margins)
    }

    /// The phrases of a tag sequence: `(class, first token, end token)`.
    pub fn phrases(tags: &[u8]) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut open: Option<(usize, usize)> = None;
        for (i, &y) in tags.iter().enumerate() {
            let y = y as usize;
            let inside = y != 0 && y % 2 == 0;
            match open {
                Some((c, _)) if inside && y / 2 == c + 1 => continue,
                Some((c, s)) => out.push((c, s, i)),
                None => {}
            }
            open = (y != 0).then(|| ((y - 1) / 2, i));
        }
        if let Some((c, s)) = open {
            out.push((c, s, tags.len()));
        }
        out
    }

    /// Weights, quantized: `weight = q × scale`.
    #[derive(Debug, Clone)]
    pub struct Model {
        pub(super) classes: usize,
        pub(super) seed: u64,
        pub(super) scale: f32,
        /// logistic calibration of the mean margin: `score = σ(a·m + b)`
        cal: (f32, f32),
        pub(super) table: Table,
        pub(super) fixed: Fixed,
        /// transition scores, `(ntags + 1) × ntags` (the last row: from the start)
        trans: Vec<f64>,
    }

    /// Encode a weights file. `rows` are `(feature id, one weight per tag)`,
    /// each weight `q × scale`; they are written sorted by id.
    pub fn encode(
        classes: usize,
        seed: u64,
        scale: f32,
        cal: (f32, f32),
        rows: &[(u32, Vec<i16>)],
    ) -> Vec<u8> {
        let mut rows: Vec<&(u32, Vec<i16>)> = rows.iter().collect();
        rows.sort_by_key(|r| r.0);
        rows.dedup_by_key(|r| r.0);
        let nt = ntags(classes);
        let mut out = Vec::with_capacity(HEADER + rows.len() * (4 + 2 * nt));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.push(classes as u8);
        out.push(0);
        out.extend_from_slice(&seed.to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&cal.0.to_le_bytes());
        out.extend_from_slice(&cal.1.to_le_bytes());
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (id, w) in rows {
            out.extend_from_slice(&id.to_le_bytes());
            for k in 0..nt {
                out.extend_from_slice(&w.get(k).copied().unwrap_or(0).to_le_bytes());
            }
        }
        out
    }

    impl Model {
        /// Parse a weights file; `None` if it is not one this code reads.
        pub fn parse(b: &[u8]) -> Option<Model> {
            let u32_at = |i: usize| Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?));
            let f32_at = |i: usize| Some(f32::from_bits(u32_at(i)?));
            if b.get(..4)? != MAGIC || u16::from_le_bytes([*b.get(4)?, *b.get(5)?]) != VERSION {
                return None;
            }
            let classes = *b.get(6)? as usize;
            if !(1..=2).contains(&classes) {
                return None;
            }
            let seed = u64::from_le_bytes(b.get(8..16)?.try_into().ok()?);
            let scale = f32_at(16)?;
            let cal = (f32_at(20)?, f32_at(24)?);
            let n = u32_at(28)? as usize;
            let nt = ntags(classes);
            let row = 4 + 2 * nt;
            if b.len() != HEADER + n.checked_mul(row)? || !scale.is_finite() {
                return None;
            }
            let mut table = Table::with_rows(n);
            for r in b[HEADER..].chunks_exact(row) {
                let mut w = [0i16; 6];
                for (q, x) in r[4..].chunks_exact(2).zip(&mut w) {
                    *x = i16::from_le_bytes([q[0], q[1]]);
                }
                table.insert(u32::from_le_bytes([r[0], r[1], r[2], r[3]]), w);
            }
            let mut trans = vec![0f64; (nt + 1) * nt];
            for p in 0..=nt {
                let acc = table.sum(transition(seed, p));
                for (y, &a) in acc[..nt].iter().enumerate() {
                    trans[p * nt + y] = a as f64 * scale as f64;
                }
            }
            let fixed = Fixed::new(&table, seed);
            Some(Model {
                classes,
                seed,
                scale,
                cal,
                table,
                fixed,
                trans,
            })
        }

        /// Number of classes (1: one "skill" class; 2: knowledge and skill).
        pub fn classes(&self) -> usize {
            self.classes
        }

        /// Number of feature rows.
        pub fn len(&self) -> usize {
            self.table.len
        }

        /// Whether there are no rows.
        pub fn is_empty(&self) -> bool {
            self.table.len == 0
        }

        /// Tag a text, with this model's score calibration.
        pub fn tag(&self, text: &str) -> Vec<Tagged> {
            self.tag_raw(text)
                .into_iter()
                .map(|(span, kind, m)| Tagged {
                    span,
                    kind,
                    score: self.calibrate(m),
                })
                .collect()
        }

        /// The calibrated score of a mean margin.
        pub fn calibrate(&self, margin: f64) -> f32 {
            let z = self.cal.0 as f64 * margin + self.cal.1 as f64;
            (1.0 / (1.0 + (-z).exp())) as f32
        }

        /// Tag a text: each phrase's span, class and mean margin over `O`.
        pub fn tag_raw(&self, text: &str) -> Vec<(Span, Kind, f64)> {
            let nt = ntags(self.classes);
            let toks = tokenize(text);
            let mut out = Vec::new();
            if toks.tokens.is_empty() {
                return out;
            }
            let ranges = line_ranges(&toks);
            let mut scorer = Scorer::new(self, text, &toks);
            let mut v = Viterbi::default();
            let (mut emit, mut breaks) = (Vec::new(), Vec::new());
            for (k, r) in ranges.iter().enumerate() {
                let prev = prev_line(&toks, &ranges, k);
                scorer.line(r.clone(), prev, &mut emit, &mut breaks);
                let n = r.len();
                v.best(n, nt, &emit, &self.trans, &breaks);
                if v.tags.iter().all(|&y| y == 0) {
                    continue;
                }
                v.margins(n, nt, &emit, &self.trans, &breaks);
                let line = &toks.tokens[r.clone()];
                for (c, a, b) in phrases(&v.tags) {
                    let m = v.margins[a..b].iter().sum::<f64>() / (b - a) as f64;
                    let kind = if self.classes == 2 && c == 0 {
                        Kind::Knowledge
                    } else if self.classes == 2 {
                        Kind::Skill
                    } else {
                        Kind::Knowledge
                    };
                    out.push((
                        Span::new(line[a].span().start, line[b - 1].span().end),
                        kind,
                        m,
                    ));
                }
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(text: &str) -> Vec<&str> {
        tag(text)
            .iter()
            .filter(|t| t.score >= 0.5)
            .map(|t| &text[t.span.range()])
            .collect()
    }

    #[test]
    fn model_loads() {
        let m = model().expect("data/tagger.bin parses");
        assert!(!m.is_empty());
    }

    #[test]
    fn kubernetes_and_terraform() {
        let text = "Experience with Kubernetes and Terraform is required";
        let found = phrases(text);
        assert!(found.contains(&"Kubernetes"), "{found:?}");
        assert!(found.contains(&"Terraform"), "{found:?}");
    }

    #[test]
    fn brackets_split_phrases() {
        let text = "Familiarity with Kubernetes, Terraform and AWS (EC2, S3)";
        for t in tag(text) {
            let s = &text[t.span.range()];
            assert!(!s.contains('(') && !s.contains(')'), "{s:?}");
        }
    }

    #[test]
    fn tech_list_line() {
        let text = "Technologies\ndocker agile selenium jenkins";
        let found = phrases(text);
        for w in ["docker", "selenium", "jenkins"] {
            assert!(found.iter().any(|f| f.contains(w)), "{w} in {found:?}");
        }
    }

    #[test]
    fn knowledge_after_cue() {
        let text = "- Solid knowledge of Python, SQL and machine learning";
        let t = tag(text);
        let know: Vec<&str> = t
            .iter()
            .filter(|t| t.kind == Kind::Knowledge)
            .map(|t| &text[t.span.range()])
            .collect();
        assert!(
            know.contains(&"Python") && know.contains(&"SQL"),
            "{know:?}"
        );
    }

    #[test]
    fn benefits_are_not_skills() {
        let found = phrases("We offer a competitive salary and free lunch every Friday.");
        assert!(found.len() <= 1, "{found:?}");
    }

    #[test]
    fn spans_are_ordered_and_inside_lines() {
        let text = "Requirements:\n- 5+ years of experience in Java or Kotlin\n- Familiarity with AWS (EC2, S3)\n";
        let t = tag(text);
        assert!(!t.is_empty());
        for w in t.windows(2) {
            assert!(w[0].span.end <= w[1].span.start);
        }
        for x in &t {
            assert!(!text[x.span.range()].contains('\n'));
            assert!(x.score.is_finite() && (0.0..=1.0).contains(&x.score));
        }
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        assert!(tag("").is_empty());
        assert!(tag(" \n\n\t ").is_empty());
        let long = "a".repeat(1 << 20);
        let t = tag(&long);
        assert!(t.iter().all(|x| x.span.end <= long.len()));
        let words = "Python ".repeat(1 << 17);
        let t = tag(&words);
        assert!(t.iter().all(|x| x.span.end <= words.len()));
        // pseudo-random bytes, made valid UTF-8 lossily
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let bytes: Vec<u8> = (0..100_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect();
        let text = String::from_utf8_lossy(&bytes);
        for t in tag(&text) {
            assert!(text.get(t.span.range()).is_some());
        }
        for s in [
            "(",
            ")",
            "((((",
            "C++ C# .NET",
            "日本語 テキスト",
            "Ünïcödé: ﬁle",
            "1. 2. 3.",
        ] {
            tag(s);
        }
    }

    #[test]
    fn deterministic() {
        let text = "Strong background in distributed systems, Go and gRPC.";
        assert_eq!(tag(text), tag(text));
    }

    #[test]
    fn phrases_of_tags() {
        // O B-K I-K B-S I-S B-K O
        assert_eq!(
            train::phrases(&[0, 1, 2, 3, 4, 1, 0]),
            [(0, 1, 3), (1, 3, 5), (0, 5, 6)]
        );
        assert_eq!(train::phrases(&[1, 1]), [(0, 0, 1), (0, 1, 2)]);
        assert!(train::phrases(&[]).is_empty());
    }

    #[test]
    fn decode_respects_bio() {
        // emissions that prefer I-K everywhere: I-K cannot start a phrase
        let nt = 5;
        let emit: Vec<f64> = (0..3).flat_map(|_| [0.0, 0.5, 1.0, 0.0, 0.0]).collect();
        let trans = vec![0.0; (nt + 1) * nt];
        let (tags, margins) = train::decode(3, nt, &emit, &trans, &[]);
        assert_eq!(tags, [1, 2, 2]);
        assert!(margins.iter().all(|&m| m >= 0.0));
        // a break before the third token: the phrase ends there
        let (tags, _) = train::decode(3, nt, &emit, &trans, &[false, false, true]);
        assert_eq!(tags, [1, 2, 1]);
    }

    #[test]
    fn shapes() {
        let mut out = Vec::new();
        for (w, s) in [
            ("Kubernetes", "Xx"),
            ("AWS", "X"),
            ("C++", "X+"),
            ("Node.js", "Xx.x"),
            (".NET", ".X"),
            ("k8s", "xdx"),
            ("2020", "d"),
        ] {
            shape(w, &mut out);
            assert_eq!(out, s.as_bytes(), "{w}");
        }
        assert_eq!(affixes("kubernetes"), ("kub", "tes"));
        assert_eq!(affixes("go"), ("go", "go"));
        assert_eq!(affixes("日本語です"), ("日本語", "語です"));
    }

    /// The scorer gives each token the sum of the weights of its features
    /// in `train::lines`, and the same breaks.
    #[test]
    fn scorer_sums_the_features() {
        let m = model().expect("data/tagger.bin parses");
        let nt = train::ntags(m.classes());
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        // mostly ASCII letters, spaces, newlines and punctuation
        let alphabet = b"aAbBzZ09 \n\n-:(),.;|[]{}\t\xc3\xa9\xe2\x80\xa2";
        let noise: Vec<u8> = (0..20_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                alphabet[(x % alphabet.len() as u64) as usize]
            })
            .collect();
        let noise = String::from_utf8_lossy(&noise);
        let texts = [
            "Experience with Kubernetes and Terraform is required.",
            "Technologies:\ndocker agile selenium jenkins\n\nRequirements\n- 5+ years of experience in Java or Kotlin\n",
            "  * Familiarity with AWS (EC2, S3) [nice] {to} have; or | not\n1. Python\n2) SQL, e.g. PostgreSQL",
            "Strong background in distributed systems, Go and gRPC.\r\nKnowledge of such tools as Git, CI/CD, C++ C# .NET Node.js",
            "ÜNÏCÖDÉ Ärger: ﬁle 日本語 テキスト ABCDEFGHIJ aB1-c2.d3_e4/f5+g6 XMLHttpRequest2Go",
            "• Deploy services on AWS\n— Skills: a b c d\nexperience knowledge skills using including technologies tools stack",
            "a\u{0}b \u{0}\u{0} (((( )))) :::: ‥‥‥ x",
            &noise,
        ];
        for text in texts {
            let toks = tokenize(text);
            let ranges = line_ranges(&toks);
            let lines = train::lines(text, m.seed);
            assert_eq!(lines.len(), ranges.len());
            let mut scorer = Scorer::new(m, text, &toks);
            let (mut emit, mut breaks) = (Vec::new(), Vec::new());
            for (k, (r, line)) in ranges.iter().zip(&lines).enumerate() {
                scorer.line(
                    r.clone(),
                    train::prev_line(&toks, &ranges, k),
                    &mut emit,
                    &mut breaks,
                );
                let mut want = Vec::new();
                for i in 0..r.len() {
                    let mut s = Sum::default();
                    for &f in line.token(i) {
                        m.table.add(f, &mut s);
                    }
                    want.extend(s[..nt].iter().map(|&a| a as f64 * m.scale as f64));
                }
                let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&emit), bits(&want), "line {k} of {text:?}");
                assert_eq!(breaks, line.breaks, "line {k} of {text:?}");
            }
        }
    }

    #[test]
    fn corrupt_weights_are_refused() {
        assert!(train::Model::parse(b"").is_none());
        assert!(train::Model::parse(b"ATTG\x01\x00\x02\x00").is_none());
        let ok = train::encode(2, 1, 0.5, (1.0, 0.0), &[(7, vec![1, 2, 3, 4, 5])]);
        let m = train::Model::parse(&ok).unwrap();
        assert_eq!(m.len(), 1);
        assert!(train::Model::parse(&ok[..ok.len() - 1]).is_none());
    }
}
