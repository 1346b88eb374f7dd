//! Nesting the sub-items of a numbered paragraph.
//!
//! Readers give each list paragraph a nesting `level`, but formats disagree
//! (a txt export loses indentation; a docx list restarted at level 0 after
//! a lettered item is still that item's sub-list). So the level of an item
//! is decided from the sequence: a deeper reader level opens a child list;
//! a different kind of marker right after an item that ends with ":"
//! ("categorised in one of 4 ways, these being:") opens a child list; a
//! marker of a kind already open returns to that list.

use crate::document::{Label, LabelKind};
use crate::report::Item;

/// The open lists, innermost last.
#[derive(Debug, Default)]
pub(crate) struct ItemNester {
    open: Vec<Open>,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    reader_level: u8,
    kind: LabelKind,
    /// Whether the list's latest item ends with ":".
    leads_in: bool,
}

impl ItemNester {
    /// Places the next item and returns it with its level (1 = directly
    /// under the paragraph).
    pub(crate) fn push(&mut self, label: &Label, reader_level: u8, text: &str) -> Item {
        let entry = Open {
            reader_level,
            kind: label.kind,
            leads_in: text.trim_end().ends_with(':'),
        };
        match self.open.last().copied() {
            None => self.open.push(entry),
            Some(top) if reader_level > top.reader_level => self.open.push(entry),
            Some(top) if top.kind == label.kind && reader_level == top.reader_level => {
                self.replace_top(entry)
            }
            Some(top) if top.kind != label.kind && top.leads_in => self.open.push(entry),
            Some(_) => {
                // Back out of lists nested deeper than this item first.
                while self
                    .open
                    .last()
                    .is_some_and(|o| o.reader_level > reader_level)
                    && self.open.len() > 1
                {
                    self.open.pop();
                }
                let top_kind = self.open.last().map(|o| o.kind);
                if top_kind != Some(label.kind) {
                    if let Some(pos) = self.open.iter().rposition(|o| o.kind == label.kind) {
                        self.open.truncate(pos + 1);
                    }
                }
                self.replace_top(entry);
            }
        }
        Item {
            marker: if label.is_bullet() {
                "•".to_string()
            } else {
                label.printed.clone()
            },
            level: u8::try_from(self.open.len()).unwrap_or(u8::MAX).max(1),
            text: text.to_string(),
        }
    }

    fn replace_top(&mut self, entry: Open) {
        match self.open.last_mut() {
            Some(top) => *top = entry,
            None => self.open.push(entry),
        }
    }
}
