//! The checklist as a role: keywords by tier with their evidence, the
//! lexicon's other names as aliases, "one of" groups, soft skills and
//! requirements.

use super::lexicon::{LexSkill, skill_named};
use super::structure::Line;
use super::{
    Evidence, Group, Keyword, Mention, Posting, Role, Source, Tier, phrase_key, prefix, read, soft,
};
use crate::error::{Error, Result};
use crate::text::{Span, offset_in};

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
        let mut draft = Draft::new(&self.text, &self.lines);
        for m in self.mentions.iter().filter(|m| m.group.is_none()) {
            draft.add_mention(m);
        }
        let mut by_members = Default::default();
        for g in &self.groups {
            draft.add_group(g, &self.mentions, &mut by_members);
        }
        if draft.entries.is_empty() {
            return Err(Error::role(
                "posting",
                "no skills found: is this a job description?",
            ));
        }
        let mut keywords = ordered(draft.entries);
        add_overused(&mut keywords, &draft.by_key);
        let role = Role {
            name: "job-description".to_string(),
            title: self.title.clone(),
            description: Some("Extracted from a job posting by atscore::posting".to_string()),
            sources: vec![
                "skill lexicon: ESCO (this uses the ESCO classification of the European Commission), \
                 O*NET 29.2 and 30 (CC BY 4.0), GitHub Linguist (MIT), simple-icons (CC0)"
                    .to_string(),
            ],
            keywords,
            requirements: self.requirements.clone(),
        };
        role.validate()?;
        Ok(role)
    }
}

/// One keyword of the checklist being drawn up: the first wording, the
/// strongest tier, how often the posting names it and where first.
struct Entry {
    k: Keyword,
    count: usize,
    first: usize,
}

/// The checklist being drawn up from a posting's mentions: one entry per
/// skill (or per wording), found again by any of its names' keys or by
/// its lexicon skill.
struct Draft<'a> {
    text: &'a str,
    lines: &'a [Line],
    entries: Vec<Entry>,
    by_key: crate::hash::Map<String, usize>,
    by_skill: crate::hash::Map<&'static str, usize>,
    /// the entries by their words' stems: "wind turbines" is "wind
    /// turbine" again, as a resume matcher reads both alike
    by_stems: crate::hash::Map<String, usize>,
}

/// Groups already in the checklist, by their members' sorted skill keys.
type GroupsByMembers = crate::hash::Map<Vec<String>, usize>;

impl<'a> Draft<'a> {
    fn new(text: &'a str, lines: &'a [Line]) -> Self {
        Draft {
            text,
            lines,
            entries: Vec::new(),
            by_key: Default::default(),
            by_skill: Default::default(),
            by_stems: Default::default(),
        }
    }

    fn evidence(&self, m: &Mention) -> Option<Evidence> {
        Some(evidence(self.text, self.lines, m))
    }

    /// A mention outside any group: a defined acronym joins its full term,
    /// a skill or wording already listed counts once more (its tier the
    /// strongest, the evidence that of the strongest), anything else is a
    /// new keyword.
    fn add_mention(&mut self, m: &Mention) {
        let key = phrase_key(&m.text);
        if key.is_empty() {
            return;
        }
        if let Some(full) = defined_term(self.text, m.span) {
            self.add_defined_acronym(m, key, full);
            return;
        }
        // a mention named by a phrase of its own ("budget management" for
        // "managing budgets") is also that phrase where it is listed
        let at = m
            .skill
            .and_then(|s| self.by_skill.get(s))
            .or_else(|| self.by_key.get(&key))
            .or_else(|| (m.term.as_ref()).and_then(|t| self.by_key.get(&phrase_key(t))))
            .copied()
            .or_else(|| self.same_words(m));
        if let Some(at) = at {
            let a = &mut self.entries[at];
            a.count += 1;
            if m.tier < a.k.tier {
                a.k.tier = m.tier;
                a.k.evidence = Some(evidence(self.text, self.lines, m));
            }
            return;
        }
        self.add_new(m);
    }

    /// The entry a hard skill's mention names in other inflections ("wind
    /// turbine" for "wind turbines", "distributed-system" for "distributed
    /// systems"): its words' stems the same and each word only an
    /// inflection of the other, as the resume matcher reads them alike
    /// ("computational science" is not "computer science"). Soft skills go
    /// by their skill ("collaborate" may be teamwork).
    fn same_words(&self, m: &Mention) -> Option<usize> {
        if m.soft || m.source == Source::Soft {
            return None;
        }
        let words = crate::text::tokenize(m.term.as_ref().unwrap_or(&m.text));
        let at = *self.by_stems.get(&words.stem_words().join(" "))?;
        let theirs = crate::text::tokenize(&self.entries[at].k.term);
        let inflected = words
            .norm_words()
            .iter()
            .zip(theirs.norm_words())
            .all(|(a, b)| crate::matching::is_inflection(a, b));
        inflected.then_some(at)
    }

    /// An acronym the posting defines ("Enterprise Resource Planning
    /// (ERP)", `full` the span of its full term) pairs with its full term:
    /// one keyword, both forms.
    fn add_defined_acronym(&mut self, m: &Mention, key: String, full: Span) {
        let full_text = &self.text[full.range()];
        let full_key = phrase_key(full_text);
        if let Some(&at) = self.by_key.get(&full_key) {
            let a = &mut self.entries[at];
            a.count += 1;
            if a.k.acronym.is_none() && a.k.any_of.is_empty() {
                a.k.acronym = Some(m.text.clone());
            }
            a.k.tier = a.k.tier.min(m.tier);
            self.by_key.insert(key, at);
            return;
        }
        // the tail of the full term listed already ("logging devices" of
        // "electronic logging devices (ELD)", from the same place): that
        // keyword, by the full term the posting defines
        if let Some(at) = self.entries.iter().position(|e| {
            (full.start..full.end).contains(&e.first)
                && e.k.any_of.is_empty()
                && e.k.acronym.is_none()
                && !e.k.soft
                && full_key.ends_with(&format!(" {}", phrase_key(&e.k.term)))
        }) {
            let a = &mut self.entries[at];
            let part = std::mem::replace(&mut a.k.term, full_text.to_string());
            if !a.k.aliases.contains(&part) {
                a.k.aliases.push(part);
            }
            a.k.acronym = Some(m.text.clone());
            a.k.tier = a.k.tier.min(m.tier);
            a.count += 1;
            a.first = a.first.min(full.start);
            self.by_key.insert(key, at);
            self.by_key.insert(full_key, at);
            return;
        }
        let mut k = Keyword::new(full_text, m.tier);
        k.acronym = Some(m.text.clone());
        k.evidence = self.evidence(m);
        self.by_key.insert(key, self.entries.len());
        self.by_key.insert(full_key, self.entries.len());
        self.entries.push(Entry {
            k,
            count: 1,
            first: full.start,
        });
    }

    /// A mention not in the checklist yet as a new keyword with its other
    /// names: a soft skill's aliases or the lexicon's names.
    fn add_new(&mut self, m: &Mention) {
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
            _ => duty_name(self.text, m).unwrap_or_else(|| m.text.clone()),
        };
        if soft_cue.is_some() && self.by_key.contains_key(&phrase_key(&term)) {
            return;
        }
        let key = phrase_key(&term);
        let mut k = Keyword::new(term, m.tier);
        k.soft = m.soft;
        if m.soft {
            k.weight = 0.5;
        }
        k.evidence = self.evidence(m);
        let mut taken = vec![key];
        if let Some(sk) = soft_cue {
            for a in sk.aliases {
                let ak = phrase_key(a);
                if !taken.contains(&ak) && !self.by_key.contains_key(&ak) {
                    taken.push(ak);
                    k.aliases.push(a.to_string());
                }
            }
        } else if let Some(entry) = m.skill.and_then(skill_named) {
            add_lexicon_names(&mut k, entry, &m.text, &mut taken, &self.by_key);
        } else if crate::text::lexicon::is_ambiguous(&m.text) {
            k.ambiguous = Some(true);
        }
        for t in taken {
            self.by_key.insert(t, self.entries.len());
        }
        if !k.soft {
            let stems = crate::text::tokenize(&k.term).stem_words().join(" ");
            self.by_stems.insert(stems, self.entries.len());
        }
        if let Some(s) = m.skill {
            self.by_skill.insert(s, self.entries.len());
        }
        self.entries.push(Entry {
            k,
            count: 1,
            first: m.span.start,
        });
    }

    /// An "any one of" group as one keyword whose names are its members'.
    /// A group that names the same skills as one before it ("React, Vue or
    /// Angular" and "React.js, Vue.js or Angular.js") is that group again:
    /// its spellings join the alternatives.
    fn add_group(&mut self, g: &Group, mentions: &[Mention], by_members: &mut GroupsByMembers) {
        let members: Vec<&Mention> = g.members.iter().map(|&i| &mentions[i]).collect();
        let mut skills: Vec<String> = members
            .iter()
            .map(|m| {
                m.skill.map_or_else(
                    || phrase_key(m.term.as_ref().unwrap_or(&m.text)),
                    str::to_string,
                )
            })
            .collect();
        skills.sort();
        skills.dedup();
        if let Some(&at) = by_members.get(&skills) {
            // its spellings are alternatives too: "React" or "React.js"
            let a = &mut self.entries[at];
            super::groups::add_member_names(&mut a.k.any_of, &members);
            a.count += 1;
            if g.tier < a.k.tier {
                a.k.tier = g.tier;
            }
            return;
        }
        let mut names: Vec<String> = Vec::new();
        super::groups::add_member_names(&mut names, &members);
        if names.len() < 2 {
            return;
        }
        let term = names.join(" / ");
        let key = phrase_key(&term);
        if self.by_key.contains_key(&key) {
            return;
        }
        let mut k = Keyword::new(term, g.tier);
        k.any_of = names;
        k.lexicon = false;
        k.evidence = self.evidence(members[0]);
        if let Some(e) = k.evidence.as_mut() {
            e.reason = format!("any one of them; {}", members[0].reason);
        }
        self.by_key.insert(key, self.entries.len());
        by_members.insert(skills, self.entries.len());
        self.entries.push(Entry {
            k,
            count: 1,
            first: members[0].span.start,
        });
    }
}

/// The checklist's keywords in order: by tier, hard skills before soft
/// ones, the most named first, then in posting order.
fn ordered(mut entries: Vec<Entry>) -> Vec<Keyword> {
    entries.sort_by(|a, b| {
        (a.k.tier, a.k.soft, std::cmp::Reverse(a.count), a.first).cmp(&(
            b.k.tier,
            b.k.soft,
            std::cmp::Reverse(b.count),
            b.first,
        ))
    });
    entries.into_iter().map(|a| a.k).collect()
}

/// Add the built-in overused terms whose keys the checklist does not use
/// yet.
fn add_overused(keywords: &mut Vec<Keyword>, by_key: &crate::hash::Map<String, usize>) {
    for k in crate::roles::overused_keywords() {
        if k.tier == Tier::Overused && !by_key.contains_key(&phrase_key(&k.term)) {
            keywords.push(k.clone());
        }
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
        .map(|w| (offset_in(text, w), w))
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
        } else if let Some(k) = inner_letters(w, &letters[..li]) {
            // a compound word gives a letter for each of its parts
            // ("rooftop units (RTUs)")
            li = k;
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

/// How many of `letters` are left once a compound word (of five letters or
/// more) gives the last of them: the last ones in order inside the word
/// after its first letter, then its initial ("rooftop" gives the R and T of
/// "RTU"). `None` where it gives fewer than two.
fn inner_letters(word: &str, letters: &[u8]) -> Option<usize> {
    let w = word.as_bytes();
    if w.len() < 5 || !word.is_ascii() || letters.len() < 2 {
        return None;
    }
    let mut k = letters.len();
    for &b in w[1..].iter().rev() {
        if k > 1 && b.to_ascii_uppercase() == letters[k - 1] {
            k -= 1;
        }
    }
    (k < letters.len() && w[0].to_ascii_uppercase() == letters[k - 1]).then_some(k - 1)
}

/// The lexicon's other names of a skill as the keyword's acronym and
/// aliases, each name used once in the role.
/// The name of a lexicon skill the posting writes as a duty in one of the
/// lexicon's own verb forms ("Process refunds", "Manage inventory"): the
/// entry's name ("refund processing", "inventory management"), as a resume
/// lists it. A verb as often a noun is one only where it opens its line
/// ("Design patterns" in prose is no duty).
fn duty_name(text: &str, m: &Mention) -> Option<String> {
    let entry = m.skill.and_then(skill_named)?;
    let (first, _) = m.text.split_once(' ')?;
    let lower = first.to_ascii_lowercase();
    let Some((_, noun_too, ing)) = super::nominal::verb_of(&lower) else {
        // a verb the table lacks, known as one by the entry's own -ing
        // form ("Summarize depositions": "summarizing depositions")
        let stem = lower.strip_suffix('e').unwrap_or(&lower);
        let gerund = format!("{stem}ing");
        let verb = lower.len() >= 3
            && entry.forms().any(|f| {
                f.split(' ')
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case(&gerund))
            });
        return (verb && super::opens_its_line(text, m.span.start)).then(|| entry.name.to_string());
    };
    if ing || (noun_too && !super::opens_its_line(text, m.span.start)) {
        return None;
    }
    let named = entry.name.split_whitespace().next()?.to_ascii_lowercase();
    let verb_led = named == lower || super::nominal::verb_of(&named).is_some_and(|v| !v.1);
    (!verb_led).then(|| entry.name.to_string())
}

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
            // a compound word gives a letter for each part
            (
                "Maintain heat pumps and rooftop units (RTUs)",
                Some("rooftop units"),
            ),
            // the words do not spell it
            ("Experience with SAP systems (ERP)", None),
            ("Knowledge of warehouse systems (WMS)", None),
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

    /// A mention of `word` (its first occurrence in `text`).
    fn mention(text: &str, word: &str, tier: Tier, skill: Option<&'static str>) -> Mention {
        let start = text.find(word).unwrap();
        Mention {
            text: word.to_string(),
            span: Span::new(start, start + word.len()),
            line: 0,
            skill,
            tier,
            reason: "a test".to_string(),
            soft: false,
            source: Source::Lexicon,
            group: None,
            term: None,
        }
    }

    #[test]
    fn a_mention_named_again_counts_once_more_at_its_strongest_tier() {
        let text = "Tableau; nice to have: Tableau";
        let lines = super::super::structure::lines(text);
        let mut draft = Draft::new(text, &lines);
        draft.add_mention(&mention(text, "Tableau", Tier::Bonus, None));
        draft.add_mention(&mention(text, "Tableau", Tier::MustHave, None));
        assert_eq!(draft.entries.len(), 1);
        let e = &draft.entries[0];
        assert_eq!(
            (e.k.term.as_str(), e.k.tier, e.count),
            ("Tableau", Tier::MustHave, 2)
        );
    }

    #[test]
    fn a_mention_in_another_inflection_is_the_same_keyword() {
        // (train-house-120 listed both; a resume's "wind turbines" met both)
        let text = "wind turbines; grid connection of wind turbine; distributed-system, \
                    Distributed Systems; computer science, computational science";
        let lines = super::super::structure::lines(text);
        let mut draft = Draft::new(text, &lines);
        for (word, tier) in [
            ("wind turbines", Tier::Bonus),
            ("wind turbine", Tier::MustHave),
            ("distributed-system", Tier::Bonus),
            ("Distributed Systems", Tier::Bonus),
            ("computer science", Tier::Bonus),
            ("computational science", Tier::Bonus),
        ] {
            draft.add_mention(&mention(text, word, tier, None));
        }
        let got: Vec<(&str, Tier, usize)> = draft
            .entries
            .iter()
            .map(|e| (e.k.term.as_str(), e.k.tier, e.count))
            .collect();
        // the same stems, but a derivation: two skills, as a resume reads them
        assert_eq!(
            got,
            [
                ("wind turbines", Tier::MustHave, 2),
                ("distributed-system", Tier::Bonus, 2),
                ("computer science", Tier::Bonus, 1),
                ("computational science", Tier::Bonus, 1),
            ]
        );
    }

    #[test]
    fn a_defined_acronym_joins_its_full_term_already_listed() {
        let text = "Enterprise Resource Planning (ERP)";
        let lines = super::super::structure::lines(text);
        let mut draft = Draft::new(text, &lines);
        draft.add_mention(&mention(
            text,
            "Enterprise Resource Planning",
            Tier::Bonus,
            None,
        ));
        draft.add_mention(&mention(text, "ERP", Tier::MustHave, None));
        assert_eq!(draft.entries.len(), 1);
        let e = &draft.entries[0];
        assert_eq!(e.k.acronym.as_deref(), Some("ERP"));
        assert_eq!((e.k.tier, e.count), (Tier::MustHave, 2));
        assert_eq!(draft.by_key.get(&phrase_key("ERP")), Some(&0));
    }

    #[test]
    fn a_group_named_again_adds_its_spellings() {
        let text = "React or Vue; React.js or Vue.js";
        let lines = super::super::structure::lines(text);
        let mut mentions = vec![
            mention(text, "React", Tier::MustHave, Some("React")),
            mention(text, "Vue", Tier::MustHave, Some("Vue.js")),
            mention(text, "React.js", Tier::MustHave, Some("React")),
            mention(text, "Vue.js", Tier::MustHave, Some("Vue.js")),
        ];
        for (i, m) in mentions.iter_mut().enumerate() {
            m.group = Some(i / 2);
        }
        let mut draft = Draft::new(text, &lines);
        let mut by_members = Default::default();
        for members in [vec![0, 1], vec![2, 3]] {
            let g = Group {
                members,
                tier: Tier::MustHave,
            };
            draft.add_group(&g, &mentions, &mut by_members);
        }
        assert_eq!(draft.entries.len(), 1);
        let k = &draft.entries[0].k;
        assert_eq!(k.term, "React / Vue");
        assert_eq!(k.any_of, ["React", "Vue", "React.js", "Vue.js"]);
        assert_eq!(draft.entries[0].count, 2);
    }

    #[test]
    fn order_is_tier_then_hard_first_then_most_named_then_first_seen() {
        let entry = |term: &str, tier, soft, count, first| {
            let mut k = Keyword::new(term, tier);
            k.soft = soft;
            Entry { k, count, first }
        };
        let got = ordered(vec![
            entry("a", Tier::Bonus, false, 1, 0),
            entry("b", Tier::MustHave, true, 5, 1),
            entry("c", Tier::MustHave, false, 1, 2),
            entry("d", Tier::MustHave, false, 3, 3),
            entry("e", Tier::MustHave, false, 1, 1),
        ]);
        let terms: Vec<&str> = got.iter().map(|k| k.term.as_str()).collect();
        assert_eq!(terms, ["d", "e", "c", "b", "a"]);
    }

    #[test]
    fn overused_terms_are_added_unless_the_checklist_has_them() {
        let all = crate::roles::overused_keywords();
        assert!(all.len() > 1);
        let mut by_key = crate::hash::Map::default();
        by_key.insert(phrase_key(&all[0].term), 0);
        let mut keywords = Vec::new();
        add_overused(&mut keywords, &by_key);
        assert_eq!(keywords.len(), all.len() - 1);
        assert!(keywords.iter().all(|k| k.tier == Tier::Overused));
        assert!(!keywords.iter().any(|k| k.term == all[0].term));
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

    /// A keyword that is the tail of a defined full term, from the same
    /// place, is that term: "electronic logging devices (ELD)" is one
    /// keyword, not "logging devices" beside it.
    #[test]
    fn a_defined_acronym_takes_in_the_tail_of_its_term() {
        let role = read("CDL Class A Truck Driver - Regional\n\nResponsibilities\n- Safely operate a tractor-trailer on regional routes, delivering freight to customers\n- Perform pre-trip and post-trip vehicle inspections and complete DVIR reports\n- Record hours of service using electronic logging devices (ELD)\n- Load and unload freight, secure cargo with straps and load bars\n")
            .unwrap()
            .role()
            .unwrap();
        let terms: Vec<&str> = role.keywords.iter().map(|k| k.term.as_str()).collect();
        let eld = role
            .keywords
            .iter()
            .find(|k| k.acronym.as_deref() == Some("ELD"))
            .unwrap_or_else(|| panic!("{terms:?}"));
        assert_eq!(eld.term, "electronic logging devices");
        assert!(!terms.contains(&"logging devices"), "{terms:?}");
    }
}
