//! Soft skills as a recruiter lists them, from the ways postings ask for
//! them: "work under tight deadlines" asks for time management, "a team
//! player" for teamwork, "handle multiple tasks" for multitasking. Each
//! becomes a soft-skill keyword named as a resume would write it, with the
//! posting's words as evidence.

/// One soft skill: its name, other names a resume may use, and the phrases
/// of a posting that ask for it (matched lowercase, from a word start).
pub(crate) struct SoftSkill {
    pub term: &'static str,
    pub aliases: &'static [&'static str],
    pub cues: &'static [&'static str],
}

use std::sync::OnceLock;

use super::phrases::Phrases;

const fn s(
    term: &'static str,
    aliases: &'static [&'static str],
    cues: &'static [&'static str],
) -> SoftSkill {
    SoftSkill {
        term,
        aliases,
        cues,
    }
}

#[rustfmt::skip]
pub(crate) const SOFT: &[SoftSkill] = &[
    s("communication", &["communication skills", "communicator", "written communication", "verbal communication"], &["communication skills", "communicate effectively", "communicator", "written and verbal", "verbal and written", "written and oral", "oral and written", "communicating", "verbal skills", "writing skills", "written skills", "communicate clearly", "communicate complex", "strong written", "excellent written"]),
    s("teamwork", &["team player", "team work", "working in a team"], &["team player", "teamwork", "team work", "work in a team", "working in a team", "team environment", "team-oriented", "team oriented", "team effort", "work well on a team", "work well in a team", "as part of a team", "team spirit"]),
    s("collaboration", &["collaborative", "cooperation"], &["collaborat", "cooperat", "liaise", "liaising"]),
    s("cross-functional collaboration", &["cross-functional teams"], &["cross-functional", "cross functional", "cross-organizational", "cross-organisational"]),
    s("leadership", &["team leadership"], &["leadership", "lead a team", "leading teams", "lead teams", "leading others", "lead others", "lead by example", "lead and motivate", "leading and motivating"]),
    s("problem solving", &["problem-solving"], &["problem solving", "problem-solving", "solve problems", "problem-solver", "problem solver", "solving problems", "identifying problems", "resolve problems", "resolving problems", "solution-oriented", "solutions-oriented", "solution oriented", "resourceful"]),
    s("analytical skills", &["analytical thinking"], &["analytical"]),
    s("critical thinking", &[], &["critical thinking", "critically", "critical thinker"]),
    s("attention to detail", &["detail-oriented"], &["attention to detail", "detail-oriented", "detail oriented", "eye for detail", "meticulous", "accuracy", "flawless"]),
    s("time management", &["meeting deadlines"], &["time management", "manage time", "manage your time", "meet deadlines", "meeting deadlines", "short deadlines", "tight deadlines", "on deadlines"]),
    s("multitasking", &["multi-tasking"], &["multi-task", "multitask", "multiple tasks", "multiple priorities", "multiple projects"]),
    s("prioritization", &["prioritisation"], &["prioritiz", "prioritis"]),
    s("organization", &["organisation", "organizational skills", "organisational skills"], &["organizational skills", "organisational skills", "organizational and", "organisational and", "well organized", "well organised", "well-organized", "well-organised", "organised in", "organized in", "be structured", "are structured", "structured and", "structured approach", "structured thinker", "highly organized", "highly organised", "strong organizational", "strong organisational", "excellent organizational", "excellent organisational"]),
    s("independent work", &["working independently", "work independently"], &["work independently", "working independently", "work autonomously", "working autonomously", "without supervision", "minimal supervision", "minimum supervision", "little supervision", "limited supervision", "self-directed", "independently and", "independently with"]),
    s("interpersonal skills", &["people skills"], &["interpersonal", "people skills", "build relationships", "building relationships", "relationship-building", "relationship building", "build rapport", "building rapport"]),
    s("presentation skills", &["public speaking", "presentations"], &["presentation skills", "public speaking", "oral presentation", "presenting to"]),
    s("negotiation", &[], &["negotiat"]),
    s("stakeholder management", &[], &["stakeholder management", "managing stakeholders", "manage stakeholders", "with stakeholders", "key stakeholders", "senior leaders", "senior stakeholders"]),
    s("customer focus", &["customer orientation"], &["customer focus", "customer-focused", "customer focused", "customer centric", "customer-centric", "customer orientation", "customer-oriented", "customer oriented", "client-focused", "client focused", "client-centric", "client centric", "customer-first", "service-oriented", "service oriented"]),
    s("adaptability", &["flexibility"], &["adaptab", "adapt to change", "adapt quickly"]),
    s("creativity", &["creative thinking"], &["creativ"]),
    s("initiative", &["proactivity"], &["show initiative", "take initiative", "apply initiative", "own initiative", "initiative and", "proactive", "proactivity"]),
    s("fast learner", &["quick learner"], &["quick learner", "fast learner", "learn quickly", "eager to learn", "willingness to learn", "learn new", "quickly learn", "curiosity", "intellectually curious"]),
    s("mentoring", &["coaching"], &["mentor", "coach "]),
    s("decision making", &["decision-making"], &["decision making", "decision-making", "make decisions", "sound judgment", "sound judgement", "good judgment", "good judgement"]),
    s("business acumen", &["commercial awareness"], &["business acumen", "commercial awareness", "business-oriented", "commercial understanding", "commercial mindset"]),
    s("strategic thinking", &[], &["strategic thinking", "strategic thinker", "think strategically", "strategic mindset"]),
    s("results orientation", &["result-oriented", "results-oriented"], &["result-oriented", "results-oriented", "results oriented", "result oriented", "deliver results"]),
    s("working under pressure", &[], &["under pressure"]),
    s("intercultural skills", &["cross-cultural communication"], &["intercultural", "cross-cultural", "multicultural"]),
    s("listening", &["active listening"], &["active listening", "listening skills", "who listen", "listen to"]),
    s("integrity", &[], &["integrity"]),
    s("self-motivation", &["self-motivated"], &["self-motivat"]),
    s("empathy", &["empathetic"], &["empath", "compassion"]),
    s("conflict resolution", &[], &["conflict resolution", "resolve conflicts", "resolving conflicts"]),
    s("influencing", &["influence"], &["ability to influence", "influencing", "influence stakeholders", "influence cross-functional"]),
    s("team development", &["team building"], &["develop your team", "developing your team", "developing the team", "building teams", "team building", "build teams", "build a team"]),
    s("networking", &["network skills"], &["network skills", "networking skills"]),
    s("reliability", &["dependability"], &["dependable", "dependability", "punctual"]),
    s("professionalism", &[], &["professionalism", "professional demeanor", "professional demeanour", "professional manner"]),
    s("accountability", &[], &["sense of accountability", "accountable for your", "take ownership", "takes ownership", "taking ownership", "sense of ownership"]),
    s("confidentiality", &["discretion"], &["confidentiality", "discretion", "confidential information", "sensitive information"]),
    s("meeting facilitation", &["facilitation"], &["lead meetings", "facilitate meetings", "facilitating meetings", "run meetings"]),
];

/// The soft skills a lowercase (ASCII-folded) line asks for: (skill, byte
/// range of the cue in the line, extended to its word's end).
pub(crate) fn find(lower: &str) -> Vec<(&'static SoftSkill, usize, usize)> {
    // every cue of every skill, searched in one pass
    static CUES: OnceLock<(Phrases, Vec<usize>)> = OnceLock::new();
    let (cues, skill_of) = CUES.get_or_init(|| {
        let all: Vec<(usize, &str)> = SOFT
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.cues.iter().map(move |c| (i, *c)))
            .collect();
        (
            Phrases::new(all.iter().map(|&(_, c)| c)),
            all.iter().map(|&(i, _)| i).collect(),
        )
    });
    let mut out = Vec::new();
    for (p, i, end) in cues.find_at_word_starts(lower) {
        if of_a_thing(lower, i, end) {
            continue;
        }
        let mut end = end;
        while let Some(c) = lower[end..].chars().next() {
            if c.is_alphanumeric() || c == '-' {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        out.push((&SOFT[skill_of[p]], i, end));
    }
    // one skill per place: the same cue text is not two mentions
    out.sort_by_key(|&(s, a, b)| (a, std::cmp::Reverse(b), s.term));
    out.dedup_by(|x, y| x.1 == y.1 && x.2 == y.2 && x.0.term == y.0.term);
    out.sort_by_key(|&(_, a, b)| (a, std::cmp::Reverse(b)));
    // "deadlines" inside "tight deadlines" is the same cue
    let mut kept: Vec<(&'static SoftSkill, usize, usize)> = Vec::with_capacity(out.len());
    for m in out {
        if kept.last().is_some_and(|k| m.1 < k.2 && m.2 <= k.2) {
            continue;
        }
        kept.push(m);
    }
    kept
}

/// Whether the cue at `i..end` is a property of a thing a person works on,
/// not of the person: "data integrity", "order accuracy" are what a job
/// measures, not integrity or attention to detail.
fn of_a_thing(lower: &str, i: usize, end: usize) -> bool {
    const PROPERTIES: &[&str] = &["integrity", "accuracy"];
    const THINGS: &[&str] = &[
        "billing",
        "code",
        "data",
        "database",
        "document",
        "financial",
        "forecast",
        "information",
        "inventory",
        "order",
        "payroll",
        "product",
        "record",
        "records",
        "signal",
        "structural",
        "system",
        "transaction",
    ];
    PROPERTIES.contains(&&lower[i..end])
        && lower[..i]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| THINGS.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_name_soft_skills() {
        let names =
            |s: &str| -> Vec<&str> { find(s).into_iter().map(|(k, _, _)| k.term).collect() };
        assert_eq!(
            names("ability to handle multiple tasks under tight deadlines"),
            ["multitasking", "time management"]
        );
        assert_eq!(names("you are a dedicated team player"), ["teamwork"]);
        // a property of what the work is on, not of the person
        assert!(names("maintain hris data integrity").is_empty());
        assert!(names("monitor kpis such as order accuracy").is_empty());
        assert_eq!(names("honesty and integrity"), ["integrity"]);
        assert!(names("system initiatives and strategic plans").is_empty());
        let f = find("strong analytical mind-set");
        assert_eq!(&"strong analytical mind-set"[f[0].1..f[0].2], "analytical");
        // care, office and service work
        assert_eq!(
            names("handles confidential information with discretion"),
            ["confidentiality", "confidentiality"]
        );
        assert_eq!(
            names("a dependable, punctual colleague"),
            ["reliability", "reliability"]
        );
        assert_eq!(names("you take ownership of your work"), ["accountability"]);
        assert_eq!(names("patient care delivered with compassion"), ["empathy"]);
        // a system's qualities and a company's culture are no one's skill
        assert!(names("build reliable and resilient services").is_empty());
        assert!(names("a culture of accountability").is_empty());
    }
}
