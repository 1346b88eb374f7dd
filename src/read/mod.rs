//! Readers: one module per format, each turning bytes into a
//! [`Document`]. Nothing format-specific leaks past them.

mod bare_numbers;
pub mod docx;
pub mod pdf;
mod questions;
pub mod txt;

use crate::{Document, Format, ParseOptions, Result};

/// Reads `bytes` of `format` into a [`Document`].
pub fn read(bytes: &[u8], format: Format, options: &ParseOptions) -> Result<Document> {
    let mut doc = match format {
        Format::Txt => txt::read(bytes, options),
        Format::Docx => docx::read(bytes, options),
        Format::Pdf => pdf::read(bytes, options),
    }?;
    bare_numbers::label(&mut doc);
    questions::head_answers(&mut doc);
    Ok(doc)
}
