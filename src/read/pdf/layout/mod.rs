//! Layout: from positioned glyphs and rules to the blocks of a [`Document`].

pub mod lines;

use crate::document::{BlockKind, Loc, Paragraph};
use crate::read::pdf::content::FontCache;
use crate::read::pdf::Page;
use crate::text::normalize;
use crate::{Document, ParseOptions, Result};

/// Turns interpreted pages into blocks.
pub fn build(pages: &[Page], fonts: &FontCache, _options: &ParseOptions, doc: &mut Document) -> Result<()> {
    for (i, page) in pages.iter().enumerate() {
        let number = i as u32 + 1;
        if i > 0 {
            doc.push(Loc::page(number), BlockKind::PageBreak);
        }
        for line in lines::build_lines(&page.content, fonts, |_| true) {
            let text = normalize(&line.text());
            if !text.is_empty() {
                doc.push(
                    Loc::page(number),
                    BlockKind::Paragraph(Paragraph {
                        text,
                        ..Paragraph::default()
                    }),
                );
            }
        }
    }
    Ok(())
}
