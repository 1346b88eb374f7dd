//! Footnotes and endnotes: bodies read from their parts, marks numbered in
//! the order the body refers to them, as Word displays them.

use std::collections::{HashMap, HashSet};

use super::body::{CellText, Out, Walker};
use super::inline::NoteKind;
use super::xml::Element;
use crate::document::{BlockKind, Footnote};
use crate::text::label::format_counter;
use crate::document::LabelKind;
use crate::Result;

/// The notes of one kind, by `w:id`, skipping separators.
pub fn notes_by_id(root: &Element) -> HashMap<&str, &Element> {
    root.elements()
        .filter(|n| n.name == "footnote" || n.name == "endnote")
        .filter(|n| matches!(n.attr("type"), None | Some("normal")))
        .filter_map(|n| Some((n.attr("id")?, n)))
        .collect()
}

/// The mark Word shows for the `n`th note (1-based) of a kind: footnotes
/// count 1, 2, 3; endnotes i, ii, iii (Word's defaults).
pub fn mark(kind: NoteKind, n: u32) -> String {
    match kind {
        NoteKind::Footnote => n.to_string(),
        NoteKind::Endnote => format_counter(n, LabelKind::LowerRoman),
    }
}

/// Appends a Footnote block for every note the body referred to, in order.
pub fn push_notes(
    walker: &mut Walker<'_>,
    kind: NoteKind,
    notes: &HashMap<&str, &Element>,
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
        n += 1;
        let Some(note) = notes.get(r.id.as_str()) else {
            continue;
        };
        let mut out = Out::Cell(CellText::new());
        walker.container(note, &mut out, 1)?;
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
                mark: mark(kind, n),
                text,
            }),
        });
    }
    walker.counting = was_counting;
    Ok(())
}
