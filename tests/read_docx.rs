//! The docx reader on the five fixtures, on small synthetic documents built
//! in memory (the Word features council files use), and on hostile input.

use std::io::Write;

use council_reports::document::{Block, BlockKind, Footnote, Heading, LabelKind, Paragraph, Table};
use council_reports::read::docx;
use council_reports::{Document, ErrorKind, ParseOptions};

fn fixture(name: &str) -> Document {
    let path = format!("{}/fixtures/docx/{name}.docx", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap();
    docx::read(&bytes, &ParseOptions::default()).unwrap()
}

fn paragraphs(doc: &Document) -> Vec<&Paragraph> {
    doc.paragraphs().collect()
}

fn headings(doc: &Document) -> Vec<&Heading> {
    doc.headings().collect()
}

fn tables(doc: &Document) -> Vec<&Table> {
    doc.tables().collect()
}

fn footnotes(doc: &Document) -> Vec<&Footnote> {
    doc.footnotes().collect()
}

/// Every text of the document: paragraphs, headings, cells, notes.
fn all_texts(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for b in &doc.blocks {
        match &b.kind {
            BlockKind::Paragraph(p) => out.push(p.text.clone()),
            BlockKind::Heading(h) => out.push(h.text.clone()),
            BlockKind::Table(t) => {
                for r in &t.rows {
                    for c in &r.cells {
                        out.push(c.text.clone());
                    }
                }
            }
            BlockKind::Footnote(f) => out.push(f.text.clone()),
            _ => {}
        }
    }
    out
}

/// The top-level labels of a given closing punctuation, in order.
fn labels_ending(doc: &Document, suffix: char, level: u8) -> Vec<String> {
    paragraphs(doc)
        .iter()
        .filter(|p| p.level == level)
        .filter_map(|p| p.label.as_ref())
        .filter(|l| l.kind == LabelKind::Decimal && l.printed.ends_with(suffix))
        .map(|l| l.printed.clone())
        .collect()
}

#[test]
fn fop_numbered_paragraphs_sub_items_and_project_tables() {
    let doc = fixture("fop-work-programme-2023");
    let expected: Vec<String> = (1..=27).map(|n| format!("{n})")).collect();
    assert_eq!(labels_ending(&doc, ')', 0), expected);
    let six = paragraphs(&doc)
        .into_iter()
        .find(|p| p.label.as_ref().is_some_and(|l| l.printed == "6)"))
        .unwrap();
    assert!(
        six.text
            .starts_with("As part of the process of project assessment"),
        "{}",
        six.text
    );
    assert_eq!(six.label.as_ref().unwrap().value, "6");
    // The recommendations 1. 2. 3. are their own list.
    assert_eq!(labels_ending(&doc, '.', 0), vec!["1.", "2.", "3."]);
    let letters: Vec<&str> = paragraphs(&doc)
        .into_iter()
        .filter_map(|p| {
            p.label
                .as_ref()
                .filter(|l| l.kind == LabelKind::LowerAlpha)
                .map(|l| (p, l))
        })
        .inspect(|(p, _)| assert_eq!(p.level, 1))
        .map(|(_, l)| l.printed.as_str())
        .collect();
    assert!(letters.starts_with(&["a)", "b)"]), "{letters:?}");
    let header = [
        "Project description",
        "Deliverable outputs",
        "Timescale",
        "Resource implications",
    ];
    let project_tables = tables(&doc)
        .into_iter()
        .filter(|t| t.grid().first().is_some_and(|r| r == &header))
        .count();
    assert_eq!(project_tables, 4);
    assert!(headings(&doc)
        .iter()
        .any(|h| h.text == "Proposed Work Programme"));
    // No label is left typed in the text.
    assert!(paragraphs(&doc).iter().all(|p| !p.text.starts_with("6)")));
}

#[test]
fn osp_numbered_paragraphs_bullets_footnotes_and_links() {
    let doc = fixture("oxford-strategic-partnership-2023");
    let expected: Vec<String> = (1..=44).map(|n| format!("{n}.")).collect();
    let top: Vec<String> = labels_ending(&doc, '.', 0);
    assert!(top.ends_with(&expected), "{top:?}");
    let nested_bullets = paragraphs(&doc)
        .iter()
        .filter(|p| p.label.as_ref().is_some_and(|l| l.is_bullet()) && p.level >= 1)
        .count();
    let bullets = paragraphs(&doc)
        .iter()
        .filter(|p| p.label.as_ref().is_some_and(|l| l.is_bullet()))
        .count();
    assert!(
        bullets > 0 && nested_bullets > 0,
        "{bullets} {nested_bullets}"
    );
    let notes = footnotes(&doc);
    assert_eq!(
        notes.iter().map(|f| f.mark.as_str()).collect::<Vec<_>>(),
        vec!["1", "2"]
    );
    assert!(
        notes[0].text.contains("Zero Carbon Oxford Summit"),
        "{}",
        notes[0].text
    );
    // The source's links point at an anchor the document lacks: "#".
    assert!(
        doc.links
            .iter()
            .any(|l| l.text == "River Learning Trust" && l.url == "#"),
        "{:?}",
        doc.links
    );
    assert!(doc
        .links
        .iter()
        .all(|l| !l.text.is_empty() && !l.url.is_empty()));
    // Footnote blocks come after the body and point at their reference.
    assert!(doc
        .blocks
        .iter()
        .all(|b| b.loc.line.is_some_and(|l| l >= 1)));
}

#[test]
fn annual_partnerships_has_no_running_header_or_footer_and_keeps_page_breaks() {
    let doc = fixture("annual-partnerships-update-2018");
    for t in all_texts(&doc) {
        assert_ne!(t, "CC12");
        assert!(!(t.starts_with("Page ") && t.len() < 9), "{t}");
    }
    let breaks = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::PageBreak)
        .count();
    assert_eq!(breaks, 13);
    let h: Vec<&Heading> = headings(&doc);
    assert!(h.iter().any(|h| h.level == 1));
    assert!(h.iter().filter(|h| h.level == 2).count() >= 12);
}

#[test]
fn every_fixture_reads_with_increasing_locations() {
    for name in [
        "annual-partnerships-update-2018",
        "fop-work-programme-2023",
        "oxford-strategic-partnership-2023",
        "oxfordshire-partnership-2030",
        "peer-challenge-progress-2024",
    ] {
        let doc = fixture(name);
        assert!(doc.blocks.len() > 20, "{name}");
        let body: Vec<u32> = doc
            .blocks
            .iter()
            .filter(|b| !matches!(b.kind, BlockKind::Footnote(_)))
            .filter_map(|b| b.loc.line)
            .collect();
        assert!(body.windows(2).all(|w| w[0] <= w[1]), "{name}");
        for t in tables(&doc) {
            let w = t.width();
            for r in &t.rows {
                let cols: u32 = r.cells.iter().map(|c| c.col_span).sum();
                assert_eq!(cols as usize, w, "{name}");
            }
        }
    }
}

#[test]
fn table_cells_hold_bullets_and_header_rows() {
    let doc = fixture("oxfordshire-partnership-2030");
    let t = tables(&doc)
        .into_iter()
        .find(|t| t.width() == 4 && t.header_rows == 1)
        .expect("the four-column annex with a repeated header");
    let cell_with_bullets = t
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .find(|c| c.text.lines().filter(|l| l.starts_with("• ")).count() >= 2);
    assert!(cell_with_bullets.is_some());
}

// ---------------------------------------------------------------- synthetic

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml""#;

const PKG_RELS: &str = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const CONTENT_TYPES: &str = r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A docx with this body, and optional styles, numbering, document rels and
/// extra parts.
fn docx_with(
    body: &str,
    styles: &str,
    numbering: &str,
    rels: &str,
    extra: &[(&str, &str)],
) -> Vec<u8> {
    let document =
        format!(r#"<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>"#);
    let styles = format!(r#"<w:styles {W}>{styles}</w:styles>"#);
    let numbering = format!(r#"<w:numbering {W}>{numbering}</w:numbering>"#);
    let rels = format!(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
    );
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", PKG_RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
        ("word/_rels/document.xml.rels", rels.as_bytes()),
    ];
    for (n, d) in extra {
        parts.push((n, d.as_bytes()));
    }
    zip(&parts)
}

fn read(bytes: &[u8]) -> Document {
    docx::read(bytes, &ParseOptions::default()).unwrap()
}

fn p(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

fn num_p(num: u32, ilvl: u8, style: &str, text: &str) -> String {
    let style = if style.is_empty() {
        String::new()
    } else {
        format!(r#"<w:pStyle w:val="{style}"/>"#)
    };
    format!(
        r#"<w:p><w:pPr>{style}<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

fn lvl(i: u8, fmt: &str, text: &str, extra: &str) -> String {
    format!(
        r#"<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>{extra}</w:lvl>"#
    )
}

const STYLES: &str = r#"
<w:docDefaults><w:rPrDefault><w:rPr/></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="CouncilHeading"><w:name w:val="Council Heading"/><w:basedOn w:val="Heading2"/></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="LegalPara"><w:name w:val="Legal Para"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>"#;

#[test]
fn legal_numbering_from_styles_continues_across_headings_and_restarts_per_instance() {
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="10">{}{}</w:abstractNum>
        <w:abstractNum w:abstractNumId="20">{}{}</w:abstractNum>
        <w:abstractNum w:abstractNumId="30">{}</w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="20"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
        <w:num w:numId="4"><w:abstractNumId w:val="30"/></w:num>"#,
        lvl(0, "decimal", "%1.", r#"<w:pStyle w:val="Heading1"/>"#),
        lvl(1, "decimal", "%1.%2", r#"<w:pStyle w:val="LegalPara"/>"#),
        lvl(0, "lowerLetter", "(%1)", ""),
        lvl(1, "lowerRoman", "%2.", ""),
        lvl(
            0,
            "bullet",
            "\u{F0B7}",
            r#"<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>"#
        ),
    );
    let body = [
        num_p(1, 0, "Heading1", "Introduction"),
        num_p(1, 1, "", "First point."),
        r#"<w:p><w:pPr><w:pStyle w:val="LegalPara"/></w:pPr><w:r><w:t>Second point.</w:t></w:r></w:p>"#.to_string(),
        p("Plain text between."),
        num_p(2, 0, "ListParagraph", "letter one"),
        num_p(2, 1, "ListParagraph", "roman one"),
        num_p(2, 0, "ListParagraph", "letter two"),
        num_p(4, 0, "ListParagraph", "a bullet"),
        num_p(1, 0, "Heading1", "Background"),
        num_p(1, 1, "", "Third point."),
        num_p(3, 0, "ListParagraph", "restarted"),
        num_p(2, 0, "ListParagraph", "continues restarted list"),
        num_p(0, 0, "ListParagraph", "numbering switched off"),
    ]
    .concat();
    let doc = read(&docx_with(&body, STYLES, &numbering, "", &[]));
    let h = headings(&doc);
    assert_eq!(h.len(), 2);
    assert_eq!((h[0].level, h[0].text.as_str()), (1, "Introduction"));
    assert_eq!(h[0].label.as_ref().unwrap().printed, "1.");
    assert_eq!(h[1].label.as_ref().unwrap().printed, "2.");
    let got: Vec<(String, u8, String)> = paragraphs(&doc)
        .iter()
        .map(|p| {
            (
                p.label
                    .as_ref()
                    .map(|l| l.printed.clone())
                    .unwrap_or_default(),
                p.level,
                p.text.clone(),
            )
        })
        .collect();
    let want = [
        ("1.1", 1, "First point."),
        ("1.2", 1, "Second point."),
        ("", 0, "Plain text between."),
        ("(a)", 0, "letter one"),
        ("i.", 1, "roman one"),
        ("(b)", 0, "letter two"),
        ("•", 0, "a bullet"),
        ("2.1", 1, "Third point."),
        ("(a)", 0, "restarted"),
        ("(b)", 0, "continues restarted list"),
        ("", 0, "numbering switched off"),
    ];
    let want: Vec<(String, u8, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), *b, c.to_string()))
        .collect();
    assert_eq!(got, want);
    let legal = paragraphs(&doc)[0].label.clone().unwrap();
    assert_eq!(
        (legal.kind, legal.value.as_str()),
        (LabelKind::Decimal, "1.1")
    );
}

#[test]
fn start_override_upper_letters_and_roman() {
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="1">{}</w:abstractNum><w:abstractNum w:abstractNumId="2">{}</w:abstractNum>
        <w:num w:numId="5"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
        <w:num w:numId="6"><w:abstractNumId w:val="2"/></w:num>"#,
        lvl(0, "upperLetter", "%1.", ""),
        lvl(0, "upperRoman", "%1)", ""),
    );
    let body = [
        num_p(5, 0, "", "D item"),
        num_p(5, 0, "", "E item"),
        num_p(6, 0, "", "I item"),
    ]
    .concat();
    let doc = read(&docx_with(&body, STYLES, &numbering, "", &[]));
    let labels: Vec<(String, LabelKind, String)> = paragraphs(&doc)
        .iter()
        .map(|p| {
            let l = p.label.clone().unwrap();
            (l.printed, l.kind, l.value)
        })
        .collect();
    assert_eq!(
        labels,
        vec![
            ("D.".into(), LabelKind::UpperAlpha, "D".into()),
            ("E.".into(), LabelKind::UpperAlpha, "E".into()),
            ("I)".into(), LabelKind::UpperRoman, "I".into()),
        ]
    );
}

#[test]
fn merged_cells_nested_tables_and_header_rows() {
    let tc =
        |props: &str, text: &str| format!(r#"<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>"#, p(text));
    let nested = format!(
        r#"<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>{}{}</w:tr></w:tbl>"#,
        tc("", "inner A"),
        tc("", "inner B")
    );
    let body = format!(
        r#"<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
        <w:tr><w:trPr><w:tblHeader/></w:trPr>{h1}{h2}</w:tr>
        <w:tr>{a}{b}{c}</w:tr>
        <w:tr>{a2}{b2}{c2}</w:tr>
        <w:tr>{a3}<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>{p1}{p2}{nested}</w:tc></w:tr>
        </w:tbl>"#,
        h1 = tc(r#"<w:gridSpan w:val="2"/>"#, "Action"),
        h2 = tc("", "Status"),
        a = tc(r#"<w:vMerge w:val="restart"/>"#, "Merged"),
        b = tc("", "b1"),
        c = tc("", "c1"),
        a2 = tc("<w:vMerge/>", ""),
        b2 = tc("", "b2"),
        c2 = tc("", "c2"),
        a3 = tc(r#"<w:vMerge w:val="continue"/>"#, ""),
        p1 = p("first paragraph"),
        p2 = num_p(9, 0, "", "bulleted"),
    );
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="9">{}</w:abstractNum><w:num w:numId="9"><w:abstractNumId w:val="9"/></w:num>"#,
        lvl(0, "bullet", "o", "")
    );
    let doc = read(&docx_with(&body, STYLES, &numbering, "", &[]));
    let t = tables(&doc);
    assert_eq!(t.len(), 1);
    let t = t[0];
    assert_eq!(t.header_rows, 1);
    assert_eq!(t.width(), 3);
    assert_eq!(t.rows[0].cells[0].col_span, 2);
    let merged = &t.rows[1].cells[0];
    assert_eq!((merged.text.as_str(), merged.row_span), ("Merged", 3));
    assert!(t.rows[2].cells[0].covered && t.rows[3].cells[0].covered);
    assert_eq!(t.rows[2].cells.len(), 3);
    let big = &t.rows[3].cells[1];
    assert_eq!(big.col_span, 2);
    assert_eq!(big.text, "first paragraph\n• bulleted\ninner A\ninner B");
    // Every paragraph counts towards the location, those in cells too.
    assert_eq!(doc.blocks[0].loc.line, Some(1));
}

#[test]
fn tracked_changes_fields_content_controls_text_boxes_and_symbols() {
    let body = r#"<w:p><w:r><w:t xml:space="preserve">Council </w:t></w:r><w:del w:id="1"><w:r><w:delText>rejected </w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t xml:space="preserve">agreed </w:t></w:r></w:ins><w:r><w:t>the budget</w:t></w:r><w:r><w:tab/><w:t>on</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \@ "d MMMM yyyy" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve"> 6 November 2018</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:bookmarkStart w:id="0" w:name="_x"/><w:bookmarkEnd w:id="0"/></w:p>
        <w:sdt><w:sdtPr><w:alias w:val="Title"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Inside a control</w:t></w:r><w:smartTag w:element="place"><w:r><w:t xml:space="preserve"> at Oxford</w:t></w:r></w:smartTag></w:p></w:sdtContent></w:sdt>
        <w:p><w:r><w:t>Anchor</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Boxed text</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Boxed text</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
        <w:p><w:r><w:t>Tick</w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r><w:r><w:br/><w:t>soft break</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="CouncilHeading"/></w:pPr><w:r><w:t>A heading by basedOn</w:t></w:r></w:p>
        <w:p><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>All bold</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> still</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r></w:p>
        <w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r><w:r><w:t>Shown</w:t></w:r></w:p>"#;
    let doc = read(&docx_with(body, STYLES, "", "", &[]));
    let texts: Vec<String> = doc
        .blocks
        .iter()
        .map(|b| match &b.kind {
            BlockKind::Paragraph(p) => {
                format!("P{}:{}", if p.style.bold { "b" } else { "" }, p.text)
            }
            BlockKind::Heading(h) => format!("H{}:{}", h.level, h.text),
            BlockKind::PageBreak => "BREAK".to_string(),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        texts,
        vec![
            "P:Council agreed the budget on 6 November 2018",
            "P:Inside a control at Oxford",
            "P:Anchor",
            "P:Boxed text",
            "P:Tick✓",
            "P:soft break",
            "BREAK",
            "H2:A heading by basedOn",
            "Pb:All bold still",
            "P:Shown",
        ]
    );
    let lines: Vec<Option<u32>> = doc.blocks.iter().map(|b| b.loc.line).collect();
    assert_eq!(lines[3], Some(4));
}

#[test]
fn hyperlinks_and_footnotes_through_relationships() {
    let rels = r#"<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.oxford.gov.uk/" TargetMode="External"/>
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
        <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>"#;
    let body = r#"<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>the council site</w:t></w:r></w:hyperlink><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="7"/></w:r><w:r><w:t xml:space="preserve"> and </w:t></w:r><w:hyperlink w:anchor="_Appendix1"><w:r><w:t>Appendix 1</w:t></w:r></w:hyperlink><w:r><w:endnoteReference w:id="2"/></w:r><w:r><w:t>.</w:t></w:r></w:p>
        <w:p><w:bookmarkStart w:id="5" w:name="_Appendix1"/><w:r><w:t>More</w:t></w:r><w:r><w:footnoteReference w:id="3"/></w:r><w:hyperlink w:anchor="_Missing"><w:r><w:t xml:space="preserve"> (gone)</w:t></w:r></w:hyperlink></w:p>"#;
    let footnotes = format!(
        r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Second note.</w:t></w:r></w:p></w:footnote><w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> First note, see </w:t></w:r><w:hyperlink r:id="rId1"><w:r><w:t>report</w:t></w:r></w:hyperlink></w:p></w:footnote></w:footnotes>"#
    );
    let foot_rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/report.pdf" TargetMode="External"/></Relationships>"#;
    let endnotes = format!(
        r#"<w:endnotes {W}><w:endnote w:id="2"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t>An endnote.</w:t></w:r></w:p></w:endnote></w:endnotes>"#
    );
    let doc = read(&docx_with(
        body,
        STYLES,
        "",
        rels,
        &[
            ("word/footnotes.xml", &footnotes),
            ("word/_rels/footnotes.xml.rels", foot_rels),
            ("word/endnotes.xml", &endnotes),
        ],
    ));
    assert_eq!(
        paragraphs(&doc)[0].text,
        "See the council site and Appendix 1."
    );
    let links: Vec<(&str, &str)> = doc
        .links
        .iter()
        .map(|l| (l.text.as_str(), l.url.as_str()))
        .collect();
    assert_eq!(
        links,
        vec![
            ("the council site", "https://www.oxford.gov.uk/"),
            ("Appendix 1", "#_Appendix1"),
            ("(gone)", "#"),
            ("report", "https://example.org/report.pdf"),
        ]
    );
    let notes: Vec<(&str, &str)> = footnotes_of(&doc);
    assert_eq!(
        notes,
        vec![
            ("1", "First note, see report"),
            ("2", "Second note."),
            ("i", "An endnote.")
        ]
    );
    let first_note = doc
        .blocks
        .iter()
        .find(|b| matches!(b.kind, BlockKind::Footnote(_)))
        .unwrap();
    assert_eq!(first_note.loc.line, Some(1));
}

fn footnotes_of(doc: &Document) -> Vec<(&str, &str)> {
    footnotes(doc)
        .iter()
        .map(|f| (f.mark.as_str(), f.text.as_str()))
        .collect()
}

// ------------------------------------------------------------------ hostile

#[test]
fn a_zip_without_a_document_is_not_docx() {
    let bytes = zip(&[("hello.txt", b"hi"), ("_rels/.rels", PKG_RELS.as_bytes())]);
    let err = docx::read(&bytes, &ParseOptions::default()).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::NotDocx(_)), "{err}");
    assert_eq!(err.kind_name(), "not-docx");
}

#[test]
fn malformed_xml_names_the_part() {
    let mut bytes = docx_with(&p("fine"), STYLES, "", "", &[]);
    let ok = read(&bytes);
    assert_eq!(paragraphs(&ok).len(), 1);
    bytes = zip(&[
        ("_rels/.rels", PKG_RELS.as_bytes()),
        (
            "word/document.xml",
            format!("<w:document {W}><w:body><w:p></w:body></w:document>").as_bytes(),
        ),
    ]);
    let err = docx::read(&bytes, &ParseOptions::default()).unwrap_err();
    match err.kind() {
        ErrorKind::Xml { part, .. } => assert_eq!(part, "word/document.xml"),
        other => panic!("{other:?}"),
    }
    let bad_styles = zip(&[
        (
            "word/document.xml",
            format!("<w:document {W}><w:body/></w:document>").as_bytes(),
        ),
        ("word/styles.xml", b"<w:styles><w:style"),
    ]);
    let err = docx::read(&bad_styles, &ParseOptions::default()).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::Xml { part, .. } if part == "word/styles.xml"),
        "{err}"
    );
}

#[test]
fn zip_bomb_is_stopped_by_the_decompressed_limits() {
    // 64 MiB of one repeated paragraph compresses to well under 1 MiB.
    let para = p("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz");
    let mut body = String::with_capacity(64 << 20);
    while body.len() < (64 << 20) {
        body.push_str(&para);
    }
    let bytes = docx_with(&body, "", "", "", &[]);
    assert!(bytes.len() < (2 << 20), "{}", bytes.len());
    let mut opts = ParseOptions::default();
    opts.max_part_bytes = 8 << 20;
    let err = docx::read(&bytes, &opts).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::Limit {
                limit: "max_part_bytes",
                ..
            }
        ),
        "{err}"
    );
    let mut opts = ParseOptions::default();
    opts.max_decompressed_bytes = 16 << 20;
    let err = docx::read(&bytes, &opts).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::Limit {
                limit: "max_decompressed_bytes",
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn entry_count_depth_and_block_limits() {
    let names: Vec<String> = (0..50).map(|i| format!("junk/{i}.xml")).collect();
    let mut parts: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"<a/>"[..])).collect();
    let document = format!("<w:document {W}><w:body>{}</w:body></w:document>", p("x"));
    parts.push(("word/document.xml", document.as_bytes()));
    let bytes = zip(&parts);
    let mut opts = ParseOptions::default();
    opts.max_zip_entries = 10;
    let err = docx::read(&bytes, &opts).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::Limit {
                limit: "max_zip_entries",
                ..
            }
        ),
        "{err}"
    );

    let deep = "<w:sdt><w:sdtContent>".repeat(200) + &"</w:sdtContent></w:sdt>".repeat(200);
    let err = docx::read(&docx_with(&deep, "", "", "", &[]), &ParseOptions::default()).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::Limit {
                limit: "max_depth",
                ..
            }
        ),
        "{err}"
    );

    let many = p("x").repeat(100);
    let mut opts = ParseOptions::default();
    opts.max_blocks = 50;
    let err = docx::read(&docx_with(&many, "", "", "", &[]), &opts).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::Limit {
                limit: "max_blocks",
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn truncated_and_garbage_input_never_panics() {
    let path = format!(
        "{}/fixtures/docx/oxford-strategic-partnership-2023.docx",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(path).unwrap();
    for i in 0..=32 {
        let cut = bytes.len() * i / 32;
        let result =
            std::panic::catch_unwind(|| docx::read(&bytes[..cut], &ParseOptions::default()));
        let result = result.unwrap_or_else(|_| panic!("panic at cut {cut}"));
        if cut < bytes.len() {
            assert!(result.is_err(), "cut {cut}");
        }
    }
    // Byte flips inside the compressed data.
    let mut seed = 0x2545_f491_u32;
    for _ in 0..64 {
        let mut b = bytes.clone();
        for _ in 0..8 {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let i = seed as usize % b.len();
            b[i] ^= (seed >> 8) as u8 | 1;
        }
        let r = std::panic::catch_unwind(|| docx::read(&b, &ParseOptions::default()));
        assert!(r.is_ok(), "panic on flipped bytes");
    }
    for junk in [&b""[..], b"P", b"PK\x03\x04", b"not a zip at all"] {
        assert!(docx::read(junk, &ParseOptions::default()).is_err());
    }
}

/// Why the reader is ours and not docx-rs: docx-rs 0.4 `expect`s a comment
/// id, so a docx whose comments part has a `w:comment` without `w:id` (which
/// any damaged or hand-made file can have) panics inside `read_docx`, where
/// our reader, which never reads comments into the body, gives the text.
#[test]
fn docx_rs_panics_where_our_reader_does_not() {
    let rels = r#"<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>"#;
    let comments = format!(
        r#"<w:comments {W}><w:comment w:author="A"><w:p><w:r><w:t>c</w:t></w:r></w:p></w:comment></w:comments>"#
    );
    let bytes = docx_with(
        &p("Body text"),
        STYLES,
        "",
        rels,
        &[("word/comments.xml", &comments)],
    );
    let ours = docx::read(&bytes, &ParseOptions::default()).unwrap();
    assert_eq!(paragraphs(&ours)[0].text, "Body text");
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let theirs = std::panic::catch_unwind(|| docx_rs::read_docx(&bytes).is_ok());
    std::panic::set_hook(prev);
    assert!(theirs.is_err(), "docx-rs no longer panics: reconsider it");
}

#[test]
fn no_block_is_empty() {
    for name in ["fop-work-programme-2023", "peer-challenge-progress-2024"] {
        let doc = fixture(name);
        for b in &doc.blocks {
            let Block { kind, .. } = b;
            match kind {
                BlockKind::Paragraph(p) => assert!(!p.text.is_empty()),
                BlockKind::Heading(h) => assert!(!h.text.is_empty()),
                _ => {}
            }
        }
    }
}

#[test]
fn grid_before_and_after_keep_columns_aligned() {
    let tc = |text: &str| format!("<w:tc>{}</w:tc>", p(text));
    let body = format!(
        r#"<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
        <w:tr>{}{}{}</w:tr>
        <w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>{}</w:tr></w:tbl>"#,
        tc("a"),
        tc("b"),
        tc("c"),
        tc("middle")
    );
    let doc = read(&docx_with(&body, "", "", "", &[]));
    let t = tables(&doc)[0];
    assert_eq!(t.grid()[1], vec!["", "middle", ""]);
}

#[test]
fn hostile_counters_and_ole_files() {
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="1">{}</w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4294967295"/></w:lvlOverride></w:num>"#,
        lvl(0, "lowerLetter", "%1%1%1%1%1%1%1%1%1)", "")
    );
    let body = num_p(1, 0, "", "x").repeat(3);
    let doc = read(&docx_with(&body, "", &numbering, "", &[]));
    assert!(paragraphs(&doc)
        .iter()
        .all(|p| p.label.as_ref().is_some_and(|l| l.printed.len() < 20_000)));
    let ole = [
        &[0xD0u8, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..],
        &[0u8; 512][..],
    ]
    .concat();
    let err = docx::read(&ole, &ParseOptions::default()).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::NotDocx(_)), "{err}");
}

#[test]
fn soft_breaks_split_lines_like_a_text_export() {
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="1">{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"#,
        lvl(0, "decimal", "%1.", "")
    );
    let body = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>Sub-groups</w:t></w:r><w:r><w:br/><w:t>The Board delegates delivery.</w:t></w:r></w:p>
        <w:p><w:r><w:t>Ben Threadgold</w:t><w:br/><w:t>Policy Manager</w:t><w:br/><w:br/></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Two-line</w:t><w:br/><w:t>heading</w:t></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Tel: 01865</w:t><w:cr/><w:t>Email: a@b.gov.uk</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
    let doc = read(&docx_with(body, STYLES, &numbering, "", &[]));
    let got: Vec<String> = doc
        .blocks
        .iter()
        .map(|b| match &b.kind {
            BlockKind::Paragraph(p) => format!(
                "{}|{}|{}|{}",
                b.loc.line.unwrap_or(0),
                p.label.as_ref().map(|l| l.printed.as_str()).unwrap_or(""),
                p.style.bold,
                p.text
            ),
            BlockKind::Heading(h) => format!("H|{}", h.text),
            BlockKind::Table(t) => format!("T|{}", t.rows[0].cells[0].text),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        got,
        vec![
            "1|1.|true|Sub-groups",
            "1||false|The Board delegates delivery.",
            "2||false|Ben Threadgold",
            "2||false|Policy Manager",
            "H|Two-line heading",
            "T|Tel: 01865\nEmail: a@b.gov.uk",
        ]
    );
}

/// A readable rendering of a document, one block a line, for snapshots.
fn render(doc: &Document) -> String {
    let mut out = String::new();
    for b in &doc.blocks {
        let line = b.loc.line.unwrap_or(0);
        let s = match &b.kind {
            BlockKind::Paragraph(p) => format!(
                "P{}{}{} [{}] {}",
                p.level,
                if p.style.bold { " bold" } else { "" },
                if p.style.italic { " italic" } else { "" },
                p.label.as_ref().map(|l| l.printed.as_str()).unwrap_or(""),
                p.text
            ),
            BlockKind::Heading(h) => format!(
                "H{} [{}] {}",
                h.level,
                h.label.as_ref().map(|l| l.printed.as_str()).unwrap_or(""),
                h.text
            ),
            BlockKind::Table(t) => {
                let mut s = format!("TABLE header_rows={} width={}", t.header_rows, t.width());
                for r in &t.rows {
                    let cells: Vec<String> = r
                        .cells
                        .iter()
                        .map(|c| {
                            let mut flags = String::new();
                            if c.covered {
                                flags.push('^');
                            }
                            if c.col_span > 1 {
                                flags.push_str(&format!("<{}>", c.col_span));
                            }
                            if c.row_span > 1 {
                                flags.push_str(&format!("v{}", c.row_span));
                            }
                            if c.bold {
                                flags.push('*');
                            }
                            format!("{flags}{}", c.text.replace('\n', " / "))
                        })
                        .collect();
                    s.push_str(&format!("\n    | {}", cells.join(" | ")));
                }
                s
            }
            BlockKind::PageBreak => "PAGE BREAK".to_string(),
            BlockKind::Footnote(f) => format!("NOTE [{}] {}", f.mark, f.text),
            other => format!("{other:?}"),
        };
        out.push_str(&format!("{line:4} {s}\n"));
    }
    for l in &doc.links {
        out.push_str(&format!("LINK {} -> {}\n", l.text, l.url));
    }
    out
}

#[test]
fn snapshots_of_every_fixture() {
    for name in [
        "annual-partnerships-update-2018",
        "fop-work-programme-2023",
        "oxford-strategic-partnership-2023",
        "oxfordshire-partnership-2030",
        "peer-challenge-progress-2024",
    ] {
        insta::assert_snapshot!(name, render(&fixture(name)));
    }
}

#[test]
fn custom_footnote_marks_and_note_formats_from_settings() {
    let rels = r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
        <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#;
    let body = r#"<w:p><w:r><w:t>Costs</w:t></w:r><w:r><w:footnoteReference w:customMarkFollows="1" w:id="1"/><w:t>†</w:t></w:r><w:r><w:t xml:space="preserve"> rose</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t>.</w:t></w:r></w:p>"#;
    let footnotes = format!(
        r#"<w:footnotes {W}><w:footnote w:id="1"><w:p><w:r><w:t>Custom.</w:t></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Lettered.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let settings = format!(
        r#"<w:settings {W}><w:footnotePr><w:numFmt w:val="lowerLetter"/></w:footnotePr></w:settings>"#
    );
    let doc = read(&docx_with(
        body,
        STYLES,
        "",
        rels,
        &[
            ("word/footnotes.xml", &footnotes),
            ("word/settings.xml", &settings),
        ],
    ));
    assert_eq!(paragraphs(&doc)[0].text, "Costs rose.");
    assert_eq!(
        footnotes_of(&doc),
        vec![("†", "Custom."), ("a", "Lettered.")]
    );
}

#[test]
fn a_bold_first_row_is_a_header_row() {
    let bold = |t: &str| {
        format!(r#"<w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{t}</w:t></w:r></w:p></w:tc>"#)
    };
    let plain = |t: &str| format!("<w:tc>{}</w:tc>", p(t));
    let table = |rows: &[String]| {
        format!(
            "<w:tbl>{}</w:tbl>",
            rows.iter()
                .map(|r| format!("<w:tr>{r}</w:tr>"))
                .collect::<String>()
        )
    };
    let body = [
        table(&[
            bold("Action") + &bold("Status"),
            plain("Review") + &plain("Done"),
        ]),
        table(&[
            bold("To:") + &plain("Council"),
            bold("Date:") + &plain("6 March"),
        ]),
    ]
    .concat();
    let doc = read(&docx_with(&body, "", "", "", &[]));
    let t = tables(&doc);
    assert_eq!((t[0].header_rows, t[1].header_rows), (1, 0));
    assert!(t[0].rows[0].cells[0].bold && !t[0].rows[1].cells[0].bold);
}

#[test]
fn legacy_horizontal_merge_widens_the_cell() {
    let tc =
        |props: &str, text: &str| format!(r#"<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>"#, p(text));
    let body = format!(
        "<w:tbl><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>",
        tc(r#"<w:hMerge w:val="restart"/>"#, "Wide"),
        tc("<w:hMerge/>", ""),
        tc("", "c"),
        tc("", "a"),
        tc("", "b"),
        tc("", "c"),
    );
    let doc = read(&docx_with(&body, "", "", "", &[]));
    let t = tables(&doc)[0];
    assert_eq!(t.rows[0].cells.len(), 2);
    assert_eq!(
        (
            t.rows[0].cells[0].text.as_str(),
            t.rows[0].cells[0].col_span
        ),
        ("Wide", 2)
    );
    assert_eq!(t.width(), 3);
}

#[test]
fn undefined_numbering_and_alt_chunks_are_warned_about() {
    let body = [
        num_p(42, 0, "", "lost label"),
        num_p(42, 0, "", "again"),
        r#"<w:altChunk r:id="rId9"/>"#.to_string(),
    ]
    .concat();
    let doc = read(&docx_with(&body, "", "", "", &[]));
    assert_eq!(paragraphs(&doc)[0].label, None);
    let codes: Vec<&str> = doc.warnings.iter().map(|w| w.code.as_str()).collect();
    assert_eq!(codes, vec!["docx-numbering-missing", "docx-altchunk"]);
    assert!(fixture("fop-work-programme-2023").warnings.is_empty());
}

#[test]
fn numbers_typed_into_the_text_are_labels_and_typed_bullets_stay_text() {
    let body = [
        p("1.1\tThe contract ends in March."),
        p("(a) first lettered item"),
        p("2025 was a year of change."),
        p("– 25 schools took part"),
        p("Plain text."),
    ]
    .concat();
    let doc = read(&docx_with(&body, STYLES, "", "", &[]));
    let got: Vec<(Option<String>, String)> = paragraphs(&doc)
        .iter()
        .map(|p| (p.label.as_ref().map(|l| l.printed.clone()), p.text.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("1.1".into()), "The contract ends in March.".into()),
            (Some("(a)".into()), "first lettered item".into()),
            (None, "2025 was a year of change.".into()),
            (None, "– 25 schools took part".into()),
            (None, "Plain text.".into()),
        ]
    );
}
