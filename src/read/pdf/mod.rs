//! The PDF reader: lopdf for the file structure (cross-reference, objects,
//! streams, decryption), our own content-stream interpreter for positioned
//! glyphs and ruling lines, and a layout pass that turns them into blocks.

pub mod cmap;
pub mod content;
pub mod encoding;
pub mod fonts;
pub mod glyphlist;
pub mod graphics;
pub mod layout;
pub mod lexer;
mod obj;
pub mod structure;
pub mod tables;

use lopdf::{Dictionary, LoadOptions, Object};

use crate::error::check_limit;
use crate::{Document, Error, ErrorKind, Format, ParseOptions, Result};
use content::{page_matrix, FontCache, Interpreter, PageContent};

/// Reads a PDF file into a [`Document`].
///
/// Each page is laid out into lines and tables as soon as it is
/// interpreted, and its glyphs are dropped then: only one page's glyphs are
/// ever held (at most [`ParseOptions::max_glyphs_per_page`]), not the
/// whole document's.
pub fn read(bytes: &[u8], options: &ParseOptions) -> Result<Document> {
    let mut laid = Vec::new();
    let mut links = layout::Links::default();
    let (pages, notes) = interpret(bytes, options, |page, fonts| {
        laid.push(layout::page_items(&page, fonts));
        layout::page_links(&page, fonts, &mut links);
    })?;
    let mut doc = Document::new(Format::Pdf);
    doc.pages = Some(pages);
    for (code, message, page) in notes {
        doc.warn(code, message, page.map(crate::document::Loc::page));
    }
    layout::build(laid, options, &mut doc)?;
    doc.links = links.list;
    Ok(doc)
}

/// The raw text of every page, line by line in reading order (before
/// running headers, footers and page numbers are removed): what a plain
/// text extractor such as `pdftotext` would print, for checking the reader.
pub fn page_texts(bytes: &[u8], options: &ParseOptions) -> Result<Vec<String>> {
    let mut texts = Vec::new();
    interpret(bytes, options, |p, fonts| {
        let mut out = String::new();
        for line in layout::lines::build_lines(&p.content, fonts, |_| true) {
            out.push_str(&line.text());
            out.push('\n');
        }
        texts.push(out);
    })?;
    Ok(texts)
}

/// One interpreted page, with its links.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// What the page painted.
    pub content: PageContent,
    /// Link annotations: the rectangle in display space and the URI.
    pub links: Vec<([f32; 4], String)>,
    /// A tagged PDF's reading order: each marked-content id's rank in the
    /// structure tree (empty when the file is not tagged).
    pub order: std::collections::HashMap<u32, u32>,
}

type Note = (&'static str, String, Option<u32>);

fn load(bytes: &[u8], options: &ParseOptions) -> Result<lopdf::Document> {
    check_limit(
        "max_input_bytes",
        bytes.len() as u64,
        options.max_input_bytes,
    )?;
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::new(ErrorKind::Empty));
    }
    let lo = LoadOptions {
        password: Some(String::new()),
        max_decompressed_size: Some(usize::try_from(options.max_part_bytes).unwrap_or(usize::MAX)),
        ..LoadOptions::default()
    };
    let doc = match lopdf::Document::load_mem_with_options(bytes, lo) {
        Ok(d) => d,
        Err(lopdf::Error::Decryption(_)) => return Err(Error::new(ErrorKind::Encrypted)),
        Err(e) if obj::is_limit(&e) => {
            return Err(Error::limit(
                "max_part_bytes",
                options.max_part_bytes + 1,
                options.max_part_bytes,
            ))
        }
        Err(e) => return Err(Error::from(e)),
    };
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(Error::new(ErrorKind::Encrypted));
    }
    let objects = doc.objects.len() as u64;
    check_limit("max_objects", objects, options.max_objects)?;
    Ok(doc)
}

/// Interprets every page in order and hands each to `each` with the fonts
/// loaded so far; the page is dropped after. Returns the number of pages
/// and the notes (warnings) met.
fn interpret(
    bytes: &[u8],
    options: &ParseOptions,
    mut each: impl FnMut(Page, &FontCache),
) -> Result<(u32, Vec<Note>)> {
    let doc = load(bytes, options)?;
    let page_ids = doc.get_pages();
    check_limit("max_pages", page_ids.len() as u64, options.max_pages)?;
    let mut fonts = FontCache::default();
    let mut notes: Vec<Note> = Vec::new();
    let mut pages: u32 = 0;
    let mut glyphs: u64 = 0;
    let mut decompressed: u64 = 0;
    let mut order = structure::reading_order(&doc);
    let mut warned_fonts = std::collections::HashSet::new();
    for (&number, &id) in &page_ids {
        let Ok(page_dict) = doc.get_dictionary(id) else {
            notes.push((
                "page-missing",
                format!("page {number} could not be read"),
                Some(number),
            ));
            pages = pages.saturating_add(1);
            each(Page::default(), &fonts);
            continue;
        };
        let media = inherited(&doc, page_dict, b"CropBox")
            .or_else(|| inherited(&doc, page_dict, b"MediaBox"))
            .and_then(|o| rect(&doc, o))
            .unwrap_or([0.0, 0.0, 612.0, 792.0]);
        let rotate = inherited(&doc, page_dict, b"Rotate")
            .and_then(obj::num)
            .unwrap_or(0.0) as i64;
        let (base, width, height) = page_matrix(media, rotate);
        let mut resources: Vec<&Dictionary> = Vec::new();
        if let Ok((direct, ids)) = doc.get_page_resources(id) {
            resources.extend(direct);
            for rid in ids {
                if let Ok(d) = doc.get_dictionary(rid) {
                    resources.push(d);
                }
            }
        }
        let mut content = Vec::new();
        let mut seen_streams = std::collections::HashSet::new();
        let mut repeated_noted = false;
        for cid in doc.get_page_contents(id) {
            // One stream named again in the same /Contents would paint the
            // same text again: read once, the rest noted.
            if !seen_streams.insert(cid) {
                if !repeated_noted {
                    repeated_noted = true;
                    notes.push((
                        "stream-repeated",
                        format!("page {number} names one content stream more than once; it was read once"),
                        Some(number),
                    ));
                }
                continue;
            }
            if let Ok(Object::Stream(s)) = doc.get_object(cid) {
                match obj::stream_bytes(s, options.max_part_bytes) {
                    Ok(b) => {
                        // Counted at every use, before it is copied: a
                        // /Contents array may name one stream 200,000 times.
                        let total = decompressed + content.len() as u64 + b.len() as u64 + 1;
                        check_limit(
                            "max_decompressed_bytes",
                            total,
                            options.max_decompressed_bytes,
                        )
                        .map_err(|e| e.with_loc(crate::document::Loc::page(number)))?;
                        if content.is_empty() {
                            // The page's only (or first) stream: kept, not copied.
                            content = b;
                        } else {
                            content.extend_from_slice(&b);
                        }
                        content.push(b'\n');
                    }
                    Err(e) if obj::is_limit(&e) => {
                        return Err(Error::limit(
                            "max_part_bytes",
                            options.max_part_bytes + 1,
                            options.max_part_bytes,
                        )
                        .with_loc(crate::document::Loc::page(number)));
                    }
                    Err(_) => notes.push((
                        "stream-damaged",
                        format!("a content stream of page {number} could not be decoded"),
                        Some(number),
                    )),
                }
            }
        }
        decompressed += content.len() as u64;
        check_limit(
            "max_decompressed_bytes",
            decompressed,
            options.max_decompressed_bytes,
        )?;
        let mut it =
            Interpreter::new(&doc, options, &mut fonts, base, width, height).after_glyphs(glyphs);
        it.run(&content, &resources, 0)
            .map_err(|e| e.with_loc(crate::document::Loc::page(number)))?;
        let page_content = it.finish();
        glyphs += page_content.glyphs.len() as u64;
        for (i, f) in fonts.fonts.iter().enumerate() {
            if f.unmapped && warned_fonts.insert(i) {
                notes.push((
                    "font-unmapped",
                    format!(
                        "font {} has no mapping to Unicode; its text is lost",
                        f.name
                    ),
                    Some(number),
                ));
            }
        }
        if page_content.glyphs.is_empty() && page_content.unmapped == 0 {
            notes.push((
                "no-text-layer",
                format!("page {number} has no text layer (no OCR is done)"),
                Some(number),
            ));
        }
        let links = page_links(&doc, page_dict, &base);
        pages = pages.saturating_add(1);
        each(
            Page {
                content: page_content,
                links,
                order: order.remove(&id).unwrap_or_default(),
            },
            &fonts,
        );
    }
    Ok((pages, notes))
}

fn inherited<'a>(doc: &'a lopdf::Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..32 {
        if let Some(o) = obj::get(doc, node, key) {
            return Some(o);
        }
        node = obj::get_dict(doc, node, b"Parent")?;
    }
    None
}

fn rect(doc: &lopdf::Document, o: &Object) -> Option<[f32; 4]> {
    let Object::Array(a) = obj::deref(doc, o)? else {
        return None;
    };
    let v: Vec<f32> = a
        .iter()
        .filter_map(|o| obj::deref(doc, o).and_then(obj::num))
        .collect();
    match v.as_slice() {
        [x0, y0, x1, y1] if (x1 - x0).abs() > 1.0 && (y1 - y0).abs() > 1.0 => {
            Some([x0.min(*x1), y0.min(*y1), x0.max(*x1), y0.max(*y1)])
        }
        _ => None,
    }
}

fn page_links(
    doc: &lopdf::Document,
    page: &Dictionary,
    base: &graphics::Matrix,
) -> Vec<([f32; 4], String)> {
    let mut out = Vec::new();
    let Some(annots) = obj::get_array(doc, page, b"Annots") else {
        return out;
    };
    for a in annots.iter().take(10_000) {
        let Some(d) = obj::as_dict(doc, a) else {
            continue;
        };
        if obj::get_name(doc, d, b"Subtype") != Some(b"Link".as_slice()) {
            continue;
        }
        let Some(action) = obj::get_dict(doc, d, b"A") else {
            continue;
        };
        let Some(Object::String(uri, _)) = obj::get(doc, action, b"URI") else {
            continue;
        };
        let Some(r) = d.get(b"Rect").ok().and_then(|o| rect(doc, o)) else {
            continue;
        };
        let (ax, ay) = base.apply(r[0], r[1]);
        let (bx, by) = base.apply(r[2], r[3]);
        out.push((
            [ax.min(bx), ay.min(by), ax.max(bx), ay.max(by)],
            String::from_utf8_lossy(uri).trim().to_string(),
        ));
    }
    out
}

/// Debugging aid: every line of every page with its baseline, left edge,
/// size and boldness, and the page's rules.
#[doc(hidden)]
pub fn debug_lines(bytes: &[u8], options: &ParseOptions) -> Result<String> {
    use std::fmt::Write;
    let mut out = String::new();
    let mut i = 0;
    interpret(bytes, options, |p, fonts| {
        let regions = layout::page_items(&p, fonts).columns;
        let _ = writeln!(
            out,
            "=== page {} ({}x{}) column regions: {regions}",
            i + 1,
            p.content.width,
            p.content.height
        );
        for r in &p.content.rules {
            let _ = writeln!(
                out,
                "rule {:.1},{:.1} - {:.1},{:.1}",
                r.x0, r.y0, r.x1, r.y1
            );
        }
        i += 1;
        let mut lines = layout::lines::build_lines(&p.content, fonts, |_| true);
        layout::lines::split_at_columns(&mut lines);
        for l in lines {
            let spans: Vec<String> = l
                .spans
                .iter()
                .map(|s| format!("[{:.0}-{:.0}] {}", s.x0, s.x1, s.text))
                .collect();
            let _ = writeln!(
                out,
                "y={:.1} s={:.1} b={} | {}",
                l.y,
                l.size(),
                l.bold(),
                spans.join("  ")
            );
        }
    })?;
    Ok(out)
}
