//! The front matter reaches the extractors in several shapes: "Label: value"
//! paragraphs, headings, and two-column label/value table rows. A [`Unit`] is
//! one line of that material whatever its shape, so that the field, contact
//! and recommendation scanners read one stream.

use crate::document::{Block, BlockKind, Label};
use crate::text::{normalize, parse_label, LabelOptions};

/// Where a unit came from, as far as the scanners care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// A heading of the given level.
    Heading(u8),
    /// A paragraph (or one paragraph of a single-cell table row).
    Paragraph,
    /// A table row with two or more non-empty cells.
    Row,
}

/// One line of material.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// The shape it came in.
    pub shape: Shape,
    /// The text (for a row, its cells joined by " | "; see `cells`).
    pub text: String,
    /// The list label in front of the text, if any.
    pub label: Option<Label>,
    /// Nesting level of a list item.
    pub level: u8,
    /// Bold throughout.
    pub bold: bool,
    /// For a row: the non-empty cell texts, left to right.
    pub cells: Vec<String>,
    /// Index of the block it came from.
    pub block: usize,
}

impl Unit {
    /// A row's cells after the first (its label's), normalised and joined
    /// by spaces: the value of a "Label | value | …" row.
    pub fn rest_cells(&self) -> String {
        self.cells
            .iter()
            .skip(1)
            .map(|c| normalize(c))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whether the unit is a heading.
    pub fn is_heading(&self) -> bool {
        matches!(self.shape, Shape::Heading(_))
    }

    /// Whether the unit carries a counter label (1., (a), iv) — not a bullet.
    pub fn is_counted(&self) -> bool {
        self.label.as_ref().is_some_and(|l| !l.is_bullet())
    }

    /// Whether the unit is a bullet item.
    pub fn is_bullet(&self) -> bool {
        self.label.as_ref().is_some_and(Label::is_bullet)
    }

    /// The text with its label printed in front, as a reader sees it.
    pub fn printed(&self) -> String {
        match &self.label {
            Some(l) if l.is_bullet() => format!("• {}", self.text),
            Some(l) => format!("{} {}", l.printed, self.text),
            None => self.text.clone(),
        }
    }
}

/// Splits the lines of a table cell into units: each line of a cell is a
/// paragraph, with its list label parsed (cells carry numbering as typed text).
fn cell_lines(text: &str, block: usize, bold: bool, out: &mut Vec<Unit>) {
    for line in text.split('\n') {
        let line = normalize(line);
        if line.is_empty() {
            continue;
        }
        let (label, rest) = match parse_label(&line, LabelOptions::default()) {
            Some((l, r)) if !r.is_empty() => (Some(l), r.to_string()),
            _ => (None, line.clone()),
        };
        out.push(Unit {
            shape: Shape::Paragraph,
            text: rest,
            label,
            level: 0,
            bold,
            cells: Vec::new(),
            block,
        });
    }
}

/// A decimal number typed at the start of a paragraph or heading that no
/// list numbering carries ("2.1 Members are asked to:", "1. Purpose" in a
/// Word file whose numbers were typed), split off as a reader would.
fn typed_label(label: &Option<Label>, text: &str) -> (Option<Label>, String) {
    if label.is_some() {
        return (label.clone(), text.to_string());
    }
    match parse_label(text, LabelOptions::default()) {
        Some((l, rest))
            if l.kind == crate::document::LabelKind::Decimal
                && !rest.is_empty()
                && l.printed.chars().any(|c| matches!(c, '.' | ')')) =>
        {
            (Some(l), rest.to_string())
        }
        _ => (None, text.to_string()),
    }
}

/// Turns blocks into units. Footnotes and page breaks are skipped.
pub(crate) fn units(blocks: &[Block]) -> Vec<Unit> {
    let mut out = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        match &block.kind {
            BlockKind::Heading(h) => {
                let (label, text) = typed_label(&h.label, &h.text);
                out.push(Unit {
                    shape: Shape::Heading(h.level),
                    text,
                    label,
                    level: 0,
                    bold: true,
                    cells: Vec::new(),
                    block: i,
                })
            }
            BlockKind::Paragraph(p) => {
                if p.text.is_empty() {
                    continue;
                }
                let (label, text) = typed_label(&p.label, &p.text);
                out.push(Unit {
                    shape: Shape::Paragraph,
                    text,
                    label,
                    level: p.level,
                    bold: p.style.bold,
                    cells: Vec::new(),
                    block: i,
                })
            }
            BlockKind::Table(t) => {
                for row in &t.rows {
                    let cells: Vec<&crate::document::Cell> = row
                        .cells
                        .iter()
                        .filter(|c| !c.covered && !c.text.trim().is_empty())
                        .collect();
                    match cells.as_slice() {
                        [] => {}
                        [one] => cell_lines(&one.text, i, one.bold, &mut out),
                        many => {
                            let texts: Vec<String> =
                                many.iter().map(|c| c.text.trim().to_string()).collect();
                            out.push(Unit {
                                shape: Shape::Row,
                                text: texts
                                    .iter()
                                    .map(|t| normalize(t))
                                    .collect::<Vec<_>>()
                                    .join(" | "),
                                label: None,
                                level: 0,
                                bold: many.first().is_some_and(|c| c.bold),
                                cells: texts,
                                block: i,
                            });
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out
}
