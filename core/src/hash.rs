//! Hashing of what inputs bring in (words, keyword terms, style names),
//! keyed by a secret drawn once per process, so that no input can be crafted
//! to collide (hash flooding would make a table quadratic).
//!
//! The hash is foldhash (the "fast" variant, what hashbrown uses): folded
//! 64x64->128-bit multiplies of the input against secret seeds, for which no
//! seed-independent collisions are known. Its own default seed comes from
//! address-space randomness and the clock (none of which a wasm32 page has);
//! ours comes from the operating system: the keys of std's `RandomState`,
//! or, on wasm32 (where std has no randomness), the JavaScript
//! `crypto.getRandomValues` through getrandom. If that fails the seed is
//! fixed: every table is still correct, only no longer proof against
//! crafted input.
//!
//! Nothing that depends on the seed may reach a report: no table keyed this
//! way is iterated to make output.

use std::hash::BuildHasher;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use foldhash::SharedSeed;
use foldhash::fast::{FoldHasher, SeedableRandomState};

/// The process's secret: foldhash's shared seed, and a base for the
/// per-table seeds (which must be secret too: a known accumulator lets an
/// input cancel it).
struct Secret {
    shared: SharedSeed,
    base: u64,
}

fn secret() -> &'static Secret {
    static SECRET: OnceLock<Secret> = OnceLock::new();
    SECRET.get_or_init(|| {
        let [a, b] = random_words();
        Secret {
            shared: SharedSeed::from_u64(a),
            base: b,
        }
    })
}

/// Two random words from the operating system.
fn random_words() -> [u64; 2] {
    #[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
    {
        if let (Ok(a), Ok(b)) = (getrandom::u64(), getrandom::u64()) {
            return [a, b];
        }
    }
    // SipHash-1-3 keyed with random keys (fixed ones where std has no
    // randomness)
    let keys = std::collections::hash_map::RandomState::new();
    [keys.hash_one(1u64), keys.hash_one(2u64)]
}

/// The hasher state of the tables below: foldhash with the process's
/// secret seed, and a per-table seed (a table filled by iterating another
/// one with the same seed can cluster).
#[derive(Clone, Debug)]
pub(crate) struct State(SeedableRandomState);

impl Default for State {
    fn default() -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let s = secret();
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        State(SeedableRandomState::with_seed(
            s.base ^ n.wrapping_mul(0x9e37_79b9_7f4a_7c15),
            &s.shared,
        ))
    }
}

impl BuildHasher for State {
    type Hasher = FoldHasher<'static>;

    #[inline]
    fn build_hasher(&self) -> FoldHasher<'static> {
        self.0.build_hasher()
    }
}

/// A hash map keyed by input (see the module).
pub(crate) type Map<K, V> = std::collections::HashMap<K, V, State>;
/// A hash set of input (see the module).
pub(crate) type Set<K> = std::collections::HashSet<K, State>;

/// The hasher of words, one for the whole process: the tokenizer's interner
/// and the stem caches shared by documents key on the same hashes.
pub(crate) fn words() -> FoldHasher<'static> {
    static WORDS: OnceLock<State> = OnceLock::new();
    WORDS.get_or_init(State::default).build_hasher()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hasher;

    #[test]
    fn one_word_hasher_per_process() {
        let hash = |w: u64| {
            let mut h = words();
            h.write_u128(u128::from(w));
            h.finish()
        };
        assert_eq!(hash(7), hash(7));
        assert_ne!(hash(7), hash(8));
    }

    #[test]
    fn tables_have_their_own_seeds() {
        let (a, b) = (State::default(), State::default());
        assert_eq!(a.hash_one("rust"), a.hash_one("rust"));
        assert_ne!(a.hash_one("rust"), b.hash_one("rust"));
    }
}
