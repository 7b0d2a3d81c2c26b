//! The built-in vague phrases and weak verbs ("responsible for", "hard
//! worker"), where the role's own overused terms do not already cover them.

use crate::report::{Flag, FlagKind};
use crate::text::Span;
use crate::text::lexicon::VAGUE;

/// Flag each vague phrase (index in `VAGUE`, span, line) that does not
/// overlap an overused term of the role; the number flagged.
pub(super) fn flag(
    hits: Vec<(usize, Span, usize)>,
    mut overused: Vec<Span>,
    text: &str,
    flags: &mut Vec<Flag>,
) -> usize {
    // overlap test in O(log n): spans by start, with the furthest end so far
    crate::sort::sort(&mut overused);
    let furthest_end: Vec<usize> = overused
        .iter()
        .scan(0, |m, o| {
            *m = o.end.max(*m);
            Some(*m)
        })
        .collect();
    let mut count = 0usize;
    for (vi, span, line) in hits {
        let before = overused.partition_point(|o| o.start < span.end);
        if before > 0 && furthest_end[before - 1] > span.start {
            continue;
        }
        let v = &VAGUE[vi];
        count += 1;
        let said = &text[span.range()];
        flags.push(Flag {
            kind: if v.weak_verb {
                FlagKind::WeakVerb
            } else {
                FlagKind::Vague
            },
            span: Some(span),
            line: Some(line),
            text: said.into(),
            message: if v.weak_verb {
                format!("\"{said}\" describes a duty, not an achievement.")
            } else {
                format!("\"{said}\" is vague.")
            },
            suggestion: v.suggestion.to_string(),
        });
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_overused_term_of_the_role_covers_the_vague_phrase() {
        let text = "a hard worker, responsible for tests";
        let vi = VAGUE.iter().position(|v| v.weak_verb).expect("a weak verb");
        let (worker, resp) = (Span::new(2, 13), Span::new(15, 30));
        let mut flags = Vec::new();
        let n = flag(
            vec![(vi, worker, 1), (vi, resp, 1)],
            vec![Span::new(0, 13)],
            text,
            &mut flags,
        );
        assert_eq!(n, 1);
        assert_eq!(flags[0].text, "responsible for");
        assert_eq!(flags[0].kind, FlagKind::WeakVerb);
    }
}
