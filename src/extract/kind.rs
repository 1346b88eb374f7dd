//! What kind of paper a document is, judged from its content only: minutes,
//! an agenda front sheet, a record of decision, an impact assessment, an
//! appendix, or an officer's report.

use std::sync::LazyLock;

use regex::Regex;

use super::metadata::units::{units, Unit};
use crate::document::BlockKind;
use crate::report::{DateValue, Kind, Metadata, NumberedParagraph, Project};
use crate::text::{find_date, normalize};
use crate::Document;

/// How many units from the top decide the kind.
const TOP: usize = 14;

static MINUTES_OF: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\bminutes\s+of\s+(?:a|the)\s+(?:\w+\s+)?meeting\s+of\s+(?:the\s+)?(.+?)\s+(?:held|on|at)\b")
        .ok()
});

static APPENDIX_START: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:appendix|annex|annexe)\s+[A-Z0-9]{1,3}\b").ok());

/// Words of local government that hardly any other document uses, as whole
/// words: a document whose prose has none of them (a software README, a
/// data file) is no council paper. A council's slide deck names the council
/// at least once.
static COUNCIL_WORDS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(councils?|councillors?|cllr|committees?|cabinet|scrutiny|wards?|borough|parish|mayor|resolved|agenda|portfolio holder|overview and scrutiny|recommendations? to)\b",
    )
    .ok()
});

/// How many units from the top are searched for council words.
const COUNCIL_WORDS_UNITS: usize = 400;

/// Whether the prose of the document uses a word of local government (see
/// `COUNCIL_WORDS`). Lines of data or markup (JSON objects, tags) are not
/// prose and are not searched, so a JSON Lines file of reports is not taken
/// for one.
fn speaks_council(us: &[Unit]) -> bool {
    let Some(re) = COUNCIL_WORDS.as_ref() else {
        return true;
    };
    us.iter()
        .take(COUNCIL_WORDS_UNITS)
        .map(|u| u.text.trim_start())
        .filter(|t| !t.starts_with(['{', '[', '<']))
        .any(|t| re.is_match(t))
}

/// The warning of a document given kind `other`.
pub(crate) const NOT_A_COUNCIL_PAPER: &str = "not-a-council-paper";

/// A stamp a publishing system prints above the paper itself
/// ("Public Document Pack"): no part of what the paper is.
pub(crate) fn is_publisher_stamp(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    t == "public document pack" || t == "public pack" || t == "supplementary document pack"
}

fn top_text(us: &[Unit]) -> Vec<String> {
    us.iter()
        .filter(|u| !is_publisher_stamp(&u.text))
        .take(TOP)
        .map(|u| u.text.to_lowercase())
        .collect()
}

/// Lines that set out a meeting rather than a report: "Date: …",
/// "Time: 10.00 am", "Venue: Council Chamber".
fn meeting_lines(top: &[String]) -> usize {
    top.iter()
        .filter(|t| {
            ["time:", "venue:", "place:", "time and venue:", "location:"]
                .iter()
                .any(|l| t.starts_with(l))
        })
        .count()
}

fn is_decision(top: &[String]) -> bool {
    top.iter().take(8).any(|t| {
        let short = t.split_whitespace().count() <= 8;
        t.contains("record of decision")
            || t.contains("decision taken by")
            || t.contains("decision to be taken by")
            // "RECORD OF EXECUTIVE DECISION", "Officer Decision Notice",
            // "Record of Cabinet Member Decision" as a title line.
            || short
                && (t.starts_with("record of") && t.contains("decision")
                    || t.contains("decision notice")
                    || t.contains("decision record")
                    || t.starts_with("notice of") && t.contains("decision"))
    })
}

fn is_assessment(top: &[String]) -> bool {
    top.iter().take(6).any(|t| {
        let words = t.split_whitespace().count();
        words <= 14
            && (t.contains("equality impact assessment")
                || t.contains("equalities impact assessment")
                || t.contains("equality analysis")
                || t.contains("eqia")
                || t.contains("dpia")
                || t.contains("data protection impact assessment")
                || t.contains("impact assessment form"))
    })
}

fn is_minutes(top: &[String], us: &[Unit]) -> bool {
    if top.iter().take(8).any(|t| {
        t.starts_with("minutes of")
            || t.contains("minutes of a meeting")
            || t.contains("minutes of the meeting of")
    }) {
        return true;
    }
    let present = top.iter().any(|t| t.starts_with("present"));
    let resolved = us.iter().take(400).any(|u| u.text.starts_with("RESOLVED"));
    present && resolved
}

fn is_agenda(top: &[String]) -> bool {
    // "Agenda" standing alone lower down a front sheet that gives the
    // meeting's time and venue.
    if meeting_lines(top) >= 1 && top.iter().any(|t| t == "agenda") {
        return true;
    }
    top.iter().take(6).any(|t| {
        t == "agenda"
            || t.starts_with("agenda ") && !t.starts_with("agenda item")
            || t.contains("agenda front sheet")
            || t.starts_with("dear member")
            || t.starts_with("notice of meeting")
            || t.starts_with("summons")
    })
}

/// An agenda's own furniture below a first page of membership and notes:
/// its "Order of Business", the index header "Item No. … Page No.", or the
/// summons to members ("Members of the committee are summoned to attend").
fn lists_business(us: &[Unit]) -> bool {
    us.iter().take(120).any(|u| {
        let t = u.text.trim().to_lowercase();
        t == "order of business"
            || (t.starts_with("item no") && t.contains("page"))
            || (t.split_whitespace().count() <= 16 && t.contains("summoned to attend"))
    })
}

/// Whether the metadata holds report front matter: at least two typed
/// fields among title, committee, date, report_of, purpose.
fn has_front_matter(md: &Metadata) -> bool {
    [
        md.title.is_some(),
        md.committee.is_some(),
        md.date.is_some(),
        md.report_of.is_some(),
        md.purpose.is_some(),
    ]
    .iter()
    .filter(|b| **b)
    .count()
        >= 2
}

/// The kind of a document decided from the top of it alone (before any
/// metadata exists): minutes, agenda, decision or assessment.
pub(crate) fn meeting_kind(us: &[Unit]) -> Option<Kind> {
    let top = top_text(us);
    if is_decision(&top) {
        Some(Kind::Decision)
    } else if is_assessment(&top) {
        Some(Kind::Assessment)
    } else if top
        .iter()
        .take(3)
        .any(|t| t == "agenda" || t.starts_with("agenda ") && !t.starts_with("agenda item"))
    {
        Some(Kind::Agenda)
    } else if is_minutes(&top, us) {
        Some(Kind::Minutes)
    } else if is_agenda(&top) || lists_business(us) {
        Some(Kind::Agenda)
    } else {
        None
    }
}

/// The committee and date of minutes or an agenda front sheet.
pub(crate) fn meeting_header(us: &[Unit]) -> (Option<String>, Option<DateValue>) {
    let kind = meeting_kind(us);
    if !matches!(kind, Some(Kind::Minutes) | Some(Kind::Agenda)) {
        return (None, None);
    }
    let mut committee = None;
    let mut date = None;
    for u in us.iter().filter(|u| !is_publisher_stamp(&u.text)).take(TOP) {
        if let Some((c, d)) = super::metadata::committee_and_date(&u.text) {
            // "Date: Wednesday, 4 December 2024": a label, not a committee.
            let label = c.to_lowercase();
            if !(label.contains("date") || label == "time" || label == "when") {
                return (Some(c), Some(d));
            }
            if date.is_none() {
                date = Some(d);
            }
        }
        if kind == Some(Kind::Minutes) {
            if let Some(caps) = MINUTES_OF.as_ref().and_then(|re| re.captures(&u.text)) {
                if let Some(m) = caps.get(1) {
                    committee = Some(super::metadata::committee_case(m.as_str().trim()));
                }
            }
        }
        if date.is_none() {
            if let Some((range, iso)) = find_date(&u.text) {
                let text = u.text.get(range).unwrap_or("").to_string();
                date = Some(DateValue {
                    text,
                    iso: Some(iso),
                });
            }
        }
        if committee.is_none() && kind == Some(Kind::Agenda) {
            committee = capital_name(&u.text).or_else(|| body_name(&u.text));
        }
        if committee.is_some() && date.is_some() {
            break;
        }
    }
    (committee, date)
}

/// A committee printed in capitals on its own ("CABINET"), or after
/// "AGENDA" on the same line.
fn capital_name(text: &str) -> Option<String> {
    let t = normalize(text);
    let t = t.strip_prefix("AGENDA").map(str::trim).unwrap_or(&t);
    let words: Vec<&str> = t
        .split_whitespace()
        .take_while(|w| {
            w.chars().any(char::is_alphabetic)
                && w.chars().all(|c| !c.is_lowercase())
                && ![
                    "MONDAY",
                    "TUESDAY",
                    "WEDNESDAY",
                    "THURSDAY",
                    "FRIDAY",
                    "SATURDAY",
                    "SUNDAY",
                ]
                .contains(&w.trim_end_matches(','))
        })
        .collect();
    let name = words.join(" ");
    let upper = name.to_uppercase();
    if words.is_empty()
        || words.len() > 6
        || upper == "AGENDA"
        || upper.ends_with("COUNCIL") && words.len() <= 3 && upper.contains("COUNTY")
        || upper.contains("ITEMS")
    {
        return None;
    }
    Some(super::metadata::committee_case(&name))
}

/// A meeting body's name on a line of its own, in any case: "Planning
/// Committee", "Health and Wellbeing Board" (not the council's own name).
fn body_name(text: &str) -> Option<String> {
    let t = normalize(text);
    let words: Vec<&str> = t.split_whitespace().collect();
    let last = words.last()?.to_lowercase();
    let bodies = [
        "committee",
        "sub-committee",
        "cabinet",
        "executive",
        "board",
        "panel",
        "forum",
        "commission",
    ];
    let named = words.len() <= 7
        && bodies.contains(&last.as_str())
        && words
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && !t.contains([':', '.', ',']);
    named.then(|| super::metadata::committee_case(&t))
}

/// The share of the document's text, in characters, that stands in tables.
fn table_share(doc: &Document) -> f64 {
    let (mut in_tables, mut all) = (0usize, 0usize);
    for b in &doc.blocks {
        let n = match &b.kind {
            BlockKind::Table(t) => {
                let n: usize = t
                    .rows
                    .iter()
                    .flat_map(|r| r.cells.iter())
                    .map(|c| c.text.chars().count())
                    .sum();
                in_tables += n;
                n
            }
            BlockKind::Heading(h) => h.text.chars().count(),
            BlockKind::Paragraph(p) => p.text.chars().count(),
            _ => 0,
        };
        all += n;
    }
    if all == 0 {
        0.0
    } else {
        in_tables as f64 / all as f64
    }
}

/// Judges the kind of `doc` from its content.
pub fn classify(doc: &Document, metadata: &Metadata, paragraphs: &[NumberedParagraph]) -> Kind {
    classify_with_projects(doc, metadata, paragraphs, &[])
}

/// Judges the kind of `doc` from its content, knowing its project rows: a
/// paper of tables that hold a work programme or an action tracker is a
/// report of progress, one whose tables hold figures is an appendix.
pub fn classify_with_projects(
    doc: &Document,
    metadata: &Metadata,
    paragraphs: &[NumberedParagraph],
    projects: &[Project],
) -> Kind {
    let us = units(&doc.blocks);
    if let Some(k) = meeting_kind(&us) {
        return k;
    }
    // Front matter that says whom the paper goes to or comes from is a
    // report's, even one filed as an appendix; a title, a date and a
    // summary alone may open an appendix too.
    let named = metadata.committee.is_some() || metadata.report_of.is_some();
    if has_front_matter(metadata) && named {
        return Kind::Report;
    }
    // "Appendix J" heading the first page, or standing alone in its corner
    // a few lines down.
    let starts_as_appendix = us.iter().take(10).enumerate().any(|(k, u)| {
        let t = u.text.trim();
        APPENDIX_START.as_ref().is_some_and(|re| re.is_match(t))
            && (k < 3 || t.split_whitespace().count() <= 3)
    });
    // A running header or footer that names an appendix ("Appendix J" in
    // the corner of every page) says the same.
    let runs_as_appendix = doc.running_text.iter().any(|t| {
        APPENDIX_START
            .as_ref()
            .is_some_and(|re| re.is_match(t.trim()))
            && t.split_whitespace().count() <= 3
    });
    if starts_as_appendix || runs_as_appendix {
        return Kind::Appendix;
    }
    if has_front_matter(metadata) {
        return Kind::Report;
    }
    // A paper with no front matter and no numbered paragraphs whose text
    // sits mostly in tables (a budget sheet or risk register printed from a
    // spreadsheet, a slide deck of tables) supports a report: an appendix.
    if paragraphs.is_empty() && projects.is_empty() && table_share(doc) >= 0.5 {
        return Kind::Appendix;
    }
    // None of a council paper's marks — no front matter, no numbered
    // paragraphs, no council vocabulary — is something else.
    if !paragraphs.is_empty() || us.len() >= 5 && speaks_council(&us) {
        Kind::Report
    } else {
        Kind::Other
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::testdoc::DocBuilder;
    use crate::format::Format;
    use crate::report::{Kind, Source};

    fn source() -> Source {
        Source {
            path: None,
            format: Format::Txt,
            bytes: 0,
            sha256: String::new(),
            pages: None,
        }
    }

    #[test]
    fn an_agenda_front_sheet_under_a_publisher_stamp() {
        let doc = DocBuilder::new()
            .bold("Public Document Pack")
            .bold("Cambridge City Council")
            .bold("Planning Committee")
            .para(0, "Date: Wednesday, 4 December 2024")
            .para(0, "Time: 10.00 am")
            .para(0, "Venue: Council Chamber, The Guildhall")
            .para(0, "Contact: democratic.services@cambridge.gov.uk")
            .bold("Agenda")
            .para(0, "1 Apologies")
            .para(0, "2 Declarations of Interest")
            .build();
        let r = crate::extract::extract(&doc, source());
        assert_eq!(r.kind, Kind::Agenda);
        assert_eq!(r.metadata.title, None);
        assert_eq!(r.metadata.committee.as_deref(), Some("Planning Committee"));
        assert_eq!(
            r.metadata.date.and_then(|d| d.iso).as_deref(),
            Some("2024-12-04")
        );
        assert!(r
            .sections
            .iter()
            .all(|s| s.heading != "Public Document Pack"));
    }

    #[test]
    fn an_agenda_known_by_its_order_of_business() {
        // Southwark's front sheet: membership and notes for the public on
        // the first page, the order of business after them.
        let mut b = DocBuilder::new()
            .bold("Cabinet")
            .para(0, "Tuesday 6 January 2026")
            .para(0, "11.00 am")
            .table(
                1,
                &[
                    &["Membership", "Portfolio"],
                    &["Councillor Sarah King (Chair)", "Leader of the Council"],
                ],
            );
        for k in 0..16 {
            b = b.para(
                0,
                &format!("Note {k} for members of the public about this meeting."),
            );
        }
        let doc = b
            .para(
                0,
                "Members of the committee are summoned to attend this meeting",
            )
            .bold("Order of Business")
            .table(
                1,
                &[&["Item No.", "Title", "Page No."], &["1.", "APOLOGIES", ""]],
            )
            .build();
        assert_eq!(crate::extract::extract(&doc, source()).kind, Kind::Agenda);
    }

    #[test]
    fn an_appendix_with_a_date_and_a_summary_is_an_appendix() {
        let doc = DocBuilder::new()
            .bold("APPENDIX B")
            .heading(1, "Licensing Policy Consultation Results")
            .para(0, "DECEMBER 2025")
            .heading(2, "Executive Summary")
            .para(
                0,
                "As required under the Licensing Act 2003, a review of the policy was undertaken.",
            )
            .para(
                0,
                "The consultation ran for twelve weeks and drew 312 responses.",
            )
            .build();
        let r = crate::extract::extract(&doc, source());
        assert_eq!(r.kind, Kind::Appendix, "{:?}", r.metadata);
    }

    #[test]
    fn a_record_of_executive_decision_is_a_decision() {
        let doc = DocBuilder::new()
            .para(0, "Harfield Borough Council")
            .bold("RECORD OF EXECUTIVE DECISION")
            .para(0, "Decision Reference: ICMD/2025/014")
            .para(0, "Title: Community Grants Fund 2025/26")
            .build();
        let r = crate::extract::extract(&doc, source());
        assert_eq!(r.kind, Kind::Decision);
    }

    #[test]
    fn a_report_is_no_agenda_for_saying_agenda_item() {
        let doc = DocBuilder::new()
            .para(0, "Agenda Item 7")
            .para(0, "Report to: Cabinet")
            .para(0, "Date of meeting: 12 March 2025")
            .para(0, "Title: Road Safety Programme")
            .build();
        let r = crate::extract::extract(&doc, source());
        assert_eq!(r.kind, Kind::Report);
        assert_eq!(r.metadata.committee.as_deref(), Some("Cabinet"));
    }

    #[test]
    fn a_document_with_no_mark_of_a_council_paper_is_other_and_says_so() {
        let readme = DocBuilder::new()
            .bold("photo-renamer")
            .para(
                0,
                "A small tool that renames photos by the date they were taken.",
            )
            .para(0, "Install it with cargo install photo-renamer.")
            .para(0, "Run photo-renamer --help for the options.")
            .para(0, "Licensed under MIT or Apache-2.0.")
            .build();
        let r = crate::extract::extract(&readme, source());
        assert_eq!(r.kind, Kind::Other);
        assert!(r
            .warnings
            .iter()
            .any(|w| w.code == super::NOT_A_COUNCIL_PAPER));
        // A slide deck with no front matter and no numbered paragraphs that
        // names the council once is still a council paper.
        let slides = DocBuilder::new()
            .bold("Menopause in the borough")
            .para(0, "Clinical Lead, Harfield Council")
            .bold("National picture")
            .bold("Local picture")
            .para(0, "Training for clinicians")
            .bold("Questions")
            .build();
        let r = crate::extract::extract(&slides, source());
        assert_eq!(r.kind, Kind::Report);
        assert!(r
            .warnings
            .iter()
            .all(|w| w.code != super::NOT_A_COUNCIL_PAPER));
    }
}
