//! Front matter, contacts, kind and notes, on documents shaped like what each
//! reader gives for the seed reports: "Label: value" paragraphs (txt),
//! label/value table rows (docx/pdf), title blocks and headings.

use council_reports::document::{
    BlockKind, Cell, Document, Footnote, Heading, Link, Loc, Paragraph, Row, Table,
};
use council_reports::extract;
use council_reports::report::{Kind, Report, Source};
use council_reports::text::{normalize, parse_label, LabelOptions};
use council_reports::Format;

/// Builds a document from one string per block: "# text" is a heading,
/// "| a | b |" lines in a row make one table, "> text" is a nested (level 1)
/// paragraph, "^1 text" a footnote, anything else a paragraph whose list
/// label is parsed as a reader would.
fn doc(lines: &[&str]) -> Document {
    let mut d = Document::new(Format::Txt);
    let mut table: Option<Table> = None;
    for (n, raw) in lines.iter().enumerate() {
        let loc = Loc::line(n as u32 + 1);
        if let Some(row) = raw.strip_prefix('|') {
            let cells = row
                .trim_end_matches('|')
                .split('|')
                .map(|c| Cell::new(c.trim().replace("\\n", "\n")))
                .collect();
            table
                .get_or_insert_with(Table::default)
                .rows
                .push(Row { cells });
            continue;
        }
        if let Some(t) = table.take() {
            d.push(loc, BlockKind::Table(t));
        }
        if let Some(h) = raw.strip_prefix("# ") {
            let (label, text) = match parse_label(h, LabelOptions::default()) {
                Some((l, r)) if !l.is_bullet() => (Some(l), r.to_string()),
                _ => (None, h.to_string()),
            };
            d.push(
                loc,
                BlockKind::Heading(Heading {
                    level: 1,
                    text: normalize(&text),
                    label,
                }),
            );
        } else if let Some(f) = raw.strip_prefix('^') {
            let (mark, text) = f.split_once(' ').unwrap_or((f, ""));
            d.push(
                loc,
                BlockKind::Footnote(Footnote {
                    mark: mark.into(),
                    text: text.into(),
                }),
            );
        } else {
            let (level, body) = match raw.strip_prefix("> ") {
                Some(b) => (1, b),
                None => (0, *raw),
            };
            let (label, text) = match parse_label(body, LabelOptions::default()) {
                Some((l, r)) => (Some(l), r.to_string()),
                None => (None, body.to_string()),
            };
            d.push(
                loc,
                BlockKind::Paragraph(Paragraph {
                    text: normalize(&text),
                    label,
                    level,
                    ..Paragraph::default()
                }),
            );
        }
    }
    if let Some(t) = table.take() {
        d.push(Loc::line(lines.len() as u32), BlockKind::Table(t));
    }
    d
}

fn report(d: &Document) -> Report {
    let source = Source {
        path: None,
        format: Format::Txt,
        bytes: 0,
        sha256: String::new(),
        pages: None,
    };
    extract::extract(d, source)
}

fn field<'a>(r: &'a Report, label: &str) -> Option<&'a str> {
    r.metadata
        .fields
        .iter()
        .find(|f| f.label == label)
        .map(|f| f.value.as_str())
}

const FOP_TXT: &[&str] = &[
    "To: Future Oxfordshire Partnership (FOP):",
    "Title of Report: Future Oxfordshire Partnership Work Programme",
    "Date: 28 November 2023",
    "Report of: Paul Staines- Head of Programme",
    "Status: Open",
    "Executive Summary and Purpose:",
    "This report seeks endorsement for a proposed Work Programme for the Future Oxfordshire Partnership, details the process by which projects were selected.",
    "How this report contributes to the Oxfordshire Strategic Vision Outcomes:",
    "The projects list has had alignment to the Strategic Vision as a requirement of the selection process, as detailed in the report.",
    "1. That Future Oxfordshire Partnership notes the report and its conclusions.",
    "2. Note and agree the suggested programme set out in the report and/or indicate those projects it wishes to take forward.",
    "3. For those projects approved for the Work Programme, asks the advisory groups to task officers.",
    "1) The Future Oxfordshire Partnership, (FOP) will recall that in March 2021 it endorsed the Strategic Vision.",
    "2) With the Oxfordshire Housing and Growth Deal reaching a conclusion.",
    "# FOP Work Programme Workshop",
    "6) As part of the process of project assessment, a workshop was held.",
    "# Background Papers",
    "27) None",
    "Report Author: Paul Staines- Head of Programme",
    "Contact information:",
];

fn check_fop(r: &Report) {
    let m = &r.metadata;
    assert_eq!(
        m.committee.as_deref(),
        Some("Future Oxfordshire Partnership (FOP)")
    );
    assert_eq!(
        m.title.as_deref(),
        Some("Future Oxfordshire Partnership Work Programme")
    );
    let date = m.date.as_ref().unwrap();
    assert_eq!(
        (date.text.as_str(), date.iso.as_deref()),
        ("28 November 2023", Some("2023-11-28"))
    );
    assert_eq!(
        m.report_of.as_deref(),
        Some("Paul Staines- Head of Programme")
    );
    assert_eq!(m.status.as_deref(), Some("Open"));
    assert!(m
        .purpose
        .as_deref()
        .unwrap()
        .starts_with("This report seeks endorsement"));
    assert_eq!(m.recommendations.len(), 3, "{:?}", m.recommendations);
    assert_eq!(m.recommendations[0].number.as_deref(), Some("1"));
    assert_eq!(
        m.recommendations[0].text,
        "That Future Oxfordshire Partnership notes the report and its conclusions."
    );
    assert_eq!(m.recommendations[2].number.as_deref(), Some("3"));
    assert_eq!(
        field(r, "To"),
        Some("Future Oxfordshire Partnership (FOP):")
    );
    assert!(field(
        r,
        "How this report contributes to the Oxfordshire Strategic Vision Outcomes"
    )
    .is_some());
    let labels: Vec<&str> = m.fields.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(
        &labels[..6],
        &[
            "To",
            "Title of Report",
            "Date",
            "Report of",
            "Status",
            "Executive Summary and Purpose"
        ]
    );
    assert_eq!(r.contacts.len(), 1, "{:?}", r.contacts);
    let c = &r.contacts[0];
    assert_eq!(
        (c.role.as_str(), c.name.as_deref(), c.job_title.as_deref()),
        (
            "Report Author",
            Some("Paul Staines"),
            Some("Head of Programme")
        )
    );
    assert_eq!(r.kind, Kind::Report);
}

#[test]
fn fop_as_paragraphs() {
    check_fop(&report(&doc(FOP_TXT)));
}

#[test]
fn fop_as_header_table() {
    let mut lines = vec![
        "| To: | Future Oxfordshire Partnership (FOP): |",
        "| Title of\\nReport: | Future Oxfordshire Partnership Work Programme |",
        "| Date: | 28 November 2023 |",
        "| Report of: | Paul Staines- Head of Programme |",
        "| Status: | Open |",
    ];
    lines.extend_from_slice(&FOP_TXT[5..]);
    check_fop(&report(&doc(&lines)));
}

const OSP: &[&str] = &[
    "To: Council",
    "Date: March 2023",
    "Report of: Head of Corporate Strategy",
    "Title of Report: The Oxford Strategic Partnership",
    "| Summary and recommendations | |",
    "| Purpose of report: | To note the annual update on the Oxford Strategic Partnership |",
    "| Key decision: | No |",
    "| Cabinet Member with responsibility: | Councillor Brown, Leader |",
    "| Corporate Priority: | All Oxford City Council strategic priorities |",
    "| Policy Framework: | None. |",
    "| Recommendation(s): That the Committee resolves to: | |",
    "| 1. Note the annual update report on the work of the Oxford Strategic Partnership. | |",
    "Appendices",
    "| Appendix 1 | Oxford Strategic Partnerships Membership |",
    "# Introduction and background",
    "1. The Oxford Strategic Partnership (OSP) founded in 2003 brings together senior representatives.",
    "12. The Zero Carbon Oxford Partnership (ZCOP)¹, brings together Oxford's most influential organisations.",
    "^1 Oxford City Council, 'Zero Carbon Oxford Summit'. Available from: https://www.oxford.gov.uk/info/20291/climate_emergency/1431/zero_carbon_oxford_summit",
    "| Report author | Mish Tullar |",
    "| Job title | Head of Corporate Strategy |",
    "| Service area or department | Chief Executive |",
    "| Telephone | 07483 010499 |",
    "| e-mail | mtullar@oxford.gov.uk |",
    "Background Papers: None",
    "# Appendix 1: Oxford Strategic Partnership Membership – March 2023",
    "| Paul James (Chair) | River Learning Trust |",
    "| Gillian Aitken | Registrar, University of Oxford |",
];

#[test]
fn osp_summary_box() {
    let mut d = doc(OSP);
    d.links.push(Link {
        text: "River Learning Trust".into(),
        url: "#".into(),
    });
    let r = report(&d);
    let m = &r.metadata;
    assert_eq!(m.committee.as_deref(), Some("Council"));
    assert_eq!(
        m.date.as_ref().and_then(|d| d.iso.as_deref()),
        Some("2023-03")
    );
    assert_eq!(m.report_of.as_deref(), Some("Head of Corporate Strategy"));
    assert_eq!(m.title.as_deref(), Some("The Oxford Strategic Partnership"));
    assert_eq!(
        m.purpose.as_deref(),
        Some("To note the annual update on the Oxford Strategic Partnership")
    );
    assert_eq!(m.key_decision.as_deref(), Some("No"));
    assert_eq!(
        m.cabinet_member.as_deref(),
        Some("Councillor Brown, Leader")
    );
    assert_eq!(
        m.corporate_priority.as_deref(),
        Some("All Oxford City Council strategic priorities")
    );
    assert_eq!(m.policy_framework.as_deref(), Some("None."));
    assert_eq!(m.recommendations.len(), 1, "{:?}", m.recommendations);
    assert_eq!(m.recommendations[0].number.as_deref(), Some("1"));
    assert_eq!(
        m.recommendations[0].text,
        "Note the annual update report on the work of the Oxford Strategic Partnership."
    );
    assert_eq!(m.appendices.len(), 1, "{:?}", m.appendices);
    assert_eq!(m.appendices[0].label, "Appendix 1");
    assert_eq!(
        m.appendices[0].title.as_deref(),
        Some("Oxford Strategic Partnerships Membership")
    );
    assert_eq!(
        field(&r, "Purpose of report"),
        Some("To note the annual update on the Oxford Strategic Partnership")
    );
    assert_eq!(r.contacts.len(), 1, "{:?}", r.contacts);
    let c = &r.contacts[0];
    assert_eq!(c.name.as_deref(), Some("Mish Tullar"));
    assert_eq!(c.job_title.as_deref(), Some("Head of Corporate Strategy"));
    assert_eq!(c.email.as_deref(), Some("mtullar@oxford.gov.uk"));
    assert_eq!(c.telephone.as_deref(), Some("07483 010499"));
    assert_eq!(r.footnotes.len(), 1);
    let urls: Vec<&str> = r.links.iter().map(|l| l.url.as_str()).collect();
    assert!(urls.contains(&"#"));
    assert!(urls.contains(
        &"https://www.oxford.gov.uk/info/20291/climate_emergency/1431/zero_carbon_oxford_summit"
    ));
    assert!(urls.contains(&"mailto:mtullar@oxford.gov.uk"));
    assert_eq!(r.kind, Kind::Report);
}

#[test]
fn annual_partnerships_title_block() {
    let d = doc(&[
        "COUNCIL – 6 NOVEMBER 2018",
        "# ANNUAL PARTNERSHIPS UPDATE",
        "Report by Policy and Performance Service Manager",
        "# Introduction",
        "1. This report provides an update on Oxfordshire-wide partnerships.",
        "6. Partnerships continue.",
        "# RECOMMENDATION",
        "7. Council is RECOMMENDED to note the report.",
        "Ben Threadgold",
        "Policy and Performance Manager",
        "Background papers: None",
        "Contact Officer: Lauren Rushen (lauren.rushen@oxfordshire.gov.uk)",
        "November 2018",
        "mailto:lauren.rushen@oxfordshire.gov.uk",
        "See http://www.osab.co.uk/wp-content/uploads/OSAB-Annual-Report-17-18- PUBLISHED-VERSION.pdf for full details.",
        "http://www.osab.co.uk/wp-content/uploads/OSAB-Annual-Report-17-18-PUBLISHED-VERSION.pdf",
    ]);
    let r = report(&d);
    let m = &r.metadata;
    assert_eq!(m.committee.as_deref(), Some("Council"));
    assert_eq!(
        m.date.as_ref().and_then(|d| d.iso.as_deref()),
        Some("2018-11-06")
    );
    assert_eq!(m.title.as_deref(), Some("ANNUAL PARTNERSHIPS UPDATE"));
    assert_eq!(
        m.report_of.as_deref(),
        Some("Policy and Performance Service Manager")
    );
    assert_eq!(m.recommendations.len(), 1);
    assert_eq!(m.recommendations[0].number.as_deref(), Some("7"));
    assert_eq!(
        m.recommendations[0].text,
        "Council is RECOMMENDED to note the report."
    );
    let signatory = r.contacts.iter().find(|c| c.role == "Signatory").unwrap();
    assert_eq!(signatory.name.as_deref(), Some("Ben Threadgold"));
    assert_eq!(
        signatory.job_title.as_deref(),
        Some("Policy and Performance Manager")
    );
    let officer = r
        .contacts
        .iter()
        .find(|c| c.role == "Contact Officer")
        .unwrap();
    assert_eq!(officer.name.as_deref(), Some("Lauren Rushen"));
    assert_eq!(
        officer.email.as_deref(),
        Some("lauren.rushen@oxfordshire.gov.uk")
    );
    let urls: Vec<&str> = r.links.iter().map(|l| l.url.as_str()).collect();
    assert_eq!(
        urls,
        vec![
            "mailto:lauren.rushen@oxfordshire.gov.uk",
            "http://www.osab.co.uk/wp-content/uploads/OSAB-Annual-Report-17-18-PUBLISHED-VERSION.pdf"
        ]
    );
}

#[test]
fn oxfordshire_2030_heading_title_and_purpose() {
    let r = report(&doc(&[
        "# Oxfordshire Partnership and Oxfordshire 2030: future direction",
        "# Purpose of report:",
        "This report sets out:",
        "- The high level medium term priorities that support the delivery of Oxfordshire 2030 objectives.",
        "- Options for discussion on how the Oxfordshire Partnership could operate in the future.",
        "# Background:",
        "The context in which local partnerships operate has changed significantly.",
        "# Recommendation",
        "- To discuss the proposed options and agree a way forward.",
        "Annex 1:",
        "Annex 1",
    ]));
    let m = &r.metadata;
    assert_eq!(
        m.title.as_deref(),
        Some("Oxfordshire Partnership and Oxfordshire 2030: future direction")
    );
    assert_eq!(
        m.purpose.as_deref(),
        Some("This report sets out:\n• The high level medium term priorities that support the delivery of Oxfordshire 2030 objectives.\n• Options for discussion on how the Oxfordshire Partnership could operate in the future.")
    );
    assert_eq!(m.recommendations.len(), 1);
    assert_eq!(m.recommendations[0].number, None);
    assert_eq!(
        m.recommendations[0].text,
        "To discuss the proposed options and agree a way forward."
    );
    assert_eq!(m.appendices.len(), 1);
    assert_eq!(m.appendices[0].label, "Annex 1");
}

#[test]
fn no_front_matter() {
    let r = report(&doc(&[
        "# Our progress",
        "# Recommendation 1: Co-design shared outcomes",
        "- Convene the city’s anchor institutions to work together.",
        "| CO-DESIGN SHARED OUTCOMES | October 2024 & final update | | |",
        "| Launch Oxford West End website | | Complete | The new website was launched |",
    ]));
    assert_eq!(r.metadata.title, None);
    assert!(r.metadata.fields.is_empty());
    assert!(r.metadata.recommendations.is_empty());
}

#[test]
fn kent_front_matter() {
    let r = report(&doc(&[
        "From: Sue Chandler, Cabinet Member for Integrated Children’s Services",
        "Dan Watkins, Cabinet Member for Adult Social Care and Public Health",
        "To: Cabinet - 30 January 2025",
        "Subject: Transfer the 18-25 section of the Strengthening Independence Service",
        "Decision no: 24/00109",
        "Key Decision: Yes - It affects more than 2 Electoral Divisions",
        "Classification: Unrestricted",
        "Past Pathway of report: Adult Social Care Cabinet Committee – 15 January 2025",
        "Future Pathway of report: Cabinet decision",
        "Electoral Division: All",
        "Is the decision eligible for call-in? Yes",
        "Summary: Transitions involve facilitating young people’s move from children’s services to adult services.",
        "The Director of Adult Social Services at Kent County Council is accountable.",
        "Recommendation(s):",
        "Cabinet is asked to:",
        "A. Agree to TRANSFER the statutory functions delivered by the 18-25 section; and",
        "B. DELEGATE authority to the Corporate Director of Adult Social Care and Health.",
        "1. Introduction",
        "1.1 Transitions is the process of a minor or young person moving into legal adulthood.",
        "13. Contact details",
        "Report Author",
        "Dave Shipton (Head of Finance Policy, Planning and Strategy)",
        "03000 419418, dave.shipton@kent.gov.uk",
        "Relevant Corporate Director:",
        "John Betts (Interim Corporate Director, Finance)",
        "03000 410066, john.betts@kent.gov.uk",
    ]));
    let m = &r.metadata;
    assert_eq!(
        m.report_of.as_deref(),
        Some("Sue Chandler, Cabinet Member for Integrated Children’s Services; Dan Watkins, Cabinet Member for Adult Social Care and Public Health")
    );
    assert_eq!(m.committee.as_deref(), Some("Cabinet"));
    assert_eq!(
        m.date.as_ref().and_then(|d| d.iso.as_deref()),
        Some("2025-01-30")
    );
    assert_eq!(
        m.title.as_deref(),
        Some("Transfer the 18-25 section of the Strengthening Independence Service")
    );
    assert_eq!(m.key_decision.as_deref(), Some("Yes"));
    assert_eq!(
        field(&r, "Key Decision"),
        Some("Yes - It affects more than 2 Electoral Divisions")
    );
    assert_eq!(field(&r, "Decision no"), Some("24/00109"));
    assert_eq!(
        field(&r, "Is the decision eligible for call-in"),
        Some("Yes")
    );
    assert_eq!(field(&r, "Electoral Division"), Some("All"));
    assert_eq!(m.status.as_deref(), Some("Unrestricted"));
    assert!(m
        .purpose
        .as_deref()
        .unwrap()
        .contains("\nThe Director of Adult Social Services"));
    let recs: Vec<(Option<&str>, &str)> = m
        .recommendations
        .iter()
        .map(|r| (r.number.as_deref(), &r.text[..8]))
        .collect();
    assert_eq!(recs, vec![(Some("A"), "Agree to"), (Some("B"), "DELEGATE")]);
    assert_eq!(r.contacts.len(), 2, "{:?}", r.contacts);
    assert_eq!(r.contacts[0].name.as_deref(), Some("Dave Shipton"));
    assert_eq!(r.contacts[0].telephone.as_deref(), Some("03000 419418"));
    assert_eq!(r.contacts[1].role, "Relevant Corporate Director");
    assert_eq!(
        r.contacts[1].email.as_deref(),
        Some("john.betts@kent.gov.uk")
    );
}

#[test]
fn kent_to_with_date_label_and_prose_recommendation() {
    let r = report(&doc(&[
        "From: Roger Gough, Leader",
        "To: County Council Date: 13 March 2025",
        "Subject: Budget",
        "Recommendation(s):",
        "Cabinet is asked to agree the Commissioning Plan for Education Provision in Kent 2025-29.",
        "1. Introduction",
    ]));
    let m = &r.metadata;
    assert_eq!(m.committee.as_deref(), Some("County Council"));
    assert_eq!(
        m.date.as_ref().and_then(|d| d.iso.as_deref()),
        Some("2025-03-13")
    );
    assert_eq!(m.recommendations.len(), 1);
    assert_eq!(m.recommendations[0].number, None);
    assert!(m.recommendations[0]
        .text
        .starts_with("Cabinet is asked to agree"));
}

#[test]
fn contacts_side_by_side_as_table() {
    let r = report(&doc(&[
        "13. Contact details",
        "| Report Authors: | Lead Directors |",
        "| Sharon Howard\\nAssistant Director Strengthening Independence Service\\n+443000412070\\nsharon.howard@kent.gov.uk\\nAlyson Wagget\\nAssistant Director Thanet South Kent Coastal\\n+443000412483\\nalyson.wagget@kent.gov.uk | Kevin Kasaven, Director of Children's Countywide Services\\n+443000416334\\nkevin.kasaven@kent.gov.uk |",
    ]));
    let names: Vec<(&str, Option<&str>)> = r
        .contacts
        .iter()
        .map(|c| (c.role.as_str(), c.name.as_deref()))
        .collect();
    assert_eq!(
        names,
        vec![
            ("Report Authors", Some("Sharon Howard")),
            ("Report Authors", Some("Alyson Wagget")),
            ("Lead Directors", Some("Kevin Kasaven"))
        ]
    );
    assert_eq!(r.contacts[1].telephone.as_deref(), Some("+443000412483"));
    assert_eq!(
        r.contacts[2].job_title.as_deref(),
        Some("Director of Children's Countywide Services")
    );
}

#[test]
fn contacts_columns_read_left_then_right() {
    // Two columns a reader gave one after the other: the left column's
    // people, then the right column's, each under its role header.
    let r = report(&doc(&[
        "13. Contact details",
        "Report Authors:",
        "Sharon Howard",
        "Assistant Director Strengthening Independence Service",
        "+443000412070",
        "sharon.howard@kent.gov.uk",
        "Alyson Wagget",
        "Assistant Director Thanet South Kent Coastal",
        "+443000412483",
        "alyson.wagget@kent.gov.uk",
        "Lead Directors",
        "Kevin Kasaven, Director of Children's Countywide Services",
        "+443000416334",
        "kevin.kasaven@kent.gov.uk",
        "Corporate Directors",
        "Richard Smith",
        "Corporate Director Adult Social Care and Health",
        "03000 416838",
        "Richard.smith3@kent.gov.uk",
    ]));
    type Row<'a> = (
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
    );
    let got: Vec<Row> = r
        .contacts
        .iter()
        .map(|c| {
            (
                c.role.as_str(),
                c.name.as_deref(),
                c.job_title.as_deref(),
                c.telephone.as_deref(),
                c.email.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "Report Authors",
                Some("Sharon Howard"),
                Some("Assistant Director Strengthening Independence Service"),
                Some("+443000412070"),
                Some("sharon.howard@kent.gov.uk")
            ),
            (
                "Report Authors",
                Some("Alyson Wagget"),
                Some("Assistant Director Thanet South Kent Coastal"),
                Some("+443000412483"),
                Some("alyson.wagget@kent.gov.uk")
            ),
            (
                "Lead Directors",
                Some("Kevin Kasaven"),
                Some("Director of Children's Countywide Services"),
                Some("+443000416334"),
                Some("kevin.kasaven@kent.gov.uk")
            ),
            (
                "Corporate Directors",
                Some("Richard Smith"),
                Some("Corporate Director Adult Social Care and Health"),
                Some("03000 416838"),
                Some("Richard.smith3@kent.gov.uk")
            ),
        ]
    );
}

#[test]
fn contacts_side_by_side_read_across() {
    let r = report(&doc(&[
        "11. Contact details",
        "Report Author: Relevant Director:",
        "Nick Abrahams Christine McInnes",
        "Assistant Director Education – West Kent Director of Education",
        "Telephone number Telephone number",
        "03000 410058 03000 418913",
        "Email address Email address",
        "nicholas.abrahams@kent.gov.uk Christine.mcinnes@kent.gov.uk",
    ]));
    type Row<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);
    let got: Vec<Row> = r
        .contacts
        .iter()
        .map(|c| {
            (
                c.role.as_str(),
                c.name.as_deref(),
                c.email.as_deref(),
                c.telephone.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "Report Author",
                Some("Nick Abrahams"),
                Some("nicholas.abrahams@kent.gov.uk"),
                Some("03000 410058")
            ),
            (
                "Relevant Director",
                Some("Christine McInnes"),
                Some("Christine.mcinnes@kent.gov.uk"),
                Some("03000 418913")
            ),
        ]
    );
}

#[test]
fn kinds_from_content() {
    let minutes = report(&doc(&[
        "KENT COUNTY COUNCIL",
        "CABINET",
        "MINUTES of a meeting of the Cabinet held in the Council Chamber, Sessions House, County Hall, Maidstone on Thursday, 9 January 2025.",
        "PRESENT: Mr R W Gough (Chairman), Mr N Baker",
        "RESOLVED that the minutes of the meeting on 28 November 2024 were a correct record.",
    ]));
    assert_eq!(minutes.kind, Kind::Minutes);
    assert_eq!(minutes.metadata.committee.as_deref(), Some("Cabinet"));
    assert_eq!(
        minutes
            .metadata
            .date
            .as_ref()
            .and_then(|d| d.iso.as_deref()),
        Some("2025-01-09")
    );

    let agenda = report(&doc(&[
        "AGENDA",
        "CABINET",
        "Thursday, 30th January, 2025, at 10.00 am Ask for: Georgina Little",
        "UNRESTRICTED ITEMS",
        "1. Apologies",
        "2. Declarations of Interest",
    ]));
    assert_eq!(agenda.kind, Kind::Agenda);
    assert_eq!(agenda.metadata.committee.as_deref(), Some("Cabinet"));
    assert_eq!(
        agenda.metadata.date.as_ref().and_then(|d| d.iso.as_deref()),
        Some("2025-01-30")
    );

    let decision = report(&doc(&[
        "KENT COUNTY COUNCIL – PROPOSED RECORD OF DECISION",
        "DECISION TO BE TAKEN BY: Cabinet",
        "Key decision: YES",
    ]));
    assert_eq!(decision.kind, Kind::Decision);

    let eqia = report(&doc(&[
        "EQIA Submission Form",
        "Information collected from the EQIA Submission",
        "Section A",
    ]));
    assert_eq!(eqia.kind, Kind::Assessment);

    let appendix = report(&doc(&[
        "APPENDIX A - CAPITAL INVESTMENT SUMMARY 2025-26 TO 2034-35",
        "| ROW REF | Directorate | Total Cost |",
        "| 1 | Adult Social Care & Health | 7,003 |",
    ]));
    assert_eq!(appendix.kind, Kind::Appendix);
}

#[test]
fn contacts_side_by_side_joined_into_one_paragraph() {
    let r = report(&doc(&[
        "5. Contact details",
        "Report Author Relevant Director Joe McKay John Betts Acting Chief Accountant Interim Corporate Director Finance 03000 419601 03000 410066 joe.mckay@kent.gov.uk John.betts@kent.gov.uk",
    ]));
    let got: Vec<(&str, Option<&str>, Option<&str>)> = r
        .contacts
        .iter()
        .map(|c| (c.role.as_str(), c.name.as_deref(), c.telephone.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Report Author", Some("Joe McKay"), Some("03000 419601")),
            (
                "Relevant Director",
                Some("John Betts"),
                Some("03000 410066")
            )
        ]
    );
}

// ---- The real fixtures, through the real readers ----

fn parse(path: &str) -> Report {
    council_reports::parse_path(std::path::Path::new(path)).unwrap()
}

#[test]
fn fixtures_front_matter_in_every_format() {
    for ext in ["txt", "docx", "pdf"] {
        let fop = parse(&format!("fixtures/{ext}/fop-work-programme-2023.{ext}"));
        check_fixture_fop(&fop, ext);

        let osp = parse(&format!(
            "fixtures/{ext}/oxford-strategic-partnership-2023.{ext}"
        ));
        let m = &osp.metadata;
        assert_eq!(m.committee.as_deref(), Some("Council"), "{ext}");
        assert_eq!(
            m.title.as_deref(),
            Some("The Oxford Strategic Partnership"),
            "{ext}"
        );
        assert_eq!(
            m.purpose.as_deref(),
            Some("To note the annual update on the Oxford Strategic Partnership"),
            "{ext}"
        );
        assert_eq!(m.key_decision.as_deref(), Some("No"), "{ext}");
        assert_eq!(
            m.cabinet_member.as_deref(),
            Some("Councillor Brown, Leader"),
            "{ext}"
        );
        assert_eq!(
            m.corporate_priority.as_deref(),
            Some("All Oxford City Council strategic priorities"),
            "{ext}"
        );
        assert_eq!(m.policy_framework.as_deref(), Some("None."), "{ext}");
        assert_eq!(m.recommendations.len(), 1, "{ext}");
        assert_eq!(
            m.appendices.first().map(|a| a.label.as_str()),
            Some("Appendix 1"),
            "{ext}"
        );
        let author = osp
            .contacts
            .iter()
            .find(|c| c.name.as_deref() == Some("Mish Tullar"))
            .expect(ext);
        assert_eq!(
            author.email.as_deref(),
            Some("mtullar@oxford.gov.uk"),
            "{ext}"
        );
        assert_eq!(author.telephone.as_deref(), Some("07483 010499"), "{ext}");

        let apu = parse(&format!(
            "fixtures/{ext}/annual-partnerships-update-2018.{ext}"
        ));
        let m = &apu.metadata;
        assert_eq!(m.committee.as_deref(), Some("Council"), "{ext}");
        assert_eq!(
            m.date.as_ref().and_then(|d| d.iso.as_deref()),
            Some("2018-11-06"),
            "{ext}"
        );
        assert_eq!(
            m.report_of.as_deref(),
            Some("Policy and Performance Service Manager"),
            "{ext}"
        );
        assert_eq!(m.recommendations.len(), 1, "{ext}");
        assert_eq!(
            m.recommendations[0].text, "Council is RECOMMENDED to note the report.",
            "{ext}"
        );
        assert!(
            apu.contacts
                .iter()
                .any(|c| c.role == "Signatory" && c.name.as_deref() == Some("Ben Threadgold")),
            "{ext}"
        );
        assert!(
            apu.contacts
                .iter()
                .any(|c| c.email.as_deref() == Some("lauren.rushen@oxfordshire.gov.uk")),
            "{ext}"
        );

        let p2030 = parse(&format!(
            "fixtures/{ext}/oxfordshire-partnership-2030.{ext}"
        ));
        assert_eq!(
            p2030.metadata.title.as_deref(),
            Some("Oxfordshire Partnership and Oxfordshire 2030: future direction"),
            "{ext}"
        );
        assert!(
            p2030
                .metadata
                .purpose
                .as_deref()
                .is_some_and(|p| p.starts_with("This report sets out:")),
            "{ext}"
        );
        assert_eq!(p2030.metadata.recommendations.len(), 1, "{ext}");

        let peer = parse(&format!(
            "fixtures/{ext}/peer-challenge-progress-2024.{ext}"
        ));
        assert!(peer.metadata.fields.is_empty(), "{ext}");
        assert_eq!(peer.metadata.title, None, "{ext}");
        for r in [&fop, &osp, &apu, &p2030, &peer] {
            assert_eq!(r.kind, Kind::Report, "{ext}");
        }
    }
}

fn check_fixture_fop(r: &Report, ext: &str) {
    let m = &r.metadata;
    assert_eq!(
        m.committee.as_deref(),
        Some("Future Oxfordshire Partnership (FOP)"),
        "{ext}"
    );
    assert_eq!(
        m.title.as_deref(),
        Some("Future Oxfordshire Partnership Work Programme"),
        "{ext}"
    );
    assert_eq!(
        m.date.as_ref().and_then(|d| d.iso.as_deref()),
        Some("2023-11-28"),
        "{ext}"
    );
    assert_eq!(
        m.report_of.as_deref(),
        Some("Paul Staines- Head of Programme"),
        "{ext}"
    );
    assert_eq!(m.status.as_deref(), Some("Open"), "{ext}");
    assert_eq!(m.recommendations.len(), 3, "{ext}");
    let c = r.contacts.first().expect(ext);
    assert_eq!(
        (c.name.as_deref(), c.job_title.as_deref()),
        (Some("Paul Staines"), Some("Head of Programme")),
        "{ext}"
    );
}

// ---- Kent papers (../shared/wild), as pdftotext -layout text through the txt reader ----

fn kent_layout(name: &str) -> Option<Report> {
    let dir = std::env::var("COUNCIL_REPORTS_WILD").unwrap_or_else(|_| "../shared/wild".into());
    let pdf = std::path::Path::new(&dir)
        .join("kent")
        .join(format!("{name}.pdf"));
    if !pdf.exists() {
        eprintln!(
            "skipped: {} is absent (the wild corpus is not part of a fresh clone)",
            pdf.display()
        );
        return None;
    }
    let out = match std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(&pdf)
        .arg("-")
        .output()
    {
        Ok(o) if o.status.success() => o.stdout,
        _ => {
            eprintln!("skipped: pdftotext (poppler-utils) is not installed");
            return None;
        }
    };
    Some(council_reports::parse_bytes(&out, Format::Txt).unwrap())
}

#[test]
fn kent_transfer_report_front_matter_and_contacts() {
    let Some(r) = kent_layout("2025-01-30-cabinet-24-00109-transfer-the-18-25-section-of-the-strengthening-independence-service-report") else {
        return;
    };
    let m = &r.metadata;
    assert_eq!(r.kind, Kind::Report);
    assert_eq!(m.committee.as_deref(), Some("Cabinet"));
    assert_eq!(
        m.date.as_ref().and_then(|d| d.iso.as_deref()),
        Some("2025-01-30")
    );
    assert!(m.report_of.as_deref().unwrap().starts_with(
        "Sue Chandler, Cabinet Member for Integrated Children’s Services; Dan Watkins"
    ));
    assert!(m
        .title
        .as_deref()
        .unwrap()
        .starts_with("Transfer the 18-25 section of the Strengthening Independence Service"));
    assert_eq!(m.key_decision.as_deref(), Some("Yes"));
    assert_eq!(
        field(&r, "Key Decision"),
        Some("Yes - It affects more than 2 Electoral Divisions")
    );
    assert_eq!(field(&r, "Decision no"), Some("24/00109"));
    assert_eq!(m.status.as_deref(), Some("Unrestricted"));
    assert!(m
        .purpose
        .as_deref()
        .unwrap()
        .starts_with("Transitions involve"));
    let numbers: Vec<Option<&str>> = m
        .recommendations
        .iter()
        .map(|r| r.number.as_deref())
        .collect();
    assert_eq!(numbers, vec![Some("A"), Some("B")]);
    assert!(m
        .recommendations
        .iter()
        .all(|r| !r.text.contains("Cabinet is asked to")));
    let names: Vec<&str> = r
        .contacts
        .iter()
        .filter_map(|c| c.name.as_deref())
        .collect();
    assert_eq!(
        names,
        vec![
            "Sharon Howard",
            "Alyson Wagget",
            "Kevin Kasaven",
            "Mark Albiston",
            "Richard Smith",
            "Sarah Hammond",
        ]
    );
    // Every person of both columns comes with job title, telephone and
    // e-mail, under the role printed above them in their column.
    let alyson = &r.contacts[1];
    assert_eq!(alyson.role, "Report Authors");
    assert_eq!(
        alyson.job_title.as_deref(),
        Some("Assistant Director Thanet South Kent Coastal")
    );
    assert_eq!(alyson.telephone.as_deref(), Some("+443000412483"));
    assert_eq!(alyson.email.as_deref(), Some("alyson.wagget@kent.gov.uk"));
    let richard = &r.contacts[4];
    assert_eq!(richard.role, "Corporate Directors");
    assert_eq!(
        richard.job_title.as_deref(),
        Some("Corporate Director Adult Social Care and Health")
    );
    assert_eq!(richard.telephone.as_deref(), Some("03000 416838"));
    assert_eq!(richard.email.as_deref(), Some("Richard.smith3@kent.gov.uk"));
    assert!(r
        .contacts
        .iter()
        .all(|c| c.job_title.is_some() && c.telephone.is_some() && c.email.is_some()));
    let sharon = r
        .contacts
        .iter()
        .find(|c| c.name.as_deref() == Some("Sharon Howard"))
        .unwrap();
    assert_eq!(sharon.email.as_deref(), Some("sharon.howard@kent.gov.uk"));
    assert_eq!(sharon.telephone.as_deref(), Some("+443000412070"));
}

#[test]
fn kent_commissioning_plan_prose_recommendation_and_columns() {
    let Some(r) = kent_layout("2025-01-30-cabinet-24-00096-commissioning-plan-for-education-provision-in-kent-2025-29-report") else {
        return;
    };
    let m = &r.metadata;
    assert_eq!(
        m.title.as_deref(),
        Some("Commissioning Plan for Education Provision in Kent 2025-29")
    );
    assert_eq!(m.committee.as_deref(), Some("Cabinet"));
    assert_eq!(m.recommendations.len(), 1);
    assert_eq!(m.recommendations[0].number, None);
    assert_eq!(field(&r, "Electoral Division"), Some("All"));
    let got: Vec<(&str, Option<&str>, Option<&str>)> = r
        .contacts
        .iter()
        .map(|c| (c.role.as_str(), c.name.as_deref(), c.email.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "Report Author",
                Some("Nick Abrahams"),
                Some("nicholas.abrahams@kent.gov.uk")
            ),
            (
                "Relevant Director",
                Some("Christine McInnes"),
                Some("Christine.mcinnes@kent.gov.uk")
            ),
        ]
    );
}

#[test]
fn kent_minutes_agenda_decision_assessment() {
    if let Some(r) =
        kent_layout("2025-01-30-cabinet-minutes-of-the-meeting-held-on-9th-january-2025")
    {
        assert_eq!(r.kind, Kind::Minutes);
        assert_eq!(r.metadata.committee.as_deref(), Some("Cabinet"));
        assert_eq!(
            r.metadata.date.as_ref().and_then(|d| d.iso.as_deref()),
            Some("2025-01-09")
        );
    }
    if let Some(r) = kent_layout("2025-03-04-cabinet-agenda-frontsheet-04th-mar-2025-10-00-cabinet")
    {
        assert_eq!(r.kind, Kind::Agenda);
        assert_eq!(r.metadata.committee.as_deref(), Some("Cabinet"));
        assert_eq!(
            r.metadata.date.as_ref().and_then(|d| d.iso.as_deref()),
            Some("2025-03-04")
        );
    }
    if let Some(r) = kent_layout("2025-01-30-cabinet-24-00115-prod") {
        assert_eq!(r.kind, Kind::Decision);
    }
    if let Some(r) = kent_layout("2025-01-30-cabinet-24-00115-eqia") {
        assert_eq!(r.kind, Kind::Assessment);
    }
    if let Some(r) = kent_layout("2025-03-04-cabinet-cabinet-report-4-march-2025") {
        assert_eq!(r.kind, Kind::Report);
        let numbers: Vec<Option<&str>> = r
            .metadata
            .recommendations
            .iter()
            .map(|r| r.number.as_deref())
            .collect();
        assert_eq!(numbers, vec![Some("1"), Some("2"), Some("3")]);
        assert_eq!(r.contacts.len(), 2);
        assert_eq!(
            r.contacts[1].job_title.as_deref(),
            Some("Interim Corporate Director, Finance")
        );
    }
}

#[test]
fn labels_without_colons() {
    let r = report(&doc(&[
        "Finance Monitoring Report",
        "By Deputy Leader and Cabinet Member for Finance, Peter Oakford",
        "Interim Corporate Director Finance, John Betts",
        "To Cabinet – 30 January 2025",
        "Contact Details",
    ]));
    let m = &r.metadata;
    assert_eq!(m.title.as_deref(), Some("Finance Monitoring Report"));
    assert_eq!(
        m.report_of.as_deref(),
        Some("Deputy Leader and Cabinet Member for Finance, Peter Oakford; Interim Corporate Director Finance, John Betts")
    );
    assert_eq!(m.committee.as_deref(), Some("Cabinet"));
    assert_eq!(
        m.date.as_ref().and_then(|d| d.iso.as_deref()),
        Some("2025-01-30")
    );
}

#[test]
fn odd_input_never_panics() {
    let lines: &[&str] = &[
        "",
        ":",
        "To:",
        "İİİ Telephone İstanbul ıi",
        "Report Author: İlkay Öz (İ@x.com)",
        "Recommendation(s):",
        "(",
        "Appendix",
        "Annex A:",
        "Contact details",
        "From: ",
        "Date: 31 February 2023th",
        "Title of",
        "| Report Author: | Lead Directors: |",
        "| a | |",
        "www.",
        "mailto:",
        "Key Decision: -",
    ];
    let r = report(&doc(lines));
    assert!(r.metadata.fields.iter().all(|f| !f.label.is_empty()));
    // Every prefix of the list, so that each construct meets the end of input.
    for n in 0..lines.len() {
        let _ = report(&doc(&lines[..n]));
    }
}

/// An explanatory list inside a record of decision, whose items wrap onto
/// lines of their own (as text exports keep hanging indents), is skipped; the
/// labels after it are still read.
#[test]
fn explanatory_list_with_wrapped_items_is_skipped() {
    let r = report(&doc(&[
        "# KENT COUNTY COUNCIL – PROPOSED RECORD OF DECISION",
        "Key decision: NO",
        "Key decision criteria. The decision will:",
        "a) result in savings or expenditure which is significant having regard to the budget",
        "(currently defined by the Council as in excess of £1,000,000); or",
        "b) be significant in terms of its effects on a significant proportion of the community",
        "more electoral divisions – which will include those decisions that involve:",
        "Subject Matter / Title of Decision: Revenue and Capital Budget Monitoring Report",
        "Decision:",
        "The Cabinet agree to:",
        "a) note the forecast revenue overspend of £23.3m (excluding Schools’ Delegated Budgets)",
        "b) Note the forecast overspend on Schools’ Delegated Budgets of £30.4m",
        "c) Note the forecast capital underspend of £111.6m",
        "Reason(s) for decision: the budget must be monitored.",
    ]));
    assert_eq!(
        r.metadata.title.as_deref(),
        Some("Revenue and Capital Budget Monitoring Report")
    );
    let recs: Vec<&str> = r
        .metadata
        .recommendations
        .iter()
        .map(|x| x.text.as_str())
        .collect();
    assert_eq!(
        recs,
        [
            "note the forecast revenue overspend of £23.3m (excluding Schools’ Delegated Budgets)",
            "Note the forecast overspend on Schools’ Delegated Budgets of £30.4m",
            "Note the forecast capital underspend of £111.6m"
        ]
    );
}

/// A name and job title continuing a "From" list are the report's authors,
/// never a signatory, however they are laid out.
#[test]
fn a_name_in_the_from_list_is_no_signatory() {
    let r = report(&doc(&[
        "From: Leader of the Council; Roger Gough",
        "Deputy Leader and Cabinet Member for Finance;",
        "Peter Oakford",
        "Interim Corporate Director Finance",
        "Report author: Dave Shipton",
        "1. Introduction",
        "1.1 The budget is set out below.",
    ]));
    assert!(
        r.contacts.iter().all(|c| c.role != "Signatory"),
        "{:?}",
        r.contacts
    );
}

/// Short lettered recommendations are all kept: only a short *numbered*
/// line after the items can be the next section's heading.
#[test]
fn short_lettered_recommendations_are_all_kept() {
    let r = report(&doc(&[
        "Recommendations:",
        "The Cabinet is asked to:",
        "a) note the forecast overspend",
        "b) agree the capital changes",
        "c) note the savings",
        "Reason(s) for decision: the budget must be monitored.",
    ]));
    let numbers: Vec<Option<&str>> = r
        .metadata
        .recommendations
        .iter()
        .map(|x| x.number.as_deref())
        .collect();
    assert_eq!(numbers, [Some("a"), Some("b"), Some("c")]);
    let r = report(&doc(&[
        "Recommendations:",
        "1. The Cabinet is asked to agree the capital programme as set out.",
        "2. Background",
        "2.1 The programme was drawn up in the autumn.",
    ]));
    assert_eq!(
        r.metadata.recommendations.len(),
        1,
        "{:?}",
        r.metadata.recommendations
    );
}
