//! The PDF reader on the five fixtures and, when present, on the wild corpus.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use council_reports::document::{BlockKind, Document, LabelKind};
use council_reports::read::pdf;
use council_reports::ParseOptions;

fn fixture(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/pdf")
        .join(format!("{name}.pdf"));
    let bytes = std::fs::read(&path).expect("fixture readable");
    pdf::read(&bytes, &ParseOptions::default()).expect("fixture parses")
}

fn all_texts(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for b in &doc.blocks {
        match &b.kind {
            BlockKind::Heading(h) => out.push(h.text.clone()),
            BlockKind::Paragraph(p) => out.push(p.text.clone()),
            BlockKind::Footnote(f) => out.push(f.text.clone()),
            BlockKind::Table(t) => {
                for r in &t.rows {
                    for c in &r.cells {
                        out.push(c.text.clone());
                    }
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn page_counts() {
    for (name, pages) in [
        ("fop-work-programme-2023", 8),
        ("oxford-strategic-partnership-2023", 10),
        ("oxfordshire-partnership-2030", 10),
        ("annual-partnerships-update-2018", 49),
        ("peer-challenge-progress-2024", 18),
    ] {
        let doc = fixture(name);
        assert_eq!(doc.pages, Some(pages), "{name}");
        let breaks = doc
            .blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::PageBreak))
            .count();
        assert_eq!(
            breaks as u32,
            pages - 1,
            "{name}: one page break between pages"
        );
        assert!(
            doc.blocks
                .iter()
                .all(|b| b.loc.page.is_some_and(|p| p >= 1 && p <= pages)),
            "{name}"
        );
    }
}

#[test]
fn fop_numbered_paragraphs_in_order() {
    let doc = fixture("fop-work-programme-2023");
    let labels: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Paragraph(p) => p.label.as_ref(),
            _ => None,
        })
        .filter(|l| l.kind == LabelKind::Decimal && l.printed.ends_with(')'))
        .map(|l| l.printed.clone())
        .collect();
    let expected: Vec<String> = (1..=27).map(|i| format!("{i})")).collect();
    assert_eq!(labels, expected);
}

#[test]
fn fop_project_tables_have_their_header() {
    let doc = fixture("fop-work-programme-2023");
    let header = [
        "Project description",
        "Deliverable outputs",
        "Timescale",
        "Resource implications",
    ];
    let tables: Vec<_> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Table(t) => Some(t),
            _ => None,
        })
        .filter(|t| {
            t.rows
                .first()
                .is_some_and(|r| r.cells.iter().map(|c| c.text.as_str()).eq(header))
        })
        .collect();
    assert_eq!(tables.len(), 4, "four project tables, each once");
    // The split tables were merged: no repeated header inside a table.
    for t in &tables {
        assert!(t
            .rows
            .iter()
            .skip(1)
            .all(|r| r.cells.first().is_some_and(|c| c.text != header[0])));
    }
}

#[test]
fn no_page_footers_in_blocks() {
    for name in [
        "fop-work-programme-2023",
        "annual-partnerships-update-2018",
        "peer-challenge-progress-2024",
    ] {
        let doc = fixture(name);
        for t in all_texts(&doc) {
            let t = t.trim();
            let is_footer = t
                .strip_prefix("Page ")
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
            assert!(!is_footer, "{name}: footer text {t:?} left in the blocks");
            assert_ne!(t, "CC12", "{name}: running header left in the blocks");
        }
    }
}

#[test]
fn footnotes_are_split_off() {
    let doc = fixture("oxford-strategic-partnership-2023");
    let notes: Vec<_> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Footnote(f) => Some(f),
            _ => None,
        })
        .collect();
    assert!(notes.len() >= 2, "footnotes found: {}", notes.len());
    assert_eq!(notes[0].mark, "1");
    assert!(notes[0].text.contains("Zero Carbon Oxford Summit"));
}

#[test]
fn garbage_is_an_error_not_a_panic() {
    let opts = ParseOptions::default();
    assert!(pdf::read(b"", &opts).is_err());
    // A catalog with no pages: a document with no blocks, or a typed error.
    if let Ok(d) = pdf::read(
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
        &opts,
    ) {
        assert!(d.blocks.is_empty());
    }
    assert!(pdf::read(b"not a pdf at all", &opts).is_err());
    // Every fixture truncated in half reads or fails, never panics.
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pdf/fop-work-programme-2023.pdf");
    let bytes = std::fs::read(path).expect("fixture");
    let _ = pdf::read(bytes.get(..bytes.len() / 2).unwrap_or_default(), &opts);
}

fn wild_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("COUNCIL_REPORTS_WILD")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/wild"));
    let dir = if dir.exists() {
        dir
    } else {
        PathBuf::from("/work/shared/wild")
    };
    dir.exists().then_some(dir)
}

fn pdfs_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            pdfs_under(&p, out);
        } else if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("pdf")) {
            out.push(p);
        }
    }
}

/// The words of a page as a multiset: split at white space and at en/em
/// dashes ("5–6" and "5 – 6" are the same words), lone hyphens dropped.
fn words(s: &str) -> HashMap<&str, usize> {
    let mut m = HashMap::new();
    for w in s.split(|c: char| c.is_whitespace() || c == '–' || c == '—') {
        if !w.is_empty() && w != "-" {
            *m.entry(w).or_default() += 1;
        }
    }
    m
}

/// How many words of `ours` and `theirs` agree, and the larger word count.
///
/// pdftotext reads a table cell by cell and rejoins a word hyphenated at a
/// line end inside a cell ("Un-" / "deliverable" → "Undeliverable"), while our
/// page lines run across the whole page, where the two halves are apart. So a
/// second pass pairs two of our words "x-" and "y" with their "xy" or "x-y".
fn agreement(ours: &str, theirs: &str) -> (usize, usize) {
    let (mut a, mut b) = (words(ours), words(theirs));
    let total_a: usize = a.values().sum();
    let total_b: usize = b.values().sum();
    let mut common = 0;
    for (w, n) in a.iter_mut() {
        if let Some(m) = b.get_mut(w) {
            let k = (*n).min(*m);
            common += k;
            *n -= k;
            *m -= k;
        }
    }
    let mut joined = 0;
    let heads: Vec<&str> = a
        .iter()
        .filter(|(w, n)| **n > 0 && w.len() > 1 && w.ends_with('-'))
        .map(|(w, _)| *w)
        .collect();
    for head in heads {
        let stem = head.trim_end_matches('-');
        // Each "x-" of ours pairs with one "xy"/"x-y" of theirs whose "y" we
        // also have unmatched; as often as there are such pairs.
        while a.get(head).is_some_and(|n| *n > 0) {
            let pair = b.iter().filter(|(_, n)| **n > 0).find_map(|(whole, _)| {
                let tail = whole
                    .strip_prefix(head)
                    .or_else(|| whole.strip_prefix(stem))
                    .filter(|t| !t.is_empty())?;
                a.get(tail)
                    .is_some_and(|n| *n > 0)
                    .then_some((*whole, tail))
            });
            let Some((whole, tail)) = pair else { break };
            for key in [head, tail] {
                if let Some(n) = a.get_mut(key) {
                    *n -= 1;
                }
            }
            if let Some(n) = b.get_mut(whole) {
                *n -= 1;
            }
            common += 1;
            joined += 1;
        }
    }
    // pdftotext also drops a space the PDF spells out where the gap it leaves
    // is narrow ("D x 2" shown as one string prints "Dx2"): a run of up to
    // four of our words, in page order, pairs with their one word.
    let order: Vec<&str> = ours
        .split(|c: char| c.is_whitespace() || c == '–' || c == '—')
        .filter(|w| !w.is_empty() && *w != "-")
        .collect();
    for i in 0..order.len() {
        for k in 2..=4 {
            let Some(run) = order.get(i..i + k) else {
                break;
            };
            let whole = run.concat();
            let free = |a: &HashMap<&str, usize>| {
                run.iter().all(|w| {
                    a.get(w).copied().unwrap_or(0) >= run.iter().filter(|v| *v == w).count()
                })
            };
            if b.get(whole.as_str()).is_some_and(|n| *n > 0) && free(&a) {
                for w in run {
                    if let Some(n) = a.get_mut(w) {
                        *n -= 1;
                    }
                }
                if let Some(n) = b.get_mut(whole.as_str()) {
                    *n -= 1;
                }
                common += 1;
                joined += k - 1;
                break;
            }
        }
    }
    (common, (total_a - joined).max(total_b))
}

#[test]
fn page_agreement_pairs_hyphen_joins_and_dashes() {
    assert_eq!(
        agreement("a Un- b deliverable", "a Undeliverable b"),
        (3, 3)
    );
    assert_eq!(agreement("in- x year", "in-year x"), (2, 2));
    assert_eq!(agreement("5 – 6", "5–6"), (2, 2));
    assert_eq!(agreement("one two three", "one two four"), (2, 3));
    assert_eq!(agreement("Un- deliverable", "Unknown"), (0, 2));
    assert_eq!(agreement("in- in- year year", "inyear inyear"), (2, 2));
    assert_eq!(agreement("Band D x 2 E x 3", "Band Dx2 Ex3"), (3, 3));
    assert_eq!(agreement("D x 2 x", "Dx2 y"), (1, 2));
}

/// Every page of every wild PDF reads, and its words agree with poppler's
/// pdftotext on the same page at 98 % or more (issue 8's text check).
#[test]
fn wild_pdfs_read_and_agree_with_pdftotext() {
    let Some(dir) = wild_dir() else {
        eprintln!("skipped: no wild corpus (set COUNCIL_REPORTS_WILD to its folder)");
        return;
    };
    let mut files = Vec::new();
    pdfs_under(&dir, &mut files);
    files.sort();
    let have_pdftotext = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok();
    if !have_pdftotext {
        eprintln!("pdftotext not installed: only checking that every file reads");
    }
    let opts = ParseOptions::default();
    let mut failures = Vec::new();
    let (mut pages, mut checked) = (0, 0);
    for f in &files {
        let bytes = std::fs::read(f).expect("readable");
        if let Err(e) = pdf::read(&bytes, &opts) {
            failures.push(format!("{}: {e}", f.display()));
            continue;
        }
        if !have_pdftotext {
            continue;
        }
        let ours = pdf::page_texts(&bytes, &opts).expect("page texts");
        let out = std::process::Command::new("pdftotext")
            .arg(f)
            .arg("-")
            .output()
            .expect("pdftotext runs");
        let theirs = String::from_utf8_lossy(&out.stdout);
        let theirs: Vec<&str> = theirs.split('\u{c}').collect();
        // pdftotext ends every page with a form feed: one piece more than pages.
        assert!(
            theirs.len() >= ours.len(),
            "{}: we read {} pages, pdftotext {}",
            f.display(),
            ours.len(),
            theirs.len().saturating_sub(1)
        );
        for (i, (a, b)) in ours.iter().zip(&theirs).enumerate() {
            pages += 1;
            let (common, total) = agreement(a, b);
            if total > 0 {
                checked += 1;
            }
            if (common as f64) < 0.98 * total as f64 {
                failures.push(format!(
                    "{} page {}: {common}/{total} words agree",
                    f.display(),
                    i + 1
                ));
            }
        }
    }
    eprintln!("{} files, {pages} pages, {checked} with words", files.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A one-page PDF whose page draws form X0, which draws itself and "Hi".
fn self_drawing_form_pdf() -> Vec<u8> {
    use lopdf::{dictionary, Object, Stream};
    let mut doc = lopdf::Document::with_version("1.5");
    let font = doc.add_object(
        dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" },
    );
    let form_id = doc.new_object_id();
    let form = Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 600.into(), 800.into()],
            "Resources" => dictionary! { "XObject" => dictionary! { "X0" => form_id }, "Font" => dictionary! { "F1" => font } },
        },
        b"/X0 Do BT /F1 12 Tf 72 700 Td (Hi there) Tj ET".to_vec(),
    );
    doc.objects.insert(form_id, Object::Stream(form));
    let content = doc.add_object(Stream::new(dictionary! {}, b"q /X0 Do Q".to_vec()));
    let pages_id = doc.new_object_id();
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content,
        "MediaBox" => vec![0.into(), 0.into(), 600.into(), 800.into()],
        "Resources" => dictionary! { "XObject" => dictionary! { "X0" => form_id } },
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("saves");
    out
}

#[test]
fn self_referencing_form_is_drawn_once() {
    let bytes = self_drawing_form_pdf();
    let doc = pdf::read(&bytes, &ParseOptions::default()).expect("reads");
    let texts = all_texts(&doc);
    assert_eq!(texts, vec!["Hi there".to_string()]);
    assert_eq!(doc.pages, Some(1));
}

/// A PDF of one US-letter page per content stream, with Helvetica as /F1 and
/// Helvetica-Bold as /F2.
fn pdf_of_pages(contents: &[String]) -> Vec<u8> {
    use lopdf::{dictionary, Object, Stream};
    let mut doc = lopdf::Document::with_version("1.5");
    let regular = doc.add_object(
        dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding" },
    );
    let bold = doc.add_object(
        dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica-Bold", "Encoding" => "WinAnsiEncoding" },
    );
    let pages_id = doc.new_object_id();
    let mut kids: Vec<Object> = Vec::new();
    for content in contents {
        let stream = doc.add_object(Stream::new(dictionary! {}, content.as_bytes().to_vec()));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => stream,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => regular, "F2" => bold } },
        });
        kids.push(page.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("saves");
    out
}

/// Draws `text` at (x, y) (PDF user space, y up) in font `font` at `size`.
fn text_at(out: &mut String, font: &str, size: f32, x: f32, y: f32, text: &str) {
    out.push_str(&format!(
        "BT /{font} {size} Tf 1 0 0 1 {x} {y} Tm ({}) Tj ET\n",
        text.replace('(', "\\(").replace(')', "\\)")
    ));
}

/// Lines of a made-up prose, counted in words so that order can be checked.
fn prose_lines(tag: &str, n: usize) -> Vec<String> {
    const COUNT: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    COUNT
        .iter()
        .take(n)
        .enumerate()
        .map(|(i, w)| {
            let end = if i + 1 == n { "." } else { "" };
            format!("{tag} line {w} of the text runs on with words{end}")
        })
        .collect()
}

/// A newsletter page: a full-width heading, a full-width paragraph, two
/// columns whose first paragraph goes on from the left column to the right,
/// then a full-width closing paragraph.
fn two_column_pdf() -> Vec<u8> {
    let mut c = String::new();
    text_at(&mut c, "F2", 16.0, 72.0, 720.0, "Partnership news");
    text_at(&mut c, "F1", 10.0, 72.0, 690.0, "This opening paragraph spans the whole width of the page and it is read before either column.");
    let mut y = 660.0;
    let left = prose_lines("Left", 8);
    let right = prose_lines("Right", 6);
    for (i, l) in left.iter().enumerate() {
        // The first paragraph breaks mid-sentence at the foot of the left column.
        let l = if i + 1 == left.len() {
            l.trim_end_matches('.')
        } else {
            l.as_str()
        };
        text_at(&mut c, "F1", 10.0, 72.0, y, l);
        if let Some(r) = right.get(i) {
            text_at(&mut c, "F1", 10.0, 320.0, y, r);
        }
        y -= 12.0;
    }
    text_at(
        &mut c,
        "F1",
        10.0,
        72.0,
        y - 20.0,
        "The closing paragraph spans the whole width of the page again and comes last of all here.",
    );
    pdf_of_pages(&[c])
}

#[test]
fn two_columns_are_read_column_by_column() {
    let bytes = two_column_pdf();
    let doc = pdf::read(&bytes, &ParseOptions::default()).expect("reads");
    let texts = all_texts(&doc);
    assert_eq!(texts.len(), 4, "{texts:#?}");
    assert_eq!(texts[0], "Partnership news");
    assert!(texts[1].starts_with("This opening paragraph"));
    // The left column's text, then the right column's, as one paragraph.
    let body = &texts[2];
    let l8 = body.find("Left line eight").expect("left column");
    let r1 = body.find("Right line one").expect("right column");
    assert!(body.starts_with("Left line one"), "{body}");
    assert!(l8 < r1, "{body}");
    assert!(
        body.ends_with("Right line six of the text runs on with words."),
        "{body}"
    );
    assert!(texts[3].starts_with("The closing paragraph"));
}

#[test]
fn label_and_key_value_columns_keep_their_rows() {
    let mut c = String::new();
    let mut y = 720.0;
    for (key, value) in [
        (
            "From:",
            "Jane Smith, Cabinet Member for Adult Social Care and Health",
        ),
        ("To:", "Cabinet - 30 January 2025"),
        (
            "Subject:",
            "Transfer of the service between the two directorates",
        ),
        ("Classification:", "Unrestricted"),
    ] {
        text_at(&mut c, "F1", 11.0, 72.0, y, key);
        text_at(&mut c, "F1", 11.0, 227.0, y, value);
        y -= 26.0;
    }
    for (label, lines) in [
        (
            "1.1",
            [
                "The first numbered paragraph starts here and it",
                "wraps under its own hanging indent.",
            ],
        ),
        (
            "1.2",
            [
                "The second numbered paragraph starts here and it",
                "wraps as well, under the same indent.",
            ],
        ),
        (
            "1.3",
            [
                "The third numbered paragraph starts here and it",
                "wraps a last time before the page ends.",
            ],
        ),
    ] {
        text_at(&mut c, "F1", 11.0, 72.0, y, label);
        for l in lines {
            text_at(&mut c, "F1", 11.0, 108.0, y, l);
            y -= 13.0;
        }
        y -= 13.0;
    }
    let doc = pdf::read(&pdf_of_pages(&[c]), &ParseOptions::default()).expect("reads");
    let texts = all_texts(&doc);
    assert_eq!(
        texts.first().map(String::as_str),
        Some("From: Jane Smith, Cabinet Member for Adult Social Care and Health"),
        "{texts:#?}"
    );
    assert!(
        texts.contains(&"To: Cabinet - 30 January 2025".to_string()),
        "{texts:#?}"
    );
    assert!(
        texts.contains(&"The second numbered paragraph starts here and it wraps as well, under the same indent.".to_string()),
        "{texts:#?}"
    );
}

#[test]
fn bold_line_ending_in_a_full_stop_is_a_heading_when_plain_text_follows() {
    let mut c = String::new();
    let body = [
        "The opening paragraph is plain body text that runs over two lines",
        "so that the page has body text before any heading.",
    ];
    let mut y = 720.0;
    for l in body {
        text_at(&mut c, "F1", 11.0, 72.0, y, l);
        y -= 13.0;
    }
    y -= 13.0;
    text_at(
        &mut c,
        "F2",
        11.0,
        72.0,
        y,
        "The key challenges and how they will be addressed.",
    );
    y -= 26.0;
    for l in body {
        text_at(&mut c, "F1", 11.0, 72.0, y, l);
        y -= 13.0;
    }
    y -= 13.0;
    // Bold emphasis followed by more bold text is no heading.
    text_at(
        &mut c,
        "F2",
        11.0,
        72.0,
        y,
        "Members should note this point.",
    );
    y -= 26.0;
    text_at(
        &mut c,
        "F2",
        11.0,
        72.0,
        y,
        "And this bold one, too, which goes on.",
    );
    let doc = pdf::read(&pdf_of_pages(&[c]), &ParseOptions::default()).expect("reads");
    let headings: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading(h) => Some(h.text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        vec!["The key challenges and how they will be addressed."]
    );
}

/// Two columns of tagged text (left lines MCIDs 0-7, right lines 8-13) and a
/// structure tree that reads the MCIDs in `order`.
fn tagged_two_column_pdf(order: &[u32]) -> Vec<u8> {
    use lopdf::{dictionary, Object};
    let mut c = String::new();
    let mut y = 700.0;
    let left = prose_lines("Left", 8);
    let right = prose_lines("Right", 6);
    for (i, l) in left.iter().enumerate() {
        c.push_str(&format!("/P <</MCID {i}>> BDC\n"));
        text_at(&mut c, "F1", 10.0, 72.0, y, l);
        c.push_str("EMC\n");
        if let Some(r) = right.get(i) {
            c.push_str(&format!("/P <</MCID {}>> BDC\n", i + 8));
            text_at(&mut c, "F1", 10.0, 320.0, y, r);
            c.push_str("EMC\n");
        }
        y -= 12.0;
    }
    let bytes = pdf_of_pages(&[c]);
    let mut doc = lopdf::Document::load_mem(&bytes).expect("loads");
    let page = *doc.get_pages().get(&1).expect("page 1");
    let kids: Vec<Object> = order
        .iter()
        .map(|&m| {
            let e = doc.add_object(
                dictionary! { "Type" => "StructElem", "S" => "P", "Pg" => page, "K" => m as i64 },
            );
            Object::Reference(e)
        })
        .collect();
    let root = doc.add_object(dictionary! { "Type" => "StructTreeRoot", "K" => kids });
    let catalog_id = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .expect("root");
    if let Ok(Object::Dictionary(cat)) = doc.get_object_mut(catalog_id) {
        cat.set("StructTreeRoot", root);
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("saves");
    out
}

#[test]
fn structure_tree_order_decides_column_order() {
    let texts = |order: Vec<u32>| {
        let doc =
            pdf::read(&tagged_two_column_pdf(&order), &ParseOptions::default()).expect("reads");
        all_texts(&doc).join(" | ")
    };
    // The tree reads the left column first: as the geometry says.
    let natural = texts((0..14).collect());
    assert!(natural.starts_with("Left line one"), "{natural}");
    // The tree reads the right column first: so do we.
    let right_first = texts((8..14).chain(0..8).collect());
    assert!(right_first.starts_with("Right line one"), "{right_first}");
    assert!(right_first.contains("Left line eight"), "{right_first}");
    // The tree reads row by row (a table): the rows stay whole.
    let rows = texts(
        (0..8)
            .flat_map(|i| if i < 6 { vec![i, i + 8] } else { vec![i] })
            .collect(),
    );
    assert!(
        rows.starts_with("Left line one of the text runs on with words Right line one"),
        "{rows}"
    );
}

/// Draws a ruled grid whose column edges are `xs` and row edges `ys` (PDF
/// user space) with `cells[row][col]` written in each cell.
fn ruled_table(out: &mut String, xs: &[f32], ys: &[f32], cells: &[[&str; 3]], bold_first: bool) {
    let (left, right) = (xs[0], xs[xs.len() - 1]);
    let (top, bottom) = (ys[0], ys[ys.len() - 1]);
    for y in ys {
        out.push_str(&format!("0.5 w {left} {y} m {right} {y} l S\n"));
    }
    for x in xs {
        out.push_str(&format!("0.5 w {x} {top} m {x} {bottom} l S\n"));
    }
    for (r, row) in cells.iter().enumerate() {
        let font = if bold_first && r == 0 { "F2" } else { "F1" };
        for (c, text) in row.iter().enumerate() {
            text_at(out, font, 10.0, xs[c] + 4.0, ys[r] - 14.0, text);
        }
    }
}

#[test]
fn table_continued_on_the_next_page_is_one_table() {
    let xs = [72.0, 200.0, 330.0, 540.0];
    let header = ["Project", "Owner", "Status"];
    let mut p1 = String::new();
    text_at(&mut p1, "F2", 14.0, 72.0, 720.0, "Projects");
    ruled_table(
        &mut p1,
        &xs,
        &[200.0, 180.0, 160.0, 140.0],
        &[
            header,
            ["Housing review", "Planning", "Ongoing"],
            ["Transport plan", "Highways", "Complete"],
        ],
        true,
    );
    let mut p2 = String::new();
    // The header row is repeated on the next page.
    ruled_table(
        &mut p2,
        &xs,
        &[740.0, 720.0, 700.0, 680.0],
        &[
            header,
            ["Energy strategy", "Climate", "Ongoing"],
            ["Leisure centres", "Communities", "Complete"],
        ],
        true,
    );
    text_at(
        &mut p2,
        "F1",
        10.0,
        72.0,
        640.0,
        "The table ends here and the text goes on.",
    );
    let doc = pdf::read(&pdf_of_pages(&[p1, p2]), &ParseOptions::default()).expect("reads");
    let tables: Vec<&council_reports::document::Table> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(tables.len(), 1, "{tables:#?}");
    let t = tables[0];
    assert_eq!(t.header_rows, 1);
    let firsts: Vec<&str> = t.rows.iter().map(|r| r.cells[0].text.as_str()).collect();
    assert_eq!(
        firsts,
        vec![
            "Project",
            "Housing review",
            "Transport plan",
            "Energy strategy",
            "Leisure centres"
        ]
    );
}

#[test]
fn columns_of_text_without_rules_are_a_table() {
    let mut c = String::new();
    text_at(
        &mut c,
        "F1",
        10.0,
        72.0,
        720.0,
        "The budget lines are set out below without any rules.",
    );
    // A row with an empty cell, and a cell wrapped onto a second line.
    let rows = [
        ["Service", "Budget 2024", "Budget 2025"],
        ["Libraries", "1,200", "1,350"],
        ["Parks", "2,400", "2,300"],
        ["", "to be", ""],
        ["Waste", "", "8,600"],
        ["Leisure", "1,000", "900"],
    ];
    let mut y = 690.0;
    for row in rows {
        for (text, x) in row.iter().zip([72.0, 260.0, 400.0]) {
            if !text.is_empty() {
                text_at(&mut c, "F1", 10.0, x, y, text);
            }
        }
        y -= 14.0;
    }
    text_at(
        &mut c,
        "F1",
        10.0,
        72.0,
        y - 20.0,
        "Text after the table is a paragraph again.",
    );
    let doc = pdf::read(&pdf_of_pages(&[c]), &ParseOptions::default()).expect("reads");
    let tables: Vec<&council_reports::document::Table> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(tables.len(), 1, "{:#?}", doc.blocks);
    let t = tables[0];
    assert_eq!(t.rows.len(), 5, "{t:#?}");
    assert_eq!(t.width(), 3);
    assert_eq!(t.rows[2].cells[1].text, "2,400 to be");
    assert_eq!(t.rows[3].cells[1].text, "");
    assert_eq!(t.rows[3].cells[2].text, "8,600");
    assert!(all_texts(&doc)
        .last()
        .is_some_and(|t| t.starts_with("Text after")));
}

/// Ordinal suffixes set as superscripts stay in their word; a raised note
/// reference glued to a word is dropped, as Word's text export drops it.
#[test]
fn superscripts_fall_into_place() {
    let bytes = pdf_of_pages(&[String::from(
        "BT /F1 12 Tf 72 700 Td (Held on 12) Tj /F1 7 Tf 4 Ts (th) Tj /F1 12 Tf 0 Ts \
         ( March and 13) Tj /F1 7 Tf 4 Ts (th) Tj /F1 12 Tf 0 Ts ( May, as agreed) Tj \
         /F1 7 Tf 4 Ts (12) Tj /F1 12 Tf 0 Ts (. Next) Tj ET \
         BT /F1 12 Tf 72 680 Td (A second line.) Tj ET",
    )]);
    let pages = pdf::page_texts(&bytes, &ParseOptions::default()).expect("reads");
    assert_eq!(
        pages,
        vec!["Held on 12th March and 13th May, as agreed. Next\nA second line.\n".to_string()]
    );
}

/// A one-column ruled box around a record's numbered paragraphs (as records
/// of decision are printed) is a frame: its paragraphs are read as on an
/// unframed page, not kept in one table cell.
#[test]
fn a_box_around_prose_is_a_frame_not_a_table() {
    let sentence = "The allocation for the year is based upon the projected need for new places";
    // Two rows: the divider sits between the two paragraphs.
    let mut c = String::from("0.5 w 60 250 492 470 re S 60 610 m 552 610 l S\n");
    text_at(&mut c, "F2", 11.0, 72.0, 690.0, "3. Financial Implications");
    let mut y = 665.0;
    for label in ["3.1", "3.2"] {
        text_at(&mut c, "F1", 11.0, 72.0, y, label);
        for _ in 0..4 {
            text_at(&mut c, "F1", 11.0, 108.0, y, sentence);
            y -= 14.0;
        }
        y -= 10.0;
    }
    let doc = pdf::read(&pdf_of_pages(&[c]), &ParseOptions::default()).expect("reads");
    assert!(doc.tables().next().is_none(), "no table: {:?}", doc.blocks);
    let labels: Vec<String> = doc
        .paragraphs()
        .filter_map(|p| p.label.as_ref().map(|l| l.printed.clone()))
        .collect();
    assert_eq!(labels, ["3.1", "3.2"]);
}

fn tables_of(doc: &Document) -> Vec<&council_reports::document::Table> {
    doc.blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

fn row_texts(t: &council_reports::document::Table) -> Vec<Vec<String>> {
    t.rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.text.clone()).collect())
        .collect()
}

/// A cover box set as a label column without colons (Word's borderless
/// table): one row per label; a value's hard-broken lines (one person each)
/// kept apart, a full line joined with the next; a label that comes within
/// an em of its value ("Report author" at a 12 pt size) still cut off.
#[test]
fn label_column_without_colons_is_a_label_value_table() {
    let mut c = String::new();
    text_at(
        &mut c,
        "F2",
        16.0,
        44.0,
        760.0,
        "Draft Revenue Budget 2025-26",
    );
    let rows: &[(&str, &[&str])] = &[
        (
            "From",
            &[
                "Leader of the Council; Ann Example",
                "Deputy Leader and Cabinet Member for Finance, Corporate & Traded",
                "Services; Bob Example",
            ],
        ),
        ("Report author", &["Head of Finance Policy; Carol Example"]),
        ("Circulated to", &["Cabinet"]),
        ("Classification", &["Unrestricted"]),
    ];
    let mut y = 700.0;
    for (label, values) in rows {
        text_at(&mut c, "F1", 12.0, 44.0, y, label);
        for v in values.iter() {
            text_at(&mut c, "F1", 12.0, 128.0, y, v);
            y -= 13.8;
        }
    }
    text_at(&mut c, "F2", 12.0, 44.0, y - 20.0, "Contact details");
    text_at(
        &mut c,
        "F1",
        12.0,
        44.0,
        y - 45.0,
        "This report sets out the draft budget and the plans that go with it for the next year.",
    );
    let doc = pdf::read(&pdf_of_pages(&[c]), &ParseOptions::default()).expect("reads");
    let tables = tables_of(&doc);
    assert_eq!(tables.len(), 1, "{:#?}", doc.blocks);
    assert_eq!(
        row_texts(tables[0]),
        vec![
            vec![
                "From".to_string(),
                "Leader of the Council; Ann Example\nDeputy Leader and Cabinet Member for Finance, Corporate & Traded Services; Bob Example".to_string()
            ],
            vec!["Report author".to_string(), "Head of Finance Policy; Carol Example".to_string()],
            vec!["Circulated to".to_string(), "Cabinet".to_string()],
            vec!["Classification".to_string(), "Unrestricted".to_string()],
        ]
    );
    // The bold line after the box is a heading, as after body text.
    assert!(doc
        .blocks
        .iter()
        .any(|b| matches!(&b.kind, BlockKind::Heading(h) if h.text == "Contact details")));
}

/// Colon labels keep their "Label: value" paragraphs (see
/// `label_and_key_value_columns_keep_their_rows`), and a single short span
/// beside a wide gap is no label column.
#[test]
fn one_label_beside_a_gap_is_no_label_column() {
    let mut c = String::new();
    text_at(&mut c, "F1", 11.0, 72.0, 700.0, "Date");
    text_at(
        &mut c,
        "F1",
        11.0,
        200.0,
        700.0,
        "Thursday, 30th January, 2025",
    );
    text_at(
        &mut c,
        "F1",
        11.0,
        72.0,
        686.0,
        "Members of the Cabinet are summoned to the meeting at the County Hall.",
    );
    let doc = pdf::read(&pdf_of_pages(&[c]), &ParseOptions::default()).expect("reads");
    assert!(tables_of(&doc).is_empty(), "{:#?}", doc.blocks);
}

/// Recommendations set as rows without rules: a number, the sentence, a
/// note; one row centred between the two lines of its wrapped sentence.
/// Each row is one numbered paragraph.
#[test]
fn numbered_rows_beside_notes_are_numbered_paragraphs() {
    let mut c = String::new();
    text_at(&mut c, "F2", 16.0, 72.0, 740.0, "2 | Recommendations");
    let mut y = 710.0;
    for (n, text, note) in [
        (
            "2.1",
            "Note the forecast revenue overspend",
            "Please refer to Section 3",
        ),
        (
            "2.2",
            "Note the forecast capital underspend",
            "Please refer to Section 6",
        ),
        (
            "2.3",
            "Note and agree the budget changes",
            "Please refer to Section 7",
        ),
    ] {
        text_at(&mut c, "F1", 11.0, 72.0, y, n);
        text_at(&mut c, "F1", 11.0, 127.0, y, text);
        text_at(&mut c, "F1", 11.0, 400.0, y, note);
        y -= 19.0;
    }
    // 2.4: its sentence wraps; the number and the note sit half a line lower.
    text_at(
        &mut c,
        "F1",
        11.0,
        127.0,
        y,
        "Note the Reserves Monitoring and the",
    );
    text_at(&mut c, "F1", 11.0, 72.0, y - 6.3, "2.4");
    text_at(
        &mut c,
        "F1",
        11.0,
        400.0,
        y - 6.3,
        "Please refer to Section 8",
    );
    text_at(&mut c, "F1", 11.0, 127.0, y - 12.7, "Prudential Indicators");
    let doc = pdf::read(&pdf_of_pages(&[c]), &ParseOptions::default()).expect("reads");
    assert!(tables_of(&doc).is_empty(), "{:#?}", doc.blocks);
    let numbered: Vec<(String, String)> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Paragraph(p) => p
                .label
                .as_ref()
                .map(|l| (l.printed.clone(), p.text.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        numbered,
        vec![
            ("2.1".to_string(), "Note the forecast revenue overspend Please refer to Section 3".to_string()),
            ("2.2".to_string(), "Note the forecast capital underspend Please refer to Section 6".to_string()),
            ("2.3".to_string(), "Note and agree the budget changes Please refer to Section 7".to_string()),
            (
                "2.4".to_string(),
                "Note the Reserves Monitoring and the Prudential Indicators Please refer to Section 8".to_string()
            ),
        ]
    );
}

/// A contact table without rules whose first cell wraps onto a line of its
/// own ("…Planning and" / "Strategy"), and whose name cell comes within an
/// em of it: the wrapped word stays in its cell, the name in its own.
#[test]
fn a_wrapped_first_cell_stays_in_its_row() {
    let mut c = String::new();
    let mut y = 700.0;
    for (title, name, phone, mail) in [
        (
            "Interim Corporate Director",
            "Ann Example",
            "03000 410 066",
            "ann@example.gov.uk",
        ),
        (
            "Head of Finance Operations",
            "Bob Example",
            "03000 416 934",
            "bob@example.gov.uk",
        ),
        (
            "Head of Finance Policy, Planning and",
            "Carol Example",
            "03000 419 418",
            "carol@example.gov.uk",
        ),
    ] {
        text_at(&mut c, "F1", 12.0, 44.0, y, title);
        text_at(&mut c, "F1", 12.0, 255.0, y, name);
        text_at(&mut c, "F1", 12.0, 345.0, y, phone);
        text_at(&mut c, "F1", 12.0, 440.0, y, mail);
        y -= 14.0;
    }
    text_at(&mut c, "F1", 12.0, 44.0, y, "Strategy");
    text_at(
        &mut c,
        "F1",
        12.0,
        44.0,
        y - 40.0,
        "The next paragraph of the report starts well below the table of contacts.",
    );
    let doc = pdf::read(&pdf_of_pages(&[c]), &ParseOptions::default()).expect("reads");
    let tables = tables_of(&doc);
    assert_eq!(tables.len(), 1, "{:#?}", doc.blocks);
    let rows = row_texts(tables[0]);
    assert_eq!(rows.len(), 3, "{rows:#?}");
    assert_eq!(rows[2][0], "Head of Finance Policy, Planning and Strategy");
    assert_eq!(rows[2][1], "Carol Example");
}

/// A year range broken at a line end ("2024-" / "25. The variations") is
/// no numbered paragraph "25.".
#[test]
fn a_range_broken_at_the_line_end_is_no_label() {
    let mut c = String::new();
    text_at(&mut c, "F1", 12.0, 50.0, 700.0, "1.2");
    text_at(
        &mut c,
        "F1",
        12.0,
        85.0,
        700.0,
        "The budget sets out the variations in spending from the approved budget for 2024-",
    );
    text_at(&mut c, "F1", 12.0, 50.0, 686.0, "25.");
    text_at(
        &mut c,
        "F1",
        12.0,
        79.0,
        686.0,
        "The variations include known and forecast impacts for both growth and savings.",
    );
    text_at(&mut c, "F1", 12.0, 50.0, 658.0, "1.3");
    text_at(
        &mut c,
        "F1",
        12.0,
        85.0,
        658.0,
        "The next numbered paragraph of the report.",
    );
    let doc = pdf::read(&pdf_of_pages(&[c]), &ParseOptions::default()).expect("reads");
    let labels: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Paragraph(p) => p.label.as_ref().map(|l| l.printed.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(labels, ["1.2", "1.3"], "{:#?}", doc.blocks);
    assert!(all_texts(&doc)
        .iter()
        .any(|t| t.contains("for 2024-25. The variations")));
}
