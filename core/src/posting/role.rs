//! The checklist as a role: keywords by tier with their evidence, the
//! lexicon's other names as aliases, "one of" groups, soft skills and
//! requirements.

use super::lexicon::{LexSkill, skill_named};
use super::structure::Line;
use super::{
    Evidence, Keyword, Mention, Posting, Role, Source, Tier, phrase_key, prefix, read, soft,
};
use crate::error::{Error, Result};
use crate::text::Span;

fn evidence(text: &str, lines: &[Line], m: &Mention) -> Evidence {
    let l = &lines[m.line];
    Evidence {
        line: m.line + 1,
        text: prefix(text[l.start..l.end].trim(), 300).to_string(),
        reason: m.reason.clone(),
    }
}

impl Posting {
    /// The checklist as a role: hard skills (must-have, then bonus, each
    /// most-mentioned first), "any one of" groups, soft skills at half
    /// weight, the built-in overused terms, and the requirements. Each
    /// keyword keeps the posting's wording as its term, the lexicon's other
    /// names as aliases, and its evidence.
    ///
    /// Errors: [`Error::InvalidRole`] when no skill was found.
    ///
    /// ```
    /// let p = atscore::posting::read("Requirements: Excellent communication skills, SQL, Tableau")?;
    /// let role = p.role()?;
    /// let comm = role.keywords.iter().find(|k| k.soft).unwrap();
    /// assert_eq!((comm.tier, comm.weight), (atscore::Tier::Bonus, 0.5));
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn role(&self) -> Result<Role> {
        let text = &self.text;
        let mut role = Role {
            name: "job-description".to_string(),
            title: self.title.clone(),
            description: Some("Extracted from a job posting by atscore::posting".to_string()),
            sources: vec![
                "skill lexicon: ESCO (this uses the ESCO classification of the European Commission), \
                 O*NET 29.2 and 30 (CC BY 4.0), GitHub Linguist (MIT), simple-icons (CC0)"
                    .to_string(),
            ],
            keywords: Vec::new(),
            requirements: self.requirements.clone(),
        };
        // one keyword per skill (or per wording): the first wording, the
        // strongest tier, how often it is named
        struct Acc {
            k: Keyword,
            count: usize,
            first: usize,
        }
        let mut acc: Vec<Acc> = Vec::new();
        let mut by_key: crate::hash::Map<String, usize> = Default::default();
        let mut by_skill: crate::hash::Map<&str, usize> = Default::default();
        for m in self.mentions.iter().filter(|m| m.group.is_none()) {
            let key = phrase_key(&m.text);
            if key.is_empty() {
                continue;
            }
            // an acronym the posting defines ("Enterprise Resource Planning
            // (ERP)") pairs with its full term: one keyword, both forms
            if let Some(full) = defined_term(text, m.span) {
                let full_text = &text[full.range()];
                let full_key = phrase_key(full_text);
                if let Some(&at) = by_key.get(&full_key) {
                    let a = &mut acc[at];
                    a.count += 1;
                    if a.k.acronym.is_none() && a.k.any_of.is_empty() {
                        a.k.acronym = Some(m.text.clone());
                    }
                    a.k.tier = a.k.tier.min(m.tier);
                    by_key.insert(key, at);
                    continue;
                }
                let mut k = Keyword::new(full_text, m.tier);
                k.acronym = Some(m.text.clone());
                k.evidence = Some(evidence(text, &self.lines, m));
                by_key.insert(key, acc.len());
                by_key.insert(full_key, acc.len());
                acc.push(Acc {
                    k,
                    count: 1,
                    first: full.start,
                });
                continue;
            }
            let at = m
                .skill
                .and_then(|s| by_skill.get(s))
                .or_else(|| by_key.get(&key))
                .copied();
            if let Some(at) = at {
                let a = &mut acc[at];
                a.count += 1;
                if m.tier < a.k.tier {
                    a.k.tier = m.tier;
                    a.k.evidence = Some(evidence(text, &self.lines, m));
                }
                continue;
            }
            let soft_cue = (m.source == Source::Soft)
                .then(|| soft::SOFT.iter().find(|s| Some(s.term) == m.skill))
                .flatten();
            // a soft skill goes by its own name ("communication"), the
            // posting's wording ("verbal communication skills") as an alias
            let term = match (soft_cue, m.soft, m.skill) {
                (Some(s), _, _) => s.term.to_string(),
                (None, true, Some(name)) => name.to_string(),
                // a duty goes by its skill in a resume's words ("budget
                // management" for "managing budgets")
                (None, false, _) if m.term.is_some() => m.term.clone().unwrap_or_default(),
                _ => m.text.clone(),
            };
            if soft_cue.is_some() && by_key.contains_key(&phrase_key(&term)) {
                continue;
            }
            let key = phrase_key(&term);
            let mut k = Keyword::new(term, m.tier);
            k.soft = m.soft;
            if m.soft {
                k.weight = 0.5;
            }
            k.evidence = Some(evidence(text, &self.lines, m));
            let mut taken = vec![key.clone()];
            if let Some(sk) = soft_cue {
                for a in sk.aliases {
                    let ak = phrase_key(a);
                    if !taken.contains(&ak) && !by_key.contains_key(&ak) {
                        taken.push(ak);
                        k.aliases.push(a.to_string());
                    }
                }
            } else if let Some(entry) = m.skill.and_then(skill_named) {
                add_lexicon_names(&mut k, entry, &m.text, &mut taken, &by_key);
            } else if crate::text::lexicon::is_ambiguous(&m.text) {
                k.ambiguous = Some(true);
            }
            for t in taken {
                by_key.insert(t, acc.len());
            }
            if let Some(s) = m.skill {
                by_skill.insert(s, acc.len());
            }
            acc.push(Acc {
                k,
                count: 1,
                first: m.span.start,
            });
        }
        // groups; a group that names the same skills as one before it
        // ("React, Vue or Angular" and "React.js, Vue.js or Angular.js") is
        // that group again
        let mut by_members: crate::hash::Map<Vec<String>, usize> = Default::default();
        for g in &self.groups {
            let members: Vec<&Mention> = g.members.iter().map(|&i| &self.mentions[i]).collect();
            let mut skills: Vec<String> = members
                .iter()
                .map(|m| m.skill.map_or_else(|| phrase_key(&m.text), str::to_string))
                .collect();
            skills.sort();
            skills.dedup();
            if let Some(&at) = by_members.get(&skills) {
                // its spellings are alternatives too: "React" or "React.js"
                let a = &mut acc[at];
                add_member_names(&mut a.k.any_of, &members);
                a.count += 1;
                if g.tier < a.k.tier {
                    a.k.tier = g.tier;
                }
                continue;
            }
            let mut names: Vec<String> = Vec::new();
            add_member_names(&mut names, &members);
            if names.len() < 2 {
                continue;
            }
            let term = names.join(" / ");
            let key = phrase_key(&term);
            if by_key.contains_key(&key) {
                continue;
            }
            let mut k = Keyword::new(term, g.tier);
            k.any_of = names;
            k.lexicon = false;
            k.evidence = Some(evidence(text, &self.lines, members[0]));
            if let Some(e) = k.evidence.as_mut() {
                e.reason = format!("any one of them; {}", members[0].reason);
            }
            by_key.insert(key, acc.len());
            by_members.insert(skills, acc.len());
            acc.push(Acc {
                k,
                count: 1,
                first: members[0].span.start,
            });
        }
        if acc.is_empty() {
            return Err(Error::role(
                "posting",
                "no skills found: is this a job description?",
            ));
        }
        // hard skills first in each tier, most named first, then in posting order
        acc.sort_by(|a, b| {
            (a.k.tier, a.k.soft, std::cmp::Reverse(a.count), a.first).cmp(&(
                b.k.tier,
                b.k.soft,
                std::cmp::Reverse(b.count),
                b.first,
            ))
        });
        role.keywords = acc.into_iter().map(|a| a.k).collect();
        let overused = crate::roles::overused_keywords();
        {
            for k in overused.iter().cloned() {
                if k.tier == Tier::Overused && !by_key.contains_key(&phrase_key(&k.term)) {
                    role.keywords.push(k);
                }
            }
        }
        role.validate()?;
        Ok(role)
    }
}

/// The full term an acronym in parentheses stands for, when the words
/// before the parenthesis spell it: "Enterprise Resource Planning (ERP)",
/// "Statements of Work (SOWs)" (a small word may lend its initial or not).
fn defined_term(text: &str, acr: Span) -> Option<Span> {
    const SMALL: &[&str] = &["of", "and", "&", "for", "the", "to", "in", "on", "as", "a"];
    let word = &text[acr.range()];
    let letters = word.strip_suffix('s').unwrap_or(word);
    if !(2..=6).contains(&letters.len()) || !letters.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let before = text[..acr.start].strip_suffix('(')?;
    if !text[acr.end..].starts_with(')') {
        return None;
    }
    let line = &before[before
        .rfind(['\n', '(', ')', ',', ';', ':', '.'])
        .map_or(0, |i| i + 1)..];
    let words: Vec<(usize, &str)> = line
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    // match the letters from the last: each content word gives its initial
    let letters = letters.as_bytes();
    let (mut li, mut wi) = (letters.len(), words.len());
    while li > 0 && wi > 0 {
        let (_, w) = words[wi - 1];
        let first = w.bytes().next()?.to_ascii_uppercase();
        let small = SMALL.contains(&w.to_ascii_lowercase().as_str());
        if first == letters[li - 1] {
            li -= 1;
        } else if !small {
            return None;
        }
        wi -= 1;
    }
    if li > 0 || words.len() - wi < 2 {
        return None;
    }
    let (start, first) = words[wi];
    if SMALL.contains(&first.to_ascii_lowercase().as_str()) {
        return None;
    }
    let (last_at, last) = words[words.len() - 1];
    Some(Span::new(start, last_at + last.len()))
}

/// The lexicon's other names of a skill as the keyword's acronym and
/// aliases, each name used once in the role.
fn add_lexicon_names(
    k: &mut Keyword,
    entry: &LexSkill<'_>,
    surface: &str,
    taken: &mut Vec<String>,
    by_key: &crate::hash::Map<String, usize>,
) {
    let key = phrase_key(surface);
    let alias_ok = |form: &str, taken: &mut Vec<String>| {
        let fk = phrase_key(form);
        let ok = !fk.is_empty()
            && !taken.contains(&fk)
            && !by_key.contains_key(&fk)
            && (!entry.is_ambiguous(form) || crate::text::lexicon::is_ambiguous(form))
            && form.chars().count() > 1;
        if ok {
            taken.push(fk);
        }
        ok
    };
    if let Some(acr) = entry.acronym {
        let pair = if phrase_key(acr) == key {
            entry.name
        } else {
            acr
        };
        if alias_ok(pair, taken) {
            // an acronym nobody spells out (SQL, API) is an alias: matched
            // either way, no "write both" advice
            if crate::text::lexicon::skill(acr).is_none_or(|sk| sk.write_both) {
                k.acronym = Some(pair.to_string());
            } else {
                k.aliases.push(pair.to_string());
            }
        }
    }
    for form in std::iter::once(entry.name).chain(entry.aliases.iter().copied()) {
        if k.aliases.len() < 8 && alias_ok(form, taken) {
            k.aliases.push(form.to_string());
        }
    }
    if entry.is_ambiguous(surface) || crate::text::lexicon::is_ambiguous(surface) {
        k.ambiguous = Some(true);
    }
}

impl Role {
    /// The role a job posting asks for ([`Posting::role`] of [`read`]): its
    /// skills with tiers from its cues and sections, "any one of" groups,
    /// soft skills apart, its requirements, and each keyword's evidence.
    ///
    /// Errors: [`Error::InputTooLarge`] above [`MAX_POSTING_BYTES`](super::MAX_POSTING_BYTES);
    /// [`Error::InvalidRole`] for an empty posting or one in which no skill
    /// is found ("no skills found: is this a job description?").
    ///
    /// ```
    /// let role = atscore::Role::from_job_description(
    ///     "We need strong experience with RESTful APIs and Amazon Web Services.",
    /// )?;
    /// let api = &role.keywords[0];
    /// assert_eq!(api.term, "RESTful APIs");
    /// let aws = role.keywords.iter().find(|k| k.term == "Amazon Web Services").unwrap();
    /// assert_eq!(aws.acronym.as_deref(), Some("AWS"));
    /// assert!(atscore::Role::from_job_description("Fun team, free lunch.").is_err());
    /// # Ok::<(), atscore::Error>(())
    /// ```
    pub fn from_job_description(text: &str) -> Result<Role> {
        read(text)?.role()
    }
}

/// Add to `names` each member's name not among them yet (letter case,
/// spacing and punctuation aside): a duty or a slash's other word by its
/// skill's name, else the posting's words.
fn add_member_names(names: &mut Vec<String>, members: &[&Mention]) {
    for m in members {
        let name = m.term.as_ref().unwrap_or(&m.text);
        if !names.iter().any(|n| phrase_key(n) == phrase_key(name)) {
            names.push(name.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defined_acronyms() {
        for (text, want) in [
            (
                "Experience with Enterprise Resource Planning (ERP) systems",
                Some("Enterprise Resource Planning"),
            ),
            (
                "Write Statements of Work (SOWs) for vendors",
                Some("Statements of Work"),
            ),
            ("Amazon Web Services (AWS)", Some("Amazon Web Services")),
            (
                "Prepare the Adjusted Trial balance (ATB)",
                Some("Adjusted Trial balance"),
            ),
            // the words do not spell it
            ("Experience with SAP systems (ERP)", None),
            ("Hospital experience (ICU)", None),
            // one word is no definition; a list in parentheses is none
            ("Planning (P)", None),
            ("Cloud (AWS, GCP)", None),
        ] {
            let acr = text
                .find('(')
                .map(|i| {
                    let end = text[i..].find([')', ',']).unwrap() + i;
                    Span::new(i + 1, end)
                })
                .unwrap();
            let got = defined_term(text, acr).map(|s| &text[s.range()]);
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_defined_acronym_is_one_keyword_with_its_full_term() {
        let role = read("Requirements:\n- Experience with Enterprise Resource Planning (ERP) systems\n- Track Key Performance Indicators (KPIs)\n")
            .unwrap()
            .role()
            .unwrap();
        let erp = role
            .keywords
            .iter()
            .find(|k| k.term == "Enterprise Resource Planning")
            .unwrap();
        assert_eq!(erp.acronym.as_deref(), Some("ERP"));
        assert!(!role.keywords.iter().any(|k| k.term == "ERP"));
    }
}
