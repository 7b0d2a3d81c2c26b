//! The role's keywords in a resume: each keyword's hits, status and
//! points, and the checks that read them (a missing or misspelled keyword,
//! one only in lists, acronym and full term, exact wording, stuffing).

use super::achievements::bullet_tokens;
use super::pending::{Message, Pending, write_written_as};
use super::round2;
use super::score::{Tally, TierPoints};
use crate::document::{Document, Line, LineKind};
use crate::matching::{Inner, KeywordInfo, RawHit, Source};
use crate::report::*;
use crate::roles::{Keyword, Tier};
use crate::text::Span;
use crate::text::lexicon::Section;

/// How many places of one keyword a report lists before it lists only
/// places of a kind it has not listed yet: a keyword-dense input of 10 MB
/// has hundreds of thousands, ~100 bytes each, that no reader goes through.
/// [`KeywordResult::count`] still counts them all.
pub(crate) const MAX_HITS: usize = 1000;

/// One keyword's hits in the resume.
#[derive(Default)]
pub(super) struct KwAcc {
    /// The first [`MAX_HITS`], then the first of each (kind, alternative,
    /// in context) not listed yet: every check below reads the same answer
    /// from them as from all the hits.
    pub(super) hits: Vec<KeywordHit>,
    /// Once [`MAX_HITS`] are listed: the (kind, alternative, in context)
    /// of the hits listed.
    listed: Vec<(MatchKind, Option<smol_str::SmolStr>, bool)>,
    /// Hits that count (not typos, not related words).
    pub(super) counted: usize,
    /// Whether a counted hit is in an experience sentence.
    pub(super) context: bool,
}

/// The matching's hits sorted out.
pub(super) struct Gathered {
    /// Per role keyword.
    pub(super) keywords: Vec<KwAcc>,
    /// Built-in vague phrases: (index in `VAGUE`, span, line number).
    pub(super) vague: Vec<(usize, Span, usize)>,
    /// Where the role's overused terms are.
    pub(super) overused_spans: Vec<Span>,
}

/// Sort the matching's hits by what they are hits of.
pub(super) fn gather(inner: &Inner, doc: &Document<'_>, raw: &[RawHit]) -> Gathered {
    let role = &inner.role;
    // each keyword's hits sized exactly: a keyword-dense input has
    // hundreds of thousands, and doubling would leave up to half unused
    let mut counts = vec![0usize; role.keywords.len()];
    for h in raw {
        if let Source::Role(ki) = inner.patterns[h.pattern as usize].keyword {
            counts[ki] += 1;
        }
    }
    for n in &mut counts {
        *n = (*n).min(MAX_HITS);
    }
    let mut out = Gathered {
        keywords: counts
            .into_iter()
            .map(|n| KwAcc {
                hits: Vec::with_capacity(n),
                ..KwAcc::default()
            })
            .collect(),
        vague: Vec::new(),
        overused_spans: Vec::new(),
    };
    for h in raw {
        let p = &inner.patterns[h.pattern as usize];
        let span = h.span(&doc.tokens);
        let line = &doc.lines[doc.tokens.tokens[h.first as usize].line as usize];
        match p.keyword {
            Source::Vague(vi) => out.vague.push((vi, span, line.number)),
            Source::Role(ki) => {
                // a field of study the role's education asks for is in
                // its place in the education section ("BSc Computer
                // Science"): no experience bullet is asked of it
                let ctx = in_context(doc, line)
                    || (inner.study_field[ki] && line.section == Section::Education);
                let a = &mut out.keywords[ki];
                if h.kind.counts() {
                    a.counted += 1;
                    a.context |= ctx;
                }
                if role.keywords[ki].tier == Tier::Overused {
                    out.overused_spans.push(span);
                }
                if a.hits.len() >= MAX_HITS {
                    let key = |k: &KeywordHit| (k.kind, k.via.clone(), k.in_context);
                    if a.listed.is_empty() {
                        for k in &a.hits {
                            if !a.listed.contains(&key(k)) {
                                a.listed.push(key(k));
                            }
                        }
                    }
                    let this = (h.kind, p.via.clone(), ctx);
                    if a.listed.contains(&this) {
                        continue;
                    }
                    a.listed.push(this);
                }
                a.hits.push(KeywordHit {
                    span,
                    line: line.number,
                    text: doc.text[span.range()].into(),
                    kind: h.kind,
                    variant: h.variant,
                    form: p.form.clone(),
                    via: p.via.clone(),
                    section: line.section,
                    in_context: ctx,
                });
            }
        }
    }
    out
}

/// Whether a hit on this line counts as "in context": a bullet or sentence
/// of five words or more, in experience, projects, summary or volunteering
/// (or anywhere but the header if the resume has no recognized headings).
fn in_context(doc: &Document<'_>, line: &Line) -> bool {
    // a wrapped bullet is judged as a whole, from its first line
    let first = (0..line.number)
        .rev()
        .find(|&i| !doc.lines[i].continuation)
        .unwrap_or(line.number - 1);
    let words = if doc.lines[first].kind == LineKind::Bullet {
        bullet_tokens(doc, first)
    } else {
        line.token_count()
    };
    matches!(line.kind, LineKind::Bullet | LineKind::Sentence)
        && words >= 5
        && (line.section.is_context() || (!doc.has_sections && line.section != Section::Skills))
}

/// Where the keyword checks write: the report's flags (in the order made)
/// and the suggestions before ranking.
pub(super) struct Advice<'a> {
    pub(super) flags: &'a mut Vec<Flag>,
    pub(super) pending: &'a mut Vec<Pending>,
}

/// Each keyword's result, in role order, with its flags and suggestions.
pub(super) fn assess(
    inner: &Inner,
    doc: &Document<'_>,
    hits: Vec<KwAcc>,
    tiers: &TierPoints,
    out: &mut Advice<'_>,
) -> (Vec<KeywordResult>, Tally) {
    let role = &inner.role;
    let mut keywords = Vec::with_capacity(role.keywords.len());
    let mut t = Tally::default();
    let opts = &inner.options;
    // (the same for every keyword: worked out once a report)
    let density_limit = (doc.word_count as f64 * opts.stuffing_density).ceil() as usize;
    for (ki, ((k, a), info)) in role.keywords.iter().zip(hits).zip(&inner.info).enumerate() {
        let found = a.counted > 0;
        let status = status(k.tier, &a);
        let s = &mut t.summaries[k.tier as usize];
        s.total += 1;
        s.found += usize::from(found);
        s.in_context += usize::from(found && a.context && k.tier != Tier::Overused);

        let (cov_gain, ctx_gain) = tiers.gains(k);
        let mut points = 0.0;
        if found && k.tier != Tier::Overused {
            points += cov_gain;
            match k.tier {
                Tier::MustHave => t.must_found_w += k.weight,
                _ => t.bonus_found_w += k.weight,
            }
            if a.context {
                points += ctx_gain;
                if k.tier == tiers.context_tier {
                    t.context_w += k.weight;
                }
            }
        }
        advise(ki, k, info, &a, status, (cov_gain, ctx_gain), &mut t, out);
        if k.tier != Tier::Overused {
            typo_flags(&a, out.flags);
            acronyms(info, &a, &mut t, out.flags);
            not_exact(info, &a, out.flags);
            stuffing(
                k,
                info,
                &a,
                doc,
                (opts.stuffing_min_count, density_limit),
                &mut t,
                out.flags,
            );
        }
        keywords.push(KeywordResult {
            term: info.term.clone(),
            tier: k.tier,
            weight: k.weight,
            found,
            status,
            count: a.counted,
            points: round2(points),
            hits: a.hits,
            one_of: if k.evidence.is_some() {
                k.any_of.iter().map(smol_str::SmolStr::from).collect()
            } else {
                Vec::new()
            },
        });
    }
    (keywords, t)
}

/// A keyword's status from its hits.
fn status(tier: Tier, a: &KwAcc) -> KeywordStatus {
    let found = a.counted > 0;
    let has = |kind: MatchKind| a.hits.iter().any(|h| h.kind == kind);
    match tier {
        Tier::Overused if found => KeywordStatus::Present,
        Tier::Overused => KeywordStatus::Absent,
        _ if found && a.context => KeywordStatus::InContext,
        _ if found => KeywordStatus::ListOnly,
        _ if has(MatchKind::Fuzzy) => KeywordStatus::Typo,
        _ if has(MatchKind::Related) => KeywordStatus::Related,
        _ => KeywordStatus::Missing,
    }
}

/// What a keyword's status calls for: an overused term present is flagged;
/// a keyword missing (or only misspelled, or only shown by a related word)
/// is to be added; one only in lists, to be used in a sentence.
#[allow(clippy::too_many_arguments)]
fn advise(
    ki: usize,
    k: &Keyword,
    info: &KeywordInfo,
    a: &KwAcc,
    status: KeywordStatus,
    (cov_gain, ctx_gain): (f64, f64),
    t: &mut Tally,
    out: &mut Advice<'_>,
) {
    match (k.tier, status) {
        (Tier::Overused, KeywordStatus::Present) => {
            t.overused_present.push(k.term.clone());
            let sugg = k
                .suggestion
                .clone()
                .unwrap_or_else(|| "Replace it with a concrete achievement, with a number.".into());
            for h in &a.hits {
                out.flags.push(Flag {
                    kind: FlagKind::Overused,
                    span: Some(h.span),
                    line: Some(h.line),
                    text: h.text.clone(),
                    message: format!("\"{}\" is an overused buzzword recruiters skip.", h.text),
                    suggestion: sugg.clone(),
                });
            }
        }
        (_, KeywordStatus::Missing | KeywordStatus::Typo | KeywordStatus::Related) => {
            let typo = a.hits.iter().position(|h| h.kind == MatchKind::Fuzzy);
            let related = a.hits.iter().position(|h| h.kind == MatchKind::Related);
            out.pending.push(Pending {
                kind: if typo.is_some() {
                    SuggestionKind::FixTypo
                } else {
                    SuggestionKind::AddKeyword
                },
                impact: round2(cov_gain + ctx_gain),
                line: typo.or(related).map(|i| a.hits[i].line),
                message: match (typo, related) {
                    (Some(hit), _) => Message::FixTypo { keyword: ki, hit },
                    (None, Some(hit)) => Message::NameIt { keyword: ki, hit },
                    (None, None) => Message::AddKeyword(ki),
                },
            });
        }
        (_, KeywordStatus::ListOnly) => {
            let first = a.hits.iter().position(|h| h.kind.counts());
            if ctx_gain > 0.0 {
                out.pending.push(Pending {
                    kind: SuggestionKind::UseInContext,
                    impact: round2(ctx_gain),
                    line: first.map(|i| a.hits[i].line),
                    message: Message::UseInContext {
                        keyword: ki,
                        hit: first,
                    },
                });
            }
            if let Some(h) = first.map(|i| &a.hits[i]) {
                const NEVER: &str = " is never used in an experience, project or summary sentence.";
                let mut message = String::with_capacity(
                    h.text.len() + 2 * info.parsed.name.len() + NEVER.len() + 10,
                );
                write_written_as(&mut message, &info.parsed.name, Some(h));
                message.push_str(NEVER);
                out.flags.push(Flag {
                    kind: FlagKind::ListOnly,
                    span: Some(h.span),
                    line: Some(h.line),
                    text: info.term.clone(),
                    message,
                    suggestion:
                        "Put it in an experience sentence: what you built with it and the result."
                            .into(),
                });
            }
        }
        _ => {}
    }
}

/// Typos are flagged even when the keyword is also found elsewhere.
fn typo_flags(a: &KwAcc, flags: &mut Vec<Flag>) {
    for h in a.hits.iter().filter(|h| h.kind == MatchKind::Fuzzy) {
        flags.push(Flag {
            kind: FlagKind::Typo,
            span: Some(h.span),
            line: Some(h.line),
            text: h.text.clone(),
            message: format!("\"{}\" looks like a typo of \"{}\".", h.text, h.form),
            suggestion: format!("Write \"{}\".", h.form),
        });
    }
}

/// Acronym and full term, per form group (the term, or each alternative):
/// a keyword found in one form only is flagged.
fn acronyms(info: &KeywordInfo, a: &KwAcc, t: &mut Tally, flags: &mut Vec<Flag>) {
    t.acronym_capable += info.pairs.len();
    if a.counted == 0 {
        return;
    }
    for (group, full, acro) in &info.pairs {
        let group = group.clone();
        let in_group: Vec<&KeywordHit> = a
            .hits
            .iter()
            .filter(|h| h.kind.counts() && h.via.as_deref() == group.as_deref())
            .collect();
        if in_group.is_empty() {
            continue;
        }
        t.acronym_total += 1;
        let saw_pair = in_group.iter().any(|h| h.kind == MatchKind::Acronym);
        let saw_term = in_group.iter().any(|h| h.kind != MatchKind::Acronym);
        if saw_pair && saw_term {
            t.acronym_both += 1;
            continue;
        }
        let term = group.as_deref().unwrap_or(&info.parsed.name);
        let term_is_acro = crate::text::normalize(acro) == crate::text::normalize(term);
        let (have, lack) = if saw_pair != term_is_acro {
            (&acro, &full)
        } else {
            (&full, &acro)
        };
        t.acronym_missing.push(have.to_string());
        let h = in_group[0];
        flags.push(Flag {
            kind: FlagKind::AcronymOnly,
            span: Some(h.span),
            line: Some(h.line),
            text: have.as_str().into(),
            message: format!(
                "You write \"{have}\" but never \"{lack}\"; an ATS may search for either."
            ),
            suggestion: format!("Write both once: \"{full} ({acro})\"."),
        });
    }
}

/// A keyword found only under another name: an exact-match ATS may not
/// count it.
fn not_exact(info: &KeywordInfo, a: &KwAcc, flags: &mut Vec<Flag>) {
    let exact = |h: &KeywordHit| matches!(h.kind, MatchKind::Exact | MatchKind::Variant);
    if a.counted == 0 || a.hits.iter().any(exact) {
        return;
    }
    let display = info.parsed.name.as_str();
    let alias = a.hits.iter().find(|h| h.kind == MatchKind::Alias);
    // "REST APIs" for the keyword "REST" does say "REST"
    let Some(h) = alias
        .filter(|h| !crate::text::contains_words(&h.text, h.via.as_deref().unwrap_or(display)))
    else {
        return;
    };
    let want = h.via.as_deref().unwrap_or(display);
    flags.push(Flag {
        kind: FlagKind::NotExact,
        span: Some(h.span),
        line: Some(h.line),
        text: h.text.clone(),
        message: format!(
            "The role says \"{want}\"; your resume only says \"{}\".",
            h.text
        ),
        suggestion: format!(
            "Use the exact words \"{want}\" at least once: an ATS that matches exact keywords may not count \"{}\".",
            h.text
        ),
    });
}

/// A keyword written so often, for the resume's length, that it reads as
/// keyword stuffing: at least `min_count` times and more than
/// `density_limit` (the resume's words times the stuffing density).
fn stuffing(
    k: &Keyword,
    info: &KeywordInfo,
    a: &KwAcc,
    doc: &Document<'_>,
    (min_count, density_limit): (usize, usize),
    t: &mut Tally,
    flags: &mut Vec<Flag>,
) {
    if a.counted < min_count || a.counted <= density_limit {
        return;
    }
    t.stuffed.push(k.term.clone());
    flags.push(Flag {
        kind: FlagKind::Stuffing,
        span: None,
        line: None,
        text: info.term.clone(),
        message: format!(
            "\"{}\" appears {} times in {} words; ATS and recruiters read that as keyword stuffing.",
            info.parsed.name, a.counted, doc.word_count
        ),
        suggestion: "Keep the mentions that show what you did with it; cut the rest.".into(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acc(kinds: &[MatchKind], context: bool) -> KwAcc {
        let hits: Vec<KeywordHit> = kinds
            .iter()
            .map(|&kind| KeywordHit {
                span: Span { start: 0, end: 3 },
                line: 1,
                text: "SQL".into(),
                kind,
                variant: None,
                form: "SQL".into(),
                via: None,
                section: Section::Skills,
                in_context: context,
            })
            .collect();
        KwAcc {
            counted: hits.iter().filter(|h| h.kind.counts()).count(),
            context,
            hits,
            ..KwAcc::default()
        }
    }

    #[test]
    fn status_reads_the_hits() {
        use KeywordStatus::{Absent, InContext, ListOnly, Missing, Present, Typo};
        use MatchKind::{Alias, Exact, Fuzzy};
        for (tier, kinds, context, want) in [
            (Tier::MustHave, &[Exact][..], true, InContext),
            (Tier::MustHave, &[Alias], false, ListOnly),
            (Tier::Bonus, &[Fuzzy, MatchKind::Related], false, Typo),
            (
                Tier::Bonus,
                &[MatchKind::Related],
                false,
                KeywordStatus::Related,
            ),
            (Tier::MustHave, &[], false, Missing),
            (Tier::Overused, &[Exact], true, Present),
            (Tier::Overused, &[Fuzzy], false, Absent),
        ] {
            assert_eq!(status(tier, &acc(kinds, context)), want, "{kinds:?}");
        }
    }

    #[test]
    fn a_typo_is_flagged_beside_a_found_keyword() {
        let mut flags = Vec::new();
        typo_flags(
            &acc(&[MatchKind::Exact, MatchKind::Fuzzy], true),
            &mut flags,
        );
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].kind, FlagKind::Typo);
    }
}
