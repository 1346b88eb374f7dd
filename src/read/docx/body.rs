//! The body walker: paragraphs, headings, lists and tables in reading order.

use std::collections::HashSet;

use super::inline::{self, InlineCtx, LineStyle, NoteKind};
use super::numbering::{Counters, Numbering};
use super::rels::Rels;
use super::styles::{NumRef, RunProps, Styles};
use super::xml::Element;
use crate::document::{
    Block, BlockKind, Cell, Heading, Label, Link, Loc, Paragraph, Row, Style, Table, Warning,
};
use crate::error::check_limit;
use crate::text::normalize;
use crate::{Error, ParseOptions, Result};

/// A note reference met in the body, with the paragraph it sits in.
#[derive(Debug, Clone)]
pub struct NoteRef {
    /// Footnote or endnote.
    pub kind: NoteKind,
    /// The note's `w:id`.
    pub id: String,
    /// The body paragraph index of the reference.
    pub line: u32,
    /// The mark written in the text (`w:customMarkFollows`), if any.
    pub custom_mark: Option<String>,
}

/// Where the blocks of a container go.
#[derive(Debug)]
pub enum Out {
    /// Into the document's block list.
    Body,
    /// Into the text of a table cell (or a note).
    Cell(CellText),
}

/// The text of a table cell being built.
#[derive(Debug)]
pub struct CellText {
    /// One entry per paragraph (a nested table's cells add theirs).
    pub lines: Vec<String>,
    /// Every visible run was bold.
    pub bold: bool,
    /// Some run had visible text.
    pub visible: bool,
}

impl Default for CellText {
    fn default() -> Self {
        CellText::new()
    }
}

impl CellText {
    /// An empty cell.
    pub fn new() -> CellText {
        CellText {
            lines: Vec::new(),
            bold: true,
            visible: false,
        }
    }
}

/// Reads blocks, carrying the running state (numbering counters, paragraph
/// index) across the whole document.
#[derive(Debug)]
pub struct Walker<'a> {
    options: &'a ParseOptions,
    styles: &'a Styles,
    numbering: &'a Numbering,
    counters: Counters,
    /// The relationships of the part being read.
    pub rels: Rels,
    /// Whether paragraphs count towards `Loc::line` (body only).
    pub counting: bool,
    para_index: u32,
    /// The blocks produced.
    pub blocks: Vec<Block>,
    /// The hyperlinks met.
    pub links: Vec<Link>,
    /// The note references met, in order.
    pub notes: Vec<NoteRef>,
    /// The document's bookmark names, to tell live internal links.
    pub bookmarks: HashSet<String>,
    /// What could not be read.
    pub warnings: Vec<Warning>,
    warned_nums: HashSet<String>,
}

impl<'a> Walker<'a> {
    /// A walker over a document with these styles and numbering.
    pub fn new(
        options: &'a ParseOptions,
        styles: &'a Styles,
        numbering: &'a Numbering,
        rels: Rels,
    ) -> Walker<'a> {
        Walker {
            options,
            styles,
            numbering,
            counters: Counters::default(),
            rels,
            counting: true,
            para_index: 0,
            blocks: Vec::new(),
            links: Vec::new(),
            notes: Vec::new(),
            bookmarks: HashSet::new(),
            warnings: Vec::new(),
            warned_nums: HashSet::new(),
        }
    }

    /// The current body paragraph index.
    pub fn line(&self) -> u32 {
        self.para_index
    }

    fn push(&mut self, line: u32, kind: BlockKind) -> Result<()> {
        let count = self.blocks.len() as u64 + 1;
        check_limit("max_blocks", count, self.options.max_blocks)?;
        self.blocks.push(Block {
            loc: Loc::line(line.max(1)),
            kind,
        });
        Ok(())
    }

    /// Reads the block-level children of `el` (the body, a cell, a text box,
    /// a content control).
    pub fn container(&mut self, el: Element<'_>, out: &mut Out, depth: u32) -> Result<()> {
        if depth > self.options.max_depth {
            return Err(Error::limit(
                "max_depth",
                u64::from(depth),
                u64::from(self.options.max_depth),
            ));
        }
        for child in el.elements() {
            match child.name() {
                "p" => self.paragraph(child, out, depth)?,
                "tbl" => self.table(child, out, depth + 1)?,
                "sdt" => {
                    if let Some(content) = child.child("sdtContent") {
                        self.container(content, out, depth + 1)?;
                    }
                }
                "sdtContent" | "customXml" | "ins" | "moveTo" | "smartTag" => {
                    self.container(child, out, depth + 1)?;
                }
                "altChunk" => self.warnings.push(Warning {
                    code: "docx-altchunk".to_string(),
                    message: "an embedded document (altChunk) was not read".to_string(),
                    loc: Some(Loc::line(self.para_index.max(1))),
                }),
                "AlternateContent" => {
                    if let Some(choice) = child.child("Choice").or_else(|| child.child("Fallback"))
                    {
                        self.container(choice, out, depth + 1)?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// The numbering a paragraph asks for: its own `w:numPr`, else its
    /// style's; `numId` 0 switches it off.
    fn num_ref(&self, ppr: Option<Element<'_>>, style: Option<&str>) -> Option<(String, u8)> {
        let direct = ppr.and_then(|p| p.child("numPr")).map(NumRef::from_element);
        let styled = style.and_then(|s| self.styles.numbering(s));
        let num_id = direct
            .as_ref()
            .and_then(|d| d.num_id.clone())
            .or_else(|| styled.as_ref().and_then(|s| s.num_id.clone()))?;
        if num_id.trim() == "0" {
            return None;
        }
        let ilvl = direct
            .as_ref()
            .and_then(|d| d.ilvl)
            .or_else(|| styled.as_ref().and_then(|s| s.ilvl))
            .or_else(|| style.and_then(|s| self.numbering.level_for_style(&num_id, s, self.styles)))
            .unwrap_or(0);
        Some((num_id, ilvl))
    }

    fn paragraph(&mut self, p: Element<'_>, out: &mut Out, depth: u32) -> Result<()> {
        if self.counting {
            self.para_index = self.para_index.saturating_add(1);
        }
        let line = self.para_index;
        let ppr = p.child("pPr");
        let style = ppr
            .and_then(|p| p.child_val("pStyle"))
            .or_else(|| self.styles.default_paragraph());
        let heading = ppr
            .and_then(|p| p.child_val("outlineLvl"))
            .and_then(|v| v.trim().parse::<u8>().ok())
            .map(|o| (o < 9).then_some(o + 1))
            .unwrap_or_else(|| style.and_then(|s| self.styles.heading_level(s)));
        let num = self.num_ref(ppr, style);
        let style_run = style.map(|s| self.styles.run_props(s)).unwrap_or_default();
        let defaults = self.styles.default_run();
        let para_run = RunProps {
            bold: style_run.bold.or(defaults.bold),
            italic: style_run.italic.or(defaults.italic),
        };
        let ctx = InlineCtx {
            styles: self.styles,
            rels: &self.rels,
            para_run,
            bookmarks: &self.bookmarks,
        };
        let content = inline::read(p, ctx);
        if let Some((id, _)) = &num {
            if !self.numbering.defines(id, self.styles) && self.warned_nums.insert(id.clone()) {
                self.warnings.push(Warning {
                    code: "docx-numbering-missing".to_string(),
                    message: format!(
                        "list numbering {id} is not defined in numbering.xml; its labels are lost"
                    ),
                    loc: Some(Loc::line(line.max(1))),
                });
            }
        }
        let label: Option<Label> = num.as_ref().and_then(|(id, ilvl)| {
            self.numbering
                .next_label(&mut self.counters, id, *ilvl, self.styles)
        });
        self.links.extend(content.links);
        for (kind, id, custom_mark) in content.notes {
            self.notes.push(NoteRef {
                kind,
                id,
                line,
                custom_mark,
            });
        }
        if content.break_before {
            self.page_break(line, out)?;
        }
        // A soft line break (Shift+Enter) starts a new line the way a text
        // export shows it: contact blocks, addresses, a run-in title over its
        // text. Each line becomes a paragraph of its own; a heading stays one.
        let lines: Vec<(String, LineStyle)> = content
            .text
            .split('\n')
            .zip(
                content
                    .lines
                    .iter()
                    .copied()
                    .chain(std::iter::repeat(LineStyle::default())),
            )
            .map(|(t, s)| (normalize(t), s))
            .filter(|(t, _)| !t.is_empty())
            .collect();
        let mut label = label;
        match (heading, &mut *out) {
            (Some(level), Out::Body) => {
                let text = normalize(&content.text);
                if !text.is_empty() {
                    self.push(
                        line,
                        BlockKind::Heading(Heading {
                            level: level.clamp(1, 6),
                            text,
                            label,
                        }),
                    )?;
                }
            }
            (None, Out::Body) => {
                for (k, (mut text, style)) in lines.into_iter().enumerate() {
                    // A number typed before the text ("1.1<tab>This report"),
                    // as many templates do instead of Word numbering.
                    if k == 0 && label.is_none() && num.is_none() {
                        if let Some((l, rest)) =
                            crate::text::parse_label(&text, crate::text::LabelOptions::default())
                        {
                            if !rest.is_empty() && !l.is_bullet() {
                                let rest = rest.to_string();
                                label = Some(l);
                                text = rest;
                            }
                        }
                    }
                    let level = match (&label, &num) {
                        (Some(_), Some((_, l))) => *l,
                        _ => 0,
                    };
                    self.push(
                        line,
                        BlockKind::Paragraph(Paragraph {
                            text,
                            level,
                            label: label.take(),
                            style: Style {
                                bold: style.visible && style.bold,
                                italic: style.visible && style.italic,
                            },
                        }),
                    )?;
                }
            }
            (_, Out::Cell(cell)) => {
                for (text, style) in lines {
                    cell.bold &= style.bold || !style.visible;
                    cell.visible |= style.visible;
                    cell.lines.push(match label.take() {
                        Some(l) => format!("{} {text}", l.printed),
                        None => text,
                    });
                }
            }
        }
        if content.break_after {
            self.page_break(line, out)?;
        }
        for textbox in content.textboxes {
            self.container(textbox, out, depth + 1)?;
        }
        Ok(())
    }

    fn page_break(&mut self, line: u32, out: &Out) -> Result<()> {
        match out {
            Out::Body => self.push(line, BlockKind::PageBreak),
            Out::Cell(_) => Ok(()),
        }
    }

    fn table(&mut self, tbl: Element<'_>, out: &mut Out, depth: u32) -> Result<()> {
        if depth > self.options.max_depth {
            return Err(Error::limit(
                "max_depth",
                u64::from(depth),
                u64::from(self.options.max_depth),
            ));
        }
        let first_line = self.para_index.saturating_add(1);
        let mut rows = Vec::new();
        collect(tbl, "tr", &mut rows, 0);
        let mut table = Table::default();
        let mut header_done = false;
        // For each grid column, the (row, cell) index of the cell a vertical
        // merge started in.
        let mut origins: Vec<Option<(usize, usize)>> = Vec::new();
        for tr in rows {
            let trpr = tr.child("trPr");
            let is_header = trpr
                .and_then(|p| p.child("tblHeader"))
                .is_some_and(Element::is_on);
            if is_header && !header_done {
                table.header_rows += 1;
            } else {
                header_done = true;
            }
            let row_index = table.rows.len();
            let mut row = Row::default();
            let mut col = 0usize;
            let before = trpr
                .and_then(|p| p.child_val("gridBefore"))
                .and_then(|v| v.trim().parse::<u32>().ok())
                .unwrap_or(0)
                .min(64);
            if before > 0 {
                let mut cell = Cell::new("");
                cell.col_span = before;
                row.cells.push(cell);
                col += before as usize;
            }
            let mut tcs = Vec::new();
            collect(tr, "tc", &mut tcs, 0);
            for tc in tcs {
                let tcpr = tc.child("tcPr");
                let span = tcpr
                    .and_then(|p| p.child_val("gridSpan"))
                    .and_then(|v| v.trim().parse::<u32>().ok())
                    .unwrap_or(1)
                    .clamp(1, 64);
                let vmerge = tcpr.and_then(|p| p.child("vMerge")).map(|v| v.val());
                let mut cell_out = Out::Cell(CellText::new());
                self.container(tc, &mut cell_out, depth + 1)?;
                let (text, bold) = match cell_out {
                    Out::Cell(c) => {
                        let lines: Vec<String> =
                            c.lines.into_iter().filter(|l| !l.is_empty()).collect();
                        (lines.join("\n"), c.visible && c.bold)
                    }
                    Out::Body => (String::new(), false),
                };
                // Legacy horizontal merge (hMerge): a continuing cell widens
                // the cell before it.
                let hmerge = tcpr.and_then(|p| p.child("hMerge")).map(|v| v.val());
                if matches!(hmerge, Some(None | Some("continue"))) {
                    if let Some(prev) = row.cells.last_mut() {
                        prev.col_span = prev.col_span.saturating_add(span);
                        if !text.is_empty() {
                            if !prev.text.is_empty() {
                                prev.text.push('\n');
                            }
                            prev.text.push_str(&text);
                        }
                        col += span as usize;
                        continue;
                    }
                }
                if origins.len() < col + span as usize {
                    origins.resize(col + span as usize, None);
                }
                let origin = origins.get(col).copied().flatten();
                match (vmerge, origin) {
                    // A continuation: a placeholder here, one more row for
                    // the cell the merge started in.
                    (Some(v), Some((r, c))) if v != Some("restart") => {
                        if let Some(start) =
                            table.rows.get_mut(r).and_then(|row| row.cells.get_mut(c))
                        {
                            start.row_span = start.row_span.saturating_add(1);
                            if !text.is_empty() {
                                if !start.text.is_empty() {
                                    start.text.push('\n');
                                }
                                start.text.push_str(&text);
                            }
                        }
                        row.cells.push(Cell {
                            text: String::new(),
                            col_span: span,
                            row_span: 1,
                            covered: true,
                            bold: false,
                        });
                    }
                    _ => {
                        let restart = vmerge == Some(Some("restart"));
                        let here = Some((row_index, row.cells.len()));
                        for slot in origins.iter_mut().skip(col).take(span as usize) {
                            *slot = None;
                        }
                        if restart {
                            if let Some(slot) = origins.get_mut(col) {
                                *slot = here;
                            }
                        }
                        row.cells.push(Cell {
                            text,
                            col_span: span,
                            row_span: 1,
                            covered: false,
                            bold,
                        });
                    }
                }
                col += span as usize;
            }
            let after = trpr
                .and_then(|p| p.child_val("gridAfter"))
                .and_then(|v| v.trim().parse::<u32>().ok())
                .unwrap_or(0)
                .min(64);
            if after > 0 {
                let mut cell = Cell::new("");
                cell.col_span = after;
                row.cells.push(cell);
            }
            table.rows.push(row);
        }
        if table.header_rows == 0 && bold_first_row(&table) {
            table.header_rows = 1;
        }
        match out {
            Out::Body => {
                if !table.rows.is_empty() {
                    self.push(first_line, BlockKind::Table(table))?;
                }
            }
            Out::Cell(cell) => {
                // A nested table becomes lines of the cell holding it.
                for row in &table.rows {
                    for c in row
                        .cells
                        .iter()
                        .filter(|c| !c.covered && !c.text.is_empty())
                    {
                        cell.bold &= c.bold;
                        cell.visible = true;
                        cell.lines.push(c.text.clone());
                    }
                }
            }
        }
        Ok(())
    }
}

/// Whether the first row reads as a header though not marked as one: every
/// cell with text bold, while some later row is not all bold.
fn bold_first_row(table: &Table) -> bool {
    let all_bold = |row: &Row| {
        let mut texts = row
            .cells
            .iter()
            .filter(|c| !c.covered && !c.text.is_empty());
        let mut any = false;
        let bold = texts.all(|c| {
            any = true;
            c.bold
        });
        any && bold
    };
    let mut rows = table.rows.iter();
    rows.next().is_some_and(all_bold) && rows.any(|r| !all_bold(r))
}

/// Collects the `name` children of `el`, looking through the wrappers that
/// may hold them (content controls, custom XML, tracked insertions).
fn collect<'e>(el: Element<'e>, name: &str, out: &mut Vec<Element<'e>>, depth: u32) {
    if depth > 8 {
        return;
    }
    for child in el.elements() {
        if child.name() == name {
            out.push(child);
        } else {
            match child.name() {
                "sdt" | "sdtContent" | "customXml" | "ins" | "moveTo" => {
                    collect(child, name, out, depth + 1);
                }
                _ => {}
            }
        }
    }
}
