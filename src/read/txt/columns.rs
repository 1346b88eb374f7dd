//! Two blocks set side by side (contact details in two columns, as
//! `pdftotext -layout` prints them): read as a one-row, two-column table so
//! that each column's lines stay together.

use crate::text::normalize;

use super::lines::Line;
use super::tables::ProtoTable;

/// Where the right column starts on a line whose left text is followed by a
/// gap of three spaces or more.
fn gap_column(raw: &str) -> Option<(usize, usize)> {
    let chars: Vec<char> = raw.chars().collect();
    let first = chars.iter().position(|c| !c.is_whitespace())?;
    let mut k = first;
    while k < chars.len() {
        if chars.get(k).is_some_and(|c| *c == ' ') {
            let run = chars.iter().skip(k).take_while(|c| **c == ' ').count();
            if run >= 3 && k + run < chars.len() {
                return Some((k, k + run));
            }
            k += run;
        } else {
            k += 1;
        }
    }
    None
}

/// Reads a two-column region starting at line `start`; returns the table and
/// the index after it.
pub fn read(lines: &[Line], start: usize) -> Option<(ProtoTable, usize)> {
    let first = lines.get(start)?;
    let (left_end, x) = gap_column(&first.raw)?;
    if first.indent > 0 || x < 20 || left_end > 45 || x > 70 {
        return None;
    }
    let (mut left, mut right): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    let (mut left_only, mut right_only, mut plain_pairs) = (0, 0, 0);
    let mut blanks = 0;
    let mut end = start;
    let mut i = start;
    // A bounded region keeps the reader linear on long layout tables.
    while let Some(line) = lines.get(i).filter(|_| i < start + 120) {
        if line.is_blank() {
            blanks += 1;
            if blanks >= 2 {
                break;
            }
            i += 1;
            continue;
        }
        if i > start && line.page_break && line.indent == 0 && line.width() < x {
            // a page break inside the region is fine
        }
        blanks = 0;
        let raw = line.raw.as_str();
        // Three or more segments: a grid of figures, not two text blocks.
        if gap_column(raw)
            .is_some_and(|(_, rx)| raw.chars().skip(rx).collect::<String>().contains("   "))
        {
            return None;
        }
        if line.indent + 3 >= x {
            right.push(normalize(raw));
            right_only += 1;
        } else if let Some((_, rx)) = gap_column(raw).filter(|(_, rx)| rx.abs_diff(x) <= 3) {
            let chars: Vec<char> = raw.chars().collect();
            let l = normalize(&chars.iter().take(rx).collect::<String>());
            if !l.ends_with(':') {
                plain_pairs += 1;
            }
            left.push(l);
            right.push(normalize(&chars.iter().skip(rx).collect::<String>()));
        } else if line.width() < x {
            if i > start
                && crate::text::parse_label(raw, crate::text::LabelOptions::default())
                    .is_some_and(|(l, _)| !l.is_bullet())
            {
                break;
            }
            left.push(normalize(raw));
            left_only += 1;
        } else {
            // Text crossing the column: cut at the space nearest the column.
            let chars: Vec<char> = raw.chars().collect();
            let cut = (x.saturating_sub(4)..=x + 4)
                .filter(|&k| chars.get(k) == Some(&' '))
                .min_by_key(|&k| k.abs_diff(x));
            match cut {
                Some(k) => {
                    left.push(normalize(&chars.iter().take(k).collect::<String>()));
                    right.push(normalize(&chars.iter().skip(k).collect::<String>()));
                }
                None => break,
            }
        }
        i += 1;
        end = i;
    }
    // Label/value front matter has labels on the left and nothing alone
    // there; two real columns have plain text on both sides.
    let _ = right_only;
    if left_only < 1 || plain_pairs < 1 || left.len() < 3 || right.len() < 3 {
        return None;
    }
    let cell = |v: Vec<String>| {
        v.into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let table = ProtoTable {
        rows: vec![vec![cell(left), cell(right)]],
        header_rows: 0,
        empty_header: false,
    };
    Some((table, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::txt::lines::split;

    #[test]
    fn side_by_side_contacts() {
        let src = "Report Authors:                     Lead Directors\nSharon Howard                       Kevin Kasaven, Director\nAssistant Director                  Countywide Services\n+443000412070\nsharon.howard@kent.gov.uk           Mark Albiston, Director\n                                    and Health\nAlyson Wagget                       +443000417578\n\n\nNext";
        let lines = split(src);
        let (t, end) = read(&lines, 0).unwrap();
        assert_eq!(end, 7);
        let row = &t.rows[0];
        assert_eq!(row[0], "Report Authors:\nSharon Howard\nAssistant Director\n+443000412070\nsharon.howard@kent.gov.uk\nAlyson Wagget");
        assert!(row[1].starts_with(
            "Lead Directors\nKevin Kasaven, Director\nCountywide Services\nMark Albiston"
        ));
    }

    #[test]
    fn label_value_front_matter_is_not_columns() {
        let src = "From:                        Sue Chandler, Cabinet Member\n                             Children's Services\n\nTo:                          Cabinet\n";
        assert!(read(&split(src), 0).is_none());
    }
}
