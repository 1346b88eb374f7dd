//! Typed rows of project and action-plan tables.

use crate::document::Warning;
use crate::report::Project;
use crate::Document;

/// Extracts the project rows of `doc`.
pub fn extract(_doc: &Document, _warnings: &mut Vec<Warning>) -> Vec<Project> {
    Vec::new()
}
