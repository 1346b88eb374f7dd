//! What kind of paper a document is.

use crate::report::{Kind, Metadata, NumberedParagraph};
use crate::Document;

/// Judges the kind of `doc` from its content.
pub fn classify(_doc: &Document, _metadata: &Metadata, _paragraphs: &[NumberedParagraph]) -> Kind {
    Kind::Report
}
