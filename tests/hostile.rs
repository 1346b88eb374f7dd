//! Hostile input: every input here must end in a `Report` or a typed error,
//! inside fixed time bounds, and never in a panic (unwinds are caught and
//! fail the test). The time bound is a hang detector, not a speed target.

#[path = "common/pdf.rs"]
mod pdf;
use pdf::{pdf_from, stream};
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use council_reports::{ErrorKind, Format, ParseOptions, Parser};

/// Generous: a hang guard, not a speed target. The 50 MB text file takes
/// about 25 s of CPU in a debug build, and a 2-core machine shared with
/// other work stretches that wall time twofold or more.
const HANG: Duration = Duration::from_secs(120);

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out = Vec::new();
    for fmt in ["txt", "docx", "pdf"] {
        if let Ok(entries) = std::fs::read_dir(root.join(fmt)) {
            for e in entries.flatten() {
                out.push(e.path());
            }
        }
    }
    out.sort();
    assert!(out.len() >= 15, "fixtures missing");
    out
}

/// Parses `bytes` named `name`; fails the test on a panic or a hang.
fn survive(parser: &Parser, name: &str, bytes: &[u8]) -> Result<(), String> {
    let start = Instant::now();
    let outcome = catch_unwind(AssertUnwindSafe(|| parser.parse_named(bytes, name)));
    let took = start.elapsed();
    assert!(took < HANG, "{name}: took {took:?}");
    match outcome {
        Err(_) => panic!("{name}: the parser panicked"),
        Ok(Ok(report)) => {
            // The report must serialise: it is what bulk writes.
            serde_json::to_string(&report).map_err(|e| format!("{name}: {e}"))?;
            Ok(())
        }
        Ok(Err(e)) => Err(e.to_string()),
    }
}

/// A tiny deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[test]
fn every_fixture_truncated_at_16_points() {
    let parser = Parser::new();
    for path in fixtures() {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        for k in 0..16 {
            let cut = bytes.len() * k / 16;
            let _ = survive(&parser, &name, &bytes[..cut]);
        }
    }
}

#[test]
fn seeded_random_byte_flips() {
    let parser = Parser::new();
    let mut rng = Rng(0x5EED_C0DE_1234_5678);
    for path in fixtures() {
        let original = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        for round in 0..8 {
            let mut bytes = original.clone();
            let flips = 1 + round * 4;
            for _ in 0..flips {
                let i = rng.below(bytes.len());
                bytes[i] ^= 1 << rng.below(8);
            }
            let _ = survive(&parser, &name, &bytes);
        }
    }
}

#[test]
fn empty_and_one_byte_files() {
    let parser = Parser::new();
    for name in ["empty.txt", "empty.pdf", "empty.docx", "noext"] {
        let err = survive(&parser, name, b"");
        if name.ends_with(".txt") || name == "noext" {
            // An empty text file is an error that says so, not an empty report.
            assert!(err.is_err(), "{name}: empty input should be an error");
        }
        for b in [0u8, b'%', b'P', b'\n', 0xFF] {
            let _ = survive(&parser, name, &[b]);
        }
    }
}

#[test]
fn wrong_extension_gets_the_right_reader_or_a_typed_error() {
    let parser = Parser::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let pdf = std::fs::read(root.join("pdf/fop-work-programme-2023.pdf")).unwrap();
    let txt = std::fs::read(root.join("txt/fop-work-programme-2023.txt")).unwrap();
    // Magic bytes win: a PDF named .txt is read as a PDF.
    let report = parser.parse_named(&pdf, "report.txt");
    if let Ok(r) = &report {
        assert_eq!(r.source.format, Format::Pdf);
    }
    // Text named .pdf is not a PDF: a typed error, not text read as a PDF.
    assert!(survive(&parser, "report.pdf", &txt).is_err());
    assert!(survive(&parser, "report.docx", &txt).is_err());
    // An HTML error page saved as .pdf.
    assert!(survive(&parser, "download.pdf", b"<html><body>404</body></html>").is_err());
}

fn zip_with(parts: &[(&str, &[u8])], big: Option<(&str, u64)>) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        for (name, data) in parts {
            zip.start_file(*name, opts).unwrap();
            zip.write_all(data).unwrap();
        }
        if let Some((name, size)) = big {
            zip.start_file(name, opts).unwrap();
            let chunk = vec![b' '; 1 << 20];
            let mut left = size;
            while left > 0 {
                let n = left.min(chunk.len() as u64) as usize;
                zip.write_all(&chunk[..n]).unwrap();
                left -= n as u64;
            }
        }
        zip.finish().unwrap();
    }
    buf.into_inner()
}

const CONTENT_TYPES: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

#[test]
fn docx_zip_bomb_hits_a_named_limit() {
    let mut options = ParseOptions::default();
    options.max_part_bytes = 4 << 20;
    options.max_decompressed_bytes = 8 << 20;
    let parser = Parser::with_options(options);
    // One part that decompresses far past the per-part limit.
    let bomb = zip_with(
        &[("[Content_Types].xml", CONTENT_TYPES)],
        Some(("word/document.xml", 64 << 20)),
    );
    assert!(bomb.len() < 1 << 20, "the bomb should be small compressed");
    let err = survive(&parser, "bomb.docx", &bomb).expect_err("a zip bomb must be refused");
    assert!(
        err.contains("max_part_bytes") || err.contains("max_decompressed_bytes"),
        "{err}"
    );
}

#[test]
fn docx_with_a_hundred_thousand_paragraphs() {
    let mut body = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
    );
    for i in 0..100_000 {
        body.push_str(&format!(
            "<w:p><w:r><w:t>Paragraph {i} of a very long report.</w:t></w:r></w:p>"
        ));
    }
    body.push_str("</w:body></w:document>");
    let docx = zip_with(
        &[
            ("[Content_Types].xml", CONTENT_TYPES),
            ("word/document.xml", body.as_bytes()),
        ],
        None,
    );
    let _ = survive(&Parser::new(), "long.docx", &docx);
}

#[test]
fn zip_that_is_not_a_word_document() {
    let z = zip_with(&[("hello.txt", b"hello")], None);
    let err = survive(&Parser::new(), "archive.docx", &z).expect_err("not a docx");
    assert!(!err.is_empty());
}

#[test]
fn pdf_with_a_cyclic_page_tree() {
    let pdf = pdf_from(
        &[
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        ],
        "",
    );
    let _ = survive(&Parser::new(), "cyclic.pdf", &pdf);
}

#[test]
fn pdf_with_a_self_referencing_form_xobject() {
    let content = "q /X1 Do Q BT /F1 12 Tf 72 700 Td (Hello) Tj ET";
    let form = stream("/X1 Do", "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X1 4 0 R >> >>");
    let page_content = stream(content, "");
    let pdf = pdf_from(
        &[
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /XObject << /X1 4 0 R >> /Font << /F1 6 0 R >> >> >>",
            &form,
            &page_content,
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ],
        "",
    );
    let _ = survive(&Parser::new(), "selfref.pdf", &pdf);
}

#[test]
fn pdf_with_xref_past_the_end_and_missing_objects() {
    let mut pdf = pdf_from(
        &[
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R 9 0 R] /Count 2 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 7 0 R >>",
        ],
        "",
    );
    let _ = survive(&Parser::new(), "missing.pdf", &pdf);
    // Point startxref far past the end.
    let text = String::from_utf8_lossy(&pdf).to_string();
    if let Some(pos) = text.rfind("startxref\n") {
        pdf.truncate(pos);
        pdf.extend_from_slice(b"startxref\n99999999\n%%EOF\n");
    }
    let _ = survive(&Parser::new(), "pastend.pdf", &pdf);
}

#[test]
fn encrypted_pdf_is_opened_or_refused_with_a_typed_error() {
    // An /Encrypt dictionary whose keys do not match any password.
    let pdf = pdf_from(
        &[
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
            "<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> /U <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> >>",
        ],
        "/Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]",
    );
    let parser = Parser::new();
    let outcome = catch_unwind(AssertUnwindSafe(|| parser.parse_named(&pdf, "locked.pdf")));
    match outcome {
        Err(_) => panic!("panicked on an encrypted PDF"),
        Ok(Ok(_)) => {}
        Ok(Err(e)) => assert!(
            matches!(
                e.kind(),
                ErrorKind::Encrypted | ErrorKind::Pdf(_) | ErrorKind::Unsupported(_)
            ),
            "{e}"
        ),
    }
}

#[test]
fn text_in_windows_1252_and_utf16() {
    let parser = Parser::new();
    // "Date: 6 November 2018 – £150" in Windows-1252 (0x96 en dash, 0xA3 pound).
    let cp1252 = b"To: Council\nDate: 6 November 2018 \x96 \xA3150\n";
    let doc = parser
        .read_document(cp1252, Format::Txt)
        .expect("cp1252 text reads");
    let text = format!("{:?}", doc.blocks);
    assert!(text.contains("2018 – £150"), "{text}");
    assert!(
        !text.contains('\u{FFFD}'),
        "replacement characters in {text}"
    );
    let text = "To: Council\nDate: 6 November 2018\n";
    let mut le = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
    }
    let r = parser.parse_named(&le, "b.txt").expect("utf-16 text reads");
    assert_eq!(r.metadata.committee.as_deref(), Some("Council"));
    let mut be = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        be.extend_from_slice(&u.to_be_bytes());
    }
    let r = parser
        .parse_named(&be, "c.txt")
        .expect("utf-16be text reads");
    assert_eq!(r.metadata.committee.as_deref(), Some("Council"));
}

#[test]
fn fifty_megabyte_text_file() {
    let para = "1) The Future Oxfordshire Partnership will recall that in March 2021 it endorsed the Strategic Vision.\n\n· A bullet under it with some words.\n\n";
    let mut text = String::with_capacity(50 << 20);
    while text.len() < 50 << 20 {
        text.push_str(para);
    }
    let _ = survive(&Parser::new(), "big.txt", text.as_bytes());
}

#[test]
fn input_over_the_size_limit_names_the_limit() {
    let mut options = ParseOptions::default();
    options.max_input_bytes = 100;
    let err = Parser::with_options(options)
        .parse_named(&[b'a'; 1000], "big.txt")
        .expect_err("over the limit");
    assert!(matches!(
        err.kind(),
        ErrorKind::Limit {
            limit: "max_input_bytes",
            ..
        }
    ));
    assert!(err.to_string().contains("max_input_bytes"), "{err}");
    assert!(err.to_string().contains("big.txt"), "{err}");
}

#[test]
fn docx_whose_document_part_will_not_inflate_is_a_damaged_zip() {
    let body = br#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Text of the report, long enough to be deflated into a real stream of codes.</w:t></w:r></w:p></w:body></w:document>"#;
    let mut docx = zip_with(
        &[
            ("[Content_Types].xml", CONTENT_TYPES),
            ("word/document.xml", body),
        ],
        None,
    );
    // Damage the deflate stream of word/document.xml (its data follows
    // its local header and name), leaving the zip directory intact.
    let name = b"word/document.xml";
    let at = docx
        .windows(name.len())
        .position(|w| w == name)
        .expect("the part's local header");
    for b in docx.iter_mut().skip(at + name.len() + 4).take(24) {
        *b ^= 0x5a;
    }
    let err = Parser::new()
        .parse_bytes(&docx, Format::Docx)
        .expect_err("a part that will not inflate");
    assert!(
        matches!(err.kind(), ErrorKind::Zip(_)),
        "a damaged part is a damaged container, not a failed read: {err}"
    );
}
