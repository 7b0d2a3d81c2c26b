//! Layout: glyphs into lines, lines into columns (a gutter found from the
//! text itself) and blocks.

use super::ink::{Ink, Mark, Run};
use super::{SEGMENT_GAP, WORD_GAP};
use crate::hash::Map;

/// Runs sharing a baseline, left to right.
#[derive(Debug, Clone)]
pub(super) struct Line {
    /// Baseline of its first run.
    pub(super) y: f32,
    /// Largest font size.
    pub(super) size: f32,
    /// Left edge.
    pub(super) x0: f32,
    /// Right edge.
    pub(super) x1: f32,
    /// Indexes into [`Ink::runs`].
    pub(super) runs: Vec<usize>,
    /// Its runs' marked content (Body when they differ).
    pub(super) mark: Mark,
}

impl Line {
    /// A line of `runs` (left to right); `None` when there are none.
    fn from_runs(ink: &Ink, runs: Vec<usize>) -> Option<Line> {
        let first = ink.runs.get(*runs.first()?)?;
        let mut line = Line {
            y: first.y,
            size: first.size,
            x0: first.x0,
            x1: first.x1,
            mark: first.mark,
            runs: Vec::new(),
        };
        for &i in &runs {
            let Some(r) = ink.runs.get(i) else { continue };
            line.size = line.size.max(r.size);
            line.x0 = line.x0.min(r.x0);
            line.x1 = line.x1.max(r.x1);
            if r.mark != line.mark {
                line.mark = Mark::Body;
            }
        }
        line.runs = runs;
        Some(line)
    }

    /// The line's text: runs joined, with a space after a space glyph or
    /// across a gap wider than [`WORD_GAP`] em.
    pub(super) fn text(&self, ink: &Ink) -> String {
        let mut out = String::new();
        let mut prev: Option<&Run> = None;
        for r in self.runs.iter().filter_map(|&i| ink.runs.get(i)) {
            if let Some(p) = prev {
                let em = p.size.max(r.size);
                if p.space_after || r.x0 - p.x1 > WORD_GAP * em {
                    out.push(' ');
                }
            }
            out.push_str(ink.run_text(r));
            prev = Some(r);
        }
        out
    }

    /// Stretches of the line separated by gaps wider than [`SEGMENT_GAP`] em.
    fn segments(&self, ink: &Ink) -> Vec<Seg> {
        let mut segs: Vec<Seg> = Vec::new();
        let mut prev_size = 0.0f32;
        for (k, r) in self
            .runs
            .iter()
            .filter_map(|&i| ink.runs.get(i))
            .enumerate()
        {
            match segs.last_mut() {
                Some(s) if r.x0 - s.x1 <= SEGMENT_GAP * prev_size.max(r.size) => {
                    s.x1 = s.x1.max(r.x1);
                    s.end = k + 1;
                    s.size = s.size.max(r.size);
                }
                _ => segs.push(Seg {
                    x0: r.x0,
                    x1: r.x1,
                    first: k,
                    end: k + 1,
                    y: r.y,
                    size: r.size,
                }),
            }
            prev_size = r.size;
        }
        segs
    }
}

/// A stretch of a line without a gap that could be a gutter.
#[derive(Debug, Clone, Copy)]
pub(super) struct Seg {
    /// Left edge.
    pub(super) x0: f32,
    /// Right edge.
    pub(super) x1: f32,
    /// Its runs: `first..end` in [`Line::runs`].
    pub(super) first: usize,
    /// One past its last run in [`Line::runs`].
    pub(super) end: usize,
    /// Baseline of its first run.
    pub(super) y: f32,
    /// Largest font size.
    pub(super) size: f32,
}

/// A page, laid out.
pub(super) struct Page {
    /// What it drew.
    pub(super) ink: Ink,
    /// Lines, top to bottom, before layout.
    pub(super) lines: Vec<Line>,
}

impl Page {
    /// A page of what `ink` holds, in lines.
    pub(super) fn new(ink: Ink) -> Page {
        let lines = build_lines(&ink);
        Page { ink, lines }
    }
}

/// Group the runs of a page into lines by baseline, top to bottom.
fn build_lines(ink: &Ink) -> Vec<Line> {
    let mut order: Vec<usize> = (0..ink.runs.len()).collect();
    let key = |i: &usize| ink.runs.get(*i).map_or((0.0, 0.0), |r| (r.y, r.x0));
    order.sort_by(|a, b| {
        let (ya, xa) = key(a);
        let (yb, xb) = key(b);
        yb.total_cmp(&ya).then(xa.total_cmp(&xb))
    });
    let mut groups: Vec<(f32, f32, Vec<usize>)> = Vec::new();
    for i in order {
        let Some(r) = ink.runs.get(i) else { continue };
        match groups.last_mut() {
            Some((y, size, runs)) if (*y - r.y).abs() <= 0.4 * size.max(r.size) => {
                *size = size.max(r.size);
                runs.push(i);
            }
            _ => groups.push((r.y, r.size, vec![i])),
        }
    }
    groups
        .into_iter()
        .filter_map(|(_, _, mut runs)| {
            runs.sort_by(|a, b| key(a).1.total_cmp(&key(b).1));
            dedupe_runs(ink, &mut runs);
            Line::from_runs(ink, runs)
        })
        .collect()
}

/// Drop a run drawn again over itself (fake bold, shadows, a form drawn
/// twice in place).
fn dedupe_runs(ink: &Ink, runs: &mut Vec<usize>) {
    let mut kept: Vec<usize> = Vec::with_capacity(runs.len());
    for &i in runs.iter() {
        let Some(r) = ink.runs.get(i) else { continue };
        let duplicate = kept.iter().rev().take(4).any(|&j| {
            ink.runs.get(j).is_some_and(|k| {
                (k.x0 - r.x0).abs() <= 0.2 * r.size
                    && (k.y - r.y).abs() <= 0.2 * r.size
                    && ink.run_text(k) == ink.run_text(r)
            })
        });
        if !duplicate {
            kept.push(i);
        }
    }
    *runs = kept;
}

/// The lines of the page in reading order, as flows (a column, or the
/// lines between columns) to be read one after the other; returns the most
/// columns side by side (0 for no lines).
pub(super) fn layout(lines: Vec<Line>, ink: &Ink, depth: usize, flows: &mut Vec<Vec<Line>>) -> u32 {
    if lines.is_empty() {
        return 0;
    }
    let Some((gutter, zones)) = (depth < 3).then(|| find_gutter(&lines, ink)).flatten() else {
        flows.push(lines);
        return 1;
    };
    let mut columns = 1;
    let mut current: Vec<Line> = Vec::new();
    let mut lines = lines.into_iter().enumerate().peekable();
    for zone in zones {
        // lines before the zone stay whole
        while let Some((_, l)) = lines.next_if(|(i, _)| *i < zone.start) {
            current.push(l);
        }
        let mut zone_lines: Vec<Line> = lines
            .by_ref()
            .take(zone.end - zone.start)
            .map(|(_, l)| l)
            .collect();
        // a title above the columns stays whole, before them
        let rest = zone_lines.split_off(leading_lines(&zone_lines, ink, gutter));
        current.extend(zone_lines);
        let zone_lines = rest;
        if !current.is_empty() {
            flows.push(std::mem::take(&mut current));
        }
        let (mut left, mut right) = (Vec::new(), Vec::new());
        for line in zone_lines {
            let segs = line.segments(ink);
            let mut l_runs = Vec::new();
            let mut r_runs = Vec::new();
            for seg in segs {
                let part = line.runs.get(seg.first..seg.end).unwrap_or(&[]);
                if seg.x0 < gutter {
                    l_runs.extend_from_slice(part);
                } else {
                    r_runs.extend_from_slice(part);
                }
            }
            left.extend(Line::from_runs(ink, l_runs));
            right.extend(Line::from_runs(ink, r_runs));
        }
        let cl = layout(left, ink, depth + 1, flows);
        let cr = layout(right, ink, depth + 1, flows);
        columns = columns.max(cl + cr);
    }
    current.extend(lines.map(|(_, l)| l));
    if !current.is_empty() {
        flows.push(current);
    }
    columns
}

/// How many lines at the top of a zone split at `gutter` stand above its
/// columns: lines on one side only, above the first line of the other side
/// by more than that line's height, and set off from the rest of their side
/// by a gap wider than 1.4 lines (a name centered over a sidebar layout).
fn leading_lines(lines: &[Line], ink: &Ink, gutter: f32) -> usize {
    let sides: Vec<(bool, bool)> = lines
        .iter()
        .map(|l| {
            let segs = l.segments(ink);
            (
                segs.iter().any(|s| s.x0 < gutter),
                segs.iter().any(|s| s.x0 >= gutter),
            )
        })
        .collect();
    let Some(&(first_left, _)) = sides.first() else {
        return 0;
    };
    let on_side = |i: usize| {
        sides
            .get(i)
            .is_some_and(|s| if first_left { s.0 } else { s.1 })
    };
    let Some(other) = (0..lines.len()).find(|&i| {
        sides
            .get(i)
            .is_some_and(|s| if first_left { s.1 } else { s.0 })
    }) else {
        return 0;
    };
    let Some(other_top) = lines.get(other).map(|l| l.y + l.size) else {
        return 0;
    };
    let mut lead = 0;
    for (j, a) in lines.iter().enumerate().take(other) {
        let next = (j + 1..lines.len()).find(|&i| on_side(i));
        if let Some(b) = next.and_then(|i| lines.get(i)) {
            if a.y > other_top && a.y - b.y > 1.4 * a.size.max(b.size) {
                lead = j + 1;
            }
        }
    }
    lead
}

/// A stretch of lines `start..end` split by a gutter.
#[derive(Debug, Clone, Copy)]
struct Zone {
    /// Its first line.
    pub(super) start: usize,
    /// One past its last line.
    pub(super) end: usize,
}

/// The best column gutter of `lines` (top to bottom): its x and the zones
/// it splits into columns.
fn find_gutter(lines: &[Line], ink: &Ink) -> Option<(f32, Vec<Zone>)> {
    if lines.len() < 6 {
        return None;
    }
    let segs: Vec<Vec<Seg>> = lines.iter().map(|l| l.segments(ink)).collect();
    let xmin = lines.iter().map(|l| l.x0).fold(f32::INFINITY, f32::min);
    let xmax = lines.iter().map(|l| l.x1).fold(f32::NEG_INFINITY, f32::max);
    let width = xmax - xmin;
    if !(width > 72.0 && width.is_finite()) {
        return None;
    }
    let mut sizes: Vec<f32> = lines.iter().map(|l| l.size).collect();
    sizes.sort_by(f32::total_cmp);
    let em = sizes.get(sizes.len() / 2).copied().unwrap_or(10.0);
    /// Resolution of the coverage histogram.
    const BINS: usize = 256;
    let bin = width / BINS as f32;
    let to_bin = |x: f32| (((x - xmin) / bin).max(0.0) as usize).min(BINS - 1);
    let mut diff = [0i64; BINS + 1];
    for line in &segs {
        for seg in line {
            let (b0, b1) = (to_bin(seg.x0), to_bin(seg.x1));
            if let Some(d) = diff.get_mut(b0) {
                *d += 1;
            }
            if let Some(d) = diff.get_mut(b1 + 1) {
                *d -= 1;
            }
        }
    }
    let mut cover = [0i64; BINS];
    let mut acc = 0;
    for (c, d) in cover.iter_mut().zip(diff.iter()) {
        acc += d;
        *c = acc;
    }
    let min_bins = ((SEGMENT_GAP * em).max(6.0) / bin).ceil().max(1.0) as usize;
    let (lo, hi) = (BINS / 10, BINS - BINS / 10);
    let mut candidates: Vec<f32> = Vec::new();
    let n = lines.len() as i64;
    for t in [0, 1, 2, n / 8, n / 4] {
        let mut b = lo;
        while b < hi {
            if cover.get(b).is_some_and(|&c| c <= t) {
                let start = b;
                while b < hi && cover.get(b).is_some_and(|&c| c <= t) {
                    b += 1;
                }
                if b - start >= min_bins {
                    // the middle of the emptiest stretch of the band
                    let least = cover
                        .get(start..b)
                        .and_then(|c| c.iter().min())
                        .copied()
                        .unwrap_or(0);
                    let s = (start..b)
                        .find(|&k| cover.get(k) == Some(&least))
                        .unwrap_or(start);
                    let e = (s..b).find(|&k| cover.get(k) != Some(&least)).unwrap_or(b);
                    let x = xmin + (s + e) as f32 / 2.0 * bin;
                    if !candidates.iter().any(|c| (c - x).abs() < bin) {
                        candidates.push(x);
                    }
                }
            } else {
                b += 1;
            }
        }
        if candidates.len() >= 32 {
            break;
        }
    }
    // and the middles of the widest gaps inside lines, most frequent first,
    // for columns that span only part of the page (a header block)
    let mut by_bin: Map<usize, (usize, f32)> = Map::default();
    for line in &segs {
        for pair in line.windows(2) {
            if let [a, b] = pair {
                let x = (a.x1 + b.x0) / 2.0;
                by_bin.entry(to_bin(x)).or_insert((0, x)).0 += 1;
            }
        }
    }
    let mut gaps: Vec<(usize, f32)> = by_bin.into_values().collect();
    gaps.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.total_cmp(&b.1)));
    candidates.truncate(32);
    for (_, x) in gaps.into_iter().take(32) {
        if !candidates.iter().any(|c| (c - x).abs() < bin) {
            candidates.push(x);
        }
    }
    let mut best: Option<(usize, f32, Vec<Zone>)> = None;
    for x in candidates {
        let (score, zones) = split_score(lines, &segs, x);
        if score >= 2 && best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, x, zones));
        }
    }
    best.map(|(_, x, zones)| (x, zones))
}

/// How well a gutter at `x` splits the lines (their segments) into columns:
/// the lines on the shorter side summed over the zones it splits, and those
/// zones. A zone is a stretch of lines none of which crosses `x`, without
/// white space across the page higher than 2.5 lines, with at
/// least two lines on each side, where most lines of the shorter side do
/// not share their baseline with text on the other side: that would be a
/// table, or labels (dates, headings) beside their text, read row by row.
fn split_score(lines: &[Line], segs: &[Vec<Seg>], x: f32) -> (usize, Vec<Zone>) {
    let mut zones = Vec::new();
    let mut score = 0;
    let mut start = None;
    let (mut left, mut right, mut aligned) = (0usize, 0usize, 0usize);
    let mut close =
        |start: usize, end: usize, l: usize, r: usize, a: usize, zones: &mut Vec<Zone>| {
            if l >= 2 && r >= 2 && a * 10 < 7 * l.min(r) {
                zones.push(Zone { start, end });
                score += l.min(r);
            }
        };
    for (i, line) in segs.iter().enumerate() {
        let crosses = line.iter().any(|s| s.x0 < x && s.x1 > x);
        // white space across the page, wider than 2.5 lines, ends a zone
        let apart = match (i.checked_sub(1).and_then(|p| lines.get(p)), lines.get(i)) {
            (Some(a), Some(b)) => a.y - b.y > 2.5 * a.size.max(b.size),
            _ => false,
        };
        if apart {
            if let Some(s) = start.take() {
                close(s, i, left, right, aligned, &mut zones);
            }
        }
        if crosses {
            if let Some(s) = start.take() {
                close(s, i, left, right, aligned, &mut zones);
            }
            continue;
        }
        if start.is_none() {
            start = Some(i);
            (left, right, aligned) = (0, 0, 0);
        }
        let l = line.iter().find(|s| s.x1 <= x);
        let r = line.iter().find(|s| s.x0 >= x);
        left += usize::from(l.is_some());
        right += usize::from(r.is_some());
        if let (Some(l), Some(r)) = (l, r) {
            aligned += usize::from((l.y - r.y).abs() <= 0.15 * l.size.max(r.size));
        }
    }
    if let Some(s) = start {
        close(s, segs.len(), left, right, aligned, &mut zones);
    }
    (score, zones)
}

/// Whether the gap between two lines of a flow starts a new block.
pub(super) fn block_breaks(flow: &[Line]) -> Vec<bool> {
    let mut pitches: Vec<f32> = flow
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => {
                let p = a.y - b.y;
                (p > 0.5 * b.size && p < 3.0 * b.size).then_some(p)
            }
            _ => None,
        })
        .collect();
    pitches.sort_by(f32::total_cmp);
    let median = pitches.get(pitches.len() / 2).copied();
    let mut breaks = vec![false];
    for w in flow.windows(2) {
        if let [a, b] = w {
            let pitch = a.y - b.y;
            let normal = match median {
                Some(m) if pitches.len() >= 3 => m,
                _ => 1.25 * a.size.max(b.size),
            };
            breaks.push(pitch > 1.3 * normal || pitch < -0.5 * b.size);
        }
    }
    breaks
}
