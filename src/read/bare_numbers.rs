//! Paragraph numbers printed with no stop or bracket ("1 Buses on the
//! corridor…", "2 The scheme would…"), as some templates number their
//! paragraphs. A lone figure at the start of a paragraph is usually a
//! quantity ("3 bedrooms"), so it is read as a label only where the
//! paragraphs of a document count 1, 2, 3… in order, at least
//! [`MIN_RUN`] of them. Format-neutral: it runs on every reader's blocks.

use crate::document::{BlockKind, Label, LabelKind};
use crate::Document;

/// The fewest paragraphs counting 1, 2, 3… that make a numbering.
const MIN_RUN: usize = 3;

/// The highest number a run may reach (paragraph numbers, not years).
const MAX_NUMBER: u32 = 99;

/// The bare number opening `text` and where the text after it starts: a
/// figure from 1 to [`MAX_NUMBER`], white space, and a capital letter or
/// an opening quote or bracket.
fn bare_number(text: &str) -> Option<(u32, usize)> {
    let digits = text.find(|c: char| !c.is_ascii_digit())?;
    let n: u32 = text.get(..digits)?.parse().ok()?;
    let after = text.get(digits..)?;
    let rest = after.trim_start();
    let gap = after.len() - rest.len();
    let opens = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || "‘'“\"(".contains(c));
    ((1..=MAX_NUMBER).contains(&n) && gap > 0 && opens && !text.starts_with('0'))
        .then_some((n, digits + gap))
}

/// Whether `text` reads as a row of figures (a spreadsheet printed as text,
/// its rows numbered): after the row number, three figures or more, a
/// third of its words or more.
fn figures_row(text: &str) -> bool {
    let words = text.split_whitespace().skip(1).count();
    let figures = text
        .split_whitespace()
        .skip(1)
        .filter(|w| {
            w.chars().any(|c| c.is_ascii_digit())
                && w.chars()
                    .all(|c| c.is_ascii_digit() || ",.-–()£%".contains(c))
        })
        .count();
    figures >= 3 && figures * 3 >= words
}

/// Gives the paragraphs of `doc` that count 1, 2, 3… with bare numbers a
/// decimal label, the number taken out of their text.
pub fn label(doc: &mut Document) {
    let mut runs: Vec<Vec<(usize, u32, usize)>> = Vec::new();
    let mut current: Vec<(usize, u32, usize)> = Vec::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        let BlockKind::Paragraph(p) = &b.kind else {
            continue;
        };
        if p.label.is_some() {
            continue;
        }
        let Some((n, start)) = bare_number(&p.text).filter(|_| !figures_row(&p.text)) else {
            continue;
        };
        let expected = current.last().map_or(1, |(_, last, _)| last + 1);
        if n == expected {
            current.push((i, n, start));
        } else if n == 1 {
            runs.push(std::mem::take(&mut current));
            current.push((i, n, start));
        }
    }
    runs.push(current);
    for run in runs.into_iter().filter(|r| r.len() >= MIN_RUN) {
        for (i, n, start) in run {
            let Some(BlockKind::Paragraph(p)) = doc.blocks.get_mut(i).map(|b| &mut b.kind) else {
                continue;
            };
            let rest = p.text.get(start..).unwrap_or("").to_string();
            p.text = rest;
            p.label = Some(Label {
                printed: n.to_string(),
                kind: LabelKind::Decimal,
                value: n.to_string(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Loc, Paragraph};
    use crate::Format;

    fn doc(texts: &[&str]) -> Document {
        let mut d = Document::new(Format::Txt);
        for t in texts {
            d.push(
                Loc::line(1),
                BlockKind::Paragraph(Paragraph {
                    text: (*t).to_string(),
                    ..Paragraph::default()
                }),
            );
        }
        d
    }

    fn labels(d: &Document) -> Vec<(Option<String>, String)> {
        d.paragraphs()
            .map(|p| (p.label.as_ref().map(|l| l.printed.clone()), p.text.clone()))
            .collect()
    }

    #[test]
    fn a_run_counting_from_one_is_numbered() {
        let mut d = doc(&[
            "1 Buses carry 14,000 passengers a day.",
            "What impact will this proposal have?",
            "2 The scheme adds bus lanes.",
            "3 Journeys will be faster.",
        ]);
        label(&mut d);
        let got = labels(&d);
        assert_eq!(
            got[0],
            (
                Some("1".into()),
                "Buses carry 14,000 passengers a day.".into()
            )
        );
        assert_eq!(got[1].0, None);
        assert_eq!(
            got[3],
            (Some("3".into()), "Journeys will be faster.".into())
        );
    }

    #[test]
    fn quantities_and_short_runs_are_left_alone() {
        let mut d = doc(&[
            "1 Buses carry passengers.",
            "2 Lanes are added.",
            "3 bedrooms are planned in each house.",
            "2025 Budget figures follow.",
        ]);
        label(&mut d);
        assert!(labels(&d).iter().all(|(l, _)| l.is_none()));
        // Rows of a spreadsheet printed as text, numbered down the side.
        let mut d = doc(&[
            "1 Adult Social Care ASCH 7,003 3,939 549",
            "2 Children, Young People & Education CYPE 565,619 162,244",
            "3 Growth, Environment & Transport GET 1,288,680 376,243 159,31",
        ]);
        label(&mut d);
        assert!(labels(&d).iter().all(|(l, _)| l.is_none()));
    }
}
