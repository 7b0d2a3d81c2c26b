//! Table tests of the posting reader on short real-world-like postings.

use super::*;

fn terms(role: &Role, tier: Tier) -> Vec<String> {
    role.keywords
        .iter()
        .filter(|k| k.tier == tier)
        .map(|k| k.term.clone())
        .collect()
}

#[test]
fn ambiguous_words_need_clear_mentions() {
    for (jd, want) in [
        ("Languages: Go, Rust, Python", vec!["Go", "Rust", "Python"]),
        ("You will go far and rust never sleeps", vec![]),
        ("Experience in R or Python", vec!["R", "Python"]),
        ("Reports to the CTO. Word of mouth.", vec![]),
        ("Microsoft Excel and Word", vec!["Microsoft Excel", "Word"]),
    ] {
        let got: Vec<String> = extract(jd).into_iter().map(|m| m.text).collect();
        assert_eq!(got, want, "{jd}");
    }
}

#[test]
fn tiers_from_sections_and_cues() {
    let jd = "About the role\nYou will build services in Java.\n\nRequirements\n- Kafka\n- Docker is a plus\n\nNice to have\n- Terraform\n\nBenefits\n- Slack\n";
    let got: Vec<(String, Tier)> = extract(jd).into_iter().map(|m| (m.text, m.tier)).collect();
    assert_eq!(
        got,
        [
            ("Java".to_string(), Tier::MustHave),
            ("Kafka".to_string(), Tier::MustHave),
            ("Docker".to_string(), Tier::Bonus),
            ("Terraform".to_string(), Tier::Bonus),
        ]
    );
}

#[test]
fn places_employers_benefits_and_masks_are_never_keywords() {
    let jd = "Java Developer\nTech Solutions, San Francisco, CA, USA\nAbout Us\nAt Tech Solutions, we build SAN storage.\nRequirements\n- Java and <ORGANIZATION> tools\n- Act as a leader\nBenefits\n- Health, dental, and vision insurance\n";
    let role = Role::from_job_description(jd).unwrap();
    let all: Vec<&str> = role.keywords.iter().map(|k| k.term.as_str()).collect();
    for bad in [
        "San",
        "SAN",
        "Act",
        "Tech Solutions",
        "Health",
        "dental",
        "CA",
        "USA",
    ] {
        assert!(!all.contains(&bad), "{bad} in {all:?}");
    }
    assert!(all.contains(&"Java"), "{all:?}");
}

#[test]
fn salary_terms_are_no_skills_but_salary_work_is() {
    // (train-house-110: "negotiation" came from the salary paragraph)
    let jd = "Requirements\n- Python and data analysis\n- The monthly salary will be based on seniority, with the possibility to negotiate a salary supplement.\n";
    let role = Role::from_job_description(jd).unwrap();
    let all: Vec<&str> = role.keywords.iter().map(|k| k.term.as_str()).collect();
    assert!(!all.contains(&"negotiation"), "{all:?}");
    assert!(all.contains(&"Python"), "{all:?}");
    // an HR posting's duty names salary work
    let jd = "Responsibilities\n- Payroll and salary administration, compensation benchmarking\n";
    let role = Role::from_job_description(jd).unwrap();
    let all: Vec<&str> = role.keywords.iter().map(|k| k.term.as_str()).collect();
    assert!(all.contains(&"salary administration"), "{all:?}");
}

#[test]
fn a_duty_whose_object_is_a_longer_term_names_the_term() {
    // the lexicon's "managing accounts" came first and hid accounts payable
    let jd =
        "What you'll do\n- Manage accounts payable and accounts receivable\n- Manage budgets\n";
    let role = Role::from_job_description(jd).unwrap();
    let all: Vec<&str> = role.keywords.iter().map(|k| k.term.as_str()).collect();
    assert!(all.contains(&"accounts payable"), "{all:?}");
    assert!(all.contains(&"accounts receivable"), "{all:?}");
    assert!(!all.contains(&"Manage accounts"), "{all:?}");
}

/// The members of each "any one of" keyword of a role.
fn any_of_lists(role: &Role) -> Vec<&Vec<String>> {
    role.keywords
        .iter()
        .filter(|k| !k.any_of.is_empty())
        .map(|k| &k.any_of)
        .collect()
}

#[test]
fn or_lists_are_groups_and_and_lists_are_not() {
    let jd = "Requirements:\n- Experience with languages such as Python, Java, or Node.js\n- HTML5 and CSS3\n- Linux/Unix administration\n";
    let role = Role::from_job_description(jd).unwrap();
    let groups = any_of_lists(&role);
    assert_eq!(groups.len(), 2, "{:#?}", role.keywords);
    assert_eq!(groups[0], &["Python", "Java", "Node.js"]);
    let must = terms(&role, Tier::MustHave);
    assert!(
        must.contains(&"HTML5".to_string()) && must.contains(&"CSS3".to_string()),
        "{must:?}"
    );
    // clipped words joined by a slash are one name: a unit, no choice
    let jd = "Requirements:\n- 2+ years on a Med/Surg or Ob/Gyn unit\n- Java/Scala\n";
    let role = Role::from_job_description(jd).unwrap();
    assert_eq!(
        any_of_lists(&role),
        [&["Java", "Scala"]],
        "{:#?}",
        role.keywords
    );
    // the conjunction closes a list: a comma after it goes on to something else
    let jd = "Requirements:\n- Large-scale data work using Spark or Ray, experiment tracking in MLflow, and PyTorch\n";
    let role = Role::from_job_description(jd).unwrap();
    let groups = any_of_lists(&role);
    assert_eq!(groups, [&["Spark", "Ray"]], "{:#?}", role.keywords);
}

#[test]
fn lists_closed_or_opened_by_a_cue_and_members_asked_for_weaker_are_groups() {
    // (posting, a group's members)
    for (jd, want) in [
        // "or equivalent" after the list
        (
            "Requirements:\n- 10 years of work experience in product management, product marketing, or equivalent experience\n",
            &["product management", "product marketing"][..],
        ),
        // "some or all of the following:" and a list whose commas were lost
        (
            "Requirements:\n- Experience with some or all of the following: MySQL Nginx Hibernate Jenkins\n",
            &["MySQL", "Nginx", "Hibernate", "Jenkins"][..],
        ),
        // ECS is also in the stack the posting describes (a bonus), still a
        // choice where asked for
        (
            "Our stack runs on AWS (ECS, RDS, ElastiCache).\nRequirements:\n- Experience with orchestration with Kubernetes or\nECS; strong SQL\n",
            &["Kubernetes", "ECS"][..],
        ),
        // a member of two groups is in both
        (
            "Requirements:\n- Experience with unstructured data using Spark or Ray\n- Experience with distributed compute (Spark, Dask)\n",
            &["Spark", "Dask"][..],
        ),
    ] {
        let role = Role::from_job_description(jd).unwrap();
        assert!(
            role.keywords.iter().any(|k| k.any_of == want),
            "{want:?} in {jd:?}: {:#?}",
            role.keywords
                .iter()
                .map(|k| (&k.term, &k.any_of))
                .collect::<Vec<_>>()
        );
    }
    // asked for alone as strongly: no group member ("Python or Java";
    // "Python required")
    let role =
        Role::from_job_description("Requirements:\n- Python or Java\n- Python is required\n")
            .unwrap();
    assert!(
        role.keywords.iter().all(|k| k.any_of.is_empty()),
        "{:#?}",
        role.keywords
    );
}

#[test]
fn a_vendor_and_an_unknown_product_name_one_product() {
    // (requirement line, what its mentions must be)
    for (line, want) in [
        (
            "Experience with Apache Iceberg, Apache Beam and Apache Hudi",
            &["Apache Iceberg", "Apache Beam", "Apache Hudi"][..],
        ),
        (
            "Experience with AWS Glue and Azure Synapse",
            &["AWS Glue", "Azure Synapse"][..],
        ),
        // known products stand as found; a list that lost its commas is
        // no product name
        (
            "AWS S3 and Apache Kafka; Oracle and SQL",
            &["AWS S3", "Apache Kafka", "Oracle", "SQL"][..],
        ),
        (
            "Tools: Nginx Hibernate Apache Java",
            &["Nginx", "Hibernate", "Apache", "Java"][..],
        ),
    ] {
        let found = extract(&format!("Requirements:\n- {line}\n"));
        let texts: Vec<&str> = found.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, want, "{line}");
    }
}

#[test]
fn soft_skills_are_bonus_at_half_weight() {
    let role = Role::from_job_description("Requirements:\n- Strong communication skills\n- SQL\n")
        .unwrap();
    let soft: Vec<&Keyword> = role.keywords.iter().filter(|k| k.soft).collect();
    assert_eq!(soft.len(), 1);
    assert_eq!((soft[0].tier, soft[0].weight), (Tier::Bonus, 0.5));
    assert_eq!(terms(&role, Tier::MustHave), ["SQL"]);
}

#[test]
fn product_like_words_and_list_items() {
    let jd = "Requirements\n• Excellent knowledge of Relational Databases, SQL, and ORM technologies (JPA2, Hibernate).\n• Experience in developing web applications using at least one popular web framework (JSF, Wicket, GWT, Spring MVC).\n";
    let role = Role::from_job_description(jd).unwrap();
    let all: Vec<String> = role
        .keywords
        .iter()
        .flat_map(|k| std::iter::once(k.term.clone()).chain(k.any_of.clone()))
        .collect();
    for want in [
        "SQL",
        "JPA2",
        "Hibernate",
        "JSF",
        "Wicket",
        "GWT",
        "Spring MVC",
    ] {
        assert!(all.iter().any(|t| t == want), "{want} in {all:?}");
    }
    // "at least one popular web framework (JSF, Wicket, GWT, Spring MVC)" is a group
    assert!(
        role.keywords.iter().any(|k| k.any_of.len() == 4),
        "{:#?}",
        role.keywords
    );
}

#[test]
fn tag_lines_name_skills() {
    let got: Vec<String> = extract("Requirements\nTechnologies: docker agile selenium\n")
        .into_iter()
        .map(|m| m.text)
        .collect();
    assert_eq!(got, ["docker", "agile", "selenium"]);
}

#[test]
fn requirements_metadata() {
    let jd = "Registered Nurse\nQualifications:\n- Bachelor of Science in Nursing (BSN) required\n- Current RN license and BLS certification\n- 2+ years of acute care experience\n- Fluent in English and Spanish\n- Willing to travel up to 25% of the time\n";
    let p = read(jd).unwrap();
    let r = &p.requirements;
    assert_eq!(r.years.as_ref().map(|y| y.min), Some(2));
    let e = r.education.as_ref().unwrap();
    assert_eq!(e.level, crate::roles::EducationLevel::Bachelor);
    assert!(
        r.certifications.iter().any(|c| c.name == "RN license"),
        "{:?}",
        r.certifications
    );
    assert!(
        r.certifications
            .iter()
            .any(|c| c.name == "BLS certification")
    );
    let langs: Vec<&str> = r.languages.iter().map(|l| l.value.as_str()).collect();
    assert_eq!(langs, ["English", "Spanish"]);
    assert_eq!(
        r.travel.as_ref().unwrap().value,
        "Willing to travel up to 25% of the time"
    );
    // the role carries them, and they survive a round trip through TOML and JSON
    let role = p.role().unwrap();
    assert_eq!(role.requirements, *r);
    assert_eq!(Role::from_toml(&role.to_toml()).unwrap(), role);
    assert_eq!(Role::from_json(&role.to_json()).unwrap(), role);
}

#[test]
fn bad_input() {
    assert!(read("").is_err());
    assert!(read("\u{1}\u{2}\u{3}\u{4}abc").is_err());
    let big = "a".repeat(MAX_POSTING_BYTES + 1);
    assert!(matches!(read(&big), Err(Error::InputTooLarge { .. })));
    let p = read("Free lunch and a nice office.").unwrap();
    assert!(p.warnings.iter().any(|w| w.contains("no skills found")));
    assert!(Role::from_job_description("Free lunch and a nice office.").is_err());
    let resume = "Jane Doe\njane@example.com\nWork Experience\nAcme 2019-2023: built Python services\nEducation\nBSc, 2018\n";
    let p = read(resume).unwrap();
    assert!(
        p.warnings.iter().any(|w| w.contains("resume")),
        "{:?}",
        p.warnings
    );
    let html = "<html><body><h2>Requirements</h2><ul><li>Python &amp; SQL</li><li>Docker</li></ul><script>var x = 'Kafka';</script></body></html>";
    let p = read(html).unwrap();
    let names: Vec<&str> = p.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(names, ["Python", "SQL", "Docker"]);
}

/// Random postings built from tricky pieces (multi-byte characters next to
/// cue words, brackets, numbers before "years", degree phrases, bullets):
/// reading never panics, mentions slice the text, and roles validate.
#[test]
fn random_postings_never_panic() {
    const PIECES: &[&str] = &[
        "Requirements:",
        "\n",
        "\n- ",
        " ",
        ", ",
        " or ",
        " and ",
        "(",
        ")",
        "/",
        "’",
        "é",
        "İ",
        "ẞ",
        "🚀",
        "5+ years of ",
        "3-5 years",
        " degree in ",
        "Bachelor’s",
        "PhD",
        " such as ",
        "e.g. ",
        "Python",
        "Java",
        "SQL",
        "Excel",
        "Go",
        "R",
        "C++",
        ".NET",
        "Node.js",
        "HTML5",
        "JPA",
        "at least one of ",
        "is a plus",
        "preferred",
        "required",
        "About Acme\n",
        "Acme is a company. ",
        "San Francisco",
        "<ORGANIZATION>",
        "401(k)",
        "certified ",
        "CPA",
        " license",
        "travel 25%",
        "clearance",
        "fluent in Spanish",
        "project management",
        "pricing analysis",
        "Benefits\n",
        "Nice to have:",
        ". ",
        ";",
        ":",
        "•",
        "**",
        "<p>",
        "<li>",
        "&amp;",
        "\u{85}",
        "\t",
        "Title Case Words",
        "IT)Digital",
        "x",
        "Angu-\n",
        "lar.js",
        "-\r\n",
        "\n  ",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let n = (next() % 60) as usize;
        let text: String = (0..n)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        let Ok(p) = read(&text) else { continue };
        for m in &p.mentions {
            // the span's words, each run of whitespace one space
            let words: Vec<&str> = p.text()[m.span.range()].split_whitespace().collect();
            assert_eq!(words.join(" "), m.text, "{text:?}");
        }
        if let Ok(role) = p.role() {
            role.validate().unwrap();
            assert_eq!(Role::from_json(&role.to_json()).unwrap(), role, "{text:?}");
        }
    }
}

#[test]
fn words_hyphenated_across_lines_are_read_whole_and_lines_keep_their_numbers() {
    let text = "Requirements:\n- Frameworks like React.js, Vue.js, or Angu-\nlar.js, and recon-\n  ciliation of accounts.\n- Self-\nStarter";
    let joined = join_hyphenated(text.to_string());
    assert_eq!(
        joined,
        "Requirements:\n- Frameworks like React.js, Vue.js, or Angular.js\n, and reconciliation\n of accounts.\n- Self-\nStarter"
    );
    assert_eq!(joined.lines().count(), text.lines().count());
    // nothing to join: the text as it was
    assert_eq!(join_hyphenated("a -\nb\nx-\n".to_string()), "a -\nb\nx-\n");
    let role = Role::from_job_description(text).unwrap();
    let all: Vec<String> = role
        .keywords
        .iter()
        .flat_map(|k| std::iter::once(k.term.clone()).chain(k.any_of.clone()))
        .collect();
    assert!(
        all.iter().any(|t| t == "Angular.js" || t == "Angular"),
        "{all:?}"
    );
    assert!(
        !all.iter().any(|t| t.contains("Angu-") || t == "lar.js"),
        "{all:?}"
    );
}

#[test]
fn a_master_is_a_degree_only_where_a_degree_is_meant() {
    let text = "Requirements:\n- B.E / B.Tech / MCA with 3 years of Java and SQL.\n- Certified Scrum Master and Master Data Management a plus.";
    let role = read(text).unwrap().role().unwrap();
    let terms: Vec<&str> = role.keywords.iter().map(|k| k.term.as_str()).collect();
    assert!(
        terms.contains(&"Java") && terms.contains(&"SQL"),
        "{terms:?}"
    );
    // the Scrum Master line asks for no master's degree
    let education = role.requirements.education.as_ref().unwrap();
    assert_eq!(education.level, crate::roles::EducationLevel::Bachelor);
    assert!(education.evidence.contains("B.Tech"), "{education:?}");
    for (t, want) in [
        ("Scrum Master", None),
        ("Webmaster", None),
        ("Master Data Management", None),
        (
            "Master of Science in Nursing",
            Some(crate::roles::EducationLevel::Master),
        ),
        (
            "Masters in Finance",
            Some(crate::roles::EducationLevel::Master),
        ),
        (
            "economics or finance at master level",
            Some(crate::roles::EducationLevel::Master),
        ),
        (
            "Bachelor or Master in Computer Science",
            Some(crate::roles::EducationLevel::Bachelor),
        ),
    ] {
        assert_eq!(education_level(t), want, "{t}");
    }
}

#[test]
fn product_shapes_are_humps_dots_and_digits_not_title_case_or_glued_words() {
    for (w, want) in [
        ("JavaScript", true),
        ("iOS", true),
        ("Node.js", true),
        ("HTML5", true),
        ("C++", true),
        ("JPA", true),
        ("Mid-Level", false),
        ("Entry-Level", false),
        ("Full-Time", false),
        ("pipelinesJ.P", false),
        ("D.C", false),
        ("U.S", false),
        ("ASP.NET", true),
        ("contactIf", false),
        ("Python", false),
    ] {
        assert_eq!(shapes::shaped(w), want, "{w}");
    }
    let got: Vec<String> = extract("Requirements\n- Mid-Level engineer with GraphQL and Vue.js\n")
        .into_iter()
        .map(|m| m.text)
        .collect();
    assert!(!got.iter().any(|t| t == "Mid-Level"), "{got:?}");
    assert!(got.iter().any(|t| t == "GraphQL"), "{got:?}");
}

#[test]
fn a_capitalized_word_the_posting_also_writes_in_lowercase_is_no_name() {
    // the list is read, but "Engaging" is the word "engaging" of the text
    let jd =
        "Requirements\n- Qualities: Engaging, Tecton\n- An engaging way to work with partners\n";
    let got: Vec<String> = extract(jd).into_iter().map(|m| m.text).collect();
    assert!(got.iter().any(|t| t == "Tecton"), "{got:?}");
    assert!(!got.iter().any(|t| t == "Engaging"), "{got:?}");
}

#[test]
fn a_leading_bonus_cue_qualifies_what_follows_it() {
    for (jd, want) in [
        (
            "Requirements\n- 3+ years of procurement experience, preferably within SAP Ariba\n",
            vec![("procurement", Tier::MustHave), ("SAP Ariba", Tier::Bonus)],
        ),
        (
            "Requirements\n- Ideally you know Kafka\n",
            vec![("Kafka", Tier::Bonus)],
        ),
        (
            "Requirements\n- Terraform is preferred\n",
            vec![("Terraform", Tier::Bonus)],
        ),
    ] {
        let got: Vec<(String, Tier)> = extract(jd).into_iter().map(|m| (m.text, m.tier)).collect();
        let want: Vec<(String, Tier)> = want
            .into_iter()
            .map(|(t, tier)| (t.to_string(), tier))
            .collect();
        assert_eq!(got, want, "{jd}");
    }
}

#[test]
fn a_field_named_by_its_activity_but_not_a_verb_past() {
    let got: Vec<String> =
        extract("Requirements\n- Experience in fundraising and procurement\n- Billing and purchasing experience\n- The position is anchored in the research section\n")
            .into_iter()
            .map(|m| m.text)
            .collect();
    assert_eq!(got, ["fundraising", "procurement", "Billing", "purchasing"]);
}

#[test]
fn a_field_line_names_only_itself() {
    let jd = "**Job Title:** Accountant\n\n**Who May Apply:** Open to the public.\n\n**Security Clearance:** Must obtain a Secret clearance.\n\nThe primary purpose of this position is to provide general ledger and accounts payable support.\n\n**How to apply**\nSend your resume with an Excel sample.\n";
    let p = read(jd).unwrap();
    let section = |needle: &str| {
        let at = p.text().find(needle).unwrap();
        p.lines
            .iter()
            .rev()
            .find(|l| l.start <= at)
            .unwrap()
            .section
    };
    assert_eq!(section("Open to the public"), Section::Apply);
    // a bold field is the posting's particulars, not a skill line
    assert_eq!(section("Must obtain"), Section::Furniture);
    // the prose after the fields is the position again, not "apply"
    assert_eq!(section("general ledger"), Section::Responsibilities);
    assert_eq!(section("Excel sample"), Section::Apply);
    let got: Vec<(String, Tier)> = p
        .mentions
        .iter()
        .map(|m| (m.text.clone(), m.tier))
        .collect();
    assert!(
        got.contains(&("accounts payable".to_string(), Tier::MustHave)),
        "{got:?}"
    );
    assert!(
        !got.iter()
            .any(|(t, _)| t.contains("Clearance") || t == "Excel"),
        "{got:?}"
    );
}

#[test]
fn a_field_with_a_list_keeps_it() {
    let jd = "Benefits: we offer\n\n- Dental plan\n- Gym\n\nRequirements\n- Python\n";
    let p = read(jd).unwrap();
    let at = p.text().find("Gym").unwrap();
    let line = p.lines.iter().rev().find(|l| l.start <= at).unwrap();
    assert_eq!(line.section, Section::Benefits);
}

#[test]
fn general_words_count_only_where_asked_for_as_skills() {
    for (jd, want) in [
        (
            "Requirements\n- Strong programming skills\n",
            vec!["programming"],
        ),
        (
            "Requirements\n- Experience in networking\n",
            vec!["networking"],
        ),
        (
            "Requirements\n- Conducting software analysis, programming, testing, and debugging.\n",
            vec!["software analysis", "programming", "testing", "debugging"],
        ),
        // the cue of a list is each item's: "understanding of A, B, C"; an
        // item between commas is listed
        (
            "Requirements\n- An understanding of government budgeting, accounting, auditing, and risk management is key\n",
            vec![
                "government budgeting",
                "accounting",
                "auditing",
                "risk management",
            ],
        ),
        (
            "Requirements\n- Knowledge of Computer Architecture OS internals and Networking is essential.\n",
            vec!["Computer Architecture", "OS internals", "Networking"],
        ),
        // a name in capitals before what the writer has of it
        ("Requirements\n- Very good SAP knowledge\n", vec!["SAP"]),
        // a word, not asked for as a skill
        (
            "Responsibilities\n- Build tools that enable testing at scale\n",
            vec![],
        ),
        (
            "Responsibilities\n- Improve speed and scalability of the site\n",
            vec![],
        ),
        // never a verb's form of the word ("designing" is the duty API
        // design, its verb and object: checked below)
        (
            "Requirements\n- Experience designing and testing APIs\n",
            vec!["designing", "APIs"],
        ),
        // a longer phrase keeps its place; a general word makes no
        // neighbouring ambiguous word a clear mention
        (
            "Responsibilities\n- Invoice validation before sending\n",
            vec!["Invoice validation"],
        ),
    ] {
        let got: Vec<String> = extract(jd)
            .into_iter()
            .filter(|m| !m.soft)
            .map(|m| m.text)
            .collect();
        assert_eq!(got, want, "{jd}");
    }
    let duty: Vec<(Source, Option<String>)> =
        extract("Requirements\n- Experience designing and testing APIs\n")
            .into_iter()
            .filter(|m| m.text == "designing")
            .map(|m| (m.source, m.term))
            .collect();
    assert_eq!(duty, [(Source::Nominal, Some("API design".to_string()))]);
}

#[test]
fn the_hiring_process_is_no_skill() {
    let jd = "Requirements\n- Python and SQL\n- We process applications on a rolling basis and keep you informed on the application process\n";
    let got: Vec<String> = extract(jd).into_iter().map(|m| m.text).collect();
    assert_eq!(got, ["Python", "SQL"]);
}

/// A general word before "strategies", "patterns", "concepts" or "tasks" is
/// asked for as a skill ("indexing strategies"); alone it is a word.
#[test]
fn general_words_before_method_nouns_are_skills() {
    for (jd, want, not) in [
        (
            "Requirements:\n- Strong grasp of SQL query optimization, indexing strategies, and Redis caching patterns\n",
            &["indexing"][..],
            &[][..],
        ),
        (
            "Responsibilities:\n- Train models for classification and ranking tasks.\n",
            &["classification"][..],
            &[][..],
        ),
        (
            "Responsibilities:\n- Keep the caching layer small.\n",
            &[][..],
            &["caching"][..],
        ),
    ] {
        let got: Vec<String> = extract(jd).into_iter().map(|m| m.text).collect();
        for w in want {
            assert!(got.iter().any(|g| g == w), "{w} not in {got:?} ({jd})");
        }
        for w in not {
            assert!(!got.iter().any(|g| g == w), "{w} in {got:?} ({jd})");
        }
    }
}

/// A duty written as a verb and its object is the skill the lexicon names
/// ("analyse data" is data analysis), under the object-first term; an
/// object that is an activity itself stays as written.
#[test]
fn duties_are_nominalized_to_lexicon_skills() {
    let jd = "Responsibilities:\n- You will gather and analyse data to aid in decision-making.\n- Maintains staff by recruiting, selecting, orienting, and training employees.\n- Implementing unit testing and debugging software.\n";
    let role = Role::from_job_description(jd).unwrap();
    let all: Vec<&str> = role.keywords.iter().map(|k| k.term.as_str()).collect();
    for want in ["data analysis", "employee training", "unit testing"] {
        assert!(all.contains(&want), "{want} not in {all:?}");
    }
    let p = read(jd).unwrap();
    let m = p
        .mentions
        .iter()
        .find(|m| m.source == Source::Nominal)
        .unwrap();
    assert_eq!(&p.text()[m.span.range()], "analyse data");
    assert_eq!(m.term.as_deref(), Some("data analysis"));
}

/// Not skills: a department ("R&D"), a pandemic ("COVID-19"), degrees'
/// abbreviations (the education requirement's), a person named like a
/// discipline ("aircraft mechanic" is no aircraft mechanics).
#[test]
fn departments_degrees_and_persons_are_no_skills() {
    let jd = "Requirements:\n- 5 years in an R&D team building Kubernetes operators\n- Proof of COVID-19 vaccination\n- B.tech / MCA or an MBA\n- Work with the aircraft mechanic on duty\n- Ensure that logistic processes are respected\n";
    let got: Vec<String> = extract(jd).into_iter().map(|m| m.text).collect();
    for bad in [
        "R&D",
        "COVID-19",
        "B.tech",
        "MCA",
        "MBA",
        "aircraft mechanic",
    ] {
        assert!(!got.iter().any(|g| g == bad), "{bad} in {got:?}");
    }
    assert!(got.iter().any(|g| g == "Kubernetes"), "{got:?}");
    assert!(got.iter().any(|g| g == "logistic"), "{got:?}");
}

/// The plain noun of an -ing discipline names something else: "salaried
/// positions" are no positioning, "new accounts" no accounting; the
/// discipline itself is still found.
#[test]
fn plain_nouns_of_disciplines_are_not_them() {
    let jd = "Responsibilities:\n- Manage recruitment for hourly and salaried positions\n- Open new accounts in the region\n- Own product positioning and accounting reviews\n";
    let got: Vec<String> = extract(jd).into_iter().map(|m| m.text).collect();
    for bad in ["positions", "accounts"] {
        assert!(!got.iter().any(|g| g.contains(bad)), "{bad} in {got:?}");
    }
    for want in ["product positioning", "accounting"] {
        assert!(got.iter().any(|g| g == want), "{want} not in {got:?}");
    }
}

/// A duty written in one of the lexicon's verb forms ("Process refunds")
/// goes by the skill's name, as a resume lists it; a noun phrase keeps the
/// posting's words.
#[test]
fn duties_in_verb_form_go_by_the_skills_name() {
    let jd = "Responsibilities:\n- Process refunds and exchanges for customers\n- Apply design patterns across our code\n";
    let role = Role::from_job_description(jd).unwrap();
    let terms: Vec<&str> = role.keywords.iter().map(|k| k.term.as_str()).collect();
    assert!(terms.contains(&"refund processing"), "{terms:?}");
    assert!(terms.contains(&"design patterns"), "{terms:?}");
    assert!(!terms.iter().any(|t| t.starts_with("Process")), "{terms:?}");
    // a verb known as one by the entry's own -ing form
    let role = Role::from_job_description(
        "Responsibilities:\n- Summarize depositions and medical records\n",
    )
    .unwrap();
    let terms: Vec<&str> = role.keywords.iter().map(|k| k.term.as_str()).collect();
    assert!(terms.contains(&"deposition summaries"), "{terms:?}");
}

/// A tagged phrase is what a duty acts on, not the duty's verb: "Install,
/// maintain and repair electrical systems".
#[test]
fn tagged_phrases_leave_the_duty_verb_out() {
    let jd =
        "Duties\n- Install, maintain and repair electrical systems, motors and control panels\n";
    let got: Vec<String> = extract(jd).into_iter().map(|m| m.text).collect();
    assert!(!got.iter().any(|g| g.starts_with("repair")), "{got:?}");
    // nor a word that names no kind once the verb is gone
    let got: Vec<String> = extract("Duties\n- Perform necessary analysis\n")
        .into_iter()
        .map(|m| m.text)
        .collect();
    assert!(!got.iter().any(|g| g.starts_with("necessary")), "{got:?}");
}

/// "A, B and C" is a list of three, so a general word in it is asked for as
/// a skill, as in "A, B, C".
#[test]
fn a_list_of_three_may_join_its_last_two_with_and() {
    let got: Vec<String> = extract("Duties\n- Webinars, outreach and advocacy\n")
        .into_iter()
        .map(|m| m.text)
        .collect();
    assert!(got.iter().any(|g| g == "advocacy"), "{got:?}");
    // two items are no list of three
    let got: Vec<String> = extract("Duties\n- Lead outreach and advocacy\n")
        .into_iter()
        .map(|m| m.text)
        .collect();
    assert!(!got.iter().any(|g| g == "advocacy"), "{got:?}");
}

/// Two capitalized words before a lowercase head are the phrase's name
/// ("Device Driver development"); in prose one word before the head is.
#[test]
fn capitalized_names_before_a_head_stay_whole() {
    let jd =
        "Nice to have:\n- C Programming Device Driver development\n- span firmware development\n";
    let got: Vec<String> = extract(jd).into_iter().map(|m| m.text).collect();
    assert!(
        got.iter().any(|g| g == "Device Driver development"),
        "{got:?}"
    );
    assert!(got.iter().any(|g| g == "firmware development"), "{got:?}");
}

/// "responsible for" asks for the general word after it as a skill, unless
/// the word is a verb with its object; a role's title is no skill.
#[test]
fn responsible_for_a_general_word_and_no_job_titles() {
    let jd = "Responsibilities:\n- This role will be responsible for planning and estimation for programmes of work\n- You will be responsible for positioning the value of our cloud\n- Report to the General Counsel, Kubernetes and Helm\n";
    let got: Vec<String> = extract(jd).into_iter().map(|m| m.text).collect();
    assert!(got.iter().any(|g| g == "estimation"), "{got:?}");
    for bad in ["positioning", "General Counsel"] {
        assert!(!got.iter().any(|g| g == bad), "{bad} in {got:?}");
    }
}

/// An activity's own -ing form opening a duty with an object is the
/// activity ("by forecasting requirements"); not as an adjective.
#[test]
fn gerunds_opening_duties_are_their_activity() {
    let jd = "Responsibilities:\n- Accomplishes financial objectives by forecasting requirements; preparing an annual budget\n";
    let got: Vec<String> = extract(jd).into_iter().map(|m| m.text).collect();
    assert!(got.iter().any(|g| g == "forecasting"), "{got:?}");
}

#[test]
fn a_product_s_names_are_the_resume_matcher_s() {
    // "React.js" and "ReactJS" are React, as a resume's are; a name that is
    // also a word ("Node") stays a clear mention only, and two capitals
    // alone ("DL") are not taken from the resume matcher's names
    let found = extract(
        "Requirements:\n- Experience with React.js, Express.js and Angular.js\n- Knowledge of ReactJS\n- Each node in the cluster is monitored.\n- Valid DL and a clean driving record\n",
    );
    let got: Vec<(&str, Option<&str>)> = found.iter().map(|m| (m.text.as_str(), m.skill)).collect();
    assert_eq!(
        got,
        [
            ("React.js", Some("React")),
            ("Express.js", Some("Express.js")),
            ("Angular.js", Some("Angular")),
            ("ReactJS", Some("React")),
            // (a driving job's requirement, in the lexicon since it has
            // entries for drivers)
            ("clean driving record", Some("clean driving record")),
        ]
    );
}

#[test]
fn qualifiers_and_kinds_are_no_skills() {
    // "popular" and the "front-end" of "front-end frameworks" qualify the
    // examples that follow; the examples are the skills
    let found = extract(
        "Requirements:\n- Experience with popular front-end frameworks (such as React, Vue, or Angular).\n",
    );
    let got: Vec<&str> = found.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(got, ["React", "Vue", "Angular"]);
}

#[test]
fn a_group_named_twice_is_one_requirement() {
    let role = read(
        "Responsibilities:\n- Build features with frameworks like React.js, Vue.js, or Angular.js.\nRequirements:\n- Experience with front-end frameworks such as React, Vue, or Angular.\n",
    )
    .unwrap()
    .role()
    .unwrap();
    let groups: Vec<&Keyword> = role
        .keywords
        .iter()
        .filter(|k| !k.any_of.is_empty())
        .collect();
    assert_eq!(groups.len(), 1, "{groups:#?}");
    assert_eq!(
        groups[0].any_of,
        [
            "React.js",
            "Vue.js",
            "Angular.js",
            "React",
            "Vue",
            "Angular"
        ]
    );
    assert_eq!(groups[0].tier, Tier::MustHave);
}

#[test]
fn a_slash_and_or_share_a_skill_s_word() {
    // (requirement lines, mentions: wording and the skill it names)
    for (lines, want) in [
        (
            "- Experience with accounts payable/receivable\n- Review accounts payable/receivables documentation\n- Strong project/program management skills\n",
            &[
                ("accounts payable", None),
                ("receivable", Some("accounts receivable")),
                ("accounts payable", None),
                ("receivables", Some("accounts receivable")),
                ("project", Some("project management")),
                ("program management", None),
            ][..],
        ),
        // "and" and "or" share the word as a slash does
        (
            "- Experience with accounts payable and receivable\n- Strong project or program management skills\n",
            &[
                ("accounts payable", None),
                ("receivable", Some("accounts receivable")),
                ("project", Some("project management")),
                ("program management", None),
            ][..],
        ),
    ] {
        let found = extract(&format!("Requirements:\n{lines}"));
        let got: Vec<(&str, Option<&str>)> = found
            .iter()
            .map(|m| (m.text.as_str(), m.term.as_deref()))
            .collect();
        assert_eq!(got, want, "{lines}");
    }
    // a word that makes no skill of the lexicon is no candidate
    assert!(
        extract("Requirements:\n- Python and machine learning\n")
            .iter()
            .all(|m| m.term.is_none())
    );
    assert!(
        extract("Requirements:\n- Knowledge of payroll/foo administration\n")
            .iter()
            .all(|m| m.term.is_none())
    );
}

#[test]
fn phrases_with_a_shared_head_name_each_skill() {
    let terms = |lines: &str| -> Vec<String> {
        // (with a skill besides: every posting here has a checklist)
        read(&format!("Responsibilities:\n{lines}- Write SQL queries.\n"))
            .unwrap()
            .role()
            .unwrap()
            .keywords
            .into_iter()
            .map(|k| k.term)
            .collect()
    };
    let t = terms("- Run beta and pilot programs with early-stage products.\n");
    assert!(
        t.contains(&"beta programs".into()) && t.contains(&"pilot programs".into()),
        "{t:?}"
    );
    let t = terms("- Maintain hardware and software configuration.\n");
    assert!(t.contains(&"hardware configuration".into()), "{t:?}");
    // qualities coordinated, a verb opening the line, an activity: no
    // second skill
    for (lines, not) in [
        (
            "- Deliver rapid and comprehensive analysis of data.\n",
            "rapid analysis",
        ),
        (
            "- Design and pilot programs for new hires.\n",
            "Design programs",
        ),
        (
            "- Own training and development programs.\n",
            "training programs",
        ),
    ] {
        let t = terms(lines);
        assert!(!t.iter().any(|k| k == not), "{lines} {t:?}");
    }
    // named by its phrase, a mention joins the keyword listed by it
    let t = terms("- Plan beta programs.\n- Run beta and pilot programs.\n");
    assert_eq!(
        t.iter().filter(|k| *k == "beta programs").count(),
        1,
        "{t:?}"
    );
}

#[test]
fn an_endless_list_is_no_any_one_of_group() {
    // a choice has a few members; "A/B, C/D, ..." on and on asks for each
    let long: String = "Python/Java, ".repeat(20);
    let p = read(&format!("Requirements:\n- {long}\n- Kafka or RabbitMQ\n")).unwrap();
    assert_eq!(p.groups.len(), 1);
    let names: Vec<&str> = p.groups[0]
        .members
        .iter()
        .map(|&m| p.mentions[m].text.as_str())
        .collect();
    assert_eq!(names, ["Kafka", "RabbitMQ"]);
}

/// A list that lost its commas runs activities together: no "definition
/// research" or "development security"; a thing and its activity stays.
#[test]
fn activities_run_together_are_no_phrase() {
    let jd = "Responsibilities\nYou will own requirements definition research implementation validation post-release support activities\nBest practice around system design development security release monitoring and support\nYour focus will also be on pricing analysis\n";
    let got: Vec<String> = extract(jd).into_iter().map(|m| m.text).collect();
    for bad in ["definition research", "development security"] {
        assert!(!got.iter().any(|g| g == bad), "{bad} in {got:?}");
    }
    assert!(got.iter().any(|g| g == "pricing analysis"), "{got:?}");
}

#[test]
fn a_sentence_wrapped_over_lines_reads_as_one() {
    // "machine⏎learning" wrapped (the next line goes on in lowercase) is
    // machine learning; a keyword over a line break is written with a space
    let p = read(
        "Requirements:\nStrong background in data analytics and machine \nlearning, with Java/Java\nEE services.\n",
    )
    .unwrap();
    let texts: Vec<&str> = p.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(texts.contains(&"machine learning"), "{texts:?}");
    assert!(texts.contains(&"Java EE"), "{texts:?}");
    assert!(texts.iter().all(|t| !t.contains("  ") && !t.contains('\n')));
    // the lines stay as written, and index the text read
    assert_eq!(p.lines.len(), 4);
    assert_eq!(
        &p.text()[p.lines[2].start..p.lines[2].end],
        "learning, with Java/Java"
    );
}

#[test]
fn a_name_paired_by_or_with_a_known_tool_is_one_too() {
    let jd = "Requirements:\n- Familiarity with deploying models via Triton Inference Server or SageMaker endpoints.\n- Degree in Computer Science or Electrical Engineering\n- Solid Python or Data Science Team experience\n";
    let role = Role::from_job_description(jd).unwrap();
    let group = |a: &str| {
        role.keywords
            .iter()
            .find(|k| k.any_of.iter().any(|m| m == a))
    };
    // a Title Case name beside a lexicon tool: both, one group
    let g = group("Triton Inference Server").expect("Triton grouped");
    assert!(g.any_of.iter().any(|m| m == "SageMaker"), "{g:?}");
    // capitalized words beside a known name are no tool by that alone
    assert!(role.keywords.iter().all(|k| k.term != "Data Science Team"));
}

#[test]
fn amounts_and_fitness_qualify_no_skill() {
    // "necessary", "various": no kind of skill, never the start of one
    for jd in [
        "Responsibilities:\n- Perform necessary analysis\n",
        "Requirements:\n- Experience across various design tools and multiple cloud platforms\n",
    ] {
        let got: Vec<String> = extract(jd).into_iter().map(|m| m.text).collect();
        assert!(
            got.iter().all(|t| {
                let first = t
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                !["necessary", "various", "multiple"].contains(&first.as_str())
            }),
            "{jd:?}: {got:?}"
        );
    }
}

/// A list item or phrase that opens with a duty's verb is what the duty
/// acts on ("Process RFIs" asks for RFIs); a verb that is as often a noun
/// before an action's name is that noun ("Invoice validation").
#[test]
fn list_items_and_phrases_leave_the_duty_verb_out() {
    let jd = "Responsibilities\n- Process RFIs, submittals, change orders and pay applications\n- Achieve sales, payroll and shrink goals\n- Invoice validation before sending to the customer\n";
    let got: Vec<String> = extract(jd).into_iter().map(|m| m.text).collect();
    assert!(got.iter().any(|g| g == "RFIs"), "{got:?}");
    for bad in ["Process RFIs", "Achieve sales"] {
        assert!(!got.iter().any(|g| g == bad), "{bad} in {got:?}");
    }
    assert!(got.iter().any(|g| g == "Invoice validation"), "{got:?}");
}

/// Amounts of money and what a program or practice is ("ABA-approved",
/// "evidence-based") are no keywords.
#[test]
fn money_and_qualifiers_are_no_keywords() {
    let jd = "Responsibilities\n- Manage projects with budgets of $5M-$50M\n- Provide therapy using evidence-based practices such as CBT\n\nRequirements\n- Paralegal certificate from an ABA-approved program required\n- Master of Social Work from a CSWE-accredited program\n";
    let got: Vec<String> = extract(jd).into_iter().map(|m| m.text).collect();
    for bad in [
        "5M-$50M",
        "$5M-$50M",
        "evidence-based",
        "ABA-approved",
        "CSWE-accredited",
    ] {
        assert!(!got.iter().any(|g| g == bad), "{bad} in {got:?}");
    }
    assert!(got.iter().any(|g| g == "CBT"), "{got:?}");
}

/// A capitalized name joined by "and" or a comma to a tool the lexicon
/// knows is a tool too ("Canva and Adobe Creative Suite"); beside a bare
/// acronym it is not ("Product QA and Software Dev teams").
#[test]
fn names_beside_a_known_tool_are_tools() {
    let jd = "Requirements\n- Proficient in Procore, Bluebeam and Microsoft Project\n- Maintain brand consistency across all marketing materials using Canva and Adobe Creative Suite\n- You will work with Product QA and Software Dev teams to drive delivery\n";
    let got: Vec<String> = extract(jd).into_iter().map(|m| m.text).collect();
    for want in ["Bluebeam", "Canva"] {
        assert!(got.iter().any(|g| g == want), "{want} not in {got:?}");
    }
    assert!(!got.iter().any(|g| g == "Software Dev"), "{got:?}");
}

/// A certification the line reader takes in part ("Universal
/// Certification") goes by the lexicon's longer name of it, once.
#[test]
fn a_certification_goes_by_its_whole_name() {
    let p = crate::posting::read(
        "HVAC Technician\n\nQualifications\n- EPA Section 608 Universal Certification required\n- 3+ years of HVAC service experience\n",
    )
    .unwrap();
    let names: Vec<&str> = p
        .requirements
        .certifications
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["EPA Section 608 Universal Certification"]);
    assert!(p.requirements.certifications[0].required);
}

/// "GED" is the education asked for, as a degree's abbreviation is, not a
/// keyword.
#[test]
fn a_ged_is_education() {
    let p = crate::posting::read(
        "Bank Teller\n\nWhat you bring\n- 1+ years of cash handling experience\n- High school diploma or GED\n",
    )
    .unwrap();
    assert!(
        !p.mentions.iter().any(|m| m.text == "GED"),
        "{:?}",
        p.mentions
    );
    assert!(p.requirements.education.is_some());
}
