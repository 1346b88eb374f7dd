//! Valid but unkind inputs cost what their size suggests: each ends in a
//! report or a `limit` error, never an abort, a hang or gigabytes. (Issue:
//! bounded cost for every input.) Each case here is a regression of one that
//! once took minutes or aborted the process.

#[path = "common/alloc.rs"]
mod alloc;
#[path = "common/pdf.rs"]
mod pdf;
use council_reports::{ErrorKind, Format, ParseOptions, Parser};
use pdf::{pages_of_text, pdf_from};

fn stream(content: &str) -> String {
    pdf::stream(content, "")
}

/// Parses `pdf`: a report, or a `limit` error when a budget ends it
/// first; anything else (another error) fails the test.
fn report_or_limit(pdf: &[u8]) -> Option<council_reports::report::Report> {
    match Parser::new().parse_bytes(pdf, Format::Pdf) {
        Ok(r) => Some(r),
        Err(e) => {
            assert_eq!(e.kind_name(), "limit", "{e}");
            None
        }
    }
}

/// A page whose `/Contents` names the same stream 200,000 times (1.2 MB of
/// file): once read 200,000 times into one buffer, an 8 GiB allocation
/// that aborted the process. Now the stream is read once, with a warning.
#[test]
fn one_content_stream_named_200000_times() {
    let refs = "5 0 R ".repeat(200_000);
    let text = "BT /F1 12 Tf 72 700 Td (Repeated text on the page) Tj ET\n".repeat(50);
    let pdf = pdf_from(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [{refs}] /Resources << /Font << /F1 4 0 R >> >> >>"
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
        stream(&text),
    ], "");
    assert!(pdf.len() > 1_000_000);
    let report = Parser::new()
        .parse_bytes(&pdf, Format::Pdf)
        .expect("a report");
    assert!(
        report.warnings.iter().any(|w| w.code == "stream-repeated"),
        "{:?}",
        report.warnings
    );
}

/// A font given as a direct dictionary in the resources (not a reference)
/// and selected by 200,000 `Tf`s: the font cache once missed on every one
/// and loaded the font anew each time (2.4 GB for a 4 KB file).
#[test]
fn a_direct_font_selected_200000_times() {
    let ops = "/F1 12 Tf (a) Tj\n".repeat(200_000);
    let content = format!("BT 72 700 Td {ops} ET");
    // Compressed so the file stays small, as in the wild.
    let pdf = pdf_from(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >> >>".to_string(),
        stream(&content),
    ], "");
    let started = std::time::Instant::now();
    // A report, or the glyph budget's limit error; either way quickly.
    if let Some(r) = report_or_limit(&pdf) {
        assert_eq!(r.source.pages, Some(1));
    }
    // Not a timing claim (benches hold those): a guard against the old
    // minutes-long load loop coming back.
    assert!(started.elapsed().as_secs() < 60);
}

/// A ToUnicode CMap of 100,000 `bfrange`s against 200,000 shown codes: each
/// lookup once scanned every range (did not finish in 120 s). The ranges
/// are now sorted once and searched by bisection.
#[test]
fn a_cmap_of_100000_ranges() {
    let mut cmap = String::from("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <00> <FF> endcodespacerange\n");
    for chunk in (0..100_000u32).collect::<Vec<_>>().chunks(100) {
        cmap.push_str(&format!("{} beginbfrange\n", chunk.len()));
        for k in chunk {
            let lo = 0x1_0000 + k * 2;
            cmap.push_str(&format!("<{lo:06X}> <{:06X}> <0041>\n", lo + 1));
        }
        cmap.push_str("endbfrange\n");
    }
    cmap.push_str("endcmap CMapName currentdict /CMap defineresource pop end end");
    let shown = "(abcdefghij) Tj\n".repeat(20_000);
    let content = format!("BT /F1 12 Tf 72 700 Td {shown} ET");
    let pdf = pdf_from(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        stream(&content),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>".to_string(),
        stream(&cmap),
    ], "");
    let started = std::time::Instant::now();
    if let Some(r) = report_or_limit(&pdf) {
        assert_eq!(r.source.pages, Some(1));
    }
    assert!(started.elapsed().as_secs() < 60);
}

/// The limit an error names, and the page it names.
fn limit_of(e: &council_reports::Error) -> (&'static str, Option<u32>) {
    match e.kind() {
        ErrorKind::Limit { limit, .. } => (limit, e.loc().and_then(|l| l.page)),
        other => panic!("not a limit error: {other}"),
    }
}

/// A 32 MiB content stream of text on one page, in a file of 230 KB:
/// once 1.5 GB of memory (every glyph of the stream held, then sorted and
/// grouped, about 48 bytes a decompressed byte) before `max_blocks` was
/// ever checked. The page's glyph budget now ends it as the glyphs are
/// made.
#[test]
fn a_32_mib_content_stream_of_text_on_one_page() {
    let pdf = pages_of_text(1, 430_000);
    assert!(pdf.len() < 300_000, "{}", pdf.len());
    let (result, cost) = alloc::measure(|| Parser::new().parse_bytes(&pdf, Format::Pdf));
    let e = result.expect_err("a limit error");
    assert_eq!(limit_of(&e), ("max_glyphs_per_page", Some(1)), "{e}");
    // The decompressed stream is held twice (decoded, then the page's
    // buffer): 64 MiB, and the glyphs up to the budget (8 MiB) on top.
    assert!(
        cost.peak < 120 << 20,
        "peak {:.0} MiB",
        alloc::mib(cost.peak)
    );
}

/// The same text spread over pages each within the page budget: the
/// document's glyph budget ends it, naming the page it was reached on, and
/// only one page's glyphs are held at a time.
#[test]
fn pages_of_text_past_the_document_glyph_budget() {
    // 600 lines of about 60 glyphs: 36,000 glyphs a page.
    let pdf = pages_of_text(60, 600);
    let mut options = ParseOptions::default();
    options.max_glyphs = 1_000_000;
    let parser = Parser::with_options(options);
    let (result, cost) = alloc::measure(|| parser.parse_bytes(&pdf, Format::Pdf));
    let e = result.expect_err("a limit error");
    let (limit, page) = limit_of(&e);
    assert_eq!(limit, "max_glyphs", "{e}");
    assert!(page.is_some_and(|p| (25..=35).contains(&p)), "{e}");
    // 28 pages' glyphs held at once would be 1,000,000 x 32 bytes.
    assert!(
        cost.peak < 24 << 20,
        "peak {:.0} MiB",
        alloc::mib(cost.peak)
    );
}

/// Under the budgets, a many-page file is read, with memory for its lines
/// and blocks but not for every page's glyphs at once.
#[test]
fn pages_of_text_within_the_budgets_are_read() {
    let pdf = pages_of_text(40, 60);
    let (report, cost) = alloc::measure(|| Parser::new().parse_bytes(&pdf, Format::Pdf));
    let report = report.expect("a report");
    assert_eq!(report.source.pages, Some(40));
    let doc = Parser::new()
        .read_document(&pdf, Format::Pdf)
        .expect("a document");
    // Nearly every line is a paragraph of its own (a few are read as
    // wrapped on from the line before).
    assert!(doc.blocks.len() > 40 * 50, "{}", doc.blocks.len());
    assert!(
        cost.peak < 64 << 20,
        "peak {:.0} MiB",
        alloc::mib(cost.peak)
    );
}

/// A page of sixty lines of text drawn over by `strokes`, then `annots`
/// link annotations, annotation `i` over line `i % 60` with target
/// `https://example.org/{i % 500}`.
fn page_with(strokes: &str, annots: usize) -> Vec<u8> {
    let mut content = String::new();
    for k in 0..60 {
        let y = 760 - k * 12;
        content.push_str(&format!(
            "BT /F1 10 Tf 72 {y} Td (Line {k} of the page, with a link on it.) Tj ET\n"
        ));
    }
    content.push_str(strokes);
    let annot_ids: Vec<String> = (0..annots).map(|i| format!("{} 0 R", 6 + i)).collect();
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Annots [{}] >>",
            annot_ids.join(" ")
        )
        .into_bytes(),
        pdf::deflated(content.as_bytes()),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    for i in 0..annots {
        let y = 760 - (i % 60) * 12;
        objects.push(
            format!(
                "<< /Type /Annot /Subtype /Link /Rect [70 {} 400 {}] /A << /S /URI /URI (https://example.org/{}) >> >>",
                y - 2,
                y + 9,
                i % 500
            )
            .into_bytes(),
        );
    }
    pdf_from(&objects, "")
}

/// 10,000 link annotations on a page: each once read every glyph of the
/// page, and was checked against every link found before it. Now each
/// reads the glyphs in its band, and a link is looked up in a set.
#[test]
fn ten_thousand_links_on_a_page() {
    let pdf = page_with("", 10_000);
    let started = std::time::Instant::now();
    let doc = Parser::new()
        .read_document(&pdf, Format::Pdf)
        .expect("a document");
    // Targets and lines pair up again every 1,500 annotations (the least
    // common multiple of 500 and 60): 1,500 distinct links in the document
    // (the report keeps one a target: 500).
    assert_eq!(doc.links.len(), 1500);
    let first = &doc.links[0];
    assert_eq!(first.url, "https://example.org/0");
    assert_eq!(first.text, "Line 0 of the page, with a link on it.");
    let report = Parser::new()
        .parse_bytes(&pdf, Format::Pdf)
        .expect("a report");
    assert_eq!(report.links.len(), 500);
    assert!(started.elapsed().as_secs() < 60);
}

/// A million ruling strokes under the text (21 MB of content, 20 KB of
/// file): every one was held and checked for being an underline. Rules past
/// the most a table is looked for among are no longer recorded.
#[test]
fn a_million_strokes_on_a_page() {
    let pdf = page_with(&"72 699 m 540 699 l S\n".repeat(1_000_000), 0);
    assert!(pdf.len() < 200_000, "{}", pdf.len());
    let (report, cost) = alloc::measure(|| Parser::new().parse_bytes(&pdf, Format::Pdf));
    report.expect("a report");
    // The decompressed stream (21 MB) is the most held: 38 MiB at the peak,
    // where a million rules held, copied and filtered took it to 81 MiB.
    assert!(
        cost.peak < 48 << 20,
        "peak {:.0} MiB",
        alloc::mib(cost.peak)
    );
}
