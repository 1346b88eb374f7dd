//! The plain-text reader: council-report text exports (Word "save as text",
//! copy-paste, Markdown-ish exports, `pdftotext -layout`) into [`Document`]
//! blocks.
//!
//! The work is split by concern: `decode` turns bytes into text, `lines`
//! splits and classifies lines, `tables`, `flat`, `columns`, `figures` and
//! `label_rows` (label/value boxes, read by the PDF reader's
//! label-column finder) rebuild tables, `html` and `inline` resolve
//! markup, `notes` finds footnotes,
//! `paragraphs` rejoins hard-wrapped lines into paragraphs and
//! `structure` decides headings and list levels.

mod columns;
mod decode;
mod figures;
mod flat;
mod html;
mod inline;
mod label_rows;
mod lines;
mod notes;
mod paragraphs;
mod structure;
mod tables;

use crate::error::check_limit;
use crate::{Document, Format, ParseOptions, Result};

/// Reads a text file into a [`Document`].
///
/// Fails with [`ErrorKind::Empty`](crate::ErrorKind::Empty) on empty input,
/// [`ErrorKind::NotText`](crate::ErrorKind::NotText) on binary data and
/// [`ErrorKind::Limit`](crate::ErrorKind::Limit) when the input or the
/// number of blocks exceeds `options`.
pub fn read(bytes: &[u8], options: &ParseOptions) -> Result<Document> {
    let len = bytes.len() as u64;
    check_limit("max_input_bytes", len, options.max_input_bytes)?;
    let text = decode::decode(bytes)?;
    let lines = lines::split(&text);
    let mut doc = Document::new(Format::Txt);
    let (protos, layout) = paragraphs::collect(&lines, &mut doc);
    structure::finish(protos, layout, &mut doc);
    notes::strip_reference_marks(&mut doc);
    let blocks = doc.blocks.len() as u64;
    check_limit("max_blocks", blocks, options.max_blocks)?;
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn odd_inputs_end_in_a_document_or_a_typed_error() {
        let odd = [
            "|",
            "||",
            "|-|",
            "\t",
            "\t\t",
            "a\tb",
            "¹",
            "¹ ",
            "1.",
            "____\n1",
            "____\n1\n",
            "<ul>",
            "<ul><li>",
            "**",
            "***x",
            "[a](",
            "[bookmark: x",
            "\u{0C}",
            "\u{0C}\u{0C}x",
            "o",
            "- ",
            "• ",
            "(",
            "1)\n\n\n\na)",
            "Project description\n\nDeliverable outputs\n",
            "Project description\n\nDeliverable outputs\n\n1-2 years",
            "x   y\nz\n      w\n",
            "A\n\nA\n\nA\n\nA",
        ];
        for s in odd {
            match read(s.as_bytes(), &ParseOptions::default()) {
                Ok(_) => {}
                Err(e) => assert!(
                    matches!(e.kind(), ErrorKind::Empty | ErrorKind::NotText(_)),
                    "{s:?}: {e}"
                ),
            }
        }
        let fixture = include_str!("../../../fixtures/txt/peer-challenge-progress-2024.txt");
        let mut cut = 0;
        while cut < fixture.len() {
            if let Some(prefix) = fixture.get(..cut) {
                let _ = read(prefix.as_bytes(), &ParseOptions::default());
            }
            cut += 997;
        }
    }

    #[test]
    fn limits_are_typed_errors() {
        let options = ParseOptions {
            max_input_bytes: 4,
            ..ParseOptions::default()
        };
        let err = read(b"To: Council", &options).unwrap_err();
        assert!(matches!(
            err.kind(),
            ErrorKind::Limit {
                limit: "max_input_bytes",
                ..
            }
        ));
    }
}
