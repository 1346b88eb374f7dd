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
//! PDF readers give the same box, so the front matter finds its labels
//! (labels with a colon are left to the "Label: value" lines). A
//! value wrapped onto lines of its own stays with its row; a label wrapped
//! onto lines of its own ("Is the final decision … / at this meeting?")
//! stays with its label.

use crate::text::{normalize, parse_label, LabelOptions};

use super::lines::Line;
use super::tables::ProtoTable;

/// How far a value may start from the value column and still be in it.
const SLACK: usize = 2;

/// The most lines one box may take (keeps the reader linear).
const MAX_LINES: usize = 60;

/// The end of the left text and the start of the right text on a line whose
/// two parts are parted by three spaces or more; `None` for a line of one
/// part or of three parts or more (a grid of figures).
fn two_parts(raw: &str) -> Option<(usize, usize)> {
    let chars: Vec<char> = raw.chars().collect();
    let first = chars.iter().position(|c| !c.is_whitespace())?;
    let mut gaps = Vec::new();
    let mut k = first;
    while k < chars.len() {
        if chars.get(k) == Some(&' ') {
            let run = chars.iter().skip(k).take_while(|c| **c == ' ').count();
            if run >= 3 && k + run < chars.len() {
                gaps.push((k, k + run));
            }
            k += run;
        } else {
            k += 1;
        }
    }
    match gaps.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// Text a label column holds: a few words, no sentence, not a list number.
fn label_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=8).contains(&words)
        && text.chars().count() <= 48
        && text.starts_with(|c: char| c.is_uppercase())
        && !text.ends_with(['.', ';', ','])
        && !text.contains('@')
        && parse_label(text, LabelOptions::default()).is_none_or(|(_, rest)| !rest.is_empty())
        && !text.chars().any(|c| c == '£' || c == '%')
}

/// Whether a value line continues the value above it as one wrapped line
/// (joined with a space) rather than starting another item of a list of
/// people or places (kept on a line of its own).
fn wraps(prev: &str, next: &str) -> bool {
    let last = prev.split_whitespace().last().unwrap_or("").to_lowercase();
    !next.starts_with(|c: char| c.is_uppercase())
        || prev.ends_with([',', '&', '-', '–', '('])
        || ["and", "of", "for", "the", "to", "in", "on", "with", "&"].contains(&last.as_str())
}

/// Reads a label/value box starting at line `start`; returns the table and
/// the index of the line after it.
pub fn read(lines: &[Line], start: usize) -> Option<(ProtoTable, usize)> {
    let first = lines.get(start)?;
    let (left_end, x) = two_parts(&first.raw)?;
    let indent = first.indent;
    let left = normalize(first.raw.chars().take(left_end).collect::<String>().trim());
    if !label_like(&left) || !(16..=70).contains(&x) {
        return None;
    }
    let mut rows: Vec<(String, String)> = Vec::new();
    let mut end = start;
    let mut i = start;
    let mut blanks = 0;
    while let Some(line) = lines.get(i).filter(|_| i < start + MAX_LINES) {
        if line.is_blank() {
            blanks += 1;
            if blanks >= 2 {
                break;
            }
            i += 1;
            continue;
        }
        if line.page_break && i > start {
            break;
        }
        let raw = line.raw.as_str();
        let chars: Vec<char> = raw.chars().collect();
        let parts = two_parts(raw).filter(|(_, rx)| rx.abs_diff(x) <= SLACK);
        if let Some((le, rx)) = parts.filter(|_| line.indent.abs_diff(indent) <= SLACK) {
            let label = normalize(chars.iter().take(le).collect::<String>().trim());
            let value = normalize(chars.iter().skip(rx).collect::<String>().trim());
            // Two blocks side by side ("Report Author:  Relevant Director:",
            // a person's e-mail on each side) are no label column.
            if !label_like(&label) || value.ends_with(':') && label.ends_with(':') {
                break;
            }
            rows.push((label, value));
        } else if line.indent + SLACK >= x && blanks == 0 {
            // A value wrapped onto a line of its own.
            let Some(row) = rows.last_mut() else { break };
            let text = normalize(line.text());
            if row.1.is_empty() || wraps(&row.1, &text) {
                if !row.1.is_empty() {
                    row.1.push(' ');
                }
                row.1.push_str(&text);
            } else {
                row.1.push('\n');
                row.1.push_str(&text);
            }
        } else if line.indent.abs_diff(indent) <= SLACK
            && line.width() + SLACK < x
            && blanks == 0
            && line.text().starts_with(|c: char| c.is_lowercase())
        {
            // A label wrapped onto a line of its own ("recommendations in
            // this report to be made / at this meeting?").
            let Some(row) = rows.last_mut() else { break };
            row.0.push(' ');
            row.0.push_str(&normalize(line.text()));
        } else {
            break;
        }
        blanks = 0;
        i += 1;
        end = i;
    }
    // One row is a line with a wide gap; a box has a column of labels.
    // Labels that end in a colon ("From:", "Subject:") are read line by line
    // as "Label: value" already, wrapped values and all.
    // Two short rows ("Agenda Item  18", "Report No  EI/44/23") are a
    // caption more often than a box; two rows make one when a value wraps.
    let wrapped = end - start > rows.len();
    if rows.len() < 2 || rows.len() == 2 && !wrapped || rows.iter().any(|(l, _)| l.ends_with(':')) {
        return None;
    }
    let table = ProtoTable {
        rows: rows.into_iter().map(|(l, v)| vec![l, v]).collect(),
        header_rows: 0,
        empty_header: false,
    };
    Some((table, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::txt::lines::split;

    fn rows(text: &str) -> Option<Vec<Vec<String>>> {
        let lines = split(text);
        read(&lines, 0).map(|(t, _)| t.rows)
    }

    /// A line of a box: the label from column 1, the value from column 38.
    fn line(label: &str, value: &str) -> String {
        format!(" {label:<37}{value}\n")
    }

    #[test]
    fn a_cover_box_with_wrapped_values_and_labels() {
        let text = [
            line("Final Decision-Maker", "Policy and Resources Committee"),
            line("Lead Head of Service", "Graham Talbot, Director of Place"),
            line("Is the final decision on the", "Yes"),
            line("recommendations in this report", ""),
            line("Wards affected", "High Street, Fant and"),
            line("", "Bridge"),
            line("By", "Peter Oakford, Deputy Leader"),
            line("", "John Betts, Interim Director"),
            "\n\nExecutive Summary\n".to_string(),
        ]
        .concat();
        let got = rows(&text).unwrap_or_default();
        let want: Vec<Vec<String>> = [
            ["Final Decision-Maker", "Policy and Resources Committee"],
            ["Lead Head of Service", "Graham Talbot, Director of Place"],
            [
                "Is the final decision on the recommendations in this report",
                "Yes",
            ],
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
