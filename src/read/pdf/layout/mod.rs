//! Layout: from positioned glyphs and rules to the blocks of a [`Document`].
//!
//! Per page: ruled grids become tables, the remaining glyphs become lines;
//! across pages: running headers/footers and page numbers are found and
//! dropped; then lines are grouped into headings and paragraphs (labels,
//! levels, hard wraps rejoined), footnotes are split off, and tables split
//! by a page break are merged.

pub mod furniture;
pub mod lines;
pub mod paragraphs;

use crate::document::{BlockKind, Cell, Link, Loc, Row, Table};
use crate::read::pdf::content::FontCache;
use crate::read::pdf::tables::{find_grids, Grid};
use crate::read::pdf::Page;
use crate::text::normalize;
use crate::{Document, Error, ParseOptions, Result};
use lines::{build_lines, Line};

/// A thing in a page's reading order.
#[derive(Debug, Clone)]
pub enum Item {
    /// A line of body text.
    Line(Line),
    /// A table, with the top of its grid.
    Table(Table, f32),
}

impl Item {
    fn top(&self) -> f32 {
        match self {
            Item::Line(l) => l.y,
            Item::Table(_, y) => *y,
        }
    }
}

/// One page after tables and lines were found.
#[derive(Debug, Clone, Default)]
pub struct PageItems {
    /// Lines and tables, top to bottom.
    pub items: Vec<Item>,
    /// Page height.
    pub height: f32,
    /// Page width.
    pub width: f32,
    /// The y of a short rule that separates footnotes, if any.
    pub footnote_rule: Option<f32>,
}

/// Turns interpreted pages into blocks.
pub fn build(pages: &[Page], fonts: &FontCache, options: &ParseOptions, doc: &mut Document) -> Result<()> {
    let mut laid: Vec<PageItems> = pages.iter().map(|p| page_items(p, fonts)).collect();
    furniture::remove(&mut laid);
    let body = body_size(&laid);
    let mut out = paragraphs::Builder::new(body, &laid);
    for (i, page) in laid.iter().enumerate() {
        let number = i as u32 + 1;
        out.page(number, page);
    }
    let blocks = out.finish();
    if blocks.len() as u64 > options.max_blocks {
        return Err(Error::limit("max_blocks", blocks.len() as u64, options.max_blocks));
    }
    for (loc, kind) in blocks {
        if let (BlockKind::Table(_), Some(prev)) = (&kind, doc.blocks.last()) {
            let _ = prev;
        }
        doc.push(loc, kind);
    }
    merge_split_tables(doc);
    links(pages, fonts, doc);
    Ok(())
}

fn body_size(pages: &[PageItems]) -> f32 {
    let mut hist: std::collections::HashMap<i32, usize> = Default::default();
    for p in pages {
        for it in &p.items {
            if let Item::Line(l) = it {
                for s in &l.spans {
                    *hist.entry((s.size * 2.0).round() as i32).or_default() += s.text.len();
                }
            }
        }
    }
    hist.into_iter()
        .max_by_key(|(k, n)| (*n, -*k))
        .map_or(11.0, |(k, _)| k as f32 / 2.0)
}

fn page_items(page: &Page, fonts: &FontCache) -> PageItems {
    let c = &page.content;
    let area = c.width * c.height;
    let grids: Vec<Grid> = find_grids(&c.rules)
        .into_iter()
        .filter(|g| {
            let [x0, y0, x1, y1] = g.bbox();
            (x1 - x0) * (y1 - y0) < area * 0.85 && g.cells.len() >= 2
        })
        .collect();
    let inside = |g: &crate::read::pdf::content::Glyph, r: [f32; 4]| {
        let cx = (g.x0 + g.x1) / 2.0;
        let cy = g.y - g.size * 0.3;
        cx >= r[0] && cx <= r[2] && cy >= r[1] && cy <= r[3]
    };
    let boxes: Vec<[f32; 4]> = grids.iter().map(Grid::bbox).collect();
    let mut items: Vec<Item> = build_lines(c, fonts, |g| !boxes.iter().any(|b| inside(g, *b)))
        .into_iter()
        .map(Item::Line)
        .collect();
    for grid in &grids {
        let table = grid_table(grid, |rect| build_lines(c, fonts, |g| inside(g, rect)));
        if table.rows.iter().any(|r| r.cells.iter().any(|c| !c.text.is_empty())) {
            items.push(Item::Table(table, grid.bbox()[1]));
        }
    }
    items.sort_by(|a, b| a.top().total_cmp(&b.top()));
    // A short rule above small text at the bottom: the footnote separator.
    let footnote_rule = c
        .rules
        .iter()
        .filter(|r| r.is_horizontal() && r.x1 - r.x0 < c.width * 0.45 && r.x1 - r.x0 > 20.0 && r.y0 > c.height * 0.5)
        .filter(|r| !boxes.iter().any(|b| r.y0 >= b[1] - 2.0 && r.y0 <= b[3] + 2.0))
        .map(|r| r.y0)
        .fold(None, |acc: Option<f32>, y| Some(acc.map_or(y, |a| a.min(y))));
    PageItems {
        items,
        height: c.height,
        width: c.width,
        footnote_rule,
    }
}

fn grid_table(grid: &Grid, mut lines_in: impl FnMut([f32; 4]) -> Vec<Line>) -> Table {
    let mut rows: Vec<Row> = (0..grid.rows()).map(|_| Row::default()).collect();
    let mut all_bold_first = true;
    for cell in &grid.cells {
        let lines = lines_in(cell.rect);
        let text = cell_text(&lines);
        let bold = !lines.is_empty() && lines.iter().all(Line::bold);
        if cell.row == 0 && !bold && !text.is_empty() {
            all_bold_first = false;
        }
        if let Some(row) = rows.get_mut(cell.row) {
            row.cells.push(Cell {
                text,
                col_span: cell.col_span as u32,
                row_span: cell.row_span as u32,
                covered: false,
                bold,
            });
        }
        for r in cell.row + 1..cell.row + cell.row_span {
            if let Some(row) = rows.get_mut(r) {
                row.cells.push(Cell {
                    text: String::new(),
                    col_span: cell.col_span as u32,
                    row_span: 1,
                    covered: true,
                    bold: false,
                });
            }
        }
    }
    // Cells were pushed in grid order per origin; covered placeholders must
    // sit at their column, so sort each row by column.
    for (r, row) in rows.iter_mut().enumerate() {
        let cols: Vec<usize> = grid
            .cells
            .iter()
            .filter(|c| c.row <= r && r < c.row + c.row_span)
            .map(|c| c.col)
            .collect();
        let mut paired: Vec<(usize, Cell)> = cols.into_iter().zip(row.cells.drain(..)).collect();
        paired.sort_by_key(|(c, _)| *c);
        row.cells = paired.into_iter().map(|(_, c)| c).collect();
    }
    rows.retain(|r| !r.cells.is_empty());
    Table {
        header_rows: usize::from(all_bold_first && rows.len() > 1),
        rows,
    }
}

/// A cell's text: its paragraphs separated by "\n", bullets as "• ".
fn cell_text(lines: &[Line]) -> String {
    let mut paras: Vec<String> = Vec::new();
    let mut prev: Option<&Line> = None;
    for l in lines {
        let raw = normalize(&l.text());
        if raw.is_empty() {
            continue;
        }
        let label = crate::text::parse_label(&raw, crate::text::LabelOptions::default());
        let gap_break = prev.is_some_and(|p| l.y - p.y > p.size().max(l.size()) * 1.6);
        let new_para = prev.is_none() || gap_break || label.is_some();
        let piece = match &label {
            Some((lab, rest)) if lab.is_bullet() => format!("• {rest}"),
            _ => raw.clone(),
        };
        match paras.last_mut() {
            Some(last) if !new_para => crate::text::join_wrapped(last, &piece),
            _ => paras.push(piece),
        }
        prev = Some(l);
    }
    paras.join("\n")
}

/// A table at the top of a page that continues the table ending the page
/// before (same column count; a repeated header row dropped) becomes one.
fn merge_split_tables(doc: &mut Document) {
    let mut i = 0;
    while i + 2 < doc.blocks.len() {
        let is_split = matches!(
            (doc.blocks.get(i).map(|b| &b.kind), doc.blocks.get(i + 1).map(|b| &b.kind), doc.blocks.get(i + 2).map(|b| &b.kind)),
            (Some(BlockKind::Table(a)), Some(BlockKind::PageBreak), Some(BlockKind::Table(b))) if a.width() == b.width()
        );
        if !is_split {
            i += 1;
            continue;
        }
        let next = doc.blocks.remove(i + 2);
        let page = next.loc.page;
        if let (Some(BlockKind::Table(a)), BlockKind::Table(mut b)) = (doc.blocks.get_mut(i).map(|x| &mut x.kind), next.kind) {
            let header: Vec<String> = a.rows.first().map(|r| r.cells.iter().map(|c| c.text.clone()).collect()).unwrap_or_default();
            let first: Vec<String> = b.rows.first().map(|r| r.cells.iter().map(|c| c.text.clone()).collect()).unwrap_or_default();
            if !b.rows.is_empty() && first == header {
                b.rows.remove(0);
                a.header_rows = a.header_rows.max(1);
            }
            a.rows.extend(b.rows);
        }
        // The page break stays after the merged table.
        let pb = doc.blocks.remove(i + 1);
        doc.blocks.insert(i + 1, pb);
        doc.warn(
            "table-split-merged",
            "a table continued on the next page was merged into one",
            page.map(Loc::page),
        );
    }
}

fn links(pages: &[Page], fonts: &FontCache, doc: &mut Document) {
    for page in pages {
        for (rect, url) in &page.links {
            let [x0, y0, x1, y1] = *rect;
            let lines = build_lines(&page.content, fonts, |g| {
                let cx = (g.x0 + g.x1) / 2.0;
                let cy = g.y - g.size * 0.3;
                cx >= x0 && cx <= x1 && cy >= y0 - 1.0 && cy <= y1 + 1.0
            });
            let mut text = String::new();
            for l in &lines {
                crate::text::join_wrapped(&mut text, &l.text());
            }
            let text = normalize(&text);
            if url.is_empty() {
                continue;
            }
            if !doc.links.iter().any(|l| l.url == *url && l.text == text) {
                doc.links.push(Link { text, url: url.clone() });
            }
        }
    }
}
