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
    "some or all of",
    "some of the following",
];

/// The most members an "any one of" list has: a longer run is a list of
/// skills, each asked for (and a hostile posting's endless "A/B, C/D, ..."
/// stays linear).
const MAX_MEMBERS: usize = 16;

/// What may follow an "any one of" list: "Java, Kotlin or similar",
/// "product management, product marketing, or equivalent experience".
const AFTER_CUES: &[&str] = &[
    "or similar",
    "or equivalent",
    "or comparable",
    "or other",
    "or related",
    "or any other",
];

/// Words just before a list that make its members examples of a kind:
/// "databases such as MySQL, Oracle and MongoDB", "distributed compute
/// (Spark, Dask)": any one will do.
const EXAMPLE_CUES: &[&str] = &[
    "such as",
    "e.g",
    "like ",
    "including",
    "for example",
    "for instance",
];

/// Group mentions into "any one of" requirements: consecutive mentions of a
/// sentence joined by "or" or "/", or after "one of", "at least one",
/// "either", or before "or similar". After "one of the following:" the
/// members may stand side by side without commas (a list whose punctuation
/// was lost). A mention that also stands alone elsewhere, as strongly
/// asked for, leaves its group.
pub(super) fn find_groups(
    text: &str,
    sents: &Sentences,
    blocks: &[(usize, usize)],
    mentions: &mut [Mention],
) -> Vec<Group> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut in_run = vec![false; mentions.len()];
    let mut i = 0;
    while i < mentions.len() {
        let line = mentions[i].line;
        let (ss, se) = sents.around(mentions[i].span.start, blocks[line]);
        // what comes just before the run
        let from = floor_boundary(text, mentions[i].span.start.saturating_sub(80).max(ss));
        let before = text[from..mentions[i].span.start].to_ascii_lowercase();
        let cue_before = GROUP_CUES.iter().any(|c| before.contains(c));
        let mut run = vec![i];
        let mut seps = Vec::new();
        let mut j = i + 1;
        while j < mentions.len() && mentions[j].span.start < se && !mentions[j].soft {
            let between = text[mentions[j - 1].span.end..mentions[j].span.start]
                .trim()
                .to_ascii_lowercase();
            let between = between.trim_end_matches(")").trim().to_string();
            let joined = matches!(
                between.as_str(),
                "," | "/" | "or" | ", or" | "and" | ", and" | "and/or" | ", and/or" | "&" | "|"
            ) || (between.is_empty() && cue_before);
            // a list's conjunction comes before its last member: a comma
            // after it goes on to something else ("using Spark or Ray,
            // experiment tracking in MLflow")
            let closed = between == ","
                && seps.iter().any(|s: &String| {
                    matches!(
                        s.as_str(),
                        "or" | ", or" | "and" | ", and" | "and/or" | ", and/or" | "&"
                    )
                });
            if !joined || closed {
                break;
            }
            seps.push(between);
            run.push(j);
            j += 1;
        }
        if (2..=MAX_MEMBERS).contains(&run.len()) && !mentions[i].soft {
            let last_end = mentions[run[run.len() - 1]].span.end;
            let after_to = floor_boundary(text, (last_end + 24).min(se)).max(last_end);
            let after = text[last_end..after_to].to_ascii_lowercase();
            let after = after.trim_start().trim_start_matches(',').trim_start();
            let mut near_from = before.len().saturating_sub(24);
            while !before.is_char_boundary(near_from) {
                near_from += 1;
            }
            let near = &before[near_from..];
            let examples =
                EXAMPLE_CUES.iter().any(|c| near.contains(c)) || before.trim_end().ends_with('(');
            let cue = cue_before || examples || AFTER_CUES.iter().any(|c| after.starts_with(c));
            let or = seps
                .iter()
                .any(|s| s.contains("or") || s == "/" || s == "|");
            let and = seps
                .iter()
                .any(|s| s.contains("and") && !s.contains("and/or") || s == "&");
            if cue || (or && !and) {
                for &m in &run {
                    in_run[m] = true;
                }
                groups.push(run.clone());
            }
        }
        i = j.max(i + 1);
    }
    // a member also mentioned outside every list, as strongly asked for,
    // is asked for on its own: no group member ("Python or Java"; "Python
    // required"), but the stack a posting describes ("our stack: AWS
    // (ECS, RDS)") leaves "Kubernetes or ECS" a group
    let keys: Vec<String> = mentions.iter().map(|m| phrase_key(&m.text)).collect();
    let mut alone_tier: crate::hash::Map<&str, Tier> = Default::default();
    for (i, m) in mentions.iter().enumerate().filter(|&(i, _)| !in_run[i]) {
        let t = alone_tier.entry(keys[i].as_str()).or_insert(m.tier);
        *t = (*t).min(m.tier);
    }
    let mut out = Vec::new();
    for g in groups {
        let run_tier = g
            .iter()
            .map(|&m| mentions[m].tier)
            .min()
            .unwrap_or(Tier::Bonus);
        let alone = |m: usize| {
            alone_tier
                .get(keys[m].as_str())
                .is_some_and(|&t| t <= run_tier)
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

/// Add to `names` each member's name not among them yet (letter case,
/// spacing and punctuation aside): a duty or a slash's other word by its
/// skill's name, else the posting's words.
pub(super) fn add_member_names(names: &mut Vec<String>, members: &[&Mention]) {
    for m in members {
        let name = m.term.as_ref().unwrap_or(&m.text);
        if !names.iter().any(|n| phrase_key(n) == phrase_key(name)) {
            names.push(name.clone());
        }
    }
}

/// How the checklist names a group: its members' names joined by " / "
/// ("Python / Java / Node.js").
pub(super) fn group_term(group: &Group, mentions: &[Mention]) -> String {
    let members: Vec<&Mention> = group.members.iter().map(|&i| &mentions[i]).collect();
    let mut names = Vec::new();
    add_member_names(&mut names, &members);
    names.join(" / ")
}
