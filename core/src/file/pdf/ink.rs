//! What a page draws: runs of text with their position, size and font,
//! rotated lines, and the marks (images, rules, table cells) around them.

use super::{MAX_GLYPH_CHARS, WORD_GAP};

/// Where marked content puts text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    /// Ordinary content.
    Body,
    /// A header artifact.
    Header,
    /// A footer artifact.
    Footer,
    /// A pagination artifact: header or footer by its position.
    Pagination,
}

/// Glyphs drawn one after the other on a baseline, without a space glyph.
#[derive(Debug, Clone)]
pub(super) struct Run {
    /// Left edge.
    pub(super) x0: f32,
    /// Right edge: where the pen was after its last glyph.
    pub(super) x1: f32,
    /// Baseline.
    pub(super) y: f32,
    /// Font size on the page.
    pub(super) size: f32,
    /// Where its text starts in [`Ink::text`].
    pub(super) start: u32,
    /// Where its text ends in [`Ink::text`].
    pub(super) end: u32,
    /// Whether a space glyph followed it.
    pub(super) space_after: bool,
    /// The marked content it was drawn in.
    pub(super) mark: Mark,
}

/// A line of text drawn off the horizontal, in drawing order.
#[derive(Debug, Clone)]
pub(super) struct RotLine {
    /// Its text so far.
    pub(super) text: String,
    /// Where the next glyph would start.
    pub(super) end: (f32, f32),
    /// The marked content it was drawn in.
    pub(super) mark: Mark,
    /// A space glyph came after the last glyph.
    space: bool,
}

/// Everything a page drew.
#[derive(Debug, Default)]
pub(super) struct Ink {
    /// Horizontal runs, in drawing order.
    pub(super) runs: Vec<Run>,
    /// The text of all runs.
    pub(super) text: String,
    /// Text drawn off the horizontal.
    pub(super) rotated: Vec<RotLine>,
    /// Whether the last run may take the next glyph.
    pub(super) open: bool,
    /// Whether the last rotated line may take the next glyph.
    pub(super) rot_open: bool,
    /// Images drawn (XObjects and inline).
    pub(super) images: u32,
    /// Bytes of text drawn (runs and rotated lines).
    pub(super) drawn: usize,
    /// The page's visible box `[x0, y0, x1, y1]`.
    pub(super) bbox: [f32; 4],
}

/// One glyph, placed.
pub(super) struct Glyph<'a> {
    /// Its origin on the page.
    pub(super) x: f32,
    /// Its baseline on the page.
    pub(super) y: f32,
    /// Where the pen is after it (its advance and the character spacing).
    pub(super) x_end: f32,
    /// The pen's y after it (the baseline, unless it is rotated).
    pub(super) y_end: f32,
    /// Font size on the page.
    pub(super) em: f32,
    /// Whether the baseline runs left to right.
    pub(super) horizontal: bool,
    /// Its text.
    pub(super) text: &'a str,
    /// The marked content it was drawn in.
    pub(super) mark: Mark,
}

impl Ink {
    /// The text of run `r`.
    pub(super) fn run_text(&self, r: &Run) -> &str {
        self.text
            .get(r.start as usize..r.end as usize)
            .unwrap_or("")
    }

    /// Add a glyph: to the open run when it follows it, else as a new run.
    pub(super) fn glyph(&mut self, g: &Glyph<'_>) {
        let space = g.text.chars().all(|c| c.is_whitespace() || c.is_control());
        if !g.horizontal {
            self.rotated_glyph(g, space);
            return;
        }
        if space {
            if self.open {
                if let Some(r) = self.runs.last_mut() {
                    r.space_after = true;
                }
            }
            self.open = false;
            return;
        }
        let em = g.em.max(0.01);
        if self.open {
            let text_len = self.text.len();
            if let Some(r) = self.runs.last_mut() {
                if r.mark == g.mark
                    && (g.y - r.y).abs() <= 0.2 * em.max(r.size)
                    && g.x >= r.x1 - 0.5 * em
                    && g.x - r.x1 <= WORD_GAP * em
                    && r.end as usize == text_len
                {
                    self.drawn += push_glyph_text(&mut self.text, g.text);
                    r.end = self.text.len() as u32;
                    r.x1 = r.x1.max(g.x_end);
                    r.size = r.size.max(em);
                    return;
                }
            }
        }
        let start = self.text.len() as u32;
        self.drawn += push_glyph_text(&mut self.text, g.text);
        self.runs.push(Run {
            x0: g.x.min(g.x_end),
            x1: g.x.max(g.x_end),
            y: g.y,
            size: em,
            start,
            end: self.text.len() as u32,
            space_after: false,
            mark: g.mark,
        });
        self.open = true;
    }

    /// Add a glyph drawn off the horizontal: to the open rotated line when
    /// it follows it (a space when it is a word's width away), else as a
    /// new line.
    fn rotated_glyph(&mut self, g: &Glyph<'_>, space: bool) {
        let em = g.em.max(0.01);
        if self.rot_open {
            if let Some(l) = self.rotated.last_mut() {
                let d = (g.x - l.end.0).hypot(g.y - l.end.1);
                if l.mark == g.mark && d <= 2.0 * em {
                    if space {
                        l.space = true;
                    } else {
                        if l.space || d > WORD_GAP * em {
                            l.text.push(' ');
                            self.drawn += 1;
                        }
                        l.space = false;
                        self.drawn += push_glyph_text(&mut l.text, g.text);
                    }
                    l.end = (g.x_end, g.y_end);
                    return;
                }
            }
        }
        if space {
            return;
        }
        let mut text = String::new();
        self.drawn += push_glyph_text(&mut text, g.text);
        self.rotated.push(RotLine {
            text,
            end: (g.x_end, g.y_end),
            mark: g.mark,
            space: false,
        });
        self.rot_open = true;
    }
}

/// Append a glyph's text, ligatures spelled out, at most
/// [`MAX_GLYPH_CHARS`]; returns the bytes appended.
fn push_glyph_text(out: &mut String, text: &str) -> usize {
    let before = out.len();
    for c in text.chars().take(MAX_GLYPH_CHARS) {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            c => out.push(c),
        }
    }
    out.len() - before
}
