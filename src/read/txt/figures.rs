//! A table of figures as `pdftotext -layout` or a fixed-width export prints
//! it, with no rules and no tabs: each row a line whose cells stand apart by
//! two spaces or more, most of them figures.
//!
//! ```text
//! Domestic Abuse Safe Accommodation        4.0     160.0      3.2     129.7
//! Grant Rolled in Grants (inc. Extended    3.6      64.3
//! Home to School Transport)
//! Total Grants                           500.5  30,453.7    470.5  28,828.6
//! ```
//!
//! Read as a table so that its rows neither join the paragraph above them
//! nor count as its text. A label wrapped onto a line of its own between
//! two rows of figures is a row of the table too.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::{normalize, parse_label, LabelOptions};

use super::lines::Line;
use super::tables::ProtoTable;

/// The fewest rows of figures that make a table.
const MIN_ROWS: usize = 3;

/// The most lines a table is read over, so that reading stays linear.
const MAX_LINES: usize = 400;

static FIGURE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    // "4.0", "30,453.7", "+£32.3m", "-£6.8m", "(5.49%)", "£0m", "-", "n/a".
    Regex::new(r"^(?:\(?[-+–]?[£$€]?[-+–]?\d[\d,]*(?:\.\d+)?(?:%|m|bn|k)?\)?|[-–—]|n/?a)$").ok()
});

/// The cells of a line: its parts parted by two spaces or more.
fn cells(raw: &str) -> Vec<String> {
    raw.split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(normalize)
        .collect()
}

/// Whether a cell is a figure.
fn is_figure(cell: &str) -> bool {
    FIGURE
        .as_ref()
        .is_some_and(|re| re.is_match(&cell.to_lowercase()))
}

/// Whether a line is a row of figures: three cells or more, two of them
/// figures at least, and figures at least two in five of its cells.
fn figures_row(line: &Line) -> bool {
    if line.is_blank() {
        return false;
    }
    let cs = cells(&line.raw);
    let figures = cs.iter().filter(|c| is_figure(c)).count();
    cs.len() >= 3 && figures >= 2 && figures * 5 >= cs.len() * 2
}

/// Whether a line opens a numbered paragraph ("3.2 Table 3.1 sets out …"),
/// which ends a table.
fn opens_paragraph(line: &Line) -> bool {
    parse_label(line.text(), LabelOptions::default())
        .is_some_and(|(l, rest)| !l.is_bullet() && rest.split_whitespace().count() > 3)
}

/// The next line that is not blank, at or after `i`, with no more than one
/// blank line before it.
fn next_text(lines: &[Line], i: usize) -> Option<usize> {
    let first = lines.get(i)?;
    if !first.is_blank() {
        return Some(i);
    }
    lines.get(i + 1).filter(|l| !l.is_blank()).map(|_| i + 1)
}

/// Reads a table of figures starting at line `start`; returns it and the
/// index after it.
pub fn read(lines: &[Line], start: usize) -> Option<(ProtoTable, usize)> {
    if !lines.get(start).is_some_and(figures_row) {
        return None;
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut figure_rows = 0usize;
    let mut i = start;
    let mut end = start;
    while i < start + MAX_LINES {
        let Some(k) = next_text(lines, i) else { break };
        let Some(line) = lines.get(k) else { break };
        if k > i && line.page_break {
            break;
        }
        if figures_row(line) {
            figure_rows += 1;
        } else {
            // A wrapped label between two rows: short, no paragraph, and a
            // row of figures right after it.
            let short = cells(&line.raw).len() <= 3 && line.text().split_whitespace().count() <= 8;
            let row_follows = next_text(lines, k + 1)
                .and_then(|n| lines.get(n))
                .is_some_and(figures_row);
            if !short || !row_follows || opens_paragraph(line) {
                break;
            }
        }
        rows.push(cells(&line.raw));
        end = k + 1;
        i = k + 1;
    }
    (figure_rows >= MIN_ROWS).then_some((
        ProtoTable {
            rows,
            header_rows: 0,
            empty_header: false,
        },
        end,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::txt::lines::split;

    #[test]
    fn rows_of_figures_with_a_wrapped_label() {
        let text = "Domestic Abuse Safe Accommodation        4.0     160.0      3.2     129.7\n\
                    Grant Rolled in Grants (inc. Extended    3.6      64.3\n\
                    Home to School Transport)\n\
                    Total Grants                           500.5  30,453.7    470.5  28,828.6\n\
                    Total Core Spending Power            1,494.4  68,765.5  1,406.1  64,982.1\n\
                    \n\
                    3.3 The next paragraph of the report starts here and runs on.\n";
        let lines = split(text);
        let (t, end) = read(&lines, 0).expect("a table");
        assert_eq!(t.rows.len(), 5);
        assert_eq!(t.rows[2], ["Home to School Transport)"]);
        assert_eq!(t.rows[4][1], "1,494.4");
        assert_eq!(end, 5);
    }

    #[test]
    fn justified_prose_and_two_figures_are_no_table() {
        let text = "The review is being conducted as members   believe there is   ambiguity\n\
                    over how  Safeguarding  is implemented  in 2024  and 2025 for adults\n\
                    and this can   create difficulties  for the  people concerned.\n";
        assert!(read(&split(text), 0).is_none());
        let text = "Maturity 0 to 5 years   £41.08m   (5.49%)\n";
        assert!(read(&split(text), 0).is_none());
    }
}
