//! The Word (`.docx`) reader.

use crate::{Document, Error, ErrorKind, ParseOptions, Result};

/// Reads a `.docx` file into a [`Document`].
pub fn read(_bytes: &[u8], _options: &ParseOptions) -> Result<Document> {
    Err(Error::new(ErrorKind::Unsupported(
        "docx is not supported yet".to_string(),
    )))
}
