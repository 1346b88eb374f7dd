//! The text reader on the five seed reports: facts a reader checks by eye.

use council_reports::document::{Block, BlockKind, Document, Heading, LabelKind, Paragraph, Table};
use council_reports::read::txt;
use council_reports::{ErrorKind, ParseOptions};

fn read(name: &str) -> Document {
    let path = format!("{}/fixtures/txt/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap();
    txt::read(&bytes, &ParseOptions::default()).unwrap()
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

fn printed_labels(doc: &Document, suffix: &str) -> Vec<String> {
    paragraphs(doc)
        .iter()
        .filter_map(|p| p.label.as_ref())
        .filter(|l| l.kind == LabelKind::Decimal && l.printed.ends_with(suffix))
        .map(|l| l.value.clone())
        .collect()
}

fn numbers(n: usize) -> Vec<String> {
    (1..=n).map(|k| k.to_string()).collect()
}

fn no_label_in_text(doc: &Document) {
    for p in paragraphs(doc) {
        if let Some(l) = &p.label {
            assert!(
                !p.text.starts_with(&l.printed),
                "label left in text: {:?}",
                p.text
            );
        }
        assert!(
            !p.text.contains('\u{F0B7}') && !p.text.starts_with('·'),
            "{:?}",
            p.text
        );
    }
}

#[test]
fn fop_numbered_paragraphs_and_work_programme_tables() {
    let doc = read("fop-work-programme-2023");
    assert_eq!(printed_labels(&doc, ")"), numbers(27));
    no_label_in_text(&doc);
    let tables = tables(&doc);
    assert_eq!(tables.len(), 4);
    let header = [
        "Project description",
        "Deliverable outputs",
        "Timescale",
        "Resource implications",
    ];
    let body_rows: Vec<usize> = tables
        .iter()
        .map(|t| t.rows.len() - t.header_rows)
        .collect();
    assert_eq!(body_rows, [3, 6, 2, 3]);
    for t in &tables {
        assert_eq!(t.width(), 4);
        assert_eq!(t.header_rows, 1);
        assert_eq!(t.grid()[0], header);
    }
    let committed = tables[1].grid();
    assert_eq!(committed[1][1], "OxIS Phase3");
    assert_eq!(
        committed[3][3],
        "FOP project management.\n-Officer time commitment by partners\nHAG, may link to EAG/PAG"
    );
    assert_eq!(
        committed[5][3],
        "Officer time commitment by partners\nLink to PAG work on BNG"
    );
    assert_eq!(committed[6][0], "Explore Green Finance");
    assert_eq!(
        tables[2].grid()[2][2],
        "A three-year project to allow for affordable units to come to fruition."
    );
    let titles: Vec<&str> = headings(&doc).iter().map(|h| h.text.as_str()).collect();
    for t in [
        "FOP Work Programme Workshop",
        "Projects Underway",
        "Projects proposed in principle.",
        "Background Papers",
    ] {
        assert!(titles.contains(&t), "{t} missing from {titles:?}");
    }
    // Front matter stays as label/value paragraphs.
    assert!(paragraphs(&doc)
        .iter()
        .any(|p| p.text == "Date: 28 November 2023"));
    // a) and b) nest under 8).
    let a = paragraphs(&doc)
        .into_iter()
        .find(|p| p.label.as_ref().is_some_and(|l| l.printed == "a)"))
        .unwrap();
    assert_eq!(a.level, 1);
}

#[test]
fn osp_paragraphs_membership_footnotes_links() {
    let doc = read("oxford-strategic-partnership-2023");
    assert_eq!(printed_labels(&doc, "."), numbers(44));
    no_label_in_text(&doc);
    let tables = tables(&doc);
    let members = tables
        .iter()
        .find(|t| t.rows.len() == 22)
        .expect("membership table");
    assert_eq!(members.width(), 2);
    assert_eq!(
        members.grid()[0],
        ["Paul James (Chair)", "River Learning Trust"]
    );
    // The forward-planning grid split by a page break is one table.
    let grid = tables
        .iter()
        .find(|t| {
            t.grid()
                .iter()
                .any(|r| r[0] == "Stay connected to 'City Strategy'")
        })
        .unwrap();
    assert_eq!(grid.rows.len(), 3);
    assert_eq!(grid.grid()[1][3], "Meeting management (e.g. some face to face, and rotation of days to allow all partnerships to attend)");
    assert!(doc.warnings.iter().any(|w| w.code == "table-split-merged"));
    let notes: Vec<(String, String)> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Footnote(f) => Some((f.mark.clone(), f.text.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0].0, "1");
    assert!(notes[0].1.ends_with("zero_carbon_oxford_summit"));
    assert!(doc.links.iter().any(|l| l.text == "River Learning Trust"));
    // A paragraph a page break cut in two is whole again.
    let p10 = paragraphs(&doc)
        .into_iter()
        .find(|p| p.label.as_ref().is_some_and(|l| l.printed == "10."))
        .unwrap();
    assert!(p10
        .text
        .ends_with("Principal Regeneration and Economic Development Officer."));
    assert!(!p10.text.contains("[") && !p10.text.contains("]("));
    // Page residue is gone.
    assert!(!paragraphs(&doc)
        .iter()
        .any(|p| p.text.contains("intentionally left blank")));
    // Bullets under "5." are nested.
    let aims: Vec<u8> = paragraphs(&doc)
        .iter()
        .filter(|p| p.text.starts_with("Identify"))
        .map(|p| p.level)
        .collect();
    assert_eq!(aims, [1, 1]);
}

#[test]
fn peer_challenge_action_tables() {
    let doc = read("peer-challenge-progress-2024");
    let tables = tables(&doc);
    assert_eq!(tables.len(), 10);
    let heads: Vec<&Heading> = headings(&doc);
    assert_eq!(
        heads
            .iter()
            .filter(|h| h.text.starts_with("Recommendation "))
            .count(),
        10
    );
    assert_eq!(heads[0].text, "Our progress");
    let first = tables[0].grid();
    assert_eq!(first[0][0], "CO-DESIGN SHARED OUTCOMES");
    assert_eq!(first[1][1], "");
    assert_eq!(first[1][2], "Complete");
    // Text without a tab continues the cell above.
    let colocation = first
        .iter()
        .find(|r| r[0].starts_with("Deliver co-location pilot"))
        .unwrap();
    assert!(colocation[3].contains("\nNext Steps: Meeting with Active Lifestyles"));
    let smoking = first
        .iter()
        .find(|r| r[0].starts_with("Deliver smoking cessation"))
        .unwrap();
    assert!(smoking[3].contains("\nIce Creates, commissioned by"));
    for b in &doc.blocks {
        if let BlockKind::Paragraph(p) = &b.kind {
            assert!(!p.text.contains("[bookmark"), "{:?}", p.text);
        }
    }
}

#[test]
fn oxfordshire_2030_annex_and_questions() {
    let doc = read("oxfordshire-partnership-2030");
    assert_eq!(headings(&doc)[0].level, 1);
    let annex = tables(&doc);
    assert_eq!(annex.len(), 1);
    let grid = annex[0].grid();
    assert_eq!(annex[0].header_rows, 1);
    assert_eq!(grid.len(), 10);
    assert_eq!(
        grid[0],
        [
            "Medium Term focus",
            "Oxon 2030 Theme",
            "Partnership",
            "Medium Term Priority"
        ]
    );
    assert!(grid[1][3].starts_with(
        "• Increasing the supply of homes\n• Contributing to meeting strategic objectives"
    ));
    assert!(grid[8][3]
        .contains("service families and veterans in Oxfordshire\n• Work with communities"));
    assert_eq!(grid[8][3].matches("and veterans").count(), 1);
    assert_eq!(printed_labels(&doc, "."), numbers(4));
    let q = paragraphs(&doc)
        .into_iter()
        .find(|p| p.text == "Do you support this idea?")
        .unwrap();
    assert!(q.style.bold && q.style.italic);
    assert!(q.label.as_ref().is_some_and(|l| l.is_bullet()));
    let h: Vec<&str> = headings(&doc).iter().map(|h| h.text.as_str()).collect();
    assert_eq!(h.iter().filter(|t| t.starts_with("Annex 1")).count(), 1);
    assert!(!h.contains(&"This report sets out:"));
}

#[test]
fn annual_partnerships_profiles_and_notes() {
    let doc = read("annual-partnerships-update-2018");
    let heads = headings(&doc);
    assert_eq!(heads[0].text, "ANNUAL PARTNERSHIPS UPDATE");
    assert_eq!(heads[0].level, 1);
    for name in [
        "Oxfordshire Health and Wellbeing Board",
        "Oxfordshire Growth Board",
        "Oxfordshire Environment Partnership",
    ] {
        assert!(
            heads.iter().any(|h| h.text == name && h.level == 2),
            "{name}"
        );
    }
    assert!(
        heads
            .iter()
            .filter(|h| h.text == "Governance Arrangements" && h.level == 3)
            .count()
            >= 9
    );
    // Hard-wrapped lines are one paragraph again.
    let p1 = paragraphs(&doc)
        .into_iter()
        .find(|p| p.label.as_ref().is_some_and(|l| l.printed == "1."))
        .unwrap();
    assert!(p1.text.starts_with("This report provides an update on Oxfordshire-wide partnerships that the County Council is engaged"));
    let notes: Vec<&Block> = doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Footnote(_)))
        .collect();
    assert!(!notes.is_empty());
    for p in paragraphs(&doc) {
        assert_ne!(p.text, "CC12");
        assert!(!p.text.starts_with("mailto:"));
    }
    let fields = [
        "Date of completion 1 September 2018",
        "OCC Lead Member Councillor Ian Hudspeth",
    ];
    for f in fields {
        assert!(paragraphs(&doc).iter().any(|p| p.text == f), "{f}");
    }
}

#[test]
fn encodings_round_trip() {
    let text = "To: Council\n\nDate: 6 November 2018 – café\n\n1. The report costs £150.\n";
    let expect = txt::read(text.as_bytes(), &ParseOptions::default()).unwrap();
    let mut utf8_bom = vec![0xEF, 0xBB, 0xBF];
    utf8_bom.extend_from_slice(text.as_bytes());
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
        be.extend_from_slice(&u.to_be_bytes());
    }
    let cp1252: Vec<u8> = text
        .chars()
        .map(|c| match c {
            '–' => 0x96,
            '£' => 0xA3,
            'é' => 0xE9,
            c => c as u8,
        })
        .collect();
    for bytes in [utf8_bom, le, be, cp1252] {
        let doc = txt::read(&bytes, &ParseOptions::default()).unwrap();
        assert_eq!(doc.blocks, expect.blocks);
    }
    assert!(matches!(
        txt::read(b"", &ParseOptions::default()).unwrap_err().kind(),
        ErrorKind::Empty
    ));
    let binary = [0u8, 1, 2, 3, 255, 254, 0, 0, 7, 8, 9, 0];
    assert!(matches!(
        txt::read(&binary, &ParseOptions::default())
            .unwrap_err()
            .kind(),
        ErrorKind::NotText(_)
    ));
}
