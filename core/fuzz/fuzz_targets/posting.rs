//! Job-posting reading on arbitrary text: `posting::read` gives a posting or
//! a typed error; its mentions slice the text it read (HTML is read as its
//! text) to their words, in order, each starting on its line; groups name
//! mentions; `Posting::role` gives a role or a typed error, and a role it
//! gives validates, round-trips through its own JSON and TOML, renders as a
//! checklist and compiles into a matcher that analyzes the posting itself
//! (recruiter checks included).
#![no_main]

use atscore::posting::{self, MAX_POSTING_BYTES};
use atscore::{Error, Matcher, Role};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let p = match posting::read(&text) {
        Ok(p) => p,
        Err(Error::InvalidRole { .. }) => return,
        Err(Error::InputTooLarge { len, limit }) => {
            assert!(len > limit && limit == MAX_POSTING_BYTES);
            return;
        }
        Err(e) => panic!("unexpected error {e:?}"),
    };
    let t = p.text();
    let mut prev = 0;
    for m in &p.mentions {
        assert_eq!(t.get(m.span.range()), Some(m.text.as_str()), "{m:?}");
        assert!(m.span.start >= prev, "mentions out of order: {m:?}");
        prev = m.span.start;
        let line = &p.lines[m.line];
        assert!(line.start <= m.span.start && m.span.start <= line.end, "{m:?}");
    }
    for g in &p.groups {
        assert!(g.members.len() >= 2 && g.members.iter().all(|&i| i < p.mentions.len()));
    }
    match p.role() {
        Ok(role) => {
            assert!(!p.mentions.is_empty());
            let json = role.to_json();
            let again = Role::from_json(&json).unwrap_or_else(|e| panic!("own JSON fails: {e}\n{json}"));
            assert_eq!(again, role, "JSON round trip");
            let toml = role.to_toml();
            assert_eq!(Role::from_toml(&toml).unwrap(), role, "TOML round trip");
            assert!(!posting::render_checklist(&role).is_empty());
            let m = Matcher::new(role).expect("an extracted role compiles");
            let r = m.analyze(t).unwrap();
            assert!(r.score <= 100);
            assert!(r.recruiter.iter().all(|c| c.points <= 0.0));
            for k in &r.keywords {
                for h in &k.hits {
                    assert_eq!(t.get(h.span.range()), Some(h.text.as_str()));
                }
            }
        }
        Err(Error::InvalidRole { .. }) => {}
        Err(e) => panic!("unexpected error {e:?}"),
    }
});
