//! The resume's sections and contact details, as the structure score item
//! reads them.

use crate::document::{Document, LineKind};
use crate::report::SectionInfo;
use crate::text::lexicon::{self, Section};

/// The sections the resume names with a heading an ATS recognizes.
pub(super) fn found(doc: &Document<'_>) -> Vec<SectionInfo> {
    doc.lines
        .iter()
        .enumerate()
        .filter(|(i, l)| {
            l.kind == LineKind::Heading
                && l.section != Section::Header
                && (*i == 0
                    || doc.lines[i - 1].section != l.section
                    || doc.lines[i - 1].kind == LineKind::Heading)
                && lexicon::section_of_heading(doc.line_text(l)).is_some()
        })
        .map(|(_, l)| SectionInfo {
            section: l.section,
            heading: doc.line_text(l).trim().to_string(),
            line: l.number,
        })
        .collect()
}

/// One part of the structure item.
#[derive(Debug, Clone, Copy)]
pub(super) struct Part {
    /// Whether the resume has it.
    pub(super) present: bool,
    /// Its share of five.
    pub(super) share: f64,
    /// What it is, as the item's detail names it.
    pub(super) what: &'static str,
    /// What to do when it is missing.
    pub(super) fix: &'static str,
}

/// The structure item's parts: an experience section (2 of 5), skills,
/// education, and an email or phone number (1 each).
pub(super) fn parts(sections: &[SectionInfo], doc: &Document<'_>) -> [Part; 4] {
    let has = |s: Section| sections.iter().any(|x| x.section == s);
    let part = |present, share, what, fix| Part {
        present,
        share,
        what,
        fix,
    };
    [
        part(
            has(Section::Experience),
            2.0,
            "an experience section",
            "Add an \"Experience\" heading; ATS parsers look for standard section names.",
        ),
        part(
            has(Section::Skills),
            1.0,
            "a skills section",
            "Add a \"Skills\" heading listing the role's keywords.",
        ),
        part(
            has(Section::Education),
            1.0,
            "an education section",
            "Add an \"Education\" heading.",
        ),
        part(
            doc.contact.email.is_some() || doc.contact.phone.is_some(),
            1.0,
            "an email or phone number",
            "Add an email address and a phone number at the top, in the body text (not a header or an image).",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognized_headings_make_the_parts() {
        let doc = Document::parse(
            "Jane\njane@example.com\n\nEXPERIENCE\n- Built things for years\n\nMy Journey\nchess\n",
        );
        let s = found(&doc);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!((s[0].section, s[0].line), (Section::Experience, 4));
        let p = parts(&s, &doc);
        assert_eq!(p.map(|p| p.present), [true, false, false, true]);
    }
}
