//! Property tests: for arbitrary text (unicode, emoji, combining marks, ZWJ,
//! RTL marks, NUL, CR/LF mixes, tech tokens) and the built-in role or small
//! generated roles, the report's spans slice the text, offsets convert and
//! round-trip, analysis is deterministic, the score is explained by its
//! breakdown, and adding a missing must-have never lowers the score.
//!
//! Case counts are modest so `cargo test` stays fast; raise them with
//! `PROPTEST_CASES=10000 cargo test -p atscore --test props`.

use std::sync::OnceLock;

use atscore::{Keyword, Matcher, OffsetConverter, OffsetEncoding, Report, Role, Span, Tier};
use proptest::prelude::*;

fn builtin() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| Matcher::new(Role::builtin("backend-developer").unwrap()).unwrap())
}

/// Pieces resumes are made of: tech tokens, keywords and their variants,
/// section headings, bullets, numbers, contact details, and hostile unicode.
const PIECES: &[&str] = &[
    "C++",
    "C#",
    "F#",
    ".NET",
    "ASP.NET",
    "VB.NET",
    "Node.js",
    "Vue.js",
    "CI/CD",
    "TCP/IP",
    "PL/SQL",
    "UI/UX",
    "R&D",
    "A/B",
    "S3",
    "EC2",
    "k8s",
    "Objective-C",
    "server-side",
    "server side",
    "serverside",
    "Server-side Programming",
    "back-end development",
    "SQL",
    "sql",
    "MySQL",
    "PostgreSQL",
    "Postgres",
    "AWS",
    "Amazon Web Services",
    "Azure",
    "GCP",
    "Cloud Computing",
    "DevOps",
    "Dev-Ops",
    "API",
    "APIs",
    "REST",
    "RESTful",
    "GraphQL",
    "Go",
    "go",
    "Golang",
    "Python",
    "Java",
    "JavaScript",
    "Kubernetes",
    "Kubernets",
    "Docker",
    "Microservices",
    "system design",
    "System Architecture",
    "Teamwork",
    "team player",
    "hard-working",
    "Responsible for",
    "worked on",
    "Passionate",
    "30%",
    "$2M",
    "2019",
    "99.9",
    "EXPERIENCE",
    "Skills",
    "SKILLS:",
    "Education",
    "Summary",
    "Projects",
    "- ",
    "• ",
    "* ",
    "1. ",
    "jane@example.com",
    "+1 (555) 123-4567",
    "linkedin.com/in/jane",
    "https://github.com/x",
    "é",
    "e\u{301}",
    "\u{1F680}",
    "👩\u{200D}💻",
    "\u{200D}",
    "\u{200B}",
    "\u{200F}",
    "\u{202E}",
    "\u{FEFF}",
    "\u{0}",
    "东京",
    "مرحبا",
    "Ｐｙｔｈｏｎ",
    "ﬁ",
    "İ",
    "ß",
    "\u{2028}",
    "\u{85}",
    "(",
    ")",
    ",",
    ";",
    ":",
    ".",
    "/",
    "-",
    "—",
    "–",
    "&",
    "'",
    "\"",
    "<script>",
    "</script>",
    "\t",
];

const SEPS: &[&str] = &[
    " ", " ", " ", "\n", "\r\n", "\r", "\n\n", ", ", "", "\u{A0}",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => "\\PC{0,6}",
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[a-zA-Z]{1,10}",
    ]
}

/// Text made of pieces joined by separators, or fully arbitrary.
fn resume_text() -> impl Strategy<Value = String> {
    let built = proptest::collection::vec((piece(), proptest::sample::select(SEPS)), 0..60)
        .prop_map(|v| {
            let mut s = String::new();
            for (p, sep) in v {
                s.push_str(&p);
                s.push_str(sep);
            }
            s
        });
    prop_oneof![4 => built, 1 => any::<String>()]
}

/// Terms for small generated roles (some in the `Name (A/B)` notation).
const TERMS: &[&str] = &[
    "SQL",
    "C++",
    "C#",
    ".NET",
    "Node.js",
    "CI/CD",
    "Go",
    "R",
    "Python",
    "Server-side Programming",
    "Cloud Computing (AWS/Azure/GCP)",
    "Amazon Web Services (AWS)",
    "Machine Learning (ML)",
    "Kubernetes",
    "Docker",
    "A/B testing",
    "Objective-C",
    "team player",
    "Passionate",
    "东京",
    "Café",
    "e\u{301}clair",
    "Data Engineering",
    "REST",
    "Teamwork",
    "Microservices",
];

fn small_role() -> impl Strategy<Value = Role> {
    (
        proptest::sample::subsequence(TERMS, 1..6),
        proptest::collection::vec((0u8..3, any::<bool>(), 1u8..4), 6),
    )
        .prop_filter_map("role must validate", |(terms, opts)| {
            let keywords: Vec<Keyword> = terms
                .iter()
                .zip(&opts)
                .enumerate()
                .map(|(i, (t, &(tier, cs, w)))| {
                    // the first keyword is always must-have so the role is valid
                    let tier = match (i, tier) {
                        (0, _) | (_, 0) => Tier::MustHave,
                        (_, 1) => Tier::Bonus,
                        _ => Tier::Overused,
                    };
                    let mut k = Keyword::new(*t, tier);
                    k.case_sensitive = cs && t.len() <= 3;
                    k.weight = f64::from(w);
                    k
                })
                .collect();
            let role = Role {
                name: "generated".into(),
                keywords,
                ..Role::default()
            };
            role.validate().ok().map(|()| role)
        })
}

/// Every span of a report (hits, flags, contact), with the hit text if any.
fn all_spans(r: &Report) -> Vec<(Span, Option<&str>)> {
    let mut out: Vec<(Span, Option<&str>)> = Vec::new();
    for k in &r.keywords {
        for h in &k.hits {
            out.push((h.span, Some(h.text.as_str())));
        }
    }
    for f in &r.flags {
        if let Some(s) = f.span {
            out.push((s, None));
        }
    }
    let c = &r.document.contact;
    for s in c.email.iter().chain(c.phone.iter()).chain(c.links.iter()) {
        out.push((*s, None));
    }
    out
}

fn check_spans(text: &str, r: &Report) -> Result<(), TestCaseError> {
    prop_assert_eq!(r.offsets, OffsetEncoding::Utf8);
    for (s, hit_text) in all_spans(r) {
        prop_assert!(
            s.start <= s.end && s.end <= text.len(),
            "span {:?} out of range",
            s
        );
        prop_assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "span {:?} not on char boundaries of {:?}",
            s,
            text
        );
        if let Some(t) = hit_text {
            prop_assert_eq!(&text[s.range()], t);
            prop_assert!(!t.is_empty(), "empty hit at {:?}", s);
        }
    }
    for k in &r.keywords {
        for h in &k.hits {
            prop_assert!(h.line >= 1 && h.line <= r.document.line_count);
        }
    }
    Ok(())
}

fn check_score(r: &Report) -> Result<(), TestCaseError> {
    prop_assert!(r.score <= 100);
    let sum: f64 = r.score_breakdown.iter().map(|i| i.points).sum();
    prop_assert!(sum.is_finite());
    // items are rounded to 0.01 each, the score from the unrounded total
    let clamped = sum.clamp(0.0, 100.0);
    prop_assert!(
        (clamped - f64::from(r.score)).abs() <= 0.5 + 0.01 * r.score_breakdown.len() as f64,
        "score {} but breakdown sums to {}",
        r.score,
        sum
    );
    for i in &r.score_breakdown {
        prop_assert!(i.points.is_finite() && i.max_points.is_finite(), "{:?}", i);
        prop_assert!(
            i.points.abs() <= i.max_points.abs() + 1e-9,
            "{} points {} beyond max {}",
            i.id,
            i.points,
            i.max_points
        );
    }
    Ok(())
}

/// Offsets in `enc` of every span, converted from the UTF-8 report, agree
/// with counting units of the prefix, and converting back gives the report.
fn check_offsets(text: &str, r: &Report) -> Result<(), TestCaseError> {
    for enc in [OffsetEncoding::Utf16, OffsetEncoding::CodePoint] {
        let mut c = r.clone();
        c.convert_offsets(text, enc);
        prop_assert_eq!(c.offsets, enc);
        let conv = OffsetConverter::new(text, enc);
        let count = |b: usize| match enc {
            OffsetEncoding::Utf16 => text[..b].encode_utf16().count(),
            _ => text[..b].chars().count(),
        };
        for ((orig, _), (got, _)) in all_spans(r).into_iter().zip(all_spans(&c)) {
            prop_assert_eq!(
                got.start,
                count(orig.start),
                "{:?} start of {:?}",
                enc,
                orig
            );
            prop_assert_eq!(got.end, count(orig.end), "{:?} end of {:?}", enc, orig);
            prop_assert_eq!(conv.from_utf8(orig.start), got.start);
            prop_assert_eq!(conv.to_utf8(got.start), orig.start);
            prop_assert_eq!(conv.to_utf8(got.end), orig.end);
        }
        let mut back = c.clone();
        back.convert_offsets(text, OffsetEncoding::Utf8);
        prop_assert_eq!(back.to_json(), r.to_json(), "{:?} round trip", enc);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn builtin_role_reports_are_consistent(text in resume_text()) {
        let r = builtin().analyze(&text).unwrap();
        check_spans(&text, &r)?;
        check_score(&r)?;
        check_offsets(&text, &r)?;
        // deterministic
        prop_assert_eq!(builtin().analyze(&text).unwrap().to_json(), r.to_json());
    }

    #[test]
    fn generated_roles_report_consistently(role in small_role(), text in resume_text()) {
        let m = Matcher::new(role).unwrap();
        let r = m.analyze(&text).unwrap();
        check_spans(&text, &r)?;
        check_score(&r)?;
        check_offsets(&text, &r)?;
    }

    #[test]
    fn offset_converter_round_trips_at_every_char(text in resume_text()) {
        for enc in [OffsetEncoding::Utf8, OffsetEncoding::Utf16, OffsetEncoding::CodePoint] {
            let c = OffsetConverter::new(&text, enc);
            for i in text.char_indices().map(|(i, _)| i).chain([text.len()]) {
                let u = c.from_utf8(i);
                let expect = match enc {
                    OffsetEncoding::Utf8 => i,
                    OffsetEncoding::Utf16 => text[..i].encode_utf16().count(),
                    OffsetEncoding::CodePoint => text[..i].chars().count(),
                };
                prop_assert_eq!(u, expect, "{:?} at byte {}", enc, i);
                prop_assert_eq!(c.to_utf8(u), i, "{:?} back from {}", enc, u);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn analyze_many_equals_analyze(texts in proptest::collection::vec(resume_text(), 0..6)) {
        let many = builtin().analyze_many(&texts);
        prop_assert_eq!(many.len(), texts.len());
        for (t, r) in texts.iter().zip(many) {
            prop_assert_eq!(r.unwrap().to_json(), builtin().analyze(t).unwrap().to_json());
        }
    }

    #[test]
    fn adding_a_missing_must_have_does_not_lower_the_score(
        text in resume_text(),
        pick in any::<proptest::sample::Index>(),
    ) {
        let before = builtin().analyze(&text).unwrap();
        let missing: Vec<&atscore::KeywordResult> = before.missing(Tier::MustHave).collect();
        prop_assume!(!missing.is_empty());
        let k = pick.get(&missing);
        let name = atscore::Keyword::new(k.term.clone(), Tier::MustHave).parsed().name;
        let longer = format!("{text}\n- Used {name} to cut costs by 30%");
        let after = builtin().analyze(&longer).unwrap();
        prop_assert!(
            after.score >= before.score,
            "score fell from {} to {} adding {:?}\nbefore: {:?}\nafter: {:?}",
            before.score,
            after.score,
            name,
            before.score_breakdown.iter().map(|i| (&i.id, i.points)).collect::<Vec<_>>(),
            after.score_breakdown.iter().map(|i| (&i.id, i.points)).collect::<Vec<_>>()
        );
    }
}
