//! The plain-text reader (placeholder: one paragraph per non-blank line).

use crate::document::{BlockKind, Loc, Paragraph};
use crate::text::normalize;
use crate::{Document, Format, ParseOptions, Result};

/// Reads a text file into a [`Document`].
pub fn read(bytes: &[u8], _options: &ParseOptions) -> Result<Document> {
    let text = String::from_utf8_lossy(bytes);
    let mut doc = Document::new(Format::Txt);
    for (i, line) in text.lines().enumerate() {
        let t = normalize(line);
        if !t.is_empty() {
            doc.push(
                Loc::line(i as u32 + 1),
                BlockKind::Paragraph(Paragraph {
                    text: t,
                    ..Paragraph::default()
                }),
            );
        }
    }
    Ok(doc)
}
