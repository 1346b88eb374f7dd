//! Tables: every table block with its section, header and body rows.
//!
//! The header is the reader's `header_rows` (docx `tblHeader`, a repeated
//! pdf row); failing that, a first row that is clearly a header: every
//! non-empty cell bold, or short cells most of which use header words
//! ("Status", "Target date", "Project description").

use crate::document::{BlockKind, Table};
use crate::extract::sections;
use crate::report::TableData;
use crate::Document;

/// Every table of `doc`, in reading order.
pub fn extract(doc: &Document) -> Vec<TableData> {
    let outline = sections::outline(doc);
    doc.blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match &b.kind {
            BlockKind::Table(t) => {
                let (header, rows) = split_header(t);
                Some(TableData {
                    section: outline.heading_at(i),
                    header,
                    rows,
                    loc: b.loc,
                })
            }
            _ => None,
        })
        .collect()
}

/// The header texts (one per grid column; several header rows joined by a
/// space) and the non-empty body rows.
pub(crate) fn split_header(t: &Table) -> (Vec<String>, Vec<Vec<String>>) {
    let grid = t.grid();
    let n = header_rows(t).min(grid.len());
    let (head, body) = grid.split_at(n);
    let width = t.width();
    let mut header: Vec<String> = vec![String::new(); if n > 0 { width } else { 0 }];
    for row in head {
        for (h, cell) in header.iter_mut().zip(row) {
            let cell = cell.replace('\n', " ");
            let cell = cell.trim();
            if cell.is_empty() || h.as_str() == cell {
                continue;
            }
            if !h.is_empty() {
                h.push(' ');
            }
            h.push_str(cell);
        }
    }
    let rows = body
        .iter()
        .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
        .cloned()
        .collect();
    (header, rows)
}

/// How many leading rows are header rows.
pub(crate) fn header_rows(t: &Table) -> usize {
    if t.header_rows > 0 {
        return t.header_rows;
    }
    let Some(first) = t.rows.first() else {
        return 0;
    };
    if t.rows.len() < 2 {
        return 0;
    }
    let cells: Vec<&crate::document::Cell> = first
        .cells
        .iter()
        .filter(|c| !c.covered && !c.text.trim().is_empty())
        .collect();
    if cells.is_empty() {
        return 0;
    }
    if cells.iter().all(|c| c.bold) {
        // A label/value table has bold labels in its first column only,
        // so an all-bold first row is a header when the rows below are not.
        let below_bold = t
            .rows
            .get(1)
            .is_some_and(|r| r.cells.iter().all(|c| c.bold || c.text.trim().is_empty()));
        if !below_bold && cells.len() >= 2 {
            return 1;
        }
    }
    let short = cells.iter().all(|c| {
        let t = c.text.trim();
        t.split_whitespace().count() <= 6 && !t.ends_with('.') && !t.contains('\n')
    });
    let vocab = cells.iter().filter(|c| is_header_word(&c.text)).count();
    if short && cells.len() >= 2 && vocab * 2 >= cells.len() && vocab >= 2 {
        return 1;
    }
    0
}

/// Whether a cell text uses the words of a column header.
pub(crate) fn is_header_word(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "action",
        "actions",
        "project",
        "description",
        "outputs",
        "output",
        "deliverable",
        "deliverables",
        "timescale",
        "timescales",
        "timeframe",
        "target",
        "deadline",
        "date",
        "status",
        "rag",
        "update",
        "progress",
        "commentary",
        "comments",
        "resources",
        "resource",
        "cost",
        "owner",
        "lead",
        "responsible",
        "name",
        "role",
        "title",
        "item",
        "theme",
        "priority",
        "partnership",
        "focus",
        "budget",
        "total",
        "risk",
        "measure",
        "outcome",
        "outcomes",
        "ref",
        "no",
    ];
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| WORDS.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testdoc::DocBuilder;

    #[test]
    fn header_from_reader_or_vocabulary() {
        let doc = DocBuilder::new()
            .heading(2, "Projects Underway")
            .table(
                1,
                &[
                    &["Project description", "Timescale"],
                    &["Do a thing.", "1-2 years"],
                ],
            )
            .table(
                0,
                &[
                    &["Action", "Target date", "Status"],
                    &["Launch", "", "Complete"],
                    &["", "", ""],
                ],
            )
            .table(
                0,
                &[
                    &["Date of completion", "1 September 2018"],
                    &["Chairman", "Jo"],
                ],
            )
            .build();
        let t = extract(&doc);
        assert_eq!(t.len(), 3);
        assert_eq!(t[0].section.as_deref(), Some("Projects Underway"));
        assert_eq!(t[0].header, ["Project description", "Timescale"]);
        assert_eq!(t[0].rows, [["Do a thing.", "1-2 years"]]);
        assert_eq!(t[1].header, ["Action", "Target date", "Status"]);
        assert_eq!(t[1].rows.len(), 1);
        assert!(t[2].header.is_empty());
        assert_eq!(t[2].rows.len(), 2);
    }
}
