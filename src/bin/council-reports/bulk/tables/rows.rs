//! One JSON line of the run to the rows of every table.
//!
//! The tables are made from the very line the JSONL gets (not from the
//! `Report` before it is written), so they hold exactly what the JSONL holds,
//! whatever wrote the line. A line is read leniently: an error line has no
//! `metadata` (or `metadata: null`) and an `error` object; lists that are
//! missing or `null` are empty.

use chrono::NaiveDate;
use council_reports::report::{
    Appendix, Contact, DateValue, ErrorInfo, Field, FootnoteData, Link, Loc, Metadata,
    NumberedParagraph, Partnership, Project, Recommendation, Section, Source, TableData, Warning,
};
use serde::{Deserialize, Deserializer, Serialize};

use super::schema::id;

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// No value.
    Null,
    /// Text.
    Text(String),
    /// A whole number.
    Int(i64),
    /// true / false.
    Bool(bool),
    /// A calendar date.
    Date(NaiveDate),
    /// A list of texts.
    List(Vec<String>),
    /// Key/value pairs in order.
    Map(Vec<(String, String)>),
}

impl Cell {
    fn text(value: Option<String>) -> Cell {
        value.map_or(Cell::Null, Cell::Text)
    }

    fn int(value: Option<impl Into<i64>>) -> Cell {
        value.map_or(Cell::Null, |v| Cell::Int(v.into()))
    }

    fn count(n: usize) -> Cell {
        Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// A JSON line as the tables read it: a Report, or an error line (of today's
/// shape, or with every Report field and `metadata: null`).
#[derive(Debug, Deserialize)]
pub struct Line {
    #[serde(default)]
    schema_version: Option<String>,
    source: Source,
    #[serde(default)]
    kind: Option<council_reports::report::Kind>,
    #[serde(default)]
    metadata: Option<Metadata>,
    #[serde(default, deserialize_with = "or_default")]
    paragraphs: Vec<NumberedParagraph>,
    #[serde(default, deserialize_with = "or_default")]
    sections: Vec<Section>,
    #[serde(default, deserialize_with = "or_default")]
    tables: Vec<TableData>,
    #[serde(default, deserialize_with = "or_default")]
    projects: Vec<Project>,
    #[serde(default, deserialize_with = "or_default")]
    partnerships: Vec<Partnership>,
    #[serde(default, deserialize_with = "or_default")]
    contacts: Vec<Contact>,
    #[serde(default, deserialize_with = "or_default")]
    footnotes: Vec<FootnoteData>,
    #[serde(default, deserialize_with = "or_default")]
    links: Vec<Link>,
    #[serde(default, deserialize_with = "or_default")]
    warnings: Vec<Warning>,
    #[serde(default)]
    error: Option<ErrorInfo>,
}

fn or_default<'de, D: Deserializer<'de>, T: Deserialize<'de> + Default>(
    d: D,
) -> Result<T, D::Error> {
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

impl Line {
    /// The `(path, sha256)` that says which input the line is for.
    pub fn key(&self) -> (Option<&str>, &str) {
        (self.source.path.as_deref(), &self.source.sha256)
    }
}

/// `sha256:path`, the key every row carries.
pub fn report_id(source: &Source) -> String {
    format!("{}:{}", source.sha256, source.path.as_deref().unwrap_or(""))
}

/// The ISO text as a date when it is a whole, real `YYYY-MM-DD`.
pub fn whole_date(iso: &str) -> Option<NaiveDate> {
    let mut parts = iso.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// The JSON name of a serde enum value ("pdf", "report").
fn json_name(value: &impl Serialize) -> Cell {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => Cell::Text(s),
        _ => Cell::Null,
    }
}

/// `date`, `date_text`, `date_iso`.
fn date_cells(date: Option<DateValue>) -> [Cell; 3] {
    match date {
        None => [Cell::Null, Cell::Null, Cell::Null],
        Some(DateValue { text, iso }) => [
            iso.as_deref()
                .and_then(whole_date)
                .map_or(Cell::Null, Cell::Date),
            Cell::Text(text),
            Cell::text(iso),
        ],
    }
}

fn loc_cells(loc: Option<Loc>) -> [Cell; 2] {
    match loc {
        None => [Cell::Null, Cell::Null],
        Some(loc) => [Cell::int(loc.page), Cell::int(loc.line)],
    }
}

/// Sends every row of `line` to `emit(table, cells)`, table by table, each
/// list in its JSON order; cells in the order of the table's columns.
pub fn rows(line: Line, emit: &mut impl FnMut(usize, Vec<Cell>)) {
    let rid = report_id(&line.source);
    let id_cell = || Cell::Text(rid.clone());
    let Metadata {
        title,
        committee,
        date,
        report_of,
        status,
        purpose,
        key_decision,
        cabinet_member,
        corporate_priority,
        policy_framework,
        recommendations,
        appendices,
        fields,
    } = line.metadata.unwrap_or_default();
    let Source {
        path,
        format,
        bytes,
        sha256,
        pages,
    } = line.source;
    let (error_kind, error_message) = line
        .error
        .map_or((None, None), |e| (Some(e.kind), Some(e.message)));
    let mut report = vec![
        id_cell(),
        Cell::text(line.schema_version),
        Cell::text(path),
        json_name(&format),
        Cell::Int(i64::try_from(bytes).unwrap_or(i64::MAX)),
        Cell::Text(sha256),
        Cell::int(pages),
        line.kind.as_ref().map_or(Cell::Null, json_name),
        Cell::text(title),
        Cell::text(committee),
    ];
    report.extend(date_cells(date));
    report.extend([
        Cell::text(report_of),
        Cell::text(status),
        Cell::text(purpose),
        Cell::text(key_decision),
        Cell::text(cabinet_member),
        Cell::text(corporate_priority),
        Cell::text(policy_framework),
        Cell::text(error_kind),
        Cell::text(error_message),
    ]);
    emit(id::REPORTS, report);
    let ordered = |n: usize| [id_cell(), Cell::count(n + 1)];

    for (n, Recommendation { number, text, loc }) in recommendations.into_iter().enumerate() {
        emit(
            id::RECOMMENDATIONS,
            [
                ordered(n).to_vec(),
                vec![Cell::text(number), Cell::Text(text)],
                loc_cells(Some(loc)).to_vec(),
            ]
            .concat(),
        );
    }
    for (n, Appendix { label, title, loc }) in appendices.into_iter().enumerate() {
        emit(
            id::APPENDICES,
            [
                ordered(n).to_vec(),
                vec![Cell::Text(label), Cell::text(title)],
                loc_cells(Some(loc)).to_vec(),
            ]
            .concat(),
        );
    }
    field_rows(&rid, None, fields, emit);
    for (n, p) in line.paragraphs.into_iter().enumerate() {
        let item_count = p.items.len();
        for (i, item) in p.items.into_iter().enumerate() {
            emit(
                id::ITEMS,
                vec![
                    id_cell(),
                    Cell::count(n + 1),
                    Cell::count(i + 1),
                    Cell::Text(item.marker),
                    Cell::Int(item.level.into()),
                    Cell::Text(item.text),
                ],
            );
        }
        let mut row = ordered(n).to_vec();
        row.extend([
            Cell::Text(p.number),
            Cell::Text(p.label),
            Cell::text(p.section),
            Cell::Text(p.text),
            Cell::count(item_count),
        ]);
        row.extend(loc_cells(Some(p.loc)));
        emit(id::PARAGRAPHS, row);
    }
    for (n, s) in line.sections.into_iter().enumerate() {
        let mut row = ordered(n).to_vec();
        row.extend([
            Cell::Text(s.heading),
            Cell::text(s.number),
            Cell::Int(s.level.into()),
        ]);
        row.extend(loc_cells(Some(s.loc)));
        emit(id::SECTIONS, row);
    }
    for (n, t) in line.tables.into_iter().enumerate() {
        let mut row = ordered(n).to_vec();
        row.extend([
            Cell::text(t.section),
            Cell::List(t.header),
            Cell::count(t.rows.len()),
        ]);
        row.extend(loc_cells(Some(t.loc)));
        emit(id::TABLES, row);
        for (r, cells) in t.rows.into_iter().enumerate() {
            for (c, text) in cells.into_iter().enumerate() {
                emit(
                    id::TABLE_CELLS,
                    vec![
                        id_cell(),
                        Cell::count(n + 1),
                        Cell::count(r + 1),
                        Cell::count(c + 1),
                        Cell::Text(text),
                    ],
                );
            }
        }
    }
    for (n, p) in line.projects.into_iter().enumerate() {
        let mut row = ordered(n).to_vec();
        row.extend([
            Cell::text(p.group),
            Cell::text(p.description),
            Cell::List(p.outputs),
            Cell::text(p.timescale),
            Cell::text(p.target_date),
            Cell::text(p.status),
            Cell::text(p.update),
            Cell::List(p.resources),
            Cell::text(p.owner),
            Cell::Map(p.cells.into_iter().collect()),
        ]);
        row.extend(loc_cells(Some(p.loc)));
        emit(id::PROJECTS, row);
    }
    for (n, p) in line.partnerships.into_iter().enumerate() {
        let mut row = ordered(n).to_vec();
        row.extend([
            Cell::Text(p.name),
            Cell::text(p.chair),
            Cell::text(p.vice_chair),
            Cell::text(p.lead_member),
            Cell::text(p.lead_officer),
        ]);
        row.extend(date_cells(p.completed));
        row.extend([
            Cell::text(p.last_meeting),
            Cell::text(p.next_meeting),
            Cell::text(p.website),
        ]);
        row.extend(loc_cells(Some(p.loc)));
        emit(id::PARTNERSHIPS, row);
        field_rows(&rid, Some(n + 1), p.fields, emit);
        for (i, s) in p.sections.into_iter().enumerate() {
            emit(
                id::PARTNERSHIP_SECTIONS,
                vec![
                    id_cell(),
                    Cell::count(n + 1),
                    Cell::count(i + 1),
                    Cell::Text(s.heading),
                    Cell::Text(s.text),
                ],
            );
        }
        for (i, m) in p.members.into_iter().enumerate() {
            emit(
                id::MEMBERS,
                vec![
                    id_cell(),
                    Cell::count(n + 1),
                    Cell::count(i + 1),
                    Cell::Text(m.name),
                    Cell::text(m.role),
                    Cell::Bool(m.is_chair),
                ],
            );
        }
    }
    for (n, c) in line.contacts.into_iter().enumerate() {
        let mut row = ordered(n).to_vec();
        row.extend([
            Cell::Text(c.role),
            Cell::text(c.name),
            Cell::text(c.job_title),
            Cell::text(c.email),
            Cell::text(c.telephone),
        ]);
        row.extend(loc_cells(Some(c.loc)));
        emit(id::CONTACTS, row);
    }
    for (n, f) in line.footnotes.into_iter().enumerate() {
        emit(
            id::FOOTNOTES,
            [
                ordered(n).to_vec(),
                vec![Cell::Text(f.mark), Cell::Text(f.text)],
            ]
            .concat(),
        );
    }
    for (n, l) in line.links.into_iter().enumerate() {
        emit(
            id::LINKS,
            [
                ordered(n).to_vec(),
                vec![Cell::Text(l.text), Cell::Text(l.url)],
            ]
            .concat(),
        );
    }
    for (n, w) in line.warnings.into_iter().enumerate() {
        let mut row = ordered(n).to_vec();
        row.extend([Cell::Text(w.code), Cell::Text(w.message)]);
        row.extend(loc_cells(w.loc));
        emit(id::WARNINGS, row);
    }
}

/// Rows of `fields`: the front matter's (`partnership` None) or one
/// partnership's.
fn field_rows(
    rid: &str,
    partnership: Option<usize>,
    fields: Vec<Field>,
    emit: &mut impl FnMut(usize, Vec<Cell>),
) {
    for (n, Field { label, value, loc }) in fields.into_iter().enumerate() {
        let mut row = vec![
            Cell::Text(rid.to_string()),
            partnership.map_or(Cell::Null, Cell::count),
            Cell::count(n + 1),
            Cell::Text(label),
            Cell::Text(value),
        ];
        row.extend(loc_cells(Some(loc)));
        emit(id::FIELDS, row);
    }
}

#[cfg(test)]
mod tests {
    use super::super::schema::{Kind, TABLES};
    use super::*;

    fn kind_fits(cell: &Cell, kind: Kind) -> bool {
        matches!(
            (cell, kind),
            (Cell::Null, _)
                | (Cell::Text(_), Kind::Text)
                | (Cell::Int(_), Kind::Int)
                | (Cell::Bool(_), Kind::Bool)
                | (Cell::Date(_), Kind::Date)
                | (Cell::List(_), Kind::List)
                | (Cell::Map(_), Kind::Map)
        )
    }

    fn all_rows(json: &str) -> Vec<(usize, Vec<Cell>)> {
        let line: Line = serde_json::from_str(json).unwrap();
        let mut out = Vec::new();
        rows(line, &mut |t, cells| out.push((t, cells)));
        out
    }

    #[test]
    fn every_row_fits_its_table_on_a_whole_fixture() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/docx/oxford-strategic-partnership-2023.docx"
        );
        let report = council_reports::parse_path(std::path::Path::new(path)).unwrap();
        let json = serde_json::to_string(&report).unwrap();
        let rows = all_rows(&json);
        let mut seen = [0usize; TABLES.len()];
        for (t, cells) in &rows {
            let table = &TABLES[*t];
            assert_eq!(cells.len(), table.columns.len(), "{}", table.name);
            for (cell, column) in cells.iter().zip(table.columns) {
                assert!(
                    kind_fits(cell, column.kind),
                    "{}.{}: {cell:?}",
                    table.name,
                    column.name
                );
            }
            seen[*t] += 1;
        }
        assert_eq!(seen[id::REPORTS], 1);
        assert_eq!(seen[id::PARTNERSHIPS], report.partnerships.len());
        assert_eq!(seen[id::PARAGRAPHS], report.paragraphs.len());
        assert!(seen[id::MEMBERS] > 0 && seen[id::FIELDS] > 0);
    }

    #[test]
    fn error_lines_of_either_shape_give_one_report_row() {
        let today = r#"{"schema_version":"1","source":{"path":"x.pdf","format":"pdf","bytes":3,"sha256":"ab","pages":null},"error":{"kind":"pdf","message":"x.pdf: damaged"}}"#;
        let full = r#"{"schema_version":"1","source":{"path":"x.pdf","format":"pdf","bytes":3,"sha256":"ab","pages":null},"kind":null,"metadata":null,"paragraphs":null,"sections":[],"tables":[],"projects":[],"partnerships":[],"contacts":[],"footnotes":[],"links":[],"warnings":[],"error":{"kind":"pdf","message":"x.pdf: damaged"}}"#;
        for json in [today, full] {
            let rows = all_rows(json);
            assert_eq!(rows.len(), 1, "{json}");
            let (t, cells) = &rows[0];
            assert_eq!(*t, id::REPORTS);
            assert_eq!(cells[0], Cell::Text("ab:x.pdf".into()));
            assert_eq!(cells[7], Cell::Null, "kind");
            assert_eq!(cells[cells.len() - 2], Cell::Text("pdf".into()));
        }
    }

    #[test]
    fn only_a_whole_real_iso_date_is_a_date() {
        assert_eq!(
            whole_date("2024-02-29"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        for partial in ["2023-02-29", "2024-05", "2024", "24-05-01", "2024-5-1", ""] {
            assert_eq!(whole_date(partial), None, "{partial}");
        }
    }
}
