//! Cost grows with the input, not faster: for each reader, a generated
//! input at two sizes, N and 4N, and the larger must cost under 6x the
//! smaller (linear, with room for fixed costs and noise). Cost is counted,
//! not timed: allocations, bytes allocated and peak live bytes, by a
//! counting global allocator (wall time in a debug build is too noisy).
//! Each parse runs once beforehand so that one-time work (compiled regexes)
//! is not counted against the small input.

#[path = "common/alloc.rs"]
mod alloc;
#[path = "common/pdf.rs"]
mod pdf;

use std::io::{Read, Write};
use std::path::Path;

use alloc::Counts;
use council_reports::{Format, Parser};

/// The most the 4N input may cost, as a multiple of the N input.
const MAX_RATIO: f64 = 6.0;

/// What parsing `bytes` costs, after one parse to warm up.
fn cost(bytes: &[u8], format: Format) -> Counts {
    let parser = Parser::new();
    let _ = parser.parse_bytes(bytes, format);
    let (result, counts) = alloc::measure(|| parser.parse_bytes(bytes, format));
    result.expect("a report");
    counts
}

/// Fails unless every count of `large` (an input four times `small`'s) is
/// under [`MAX_RATIO`] times `small`'s.
fn assert_linear(
    name: &str,
    (small_len, small): (usize, Counts),
    (large_len, large): (usize, Counts),
) {
    let grew = large_len as f64 / small_len as f64;
    assert!(
        grew > 3.5,
        "{name}: the large input is only {grew:.1}x the small"
    );
    for (what, s, l) in [
        (
            "allocations",
            small.allocations as f64,
            large.allocations as f64,
        ),
        ("bytes allocated", small.bytes as f64, large.bytes as f64),
        ("peak live bytes", small.peak as f64, large.peak as f64),
    ] {
        let ratio = l / s;
        eprintln!("{name}: {what} {s} -> {l} ({ratio:.2}x for {grew:.1}x the input)");
        assert!(
            ratio < MAX_RATIO,
            "{name}: {what} grew {ratio:.1}x ({s} -> {l}) for {grew:.1}x the input"
        );
    }
}

fn measured(bytes: Vec<u8>, format: Format) -> (usize, Counts) {
    (bytes.len(), cost(&bytes, format))
}

fn fixture(rel: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(rel),
    )
    .expect("fixture")
}

/// A real report's text `times` over: every extractor at work, on an
/// input of many sections, paragraphs, tables and contacts.
fn txt_times(times: usize) -> Vec<u8> {
    let one =
        String::from_utf8(fixture("txt/oxford-strategic-partnership-2023.txt")).expect("utf-8");
    vec![one; times].join("\n\n").into_bytes()
}

#[test]
fn txt_report_repeated() {
    assert_linear(
        "txt",
        measured(txt_times(2), Format::Txt),
        measured(txt_times(8), Format::Txt),
    );
}

/// Unnumbered headings, each over a short paragraph: the shape that once
/// made the sections pass quadratic.
fn headings(n: usize) -> Vec<u8> {
    let mut out = String::from("Report to: Cabinet\nDate: 6 November 2018\n\n");
    for i in 0..n {
        out.push_str(&format!(
            "Heading number {i} of the report\n\nThe text under the heading {i} is short.\n\n"
        ));
    }
    out.into_bytes()
}

#[test]
fn txt_unnumbered_headings() {
    assert_linear(
        "txt headings",
        measured(headings(500), Format::Txt),
        measured(headings(2000), Format::Txt),
    );
}

/// A real report's Word file with its body `times` over.
fn docx_times(times: usize) -> Vec<u8> {
    let bytes = fixture("docx/oxford-strategic-partnership-2023.docx");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflate = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("an entry");
        let name = entry.name().expect("a name").to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("inflates");
        if name == "word/document.xml" {
            let xml = String::from_utf8(data).expect("utf-8");
            let start = xml.find("<w:body>").expect("a body") + "<w:body>".len();
            let end = xml
                .rfind("<w:sectPr")
                .or_else(|| xml.rfind("</w:body>"))
                .expect("a body end");
            let body = &xml[start..end];
            data = format!("{}{}{}", &xml[..start], body.repeat(times), &xml[end..]).into_bytes();
        }
        out.start_file(name, deflate).expect("writes");
        out.write_all(&data).expect("writes");
    }
    out.finish().expect("writes").into_inner()
}

#[test]
fn docx_report_repeated() {
    // Measured by the size of the document part, not the zip: compressed,
    // a body four times over is less than four times the bytes.
    let small = docx_times(2);
    let large = docx_times(8);
    let (s, l) = (cost(&small, Format::Docx), cost(&large, Format::Docx));
    assert_linear("docx", (2, s), (8, l));
}

#[test]
fn pdf_pages() {
    assert_linear(
        "pdf pages",
        (10, cost(&pdf::pages_of_text(10, 60), Format::Pdf)),
        (40, cost(&pdf::pages_of_text(40, 60), Format::Pdf)),
    );
}

#[test]
fn pdf_lines_on_a_page() {
    assert_linear(
        "pdf lines",
        (15, cost(&pdf::pages_of_text(1, 15), Format::Pdf)),
        (60, cost(&pdf::pages_of_text(1, 60), Format::Pdf)),
    );
}
