//! Lines from glyphs: baseline grouping, word spaces from measured gaps, and
//! spans (runs of text separated by gaps wider than a word space, such as
//! tab stops, table columns and page columns).

use crate::read::pdf::content::{FontCache, Glyph, PageContent, DRAWN};

/// A run of text on one baseline with no wide gap inside.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// The text, words separated by single spaces.
    pub text: String,
    /// Every glyph is bold.
    pub bold: bool,
    /// Every glyph is italic.
    pub italic: bool,
    /// The largest font size.
    pub size: f32,
    /// Word starts after a gap wider than a tight word space, where a span
    /// may have to be cut at a column that other lines show (see
    /// [`split_at_columns`]).
    pub wide_gaps: Vec<WideGap>,
}

/// A word start inside a span after a wider-than-tight space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WideGap {
    /// Byte offset of the word in the span's text.
    pub at: usize,
    /// Right edge of the text before the gap.
    pub before: f32,
    /// Left edge of the word.
    pub x0: f32,
}

/// A line of text: spans on one baseline, left to right.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Baseline.
    pub y: f32,
    /// The spans, left to right.
    pub spans: Vec<Span>,
}

impl Line {
    /// Left edge.
    pub fn x0(&self) -> f32 {
        self.spans.first().map_or(0.0, |s| s.x0)
    }
    /// Right edge.
    pub fn x1(&self) -> f32 {
        self.spans.last().map_or(0.0, |s| s.x1)
    }
    /// The largest font size.
    pub fn size(&self) -> f32 {
        self.spans.iter().map(|s| s.size).fold(0.0, f32::max)
    }
    /// Top of the line (baseline minus the ascent of its largest glyph).
    pub fn top(&self) -> f32 {
        self.y - self.size() * 0.8
    }
    /// Every span is bold.
    pub fn bold(&self) -> bool {
        self.spans.iter().all(|s| s.bold)
    }
    /// Every span is italic.
    pub fn italic(&self) -> bool {
        self.spans.iter().all(|s| s.italic)
    }
    /// The whole text, spans joined by a space.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for s in &self.spans {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&s.text);
        }
        out
    }
}

/// Groups a page's upright glyphs into lines, top to bottom. Glyphs for which
/// `keep` answers false are left out.
pub fn build_lines(
    page: &PageContent,
    fonts: &FontCache,
    keep: impl Fn(&Glyph) -> bool,
) -> Vec<Line> {
    build_lines_of(
        page,
        fonts,
        page.glyphs.iter().filter(|g| keep(g)).collect(),
    )
}

/// Groups the given glyphs of a page into lines, top to bottom.
pub fn build_lines_of<'a>(
    page: &'a PageContent,
    fonts: &FontCache,
    glyphs: Vec<&'a Glyph>,
) -> Vec<Line> {
    let glyphs: Vec<&Glyph> = glyphs
        .into_iter()
        .filter(|g| g.upright && g.size > 0.5)
        .collect();
    let clusters = merge_superscripts(baseline_clusters(glyphs));
    clusters
        .into_iter()
        .map(|mut c| {
            c.sort_by(|a, b| a.0.x0.total_cmp(&b.0.x0));
            drop_lone_drawn_bullets(&mut c);
            // The baseline of the line's leftmost glyph that is not raised.
            let y = c.iter().find(|p| !p.1).map_or(0.0, |p| p.0.y);
            line_from(page, fonts, y, &c)
        })
        .filter(|l| !l.spans.is_empty())
        .collect()
}

/// A bullet drawn as a shape marks the text to its right; with no text after
/// it on its line, the shape was a part of a logo or a picture (the dot of an
/// "i", a round emblem) and is dropped. `line` is sorted by x.
fn drop_lone_drawn_bullets(line: &mut Vec<Placed>) {
    let last_text = line
        .iter()
        .rev()
        .find(|p| p.0.font != DRAWN)
        .map_or(f32::MIN, |p| p.0.x0);
    line.retain(|p| p.0.font != DRAWN || p.0.x1 <= last_text);
}

/// Glyphs grouped by baseline, top to bottom: a glyph joins the cluster when
/// its baseline is within a fraction of its size of the cluster's first
/// baseline. Each cluster keeps its glyphs in baseline order.
pub(crate) fn baseline_clusters(mut glyphs: Vec<&Glyph>) -> Vec<Vec<&Glyph>> {
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut clusters: Vec<Vec<&Glyph>> = Vec::new();
    for g in glyphs {
        match clusters.last_mut() {
            Some(c)
                if c.first()
                    .is_some_and(|f| (g.y - f.y).abs() <= 0.3 * g.size.max(f.size).min(40.0)) =>
            {
                c.push(g)
            }
            _ => clusters.push(vec![g]),
        }
    }
    clusters
}

/// A word space wider than this many ems may be a cell or tab boundary.
const WIDE_GAP: f32 = 0.4;

/// More raised glyphs than this above one line are a line of their own.
const MAX_RAISED_GLYPHS: usize = 64;

/// A glyph of a line, and whether it was raised above the line (a superscript).
type Placed<'a> = (&'a Glyph, bool);

/// Small raised text (footnote marks, the "th" of "12th") sits on its own
/// baseline, just above the line it belongs to. Such a cluster joins the
/// cluster below it, its glyphs flagged as raised, so that they fall into place
/// by x ("12" "th" → "12th") rather than at the end of the line.
fn merge_superscripts(clusters: Vec<Vec<&Glyph>>) -> Vec<Vec<Placed<'_>>> {
    let max_size = |c: &[&Glyph]| c.iter().map(|g| g.size).fold(0.0, f32::max);
    let x_range = |c: &[&Glyph]| {
        c.iter()
            .fold((f32::MAX, f32::MIN), |(a, b), g| (a.min(g.x0), b.max(g.x1)))
    };
    let mut out: Vec<Vec<Placed>> = Vec::with_capacity(clusters.len());
    let mut raised: Option<Vec<&Glyph>> = None;
    let mut iter = clusters.into_iter().peekable();
    while let Some(c) = iter.next() {
        let y = c.first().map_or(0.0, |g| g.y);
        let mut placed: Vec<Placed> = c.iter().map(|g| (*g, false)).collect();
        if let Some(r) = raised.take() {
            placed.extend(r.into_iter().map(|g| (g, true)));
        }
        if let Some(below) = iter.peek() {
            let (size, below_size) = (max_size(&c), max_size(below));
            let below_y = below.first().map_or(0.0, |g| g.y);
            let ((a0, a1), (b0, b1)) = (x_range(&c), x_range(below));
            let small = size < below_size * 0.85;
            let is_raised = below_y > y && below_y - y < below_size * 0.6;
            let inside = a0 >= b0 - below_size * 2.0 && a1 <= b1 + below_size * 3.0;
            // Raised marks sit in the gaps of the line below; text that
            // overlaps it (a larger heading drawn across a table row) does not.
            let overlaps = || {
                c.iter().any(|g| {
                    below
                        .iter()
                        .any(|h| g.x0.max(h.x0) < g.x1.min(h.x1) - 0.25 * g.size)
                })
            };
            let inside = inside && c.len() <= MAX_RAISED_GLYPHS && !overlaps();
            // Only a cluster that was not itself given raised glyphs moves down.
            if small && is_raised && inside && placed.iter().all(|p| !p.1) {
                raised = Some(c);
                continue;
            }
        }
        out.push(placed);
    }
    out
}

/// Is this the text of a note reference mark ("1", "12", "*", "†")?
fn is_reference_mark(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '*' | '†' | '‡'))
}

fn line_from(page: &PageContent, fonts: &FontCache, y: f32, glyphs: &[Placed]) -> Line {
    let mut spans: Vec<Span> = Vec::new();
    let mut cur: Option<Span> = None;
    let mut last_end: f32 = f32::MIN;
    let mut last: Option<&Glyph> = None;
    let mut pending_space = false;
    // Inside a raised note reference glued to the word before it.
    let mut in_reference = false;
    let mut last_raised = false;
    for &(g, is_raised) in glyphs {
        let text = page.glyph_text(g);
        if text.chars().all(char::is_whitespace) {
            // A space painted over the glyph before it (a stray space of
            // another font at the line start) is not a word break.
            if g.x0 >= last_end - g.size * 0.1 {
                pending_space = true;
                in_reference = false;
            }
            continue;
        }
        // A note reference glued to a word ("together¹") is dropped, as Word
        // and the text exports drop it; its room is not a word space.
        if is_raised && is_reference_mark(text) {
            // Glued to a word on the line, not to raised text before it.
            let glued = last.is_some() && !last_raised && g.x0 - last_end < g.size * 0.6;
            if in_reference || (glued && !pending_space) {
                in_reference = true;
                last_end = last_end.max(g.x1);
                continue;
            }
        }
        if in_reference && !is_raised {
            in_reference = false;
            // "word¹, more": the comma follows the word directly.
            if text.starts_with([',', '.', ';', ':', ')']) {
                if let Some(s) = cur.as_mut() {
                    s.text.push_str(text);
                    s.x1 = s.x1.max(g.x1);
                    last_end = last_end.max(g.x1);
                    last = Some(g);
                    last_raised = false;
                    continue;
                }
            }
        }
        // A glyph painted twice at the same place (fake bold, shadows).
        if let Some(p) = last {
            if (g.x0 - p.x0).abs() < g.size * 0.15 && page.glyph_text(p) == text {
                continue;
            }
        }
        let font = fonts.get(g.font);
        // A bullet glyph comes from a symbol font: it does not make a bold
        // item plain.
        let is_mark = text
            .chars()
            .all(|c| c != '-' && crate::text::label::is_bullet_char(c));
        let bold = font.is_some_and(|f| f.bold) || is_mark;
        let italic = font.is_some_and(|f| f.italic) || is_mark;
        let gap = g.x0 - last_end;
        let size = g.size;
        let new_span = cur.is_none() || gap > size.max(last.map_or(0.0, |l| l.size)) * 1.0;
        if new_span {
            if let Some(s) = cur.take() {
                spans.push(s);
            }
            cur = Some(Span {
                x0: g.x0,
                x1: g.x1,
                text: String::from(text),
                bold,
                italic,
                size,
                wide_gaps: Vec::new(),
            });
        } else if let Some(s) = cur.as_mut() {
            if (pending_space || gap > size * 0.15) && !s.text.ends_with(' ') {
                s.text.push(' ');
                if gap > size * WIDE_GAP {
                    s.wide_gaps.push(WideGap {
                        at: s.text.len(),
                        before: last_end,
                        x0: g.x0,
                    });
                }
            }
            s.text.push_str(text);
            s.x1 = s.x1.max(g.x1);
            s.bold &= bold;
            s.italic &= italic;
            s.size = s.size.max(size);
        }
        pending_space = false;
        last_end = last_end.max(g.x1);
        last = Some(g);
        last_raised = is_raised;
    }
    if let Some(s) = cur {
        spans.push(s);
    }
    Line { y, spans }
}

/// Cuts spans where a word starts at a column that nearby lines start a
/// span at, after a space wider than a tight one: a table cell or a label
/// column whose text comes within an em of the next cell ("Report author
/// Head of Finance…" beside "Circulated to ⇥ Cabinet") is two spans. Only
/// a column that two or more lines nearby show cuts a span, so justified
/// prose, whose wide spaces fall anywhere, stays whole.
pub fn split_at_columns(lines: &mut [Line]) {
    // (baseline, index, x0 of every span after the first) of each line
    // with two or more spans, by baseline.
    let mut starts: Vec<(f32, usize, Vec<f32>)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.spans.len() > 1)
        .map(|(i, l)| (l.y, i, l.spans.iter().skip(1).map(|s| s.x0).collect()))
        .collect();
    starts.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (i, line) in lines.iter_mut().enumerate() {
        if line.spans.iter().all(|s| s.wide_gaps.is_empty()) {
            continue;
        }
        let reach = line.size() * 5.0;
        let from = starts.partition_point(|s| s.0 < line.y - reach);
        let near = starts
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|s| s.0 <= line.y + reach);
        let shown = |x: f32| {
            near.clone()
                .filter(|(_, j, xs)| *j != i && xs.iter().any(|sx| (sx - x).abs() <= 1.5))
                .count()
                >= 2
        };
        let mut out: Vec<Span> = Vec::with_capacity(line.spans.len() + 1);
        for span in std::mem::take(&mut line.spans) {
            let mut rest = span;
            loop {
                let cut = rest.wide_gaps.iter().position(|g| shown(g.x0));
                let Some(k) = cut else { break };
                let gaps = std::mem::take(&mut rest.wide_gaps);
                let Some(g) = gaps.get(k).copied() else { break };
                let (Some(left), Some(right)) = (rest.text.get(..g.at), rest.text.get(g.at..))
                else {
                    break;
                };
                // A bullet or list label before its text is no cell of its
                // own: lists in cells keep their items whole.
                let head = crate::text::normalize(left);
                if crate::text::parse_label(&head, crate::text::LabelOptions::default())
                    .is_some_and(|(_, rest)| rest.is_empty())
                {
                    rest.wide_gaps = gaps.into_iter().skip(k + 1).collect();
                    continue;
                }
                let head = Span {
                    x0: rest.x0,
                    x1: g.before,
                    text: left.trim_end().to_string(),
                    bold: rest.bold,
                    italic: rest.italic,
                    size: rest.size,
                    wide_gaps: gaps.iter().take(k).copied().collect(),
                };
                let tail = Span {
                    x0: g.x0,
                    x1: rest.x1,
                    text: right.to_string(),
                    bold: rest.bold,
                    italic: rest.italic,
                    size: rest.size,
                    wide_gaps: gaps
                        .iter()
                        .skip(k + 1)
                        .map(|w| WideGap {
                            at: w.at.saturating_sub(g.at),
                            ..*w
                        })
                        .collect(),
                };
                out.push(head);
                rest = tail;
            }
            out.push(rest);
        }
        line.spans = out;
    }
}
