//! Partnership profiles and membership lists.

use crate::document::Warning;
use crate::report::Partnership;
use crate::Document;

/// Extracts the partnerships of `doc`.
pub fn extract(_doc: &Document, _warnings: &mut Vec<Warning>) -> Vec<Partnership> {
    Vec::new()
}
