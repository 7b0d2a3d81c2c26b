//! "Any one of" groups: "Python, Java, or Node.js", "one or more of",
//! "X or Y", "X/Y", each one requirement met by any member.

use super::{Group, Mention, Sentences, Tier, floor_boundary, phrase_key};

/// Words of a lowercase sentence that open an "any one of" list.
const GROUP_CUES: &[&str] = &[
    "one of",
    "at least one",
    "one or more",
    "any of",
    "either",
    "or similar",
    "or equivalent",
    "or comparable",
];

/// The most members an "any one of" list has: a longer run is a list of
/// skills, each asked for (and a hostile posting's endless "A/B, C/D, ..."
/// stays linear).
const MAX_MEMBERS: usize = 16;

/// Group mentions into "any one of" requirements: consecutive mentions of a
/// sentence joined by "or" or "/", or after "one of", "at least one",
/// "either". A mention that also stands alone elsewhere leaves its group.
pub(super) fn find_groups(
    text: &str,
    sents: &Sentences,
    blocks: &[(usize, usize)],
    mentions: &mut [Mention],
) -> Vec<Group> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut i = 0;
    while i < mentions.len() {
        let line = mentions[i].line;
        let (ss, se) = sents.around(mentions[i].span.start, blocks[line]);
        let mut run = vec![i];
        let mut seps = Vec::new();
        let mut j = i + 1;
        while j < mentions.len() && mentions[j].span.start < se && !mentions[j].soft {
            let between = text[mentions[j - 1].span.end..mentions[j].span.start]
                .trim()
                .to_ascii_lowercase();
            let between = between.trim_end_matches(")").trim().to_string();
            if !matches!(
                between.as_str(),
                "," | "/" | "or" | ", or" | "and" | ", and" | "and/or" | ", and/or" | "&" | "|"
            ) {
                break;
            }
            seps.push(between);
            run.push(j);
            j += 1;
        }
        if (2..=MAX_MEMBERS).contains(&run.len()) && !mentions[i].soft {
            // what comes just before the run, and just after it
            let from = floor_boundary(text, mentions[i].span.start.saturating_sub(80).max(ss));
            let before = text[from..mentions[i].span.start].to_ascii_lowercase();
            let last_end = mentions[run[run.len() - 1]].span.end;
            let after_to = floor_boundary(text, (last_end + 24).min(se)).max(last_end);
            // examples of a kind: "databases such as MySQL, Oracle and
            // MongoDB", "distributed compute (Spark, Dask)": any one will do
            let mut from = before.len().saturating_sub(24);
            while !before.is_char_boundary(from) {
                from += 1;
            }
            let near = &before[from..];
            let examples = [
                "such as",
                "e.g",
                "like ",
                "including",
                "for example",
                "for instance",
            ]
            .iter()
            .any(|c| near.contains(c))
                || before.trim_end().ends_with('(');
            let cue = GROUP_CUES.iter().any(|c| before.contains(c))
                || examples
                || text[last_end..after_to]
                    .to_ascii_lowercase()
                    .trim_start()
                    .starts_with("or similar");
            let or = seps
                .iter()
                .any(|s| s.contains("or") || s == "/" || s == "|");
            let and = seps
                .iter()
                .any(|s| s.contains("and") && !s.contains("and/or") || s == "&");
            if cue || (or && !and) {
                groups.push(run.clone());
            }
        }
        i = j.max(i + 1);
    }
    // a member that is also mentioned alone (same text) is no group member
    let keys: Vec<String> = mentions.iter().map(|m| phrase_key(&m.text)).collect();
    let mut total: crate::hash::Map<&str, usize> = Default::default();
    for k in &keys {
        *total.entry(k.as_str()).or_default() += 1;
    }
    let mut out = Vec::new();
    for g in groups {
        let mut here: crate::hash::Map<&str, usize> = Default::default();
        for &m in &g {
            *here.entry(keys[m].as_str()).or_default() += 1;
        }
        let alone = |m: usize| {
            let key = keys[m].as_str();
            total.get(key).copied().unwrap_or(0) > here.get(key).copied().unwrap_or(0)
        };
        let members: Vec<usize> = g.iter().copied().filter(|&m| !alone(m)).collect();
        if members.len() < 2 {
            continue;
        }
        let tier = members
            .iter()
            .map(|&m| mentions[m].tier)
            .min()
            .unwrap_or(Tier::Bonus);
        let id = out.len();
        for &m in &members {
            mentions[m].group = Some(id);
        }
        out.push(Group { members, tier });
    }
    out
}
