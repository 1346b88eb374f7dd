//! Footnotes and endnotes: bodies read from their parts, marks numbered in
//! the order the body refers to them, as Word displays them.

use std::collections::{HashMap, HashSet};

use super::body::{CellText, Out, Walker};
use super::inline::NoteKind;
use super::numbering::format_number;
use super::xml::Element;
use crate::document::{BlockKind, Footnote};
use crate::Result;

/// The notes of one kind, by `w:id`, skipping separators.
pub fn notes_by_id(root: Element<'_>) -> HashMap<&str, Element<'_>> {
    root.elements()
        .filter(|n| n.name() == "footnote" || n.name() == "endnote")
        .filter(|n| matches!(n.attr("type"), None | Some("normal")))
        .filter_map(|n| Some((n.attr("id")?, n)))
        .collect()
}

/// How a kind of note is numbered (`w:footnotePr` / `w:endnotePr`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteFormat {
    /// `w:numFmt`, when set.
    pub fmt: Option<String>,
    /// `w:numStart`, when set.
    pub start: Option<u32>,
}

impl NoteFormat {
    /// Reads a `w:footnotePr` or `w:endnotePr` element; `base` fills what
    /// it leaves unset.
    pub fn from_element(el: Option<Element<'_>>, base: &NoteFormat) -> NoteFormat {
        NoteFormat {
            fmt: el
                .and_then(|e| e.child_val("numFmt"))
                .map(str::to_string)
                .or_else(|| base.fmt.clone()),
            start: el
                .and_then(|e| e.child_val("numStart"))
                .and_then(|v| v.trim().parse::<u32>().ok())
                .map(|v| v.min(32_767))
                .or(base.start),
        }
    }
}

/// The mark Word shows for the `n`th note (1-based) of a kind. Without a
/// format, footnotes count 1, 2, 3 and endnotes i, ii, iii (Word's defaults).
pub fn mark(kind: NoteKind, n: u32, format: &NoteFormat) -> String {
    let value = format
        .start
        .unwrap_or(1)
        .saturating_add(n.saturating_sub(1));
    match (&format.fmt, kind) {
        (Some(fmt), _) => format_number(fmt, value),
        (None, NoteKind::Footnote) => value.to_string(),
        // Through format_number, which bounds the mark's length.
        (None, NoteKind::Endnote) => format_number("lowerRoman", value),
    }
}

/// Appends a Footnote block for every note the body referred to, in order.
pub fn push_notes(
    walker: &mut Walker<'_>,
    kind: NoteKind,
    notes: &HashMap<&str, Element<'_>>,
    format: &NoteFormat,
) -> Result<()> {
    let refs: Vec<_> = walker
        .notes
        .iter()
        .filter(|r| r.kind == kind)
        .cloned()
        .collect();
    let mut seen = HashSet::new();
    let mut n = 0u32;
    let was_counting = walker.counting;
    walker.counting = false;
    for r in refs {
        if !seen.insert(r.id.clone()) {
            continue;
        }
        // A custom mark does not advance Word's numbering.
        if r.custom_mark.is_none() {
            n += 1;
        }
        let Some(note) = notes.get(r.id.as_str()) else {
            continue;
        };
        let mut out = Out::Cell(CellText::new());
        walker.container(*note, &mut out, 1)?;
        let text = match out {
            Out::Cell(c) => crate::text::normalize(&c.lines.join(" ")),
            Out::Body => String::new(),
        };
        if text.is_empty() {
            continue;
        }
        walker.blocks.push(crate::document::Block {
            loc: crate::document::Loc::line(r.line.max(1)),
            kind: BlockKind::Footnote(Footnote {
                mark: r
                    .custom_mark
                    .clone()
                    .filter(|m| !m.is_empty())
                    .unwrap_or_else(|| mark(kind, n, format)),
                text,
            }),
        });
    }
    walker.counting = was_counting;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_follow_the_note_format() {
        let none = NoteFormat::default();
        assert_eq!(mark(NoteKind::Footnote, 3, &none), "3");
        assert_eq!(mark(NoteKind::Endnote, 3, &none), "iii");
        let chicago = NoteFormat {
            fmt: Some("chicago".into()),
            start: None,
        };
        assert_eq!(mark(NoteKind::Footnote, 2, &chicago), "†");
        assert_eq!(mark(NoteKind::Footnote, 5, &chicago), "**");
        let start = NoteFormat {
            fmt: Some("upperLetter".into()),
            start: Some(3),
        };
        assert_eq!(mark(NoteKind::Endnote, 1, &start), "C");
    }
}
