//! Stable sorting with one compiled sort for the whole crate.
//!
//! `slice::sort_by` compiles the standard library's sort (driftsort, several
//! KB of code) once per element type and comparator; the crate's dozen sorts
//! made 63 KB of the WebAssembly module. These functions sort through one
//! non-generic routine that sees only positions: it compares items by index
//! and moves them by swapping, so each call site adds only its comparator.
//!
//! A stable sort's result is fully determined by the comparator (equal items
//! keep their order), so these give exactly what `sort_by` gives; in place of
//! `sort_unstable` they give the same result whenever items that compare
//! equal are identical (a derived `Ord`).

use std::cmp::Ordering;

/// Runs up to this long are sorted by insertion, in place and without
/// allocating (what most of the crate's sorts are).
const SMALL: usize = 16;

/// What [`sort_positions`] asks of the items.
enum Op {
    /// Compare the items at these positions.
    Cmp,
    /// Exchange the items at these positions.
    Swap,
}

/// Sorts `n` items stably by position: `at(Op::Cmp, i, j)` compares the
/// items at `i` and `j`, `at(Op::Swap, i, j)` exchanges them.
fn sort_positions(n: usize, at: &mut dyn FnMut(Op, usize, usize) -> Ordering) {
    if n <= SMALL {
        for i in 1..n {
            let mut j = i;
            while j > 0 && at(Op::Cmp, j - 1, j) == Ordering::Greater {
                at(Op::Swap, j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    // the order first, from the items where they stand; then each item
    // swapped to its place (`to[i]`: where the item now at `i` belongs)
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| at(Op::Cmp, a, b));
    let mut to = vec![0; n];
    for (place, &from) in order.iter().enumerate() {
        to[from] = place;
    }
    for i in 0..n {
        while to[i] != i {
            let j = to[i];
            at(Op::Swap, i, j);
            to.swap(i, j);
        }
    }
}

/// `v.sort_by(cmp)`.
pub(crate) fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let n = v.len();
    if n < 2 {
        return;
    }
    sort_positions(n, &mut |op, a, b| match op {
        Op::Cmp => cmp(&v[a], &v[b]),
        Op::Swap => {
            v.swap(a, b);
            Ordering::Equal
        }
    });
}

/// `v.sort_by_key(key)`.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// `v.sort()` (and `v.sort_unstable()` where equal items are identical).
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pseudo-random test data: (key, position) pairs with many equal keys.
    fn data(n: usize, seed: u32, keys: u32) -> Vec<(u32, usize)> {
        let mut x = seed | 1;
        (0..n)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                (x % keys, i)
            })
            .collect()
    }

    #[test]
    fn same_as_the_standard_stable_sort() {
        for n in [0, 1, 2, 3, 15, 16, 17, 40, 1000] {
            for seed in 1..20 {
                for keys in [1, 2, 7, 1000] {
                    let v = data(n, seed, keys);
                    let mut want = v.clone();
                    want.sort_by_key(|x| std::cmp::Reverse(x.0));
                    let mut got = v.clone();
                    sort_by_key(&mut got, |x| std::cmp::Reverse(x.0));
                    assert_eq!(got, want, "n {n} seed {seed} keys {keys}");
                    let mut want = v.clone();
                    want.sort_unstable();
                    let mut got = v;
                    sort(&mut got);
                    assert_eq!(got, want, "n {n} seed {seed} keys {keys}");
                }
            }
        }
    }
}
