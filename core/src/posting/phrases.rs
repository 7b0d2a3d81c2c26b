//! Lists of cue phrases matched in one pass over a line (Aho-Corasick), in
//! place of one substring search per phrase.

use aho_corasick::{AhoCorasick, MatchKind};

/// A list of lowercase phrases, searched together.
pub(crate) struct Phrases {
    ac: Option<AhoCorasick>,
}

impl Phrases {
    /// The phrases, in priority order (index 0 first).
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Phrases {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(patterns)
            .ok();
        Phrases { ac }
    }

    /// Every occurrence in `hay`: (phrase index, start, end), overlapping
    /// ones included, in order of their end.
    pub fn find_all<'h>(
        &'h self,
        hay: &'h str,
    ) -> impl Iterator<Item = (usize, usize, usize)> + 'h {
        self.ac
            .iter()
            .flat_map(move |ac| ac.find_overlapping_iter(hay))
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
    }

    /// The first phrase in priority order that occurs in `hay`, anywhere.
    pub fn first_in(&self, hay: &str) -> Option<usize> {
        self.find_all(hay).map(|(p, _, _)| p).min()
    }

    /// The first phrase in priority order that occurs in `hay` starting at a
    /// word start.
    pub fn first_word_in(&self, hay: &str) -> Option<usize> {
        self.find_all(hay)
            .filter(|&(_, s, _)| word_start(hay, s))
            .map(|(p, _, _)| p)
            .min()
    }
}

/// Whether `i` starts a word of `hay` (no letter or digit before it).
pub(crate) fn word_start(hay: &str, i: usize) -> bool {
    !hay[..i]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priority_and_word_starts() {
        let p = Phrases::new(["nice to have", "have", "plus"]);
        assert_eq!(p.first_in("it is nice to have"), Some(0));
        assert_eq!(p.first_in("surplus"), Some(2));
        assert_eq!(p.first_word_in("surplus"), None);
        assert_eq!(p.first_word_in("a plus"), Some(2));
    }
}
