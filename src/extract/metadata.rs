//! Front matter.

use crate::document::Warning;
use crate::report::Metadata;
use crate::Document;

/// Extracts the front matter of `doc`.
pub fn extract(_doc: &Document, _warnings: &mut Vec<Warning>) -> Metadata {
    Metadata::default()
}
