//! Reading a posting's text: candidates from each source (the lexicon, the
//! tagger, lists, product-like words and phrases, soft skills asked for in
//! other words), merged without overlap, each given a tier from its
//! sentence's cue or its section.

use super::groups::find_groups;
use super::lists::{lead_word, list_items};
use super::nominal::{self, Nominal, nominals};
use super::nouns::{modifier, phrases};
use super::shapes::{initials, shaped, shaped_words};
use super::structure::{self, Line, Section};
use super::{
    CAPS_STOP, Candidate, Mention, Posting, Sentences, Source, TAGGER_MIN_SCORE, Taken,
    ambiguous_form, blocks, clean_term, education_words, guards, is_title_line, lexicon,
    looks_like_resume, never_a_keyword, requirements, skill_cue, skills, soft, split_sentences,
    tagged_phrase, tagger, verb_use,
};
use crate::roles::Tier;
use crate::text::{Span, offset_in};

/// A posting's text with what its skills are read from.
struct Reading<'a> {
    text: &'a str,
    lines: &'a [Line],
    title: Option<&'a str>,
    employer: &'a [String],
    /// Places, sorted and apart.
    places: &'a [(usize, usize)],
    /// Per line: whether skills are read from it (requirements,
    /// responsibilities and the like; not a short line naming a place, not
    /// the title).
    eligible: Vec<bool>,
    /// Per line: the text range of its block (the line and those wrapped
    /// onto it).
    blocks: Vec<(usize, usize)>,
    sents: Sentences,
    /// Whether the posting has a requirements or responsibilities section.
    has_body: bool,
}

impl<'a> Reading<'a> {
    fn new(
        text: &'a str,
        lines: &'a [Line],
        title: Option<&'a str>,
        employer: &'a [String],
        places: &'a [(usize, usize)],
    ) -> Reading<'a> {
        let first_line = text.lines().map(str::trim).find(|x| !x.is_empty());
        let eligible = lines
            .iter()
            .map(|l| {
                // a place's line: "Springfield, IL", "Fresno, CA (Hybrid)";
                // not "Knowledge of US GAAP"
                let t = &text[l.content..l.end];
                let words = t.split_whitespace().count();
                let place_words: usize = places
                    .iter()
                    .filter(|&&(s, e)| s >= l.start && e <= l.end)
                    .map(|&(s, e)| text[s..e].split_whitespace().count())
                    .sum();
                let short_place_line = words <= 8 && place_words > 0 && 2 * place_words > words;
                l.section.asks_for_skills()
                    && l.content < l.end
                    && !short_place_line
                    && !is_title_line(text, l, first_line, title)
            })
            .collect();
        let blocks = blocks(lines);
        let sents = Sentences::new(text, lines, &blocks);
        Reading {
            text,
            lines,
            title,
            employer,
            places,
            eligible,
            blocks,
            sents,
            has_body: lines
                .iter()
                .any(|l| matches!(l.section, Section::Requirements | Section::Responsibilities)),
        }
    }

    /// The line `pos` is on.
    fn line_of(&self, pos: usize) -> usize {
        self.lines
            .partition_point(|l| l.start <= pos)
            .saturating_sub(1)
    }

    /// The line of a hit at `start`, if it is in the content of an
    /// eligible line.
    fn readable_line(&self, start: usize) -> Option<usize> {
        let line = self.line_of(start);
        (self.eligible[line] && start >= self.lines[line].content).then_some(line)
    }

    /// Why the words at `s` are never a keyword: a stop phrase, a place, the
    /// employer's name.
    fn blocked(&self, s: Span) -> Option<&'static str> {
        self.blocked_as(s, false)
    }

    /// [`blocked`](Self::blocked), for a span that is a skill's name
    /// (`named`): a place inside a longer name qualifies it ("US GAAP",
    /// "California Teaching Credential"); only a place over the whole
    /// name blocks it ("San" of San Francisco).
    fn blocked_as(&self, s: Span, named: bool) -> Option<&'static str> {
        let t = &self.text[s.range()];
        if let Some(why) = never_a_keyword(t) {
            return Some(why);
        }
        // places are sorted and apart: the last one starting before the end
        let p = self.places.partition_point(|&(a, _)| a < s.end);
        if p > 0 {
            let (a, b) = self.places[p - 1];
            let covers = a <= s.start && b >= s.end;
            if b > s.start && (covers || !named) {
                return Some("place");
            }
        }
        let base = t.trim_end_matches("’s").trim_end_matches("'s");
        if self.employer.iter().any(|n| {
            n == base
                || (n.contains(base)
                    && base.len() > 2
                    && base.starts_with(|c: char| c.is_uppercase()))
                || (base.starts_with(n.as_str()) && base[n.len()..].starts_with(' '))
        }) {
            return Some("employer");
        }
        None
    }
}

/// The checklist a posting's text asks for.
pub(super) fn read_text(text: String) -> Posting {
    let lines = structure::lines(&text);
    let text = join_wrapped(text, &lines);
    let title = structure::title(&text, &lines);
    let employer = guards::employer_names(&text, &lines);
    let places = guards::place_spans(&text);
    let r = Reading::new(&text, &lines, title.as_deref(), &employer, &places);

    // 1. the lexicon; 2. list items, 3. product-like words and phrases and
    // 4. the tagger; 5. soft skills asked for in other words
    let (cands, general) = lexicon_candidates(&r);
    let mut pool = Pool::new(text.len(), cands);
    pool.add_nominal(&r, nominal(&r));
    let mut extra = tagged(&r);
    extra.extend(structural(&r));
    // general words last: "testing" never takes "software testing"'s place
    extra.extend(general);
    pool.add(&r, extra);
    pool.add_elided_phrases(&r);
    pool.add_soft(&r);
    let kept = vendor_products(&text, lone_acronyms_dropped(&text, pool.kept()));
    let mut mentions = with_tiers(&r, kept);

    let groups = find_groups(&text, &r.sents, &r.blocks, &mut mentions);
    let requirements = requirements::read(&text, &lines, &r.eligible, &mentions, &groups);
    let mut warnings = Vec::new();
    if mentions.is_empty() {
        warnings.push("no skills found: is this a job description?".to_string());
    }
    if let Some(why) = looks_like_resume(&text) {
        warnings.push(format!(
            "this looks like a resume, not a job posting ({why})"
        ));
    }
    drop(r);
    Posting {
        text,
        title,
        lines,
        mentions,
        groups,
        requirements,
        employer,
        warnings,
    }
}

/// The text with each line break a sentence is wrapped over (see
/// [`Line::wrapped`]) made spaces: "machine⏎learning" reads as machine
/// learning, "San⏎Francisco" as a place. The bytes keep their offsets, so
/// the lines found before still index it.
fn join_wrapped(text: String, lines: &[Line]) -> String {
    if !lines.iter().any(|l| l.wrapped) {
        return text;
    }
    let mut bytes = text.into_bytes();
    for w in lines.windows(2).filter(|w| w[1].wrapped) {
        for b in &mut bytes[w[0].end..w[1].start] {
            if matches!(*b, b'\n' | b'\r') {
                *b = b' ';
            }
        }
    }
    // ASCII bytes were replaced by ASCII: still UTF-8
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `s` with each run of whitespace one space ("Java⏎EE" is Java EE).
fn single_spaced(s: &str) -> String {
    if !s.contains(|c: char| c.is_whitespace() && c != ' ')
        && !s.contains("  ")
        && !s.starts_with(' ')
        && !s.ends_with(' ')
    {
        return s.to_string();
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lexicon terms in the eligible lines, found by the resume matcher; and,
/// apart, the general words asked for as skills (to be taken after the
/// other sources).
/// The lexicon term (its span and skill) that starts at the object of a
/// duty found as a verb and its object and runs past it: "accounts
/// payable" in "Manage accounts payable", where the lexicon's "managing
/// accounts" came first. Only hits led by a verb are read again, to the
/// end of their line (`line_end`) but no further than a term's length
/// past the hit: a long line of duties stays linear.
fn longer_object(text: &str, hit: Span, line_end: usize) -> Option<(Span, usize)> {
    /// More bytes past the hit than any lexicon form has.
    const REACH: usize = 256;
    let surface = &text[hit.range()];
    let (verb, _) = surface.split_once(' ')?;
    nominal::verb_of(&verb.to_ascii_lowercase())?;
    let from = hit.start + verb.len() + 1;
    let end = crate::text::floor_boundary(text, line_end.min(hit.end + REACH)).max(hit.end);
    let lex = lexicon::lex_matcher();
    let found = lex.matcher.find(&text[from..end]).ok()?;
    let first = found.first()?;
    (first.span.start == 0 && from + first.span.end > hit.end && first.kind.counts()).then(|| {
        (
            Span::new(from, from + first.span.end),
            lex.skill[first.keyword] as usize,
        )
    })
}

fn lexicon_candidates(r: &Reading<'_>) -> (Vec<Candidate>, Vec<Extra>) {
    let text = r.text;
    let lex = lexicon::lex_matcher();
    let all = skills();
    let mut cands = Vec::new();
    let mut general = Vec::new();
    let (Ok(main_hits), Ok(general_hits)) = (lex.matcher.find(text), lex.general.find(text)) else {
        return (cands, general);
    };
    let hits = main_hits
        .into_iter()
        .map(|h| (h, &lex.matcher, &lex.skill))
        .chain(
            general_hits
                .into_iter()
                .map(|h| (h, &lex.general, &lex.general_skill)),
        );
    for (h, matcher, skill_of) in hits {
        let Some(line) = r.readable_line(h.span.start) else {
            continue;
        };
        let surface = &text[h.span.range()];
        // a possessive names an owner, not a skill: "Google’s revenue data"
        // a derivation ("manager" for management) reads a resume's
        // skill; a posting's checklist keeps the posting's own words
        if !h.kind.counts()
            || h.variant == Some(crate::report::Variant::Derivation)
            || r.blocked_as(h.span, true).is_some()
            || surface.ends_with("’s")
            || surface.ends_with("'s")
        {
            continue;
        }
        // a hit must be as long as one of its keyword's forms ("Apache"
        // alone is not "Apache Ant")
        let k = &matcher.role().keywords[h.keyword];
        let words = |s: &str| s.split_whitespace().count();
        let surface_words = words(surface);
        if std::iter::once(&k.term)
            .chain(&k.aliases)
            .all(|f| words(f) > surface_words)
        {
            continue;
        }
        // "anchored" for anchoring: a verb's past, not the activity's name
        if surface_words == 1
            && surface.ends_with("ed")
            && !std::iter::once(&k.term)
                .chain(&k.aliases)
                .any(|f| f.ends_with("ed"))
        {
            continue;
        }
        // "aircraft mechanic" for aircraft mechanics: a person, not the
        // discipline (a word alone is its adjective: "logistic processes")
        let last_word = |f: &str| f.rsplit(' ').next().unwrap_or(f).to_ascii_lowercase();
        if surface_words > 1
            && last_word(surface).ends_with("ic")
            && std::iter::once(&k.term)
                .chain(&k.aliases)
                .all(|f| last_word(f).ends_with("ics"))
        {
            continue;
        }
        let s = skill_of[h.keyword] as usize;
        let entry = &all[s];
        if entry.language {
            continue; // a spoken language is a requirement, not a keyword
        }
        let ambiguous = k.ambiguous == Some(true);
        let cued = |duty| {
            let sentence = r.sents.around(h.span.start, r.blocks[line]);
            skill_cue(text, sentence, h.span, duty)
        };
        // "positioning the value of": a verb with its object, whatever cue
        // comes before it
        let next = text[h.span.end..].split_whitespace().next().unwrap_or("");
        let verb_with_object = surface.ends_with("ing")
            && matches!(
                next.to_ascii_lowercase().as_str(),
                "the" | "a" | "an" | "our" | "your" | "their" | "its"
            );
        if entry.general {
            // "security and privacy at scale" is a word; "testing
            // experience" a skill, in the word's own form ("designing" is
            // a verb)
            let own_form = std::iter::once(&k.term).chain(&k.aliases).any(|f| {
                f.eq_ignore_ascii_case(surface) || surface.eq_ignore_ascii_case(&format!("{f}s"))
            });
            if own_form
                && !verb_with_object
                && cued(false)
                && !verb_use(text, r.lines[line].content, h.span)
            {
                general.push((h.span, Source::Lexicon, Some(s)));
            }
            continue;
        }
        if !surface.contains([' ', '-', '.', '+', '#'])
            && !ambiguous
            && guards::is_common_word(surface)
            && !entry.soft
            && !shaped(surface)
            && (verb_with_object || !cued(true))
            && !nominal::gerund_duty(text, r.sents.around(h.span.start, r.blocks[line]).0, h.span)
        {
            continue; // "user", "network", "survey": a word, unless cued or listed
        }
        if verb_use(text, r.lines[line].content, h.span) {
            continue; // "Excel in change management"
        }
        // "Manage accounts payable": a duty ("managing accounts") whose
        // object starts a longer term is that term
        if let Some((span, s)) = longer_object(text, h.span, r.lines[line].end) {
            cands.push(Candidate {
                span,
                skill: Some(s),
                soft: all[s].soft,
                source: Source::Lexicon,
                soft_name: None,
                term: None,
            });
            continue;
        }
        cands.push(Candidate {
            span: h.span,
            skill: Some(s),
            soft: entry.soft,
            source: Source::Lexicon,
            soft_name: None,
            term: None,
        });
    }
    let elided = elided(text, &cands);
    if !elided.is_empty() {
        cands.extend(elided);
        cands.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    }
    (cands, general)
}

/// Skills a slash, "and" or "or" writes with a shared word: "accounts
/// payable/receivable" (or "payable and receivable") names accounts
/// receivable too, "project/program management" project management, "data
/// collection and analysis" data analysis. The other word becomes a candidate, named by the whole
/// skill, where the lexicon knows it.
fn elided(text: &str, cands: &[Candidate]) -> Vec<Candidate> {
    let mut spans: Vec<(usize, usize)> = cands.iter().map(|c| (c.span.start, c.span.end)).collect();
    spans.sort_unstable();
    // one candidate a span: not over another
    let free = |s: Span| {
        let k = spans.partition_point(|&(start, _)| start < s.end);
        !spans[..k]
            .iter()
            .rev()
            .take(4)
            .any(|&(_, end)| end > s.start)
    };
    let mut out = Vec::new();
    for c in cands.iter().filter(|c| !c.soft) {
        let surface = &text[c.span.range()];
        let (Some(first), Some(last)) = (surface.find(' '), surface.rfind(' ')) else {
            continue;
        };
        let mut others = Vec::new();
        // "accounts payable/receivable" (or "payable and receivable"): the
        // first words, another last word; "project/program management" (or
        // "project or program management"): another first word, the last
        // words
        for joint in ["/", " and ", " or "] {
            if let Some(rest) = text[c.span.end..].strip_prefix(joint) {
                let n = rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '-'))
                    .unwrap_or(rest.len());
                others.push((c.span.end + joint.len(), n, &surface[..=last], ""));
            }
            if let Some(before) = text[..c.span.start].strip_suffix(joint) {
                let from = before
                    .char_indices()
                    .rev()
                    .take_while(|&(_, c)| c.is_alphanumeric() || c == '-')
                    .last()
                    .map_or(before.len(), |(i, _)| i);
                others.push((from, before.len() - from, "", &surface[first..]));
            }
        }
        for (at, n, head, tail) in others {
            let span = Span::new(at, at + n);
            let Some((e, phrase)) = other_form(head, &text[span.range()], tail) else {
                continue;
            };
            if free(span) {
                out.push(Candidate {
                    span,
                    skill: Some(e),
                    soft: false,
                    source: Source::Lexicon,
                    soft_name: None,
                    term: Some(phrase),
                });
            }
        }
    }
    out
}

/// The lexicon skill (its index) `head + word + tail` names, with the
/// phrase as the posting would write it whole (a plural word read as its
/// singular too: "receivables").
fn other_form(head: &str, word: &str, tail: &str) -> Option<(usize, String)> {
    if word.len() < 3 || !word.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    let singular = word.strip_suffix('s').filter(|w| w.len() >= 3);
    std::iter::once(word)
        .chain(singular)
        .map(|w| format!("{head}{w}{tail}"))
        .find_map(|phrase| lexicon::skill_index_with_form(&phrase).map(|e| (e, phrase)))
        .filter(|&(e, _)| !skills()[e].soft && !skills()[e].general)
}

/// A candidate span besides the lexicon's: where it comes from, and the
/// lexicon skill an ambiguous list item names.
type Extra = (Span, Source, Option<usize>);

/// Knowledge phrases the tagger finds. It reads only runs of lines skills
/// come from (with the line before each run, its context): not the
/// benefits, legal text and page furniture.
fn tagged(r: &Reading<'_>) -> Vec<Extra> {
    let (text, lines) = (r.text, r.lines);
    let threshold: f32 = std::env::var("ATSCORE_TAGGER_MIN")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(TAGGER_MIN_SCORE);
    let mut tags = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !r.eligible[i] {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < lines.len() && r.eligible[j + 1] {
            j += 1;
        }
        let from = lines[i.saturating_sub(1)].start;
        let to = lines[j].end;
        tags.extend(tagger::tag(&text[from..to]).into_iter().map(|mut t| {
            t.span = Span::new(t.span.start + from, t.span.end + from);
            t
        }));
        i = j + 1;
    }
    tags.into_iter()
        .filter(|t| t.kind == tagger::Kind::Knowledge && t.score >= threshold)
        .filter(|t| r.readable_line(t.span.start).is_some())
        .filter_map(|t| tagged_phrase(text, t.span))
        .map(|span| (span, Source::Tagger, None))
        .collect()
}

/// List items, product-like words and noun phrases of each eligible
/// sentence.
fn structural(r: &Reading<'_>) -> Vec<Extra> {
    let text = r.text;
    let mut out = Vec::new();
    for (i, l) in r.lines.iter().enumerate() {
        if !r.eligible[i] || l.wrapped {
            continue;
        }
        let (bs, be) = r.blocks[i];
        for (s, e) in split_sentences(text, bs, be, false) {
            for item in list_items(text, s, e) {
                let Some(item) = without_duty_verb(text, item) else {
                    continue;
                };
                out.push((item, Source::List, ambiguous_form(&text[item.range()])));
            }
            for w in shaped_words(text, s, e) {
                out.push((w, Source::Shape, None));
            }
            for p in phrases(text, s, e) {
                if !run_together(&text[p.range()])
                    && let Some(p) = without_duty_verb(text, p)
                {
                    out.push((p, Source::Phrase, None));
                }
            }
        }
    }
    out
}

/// A list item or phrase without the duty's verb it opens with ("Process
/// RFIs" is RFIs, "Achieve sales" sales); `None` where what is left is one
/// common word, no name ("Achieve sales").
fn without_duty_verb(text: &str, item: Span) -> Option<Span> {
    let Some(rest) = super::after_duty_verb(text, item) else {
        return Some(item);
    };
    let t = &text[rest.range()];
    (!t.is_empty() && (t.contains(' ') || !guards::is_common_word(t) || shaped(t))).then_some(rest)
}

/// Two activities run together where a list lost its commas ("system
/// design development security release monitoring and support" gives no
/// "development security", "requirements definition research
/// implementation validation" no "definition research"): a phrase of two
/// words whose first is itself an activity, not a thing worked on.
fn run_together(phrase: &str) -> bool {
    const ACTIVITIES: &[&str] = &[
        "development",
        "implementation",
        "validation",
        "verification",
        "evaluation",
        "definition",
        "integration",
        "documentation",
        "deployment",
        "improvement",
        "assessment",
        "analysis",
        "research",
        "planning",
        "testing",
        "monitoring",
        "configuration",
        "installation",
        "migration",
        "optimization",
        "optimisation",
    ];
    let mut words = phrase.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some(first), Some(_), None) => ACTIVITIES.contains(&first.to_ascii_lowercase().as_str()),
        _ => false,
    }
}

/// Duties written as a verb and its object that name a lexicon skill
/// ("analyzing variances"), in each eligible sentence.
fn nominal(r: &Reading<'_>) -> Vec<Nominal> {
    let text = r.text;
    let mut out = Vec::new();
    for (i, l) in r.lines.iter().enumerate() {
        if !r.eligible[i] || l.wrapped {
            continue;
        }
        // a soft skill's cue is no duty ("managing multiple tasks" asks
        // for multitasking)
        let lower = text[l.content..l.end].to_ascii_lowercase();
        let cues: Vec<(usize, usize)> = soft::find(&lower)
            .into_iter()
            .map(|(_, a, b)| (l.content + a, l.content + b))
            .collect();
        let (bs, be) = r.blocks[i];
        for (s, e) in split_sentences(text, bs, be, true) {
            out.extend(nominals(text, s, e).into_iter().filter(|n| {
                !cues
                    .iter()
                    .any(|&(a, b)| a < n.span.end && n.span.start < b)
            }));
        }
    }
    out
}

/// The candidates taken so far. Whether a span overlaps one costs the
/// span's length, whatever was taken before.
struct Pool {
    cands: Vec<Candidate>,
    removed: Vec<bool>,
    taken: Taken,
}

impl Pool {
    /// The lexicon's candidates, each taken unless an earlier one overlaps.
    fn new(len: usize, cands: Vec<Candidate>) -> Pool {
        let mut taken = Taken::new(len);
        let mut last_end = 0;
        for (i, c) in cands.iter().enumerate() {
            if c.span.start >= last_end {
                taken.take(c.span, i);
                last_end = c.span.end;
            }
        }
        Pool {
            removed: vec![false; cands.len()],
            cands,
            taken,
        }
    }

    fn push(&mut self, c: Candidate) {
        self.taken.take(c.span, self.cands.len());
        self.removed.push(false);
        self.cands.push(c);
    }

    fn remove(&mut self, i: usize) {
        self.removed[i] = true;
        self.taken.free(self.cands[i].span, i);
    }

    /// The other sources' candidates, where no candidate is yet; a phrase
    /// takes in the lowercase lexicon words it extends ("pricing" in
    /// "pricing analysis"), never a product name ("SQL database design").
    fn add(&mut self, r: &Reading<'_>, extra: Vec<Extra>) {
        let text = r.text;
        // the posting's words, to know a capitalized one also written in
        // lowercase: built once, not searched for per candidate
        let words: crate::hash::Map<&str, ()> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| (w, ()))
            .collect();
        for (span, source, ambiguous_skill) in extra {
            if source == Source::Phrase {
                let overlapping: Vec<usize> = if self.taken.starts_before(span, &self.cands) {
                    vec![usize::MAX]
                } else {
                    self.taken.inside(span)
                };
                let absorbable = overlapping.iter().all(|&i| {
                    let Some(c) = self.cands.get(i) else {
                        return false;
                    };
                    c.span.start >= span.start
                        && c.span.end < span.end
                        && !c.soft
                        && text[c.span.range()].chars().all(|ch| !ch.is_uppercase())
                });
                if !absorbable || r.blocked(span).is_some() || !clean_term(&text[span.range()]) {
                    continue;
                }
                for i in overlapping {
                    self.remove(i);
                }
                self.push(Candidate {
                    span,
                    skill: None,
                    soft: false,
                    source,
                    soft_name: None,
                    term: None,
                });
                continue;
            }
            if self.taken.overlaps(span) {
                continue;
            }
            // the employer's product or program named in the title
            // ("Facilitator for fREADom Live Classes")
            let in_title = r.title.is_some_and(|t| t.contains(&text[span.range()]));
            if in_title
                || initials(&text[span.range()])
                || (source != Source::Shape
                    && ambiguous_skill.is_none()
                    && plain_word(&words, &text[span.range()]))
                || r.blocked(span).is_some()
                || education_words(&text[span.range()])
                || names_a_person(&text[span.range()])
                || !clean_term(&text[span.range()])
            {
                continue;
            }
            self.push(Candidate {
                span,
                skill: ambiguous_skill,
                soft: false,
                source,
                soft_name: None,
                term: None,
            });
        }
    }

    /// Noun phrases written with a shared head: "beta and pilot programs"
    /// asks for beta programs as well as pilot programs, "quality or safety
    /// standards" for quality standards. The word before "and", "or" or a
    /// slash becomes a phrase of its own, named by the whole phrase, where
    /// no other candidate is: a word that can qualify a noun, not an
    /// activity ("training and development programs" asks for training
    /// itself).
    fn add_elided_phrases(&mut self, r: &Reading<'_>) {
        let text = r.text;
        let mut found = Vec::new();
        for (i, c) in self.cands.iter().enumerate() {
            if self.removed[i] || c.source != Source::Phrase || c.term.is_some() {
                continue;
            }
            let surface = &text[c.span.range()];
            // two words: the other word and the head make the whole phrase
            let Some((other, head)) = surface.split_once(' ') else {
                continue;
            };
            // (qualities coordinated are no two skills: "rapid and
            // comprehensive analysis", "clean and aesthetic design")
            if head.contains(' ') || adjectival(other) {
                continue;
            }
            for joint in [" and ", " or ", "/"] {
                let Some(before) = text[..c.span.start].strip_suffix(joint) else {
                    continue;
                };
                let from = before
                    .char_indices()
                    .rev()
                    .take_while(|&(_, ch)| ch.is_alphabetic())
                    .last()
                    .map_or(before.len(), |(i, _)| i);
                let word = &before[from..];
                let opens = !before[..from]
                    .chars()
                    .next_back()
                    .is_some_and(|ch| ch.is_alphanumeric() || matches!(ch, '-' | '/' | '&'));
                // a word that opens a line or a sentence before "and" is
                // most often a verb ("Design and deliver training programs")
                let line_start = before[..from]
                    .trim_end()
                    .chars()
                    .next_back()
                    .is_none_or(|ch| {
                        matches!(
                            ch,
                            '\n' | '.' | ':' | ';' | '•' | '*' | '-' | '–' | '!' | '?'
                        )
                    });
                if word.len() < 3
                    || !opens
                    || line_start
                    || !modifier(word, false)
                    || activity(word)
                    || adjectival(word)
                    || lead_word(word)
                {
                    continue;
                }
                found.push((Span::new(from, before.len()), format!("{word} {head}")));
            }
        }
        for (span, term) in found {
            if self.taken.overlaps(span) || r.blocked(span).is_some() {
                continue;
            }
            self.push(Candidate {
                span,
                skill: None,
                soft: false,
                source: Source::Phrase,
                soft_name: None,
                term: Some(term),
            });
        }
    }

    /// Duties that name a lexicon skill ("managing budgets"): each takes in
    /// the lowercase lexicon words inside it ("budgets"), never a product
    /// name or a soft skill.
    fn add_nominal(&mut self, r: &Reading<'_>, found: Vec<Nominal>) {
        let text = r.text;
        for n in found {
            let span = n.span;
            if r.readable_line(span.start).is_none()
                || r.blocked(span).is_some()
                || self.taken.starts_before(span, &self.cands)
            {
                continue;
            }
            // a verb alone takes nothing; an object that is an activity
            // itself stays ("Implementing unit testing" is unit testing)
            let inside = self.taken.inside(span);
            let absorbable = n.with_object
                && inside.iter().all(|&i| {
                    let c = &self.cands[i];
                    let t = &text[c.span.range()];
                    c.span.end <= span.end
                        && (c.span.start >= n.object_start || c.span.end <= n.object_start)
                        && !c.soft
                        && t.chars().all(|ch| !ch.is_uppercase())
                        && !(t.contains(' ') && activity(t))
                });
            if !absorbable && !inside.is_empty() {
                continue;
            }
            for i in inside {
                self.remove(i);
            }
            self.push(Candidate {
                span,
                skill: Some(n.skill),
                soft: false,
                source: Source::Nominal,
                soft_name: None,
                term: Some(n.term),
            });
        }
    }

    /// Soft skills asked for in other words ("ability to multi-task").
    fn add_soft(&mut self, r: &Reading<'_>) {
        for (i, l) in r.lines.iter().enumerate() {
            if !r.eligible[i] {
                continue;
            }
            let lower = r.text[l.content..l.end].to_ascii_lowercase();
            for (skill, a, b) in soft::find(&lower) {
                let span = Span::new(l.content + a, l.content + b);
                // a lexicon word inside the cue is the soft skill it names
                // ("multi-task" in "ability to multi-task")
                let inside = self.taken.inside(span);
                let replace = !self.taken.starts_before(span, &self.cands)
                    && !inside.is_empty()
                    && inside.iter().all(|&i| {
                        let c = &self.cands[i];
                        matches!(c.source, Source::Lexicon | Source::Nominal)
                            && !c.soft
                            && c.span.end <= span.end
                    });
                if replace {
                    for i in inside {
                        self.remove(i);
                    }
                } else if self.taken.overlaps(span) {
                    continue;
                }
                self.push(Candidate {
                    span,
                    skill: None,
                    soft: true,
                    source: Source::Soft,
                    soft_name: Some(skill.term),
                    term: None,
                });
            }
        }
    }

    /// The candidates left, in text order; of overlapping ones the first
    /// (and longest) wins.
    fn kept(self) -> Vec<Candidate> {
        let mut cands: Vec<Candidate> = self
            .cands
            .into_iter()
            .zip(self.removed)
            .filter_map(|(c, r)| (!r).then_some(c))
            .collect();
        cands.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
        let mut kept: Vec<Candidate> = Vec::with_capacity(cands.len());
        for c in cands {
            if kept.last().is_some_and(|k| c.span.start < k.span.end) {
                continue;
            }
            kept.push(c);
        }
        kept
    }
}

/// A bare acronym outside the lexicon ("SPA", "CSOs") counts only in a
/// list, next to another candidate: "MRDs and PRDs", "(JSF, GWT)".
fn lone_acronyms_dropped(text: &str, kept: Vec<Candidate>) -> Vec<Candidate> {
    let near = |a: &Candidate, b: &Candidate| {
        let between = text[a.span.end..b.span.start].trim().to_ascii_lowercase();
        matches!(
            between.as_str(),
            "," | "/" | "and" | "or" | ", and" | ", or" | "&" | "(" | ")" | "),"
        )
    };
    let listed = |i: usize| {
        (i > 0 && near(&kept[i - 1], &kept[i]))
            || (i + 1 < kept.len() && near(&kept[i], &kept[i + 1]))
    };
    let keep: Vec<bool> = (0..kept.len())
        .map(|i| {
            let c = &kept[i];
            let t = &text[c.span.range()];
            let weak = c.source == Source::Shape
                && t.chars().all(|ch| ch.is_ascii_uppercase() || ch == 's');
            !weak || listed(i)
        })
        .collect();
    kept.into_iter()
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect()
}

/// Vendors whose name alone is also a skill of the lexicon (the Apache
/// web server, Oracle's database, Epic's EHR) and that name their other
/// products: "Apache Beam", "AWS Glue", "Azure Synapse".
const VENDORS: &[&str] = &[
    "Apache",
    "AWS",
    "Amazon",
    "Azure",
    "Microsoft",
    "Google",
    "GCP",
    "Oracle",
    "SAP",
    "IBM",
    "Adobe",
    "Salesforce",
    "Atlassian",
    "Cisco",
    "Epic",
    "Cerner",
    "Autodesk",
    "VMware",
];

/// Capitalized words that open a sentence rather than name a product.
const NOT_PRODUCT_WORDS: &[&str] = &[
    "Work",
    "Working",
    "Experience",
    "Knowledge",
    "Join",
    "Help",
    "Build",
    "Develop",
    "Design",
    "Use",
    "Using",
    "Support",
    "Ensure",
    "Manage",
    "Lead",
    "Create",
    "Maintain",
    "Provide",
    "Drive",
    "Collaborate",
    "We",
    "You",
    "Our",
    "Your",
    "Must",
    "Will",
    "Should",
    "Strong",
    "Excellent",
    "Good",
    "Ability",
    "Skills",
    "Familiarity",
    "Understanding",
    "Certified",
    "Certification",
];

/// A vendor's name followed by a product name the lexicon does not know
/// ("Apache Beam", "AWS Glue", "Google Looker Studio") is that product,
/// one mention: not the vendor's own product ("Apache") beside a stray
/// word. The product's words are capitalized or shaped ("BigQuery"), up to
/// three, on the vendor's line, the first no known skill ("AWS S3",
/// "Apache Java Spring": the skills stand as found).
fn vendor_products(text: &str, kept: Vec<Candidate>) -> Vec<Candidate> {
    if !kept
        .iter()
        .any(|c| c.source == Source::Lexicon && VENDORS.contains(&&text[c.span.range()]))
    {
        return kept;
    }
    let mut out: Vec<Candidate> = Vec::with_capacity(kept.len());
    let mut i = 0;
    while i < kept.len() {
        let c = &kept[i];
        let name = &text[c.span.range()];
        let Some(end) = (c.source == Source::Lexicon && VENDORS.contains(&name))
            .then(|| product_after(text, c.span.end))
            .flatten()
        else {
            out.push(kept[i].clone());
            i += 1;
            continue;
        };
        // the candidates inside the product's words: the product, unless
        // they cover its every word with known skills
        let mut inside: Vec<&Candidate> = kept[i + 1..]
            .iter()
            .take_while(|k| k.span.start < end)
            .collect();
        // another skill found after the name's first word ends the name
        // ("Apache ActiveMQ JMS": JMS)
        let mut end = end;
        if let Some(second) = inside
            .iter()
            .position(|k| k.span.start > first_word_end(text, c.span.end))
        {
            end = text[..inside[second].span.start].trim_end().len();
            inside.truncate(second);
        }
        let partial = inside.iter().any(|k| k.span.end > end);
        let known = |w: &str| {
            let at = offset_in(text, w);
            inside
                .iter()
                .any(|k| k.skill.is_some() && k.span.start <= at && at + w.len() <= k.span.end)
        };
        let mut words = text[c.span.end..end].split_whitespace();
        // "Apache Java Spring" (a list that lost its commas): the next word
        // a known skill, the vendor's name is its own
        if partial || words.next().is_none_or(known) {
            out.push(kept[i].clone());
            i += 1;
            continue;
        }
        out.push(Candidate {
            span: Span::new(c.span.start, end),
            skill: None,
            soft: false,
            source: Source::Shape,
            soft_name: None,
            term: None,
        });
        i += 1 + inside.len();
    }
    out
}

/// The end of the word after `from` (a space, then the word).
fn first_word_end(text: &str, from: usize) -> usize {
    let rest = &text[from..];
    let start = rest.len() - rest.trim_start().len();
    from + start
        + rest[start..]
            .find(char::is_whitespace)
            .unwrap_or(rest.len() - start)
}

/// The end of a product name written right after a vendor's (`from`: the
/// vendor's end): one to three capitalized or product-shaped words, each
/// after one space, up to a function word, a lowercase word or a
/// punctuation mark.
fn product_after(text: &str, from: usize) -> Option<usize> {
    let mut end = None;
    let mut at = from;
    for _ in 0..3 {
        let rest = text[at..].strip_prefix(' ')?;
        let word_len = rest
            .find(|ch: char| !(ch.is_alphanumeric() || matches!(ch, '.' | '-' | '+' | '#')))
            .unwrap_or(rest.len());
        let word = rest[..word_len].trim_end_matches(['.', '-']);
        let capitalized = word.starts_with(|ch: char| ch.is_uppercase());
        if word.is_empty()
            || !(capitalized || shaped(word))
            || CAPS_STOP.contains(&word.to_ascii_uppercase().as_str())
            || VENDORS.contains(&word)
            // a sentence that lost its full stop: "interact with AWS Work as"
            || NOT_PRODUCT_WORDS.contains(&word)
            // "ASP.NET", "C++": a product of its own
            || (end.is_none() && word.contains(['.', '+', '#']))
        {
            break;
        }
        at += 1 + word.len();
        end = Some(at);
        // a comma, a parenthesis, the line's end; and a product's name
        // ends with its shaped word ("Azure CosmosDB", "Apache ActiveMQ")
        if !text[at..].starts_with(' ') || (shaped(word) && !word.starts_with(char::is_numeric)) {
            break;
        }
    }
    end
}

/// Each candidate as a mention with its tier: the cue of its sentence
/// (read once per sentence), else its section's.
fn with_tiers(r: &Reading<'_>, kept: Vec<Candidate>) -> Vec<Mention> {
    let text = r.text;
    let all = skills();
    let mut sentences: crate::hash::Map<usize, (String, structure::SentenceCues)> =
        Default::default();
    kept.into_iter()
        .map(|c| {
            let line = r.line_of(c.span.start);
            let (sent_start, sent_end) = r.sents.around(c.span.start, r.blocks[line]);
            let (lower, cues) = sentences.entry(sent_start).or_insert_with(|| {
                let lower = text[sent_start..sent_end].to_ascii_lowercase();
                let cues = structure::SentenceCues::new(&lower);
                (lower, cues)
            });
            let cue = cues.at(lower, c.span.start.saturating_sub(sent_start));
            let (tier, reason) = tier_of(r, cue, r.lines[line].section);
            let (tier, reason) = if c.soft && tier == Tier::MustHave {
                (Tier::Bonus, format!("a soft skill ({reason})"))
            } else {
                (tier, reason)
            };
            Mention {
                text: single_spaced(&text[c.span.range()]),
                span: c.span,
                line,
                skill: c.skill.map(|s| all[s].name).or(c.soft_name),
                tier,
                reason,
                soft: c.soft,
                source: c.source,
                group: None,
                term: c.term,
            }
        })
        .collect()
}

/// The tier a sentence's cue gives ("required", "a plus"), else the
/// section's, with the reason the checklist shows.
fn tier_of(r: &Reading<'_>, cue: Option<structure::Cue>, section: Section) -> (Tier, String) {
    match cue {
        Some((t, cue)) => (t, format!("\"{cue}\" on its line")),
        None => match section {
            Section::Requirements | Section::Responsibilities => (
                Tier::MustHave,
                format!("in the {} section", section.as_str()),
            ),
            Section::NiceToHave => (Tier::Bonus, "in the nice-to-have section".to_string()),
            _ if r.has_body => (
                Tier::Bonus,
                "in the introduction (the posting lists its requirements apart)".to_string(),
            ),
            _ => (
                Tier::MustHave,
                "named in a posting without a separate requirements list".to_string(),
            ),
        },
    }
}

/// Whether a phrase of two or more words names a person by its last word, a
/// job title ("General Counsel", "Project Manager"): not a skill.
fn names_a_person(t: &str) -> bool {
    const PERSONS: &[&str] = &[
        "counsel",
        "manager",
        "engineer",
        "officer",
        "director",
        "accountant",
        "mechanic",
        "specialist",
        "analyst",
        "assistant",
        "coordinator",
        "developer",
        "consultant",
        "administrator",
        "representative",
        "technician",
        "designer",
        "scientist",
        "executive",
        "president",
        "recruiter",
        "supervisor",
        "clerk",
    ];
    let mut words = t.split_whitespace();
    let last = words.next_back().unwrap_or("").to_ascii_lowercase();
    let last = last.strip_suffix('s').unwrap_or(&last);
    words.next().is_some() && PERSONS.contains(&last)
}

/// Whether a phrase names an activity by its last word ("unit testing",
/// "risk management", "data analysis").
fn activity(t: &str) -> bool {
    let last = t.rsplit(' ').next().unwrap_or(t).to_ascii_lowercase();
    ["ing", "tion", "ment", "sis", "ance", "ence"]
        .iter()
        .any(|e| last.ends_with(e))
}

/// Whether a word reads as an adjective by its ending ("comprehensive",
/// "technical", "strategic", "driven", "seamless"): a quality, not the
/// thing a skill is about.
fn adjectival(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    [
        "ed", "ive", "ous", "ful", "able", "ible", "ic", "al", "less", "ary",
    ]
    .iter()
    .any(|e| w.ends_with(e))
}

/// A capitalized word alone that the posting itself also writes in
/// lowercase, as an ordinary word ("Engaging" beside "engaging"). A name
/// ("Tecton", "Wicket") is not written in lowercase.
fn plain_word(words: &crate::hash::Map<&str, ()>, w: &str) -> bool {
    if w.is_empty() || !w.chars().all(|c| c.is_alphabetic()) {
        return false;
    }
    let mut rest = w.chars();
    let titled = rest.next().is_some_and(char::is_uppercase) && rest.all(char::is_lowercase);
    titled && words.contains_key(w.to_lowercase().as_str())
}
