//! Front matter: the "To / Date / Report of / Title" block, the Kent-style
//! "From / To / Subject / Decision no / Key Decision / Summary /
//! Recommendation(s)" block, the "Summary and recommendations" box, and the
//! "COUNCIL – 6 NOVEMBER 2018 / TITLE / Report by …" title block, in
//! whichever shape a reader delivers them (paragraphs, headings, table rows).

mod appendices;
mod labels;
mod recommendations;
mod scan;
mod title_block;
pub(crate) mod units;

use crate::document::Loc;
use crate::document::Warning;
use crate::report::{DateValue, Field, Metadata};
use crate::text::{find_date, parse_date};
use crate::Document;
use labels::Meaning;

pub(crate) use title_block::{committee_and_date, committee_case};

/// Extracts the front matter of `doc`.
pub fn extract(doc: &Document, _warnings: &mut Vec<Warning>) -> Metadata {
    let units = units::units(&doc.blocks);
    let scanned = scan::scan(&units);
    let mut md = Metadata::default();
    for entry in &scanned.entries {
        if entry.parts.iter().all(|p| p.trim().is_empty())
            && entry.meaning == Some(Meaning::Appendices)
        {
            continue;
        }
        md.fields.push(Field {
            loc: Loc::default(),
            label: entry.label.clone(),
            value: entry.parts.join("\n"),
        });
        apply(&mut md, entry);
    }
    if md.title.is_none() && !scanned.entries.is_empty() {
        md.title = scanned.title.clone();
    }
    // No title label and no title line before the labels: the report's
    // main heading. With no labels at all (a briefing, a scoping form), only
    // a heading that opens the paper.
    if md.title.is_none() {
        let first_heading = units.iter().find(|u| u.is_heading()).map(|u| u.text.trim());
        md.title = scan::heading_title(&units)
            .filter(|t| !scanned.entries.is_empty() || first_heading == Some(t.as_str()));
    }
    if md.committee.is_none() {
        md.committee = scanned.committee.clone();
    }
    if md.date.is_none() {
        md.date = scanned.date.clone();
    }
    if md.committee.is_none() || md.date.is_none() {
        let (committee, date) = super::kind::meeting_header(&units);
        if md.committee.is_none() {
            md.committee = committee;
        }
        if md.date.is_none() {
            md.date = date;
        }
    }
    if md.status.is_none() {
        md.status = scanned.status.clone();
    }
    if md.purpose.is_none() {
        md.purpose = body_purpose(&units);
        // "Reason for this Report" over numbered paragraphs: the label's
        // value is the paragraphs under it.
        if let Some(p) = &md.purpose {
            if let Some(f) = md.fields.iter_mut().find(|f| {
                f.value.trim().is_empty() && labels::meaning(&f.label) == Some(Meaning::Purpose)
            }) {
                f.value = p.clone();
            }
        }
    }
    // With no "Report of" in the front matter, the officer who signs the
    // report off ("Paul Lawson / Executive Director of Place" under the
    // recommendations) is who it is from.
    // So is a "Senior Responsible Officer" named in a closing block.
    if md.report_of.is_none() {
        let person = |c: crate::report::Contact| match (c.name, c.job_title) {
            (Some(n), Some(j)) => Some(format!("{n}, {j}")),
            (Some(n), None) => Some(n),
            _ => None,
        };
        md.report_of = super::contacts::signatory(&units)
            .and_then(person)
            .or_else(|| {
                super::contacts::extract(doc, &mut Vec::new())
                    .into_iter()
                    .find(|c| c.role.to_lowercase().contains("responsible officer"))
                    .and_then(person)
            });
    }
    if md.key_decision.is_none() {
        md.key_decision = closing_key_decision(&units);
    }
    md.recommendations = scanned.recommendations;
    if md.recommendations.is_empty() {
        md.recommendations = body_recommendations(&units);
    }
    // "Note the forecast capital underspend of £111.6m | Please refer to
    // Section 6": the cross-reference printed beside a recommendation (its
    // own column, read onto the line) is no part of it.
    for r in &mut md.recommendations {
        let tail = CROSS_REFERENCE
            .as_ref()
            .and_then(|re| re.captures(&r.text))
            .and_then(|c| c.get(1))
            .map(|m| m.start());
        if let Some(start) = tail {
            r.text.truncate(start);
        }
    }
    md.appendices = appendices::extract(&units);
    md
}

/// A cross-reference set after a sentence with no stop between, in a
/// capital of its own: " Please refer to Section 3", " See Appendix 2".
static CROSS_REFERENCE: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(
    || {
        regex::Regex::new(
        r"[^.:;,](\s+(?:Please\s+(?:refer|see)|Refer|See)\b[^.]{0,12}?\b(?i:section|paragraph|appendix|annex)\b[^.]{0,60})$",
    )
    .ok()
    },
);

/// A key decision stated in a table row or line of its own away from the
/// front matter, as an audit trail at the end prints it ("Key Decision? |
/// Yes"): a yes or no beside the label, nothing else.
fn closing_key_decision(units: &[units::Unit]) -> Option<String> {
    units.iter().find_map(|u| {
        let (label, value) = if u.shape == units::Shape::Row {
            let first = crate::text::normalize(u.cells.first()?);
            let split = labels::split(&first, false)?;
            (split.meaning, format!("{} {}", split.rest, u.rest_cells()))
        } else {
            let split = labels::split(&u.text, false)?;
            (split.meaning, split.rest)
        };
        let answer = yes_no(value.trim());
        (label == Some(Meaning::KeyDecision) && matches!(answer.as_str(), "Yes" | "No"))
            .then_some(answer)
    })
}

/// Fills the typed field an entry stands for (the first one wins).
fn apply(md: &mut Metadata, entry: &scan::Entry) {
    let first = entry.parts.first().map(String::as_str).unwrap_or("").trim();
    let all = entry.parts.join(" ");
    let set = |slot: &mut Option<String>, v: String| {
        if slot.is_none() && !v.is_empty() {
            *slot = Some(v);
        }
    };
    match entry.meaning {
        // A title is one line of text, however its cell broke it.
        Some(Meaning::Title) => set(&mut md.title, crate::text::normalize(&all)),
        Some(Meaning::Committee) => {
            let (committee, date) = split_committee(&all);
            set(&mut md.committee, committee);
            if md.date.is_none() {
                md.date = date;
            }
        }
        Some(Meaning::Date) if md.date.is_none() && !first.is_empty() => {
            md.date = Some(DateValue {
                text: first.to_string(),
                iso: parse_date(first),
            });
        }
        Some(Meaning::ReportOf) => set(&mut md.report_of, people_list(&entry.parts)),
        Some(Meaning::Status) => set(&mut md.status, first.to_string()),
        Some(Meaning::Purpose) => set(&mut md.purpose, entry.parts.join("\n").trim().to_string()),
        Some(Meaning::KeyDecision) => set(&mut md.key_decision, yes_no(first)),
        Some(Meaning::CabinetMember) => {
            set(&mut md.cabinet_member, all.trim().to_string());
            // "REPORT OF CABINET MEMBER: Mr X, Cabinet Member for Finance":
            // the report is the cabinet member's.
            let key = labels::key(&entry.label);
            if key.starts_with("report of") || key.starts_with("report by") {
                set(&mut md.report_of, people_list(&entry.parts));
            }
        }
        Some(Meaning::CorporatePriority) => set(&mut md.corporate_priority, all.trim().to_string()),
        Some(Meaning::PolicyFramework) => set(&mut md.policy_framework, all.trim().to_string()),
        _ => {}
    }
}

/// The people of a "From:"/"By:" value joined by "; ": one per part, and
/// one per line of a part (a table cell holding several people on lines of
/// their own); a line that continues the one above (starting in lower case,
/// or after a line ending in "," "&" "and" "for" "of") stays with it.
fn people_list(parts: &[String]) -> String {
    let mut people: Vec<String> = Vec::new();
    for part in parts {
        let mut first = true;
        for line in part.split('\n') {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let joins = !first
                && (line.starts_with(|c: char| c.is_lowercase())
                    || people.last().is_some_and(|p| {
                        let l = p.to_lowercase();
                        l.ends_with([',', '&', '-', '–'])
                            || [" and", " for", " of", " the"]
                                .iter()
                                .any(|w| l.ends_with(w))
                    }));
            first = false;
            match people.last_mut() {
                Some(last) if joins => {
                    last.push(' ');
                    last.push_str(line);
                }
                _ => people.push(line.to_string()),
            }
        }
    }
    people
        .iter()
        .map(|p| p.trim().trim_end_matches([',', ';']).trim().to_string())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// "Yes - It affects more than 2 Electoral Divisions" -> "Yes"; other
/// answers as printed.
fn yes_no(value: &str) -> String {
    let value = crate::text::tick_box::ticked(value).unwrap_or(value);
    let word: String = value
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    match word.as_str() {
        "yes" => "Yes".to_string(),
        "no" => "No".to_string(),
        _ => value.trim_end_matches(['.', ' ']).to_string(),
    }
}

/// Splits a "To" value into the body and a date printed with it:
/// "Cabinet – 30 January 2025", "County Council 13th March 2025",
/// "Future Oxfordshire Partnership (FOP):".
pub(crate) fn split_committee(value: &str) -> (String, Option<DateValue>) {
    // A superscript ordinal that a reader put after the year ("30 January
    // 2025th") belongs to no word.
    let value = value.trim();
    let unglued;
    let value = match value.char_indices().find(|(i, _)| {
        let t = value.get(*i..).unwrap_or("");
        let y = t.get(..4).unwrap_or("");
        y.len() == 4
            && y.chars().all(|c| c.is_ascii_digit())
            && ["st", "nd", "rd", "th"]
                .iter()
                .any(|o| t.get(4..6) == Some(*o))
            && t.get(6..)
                .is_none_or(|r| !r.starts_with(char::is_alphanumeric))
    }) {
        Some((i, _)) => {
            unglued = format!(
                "{}{}",
                value.get(..i + 4).unwrap_or(""),
                value.get(i + 6..).unwrap_or("")
            );
            unglued.as_str()
        }
        None => value,
    };
    let clean = |s: &str| {
        title_block::committee_case(
            s.trim()
                .trim_end_matches([':', ',', '–', '-', '—', ' '])
                .trim(),
        )
    };
    if let Some((range, iso)) = find_date(value) {
        let tail = value.get(range.end..).unwrap_or("").trim();
        let tail_ok = tail.is_empty() || tail.split_whitespace().count() <= 4;
        let head = value.get(..range.start).unwrap_or("");
        if tail_ok && !head.trim().is_empty() {
            // "Thursday," before the date belongs to the date.
            let (head, date_text) =
                title_block::take_weekday(head, value.get(range.clone()).unwrap_or(""));
            return (
                clean(&head),
                Some(DateValue {
                    text: date_text,
                    iso: Some(iso),
                }),
            );
        }
    }
    (clean(value), None)
}

/// How far into the document a purpose section still counts as the
/// report's own ("1. Purpose/Executive Summary" over 1.1, 1.2).
const PURPOSE_REACH: usize = 80;

/// Strips a section number a reader left in a heading's text ("2 |
/// Recommendations", "9 Recommendation(s):").
fn without_number(t: &str) -> &str {
    let t = t.trim();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    match t.get(digits..) {
        Some(rest) if (1..=2).contains(&digits) && rest.starts_with([' ', '.']) => rest
            .trim_start_matches('.')
            .trim_start()
            .trim_start_matches('|')
            .trim_start(),
        _ => t,
    }
}

/// A short line standing as a section heading that a reader kept as a
/// paragraph ("1. Purpose of Report", "Summary"); never one in lower case,
/// a wrapped cell's fragment ("progress with delivering" / "recommendations").
fn heading_like(u: &units::Unit) -> bool {
    u.level == 0
        && !u.is_bullet()
        && !u.text.starts_with(char::is_lowercase)
        && u.shape == units::Shape::Paragraph
        && u.text.split_whitespace().count() <= 8
        && !u.text.trim_end().ends_with(['.', ';', ','])
}

/// Whether a heading names the recommendations in words of its own
/// ("Recommendation(s)/Proposed Action", "RECOMMENDATIONS AND REASONS").
fn recommendations_heading(u: &units::Unit, text: &str) -> bool {
    let k = labels::key(text);
    (u.is_heading() || heading_like(u))
        && k.starts_with("recommendation")
        && k.split_whitespace().count() <= 6
        // "Recommendation 1: Co-design shared outcomes" names one of a
        // review's recommendations, not the report's.
        && !k.contains(|c: char| c.is_ascii_digit() || c == ':')
}

/// The purpose stated as the report's first section rather than a label:
/// a heading "Purpose of Report", "1. PURPOSE OF REPORT AND POLICY
/// CONTEXT", "1. Purpose/Executive Summary" or "1. Summary" near the top,
/// and the paragraphs under it (at most three) up to the next heading,
/// or the next numbered line that reads as one.
fn body_purpose(units: &[units::Unit]) -> Option<String> {
    let start = units.iter().take(PURPOSE_REACH).position(|u| {
        let t = without_number(&u.text);
        let k = labels::key(t);
        let named = labels::meaning(t) == Some(Meaning::Purpose)
            || k.starts_with("purpose of report")
            || k.starts_with("purpose of the report");
        named && (u.is_heading() || heading_like(u))
    })?;
    // Its number printed in its text, or read as its label ("2.00").
    let numbered = |u: &units::Unit| u.is_counted() || without_number(&u.text).len() < u.text.len();
    let start_numbered = units.get(start).is_some_and(numbered);
    let mut parts = Vec::new();
    for u in units.iter().skip(start + 1) {
        // The next numbered section's heading, set as a paragraph ("1.
        // Purpose of Report" / … / "2. Recommendation(s)/Proposed Action").
        let next_section = start_numbered && numbered(u) && heading_like(u);
        if u.is_heading()
            || next_section
            || recommendations_heading(u, without_number(&u.text))
            || u.shape == units::Shape::Row
            || parts.len() >= 3
            || labels::split(&u.text, false).is_some_and(|s| s.meaning.is_some())
        {
            break;
        }
        parts.push(u.text.clone());
    }
    (!parts.is_empty()).then(|| parts.join("\n"))
}

/// Recommendations stated after the front matter: the first "Recommendation"
/// heading or label anywhere in the document that is followed by items.
fn body_recommendations(units: &[units::Unit]) -> Vec<crate::report::Recommendation> {
    for (i, u) in units.iter().enumerate() {
        // Nor a line in lower case: a wrapped cell's fragment ("progress
        // with delivering" / "recommendations"), no label or heading.
        if u.is_bullet() || u.text.starts_with(char::is_lowercase) {
            continue;
        }
        let text = without_number(&u.text);
        let rest = match labels::split(text, false) {
            Some(s) if s.meaning == Some(Meaning::Recommendations) => s.rest,
            _ if recommendations_heading(u, text) => String::new(),
            _ => continue,
        };
        let parsed = recommendations::parse(units, i, &rest);
        if !parsed.items.is_empty() {
            return parsed.items;
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testdoc::DocBuilder;

    #[test]
    fn options_an_item_leads_in_to_are_items_clauses_are_not() {
        let recs = |doc: &Document| -> Vec<(Option<String>, String)> {
            extract(doc, &mut Vec::new())
                .recommendations
                .into_iter()
                .map(|r| (r.number, r.text))
                .collect()
        };
        let doc = DocBuilder::new()
            .heading(2, "RECOMMENDATIONS")
            .para(
                0,
                "1. That the committee review the levy and determine to: -",
            )
            .para(1, "(a) maintain the levy as it is;")
            .para(1, "(b) remove the levy.")
            .para(0, "2. That the committee agree the split.")
            .para(0, "3. Notes:")
            .para(1, "(a) This application was made under section 17.")
            .heading(2, "BACKGROUND")
            .build();
        let got = recs(&doc);
        let numbers: Vec<Option<&str>> = got.iter().map(|(n, _)| n.as_deref()).collect();
        assert_eq!(numbers, [Some("1"), Some("a"), Some("b"), Some("2")]);
        assert_eq!(got[1].1, "maintain the levy as it is;");
        // Clauses that carry the item's sentence on stay in its text.
        let doc = DocBuilder::new()
            .heading(2, "RECOMMENDATIONS")
            .para(0, "1. Delegate authority to the Director;")
            .para(1, "a. to deal with the procurement;")
            .para(1, "b. to deal with all ancillary matters.")
            .para(0, "2. Approve the award.")
            .build();
        let got = recs(&doc);
        assert_eq!(got.len(), 2);
        assert!(got[0].1.contains("ancillary matters"));
    }

    #[test]
    fn main_heading_titles_a_report_with_no_title_label() {
        let doc = DocBuilder::new()
            .heading(1, "Report to Westmere County Council")
            .heading(4, "by A Planner BA MRTPI")
            .para(0, "Inspector appointed by the Secretary of State")
            .para(0, "06 February 2025")
            .heading(
                1,
                "Report on the Examination of the Westmere Local Plan 2024 - 2039",
            )
            .heading(5, "The Plan was submitted for examination on 17 May 2024")
            .build();
        let md = extract(&doc, &mut Vec::new());
        assert_eq!(
            md.title.as_deref(),
            Some("Report on the Examination of the Westmere Local Plan 2024 - 2039")
        );
        // A title label wins over the headings.
        let doc = DocBuilder::new()
            .heading(1, "Westmere County Council")
            .para(0, "Report to: Cabinet")
            .para(0, "Title: Bus Shelters")
            .heading(1, "Background and Options Considered Here")
            .build();
        assert_eq!(
            extract(&doc, &mut Vec::new()).title.as_deref(),
            Some("Bus Shelters")
        );
    }

    #[test]
    fn people_of_a_cell_one_per_line() {
        let parts = vec![
            "Peter Oakford, Deputy Leader and Cabinet Member for\nFinance\nJohn Betts, Interim Corporate Director Finance".to_string(),
        ];
        assert_eq!(
            people_list(&parts),
            "Peter Oakford, Deputy Leader and Cabinet Member for Finance; John Betts, Interim Corporate Director Finance"
        );
        assert_eq!(
            people_list(&["Director of Place,".to_string(), "Jo Lee".to_string()]),
            "Director of Place; Jo Lee"
        );
    }

    #[test]
    fn committee_and_date_split() {
        let (c, d) = split_committee("Cabinet – 30 January 2025");
        assert_eq!(c, "Cabinet");
        assert_eq!(d.unwrap().iso.as_deref(), Some("2025-01-30"));
        let (c, d) = split_committee("County Council 13th March 2025");
        assert_eq!(c, "County Council");
        assert_eq!(d.unwrap().text, "13th March 2025");
        let (c, d) = split_committee("Future Oxfordshire Partnership (FOP):");
        assert_eq!(
            (c.as_str(), d),
            ("Future Oxfordshire Partnership (FOP)", None)
        );
        let (c, _) = split_committee("Cabinet, 30 January 2025");
        assert_eq!(c, "Cabinet");
        let (c, d) = split_committee("Cabinet – 30 January 2025th");
        assert_eq!(
            (c.as_str(), d.unwrap().text.as_str()),
            ("Cabinet", "30 January 2025")
        );
    }

    #[test]
    fn key_decision_answer() {
        assert_eq!(
            yes_no("Yes - It affects more than 2 Electoral Divisions"),
            "Yes"
        );
        assert_eq!(yes_no("NO"), "No");
        assert_eq!(yes_no("☒ Yes ☐ No"), "Yes");
        assert_eq!(yes_no("☐ Yes ☒ No"), "No");
        assert_eq!(yes_no("Yes ☐ No ☒"), "No");
        assert_eq!(yes_no("Yes ☒ No ☐"), "Yes");
        assert_eq!(yes_no("Not applicable."), "Not applicable");
    }
}
