//! Extractors: one module per typed structure, each a pass over the blocks of
//! a [`Document`]. None of them knows which format the blocks came from.

pub mod contacts;
pub mod kind;
pub mod metadata;
pub mod notes;
pub mod paragraphs;
pub mod partnerships;
pub mod projects;
mod provenance;
pub mod sections;
pub mod tables;
#[cfg(test)]
mod testdoc;

use crate::document::Warning;
use crate::report::{Kind, Report, Source, SCHEMA_VERSION};
use crate::Document;

/// A line of a front-matter value that a reader set as a heading (the
/// second person of a "From:" spread over two lines) is no section. Only
/// headings before the first numbered one are looked at, and never the
/// title.
fn drop_front_matter_values(
    sections: &mut Vec<crate::report::Section>,
    md: &crate::report::Metadata,
) {
    let first_numbered = sections
        .iter()
        .position(|s| s.number.is_some())
        .unwrap_or(sections.len());
    let mut k = 0usize;
    sections.retain(|s| {
        let keep = k >= first_numbered
            || s.number.is_some()
            || md.title.as_deref() == Some(s.heading.as_str())
            || !md.fields.iter().any(|f| {
                f.value.lines().any(|l| {
                    l.trim() == s.heading || (l.contains(&s.heading) && s.heading.len() >= 20)
                })
            });
        k += 1;
        keep
    });
}

/// Whether two texts open with the same words (a recommendation's text
/// may go on with its sub-items, a paragraph's stops before them).
fn same_opening(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .take(12)
            .map(|w| w.to_lowercase())
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let n = a.len().min(b.len());
    n >= 3 && a.get(..n) == b.get(..n)
}

/// Runs every extractor over `doc` and assembles the [`Report`].
pub fn extract(doc: &Document, source: Source) -> Report {
    let mut warnings: Vec<Warning> = doc.warnings.clone();
    let mut metadata = metadata::extract(doc, &mut warnings);
    // "Public Document Pack", stamped on by the publishing system, titles
    // nothing and heads no section.
    if metadata
        .title
        .as_deref()
        .is_some_and(kind::is_publisher_stamp)
    {
        metadata.title = None;
    }
    let mut sections = sections::extract(doc);
    sections.retain(|s| !kind::is_publisher_stamp(&s.heading));
    drop_front_matter_values(&mut sections, &metadata);
    let mut paragraphs = paragraphs::extract(doc, &mut warnings);
    // A report whose only numbered list is its recommendations ("Cabinet
    // is asked to:" / "1. approve …" / "2. note …") has no numbered
    // paragraphs of its own: those items are recommendations.
    let only_recommendations = !paragraphs.is_empty()
        && paragraphs.iter().all(|p| {
            p.items.is_empty()
                && metadata
                    .recommendations
                    .iter()
                    .any(|r| r.number.as_deref() == Some(p.number.as_str()) && r.text == p.text)
        });
    if only_recommendations {
        paragraphs.clear();
    } else {
        // "RECOMMENDATIONS" / "1. That the committee …" / "2. …", the
        // body's paragraphs carrying on the numbering at 3: the numbered
        // recommendations are not paragraphs of the body.
        // Only under a recommendations heading (or under no heading, right
        // after the front matter): a body's last paragraph
        // that recommends ("7. Council is RECOMMENDED to note the report.")
        // stays a paragraph of its section.
        let under_recommendations = |p: &crate::report::NumberedParagraph| {
            p.section
                .as_deref()
                .is_none_or(|s| s.trim().to_lowercase().starts_with("recommendation"))
        };
        // So is a numbered lead-in whose items are the recommendations ("1.
        // Overview and Scrutiny Committee are asked to:" over two bullets).
        let is_recommendation = |p: &crate::report::NumberedParagraph| {
            metadata.recommendations.iter().any(|r| {
                r.number.as_deref() == Some(p.number.as_str()) && same_opening(&r.text, &p.text)
            })
        };
        let leads_in = |p: &crate::report::NumberedParagraph| {
            !p.items.is_empty()
                && p.items.iter().all(|item| {
                    metadata
                        .recommendations
                        .iter()
                        .any(|r| same_opening(&r.text, &item.text))
                })
        };
        paragraphs.retain(|p| !(under_recommendations(p) && (is_recommendation(p) || leads_in(p))));
    }
    // A report whose only numbered list is the list of its background
    // papers or appendices ("1. KCC's Budget webpage") has no numbered
    // paragraphs: those are documents. (Where the body is numbered, a
    // "10. Background Documents" section's 10.1 is one of its paragraphs.)
    let lists_documents = |p: &crate::report::NumberedParagraph| {
        p.section.as_deref().is_some_and(|s| {
            let k = s.trim().to_lowercase();
            [
                "background document",
                "background paper",
                "list of background",
                "appendices",
                "appendix",
            ]
            .iter()
            .any(|w| k.starts_with(w))
        })
    };
    if !paragraphs.is_empty() && paragraphs.iter().all(lists_documents) {
        paragraphs.clear();
    }
    let tables = tables::extract(doc);
    let mut projects = projects::extract(doc, &mut warnings);
    let mut partnerships = partnerships::extract(doc, &mut warnings);
    let mut contacts = contacts::extract(doc, &mut warnings);
    provenance::locate(doc, &mut metadata, &mut contacts, &mut partnerships);
    let footnotes = notes::footnotes(doc);
    let links = notes::links(doc);
    let kind = kind::classify_with_projects(doc, &metadata, &paragraphs, &projects);
    if kind == Kind::Other {
        warnings.push(Warning {
            code: kind::NOT_A_COUNCIL_PAPER.to_string(),
            message: "kind other: no front matter, no numbered paragraphs and no council \
                      vocabulary, so this does not read as a council paper"
                .to_string(),
            loc: None,
        });
    }
    // The numbered items of minutes and agendas are minute and agenda items,
    // not a report's paragraphs, and their tables are no work programme —
    // unless the file also carries a report (an agenda pack with the report
    // bound in shows that report's front matter).
    let carries_report = metadata.title.is_some()
        || metadata.report_of.is_some()
        || !metadata.recommendations.is_empty();
    if matches!(kind, Kind::Minutes | Kind::Agenda) && !carries_report {
        paragraphs.clear();
        projects.clear();
    }
    Report {
        schema_version: SCHEMA_VERSION.to_string(),
        source,
        kind,
        metadata,
        paragraphs,
        sections,
        tables,
        projects,
        partnerships,
        contacts,
        footnotes,
        links,
        warnings,
    }
}
