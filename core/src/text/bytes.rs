//! Tests on eight bytes at once (a `u64` read little-endian: byte `k` of
//! the text is byte `k` of the word). Each test sets the high bit of every
//! byte it finds and is exact per byte: no carry or borrow crosses bytes.

pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
const LOW7: u64 = ONES * 0x7f;
pub(crate) const HIGH: u64 = ONES * 0x80;

/// High bit set in each byte of `v` that is zero (exact: no carries between
/// bytes).
fn zero_bytes(v: u64) -> u64 {
    !(((v & LOW7) + LOW7) | v | LOW7)
}

/// High bit set in each byte of `v` that equals `b`.
pub(crate) fn bytes_equal(v: u64, b: u8) -> u64 {
    zero_bytes(v ^ (ONES * u64::from(b)))
}

/// High bit set in each byte of `v` that is an ASCII digit.
pub(crate) fn digit_bytes(v: u64) -> u64 {
    let low = v & LOW7;
    // (a byte of `low` plus 0x50 or 0x46 stays under 0x100: no carries)
    let ge_0 = low + ONES * (0x80 - u64::from(b'0'));
    let gt_9 = low + ONES * (0x80 - u64::from(b'9') - 1);
    ge_0 & !gt_9 & !v & HIGH
}

/// The first byte from `from` that `hits` marks: `hits` takes eight bytes
/// (little-endian, see [`word_at`]) and sets the high bit of each byte it
/// looks for. The last bytes are read zero-padded, and hits in the padding
/// are dropped.
pub(crate) fn first_byte(bytes: &[u8], from: usize, hits: impl Fn(u64) -> u64) -> Option<usize> {
    let mut i = from;
    while i + 8 <= bytes.len() {
        let h = hits(word_at(bytes, i));
        if h != 0 {
            return Some(i + h.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    let rest = bytes.get(i..).unwrap_or_default();
    if rest.is_empty() {
        return None;
    }
    let mut last = [0u8; 8];
    last[..rest.len()].copy_from_slice(rest);
    let h = hits(u64::from_le_bytes(last)) & (u64::MAX >> (64 - 8 * rest.len()));
    (h != 0).then(|| i + h.trailing_zeros() as usize / 8)
}

/// The last byte before `to` that `hits` marks (see [`first_byte`]), read
/// backwards eight bytes at a time; the first bytes are read zero-padded,
/// and hits in the padding are dropped.
pub(crate) fn last_byte(bytes: &[u8], to: usize, hits: impl Fn(u64) -> u64) -> Option<usize> {
    let mut i = to;
    while i >= 8 {
        let h = hits(word_at(bytes, i - 8));
        if h != 0 {
            return Some(i - 8 + (63 - h.leading_zeros() as usize) / 8);
        }
        i -= 8;
    }
    if i == 0 {
        return None;
    }
    let mut first = [0u8; 8];
    first[..i].copy_from_slice(&bytes[..i]);
    let h = hits(u64::from_le_bytes(first)) & (u64::MAX >> (64 - 8 * i));
    (h != 0).then(|| (63 - h.leading_zeros() as usize) / 8)
}

/// The eight bytes from `i`, little-endian (the first byte lowest).
pub(crate) fn word_at(bytes: &[u8], i: usize) -> u64 {
    let c = &bytes[i..i + 8];
    u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_byte_is_rposition() {
        // every length to 40, a line break at every place (and none)
        for len in 0..40usize {
            for at in (0..=len).rev() {
                let mut b: Vec<u8> = (0..len).map(|k| b'a' + (k % 26) as u8).collect();
                if at < len {
                    b[at] = b'\n';
                    if at > 3 {
                        b[at - 3] = b'\n';
                    }
                }
                for to in 0..=len {
                    let want = b[..to].iter().rposition(|&c| c == b'\n');
                    assert_eq!(
                        last_byte(&b, to, |w| bytes_equal(w, b'\n')),
                        want,
                        "{b:?} to {to}"
                    );
                }
            }
        }
    }
}
