//! Lines from glyphs: baseline grouping, word spaces from measured gaps, and
//! spans (runs of text separated by gaps wider than a word space, such as
//! tab stops, table columns and page columns).

use crate::read::pdf::content::{FontCache, Glyph, PageContent};

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
    let mut glyphs: Vec<&Glyph> = glyphs
        .into_iter()
        .filter(|g| g.upright && g.size > 0.5)
        .collect();
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y));
    // Baseline clusters: a glyph joins the cluster when its baseline is within
    // a fraction of its size of the cluster's first baseline.
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
    let mut lines: Vec<Line> = clusters
        .into_iter()
        .map(|mut c| {
            c.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            line_from(page, fonts, &c)
        })
        .filter(|l| !l.spans.is_empty())
        .collect();
    merge_superscripts(&mut lines);
    lines
}

/// Small raised text (footnote marks, "st"/"th") sits on its own baseline;
/// it belongs to the line just below it when it lies within that line's height.
fn merge_superscripts(lines: &mut Vec<Line>) {
    let mut i = 0;
    while i + 1 < lines.len() {
        let (Some(a), Some(b)) = (lines.get(i), lines.get(i + 1)) else {
            break;
        };
        let small = a.size() < b.size() * 0.85;
        let raised = b.y - a.y < b.size() * 0.6 && b.y > a.y;
        let inside = a.x0() >= b.x0() - b.size() * 2.0 && a.x1() <= b.x1() + b.size() * 3.0;
        if small && raised && inside {
            let a = lines.remove(i);
            if let Some(b) = lines.get_mut(i) {
                for s in a.spans {
                    // A note reference glued to a word ("together¹") is dropped,
                    // as Word and the text exports drop it.
                    let is_ref = s
                        .text
                        .chars()
                        .all(|c| c.is_ascii_digit() || matches!(c, '*' | '†' | '‡'));
                    let glued = b
                        .spans
                        .iter()
                        .any(|t| t.x0 < s.x0 && s.x0 <= t.x1 + t.size * 0.3);
                    if is_ref && glued {
                        // The mark's room became a gap: no space before punctuation.
                        for t in b.spans.iter_mut() {
                            if t.text.contains(" ,") || t.text.contains(" .") {
                                t.text = t.text.replace(" ,", ",").replace(" .", ".");
                            }
                        }
                        continue;
                    }
                    // Glue the mark to the span it follows.
                    let pos = b
                        .spans
                        .iter()
                        .position(|t| t.x0 > s.x0)
                        .unwrap_or(b.spans.len());
                    match pos.checked_sub(1).and_then(|p| b.spans.get_mut(p)) {
                        Some(prev) if s.x0 - prev.x1 < prev.size * 0.3 => {
                            prev.text.push_str(&s.text);
                            prev.x1 = prev.x1.max(s.x1);
                        }
                        _ => b.spans.insert(pos, s),
                    }
                }
            }
            continue;
        }
        i += 1;
    }
}

fn line_from(page: &PageContent, fonts: &FontCache, glyphs: &[&Glyph]) -> Line {
    let y = glyphs.first().map_or(0.0, |g| g.y);
    let mut spans: Vec<Span> = Vec::new();
    let mut cur: Option<Span> = None;
    let mut last_end: f32 = f32::MIN;
    let mut last: Option<&Glyph> = None;
    let mut pending_space = false;
    for g in glyphs {
        let text = page.glyph_text(g);
        if text.chars().all(char::is_whitespace) {
            pending_space = true;
            continue;
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
            });
        } else if let Some(s) = cur.as_mut() {
            if (pending_space || gap > size * 0.15) && !s.text.ends_with(' ') {
                s.text.push(' ');
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
    }
    if let Some(s) = cur {
        spans.push(s);
    }
    Line { y, spans }
}
