//! Tables written as text: Markdown pipe tables, one-row-per-line
//! tab-separated tables, and tables whose cells each start a line with a tab
//! (rows ended by a blank line). Also the merging of a table that a page
//! break split in two.

use crate::document::{Cell, Link, Row, Table};
use crate::text::{normalize, parse_label, LabelOptions};

use super::html;
use super::inline;
use super::lines::Line;

/// A table being built: rows of cell texts (already normalised per line).
#[derive(Debug, Clone, Default)]
pub struct ProtoTable {
    /// Rows of cell texts.
    pub rows: Vec<Vec<String>>,
    /// Leading header rows.
    pub header_rows: usize,
    /// The source had a header row with no text (dropped).
    pub empty_header: bool,
}

impl ProtoTable {
    /// The widest row.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// Into a document table, padding short rows to the full width.
    pub fn into_table(self) -> Table {
        let width = self.width();
        let rows = self
            .rows
            .into_iter()
            .map(|mut r| {
                r.resize(width, String::new());
                Row {
                    cells: r.into_iter().map(Cell::new).collect(),
                }
            })
            .collect();
        Table {
            rows,
            header_rows: self.header_rows,
        }
    }
}

/// Builds a cell's text from its source lines: HTML fragments expanded,
/// Markdown links and emphasis resolved, bullet glyphs written as "• ",
/// paragraphs separated by "\n".
pub fn cell_text<S: AsRef<str>>(parts: &[S], links: &mut Vec<Link>) -> String {
    let mut out: Vec<String> = Vec::new();
    for part in parts {
        let part = part.as_ref();
        let pieces: Vec<String> = if html::has_html(part) {
            html::to_lines(part)
        } else {
            part.split("<br>").map(str::to_string).collect()
        };
        for piece in pieces {
            let r = inline::resolve(&piece);
            links.extend(r.links);
            let text = match parse_label(&r.text, LabelOptions::default()) {
                Some((label, rest)) if label.is_bullet() => format!("• {}", normalize(rest)),
                _ => normalize(&r.text),
            };
            if !text.is_empty() && text != "•" {
                out.push(text);
            }
        }
    }
    out.join("\n")
}

/// Whether a line is a row of a Markdown pipe table.
pub fn is_pipe_line(text: &str) -> bool {
    let t = text.trim();
    t.len() >= 2 && t.starts_with('|') && t.ends_with('|')
}

fn is_separator(text: &str) -> bool {
    let t = text.trim();
    t.contains('-')
        && t.chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '+' | '='))
}

/// Reads the pipe table that starts at `start`; returns it and the index of
/// the first line after it.
pub fn parse_pipe(lines: &[Line], start: usize, links: &mut Vec<Link>) -> (ProtoTable, usize) {
    let mut t = ProtoTable::default();
    let mut i = start;
    while let Some(line) = lines.get(i) {
        let text = line.text();
        if !is_pipe_line(text) {
            break;
        }
        i += 1;
        if is_separator(text) {
            if t.header_rows == 0 {
                t.header_rows = t.rows.len();
            }
            continue;
        }
        let inner = text
            .strip_prefix('|')
            .and_then(|s| s.strip_suffix('|'))
            .unwrap_or(text);
        let cells = inner.split('|').map(|c| cell_text(&[c], links)).collect();
        t.rows.push(cells);
    }
    drop_empty_header(&mut t);
    (t, i)
}

/// A header row with no text (a pipe table needs one even when the source
/// had none) is not a row.
fn drop_empty_header(t: &mut ProtoTable) {
    if t.header_rows > 0
        && t.rows
            .iter()
            .take(t.header_rows)
            .all(|r| r.iter().all(String::is_empty))
    {
        t.rows.drain(..t.header_rows);
        t.header_rows = 0;
        t.empty_header = true;
    }
}

/// Whether a line is one table row with tab-separated cells (a tab inside
/// the text, after at most one leading tab... or several leading tabs for
/// empty first cells).
pub fn is_tab_row_line(raw: &str) -> bool {
    let body = raw.strip_prefix('\t').unwrap_or(raw);
    if !body.contains('\t') || body.trim().is_empty() {
        return false;
    }
    // "1.<tab>Introduction", "•<tab>item": a label and its text, not cells.
    let first = body.split('\t').next().unwrap_or("").trim();
    let label_only = !first.is_empty()
        && parse_label(
            first,
            LabelOptions {
                bare_integer: true,
                ..LabelOptions::default()
            },
        )
        .is_some_and(|(_, rest)| rest.is_empty());
    let glyph_only =
        first.chars().count() == 1 && first.chars().all(crate::text::label::is_bullet_char);
    !(label_only || glyph_only) || body.matches('\t').count() >= 2
}

/// Whether a line is one cell of a table written one cell per line, each
/// starting with a tab.
pub fn is_tab_cell_line(raw: &str) -> bool {
    raw.starts_with('\t') && !is_tab_row_line(raw)
}

/// Reads a one-row-per-line tab table starting at `start` (rows until a line
/// that is not a row).
pub fn parse_tab_rows(lines: &[Line], start: usize, links: &mut Vec<Link>) -> (ProtoTable, usize) {
    let mut t = ProtoTable::default();
    let mut i = start;
    while let Some(line) = lines.get(i) {
        if !is_tab_row_line(&line.raw) {
            break;
        }
        let cells = line
            .raw
            .split('\t')
            .map(|c| cell_text(&[c], links))
            .collect();
        t.rows.push(cells);
        i += 1;
    }
    t.header_rows = usize::from(looks_like_header(t.rows.first(), &t.rows));
    (t, i)
}

/// Reads a table whose cells are lines starting with a tab: consecutive
/// cell lines are a row, a blank line ends the row, and lines without a tab
/// continue the cell above while the table goes on.
pub fn parse_tab_cells(lines: &[Line], start: usize, links: &mut Vec<Link>) -> (ProtoTable, usize) {
    let mut rows: Vec<Vec<Vec<String>>> = Vec::new();
    let mut row: Vec<Vec<String>> = Vec::new();
    let mut i = start;
    let mut end = start;
    let mut in_table_text = false;
    while let Some(line) = lines.get(i) {
        if is_tab_cell_line(&line.raw) {
            row.push(vec![line.raw.trim().to_string()]);
            i += 1;
            end = i;
            in_table_text = true;
            continue;
        }
        if line.is_blank() {
            if !row.is_empty() {
                rows.push(std::mem::take(&mut row));
            }
            in_table_text = false;
            i += 1;
            continue;
        }
        if is_tab_row_line(&line.raw) {
            break;
        }
        // Text without a tab: part of the last cell when it follows the
        // table's text directly, or when it is a lone line after which the
        // table goes on.
        let lone = lines.get(i + 1).is_none_or(Line::is_blank);
        let mut k = i + 1;
        while lines
            .get(k)
            .is_some_and(|l| l.is_blank() && !is_tab_cell_line(&l.raw))
        {
            k += 1;
        }
        let table_goes_on = lines.get(k).is_some_and(|l| is_tab_cell_line(&l.raw));
        let plain = parse_label(line.text(), LabelOptions::default()).is_none() && !line.toc;
        if !(in_table_text || (lone && table_goes_on && plain)) {
            break;
        }
        let target = if row.is_empty() {
            rows.last_mut()
        } else {
            Some(&mut row)
        };
        match target.and_then(|r| r.last_mut()) {
            Some(cell) => cell.push(line.text().to_string()),
            None => break,
        }
        in_table_text = true;
        i += 1;
        end = i;
    }
    if !row.is_empty() {
        rows.push(row);
    }
    join_short_rows(&mut rows);
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| r.iter().map(|parts| cell_text(parts, links)).collect())
        .collect();
    let mut t = ProtoTable {
        rows,
        header_rows: 0,
        empty_header: false,
    };
    let first_short = t.rows.first().is_some_and(|r| r.len() < t.width());
    if first_short || looks_like_header(t.rows.first(), &t.rows) {
        t.header_rows = 1;
    }
    (t, end)
}

/// Joins two consecutive short body rows that together make one full row:
/// the export put a blank line inside a row (after its first cell, or before
/// its last), which otherwise ends the row early. The first row (the header)
/// is left alone.
fn join_short_rows(rows: &mut Vec<Vec<Vec<String>>>) {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut i = 1;
    while i + 1 < rows.len() {
        let (a, b) = match (rows.get(i), rows.get(i + 1)) {
            (Some(a), Some(b)) => (a.len(), b.len()),
            _ => break,
        };
        if a < width && b < width && a + b == width {
            let next = rows.remove(i + 1);
            if let Some(row) = rows.get_mut(i) {
                row.extend(next);
            }
        }
        i += 1;
    }
}

/// A first row of short, non-empty cells above longer rows reads as a header.
fn looks_like_header(first: Option<&Vec<String>>, rows: &[Vec<String>]) -> bool {
    let Some(first) = first else { return false };
    rows.len() > 1
        && first.iter().filter(|c| !c.is_empty()).count() >= 2
        && first
            .iter()
            .all(|c| c.split_whitespace().count() <= 6 && !c.contains('\n') && !c.ends_with('.'))
}

/// Merges `next` into `first` when `next` continues it after a page break
/// (same width; an empty or repeated header). Returns whether it merged.
/// `next_empty_header` says the continuation had an empty header row.
pub fn merge_split(
    first: &mut ProtoTable,
    mut next: ProtoTable,
    next_empty_header: bool,
) -> Result<(), ProtoTable> {
    if first.width() != next.width() || first.rows.is_empty() || next.rows.is_empty() {
        return Err(next);
    }
    let first_header: Vec<String> = first.rows.first().cloned().unwrap_or_default();
    let repeated =
        next.header_rows > 0 && next.rows.first() == Some(&first_header) && first.header_rows > 0;
    let empty_header = next_empty_header && first.empty_header;
    if !(repeated || empty_header) {
        return Err(next);
    }
    if repeated {
        next.rows.drain(..next.header_rows);
    }
    if next.rows.is_empty() {
        return Ok(());
    }
    // A row that the break cut in two: its cells are completed by the
    // other part's row.
    let mut next_rows = next.rows.into_iter();
    if let (Some(a), Some(b)) = (first.rows.last_mut(), next_rows.next()) {
        let a_first_empty = a.first().is_none_or(String::is_empty);
        let b_first_empty = b.first().is_none_or(String::is_empty);
        if b_first_empty && !a_first_empty && b.iter().any(|c| !c.is_empty()) {
            join_rows(a, &b);
        } else if a_first_empty && !b_first_empty && a.iter().any(String::is_empty) {
            let mut merged = a.clone();
            join_rows(&mut merged, &b);
            *a = merged;
        } else {
            first.rows.push(b);
        }
    }
    first.rows.extend(next_rows);
    Ok(())
}

/// Appends each cell of `b` to the same cell of `a`, dropping words that the
/// break printed twice ("…and veterans" / "and veterans in…").
fn join_rows(a: &mut [String], b: &[String]) {
    for (x, y) in a.iter_mut().zip(b) {
        if y.is_empty() {
            continue;
        }
        if x.is_empty() {
            x.clone_from(y);
            continue;
        }
        let y = drop_overlap(x, y);
        x.push(' ');
        x.push_str(y);
    }
}

fn drop_overlap<'a>(x: &str, y: &'a str) -> &'a str {
    let xw: Vec<&str> = x.split_whitespace().collect();
    let yw: Vec<&str> = y.split(' ').collect();
    for k in (1..=6usize.min(xw.len()).min(yw.len())).rev() {
        let tail = xw.get(xw.len() - k..).unwrap_or_default();
        let head = yw.get(..k).unwrap_or_default();
        if k >= 2 && tail == head {
            let skip: usize = head.iter().map(|w| w.len() + 1).sum();
            return y.get(skip.min(y.len())..).unwrap_or(y).trim_start();
        }
    }
    y
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::txt::lines::split;

    #[test]
    fn pipe_table_with_empty_header() {
        let lines = split("| | |\n|---|---|\n| Paul James (Chair) | River Learning Trust |\n| A | [B](#) |\nafter");
        let mut links = Vec::new();
        let (t, end) = parse_pipe(&lines, 0, &mut links);
        assert_eq!(end, 4);
        assert_eq!(t.header_rows, 0);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(
            t.rows.get(1).and_then(|r| r.get(1)).map(String::as_str),
            Some("B")
        );
        assert_eq!(links.len(), 1);
    }

    #[test]
    fn split_pipe_table_merges_cut_row() {
        let a = "| | | |\n|---|---|---|\n| a | b | c |\n| | | Meeting (e.g. face, and |\n";
        let b = "| | | |\n|---|---|---|\n| x | y | rotation of days) |\n| p | q | r |\n";
        let mut links = Vec::new();
        let (mut t1, _) = parse_pipe(&split(a), 0, &mut links);
        let (t2, _) = parse_pipe(&split(b), 0, &mut links);
        assert!(merge_split(&mut t1, t2, true).is_ok());
        assert_eq!(t1.rows.len(), 3);
        assert_eq!(
            t1.rows.get(1).and_then(|r| r.get(2)).map(String::as_str),
            Some("Meeting (e.g. face, and rotation of days)")
        );
    }

    #[test]
    fn tab_cells_rows_and_continuations() {
        let src = "\tTITLE\n\tOctober 2024\n\n\tAction one\n\t\n\tComplete\n\tDone.\nNext Steps: more\n\n\tAction two\n\tMarch 2025\n\tOngoing\n\tStarted.\n\nLater note.\n\n\tAction three\n\t\n\tComplete\n\tYes\n\nOutside text\n";
        let mut links = Vec::new();
        let (t, end) = parse_tab_cells(&split(src), 0, &mut links);
        assert_eq!(t.rows.len(), 4);
        assert_eq!(t.header_rows, 1);
        assert_eq!(
            t.rows.get(1).and_then(|r| r.get(3)).map(String::as_str),
            Some("Done.\nNext Steps: more")
        );
        assert_eq!(
            t.rows.get(2).and_then(|r| r.get(3)).map(String::as_str),
            Some("Started.\nLater note.")
        );
        assert_eq!(
            t.rows.get(1).and_then(|r| r.get(1)).map(String::as_str),
            Some("")
        );
        assert_eq!(end, 20);
    }

    #[test]
    fn tab_rows_with_html_and_repeated_header() {
        let src = "Focus\tTheme\tPriority\nHousing\tEconomy\t<ul> Increasing homes Supporting growth\nBig Society\tCommunities\t<ul> Support service families and veterans\n\nFocus\tTheme\tPriority\n\t\t<p>and veterans in Oxfordshire</p> <ul> • Work with communities</ul>\n";
        let lines = split(src);
        let mut links = Vec::new();
        let (mut t1, end) = parse_tab_rows(&lines, 0, &mut links);
        assert_eq!(end, 3);
        assert_eq!(t1.header_rows, 1);
        let (t2, _) = parse_tab_rows(&lines, 4, &mut links);
        assert!(merge_split(&mut t1, t2, false).is_ok());
        assert_eq!(t1.rows.len(), 3);
        assert_eq!(
            t1.rows.get(2).and_then(|r| r.get(2)).map(String::as_str),
            Some("• Support service families and veterans in Oxfordshire\n• Work with communities")
        );
        assert_eq!(
            t1.rows.get(1).and_then(|r| r.get(2)).map(String::as_str),
            Some("• Increasing homes\n• Supporting growth")
        );
    }
}
