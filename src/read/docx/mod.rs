//! The Word (`.docx`) reader.
//!
//! Reads the WordprocessingML parts with quick-xml over the zip container
//! (see `tests/read_docx.rs` for why not docx-rs: its reader panics on some
//! malformed input and reads parts without size limits).
//!
//! - [`package`]: the zip, under the size and entry limits;
//! - [`xml`]: an element tree per part, under the depth limit;
//! - [`rels`], [`styles`], [`numbering`]: the parts that give meaning to the
//!   body (link targets, headings, list labels);
//! - [`body`] and [`inline`]: paragraphs, headings, lists and tables;
//! - [`notes`]: footnotes and endnotes.
//!
//! Headers and footers are never read, so running heads and page numbers
//! cannot reach the body.

pub mod body;
pub mod inline;
pub mod notes;
pub mod numbering;
pub mod package;
pub mod rels;
pub mod styles;
pub mod xml;

use crate::error::check_limit;
use crate::{Document, Error, ErrorKind, Format, ParseOptions, Result};

use body::{Out, Walker};
use inline::NoteKind;
use numbering::Numbering;
use package::Package;
use rels::{rels_part_of, Rels};
use styles::Styles;
use xml::Dom;

/// Reads a `.docx` file into a [`Document`].
pub fn read(bytes: &[u8], options: &ParseOptions) -> Result<Document> {
    let size = bytes.len() as u64;
    check_limit("max_input_bytes", size, options.max_input_bytes)?;
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(Error::new(ErrorKind::NotDocx(
            "an OLE compound file: a legacy .doc, or a password-protected .docx".to_string(),
        )));
    }
    let mut pkg = Package::open(bytes, options)?;
    let main = main_part(&mut pkg, options);
    let Some(main_bytes) = pkg.read(&main)? else {
        return Err(Error::new(ErrorKind::NotDocx(format!(
            "the zip archive has no {main}"
        ))));
    };
    let main_dom = xml::parse(&main_bytes, &main, options.max_depth)?;
    let root = main_dom.root();
    drop(main_bytes);
    let rels = read_rels(&mut pkg, &main, options)?;
    let styles = match read_related(&mut pkg, &rels, "styles", &main, "styles.xml", options)? {
        Some(dom) => Styles::from_element(dom.root()),
        None => Styles::default(),
    };
    let numbering = match read_related(
        &mut pkg,
        &rels,
        "numbering",
        &main,
        "numbering.xml",
        options,
    )? {
        Some(dom) => Numbering::from_element(dom.root()),
        None => Numbering::default(),
    };
    // Note numbering: settings.xml gives the document's, the last section's
    // w:sectPr may override it.
    let settings = read_related(&mut pkg, &rels, "settings", &main, "settings.xml", options)
        .ok()
        .flatten();
    let sect = root.child("body").and_then(|b| b.child("sectPr"));
    let formats = [
        ("footnotePr", NoteKind::Footnote),
        ("endnotePr", NoteKind::Endnote),
    ]
    .map(|(name, kind)| {
        let base = notes::NoteFormat::from_element(
            settings.as_ref().and_then(|s| s.root().child(name)),
            &Default::default(),
        );
        (
            kind,
            notes::NoteFormat::from_element(sect.and_then(|s| s.child(name)), &base),
        )
    });
    let footnotes_part = part_name(&rels, "footnotes", &main, "footnotes.xml");
    let endnotes_part = part_name(&rels, "endnotes", &main, "endnotes.xml");

    let mut walker = Walker::new(options, &styles, &numbering, rels);
    if let Some(body) = root.child("body") {
        inline::bookmark_names(body, &mut walker.bookmarks);
        walker.container(body, &mut Out::Body, 0)?;
    }
    for (kind, part) in [
        (NoteKind::Footnote, footnotes_part),
        (NoteKind::Endnote, endnotes_part),
    ] {
        if !walker.notes.iter().any(|r| r.kind == kind) {
            continue;
        }
        let Some(bytes) = pkg.read(&part)? else {
            continue;
        };
        let notes_dom = xml::parse(&bytes, &part, options.max_depth)?;
        walker.rels = read_rels(&mut pkg, &part, options)?;
        let notes = notes::notes_by_id(notes_dom.root());
        let format = formats
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, f)| f.clone())
            .unwrap_or_default();
        notes::push_notes(&mut walker, kind, &notes, &format)?;
    }

    let mut doc = Document::new(Format::Docx);
    doc.blocks = walker.blocks;
    doc.links = walker.links;
    doc.warnings = walker.warnings;
    Ok(doc)
}

/// The main document part named by the package relationships, or the usual
/// `word/document.xml` when they are missing or unreadable.
fn main_part(pkg: &mut Package<'_>, options: &ParseOptions) -> String {
    const DEFAULT: &str = "word/document.xml";
    let Ok(Some(bytes)) = pkg.read("_rels/.rels") else {
        return DEFAULT.to_string();
    };
    let Ok(root) = xml::parse(&bytes, "_rels/.rels", options.max_depth) else {
        return DEFAULT.to_string();
    };
    Rels::from_element(root.root(), "")
        .target_of_kind("officeDocument")
        .filter(|t| pkg.has(t))
        .unwrap_or(DEFAULT)
        .to_string()
}

fn read_rels(pkg: &mut Package<'_>, part: &str, options: &ParseOptions) -> Result<Rels> {
    let name = rels_part_of(part);
    match pkg.read(&name)? {
        Some(bytes) => Ok(Rels::from_element(
            xml::parse(&bytes, &name, options.max_depth)?.root(),
            part,
        )),
        None => Ok(Rels::default()),
    }
}

/// The part a relationship of `kind` names, else `fallback` beside `main`.
fn part_name(rels: &Rels, kind: &str, main: &str, fallback: &str) -> String {
    rels.target_of_kind(kind)
        .map(str::to_string)
        .unwrap_or_else(|| match main.rfind('/') {
            Some(i) => format!("{}/{fallback}", main.get(..i).unwrap_or("")),
            None => fallback.to_string(),
        })
}

fn read_related(
    pkg: &mut Package<'_>,
    rels: &Rels,
    kind: &str,
    main: &str,
    fallback: &str,
    options: &ParseOptions,
) -> Result<Option<Dom>> {
    let part = part_name(rels, kind, main, fallback);
    match pkg.read(&part)? {
        Some(bytes) => Ok(Some(xml::parse(&bytes, &part, options.max_depth)?)),
        None => Ok(None),
    }
}
