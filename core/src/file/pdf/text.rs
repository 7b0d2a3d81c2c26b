//! Headers, footers and the text: lines repeated on every page set apart,
//! and the pages written out as the extracted text.

use super::ink::Mark;
use super::layout::{Line, Page, block_breaks, layout};
use super::{EDGE_BAND, FileKind, FileOptions, Origin, TextBuilder};
use crate::error::Result;
use crate::hash::Map;

/// Where a line of a page goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// First in the page's text, as a header region.
    Header,
    /// In reading order.
    Body,
    /// Last in the page's text, as a footer region.
    Footer,
}

/// The text of a line for telling repeated headers and footers: lower
/// case, letters and signs only; `#` for a line of digits only (a page
/// number).
fn repeat_key(text: &str) -> String {
    let key: String = text
        .chars()
        .filter(|c| !c.is_numeric() && !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if key.chars().all(|c| !c.is_alphanumeric()) && text.chars().any(char::is_numeric) {
        "#".to_string()
    } else {
        key
    }
}

/// Where each line of each page goes: marked artifacts, and lines near the
/// top or bottom edge that come back on most pages.
fn places(pages: &[Page]) -> Vec<Vec<Place>> {
    let edge = |page: &Page, line: &Line| -> Option<Place> {
        let [_, y0, _, y1] = page.ink.bbox;
        let band = EDGE_BAND * (y1 - y0);
        if line.y > y1 - band {
            Some(Place::Header)
        } else if line.y < y0 + band {
            Some(Place::Footer)
        } else {
            None
        }
    };
    let mut counts: Map<(String, bool), (usize, usize)> = Map::default();
    if pages.len() >= 2 {
        for (p, page) in pages.iter().enumerate() {
            for line in &page.lines {
                if let Some(place) = edge(page, line) {
                    let key = (repeat_key(&line.text(&page.ink)), place == Place::Header);
                    let entry = counts.entry(key).or_insert((0, usize::MAX));
                    if entry.1 != p {
                        *entry = (entry.0 + 1, p);
                    }
                }
            }
        }
    }
    let most = |n: usize| n >= 2 && 2 * n > pages.len();
    pages
        .iter()
        .map(|page| {
            let [_, y0, _, y1] = page.ink.bbox;
            page.lines
                .iter()
                .map(|line| match line.mark {
                    Mark::Header => Place::Header,
                    Mark::Footer => Place::Footer,
                    Mark::Pagination if line.y > (y0 + y1) / 2.0 => Place::Header,
                    Mark::Pagination => Place::Footer,
                    Mark::Body => match edge(page, line) {
                        Some(place)
                            if pages.len() >= 2
                                && counts
                                    .get(&(
                                        repeat_key(&line.text(&page.ink)),
                                        place == Place::Header,
                                    ))
                                    .is_some_and(|c| most(c.0)) =>
                        {
                            place
                        }
                        _ => Place::Body,
                    },
                })
                .collect()
        })
        .collect()
}

/// A [`TextBuilder`] whose blank lines wait for the next line: a page's
/// text never ends in a blank line (which [`TextBuilder::finish`] would
/// trim from under the page's span).
struct Writer {
    /// The text.
    pub(super) out: TextBuilder,
    /// A blank line is due before the next line.
    blank: bool,
}

impl Writer {
    /// End a block: a blank line before the next line.
    fn blank(&mut self) {
        self.blank = true;
    }

    /// Write a line (nothing when it has no text).
    fn line(&mut self, text: &str, origin: Origin, options: &FileOptions) -> Result<()> {
        if text.chars().all(|c| c.is_whitespace() || c.is_control()) {
            return Ok(());
        }
        if std::mem::take(&mut self.blank) {
            self.out.blank();
        }
        self.out.line(text, origin, options)
    }
}

/// Write the pages' text: per page, its header lines, its body in reading
/// order, its rotated text, its footer lines.
pub(super) fn write_text(pages: Vec<Page>, options: &FileOptions) -> Result<TextBuilder> {
    let mut w = Writer {
        out: TextBuilder::new(FileKind::Pdf, options.max_unpacked_bytes),
        blank: false,
    };
    let places = places(&pages);
    for (n, (page, places)) in pages.into_iter().zip(places).enumerate() {
        w.out
            .begin_page(u32::try_from(n).unwrap_or(u32::MAX).saturating_add(1));
        w.blank = false;
        let Page { ink, lines } = page;
        let mut headers = Vec::new();
        let mut footers = Vec::new();
        let mut body = Vec::new();
        for (line, place) in lines.into_iter().zip(places) {
            match place {
                Place::Header => headers.push(line),
                Place::Footer => footers.push(line),
                Place::Body => body.push(line),
            }
        }
        for line in &headers {
            w.line(&line.text(&ink), Origin::Header, options)?;
        }
        w.blank();
        let mut flows = Vec::new();
        let columns = layout(body, &ink, 0, &mut flows);
        for flow in &flows {
            for (line, new_block) in flow.iter().zip(block_breaks(flow)) {
                if new_block {
                    w.blank();
                }
                w.line(&line.text(&ink), Origin::Body, options)?;
            }
            w.blank();
        }
        for rot in &ink.rotated {
            let origin = match rot.mark {
                Mark::Header => Origin::Header,
                Mark::Footer => Origin::Footer,
                _ => Origin::Body,
            };
            w.line(&rot.text, origin, options)?;
        }
        w.blank();
        for line in &footers {
            w.line(&line.text(&ink), Origin::Footer, options)?;
        }
        w.out.end_page(columns, ink.images);
    }
    Ok(w.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeat_keys_ignore_digits() {
        assert_eq!(repeat_key("Page 2 of 3"), "pageof");
        assert_eq!(repeat_key("- 12 -"), "#");
        assert_eq!(repeat_key("Jane Doe"), "janedoe");
    }
}
