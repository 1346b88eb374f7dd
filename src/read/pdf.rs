//! The PDF reader.

use crate::{Document, Error, ErrorKind, ParseOptions, Result};

/// Reads a PDF file into a [`Document`].
pub fn read(_bytes: &[u8], _options: &ParseOptions) -> Result<Document> {
    Err(Error::new(ErrorKind::Unsupported(
        "pdf is not supported yet".to_string(),
    )))
}
