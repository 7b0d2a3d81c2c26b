//! What is never a keyword, however it is written: places, the employer's
//! own name, masked entities (`<ORGANIZATION>`), benefits, salary words,
//! posting boilerplate ("fast-paced environment") and words too general to
//! search for ("experience", "team").

use std::sync::OnceLock;

use crate::hash::Map;

/// Whether a word (any case) is a common English word: lowercase in O*NET's
/// own prose (`scripts/gen-common-words.py`), singular or plural.
pub(crate) fn is_common_word(w: &str) -> bool {
    static W: OnceLock<Map<&'static str, ()>> = OnceLock::new();
    // the posting reader checks that its data is there before reading
    let Some(text) = super::data::common_words() else {
        return false;
    };
    let set = W.get_or_init(|| {
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(|l| (l, ()))
            .collect()
    });
    let mut lower = w.to_lowercase();
    if set.contains_key(lower.as_str())
        || lower.strip_suffix('s').is_some_and(|s| set.contains_key(s))
    {
        return true;
    }
    lower.push('s');
    set.contains_key(lower.as_str())
}

/// Place names, keyed by their lowercase form (matched case-sensitively
/// against the posting: `Nice` the city, not "nice to have").
fn places() -> &'static Map<&'static str, ()> {
    static P: OnceLock<Map<&'static str, ()>> = OnceLock::new();
    static NONE: OnceLock<Map<&'static str, ()>> = OnceLock::new();
    // not cached while there is no data: a later load_data is seen
    let Some(text) = super::data::places() else {
        return NONE.get_or_init(Map::default);
    };
    P.get_or_init(|| {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| (l, ()))
            .collect()
    })
}

/// Whether `s` (as written) is a place name.
///
/// ```
/// assert!(atscore::posting::is_place("San Francisco"));
/// assert!(!atscore::posting::is_place("SAN"));
/// ```
pub fn is_place(s: &str) -> bool {
    places().contains_key(s.trim())
}

/// Byte ranges of the place names in `text`: runs of up to four capitalized
/// words (with "of", "and", "de", "es" between) that the gazetteer knows.
pub(crate) fn place_spans(text: &str) -> Vec<(usize, usize)> {
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || matches!(c, '.' | '\'' | '-');
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, text.len()));
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let cap = |w: (usize, usize)| text[w.0..].starts_with(|c: char| c.is_uppercase());
        if !cap(words[i]) {
            i += 1;
            continue;
        }
        let mut best = None;
        for n in 1..=4.min(words.len() - i) {
            let (s, e) = (words[i].0, words[i + n - 1].1);
            let phrase = text[s..e].trim_end_matches('.');
            let phrase_end = s + phrase.len();
            if places().contains_key(phrase) || places().contains_key(&text[s..e]) {
                best = Some((
                    n,
                    (
                        s,
                        if places().contains_key(&text[s..e]) {
                            e
                        } else {
                            phrase_end
                        },
                    ),
                ));
            }
            // only single spaces or ", " inside a place name
            if i + n < words.len() && text[e..words[i + n].0].len() > 2 {
                break;
            }
        }
        // a one-word place opening a sentence before a lowercase word is
        // more likely a word: "Nice to have", "Victoria is"
        if let Some((1, _)) = best {
            let before = text[..words[i].0].trim_end();
            let opens = before.is_empty() || before.ends_with(['.', ':', '\n', '!', '?', '-', '•']);
            let next_lower = words
                .get(i + 1)
                .is_some_and(|w| text[w.0..].starts_with(|c: char| c.is_lowercase()));
            if opens && next_lower {
                best = None;
            }
        }
        match best {
            Some((mut n, mut span)) => {
                // "San Francisco, CA", "Springfield, IL": the state's code
                // after a place is part of it
                if let Some(&(s, e)) = words.get(i + n)
                    && text[span.1..s] == *", "
                    && US_STATE_CODES.contains(&&text[s..e])
                {
                    span.1 = e;
                    n += 1;
                }
                out.push(span);
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// Two-letter codes of the US states and DC, read as places only right
/// after a place and a comma ("Austin, TX"): alone they are words or
/// acronyms ("IN", "OR", "CA").
const US_STATE_CODES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
    "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
    "WV", "WI", "WY",
];

/// Whether the text is a masked entity of anonymized postings
/// (`<ORGANIZATION>`, `<LOCATION>`).
pub(crate) fn is_masked(s: &str) -> bool {
    s.contains('<') && s.contains('>')
}

/// Benefit, salary and contract words: never keywords.
const BENEFITS: &[&str] = &[
    "health insurance",
    "health",
    "dental",
    "vision",
    "dental insurance",
    "vision insurance",
    "life insurance",
    "medical",
    "401(k)",
    "401k",
    "pension",
    "paid time off",
    "pto",
    "vacation",
    "holidays",
    "parental leave",
    "maternity leave",
    "sick leave",
    "stock options",
    "equity",
    "salary",
    "bonus",
    "commission",
    "relocation",
    "visa sponsorship",
    "remote",
    "hybrid",
    "full-time",
    "part-time",
    "full time",
    "part time",
    "gym",
    "wellness",
    "tuition reimbursement",
    "professional development",
    "career development",
    "training opportunities",
    "career growth",
    "flexible hours",
    "flexible working",
    "retirement",
    "insurance",
    "free lunch",
    "snacks",
    "overtime",
];

/// Posting boilerplate that soft-skill lists may contain but no recruiter
/// searches for.
const BOILERPLATE: &[&str] = &[
    // the hiring process, not a skill ("information on the application
    // process", "we process applications on a rolling basis")
    "application process",
    "process applications",
    "fast-paced environment",
    "fast paced environment",
    "fast-paced",
    "passionate",
    "passion",
    "self-starter",
    "self starter",
    "team player",
    "hard worker",
    "motivated",
    "self-motivated",
    "self-motivation",
    "highly motivated",
    "go-getter",
    "rockstar",
    "ninja",
    "guru",
    "dynamic",
    "ownership",
    "workspace",
    "drive",
    "enthusiasm",
    "energetic",
    "can-do attitude",
    "positive attitude",
    "results-driven",
    "detail oriented",
    "think outside the box",
    "work ethic",
    "growth mindset",
];

/// Words too general to search for on their own.
const GENERIC: &[&str] = &[
    "experience",
    "team",
    "teams",
    "work",
    "skills",
    "skill",
    "knowledge",
    "ability",
    "abilities",
    "solutions",
    "solution",
    "environment",
    "software",
    "data",
    "web",
    "business",
    "technology",
    "technologies",
    "systems",
    "system",
    "tools",
    "tool",
    "services",
    "service",
    "products",
    "product",
    "project",
    "projects",
    "people",
    "customers",
    "clients",
    "support",
    "quality",
    "process",
    "processes",
    "development",
    "management",
    "design",
    "research",
    "information",
    "company",
    "organization",
    "organisation",
    "industry",
    "role",
    "position",
    "job",
    "candidate",
    "candidates",
    "opportunity",
    "world",
    "time",
    "act",
    "english",
    "office",
    "etc",
    "other",
    "others",
    "various",
    "related field",
    "field",
    "degree",
    "years",
    "year",
    "level",
    "plus",
    "a plus",
    "responsibilities",
    "requirements",
    "qualifications",
    "duties",
    "tasks",
];

/// Why a candidate is never a keyword, if it is not one.
///
/// ```
/// use atscore::posting::never_a_keyword;
/// assert_eq!(never_a_keyword("San Francisco"), Some("place"));
/// assert_eq!(never_a_keyword("401(k)"), Some("benefit"));
/// assert_eq!(never_a_keyword("<ORGANIZATION>"), Some("masked entity"));
/// assert_eq!(never_a_keyword("Kubernetes"), None);
/// ```
pub fn never_a_keyword(s: &str) -> Option<&'static str> {
    let t = s.trim();
    if t.is_empty() {
        return Some("empty");
    }
    if is_masked(t) {
        return Some("masked entity");
    }
    let lower = t.to_lowercase();
    if t.contains("://")
        || t.contains("www.")
        || t.contains('@')
        || [".com", ".org", ".net", ".io"]
            .iter()
            .any(|d| lower.ends_with(d) && t.len() > d.len() + 1 && !t.starts_with('.'))
    {
        return Some("address");
    }
    if is_place(t) {
        return Some("place");
    }
    // "VP-level", "entry-level", "C-level": whom the job is for
    if lower.ends_with("-level") {
        return Some("seniority");
    }
    // "evidence-based", "ABA-approved", "CSWE-accredited": what a practice
    // or a program is, no skill alone
    if !t.contains(' ')
        && [
            "-based",
            "-accredited",
            "-approved",
            "-certified",
            "-licensed",
            "-eligible",
        ]
        .iter()
        .any(|e| lower.ends_with(e) && lower.len() > e.len())
    {
        return Some("qualifier");
    }
    static WORDS: OnceLock<Map<&'static str, &'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let mut m = Map::default();
        for (list, why) in [
            (GENERIC, "too general"),
            (BOILERPLATE, "boilerplate"),
            (BENEFITS, "benefit"),
        ] {
            for w in list {
                m.insert(*w, why);
            }
        }
        m
    });
    words.get(lower.as_str()).copied()
}

/// Names the posting gives its employer: "About Acme", "Acme is a ...",
/// "At Acme, we", "Join Acme", "Acme is hiring". Capitalized names only.
pub(crate) fn employer_names(text: &str, lines: &[super::Line]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let cap_run = |s: &str| -> Option<String> {
        let mut words = Vec::new();
        for w in s.split_whitespace().take(4) {
            let w = w.trim_end_matches([',', '.', ':', '!', '\'', '’']);
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            if w.starts_with(|c: char| c.is_uppercase()) && !is_masked(w) {
                words.push(w);
            } else {
                break;
            }
        }
        let name = words.join(" ");
        let lower = name.to_lowercase();
        (!name.is_empty()
            && !matches!(lower.as_str(), "we" | "our" | "the" | "us" | "you" | "this"))
        .then_some(name)
    };
    use super::Section;
    // "Docker is a plus": a requirement, not who the employer is
    const NOT_EMPLOYER: &[&str] = &[
        "plus",
        "must",
        "bonus",
        "requirement",
        "big",
        "strong",
        "huge",
        "nice",
        "great",
        "advantage",
        "definite",
        "key",
        "core",
        "preferred",
        "benefit",
        "required",
        "needed",
    ];
    const VERBS: &[&str] = &[
        " is a ",
        " is an ",
        " is the ",
        " is hiring",
        " are hiring",
        " is looking",
        " is seeking",
        " provides ",
        " helps ",
        " offers ",
        " builds ",
        " was founded",
        " is proud",
        " is committed",
        " aims ",
        " strives ",
        " believes ",
        " empowers ",
        " creates ",
        " delivers ",
        " serves ",
        " operates ",
        " enables ",
        " connects ",
        " values ",
        " invests ",
        " welcomes ",
        " has been ",
    ];
    for l in lines.iter().take(400) {
        let in_body =
            !l.heading && matches!(l.section, Section::Requirements | Section::NiceToHave);
        let line = &text[l.start..l.end];
        let t = line.trim().trim_start_matches(['#', '*', '-', '•', ' ']);
        let lower = t.to_lowercase();
        let mut push = |n: Option<String>| {
            // a posting names its employer a few ways, not hundreds
            if let Some(n) = n
                && n.len() > 1
                && out.len() < 24
                && !out.contains(&n)
            {
                out.push(n);
            }
        };
        for lead in ["about ", "at ", "join ", "why "] {
            if lower.starts_with(lead) {
                push(cap_run(&t[lead.len()..]));
            }
        }
        // "As a Product Manager at Google", "across Google"
        for prep in [" at ", " across ", " join "] {
            for (i, _) in t.match_indices(prep) {
                let Some(n) = cap_run(&t[i + prep.len()..]) else {
                    continue;
                };
                if n.split_whitespace().count() > 3 || super::is_place(&n) {
                    continue;
                }
                let rest = t[i + prep.len()..].get(n.len()..).unwrap_or("");
                let ends = rest.is_empty()
                    || rest.starts_with([',', '.', '!', '’', '\''])
                    || rest.starts_with(' ')
                        && rest.trim_start().starts_with(|c: char| c.is_lowercase());
                if ends {
                    push(Some(n));
                }
            }
        }
        if in_body {
            continue;
        }
        // the verbs, searched together in the line's first 60 bytes: the
        // first place of each
        static VERB_PHRASES: OnceLock<super::phrases::Phrases> = OnceLock::new();
        let verbs =
            VERB_PHRASES.get_or_init(|| super::phrases::Phrases::new(VERBS.iter().copied()));
        let mut firsts: Vec<(usize, usize)> = Vec::new();
        for (p, i, _) in verbs.find_all(super::prefix(t, 60)) {
            if !firsts.iter().any(|&(q, _)| q == p) {
                firsts.push((p, i));
            }
        }
        firsts.sort_unstable();
        for (p, i) in firsts {
            let verb = VERBS[p];
            if i < 40 {
                let head = &t[..i];
                let object = t[i + verb.len()..]
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                if NOT_EMPLOYER.contains(&object.as_str()) {
                    continue;
                }
                if head.split_whitespace().count() <= 4 && cap_run(head).as_deref() == Some(head) {
                    push(Some(head.to_string()));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_in_text() {
        let text = "Offices in San Francisco, New York and Nice. Nice to have: SAN storage.";
        let got: Vec<&str> = place_spans(text)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(got, ["San Francisco", "New York", "Nice"]);
        let text = "Tech Solutions, San Francisco, CA, USA. Austin, TX or Java, IN";
        let got: Vec<&str> = place_spans(text)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(got, ["San Francisco, CA", "USA", "Austin, TX"]);
    }

    #[test]
    fn employers() {
        let t = "About Acme Robotics\nAcme Robotics is a leader in arms.\nAt Globex, we ship.\nWe are hiring.";
        let lines = super::super::structure::lines(t);
        assert_eq!(employer_names(t, &lines), ["Acme Robotics", "Globex"]);
        let t = "Requirements\n- Docker is a plus\n";
        assert!(employer_names(t, &super::super::structure::lines(t)).is_empty());
    }

    #[test]
    fn never() {
        assert_eq!(never_a_keyword("ownership"), Some("boilerplate"));
        assert_eq!(never_a_keyword("Experience"), Some("too general"));
        assert_eq!(never_a_keyword("CSWE-accredited"), Some("qualifier"));
        assert_eq!(never_a_keyword("evidence-based practices"), None);
        assert_eq!(never_a_keyword("VP-level"), Some("seniority"));
        assert_eq!(never_a_keyword("US"), Some("place"));
        assert_eq!(never_a_keyword("Dental"), Some("benefit"));
    }
}
