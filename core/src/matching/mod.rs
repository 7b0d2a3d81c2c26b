//! Compile a [`Role`] once into an immutable [`Matcher`]; analyze many resumes.
//!
//! Keywords, their aliases, acronyms, alternatives and the built-in vague
//! phrases become token sequences over *stems*, stored in one trie. Finding
//! them is a leftmost-longest walk over the resume's tokens, linear in its
//! length. Each hit records how it matched: exact, variant (case, inflection,
//! spelling), alias, acronym, or fuzzy (a likely typo).
//!
//! ```
//! use atscore::{Matcher, Role};
//! let matcher = Matcher::new(Role::builtin("backend-developer")?)?;
//! let report = matcher.analyze("Experience\n- Deployed Kubernetes clusters on AWS, cutting costs 20%")?;
//! let cloud = report.keyword("Cloud Computing (AWS/Azure/GCP)").unwrap();
//! assert!(cloud.found);
//! assert_eq!(cloud.hits[0].via.as_deref(), Some("AWS"));
//! # Ok::<(), atscore::Error>(())
//! ```

use std::borrow::Cow;
use std::hash::BuildHasher;
use std::sync::Arc;

use rustc_hash::FxHashMap;

pub(crate) mod sense;

use crate::document::{Document, Line, LineKind, LineScan};
use crate::error::{Error, Result};
use crate::options::{Options, ScoreWeights};
use crate::report::{MatchKind, Variant};
use crate::roles::{Keyword, ParsedTerm, Role};
use crate::text::lexicon::{
    self, DATA_MOVE_VERBS, LEVEL_WORDS, MENTION_CUES_AFTER, MENTION_CUES_BEFORE, NOT_MENTIONS,
    OFFICE_PRODUCTS, VAGUE, VERB_COMPLEMENTS,
};
use crate::text::{
    Gap, Span, StemFilter, TokenKind, TokenRoom, Tokens, normalize, stem_of, tokenize_filtered,
    tokenize_in,
};

/// Builder for a [`Matcher`]: options first, then [`MatcherBuilder::build`].
///
/// ```
/// use atscore::{MatcherBuilder, Role};
/// let matcher = MatcherBuilder::new()
///     .fuzzy(false)
///     .stuffing_min_count(15)
///     .build(Role::builtin("backend-developer")?)?;
/// assert!(!matcher.options().fuzzy);
/// # Ok::<(), atscore::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct MatcherBuilder {
    options: Options,
    /// Literal forms only (see [`MatcherBuilder::literal`]).
    literal: bool,
    /// Stems known before compiling (see [`MatcherBuilder::known_stems`]).
    known_stems: Option<&'static KnownStems>,
}

/// Snowball stems known before compiling (the built-in lexicon's joined
/// words, computed when the lexicon is generated): word -> (bytes cut
/// from its end, letters added), the stem.
pub(crate) type KnownStems = FxHashMap<&'static str, (usize, &'static str)>;

impl MatcherBuilder {
    /// A builder with the default options.
    ///
    /// ```
    /// let b = atscore::MatcherBuilder::new();
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// A builder with the given options.
    ///
    /// ```
    /// let b = atscore::MatcherBuilder::with_options(atscore::Options::default());
    /// ```
    pub fn with_options(options: Options) -> Self {
        MatcherBuilder {
            options,
            literal: false,
            known_stems: None,
        }
    }

    /// Report likely typos of keywords (default true).
    ///
    /// ```
    /// let b = atscore::MatcherBuilder::new().fuzzy(false);
    /// ```
    pub fn fuzzy(mut self, yes: bool) -> Self {
        self.options.fuzzy = yes;
        self
    }

    /// Shortest word, in letters, checked for typos (default 5, at least 4).
    ///
    /// ```
    /// let b = atscore::MatcherBuilder::new().fuzzy_min_len(6);
    /// ```
    pub fn fuzzy_min_len(mut self, letters: usize) -> Self {
        self.options.fuzzy_min_len = letters;
        self
    }

    /// Largest input accepted, in bytes (default 64 MiB).
    ///
    /// ```
    /// let b = atscore::MatcherBuilder::new().max_input_bytes(1 << 20);
    /// ```
    pub fn max_input_bytes(mut self, bytes: usize) -> Self {
        self.options.max_input_bytes = bytes;
        self
    }

    /// Mentions of one keyword from which it can be stuffing (default 10).
    ///
    /// ```
    /// let b = atscore::MatcherBuilder::new().stuffing_min_count(12);
    /// ```
    pub fn stuffing_min_count(mut self, count: usize) -> Self {
        self.options.stuffing_min_count = count;
        self
    }

    /// Flag built-in vague phrases and weak verbs (default true).
    ///
    /// ```
    /// let b = atscore::MatcherBuilder::new().vague_phrases(false);
    /// ```
    pub fn vague_phrases(mut self, yes: bool) -> Self {
        self.options.vague_phrases = yes;
        self
    }

    /// Most suggestions in a report, the most valuable kept (default 30).
    ///
    /// ```
    /// let b = atscore::MatcherBuilder::new().max_suggestions(10);
    /// ```
    pub fn max_suggestions(mut self, count: usize) -> Self {
        self.options.max_suggestions = count;
        self
    }

    /// Score weights (see [`ScoreWeights`]).
    ///
    /// ```
    /// let w = atscore::ScoreWeights { must_have: 60.0, bonus: 5.0, ..Default::default() };
    /// let b = atscore::MatcherBuilder::new().weights(w);
    /// ```
    pub fn weights(mut self, weights: ScoreWeights) -> Self {
        self.options.weights = weights;
        self
    }

    /// Compile a role. Validates the role and the options.
    ///
    /// ```
    /// let m = atscore::MatcherBuilder::new().build(atscore::Role::builtin("backend-developer")?)?;
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn build(&self, role: Role) -> Result<Matcher> {
        role.validate()?;
        self.build_trusted(role)
    }

    /// Compile a role known to be valid (the built-in skill lexicon, whose
    /// validity a test checks), without validating it again.
    pub(crate) fn build_trusted(&self, role: Role) -> Result<Matcher> {
        self.options.validate()?;
        Ok(Matcher {
            inner: Arc::new(compile(
                role,
                self.options.clone(),
                self.literal,
                self.known_stems,
            )),
        })
    }

    /// Match the keywords' literal forms only, as the posting reader and the
    /// role ranking need: no derivations, related words, versions glued to
    /// names or lowercase ambiguous names in lists, and words in a degree's
    /// name count (those rules read what a resume *shows* of a skill; a
    /// posting's checklist keeps the posting's words, and a degree's field
    /// tells which occupation a resume fits).
    pub(crate) fn literal(mut self) -> Self {
        self.literal = true;
        self
    }

    /// Take the stems of joined words ("serverside") from `stems` where it
    /// has them, not from the stemmer (the same stems: a test checks the
    /// built-in table against the stemmer).
    pub(crate) fn known_stems(mut self, stems: Option<&'static KnownStems>) -> Self {
        self.known_stems = stems;
        self
    }
}

/// A compiled role: immutable, cheap to clone (`Arc`), `Send + Sync`.
///
/// ```
/// let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
/// let m2 = m.clone(); // shares the compiled automaton
/// let r = std::thread::spawn(move || m2.analyze("Skills: SQL, Docker")).join().unwrap()?;
/// assert!(r.keyword("SQL").unwrap().found);
/// # Ok::<(), atscore::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Matcher {
    pub(crate) inner: Arc<Inner>,
}

/// Where a compiled keyword comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// `role.keywords[i]`
    Role(usize),
    /// `lexicon::VAGUE[i]`
    Vague(usize),
}

#[derive(Debug)]
pub(crate) struct Pattern {
    pub keyword: Source,
    pub base: MatchKind,
    /// The form as written (term, alias, acronym or alternative).
    /// (`SmolStr`: a report's hits clone it, no copy)
    pub form: smol_str::SmolStr,
    /// The alternative this pattern belongs to, if any.
    pub via: Option<smol_str::SmolStr>,
    /// Normalized tokens of the form.
    pub norms: Vec<Box<str>>,
    /// Gaps between the form's tokens.
    pub gaps: Vec<Gap>,
    /// Surface tokens of the form (for case checks).
    pub surfaces: Vec<Box<str>>,
    pub case_sensitive: bool,
    pub ambiguous: bool,
    pub short_upper: bool,
    /// Number of text tokens the pattern spans when matched by its own tokens.
    pub len: usize,
}

/// What the analysis needs of each role keyword, computed once at compile time.
#[derive(Debug)]
pub(crate) struct KeywordInfo {
    /// The term, as reports name it (cloned into each, no copy)
    pub term: smol_str::SmolStr,
    pub parsed: ParsedTerm,
    /// `(alternative, full form, acronym)` pairs an ATS may search either way.
    pub pairs: Vec<(Option<String>, String, String)>,
}

#[derive(Debug)]
pub(crate) struct Inner {
    pub role: Role,
    pub info: Vec<KeywordInfo>,
    pub options: Options,
    /// Literal forms only ([`MatcherBuilder::literal`]).
    literal: bool,
    /// Per role keyword: a field of study the role's education asks for
    /// ("degree in Computer Science"), which a degree's name does show.
    pub(crate) study_field: Vec<bool>,
    pub patterns: Vec<Pattern>,
    /// stem -> key id, for the per-document lookups
    stem_index: StemIndex,
    /// (node, key << 1 | punct_gap) -> child
    edges: FxHashMap<(u32, u32), u32>,
    /// the root's children by key (`child + 1`, 0: none), the edges every
    /// search starts with, read without hashing
    root: Vec<u32>,
    outputs: Vec<Vec<u32>>,
    /// whether a node has edges (a walk ends at one that has none)
    has_edges: Vec<bool>,
    /// key ids that are, alone, a whole unambiguous skill form
    tech_key: Vec<bool>,
    /// single-token fuzzy targets by first letter
    fuzzy: crate::hash::Map<char, Vec<FuzzyTarget>>,
    /// the ASCII first letters of `fuzzy`, one bit each
    fuzzy_ascii_firsts: u128,
    /// words worth stemming in a resume (and their stems, cached)
    pub(crate) stem_filter: StemFilter,
    /// one-word names written in two words ("My SQL", "Java Script", "Node
    /// JS"): the first word's norm -> (the second word's norm, the name's key)
    splits: FxHashMap<Box<str>, Vec<SplitRight>>,
    /// word -> the pattern it is a likely typo of, shared by all documents
    fuzzy_cache: std::sync::RwLock<crate::hash::Map<Box<str>, Option<u32>>>,
}

/// The second word of a one-word name written in two words, and the
/// name's key (see `Inner::splits`).
type SplitRight = (Box<str>, u32);

/// A single-token keyword form a likely typo can stand for.
#[derive(Debug)]
struct FuzzyTarget {
    /// Normalized form.
    norm: Box<str>,
    pid: u32,
    /// Length in chars.
    len: usize,
    /// Letters of the form (see [`letter_mask`]).
    mask: u64,
}

impl FuzzyTarget {
    /// Whether a word of `len` letters, with the letters `mask`, is within
    /// the cheap bounds of a typo of this target: the length difference and
    /// the letters only one side has are edits [`typo_distance`] would count
    /// (it refuses beyond `max`).
    fn near(&self, len: usize, mask: u64) -> bool {
        let max = if len.min(self.len) <= 8 { 1 } else { 2 };
        len.abs_diff(self.len) <= max
            && (mask & !self.mask).count_ones() as usize <= max
            && (self.mask & !mask).count_ones() as usize <= max
    }
}

/// Most targets of a first letter [`Inner::may_be_typo`] tests one by one;
/// past it, a word with that letter goes to the typo cache.
const NEAR_TEST_MAX_TARGETS: usize = 16;

/// A set of the letters of a word, one bit per `char as u32 % 64`: letters
/// in one word's set and not in another's each cost an edit, so the larger
/// count of such bits either way is a lower bound of their edit distance
/// (distinct bits are distinct letters; a transposition changes no letter).
fn letter_mask(word: &str) -> u64 {
    word.chars().fold(0, |m, c| m | 1 << (c as u32 % 64))
}

/// A raw hit: pattern and token range (token indices are 32-bit, as
/// token spans are: 16 bytes a hit, and a keyword-dense input has a hit in
/// every ten bytes or so).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RawHit {
    pub pattern: u32,
    pub first: u32,
    pub end: u32,
    pub kind: MatchKind,
    pub variant: Option<Variant>,
}

impl RawHit {
    /// Byte span of the hit's tokens in the text.
    pub(crate) fn span(&self, toks: &Tokens) -> Span {
        Span::new(
            toks.tokens[self.first as usize].span().start,
            toks.tokens[self.end as usize - 1].span().end,
        )
    }
}

/// One place a keyword of the role was found, from [`Matcher::find`].
///
/// ```
/// let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
/// let f = &m.find("Skills: k8s")?[0];
/// assert_eq!(m.role().keywords[f.keyword].term, "Kubernetes");
/// assert_eq!((f.span.start, f.span.end, f.kind), (8, 11, atscore::MatchKind::Alias));
/// # Ok::<(), atscore::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeywordMatch {
    /// Index of the keyword in [`Role::keywords`] (and in the report's `keywords`).
    pub keyword: usize,
    /// Byte span in the text.
    pub span: Span,
    /// How it matched.
    pub kind: MatchKind,
    /// For [`MatchKind::Variant`]: how it differs.
    pub variant: Option<Variant>,
}

impl Matcher {
    /// Compile a role with the default options.
    ///
    /// ```
    /// let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
    /// assert_eq!(m.role().name, "backend-developer");
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn new(role: Role) -> Result<Matcher> {
        MatcherBuilder::new().build(role)
    }

    /// A builder for options.
    ///
    /// ```
    /// let m = atscore::Matcher::builder().fuzzy(false).build(atscore::Role::builtin("backend-developer")?)?;
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn builder() -> MatcherBuilder {
        MatcherBuilder::new()
    }

    /// The compiled role.
    ///
    /// ```
    /// let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
    /// assert!(m.role().keywords.len() > 20);
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn role(&self) -> &Role {
        &self.inner.role
    }

    /// The options it was built with.
    ///
    /// ```
    /// let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
    /// assert!(m.options().fuzzy);
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn options(&self) -> &Options {
        &self.inner.options
    }

    /// The error `analyze` gives for an input of `len` bytes, if it is over
    /// the `max_input_bytes` option: check a file's size before reading it.
    ///
    /// ```
    /// let m = atscore::Matcher::builder().max_input_bytes(100).build(atscore::Role::builtin("backend-developer")?)?;
    /// assert!(m.check_input_len(100).is_ok());
    /// assert!(matches!(m.check_input_len(101), Err(atscore::Error::InputTooLarge { len: 101, limit: 100 })));
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn check_input_len(&self, len: usize) -> Result<()> {
        let limit = self.inner.options.max_input_bytes;
        if len > limit {
            return Err(Error::InputTooLarge { len, limit });
        }
        Ok(())
    }

    /// Where the role's keywords are in `text`, in text order, without
    /// the checks and the report of [`Matcher::analyze`]: for highlighting
    /// as someone types, or for counting keywords over many documents. The
    /// spans and kinds are those of the report's hits (typos included, see
    /// [`MatchKind::counts`]).
    ///
    /// ```
    /// let m = atscore::Matcher::new(atscore::Role::builtin("backend-developer")?)?;
    /// let found = m.find("Built REST APIs on AWS; Skills: Postgres")?;
    /// let terms: Vec<&str> = found.iter().map(|f| m.role().keywords[f.keyword].term.as_str()).collect();
    /// assert!(terms.contains(&"PostgreSQL"));
    /// assert_eq!(&"Built REST APIs on AWS; Skills: Postgres"[found[0].span.range()], "REST APIs");
    /// let report = m.analyze("Built REST APIs on AWS; Skills: Postgres")?;
    /// assert_eq!(found.len(), report.keywords.iter().map(|k| k.hits.len()).sum::<usize>());
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn find(&self, text: &str) -> Result<Vec<KeywordMatch>> {
        self.check_input_len(text.len())?;
        // no Document: the search reads the lines' kinds and sections at
        // its ambiguous words only
        let toks = tokenize_filtered(text, &self.inner.stem_filter);
        let scan = Scan {
            text,
            toks: &toks,
            lines: Lines::OnDemand(std::cell::RefCell::new(LineScan::new(text, &toks))),
        };
        Ok(self
            .inner
            .find_in(&scan)
            .iter()
            .filter_map(|h| match self.inner.patterns[h.pattern as usize].keyword {
                Source::Role(keyword) => Some(KeywordMatch {
                    keyword,
                    span: h.span(&toks),
                    kind: h.kind,
                    variant: h.variant,
                }),
                Source::Vague(_) => None,
            })
            .collect())
    }
}

// ---------------------------------------------------------------------------
// Compilation
// ---------------------------------------------------------------------------

struct Compiler {
    stemmer: rust_stemmers::Stemmer,
    inner: Inner,
    /// the key sequences the current source has inserted (a source's forms
    /// are added one after another: the set is emptied at the next one)
    seen: Seen,
    /// the source of `seen`
    seen_source: Option<u32>,
    /// joined words ("serverside") and the key ids of their stems: the same
    /// pair of words comes in many forms of a large role or lexicon
    joined_keys: FxHashMap<String, u32>,
    /// stems of joined words known before compiling
    known_stems: Option<&'static KnownStems>,
    /// room for a joined variant's word, keys and gaps (reused)
    scratch: (String, Vec<u32>, Vec<Gap>),
    /// the tokenizer's buffers, reused from one form to the next
    room: TokenRoom,
    /// stem -> key id (the matcher keeps it as its `stem_index`)
    vocab: crate::hash::Map<Box<str>, u32>,
}

fn source_id(s: Source) -> u32 {
    match s {
        Source::Role(i) => i as u32,
        // one namespace for all vague phrases: two spellings with the same
        // stems ("results-oriented", "result oriented") are one pattern
        Source::Vague(_) => u32::MAX,
    }
}

fn compile(
    role: Role,
    options: Options,
    literal: bool,
    known_stems: Option<&'static KnownStems>,
) -> Inner {
    let fields: Vec<String> = role
        .requirements
        .education
        .iter()
        .flat_map(|e| e.fields.iter().map(|f| normalize(f)))
        .collect();
    let study_field = role
        .keywords
        .iter()
        .map(|k| fields.contains(&normalize(&k.parsed().name)))
        .collect();
    let mut c = Compiler {
        stemmer: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
        inner: Inner {
            info: role
                .keywords
                .iter()
                .map(|k| {
                    let parsed = k.parsed();
                    let pairs = crate::roles::acronym_pairs(k, &parsed);
                    KeywordInfo {
                        term: k.term.as_str().into(),
                        parsed,
                        pairs,
                    }
                })
                .collect(),
            role,
            options,
            literal,
            study_field,
            patterns: Vec::new(),
            stem_index: StemIndex::default(),
            edges: FxHashMap::default(),
            root: Vec::new(),
            outputs: vec![Vec::new()],
            has_edges: Vec::new(),
            tech_key: Vec::new(),
            fuzzy: Default::default(),
            fuzzy_ascii_firsts: 0,
            stem_filter: StemFilter::default(),
            splits: FxHashMap::default(),
            fuzzy_cache: Default::default(),
        },
        seen: Seen::default(),
        seen_source: None,
        joined_keys: FxHashMap::default(),
        known_stems,
        scratch: Default::default(),
        room: TokenRoom::default(),
        vocab: Default::default(),
    };
    // (the lexicon makes a few trie edges per keyword: room for them up
    // front, not grown one doubling at a time)
    c.inner.edges.reserve(c.inner.role.keywords.len() * 3);
    // (the role and its parsed terms are lent out while its keywords are
    // added: no copy, no second parse)
    let role = std::mem::take(&mut c.inner.role);
    let info = std::mem::take(&mut c.inner.info);
    for (i, (k, info)) in role.keywords.iter().zip(&info).enumerate() {
        c.add_keyword(Source::Role(i), k, &info.parsed);
    }
    c.inner.role = role;
    c.inner.info = info;
    if c.inner.options.vague_phrases {
        for (i, v) in VAGUE.iter().enumerate() {
            // a role's own overused terms take precedence over the built-in list
            c.add_form(
                Source::Vague(i),
                MatchKind::Exact,
                v.phrase,
                None,
                false,
                Some(false),
            );
        }
    }
    c.inner.stem_index = StemIndex::new(c.vocab.iter().map(|(s, &k)| (&**s, k)));
    c.inner.splits = name_splits(&c.inner);
    c.inner.has_edges = vec![false; c.inner.outputs.len()];
    for (&(node, edge), &child) in &c.inner.edges {
        c.inner.has_edges[node as usize] = true;
        // (a search starts at the root with no punctuation before it)
        if node == 0 && edge & 1 == 0 {
            let key = (edge >> 1) as usize;
            if c.inner.root.len() <= key {
                c.inner.root.resize(key + 1, 0);
            }
            c.inner.root[key] = child + 1;
        }
    }
    c.inner.fuzzy_ascii_firsts = c
        .inner
        .fuzzy
        .keys()
        .filter(|c| c.is_ascii())
        .fold(0, |m, &c| m | 1 << (c as u32));
    c.inner
}

/// Where a one-word name may be split in two words: at a lowercase letter
/// followed by a capital ("MySQL" -> "My SQL", "JavaScript" -> "Java
/// Script", "MongoDB" -> "Mongo DB") or at a dot ("Node.js" -> "Node JS"),
/// each part two letters or more. Only names written with such a boundary:
/// "database" is not split into "data base" (that is a word, not a name).
fn name_splits(inner: &Inner) -> FxHashMap<Box<str>, Vec<(Box<str>, u32)>> {
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let mut out: FxHashMap<Box<str>, Vec<(Box<str>, u32)>> = FxHashMap::default();
    for p in inner.patterns.iter().filter(|p| p.len == 1) {
        let surface: &str = &p.surfaces[0];
        let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).count() >= 2;
        let cuts: Vec<(&str, &str)> = surface
            .char_indices()
            .zip(surface.char_indices().skip(1))
            .filter_map(|((_, a), (at, b))| {
                if a.is_lowercase() && b.is_uppercase() {
                    Some((&surface[..at], &surface[at..]))
                } else if b == '.' && a.is_alphanumeric() {
                    Some((&surface[..at], &surface[at + 1..]))
                } else {
                    None
                }
            })
            .filter(|(l, r)| letters(l) && letters(r) && r.chars().all(char::is_alphanumeric))
            .collect();
        // most forms have no such boundary: stem only those that do
        if cuts.is_empty() {
            continue;
        }
        let Some(key) = inner
            .stem_index
            .get(&inner.stem_filter.stem_word(&stemmer, &p.norms[0]))
        else {
            continue;
        };
        for (left, right) in cuts {
            let (left, right) = (crate::text::normalize(left), crate::text::normalize(right));
            let entry = out.entry(left.into()).or_default();
            if !entry.iter().any(|(r, _)| **r == *right) {
                entry.push((right.into(), key));
            }
        }
    }
    out
}

/// The vocabulary (stem -> key id) for lookups by the many words of a
/// resume, most of them in no keyword: open addressing on the stem's bytes
/// read as at most two words (the first and the last eight bytes) and its
/// length, so a word in no slot costs two loads and a hash of two words,
/// not a hash of the whole word and a string comparison.
///
/// Stems come from the role, which is input too: the slots are chosen by
/// the keyed hasher (see [`crate::hash`]), and a stem past 16 bytes carries
/// a keyed hash of all its bytes, so no role can be crafted to pile its
/// stems into one run of slots.
#[derive(Debug, Default)]
struct StemIndex {
    /// `(key, id + 1)` (`id + 1 == 0`: empty), a power of two of them
    slots: Vec<(StemKey, u32)>,
    /// the stem of each id
    stems: Vec<Option<Box<str>>>,
    state: crate::hash::State,
}

/// A stem as [`StemIndex`] compares it: its first eight bytes (zero-padded),
/// its last eight (when longer than eight; a keyed hash of all of them when
/// longer than 16) and its length. Up to 16 bytes, equal keys are equal
/// stems.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Hash)]
struct StemKey {
    head: u64,
    tail: u64,
    len: u32,
}

impl StemIndex {
    fn new<'s>(vocab: impl Iterator<Item = (&'s str, u32)>) -> StemIndex {
        let mut stems: Vec<Option<Box<str>>> = Vec::new();
        for (s, id) in vocab {
            let id = id as usize;
            if stems.len() <= id {
                stems.resize(id + 1, None);
            }
            stems[id] = Some(s.into());
        }
        // at most a quarter full: a missing word meets an empty slot at
        // once, most of the time
        let n = (stems.len() * 4).next_power_of_two().max(16);
        let mut index = StemIndex {
            slots: vec![(StemKey::default(), 0); n],
            stems: Vec::new(),
            state: crate::hash::State::default(),
        };
        for (id, s) in stems.iter().enumerate() {
            let Some(s) = s else { continue };
            let key = index.key(s);
            let mut i = index.slot(&key);
            while index.slots[i].1 != 0 {
                i = (i + 1) & (n - 1);
            }
            index.slots[i] = (key, id as u32 + 1);
        }
        index.stems = stems;
        index
    }

    fn key(&self, s: &str) -> StemKey {
        let b = s.as_bytes();
        let n = b.len();
        // a shorter stem: two loads that overlap (their common bytes are
        // the same bytes), no copy
        let head = match n {
            8.. => crate::text::bytes::word_at(b, 0),
            4..=7 => {
                let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
                let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]);
                u64::from(lo) | u64::from(hi) << (8 * (n - 4))
            }
            2..=3 => {
                let lo = u16::from_le_bytes([b[0], b[1]]);
                let hi = u16::from_le_bytes([b[n - 2], b[n - 1]]);
                u64::from(lo) | u64::from(hi) << (8 * (n - 2))
            }
            1 => u64::from(b[0]),
            _ => 0,
        };
        let tail = match n {
            0..=8 => 0,
            9..=16 => crate::text::bytes::word_at(b, n - 8),
            _ => self.state.hash_one(b),
        };
        // (a length past u32 is no stem: it finds no slot either way)
        StemKey {
            head,
            tail,
            len: u32::try_from(n).unwrap_or(u32::MAX),
        }
    }

    fn slot(&self, key: &StemKey) -> usize {
        self.state.hash_one(key) as usize & (self.slots.len() - 1)
    }

    /// The key id of `stem`, if it is in the vocabulary.
    fn get(&self, stem: &str) -> Option<u32> {
        let n = self.slots.len();
        if n == 0 {
            return None;
        }
        let key = self.key(stem);
        let mut i = self.slot(&key);
        loop {
            let (k, id) = self.slots[i];
            if id == 0 {
                return None;
            }
            if k == key && (key.len <= 16 || self.stems[id as usize - 1].as_deref() == Some(stem)) {
                return Some(id - 1);
            }
            i = (i + 1) & (n - 1);
        }
    }
}

impl Compiler {
    /// Add keyword `k`, whose parsed term is `p`.
    fn add_keyword(&mut self, src: Source, k: &Keyword, p: &ParsedTerm) {
        let cs = k.case_sensitive;
        let amb = k.ambiguous;
        self.add_form(src, MatchKind::Exact, &p.name, None, cs, amb);
        if let Some(pair) = &p.pair {
            self.add_form(src, MatchKind::Acronym, pair, None, cs, amb);
        }
        for a in &k.aliases {
            self.add_form(src, MatchKind::Alias, a, None, cs, amb);
        }
        if k.lexicon {
            self.add_lexicon(src, &p.name, None, p.pair.is_some());
        }
        for alt in &p.any_of {
            self.add_form(src, MatchKind::Exact, alt, Some(alt), cs, amb);
            if k.lexicon {
                self.add_lexicon(src, alt, Some(alt), false);
            }
        }
    }

    /// Add the lexicon's other names for `term`.
    fn add_lexicon(&mut self, src: Source, term: &str, via: Option<&str>, has_pair: bool) {
        let Some(sk) = lexicon::skill(term) else {
            return;
        };
        let n = normalize(term);
        let is = |f: &str| normalize(f) == n;
        if !is(sk.name) {
            let kind = if sk.acronym.is_some_and(is) {
                MatchKind::Acronym
            } else {
                MatchKind::Alias
            };
            self.add_form(src, kind, sk.name, via, false, None);
        }
        if let Some(a) = sk.acronym {
            if !is(a) && !has_pair {
                self.add_form(src, MatchKind::Acronym, a, via, false, None);
            }
        }
        for a in sk.aliases.iter().chain(sk.evidence) {
            if !is(a) {
                self.add_form(src, MatchKind::Alias, a, via, false, None);
            }
        }
        let related: &[&str] = if self.inner.literal { &[] } else { sk.related };
        for a in related {
            self.add_form(src, MatchKind::Related, a, via, false, None);
        }
    }

    fn key(&mut self, stem: &str) -> u32 {
        if let Some(&k) = self.vocab.get(stem) {
            return k;
        }
        let k = self.vocab.len() as u32;
        self.vocab.insert(stem.into(), k);
        self.inner.tech_key.push(false);
        k
    }

    /// The key id of the stem of the joined word `joined` (its word and
    /// stem go in the stem filter the first time).
    fn joined_key(&mut self, joined: &str) -> u32 {
        if let Some(&k) = self.joined_keys.get(joined) {
            return k;
        }
        // (most known stems are the word cut short: no copy)
        let known = self
            .known_stems
            .and_then(|k| k.get(joined))
            .and_then(|&(cut, add)| {
                let head = joined.get(..joined.len().checked_sub(cut)?)?;
                Some(match add {
                    "" => Cow::Borrowed(head),
                    _ => Cow::Owned([head, add].concat()),
                })
            });
        let stem = known
            .unwrap_or_else(|| Cow::Owned(stem_of(&self.stemmer, joined, TokenKind::Word).into()));
        self.inner.stem_filter.add(joined);
        self.inner.stem_filter.add(&stem);
        let k = self.key(&stem);
        self.joined_keys.insert(joined.to_string(), k);
        k
    }

    fn add_form(
        &mut self,
        src: Source,
        base: MatchKind,
        form: &str,
        via: Option<&str>,
        case_sensitive: bool,
        ambiguous: Option<bool>,
    ) {
        let trimmed = form.trim();
        let mut room = std::mem::take(&mut self.room);
        let toks = tokenize_in(trimmed, &mut room);
        self.add_tokens(src, base, trimmed, &toks, via, case_sensitive, ambiguous);
        room.recycle(toks);
        self.room = room;
    }

    /// [`Compiler::add_form`] of the form `trimmed`, tokenized `toks`.
    #[allow(clippy::too_many_arguments)]
    fn add_tokens(
        &mut self,
        src: Source,
        base: MatchKind,
        trimmed: &str,
        toks: &Tokens,
        via: Option<&str>,
        case_sensitive: bool,
        ambiguous: Option<bool>,
    ) {
        if toks.tokens.is_empty() {
            return;
        }
        let norms: Vec<&str> = toks.tokens.iter().map(|t| toks.norm(t)).collect();
        let gaps: Vec<Gap> = toks.tokens.iter().map(|t| t.gap).collect();
        let single = toks.tokens.len() == 1;
        let ambiguous = single
            && ambiguous.unwrap_or_else(|| lexicon::is_ambiguous(norms[0]))
            && !case_sensitive;
        for (t, n) in toks.tokens.iter().zip(&norms) {
            self.inner.stem_filter.add(n);
            self.inner.stem_filter.add(toks.stem(t));
        }
        let pid = self.inner.patterns.len() as u32;
        let mut added = false;
        // the form itself
        let keys: Vec<u32> = toks.tokens.iter().map(|t| self.key(toks.stem(t))).collect();
        added |= self.insert(pid, src, &keys, &gaps, &norms);
        // joined variants: "server side" / "server-side" -> "serverside"
        // (the word, keys and gaps of each in buffers made once per form)
        let (mut joined, mut k2, mut g2) = std::mem::take(&mut self.scratch);
        for i in 1..toks.tokens.len() {
            if joins(&toks.tokens[i - 1], &toks.tokens[i]) {
                joined.clear();
                joined.push_str(norms[i - 1]);
                joined.push_str(norms[i]);
                let key = self.joined_key(&joined);
                k2.clear();
                k2.extend_from_slice(&keys[..i - 1]);
                k2.push(key);
                k2.extend_from_slice(&keys[i + 1..]);
                g2.clear();
                g2.extend_from_slice(&gaps[..i]);
                g2.extend_from_slice(&gaps[i + 1..]);
                added |= self.insert(pid, src, &k2, &g2, &norms);
            }
        }
        self.scratch = (joined, k2, g2);
        // (the pattern's own copies only for a pattern kept)
        if !added {
            return;
        }
        let surfaces: Vec<Box<str>> = toks
            .tokens
            .iter()
            .map(|t| trimmed[t.span().range()].into())
            .collect();
        let first = &surfaces[0];
        let short_upper = single
            && first.chars().count() <= 2
            && first.chars().all(|c| c.is_ascii_uppercase())
            && !ambiguous;
        if single && !ambiguous && matches!(src, Source::Role(_)) {
            self.inner.tech_key[keys[0] as usize] = true;
            let n = norms[0];
            if n.chars().all(char::is_alphabetic) && n.chars().count() >= 5 {
                if let Some(c) = n.chars().next() {
                    self.inner.fuzzy.entry(c).or_default().push(FuzzyTarget {
                        norm: n.into(),
                        pid,
                        len: n.chars().count(),
                        mask: letter_mask(n),
                    });
                }
            }
        }
        self.inner.patterns.push(Pattern {
            keyword: src,
            base,
            form: trimmed.into(),
            via: via.map(Into::into),
            norms: norms.iter().map(|&n| n.into()).collect(),
            gaps,
            surfaces,
            case_sensitive,
            ambiguous,
            short_upper,
            len: toks.tokens.len(),
        });
    }

    /// Insert a key sequence; false if this keyword already has it.
    fn insert(
        &mut self,
        pid: u32,
        src: Source,
        keys: &[u32],
        gaps: &[Gap],
        norms: &[&str],
    ) -> bool {
        // Forms with the same stems are one pattern, unless they are spelled
        // differently in a role (the alias "RESTful" must survive beside the
        // ambiguous term "REST": the same stem, other checks).
        let words = if matches!(src, Source::Role(_)) {
            norms
        } else {
            &[]
        };
        let source = source_id(src);
        if self.seen_source != Some(source) {
            self.seen.clear();
            self.seen_source = Some(source);
        }
        if !self.seen.insert(keys, words) {
            return false;
        }
        let mut node = 0u32;
        for (i, &k) in keys.iter().enumerate() {
            let punct = u32::from(i > 0 && !gaps[i].joins_phrase());
            let edge = (node, k << 1 | punct);
            node = match self.inner.edges.get(&edge) {
                Some(&n) => n,
                None => {
                    let n = self.inner.outputs.len() as u32;
                    self.inner.outputs.push(Vec::new());
                    self.inner.edges.insert(edge, n);
                    n
                }
            };
        }
        self.inner.outputs[node as usize].push(pid);
        true
    }
}

/// Whether a form's tokens `a` and `b` (next to each other) are also
/// matched written as one word ("server side", "server-side" ->
/// "serverside").
pub(crate) fn joins(a: &crate::text::Token, b: &crate::text::Token) -> bool {
    a.kind == TokenKind::Word
        && b.kind == TokenKind::Word
        && matches!(b.gap, Gap::Space | Gap::Hyphen)
}

/// Entries a [`Seen`] compares one by one before it finds them by hash.
const SEEN_SCAN: usize = 16;

/// The key sequences one source has inserted, each with the words of its
/// form (empty where they do not count), in flat buffers: a source has a
/// few, compared one by one (no hashing, no allocation per form); past
/// [`SEEN_SCAN`] of them (a role keyword with many aliases), also found by
/// a keyed hash of their contents.
#[derive(Default)]
struct Seen {
    /// where each entry's keys, word lengths and word bytes end in the
    /// buffers (each starts where the previous one ends)
    ends: Vec<(u32, u32, u32)>,
    keys: Vec<u32>,
    lens: Vec<u32>,
    bytes: String,
    /// hash -> the first entry with it (once there are [`SEEN_SCAN`])
    by_hash: crate::hash::Map<u64, u32>,
    state: crate::hash::State,
}

impl Seen {
    fn clear(&mut self) {
        self.ends.clear();
        self.keys.clear();
        self.lens.clear();
        self.bytes.clear();
        self.by_hash.clear();
    }

    /// Entry `i`: its keys, word lengths and word bytes.
    fn entry(&self, i: usize) -> (&[u32], &[u32], &str) {
        let (k0, l0, b0) = match i {
            0 => (0, 0, 0),
            _ => self.ends[i - 1],
        };
        let (k1, l1, b1) = self.ends[i];
        (
            &self.keys[k0 as usize..k1 as usize],
            &self.lens[l0 as usize..l1 as usize],
            &self.bytes[b0 as usize..b1 as usize],
        )
    }

    /// Whether entry `i` is `keys` and `words`.
    #[inline]
    fn is(&self, i: usize, keys: &[u32], words: &[&str]) -> bool {
        // (most entries differ in their last key: it is read first)
        let k1 = self.ends[i].0 as usize;
        if keys
            .last()
            .is_some_and(|l| self.keys[..k1].last() != Some(l))
        {
            return false;
        }
        let (k, lens, mut bytes) = self.entry(i);
        if k != keys || lens.len() != words.len() {
            return false;
        }
        lens.iter().zip(words).all(|(&n, w)| {
            let (a, rest) = bytes.split_at(n as usize);
            bytes = rest;
            a == *w
        })
    }

    fn hash<'w>(&self, keys: &[u32], words: impl Iterator<Item = &'w str>) -> u64 {
        use std::hash::Hasher;
        let mut h = self.state.build_hasher();
        for &k in keys {
            h.write_u32(k);
        }
        for w in words {
            h.write_usize(w.len());
            h.write(w.as_bytes());
        }
        h.finish()
    }

    /// The hash of entry `i`, as [`Seen::hash`] makes it of its parts.
    fn entry_hash(&self, i: usize) -> u64 {
        let (keys, lens, mut bytes) = self.entry(i);
        let words = lens.iter().map(|&n| {
            let (a, rest) = bytes.split_at(n as usize);
            bytes = rest;
            a
        });
        self.hash(keys, words)
    }

    /// Note `keys` with `words` unless they are there; whether they were
    /// not.
    fn insert(&mut self, keys: &[u32], words: &[&str]) -> bool {
        let n = self.ends.len();
        if n < SEEN_SCAN {
            if (0..n).any(|i| self.is(i, keys, words)) {
                return false;
            }
        } else {
            if n == SEEN_SCAN {
                for i in 0..n {
                    let h = self.entry_hash(i);
                    self.by_hash.entry(h).or_insert(i as u32);
                }
            }
            let h = self.hash(keys, words.iter().copied());
            match self.by_hash.get(&h) {
                Some(&i) if self.is(i as usize, keys, words) => return false,
                // (two contents with one keyed hash: compared one by one)
                Some(_) if (0..n).any(|i| self.is(i, keys, words)) => return false,
                Some(_) => {}
                None => {
                    self.by_hash.insert(h, n as u32);
                }
            }
        }
        self.keys.extend_from_slice(keys);
        for w in words {
            self.lens.push(w.len() as u32);
            self.bytes.push_str(w);
        }
        self.ends.push((
            self.keys.len() as u32,
            self.lens.len() as u32,
            self.bytes.len() as u32,
        ));
        true
    }
}

// ---------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------

/// What [`Inner::find_in`] reads of a text: its tokens and, at ambiguous
/// words, the kind and section of their lines.
pub(crate) struct Scan<'d> {
    text: &'d str,
    toks: &'d Tokens,
    lines: Lines<'d>,
}

/// The lines of a [`Scan`]: a parsed document's, or found when asked for.
enum Lines<'d> {
    Parsed(&'d [Line]),
    OnDemand(std::cell::RefCell<LineScan<'d>>),
}

impl Scan<'_> {
    /// Whether line `i` is a list of terms or in the skills section.
    fn skills_line(&self, i: usize) -> bool {
        let (kind, section) = match &self.lines {
            Lines::Parsed(lines) => (lines[i].kind, lines[i].section),
            Lines::OnDemand(scan) => scan.borrow_mut().line(i),
        };
        kind == LineKind::TermList || section == lexicon::Section::Skills
    }
}

/// Per-document key lookup: the vocabulary id of each distinct token form.
struct Keys {
    by_norm: Vec<Option<u32>>,
    /// key of two hyphen-joined tokens starting here (sparse)
    joined: FxHashMap<usize, u32>,
    /// a bit for each token that starts one of `joined` (empty when none
    /// does): the map is read only at them
    joined_at: Vec<u64>,
}

impl Keys {
    /// Note the key `k` of the two tokens starting at token `i` of `n`.
    fn join(&mut self, i: usize, k: u32, n: usize) {
        if self.joined_at.is_empty() {
            self.joined_at = vec![0; n.div_ceil(64)];
        }
        self.joined_at[i / 64] |= 1 << (i % 64);
        self.joined.insert(i, k);
    }

    /// The key of the two tokens starting at token `i`, if they are joined.
    #[inline]
    fn joined(&self, i: usize) -> Option<u32> {
        if self
            .joined_at
            .get(i / 64)
            .is_none_or(|w| w >> (i % 64) & 1 == 0)
        {
            return None;
        }
        self.joined.get(&i).copied()
    }
}

impl Inner {
    fn keys(&self, toks: &Tokens) -> Keys {
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        let by_norm: Vec<Option<u32>> = toks
            .stems
            .iter()
            .enumerate()
            .map(|(id, s)| {
                self.stem_index.get(s).or_else(|| {
                    // a name with its version glued on: the name's key
                    if self.literal {
                        return None;
                    }
                    let base = strip_version(toks.norms.get(id)?)?;
                    let key = self.stem_index.get(base);
                    key.or_else(|| {
                        self.stem_index
                            .get(&self.stem_filter.stem_word(&stemmer, base))
                    })
                })
            })
            .collect();
        let mut keys = Keys {
            by_norm,
            joined: FxHashMap::default(),
            joined_at: Vec::new(),
        };
        let n = toks.tokens.len();
        let mut cache: FxHashMap<(u32, u32), Option<u32>> = FxHashMap::default();
        // the names a form starts when written in two words, looked up once
        // per distinct form (not at every pair of words)
        let mut rights_of: Vec<Option<Option<&[SplitRight]>>> = vec![
            None;
            if self.splits.is_empty() {
                0
            } else {
                toks.norms.len()
            }
        ];
        for i in 1..toks.tokens.len() {
            let (a, b) = (&toks.tokens[i - 1], &toks.tokens[i]);
            if b.gap == Gap::Hyphen && a.kind == TokenKind::Word && b.kind == TokenKind::Word {
                let key = *cache.entry((a.norm, b.norm)).or_insert_with(|| {
                    let joined = format!("{}{}", toks.norm(a), toks.norm(b));
                    let stem = self.stem_filter.stem_word(&stemmer, &joined);
                    self.stem_index.get(&stem)
                });
                if let Some(k) = key {
                    keys.join(i - 1, k, n);
                }
            } else if b.gap == Gap::Space
                && !self.splits.is_empty()
                && a.kind == TokenKind::Word
                && b.kind == TokenKind::Word
                && let Some(rights) = *rights_of[a.norm as usize]
                    .get_or_insert_with(|| self.splits.get(toks.norm(a)).map(Vec::as_slice))
                && let Some(&(_, k)) = rights.iter().find(|(r, _)| **r == *toks.norm(b))
            {
                keys.join(i - 1, k, n);
            }
        }
        keys
    }

    /// All keyword hits in a document, leftmost-longest, in text order.
    pub(crate) fn find(&self, doc: &Document<'_>) -> Vec<RawHit> {
        self.find_in(&Scan {
            text: doc.text,
            toks: &doc.tokens,
            lines: Lines::Parsed(&doc.lines),
        })
    }

    /// [`Inner::find`] in a [`Scan`].
    fn find_in(&self, doc: &Scan<'_>) -> Vec<RawHit> {
        let toks = doc.toks;
        let keys = self.keys(toks);
        let n = toks.tokens.len();
        let mut hits = Vec::new();
        let mut cands: Vec<(usize, u32)> = Vec::new();
        let (mut surfaces, mut norms) = (Vec::new(), Vec::new());
        let mut at_start = sense::AtStart::default();
        let mut covered = vec![false; if self.options.fuzzy { n } else { 0 }];
        let mut i = 0;
        while i < n {
            let has_key =
                keys.by_norm[toks.tokens[i].norm as usize].is_some() || keys.joined(i).is_some();
            if !has_key {
                i += 1;
                continue;
            }
            cands.clear();
            self.walk(toks, &keys, 0, i, true, &mut cands);
            // longest verified end wins; every pattern ending there is a hit
            crate::sort::sort_by_key(&mut cands, |c| std::cmp::Reverse(c.0));
            let mut best_end = None;
            for &(end, pid) in &cands {
                if best_end.is_some_and(|e| e != end) {
                    break;
                }
                if let Some((kind, variant)) =
                    self.verify(doc, pid, i, end, (&mut surfaces, &mut norms), &mut at_start)
                {
                    best_end = Some(end);
                    if !hits
                        .iter()
                        .rev()
                        .take_while(|h: &&RawHit| h.first as usize == i)
                        .any(|h| {
                            self.patterns[h.pattern as usize].keyword
                                == self.patterns[pid as usize].keyword
                        })
                    {
                        hits.push(RawHit {
                            pattern: pid,
                            first: i as u32,
                            end: end as u32,
                            kind,
                            variant,
                        });
                    }
                }
            }
            match best_end {
                Some(end) => {
                    if self.options.fuzzy {
                        covered[i..end].iter_mut().for_each(|c| *c = true);
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
        if self.options.fuzzy {
            self.fuzzy_hits(toks, &covered, &mut hits);
            crate::sort::sort_by_key(&mut hits, |h| (h.first, h.pattern));
        }
        hits
    }

    fn walk(
        &self,
        toks: &Tokens,
        keys: &Keys,
        node: u32,
        pos: usize,
        first: bool,
        out: &mut Vec<(usize, u32)>,
    ) {
        if pos >= toks.tokens.len() {
            return;
        }
        let t = &toks.tokens[pos];
        let punct = u32::from(!first && !t.gap.joins_phrase());
        if !first && t.gap == Gap::Start {
            return;
        }
        let step = |key: u32, adv: usize, out: &mut Vec<(usize, u32)>| {
            let child = if first {
                // (`punct` is 0 at the root)
                self.root.get(key as usize).and_then(|&c| c.checked_sub(1))
            } else {
                self.edges.get(&(node, key << 1 | punct)).copied()
            };
            if let Some(child) = child {
                for &p in &self.outputs[child as usize] {
                    out.push((pos + adv, p));
                }
                // (a node without edges goes no further)
                if self.has_edges[child as usize] {
                    self.walk(toks, keys, child, pos + adv, false, out);
                }
            }
        };
        if let Some(k) = keys.by_norm[t.norm as usize] {
            step(k, 1, out);
        }
        if let Some(k) = keys.joined(pos) {
            step(k, 2, out);
        }
    }

    /// Check case, short-word and ambiguity rules; classify the match.
    ///
    /// `surfaces` and `norms` are room for the hit's tokens, reused from
    /// one call to the next (no allocation per candidate).
    fn verify<'d>(
        &self,
        doc: &Scan<'d>,
        pid: u32,
        first: usize,
        end: usize,
        (surfaces, norms): (&mut Vec<&'d str>, &mut Vec<&'d str>),
        at_start: &mut sense::AtStart,
    ) -> Option<(MatchKind, Option<Variant>)> {
        let p = &self.patterns[pid as usize];
        let toks = doc.toks;
        let text = doc.text;
        surfaces.clear();
        surfaces.extend((first..end).map(|i| &text[toks.tokens[i].span().range()]));
        norms.clear();
        norms.extend((first..end).map(|i| toks.norm(&toks.tokens[i])));
        let same_tokens = surfaces.len() == p.len;
        let glued = same_tokens && !self.literal && strip_glued_versions(p, surfaces, norms);
        if same_tokens && !self.words_fit(p, norms) {
            return None;
        }
        let strict_case = p.case_sensitive || p.ambiguous || p.short_upper;
        if strict_case && (!same_tokens || !self.case_fits(doc, p, first, end, surfaces)) {
            return None;
        }
        if p.ambiguous
            && ((!self.literal && in_initials(text, &toks.tokens[first..end]))
                || !self.clear_mention(doc, first))
        {
            return None;
        }
        if self.in_other_sense(doc, p, first, end, (surfaces, norms), at_start) {
            return None;
        }
        self.classify(doc, p, first, end, norms, !same_tokens || glued)
    }

    /// Whether the hit's words, as many as the form's, are the form's words
    /// in a way the form allows: a short word itself or its plural, a
    /// longer one an inflection (or, on resume reads, a derivation), a
    /// name's plural.
    fn words_fit(&self, p: &Pattern, norms: &[&str]) -> bool {
        for (n, pn) in norms.iter().zip(&p.norms) {
            if n == &pn.as_ref() {
                continue;
            }
            // a short word must be the word itself or its plural ("Go" is
            // not "going"); a longer one an inflection, not a derivation
            // sharing its stem ("python" is not "pythonizer"); an -ing
            // discipline is not its plain noun ("positions" is no
            // positioning, "accounts" no accounting), though a posting's
            // "logistic processes" are its logistics
            if pn.chars().count() <= 3 {
                if !is_plural_of(n, pn) {
                    return false;
                }
            } else if (!is_inflection(n, pn) && (self.literal || !is_derivation(n, pn)))
                || (p.len == 1
                    && discipline_vs_noun(n, pn)
                    && (!self.literal || pn.ends_with("ing")))
            {
                return false;
            }
        }
        // a name (one capitalized word: Kubernetes, Docker, Access) has
        // plurals, not inflections: "Kubernets" is a typo, "accessed" a
        // word; but a skill written capitalized ("Communication",
        // "Leadership") is an English activity noun with its family
        !(p.len == 1
            && p.surfaces[0].chars().any(char::is_uppercase)
            && norms[0] != p.norms[0].as_ref()
            && !is_plural_of(norms[0], &p.norms[0])
            && !is_plural_of(&p.norms[0], norms[0])
            && (self.literal || !(is_activity_noun(&p.norms[0]) && is_english_word(&p.norms[0]))))
    }

    /// Whether a form whose case counts (case-sensitive, ambiguous, a short
    /// capitalized name) is written in a case it allows.
    fn case_fits(
        &self,
        doc: &Scan<'_>,
        p: &Pattern,
        first: usize,
        end: usize,
        surfaces: &[&str],
    ) -> bool {
        let toks = doc.toks;
        // "Tools: jira, excel, git": in a list of terms, an ambiguous
        // name may be written in lowercase; a one-letter one between
        // commas only ("oops,c,C++", not "c) www..." nor "S.S.C")
        let listed = p.ambiguous
            && !self.literal
            && !p.case_sensitive
            && (((surfaces.iter().all(|s| s.len() >= 2) || between_commas(doc, first, end))
                && self.next_to_skill(doc, first, end)
                && doc.skills_line(toks.tokens[first].line as usize))
                || named_in_lowercase(doc, first, end));
        surfaces.iter().zip(&p.surfaces).all(|(s, ps)| {
            // A form written in lowercase ("react", "go" in a generated
            // role) asks for the name's capital: "React", "Go", "R".
            if listed && s.chars().all(|c| !c.is_uppercase()) {
                s.to_lowercase() == ps.to_lowercase()
            } else if p.case_sensitive || ps.chars().any(char::is_uppercase) {
                // an acronym's plural: "IEPs", "KPIs" for IEP, KPI
                s == &ps.as_ref() || (upper_acronym(ps) && s.strip_suffix('s') == Some(ps.as_ref()))
            } else {
                s.chars().next().is_some_and(char::is_uppercase) && s.to_lowercase() == ps.as_ref()
            }
        })
    }

    /// Whether the words are there but the skill is not: a degree's or a
    /// school's name (unless the keyword is the field of study the role
    /// asks a degree in), a soft-skill word in a technical sense, a
    /// discipline naming what software does, someone else's skill.
    ///
    /// `at_start` keeps the answers that depend on the hit's start only,
    /// for the other candidates there.
    fn in_other_sense<'d>(
        &self,
        doc: &Scan<'d>,
        p: &Pattern,
        first: usize,
        end: usize,
        (surfaces, norms): (&[&str], &[&str]),
        at_start: &mut sense::AtStart,
    ) -> bool {
        let (toks, text) = (doc.toks, doc.text);
        let (start, stop) = (
            toks.tokens[first].span().start,
            toks.tokens[end - 1].span().end,
        );
        let study_field = matches!(p.keyword, Source::Role(k) if self.study_field[k]);
        let hit = sense::HitTokens {
            text,
            toks,
            first,
            end,
        };
        if (!self.literal && !study_field && at_start.in_degree_or_school(hit))
            || (first..end).any(|i| {
                let t = &toks.tokens[i];
                t.kind == TokenKind::Word
                    && sense::technical_sense(text, &toks.stems[t.norm as usize], start, stop)
            })
        {
            return true;
        }
        // a discipline written in lowercase naming what software does
        // ("software system to manage sales") or software acting on the
        // writer's work ("used by different accounting systems"), a
        // business field as the domain of a model's data ("Customer
        // Segmentation for Sales Lead"), someone else's skill ("so that
        // they can develop leadership skills"); (the word list first: it
        // is the cheapest, and each test only reads)
        !self.literal
            && ((end - first == 1
                && surfaces[0].bytes().all(|b| b.is_ascii_lowercase())
                && is_english_word(norms[0])
                && (at_start.software_domain(text, start)
                    || sense::software_agent(text, start, stop)))
                || (end - first == 1 && sense::modeled_domain(text, norms[0], start, stop))
                || at_start.someone_elses_skill(text, start))
    }

    /// The kind of a verified hit, and its variant: `respelled` when its
    /// tokens are not the form's one for one or a version was glued on.
    /// `None` when a derived agent noun names another person ("coordinate
    /// with the Project Manager").
    fn classify(
        &self,
        doc: &Scan<'_>,
        p: &Pattern,
        first: usize,
        end: usize,
        norms: &[&str],
        respelled: bool,
    ) -> Option<(MatchKind, Option<Variant>)> {
        let (toks, text) = (doc.toks, doc.text);
        let (start, stop) = (
            toks.tokens[first].span().start,
            toks.tokens[end - 1].span().end,
        );
        let kind = p.base;
        if kind != MatchKind::Exact {
            return Some((kind, None));
        }
        if text[start..stop] == p.form {
            return Some((MatchKind::Exact, None));
        }
        let variant = if respelled {
            Variant::Spelling
        } else if norms
            .iter()
            .zip(&p.norms)
            .any(|(a, b)| a != &b.as_ref() && !is_inflection(a, b))
        {
            // "coordinate with the Project Manager": someone's title
            let agent = |w: &str| {
                ["er", "or", "ers", "ors", "ant", "ants"]
                    .iter()
                    .any(|e| w.ends_with(e))
            };
            if norms.iter().any(|w| agent(w)) && sense::someone_elses_title(text, start) {
                return None;
            }
            Variant::Derivation
        } else if norms.iter().zip(&p.norms).any(|(a, b)| a != &b.as_ref()) {
            Variant::Inflection
        } else if (first + 1..end)
            .zip(p.gaps.iter().skip(1))
            .any(|(i, g)| toks.tokens[i].gap != *g)
        {
            Variant::Spelling
        } else {
            Variant::Case
        };
        Some((MatchKind::Variant, Some(variant)))
    }

    /// Whether the tokens before `first` or at `end`, on the same line and
    /// not joined by a hyphen, are a skill on their own ("jira, excel, git").
    fn next_to_skill(&self, doc: &Scan<'_>, first: usize, end: usize) -> bool {
        let toks = doc.toks;
        let line = toks.tokens[first].line;
        let before = first > 0
            && toks.tokens[first - 1].line == line
            && toks.tokens[first].gap != Gap::Hyphen
            && self.is_skill(toks, first - 1);
        let after = toks
            .tokens
            .get(end)
            .is_some_and(|t| t.line == line && t.gap != Gap::Hyphen && self.is_skill(toks, end));
        before || after
    }

    /// Whether token `j` is, alone, a whole unambiguous skill form.
    fn is_skill(&self, toks: &Tokens, j: usize) -> bool {
        let n = toks.tokens[j].norm as usize;
        self.stem_index
            .get(&toks.stems[n])
            .is_some_and(|k| self.tech_key[k as usize])
    }

    /// An ambiguous word (Go, R, C) is a skill only as a clear mention: in a
    /// list of terms or a skills section, next to another skill, or with a cue
    /// word ("Go programming", "written in C").
    fn clear_mention(&self, doc: &Scan<'_>, i: usize) -> bool {
        let toks = doc.toks;
        let t = &toks.tokens[i];
        // (the line's kind and section last: a search without a parsed
        // document finds them by classifying lines)
        let keys_at = |j: usize| self.is_skill(toks, j);
        // "Go-live support", "Go-to-market strategy": a phrase, even in a list
        let phrase = |&(name, words): &(&str, &[&str])| {
            toks.norm(t) == name
                && words.iter().enumerate().all(|(k, w)| {
                    toks.tokens.get(i + 1 + k).is_some_and(|n| {
                        n.line == t.line
                            && matches!(n.gap, Gap::Space | Gap::Hyphen)
                            && toks.norm(n) == *w
                    })
                })
        };
        if NOT_MENTIONS.iter().any(phrase) {
            return false;
        }
        let next = toks.tokens.get(i + 1);
        if let Some(nt) = next {
            if nt.line == t.line {
                if MENTION_CUES_AFTER.contains(&toks.norm(nt)) && nt.gap.joins_phrase() {
                    return true;
                }
                if nt.gap != Gap::Hyphen && keys_at(i + 1) {
                    return true;
                }
                // "Very good SAP knowledge", "REST experience": a name in
                // capitals before what the writer has of it ("Basic
                // knowledge" is a level)
                if matches!(toks.norm(nt), "knowledge" | "experience")
                    && nt.gap.joins_phrase()
                    && all_caps(&doc.text[t.span().range()])
                {
                    return true;
                }
                // "Excel and PowerPoint": a pair of names
                if matches!(toks.norm(nt), "and" | "or")
                    && toks.tokens.get(i + 2).is_some_and(|n2| n2.line == t.line)
                    && keys_at(i + 2)
                {
                    return true;
                }
            }
        }
        if i > 0 {
            let pt = &toks.tokens[i - 1];
            if pt.line == t.line {
                if MENTION_CUES_BEFORE.contains(&toks.norm(pt)) && t.gap.joins_phrase() {
                    return true;
                }
                // resume reads only (the posting reader and the role ranking
                // keep the literal reading their figures were measured on):
                // "MS-Office (Access, Word, Excel)": the parts a name lists;
                // "such as Excel, Word"; "Programming Languages: C, Core
                // Java": a list's label
                if !self.literal
                    && ((toks.norm(pt) == "as"
                        && i > 1
                        && toks.norm(&toks.tokens[i - 2]) == "such")
                        || (matches!(toks.norm(pt), "languages" | "language" | "skills")
                            && doc.text[pt.span().end..t.span().start].trim() == ":"))
                {
                    return true;
                }
                if t.gap != Gap::Hyphen && keys_at(i - 1) {
                    return true;
                }
                // "Python, Java and Go": a list ending in "and"/"or"
                if matches!(toks.norm(pt), "and" | "or") && i > 1 && keys_at(i - 2) {
                    return true;
                }
            }
        }
        doc.skills_line(t.line as usize)
            || (!self.literal
                && (sense::in_parenthesized_list(doc.text, t.span().start, t.span().end)
                    || named_by_use(doc, i)))
    }

    fn fuzzy_hits(&self, toks: &Tokens, covered: &[bool], hits: &mut Vec<RawHit>) {
        if self.fuzzy.is_empty() {
            return;
        }
        // the distinct forms to look at, then their targets: from the
        // matcher's cache (a form's target depends on the form only) or
        // computed, two lock acquisitions per document at most
        const UNSEEN: u32 = u32::MAX - 2;
        const TODO: u32 = u32::MAX - 1;
        const NONE: u32 = u32::MAX;
        let mut target = vec![UNSEEN; toks.norms.len()];
        let mut todo = Vec::new();
        // the tokens that may be typos, in order (few)
        let mut at = Vec::new();
        for (i, t) in toks.tokens.iter().enumerate() {
            if covered[i] || t.kind != TokenKind::Word {
                continue;
            }
            let n = t.norm as usize;
            if target[n] == UNSEEN {
                // (a form no target is near is no typo: not worth the cache)
                target[n] = if self.may_be_typo(&toks.norms[n]) {
                    todo.push(t.norm);
                    TODO
                } else {
                    NONE
                };
            }
            if target[n] != NONE {
                at.push(i);
            }
        }
        let mut misses = Vec::new();
        match self.fuzzy_cache.read() {
            Ok(map) => {
                for &n in &todo {
                    match map.get(&toks.norms[n as usize]) {
                        Some(pid) => target[n as usize] = pid.unwrap_or(NONE),
                        None => misses.push(n),
                    }
                }
            }
            Err(_) => misses = todo,
        }
        if !misses.is_empty() {
            let mut new = Vec::with_capacity(misses.len());
            for n in misses {
                let norm = &toks.norms[n as usize];
                let pid = self.fuzzy_target(norm);
                target[n as usize] = pid.unwrap_or(NONE);
                if norm.len() <= FUZZY_CACHE_MAX_LEN {
                    new.push((Box::<str>::from(norm), pid));
                }
            }
            if let Ok(mut map) = self.fuzzy_cache.write() {
                for (norm, pid) in new {
                    if map.len() >= FUZZY_CACHE_MAX_WORDS {
                        break;
                    }
                    map.insert(norm, pid);
                }
            }
        }
        for i in at {
            let pid = target[toks.tokens[i].norm as usize];
            if pid != NONE {
                hits.push(RawHit {
                    pattern: pid,
                    first: i as u32,
                    end: i as u32 + 1,
                    kind: MatchKind::Fuzzy,
                    variant: None,
                });
            }
        }
    }

    /// Whether [`Inner::fuzzy_target`] can find a target for `norm`: long
    /// enough, all letters, and some target that begins with its first
    /// letter is near it by length and letters (the bounds `fuzzy_target`
    /// checks first; not looked at when the letter begins many targets).
    fn may_be_typo(&self, norm: &str) -> bool {
        // fewer bytes than letters asked: fewer letters
        let b = norm.as_bytes();
        if b.len() < self.options.fuzzy_min_len {
            return false;
        }
        // an ASCII word (most): bytes are its letters; no target begins
        // with most first letters
        let first = b[0];
        if first >= 0x80 {
            return self.may_be_typo_chars(norm);
        }
        if self.fuzzy_ascii_firsts & 1 << first == 0 {
            return false;
        }
        let mut mask = 0u64;
        for &c in b {
            if c >= 0x80 {
                return self.may_be_typo_chars(norm);
            }
            if !c.is_ascii_alphabetic() {
                return false;
            }
            mask |= 1 << (c % 64);
        }
        self.near_target(char::from(first), b.len(), mask)
    }

    /// Whether a word that begins with `first`, of `len` letters with the
    /// letters `mask`, is near some typo target (or its letter begins too
    /// many targets to test them here).
    #[inline]
    fn near_target(&self, first: char, len: usize, mask: u64) -> bool {
        self.fuzzy.get(&first).is_some_and(|targets| {
            targets.len() > NEAR_TEST_MAX_TARGETS || targets.iter().any(|t| t.near(len, mask))
        })
    }

    /// [`Inner::may_be_typo`], character by character (any word; the
    /// reference for ASCII ones).
    fn may_be_typo_chars(&self, norm: &str) -> bool {
        let mut len = 0;
        let mut first = None;
        for c in norm.chars() {
            if !c.is_alphabetic() {
                return false;
            }
            first.get_or_insert(c);
            len += 1;
        }
        let mask = letter_mask(norm);
        len >= self.options.fuzzy_min_len && first.is_some_and(|c| self.near_target(c, len, mask))
    }

    /// The pattern a word is a likely typo of, if any.
    fn fuzzy_target(&self, norm: &str) -> Option<u32> {
        let len = norm.chars().count();
        if len < self.options.fuzzy_min_len || !norm.chars().all(char::is_alphabetic) {
            return None;
        }
        let mut best: Option<(usize, u32)> = None;
        // a typo keeps the first letter: only those targets can match
        let first = norm.chars().next()?;
        let mask = letter_mask(norm);
        for t in self.fuzzy.get(&first).into_iter().flatten() {
            if !t.near(len, mask) {
                continue;
            }
            if let Some(d) = typo_distance(norm, len, &t.norm) {
                if best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, t.pid));
                }
            }
        }
        // English words near a skill name are no typos (checked last: most
        // words are near none)
        best.filter(|_| !is_english_word(norm)).map(|(_, p)| p)
    }
}

/// Most words in a matcher's typo cache (past it, words are looked at every
/// time), and the longest one kept, in bytes.
const FUZZY_CACHE_MAX_WORDS: usize = 1 << 16;
const FUZZY_CACHE_MAX_LEN: usize = 48;

/// English words, never reported as typos although one or two letters from
/// a skill name ("caching" / "coaching", "monitoring" / "mentoring"), from
/// O*NET and ESCO text (`scripts/gen-not-typos.py`): sorted and front-coded
/// after a `#` header, a line per two-letter start opening with a word, then
/// each word an uppercase letter (how many letters to drop from the end of
/// the word before: `A` none, `B` one, ...) and the letters to add.
static NOT_TYPOS: &str = include_str!("../../data/not-typos.txt");

/// The words of [`NOT_TYPOS`], decoded (the file codes each word on the one
/// before it, so it is kept sorted).
fn english_words() -> Vec<Box<str>> {
    let mut out: Vec<Box<str>> = Vec::with_capacity(16_384);
    let mut word = String::new();
    for line in NOT_TYPOS.lines().filter(|l| !l.starts_with('#')) {
        word.clear();
        // the file is ASCII (a test checks it): byte cuts are char cuts
        for c in line.chars() {
            if c.is_ascii_uppercase() {
                out.push(word.as_str().into());
                let drop = usize::from(c as u8 - b'A');
                word.truncate(word.len().saturating_sub(drop));
            } else {
                word.push(c);
            }
        }
        if !word.is_empty() {
            out.push(word.as_str().into());
        }
    }
    out
}

/// Whether `word` (lowercase) is an English word of [`NOT_TYPOS`]: one
/// hash look-up (the sense checks ask it of many hits); the set owns the
/// decoded words, built once.
fn is_english_word(word: &str) -> bool {
    static SET: std::sync::OnceLock<crate::hash::Set<Box<str>>> = std::sync::OnceLock::new();
    SET.get_or_init(|| english_words().into_iter().collect())
        .contains(word)
}

/// Edit distance of a likely typo, or None: same first letter; 5 letters: a
/// swap of two neighbours only; 6 to 8 letters: one edit; 9 or more: two.
fn typo_distance(word: &str, len: usize, target: &str) -> Option<usize> {
    let tlen = target.chars().count();
    if word.chars().next() != target.chars().next() || word == target {
        return None;
    }
    let max = match len.min(tlen) {
        0..=4 => return None,
        5..=8 => 1,
        _ => 2,
    };
    if len.abs_diff(tlen) > max {
        return None;
    }
    let d = strsim::osa_distance(word, target);
    if d == 0 || d > max {
        return None;
    }
    if len.min(tlen) == 5 {
        // only a transposition: same letters, same length
        let mut a: Vec<char> = word.chars().collect();
        let mut b: Vec<char> = target.chars().collect();
        crate::sort::sort(&mut a);
        crate::sort::sort(&mut b);
        if a != b {
            return None;
        }
    }
    Some(d)
}

/// Whether a form is an acronym in capitals (two letters or more).
pub(crate) fn upper_acronym(form: &str) -> bool {
    form.len() >= 2 && form.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether two forms differ only by an inflectional ending: once their common
/// prefix is removed, both rests are endings such as `s`, `es`, `ed`, `ing`
/// (`optimize`/`optimizing`, `technology`/`technologies`), not derivations
/// (`python`/`pythonizer`, `compute`/`computer`: see [`is_derivation`]).
pub(crate) fn is_inflection(a: &str, b: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "", "s", "es", "'s", "e", "ed", "d", "ing", "y", "ies", "ied",
    ];
    let common = common_prefix(a, b);
    ENDINGS.contains(&&a[common..]) && ENDINGS.contains(&&b[common..])
}

/// Whether a keyword that is one word naming a discipline (`b`) meets a
/// word of its stem that names something else (`a`): the plain noun of an
/// `-ing` discipline (`accounts` is not accounting, `markets` not
/// marketing, `engineers` not engineering), the `-ic` word of an `-ics` one
/// (`logistic regression` is not logistics, `electronic records` not
/// electronics, `a mechanic` not mechanics), the singular of `sales` (`a
/// sale`, `point of sale`). Inside a longer keyword the other words tell the
/// sense ("unit tests" is unit testing).
fn discipline_vs_noun(a: &str, b: &str) -> bool {
    let common = common_prefix(a, b);
    let (a_rest, b_rest) = (&a[common..], &b[common..]);
    match b_rest {
        "ing" => matches!(a_rest, "" | "s" | "es" | "'s"),
        "s" => a_rest.is_empty() && (b.ends_with("ics") || b == "sales"),
        _ => false,
    }
}

/// Whether the one word at `first..end`, written in lowercase, is a name
/// by the words around it: after its vendor ("MS excel", "Microsoft
/// excel"), after "in"/"on"/"using" at the end of a clause or before
/// "for" ("Daily MIS in excel.", "models built in excel for pricing"), or
/// as [`named_by_use`] tells; not "excel in sales", "in spring 2019".
fn named_in_lowercase(doc: &Scan<'_>, first: usize, end: usize) -> bool {
    let toks = doc.toks;
    if end != first + 1 {
        return false;
    }
    if named_by_use(doc, first) {
        return true;
    }
    let t = &toks.tokens[first];
    if first == 0 || toks.tokens[first - 1].line != t.line {
        return false;
    }
    let prev = toks.norm(&toks.tokens[first - 1]);
    if matches!(prev, "ms" | "microsoft") && matches!(t.gap, Gap::Space | Gap::Hyphen) {
        return true;
    }
    if !matches!(prev, "in" | "on" | "using") || t.gap != Gap::Space {
        return false;
    }
    match toks.tokens.get(end) {
        None => true,
        Some(n) if n.line != t.line => true,
        Some(n) if n.gap == Gap::Punct => {
            let between = doc.text[t.span().end..n.span().start].trim();
            between.starts_with(['.', ',', ';', ':', '!', '?', ')'])
        }
        Some(n) => n.gap == Gap::Space && toks.norm(n) == "for",
    }
}

/// Whether the one-word name at token `i`, in any case, is the product by
/// how it is used: after a skill level ("advanced excel", "Beginner Go"),
/// as the place data is moved to ("export the data to excel"), or next to
/// another product of its suite ("4.word, excel", "excel, vlookup"); not
/// the verb, which takes "in", "at" or "as" ("to excel in sales",
/// "advanced to excel as a lead"). A clear mention, and one that may be
/// written in lowercase.
fn named_by_use(doc: &Scan<'_>, i: usize) -> bool {
    let toks = doc.toks;
    let t = &toks.tokens[i];
    let verb_next = toks.tokens.get(i + 1).is_some_and(|n| {
        n.line == t.line && n.gap == Gap::Space && VERB_COMPLEMENTS.contains(&toks.norm(n))
    });
    if verb_next {
        return false;
    }
    if in_office_list(doc, i) {
        return true;
    }
    if i == 0 || toks.tokens[i - 1].line != t.line || t.gap != Gap::Space {
        return false;
    }
    let prev = toks.norm(&toks.tokens[i - 1]);
    LEVEL_WORDS.contains(&prev) || (matches!(prev, "to" | "into") && moves_data_before(doc, i - 1))
}

/// How many words before "to"/"into" the verb moving data may be ("export
/// the monthly data to excel").
const MOVE_WORDS: usize = 5;

/// Whether one of the few words before token `to` (the preposition), on its
/// line and in its clause, is a verb moving data ("export", "imported").
fn moves_data_before(doc: &Scan<'_>, to: usize) -> bool {
    let toks = doc.toks;
    let line = toks.tokens[to].line;
    let mut j = to;
    for _ in 0..MOVE_WORDS {
        let t = &toks.tokens[j];
        // (a comma or a clause's end before the word stops the reading)
        if j == 0 || !matches!(t.gap, Gap::Space | Gap::Hyphen) {
            return false;
        }
        j -= 1;
        let w = &toks.tokens[j];
        if w.line != line {
            return false;
        }
        if DATA_MOVE_VERBS.contains(&toks.norm(w)) {
            return true;
        }
    }
    false
}

/// Whether the office product at token `i` ("excel") stands next to another
/// one ("word, excel", "excel, vlookup", "Word/Excel", "excel and
/// powerpoint"), joined by a comma, a slash, "and" or "&" on its line.
fn in_office_list(doc: &Scan<'_>, i: usize) -> bool {
    let toks = doc.toks;
    let is_office = |j: usize| OFFICE_PRODUCTS.contains(&toks.norm(&toks.tokens[j]));
    if !is_office(i) {
        return false;
    }
    let line = toks.tokens[i].line;
    // the text between tokens `a` and `b` joins two items of a list
    let joins = |a: usize, b: usize| {
        let between = doc.text[toks.tokens[a].span().end..toks.tokens[b].span().start].trim();
        matches!(between, "," | "/" | "&")
    };
    let conj = |j: usize| matches!(toks.norm(&toks.tokens[j]), "and" | "or");
    let before = i >= 1
        && toks.tokens[i - 1].line == line
        && ((joins(i - 1, i) && is_office(i - 1))
            || (i >= 2 && conj(i - 1) && toks.tokens[i - 2].line == line && is_office(i - 2)));
    let after = |k: usize| toks.tokens.get(k).is_some_and(|t| t.line == line);
    before
        || (after(i + 1) && joins(i, i + 1) && is_office(i + 1))
        || (after(i + 2) && conj(i + 1) && is_office(i + 2))
}

/// Whether a one-letter name is a letter of initials ("S.S.C", "B.C.A",
/// "R.C.I.T.", "C.Karthik"): a dot joins it to another letter.
fn in_initials(text: &str, tokens: &[crate::text::Token]) -> bool {
    let [t] = tokens else { return false };
    let span = t.span();
    if span.end - span.start != 1 {
        return false;
    }
    let b = text.as_bytes();
    let letter = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic);
    (span.start >= 2 && b[span.start - 1] == b'.' && letter(span.start - 2))
        || (b.get(span.end) == Some(&b'.') && letter(span.end + 1))
}

/// Whether tokens `first..end` stand between commas of a list ("oops,c,C++"):
/// a comma (after spaces) right before and right after them.
fn between_commas(doc: &Scan<'_>, first: usize, end: usize) -> bool {
    let toks = &doc.toks.tokens;
    let (Some(prev), Some(next)) = (first.checked_sub(1).map(|i| &toks[i]), toks.get(end)) else {
        return false;
    };
    let gap = |a: usize, b: usize| doc.text[a..b].trim() == ",";
    gap(prev.span().end, toks[first].span().start)
        && gap(toks[end - 1].span().end, next.span().start)
}

/// Whether an English word names an activity or a quality by its ending
/// (`communication`, `management`, `leadership`, `accounting`), as skills
/// do and product names rarely do.
fn is_activity_noun(word: &str) -> bool {
    ["ion", "ment", "ship", "ing", "ance", "ence", "ity", "ness"]
        .iter()
        .any(|e| word.ends_with(e))
}

/// "Java8", "Angular2", "Excel2016": the form's name with its version
/// glued on. Cuts the version off the hit's norms and surfaces where the
/// rest is the form's word; whether any was cut.
fn strip_glued_versions<'d>(p: &Pattern, surfaces: &mut [&'d str], norms: &mut [&'d str]) -> bool {
    let mut glued = false;
    for (k, pn) in p.norms.iter().enumerate() {
        // (an ASCII surface is as long as its norm: "Passionate８"
        // is normalized to "passionate8", one byte shorter)
        if !surfaces[k].is_ascii() {
            continue;
        }
        if let Some(base) = strip_version(norms[k]).filter(|b| *b == pn.as_ref()) {
            let cut = norms[k].len() - base.len();
            norms[k] = base;
            surfaces[k] = &surfaces[k][..surfaces[k].len() - cut];
            glued = true;
        }
    }
    glued
}

/// A name with a version glued on (`java8`, `angular2`, `python27`,
/// `excel2016`): the name, when it has three letters or more and the version
/// is one or two digits or a year. Not `s3`, `ec2`, `es6` (names of their
/// own), nor `office365`.
fn strip_version(norm: &str) -> Option<&str> {
    // (most words end in a letter: no version)
    if !norm.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let digits = norm.len() - norm.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let base = &norm[..norm.len() - digits];
    let version = &norm[base.len()..];
    let year = digits == 4 && (version.starts_with("19") || version.starts_with("20"));
    (((1..=2).contains(&digits) || year)
        && base.len() >= 3
        && base.chars().all(|c| c.is_ascii_lowercase()))
    .then_some(base)
}

/// Bytes of the longest common prefix of `a` and `b` (a char boundary of both).
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .take_while(|((_, x), y)| x == y)
        .last()
        .map_or(0, |((i, x), _)| i + x.len_utf8())
}

/// Whether a word of the text names the skill of a keyword's word by
/// another word of its family: once their common prefix is removed, the
/// keyword's rest makes a noun of an activity (`-ion`, `-ment`, `-ing`) and
/// the text's an activity, its agent or its verb (`communicator` /
/// `communicated` for communication, `recruiter` for recruitment,
/// `administrator` for administration), and the keyword's word is long
/// enough not to be a short name. Not `computer` for `compute` (the
/// keyword is no activity noun), nor `organizer` for `organization` (`ation`
/// is more than a suffix swap).
fn is_derivation(word: &str, keyword_word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ion", "ions", "or", "ors", "er", "ers", "r", "rs", "ment", "ments", "ant", "ants", "ing",
        "ed", "d", "e", "es",
    ];
    // the keyword names the activity; the text may name its agent or verb
    const SKILL_NOUN: &[&str] = &["ion", "ions", "ment", "ments", "ing"];
    if keyword_word.chars().count() < 6 || !word.is_ascii() || !keyword_word.is_ascii() {
        return false;
    }
    // the cut may be before the common prefix's last letters:
    // communicat|ing, communicat|ion share "communicati"
    let common = common_prefix(word, keyword_word);
    (common.saturating_sub(2).max(4)..=common)
        .any(|cut| ENDINGS.contains(&&word[cut..]) && SKILL_NOUN.contains(&&keyword_word[cut..]))
}

fn is_plural_of(word: &str, base: &str) -> bool {
    word.strip_prefix(base)
        .is_some_and(|rest| matches!(rest, "s" | "es" | "'s"))
}

/// Whether a word is written in capitals, two letters or more ("SAP",
/// "REST"; not "Basic", "R").
fn all_caps(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn matcher_is_send_sync() {
        assert_send_sync::<Matcher>();
    }

    #[test]
    fn ascii_typo_test_matches_the_reference() {
        let m = Matcher::new(Role::builtin("backend-developer").unwrap()).unwrap();
        let inner = &m.inner;
        for w in [
            "",
            "k",
            "kuber",
            "kubernets",
            "pyhton",
            "pythn",
            "docker",
            "dockr",
            "kafak",
            "abcde",
            "zzzzzz",
            "kuber8s",
            "kube-ctl",
            "c++",
            "node.js",
            "Kubernets",
            "12345",
            "aaaa",
            "xxxxx",
            "postgress",
            "javascrpt",
            "t\u{e9}rraform",
            "\u{e9}t\u{e9}s",
        ] {
            assert_eq!(inner.may_be_typo(w), inner.may_be_typo_chars(w), "{w:?}");
            assert!(
                inner.may_be_typo(w) || inner.fuzzy_target(w).is_none(),
                "{w:?}"
            );
        }
        for c in 'a'..='z' {
            for len in 0..12 {
                let w: String = std::iter::repeat_n(c, len).collect();
                assert_eq!(inner.may_be_typo(&w), inner.may_be_typo_chars(&w), "{w:?}");
            }
        }
    }

    #[test]
    fn stem_index_key_is_the_zero_padded_head_and_tail() {
        let index = StemIndex::default();
        let word = |b: &[u8]| {
            let mut w = [0u8; 8];
            w[..b.len()].copy_from_slice(b);
            u64::from_le_bytes(w)
        };
        for s in [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "abcdef",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "abcdefghijklmnop",
            "\u{e9}t\u{e9}",
            "c++",
        ] {
            let b = s.as_bytes();
            let n = b.len();
            let tail = if n > 8 { word(&b[n - 8..]) } else { 0 };
            assert_eq!(
                index.key(s),
                StemKey {
                    head: word(&b[..n.min(8)]),
                    tail,
                    len: n as u32
                },
                "{s:?}"
            );
        }
        // longer: the tail is a hash of every byte
        assert_ne!(
            index.key("abcdefgh-x-ijklmnop"),
            index.key("abcdefgh-y-ijklmnop")
        );
    }

    #[test]
    fn stem_index_spreads_stems_crafted_to_share_bytes() {
        // 4096 stems alike but in their middle bytes (a role of them was
        // one run of slots: every insert and every lookup walked it)
        let letters = b"abcdefghijklmnop";
        let mut stems = Vec::new();
        for i in 0..4096usize {
            let mid: String = [i & 15, i >> 4 & 15, i >> 8 & 15]
                .iter()
                .map(|&k| char::from(letters[k]))
                .collect();
            // 16 bytes (head and tail shared) or longer (hashed)
            stems.push(if i % 2 == 0 {
                format!("aaaaaaaa{mid}bbbbb")
            } else {
                format!("aaaaaaaa{mid}bbbbbbbbbbbb")
            });
        }
        let index = StemIndex::new(stems.iter().enumerate().map(|(i, s)| (&**s, i as u32)));
        let n = index.slots.len();
        let longest = index
            .slots
            .iter()
            .enumerate()
            .filter(|(_, (_, id))| *id != 0)
            .map(|(at, (key, _))| (at + n - index.slot(key)) & (n - 1))
            .max();
        assert!(longest.is_some_and(|d| d < 64), "longest probe {longest:?}");
        for (i, s) in stems.iter().enumerate() {
            assert_eq!(index.get(s), Some(i as u32), "{s}");
        }
        assert_eq!(index.get("aaaaaaaaqqqbbbbbbbbbbbb"), None);
    }

    proptest::proptest! {
        #[test]
        fn stem_index_finds_what_the_vocabulary_has(
            words in proptest::collection::vec("[a-e.+#\u{e9}]{0,12}", 0..40),
        ) {
            let m = Matcher::new(Role::builtin("backend-developer").unwrap()).unwrap();
            let inner = &m.inner;
            // the vocabulary, as a plain map
            let map: std::collections::HashMap<&str, u32> = inner
                .stem_index
                .stems
                .iter()
                .enumerate()
                .filter_map(|(k, s)| Some((s.as_deref()?, k as u32)))
                .collect();
            proptest::prop_assert!(!map.is_empty());
            let vocab: Vec<&str> = map.keys().copied().collect();
            // the stems, their prefixes and extensions, and random words
            let mut probes: Vec<String> = words;
            for v in &vocab {
                probes.push(v.to_string());
                probes.push(format!("{v}s"));
                probes.push(format!("{v}\0"));
                for (i, _) in v.char_indices() {
                    probes.push(v[..i].to_string());
                }
            }
            for w in &probes {
                proptest::prop_assert_eq!(inner.stem_index.get(w), map.get(w.as_str()).copied(), "{:?}", w);
            }
            // a small index of distinct words, full of collisions
            let mut five: Vec<&str> = Vec::new();
            for w in &probes {
                if five.len() < 5 && !five.contains(&w.as_str()) {
                    five.push(w);
                }
            }
            let small = StemIndex::new(five.iter().enumerate().map(|(i, w)| (*w, i as u32)));
            for w in &probes {
                let want = five.iter().position(|p| p == w).map(|i| i as u32);
                proptest::prop_assert_eq!(small.get(w), want, "{:?}", w);
            }
        }
    }

    /// A role whose letter `s` begins more targets than
    /// [`NEAR_TEST_MAX_TARGETS`].
    fn many_s_targets() -> Matcher {
        let words = [
            "salesforce",
            "sagemaker",
            "sass",
            "scala",
            "scipy",
            "scrapy",
            "selenium",
            "sentry",
            "serverless",
            "sharepoint",
            "shopify",
            "sinatra",
            "snowflake",
            "solidity",
            "splunk",
            "spring",
            "sqlite",
            "storybook",
            "stripe",
            "svelte",
            "swagger",
            "symfony",
        ];
        let list: Vec<String> = words.iter().map(|w| format!("{w:?}")).collect();
        let json = format!(
            r#"{{"name": "s", "must_have": [{}], "bonus": []}}"#,
            list.join(", ")
        );
        let m = Matcher::new(Role::from_json(&json).unwrap()).unwrap();
        assert!(m.inner.fuzzy[&'s'].len() > NEAR_TEST_MAX_TARGETS);
        m
    }

    proptest::proptest! {
        #[test]
        fn typo_candidates_match_the_reference(
            pick in 0usize..64,
            edits in proptest::collection::vec((0usize..4, 0usize..16, "[a-z\u{e9}1]"), 0..3),
        ) {
            for m in [Matcher::new(Role::builtin("backend-developer").unwrap()).unwrap(), many_s_targets()] {
                let inner = &m.inner;
                let targets: Vec<&str> = inner.fuzzy.values().flatten().map(|t| &*t.norm).collect();
                // a target with a few edits: swaps, deletions, insertions, changes
                let mut w: Vec<char> = targets[pick % targets.len()].chars().collect();
                for (op, at, c) in &edits {
                    let c = c.chars().next().unwrap();
                    let at = at % (w.len() + 1);
                    match op {
                        0 if at + 1 < w.len() => w.swap(at, at + 1),
                        1 if at < w.len() => { w.remove(at); }
                        2 => w.insert(at, c),
                        _ if at < w.len() => w[at] = c,
                        _ => {}
                    }
                }
                let w: String = w.into_iter().collect();
                proptest::prop_assert_eq!(inner.may_be_typo(&w), inner.may_be_typo_chars(&w), "{:?}", w);
                proptest::prop_assert!(inner.may_be_typo(&w) || inner.fuzzy_target(&w).is_none(), "{:?}", w);
            }
        }
    }

    #[test]
    fn typo_rules() {
        assert_eq!(typo_distance("kubernets", 9, "kubernetes"), Some(1));
        assert_eq!(typo_distance("pyhton", 6, "python"), Some(1));
        assert_eq!(typo_distance("kafak", 5, "kafka"), Some(1));
        assert_eq!(typo_distance("scale", 5, "scala"), None);
        assert_eq!(typo_distance("python", 6, "python"), None);
        assert_eq!(typo_distance("jython", 6, "python"), None);
    }

    /// One-word product names written in two words are the name (a spelling
    /// variant), and their first word is not another keyword; words that
    /// only look split are not.
    #[test]
    fn names_written_in_two_words() {
        let role = Role::from_json(
            r#"{"name": "t", "must_have": ["MySQL", "PostgreSQL", "MongoDB", "JavaScript", "TypeScript", "Node.js", "Java", "GitHub", "database", "C#"]}"#,
        )
        .unwrap();
        let m = Matcher::new(role).unwrap();
        let text = "Skills: My SQL, Postgre SQL, Mongo DB, Java Script, Type Script, Node JS, Git Hub.\nUsed C#10 daily. Designed a data base. My sql notes. Type scripts for the play.";
        let r = m.analyze(text).unwrap();
        let hits: Vec<(&str, &str, Option<crate::report::Variant>)> = r
            .keywords
            .iter()
            .flat_map(|k| {
                k.hits
                    .iter()
                    .map(move |h| (k.term.as_str(), &text[h.span.range()], h.variant))
            })
            .collect();
        let spelling = Some(crate::report::Variant::Spelling);
        for (term, written) in [
            ("MySQL", "My SQL"),
            ("PostgreSQL", "Postgre SQL"),
            ("MongoDB", "Mongo DB"),
            ("JavaScript", "Java Script"),
            ("TypeScript", "Type Script"),
            ("GitHub", "Git Hub"),
        ] {
            assert!(
                hits.contains(&(term, written, spelling)),
                "{term}: {hits:?}"
            );
        }
        assert!(
            hits.iter().any(|h| h.0 == "Node.js" && h.1 == "Node JS"),
            "{hits:?}"
        );
        assert!(hits.iter().any(|h| h.0 == "C#" && h.1 == "C#"), "{hits:?}");
        // "Java Script" is JavaScript, not Java; "data base" is no name split
        assert!(!hits.iter().any(|h| h.0 == "Java"), "{hits:?}");
        assert!(!hits.iter().any(|h| h.0 == "database"), "{hits:?}");
        // split words match as the name's letters do: "My sql" too, but
        // "Type scripts" (a plural of the second word) does not
        assert_eq!(
            hits.iter().filter(|h| h.0 == "TypeScript").count(),
            1,
            "{hits:?}"
        );
    }

    /// English words near a skill name are no typos; misspelt skill names are.
    #[test]
    fn english_words_are_never_typos() {
        assert!(NOT_TYPOS.is_ascii());
        let words = english_words();
        assert!(words.len() > 10_000);
        assert!(
            is_english_word("caching")
                && is_english_word("abandoned")
                && !is_english_word("kubernets")
        );
        // sorted, unique, lowercase: what the front coding needs
        assert!(
            words.windows(2).all(|w| w[0] < w[1]),
            "not-typos.txt is not sorted"
        );
        assert!(
            words
                .iter()
                .all(|w| w.chars().all(|c| c.is_ascii_lowercase()))
        );
        let role = Role::from_json(
            r#"{"name": "t", "must_have": ["Kubernetes", "Python"], "bonus": [{"term": "mentoring", "aliases": ["coaching"]}]}"#,
        )
        .unwrap();
        let m = Matcher::new(role).unwrap();
        let r = m
            .analyze(
                "Added Redis caching and monitoring; moved services to Kubernets. Pyhton scripts.",
            )
            .unwrap();
        let fuzzy: Vec<&str> = r
            .keywords
            .iter()
            .flat_map(|k| k.hits.iter())
            .filter(|h| h.kind == crate::report::MatchKind::Fuzzy)
            .map(|h| h.text.as_str())
            .collect();
        assert_eq!(fuzzy, ["Kubernets", "Pyhton"]);
    }

    #[test]
    fn inflections() {
        for (a, b, want) in [
            ("optimizing", "optimize", true),
            ("apis", "api", true),
            ("technologies", "technology", true),
            ("architectures", "architecture", true),
            ("pythonizer", "python", false),
            ("compute", "computer", false),
            ("development", "developer", false),
            ("organization", "organized", false),
            ("working", "work", true),
        ] {
            assert_eq!(is_inflection(a, b), want, "{a} / {b}");
        }
        for (a, b, want) in [
            ("accounts", "accounting", true),
            ("account", "accounting", true),
            ("markets", "marketing", true),
            ("working", "work", false),
            ("accountant", "accounting", false),
            ("logistic", "logistics", true),
            ("electronic", "electronics", true),
            ("sale", "sales", true),
            ("statistical", "statistics", false),
            ("tests", "test", false),
            ("logistics", "logistics", false),
        ] {
            assert_eq!(discipline_vs_noun(a, b), want, "{a} / {b}");
        }
    }

    #[test]
    fn derivations() {
        for (a, b, want) in [
            ("communicator", "communication", true),
            ("communicating", "communication", true),
            ("communicated", "communication", true),
            ("recruiter", "recruitment", true),
            ("negotiate", "negotiation", true),
            ("administrator", "administration", true),
            ("manager", "management", true),
            ("accountant", "accounting", true),
            ("accounts", "accounting", false),
            ("account", "accounting", false),
            ("computer", "computation", false),
            ("organizer", "organization", false),
            ("pythonizer", "python", false),
            ("leader", "leadership", false),
            ("tester", "test", false),
            ("compute", "computer", false),
        ] {
            assert_eq!(is_derivation(a, b), want, "{a} / {b}");
        }
    }

    #[test]
    fn versions_glued_to_names() {
        for (a, want) in [
            ("java8", Some("java")),
            ("angular15", Some("angular")),
            ("python27", Some("python")),
            ("excel2016", Some("excel")),
            ("s3", None),
            ("ec2", None),
            ("es6", None),
            ("office365", None),
            ("java", None),
            ("log4j", None),
        ] {
            assert_eq!(strip_version(a), want, "{a}");
        }
    }
}
