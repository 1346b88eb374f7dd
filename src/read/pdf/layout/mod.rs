//! Layout: from positioned glyphs and rules to the blocks of a [`Document`].
//!
//! Per page: ruled grids become tables, the remaining glyphs become lines;
//! across pages: running headers/footers and page numbers are found and
//! dropped; then lines are grouped into headings and paragraphs (labels,
//! levels, hard wraps rejoined), footnotes are split off, and tables split
//! by a page break are merged.

pub mod columns;
pub mod furniture;
pub mod label_columns;
pub mod lines;
pub mod paragraphs;

use std::collections::HashMap;

use crate::document::{BlockKind, Cell, Link, Loc, Row, Table};
use crate::error::check_limit;
use crate::read::pdf::content::{FontCache, Glyph, Rule};
use crate::read::pdf::tables::{find_grids, Grid};
use crate::read::pdf::Page;
use crate::text::normalize;
use crate::{Document, ParseOptions, Result};
use lines::{Line, Span};

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
    /// How many regions set in columns were read column by column.
    pub columns: usize,
}

/// Turns the pages' lines and tables (from `page_items`, one page at a
/// time) into blocks.
pub fn build(mut laid: Vec<PageItems>, options: &ParseOptions, doc: &mut Document) -> Result<()> {
    doc.running_text = furniture::remove(&mut laid);
    let body = body_size(&laid);
    let mut out = paragraphs::Builder::new(body, &laid);
    for (i, page) in laid.iter().enumerate() {
        let number = i as u32 + 1;
        out.page(number, page);
    }
    let blocks = out.finish();
    check_limit("max_blocks", blocks.len() as u64, options.max_blocks)?;
    for (loc, kind) in blocks {
        doc.push(loc, kind);
    }
    merge_split_tables(doc);
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

/// One page's lines and tables in reading order.
pub(crate) fn page_items(page: &Page, fonts: &FontCache) -> PageItems {
    let c = &page.content;
    let area = c.width * c.height;
    // Underlines (links, emphasis) are rules too, but no table borders.
    let mut by_y: Vec<&Glyph> = c.glyphs.iter().filter(|g| g.upright).collect();
    by_y.sort_by(|a, b| a.y.total_cmp(&b.y));
    let rules: Vec<Rule> = c
        .rules
        .iter()
        .filter(|r| !is_underline(r, &by_y))
        .copied()
        .collect();
    let grids: Vec<Grid> = find_grids(&rules)
        .into_iter()
        .filter(|g| {
            let [x0, y0, x1, y1] = g.bbox();
            // Each cell scans the page's glyphs: very large grids are read as lines.
            (x1 - x0) * (y1 - y0) < area * 0.85 && g.cells.len() >= 2 && g.cells.len() <= 3000
        })
        .collect();
    let inside = |g: &Glyph, r: [f32; 4]| {
        let cx = (g.x0 + g.x1) / 2.0;
        let cy = g.y - g.size * 0.3;
        cx >= r[0] && cx <= r[2] && cy >= r[1] && cy <= r[3]
    };
    // A grid whose cells hold several columns of text is too coarse to be
    // the table (a box around column groups): its text is read as lines.
    let mut accepted: Vec<(&Grid, Vec<Vec<Line>>)> = Vec::new();
    for grid in &grids {
        // Cells look only at the glyphs inside their grid.
        let in_grid: Vec<&Glyph> = c.glyphs.iter().filter(|g| inside(g, grid.bbox())).collect();
        let cell_lines: Vec<Vec<Line>> = grid
            .cells
            .iter()
            .map(|cell| {
                let mine = in_grid
                    .iter()
                    .copied()
                    .filter(|g| inside(g, cell.rect))
                    .collect();
                lines::build_lines_of(c, fonts, mine)
            })
            .collect();
        let filled = cell_lines.iter().filter(|l| !l.is_empty()).count();
        let coarse = cell_lines
            .iter()
            .filter(|ls| ls.iter().any(|l| l.spans.len() >= 3))
            .count();
        if filled > 0 && coarse * 10 <= filled * 3 && !is_frame(grid, &cell_lines, c.width) {
            accepted.push((grid, cell_lines));
        }
    }
    let boxes: Vec<[f32; 4]> = accepted.iter().map(|(g, _)| g.bbox()).collect();
    let flow_glyphs: Vec<&Glyph> = c
        .glyphs
        .iter()
        .filter(|g| !boxes.iter().any(|b| inside(g, *b)))
        .collect();
    let mut breaks: Vec<(f32, f32)> = boxes.iter().map(|b| (b[1], b[3])).collect();
    let (mut flow, mut regions) =
        columns::ordered_lines(c, fonts, flow_glyphs.clone(), &breaks, &page.order);
    // A label column set wide (LibreOffice halves a two-column table) can
    // read as a page column of its own: sure label/value runs among the
    // lines taken row by row are tables, and the rest is ordered again.
    let mut label_tables = Vec::new();
    if regions > 0 {
        let upright: Vec<&Glyph> = flow_glyphs
            .iter()
            .copied()
            .filter(|g| g.upright && g.size > 0.5)
            .collect();
        let (rows, right) = tidy_lines(lines::build_lines_of(c, fonts, upright));
        label_tables = label_columns::label_column_tables(rows, right);
        if !label_tables.is_empty() {
            let rest: Vec<&Glyph> = flow_glyphs
                .iter()
                .copied()
                .filter(|g| !label_tables.iter().any(|(_, b)| inside(g, *b)))
                .collect();
            breaks.extend(label_tables.iter().map(|(_, b)| (b[1], b[3])));
            (flow, regions) = columns::ordered_lines(c, fonts, rest, &breaks, &page.order);
        }
    }
    let (flow, right) = tidy_lines(flow);
    let mut items = label_columns::label_columns(borderless_tables(flow), right);
    let mut tables: Vec<(Item, [f32; 4])> = Vec::new();
    for (grid, cell_lines) in accepted {
        let mut cached = cell_lines.into_iter();
        let table = grid_table(grid, |_| cached.next().unwrap_or_default());
        tables.push((Item::Table(table, grid.bbox()[1]), grid.bbox()));
    }
    for (table, bbox) in label_tables {
        tables.push((Item::Table(table, bbox[1]), bbox));
    }
    if regions == 0 {
        items.extend(tables.into_iter().map(|(t, _)| t));
        items.sort_by(|a, b| a.top().total_cmp(&b.top()));
    } else {
        // Lines are in column order: a table goes where its column reads it.
        for (table, bbox) in tables {
            place_table(&mut items, table, bbox);
        }
    }
    // A short rule at the left margin in the lower half, with no text on it
    // and a note mark (a small raised number, or digits) right below it: the
    // footnote separator.
    let left = items
        .iter()
        .filter_map(|it| match it {
            Item::Line(l) => Some(l.x0()),
            Item::Table(..) => None,
        })
        .fold(f32::MAX, f32::min);
    let footnote_rule = c
        .rules
        .iter()
        .filter(|r| {
            r.is_horizontal()
                && r.x1 - r.x0 < c.width * 0.45
                && r.x1 - r.x0 > 20.0
                && r.y0 > c.height * 0.5
        })
        .filter(|r| (r.x0 - left).abs() <= 6.0)
        .filter(|r| {
            !boxes
                .iter()
                .any(|b| r.y0 >= b[1] - 2.0 && r.y0 <= b[3] + 2.0)
        })
        .filter(|r| {
            let below = items.iter().find_map(|it| match it {
                Item::Line(l) if l.y > r.y0 => Some(l),
                _ => None,
            });
            let on_it = items
                .iter()
                .any(|it| matches!(it, Item::Line(l) if (l.y - r.y0).abs() < 3.0));
            !on_it
                && below.is_some_and(|l| {
                    let t = l.text();
                    l.size() < l.spans.iter().map(|s| s.size).fold(0.0, f32::max) + 0.1
                        && (l.spans.first().is_some_and(|s| s.size < 9.0)
                            || t.starts_with(|c: char| c.is_ascii_digit() || c == '*'))
                })
        })
        .map(|r| r.y0)
        .fold(None, |acc: Option<f32>, y| {
            Some(acc.map_or(y, |a| a.min(y)))
        });
    PageItems {
        items,
        height: c.height,
        width: c.width,
        footnote_rule,
        columns: regions,
    }
}

/// A one-column ruled box across most of the page around wrapped prose (the
/// frame of a record of decision, a bordered summary) is a frame, not a
/// table: its text is read as lines, so that its headings and numbered
/// paragraphs are found as on an unframed page.
fn is_frame(grid: &Grid, cell_lines: &[Vec<Line>], page_width: f32) -> bool {
    let [x0, _, x1, _] = grid.bbox();
    let width = x1 - x0;
    let wrapped = |lines: &Vec<Line>| {
        lines
            .iter()
            .filter(|l| l.spans.len() <= 2 && l.x1() - l.x0() >= width * 0.6)
            .count()
    };
    grid.xs.len() == 2 && width >= page_width * 0.6 && cell_lines.iter().any(|ls| wrapped(ls) >= 3)
}

/// Puts a table before the first line below its top that it overlaps
/// horizontally, or else after the last such line above it.
fn place_table(items: &mut Vec<Item>, table: Item, bbox: [f32; 4]) {
    let overlaps = |l: &Line| l.x0() < bbox[2] && l.x1() > bbox[0];
    let below = items
        .iter()
        .position(|it| matches!(it, Item::Line(l) if l.y > bbox[1] && overlaps(l)));
    let at = below.unwrap_or_else(|| {
        items
            .iter()
            .rposition(|it| matches!(it, Item::Line(l) if l.y <= bbox[1] && overlaps(l)))
            .map_or_else(
                || {
                    items
                        .iter()
                        .position(|it| it.top() > bbox[1])
                        .unwrap_or(items.len())
                },
                |i| i + 1,
            )
    });
    items.insert(at.min(items.len()), table);
}

/// Lines as the layout reads them: centred table rows merged, spans cut
/// at the columns nearby lines show; with the right edge of their text.
fn tidy_lines(raw: Vec<Line>) -> (Vec<Line>, f32) {
    let mut tidy = merge_centred_rows(raw);
    lines::split_at_columns(&mut tidy);
    let right = tidy.iter().map(Line::x1).fold(0.0, f32::max);
    (tidy, right)
}

/// Most lines a vertically centred table row may be drawn on.
const MAX_ROW_LINES: usize = 4;

/// A table row whose cells are centred vertically puts a one-line cell
/// ("2.6", "Please refer to Section 7") half a line below the first line of
/// a wrapped cell beside it: lines closer than any two lines of one column
/// can be are one row. A run of such lines whose spans, taken column by
/// column, never overlap within a line's height becomes one line, each
/// column's text joined top to bottom. Longer runs (two columns on offset
/// baselines) are left alone.
fn merge_centred_rows(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut run: Vec<Line> = Vec::new();
    let close = |a: &Line, b: &Line| {
        let size = a.size().max(b.size());
        b.y - a.y < size * 0.7 && (a.size() - b.size()).abs() <= 1.0
    };
    for l in lines {
        if run.last().is_some_and(|p| !close(p, &l)) {
            flush_centred(&mut run, &mut out);
        }
        run.push(l);
    }
    flush_centred(&mut run, &mut out);
    out
}

/// A column of a centred row: its left and right edges and its spans, each
/// with its baseline.
type CellColumn = (f32, f32, Vec<(f32, Span)>);

fn flush_centred(run: &mut Vec<Line>, out: &mut Vec<Line>) {
    if run.len() < 2 || run.len() > MAX_ROW_LINES {
        out.append(run);
        return;
    }
    // Columns: spans grouped by horizontal overlap, each with its spans'
    // baselines.
    let mut cols: Vec<CellColumn> = Vec::new();
    for l in run.iter() {
        for s in &l.spans {
            match cols
                .iter_mut()
                .find(|c| s.x0 < c.1 + 1.0 && s.x1 > c.0 - 1.0)
            {
                Some(c) => {
                    c.0 = c.0.min(s.x0);
                    c.1 = c.1.max(s.x1);
                    c.2.push((l.y, s.clone()));
                }
                None => cols.push((s.x0, s.x1, vec![(l.y, s.clone())])),
            }
        }
    }
    let size = run.iter().map(Line::size).fold(0.0, f32::max);
    // Within a column, lines are a full line apart; and a row has cells.
    let stacked = cols.iter().all(|c| {
        c.2.windows(2).all(|w| match w {
            [a, b] => b.0 - a.0 >= size * 0.9,
            _ => true,
        })
    });
    // A bold header row with words broken over lines ("Revenu" / "e") is
    // left to the table reading.
    let header = run.iter().all(Line::bold);
    if header || !stacked || cols.len() < 2 || cols.iter().all(|c| c.2.len() < 2) {
        out.append(run);
        return;
    }
    cols.sort_by(|a, b| a.0.total_cmp(&b.0));
    let spans = cols
        .into_iter()
        .filter_map(|(x0, x1, parts)| {
            let mut parts = parts.into_iter();
            let (_, mut span) = parts.next()?;
            for (_, s) in parts {
                paragraphs::join_line(&mut span.text, &s.text);
                span.bold &= s.bold;
                span.italic &= s.italic;
                span.size = span.size.max(s.size);
            }
            span.x0 = x0;
            span.x1 = x1;
            span.wide_gaps.clear();
            Some(span)
        })
        .collect();
    let y = run.first().map_or(0.0, |l| l.y);
    run.clear();
    out.push(Line { y, spans });
}

/// Runs of three or more lines that each have three or more spans set
/// apart by wide gaps are a table without rules: columns are the merged
/// horizontal extents of the spans, rows are the lines.
fn borderless_tables(lines: Vec<Line>) -> Vec<Item> {
    // Each row, with the lines below it that only go on in its cells.
    type Run = Vec<(Line, Vec<Line>)>;
    let mut out: Vec<Item> = Vec::with_capacity(lines.len());
    let mut run: Run = Vec::new();
    let flush = |run: &mut Run, out: &mut Vec<Item>| {
        // Rows with empty cells or wrapped cells whose first column is a
        // list label ("8.1") are numbered paragraphs set out beside a
        // summary, not a table.
        let loose = run
            .iter()
            .any(|(l, more)| l.spans.len() < 3 || !more.is_empty());
        let labels = run
            .iter()
            .filter(|(l, _)| {
                l.spans.first().is_some_and(|s| {
                    crate::text::parse_label(&normalize(&s.text), Default::default())
                        .is_some_and(|(_, rest)| rest.is_empty())
                })
            })
            .count();
        let left = run.iter().map(|(l, _)| l.x0()).fold(f32::MAX, f32::min);
        let first_col = run.iter().filter(|(l, _)| l.x0() <= left + 2.0).count();
        // Every row a list label, a sentence and at most a note beside it
        // ("2.3 | Note the forecast … | Please refer to Section 6"):
        // numbered paragraphs set out in columns, one per row.
        let numbered = labels == run.len()
            && run.iter().all(|(l, _)| {
                l.spans.len() <= 3
                    && l.spans
                        .get(1)
                        .is_some_and(|s| s.text.split_whitespace().count() >= 3)
            });
        if numbered {
            out.extend(
                run.drain(..)
                    .map(|(l, more)| Item::Line(with_wrapped(&l, &more))),
            );
            return;
        }
        // A row of label/value pairs ("Tel: | 01632 960 418 | Email: |
        // sam.jones@…"), a person's details set out across the page.
        let pairs = !run.is_empty() && run.iter().all(|(l, _)| is_pairs_row(l));
        // A row of labels over a row of their values ("Item No. |
        // Classification: | Date: | Meeting Name:" over "12 | Open | …").
        let labels_over_values = run.len() >= 2
            && run.first().is_some_and(|(l, _)| is_labels_row(l))
            && run.get(1).zip(run.first()).is_some_and(|((v, _), (h, _))| {
                v.spans.len() == h.spans.len() && !is_labels_row(v)
            });
        let contacts = run.len() >= 2 && run.first().is_some_and(|(h, _)| is_contact_header(h));
        let pairs = pairs || labels_over_values || contacts;
        if (run.len() >= 3 || pairs) && !(loose && labels > 0 && labels * 2 >= first_col) {
            let merged: Vec<Line> = run.iter().map(|(l, more)| with_wrapped(l, more)).collect();
            if let Some(t) = columns_table(&merged) {
                let top = merged.first().map_or(0.0, Line::top);
                out.push(Item::Table(t, top));
                run.clear();
                return;
            }
        }
        for (l, more) in run.drain(..) {
            out.push(Item::Line(l));
            out.extend(more.into_iter().map(Item::Line));
        }
    };
    for l in lines {
        let row = run.last().map(|(r, _)| r);
        let prev = run.last().map(|(r, more)| more.last().unwrap_or(r));
        let near = prev.is_none_or(|p| l.y - p.y <= p.size().max(l.size()) * 2.5);
        let tight = prev.is_some_and(|p| l.y - p.y <= p.size().max(l.size()) * 1.6);
        // The values of a row of label/value pairs wrapped onto a line of
        // their own ("01632 960" / "418", "sam.jones@w" / "estmere.gov.u").
        // Under a header of contact details ("Contact Officer | Telephone
        // | Email"), a person's cells wrapped onto the lines below.
        let contact_table =
            run.len() >= 2 && run.first().is_some_and(|(h, _)| is_contact_header(h));
        let values_wrap = tight
            && row.is_some_and(|r| {
                (is_pairs_row(r) && under_values(&l, r))
                    || (contact_table && prev.is_some_and(|p| cells_go_on(&l, r, p)))
            });
        // A row with an empty cell: two spans, each under a span of the row above.
        let wide = !values_wrap
            && (l.spans.len() >= 3
                || (l.spans.len() == 2 && row.is_some_and(|r| under_spans(&l, r, 0))));
        // A cell's text wrapped onto a line of its own: the first column is
        // empty and every span sits under a later span of the row.
        let wrapped = values_wrap
            || !wide
                && tight
                && row.is_some_and(|r| {
                    (r.spans.first().is_some_and(|f| l.x0() > f.x1 + 2.0) && under_spans(&l, r, 1))
                        || first_cell_wraps(&l, r)
                });
        if wide && near {
            let l = if run.is_empty() {
                with_line_above(&mut out, l)
            } else {
                l
            };
            run.push((l, Vec::new()));
        } else if wrapped {
            if let Some((_, more)) = run.last_mut() {
                more.push(l);
            }
        } else {
            flush(&mut run, &mut out);
            if l.spans.len() >= 3 {
                let l = with_line_above(&mut out, l);
                run.push((l, Vec::new()));
            } else {
                out.push(Item::Line(l));
            }
        }
    }
    flush(&mut run, &mut out);
    out
}

/// The small tables of text laid out on a character grid (`pdftotext
/// -layout`), which the PDF page's own run of tables finds among placed
/// lines but a text export's label columns do not: a row of label/value
/// pairs ("Tel: | 01632 960 | Email: | sam.jones@w" over "418 |
/// estmere.gov.u"), a header of contact columns over its rows ("Contact
/// Officer | Telephone | Email"), and a row of labels over a row of their
/// values ("Item No. | Classification: | Date: | Meeting Name:" over "12 |
/// Open | 18 March 2025 | Cabinet"). Each with the index of its first line
/// and how many lines it takes.
pub(crate) fn grid_text_tables(lines: &[Line]) -> Vec<(Table, usize, usize)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let found = pairs_row_at(lines, k)
            .or_else(|| contact_table_at(lines, k))
            .or_else(|| labels_over_values_at(lines, k));
        match found {
            Some((t, start, len)) => {
                k = start + len.max(1);
                out.push((t, start, len));
            }
            None => k += 1,
        }
    }
    out
}

/// Whether line `b` sits right under line `a`.
fn tight(a: &Line, b: &Line) -> bool {
    b.y - a.y <= a.size().max(b.size()) * 1.6
}

/// A row of label/value pairs at line `k`, its values wrapped onto the
/// lines below: a one-row table.
fn pairs_row_at(lines: &[Line], k: usize) -> Option<(Table, usize, usize)> {
    let row = lines.get(k).filter(|l| is_pairs_row(l))?;
    let mut more: Vec<Line> = Vec::new();
    let mut prev = row;
    while let Some(l) = lines.get(k + 1 + more.len()) {
        if !(tight(prev, l) && under_values(l, row)) {
            break;
        }
        more.push(l.clone());
        prev = l;
    }
    let t = columns_table(&[with_wrapped(row, &more)])?;
    Some((t, k, 1 + more.len()))
}

/// A header of contact columns at line `k`, the rows under it, and each
/// row's cells wrapped onto the lines below.
fn contact_table_at(lines: &[Line], k: usize) -> Option<(Table, usize, usize)> {
    let head = lines.get(k).filter(|l| is_contact_header(l))?;
    let mut rows: Vec<(Line, Vec<Line>)> = vec![(head.clone(), Vec::new())];
    let mut j = k + 1;
    while let Some(l) = lines.get(j) {
        let Some((row, more)) = rows.last() else {
            break;
        };
        let prev = more.last().unwrap_or(row);
        if l.y - prev.y > prev.size().max(l.size()) * 2.5 {
            break;
        }
        if rows.len() >= 2 && cells_go_on(l, row, prev) {
            if let Some((_, more)) = rows.last_mut() {
                more.push(l.clone());
            }
        } else if l.spans.len() >= 2 && under_spans(l, head, 0) {
            rows.push((l.clone(), Vec::new()));
        } else {
            break;
        }
        j += 1;
    }
    if rows.len() < 2 {
        return None;
    }
    let merged: Vec<Line> = rows.iter().map(|(r, more)| with_wrapped(r, more)).collect();
    let t = columns_table(&merged)?;
    Some((t, k, j - k))
}

/// Whether `l` heads a table of contact details: three cells or more, each
/// a name, job, telephone or e-mail column ("Contact Officer | Telephone |
/// Email").
fn is_contact_header(l: &Line) -> bool {
    const HEADS: &[&str] = &[
        "contact officer",
        "contact",
        "name",
        "officer",
        "job title",
        "title",
        "position",
        "designation",
        "telephone",
        "tel",
        "phone",
        "telephone number",
        "direct line",
        "email",
        "e-mail",
        "email address",
        "e-mail address",
    ];
    l.spans.len() >= 3
        && l.spans.iter().all(|s| {
            let t = s.text.trim().trim_end_matches(':').to_lowercase();
            HEADS.contains(&t.as_str())
        })
}

/// Whether every span of line `l` goes on with the text of its cell in
/// table row `row`, whose last line so far is `prev`: the cell's text broke
/// mid-word ("rhys.morgan@northwol" / "d.gov.uk"), mid-phrase ("Rhys
/// Morgan," / "Transport Policy"), before a word in lower case, or where
/// the next word would not have fitted before the next column ("Transport
/// Policy" / "Manager").
fn cells_go_on(l: &Line, row: &Line, prev: &Line) -> bool {
    let column_of = |s: &lines::Span| column_under(s, row);
    !l.spans.is_empty()
        && l.spans.iter().all(|s| {
            let Some(k) = column_of(s) else {
                return false;
            };
            let Some(above) = prev.spans.iter().find(|p| column_of(p) == Some(k)) else {
                return false;
            };
            let next_x = row.spans.get(k + 1).map_or(f32::INFINITY, |n| n.x0);
            let chars = s.text.chars().count().max(1) as f32;
            let word = s.text.split_whitespace().next().unwrap_or("");
            let word_width = (s.x1 - s.x0) * word.chars().count() as f32 / chars;
            let a = above.text.trim_end();
            is_word_fragment(a, &s.text)
                || a.ends_with([',', '&', '-', '/'])
                || s.text.trim_start().starts_with(char::is_lowercase)
                || above.x1 + above.size * 0.3 + word_width > next_x - above.size * 0.5
        })
}

/// Whether every span of `l` is a short label ending in a colon or a full
/// stop ("Item No.", "Classification:"), three spans or more.
fn is_labels_row(l: &Line) -> bool {
    l.spans.len() >= 3
        && l.spans.iter().all(|s| {
            let t = s.text.trim();
            t.ends_with([':', '.']) && (1..=4).contains(&t.split_whitespace().count())
        })
}

/// The first row `row` of a table, a row of labels, with the line right
/// above it joined on where that line only starts cells of the row one
/// line higher (see [`merged_above`]).
fn with_line_above(out: &mut Vec<Item>, row: Line) -> Line {
    let Some(Item::Line(above)) = out.last() else {
        return row;
    };
    match merged_above(above, &row) {
        Some(merged) => {
            out.pop();
            merged
        }
        None => row,
    }
}

/// Row of labels `row` with line `above` joined on, where that line only
/// starts cells of the row one line higher ("Meeting" over "Name:", a
/// label set at the foot of its cell): tight above, in fewer cells, none
/// of them the first column.
fn merged_above(above: &Line, row: &Line) -> Option<Line> {
    let first_x1 = row.spans.first().map_or(f32::MAX, |s| s.x1);
    let fits = is_labels_row(row)
        && row.y - above.y <= above.size().max(row.size()) * 1.3
        && row.y > above.y
        && above.spans.len() < row.spans.len()
        && above.x0() > first_x1
        && under_spans(above, row, 1);
    if !fits {
        return None;
    }
    let mut row = row.clone();
    for s in &above.spans {
        if let Some(t) = row
            .spans
            .iter_mut()
            .find(|t| s.x0 < t.x1 + 2.0 && s.x1 > t.x0 - 2.0)
        {
            let mut text = s.text.clone();
            paragraphs::join_line(&mut text, &t.text);
            t.text = text;
            t.x0 = t.x0.min(s.x0);
            t.x1 = t.x1.max(s.x1);
        }
    }
    Some(row)
}

/// A row of labels at line `k` over a row of their values, a label
/// wrapped one line higher and values wrapped below joined on.
fn labels_over_values_at(lines: &[Line], k: usize) -> Option<(Table, usize, usize)> {
    let head = lines.get(k).filter(|l| is_labels_row(l))?;
    let values = lines
        .get(k + 1)
        .filter(|v| v.spans.len() == head.spans.len() && !is_labels_row(v) && tight(head, v))?;
    let above = k.checked_sub(1).and_then(|a| lines.get(a));
    let (start, head) = match above.and_then(|a| merged_above(a, head)) {
        Some(merged) => (k - 1, merged),
        None => (k, head.clone()),
    };
    let mut more: Vec<Line> = Vec::new();
    let mut prev = values;
    while let Some(l) = lines.get(k + 2 + more.len()) {
        if !(tight(prev, l) && l.spans.len() < values.spans.len() && under_spans(l, values, 0)) {
            break;
        }
        more.push(l.clone());
        prev = l;
    }
    let t = columns_table(&[head, with_wrapped(values, &more)])?;
    Some((t, start, k + 2 + more.len() - start))
}

/// Whether `l` is a row of label/value pairs: four spans or more, every
/// other one a short label ending in a colon ("Tel: | 01632 960 418 |
/// Email: | sam.jones@…").
fn is_pairs_row(l: &Line) -> bool {
    l.spans.len() >= 4
        && l.spans.len() % 2 == 0
        && l.spans.iter().step_by(2).all(|s| {
            let t = s.text.trim();
            t.ends_with(':') && t.split_whitespace().count() <= 3
        })
}

/// Whether every span of `l` lies under one of the value spans (every
/// other one, from the second) of pairs row `row`.
fn under_values(l: &Line, row: &Line) -> bool {
    !l.spans.is_empty()
        && l.spans
            .iter()
            .all(|s| column_under(s, row).is_some_and(|k| k % 2 == 1))
}

/// The index of the one span of `row` that span `s` lies under, if it lies
/// under exactly one.
fn column_under(s: &lines::Span, row: &Line) -> Option<usize> {
    let mut over = row
        .spans
        .iter()
        .enumerate()
        .filter(|(_, t)| s.x0 < t.x1 + 2.0 && s.x1 > t.x0 - 2.0)
        .map(|(k, _)| k);
    match (over.next(), over.next()) {
        (Some(k), None) => Some(k),
        _ => None,
    }
}

/// Whether `l` goes on with the first cell of `row`: it starts under that
/// cell, every span of it lies under a cell, and its first word would not
/// have fitted between the cell's text and the next column ("Head of
/// Finance Policy, Planning and" over "Strategy").
fn first_cell_wraps(l: &Line, row: &Line) -> bool {
    let (Some(first), Some(next), Some(own)) =
        (row.spans.first(), row.spans.get(1), l.spans.first())
    else {
        return false;
    };
    let chars = own.text.chars().count().max(1) as f32;
    let word = own.text.split_whitespace().next().unwrap_or("");
    let word_width = (own.x1 - own.x0) * word.chars().count() as f32 / chars;
    (own.x0 - first.x0).abs() <= 2.0
        && l.spans.len() < row.spans.len()
        && under_spans(l, row, 0)
        && first.x1 + first.size * 0.25 + word_width > next.x0 - first.size * 0.5
}

/// Whether every span of `l` lies under exactly one span of `row` (from its
/// `skip`th on): a span across two columns is no cell.
fn under_spans(l: &Line, row: &Line, skip: usize) -> bool {
    l.spans.iter().all(|s| {
        row.spans
            .iter()
            .skip(skip)
            .filter(|t| s.x0 < t.x1 + 2.0 && s.x1 > t.x0 - 2.0)
            .count()
            == 1
    })
}

/// A row line with the wrapped text of its cells joined on.
fn with_wrapped(row: &Line, more: &[Line]) -> Line {
    let mut out = row.clone();
    for l in more {
        for s in &l.spans {
            if let Some(t) = out
                .spans
                .iter_mut()
                .find(|t| s.x0 < t.x1 + 2.0 && s.x1 > t.x0 - 2.0)
            {
                if is_word_fragment(&t.text, &s.text) {
                    t.text.push_str(s.text.trim_start());
                } else {
                    paragraphs::join_line(&mut t.text, &s.text);
                }
                t.x1 = t.x1.max(s.x1);
            }
        }
    }
    out
}

fn columns_table(run: &[Line]) -> Option<Table> {
    let mut spans: Vec<(f32, f32)> = run
        .iter()
        .flat_map(|l| l.spans.iter().map(|s| (s.x0, s.x1)))
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut cols: Vec<(f32, f32)> = Vec::new();
    for (a, b) in spans {
        match cols.last_mut() {
            Some(c) if a <= c.1 => c.1 = c.1.max(b),
            _ => cols.push((a, b)),
        }
    }
    if cols.len() < 3 {
        return None;
    }
    let rows = run
        .iter()
        .map(|l| {
            let mut texts = vec![String::new(); cols.len()];
            for s in &l.spans {
                let mid = (s.x0 + s.x1) / 2.0;
                let i = cols
                    .iter()
                    .position(|c| mid >= c.0 && mid <= c.1)
                    .unwrap_or(0);
                if let Some(t) = texts.get_mut(i) {
                    if !t.is_empty() {
                        t.push(' ');
                    }
                    t.push_str(&normalize(&s.text));
                }
            }
            Row {
                cells: texts.into_iter().map(Cell::new).collect(),
            }
        })
        .collect();
    Some(Table {
        rows,
        header_rows: 0,
    })
}

/// A horizontal rule just below text that covers most of it. `by_y` holds
/// the page's upright glyphs sorted by baseline.
fn is_underline(r: &Rule, by_y: &[&Glyph]) -> bool {
    if !r.is_horizontal() {
        return false;
    }
    // Baselines within 0.2 em above the rule; 0.2 em of 100 pt text is 20 pt.
    let from = by_y.partition_point(|g| g.y < r.y0 - 20.0);
    let covered: f32 = by_y
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(|g| g.y < r.y0)
        .filter(|g| r.y0 - g.y <= g.size * 0.2 && g.x0 >= r.x0 - 1.0 && g.x1 <= r.x1 + 1.0)
        .map(|g| g.x1 - g.x0)
        .sum();
    covered >= (r.x1 - r.x0) * 0.7
}

fn grid_table(grid: &Grid, mut lines_in: impl FnMut([f32; 4]) -> Vec<Line>) -> Table {
    let mut rows: Vec<Row> = (0..grid.rows()).map(|_| Row::default()).collect();
    let mut all_bold_first = true;
    for cell in &grid.cells {
        let lines = lines_in(cell.rect);
        let text = cell_text(&lines, cell.rect[2]);
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

/// A narrow cell breaks a long word without a hyphen ("Timescal" / "e"):
/// a next line that is a one- or two-letter lowercase piece that is not a
/// word of its own continues the word.
fn is_word_fragment(prev: &str, next: &str) -> bool {
    const WORDS: &[&str] = &[
        "a", "i", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me",
        "my", "no", "of", "on", "or", "so", "to", "up", "us", "we",
    ];
    let first = next.split_whitespace().next().unwrap_or("");
    let core = first.trim_end_matches(|c: char| c.is_ascii_punctuation());
    let last_word = prev.split_whitespace().last().unwrap_or("");
    let caps_piece = core.chars().count() == 1
        && core.chars().all(|c| c.is_uppercase())
        && !matches!(core, "A" | "I")
        && last_word.chars().count() >= 5
        && last_word.chars().all(|c| c.is_uppercase());
    // "sam.jones@w" / "estmere.gov.u" / "k": an e-mail address broken
    // where the cell ends, before its domain is whole.
    let broken_address = last_word.contains('@')
        && first.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && ![
            ".uk", ".com", ".org", ".net", ".gov", ".info", ".scot", ".wales",
        ]
        .iter()
        .any(|tld| {
            last_word
                .trim_end_matches(['.', ',', ';', ')'])
                .ends_with(tld)
        });
    broken_address
        || (!core.is_empty()
            && (caps_piece
                || (core.chars().count() <= 2
                    && core.chars().all(|c| c.is_lowercase())
                    && !WORDS.contains(&core)))
            && prev.ends_with(char::is_alphabetic))
}

/// A cell's text: its paragraphs separated by "\n", bullets as "• ".
fn cell_text(lines: &[Line], right: f32) -> String {
    let mut paras: Vec<String> = Vec::new();
    let mut prev: Option<&Line> = None;
    for l in lines {
        let raw = normalize(&l.text());
        if raw.is_empty() {
            continue;
        }
        let label = crate::text::parse_label(&raw, crate::text::LabelOptions::default())
            .filter(|(lab, _)| !paragraphs::is_weak_bullet(lab, &raw));
        let gap_break = prev.is_some_and(|p| l.y - p.y > p.size().max(l.size()) * 1.6);
        // A line ended early although the next word would have fitted: a
        // hard break (contact blocks: name, title, phone, e-mail).
        let first_word = raw.split_whitespace().next().unwrap_or("");
        let word_width = first_word.chars().count() as f32 * l.size() * 0.75;
        let short_break =
            prev.is_some_and(|p| p.x1() + p.size() * 0.3 + word_width < right - p.size() * 0.8);
        let new_para = prev.is_none() || gap_break || short_break || label.is_some();
        let piece = match &label {
            Some((lab, rest)) if lab.is_bullet() => format!("• {rest}"),
            _ => raw.clone(),
        };
        match paras.last_mut() {
            Some(last) if !new_para && is_word_fragment(last, &piece) => last.push_str(&piece),
            Some(last) if !new_para => paragraphs::join_line(last, &piece),
            _ => paras.push(piece),
        }
        prev = Some(l);
    }
    paras.join("\n")
}

/// A table at the top of a page that continues the table ending the page
/// before (same column count; a repeated header row dropped; a row broken by
/// the page joined again) becomes one.
fn merge_split_tables(doc: &mut Document) {
    let mut i = 0;
    while i < doc.blocks.len() {
        let Some(BlockKind::Table(a)) = doc.blocks.get(i).map(|b| &b.kind) else {
            i += 1;
            continue;
        };
        let width = a.width();
        let mut j = i + 1;
        while matches!(
            doc.blocks.get(j).map(|b| &b.kind),
            Some(BlockKind::PageBreak)
        ) {
            j += 1;
        }
        let next_matches = j > i + 1
            && matches!(doc.blocks.get(j).map(|b| &b.kind), Some(BlockKind::Table(b)) if b.width() == width);
        if !next_matches {
            i += 1;
            continue;
        }
        let next = doc.blocks.remove(j);
        let page = next.loc.page;
        if let (Some(BlockKind::Table(a)), BlockKind::Table(mut b)) =
            (doc.blocks.get_mut(i).map(|x| &mut x.kind), next.kind)
        {
            let texts = |r: Option<&Row>| -> Vec<String> {
                r.map(|r| r.cells.iter().map(|c| c.text.clone()).collect())
                    .unwrap_or_default()
            };
            if !b.rows.is_empty() && texts(b.rows.first()) == texts(a.rows.first()) {
                b.rows.remove(0);
                a.header_rows = a.header_rows.max(1);
            }
            let mut rows = b.rows.into_iter();
            if let Some(first) = rows.next() {
                let lead = first.cells.first().map(|c| c.text.as_str()).unwrap_or("");
                // A row broken by the page goes on in lower case or with an
                // empty first cell; or, when the first cell happens to break
                // at a sentence start, some other cell goes on in lower case
                // while a cell that was filled above (a status) is empty.
                let lower = |t: &str| t.starts_with(char::is_lowercase);
                // Or a cell above stops mid-sentence (a comma, a dash, no
                // full stop) and goes on below.
                let open_end = |t: &str| {
                    let t = t.trim_end();
                    t.ends_with([',', ';', '–', '-', '(', '/', '&'])
                        || t.rsplit(' ').next().is_some_and(|w| {
                            matches!(
                                w,
                                "and" | "or" | "of" | "the" | "to" | "a" | "in" | "for" | "with"
                            )
                        })
                };
                let partial = a.rows.last().is_some_and(|last| {
                    let pairs = || last.cells.iter().zip(first.cells.iter());
                    let goes_on = pairs().any(|(_, d)| lower(&d.text))
                        || pairs().any(|(c, d)| open_end(&c.text) && !d.text.is_empty());
                    goes_on && pairs().any(|(c, d)| !c.text.is_empty() && d.text.is_empty())
                });
                let continues = lead.is_empty() || lower(lead) || partial;
                match a.rows.last_mut() {
                    Some(last) if continues && last.cells.len() == first.cells.len() => {
                        for (c, d) in last.cells.iter_mut().zip(first.cells) {
                            if c.text.is_empty() {
                                c.text = d.text;
                            } else if !d.text.is_empty() {
                                // A sentence ended at the foot of the page and
                                // a capital starts the next: most likely a new
                                // paragraph of the cell.
                                let ended = c.text.trim_end().ends_with(['.', '!', '?', ':']);
                                if ended && d.text.starts_with(char::is_uppercase) {
                                    c.text.push('\n');
                                    c.text.push_str(&d.text);
                                } else {
                                    crate::text::join_wrapped(&mut c.text, &d.text);
                                }
                            }
                        }
                    }
                    _ => a.rows.push(first),
                }
            }
            a.rows.extend(rows);
        }
        doc.warn(
            "table-split-merged",
            "a table continued on the next page was merged into one",
            page.map(Loc::page),
        );
    }
}

/// The document's links so far, and how many of them have each target and
/// text: a link found again is known in constant time, not by a scan of
/// every earlier link (a file may hold 10,000 link annotations a page).
#[derive(Debug, Default)]
pub(crate) struct Links {
    /// In page order.
    pub list: Vec<Link>,
    seen: HashMap<String, HashMap<String, u32>>,
}

impl Links {
    fn contains(&self, url: &str, text: &str) -> bool {
        self.seen
            .get(url)
            .and_then(|texts| texts.get(text))
            .is_some_and(|n| *n > 0)
    }

    fn count(&mut self, link: &Link, by: i32) {
        let n = self
            .seen
            .entry(link.url.clone())
            .or_default()
            .entry(link.text.clone())
            .or_default();
        *n = n.saturating_add_signed(by);
    }

    /// Joins `text` onto the last link when it has target `url`.
    fn join_last(&mut self, url: &str, text: &str) -> bool {
        let Some(mut last) = self.list.pop() else {
            return false;
        };
        let same = last.url == url;
        if same {
            self.count(&last, -1);
            join_link_text(&mut last.text, text);
            self.count(&last, 1);
        }
        self.list.push(last);
        same
    }

    fn push(&mut self, link: Link) {
        self.count(&link, 1);
        self.list.push(link);
    }
}

/// Adds the links of one page to `links` (the document's, in page order).
pub(crate) fn page_links(page: &Page, fonts: &FontCache, links: &mut Links) {
    if page.links.is_empty() {
        return;
    }
    // Glyphs by baseline, once a page: each link reads only the glyphs in
    // its band, not every glyph of the page. (A stable sort of painting
    // order, so the lines built are those of the whole page's filter.)
    let mut by_y: Vec<&Glyph> = page.content.glyphs.iter().collect();
    by_y.sort_by(|a, b| a.y.total_cmp(&b.y));
    let max_size = by_y.iter().map(|g| g.size).fold(0.0, f32::max);
    // A link wrapped over two lines is two annotations with one target,
    // one after the other: their texts make one link.
    let mut last_url: Option<&str> = None;
    for (rect, url) in &page.links {
        if url.is_empty() {
            continue;
        }
        let [x0, y0, x1, y1] = *rect;
        // A glyph's centre is 0.3 of its size above its baseline.
        let (lo, hi) = (y0 - 1.0, y1 + 1.0 + 0.3 * max_size);
        let from = by_y.partition_point(|g| g.y.total_cmp(&lo).is_lt());
        let to = by_y.partition_point(|g| g.y.total_cmp(&hi).is_le());
        let band: Vec<&Glyph> = by_y
            .get(from..to.max(from))
            .unwrap_or_default()
            .iter()
            .copied()
            .filter(|g| {
                let cx = (g.x0 + g.x1) / 2.0;
                let cy = g.y - g.size * 0.3;
                cx >= x0 && cx <= x1 && cy >= y0 - 1.0 && cy <= y1 + 1.0
            })
            .collect();
        let mut text = String::new();
        for l in &lines::build_lines_of(&page.content, fonts, band) {
            crate::text::join_wrapped(&mut text, &l.text());
        }
        let text = normalize(&text);
        let continued = last_url == Some(url.as_str());
        last_url = Some(url.as_str());
        if continued && links.join_last(url, &text) {
            continue;
        }
        if !links.contains(url, &text) {
            links.push(Link {
                text,
                url: url.clone(),
            });
        }
    }
}

/// Joins the next line of a link's text: a web address or e-mail address
/// broken at a line end goes on with no space, other text with one.
fn join_link_text(acc: &mut String, next: &str) {
    let is_address = !acc.contains(char::is_whitespace)
        && (acc.contains("://") || acc.starts_with("www.") || acc.contains('@'));
    if is_address && !next.contains(char::is_whitespace) {
        acc.push_str(next);
    } else {
        crate::text::join_wrapped(acc, next);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_link_texts() {
        let mut a = String::from("https://www.kent.gov.uk/education-");
        join_link_text(&mut a, "provision/plan");
        assert_eq!(a, "https://www.kent.gov.uk/education-provision/plan");
        let mut b = String::from("the Kent Design");
        join_link_text(&mut b, "Guide");
        assert_eq!(b, "the Kent Design Guide");
    }

    #[test]
    fn word_fragments() {
        assert!(is_word_fragment("Timescal", "e"));
        assert!(is_word_fragment("To be determine", "d"));
        assert!(!is_word_fragment("costs of", "partnership"));
        assert!(!is_word_fragment("work", "to do"));
        assert!(is_word_fragment("COMMUNICATIN", "G THE"));
        assert!(!is_word_fragment("HYBRID WORKING", "IT"));
    }
}
