//! Reading order on pages set in columns.
//!
//! A column gutter is a vertical line that no word crosses over a run of text
//! rows, with a column of text left of it and a left-aligned column right of
//! it. Each such region is read column by column (left first), and the rows
//! above and below it keep their place, so a full-width heading above two
//! columns stays first. Glyphs, not spans, are looked at: Word sets
//! side-by-side blocks (two contacts) in borderless table cells whose text
//! may come within half an em of the next cell.
//!
//! Single-column pages must keep their order: a label column (hanging
//! indents), a key/value column ("From:", "To:"), a right-aligned date or a
//! borderless table is no page column, and the tests below say how each is
//! told apart.

use std::collections::HashMap;

use super::lines::{build_lines_of, Line};
use crate::read::pdf::content::{FontCache, Glyph, PageContent};

/// Nested columns (three columns, a column split again) are looked for this
/// many times at most.
const MAX_DEPTH: u32 = 6;

/// A row of glyphs on one baseline, with its words.
struct Row<'a> {
    y: f32,
    size: f32,
    glyphs: Vec<&'a Glyph>,
    /// Word extents, left to right (a gap of 0.15 em or a space glyph ends a word).
    words: Vec<Word>,
}

#[derive(Debug, Clone, Copy)]
struct Word {
    x0: f32,
    x1: f32,
    /// The word's last character is a colon.
    colon: bool,
    /// The word has a digit.
    digit: bool,
    /// The word has a character that no figure has.
    wordy: bool,
}

impl Word {
    /// The word is a figure ("12.5", "-£0.7m", "+2.4", "2,590.8").
    fn figure(&self) -> bool {
        self.digit && !self.wordy
    }
}

/// A region read as columns: rows `from..to` (indexes into the rows) split at `x`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Region {
    from: usize,
    to: usize,
    x: f32,
}

/// The lines of the given glyphs in reading order: top to bottom, with each
/// region set in columns read column by column. `breaks` are the vertical
/// extents of things that are not text (tables) which no region may cross.
/// `order` is a tagged PDF's structure order (MCID to rank; empty when
/// untagged): where it reads a region's right column first, so do we, and
/// where it reads the region row by row (a table), the region is not split.
pub fn ordered_lines<'a>(
    page: &'a PageContent,
    fonts: &FontCache,
    glyphs: Vec<&'a Glyph>,
    breaks: &[(f32, f32)],
    order: &HashMap<u32, u32>,
) -> (Vec<Line>, usize) {
    let glyphs: Vec<&Glyph> = glyphs
        .into_iter()
        .filter(|g| g.upright && g.size > 0.5)
        .collect();
    let mut groups: Vec<Vec<&Glyph>> = Vec::new();
    let ctx = Ctx {
        page,
        breaks,
        order,
    };
    let regions = split(&ctx, glyphs, 0, &mut groups);
    let mut lines = Vec::new();
    for g in groups {
        lines.extend(build_lines_of(page, fonts, g));
    }
    (lines, regions)
}

struct Ctx<'a, 'b> {
    page: &'a PageContent,
    breaks: &'b [(f32, f32)],
    order: &'b HashMap<u32, u32>,
}

/// What the structure tree says of a region split at `x`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tagged {
    /// Nothing (untagged, or too little of it tagged).
    Silent,
    /// The left column is read before the right one.
    LeftFirst,
    /// The right column is read first.
    RightFirst,
    /// The two sides are read in turn, row by row.
    Rows,
}

fn tagged(order: &HashMap<u32, u32>, rows: &[Row], region: Region) -> Tagged {
    if order.is_empty() {
        return Tagged::Silent;
    }
    let (mut left, mut right): (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
    for r in rows.get(region.from..region.to).unwrap_or_default() {
        for g in &r.glyphs {
            let Some(rank) = g.mcid().and_then(|m| order.get(&m)) else {
                continue;
            };
            if (g.x0 + g.x1) / 2.0 < region.x {
                left.push(*rank);
            } else {
                right.push(*rank);
            }
        }
    }
    if left.len() < 3 || right.len() < 3 {
        return Tagged::Silent;
    }
    let (lmin, lmax) = (left.iter().min(), left.iter().max());
    let (rmin, rmax) = (right.iter().min(), right.iter().max());
    let before = |xs: &[u32], limit: Option<&u32>| {
        let limit = limit.copied().unwrap_or(0);
        xs.iter().filter(|&&r| r < limit).count() * 10 >= xs.len() * 9
    };
    if before(&left, rmin) {
        Tagged::LeftFirst
    } else if before(&right, lmin) {
        Tagged::RightFirst
    } else if lmax.is_some() && rmax.is_some() {
        Tagged::Rows
    } else {
        Tagged::Silent
    }
}

/// Splits glyphs into groups in reading order; returns how many column
/// regions were found.
fn split<'a>(
    ctx: &Ctx<'a, '_>,
    glyphs: Vec<&'a Glyph>,
    depth: u32,
    out: &mut Vec<Vec<&'a Glyph>>,
) -> usize {
    let rows = rows_of(ctx.page, glyphs);
    let regions: Vec<(Region, Tagged)> = if depth < MAX_DEPTH {
        find_regions(&rows, ctx.breaks)
            .into_iter()
            .map(|r| (r, tagged(ctx.order, &rows, r)))
            // Read row by row in the tree (a table's cells): not split.
            .filter(|(_, t)| *t != Tagged::Rows)
            .collect()
    } else {
        Vec::new()
    };
    if regions.is_empty() {
        out.push(rows.into_iter().flat_map(|r| r.glyphs).collect());
        return 0;
    }
    let mut found = regions.len();
    let mut plain: Vec<&Glyph> = Vec::new();
    let bands: Vec<Vec<usize>> = regions.iter().map(|(r, _)| bands(&rows, *r)).collect();
    let mut rows = rows.into_iter().enumerate().peekable();
    for ((region, tag), cuts) in regions.into_iter().zip(bands) {
        let mut left: Vec<&Glyph> = Vec::new();
        let mut right: Vec<&Glyph> = Vec::new();
        let emit = |left: Vec<&'a Glyph>, right: Vec<&'a Glyph>, out: &mut Vec<Vec<&'a Glyph>>| {
            let (first, second) = if tag == Tagged::RightFirst {
                (right, left)
            } else {
                (left, right)
            };
            split(ctx, first, depth + 1, out) + split(ctx, second, depth + 1, out)
        };
        while let Some((i, row)) = rows.next_if(|(i, _)| *i < region.to) {
            if i < region.from {
                plain.extend(row.glyphs);
                continue;
            }
            if i > region.from && cuts.contains(&i) {
                found += emit(std::mem::take(&mut left), std::mem::take(&mut right), out);
            }
            if !plain.is_empty() {
                out.push(std::mem::take(&mut plain));
            }
            for g in row.glyphs {
                if (g.x0 + g.x1) / 2.0 < region.x {
                    left.push(g);
                } else {
                    right.push(g);
                }
            }
        }
        found += emit(left, right, out);
    }
    plain.extend(rows.flat_map(|(_, r)| r.glyphs));
    if !plain.is_empty() {
        out.push(plain);
    }
    found
}

/// Where a region is a table without rules: the rows at which both columns
/// start again after a gap, when most of the left column's restarts are
/// such shared ones. Each band between them is read column by column; prose
/// columns, whose paragraphs break independently, get none.
fn bands(rows: &[Row], region: Region) -> Vec<usize> {
    let mut shared = Vec::new();
    let mut left_restarts = 0;
    let mut last_left: Option<&Row> = None;
    let mut last_right: Option<&Row> = None;
    for k in region.from..region.to {
        let Some(r) = rows.get(k) else { break };
        let (l, rt, _) = sides(r, region.x);
        let restart =
            |prev: Option<&Row>| prev.is_some_and(|p: &Row| r.y - p.y > p.size.max(r.size) * 1.45);
        let lr = l && restart(last_left);
        let rr = rt && restart(last_right);
        if lr {
            left_restarts += 1;
        }
        if lr && rr {
            shared.push(k);
        }
        if l {
            last_left = Some(r);
        }
        if rt {
            last_right = Some(r);
        }
    }
    if shared.len() * 2 >= left_restarts.max(1) {
        shared
    } else {
        Vec::new()
    }
}

/// Baseline clusters, as the lines are built, each with its words.
fn rows_of<'a>(page: &'a PageContent, glyphs: Vec<&'a Glyph>) -> Vec<Row<'a>> {
    super::lines::baseline_clusters(glyphs)
        .into_iter()
        .map(|glyphs| {
            let mut sorted = glyphs.clone();
            sorted.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            let mut words: Vec<Word> = Vec::new();
            let mut open = false;
            let mut size: f32 = 0.0;
            for g in &sorted {
                let text = page.glyph_text(g);
                size = size.max(g.size);
                if text.chars().all(char::is_whitespace) {
                    open = false;
                    continue;
                }
                let colon = text.ends_with(':');
                let digit = text.chars().any(|c| c.is_ascii_digit());
                let wordy = text
                    .chars()
                    .any(|c| !c.is_ascii_digit() && !"+-–.,£%()m".contains(c));
                match words.last_mut() {
                    Some(w) if open && g.x0 - w.x1 <= g.size * 0.15 => {
                        w.x1 = w.x1.max(g.x1);
                        w.colon = colon;
                        w.digit |= digit;
                        w.wordy |= wordy;
                    }
                    _ => words.push(Word {
                        x0: g.x0,
                        x1: g.x1.max(g.x0),
                        colon,
                        digit,
                        wordy,
                    }),
                }
                open = true;
            }
            Row {
                y: glyphs.first().map_or(0.0, |g| g.y),
                size,
                glyphs,
                words,
            }
        })
        .filter(|r| !r.words.is_empty())
        .collect()
}

/// Gutter candidates: left edges shared by several words that follow a gap
/// (or start a row), most frequent first.
fn candidates(rows: &[Row]) -> Vec<f32> {
    let mut starts: Vec<f32> = Vec::new();
    for r in rows {
        let mut prev: Option<&Word> = None;
        for w in &r.words {
            if prev.is_none_or(|p| w.x0 - p.x1 >= r.size * 0.2) {
                starts.push(w.x0);
            }
            prev = Some(w);
        }
    }
    starts.sort_by(f32::total_cmp);
    let mut clusters: Vec<(f32, usize)> = Vec::new();
    let mut i = 0;
    while let Some(&x) = starts.get(i) {
        let n = starts
            .get(i..)
            .map_or(0, |s| s.iter().take_while(|&&y| y - x <= 2.0).count());
        clusters.push((x, n.max(1)));
        i += n.max(1);
    }
    clusters.retain(|(_, n)| *n >= 3);
    clusters.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.total_cmp(&b.0)));
    clusters
        .into_iter()
        .map(|(x, _)| hang(rows, x - 0.5))
        .collect()
}

/// Moves a gutter left past the bullets that hang in front of a column.
fn hang(rows: &[Row], x: f32) -> f32 {
    let mut out = x;
    for r in rows {
        let pos = r.words.partition_point(|w| w.x1 <= x + 0.5);
        let Some(w) = pos.checked_sub(1).and_then(|i| r.words.get(i)) else {
            continue;
        };
        let apart = pos
            .checked_sub(2)
            .and_then(|i| r.words.get(i))
            .is_none_or(|p| w.x0 - p.x1 > r.size);
        let next_at_x = r.words.get(pos).is_some_and(|n| (n.x0 - x).abs() <= 2.5);
        if apart && next_at_x && w.x1 - w.x0 <= r.size * 0.8 && x - w.x0 <= r.size * 2.0 {
            out = out.min(w.x0 - 0.5);
        }
    }
    out
}

/// Which side of `x` a row has text on: (left, right, a word crosses `x`).
fn sides(r: &Row, x: f32) -> (bool, bool, bool) {
    let mut left = false;
    let mut right = false;
    let mut cross = false;
    for w in &r.words {
        if w.x1 <= x + 0.5 {
            left = true;
        } else if w.x0 >= x - 1.0 {
            right = true;
        } else {
            cross = true;
        }
    }
    (left, right, cross)
}

fn find_regions(rows: &[Row], breaks: &[(f32, f32)]) -> Vec<Region> {
    let mut valid: Vec<(Region, f32)> = Vec::new();
    for x in candidates(rows) {
        for region in runs(rows, breaks, x) {
            if let Some(score) = columns_score(rows, region) {
                valid.push((region, score));
            }
        }
    }
    // The widest gutter wins where candidates overlap (a bullet's gap is no
    // gutter when the column's edge is just left of it).
    valid.sort_by(|a, b| b.1.total_cmp(&a.1));
    // …but a short run inside a region of more than twice its rows (a few
    // centred lines in one column of three) does not block that region.
    let len = |r: &Region| r.to.saturating_sub(r.from);
    let spans: Vec<Region> = valid.iter().map(|(r, _)| *r).collect();
    valid.retain(|(r, _)| {
        !spans
            .iter()
            .any(|o| o.from <= r.from && r.to <= o.to && len(o) > len(r) * 2)
    });
    let mut found: Vec<Region> = Vec::new();
    for (region, _) in valid {
        if !found
            .iter()
            .any(|f| region.from < f.to && f.from < region.to)
        {
            found.push(region);
        }
    }
    found.sort_by_key(|r| r.from);
    found
}

/// Maximal runs of rows that no word crosses at `x`, trimmed to start at the
/// first row with text on both sides and to end at the last one, plus the
/// rows set tight below it that go on in one column only (a column longer
/// than the other).
fn runs(rows: &[Row], breaks: &[(f32, f32)], x: f32) -> Vec<Region> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let mut j = i;
        while let Some(r) = rows.get(j) {
            let (_, _, cross) = sides(r, x);
            let broken = j > i
                && rows.get(j - 1).is_some_and(|p| {
                    breaks.iter().any(|(t, b)| *t > p.y && *b < r.y)
                        || r.y - p.y > p.size.max(r.size) * 4.0
                });
            if cross || broken {
                break;
            }
            j += 1;
        }
        let both: Vec<usize> = (i..j)
            .filter(|&k| {
                rows.get(k).is_some_and(|r| {
                    let (l, rt, _) = sides(r, x);
                    l && rt
                })
            })
            .collect();
        if let (Some(&first), Some(&last)) = (both.first(), both.last()) {
            let mut end = last + 1;
            while end < j {
                let (Some(p), Some(r)) = (rows.get(end - 1), rows.get(end)) else {
                    break;
                };
                if r.y - p.y > p.size.max(r.size) * 1.6 {
                    break;
                }
                end += 1;
            }
            out.push(Region {
                from: first,
                to: end,
                x,
            });
        }
        i = j.max(i + 1);
    }
    out
}

/// Whether a region is text set in columns, not a key/value list, a label
/// column or a table; if so, how wide its gutter is (in ems).
fn columns_score(rows: &[Row], region: Region) -> Option<f32> {
    let x = region.x;
    let rows = rows.get(region.from..region.to).unwrap_or_default();
    let mut both = 0;
    let mut left_rows = 0;
    let mut right_rows = 0;
    let mut aligned = 0;
    let mut colons = 0;
    let mut wide_gaps = 0;
    let mut figures = 0;
    let mut right_gappy = 0;
    let mut left_starts: Vec<f32> = Vec::new();
    let mut l_edge = f32::MAX;
    let mut r_edge = f32::MIN;
    let mut left_ends: Vec<f32> = Vec::new();
    let mut gutters: Vec<f32> = Vec::new();
    let mut right_firsts: Vec<f32> = Vec::new();
    for r in rows {
        let (l, rt, _) = sides(r, x);
        let left: Vec<&Word> = r.words.iter().filter(|w| w.x1 <= x + 0.5).collect();
        let right: Vec<&Word> = r.words.iter().filter(|w| w.x0 >= x - 1.0).collect();
        if l {
            left_rows += 1;
        }
        if r.words
            .iter()
            .any(|w| w.figure() && w.x1 - w.x0 > r.size * 0.5)
        {
            figures += 1;
        }
        if let Some(f) = right.first() {
            right_firsts.push(f.x0);
        }
        if rt {
            right_rows += 1;
            // Left-aligned, or indented by a bullet's hang.
            if right
                .first()
                .is_some_and(|w| w.x0 - x >= -1.0 && w.x0 - x <= r.size * 2.0)
            {
                aligned += 1;
            }
        }
        if l && rt {
            both += 1;
            if left.last().is_some_and(|w| w.colon) {
                colons += 1;
            }
            if let (Some(a), Some(b)) = (left.last(), right.first()) {
                gutters.push((b.x0 - a.x1) / r.size.max(1.0));
            }
        }
        // The left side is one column (more columns right of it are split
        // off later); a wide gap inside it is a table's.
        let gappy = |side: &[&Word]| {
            side.windows(2)
                .any(|p| matches!(p, [a, b] if b.x0 - a.x1 > r.size * 1.0))
        };
        if gappy(&left) {
            wide_gaps += 1;
        }
        if gappy(&right) {
            right_gappy += 1;
        }
        if let (Some(f), Some(e)) = (left.first(), left.last()) {
            l_edge = l_edge.min(f.x0);
            left_starts.push(f.x0 - r.size * 2.0);
            left_ends.push(e.x1);
        }
        if let Some(e) = right.last() {
            r_edge = r_edge.max(e.x1);
        }
    }
    let width = r_edge - l_edge;
    let lw = x - l_edge;
    // How far left rows reach into their column: prose and contact blocks
    // wrap near the gutter; keys of a key/value list stop short.
    let reach = if left_ends.is_empty() || lw <= 0.0 {
        0.0
    } else {
        left_ends.iter().map(|e| (e - l_edge) / lw).sum::<f32>() / left_ends.len() as f32
    };
    // A column of text starts at its left edge (give or take a bullet's
    // indent); a table's cells left of the gutter start anywhere.
    let flush_left = left_starts.iter().filter(|&&s| s <= l_edge).count();
    // The gutter is wider than a word space on most rows: word starts that
    // happen to line up in prose are no gutter.
    gutters.sort_by(f32::total_cmp);
    let median_gutter = gutters.get(gutters.len() / 2).copied().unwrap_or(0.0);
    // The right side is itself two or more columns: its rows gap inside,
    // or (columns on offset baselines) many rows start at the gutter and
    // many others well right of it, in a further column.
    let further = right_firsts
        .iter()
        .filter(|&&f| f - x > (r_edge - x) * 0.3)
        .count();
    let several_right = right_gappy * 2 >= right_rows
        || (further >= 3 && aligned >= 3 && (further + aligned) * 10 >= right_rows * 9);
    (both >= 3
        && median_gutter >= 1.0
        && left_rows >= 3
        && right_rows >= 3
        && width > 0.0
        // One of three or more columns may be narrower.
        && lw >= width * if several_right { 0.12 } else { 0.25 }
        && r_edge - x >= width * 0.2
        // Rows that start in a further column right are aligned too.
        && (aligned + if several_right { further } else { 0 }) * 10 >= right_rows * 6
        && colons * 2 < both
        && flush_left * 10 >= left_rows * 7
        && figures * 5 < rows.len()
        && wide_gaps * 3 <= rows.len()
        && reach >= 0.5)
        .then_some(median_gutter)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(y: f32, words: &[(f32, f32)]) -> Row<'static> {
        Row {
            y,
            size: 10.0,
            glyphs: Vec::new(),
            words: words
                .iter()
                .map(|&(x0, x1)| Word {
                    x0,
                    x1,
                    colon: false,
                    digit: false,
                    wordy: true,
                })
                .collect(),
        }
    }

    /// Words filling [a, b], 3 points apart, their lengths varying with `seed`.
    fn prose(a: f32, b: f32, seed: usize) -> Vec<(f32, f32)> {
        let mut out = Vec::new();
        let mut x = a;
        let mut i = seed;
        while x < b {
            let len = 15.0 + (i * 7 % 23) as f32;
            out.push((x, (x + len).min(b)));
            x += len + 3.0;
            i += 1;
        }
        out
    }

    #[test]
    fn two_columns_are_a_region() {
        let rows: Vec<Row> = (0..6)
            .map(|i| {
                let mut w = prose(72.0, 290.0, i);
                w.extend(prose(310.0, 520.0, i + 3));
                row(100.0 + 12.0 * i as f32, &w)
            })
            .collect();
        let found = find_regions(&rows, &[]);
        assert_eq!(found.len(), 1);
        assert!(found.iter().all(|r| (r.x - 309.5).abs() < 1.0 && r.to == 6));
    }

    /// Three columns on offset baselines (a slide): a narrow left one, a
    /// wide middle one and a right one whose lines fall between the middle
    /// one's, a few of them centred.
    fn three_offset_columns() -> Vec<Row<'static>> {
        // Headings over the middle and right columns on one baseline.
        let mut rows: Vec<Row> = vec![row(86.0, &[(192.0, 380.0), (737.0, 900.0)])];
        for i in 0..14 {
            let y = 100.0 + 14.4 * i as f32;
            // The middle column, with the left one on the same baseline on
            // its first eight rows.
            let mut w = if i < 8 {
                prose(22.0, 160.0, i)
            } else {
                Vec::new()
            };
            w.extend(prose(192.0, 690.0, i + 1));
            rows.push(row(y, &w));
            // The right column half a line lower at first, then on the
            // middle one's baselines after a paragraph break of its own;
            // its last three lines centred.
            let right = if i >= 11 {
                prose(770.0, 945.0, i + 2)
            } else {
                prose(736.0, 930.0, i + 2)
            };
            if i < 5 {
                rows.push(row(y + 7.0, &right));
            } else if let Some(last) = rows.last_mut() {
                last.words.extend(right.iter().map(|&(x0, x1)| Word {
                    x0,
                    x1,
                    colon: false,
                    digit: false,
                    wordy: true,
                }));
            }
        }
        rows
    }

    #[test]
    fn three_columns_on_offset_baselines_split_left_first() {
        let rows = three_offset_columns();
        let found = find_regions(&rows, &[]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found.iter().all(|r| (r.x - 191.5).abs() < 1.0), "{found:?}");
        // The right side splits at its own gutter, although its few
        // centred lines show a wider one.
        let right: Vec<Row> = rows
            .iter()
            .map(|r| Row {
                y: r.y,
                size: r.size,
                glyphs: Vec::new(),
                words: r.words.iter().filter(|w| w.x0 >= 190.0).copied().collect(),
            })
            .filter(|r| !r.words.is_empty())
            .collect();
        let found = find_regions(&right, &[]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found
                .iter()
                .all(|r| (r.x - 735.5).abs() < 1.0 && r.from == 0 && r.to == right.len()),
            "{found:?}"
        );
    }

    #[test]
    fn hanging_labels_are_no_columns() {
        let rows: Vec<Row> = (0..6)
            .map(|i| {
                let mut w = if i % 2 == 0 {
                    vec![(72.0, 84.0)]
                } else {
                    Vec::new()
                };
                w.extend(prose(108.0, 520.0, i));
                row(100.0 + 12.0 * i as f32, &w)
            })
            .collect();
        assert!(find_regions(&rows, &[]).is_empty());
    }

    #[test]
    fn key_value_lists_are_no_columns() {
        let rows: Vec<Row> = (0..6)
            .map(|i| {
                let mut w = vec![(72.0, 100.0 + 5.0 * i as f32)];
                w.extend(prose(230.0, 480.0, i));
                row(100.0 + 12.0 * i as f32, &w)
            })
            .collect();
        assert!(find_regions(&rows, &[]).is_empty());
    }

    #[test]
    fn one_column_prose_is_no_region() {
        let rows: Vec<Row> = (0..12)
            .map(|i| row(100.0 + 12.0 * i as f32, &prose(72.0, 520.0, i)))
            .collect();
        assert!(find_regions(&rows, &[]).is_empty());
    }
}
