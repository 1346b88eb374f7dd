//! A tiny builder of hand-made [`Document`]s for the extractors' unit tests.

use crate::document::{BlockKind, Cell, Heading, Label, Loc, Paragraph, Row, Style, Table};
use crate::format::Format;
use crate::text::{parse_label, LabelOptions};
use crate::Document;

/// Builds a document block by block; each block gets the next line number.
pub(crate) struct DocBuilder {
    doc: Document,
    line: u32,
}

impl DocBuilder {
    pub(crate) fn new() -> Self {
        DocBuilder {
            doc: Document::new(Format::Docx),
            line: 0,
        }
    }

    fn push(mut self, kind: BlockKind) -> Self {
        self.line += 1;
        self.doc.push(Loc::line(self.line), kind);
        self
    }

    pub(crate) fn heading(self, level: u8, text: &str) -> Self {
        self.push(BlockKind::Heading(Heading {
            level,
            text: text.into(),
            label: None,
        }))
    }

    /// A paragraph; a leading list label ("6)", "a)", "•") is split off.
    pub(crate) fn para(self, level: u8, text: &str) -> Self {
        self.para_styled(level, text, false)
    }

    pub(crate) fn bold(self, text: &str) -> Self {
        self.para_styled(0, text, true)
    }

    fn para_styled(self, level: u8, text: &str, bold: bool) -> Self {
        let (label, text): (Option<Label>, String) =
            match parse_label(text, LabelOptions::default()) {
                Some((l, rest)) if !rest.is_empty() => (Some(l), rest.to_string()),
                _ => (None, text.to_string()),
            };
        self.push(BlockKind::Paragraph(Paragraph {
            text,
            label,
            level,
            style: Style {
                bold,
                italic: false,
            },
        }))
    }

    /// A table from rows of cell texts, with `header_rows` header rows.
    pub(crate) fn table(self, header_rows: usize, rows: &[&[&str]]) -> Self {
        let rows = rows
            .iter()
            .map(|r| Row {
                cells: r.iter().map(|t| Cell::new(*t)).collect(),
            })
            .collect();
        self.push(BlockKind::Table(Table { rows, header_rows }))
    }

    pub(crate) fn build(self) -> Document {
        self.doc
    }
}
