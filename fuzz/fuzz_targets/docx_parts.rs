//! Fuzzes the docx reader's XML handling (body, styles, numbering, notes,
//! relationships), which `read_docx` can hardly reach: the zip container
//! checks a CRC-32 of every part, so a mutated part of a real docx is refused
//! before its XML is read.
//!
//! The input is the package's parts joined by NUL bytes, in the order of
//! `PARTS`; each is stored (uncompressed) in a fresh zip, so every mutation
//! reaches the XML parser and the walkers behind it. Seeds are made by
//! `fuzz/seed.sh` from fixtures/docx.
#![no_main]

use std::io::Write;

use council_reports::{Format, Parser};
use libfuzzer_sys::fuzz_target;

const PARTS: [&str; 7] = [
    "word/document.xml",
    "word/styles.xml",
    "word/numbering.xml",
    "word/footnotes.xml",
    "word/endnotes.xml",
    "word/settings.xml",
    "word/_rels/document.xml.rels",
];

fn package(data: &[u8]) -> Option<Vec<u8>> {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    for (name, part) in PARTS.iter().zip(data.split(|&b| b == 0)) {
        zip.start_file(*name, opts).ok()?;
        zip.write_all(part).ok()?;
    }
    zip.finish().ok()?;
    Some(buf.into_inner())
}

fuzz_target!(|data: &[u8]| {
    if let Some(docx) = package(data) {
        let _ = Parser::new().read_document(&docx, Format::Docx);
    }
});
