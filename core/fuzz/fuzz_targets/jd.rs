//! Job-description extraction on arbitrary text: `jd::extract` gives
//! mentions whose spans slice the posting to their text, in order, each
//! starting on its line; `Role::from_job_description` gives a role or a typed error, and
//! a role it gives validates, round-trips through its own JSON and compiles
//! into a matcher that analyzes the posting itself.
#![no_main]

use atscore::jd::{self, MAX_JD_BYTES};
use atscore::text::tokenize;
use atscore::{Error, Matcher, Role};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    let starts = tokenize(text).line_starts;
    let mentions = jd::extract(text);
    let mut prev = 0;
    for m in &mentions {
        assert_eq!(text.get(m.span.range()), Some(m.text.as_str()), "{m:?}");
        assert!(m.span.start >= prev, "mentions out of order: {m:?}");
        prev = m.span.start;
        // starting on its line (a skill may wrap onto the next one)
        assert!(starts.get(m.line).is_some_and(|&s| s <= m.span.start), "{m:?}");
        assert!(starts.get(m.line + 1).is_none_or(|&s| m.span.start < s), "{m:?}");
    }
    match Role::from_job_description(text) {
        Ok(role) => {
            assert!(!mentions.is_empty());
            let json = role.to_json();
            let again = Role::from_json(&json).unwrap_or_else(|e| panic!("own JSON fails: {e}\n{json}"));
            assert_eq!(again, role, "JSON round trip");
            let m = Matcher::new(role).expect("an extracted role compiles");
            let r = m.analyze(text).unwrap();
            assert!(r.score <= 100);
            for k in &r.keywords {
                for h in &k.hits {
                    assert_eq!(text.get(h.span.range()), Some(h.text.as_str()));
                }
            }
        }
        Err(Error::InvalidRole { .. }) => {}
        Err(Error::InputTooLarge { len, limit }) => assert!(len > limit && limit == MAX_JD_BYTES),
        Err(e) => panic!("unexpected error {e:?}"),
    }
});
