//! The tables of `bulk --tables` and their columns, declared once: the
//! writers take their schemas from here, and SCHEMA.md's "Flat tables"
//! section is generated from here (a test keeps the two the same).
//!
//! Column names follow the JSON field names of SCHEMA.md; a nested object's
//! field is joined with `_` (`metadata.date.text` is `date_text`,
//! `error.kind` is `error_kind`, `loc.page` is `page`).

use std::fmt::Write as _;

/// The type of a column. Every column may be null except `report_id` and
/// the order columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text (Parquet `STRING`).
    Text,
    /// A whole number (Parquet `INT64`).
    Int,
    /// true / false.
    Bool,
    /// A calendar date (Parquet `DATE`); CSV writes `YYYY-MM-DD`.
    Date,
    /// A list of texts (Parquet `LIST<STRING>`); CSV writes a JSON array.
    List,
    /// Text keys to text values, in order (Parquet `MAP<STRING, STRING>`);
    /// CSV writes a JSON object.
    Map,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Text => "string",
            Kind::Int => "int64",
            Kind::Bool => "boolean",
            Kind::Date => "date",
            Kind::List => "list<string>",
            Kind::Map => "map<string, string>",
        }
    }
}

/// One column of a table.
#[derive(Debug)]
pub struct Column {
    /// Its name.
    pub name: &'static str,
    /// Its type.
    pub kind: Kind,
    /// What it holds, for SCHEMA.md.
    pub doc: &'static str,
}

const fn col(name: &'static str, kind: Kind, doc: &'static str) -> Column {
    Column { name, kind, doc }
}

/// One table.
#[derive(Debug)]
pub struct Table {
    /// Its name: the folder `DIR/<name>/` its parts go in.
    pub name: &'static str,
    /// What one row is, for SCHEMA.md.
    pub doc: &'static str,
    /// Its columns, in order.
    pub columns: &'static [Column],
}

const REPORT_ID: Column = col(
    "report_id",
    Kind::Text,
    "`source.sha256`, `:`, `source.path`: the report the row belongs to; the key of `reports`",
);
const ORD: Column = col(
    "ord",
    Kind::Int,
    "the row's place in its list in the JSON, from 1",
);
const PAGE: Column = col("page", Kind::Int, "`loc.page`");
const LINE: Column = col("line", Kind::Int, "`loc.line`");
const PARTNERSHIP: Column = col(
    "partnership",
    Kind::Int,
    "the `ord` of its partnership in `partnerships`",
);

/// Where each table's rows come from, by the index of the table in [`TABLES`].
pub mod id {
    /// `reports`.
    pub const REPORTS: usize = 0;
    /// `recommendations`.
    pub const RECOMMENDATIONS: usize = 1;
    /// `appendices`.
    pub const APPENDICES: usize = 2;
    /// `fields`.
    pub const FIELDS: usize = 3;
    /// `paragraphs`.
    pub const PARAGRAPHS: usize = 4;
    /// `items`.
    pub const ITEMS: usize = 5;
    /// `sections`.
    pub const SECTIONS: usize = 6;
    /// `tables`.
    pub const TABLES: usize = 7;
    /// `table_cells`.
    pub const TABLE_CELLS: usize = 8;
    /// `projects`.
    pub const PROJECTS: usize = 9;
    /// `partnerships`.
    pub const PARTNERSHIPS: usize = 10;
    /// `partnership_sections`.
    pub const PARTNERSHIP_SECTIONS: usize = 11;
    /// `members`.
    pub const MEMBERS: usize = 12;
    /// `contacts`.
    pub const CONTACTS: usize = 13;
    /// `footnotes`.
    pub const FOOTNOTES: usize = 14;
    /// `links`.
    pub const LINKS: usize = 15;
    /// `warnings`.
    pub const WARNINGS: usize = 16;
}

/// Every table, in the order of [`id`].
pub const TABLES: [Table; 17] = [
    Table {
        name: "reports",
        doc: "input (a report or an error line)",
        columns: &[
            REPORT_ID,
            col("schema_version", Kind::Text, "`schema_version`"),
            col("path", Kind::Text, "`source.path`"),
            col("format", Kind::Text, "`source.format`"),
            col("bytes", Kind::Int, "`source.bytes`"),
            col("sha256", Kind::Text, "`source.sha256`"),
            col("pages", Kind::Int, "`source.pages`"),
            col("kind", Kind::Text, "`kind`; null on an error line"),
            col("title", Kind::Text, "`metadata.title`"),
            col("committee", Kind::Text, "`metadata.committee`"),
            col(
                "date",
                Kind::Date,
                "`metadata.date.iso` as a date where it is a whole `YYYY-MM-DD`, else null",
            ),
            col("date_text", Kind::Text, "`metadata.date.text`, as printed"),
            col(
                "date_iso",
                Kind::Text,
                "`metadata.date.iso` (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`)",
            ),
            col("report_of", Kind::Text, "`metadata.report_of`"),
            col("status", Kind::Text, "`metadata.status`"),
            col("purpose", Kind::Text, "`metadata.purpose`"),
            col("key_decision", Kind::Text, "`metadata.key_decision`"),
            col("cabinet_member", Kind::Text, "`metadata.cabinet_member`"),
            col(
                "corporate_priority",
                Kind::Text,
                "`metadata.corporate_priority`",
            ),
            col("policy_framework", Kind::Text, "`metadata.policy_framework`"),
            col(
                "error_kind",
                Kind::Text,
                "`error.kind`; null for a report",
            ),
            col(
                "error_message",
                Kind::Text,
                "`error.message`; null for a report",
            ),
        ],
    },
    Table {
        name: "recommendations",
        doc: "`metadata.recommendations[]`",
        columns: &[
            REPORT_ID,
            ORD,
            col("number", Kind::Text, "`number`"),
            col("text", Kind::Text, "`text`"),
            PAGE,
            LINE,
        ],
    },
    Table {
        name: "appendices",
        doc: "`metadata.appendices[]`",
        columns: &[
            REPORT_ID,
            ORD,
            col("label", Kind::Text, "`label`"),
            col("title", Kind::Text, "`title`"),
            PAGE,
            LINE,
        ],
    },
    Table {
        name: "fields",
        doc: "`metadata.fields[]` (`partnership` null) and `partnerships[].fields[]`",
        columns: &[
            REPORT_ID,
            col(
                "partnership",
                Kind::Int,
                "null for the front matter's fields, else the `ord` of the partnership",
            ),
            ORD,
            col("label", Kind::Text, "`label`"),
            col("value", Kind::Text, "`value`"),
            PAGE,
            LINE,
        ],
    },
    Table {
        name: "paragraphs",
        doc: "`paragraphs[]`",
        columns: &[
            REPORT_ID,
            ORD,
            col("number", Kind::Text, "`number`"),
            col("label", Kind::Text, "`label`"),
            col("section", Kind::Text, "`section`"),
            col("text", Kind::Text, "`text`"),
            col("item_count", Kind::Int, "how many `items` (rows of `items`)"),
            PAGE,
            LINE,
        ],
    },
    Table {
        name: "items",
        doc: "`paragraphs[].items[]`",
        columns: &[
            REPORT_ID,
            col(
                "paragraph",
                Kind::Int,
                "the `ord` of its paragraph in `paragraphs`",
            ),
            ORD,
            col("marker", Kind::Text, "`marker`"),
            col("level", Kind::Int, "`level`"),
            col("text", Kind::Text, "`text`"),
        ],
    },
    Table {
        name: "sections",
        doc: "`sections[]`",
        columns: &[
            REPORT_ID,
            ORD,
            col("heading", Kind::Text, "`heading`"),
            col("number", Kind::Text, "`number`"),
            col("level", Kind::Int, "`level`"),
            PAGE,
            LINE,
        ],
    },
    Table {
        name: "tables",
        doc: "`tables[]`, without its cells",
        columns: &[
            REPORT_ID,
            ORD,
            col("section", Kind::Text, "`section`"),
            col("header", Kind::List, "`header`"),
            col("row_count", Kind::Int, "how many `rows`"),
            PAGE,
            LINE,
        ],
    },
    Table {
        name: "table_cells",
        doc: "`tables[].rows[][]`, one row per cell",
        columns: &[
            REPORT_ID,
            col("table", Kind::Int, "the `ord` of its table in `tables`"),
            col("row", Kind::Int, "its row in `rows`, from 1"),
            col("column", Kind::Int, "its place in the row, from 1"),
            col("text", Kind::Text, "the cell's text"),
        ],
    },
    Table {
        name: "projects",
        doc: "`projects[]`",
        columns: &[
            REPORT_ID,
            ORD,
            col("group", Kind::Text, "`group` (quote it in SQL: `\"group\"`)"),
            col("description", Kind::Text, "`description`"),
            col("outputs", Kind::List, "`outputs`"),
            col("timescale", Kind::Text, "`timescale`"),
            col("target_date", Kind::Text, "`target_date`, as printed"),
            col("status", Kind::Text, "`status`"),
            col("update", Kind::Text, "`update` (quote it in SQL)"),
            col("resources", Kind::List, "`resources`"),
            col("owner", Kind::Text, "`owner`"),
            col(
                "cells",
                Kind::Map,
                "`cells`: every column of the row keyed by the table's own header",
            ),
            PAGE,
            LINE,
        ],
    },
    Table {
        name: "partnerships",
        doc: "`partnerships[]` (their fields, sections and members in `fields`, `partnership_sections`, `members`)",
        columns: &[
            REPORT_ID,
            ORD,
            col("name", Kind::Text, "`name`"),
            col("chair", Kind::Text, "`chair`"),
            col("vice_chair", Kind::Text, "`vice_chair`"),
            col("lead_member", Kind::Text, "`lead_member`"),
            col("lead_officer", Kind::Text, "`lead_officer`"),
            col(
                "completed",
                Kind::Date,
                "`completed.iso` as a date where it is a whole `YYYY-MM-DD`",
            ),
            col("completed_text", Kind::Text, "`completed.text`"),
            col("completed_iso", Kind::Text, "`completed.iso`"),
            col("last_meeting", Kind::Text, "`last_meeting`"),
            col("next_meeting", Kind::Text, "`next_meeting`"),
            col("website", Kind::Text, "`website`"),
            PAGE,
            LINE,
        ],
    },
    Table {
        name: "partnership_sections",
        doc: "`partnerships[].sections[]`",
        columns: &[
            REPORT_ID,
            PARTNERSHIP,
            ORD,
            col("heading", Kind::Text, "`heading`"),
            col("text", Kind::Text, "`text`"),
        ],
    },
    Table {
        name: "members",
        doc: "`partnerships[].members[]`",
        columns: &[
            REPORT_ID,
            PARTNERSHIP,
            ORD,
            col("name", Kind::Text, "`name`"),
            col("role", Kind::Text, "`role`"),
            col("is_chair", Kind::Bool, "`is_chair`"),
        ],
    },
    Table {
        name: "contacts",
        doc: "`contacts[]`",
        columns: &[
            REPORT_ID,
            ORD,
            col("role", Kind::Text, "`role`"),
            col("name", Kind::Text, "`name`"),
            col("job_title", Kind::Text, "`job_title`"),
            col("email", Kind::Text, "`email`"),
            col("telephone", Kind::Text, "`telephone`"),
            PAGE,
            LINE,
        ],
    },
    Table {
        name: "footnotes",
        doc: "`footnotes[]`",
        columns: &[
            REPORT_ID,
            ORD,
            col("mark", Kind::Text, "`mark`"),
            col("text", Kind::Text, "`text`"),
        ],
    },
    Table {
        name: "links",
        doc: "`links[]`",
        columns: &[
            REPORT_ID,
            ORD,
            col("text", Kind::Text, "`text`"),
            col("url", Kind::Text, "`url`"),
        ],
    },
    Table {
        name: "warnings",
        doc: "`warnings[]`",
        columns: &[
            REPORT_ID,
            ORD,
            col("code", Kind::Text, "`code`"),
            col("message", Kind::Text, "`message`"),
            PAGE,
            LINE,
        ],
    },
];

/// The tables as the Markdown of SCHEMA.md's "Flat tables" section, between
/// its `<!-- tables -->` markers.
pub fn markdown() -> String {
    let mut out = String::new();
    for table in &TABLES {
        let _ = writeln!(out, "### `{}`\n\nOne row per {}.\n", table.name, table.doc);
        out.push_str("| column | type | holds |\n|---|---|---|\n");
        for column in table.columns {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} |",
                column.name,
                column.kind.name(),
                column.doc
            );
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_name_their_tables_and_columns_are_unique() {
        let named = [
            (id::REPORTS, "reports"),
            (id::RECOMMENDATIONS, "recommendations"),
            (id::APPENDICES, "appendices"),
            (id::FIELDS, "fields"),
            (id::PARAGRAPHS, "paragraphs"),
            (id::ITEMS, "items"),
            (id::SECTIONS, "sections"),
            (id::TABLES, "tables"),
            (id::TABLE_CELLS, "table_cells"),
            (id::PROJECTS, "projects"),
            (id::PARTNERSHIPS, "partnerships"),
            (id::PARTNERSHIP_SECTIONS, "partnership_sections"),
            (id::MEMBERS, "members"),
            (id::CONTACTS, "contacts"),
            (id::FOOTNOTES, "footnotes"),
            (id::LINKS, "links"),
            (id::WARNINGS, "warnings"),
        ];
        assert_eq!(named.len(), TABLES.len());
        for (i, name) in named {
            assert_eq!(TABLES[i].name, name);
            let mut names: Vec<_> = TABLES[i].columns.iter().map(|c| c.name).collect();
            assert_eq!(names[0], "report_id");
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), TABLES[i].columns.len(), "{name}");
        }
    }

    #[test]
    fn schema_md_lists_every_table_as_declared() {
        let schema = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/SCHEMA.md"))
            .expect("SCHEMA.md");
        let start = schema
            .find("<!-- tables -->\n")
            .expect("SCHEMA.md has a <!-- tables --> marker")
            + "<!-- tables -->\n".len();
        let end = schema
            .find("<!-- /tables -->")
            .expect("SCHEMA.md has a <!-- /tables --> marker");
        let generated = markdown();
        assert!(
            schema.get(start..end) == Some(generated.as_str()),
            "SCHEMA.md's flat tables differ from bulk/tables/schema.rs; put this between the markers:\n{generated}"
        );
    }
}
