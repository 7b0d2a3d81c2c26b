//! The posting reader's big data — the skill lexicon (`core/data/lexicon.tsv`,
//! ~850 KB), the tagger's weights (`core/data/tagger.bin`, ~900 KB), the
//! common English words (`core/data/common-words.txt`, ~55 KB) and the
//! place names (`core/data/places.txt`) — is
//! embedded with the cargo feature `posting-data` (on by default). A build
//! without it (the WebAssembly page, which must load fast and only reads a
//! posting when asked) loads them at run time with [`load_data`], once.

use std::sync::OnceLock;

use crate::error::Error;

struct Data {
    lexicon: &'static str,
    tagger: &'static [u8],
    common: &'static str,
    places: &'static str,
}

static LOADED: OnceLock<Data> = OnceLock::new();

#[cfg(feature = "posting-data")]
fn builtin() -> Option<Data> {
    Some(Data {
        lexicon: include_str!("../../data/lexicon.tsv"),
        tagger: include_bytes!("../../data/tagger.bin"),
        common: include_str!("../../data/common-words.txt"),
        places: include_str!("../../data/places.txt"),
    })
}

#[cfg(not(feature = "posting-data"))]
fn builtin() -> Option<Data> {
    None
}

fn data() -> Option<&'static Data> {
    if let Some(d) = LOADED.get() {
        return Some(d);
    }
    let d = builtin()?;
    Some(LOADED.get_or_init(|| d))
}

/// The Snowball stems of the lexicon's joined words
/// (`core/data/lexicon-stems.tsv`), if embedded (a build that loads its
/// data stems them when it compiles the lexicon).
pub(crate) fn lexicon_stems() -> Option<&'static str> {
    #[cfg(feature = "posting-data")]
    {
        Some(include_str!("../../data/lexicon-stems.tsv"))
    }
    #[cfg(not(feature = "posting-data"))]
    {
        None
    }
}

/// The lexicon file's text, if embedded or loaded.
pub(crate) fn lexicon() -> Option<&'static str> {
    data().map(|d| d.lexicon)
}

/// The tagger's weights, if embedded or loaded.
pub(crate) fn tagger() -> Option<&'static [u8]> {
    data().map(|d| d.tagger)
}

/// The common words list, if embedded or loaded.
pub(crate) fn common_words() -> Option<&'static str> {
    data().map(|d| d.common)
}

/// The place names, if embedded or loaded.
pub(crate) fn places() -> Option<&'static str> {
    data().map(|d| d.places)
}

/// Whether the posting reader has its data (embedded, or loaded with
/// [`load_data`](super::load_data)).
///
/// ```
/// assert!(atscore::posting::data_loaded()); // the default build embeds it
/// ```
pub fn data_loaded() -> bool {
    data().is_some()
}

/// Keep a copy of the data for the life of the process, unless it is
/// already there (embedded or kept before).
pub(super) fn store(lexicon_tsv: &str, tagger_bin: &[u8], common_words: &str, places: &str) {
    if data().is_none() {
        let _ = LOADED.set(Data {
            lexicon: Box::leak(lexicon_tsv.to_string().into_boxed_str()),
            tagger: Box::leak(tagger_bin.to_vec().into_boxed_slice()),
            common: Box::leak(common_words.to_string().into_boxed_str()),
            places: Box::leak(places.to_string().into_boxed_str()),
        });
    }
}

/// The error of reading a posting before its data is there.
pub(crate) fn missing() -> Error {
    Error::InvalidOption {
        option: "posting_data".to_string(),
        reason: "the posting reader's data (skill lexicon, tagger) is not loaded: this build does \
                 not embed it; load lexicon.tsv, tagger.bin, common-words.txt and places.txt with posting::load_data \
                 (JavaScript: loadPostingData)"
            .to_string(),
    }
}
