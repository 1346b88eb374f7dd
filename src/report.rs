//! The typed output: [`Report`] and its parts, exactly the JSON contract of
//! `SCHEMA.md`. Field names are public API: add fields, never rename.
//!
//! Absent values serialise as `null` (or `[]`), never omitted, so that every
//! record of a bulk run has the same shape.

use std::fmt::Write as _;

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use crate::document::{Link, Loc, Warning};
use crate::format::Format;

/// The version of the JSON contract written in every record.
pub const SCHEMA_VERSION: &str = "1";

/// Everything extracted from one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    /// Always `SCHEMA_VERSION` ("1").
    pub schema_version: String,
    /// The input file.
    pub source: Source,
    /// What the file is, judged from its content.
    pub kind: Kind,
    /// Front matter: the To/Date/Report-of block and the summary box.
    pub metadata: Metadata,
    /// The report's own numbered paragraphs, in order.
    pub paragraphs: Vec<NumberedParagraph>,
    /// Every heading, in reading order.
    pub sections: Vec<Section>,
    /// Every table, in reading order, page-split tables merged.
    pub tables: Vec<TableData>,
    /// Typed rows of project and action-plan tables.
    pub projects: Vec<Project>,
    /// Partnership / board profiles and membership lists.
    pub partnerships: Vec<Partnership>,
    /// People named as author, director or contact.
    pub contacts: Vec<Contact>,
    /// Footnotes and endnotes.
    pub footnotes: Vec<FootnoteData>,
    /// Hyperlinks.
    pub links: Vec<Link>,
    /// What the parser had to guess or could not read.
    pub warnings: Vec<Warning>,
}

/// The input file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// The path as given (`archive.zip!/dir/file.pdf` inside a zip, `-` for
    /// stdin), `null` when parsed from bytes with no name.
    pub path: Option<String>,
    /// The detected format.
    pub format: Format,
    /// Size of the input in bytes.
    pub bytes: u64,
    /// SHA-256 of the input, lower-case hex.
    pub sha256: String,
    /// Page count where the format has pages (pdf), else `null`.
    pub pages: Option<u32>,
}

impl Source {
    /// Describes an input: its name, format, size and SHA-256.
    pub fn of(bytes: &[u8], format: Format, path: Option<String>, pages: Option<u32>) -> Source {
        let digest = Sha256::digest(bytes);
        let mut sha256 = String::with_capacity(64);
        for b in digest {
            let _ = write!(sha256, "{b:02x}");
        }
        Source {
            path,
            format,
            bytes: bytes.len() as u64,
            sha256,
            pages,
        }
    }
}

/// What a file is, guessed from its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An officer's report to a committee.
    Report,
    /// Minutes of a meeting.
    Minutes,
    /// An agenda or agenda front sheet.
    Agenda,
    /// An appendix or annex to a report.
    Appendix,
    /// A record of decision.
    Decision,
    /// An equality (or other) impact assessment.
    Assessment,
    /// Anything else.
    Other,
}

/// Front matter.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Metadata {
    /// "Title of Report" / "Subject" / the report's title line.
    pub title: Option<String>,
    /// The body the report goes to ("To:", "COUNCIL – 6 NOVEMBER 2018").
    pub committee: Option<String>,
    /// The meeting or report date.
    pub date: Option<DateValue>,
    /// "Report of" / "Report by" / "From" / "By".
    pub report_of: Option<String>,
    /// "Status" / "Classification", e.g. "Open".
    pub status: Option<String>,
    /// "Purpose of report" / "Summary" / "Executive Summary".
    pub purpose: Option<String>,
    /// "Key decision" answer, e.g. "No", "Yes".
    pub key_decision: Option<String>,
    /// "Cabinet Member with responsibility".
    pub cabinet_member: Option<String>,
    /// "Corporate Priority".
    pub corporate_priority: Option<String>,
    /// "Policy Framework".
    pub policy_framework: Option<String>,
    /// The recommendations, in order.
    pub recommendations: Vec<Recommendation>,
    /// Appendices listed by the report.
    pub appendices: Vec<Appendix>,
    /// Every label/value pair of the front matter, verbatim, in order.
    pub fields: Vec<Field>,
}

/// A date as printed and, where it can be parsed, in ISO form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DateValue {
    /// As printed.
    pub text: String,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `null` if unparseable.
    pub iso: Option<String>,
}

/// One recommendation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Recommendation {
    /// Its number or letter as printed without punctuation ("1", "A"), if any.
    pub number: Option<String>,
    /// Its text, without the lead-in ("Cabinet is asked to:").
    pub text: String,
    /// Where its text stands (the first place it is found, in order).
    pub loc: Loc,
}

/// An appendix listed by the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Appendix {
    /// "Appendix 1", "Annex A".
    pub label: String,
    /// Its title, if given.
    pub title: Option<String>,
    /// Where it is listed.
    pub loc: Loc,
}

/// A label/value pair, verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Field {
    /// The label without its trailing colon.
    pub label: String,
    /// The value.
    pub value: String,
    /// Where its label stands.
    pub loc: Loc,
}

/// One of the report's numbered paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NumberedParagraph {
    /// The number as printed, without punctuation ("6", "2.3").
    pub number: String,
    /// As printed: "6)", "6.", "(6)".
    pub label: String,
    /// The nearest heading above, `null` if none.
    pub section: Option<String>,
    /// The paragraph's text (continuation text joined in).
    pub text: String,
    /// Sub-items and bullets that belong to it.
    pub items: Vec<Item>,
    /// Where it starts.
    pub loc: Loc,
}

/// A sub-item or bullet of a numbered paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Item {
    /// "•", "a)", "i.", as printed (bullets normalised to "•").
    pub marker: String,
    /// 1 for items directly under the paragraph, 2 for items under those…
    pub level: u8,
    /// The item's text.
    pub text: String,
}

/// A heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Section {
    /// The heading text without its number.
    pub heading: String,
    /// The printed number ("1" of "1. Introduction"), else `null`.
    pub number: Option<String>,
    /// 1 = top level.
    pub level: u8,
    /// Where it stands.
    pub loc: Loc,
}

/// A table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TableData {
    /// The nearest heading above.
    pub section: Option<String>,
    /// The header row's texts (empty when the table has none).
    pub header: Vec<String>,
    /// The body rows.
    pub rows: Vec<Vec<String>>,
    /// Where it starts.
    pub loc: Loc,
}

/// A typed row of a project or action-plan table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Project {
    /// The category or recommendation the row sits under.
    pub group: Option<String>,
    /// What the project or action is.
    pub description: Option<String>,
    /// Deliverable outputs, one per line or bullet.
    pub outputs: Vec<String>,
    /// "6-12 months".
    pub timescale: Option<String>,
    /// "December 2024".
    pub target_date: Option<String>,
    /// "Complete", "Ongoing", as printed.
    pub status: Option<String>,
    /// Progress text.
    pub update: Option<String>,
    /// Resource implications, one per line or bullet.
    pub resources: Vec<String>,
    /// Lead, owner or advisory group.
    pub owner: Option<String>,
    /// Every column of the row, verbatim, keyed by header.
    pub cells: IndexMap<String, String>,
    /// Where the row stands.
    pub loc: Loc,
}

/// A partnership or board profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Partnership {
    /// Its name.
    pub name: String,
    /// The chair (a person, with their role as printed).
    pub chair: Option<String>,
    /// The vice chair.
    pub vice_chair: Option<String>,
    /// The council's lead member.
    pub lead_member: Option<String>,
    /// The council's lead officer.
    pub lead_officer: Option<String>,
    /// When the profile was completed.
    pub completed: Option<DateValue>,
    /// The last meeting, as printed.
    pub last_meeting: Option<String>,
    /// The next meeting, as printed.
    pub next_meeting: Option<String>,
    /// The website address only; `null` for "n/a".
    pub website: Option<String>,
    /// Every label/value pair, verbatim.
    pub fields: Vec<Field>,
    /// The profile's headed sections.
    pub sections: Vec<PartnershipSection>,
    /// Members, for a membership list.
    pub members: Vec<Member>,
    /// Where it starts.
    pub loc: Loc,
}

/// A headed section of a partnership profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PartnershipSection {
    /// The heading.
    pub heading: String,
    /// Its text: paragraphs separated by "\n", bullets as "• ".
    pub text: String,
}

/// A member of a partnership.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Member {
    /// The person (without "(Chair)").
    pub name: String,
    /// Their role or organisation.
    pub role: Option<String>,
    /// Whether they chair the partnership.
    pub is_chair: bool,
}

/// A person the report names as author, director or contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Contact {
    /// "Report author", "Contact Officer", "Relevant Director"…
    pub role: String,
    /// The person's name.
    pub name: Option<String>,
    /// Their job title.
    pub job_title: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Telephone number as printed.
    pub telephone: Option<String>,
    /// Where the contact is printed (its e-mail, telephone or name).
    pub loc: Loc,
}

/// A footnote or endnote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FootnoteData {
    /// The mark ("1").
    pub mark: String,
    /// The note's text.
    pub text: String,
}

/// One line of a bulk run, and what `parse` prints: a Report, or the same
/// shape for a file that could not be read at all.
///
/// Every record has every field, so a bulk run loads as one table: a report's
/// record has `error` null; a failed file's has `kind` and `metadata` null,
/// every list empty and `error` set. `council-reports schema` prints the JSON
/// Schema of this record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Record {
    /// Always `SCHEMA_VERSION` ("1").
    pub schema_version: String,
    /// The input file (for a failed file: the format as detected, pages `null`).
    pub source: Source,
    /// What the file is; `null` for a file that could not be read.
    pub kind: Option<Kind>,
    /// Front matter; `null` for a file that could not be read.
    pub metadata: Option<Metadata>,
    /// The report's own numbered paragraphs, in order.
    pub paragraphs: Vec<NumberedParagraph>,
    /// Every heading, in reading order.
    pub sections: Vec<Section>,
    /// Every table, in reading order, page-split tables merged.
    pub tables: Vec<TableData>,
    /// Typed rows of project and action-plan tables.
    pub projects: Vec<Project>,
    /// Partnership / board profiles and membership lists.
    pub partnerships: Vec<Partnership>,
    /// People named as author, director or contact.
    pub contacts: Vec<Contact>,
    /// Footnotes and endnotes.
    pub footnotes: Vec<FootnoteData>,
    /// Hyperlinks.
    pub links: Vec<Link>,
    /// What the parser had to guess or could not read.
    pub warnings: Vec<Warning>,
    /// Why the file could not be read; `null` for a report.
    pub error: Option<ErrorInfo>,
}

impl Record {
    /// The record of a file that could not be read: `error` set, `kind` and
    /// `metadata` null, every list empty.
    pub fn failed(source: Source, error: ErrorInfo) -> Record {
        Record {
            schema_version: SCHEMA_VERSION.to_string(),
            source,
            kind: None,
            metadata: None,
            paragraphs: Vec::new(),
            sections: Vec::new(),
            tables: Vec::new(),
            projects: Vec::new(),
            partnerships: Vec::new(),
            contacts: Vec::new(),
            footnotes: Vec::new(),
            links: Vec::new(),
            warnings: Vec::new(),
            error: Some(error),
        }
    }
}

/// The JSON Schema of a [`Record`], as `council-reports schema` prints it.
///
/// Every property of every object is listed as required, `null` allowed
/// where the value is optional: serde writes every field of every record, so
/// a line that lacks one is not a line of this crate.
pub fn record_schema() -> serde_json::Value {
    let mut schema = serde_json::Value::from(schemars::schema_for!(Record));
    require_every_property(&mut schema);
    schema
}

fn require_every_property(schema: &mut serde_json::Value) {
    match schema {
        serde_json::Value::Object(object) => {
            if let Some(serde_json::Value::Object(properties)) = object.get("properties") {
                let names = properties.keys().cloned().map(serde_json::Value::from);
                let required = serde_json::Value::Array(names.collect());
                object.insert("required".to_string(), required);
            }
            object.values_mut().for_each(require_every_property);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(require_every_property),
        _ => {}
    }
}

impl From<Report> for Record {
    fn from(report: Report) -> Record {
        Record {
            schema_version: report.schema_version,
            source: report.source,
            kind: Some(report.kind),
            metadata: Some(report.metadata),
            paragraphs: report.paragraphs,
            sections: report.sections,
            tables: report.tables,
            projects: report.projects,
            partnerships: report.partnerships,
            contacts: report.contacts,
            footnotes: report.footnotes,
            links: report.links,
            warnings: report.warnings,
            error: None,
        }
    }
}

/// Why a file could not be read: the `error` of a failed file's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorInfo {
    /// A stable kind name: `io`, `limit`, `pdf`, `zip`, `encrypted`, `panic`…
    /// (the library's names are those of `Error::kind_name`).
    pub kind: String,
    /// The error message, naming the file and place.
    pub message: String,
}
