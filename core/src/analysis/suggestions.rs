//! Suggestions: what to change, most valuable first. Each check makes its
//! suggestions as [`Pending`](super::pending::Pending) (an impact and what the message is about);
//! only the `max_suggestions` most valuable get their message written.

use super::pending::{Message, Pending};
use super::round2;
use super::score::{Facts, Tally};
use super::sections::Part;
use crate::document::Document;
use crate::matching::Inner;
use crate::options::ScoreWeights;
use crate::report::*;
use crate::text::lexicon::Section;

/// The order of suggestions as one integer, smallest first: impact
/// descending (in [`f64::total_cmp`]'s order), then kind, then `index` (the
/// order they were made in).
fn rank_key(impact: f64, kind: SuggestionKind, index: usize) -> u128 {
    let bits = impact.to_bits();
    // total order as an unsigned integer: negatives flipped below positives
    let ascending = if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    };
    (u128::from(!ascending) << 64) | (u128::from(kind as u8) << 56) | index as u128 & RANK_INDEX
}

/// The bits of a [`rank_key`] that hold the index.
const RANK_INDEX: u128 = (1 << 56) - 1;

/// The quantification suggestion: the bullets without a number, or, with
/// no achievement lines, how to write them.
pub(super) fn quantify(facts: &Facts<'_>, doc: &Document<'_>, pending: &mut Vec<Pending>) {
    let (ach, w) = (facts.achievements, facts.w);
    let q_pts = facts.quantified_points();
    if ach.total > 0 && q_pts < w.quantified {
        let lines: Vec<String> = ach
            .unquantified_lines
            .iter()
            .take(5)
            .map(|n| n.to_string())
            .collect();
        pending.push(Pending {
            kind: SuggestionKind::Quantify,
            impact: round2(w.quantified - q_pts),
            message: Message::Text(format!(
                "Quantify your achievements: {} of {} bullets have no number. Add the result (\"cut latency by 30%\", \"served 2M users\", \"saved $40K a year\"); start with line{} {}.",
                ach.unquantified_lines.len(),
                ach.total,
                if lines.len() == 1 { "" } else { "s" },
                lines.join(", ")
            )),
            line: ach.unquantified_lines.first().copied(),
        });
    } else if ach.total == 0 {
        pending.push(Pending {
            kind: SuggestionKind::Quantify,
            impact: round2(w.quantified),
            message: Message::Text(if doc.lines.iter().any(|l| l.section == Section::Experience) {
                "Your experience has no bullet of four words or more: write each achievement as a bullet with what you did and a measurable result.".into()
            } else {
                "Write your experience as bullet points under an \"Experience\" heading, each with a measurable result.".into()
            }),
            line: None,
        });
    }
}

/// A suggestion per flag that has one. Replacing phrases can win back at
/// most the penalty actually taken, and an overused term counts once
/// however often it is written.
pub(super) fn from_flags(
    flags: &[Flag],
    overused_penalty: f64,
    tally: &Tally,
    w: &ScoreWeights,
    pending: &mut Vec<Pending>,
) {
    let mut phrase_points = -overused_penalty;
    let mut overused_seen: Vec<String> = Vec::new();
    for (fi, f) in flags.iter().enumerate() {
        if let FlagKind::Unquantified | FlagKind::ListOnly | FlagKind::Typo = f.kind {
            continue;
        }
        if f.kind == FlagKind::Overused {
            let key = crate::text::normalize(&f.text);
            if overused_seen.contains(&key) {
                continue;
            }
            overused_seen.push(key);
        }
        let mut phrase = |each: f64| {
            let p = each.min(phrase_points.max(0.0));
            phrase_points -= p;
            p
        };
        let (kind, impact) = match f.kind {
            FlagKind::Overused => (SuggestionKind::ReplacePhrase, phrase(w.overused_each)),
            FlagKind::Vague | FlagKind::WeakVerb => {
                (SuggestionKind::ReplacePhrase, phrase(w.vague_each))
            }
            FlagKind::Stuffing => (SuggestionKind::ReduceRepetition, w.stuffing_each),
            FlagKind::NotExact => (SuggestionKind::UseExactWording, 0.0),
            FlagKind::AcronymOnly => (
                SuggestionKind::WriteBoth,
                w.acronyms / tally.acronym_capable.max(1) as f64,
            ),
            _ => (SuggestionKind::AddSection, 0.0),
        };
        pending.push(Pending {
            kind,
            impact: round2(impact),
            message: Message::Flag(fi),
            line: f.line,
        });
    }
}

/// A suggestion per missing part of the structure item.
pub(super) fn structure(parts: &[Part; 4], w: &ScoreWeights, pending: &mut Vec<Pending>) {
    for p in parts.iter().filter(|p| !p.present) {
        pending.push(Pending {
            kind: SuggestionKind::AddSection,
            impact: round2(p.share * w.structure / 5.0),
            message: Message::Text(p.fix.into()),
            line: None,
        });
    }
}

/// Up to this many suggestions kept, [`select`] picks them by insertion
/// into a short sorted list instead of sorting every key (a role of 300
/// keywords makes about as many suggestions, and a report keeps 30).
const KEEP_BY_INSERTION: usize = 64;

/// The `keep` smallest of `keys`, in order: what sorting them all and
/// keeping the first `keep` gives, in at most `keep` steps a key.
fn smallest(keys: Vec<u128>, keep: usize) -> Vec<u128> {
    let mut best: Vec<u128> = Vec::with_capacity(keep + 1);
    for k in keys {
        if best.len() == keep && best.last().is_none_or(|&last| k >= last) {
            continue;
        }
        let at = best.partition_point(|&b| b <= k);
        best.insert(at, k);
        best.truncate(keep);
    }
    best
}

/// The `keep` most valuable suggestions, messages written: most impact
/// first; among equals, the surest fix first; then the order they were made
/// in (role order, then text order): one integer key per suggestion in
/// that order. The keys are distinct, so the order is the same by any sort
/// (the crate's one, [`crate::sort`]).
pub(super) fn select(
    pending: Vec<Pending>,
    keep: usize,
    inner: &Inner,
    keywords: &[KeywordResult],
    flags: &[Flag],
) -> Vec<Suggestion> {
    let mut ranked: Vec<u128> = pending
        .iter()
        .enumerate()
        .map(|(i, p)| rank_key(p.impact, p.kind, i))
        .collect();
    if keep <= KEEP_BY_INSERTION && keep < ranked.len() {
        ranked = smallest(ranked, keep);
    } else {
        crate::sort::sort(&mut ranked);
        ranked.truncate(keep);
    }
    let mut pending: Vec<Option<Pending>> = pending.into_iter().map(Some).collect();
    ranked
        .into_iter()
        .filter_map(|key| pending[(key & RANK_INDEX) as usize].take())
        .map(|p| p.write(inner, keywords, flags))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const KINDS: [SuggestionKind; 9] = [
        SuggestionKind::FixTypo,
        SuggestionKind::UseInContext,
        SuggestionKind::WriteBoth,
        SuggestionKind::UseExactWording,
        SuggestionKind::ReplacePhrase,
        SuggestionKind::ReduceRepetition,
        SuggestionKind::Quantify,
        SuggestionKind::AddSection,
        SuggestionKind::AddKeyword,
    ];

    fn impact() -> impl Strategy<Value = f64> {
        prop_oneof![
            Just(0.0),
            Just(-0.0),
            Just(10.8),
            Just(f64::INFINITY),
            -100.0..100.0f64,
            any::<f64>(),
        ]
    }

    proptest! {
        /// The integer key orders suggestions as the comparison it stands
        /// for: impact descending (total order), kind, then index.
        #[test]
        fn rank_key_orders_as_impact_kind_index(
            a in (impact(), 0..9usize, 0..1usize << 40),
            b in (impact(), 0..9usize, 0..1usize << 40),
        ) {
            let expected = b.0.total_cmp(&a.0)
                .then(KINDS[a.1].cmp(&KINDS[b.1]))
                .then(a.2.cmp(&b.2));
            let (ka, kb) = (rank_key(a.0, KINDS[a.1], a.2), rank_key(b.0, KINDS[b.1], b.2));
            prop_assert_eq!(ka.cmp(&kb), expected);
            prop_assert_eq!((ka & RANK_INDEX) as usize, a.2);
        }

        /// The keys kept by insertion are those sorting keeps, in order
        /// (repeated keys and any count kept included).
        #[test]
        fn smallest_keys_are_the_first_sorted(
            keys in proptest::collection::vec(0..40u128, 0..120),
            keep in 0..80usize,
        ) {
            let mut sorted = keys.clone();
            sorted.sort();
            sorted.truncate(keep);
            prop_assert_eq!(smallest(keys, keep), sorted);
        }
    }
}
