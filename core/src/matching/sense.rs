//! Where a word that names a skill does not mean the skill: inside a degree
//! or a school's name ("B.E. Electronics & Communication", "Institute of
//! Management"), in a technical sense of a soft-skill word ("communication
//! between services", "inter-process communication"), as another
//! person's job title ("coordinate with the Project Manager"), as what a
//! piece of software does ("software system to manage sales"), or as
//! someone else's skill ("so that they can develop leadership skills").
//!
//! The matcher asks these after a form has matched; each looks at the words
//! around the hit on its line only, so the cost is a few dozen bytes per hit.

/// How far around a hit the checks look: a few words, never a whole line
/// (a hostile 10 MB line would make every hit re-read it).
const WINDOW: usize = 160;

use crate::text::{Token, Tokens};

/// The text of the hit's line before byte `start`, at most [`WINDOW`] bytes.
fn line_before(text: &str, start: usize) -> &str {
    let mut from = start.saturating_sub(WINDOW);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let s = &text[from..start];
    // (by words of eight bytes: the window is long, its words few)
    let newline = crate::text::bytes::last_byte(s.as_bytes(), s.len(), |w| {
        crate::text::bytes::bytes_equal(w, b'\n')
    });
    newline.map_or(s, |i| &s[i + 1..])
}

/// The text of the hit's line after byte `end`, at most [`WINDOW`] bytes.
fn line_after(text: &str, end: usize) -> &str {
    let mut to = (end + WINDOW).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let s = &text[end..to];
    s.find('\n').map_or(s, |i| &s[..i])
}

/// Whether `text[start..end]` is part of a degree's or a school's name: a
/// degree is not evidence of a skill (an ATS that counted "Communication" in
/// "B.E. Electronics & Communication" would be wrong, and a recruiter reads
/// it as a degree).
///
/// ```ignore
/// let t = "B.E. Electronics & Communication, 2015";
/// assert!(in_degree_or_school(t, 19, 32));
/// ```
pub(crate) fn in_degree_or_school(text: &str, start: usize, end: usize) -> bool {
    let capitalized = text[start..].chars().next().is_some_and(char::is_uppercase);
    in_degree(line_words_rev(text, start)) || (capitalized && in_school(text, start, end))
}

/// The sense checks that read only the words around a hit's start (and
/// end), each done once per start: the candidates at one token (several
/// forms, several ends) all ask them, and the answers are the same.
///
/// It also keeps, for each normalized form of the text, whether it may be
/// a word of a degree's name (see [`may_be_degree_word`]): a hit with no
/// such token before it is in no degree's name, and the words before it
/// are not read.
#[derive(Default)]
pub(crate) struct AtStart {
    start: usize,
    degree: Option<bool>,
    /// the end asked, and the answer
    school: Option<(usize, bool)>,
    software: Option<bool>,
    others: Option<bool>,
    /// [`may_be_degree_word`] of each normalized form, by id: 0 not
    /// looked at yet, 1 no, 2 yes
    degree_words: Vec<u8>,
}

/// A hit: the text, its tokens, and the hit's first token and the one past
/// its last (indices into `toks.tokens`).
#[derive(Clone, Copy)]
pub(crate) struct HitTokens<'d> {
    pub(crate) text: &'d str,
    pub(crate) toks: &'d Tokens,
    pub(crate) first: usize,
    pub(crate) end: usize,
}

impl AtStart {
    /// The memo for hits starting at `start` (cleared when it moves on; one
    /// memo serves one text).
    fn at(&mut self, start: usize) -> &mut Self {
        if self.start != start {
            self.start = start;
            self.degree = None;
            self.school = None;
            self.software = None;
            self.others = None;
        }
        self
    }

    /// [`in_degree_or_school`] of the hit, read once per start (and end).
    pub(crate) fn in_degree_or_school(&mut self, hit: HitTokens<'_>) -> bool {
        let text = hit.text;
        let start = hit.toks.tokens[hit.first].span().start;
        let end = hit.toks.tokens[hit.end - 1].span().end;
        self.at(start);
        if self.degree.is_none() {
            // (no token before the hit that may be a degree's word: none
            // of the words `in_degree` reads is one)
            let yes = self.degree_word_before(hit) && in_degree(line_words_rev(text, start));
            self.degree = Some(yes);
        }
        if self.degree == Some(true) {
            return true;
        }
        if !text[start..].chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        match self.school {
            Some((e, yes)) if e == end => yes,
            _ => {
                let yes = in_school(text, start, end);
                self.school = Some((end, yes));
                yes
            }
        }
    }

    /// [`software_domain`], read once per start.
    pub(crate) fn software_domain(&mut self, text: &str, start: usize) -> bool {
        *self
            .at(start)
            .software
            .get_or_insert_with(|| software_domain(text, start))
    }

    /// [`someone_elses_skill`], read once per start.
    pub(crate) fn someone_elses_skill(&mut self, text: &str, start: usize) -> bool {
        *self
            .at(start)
            .others
            .get_or_insert_with(|| someone_elses_skill(text, start))
    }

    /// [`may_be_degree_word`] of token `t`'s normalized form.
    #[inline]
    fn degree_word(&mut self, toks: &Tokens, t: &Token) -> bool {
        match self.degree_words.get(t.norm as usize) {
            Some(&known) if known != 0 => known == 2,
            _ => self.new_degree_word(toks, t.norm as usize),
        }
    }

    /// [`AtStart::degree_word`] of a form not looked at yet.
    #[cold]
    #[inline(never)]
    fn new_degree_word(&mut self, toks: &Tokens, id: usize) -> bool {
        if self.degree_words.len() <= id {
            self.degree_words.resize(toks.norms.len().max(id + 1), 0);
        }
        let yes = may_be_degree_word(&toks.norms[id]);
        self.degree_words[id] = 1 + u8::from(yes);
        yes
    }

    /// Whether a token among the words [`in_degree`] reads before the hit
    /// may be a word of a degree's (see [`may_be_degree_word`]): on the
    /// hit's line and in [`WINDOW`] bytes, no further than
    /// `DEGREE_FIELD_WORDS + 1` words nor past a word that ends its clause
    /// with `,`, `;`, `:` or `|`; `true` also when a token crosses the
    /// window's edge.
    fn degree_word_before(&mut self, hit: HitTokens<'_>) -> bool {
        let (text, toks) = (hit.text, hit.toks);
        let b = text.as_bytes();
        let mut next = toks.tokens[hit.first].span().start;
        let mut from = next.saturating_sub(WINDOW);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        // the gaps with an ASCII space crossed (the words read are at
        // least one fewer), and whether the word read last ends the search
        let (mut spaces, mut last) = (0, false);
        for t in toks.tokens[..hit.first].iter().rev() {
            let s = t.span();
            if s.end <= from {
                return false;
            }
            if s.start < from {
                return true;
            }
            let gap = &b[s.end..next];
            if let Some(k) = gap.iter().position(|&c| is_ascii_space(c)) {
                spaces += 1;
                if last
                    || spaces > DEGREE_FIELD_WORDS + 1
                    || gap[k..].iter().fold(false, |nl, &c| nl | (c == b'\n'))
                {
                    return false;
                }
                // the word of `t` ends at the space: with `,` it ends the
                // clause (its marker still counts)
                last =
                    k > 0 && gap[..k].is_ascii() && matches!(gap[k - 1], b',' | b';' | b':' | b'|');
            }
            if self.degree_word(toks, t) {
                return true;
            }
            next = s.start;
        }
        false
    }
}

/// Whether a token whose normalized form is `norm` may be (the start of) a
/// word [`in_degree`] looks for: a run of its ASCII letters and digits is
/// in [`DEGREE_RUNS`], or it is not ASCII. Such a word in the text (after
/// a space, `(` or `[`) starts a token whose form has the word's first run
/// as a run of its own, so a window with no such token holds none.
fn may_be_degree_word(norm: &str) -> bool {
    let b = norm.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii() {
            return true;
        }
        if !b[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let from = i;
        while i < b.len() && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if is_degree_run(&b[from..i]) {
            return true;
        }
    }
    false
}

/// The first run of letters and digits of each [`DEGREE_MARKERS`] and
/// [`DEGREE_BEFORE_IN`] word, ASCII lowercase ("b" of "B.Tech", "bachelor"
/// of "Bachelor's"; a test checks the list against theirs).
const DEGREE_RUNS: &[&str] = &[
    "b",
    "m",
    "be",
    "btech",
    "mtech",
    "bsc",
    "msc",
    "bcom",
    "mcom",
    "mba",
    "bba",
    "bbm",
    "mca",
    "bca",
    "pgdm",
    "pgdba",
    "pgdbm",
    "ph",
    "phd",
    "ll",
    "llb",
    "mbbs",
    "ssc",
    "hsc",
    "bachelor",
    "bachelors",
    "master",
    "masters",
    "diploma",
    "degree",
    "graduation",
    "graduate",
    "specialization",
    "specialisation",
    "major",
    "majoring",
    "minor",
    "honours",
    "honors",
];

const DEGREE_RUN_SHAPES: [[u16; 256]; 2] = shapes(DEGREE_RUNS);

/// Whether the run `r` is one of [`DEGREE_RUNS`]: most runs are ruled out
/// by their first and last bytes and their length.
fn is_degree_run(r: &[u8]) -> bool {
    let fits = |table: &[u16; 256], byte: u8| table[usize::from(byte)] >> r.len() & 1 == 1;
    match (r.first(), r.last()) {
        (Some(&f), Some(&l)) if r.len() < 16 => {
            fits(&DEGREE_RUN_SHAPES[0], f)
                && fits(&DEGREE_RUN_SHAPES[1], l)
                && DEGREE_RUNS.iter().any(|w| w.as_bytes() == r)
        }
        _ => false,
    }
}

/// Whether `b` is an ASCII byte that [`char::is_whitespace`] accepts.
const fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// What a byte is to the word readers: [`WORD`] (ASCII, no space),
/// [`SPACE`] (an ASCII space) or [`OTHER`] (not ASCII): one look-up per
/// byte of the words around every hit.
const BYTE_CLASS: [u8; 256] = {
    let mut t = [WORD; 256];
    let mut b = 0;
    while b < 256 {
        if b >= 0x80 {
            t[b] = OTHER;
        } else if is_ascii_space(b as u8) {
            t[b] = SPACE;
        }
        b += 1;
    }
    t
};
const WORD: u8 = 0;
const SPACE: u8 = 1;
const OTHER: u8 = 2;

/// `s.split_whitespace().rev()`: the words of `s` from the last, read by
/// bytes while they are ASCII (an ASCII byte is never inside a longer
/// char, so its position is a char boundary); from the first other byte
/// on, by `split_whitespace` on the rest.
fn words_rev(s: &str) -> impl Iterator<Item = &str> {
    let b = s.as_bytes();
    let mut end = b.len();
    let mut unicode: Option<std::iter::Rev<std::str::SplitWhitespace<'_>>> = None;
    std::iter::from_fn(move || {
        if let Some(words) = &mut unicode {
            return words.next();
        }
        while end > 0 && BYTE_CLASS[usize::from(b[end - 1])] == SPACE {
            end -= 1;
        }
        let stop = end;
        while end > 0 {
            match BYTE_CLASS[usize::from(b[end - 1])] {
                WORD => end -= 1,
                SPACE => break,
                _ => {
                    // `stop` ends a word of `s` (a space or the end follows it)
                    return unicode.insert(s[..stop].split_whitespace().rev()).next();
                }
            }
        }
        (end < stop).then(|| &s[end..stop])
    })
}

/// `words_rev(line_before(text, start))`, read back from `start` in place:
/// a newline or the window's edge ends it, so the line before the hit is
/// not looked for first (most hits read a few words of it).
fn line_words_rev(text: &str, start: usize) -> impl Iterator<Item = &str> {
    let mut from = start.saturating_sub(WINDOW);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let b = text.as_bytes();
    let mut end = start;
    let mut unicode: Option<std::iter::Rev<std::str::SplitWhitespace<'_>>> = None;
    std::iter::from_fn(move || {
        if let Some(words) = &mut unicode {
            return words.next();
        }
        while end > from && BYTE_CLASS[usize::from(b[end - 1])] == SPACE {
            if b[end - 1] == b'\n' {
                return None;
            }
            end -= 1;
        }
        let stop = end;
        while end > from {
            match BYTE_CLASS[usize::from(b[end - 1])] {
                WORD => end -= 1,
                SPACE => break,
                _ => {
                    // as `words_rev` does, on the line before the hit
                    let line = line_before(text, start);
                    let s = &line[..stop - (start - line.len())];
                    return unicode.insert(s.split_whitespace().rev()).next();
                }
            }
        }
        (end < stop).then(|| &text[end..stop])
    })
}

/// `line_after(text, end).split_whitespace()`, read on from `end` in
/// place: a newline or the window's edge ends it.
fn line_words(text: &str, end: usize) -> impl Iterator<Item = &str> {
    let mut to = (end + WINDOW).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let b = text.as_bytes();
    let mut i = end;
    let mut unicode: Option<std::str::SplitWhitespace<'_>> = None;
    std::iter::from_fn(move || {
        if let Some(words) = &mut unicode {
            return words.next();
        }
        while i < to && BYTE_CLASS[usize::from(b[i])] == SPACE {
            if b[i] == b'\n' {
                return None;
            }
            i += 1;
        }
        let from = i;
        while i < to {
            match BYTE_CLASS[usize::from(b[i])] {
                WORD => i += 1,
                SPACE => break,
                _ => {
                    // (`from` starts a word of the line after the hit)
                    let line = line_after(text, end);
                    return unicode.insert(line[from - end..].split_whitespace()).next();
                }
            }
        }
        (from < i).then(|| &text[from..i])
    })
}

/// Degree names: a marker, then the field ("B.E. Electronics &
/// Communication", "MBA in Marketing"), up to a clause end.
const DEGREE_MARKERS: &[&str] = &[
    "B.E.",
    "B.E",
    "BE",
    "B.Tech",
    "BTech",
    "B.Tech.",
    "M.Tech",
    "MTech",
    "M.Tech.",
    "B.Sc",
    "B.Sc.",
    "BSc",
    "M.Sc",
    "M.Sc.",
    "MSc",
    "B.Com",
    "B.Com.",
    "BCom",
    "M.Com",
    "M.Com.",
    "MCom",
    "B.A.",
    "M.A.",
    "B.S.",
    "M.S.",
    "MBA",
    "BBA",
    "BBM",
    "MCA",
    "BCA",
    "PGDM",
    "PGDBA",
    "PGDBM",
    "Ph.D",
    "Ph.D.",
    "PhD",
    "LL.B",
    "LL.B.",
    "LLB",
    "LL.M",
    "B.Ed",
    "B.Ed.",
    "M.Ed",
    "B.Pharm",
    "M.Pharm",
    "MBBS",
    "B.Arch",
    "SSC",
    "HSC",
    "Bachelor",
    "Bachelors",
    "Bachelor's",
    "Master's",
    "Masters",
    "Diploma",
    "bachelor",
    "bachelors",
    "bachelor's",
    "master's",
    "masters",
    "diploma",
    "BACHELOR",
    "MASTER",
    "MASTERS",
    "DIPLOMA",
];
/// For each first byte (`[0]`) and each last byte (`[1]`), the lengths (one
/// bit each, under 16 bytes) of the words of a list that start or end with
/// it.
const fn shapes(words: &[&str]) -> [[u16; 256]; 2] {
    let mut t = [[0u16; 256]; 2];
    let mut i = 0;
    while i < words.len() {
        let b = words[i].as_bytes();
        assert!(!b.is_empty() && b.len() < 16, "a word of 1 to 15 bytes");
        t[0][b[0] as usize] |= 1 << b.len();
        t[1][b[b.len() - 1] as usize] |= 1 << b.len();
        i += 1;
    }
    t
}

/// Whether `w` is one of `words`, whose [`shapes`] are `shape`: most words
/// are ruled out by their first and last bytes and their length, without a
/// comparison.
fn one_of(w: &str, words: &[&str], shape: &[[u16; 256]; 2]) -> bool {
    let b = w.as_bytes();
    let fits = |table: &[u16; 256], byte: Option<&u8>| {
        byte.is_some_and(|&x| table[usize::from(x)] >> b.len() & 1 == 1)
    };
    b.len() < 16 && fits(&shape[0], b.first()) && fits(&shape[1], b.last()) && words.contains(&w)
}

const DEGREE_MARKER_SHAPES: [[u16; 256]; 2] = shapes(DEGREE_MARKERS);

fn is_degree_marker(w: &str) -> bool {
    one_of(w, DEGREE_MARKERS, &DEGREE_MARKER_SHAPES)
}

/// Words that, before "in" or "of", make the field a degree's.
const DEGREE_BEFORE_IN: &[&str] = &[
    "degree",
    "master",
    "graduation",
    "graduate",
    "specialization",
    "specialisation",
    "major",
    "majoring",
    "minor",
    "honours",
    "honors",
];
/// How many words a degree's field may have before the hit.
const DEGREE_FIELD_WORDS: usize = 6;

fn in_degree<'a>(words: impl Iterator<Item = &'a str>) -> bool {
    // a clause end between the degree and the hit: another clause
    let is_clause_end = |w: &str| matches!(w, "from" | "at" | "with" | "having" | "-" | "–" | "—");
    let mut prev_was_in = false;
    // (a word past the field's is not read: it could only end the search)
    for (n, w) in words.take(DEGREE_FIELD_WORDS + 1).enumerate() {
        if w.bytes().all(|b| b.is_ascii_lowercase()) {
            // the common word, lowercase letters only: no bracket or
            // punctuation to trim, no year, and "-" is no such word
            if is_degree_marker(w) {
                return true;
            }
            if prev_was_in && DEGREE_BEFORE_IN.contains(&w) {
                return true;
            }
            if matches!(w, "from" | "at" | "with" | "having") {
                return false;
            }
            prev_was_in = matches!(w, "in" | "of");
            continue;
        }
        let bare = w.trim_start_matches(['(', '[']);
        if is_degree_marker(bare) || is_degree_marker(bare.trim_end_matches([',', ':', ')'])) {
            // "MBA, 2015; sales": the marker's own comma ends its clause
            return n == 0 || !w.ends_with([',', ';', ':', '|']);
        }
        if prev_was_in
            && DEGREE_BEFORE_IN
                .iter()
                .any(|d| d.eq_ignore_ascii_case(bare))
        {
            return true;
        }
        if w.ends_with([',', ';', ':', '|']) || is_clause_end(w) || is_year(bare) {
            return false;
        }
        prev_was_in = bare.eq_ignore_ascii_case("in") || bare.eq_ignore_ascii_case("of");
    }
    false
}

/// A year: four digits from 1900 to 2099 ("2015", "2015)").
fn is_year(w: &str) -> bool {
    // (most words have no digit: no trimming them char by char)
    if !w.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let d = w.trim_matches(|c: char| !c.is_ascii_digit());
    d.len() == 4
        && (d.starts_with("19") || d.starts_with("20"))
        && d.bytes().all(|b| b.is_ascii_digit())
}

/// Words that make a capitalized run a school's name.
const SCHOOL_WORDS: &[&str] = &[
    "University",
    "College",
    "Institute",
    "School",
    "Academy",
    "Polytechnic",
    "Vidyalaya",
    "Vidyapeeth",
    "Mahavidyalaya",
];

const SCHOOL_WORD_SHAPES: [[u16; 256]; 2] = shapes(SCHOOL_WORDS);

fn is_school_word(w: &str) -> bool {
    one_of(w, SCHOOL_WORDS, &SCHOOL_WORD_SHAPES)
}

/// A school's name: the hit at `text[start..end]` inside a run of
/// capitalized words (and "of", "and", "&", "for") that holds a school
/// word.
fn in_school(text: &str, start: usize, end: usize) -> bool {
    fn clean(w: &str) -> &str {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
    }
    // the hit must start a word: nothing but a space before it on its line
    // (a newline is one)
    if text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace())
    {
        return false;
    }
    let after = line_words(text, end);
    let name_word = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            || matches!(w, "of" | "and" | "&" | "for" | "the")
    };
    // backwards from the hit, then forwards, while the words belong to a name
    for w in line_words_rev(text, start) {
        let c = clean(w);
        if c.is_empty() || w.ends_with([',', ';', ':', '|', ')']) || !name_word(c) {
            break;
        }
        if is_school_word(c) {
            return true;
        }
    }
    for w in after {
        let c = clean(w);
        if c.is_empty() || !name_word(c) {
            break;
        }
        if is_school_word(c) {
            return true;
        }
        if w.ends_with([',', ';', ':', '|', '(', ')']) {
            break;
        }
    }
    false
}

/// Soft-skill words with a technical sense, told by the words around them:
/// (the word's stem, words right before it, words after it on the line).
const TECHNICAL_SENSES: &[(&str, &[&str], &[&str])] = &[
    (
        "communic",
        &[
            "inter-process",
            "interprocess",
            "inter-service",
            "serial",
            "wireless",
            "data",
            "network",
            "satellite",
            "radio",
            "optical",
            "digital",
            "analog",
            "mobile",
            "asynchronous",
            "synchronous",
            "async",
            "electronics",
            "electronic",
            "electrical",
            "telecommunication",
            "machine",
            "process",
            "socket",
            "can",
            "uart",
            "spi",
            "i2c",
            "bluetooth",
        ],
        &[
            "between",
            "protocol",
            "protocols",
            "channel",
            "channels",
            "bus",
            "interface",
            "interfaces",
            "layer",
            "stack",
            "link",
            "links",
            "module",
            "modules",
            "engineering",
            "network",
            "networks",
            "device",
            "devices",
            "port",
            "ports",
            "server",
            "servers",
            "application",
            "applications",
            "api",
            "apis",
            "database",
            "backend",
            "back-end",
            "frontend",
            "front-end",
            "microservices",
            "services",
            "hardware",
            "controller",
            "sensors",
            "technology",
            "technologies",
            "systems",
        ],
    ),
    (
        "negoti",
        &["tls", "ssl", "protocol", "auto", "content", "key"],
        &["protocol", "protocols", "handshake"],
    ),
    ("present", &[], &["layer", "tier", "logic"]),
];

/// Words for people: "communicate with the backend developers" is the soft skill.
const PEOPLE: &[&str] = &[
    "team",
    "teams",
    "developers",
    "engineers",
    "designers",
    "stakeholders",
    "clients",
    "customers",
    "users",
    "managers",
    "colleagues",
    "staff",
    "people",
    "members",
    "leads",
    "owners",
];

/// How many bytes after the word the window may look at.
const AFTER_BYTES: usize = 120;

/// How far after the word its technical object may be ("communicate with
/// the CCHRI server").
const SENSE_WINDOW: usize = 4;

/// Whether the soft-skill word at `text[start..end]` (its stem `stem`) is
/// used in a technical sense.
pub(crate) fn technical_sense(text: &str, stem: &str, start: usize, end: usize) -> bool {
    let Some((_, before_words, after_words)) = TECHNICAL_SENSES.iter().find(|(s, _, _)| *s == stem)
    else {
        return false;
    };
    let before = line_before(text, start);
    let norm = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_lowercase()
    };
    let prev: Vec<String> = before
        .split(|c: char| c.is_whitespace() || c == '&' || c == '/')
        .filter(|w| !w.is_empty())
        .rev()
        .take(2)
        .map(norm)
        .collect();
    // "Electronics & Communication", "serial communication": the word right
    // before (or the one before "&"/"and")
    let before_hit = prev
        .first()
        .is_some_and(|w| before_words.contains(&w.as_str()))
        || (prev.first().is_some_and(|w| w == "and")
            && prev
                .get(1)
                .is_some_and(|w| before_words.contains(&w.as_str())))
        || (before.trim_end().ends_with('&')
            && prev
                .first()
                .is_some_and(|w| before_words.contains(&w.as_str())));
    if before_hit {
        return true;
    }
    // the object may be on the next line of a wrapped sentence: a sentence
    // end, a list's comma or a blank line stops the window
    let mut cut = (end + AFTER_BYTES).min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let after = text[end..cut]
        .split(['.', ';', '|', ','])
        .next()
        .unwrap_or("")
        .split("\n\n")
        .next()
        .unwrap_or("");
    let window: Vec<String> = after
        .split_whitespace()
        .take(SENSE_WINDOW)
        .map(norm)
        .collect();
    // "communicate with the backend team": people, not a system
    window.iter().any(|w| after_words.contains(&w.as_str()))
        && !window.iter().any(|w| PEOPLE.contains(&w.as_str()))
}

/// Whether a job title at `text[start..]` names another person ("coordinate
/// with the Project Manager", "reported to our recruiter"): an agent noun
/// after a determiner that is not "a"/"an" is somebody's role, not the
/// resume writer's skill.
pub(crate) fn someone_elses_title(text: &str, start: usize) -> bool {
    let prev = line_before(text, start)
        .split_whitespace()
        .next_back()
        .map(str::to_ascii_lowercase);
    // "02 Accountants", "5 recruiters": a head count of other people
    let count = prev
        .as_deref()
        .is_some_and(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()));
    count
        || matches!(
            prev.as_deref(),
            Some("the" | "our" | "their" | "his" | "her" | "its" | "your" | "other" | "with")
        )
}

/// How far from a hit its list's parentheses may be.
const PAREN_WINDOW: usize = 80;

/// Whether `text[start..end]` is an item of a list in parentheses after a
/// name ("MS-Office (Access, Word, Excel)", "Office (Word, Excel: pivot
/// tables)"): the parts a product is made of, a list of names.
pub(crate) fn in_parenthesized_list(text: &str, start: usize, end: usize) -> bool {
    let before = line_before(text, start);
    let mut from = before.len().saturating_sub(PAREN_WINDOW);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let before = &before[from..];
    let Some(open) = before.rfind('(') else {
        return false;
    };
    let inside_before = &before[open + 1..];
    let after = line_after(text, end);
    let Some(close) = after.find(')') else {
        return false;
    };
    let inside_after = &after[..close];
    close <= PAREN_WINDOW
        && !inside_before.contains(')')
        && !inside_after.contains('(')
        && (inside_before.contains(',') || inside_after.contains(','))
        && before[..open]
            .trim_end()
            .ends_with(|c: char| c.is_alphanumeric())
}

/// Nouns for a piece of software.
const SOFTWARE_NOUNS: &[&str] = &[
    "system",
    "systems",
    "software",
    "application",
    "applications",
    "app",
    "apps",
    "module",
    "modules",
    "portal",
    "portals",
    "platform",
    "platforms",
    "package",
    "packages",
];

/// Words that make the software the writer's tool ("used CRM software to
/// manage sales"): then what it does is the writer's practice.
const USE_WORDS: &[&str] = &[
    "use",
    "used",
    "uses",
    "using",
    "utilize",
    "utilized",
    "utilizing",
    "utilise",
    "utilised",
    "utilising",
    "leverage",
    "leveraged",
    "leveraging",
    "via",
    "through",
    "with",
];

/// Words that open a noun phrase.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "other", "another", "one", "this", "that", "these", "those", "its", "their",
    "our", "your", "his", "her", "each", "every", "all", "any",
];

/// How many words before a discipline the software that does it may be
/// ("software system to manage sales").
const PURPOSE_WORDS: usize = 4;

/// A word without the punctuation around it.
fn bare(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Whether `w` is one of `list` (lowercase words), in any case.
fn is_one_of(w: &str, list: &[&str]) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// The last `N` words before byte `start` in its clause (as
/// [`clause_before`]), the last first, without their punctuation: read
/// backwards byte by byte from `start`, so a hit costs the few words it
/// looks at (this runs on every hit).
fn clause_words<const N: usize>(text: &str, start: usize) -> ([&str; N], usize) {
    let b = text.as_bytes();
    let floor = start.saturating_sub(WINDOW);
    let mut out = [""; N];
    let mut n = 0;
    let mut end = start;
    let mut i = start;
    while n < N {
        // the word ends at `end`; find where it starts
        while i > floor && !is_ascii_space(b[i - 1]) && !is_clause_end(b, i - 1) {
            i -= 1;
        }
        let whole = i > floor || floor == 0;
        if i < end && whole {
            let w = bare(&text[i..end]);
            if !w.is_empty() {
                out[n] = w;
                n += 1;
            }
        }
        if i == floor || b[i - 1] == b'\n' || is_clause_end(b, i - 1) || !whole {
            break;
        }
        i -= 1;
        end = i;
    }
    (out, n)
}

/// Whether byte `i` of `b` ends a clause: `.`, `;`, `:`, `!`, `?`, or the
/// last byte of a bullet sign.
fn is_clause_end(b: &[u8], i: usize) -> bool {
    matches!(b[i], b'.' | b';' | b':' | b'!' | b'?')
        || (i >= 2 && b[i - 2..=i] == *"\u{2022}".as_bytes())
}

/// The clause before byte `start` on its line: from the last sentence or
/// clause end (`.`, `;`, `:`, `!`, `?`, a bullet) on.
fn clause_before(text: &str, start: usize) -> &str {
    let before = line_before(text, start);
    before
        .rsplit(['.', ';', ':', '!', '?', '\u{2022}'])
        .next()
        .unwrap_or(before)
}

/// Whether the discipline word at `text[start..]` ("accounting", "sales",
/// "payroll") names what a piece of software does ("software system to
/// manage sales", "applications which allow for online sales"), not the
/// writer's practice; unless the writer uses that software ("used CRM
/// software to manage sales"). A discipline before a software noun
/// ("payroll software") is left alone: it is often the writer's own tool.
pub(crate) fn software_domain(text: &str, start: usize) -> bool {
    let (words, n) = clause_words::<{ PURPOSE_WORDS + 1 }>(text, start);
    // "system to manage", "application that tracks", "software for managing"
    let Some(at) = (1..n).find(|&i| {
        let connects = match words[i - 1] {
            // "to manage", not "from one system to the other"
            w if w.eq_ignore_ascii_case("to") => i < 2 || !is_one_of(words[i - 2], DETERMINERS),
            w => is_one_of(w, &["that", "which", "for"]),
        };
        connects && is_one_of(words[i], SOFTWARE_NOUNS)
    }) else {
        return false;
    };
    !words_rev(clause_before(text, start))
        .skip(at + 1)
        .any(|w| is_one_of(bare(w), USE_WORDS))
}

/// Past participles that do not end in "-ed", before "by" in a passive.
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "built", "made", "read", "run", "sent", "written", "taken", "done", "kept", "shown", "seen",
    "driven", "fed", "consumed",
];

/// How many words may stand between "by" and the discipline it introduces
/// ("used by different accounting systems").
const AGENT_WORDS: usize = 2;

/// Whether the discipline word at `text[start..end]` names software that
/// acts on the writer's work, as the agent of a passive ("data which will be
/// used by different accounting systems", "files read by the payroll
/// software"): the software's field, not the writer's practice. A
/// discipline before a software noun is otherwise left alone ("payroll
/// software" is often the writer's own tool).
pub(crate) fn software_agent(text: &str, start: usize, end: usize) -> bool {
    let next = line_after(text, end).split_whitespace().next().map(bare);
    if !next.is_some_and(|w| is_one_of(w, SOFTWARE_NOUNS)) {
        return false;
    }
    // the words before, back to a comma or a clause's end
    let before = line_before(text, start);
    let clause = before
        .rsplit([',', '.', ';', ':', '!', '?', '(', '\u{2022}'])
        .next()
        .unwrap_or(before);
    let words: Vec<&str> = clause
        .split_whitespace()
        .rev()
        .take(AGENT_WORDS + 2)
        .collect();
    let Some(by) = words
        .iter()
        .take(AGENT_WORDS + 1)
        .position(|w| w.eq_ignore_ascii_case("by"))
    else {
        return false;
    };
    words.get(by + 1).is_some_and(|w| {
        let w = w.to_ascii_lowercase();
        (w.len() >= 4 && w.ends_with("ed")) || IRREGULAR_PARTICIPLES.contains(&w.as_str())
    })
}

/// Fields of business whose data a model is often built on: in a sentence
/// about a predictive model they are the data's domain ("customer
/// segmentation for sales leads", "20% increase in sales lead rate").
const DATA_DOMAINS: &[&str] = &[
    "sales",
    "marketing",
    "accounting",
    "finance",
    "payroll",
    "recruitment",
    "recruiting",
    "hiring",
    "procurement",
    "purchasing",
    "insurance",
    "banking",
    "lending",
    "retail",
    "healthcare",
    "logistics",
    "inventory",
];

/// Words of predictive modelling: a sentence with one is about a model.
const MODEL_WORDS: &[&str] = &[
    "model",
    "models",
    "modeling",
    "modelling",
    "clustering",
    "classification",
    "classifier",
    "segmentation",
    "regression",
    "prediction",
    "predictions",
    "predictive",
    "predict",
    "predicting",
    "algorithm",
    "algorithms",
    "neural",
    "ml",
    "dataset",
    "datasets",
];

/// How many lines before the hit's a wrapped sentence may start.
const SENTENCE_LINES: usize = 2;

/// Whether `b` ends a sentence or a clause (the window of
/// [`modeled_domain`] stops there).
fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | ';' | ':' | '!' | '?' | '\u{2022}')
}

/// Whether a line starts an item of its own (a bullet or a dash): a
/// sentence does not wrap back over it.
fn starts_item(line: &str) -> bool {
    line.trim_start()
        .starts_with(|c: char| !c.is_alphanumeric() && c != '(' && c != '"')
}

/// The sentence around `text[start..end]` (the hit excluded): back to its
/// start over up to [`SENTENCE_LINES`] wrapped lines (a line ending a
/// sentence, a blank line or an item's bullet stops it), and on to its
/// end on the hit's line.
fn sentence_around(text: &str, start: usize, end: usize) -> (Vec<&str>, &str) {
    let mut parts = Vec::new();
    let mut before = line_before(text, start);
    let mut line_start = start - before.len();
    for n in 0..=SENTENCE_LINES {
        if let Some(i) = before.rfind(ends_sentence) {
            parts.push(&before[i + 1..]);
            break;
        }
        parts.push(before);
        // a bullet starts the sentence; else it may wrap from the line
        // above (when the window reached the line's start)
        if starts_item(before)
            || n == SENTENCE_LINES
            || line_start == 0
            || text.as_bytes()[line_start - 1] != b'\n'
        {
            break;
        }
        let above = line_before(text, line_start - 1);
        if above.trim().is_empty() || above.trim_end().ends_with(ends_sentence) {
            break;
        }
        line_start = line_start - 1 - above.len();
        before = above;
    }
    let after = line_after(text, end);
    let after = after.find(ends_sentence).map_or(after, |i| &after[..i]);
    (parts, after)
}

/// Whether the business field at `text[start..end]` (`norm`, one word:
/// "sales", "accounting") is the domain of a predictive model's data, not
/// the writer's practice: it follows "for", "in", "of" or "on", and its
/// sentence is about a model ("Customer Segmentation for Sales Lead",
/// "using this model, a 20% increase in sales"); not "10 years in sales"
/// nor "Sales forecasting".
pub(crate) fn modeled_domain(text: &str, norm: &str, start: usize, end: usize) -> bool {
    if !DATA_DOMAINS.contains(&norm) {
        return false;
    }
    let prev = line_before(text, start).split_whitespace().next_back();
    if !prev.is_some_and(|w| is_one_of(w, &["for", "in", "of", "on"])) {
        return false;
    }
    let (before, after) = sentence_around(text, start, end);
    let model = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .any(|w| is_one_of(w, MODEL_WORDS))
    };
    before.iter().any(|s| model(s)) || model(after)
}

/// Whether one of the first three words of `window` (the hit's first
/// word and the two after it, without their punctuation, in any case) is
/// "skill", "skills" or "abilities", and whether the second is "of": as
/// `window.split_whitespace().map(bare)` reads them, by bytes while the
/// words are ASCII (this runs on every hit).
fn skills_or_of_after(window: &str) -> (bool, bool) {
    const SKILL_WORDS: &[&str] = &["skill", "skills", "abilities"];
    let b = window.as_bytes();
    let (mut skills, mut of) = (false, false);
    let mut i = 0;
    for n in 0..3 {
        while i < b.len() && BYTE_CLASS[usize::from(b[i])] == SPACE {
            i += 1;
        }
        if i == b.len() {
            break;
        }
        let from = i;
        while i < b.len() && BYTE_CLASS[usize::from(b[i])] != SPACE {
            if BYTE_CLASS[usize::from(b[i])] == OTHER {
                // another byte: the words from this one on as chars
                // (`from` starts a word: a space or the start is before it)
                for (k, w) in window[from..]
                    .split_whitespace()
                    .map(bare)
                    .take(3 - n)
                    .enumerate()
                {
                    skills |= is_one_of(w, SKILL_WORDS);
                    of |= n + k == 1 && w.eq_ignore_ascii_case("of");
                }
                return (skills, of);
            }
            i += 1;
        }
        // (ASCII: `bare` by bytes)
        let mut w = &b[from..i];
        while let [first, rest @ ..] = w
            && !first.is_ascii_alphanumeric()
        {
            w = rest;
        }
        while let [rest @ .., last] = w
            && !last.is_ascii_alphanumeric()
        {
            w = rest;
        }
        skills |= SKILL_WORDS
            .iter()
            .any(|x| x.as_bytes().eq_ignore_ascii_case(w));
        of |= n == 1 && w.eq_ignore_ascii_case(b"of");
    }
    (skills, of)
}

/// How many bytes after a hit's start [`someone_elses_skill`] reads.
const AFTER_SKILL_BYTES: usize = 60;

/// Other people, as the subject of a skill they develop.
const OTHERS: &[&str] = &[
    "they",
    "them",
    "students",
    "interns",
    "trainees",
    "children",
    "kids",
    "learners",
    "pupils",
    "participants",
    "employees",
    "juniors",
    "mentees",
];

/// Verbs of developing a skill ("so that they can develop leadership").
const DEVELOP_VERBS: &[&str] = &[
    "develop",
    "improve",
    "build",
    "enhance",
    "learn",
    "gain",
    "acquire",
    "strengthen",
];

/// How many words before a skill the verb developing it may be, and before
/// that verb the people who develop it.
const DEVELOP_WORDS: usize = 3;

/// Whether the skill at `text[start..]` is someone else's: "their
/// communication skills", "so that they can develop good leadership
/// skills", "under the leadership of the CFO". A trainer's or a
/// teacher's line names what others learn, not the writer's own skill.
pub(crate) fn someone_elses_skill(text: &str, start: usize) -> bool {
    // first what follows, which most hits fail at once: "skills" within the
    // hit's next words, or "of" right after a one-word hit
    let mut cut = (start + AFTER_SKILL_BYTES).min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let window = &text[start..cut];
    // first what follows, read in place: most hits are followed by
    // neither word
    let (skills, of) = skills_or_of_after(window);
    if !skills && !of {
        return false;
    }
    // (the substring test the rules were measured with)
    if !window.contains("kill") && !window.contains("bilit") && !window.contains(" of") {
        return false;
    }
    let (words, n) = clause_words::<{ 2 * DEVELOP_WORDS }>(text, start);
    let words = &words[..n];
    // "their communication skills" (but "their timely recruitment" is what
    // the writer did for them)
    if skills
        && words
            .iter()
            .take(2)
            .any(|w| w.eq_ignore_ascii_case("their"))
    {
        return true;
    }
    // "under the (able) leadership of Mr. Rao": whose leadership it is
    if words
        .iter()
        .take(3)
        .any(|w| w.eq_ignore_ascii_case("under"))
        && of
    {
        return true;
    }
    if !skills {
        return false;
    }
    let develops = |w: &str| {
        DEVELOP_VERBS.iter().any(|v| {
            let head = |n: usize| w.get(..n).is_some_and(|h| h.eq_ignore_ascii_case(&v[..n]));
            let rest = |n: usize| &w[n..];
            (head(v.len())
                && ["", "s", "ed", "ing"]
                    .iter()
                    .any(|e| e.eq_ignore_ascii_case(rest(v.len()))))
                || (v.ends_with('e')
                    && head(v.len() - 1)
                    && rest(v.len() - 1).eq_ignore_ascii_case("ing"))
                || (*v == "build" && w.eq_ignore_ascii_case("built"))
        })
    };
    words
        .iter()
        .take(DEVELOP_WORDS)
        .position(|w| develops(w))
        .is_some_and(|at| {
            words[at + 1..]
                .iter()
                .take(DEVELOP_WORDS)
                .any(|w| is_one_of(w, OTHERS))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degree_words_hold_every_word_in_degree_looks_for() {
        for w in DEGREE_MARKERS.iter().chain(DEGREE_BEFORE_IN) {
            let run = w
                .split(|c: char| !c.is_ascii_alphanumeric())
                .next()
                .unwrap();
            assert!(may_be_degree_word(&run.to_ascii_lowercase()), "{w}");
        }
        assert!(may_be_degree_word("bachelor's"));
        assert!(may_be_degree_word("x_mba"));
        assert!(may_be_degree_word("\u{e9}t\u{e9}"));
        assert!(!may_be_degree_word("python"));
        assert!(!may_be_degree_word("mbas"));
    }

    /// Every hit of one or two tokens: the memo (which looks at the tokens
    /// before reading the words before a hit) answers as the checks alone.
    fn memo_answers_as_the_checks(text: &str) {
        let toks = crate::text::tokenize(text);
        let mut memo = AtStart::default();
        for first in 0..toks.tokens.len() {
            for end in first + 1..(first + 3).min(toks.tokens.len() + 1) {
                let hit = HitTokens {
                    text,
                    toks: &toks,
                    first,
                    end,
                };
                let (start, stop) = (
                    toks.tokens[first].span().start,
                    toks.tokens[end - 1].span().end,
                );
                assert_eq!(
                    memo.in_degree_or_school(hit),
                    in_degree_or_school(text, start, stop),
                    "degree or school at {start}..{stop} of {text:?}"
                );
                assert_eq!(
                    memo.someone_elses_skill(text, start),
                    someone_elses_skill(text, start),
                    "someone else's skill at {start} of {text:?}"
                );
            }
        }
    }

    #[test]
    fn memo_answers_as_the_checks_on_crafted_texts() {
        for text in [
            "B.E. Electronics & Communication, 2015",
            "MBA in Marketing; Sales",
            "(B.Tech) Computer Science",
            "Master's degree in Finance and Accounting",
            "Indian Institute of Management Leadership",
            "Leadership Academy of the North",
            "their communication skills",
            "so that they can develop good leadership skills",
            "under the able leadership of Mr. Rao",
            "Leadership \u{a0}of teams",
            "Leadership\u{2014}x of teams",
            "Leadership_of teams",
            "Communication,_skills",
            "Degree\u{a0}in\u{a0}Communication",
            "B.Sc\u{a0}Communication",
            "\u{2022} Bachelor\u{2019}s in Communication",
            "x\r\nMBA\rCommunication\u{2028}Leadership",
            "MBA a b c d e f Communication",
            "MBA a b c d e f g Communication",
            "MBA a, b c Communication",
            "MBA, Communication",
            "MBA ,Communication",
            "B.E.,Communication",
            "Sales, MBA Communication",
            "MBA in Sales;Communication",
            "MBA in Sales\u{2003}Communication",
            "MBA in Sales,\u{2003}Communication",
        ] {
            memo_answers_as_the_checks(text);
        }
        // words cut by the windows: a marker or school word only the part
        // of a longer word in the window, "skill" only the start of one
        for w in ["MBA", "Bachelors", "University", "Degree in"] {
            let glued = w.replace(' ', "").repeat(3);
            for j in 0..glued.len() {
                let filler = "x".repeat(WINDOW + j - glued.len() - 2);
                memo_answers_as_the_checks(&format!("{glued} {filler} Communication"));
                memo_answers_as_the_checks(&format!("Communication {filler} {glued}"));
            }
        }
        for w in ["skillset", "ofoo", "abilitiesx"] {
            for m in 30..50 {
                let filler = "y".repeat(m);
                memo_answers_as_the_checks(&format!("their Communication {filler} {w}"));
                memo_answers_as_the_checks(&format!("under Leadership {w} {filler}"));
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn memo_answers_as_the_checks_on_any_text(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "B.E.", "BE", "MBA", "(MBA)", "Ph.D", "Bachelor's", "Masters", "degree", "Degree",
                    "in", "of", "Of", "from", "2015,", "University", "College", "School,",
                    "Communication", "communication", "Leadership", "leadership", "Sales", "sales",
                    "skills", "Skills", "skill", "abilities", "skillset", "their", "they", "develop",
                    "under", "the", "and", "&", "-", "\u{2014}", "\u{a0}", "\u{e9}t\u{e9}", ",", ".",
                    "\n", "\r", "\u{2028}", "_", "x_of", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                ]),
                0..60,
            ),
            seps in proptest::collection::vec(proptest::sample::select(vec![" ", "", "  ", "\n", "\u{a0}"]), 60),
        ) {
            let mut text = String::new();
            for (w, s) in words.iter().zip(&seps) {
                text.push_str(w);
                text.push_str(s);
            }
            memo_answers_as_the_checks(&text);
        }
    }

    fn span(text: &str, word: &str) -> (usize, usize) {
        let s = text.find(word).unwrap();
        (s, s + word.len())
    }

    #[test]
    fn words_from_the_last_as_split_whitespace() {
        for s in [
            "",
            " ",
            "B.E. Electronics &",
            "  MBA,\tin\x0BFinance\x0C\r\n ",
            "a\u{1C}b\u{1F}c",
            "Master\u{A0}of Science",
            "école\u{2028}d'ingénieurs\u{3000}Paris ",
            "\u{85}x y\u{202F}z",
            "MBA in Finance — 2015 é Ａ\u{A0}SQL",
        ] {
            // every cut: the first other byte at every place from the end
            for s in (0..=s.len())
                .filter(|&i| s.is_char_boundary(i))
                .map(|i| &s[..i])
            {
                let want: Vec<&str> = s.split_whitespace().rev().collect();
                assert_eq!(words_rev(s).collect::<Vec<_>>(), want, "{s:?}");
            }
        }
    }

    #[test]
    fn line_words_as_the_line_split() {
        let long = format!(
            "{} MBA in\nFinance {}",
            "é ab ".repeat(40),
            "cd ü ".repeat(40)
        );
        for text in [
            "",
            "B.E. Electronics & Communication, 2015",
            "line one\n  MBA,\tin\x0BFinance\x0C\r\n next line",
            "Master\u{A0}of Science\nécole\u{2028}d'ingénieurs\u{3000}Paris ",
            "\n\n\u{85}x y\u{202F}z\n",
            "MBA in Finance — 2015 é Ａ\u{A0}SQL\n\u{2022} x",
            &long,
        ] {
            // at every start and end, as the words of the line's window
            for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let back: Vec<&str> = words_rev(line_before(text, i)).collect();
                assert_eq!(
                    line_words_rev(text, i).collect::<Vec<_>>(),
                    back,
                    "{text:?} {i}"
                );
                let on: Vec<&str> = line_after(text, i).split_whitespace().collect();
                assert_eq!(line_words(text, i).collect::<Vec<_>>(), on, "{text:?} {i}");
            }
        }
    }

    #[test]
    fn skills_or_of_as_split_whitespace_and_bare() {
        for s in [
            "",
            "  ",
            "leadership skills of",
            "Leadership SKILLS",
            "team of (abilities) x",
            "(SQL), \u{2014} of: them",
            "x of\u{A0}skills",
            "Leadership\u{A0}skills of the team",
            "a\u{1C}b skills",
            "\u{85}x y\u{202F}z abilities",
            "école, «skills» — their",
            "x. of\t\x0Bskill\r\n",
            "a b c skills",
            "of of -- skill",
        ] {
            for s in (0..=s.len())
                .filter(|&i| s.is_char_boundary(i))
                .map(|i| &s[i..])
            {
                let words: Vec<&str> = s.split_whitespace().map(bare).take(3).collect();
                let skills = words
                    .iter()
                    .any(|w| is_one_of(w, &["skill", "skills", "abilities"]));
                let of = words.get(1).is_some_and(|w| w.eq_ignore_ascii_case("of"));
                assert_eq!(skills_or_of_after(s), (skills, of), "{s:?}");
            }
        }
    }

    #[test]
    fn clause_words_as_the_clause_split() {
        let texts = [
            "Trained interns so that they can develop good leadership skills",
            "Key: a b c.  Worked under the leadership of X",
            "line one\nthey can develop ",
            "• they develop • leadership",
            "école — ils développent  their\u{A0}x leadership",
            "(their) leadership",
            "",
        ];
        for t in texts {
            for start in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                let want: Vec<&str> = clause_before(t, start)
                    .split(|c: char| c.is_ascii_whitespace())
                    .rev()
                    .map(bare)
                    .filter(|w| !w.is_empty())
                    .take(6)
                    .collect();
                let (got, n) = clause_words::<6>(t, start);
                assert_eq!(&got[..n], &want[..], "{t:?} at {start}");
            }
        }
    }

    #[test]
    fn word_lists_by_shape() {
        for (words, shape) in [
            (DEGREE_MARKERS, &DEGREE_MARKER_SHAPES),
            (SCHOOL_WORDS, &SCHOOL_WORD_SHAPES),
        ] {
            for w in words {
                assert!(one_of(w, words, shape), "{w}");
            }
            for w in [
                "", "B", "BA", "SQL", "M.S", "Ph.D..", "mba", "Univ", "Schools", "é", "MBAs",
            ] {
                assert_eq!(one_of(w, words, shape), words.contains(&w), "{w}");
            }
        }
    }

    #[test]
    fn degrees_and_schools() {
        let yes = [
            ("B.E. Electronics & Communication, 2015", "Communication"),
            ("MBA in Marketing & Sales from XYZ", "Sales"),
            ("Bachelor of Science in Accounting", "Accounting"),
            ("Indian Institute of Management, Bangalore", "Management"),
            ("Symbiosis Institute of Business Management", "Management"),
            (
                "Post Graduate Diploma in Project Management (2012)",
                "Project Management",
            ),
            (
                "St. Xavier's College of Communication Studies",
                "Communication",
            ),
        ];
        for (t, w) in yes {
            let (s, e) = span(t, w);
            assert!(in_degree_or_school(t, s, e), "{t:?} {w:?}");
        }
        let no = [
            ("MBA, 2015; 8 years of sales", "sales"),
            (
                "B.Tech 2012 | Led project management for 3 teams",
                "project management",
            ),
            ("Excellent communication skills", "communication"),
            ("Sales Manager at Acme Corp", "Sales"),
            (
                "Managed accounting for the University of Delhi",
                "accounting",
            ),
            ("MS Excel, Tally", "Excel"),
            ("Degree: B.Sc.\nSales: 10 years", "Sales"),
        ];
        for (t, w) in no {
            let (s, e) = span(t, w);
            assert!(!in_degree_or_school(t, s, e), "{t:?} {w:?}");
        }
    }

    #[test]
    fn technical_senses() {
        let yes = [
            "Designed communication between frontend and backend services",
            "inter-process communication over sockets",
            "Wrote the module to communicate with the CCHRI server",
            "serial communication protocols (UART, SPI)",
            "Electronics and Communication Engineering",
        ];
        for t in yes {
            let w = ["communication", "communicate", "Communication"]
                .into_iter()
                .find(|w| t.contains(w))
                .unwrap();
            let (s, e) = span(t, w);
            assert!(technical_sense(t, "communic", s, e), "{t:?}");
        }
        let no = [
            "Excellent communication skills",
            "Communicated with clients and vendors weekly",
            "Strong written and verbal communication",
            "communication with stakeholders. Built APIs",
            "communicated with the backend team daily",
            "Leadership, Communication, Project management, Systems",
        ];
        for t in no {
            let w = [
                "communication",
                "Communication",
                "Communicated",
                "communicated",
            ]
            .into_iter()
            .find(|w| t.contains(w))
            .unwrap();
            let (s, e) = span(t, w);
            assert!(!technical_sense(t, "communic", s, e), "{t:?}");
        }
        let (s, e) = span("TLS negotiation failures", "negotiation");
        assert!(technical_sense("TLS negotiation failures", "negoti", s, e));
    }

    #[test]
    fn other_peoples_titles() {
        let t = "Coordinate with the Project Manager on progress";
        assert!(someone_elses_title(t, t.find("Project").unwrap()));
        let t = "Worked as a Project Manager for 3 years";
        assert!(!someone_elses_title(t, t.find("Project").unwrap()));
        let t = "Total staff: 02 Accountants, 04 Sales Officers";
        assert!(someone_elses_title(t, t.find("Accountants").unwrap()));
        let t = "Project Manager\nAcme";
        assert!(!someone_elses_title(t, 0));
    }
    #[test]
    fn software_acting_on_the_writers_work() {
        let yes = [
            (
                "Build new feature to export sale data which will be used by different accounting system like Diamond",
                "accounting",
            ),
            ("Files read by the payroll software nightly", "payroll"),
            ("Invoices are generated by accounting systems", "accounting"),
        ];
        for (t, w) in yes {
            let (s, e) = span(t, w);
            assert_eq!(&t[s..e], w);
            assert!(software_agent(t, s, e), "{t:?} {w:?}");
        }
        let no = [
            // the writer's tool, or no software named after the word
            (
                "Maintained the accounting system used by auditors",
                "accounting",
            ),
            ("Used Tally accounting software for GST", "accounting"),
            ("Promoted by the sales director", "sales"),
            ("Reports used by sales, accounting systems", "sales"),
            ("Closed by hand, accounting system down", "accounting"),
        ];
        for (t, w) in no {
            let (s, e) = span(t, w);
            assert_eq!(&t[s..e], w);
            assert!(!software_agent(t, s, e), "{t:?} {w:?}");
        }
    }

    #[test]
    fn fields_as_the_domain_of_a_model() {
        let yes = [
            (
                "Project Title: Customer Segmentation for Sales Lead and Forecasting",
                "Sales",
            ),
            (
                "-Using this Machine Learning model 20% increase in sales lead rate",
                "sales",
            ),
            // the sentence wraps back to its bullet
            (
                "-Using this ML model, product placement\nbecomes more robust for sales.",
                "sales",
            ),
            (
                "- Clustering on customer tastes and which product\ncustomers will buy (Lead for Sales)",
                "Sales",
            ),
            (
                "Built a churn prediction model on insurance data",
                "insurance",
            ),
        ];
        let no = [
            // no model in the sentence, or the field is not after a preposition
            ("10 years in sales; built a pricing model", "sales"),
            ("Sales forecasting models for the region", "Sales"),
            ("Regional manager for sales in Pune", "sales"),
            ("Built a regression model.\nTop performer in sales", "sales"),
            (
                "- Built a regression model\n- Top performer in sales",
                "sales",
            ),
            (
                "Led the team in accounting; regression testing",
                "accounting",
            ),
        ];
        for (cases, want) in [(&yes[..], true), (&no[..], false)] {
            for &(t, w) in cases {
                let (s, e) = span(t, w);
                assert_eq!(&t[s..e], w);
                let norm = w.to_lowercase();
                assert_eq!(modeled_domain(t, &norm, s, e), want, "{t:?} {w:?}");
            }
        }
    }
}
