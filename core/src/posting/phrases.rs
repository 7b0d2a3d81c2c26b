//! Lists of cue phrases matched in one pass over a line, in place of one
//! substring search per phrase: a byte trie of the (short) phrases, walked
//! from each position, so the work is the text's length times the longest
//! phrase at most. (The aho-corasick crate does this too, at ~100 KB of
//! WebAssembly the page would download; the phrases are few and short.)

/// A list of lowercase phrases, searched together.
pub(crate) struct Phrases {
    /// Trie nodes: children by byte (few per node), and the phrase that
    /// ends here, if any.
    nodes: Vec<Node>,
    /// The root's children by first byte (0: none), so that most positions
    /// cost one lookup.
    first: Vec<u32>,
}

#[derive(Default)]
struct Node {
    children: Vec<(u8, u32)>,
    ends: Option<usize>,
}

impl Phrases {
    /// The phrases, in priority order (index 0 first).
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Phrases {
        let mut nodes = vec![Node::default()];
        for (p, pat) in patterns.into_iter().enumerate() {
            if pat.is_empty() {
                continue;
            }
            let mut at = 0usize;
            for &b in pat.as_bytes() {
                at = match nodes[at].children.iter().find(|(c, _)| *c == b) {
                    Some(&(_, next)) => next as usize,
                    None => {
                        nodes.push(Node::default());
                        let next = nodes.len() - 1;
                        nodes[at].children.push((b, next as u32));
                        next
                    }
                };
            }
            // the first of equal phrases keeps its place
            nodes[at].ends.get_or_insert(p);
        }
        let mut first = vec![0u32; 256];
        for &(b, next) in &nodes[0].children {
            first[b as usize] = next;
        }
        Phrases { nodes, first }
    }

    /// Every occurrence in `hay`: (phrase index, start, end), overlapping
    /// ones included, by start.
    pub fn find_all<'h>(
        &'h self,
        hay: &'h str,
    ) -> impl Iterator<Item = (usize, usize, usize)> + 'h {
        let b = hay.as_bytes();
        (0..b.len()).flat_map(move |start| {
            let mut out = Vec::new();
            let mut at = self.first[b[start] as usize] as usize;
            if at == 0 {
                return out;
            }
            if let Some(p) = self.nodes[at].ends {
                out.push((p, start, start + 1));
            }
            for (k, &c) in b[start + 1..].iter().enumerate() {
                match self.nodes[at].children.iter().find(|(x, _)| *x == c) {
                    Some(&(_, next)) => at = next as usize,
                    None => break,
                }
                if let Some(p) = self.nodes[at].ends {
                    out.push((p, start, start + k + 2));
                }
            }
            out
        })
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
    hay.is_char_boundary(i)
        && !hay[..i]
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
        let all: Vec<_> = p.find_all("nice to have").collect();
        assert_eq!(all, [(0, 0, 12), (1, 8, 12)]);
        assert_eq!(p.first_in("é plus"), Some(2));
    }
}
