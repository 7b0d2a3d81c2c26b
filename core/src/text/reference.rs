//! The tokenizer as it was before the single-pass scan (and interning by a
//! plain map), to compare the fast one with: the tests of `text` hold the
//! fast tokenizer to this one's tokens, forms and lines on tables of tricky
//! inputs and on generated text. Its rules are written out again here on
//! purpose, in their plain form: sharing them with the fast tokenizer would
//! leave nothing to compare.

use super::*;

pub(super) struct Ref<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pub(super) tokens: Vec<Token>,
    pub(super) norms: Vec<String>,
    ids: std::collections::HashMap<String, u32>,
    pub(super) line_starts: Vec<usize>,
    gap_newlines: u32,
    gap_space: bool,
    gap_hyphens: u32,
    gap_punct: bool,
    started: bool,
    line: u32,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Tokens, normalized forms and line starts of `text`.
pub(super) fn tokenize(text: &str) -> (Vec<Token>, Vec<String>, Vec<usize>) {
    let r = Ref {
        text,
        bytes: text.as_bytes(),
        tokens: Vec::new(),
        norms: Vec::new(),
        ids: Default::default(),
        line_starts: vec![0],
        gap_newlines: 0,
        gap_space: false,
        gap_hyphens: 0,
        gap_punct: false,
        started: false,
        line: 0,
    }
    .run();
    (r.tokens, r.norms, r.line_starts)
}

impl<'a> Ref<'a> {
    fn run(mut self) -> Self {
        let bytes = self.bytes;
        let n = bytes.len();
        let mut i = 0;
        while i < n {
            let b = bytes[i];
            if is_word_byte(b) {
                let end = self.ascii_word_end(i);
                if end < n && bytes[end] >= 0x80 {
                    i = self.unicode_run(i);
                } else {
                    i = self.ascii_word(i, end);
                }
            } else if b == b'.' && self.dot_net_at(i).is_some() {
                let end = self.dot_net_at(i).unwrap_or(i + 1);
                self.push(i, end, TokenKind::Tech);
                i = end;
            } else if b < 0x80 {
                self.separator(b, i);
                i += 1;
            } else {
                i = self.unicode_run(i);
            }
        }
        self
    }

    /// End of the ASCII word starting at `i` (letters, digits, `_`, inner `'`).
    fn ascii_word_end(&self, i: usize) -> usize {
        let bytes = self.bytes;
        let mut j = i;
        while j < bytes.len() {
            let b = bytes[j];
            if !is_word_byte(b) {
                let inner_apostrophe = b == b'\''
                    && j > i
                    && j + 1 < bytes.len()
                    && bytes[j + 1].is_ascii_alphabetic();
                if !inner_apostrophe {
                    break;
                }
            }
            j += 1;
        }
        j
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
        let word = &bytes[i..end];
        let all_digits = word.iter().all(u8::is_ascii_digit);
        let mut kind = if all_digits {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        let letters = word.iter().all(u8::is_ascii_alphabetic);
        // C++, G++ (and C++17: the version stays a separate, glued token)
        if letters && word.len() <= 3 && bytes.get(end..end + 2) == Some(b"++") {
            end += 2;
            kind = TokenKind::Tech;
        } else if letters
            && word.len() <= 2
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
            let e = self.ascii_word_end(end + 1);
            let cand = &self.text[i..e];
            if (e == n || bytes[e] < 0x80)
                && cand.len() <= 12
                && COMPOUNDS.iter().any(|c| c.eq_ignore_ascii_case(cand))
            {
                end = e;
                kind = TokenKind::Tech;
            }
        }
        self.push(i, end, kind);
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

    fn separator(&mut self, b: u8, at: usize) {
        match b {
            b'\n' => self.newline(at),
            b'\r' => {
                if self.bytes.get(at + 1) != Some(&b'\n') {
                    self.newline(at)
                }
            }
            b' ' | b'\t' | 0x0b | 0x0c => self.gap_space = true,
            b'-' => self.gap_hyphens += 1,
            _ => self.gap_punct = true,
        }
    }

    fn separator_char(&mut self, c: char, at: usize) {
        match c {
            '\u{2010}' | '\u{2011}' | '\u{00AD}' => self.gap_hyphens += 1,
            '\u{2028}' | '\u{2029}' | '\u{0085}' => self.newline(at),
            // zero-width characters separate nothing
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            c if c.is_whitespace() => self.gap_space = true,
            c if c.is_ascii() => self.separator(c as u8, at),
            _ => self.gap_punct = true,
        }
    }

    fn newline(&mut self, at: usize) {
        self.gap_newlines += 1;
        self.line += 1;
        let next = at + self.text[at..].chars().next().map_or(1, char::len_utf8);
        self.line_starts.push(next);
    }

    fn take_gap(&mut self) -> Gap {
        let gap = if !self.started {
            Gap::Start
        } else if self.gap_punct || self.gap_newlines > 1 || self.gap_hyphens > 1 {
            Gap::Punct
        } else if self.gap_hyphens == 1 {
            if self.gap_space || self.gap_newlines > 0 {
                Gap::Punct
            } else {
                Gap::Hyphen
            }
        } else if self.gap_newlines == 1 {
            Gap::Newline
        } else if self.gap_space {
            Gap::Space
        } else {
            Gap::Glued
        };
        self.started = true;
        self.gap_newlines = 0;
        self.gap_space = false;
        self.gap_hyphens = 0;
        self.gap_punct = false;
        gap
    }

    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        let gap = self.take_gap();
        let norm = normalize(&self.text[start..end]);
        let next = self.norms.len() as u32;
        let norm = *self.ids.entry(norm.clone()).or_insert_with(|| {
            self.norms.push(norm);
            next
        });
        self.tokens.push(Token {
            start: start as u32,
            end: end as u32,
            norm,
            line: self.line,
            gap,
            kind,
        });
    }
}
