//! Every real council paper of the wild corpus parses without an error.
//!
//! The corpus lives beside the project (`../shared/wild`), never in it. CI
//! sets `COUNCIL_REPORTS_WILD`, which makes the test required; on a fresh
//! clone without the folder it says that it skipped and why.

use std::path::{Path, PathBuf};

#[path = "common/wild.rs"]
mod wild_corpus;
use wild_corpus::wild_dir;

/// All files below `dir` with one of `exts`, sorted.
pub fn files_below(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| exts.contains(&e.to_ascii_lowercase().as_str()))
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_wild_paper_parses() {
    let Some(dir) = wild_dir() else { return };
    let files = files_below(&dir, &["pdf", "docx", "txt"]);
    assert!(!files.is_empty(), "no papers under {}", dir.display());
    let mut failures = Vec::new();
    for f in &files {
        if let Err(e) = council_reports::parse_path(f) {
            failures.push(e.to_string());
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} papers failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn minutes_and_agendas_have_no_false_paragraphs() {
    use council_reports::report::Kind;
    let Some(dir) = wild_dir() else { return };
    let mut meetings = 0;
    for f in files_below(&dir, &["pdf"]) {
        let Ok(r) = council_reports::parse_path(&f) else {
            continue;
        };
        if !matches!(r.kind, Kind::Minutes | Kind::Agenda) {
            continue;
        }
        meetings += 1;
        assert!(
            r.metadata.committee.is_some(),
            "{}: no committee",
            f.display()
        );
        assert!(r.metadata.date.is_some(), "{}: no date", f.display());
        if r.metadata.recommendations.is_empty() && r.metadata.title.is_none() {
            assert!(r.paragraphs.is_empty(), "{}: false paragraphs", f.display());
            assert!(r.projects.is_empty(), "{}: false projects", f.display());
        }
    }
    assert!(meetings >= 5, "only {meetings} minutes/agendas found");
}

#[test]
fn an_appendix_named_only_in_its_running_header_is_an_appendix() {
    use council_reports::report::Kind;
    let Some(dir) = wild_dir() else { return };
    // Each of these prints "Appendix X" only in the corner of every page.
    for name in [
        "2025-01-30-cabinet-appendix-g-reserves-policy.pdf",
        "2025-01-30-cabinet-appendix-j-government-grants-in-lgfs.pdf",
        "2025-01-30-cabinet-appendix-n-capital-strategy.pdf",
    ] {
        let path = dir.join("kent").join(name);
        let r = council_reports::parse_path(&path).unwrap();
        assert_eq!(r.kind, Kind::Appendix, "{name}");
    }
}

/// The officer reports of the corpus, chosen by reading each file (the
/// others are appendices, records of decision, assessments, minutes and
/// agenda packs).
const REPORTS: &[&str] = &[
    "2025-01-30-cabinet-24-00096-commissioning-plan-for-education-provision-in-kent-2025-29-report",
    "2025-01-30-cabinet-24-00108-finance-monitoring-report-q3-november-2024-25",
    "2025-01-30-cabinet-24-00108-revenue-and-capital-budget-monitoring-report-november-2024-25",
    "2025-01-30-cabinet-24-00109-transfer-the-18-25-section-of-the-strengthening-independence-service-report",
    "2025-01-30-cabinet-24-00115-adoption-of-integrated-care-strategy-delivery-plan-report",
    "2025-01-30-cabinet-draft-revenue-budget-2025-26-and-2025-28-mtfp-and-draft-capital-programme-2025-35",
    "2025-01-30-cabinet-draft-revenue-budget-2025-26-mtfp-2025-28-draft-capital-programme-2025-35-and-treasury-management",
    "2025-01-30-cabinet-item-7-supplementary-24-00109-transfer-the-18-25-section-of-the-strengthening-independence-ser",
    "2025-03-04-cabinet-adoption-of-the-kent-minerals-and-waste-local-plan-2024-2039",
    "2025-03-04-cabinet-appendix-a-planning-inspectors-report-on-the-examination-of-the-kmwlp-2024-39",
    "2025-03-04-cabinet-cabinet-qpr-q3-cover",
    "2025-03-04-cabinet-cabinet-report-4-march-2025",
    "2025-03-04-cabinet-scrutiny-committee-call-in-family-hubs-report-to-cabinet-final",
];

/// What a report snapshot holds: the structures a reader checks against
/// the page and that do not hang on the pdf reader's finer layout
/// (metadata, section headings with their numbers, contacts, and the
/// numbers of the numbered paragraphs with their sections).
#[derive(serde::Serialize)]
struct Checked<'a> {
    kind: &'a council_reports::report::Kind,
    metadata: &'a council_reports::report::Metadata,
    sections: Vec<String>,
    paragraphs: Vec<String>,
    contacts: &'a [council_reports::report::Contact],
}

#[test]
fn report_snapshots() {
    let Some(dir) = wild_dir() else { return };
    for name in REPORTS {
        let path = dir.join("kent").join(format!("{name}.pdf"));
        let r = council_reports::parse_path(&path).unwrap();
        assert_eq!(r.kind, council_reports::report::Kind::Report, "{name}");
        let checked = Checked {
            kind: &r.kind,
            metadata: &r.metadata,
            sections: r
                .sections
                .iter()
                .map(|s| match &s.number {
                    Some(n) => format!("{n} {}", s.heading),
                    None => s.heading.clone(),
                })
                .collect(),
            paragraphs: r
                .paragraphs
                .iter()
                .map(|p| {
                    let items = if p.items.is_empty() {
                        String::new()
                    } else {
                        format!(" [{} items]", p.items.len())
                    };
                    format!(
                        "{} ({}){items}",
                        p.label,
                        p.section.as_deref().unwrap_or("-")
                    )
                })
                .collect(),
            contacts: &r.contacts,
        };
        insta::with_settings!({ snapshot_suffix => *name, prepend_module_to_snapshot => true }, {
            insta::assert_json_snapshot!("report", checked);
        });
    }
}

#[test]
fn kinds_records_of_decision_and_figure_tables() {
    use council_reports::report::Kind;
    let Some(dir) = wild_dir() else { return };
    let parse = |name: &str| {
        council_reports::parse_path(&dir.join("kent").join(format!("{name}.pdf"))).unwrap()
    };
    // Budget sheets, a risk register and slide decks printed from Excel and
    // PowerPoint: tables of figures with no front matter are appendices,
    // and their rows are never project rows.
    for name in [
        "2025-01-30-cabinet-appendix-b-capital-investment-by-directorate",
        "2025-01-30-cabinet-appendix-e-21-01-25-incl-base-adj-update",
        "2025-01-30-cabinet-appendix-f-list-of-budget-templates",
        "2025-01-30-cabinet-appendix-i-budget-risk-register-22-01-25",
        "2025-01-30-cabinet-24-00115-appendix-b-kcc-ics-priorities-measures",
        "2025-03-04-cabinet-appendix-1-cabinet-budget-update",
    ] {
        let r = parse(name);
        assert_eq!(r.kind, Kind::Appendix, "{name}");
        assert!(r.projects.is_empty(), "{name}: project rows");
    }
    // Indicator tables of the performance report are no work programme.
    let qpr = parse("2025-03-04-cabinet-qpr-q3-cabinet-appendix-1");
    assert!(qpr.projects.is_empty(), "{:?}", qpr.projects.first());
    // Records of decision: the title under "Subject Matter / Title of
    // Decision", the decision taker from "DECISION TO BE TAKEN BY:" sharing
    // its line with "DECISION NO:", and the decision's items.
    for (name, title, number, items) in [
        (
            "2025-01-30-cabinet-24-00096-prod",
            "Commissioning Plan for Education Provision in Kent 2025-29",
            "24/00096",
            1,
        ),
        (
            "2025-01-30-cabinet-24-00108-prod",
            "Revenue and Capital Budget Monitoring Report – September 2024-2025",
            "24/00108",
            6,
        ),
        (
            "2025-01-30-cabinet-24-00115-prod",
            "Adoption of the Integrated Care Strategy Delivery Plan",
            "24/00115",
            3,
        ),
    ] {
        let r = parse(name);
        assert_eq!(r.kind, Kind::Decision, "{name}");
        assert_eq!(r.metadata.title.as_deref(), Some(title), "{name}");
        assert_eq!(r.metadata.committee.as_deref(), Some("Cabinet"), "{name}");
        let no = r
            .metadata
            .fields
            .iter()
            .find(|f| f.label.to_lowercase().starts_with("decision n"))
            .map(|f| f.value.as_str());
        assert_eq!(no, Some(number), "{name}");
        assert_eq!(r.metadata.recommendations.len(), items, "{name}");
        assert!(r
            .metadata
            .recommendations
            .iter()
            .all(|x| !x.text.contains("agree to:") && !x.text.contains("propose to:")));
    }
}

/// Two independent roads to one Report: each report and record of decision
/// read from its PDF, and from `pdftotext -layout` text through the txt
/// reader, give the same title, recommendations, paragraph numbers and
/// contact names, apart from a short written list of known differences.
/// (Skipped without the corpus or without poppler's pdftotext.)
#[test]
fn pdf_and_layout_text_agree_on_reports() {
    // (file name start, field, why the two roads differ)
    const KNOWN: &[(&str, &str, &str)] = &[
        (
            "2025-01-30-cabinet-24-00108-finance-monitoring",
            "recommendations",
            "the recommendations 2.1-2.6 are rows without rules beside 'Please refer to Section N'; 2.6 is centred between the two lines of its wrapped text, which the layout text sets on lines of their own, so the txt path stops at 2.5 and the PDF path is right",
        ),
        (
            "2025-03-04-cabinet-appendix-a-planning-inspectors-report",
            "title",
            "the cover title is a heading only by size, which the layout text does not keep",
        ),
        (
            "2026-01-21-planning-committee-smaller-applications-development-management",
            "contacts",
            "the AUDIT TRAIL cell holds two report authors, a line each, and the background papers table a contact; the layout text sets the second author's line beside no label and breaks the table's columns, so the txt path reads one author and no contact; the PDF path reads the cells",
        ),
        (
            "2026-01-27-health-and-social-care-scrutiny-menopause-in-southwark-slides",
            "title",
            "a slide deck: its title is the first slide's heading, a heading only by size, which the layout text does not keep",
        ),
        (
            "2026-01-06-cabinet-gw3-parks-grounds-maintenance-contract-extension",
            "contacts",
            "in the AUDIT TRAIL the layout text sets the first row's label and value one space apart and 'Lead Officer' between the two lines of its value, so the txt path reads no box there and misses the lead officer; the PDF path is right",
        ),
        (
            "2026-01-21-planning-committee-smaller-applications-addendum-24-ap-3577-bush-road",
            "title",
            "the layout text justifies the title's first line with runs of spaces, which read as columns, and ends the value at the blank line inside the cell; the PDF path is right",
        ),
    ];
    // Southwark's "Background Papers | Held At | Contact" table names a
    // contact in its last column (with a telephone). The PDF path reads the
    // person from the table; the layout text breaks the table's columns
    // into runs of words and the txt path does not find them there. That
    // one known difference: the PDF has exactly one more name, and the
    // rest agree.
    fn column_contact_only(pdf: &str, txt: &str) -> bool {
        let names =
            |s: &str| -> Vec<String> { serde_json::from_str::<Vec<String>>(s).unwrap_or_default() };
        let (p, t) = (names(pdf), names(txt));
        p.len() == t.len() + 1
            && t.iter().all(|n| p.contains(n))
            && p.iter()
                .any(|n| n.starts_with("Contact: ") && !t.contains(n))
    }
    let Some(dir) = wild_dir() else { return };
    if std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_err()
    {
        eprintln!("skipped: pdftotext (poppler-utils) is not installed");
        return;
    }
    type Facts = Vec<(&'static str, String)>;
    fn facts(r: &council_reports::report::Report) -> Facts {
        let mut names: Vec<String> = r
            .contacts
            .iter()
            .filter_map(|c| c.name.as_ref().map(|n| format!("{}: {n}", c.role)))
            .collect();
        names.sort();
        vec![
            ("title", format!("{:?}", r.metadata.title)),
            (
                "recommendations",
                format!(
                    "{:?}",
                    r.metadata
                        .recommendations
                        .iter()
                        .map(|x| x.number.as_deref())
                        .collect::<Vec<_>>()
                ),
            ),
            (
                "paragraphs",
                format!(
                    "{:?}",
                    r.paragraphs
                        .iter()
                        .map(|p| p.number.as_str())
                        .collect::<Vec<_>>()
                ),
            ),
            ("contacts", format!("{names:?}")),
        ]
    }
    let mut compared = 0;
    let mut unexplained = Vec::new();
    let mut stale: Vec<&(&str, &str, &str)> = KNOWN.iter().collect();
    for f in files_below(&dir, &["pdf"]) {
        let pdf = council_reports::parse_path(&f).expect("parses");
        use council_reports::report::Kind;
        if !matches!(pdf.kind, Kind::Report | Kind::Decision) {
            continue;
        }
        let out = std::process::Command::new("pdftotext")
            .args(["-q", "-layout"])
            .arg(&f)
            .arg("-")
            .output()
            .expect("pdftotext runs");
        let txt = council_reports::parse_bytes(&out.stdout, council_reports::Format::Txt)
            .expect("layout text parses");
        compared += 1;
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        for ((field, a), (_, b)) in facts(&pdf).into_iter().zip(facts(&txt)) {
            if a == b {
                continue;
            }
            if field == "contacts" && column_contact_only(&a, &b) {
                continue;
            }
            match KNOWN
                .iter()
                .find(|(start, kf, _)| name.starts_with(start) && *kf == field)
            {
                Some(k) => stale.retain(|s| !std::ptr::eq(*s, k)),
                None => unexplained.push(format!("{name} {field}:\n  pdf {a}\n  txt {b}")),
            }
        }
    }
    assert!(compared >= 10, "only {compared} reports compared");
    assert!(
        unexplained.is_empty(),
        "{} unexplained differences:\n{}",
        unexplained.len(),
        unexplained.join("\n")
    );
    assert!(
        stale.is_empty(),
        "known differences that no longer occur (remove them): {stale:?}"
    );
}
