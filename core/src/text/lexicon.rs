//! Built-in data: aliases and acronyms of common skills, vague phrases and
//! weak verbs with suggestions, ambiguous short names, and section headings.
//!
//! Everything here is static data, compiled into the binary; nothing is
//! loaded at run time.
//!
//! ```
//! use atscore::lexicon;
//! let k8s = lexicon::skill("kubernetes").unwrap();
//! assert!(k8s.aliases.contains(&"k8s"));
//! let aws = lexicon::skill("AWS").unwrap();
//! assert_eq!(aws.name, "Amazon Web Services");
//! assert!(lexicon::is_ambiguous("Go"));
//! ```

use crate::text::normalize;

/// A known skill: canonical name, acronym (if any) and other names.
///
/// ```
/// let pg = atscore::lexicon::skill("postgres").unwrap();
/// assert_eq!(pg.name, "PostgreSQL");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Skill {
    /// Canonical spelling.
    pub name: &'static str,
    /// The acronym paired with the full name, e.g. `AWS` for Amazon Web Services.
    pub acronym: Option<&'static str>,
    /// Other names that mean the same thing (`k8s` for Kubernetes).
    pub aliases: &'static [&'static str],
    /// Whether an ATS may search either form, so a resume should write both
    /// ("Amazon Web Services (AWS)"); false where nobody spells the acronym out (SQL).
    pub write_both: bool,
    /// Phrases that show the skill without naming it ("debugging" for
    /// problem solving). One way only: they count for this skill, but a
    /// keyword "debugging" does not accept "problem solving".
    pub evidence: &'static [&'static str],
    /// Words that show the skill without being it: a narrower member of its
    /// family ("Ubuntu" for Linux, "ASP.NET" for .NET) or an activity that
    /// shows it ("debugging" for problem solving). Reported as
    /// [`MatchKind::Related`](crate::MatchKind::Related): an ATS searching the
    /// keyword does not find them, so they earn no points.
    pub related: &'static [&'static str],
}

const fn s(
    name: &'static str,
    acronym: Option<&'static str>,
    aliases: &'static [&'static str],
) -> Skill {
    Skill {
        name,
        acronym,
        aliases,
        write_both: acronym.is_some(),
        evidence: &[],
        related: &[],
    }
}

/// A skill also written as phrases that name a part of it (see [`Skill::evidence`]).
const fn ev(
    name: &'static str,
    aliases: &'static [&'static str],
    evidence: &'static [&'static str],
) -> Skill {
    Skill {
        name,
        acronym: None,
        aliases,
        write_both: false,
        evidence,
        related: &[],
    }
}

/// An acronym nobody spells out: matched either way, no "write both" advice.
const fn x(name: &'static str, acronym: &'static str, aliases: &'static [&'static str]) -> Skill {
    Skill {
        name,
        acronym: Some(acronym),
        aliases,
        write_both: false,
        evidence: &[],
        related: &[],
    }
}

/// Skills with acronyms or aliases. Canonical spelling first.
pub static SKILLS: &[Skill] = &[
    s("Amazon Web Services", Some("AWS"), &[]),
    s("Google Cloud Platform", Some("GCP"), &["Google Cloud"]),
    s("Microsoft Azure", None, &["Azure"]),
    s("Kubernetes", None, &["k8s", "kube"]),
    s("PostgreSQL", None, &["Postgres", "psql"]),
    s("JavaScript", None, &["JS", "ECMAScript"]),
    s("TypeScript", None, &["TS"]),
    s("Node.js", None, &["NodeJS", "Node"]),
    s("Vue.js", None, &["Vue", "VueJS"]),
    s("React", None, &["React.js", "ReactJS"]),
    s("Angular", None, &["AngularJS", "Angular.js"]),
    s("Express.js", None, &["Express", "ExpressJS"]),
    s("Next.js", None, &["NextJS"]),
    s("Go", None, &["Golang"]),
    s("C#", None, &["C Sharp", "csharp"]),
    s("C++", None, &["cpp"]),
    Skill {
        related: &["ASP.NET", "VB.NET", "ADO.NET"],
        ..s(".NET", None, &["dotnet", "Dot Net"])
    },
    s("Python", None, &["Python3", "Python 3"]),
    s("MongoDB", None, &["Mongo"]),
    s(
        "Microsoft SQL Server",
        None,
        &["SQL Server", "MSSQL", "MS SQL"],
    ),
    // a database named for the language shows it: "MySQL" is written SQL
    Skill {
        evidence: &["MySQL", "PostgreSQL", "MSSQL", "SQLite"],
        ..x("Structured Query Language", "SQL", &[])
    },
    x("Application Programming Interface", "API", &[]),
    x(
        "Representational State Transfer",
        "REST",
        &["RESTful", "REST API", "RESTful API"],
    ),
    s("GraphQL", None, &["GQL"]),
    Skill {
        name: "Continuous Integration/Continuous Delivery",
        acronym: Some("CI/CD"),
        aliases: &["CICD", "CI-CD"],
        write_both: true,
        evidence: &[
            "continuous integration",
            "continuous delivery",
            "continuous deployment",
        ],
        related: &[],
    },
    s("DevOps", None, &["Dev Ops"]),
    s("Site Reliability Engineering", Some("SRE"), &[]),
    s("Infrastructure as Code", Some("IaC"), &[]),
    s("Machine Learning", Some("ML"), &[]),
    s("Artificial Intelligence", Some("AI"), &[]),
    s("Natural Language Processing", Some("NLP"), &[]),
    s("Deep Learning", Some("DL"), &[]),
    s("Large Language Models", Some("LLM"), &["LLMs"]),
    s(
        "Object-Oriented Programming",
        Some("OOP"),
        &["object oriented programming"],
    ),
    s("Test-Driven Development", Some("TDD"), &[]),
    s(
        "Behavior-Driven Development",
        Some("BDD"),
        &["behaviour-driven development"],
    ),
    s("Domain-Driven Design", Some("DDD"), &[]),
    s("Extract, Transform, Load", Some("ETL"), &[]),
    x(
        "Amazon Elastic Compute Cloud",
        "EC2",
        &["Amazon EC2", "AWS EC2"],
    ),
    x(
        "Amazon Simple Storage Service",
        "S3",
        &["Amazon S3", "AWS S3"],
    ),
    s("Identity and Access Management", Some("IAM"), &[]),
    s("Single Sign-On", Some("SSO"), &[]),
    s("User Experience", Some("UX"), &[]),
    s("User Interface", Some("UI"), &[]),
    s("Search Engine Optimization", Some("SEO"), &[]),
    s("Customer Relationship Management", Some("CRM"), &[]),
    s("Enterprise Resource Planning", Some("ERP"), &[]),
    s("Key Performance Indicators", Some("KPI"), &["KPIs"]),
    s("Quality Assurance", Some("QA"), &[]),
    s(
        "Software Development Life Cycle",
        Some("SDLC"),
        &["software development lifecycle"],
    ),
    s("Service-Oriented Architecture", Some("SOA"), &[]),
    x("Hypertext Markup Language", "HTML", &["HTML5"]),
    x("Cascading Style Sheets", "CSS", &["CSS3"]),
    x("Google Kubernetes Engine", "GKE", &[]),
    x("Amazon Elastic Kubernetes Service", "EKS", &["AWS EKS"]),
    x("Azure Kubernetes Service", "AKS", &[]),
    s(
        "Microservices",
        None,
        &[
            "microservice architecture",
            "micro-services",
            "microservice",
        ],
    ),
    s("Apache Kafka", None, &["Kafka"]),
    s("Apache Spark", None, &["Spark"]),
    s("Scikit-learn", None, &["sklearn", "scikit learn"]),
    s("Power BI", None, &["PowerBI"]),
    s("Ruby on Rails", None, &["Rails", "RoR"]),
    s("Git", None, &[]),
    s("Docker", None, &[]),
    s("Redis", None, &[]),
    s("MySQL", None, &[]),
    s("Cassandra", None, &["Apache Cassandra"]),
    s("Ruby", None, &[]),
    s("PHP", None, &[]),
    s("Java", None, &[]),
    Skill {
        related: &["collaboration", "collaborated", "cross-functional"],
        ..s("Teamwork", None, &["team work"])
    },
    s("Communication", None, &["communication skills"]),
    Skill {
        related: &["troubleshooting", "debugging"],
        ..s("Problem Solving", None, &[])
    },
    Skill {
        related: &["Ubuntu", "RHEL", "CentOS", "Debian", "Fedora", "openSUSE"],
        ..s("Linux", None, &[])
    },
    ev(
        "Cloud Computing",
        &[],
        &["cloud platforms", "cloud services", "cloud infrastructure"],
    ),
];

/// The built-in skill entry whose name, acronym or alias is `term`
/// (compared after normalization).
///
/// ```
/// assert_eq!(atscore::lexicon::skill("K8S").unwrap().name, "Kubernetes");
/// assert_eq!(atscore::lexicon::skill("RESTful APIs").unwrap().acronym, Some("REST"));
/// assert!(atscore::lexicon::skill("underwater basket weaving").is_none());
/// ```
pub fn skill(term: &str) -> Option<&'static Skill> {
    static INDEX: std::sync::OnceLock<rustc_hash::FxHashMap<String, usize>> =
        std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for (i, s) in SKILLS.iter().enumerate() {
            for form in std::iter::once(s.name)
                .chain(s.acronym)
                .chain(s.aliases.iter().copied())
            {
                m.entry(lookup_key(form)).or_insert(i);
            }
        }
        m
    });
    index.get(&lookup_key(term)).map(|&i| &SKILLS[i])
}

/// A form's lookup key: its words' stems, so that "RESTful APIs" finds
/// "RESTful API" and "Microservice" finds "Microservices".
fn lookup_key(form: &str) -> String {
    crate::text::tokenize(form.trim()).stem_words().join(" ")
}

/// Short names that are also common words or letters: they only count as a
/// skill when written with their capital letter *and* as a clear mention (a
/// skills list, next to another skill, or with a cue such as "programming").
pub static AMBIGUOUS: &[&str] = &[
    "go",
    "r",
    "c",
    "d",
    "rust",
    "swift",
    "spring",
    "excel",
    "dart",
    "julia",
    "express",
    "react",
    "shell",
    "basic",
    "scheme",
    "elm",
    "crystal",
    "pascal",
    "ada",
    "node",
    "vue",
    "rails",
    "spark",
    "ruby",
    "rest",
    "puppet",
    "chef",
    "salt",
    "flask",
    "processing",
    "access",
    "word",
    "outlook",
    "teams",
    "ts",
    "js",
];

/// Whether `term` is an ambiguous short name (see [`AMBIGUOUS`]).
///
/// ```
/// assert!(atscore::lexicon::is_ambiguous("R"));
/// assert!(!atscore::lexicon::is_ambiguous("Kubernetes"));
/// ```
pub fn is_ambiguous(term: &str) -> bool {
    let n = normalize(term.trim());
    AMBIGUOUS.contains(&n.as_str())
}

/// Words next to an ambiguous name that make it a clear mention of the
/// technology ("Go programming", "R language", "written in C").
pub static MENTION_CUES_AFTER: &[&str] = &[
    "file",
    "files",
    "sheet",
    "sheets",
    "spreadsheet",
    "spreadsheets",
    "workbook",
    "workbooks",
    "macros",
    "formulas",
    "programming",
    "language",
    "languages",
    "lang",
    "developer",
    "developers",
    "development",
    "code",
    "coding",
    "engineer",
    "engineers",
    "services",
    "microservices",
    "scripts",
    "scripting",
    "framework",
    "backend",
    "modules",
    "library",
    "libraries",
    "packages",
    "routines",
    "sdk",
    "runtime",
    "compiler",
    "version",
    "programs",
    "applications",
    "app",
    "apps",
    "api",
    "apis",
    "server",
    "servers",
    "boot",
    "on",
    "studio",
    "shiny",
    // "Strong Excel skills", "R proficiency": what the name is to the writer
    "skills",
    "skill",
    "proficiency",
    "expertise",
];

/// Words before an ambiguous name that make it a clear mention ("in Go", "using R").
pub static MENTION_CUES_BEFORE: &[&str] = &[
    "in",
    "ms",
    "microsoft",
    "using",
    "with",
    "wrote",
    "written",
    "programmed",
    "coded",
    "learned",
    "learning",
    "proficient",
    "experienced",
    "expert",
    "skilled",
    "knowledge",
    "languages",
    "language",
    "including",
    "like",
    "and",
    "or",
];

/// Words of a skill level right before a name that make a lowercase
/// ambiguous name the product ("advanced excel", "basic excel"): the verb
/// "excel" takes no such word.
pub static LEVEL_WORDS: &[&str] = &["advanced", "basic", "intermediate", "beginner", "expert"];

/// Verbs that move data somewhere: "export the data to excel", "imported
/// the results into excel" name the place the data goes, a product.
pub static DATA_MOVE_VERBS: &[&str] = &[
    "export",
    "exported",
    "exporting",
    "exports",
    "import",
    "imported",
    "importing",
    "imports",
    "extract",
    "extracted",
    "extracting",
    "download",
    "downloaded",
    "downloading",
    "upload",
    "uploaded",
    "uploading",
    "convert",
    "converted",
    "converting",
    "transfer",
    "transferred",
    "transferring",
    "migrate",
    "migrated",
    "migrating",
    "load",
    "loaded",
    "loading",
    "dump",
    "dumped",
    "copy",
    "copied",
    "paste",
    "pasted",
    "save",
    "saved",
    "output",
];

/// Words after an ambiguous name that make it the verb ("excel in sales",
/// "excel at", "excel as a leader"): never the product.
pub static VERB_COMPLEMENTS: &[&str] = &["in", "at", "as", "beyond", "through", "within"];

/// The office suite's products and features, each clear next to another
/// ("4.word, excel", "excel, vlookup, pivot tables", "Word/Excel"): one of
/// them is a clear mention of the other when a comma, a slash or "and"
/// joins them.
pub static OFFICE_PRODUCTS: &[&str] = &[
    "excel",
    "word",
    "powerpoint",
    "ppt",
    "outlook",
    "access",
    "onenote",
    "visio",
    "publisher",
    "office",
    "ms-office",
    "msoffice",
    "vlookup",
    "hlookup",
    "xlookup",
    "sumif",
    "sumifs",
    "countif",
    "pivot",
    "vba",
    "macros",
];

/// Phrases an ambiguous name starts that are never the technology: the
/// name's norm and the words after it ("go live", "go-live",
/// "go-to-market", "go to market").
pub static NOT_MENTIONS: &[(&str, &[&str])] = &[("go", &["live"]), ("go", &["to", "market"])];

/// A vague phrase or weak verb, with what to write instead.
///
/// ```
/// let v = atscore::lexicon::VAGUE.iter().find(|v| v.phrase == "responsible for").unwrap();
/// assert!(v.suggestion.contains("Led"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vague {
    /// The phrase as it is usually written.
    pub phrase: &'static str,
    /// Whether it is a weak verb (a duty, not an achievement) rather than a filler word.
    pub weak_verb: bool,
    /// What to write instead.
    pub suggestion: &'static str,
}

const fn v(phrase: &'static str, weak_verb: bool, suggestion: &'static str) -> Vague {
    Vague {
        phrase,
        weak_verb,
        suggestion,
    }
}

/// Vague phrases and weak verbs that ATS-savvy reviewers ask to replace.
pub static VAGUE: &[Vague] = &[
    v(
        "responsible for",
        true,
        "Start with what you did and its result: \"Led\", \"Built\", \"Owned\", \"Cut ... by 30%\".",
    ),
    v(
        "worked on",
        true,
        "Say what you built or changed and how big it was: \"Built ...\", \"Migrated ...\".",
    ),
    v(
        "helped with",
        true,
        "Name your own part: \"Implemented ...\", \"Designed ...\", with a number.",
    ),
    v(
        "helped to",
        true,
        "Name your own part: \"Implemented ...\", \"Designed ...\", with a number.",
    ),
    v(
        "assisted with",
        true,
        "Name your own contribution and its result.",
    ),
    v(
        "assisted in",
        true,
        "Name your own contribution and its result.",
    ),
    v(
        "participated in",
        true,
        "Say what you contributed: \"Delivered ...\", \"Presented ...\".",
    ),
    v(
        "involved in",
        true,
        "Say what you did: \"Built ...\", \"Led ...\", \"Automated ...\".",
    ),
    v(
        "duties included",
        true,
        "List achievements, not duties: action verb + what + measurable result.",
    ),
    v(
        "tasked with",
        true,
        "Say what you achieved: action verb + result.",
    ),
    v(
        "in charge of",
        true,
        "Use an action verb: \"Led\", \"Managed\", \"Ran\", with the scale (team size, budget).",
    ),
    v(
        "was part of",
        true,
        "Say what you contributed to the team's result.",
    ),
    v(
        "various",
        false,
        "Name the things: which systems, how many, which technologies.",
    ),
    v(
        "etc",
        false,
        "Finish the list or drop it: an ATS cannot match \"etc.\".",
    ),
    v("and so on", false, "Finish the list or drop it."),
    v("a lot of", false, "Give the number."),
    v("many different", false, "Give the number or name them."),
    v(
        "successfully",
        false,
        "Drop it and show the success with a number.",
    ),
    v(
        "hard worker",
        false,
        "Show it: a result you delivered, with a number.",
    ),
    v(
        "hard-working",
        false,
        "Show it: a result you delivered, with a number.",
    ),
    v(
        "team player",
        false,
        "Show it: a project you delivered with others and your part in it.",
    ),
    v(
        "self-starter",
        false,
        "Show it: something you started on your own and what it achieved.",
    ),
    v(
        "self-motivated",
        false,
        "Show it: something you started on your own and what it achieved.",
    ),
    v(
        "detail-oriented",
        false,
        "Show it: an error rate you cut, a review process you ran.",
    ),
    v(
        "passionate",
        false,
        "Show it: a project, a contribution, a talk.",
    ),
    v("go-getter", false, "Show it: a goal you reached and how."),
    v(
        "results-driven",
        false,
        "Show the results themselves, with numbers.",
    ),
    v(
        "results-oriented",
        false,
        "Show the results themselves, with numbers.",
    ),
    v(
        "think outside the box",
        false,
        "Describe the unusual solution and what it changed.",
    ),
    v(
        "synergy",
        false,
        "Say who worked together and what it produced.",
    ),
    v("dynamic", false, "Describe what you did instead."),
    v("best of breed", false, "Describe what you did instead."),
    v(
        "go-to person",
        false,
        "Say what people came to you for and how often.",
    ),
    v(
        "proven track record",
        false,
        "Show the record: two or three results with numbers.",
    ),
    v(
        "excellent communication skills",
        false,
        "Show it: a talk, documentation, a stakeholder result.",
    ),
];

/// The section a heading introduces.
///
/// ```
/// use atscore::lexicon::{section_of_heading, Section};
/// assert_eq!(section_of_heading("PROFESSIONAL EXPERIENCE"), Some(Section::Experience));
/// assert_eq!(section_of_heading("Technical Skills:"), Some(Section::Skills));
/// assert_eq!(section_of_heading("Experience with Python"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Anything before the first heading: name, title, contact details.
    Header,
    /// Summary, profile, objective.
    Summary,
    /// Work experience, employment history.
    Experience,
    /// Skills, technologies, competencies.
    Skills,
    /// Education.
    Education,
    /// Projects.
    Projects,
    /// Certifications and licenses.
    Certifications,
    /// Awards and achievements.
    Awards,
    /// Publications.
    Publications,
    /// Languages spoken.
    Languages,
    /// Volunteering.
    Volunteering,
    /// Interests and hobbies.
    Interests,
    /// Personal details, contact.
    Personal,
    /// References.
    References,
    /// A heading we do not recognize.
    Other,
}

impl Section {
    /// Whether keywords in this section's sentences count as "in context".
    ///
    /// ```
    /// assert!(atscore::lexicon::Section::Experience.is_context());
    /// assert!(!atscore::lexicon::Section::Skills.is_context());
    /// ```
    pub fn is_context(self) -> bool {
        matches!(
            self,
            Section::Experience | Section::Projects | Section::Summary | Section::Volunteering
        )
    }

    /// Human-readable name.
    ///
    /// ```
    /// assert_eq!(atscore::lexicon::Section::Experience.label(), "experience");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            Section::Header => "header",
            Section::Summary => "summary",
            Section::Experience => "experience",
            Section::Skills => "skills",
            Section::Education => "education",
            Section::Projects => "projects",
            Section::Certifications => "certifications",
            Section::Awards => "awards",
            Section::Publications => "publications",
            Section::Languages => "languages",
            Section::Volunteering => "volunteering",
            Section::Interests => "interests",
            Section::Personal => "personal",
            Section::References => "references",
            Section::Other => "other",
        }
    }
}

/// Words that name a section (a heading must contain one).
static SECTION_WORDS: &[(&str, Section)] = &[
    ("summary", Section::Summary),
    ("profile", Section::Summary),
    ("objective", Section::Summary),
    ("objectives", Section::Summary),
    ("about", Section::Summary),
    ("overview", Section::Summary),
    ("experience", Section::Experience),
    ("experiences", Section::Experience),
    ("employment", Section::Experience),
    ("history", Section::Experience),
    ("career", Section::Experience),
    ("internships", Section::Experience),
    ("internship", Section::Experience),
    ("skills", Section::Skills),
    ("skill", Section::Skills),
    ("competencies", Section::Skills),
    ("competences", Section::Skills),
    ("technologies", Section::Skills),
    ("expertise", Section::Skills),
    ("tools", Section::Skills),
    ("toolbox", Section::Skills),
    ("stack", Section::Skills),
    ("strengths", Section::Skills),
    ("education", Section::Education),
    ("academic", Section::Education),
    ("academics", Section::Education),
    ("qualifications", Section::Education),
    ("qualification", Section::Education),
    ("projects", Section::Projects),
    ("project", Section::Projects),
    ("portfolio", Section::Projects),
    ("certifications", Section::Certifications),
    ("certification", Section::Certifications),
    ("certificates", Section::Certifications),
    ("licenses", Section::Certifications),
    ("courses", Section::Certifications),
    ("training", Section::Certifications),
    ("awards", Section::Awards),
    ("honors", Section::Awards),
    ("honours", Section::Awards),
    ("achievements", Section::Awards),
    ("accomplishments", Section::Awards),
    ("publications", Section::Publications),
    ("papers", Section::Publications),
    ("languages", Section::Languages),
    ("volunteer", Section::Volunteering),
    ("volunteering", Section::Volunteering),
    ("interests", Section::Interests),
    ("hobbies", Section::Interests),
    ("activities", Section::Interests),
    ("personal", Section::Personal),
    ("contact", Section::Personal),
    ("details", Section::Personal),
    ("references", Section::References),
];

/// Words that may accompany a section word in a heading ("Professional Experience").
static HEADING_FILLERS: &[&str] = &[
    "professional",
    "work",
    "key",
    "core",
    "technical",
    "tech",
    "it",
    "relevant",
    "selected",
    "other",
    "additional",
    "and",
    "&",
    "of",
    "my",
    "me",
    "personal",
    "academic",
    "career",
    "information",
    "info",
    "summary",
    "highlights",
    "areas",
    "area",
    "soft",
    "hard",
    "computer",
    "software",
    "programming",
    "language",
    "languages",
    "certifications",
    "licenses",
    "projects",
    "awards",
    "skills",
    "education",
    "experience",
    "history",
    "employment",
    "professional",
    "extra",
    "curricular",
    "extracurricular",
    "leadership",
    "community",
    "research",
    "teaching",
    "volunteer",
    "honors",
    "achievements",
    "tools",
    "technologies",
    "qualifications",
    "training",
    "courses",
    "coursework",
    "details",
    "profile",
    "objective",
    "interests",
    "contact",
];

/// The section a heading line names, if it is a section heading: every word
/// of it is a heading word, at least one names a section, at most six words.
/// The first section word decides ("Skills and Experience" → skills).
pub fn section_of_heading(line: &str) -> Option<Section> {
    if !first_word_may_be_heading(line) {
        return None;
    }
    section_of_heading_words(line)
}

/// [`section_of_heading`] without the first-word test (its reference).
fn section_of_heading_words(line: &str) -> Option<Section> {
    let table = heading_words();
    let mut section = None;
    let mut count = 0;
    let mut buf = [0u8; HEADING_WORD_MAX];
    // the next word of the line's normalized form: `Some` with the answer
    // when it ends the search
    let mut word = |w: &str| -> Option<Option<Section>> {
        count += 1;
        if count > 6 || w.len() > HEADING_WORD_MAX {
            return Some(None);
        }
        let lower = &mut buf[..w.len()];
        lower.copy_from_slice(w.as_bytes());
        lower.make_ascii_lowercase();
        match table.get(&*lower) {
            Some(&Some(s)) => {
                section.get_or_insert(s);
                None
            }
            Some(None) => None,
            None => Some(None),
        }
    };
    let in_word = |c: char| c.is_alphanumeric() || c == '&';
    if line.is_ascii() {
        // an ASCII line's normalized form is its lowercase, done word by word
        for w in line.split(|c: char| !in_word(c)).filter(|w| !w.is_empty()) {
            if let Some(answer) = word(w) {
                return answer;
            }
        }
    } else {
        // normalizing folds one char at a time: the words of the normalized
        // line, made as its chars are read (most lines, a bullet's among
        // them, are ruled out at their first word; the rest is not folded)
        let (mut folded, mut w) = (String::new(), String::new());
        for c in line.chars() {
            folded.clear();
            super::fold_char(c, &mut folded);
            for f in folded.chars() {
                if in_word(f) {
                    w.push(f);
                    if w.len() > HEADING_WORD_MAX {
                        // (too long for a heading word: the search ends at it)
                        return None;
                    }
                } else if !w.is_empty() {
                    if let Some(answer) = word(&w) {
                        return answer;
                    }
                    w.clear();
                }
            }
        }
        if !w.is_empty()
            && let Some(answer) = word(&w)
        {
            return answer;
        }
    }
    section
}

/// False when the first word of `line` is sure to be no heading word, by its
/// first letter and length alone (most lines): the word is ASCII and ends at
/// an ASCII byte or the end, so normalizing the line leaves it as it is,
/// lowercase aside. True when it may be one, or when that is not so clear.
fn first_word_may_be_heading(line: &str) -> bool {
    let b = line.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'&';
    let Some(start) = b.iter().position(|&c| !c.is_ascii() || word(c)) else {
        // no word at all: no section either
        return false;
    };
    if !b[start].is_ascii() {
        return true;
    }
    let len = b[start..].iter().take_while(|&&c| word(c)).count();
    if b.get(start + len).is_some_and(|c| !c.is_ascii()) {
        return true;
    }
    len <= HEADING_WORD_MAX
        && heading_starts()[usize::from(b[start].to_ascii_lowercase())] >> len & 1 != 0
}

/// For each ASCII byte, bit `n` set when a heading word of `n` bytes starts
/// with it.
fn heading_starts() -> &'static [u32; 128] {
    static STARTS: std::sync::OnceLock<[u32; 128]> = std::sync::OnceLock::new();
    STARTS.get_or_init(|| {
        let mut starts = [0u32; 128];
        for w in heading_words().keys() {
            starts[usize::from(w[0])] |= 1 << w.len();
        }
        starts
    })
}

/// Longest heading word, in bytes.
const HEADING_WORD_MAX: usize = 16;

/// Heading words: a section word names its section (the first entry wins),
/// a filler names none.
fn heading_words() -> &'static rustc_hash::FxHashMap<&'static [u8], Option<Section>> {
    static WORDS: std::sync::OnceLock<rustc_hash::FxHashMap<&'static [u8], Option<Section>>> =
        std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for &(w, s) in SECTION_WORDS {
            m.entry(w.as_bytes()).or_insert(Some(s));
        }
        for &w in HEADING_FILLERS {
            m.entry(w.as_bytes()).or_insert(None);
        }
        m
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_word_test_keeps_the_sections() {
        let mut words: Vec<&str> = SECTION_WORDS.iter().map(|(w, _)| *w).collect();
        words.extend(HEADING_FILLERS);
        words.extend([
            "",
            "x",
            "experiences",
            "skill",
            "Über",
            "résumé",
            "ｓｋｉｌｌｓ",
            "12",
        ]);
        let fixes = [
            "", " ", "  ", "-", ":", "&", "é", "\u{301}", "\u{200b}", "• ", "\u{a0}", "1", " and ",
            "s",
        ];
        for w in &words {
            for cased in [w.to_string(), w.to_uppercase(), w.to_ascii_uppercase()] {
                for pre in fixes {
                    for post in fixes {
                        for rest in ["", " skills", " experience", " of the team"] {
                            let line = format!("{pre}{cased}{post}{rest}");
                            assert_eq!(
                                section_of_heading(&line),
                                section_of_heading_words(&line),
                                "{line:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    /// [`section_of_heading_words`] as it was: the whole line normalized,
    /// then split into words.
    fn section_of_normalized_line(line: &str) -> Option<Section> {
        let norm = normalize(line);
        let mut section = None;
        for (n, w) in norm
            .split(|c: char| !(c.is_alphanumeric() || c == '&'))
            .filter(|w| !w.is_empty())
            .enumerate()
        {
            if n >= 6 || w.len() > HEADING_WORD_MAX {
                return None;
            }
            match heading_words().get(w.as_bytes()) {
                Some(&Some(s)) => {
                    section.get_or_insert(s);
                }
                Some(None) => {}
                None => return None,
            }
        }
        section
    }

    #[test]
    fn headings_read_word_by_word_as_the_normalized_line() {
        let words = [
            "Skills",
            "SKILLS",
            "skills",
            "Technical",
            "Experience",
            "Work",
            "Education",
            "and",
            "&",
            "Über",
            "résumé",
            "Résumé",
            "ｓｋｉｌｌｓ",
            "ﬁle",
            "Proﬁle",
            "Certiﬁcations",
            "straße",
            "İ",
            "Éducation",
            "12",
            "•",
            "—",
            "\u{301}",
            "\u{200b}",
            "\u{a0}",
            "aaaaaaaaaaaaaaaaé",
        ];
        let seps = ["", " ", ": ", " - ", "•", "é"];
        for a in words {
            for b in words {
                for sep in seps {
                    for rest in ["", " Skills", " and Education", " of the team é"] {
                        let line = format!("{a}{sep}{b}{rest}");
                        assert_eq!(
                            section_of_heading_words(&line),
                            section_of_normalized_line(&line),
                            "{line:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn heading_words_fit_the_buffer() {
        for w in SECTION_WORDS
            .iter()
            .map(|(w, _)| *w)
            .chain(HEADING_FILLERS.iter().copied())
        {
            assert!(w.len() <= HEADING_WORD_MAX, "{w}");
            assert_eq!(normalize(w), w, "{w}");
        }
    }

    #[test]
    fn lexicon_entries_are_unique() {
        let mut seen = std::collections::HashMap::new();
        for sk in SKILLS {
            for form in std::iter::once(sk.name)
                .chain(sk.acronym)
                .chain(sk.aliases.iter().copied())
                .chain(sk.related.iter().copied())
            {
                let n = normalize(form);
                if let Some(prev) = seen.insert(n.clone(), sk.name) {
                    panic!("{form:?} of {} is also in {prev}", sk.name);
                }
            }
        }
        // evidence is one way (a narrower name that shows the skill): it may
        // be another skill's name, but not twice the same
        let mut evidence = std::collections::HashMap::new();
        for sk in SKILLS {
            for form in sk.evidence {
                if let Some(prev) = evidence.insert(normalize(form), sk.name) {
                    panic!("evidence {form:?} of {} is also in {prev}", sk.name);
                }
            }
        }
    }

    #[test]
    fn headings() {
        let cases = [
            ("Work Experience", Some(Section::Experience)),
            ("EDUCATION", Some(Section::Education)),
            ("Skills & Tools", Some(Section::Skills)),
            ("Projects:", Some(Section::Projects)),
            ("Professional Summary", Some(Section::Summary)),
            ("Certifications and Licenses", Some(Section::Certifications)),
            ("IT Skills", Some(Section::Skills)),
            ("Experience building APIs", None),
            ("Bruce Wayne", None),
            ("", None),
        ];
        for (line, want) in cases {
            assert_eq!(section_of_heading(line), want, "{line:?}");
        }
    }
}
