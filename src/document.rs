//! The format-neutral document model that every reader produces and every
//! extractor consumes.
//!
//! A [`Document`] is a flat list of [`Block`]s in reading order. Readers
//! (`crate::read::{txt, docx, pdf}`) do everything format-specific: decoding,
//! layout, numbering, merging; extractors (`crate::extract`) never look at
//! the source format. The same report read from txt, docx and pdf should give
//! the same blocks, up to the differences each format cannot avoid.
//!
//! Conventions every reader keeps:
//! - All text is normalised with [`crate::text::normalize`] (NFC, white space
//!   folded, soft hyphens, zero-width and private-use bullet glyphs removed).
//! - A paragraph's list number or bullet is never part of its `text`: it lives
//!   in [`Paragraph::label`].
//! - A table cell keeps its paragraph breaks as `"\n"` and a bulleted line
//!   starts with `"• "`.
//! - Running page headers/footers, page numbers and "This page is
//!   intentionally left blank" are dropped by the reader.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::format::Format;

/// Where something came from: `page` (1-based) for pdf, `line` (1-based) for
/// txt, and for docx the 1-based body paragraph index in `line`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Loc {
    /// 1-based page number (pdf), else `null`.
    pub page: Option<u32>,
    /// 1-based line (txt) or body paragraph index (docx), else `null`.
    pub line: Option<u32>,
}

impl Loc {
    /// A location on a page.
    pub fn page(page: u32) -> Loc {
        Loc {
            page: Some(page),
            line: None,
        }
    }

    /// A location on a line (txt) or at a paragraph index (docx).
    pub fn line(line: u32) -> Loc {
        Loc {
            page: None,
            line: Some(line),
        }
    }
}

/// A whole document: blocks in reading order plus what was found beside them.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Document {
    /// The format it was read from.
    pub format: Format,
    /// Number of pages, where the format has pages (pdf).
    pub pages: Option<u32>,
    /// The content, in reading order.
    pub blocks: Vec<Block>,
    /// Hyperlinks whose target is known (text as shown, and target).
    pub links: Vec<Link>,
    /// Anything the reader had to guess or could not read.
    pub warnings: Vec<Warning>,
    /// Running headers and footers the reader took out of the flow, each
    /// once ("CC12", "Appendix J"): not content, but a clue to what the
    /// document is.
    pub running_text: Vec<String>,
}

impl Document {
    /// An empty document of the given format.
    pub fn new(format: Format) -> Document {
        Document {
            format,
            pages: None,
            blocks: Vec::new(),
            links: Vec::new(),
            warnings: Vec::new(),
            running_text: Vec::new(),
        }
    }

    /// Appends a block.
    pub fn push(&mut self, loc: Loc, kind: BlockKind) {
        self.blocks.push(Block { loc, kind });
    }

    /// The paragraphs, in reading order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.blocks.iter().filter_map(|b| match &b.kind {
            BlockKind::Paragraph(p) => Some(p),
            _ => None,
        })
    }

    /// The headings, in reading order.
    pub fn headings(&self) -> impl Iterator<Item = &Heading> {
        self.blocks.iter().filter_map(|b| match &b.kind {
            BlockKind::Heading(h) => Some(h),
            _ => None,
        })
    }

    /// The tables, in reading order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|b| match &b.kind {
            BlockKind::Table(t) => Some(t),
            _ => None,
        })
    }

    /// The footnotes and endnotes, in order.
    pub fn footnotes(&self) -> impl Iterator<Item = &Footnote> {
        self.blocks.iter().filter_map(|b| match &b.kind {
            BlockKind::Footnote(f) => Some(f),
            _ => None,
        })
    }

    /// Records a warning.
    pub fn warn(&mut self, code: &str, message: impl Into<String>, loc: Option<Loc>) {
        self.warnings.push(Warning {
            code: code.to_string(),
            message: message.into(),
            loc,
        });
    }
}

/// One block of content and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Where the block starts.
    pub loc: Loc,
    /// What the block is.
    pub kind: BlockKind,
}

/// The kinds of block.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum BlockKind {
    /// A heading (a docx heading style, a larger/bold pdf line, a txt line that
    /// stands alone as a title).
    Heading(Heading),
    /// A paragraph of body text, possibly a list item.
    Paragraph(Paragraph),
    /// A table (after merging a table that a page break split).
    Table(Table),
    /// A hard page break (docx) or the start of a new page (pdf).
    PageBreak,
    /// A footnote or endnote body.
    Footnote(Footnote),
}

/// A heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// 1 = top level. Readers map what the format gives (docx outline level,
    /// relative pdf font size) onto 1..=6.
    pub level: u8,
    /// The heading text without its number.
    pub text: String,
    /// The printed number of a numbered heading ("1." of "1. Introduction").
    pub label: Option<Label>,
}

/// A paragraph of text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Paragraph {
    /// The text, normalised, without its list label.
    pub text: String,
    /// The list number or bullet the reader sees in front of the paragraph.
    pub label: Option<Label>,
    /// Nesting level: 0 for body text and top-level list items, 1 for items
    /// nested one level deeper, and so on (docx `ilvl`, pdf/txt indentation).
    pub level: u8,
    /// Character formatting that holds for the whole paragraph.
    pub style: Style,
}

/// Formatting hints that extractors may use (e.g. a bold one-line paragraph
/// acting as a heading).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Style {
    /// Every character is bold.
    pub bold: bool,
    /// Every character is italic.
    pub italic: bool,
}

/// A list label as printed: a number, letter, roman numeral or bullet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Exactly as printed: `"6)"`, `"2."`, `"(a)"`, `"iv."`, `"1.2"`, `"•"`.
    pub printed: String,
    /// What kind of counter it is.
    pub kind: LabelKind,
    /// The counter value without punctuation: `"6"`, `"a"`, `"iv"`, `"1.2"`;
    /// for a bullet the normalised glyph `"•"` (or `"-"`, `"o"`, `"*"`).
    pub value: String,
}

/// The kind of counter in a [`Label`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LabelKind {
    /// `1`, `2`, … and multi-level decimals `1.2`, `4.1.2`.
    Decimal,
    /// `a`, `b`, …
    LowerAlpha,
    /// `A`, `B`, …
    UpperAlpha,
    /// `i`, `ii`, …
    LowerRoman,
    /// `I`, `II`, …
    UpperRoman,
    /// A bullet glyph.
    Bullet,
}

impl Label {
    /// Whether this is a bullet rather than a counter.
    pub fn is_bullet(&self) -> bool {
        self.kind == LabelKind::Bullet
    }
}

/// A table laid out on a grid.
///
/// Every row has one [`Cell`] per grid column it starts, left to right. A cell
/// spanning columns has `col_span > 1` and the columns it covers get no cell
/// of their own; a cell spanning rows has `row_span > 1`, and each covered
/// position in the rows below holds a placeholder cell with `covered: true`
/// and empty text, so that column indexes stay aligned.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The rows, top to bottom.
    pub rows: Vec<Row>,
    /// How many leading rows are header rows (docx `tblHeader`, a repeated
    /// first row, bold first row). 0 when unknown.
    pub header_rows: usize,
}

/// A table row.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    /// The cells, left to right.
    pub cells: Vec<Cell>,
}

/// A table cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The text: paragraphs separated by `"\n"`, bulleted lines starting with
    /// `"• "`.
    pub text: String,
    /// Grid columns spanned (≥ 1).
    pub col_span: u32,
    /// Rows spanned (≥ 1).
    pub row_span: u32,
    /// A placeholder for a position covered by a cell above (vertical merge).
    pub covered: bool,
    /// All of the cell's text is bold.
    pub bold: bool,
}

impl Cell {
    /// A plain one-by-one cell.
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            col_span: 1,
            row_span: 1,
            covered: false,
            bold: false,
        }
    }
}

impl Table {
    /// Number of grid columns (the widest row, counting spans).
    pub fn width(&self) -> usize {
        self.rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| c.col_span.max(1) as usize)
                    .sum::<usize>()
            })
            .max()
            .unwrap_or(0)
    }

    /// The table as a rectangular grid of texts: a spanned cell's text stands
    /// in its first column, covered positions are empty.
    pub fn grid(&self) -> Vec<Vec<String>> {
        let width = self.width();
        self.rows
            .iter()
            .map(|row| {
                let mut out = Vec::with_capacity(width);
                for cell in &row.cells {
                    out.push(cell.text.clone());
                    for _ in 1..cell.col_span.max(1) {
                        out.push(String::new());
                    }
                }
                out.resize(width, String::new());
                out
            })
            .collect()
    }
}

/// A footnote or endnote.
#[derive(Debug, Clone, PartialEq)]
pub struct Footnote {
    /// The mark as printed in the text ("1", "*", "i").
    pub mark: String,
    /// The note's text.
    pub text: String,
}

/// A hyperlink.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Link {
    /// The linked text as shown.
    pub text: String,
    /// The target address ("#" where the source only shows that it is a link).
    pub url: String,
}

/// Something the parser had to guess or could not read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Warning {
    /// A stable kebab-case code, e.g. `"table-split-merged"`, `"font-unmapped"`.
    pub code: String,
    /// A sentence for people.
    pub message: String,
    /// Where, when known.
    pub loc: Option<Loc>,
}
