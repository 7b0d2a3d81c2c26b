//! A resume as structure: lines and their kinds, sections found from
//! headings, contact details and word count.
//!
//! ```
//! use atscore::document::{Document, LineKind};
//! use atscore::lexicon::Section;
//! let doc = Document::parse("Jane Doe\njane@example.com\n\nEXPERIENCE\n- Built REST APIs in Go, cutting latency 30%\n\nSkills\nGo, SQL, Docker\n");
//! let kinds: Vec<LineKind> = doc.lines.iter().map(|l| l.kind).collect();
//! assert_eq!(kinds[3], LineKind::Heading);
//! assert_eq!(doc.lines[4].kind, LineKind::Bullet);
//! assert_eq!(doc.lines[4].section, Section::Experience);
//! assert_eq!(doc.lines[7].kind, LineKind::TermList);
//! assert!(doc.contact.email.is_some());
//! ```

use serde::{Deserialize, Serialize};

pub(crate) mod dates;

use crate::text::bytes::{HIGH, bytes_equal, digit_bytes, first_byte};
use crate::text::lexicon::{Section, section_of_heading};
use crate::text::{Span, TokenKind, Tokens, tokenize};

/// What a line is.
///
/// ```
/// assert_eq!(serde_json::to_string(&atscore::document::LineKind::TermList).unwrap(), "\"term_list\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// No words.
    Blank,
    /// A section heading or a short title line.
    Heading,
    /// A bullet point written as a phrase or sentence.
    Bullet,
    /// Prose.
    Sentence,
    /// A list of terms (`Python, Java, SQL`), possibly after a label.
    TermList,
}

/// One line of the text.
///
/// ```
/// let doc = atscore::document::Document::parse("a\r\nb");
/// assert_eq!(doc.lines[1].number, 2);
/// assert_eq!(&doc.text[doc.lines[0].span.range()], "a");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Byte span of the line, without its line break.
    pub span: Span,
    /// 1-based line number.
    pub number: usize,
    /// What the line is.
    pub kind: LineKind,
    /// The section the line belongs to.
    pub section: Section,
    /// Whether the line starts with a bullet marker (•, -, *, 1., ...).
    pub bullet: bool,
    /// Whether the line continues the bullet above it (a wrapped line).
    pub continuation: bool,
    /// Index of the line's first token in [`Tokens::tokens`].
    pub first_token: usize,
    /// One past the index of the line's last token.
    pub end_token: usize,
}

impl Line {
    /// Number of tokens on the line.
    ///
    /// ```
    /// let doc = atscore::document::Document::parse("Built three APIs");
    /// assert_eq!(doc.lines[0].token_count(), 3);
    /// ```
    pub fn token_count(&self) -> usize {
        self.end_token - self.first_token
    }
}

/// Contact details found in the text (their spans).
///
/// ```
/// let doc = atscore::document::Document::parse("Jo | +1 (555) 123-4567 | linkedin.com/in/jo");
/// assert!(doc.contact.phone.is_some());
/// assert_eq!(doc.contact.links.len(), 1);
/// assert!(doc.contact.email.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// First email address.
    pub email: Option<Span>,
    /// First phone number.
    pub phone: Option<Span>,
    /// Web links (LinkedIn, GitHub, URLs).
    pub links: Vec<Span>,
}

/// A parsed resume: tokens, lines, sections, contact details.
///
/// ```
/// let doc = atscore::document::Document::parse("Summary\nBackend engineer with 5 years of Go.");
/// assert_eq!(doc.word_count, 7); // numbers are not words
/// assert!(doc.has_sections);
/// ```
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// The original text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: Tokens,
    /// Its lines, in order.
    pub lines: Vec<Line>,
    /// Contact details.
    pub contact: Contact,
    /// Number of word tokens (words and tech terms, not numbers).
    pub word_count: usize,
    /// Whether at least one known section heading was found.
    pub has_sections: bool,
}

const BULLET_CHARS: &[char] = &[
    '•', '·', '‣', '◦', '▪', '▫', '■', '□', '●', '○', '◆', '◇', '➢', '➤', '►', '▶', '✓', '✔', '❖',
    '★', '☆', '→', '⁃', '∙', '\u{F0B7}', '\u{F0A7}', '\u{F076}', '–', '—', '-', '*', '+', '>', '~',
    '\u{F0D8}',
];

impl<'a> Document<'a> {
    /// Tokenize and structure a text.
    ///
    /// ```
    /// let doc = atscore::document::Document::parse("");
    /// assert!(doc.lines.len() == 1 && doc.word_count == 0);
    /// ```
    pub fn parse(text: &'a str) -> Document<'a> {
        Self::from_tokens(text, tokenize(text))
    }

    /// Parse, stemming only the words a matcher could use.
    pub(crate) fn parse_filtered(text: &'a str, filter: &crate::text::StemFilter) -> Document<'a> {
        Self::from_tokens(text, crate::text::tokenize_filtered(text, filter))
    }

    fn from_tokens(text: &'a str, tokens: Tokens) -> Document<'a> {
        let n_lines = tokens.line_starts.len();
        let mut lines = Vec::with_capacity(n_lines);
        let mut tok = 0;
        let mut section = Section::Header;
        let mut has_sections = false;
        for i in 0..n_lines {
            let span = line_span(text, &tokens, i);
            let first = tok;
            tok = tokens_end(&tokens, i, tok);
            let raw = &text[span.range()];
            let mut line = Line {
                span,
                number: i + 1,
                kind: LineKind::Blank,
                section,
                bullet: false,
                continuation: false,
                first_token: first,
                end_token: tok,
            };
            classify(raw, &mut line, &mut section, &mut has_sections);
            // a wrapped bullet: the next line goes on with it
            if let Some(prev) = lines.last() {
                let prev: &Line = prev;
                if matches!(prev.kind, LineKind::Bullet)
                    && line.kind == LineKind::Sentence
                    && !line.bullet
                    && line.section == prev.section
                    && !text[prev.span.range()]
                        .trim_end()
                        .ends_with(['.', '!', '?', ':'])
                    && !raw
                        .trim()
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '/' || c == ' ')
                {
                    line.kind = LineKind::Bullet;
                    line.continuation = true;
                }
            }
            lines.push(line);
        }
        let word_count = tokens
            .tokens
            .iter()
            .filter(|t| t.kind != TokenKind::Number)
            .count();
        let contact = find_contact(text);
        Document {
            text,
            tokens,
            lines,
            contact,
            word_count,
            has_sections,
        }
    }

    /// The text of a line.
    ///
    /// ```
    /// let doc = atscore::document::Document::parse("one\ntwo");
    /// assert_eq!(doc.line_text(&doc.lines[1]), "two");
    /// ```
    pub fn line_text(&self, line: &Line) -> &'a str {
        &self.text[line.span.range()]
    }

    /// The line a byte offset falls on (0-based index into `lines`).
    ///
    /// ```
    /// let doc = atscore::document::Document::parse("one\ntwo");
    /// assert_eq!(doc.line_index_at(5), 1);
    /// ```
    pub fn line_index_at(&self, offset: usize) -> usize {
        self.tokens
            .line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }
}

/// The kinds and sections of a text's lines, found on demand and in line
/// order, for a search that needs them at a few lines only (the matcher's
/// ambiguous words): the lines before the one asked for are looked at for
/// section headings alone, not classified.
///
/// The kind is the one [`Document::parse`] gives, but for the wrapped-bullet
/// rule (a sentence that goes on with the bullet above is a bullet there):
/// that rule only turns sentences into bullets.
#[derive(Debug, Clone)]
pub(crate) struct LineScan<'t> {
    text: &'t str,
    tokens: &'t Tokens,
    /// The next line to look at, its first token (or the first token after
    /// it) and the section it starts in.
    line: usize,
    tok: usize,
    section: Section,
    /// The last line asked for: its index, kind and section.
    last: Option<(usize, LineKind, Section)>,
}

impl<'t> LineScan<'t> {
    pub(crate) fn new(text: &'t str, tokens: &'t Tokens) -> Self {
        LineScan {
            text,
            tokens,
            line: 0,
            tok: 0,
            section: Section::Header,
            last: None,
        }
    }

    /// Kind and section of line `i` (quickest in increasing order of `i`).
    pub(crate) fn line(&mut self, i: usize) -> (LineKind, Section) {
        if let Some((j, kind, section)) = self.last {
            if j == i {
                return (kind, section);
            }
        }
        if i < self.line {
            *self = LineScan::new(self.text, self.tokens);
        }
        // the lines before: their headings only
        while self.line < i {
            let first = self.tok;
            self.tok = tokens_end(self.tokens, self.line, first);
            let n = self.tok - first;
            // (`heading_of` wants at most six tokens: skip the rest unread)
            if (1..=6).contains(&n) {
                let raw = &self.text[line_span(self.text, self.tokens, self.line).range()];
                let (bullet, body) = body_of(raw);
                if let Some(s) = heading_of(bullet, body, n) {
                    self.section = s;
                }
            }
            self.line += 1;
        }
        let first = self.tok;
        self.tok = tokens_end(self.tokens, i, first);
        let span = line_span(self.text, self.tokens, i);
        let mut line = Line {
            span,
            number: i + 1,
            kind: LineKind::Blank,
            section: self.section,
            bullet: false,
            continuation: false,
            first_token: first,
            end_token: self.tok,
        };
        classify(
            &self.text[span.range()],
            &mut line,
            &mut self.section,
            &mut false,
        );
        self.line = i + 1;
        self.last = Some((i, line.kind, line.section));
        (line.kind, line.section)
    }
}

/// Length in bytes of the bullet marker at the start of `s` (already
/// left-trimmed), with the space after it, or 0.
fn bullet_marker(s: &str) -> usize {
    let mut chars = s.char_indices();
    let Some((_, c)) = chars.next() else { return 0 };
    // (the ASCII bullets, without a walk through the list)
    let listed = if c.is_ascii() {
        matches!(c, '-' | '*' | '+' | '>' | '~')
    } else {
        BULLET_CHARS.contains(&c)
    };
    if listed || (c == 'o' && s[1..].starts_with(' ')) {
        let rest = &s[c.len_utf8()..];
        // "-5%" or "--" are not bullets; "•Python" is
        if matches!(c, '-' | '*' | '+' | '>' | '~' | 'o' | '–' | '—')
            && !rest.starts_with([' ', '\t'])
        {
            return 0;
        }
        return c.len_utf8();
    }
    // 1. 2) (a) a)
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let b = s.as_bytes().get(digits);
        let after = s.as_bytes().get(digits + 1);
        if matches!(b, Some(b'.') | Some(b')')) && matches!(after, Some(b' ') | Some(b'\t')) {
            return digits + 1;
        }
    }
    0
}

/// Byte span of line `i`, without its line break.
fn line_span(text: &str, tokens: &Tokens, i: usize) -> Span {
    let start = tokens.line_starts[i];
    let next = tokens.line_starts.get(i + 1).copied().unwrap_or(text.len());
    let end = start
        + text[start..next]
            .trim_end_matches(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}'])
            .len();
    Span::new(start, end)
}

/// One past the last token of line `i`, whose first token is `tok` (or
/// past its tokens, when it has none).
fn tokens_end(tokens: &Tokens, i: usize, mut tok: usize) -> usize {
    while tok < tokens.tokens.len() && tokens.tokens[tok].line as usize == i {
        tok += 1;
    }
    tok
}

/// A line without its bullet marker: whether it has one, and the rest,
/// trimmed.
fn body_of(raw: &str) -> (bool, &str) {
    let trimmed = raw.trim();
    let marker = bullet_marker(trimmed);
    (marker > 0, trimmed[marker..].trim())
}

/// The section a line names when it is a section heading: a short line made
/// of heading words, with no bullet and no final period.
fn heading_of(bullet: bool, body: &str, n: usize) -> Option<Section> {
    if !bullet && n <= 6 && !body.ends_with('.') {
        section_of_heading(body)
    } else {
        None
    }
}

fn classify(raw: &str, line: &mut Line, section: &mut Section, has_sections: &mut bool) {
    let n = line.token_count();
    if n == 0 {
        line.kind = LineKind::Blank;
        return;
    }
    let (bullet, body) = body_of(raw);
    line.bullet = bullet;
    if let Some(s) = heading_of(bullet, body, n) {
        *section = s;
        *has_sections = true;
        line.section = s;
        line.kind = LineKind::Heading;
        return;
    }
    // A short title line.
    if !line.bullet && n <= 6 && !body.ends_with('.') {
        let letters = body.chars().filter(|c| c.is_alphabetic());
        let upper = body.chars().filter(|c| c.is_uppercase()).count();
        let all_caps = upper >= 2 && letters.clone().all(|c| c.is_uppercase());
        if (all_caps && n <= 5) || (body.ends_with(':') && n <= 4) {
            line.kind = LineKind::Heading;
            return;
        }
    }
    // "Skills: Python, SQL" — an inline label naming a section applies to the line.
    let mut list_body = body;
    // (`body.find(':')`, eight bytes at a time)
    if let Some(colon) = first_byte(body.as_bytes(), 0, |w| bytes_equal(w, b':')) {
        let label = &body[..colon];
        if count_words_upto(label, 5) <= 4 {
            if let Some(s) = section_of_heading(label) {
                line.section = s;
            }
            list_body = &body[colon + 1..];
        }
    }
    let list = is_term_list(
        list_body,
        if line.bullet { 4 } else { 3 },
        line.section == Section::Skills,
    );
    if list || (line.section == Section::Skills && !looks_like_sentence(body)) {
        line.kind = LineKind::TermList;
    } else if line.bullet {
        line.kind = LineKind::Bullet;
    } else {
        line.kind = LineKind::Sentence;
    }
}

/// A list of short items separated by commas, pipes, semicolons, slashes,
/// middle dots or tabs: at least three items of at most three words on average.
fn is_term_list(s: &str, min_items: usize, in_skills: bool) -> bool {
    // most lines have fewer than two separators: answer in one byte pass
    if !has_two_separators(s) {
        return false;
    }
    let it = if s.is_ascii() {
        items_ascii(s)
    } else {
        items_fast(s)
    };
    // fewer items than asked is a list only when every item is a bare term
    if it.n < 3 || (it.n < min_items && it.any_over_2) {
        return false;
    }
    // "tested, documented and shipped": an enumeration inside a sentence
    if !in_skills
        && (it.last.starts_with("and ") || it.last.starts_with("or "))
        && it.first_words > 1
    {
        return false;
    }
    it.all_upto_5 && (it.words as f64) / (it.n as f64) <= 3.0
}

/// Whether `s` has two item separators or more: `,` `|` `;` tab `·` `•`
/// `●` `▪`, or ` / ` (counted without overlaps).
fn has_two_separators(s: &str) -> bool {
    let b = s.as_bytes();
    let mut n = 0;
    // the `/` of the last ` / ` counted: its trailing space starts no other
    let mut last_slash = None;
    let mut i = 0;
    while let Some(at) = find_separator_byte(b, i) {
        let counted = match b[at] {
            b',' | b'|' | b';' | b'\t' => true,
            b'/' => {
                let spaced = at >= 1 && b[at - 1] == b' ' && b.get(at + 1) == Some(&b' ');
                let free = at < 2 || last_slash != Some(at - 2);
                if spaced && free {
                    last_slash = Some(at);
                }
                spaced && free
            }
            // UTF-8 of · • ● ▪
            0xC2 => b.get(at + 1) == Some(&0xB7),
            0xE2 => matches!(
                b.get(at + 1..at + 3),
                Some([0x80, 0xA2] | [0x97, 0x8F] | [0x96, 0xAA])
            ),
            _ => false,
        };
        n += usize::from(counted);
        if n >= 2 {
            return true;
        }
        i = at + 1;
    }
    false
}

/// The first byte from `from` that can be (part of) an item separator:
/// `,` `|` `;` tab `/` or a non-ASCII byte (eight bytes at a time).
fn find_separator_byte(b: &[u8], from: usize) -> Option<usize> {
    first_byte(b, from, |w| {
        bytes_equal(w, b',')
            | bytes_equal(w, b'|')
            | bytes_equal(w, b';')
            | bytes_equal(w, b'\t')
            | bytes_equal(w, b'/')
            | (w & HIGH)
    })
}

/// [`has_two_separators`] one byte at a time (the reference).
#[cfg(test)]
fn has_two_separators_reference(s: &str) -> bool {
    let b = s.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b',' | b'|' | b';' | b'\t' => n += 1,
            b' ' if b.get(i + 1..i + 3) == Some(b"/ ") => {
                n += 1;
                i += 2;
            }
            // UTF-8 of · • ● ▪
            0xC2 if b.get(i + 1) == Some(&0xB7) => n += 1,
            0xE2 if matches!(
                b.get(i + 1..i + 3),
                Some([0x80, 0xA2] | [0x97, 0x8F] | [0x96, 0xAA])
            ) =>
            {
                n += 1
            }
            _ => {}
        }
        if n >= 2 {
            return true;
        }
        i += 1;
    }
    false
}

/// What [`is_term_list`] needs of the items of a line.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Items<'s> {
    /// Number of non-empty items.
    n: usize,
    /// Words in all items.
    words: usize,
    /// Words in the first item.
    first_words: usize,
    any_over_2: bool,
    all_upto_5: bool,
    /// The last item.
    last: &'s str,
}

impl<'s> Items<'s> {
    fn new() -> Self {
        Items {
            n: 0,
            words: 0,
            first_words: 0,
            any_over_2: false,
            all_upto_5: true,
            last: "",
        }
    }

    /// Count a trimmed, non-empty item of `count` words.
    fn add(&mut self, item: &'s str, count: usize) {
        if self.n == 0 {
            self.first_words = count;
        }
        self.n += 1;
        self.words += count;
        self.any_over_2 |= count > 2;
        self.all_upto_5 &= count <= 5;
        self.last = item;
    }
}

/// The items of a line: split on the separators, then on ` / `, trimmed,
/// empty ones left out (the reference for [`items_ascii`] and [`items_fast`]).
#[cfg(test)]
fn items(s: &str) -> Items<'_> {
    let mut it = Items::new();
    for item in s
        .split([',', '|', ';', '·', '•', '\t', '●', '▪'])
        .flat_map(|i| i.split(" / "))
        .map(str::trim)
        .filter(|i| !i.is_empty())
    {
        it.add(item, item.split_whitespace().count());
    }
    it
}

/// [`items`] of any line (those that are not ASCII: [`items_ascii`] is
/// quicker on the others) in one byte pass: a separator is found by its
/// bytes (its first byte is never inside another character), and only the
/// characters that are not ASCII are decoded, to test for whitespace.
fn items_fast(s: &str) -> Items<'_> {
    let b = s.as_bytes();
    let mut it = Items::new();
    let mut start = 0;
    let mut i = 0;
    loop {
        let next = match b.get(i..) {
            Some([]) | None => i,
            Some([b',' | b'|' | b';' | b'\t', ..]) => i + 1,
            Some([b' ', b'/', b' ', ..]) => i + 3,
            // UTF-8 of · • ● ▪
            Some([0xC2, 0xB7, ..]) => i + 2,
            Some([0xE2, 0x80, 0xA2, ..] | [0xE2, 0x97, 0x8F, ..] | [0xE2, 0x96, 0xAA, ..]) => i + 3,
            Some(_) => {
                i += 1;
                continue;
            }
        };
        add_item(s, start, i, &mut it);
        if i == b.len() {
            return it;
        }
        start = next;
        i = next;
    }
}

/// Add the item `s[from..to]` (char boundaries), trimmed, with its words,
/// unless it is only whitespace: `char::is_whitespace`, by byte for ASCII.
fn add_item<'s>(s: &'s str, from: usize, to: usize, it: &mut Items<'s>) {
    let b = s.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let (mut first, mut last) = (to, to);
    let mut i = from;
    while i < to {
        let (ws, len) = if b[i] < 0x80 {
            (matches!(b[i], b'\t'..=b'\r' | b' '), 1)
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if !ws {
            if !in_word {
                words += 1;
                if words == 1 {
                    first = i;
                }
            }
            last = i + len;
        }
        in_word = !ws;
        i += len;
    }
    if words > 0 {
        it.add(&s[first..last], words);
    }
}

/// [`items`] of an ASCII line, in one byte pass: the separators are looked
/// for eight bytes at a time (` / ` by its `/`).
fn items_ascii(s: &str) -> Items<'_> {
    // `char::is_whitespace` on ASCII
    let ws = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    let b = s.as_bytes();
    let mut it = Items::new();
    let mut start = 0;
    let mut from = 0;
    loop {
        // the item's end `i` and where the next one starts
        let (i, next) = match find_separator_byte(b, from) {
            None => (b.len(), b.len()),
            // a ` / ` whose space is not in the separator before
            Some(at) if b[at] == b'/' => {
                if at > from && b[at - 1] == b' ' && b.get(at + 1) == Some(&b' ') {
                    (at - 1, at + 2)
                } else {
                    from = at + 1;
                    continue;
                }
            }
            Some(at) => (at, at + 1),
        };
        let item = &b[start..i];
        let lead = item.iter().take_while(|&&c| ws(c)).count();
        let trail = item[lead..].iter().rev().take_while(|&&c| ws(c)).count();
        let item_end = i - trail;
        if start + lead < item_end {
            let mut words = 0;
            let mut in_word = false;
            for &c in &b[start + lead..item_end] {
                let w = !ws(c);
                words += usize::from(w && !in_word);
                in_word = w;
            }
            it.add(&s[start + lead..item_end], words);
        }
        if i == b.len() {
            return it;
        }
        start = next;
        from = next;
    }
}

/// Prose: six words or more and a verb-like shape (ends with a period or has
/// at least eight words).
fn looks_like_sentence(s: &str) -> bool {
    let words = count_words_upto(s, 8);
    words >= 8 || (words >= 6 && s.ends_with('.'))
}

/// `s.split_whitespace().count().min(max)`, stopping at the `max`th word;
/// ASCII bytes are tested alone, other characters decoded.
fn count_words_upto(s: &str, max: usize) -> usize {
    let b = s.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < b.len() {
        let (ws, len) = if b[i] < 0x80 {
            (matches!(b[i], b'\t'..=b'\r' | b' '), 1)
        } else {
            // (a char boundary: `i` only moves by whole characters)
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if !ws && !in_word {
            words += 1;
            if words == max {
                return max;
            }
        }
        in_word = !ws;
        i += len;
    }
    words
}

/// Where links start: `linkedin.com`, `github.com`, `gitlab.com`, `http://`,
/// `https://`, `www.` (ASCII case aside).
const LINK_PATTERNS: [&[u8]; 6] = [
    b"linkedin.com",
    b"github.com",
    b"gitlab.com",
    b"http://",
    b"https://",
    b"www.",
];

/// Every `(pattern, start)` of [`LINK_PATTERNS`] in `bytes`, in no order.
/// Each pattern has a `.` or a `:` at a fixed place: those bytes are rare,
/// so they are looked for (eight bytes at a time), then the patterns around.
fn link_starts(bytes: &[u8]) -> Vec<(usize, usize)> {
    /// (pattern, offset of its `.` or `:`)
    const AT_DOT: [(usize, usize); 4] = [(0, 8), (1, 6), (2, 6), (5, 3)];
    const AT_COLON: [(usize, usize); 2] = [(3, 4), (4, 5)];
    let mut found = Vec::new();
    let mut q = 0;
    while let Some(at) = find_dot_or_colon(bytes, q) {
        let cands: &[(usize, usize)] = if bytes[at] == b'.' {
            &AT_DOT
        } else {
            &AT_COLON
        };
        for &(k, off) in cands {
            let pat = LINK_PATTERNS[k];
            if let Some(p) = at.checked_sub(off) {
                if bytes
                    .get(p..p + pat.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(pat))
                {
                    found.push((k, p));
                }
            }
        }
        q = at + 1;
    }
    found
}

/// The first `.` or `:` in `bytes` from `from`.
fn find_dot_or_colon(bytes: &[u8], from: usize) -> Option<usize> {
    first_byte(bytes, from, |w| bytes_equal(w, b'.') | bytes_equal(w, b':'))
}

/// The first phone number: 10 to 15 digits with separators, not part of a
/// longer number. Only a digit, `+` or `(` can start one: those bytes are
/// looked for eight at a time.
fn find_phone(bytes: &[u8]) -> Option<Span> {
    let mut i = 0;
    while let Some(at) = find_phone_start(bytes, i) {
        i = at;
        if i == 0 || !bytes[i - 1].is_ascii_alphanumeric() {
            let (span, j) = phone_at(bytes, i);
            if span.is_some() {
                return span;
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

/// The phone number a run of digits and separators from `i` makes, if any,
/// and where the run ends.
fn phone_at(bytes: &[u8], i: usize) -> (Option<Span>, usize) {
    let mut j = i;
    let mut digits = 0;
    let mut last_digit = i;
    while j < bytes.len() && (bytes[j].is_ascii_digit() || b" -().+".contains(&bytes[j])) {
        if bytes[j].is_ascii_digit() {
            digits += 1;
            last_digit = j;
        }
        j += 1;
    }
    let glued = j < bytes.len() && bytes[j].is_ascii_alphabetic();
    if (10..=15).contains(&digits) && !glued {
        return (Some(Span::new(i, last_digit + 1)), j);
    }
    (None, j)
}

/// The first digit, `+` or `(` in `bytes` from `from`.
fn find_phone_start(bytes: &[u8], from: usize) -> Option<usize> {
    first_byte(bytes, from, |w| {
        digit_bytes(w) | bytes_equal(w, b'+') | bytes_equal(w, b'(')
    })
}

fn find_contact(text: &str) -> Contact {
    let bytes = text.as_bytes();
    let mut c = Contact::default();
    // email: local@domain.tld
    let mut from = 0;
    while c.email.is_none() {
        let Some(at) = text[from..].find('@').map(|p| p + from) else {
            break;
        };
        from = at + 1;
        let local = bytes[..at]
            .iter()
            .rev()
            .take_while(|&&b| b.is_ascii_alphanumeric() || b"._%+-".contains(&b))
            .count();
        let domain = bytes[at + 1..]
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || b".-".contains(&b))
            .count();
        let dom = text[at + 1..at + 1 + domain].trim_end_matches('.');
        if local > 0
            && dom.contains('.')
            && dom
                .rsplit('.')
                .next()
                .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()))
        {
            c.email = Some(Span::new(at - local, at + 1 + dom.len()));
        }
    }
    c.phone = find_phone(bytes);
    // links: every place a link pattern starts (ASCII case aside), found in
    // one pass, then taken pattern by pattern
    let mut found = link_starts(bytes);
    crate::sort::sort(&mut found);
    let is_end = |ch: char| ch.is_whitespace() || "|,;()<>\"".contains(ch);
    for k in 0..LINK_PATTERNS.len() {
        let mut from = 0;
        for &(_, p) in found.iter().filter(|f| f.0 == k) {
            if p < from {
                continue;
            }
            let start = text[..p]
                .char_indices()
                .rev()
                .find(|&(_, ch)| is_end(ch))
                .map_or(0, |(s, ch)| s + ch.len_utf8());
            let end = text[p..].find(is_end).map_or(text.len(), |e| p + e);
            let span = Span::new(start, end);
            if !c.links.iter().any(|l| l.start <= start && end <= l.end) && c.links.len() < 20 {
                c.links.retain(|l| !(start <= l.start && l.end <= end));
                c.links.push(span);
            }
            from = end.max(p + 1);
        }
    }
    crate::sort::sort(&mut c.links);
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_bullets_are_the_listed_ones() {
        let ascii: Vec<char> = BULLET_CHARS
            .iter()
            .copied()
            .filter(char::is_ascii)
            .collect();
        assert_eq!(ascii, ['-', '*', '+', '>', '~']);
    }

    #[test]
    fn line_kinds_table() {
        let cases: &[(&str, LineKind)] = &[
            (
                "• Built a billing API serving 2M requests a day",
                LineKind::Bullet,
            ),
            ("- Reduced costs by 20%", LineKind::Bullet),
            ("1. Led a team of five", LineKind::Bullet),
            ("Python, Java, SQL, Docker", LineKind::TermList),
            ("Languages: Python | Go | Rust", LineKind::TermList),
            ("• Python, Java, SQL", LineKind::TermList),
            ("I build backend services for payments.", LineKind::Sentence),
            ("TECHNICAL PROFICIENCIES", LineKind::Heading),
            ("Work Experience", LineKind::Heading),
            ("-5% churn after redesign", LineKind::Sentence),
            (
                "• Assisted in troubleshooting, software debugging, and system enhancements",
                LineKind::Bullet,
            ),
            (
                "Tested, documented and shipped the release",
                LineKind::Sentence,
            ),
            ("   ", LineKind::Blank),
        ];
        for (line, want) in cases {
            let doc = Document::parse(line);
            assert_eq!(doc.lines[0].kind, *want, "{line:?}");
        }
    }

    #[test]
    fn sections_follow_headings() {
        let text = "Jane Doe\nSUMMARY\nBackend engineer.\nWork Experience\n- Built things\nTechnical Skills\nGo\nEducation\nBSc";
        let doc = Document::parse(text);
        let secs: Vec<Section> = doc.lines.iter().map(|l| l.section).collect();
        use Section::*;
        assert_eq!(
            secs,
            [
                Header, Summary, Summary, Experience, Experience, Skills, Skills, Education,
                Education
            ]
        );
        assert_eq!(doc.lines[6].kind, LineKind::TermList);
    }

    #[test]
    fn wrapped_bullets_continue() {
        let doc = Document::parse(
            "Experience\n• Improved user experience\nby 30\n• Next bullet.\nNew paragraph\n• Last bullet\n2/2",
        );
        let k: Vec<(LineKind, bool)> = doc.lines.iter().map(|l| (l.kind, l.continuation)).collect();
        assert_eq!(
            k,
            [
                (LineKind::Heading, false),
                (LineKind::Bullet, false),
                (LineKind::Bullet, true),
                (LineKind::Bullet, false),
                (LineKind::Sentence, false),
                (LineKind::Bullet, false),
                (LineKind::Sentence, false),
            ]
        );
    }

    #[test]
    fn items_match_the_reference() {
        let parts = [
            "a", "bc", " ", ",", "|", ";", "\t", "/", " / ", "\u{b}", "\r", "and ", "or ", "  ",
        ];
        let mut x: u32 = 7;
        for _ in 0..20_000 {
            let mut s = String::new();
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            let len = x % 14;
            for k in 0..len {
                s.push_str(parts[(x.rotate_left(k * 5) % parts.len() as u32) as usize]);
            }
            assert_eq!(items_ascii(&s), items(&s), "{s:?}");
            assert_eq!(items_fast(&s), items(&s), "{s:?}");
            let seps =
                s.bytes().filter(|b| b",|;\t".contains(b)).count() + s.matches(" / ").count();
            assert_eq!(has_two_separators(&s), seps >= 2, "{s:?}");
            assert_eq!(has_two_separators_reference(&s), seps >= 2, "{s:?}");
        }
        for s in ["a · b • c", "x ● y", "▪ a, b", "é / f", "a / / b"] {
            let seps = s.matches([',', '|', ';', '\t', '·', '•', '●', '▪']).count()
                + s.matches(" / ").count();
            assert_eq!(has_two_separators(s), seps >= 2, "{s:?}");
        }
    }

    /// The link starts, one byte at a time (the reference for [`link_starts`]).
    fn link_starts_reference(bytes: &[u8]) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        for p in 0..bytes.len() {
            for (k, pat) in LINK_PATTERNS.iter().enumerate() {
                if bytes
                    .get(p..p + pat.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(pat))
                {
                    found.push((k, p));
                }
            }
        }
        found
    }

    #[test]
    fn link_starts_match_the_reference() {
        let parts = [
            "linkedin.com",
            "LinkedIn.COM",
            "github.com",
            "gitlab.com",
            "http://",
            "HTTPS://",
            "www.",
            "WWW.",
            ".",
            ":",
            "/",
            "w",
            "ww",
            "h",
            "git",
            "linked",
            "in",
            " ",
            "é",
            "x",
            "\n",
            "https:",
            "github",
        ];
        let mut x: u32 = 11;
        for _ in 0..20_000 {
            let mut s = String::new();
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            let len = x % 24;
            for k in 0..len {
                s.push_str(parts[(x.rotate_left(k * 3) % parts.len() as u32) as usize]);
            }
            let mut got = link_starts(s.as_bytes());
            got.sort_unstable();
            let mut want = link_starts_reference(s.as_bytes());
            want.sort_unstable();
            assert_eq!(got, want, "{s:?}");
        }
        for s in [
            "",
            ".",
            ":",
            "www.",
            "1234567.:",
            "abcdefgh.",
            "abcdefghijklmnop:",
        ] {
            let b = s.as_bytes();
            for from in 0..=b.len() {
                let want = b[from..]
                    .iter()
                    .position(|&c| c == b'.' || c == b':')
                    .map(|p| from + p);
                assert_eq!(find_dot_or_colon(b, from), want, "{s:?} from {from}");
            }
        }
    }

    /// The first phone number, one byte at a time (the reference for
    /// [`find_phone`]).
    fn find_phone_reference(bytes: &[u8]) -> Option<Span> {
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if (b.is_ascii_digit() || b == b'+' || b == b'(')
                && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            {
                let (span, j) = phone_at(bytes, i);
                if span.is_some() {
                    return span;
                }
                i = j.max(i + 1);
            } else {
                i += 1;
            }
        }
        None
    }

    /// Pieces for the byte-scan tests: separators, digits, phone shapes,
    /// non-ASCII whitespace and separators, chunk-boundary lengths.
    const SCAN_PARTS: &[&str] = &[
        "a",
        "bc",
        " ",
        ",",
        "|",
        ";",
        "\t",
        "/",
        " / ",
        "/ ",
        " /",
        "(",
        ")",
        "+",
        "-",
        ".",
        "0",
        "12",
        "555",
        "(555) 123-4567",
        "+1 415 555 0100",
        "x1",
        "\u{a0}",
        "\u{2003}",
        "\u{3000}",
        "\u{85}",
        "·",
        "•",
        "●",
        "▪",
        "é",
        "€",
        "🚀",
        "abcdefg",
        "\n",
        ":",
    ];

    fn scan_text(parts: &[usize]) -> String {
        parts
            .iter()
            .map(|&k| SCAN_PARTS[k % SCAN_PARTS.len()])
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn byte_scans_match_the_references(parts in proptest::collection::vec(0usize..64, 0..40)) {
            let s = scan_text(&parts);
            proptest::prop_assert_eq!(find_phone(s.as_bytes()), find_phone_reference(s.as_bytes()), "{:?}", s);
            proptest::prop_assert_eq!(has_two_separators(&s), has_two_separators_reference(&s), "{:?}", s);
            proptest::prop_assert_eq!(items_fast(&s), items(&s), "{:?}", s);
            for max in [1, 5, 8] {
                proptest::prop_assert_eq!(count_words_upto(&s, max), s.split_whitespace().count().min(max), "{:?}", s);
            }
            for from in 0..=s.len() {
                let want = s.as_bytes()[from..].iter().position(|&c| c.is_ascii_digit() || c == b'+' || c == b'(').map(|p| from + p);
                proptest::prop_assert_eq!(find_phone_start(s.as_bytes(), from), want);
            }
        }
    }

    #[test]
    fn byte_scans_on_tricky_lines() {
        for s in [
            "",
            " / / / ",
            "a / / b / c",
            " /  / ",
            "a, b",
            "a,b,",
            "x · y • z",
            "Tel: (555) 123-4567",
            "ID12345678901",
            "2019 - 2021 2022 - 2023 55",
            "+44 20 7946 0958abc",
            "phone 1234567890",
            "\u{a0}a\u{2003}b\u{3000}c d",
            "12345678(",
            "1234567+",
        ] {
            assert_eq!(
                find_phone(s.as_bytes()),
                find_phone_reference(s.as_bytes()),
                "{s:?}"
            );
            assert_eq!(
                has_two_separators(s),
                has_two_separators_reference(s),
                "{s:?}"
            );
            for max in [1, 5, 8] {
                assert_eq!(
                    count_words_upto(s, max),
                    s.split_whitespace().count().min(max),
                    "{s:?}"
                );
            }
        }
        assert!(has_two_separators(" / / / "));
        assert!(!has_two_separators(" / / "));
        let s = "Jo | (555) 123-4567";
        assert_eq!(
            &s[find_phone(s.as_bytes()).unwrap().range()],
            "(555) 123-4567"
        );
    }

    /// Lines for the on-demand scan tests: headings, labels, lists, bullets,
    /// sentences, blanks.
    const LINE_PARTS: &[&str] = &[
        "Skills",
        "TECHNICAL SKILLS",
        "Experience",
        "Work Experience.",
        "- Skills",
        "Education",
        "Projects:",
        "Skills: Go, SQL, Docker",
        "Languages: Python | Go | Rust",
        "Go, R, C",
        "• Python, Java, SQL",
        "- Built services in Go and C",
        "I write Go every day at work for the payments team.",
        "Tested, documented and shipped",
        "",
        "   ",
        "JANE DOE",
        "Compétences",
        "1. Led a team",
        "by 30",
        "\r",
    ];

    proptest::proptest! {
        #[test]
        fn line_scan_gives_the_documents_kinds_and_sections(
            parts in proptest::collection::vec(0usize..64, 0..30),
            asks in proptest::collection::vec(0usize..40, 0..8),
        ) {
            let text: Vec<&str> = parts.iter().map(|&k| LINE_PARTS[k % LINE_PARTS.len()]).collect();
            let text = text.join("\n");
            let doc = Document::parse(&text);
            let want = |i: usize| {
                let l = &doc.lines[i];
                // (the wrapped-bullet rule aside)
                let kind = if l.continuation { LineKind::Sentence } else { l.kind };
                (kind, l.section)
            };
            let mut scan = LineScan::new(&text, &doc.tokens);
            for i in 0..doc.lines.len() {
                proptest::prop_assert_eq!(scan.line(i), want(i), "{:?} line {}", text, i);
            }
            // skipping lines, asking twice or going back
            let mut scan = LineScan::new(&text, &doc.tokens);
            for &i in &asks {
                let i = i % doc.lines.len();
                proptest::prop_assert_eq!(scan.line(i), want(i), "{:?} line {}", text, i);
                proptest::prop_assert_eq!(scan.line(i), want(i), "{:?} line {}", text, i);
            }
        }
    }

    #[test]
    fn contact_details() {
        let text = "Bruce Wayne\n(123) 456-7890\n✉ bwayne@email.com\nhttps://github.com/bwayne\nJune 2012 – June 2015";
        let doc = Document::parse(text);
        assert_eq!(&text[doc.contact.phone.unwrap().range()], "(123) 456-7890");
        assert_eq!(
            &text[doc.contact.email.unwrap().range()],
            "bwayne@email.com"
        );
        assert_eq!(doc.contact.links.len(), 1);
        assert_eq!(
            &text[doc.contact.links[0].range()],
            "https://github.com/bwayne"
        );
        let doc = Document::parse("2003 – 2007, 10-Sep-20, 1.2 years");
        assert_eq!(doc.contact, Contact::default());
    }
}
