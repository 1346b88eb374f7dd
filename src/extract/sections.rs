//! Headings.

use crate::document::BlockKind;
use crate::report::Section;
use crate::Document;

/// Every heading of `doc`, in reading order.
pub fn extract(doc: &Document) -> Vec<Section> {
    doc.blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading(h) => Some(Section {
                heading: h.text.clone(),
                number: h.label.as_ref().map(|l| l.value.clone()),
                level: h.level,
                loc: b.loc,
            }),
            _ => None,
        })
        .collect()
}
