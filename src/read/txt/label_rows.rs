//! A cover table printed as two text columns, labels on the left and values
//! on the right, as `pdftotext -layout` or a fixed-width export prints it:
//!
//! ```text
//!  Final Decision-Maker                              Policy and Resources Committee
//!  Lead Head of Service                              Graham Talbot, Director of Place
//!  Wards affected                                    High Street, Fant and
//!                                                    Bridge
//! ```
//!
//! Read as a two-column table of label/value rows, the shape the Word and
//! PDF readers give the same box, so the front matter finds its labels.
//!
//! Such a text is the PDF page set out in a grid of characters, so the
//! PDF reader's label-column finder
//! ([`label_columns`](crate::read::pdf::layout::label_columns)) reads it:
//! each text line becomes a placed line, a character a fixed width, its
//! parts parted by two spaces or more spans, and blank lines wider gaps.
//! One rule set, one behaviour, for labels and values that wrap, questions
//! answered beside them, and side-by-side blocks that are no box.

use std::collections::BTreeMap;

use crate::read::pdf::layout::grid_text_tables;
use crate::read::pdf::layout::label_columns::label_column_runs;
use crate::read::pdf::layout::lines::{Line as Placed, Span};

use super::lines::Line;
use super::tables::ProtoTable;

/// The font size the placed lines are given.
const SIZE: f32 = 10.0;
/// The width of one character: half the size, as in a proportional font
/// on average.
const CHAR: f32 = SIZE * 0.5;
/// The distance from one line to the next.
const LEADING: f32 = SIZE * 1.2;
/// The extra distance a blank line puts between two lines: `pdftotext
/// -layout` prints one for a gap of about a line and a half, as between
/// the paragraphs of one table cell.
const BLANK: f32 = SIZE * 0.8;

/// The label/value boxes of a text, by the index of their first line.
#[derive(Debug, Default)]
pub struct Boxes(BTreeMap<usize, (ProtoTable, usize)>);

impl Boxes {
    /// The box whose first line is line `i`, with the index of the line
    /// after it.
    pub fn at(&self, i: usize) -> Option<(ProtoTable, usize)> {
        self.0.get(&i).cloned()
    }

    /// Whether a box starts at line `i` (so no paragraph runs into it).
    pub fn starts(&self, i: usize) -> bool {
        self.0.contains_key(&i)
    }
}

/// The spans of a text line: its parts parted by two spaces or more, each
/// placed at its character column.
fn placed(line: &Line, y: f32) -> Placed {
    let chars: Vec<char> = line.raw.chars().collect();
    let mut spans = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if chars.get(k).is_some_and(|c| c.is_whitespace()) {
            k += 1;
            continue;
        }
        let start = k;
        let mut end = k;
        while let Some(c) = chars.get(k) {
            let gap = c.is_whitespace() && chars.get(k + 1).is_none_or(|n| n.is_whitespace());
            if gap {
                break;
            }
            if !c.is_whitespace() {
                end = k + 1;
            }
            k += 1;
        }
        let text: String = chars.get(start..end).unwrap_or_default().iter().collect();
        spans.push(Span {
            x0: start as f32 * CHAR,
            x1: end as f32 * CHAR,
            text,
            bold: false,
            italic: false,
            size: SIZE,
            wide_gaps: Vec::new(),
        });
    }
    Placed { y, spans }
}

/// Finds the label/value boxes of `lines`, page by page. Lines with tabs
/// (the cells of a tab-separated table) part runs.
pub fn find(lines: &[Line]) -> Boxes {
    let mut boxes = BTreeMap::new();
    let mut page: Vec<(usize, Placed)> = Vec::new();
    let mut y = 0.0;
    let mut blanks = 0usize;
    for (k, line) in lines.iter().enumerate() {
        if line.page_break || line.raw.contains('\t') {
            flush(&mut page, &mut boxes);
            y = 0.0;
        }
        if line.is_blank() {
            blanks += 1;
            continue;
        }
        if line.raw.contains('\t') {
            continue;
        }
        y += LEADING + BLANK * blanks.min(3) as f32;
        blanks = 0;
        page.push((k, placed(line, y)));
    }
    flush(&mut page, &mut boxes);
    Boxes(boxes)
}

/// Reads the boxes among one page's placed lines into `boxes`, and empties
/// the page.
fn flush(page: &mut Vec<(usize, Placed)>, boxes: &mut BTreeMap<usize, (ProtoTable, usize)>) {
    let taken = std::mem::take(page);
    if taken.len() < 2 {
        return;
    }
    let right = taken.iter().map(|(_, l)| l.x1()).fold(0.0, f32::max);
    let numbers: Vec<usize> = taken.iter().map(|(k, _)| *k).collect();
    let placed: Vec<Placed> = taken.into_iter().map(|(_, l)| l).collect();
    // The small tables the label columns are not: label/value pairs
    // across the line, contact columns under a header, labels over values.
    let grid = grid_text_tables(&placed);
    let mut found = label_column_runs(placed, right);
    for (table, start, len) in grid {
        let overlaps = found
            .iter()
            .any(|(_, s, l)| start < s + l && *s < start + len);
        if !overlaps {
            found.push((table, start, len));
        }
    }
    for (table, start, len) in found {
        let (Some(first), Some(last)) = (
            numbers.get(start),
            numbers.get((start + len).saturating_sub(1)),
        ) else {
            continue;
        };
        let rows = table
            .rows
            .into_iter()
            .map(|r| r.cells.into_iter().map(|c| c.text).collect())
            .collect();
        let proto = ProtoTable {
            rows,
            header_rows: 0,
            empty_header: false,
        };
        boxes.insert(*first, (proto, last + 1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::txt::lines::split;

    fn rows(text: &str) -> Option<Vec<Vec<String>>> {
        let lines = split(text);
        find(&lines).at(0).map(|(t, _)| t.rows)
    }

    /// A line of a box: the label from column 1, the value from column 38.
    fn line(label: &str, value: &str) -> String {
        format!(" {label:<37}{value}\n")
    }

    #[test]
    fn a_cover_box_with_wrapped_values_and_labels() {
        let text = [
            line("Is the final decision on the", ""),
            line("recommendations in this report to", ""),
            line("be made at this meeting?", "Yes"),
            "\n\n".to_string(),
            line("Final Decision-Maker", "Policy and Resources Committee"),
            line("Lead Head of Service", "Graham Talbot, Director of Place"),
            line("Wards affected", "High Street, Fant and"),
            line("", "Bridge"),
            line("By", "Peter Oakford, Deputy Leader"),
            line("", "John Betts, Interim Director"),
            // The page's text runs wider than the box.
            "\n\nExecutive Summary\nThe charges for residents’ parking permits were last reviewed in 2021, and since then\n".to_string(),
        ]
        .concat();
        let lines = split(&text);
        let boxes = find(&lines);
        let question = boxes.at(0).map(|(t, end)| (t.rows, end));
        assert_eq!(
            question,
            Some((
                vec![vec![
                    "Is the final decision on the recommendations in this report to be made at this meeting?".to_string(),
                    "Yes".to_string(),
                ]],
                3
            ))
        );
        let got = boxes.at(5).map(|(t, _)| t.rows).unwrap_or_default();
        let want: Vec<Vec<String>> = [
            ["Final Decision-Maker", "Policy and Resources Committee"],
            ["Lead Head of Service", "Graham Talbot, Director of Place"],
            ["Wards affected", "High Street, Fant and Bridge"],
            [
                "By",
                "Peter Oakford, Deputy Leader\nJohn Betts, Interim Director",
            ],
        ]
        .iter()
        .map(|r| r.iter().map(|s| s.to_string()).collect())
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn labels_with_colons_and_wrapped_labels() {
        let text = "Subject:                   COMMUNITY LIBRARIES OPENING HOURS\n                           REVIEW\nReport of:                 Strategic Director, City Operations\nRelevant Cabinet           Councillor Nadia Qureshi – Culture and\nMember:                    Communities\n\nText.\n";
        let got = rows(text).unwrap_or_default();
        assert_eq!(
            got,
            [
                ["Subject:", "COMMUNITY LIBRARIES OPENING HOURS REVIEW"],
                ["Report of:", "Strategic Director, City Operations"],
                [
                    "Relevant Cabinet Member:",
                    "Councillor Nadia Qureshi – Culture and Communities"
                ],
            ]
        );
    }

    #[test]
    fn prose_figures_lists_and_side_by_side_blocks_are_no_box() {
        // One line with a gap.
        assert!(
            rows("Policy and Resources Committee           22 January 2025\n\nText.\n").is_none()
        );
        // Two contact blocks side by side.
        assert!(rows(
            "Report Author:                Relevant Director:\nSharon Howard                 Kevin Kasaven\n"
        )
        .is_none());
        // A grid of figures.
        assert!(rows("Adults     12.5     13.1\nChildren   10.2     11.0\n").is_none());
        // Numbered headings over a gap.
        assert!(rows("1.    Introduction\n2.    Background\n").is_none());
    }
}
