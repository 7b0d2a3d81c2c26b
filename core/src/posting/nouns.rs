//! Noun phrases a posting asks for in its own words ("pricing analysis",
//! "beta programs"): runs of words that end in a head noun, without stop
//! words and the posting's boilerplate.

use super::shapes::{shaped, trim_word};
use super::{Span, guards};
use crate::text::offset_in;

/// Words that end a skill phrase ("pricing analysis", "budget management").
const HEADS: &[&str] = &[
    "demos",
    "demonstrations",
    "roadmap",
    "roadmaps",
    "positioning",
    "messaging",
    "launch",
    "launches",
    "programs",
    "management",
    "development",
    "analysis",
    "analytics",
    "design",
    "planning",
    "architecture",
    "programming",
    "optimization",
    "optimisation",
    "accounting",
    "security",
    "reconciliation",
    "compliance",
    "training",
    "reporting",
    "testing",
    "validation",
    "administration",
    "coordination",
    "evaluation",
    "improvement",
    "audit",
    "auditing",
    "controls",
    "oversight",
    "modeling",
    "modelling",
    "visualization",
    "visualisation",
    "deployment",
    "documentation",
    "strategy",
    "engineering",
    "procurement",
    "budgeting",
    "forecasting",
    "scheduling",
    "maintenance",
    "integration",
    "automation",
    "monitoring",
    "research",
    "marketing",
    "negotiation",
    "recruitment",
    "recruiting",
    "onboarding",
    "operations",
    "care",
    "therapy",
    "teaching",
    "instruction",
    "writing",
    "editing",
    "assessment",
    "inspection",
    "installation",
    "troubleshooting",
    "processing",
    "billing",
    "invoicing",
    "bookkeeping",
    "payroll",
    "governance",
    "implementation",
    "migration",
    "tuning",
    "configuration",
    "law",
    "science",
    "enablement",
    "engagement",
    "selling",
    "sales",
    "relations",
    "modeling",
    "mapping",
    "sourcing",
    "outreach",
    "fundraising",
    "advocacy",
    "supervision",
    "counseling",
    "counselling",
    "consulting",
    "delivery",
    "prevention",
    "control",
    "estimation",
    "measurement",
    "verification",
    "calibration",
    "fabrication",
    "manufacturing",
    "logistics",
];

/// Words that never start or extend a skill phrase: determiners,
/// prepositions, pronouns, common verbs and evaluative adjectives.
pub(super) const PHRASE_STOP: &[&str] = &[
    "cum",
    "interpret",
    "categorize",
    "categorise",
    "revise",
    "revised",
    "mandate",
    "mandated",
    "require",
    "apply",
    "enable",
    "match",
    "reconcile",
    "compile",
    "submit",
    "gather",
    "collect",
    "produce",
    "determine",
    "verify",
    "validate",
    "approve",
    "resolve",
    "present",
    "calculate",
    "estimate",
    "utilize",
    "leverage",
    "complete",
    "update",
    "necessary",
    "global",
    "commercial",
    "standard",
    "specific",
    "industry-specific",
    "cross-functional",
    "senior",
    "junior",
    "general",
    "end",
    "side",
    "based",
    "level",
    "style",
    "type",
    "via",
    "mid-level",
    "entry-level",
    "senior-level",
    "post-release",
    "span",
    "core",
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "our",
    "your",
    "their",
    "its",
    "his",
    "her",
    "all",
    "any",
    "some",
    "other",
    "each",
    "every",
    "both",
    "and",
    "or",
    "of",
    "in",
    "on",
    "at",
    "for",
    "to",
    "with",
    "by",
    "from",
    "into",
    "within",
    "across",
    "about",
    "through",
    "over",
    "under",
    "between",
    "is",
    "are",
    "be",
    "been",
    "being",
    "will",
    "would",
    "can",
    "should",
    "must",
    "may",
    "have",
    "has",
    "had",
    "we",
    "you",
    "they",
    "he",
    "she",
    "it",
    "who",
    "which",
    "what",
    "where",
    "when",
    "how",
    "not",
    "no",
    "also",
    "well",
    "more",
    "most",
    "very",
    "highly",
    "responsible",
    "required",
    "preferred",
    "plus",
    "etc",
    "manage",
    "develop",
    "ensure",
    "provide",
    "support",
    "lead",
    "drive",
    "build",
    "create",
    "define",
    "deliver",
    "perform",
    "conduct",
    "maintain",
    "implement",
    "coordinate",
    "oversee",
    "prepare",
    "review",
    "analyze",
    "analyse",
    "assist",
    "participate",
    "contribute",
    "work",
    "use",
    "using",
    "handle",
    "own",
    "set",
    "run",
    "write",
    "establish",
    "improve",
    "identify",
    "plan",
    "execute",
    "monitor",
    "track",
    "evaluate",
    "assess",
    "communicate",
    "collaborate",
    "facilitate",
    "promote",
    "help",
    "including",
    "such",
    "like",
    "as",
    "experience",
    "knowledge",
    "skills",
    "skill",
    "ability",
    "understanding",
    "proficiency",
    "expertise",
    "background",
    "familiarity",
    "strong",
    "excellent",
    "good",
    "solid",
    "proven",
    "deep",
    "broad",
    "extensive",
    "basic",
    "advanced",
    "effective",
    "efficient",
    "overall",
    "annual",
    "daily",
    "weekly",
    "monthly",
    "key",
    "various",
    "relevant",
    "new",
    "current",
    "future",
    "existing",
    "complex",
    "large",
    "small",
    "high",
    "low",
    "best",
    "better",
    "great",
    "outstanding",
    "successful",
    "professional",
    "ongoing",
    "continuous",
    "demonstrated",
    "hands-on",
    "full",
    "end-to-end",
    "day-to-day",
    "general",
    "overall",
    "proper",
    "right",
    "optimal",
    "clear",
    "clearly",
    "first",
    "second",
    "next",
    "last",
    "further",
    "additional",
    "related",
    "similar",
    "relevant",
    "specific",
    "different",
    "multiple",
    "several",
    "many",
    "few",
    "one",
    "two",
    "three",
    "years",
    "year",
    "team",
    "teams",
    "company",
    "business's",
    "career",
    "personal",
    "own",
    "whole",
    "entire",
    "core",
    "main",
    "major",
    "minor",
    "sound",
    "appropriate",
    "necessary",
    "needed",
    "required",
    "desired",
    "ideal",
    "excellent",
    "out",
    "around",
    "begin",
    "receive",
    "scale",
    "top-notch",
    "modern",
    "innovative",
    "individual",
    "minimum",
    "in-person",
    "just",
    "only",
    "even",
    "real",
    "true",
    "right",
    "fundamental",
    "robust",
    "scalable",
    "critical",
    "important",
    "essential",
    "strategic",
    "sound",
    "practical",
    "total",
    "fixed",
    "variable",
    "same",
    "own",
    "various",
    // verbs and verb forms before a head in prose ("will include
    // improvement", "integrate security", "identified security")
    "include",
    "includes",
    "take",
    "integrate",
    "treat",
    "synthesize",
    "synthesise",
    "strengthen",
    "solve",
    "guide",
    "evangelise",
    "evangelize",
    "cultivate",
    "configure",
    "identified",
    "received",
    "established",
    "engineered",
    "driven",
    "committed",
    "continued",
    // words that rate or count the work, not name it ("actual
    // implementation", "limited supervision", "elite research")
    "actual",
    "accurate",
    "correct",
    "limited",
    "minimal",
    "without",
    "wide",
    "unique",
    "top",
    "talented",
    "sophisticated",
    "seamless",
    "regular",
    "profound",
    "prior",
    "possible",
    "particular",
    "meaningful",
    "like-minded",
    "highest",
    "higher",
    "four",
    "final",
    "fast",
    "extraordinary",
    "elite",
    "dynamic",
    "distinguished",
    "applicable",
    "my",
    "why",
];

/// Words in -ing that are nouns before a skill word ("pricing analysis",
/// "learning management"): other -ing words are verbs ("Ensuring quality").
const NOMINAL_ING: &[&str] = &[
    "pricing",
    "learning",
    "computing",
    "networking",
    "banking",
    "nursing",
    "building",
    "publishing",
    "advertising",
    "purchasing",
    "shipping",
    "staffing",
    "hiring",
    "manufacturing",
    "clearing",
    "lending",
    "housing",
    "printing",
    "packaging",
    "catering",
    "cleaning",
    "mining",
    "drilling",
    "welding",
    "casting",
    "machining",
    "coding",
    "hosting",
    "messaging",
    "streaming",
    "rendering",
    "routing",
    "caching",
    "logging",
    "tracking",
    "billing",
    "invoicing",
    "costing",
    "ticketing",
    "booking",
    "licensing",
    "branding",
    "merchandising",
    "retailing",
    "wholesaling",
    "trading",
    "underwriting",
    "fundraising",
    "marketing",
    "engineering",
    "accounting",
    "programming",
    "training",
    "testing",
    "processing",
    "planning",
    "modeling",
    "modelling",
    "forecasting",
    "budgeting",
    "scheduling",
    "monitoring",
    "reporting",
    "auditing",
    "sourcing",
    "recruiting",
    "onboarding",
    "consulting",
    "teaching",
    "writing",
    "editing",
    "counseling",
];

/// The words of a sentence, punctuation trimmed ([`trim_word`]): each
/// word's start and end in `sent` and whether punctuation follows it (its
/// own trailing marks, or the next word's leading ones).
pub(super) fn sentence_words(sent: &str) -> Vec<(usize, usize, bool)> {
    let mut words: Vec<(usize, usize, bool)> = Vec::new();
    for w in sent.split_whitespace() {
        let i = offset_in(sent, w);
        let t = trim_word(w);
        let off = offset_in(sent, t);
        let punct_after = w.len() > t.len() + (off - i);
        let punct_before = off > i;
        if let Some(last) = words.last_mut()
            && punct_before
        {
            last.2 = true;
        }
        words.push((off, off + t.len(), punct_after));
    }
    words
}

/// Noun phrases of a sentence that end in a skill word ([`HEADS`]), with one
/// or two words before it that are not stop words or product names: the
/// wording a resume would repeat ("pricing analysis", "inventory planning").
pub(super) fn phrases(text: &str, s: usize, e: usize) -> Vec<Span> {
    let sent = &text[s..e];
    let words = sentence_words(sent);
    let mut out = Vec::new();
    for (k, &(hs, he, _)) in words.iter().enumerate() {
        let head = sent[hs..he].to_ascii_lowercase();
        if !HEADS.contains(&head.as_str()) {
            continue;
        }
        let mut first = k;
        while first > 0 && k - first < 2 {
            let (ws, we, punct) = words[first - 1];
            let w = &sent[ws..we];
            let head_inside = HEADS.contains(&w.to_ascii_lowercase().as_str()) && k - first >= 1;
            if punct || head_inside || !modifier(w, first - 1 == 0) {
                break;
            }
            first -= 1;
        }
        // two words before the head only when both are capitalized: a Title
        // Case phrase ("Customer Relations Management") or a name before a
        // lowercase head ("Linux Kernel development", "Device Driver
        // development"); in prose the first is most often a verb or an
        // adjective ("span firmware development")
        if k - first == 2
            && !sent[words[first].0..words[k - 1].1]
                .split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        {
            first += 1;
        }
        if first < k {
            out.push(Span::new(s + words[first].0, s + he));
        }
    }
    out
}

/// Whether a word may qualify a head noun in a skill phrase ("pricing" in
/// "pricing analysis", "beta" in "beta programs"): no stop word, product
/// name, adverb, plural, masked entity or verb form (a word that opens its
/// sentence and reads as a verb: "Manages budget planning").
pub(super) fn modifier(w: &str, opens_sentence: bool) -> bool {
    let lower = w.to_ascii_lowercase();
    let plural = lower.len() > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !matches!(
            lower.as_str(),
            "sales"
                | "operations"
                | "systems"
                | "services"
                | "logistics"
                | "analytics"
                | "economics"
                | "communications"
                | "relations"
                | "business"
                | "statistics"
                | "materials"
                | "process"
                | "networks"
                | "electronics"
                | "mechanics"
                | "graphics"
                | "robotics"
                | "ethics"
                | "physics"
                | "news"
                | "sports"
        );
    let verb_like = opens_sentence
        && (lower.ends_with("ing") || lower.ends_with("es") || lower.ends_with("ed"))
        && !HEADS.contains(&lower.as_str());
    !(w.is_empty()
        || PHRASE_STOP.contains(&lower.as_str())
        || shaped(w)
        || w.ends_with("ly")
        || w.chars().any(|c| !(c.is_alphabetic() || c == '-'))
        || guards::is_masked(w)
        || plural
        || verb_like
        || (lower.ends_with("ing")
            && !HEADS.contains(&lower.as_str())
            && !NOMINAL_ING.contains(&lower.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_words_trim_punctuation_and_mark_it() {
        let sent = "Manage budgets, (forecasts) and C++ code.";
        let got: Vec<(&str, bool)> = sentence_words(sent)
            .into_iter()
            .map(|(a, b, punct)| (&sent[a..b], punct))
            .collect();
        assert_eq!(
            got,
            [
                ("Manage", false),
                ("budgets", true),
                ("forecasts", true),
                ("and", false),
                ("C++", false),
                ("code", true),
            ]
        );
    }

    #[test]
    fn a_phrase_starts_at_a_word_that_names_the_work() {
        let found = |sent: &str| -> Vec<String> {
            phrases(sent, 0, sent.len())
                .into_iter()
                .map(|s| sent[s.range()].to_string())
                .collect()
        };
        assert_eq!(
            found("Experience in pricing analysis and beta programs"),
            ["pricing analysis", "beta programs"]
        );
        // (train-house-095, train-tech-010, resume-matcher data_scientist)
        for prose in [
            "Your work tasks will include improvement and development of the software",
            "from the design phase to actual implementation and test",
            "integrate security into the pipeline and evangelise security",
            "Conduct data analysis with limited supervision",
        ] {
            assert!(
                found(prose).iter().all(|p| p == "data analysis"),
                "{prose}: {:?}",
                found(prose)
            );
        }
    }
}
