//! Table tests for the matcher: every case names its role, its text and the
//! hits it expects, each checked by slicing the input at the reported span.

use atscore::{MatchKind, Matcher, Role, Variant};

fn builtin() -> Matcher {
    Matcher::new(Role::builtin("backend-developer").unwrap()).unwrap()
}

fn matcher(toml: &str) -> Matcher {
    Matcher::new(Role::from_toml(toml).unwrap()).unwrap()
}

/// (keyword term, text at span, kind) for every counted or typo hit, in text order.
fn hits(m: &Matcher, text: &str) -> Vec<(String, String, MatchKind)> {
    let r = m.analyze(text).unwrap();
    let mut out: Vec<(usize, String, String, MatchKind)> = Vec::new();
    for k in &r.keywords {
        for h in &k.hits {
            assert_eq!(
                &text[h.span.range()],
                h.text,
                "span of {:?} in {text:?}",
                h.text
            );
            out.push((h.span.start, k.term.to_string(), h.text.to_string(), h.kind));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    out.into_iter().map(|(_, t, s, k)| (t, s, k)).collect()
}

fn terms_found(m: &Matcher, text: &str) -> Vec<String> {
    hits(m, text)
        .into_iter()
        .filter(|h| h.2.counts())
        .map(|h| h.1)
        .collect()
}

use MatchKind::*;

macro_rules! case {
    ($name:ident, $role:expr, $text:expr, [$(($term:expr, $surf:expr, $kind:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            let m = matcher($role);
            let want: Vec<(String, String, MatchKind)> = vec![$(($term.to_string(), $surf.to_string(), $kind)),*];
            assert_eq!(hits(&m, $text), want, "case {} on {:?}", stringify!($name), $text);
        }
    };
}

const TECH: &str = r#"
name = "tech"
bonus = ["C++", "C#", "F#", ".NET", "ASP.NET", "VB.NET", "Node.js", "Vue.js", "CI/CD", "TCP/IP",
         "PL/SQL", "UI/UX", "R&D", "A/B testing", "S3", "EC2", "k8s", "Objective-C", "Java", "JavaScript",
         { term = "C", case_sensitive = true }, "SQL"]
"#;

case!(cpp, TECH, "Wrote C++ daily", [("C++", "C++", Exact)]);
case!(
    cpp_versions,
    TECH,
    "C++17 and C++11",
    [("C++", "C++", Exact), ("C++", "C++", Exact)]
);
case!(
    csharp_not_c,
    TECH,
    "C# and F#",
    [("C#", "C#", Exact), ("F#", "F#", Exact)]
);
case!(
    c_alone,
    TECH,
    "C, C++ and C#",
    [
        ("C", "C", Exact),
        ("C++", "C++", Exact),
        ("C#", "C#", Exact)
    ]
);
case!(c_lowercase_is_not_c, TECH, "plan c or c", []);
case!(
    dotnet_family,
    TECH,
    ".NET, ASP.NET and VB.NET",
    [
        (".NET", ".NET", Exact),
        // a member of the family shows .NET, but an ATS searching ".NET"
        // does not find it: related, not counted
        (".NET", "ASP.NET", Related),
        ("ASP.NET", "ASP.NET", Exact),
        (".NET", "VB.NET", Related),
        ("VB.NET", "VB.NET", Exact)
    ]
);
case!(
    js_frameworks,
    TECH,
    "Node.js and Vue.js",
    [("Node.js", "Node.js", Exact), ("Vue.js", "Vue.js", Exact)]
);
case!(
    slashed,
    TECH,
    "CI/CD, TCP/IP, PL/SQL, UI/UX",
    [
        ("CI/CD", "CI/CD", Exact),
        ("TCP/IP", "TCP/IP", Exact),
        ("PL/SQL", "PL/SQL", Exact),
        ("UI/UX", "UI/UX", Exact)
    ]
);
case!(
    sql_not_inside_plsql,
    TECH,
    "PL/SQL only",
    [("PL/SQL", "PL/SQL", Exact)]
);
case!(ampersand, TECH, "R&D lab", [("R&D", "R&D", Exact)]);
case!(
    ab_testing,
    TECH,
    "ran A/B testing",
    [("A/B testing", "A/B testing", Exact)]
);
case!(
    aws_tokens,
    TECH,
    "S3, EC2 and k8s",
    [
        ("S3", "S3", Exact),
        ("EC2", "EC2", Exact),
        ("k8s", "k8s", Exact)
    ]
);
case!(
    objc,
    TECH,
    "Objective-C apps",
    [("Objective-C", "Objective-C", Exact)]
);
case!(
    java_not_in_javascript,
    TECH,
    "JavaScript and Java",
    [("JavaScript", "JavaScript", Exact), ("Java", "Java", Exact)]
);
case!(
    javascript_only,
    TECH,
    "JavaScript",
    [("JavaScript", "JavaScript", Exact)]
);

#[test]
fn stems_and_variants() {
    let m = matcher(
        r#"name = "x"
bonus = ["API", "optimize", "Server-side", "System Architecture", "Microservices"]"#,
    );
    let r = m
        .analyze("APIs; optimizing; server side; serverside; system\narchitecture; micro-services")
        .unwrap();
    let get = |t: &str| r.keyword(t).unwrap();
    let h = &get("API").hits[0];
    assert_eq!(
        (h.text.as_str(), h.kind, h.variant),
        ("APIs", Variant, Some(Variant::Inflection))
    );
    let h = &get("optimize").hits[0];
    assert_eq!(
        (h.text.as_str(), h.variant),
        ("optimizing", Some(Variant::Inflection))
    );
    let ss: Vec<&str> = get("Server-side")
        .hits
        .iter()
        .map(|h| h.text.as_str())
        .collect();
    assert_eq!(ss, ["server side", "serverside"]);
    assert!(
        get("Server-side")
            .hits
            .iter()
            .all(|h| h.variant == Some(Variant::Spelling))
    );
    let h = &get("System Architecture").hits[0];
    assert_eq!(h.text, "system\narchitecture");
    assert_eq!(h.line, 1);
    let h = &get("Microservices").hits[0];
    assert_eq!(h.text, "micro-services");
}

#[test]
fn hyphen_spellings_meet() {
    let m = matcher(
        r#"name = "x"
bonus = ["server-side"]"#,
    );
    for text in [
        "server-side",
        "server side",
        "serverside",
        "Server-Side",
        "server\nside",
    ] {
        assert_eq!(terms_found(&m, text), [text], "{text:?}");
    }
    assert!(terms_found(&m, "server, side").is_empty());
    assert!(terms_found(&m, "server\n\nside").is_empty());
}

#[test]
fn aliases_and_acronyms_from_the_lexicon() {
    let m = matcher(
        r#"name = "x"
bonus = ["Amazon Web Services", "Kubernetes", "PostgreSQL", "AWS Lambda"]"#,
    );
    let h = hits(
        &m,
        "AWS, k8s, Postgres, Amazon Web Services, Kubernetes, PostgreSQL",
    );
    let want = [
        ("Amazon Web Services", "AWS", Acronym),
        ("Kubernetes", "k8s", Alias),
        ("PostgreSQL", "Postgres", Alias),
        ("Amazon Web Services", "Amazon Web Services", Exact),
        ("Kubernetes", "Kubernetes", Exact),
        ("PostgreSQL", "PostgreSQL", Exact),
    ];
    let got: Vec<(&str, &str, MatchKind)> = h
        .iter()
        .map(|(a, b, c)| (a.as_str(), b.as_str(), *c))
        .collect();
    assert_eq!(got, want);
    // the reverse: the role names the acronym, the resume the full form
    let m = matcher(
        r#"name = "x"
bonus = ["AWS", "k8s"]"#,
    );
    let got = hits(&m, "Amazon Web Services and Kubernetes");
    assert_eq!(
        got[0],
        ("AWS".into(), "Amazon Web Services".into(), Acronym)
    );
    assert_eq!(got[1], ("k8s".into(), "Kubernetes".into(), Alias));
}

#[test]
fn ambiguous_words_need_a_clear_mention() {
    let m = builtin();
    let go = |text: &str| {
        m.analyze(text)
            .unwrap()
            .keyword("Go")
            .unwrap()
            .hits
            .iter()
            .filter(|h| h.kind.counts())
            .map(|h| h.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(go("Built services in Go and Python."), ["Go"]);
    assert_eq!(go("Skills: Python, Go, SQL"), ["Go"]);
    assert_eq!(go("Go programming, Golang"), ["Go", "Golang"]);
    assert!(go("Ready to go live. Let's go.").is_empty());
    assert!(go("Go to market strategy for the team").is_empty());
    assert!(go("going forward we went").is_empty());
    // a pair of names, a name's skill
    let m = matcher("name = \"x\"\nmust_have = [\"Excel\", \"PowerPoint\"]");
    let found = |text: &str| terms_found(&m, text);
    assert_eq!(
        found("Excellent Excel and PowerPoint skills"),
        ["Excel", "PowerPoint"]
    );
    assert_eq!(found("Strong Excel skills required"), ["Excel"]);
    assert!(found("Excel and grow with our team").is_empty());
    assert!(found("Excel at every task you own").is_empty());
    // a name in capitals before what the writer has of it; a capitalized
    // word there is a level
    let m = matcher("name = \"x\"\nmust_have = [\"REST\", \"BASIC\"]");
    let found = |text: &str| terms_found(&m, text);
    assert_eq!(found("Good REST experience"), ["REST"]);
    assert!(found("Basic knowledge of accounting").is_empty());
    assert!(found("Take a rest. Experience counts").is_empty());
}

#[test]
fn lowercase_ambiguous_forms_ask_for_the_capital() {
    let m = matcher(
        r#"name = "x"
bonus = ["react", "go", "r", "python"]"#,
    );
    assert_eq!(
        terms_found(&m, "Skills: React, Go, R, Python"),
        ["React", "Go", "R", "Python"]
    );
    // in a list of terms, next to a skill that is one on its own, a name of
    // two letters or more may be lowercase ("Tools: jira, excel, git"); a
    // single letter never; next to other ambiguous names, none is clear
    assert!(terms_found(&m, "Skills: react, go, r").is_empty());
    assert_eq!(
        terms_found(&m, "Skills: react, python, r"),
        ["react", "python"]
    );
    assert!(terms_found(&m, "We react fast and go home.").is_empty());
    assert!(terms_found(&m, "I react to change and go the extra mile, always.").is_empty());
}

#[test]
fn rest_is_an_acronym_not_the_word() {
    let m = builtin();
    let r = m
        .analyze("After the rest of the team left, I rested.")
        .unwrap();
    assert!(!r.keyword("REST").unwrap().found);
    let r = m
        .analyze("Designed REST APIs and RESTful services")
        .unwrap();
    assert!(r.keyword("REST").unwrap().found);
}

#[test]
fn evidence_counts_one_way() {
    // "debugging" shows problem solving, but "problem solving" is not debugging
    let m = matcher(
        r#"name = "x"
bonus = ["Problem Solving", "debugging", "continuous integration"]"#,
    );
    let got = hits(
        &m,
        "Debugging production issues; problem solving; CI/CD; continuous delivery",
    );
    let got: Vec<(&str, &str, MatchKind)> = got
        .iter()
        .map(|(t, s, k)| (t.as_str(), s.as_str(), *k))
        .collect();
    assert_eq!(
        got,
        [
            // shows problem solving, but an ATS searching it finds nothing
            ("Problem Solving", "Debugging", MatchKind::Related),
            ("debugging", "Debugging", MatchKind::Variant),
            ("Problem Solving", "problem solving", MatchKind::Variant),
        ]
    );
    // shown only by a related word: not found, and the report says so
    let r = m.analyze("Debugging production issues").unwrap();
    let k = r.keyword("Problem Solving").unwrap();
    assert!(!k.found);
    assert_eq!(k.status, atscore::KeywordStatus::Related);
    assert!(
        r.suggestions
            .iter()
            .any(|s| s.keyword.as_deref() == Some("Problem Solving")
                && s.message
                    .contains("\"Debugging\" on line 1 shows Problem Solving")),
        "{:?}",
        r.suggestions
    );
}

#[test]
fn alias_only_keywords_ask_for_the_exact_words() {
    use atscore::{FlagKind, SuggestionKind};
    let m = matcher(
        r#"name = "x"
must_have = [{ term = "RESTful APIs", aliases = ["REST services"] }, "Kubernetes"]"#,
    );
    let r = m
        .analyze("EXPERIENCE\n- Built REST services on k8s and Kubernetes for 3 teams")
        .unwrap();
    let flags: Vec<(&str, &str)> = r
        .flags
        .iter()
        .filter(|f| f.kind == FlagKind::NotExact)
        .map(|f| (f.text.as_str(), f.message.as_str()))
        .collect();
    // Kubernetes is also written exactly: only the REST one is flagged
    assert_eq!(
        flags,
        [(
            "REST services",
            "The role says \"RESTful APIs\"; your resume only says \"REST services\"."
        )]
    );
    assert!(
        r.suggestions
            .iter()
            .any(|s| s.kind == SuggestionKind::UseExactWording)
    );
}

#[test]
fn cloud_alternatives_say_which() {
    let m = builtin();
    let r = m
        .analyze("Deployed on Azure and Google Cloud Platform")
        .unwrap();
    let k = r.keyword("Cloud Computing (AWS/Azure/GCP)").unwrap();
    let via: Vec<&str> = k.hits.iter().filter_map(|h| h.via.as_deref()).collect();
    assert_eq!(via, ["Azure", "GCP"]);
    assert_eq!(k.hits[1].kind, Acronym);
}

#[test]
fn typos_are_reported_not_counted() {
    let m = builtin();
    let r = m.analyze("Skills: Kubernets, Pyhton, Dokcer").unwrap();
    for (term, typo) in [
        ("Kubernetes", "Kubernets"),
        ("Python", "Pyhton"),
        ("Docker", "Dokcer"),
    ] {
        let k = r.keyword(term).unwrap();
        assert!(!k.found, "{term}");
        assert_eq!(k.hits.len(), 1, "{term}");
        assert_eq!((k.hits[0].text.as_str(), k.hits[0].kind), (typo, Fuzzy));
    }
    assert!(
        r.flags
            .iter()
            .any(|f| f.kind == atscore::FlagKind::Typo && f.text == "Kubernets")
    );
    // real words one letter away are not typos
    let m = matcher(
        r#"name = "x"
bonus = ["Scala", "Docker", "React"]"#,
    );
    assert!(hits(&m, "We scale the docket and reach out").is_empty());
}

#[test]
fn leftmost_longest_between_keywords() {
    let m = matcher(
        r#"name = "x"
bonus = ["machine learning", "machine learning engineer", "learning"]"#,
    );
    assert_eq!(
        terms_found(&m, "machine learning engineer, learning"),
        ["machine learning engineer", "learning"]
    );
}

#[test]
fn phrases_do_not_cross_punctuation() {
    let m = matcher(
        r#"name = "x"
bonus = ["python java"]"#,
    );
    assert!(terms_found(&m, "python, java").is_empty());
    assert_eq!(terms_found(&m, "Python java"), ["Python java"]);
}

#[test]
fn unicode_text_keeps_spans() {
    let m = builtin();
    let text = "Résumé 🚀 — Développeur: SQL, Ｐｙｔｈｏｎ, Kubernetes\u{200D}, naïve café";
    for (_, surface, _) in hits(&m, text) {
        assert!(!surface.is_empty());
    }
    let found = terms_found(&m, text);
    assert!(found.contains(&"SQL".to_string()));
    assert!(found.contains(&"Ｐｙｔｈｏｎ".to_string()));
    assert!(found.contains(&"Kubernetes".to_string()));
}

// ---- issue 18: what a resume shows, and what only looks like a skill

const PEOPLE: &str = r#"
name = "people"
bonus = ["communication", "leadership", "project management", "recruitment", "negotiation",
         "accounting", "sales", "Teamwork", "Problem Solving", "Linux", ".NET", "SQL", "marketing"]
"#;

case!(
    degree_names_are_not_skills,
    PEOPLE,
    "B.E. Electronics & Communication, 2015\nMBA in Marketing and Sales from IIM\nExcellent communication with clients",
    [("communication", "communication", Exact)]
);
case!(
    school_names_are_not_skills,
    PEOPLE,
    "Indian Institute of Management, Bangalore\nLed project management for 3 teams",
    [("project management", "project management", Exact)]
);
case!(
    technical_sense_of_communication,
    PEOPLE,
    "Designed communication between frontend and backend services\nInter-process communication over sockets\nCommunicated with the backend team daily",
    [("communication", "Communicated", Variant)]
);
case!(
    derivations_of_skills,
    PEOPLE,
    "Excellent communicator; worked as a recruiter; negotiated contracts; Project Manager at Acme",
    [
        ("communication", "communicator", Variant),
        ("recruitment", "recruiter", Variant),
        ("negotiation", "negotiated", Variant),
        ("project management", "Project Manager", Variant),
    ]
);
case!(
    other_peoples_titles_and_plain_nouns,
    PEOPLE,
    "Coordinate with the Project Manager\nStaff: 02 Accountants\nKey accounts and new markets",
    []
);
case!(
    what_software_does_is_not_the_writers_practice,
    PEOPLE,
    "Stone Orchard is a software system to manage sales in cemeteries\nBuilt applications which allow for online sales\nUsed CRM software to manage sales pipeline\nMigrated from one HRMS system to the other accounting tools",
    [
        ("sales", "sales", Exact),
        ("accounting", "accounting", Exact)
    ]
);
case!(
    software_acting_on_the_writers_work,
    PEOPLE,
    "Export sale data which will be used by different accounting system like Diamond\nMaintained the accounting system used by auditors",
    [("accounting", "accounting", Exact)]
);
case!(
    a_field_as_the_domain_of_a_model,
    PEOPLE,
    "Project Title: Customer Segmentation for Sales Lead and Forecasting\n-Using this ML model 20% increase in sales lead rate, product placement\nbecomes more robust for sales.\n10 years in sales; built a pricing model",
    [("sales", "sales", Exact)]
);
case!(
    other_peoples_skills,
    PEOPLE,
    "Trained interns so that they can develop good leadership skills\nImproved their communication skills\nWorked under the leadership of the CFO\nDeveloped leadership skills as captain; responsible for their timely recruitment",
    [
        ("leadership", "leadership", Exact),
        ("recruitment", "recruitment", Exact)
    ]
);
const DISCIPLINES: &str = r#"
name = "disciplines"
bonus = ["Logistics", "Electronics", "Sales", "Statistics"]
"#;

case!(
    an_ic_word_or_one_sale_is_not_the_discipline,
    DISCIPLINES,
    "Built logistic regression models on electronic health records\nPoint of sale terminals\nStatistical analysis",
    []
);
case!(
    disciplines_themselves,
    DISCIPLINES,
    "Logistics coordinator for consumer electronics; B2B sales; statistics",
    [
        ("Logistics", "Logistics", Exact),
        ("Electronics", "electronics", Variant),
        ("Sales", "sales", Variant),
        ("Statistics", "statistics", Variant),
    ]
);
case!(
    related_words_show_but_do_not_count,
    PEOPLE,
    "Ubuntu and RHEL servers; ASP.NET apps; debugging; collaborated with QA",
    [
        ("Linux", "Ubuntu", Related),
        ("Linux", "RHEL", Related),
        (".NET", "ASP.NET", Related),
        ("Problem Solving", "debugging", Related),
        ("Teamwork", "collaborated", Related),
    ]
);
case!(
    databases_named_for_sql_show_sql,
    PEOPLE,
    "Databases: MySQL, PostgreSQL; NoSQL stores",
    [("SQL", "MySQL", Alias), ("SQL", "PostgreSQL", Alias)]
);

const STACK: &str = r#"
name = "stack"
bonus = ["Java", "Python", "Angular", "Excel", "Go", "C", "C#", "C++", "Spring", "Hibernate", "R", "Git"]
"#;

case!(
    versions_glued_to_names,
    STACK,
    "Skills: Java8, Python3, Angular15, Excel2016, C#10, C++17",
    [
        ("Java", "Java8", Variant),
        ("Python", "Python3", Alias),
        ("Angular", "Angular15", Variant),
        ("Excel", "Excel2016", Variant),
        ("C#", "C#", Exact),
        ("C++", "C++", Exact),
    ]
);
case!(
    list_endings_and_punctuation,
    STACK,
    "Skills: C, C++, J2EE, Spring, Hibernate.",
    [
        ("C", "C", Exact),
        ("C++", "C++", Exact),
        ("Spring", "Spring", Exact),
        ("Hibernate", "Hibernate", Exact),
    ]
);
case!(
    lowercase_names_in_tool_lists,
    STACK,
    "Tools: jira, excel, git",
    [("Excel", "excel", Variant), ("Git", "git", Variant)]
);
case!(
    one_letter_names_in_lists_and_after_a_label,
    STACK,
    "Key Skills: oops, data structures,c,C++, Algorithms\nProgramming Languages: C, Core Java",
    [
        ("C", "c", Variant),
        ("C++", "C++", Exact),
        ("C", "C", Exact),
        ("Java", "Java", Exact),
    ]
);
case!(
    one_letters_that_are_no_language,
    STACK,
    "S.S.C, Maharashtra Board, Java\nSites: a) www.x.com, b) www.y.com, c) www.z.com\nc. Ticket Management System",
    [("Java", "Java", Exact)]
);
case!(
    lowercase_names_by_the_words_around_them,
    STACK,
    "Maintain Daily MIS in excel.\nModels built in excel for pricing; MS excel formulae\nApplications such as Excel, Word, PowerPoint",
    [
        ("Excel", "excel", Variant),
        ("Excel", "excel", Variant),
        ("Excel", "excel", Variant),
        ("Excel", "Excel", Exact),
    ]
);
case!(
    names_in_a_parenthesized_list,
    STACK,
    "Office Packages: MS-Office (Access, Word, Excel) and more\nMs Office (Word, Excel: Look-ups; Pivot table)\nProducts (Surf Excel) sold; I (Go) there",
    [("Excel", "Excel", Exact), ("Excel", "Excel", Exact)]
);
case!(
    lowercase_names_by_level_destination_and_suite,
    STACK,
    "Skills: automation, advanced excel, vlookup, pivot table\nUsers export the data to excel. Reports imported into excel daily\n3.Catia 4.word, excel 5.Photoshop\nBeginner Go, basic excel",
    [
        ("Excel", "excel", Variant),
        ("Excel", "excel", Variant),
        ("Excel", "excel", Variant),
        ("Excel", "excel", Variant),
        ("Go", "Go", Exact),
        ("Excel", "excel", Variant),
    ]
);
case!(
    lowercase_verbs_next_to_levels_destinations_and_suites,
    STACK,
    "Strive to excel in sales; motivated to excel.\nExported goods to excel in new markets\nIn a word, excel at every task\nadvanced to excel as a lead",
    []
);
case!(
    go_live_and_go_to_market_are_no_language,
    STACK,
    "Skills: Java, Go-live support, Go-to-market Strategy, Go live, Go to market\nSkills: Java, Go, Python; Go programming",
    [
        ("Java", "Java", Exact),
        ("Java", "Java", Exact),
        ("Go", "Go", Exact),
        ("Python", "Python", Exact),
        ("Go", "Go", Exact),
    ]
);
case!(
    lowercase_words_that_are_no_name,
    STACK,
    "Strive to excel in sales; joined in spring 2019; in go live support; on go for it",
    []
);
case!(
    ambiguous_words_in_prose,
    STACK,
    "I excel at go to market plans and R&D; C grade in chemistry; spring season",
    []
);

const ACRONYMS: &str = r#"
name = "acronyms"
bonus = [{ term = "IEP", case_sensitive = true }, { term = "SAN", case_sensitive = true }]
"#;

// an acronym in capitals has a plural ("students with IEPs"); the word in
// lowercase is still no acronym
case!(
    a_case_sensitive_acronym_s_plural,
    ACRONYMS,
    "Wrote IEPs and ran SANs; iep, san, Sans, IEPS",
    [("IEP", "IEPs", Variant), ("SAN", "SANs", Variant)]
);

#[test]
fn derivation_and_related_are_reported_as_such() {
    let m = matcher(PEOPLE);
    let r = m.analyze("Excellent communicator. Ubuntu admin.").unwrap();
    let k = r.keyword("communication").unwrap();
    assert!(k.found);
    assert_eq!(k.hits[0].variant, Some(Variant::Derivation));
    let k = r.keyword("Linux").unwrap();
    assert!(!k.found);
    assert_eq!(k.points, 0.0);
    assert_eq!(k.status, atscore::KeywordStatus::Related);
}

#[test]
fn a_degree_shows_the_field_of_study_the_role_asks_for() {
    // "bachelor's degree in Computer Science" in a posting: the degree's name
    // is what it asks for; other words in a degree's name are still no skill
    let m = matcher(
        r#"name = "x"
must_have = ["Computer Science", "communication"]
[requirements.education]
level = "bachelor"
fields = ["Computer Science"]
evidence = "A bachelor's degree in Computer Science"
"#,
    );
    let text = "BSc Computer Science, 2017\nB.E. Electronics & Communication, 2015";
    assert_eq!(terms_found(&m, text), ["Computer Science"]);
    let without = matcher(
        r#"name = "x"
must_have = ["Computer Science", "communication"]"#,
    );
    assert!(terms_found(&without, text).is_empty());
}
