//! Footnotes and links.

use crate::document::{BlockKind, Link};
use crate::report::FootnoteData;
use crate::Document;

/// The footnotes of `doc`, in order.
pub fn footnotes(doc: &Document) -> Vec<FootnoteData> {
    doc.blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Footnote(f) => Some(FootnoteData {
                mark: f.mark.clone(),
                text: f.text.clone(),
            }),
            _ => None,
        })
        .collect()
}

/// The hyperlinks of `doc`, in order.
pub fn links(doc: &Document) -> Vec<Link> {
    doc.links.clone()
}
