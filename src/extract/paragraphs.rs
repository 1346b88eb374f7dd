//! The report's numbered paragraphs.

use crate::document::Warning;
use crate::report::NumberedParagraph;
use crate::Document;

/// Extracts the numbered paragraphs of `doc`.
pub fn extract(_doc: &Document, _warnings: &mut Vec<Warning>) -> Vec<NumberedParagraph> {
    Vec::new()
}
