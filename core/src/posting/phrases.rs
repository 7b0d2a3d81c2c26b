//! Lists of cue phrases matched in one pass over a line, in place of one
//! substring search per phrase: a byte trie of the (short) phrases, walked
//! from each position, so the work is the text's length times the longest
//! phrase at most. (The aho-corasick crate does this too, at ~100 KB of
//! WebAssembly the page would download; the phrases are few and short.)

/// A list of lowercase phrases, searched together.
pub(crate) struct Phrases {
    /// Every node's children, node after node (a node's lie together, so a
    /// walk reads one short run of memory at each step).
    edges: Vec<(u8, u32)>,
    /// Per node: its children's range in `edges`, and the phrase that ends
    /// there (`NO_PHRASE`: none).
    nodes: Vec<FlatNode>,
    /// The root's children by first byte (0: none), so that most positions
    /// cost one lookup.
    first: Vec<u32>,
}

#[derive(Clone, Copy)]
struct FlatNode {
    from: u32,
    to: u32,
    ends: u32,
}

const NO_PHRASE: u32 = u32::MAX;

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
        let mut edges = Vec::with_capacity(nodes.len());
        let nodes = nodes
            .into_iter()
            .map(|n| {
                let from = edges.len() as u32;
                edges.extend_from_slice(&n.children);
                FlatNode {
                    from,
                    to: edges.len() as u32,
                    ends: n.ends.map_or(NO_PHRASE, |k| k as u32),
                }
            })
            .collect();
        Phrases {
            edges,
            nodes,
            first,
        }
    }

    /// Every occurrence in `hay`: (phrase index, start, end), overlapping
    /// ones included, by start.
    pub fn find_all<'h>(&'h self, hay: &'h str) -> FindAll<'h> {
        FindAll {
            phrases: self,
            hay,
            word_starts: false,
            start: 0,
            node: 0,
            end: 0,
        }
    }

    /// [`Phrases::find_all`]'s occurrences that start a word (see
    /// [`word_start`]): no walk from inside a word.
    pub fn find_at_word_starts<'h>(&'h self, hay: &'h str) -> FindAll<'h> {
        FindAll {
            word_starts: true,
            ..self.find_all(hay)
        }
    }

    /// The first phrase in priority order that occurs in `hay`, anywhere.
    pub fn first_in(&self, hay: &str) -> Option<usize> {
        self.find_all(hay).map(|(p, _, _)| p).min()
    }

    /// The first phrase in priority order that occurs in `hay` starting at a
    /// word start.
    pub fn first_word_in(&self, hay: &str) -> Option<usize> {
        self.find_at_word_starts(hay).map(|(p, _, _)| p).min()
    }
}

/// The occurrences [`Phrases::find_all`] gives, one at a time: the walk
/// from one start goes on where it stopped, nothing is collected.
pub(crate) struct FindAll<'h> {
    phrases: &'h Phrases,
    hay: &'h str,
    /// only walks that start a word
    word_starts: bool,
    /// where the current walk started
    start: usize,
    /// the node the walk is at (0: no walk, the next starts at `start`)
    node: usize,
    /// the byte after those walked
    end: usize,
}

impl Iterator for FindAll<'_> {
    type Item = (usize, usize, usize);

    fn next(&mut self) -> Option<Self::Item> {
        let p = self.phrases;
        let hay = self.hay.as_bytes();
        loop {
            if self.node == 0 {
                // the next start whose byte begins a phrase
                let first = hay
                    .get(self.start..)?
                    .iter()
                    .position(|&b| p.first[b as usize] != 0)?;
                self.start += first;
                if self.word_starts && !word_start(self.hay, self.start) {
                    // no word starts after an ASCII letter or digit: the
                    // rest of the word is skipped at once
                    self.start += 1;
                    while hay
                        .get(self.start - 1)
                        .is_some_and(u8::is_ascii_alphanumeric)
                        && self.start < hay.len()
                    {
                        self.start += 1;
                    }
                    continue;
                }
                self.node = p.first[hay[self.start] as usize] as usize;
                self.end = self.start + 1;
            } else {
                let n = p.nodes[self.node];
                let next = hay.get(self.end).and_then(|&c| {
                    p.edges[n.from as usize..n.to as usize]
                        .iter()
                        .find(|(x, _)| *x == c)
                });
                match next {
                    Some(&(_, n)) => {
                        self.node = n as usize;
                        self.end += 1;
                    }
                    None => {
                        self.node = 0;
                        self.start += 1;
                        continue;
                    }
                }
            }
            let k = p.nodes[self.node].ends;
            if k != NO_PHRASE {
                return Some((k as usize, self.start, self.end));
            }
        }
    }
}

/// Whether `i` starts a word of `hay` (no letter or digit before it).
pub(crate) fn word_start(hay: &str, i: usize) -> bool {
    match i.checked_sub(1).and_then(|j| hay.as_bytes().get(j)) {
        None => i == 0,
        // (an ASCII byte before: the char before)
        Some(b) if b.is_ascii() => hay.is_char_boundary(i) && !b.is_ascii_alphanumeric(),
        Some(_) => {
            hay.is_char_boundary(i)
                && !hay[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        }
    }
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
