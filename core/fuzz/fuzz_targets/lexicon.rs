//! The lexicon file reader on arbitrary text: `posting::parse_lexicon`
//! never panics, and every entry it reads has a name without the `~`
//! ambiguity mark, and ambiguous forms that are among its forms.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for e in atscore::posting::parse_lexicon(&text) {
        assert!(!e.name.is_empty() && !e.name.starts_with('~'), "{e:?}");
        let forms: Vec<&str> = std::iter::once(e.name).chain(e.acronym).chain(e.aliases.iter().copied()).collect();
        assert!(e.ambiguous.iter().all(|a| forms.contains(a)), "{e:?}");
    }
});
