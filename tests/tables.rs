//! `bulk --tables`: the tables are read back with the parquet crate, every
//! report's JSON is rebuilt from them and compared with its JSONL line (every
//! fixture, and every wild paper where the corpus is present); shards and
//! resumes add parts and never rewrite one; CSV holds the same rows; DuckDB
//! (tests/tables_duckdb.py) answers the README's query as printed.
//!
//! Reads Parquet with the CLI's own (optional) parquet and arrow crates, so
//! it needs the `parquet` feature (on by default).
#![cfg(feature = "parquet")]

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::Command;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Int64Type};
use arrow_array::{Array, ArrayRef};
use arrow_schema::DataType;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::{json, Map, Value};

#[path = "common/wild.rs"]
mod wild_corpus;

const BIN: &str = env!("CARGO_BIN_EXE_council-reports");
const TABLES: [&str; 17] = [
    "reports",
    "recommendations",
    "appendices",
    "fields",
    "paragraphs",
    "items",
    "sections",
    "tables",
    "table_cells",
    "projects",
    "partnerships",
    "partnership_sections",
    "members",
    "contacts",
    "footnotes",
    "links",
    "warnings",
];

fn bulk(args: &[&str]) -> std::process::Output {
    let out = Command::new(BIN)
        .arg("bulk")
        .arg("--quiet")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// One arrow value as JSON: text, int, bool, date (as `YYYY-MM-DD`), list of
/// text, map of text (an object, keys in order).
fn value_at(column: &ArrayRef, i: usize) -> Value {
    if column.is_null(i) {
        return Value::Null;
    }
    match column.data_type() {
        DataType::Utf8 => Value::from(column.as_string::<i32>().value(i)),
        DataType::Int64 => Value::from(column.as_primitive::<Int64Type>().value(i)),
        DataType::Boolean => Value::from(column.as_boolean().value(i)),
        DataType::Date32 => {
            let days = column.as_primitive::<Date32Type>().value(i);
            let date = Date32Type::to_naive_date_opt(days).unwrap();
            Value::from(date.to_string())
        }
        DataType::List(_) => {
            let list = column.as_list::<i32>().value(i);
            Value::from(
                (0..list.len())
                    .map(|j| value_at(&list, j))
                    .collect::<Vec<_>>(),
            )
        }
        DataType::Map(_, _) => {
            let entries = column.as_map().value(i);
            let (keys, values) = (entries.column(0), entries.column(1));
            let object: Map<String, Value> = (0..entries.len())
                .map(|j| {
                    let key = value_at(keys, j).as_str().unwrap().to_string();
                    (key, value_at(values, j))
                })
                .collect();
            Value::Object(object)
        }
        other => panic!("a column of type {other}"),
    }
}

/// Every row of every part of `DIR/<table>/*.parquet`, as column → value.
fn read_table(dir: &Path, table: &str) -> Vec<Map<String, Value>> {
    let mut rows = Vec::new();
    for part in parts(dir, table, "parquet") {
        let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(&part).unwrap())
            .unwrap()
            .build()
            .unwrap();
        for batch in reader {
            let batch = batch.unwrap();
            let schema = batch.schema();
            for i in 0..batch.num_rows() {
                rows.push(
                    schema
                        .fields()
                        .iter()
                        .zip(batch.columns())
                        .map(|(f, c)| (f.name().clone(), value_at(c, i)))
                        .collect(),
                );
            }
        }
    }
    rows
}

fn parts(dir: &Path, table: &str, ext: &str) -> Vec<PathBuf> {
    let mut parts: Vec<PathBuf> = std::fs::read_dir(dir.join(table))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    parts.sort();
    parts
}

/// The rows of each table grouped by report, each group in `ord` order (and
/// parent order first).
struct Dataset {
    tables: BTreeMap<&'static str, ByReport>,
}

/// One table's rows, by `report_id`.
type ByReport = BTreeMap<String, Vec<Map<String, Value>>>;

impl Dataset {
    fn read(dir: &Path) -> Dataset {
        let mut tables = BTreeMap::new();
        for table in TABLES {
            let mut by_report = ByReport::new();
            for row in read_table(dir, table) {
                let id = row["report_id"].as_str().unwrap().to_string();
                by_report.entry(id).or_default().push(row);
            }
            for rows in by_report.values_mut() {
                let key = |r: &Map<String, Value>| {
                    ["partnership", "paragraph", "table", "ord", "row", "column"]
                        .map(|k| r.get(k).and_then(Value::as_i64).unwrap_or(0))
                };
                rows.sort_by_key(key);
            }
            tables.insert(table, by_report);
        }
        Dataset { tables }
    }

    fn rows(&self, table: &str, id: &str) -> Vec<Map<String, Value>> {
        self.tables[table].get(id).cloned().unwrap_or_default()
    }

    fn count(&self, table: &str) -> usize {
        self.tables[table].values().map(Vec::len).sum()
    }
}

/// The named columns of a row, as a JSON object.
fn pick(row: &Map<String, Value>, columns: &[&str]) -> Value {
    Value::Object(
        columns
            .iter()
            .map(|c| (c.to_string(), row[*c].clone()))
            .collect(),
    )
}

fn loc(row: &Map<String, Value>) -> Value {
    json!({ "page": row["page"], "line": row["line"] })
}

fn date(row: &Map<String, Value>, prefix: &str) -> Value {
    let (text, iso, day) = (
        &row[&format!("{prefix}_text")],
        &row[&format!("{prefix}_iso")],
        &row[prefix],
    );
    // The Date column is the ISO text where that is a whole date, else null.
    match iso.as_str() {
        Some(iso) if iso.len() == 10 => assert_eq!(day.as_str(), Some(iso), "{row:?}"),
        _ => assert!(day.is_null(), "{row:?}"),
    }
    if text.is_null() {
        Value::Null
    } else {
        json!({ "text": text, "iso": iso })
    }
}

/// The JSON of one report, rebuilt from the tables alone.
fn rebuild(data: &Dataset, report: &Map<String, Value>) -> Value {
    let id = report["report_id"].as_str().unwrap();
    let of = |table: &str, columns: &[&str]| -> Vec<Value> {
        data.rows(table, id)
            .iter()
            .map(|r| pick(r, columns))
            .collect()
    };
    let under = |table: &str, parent: &str, n: &Value, columns: &[&str]| -> Vec<Value> {
        data.rows(table, id)
            .iter()
            .filter(|r| &r[parent] == n)
            .map(|r| pick(r, columns))
            .collect()
    };
    // Rows that carry their `loc` as `page` and `line`.
    let located =
        |rows: Vec<Value>, table: &str, keep: &dyn Fn(&Map<String, Value>) -> bool| -> Vec<Value> {
            let locs: Vec<Value> = data
                .rows(table, id)
                .iter()
                .filter(|r| keep(r))
                .map(loc)
                .collect();
            rows.into_iter()
                .zip(locs)
                .map(|(mut v, l)| {
                    v["loc"] = l;
                    v
                })
                .collect()
        };
    let source = pick(report, &["path", "format", "bytes", "sha256", "pages"]);
    if !report["error_kind"].is_null() {
        return json!({
            "schema_version": report["schema_version"], "source": source,
            "error": { "kind": report["error_kind"], "message": report["error_message"] },
        });
    }
    let paragraphs: Vec<Value> = data
        .rows("paragraphs", id)
        .iter()
        .map(|p| {
            let items = under(
                "items",
                "paragraph",
                &p["ord"],
                &["marker", "level", "text"],
            );
            assert_eq!(p["item_count"], items.len(), "{p:?}");
            let mut v = pick(p, &["number", "label", "section", "text"]);
            v["items"] = Value::from(items);
            v["loc"] = loc(p);
            v
        })
        .collect();
    let sections: Vec<Value> = data
        .rows("sections", id)
        .iter()
        .map(|s| {
            let mut v = pick(s, &["heading", "number", "level"]);
            v["loc"] = loc(s);
            v
        })
        .collect();
    let tables: Vec<Value> = data
        .rows("tables", id)
        .iter()
        .map(|t| {
            let n = t["row_count"].as_u64().unwrap() as usize;
            let mut rows = vec![Vec::new(); n];
            for cell in data
                .rows("table_cells", id)
                .iter()
                .filter(|c| c["table"] == t["ord"])
            {
                let r = cell["row"].as_u64().unwrap() as usize - 1;
                rows[r].push(cell["text"].clone());
            }
            json!({ "section": t["section"], "header": t["header"], "rows": rows, "loc": loc(t) })
        })
        .collect();
    let projects: Vec<Value> = data
        .rows("projects", id)
        .iter()
        .map(|p| {
            let mut v = pick(
                p,
                &[
                    "group",
                    "description",
                    "outputs",
                    "timescale",
                    "target_date",
                    "status",
                    "update",
                    "resources",
                    "owner",
                    "cells",
                ],
            );
            v["loc"] = loc(p);
            v
        })
        .collect();
    let partnerships: Vec<Value> = data
        .rows("partnerships", id)
        .iter()
        .map(|p| {
            let n = &p["ord"];
            let mut v = pick(
                p,
                &[
                    "name",
                    "chair",
                    "vice_chair",
                    "lead_member",
                    "lead_officer",
                    "last_meeting",
                    "next_meeting",
                    "website",
                ],
            );
            v["completed"] = date(p, "completed");
            v["fields"] = located(
                under("fields", "partnership", n, &["label", "value"]),
                "fields",
                &|r| &r["partnership"] == n,
            )
            .into();
            v["sections"] = under(
                "partnership_sections",
                "partnership",
                n,
                &["heading", "text"],
            )
            .into();
            v["members"] = under("members", "partnership", n, &["name", "role", "is_chair"]).into();
            v["loc"] = loc(p);
            v
        })
        .collect();
    let warnings: Vec<Value> = data
        .rows("warnings", id)
        .iter()
        .map(|w| {
            let mut v = pick(w, &["code", "message"]);
            v["loc"] = if w["page"].is_null() && w["line"].is_null() {
                Value::Null
            } else {
                loc(w)
            };
            v
        })
        .collect();
    let mut metadata = pick(
        report,
        &[
            "title",
            "committee",
            "report_of",
            "status",
            "purpose",
            "key_decision",
            "cabinet_member",
            "corporate_priority",
            "policy_framework",
        ],
    );
    metadata["date"] = date(report, "date");
    metadata["recommendations"] = located(
        of("recommendations", &["number", "text"]),
        "recommendations",
        &|_| true,
    )
    .into();
    metadata["appendices"] = located(of("appendices", &["label", "title"]), "appendices", &|_| {
        true
    })
    .into();
    metadata["fields"] = located(
        under("fields", "partnership", &Value::Null, &["label", "value"]),
        "fields",
        &|r| r["partnership"].is_null(),
    )
    .into();
    json!({
        "schema_version": report["schema_version"],
        "source": source,
        "kind": report["kind"],
        "metadata": metadata,
        "paragraphs": paragraphs,
        "sections": sections,
        "tables": tables,
        "projects": projects,
        "partnerships": partnerships,
        "contacts": located(
            of("contacts", &["role", "name", "job_title", "email", "telephone"]),
            "contacts",
            &|_| true,
        ),
        "footnotes": of("footnotes", &["mark", "text"]),
        "links": of("links", &["text", "url"]),
        "warnings": warnings,
        "error": null,
    })
}

/// The tables in `dir` hold exactly the lines of `lines`: one `reports` row
/// per line, and the JSON rebuilt from the tables is the line.
fn assert_same(dir: &Path, lines: &[Value]) {
    let data = Dataset::read(dir);
    let reports = read_table(dir, "reports");
    assert_eq!(reports.len(), lines.len(), "one reports row per JSON line");
    let by_id: BTreeMap<String, &Map<String, Value>> = reports
        .iter()
        .map(|r| (r["report_id"].as_str().unwrap().to_string(), r))
        .collect();
    assert_eq!(by_id.len(), lines.len(), "report_id is unique");
    for line in lines {
        let id = format!(
            "{}:{}",
            line["source"]["sha256"].as_str().unwrap(),
            line["source"]["path"].as_str().unwrap()
        );
        let row = by_id
            .get(&id)
            .unwrap_or_else(|| panic!("no reports row for {id}"));
        let rebuilt = rebuild(&data, row);
        if line.get("error").is_some_and(|e| !e.is_null()) {
            // An error line: its source and error, and nothing else in any table.
            for key in ["schema_version", "source", "error"] {
                assert_eq!(rebuilt[key], line[key], "{id}: {key}");
            }
            for table in &TABLES[1..] {
                assert!(data.rows(table, &id).is_empty(), "{id}: rows in {table}");
            }
        } else {
            assert!(
                rebuilt == *line,
                "{id}: the tables differ from the JSONL\ntables: {rebuilt}\njsonl:  {line}"
            );
        }
    }
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

#[test]
fn the_tables_of_every_fixture_hold_exactly_the_jsonl() {
    let tmp = tempfile::tempdir().unwrap();
    let (out, dir) = (tmp.path().join("all.jsonl"), tmp.path().join("tables"));
    bulk(&[
        fixtures().to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--tables",
        dir.to_str().unwrap(),
    ]);
    let lines = jsonl(&out);
    assert!(lines.len() > 100, "{} lines", lines.len());
    assert_same(&dir, &lines);
    let data = Dataset::read(&dir);
    for table in [
        "recommendations",
        "paragraphs",
        "projects",
        "partnerships",
        "members",
        "fields",
        "contacts",
    ] {
        assert!(data.count(table) > 0, "no rows in {table}");
    }
}

#[test]
fn the_tables_of_every_wild_paper_hold_exactly_the_jsonl() {
    let Some(wild) = wild_corpus::wild_dir() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let (out, dir) = (tmp.path().join("wild.jsonl"), tmp.path().join("tables"));
    bulk(&[
        wild.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--tables",
        dir.to_str().unwrap(),
    ]);
    let lines = jsonl(&out);
    assert!(lines.len() >= 50, "{} lines", lines.len());
    assert_same(&dir, &lines);
}

/// A small batch: three text fixtures and a damaged PDF.
fn small_batch(root: &Path) -> PathBuf {
    let dir = root.join("in");
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(fixtures().join("txt")).unwrap().take(3) {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(dir.join("broken.pdf"), b"%PDF-1.4\n1 0 obj <<").unwrap();
    dir
}

fn file_names(dir: &Path, table: &str, ext: &str) -> Vec<String> {
    parts(dir, table, ext)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn shards_write_their_own_parts_and_a_resume_adds_one() {
    let tmp = tempfile::tempdir().unwrap();
    let input = small_batch(tmp.path());
    let dir = tmp.path().join("tables");
    let (inp, d) = (input.to_str().unwrap(), dir.to_str().unwrap());
    bulk(&[inp, "--tables", d, "--shard", "1/2"]);
    bulk(&[inp, "--tables", d, "--shard", "2/2"]);
    for table in TABLES {
        assert_eq!(
            file_names(&dir, table, "parquet"),
            ["part-1.parquet", "part-2.parquet"],
            "{table}"
        );
    }
    let whole = tmp.path().join("whole.jsonl");
    bulk(&[inp, "-o", whole.to_str().unwrap()]);
    assert_same(&dir, &jsonl(&whole));

    // Tables only, resumed after two more files arrive: one new part per
    // table, the old parts untouched.
    let dir = tmp.path().join("resumed");
    let d = dir.to_str().unwrap();
    bulk(&[inp, "--tables", d]);
    let first = std::fs::read(dir.join("reports/part-1.parquet")).unwrap();
    let out = bulk(&[inp, "--tables", d, "--resume"]);
    assert!(
        out.stdout.is_empty(),
        "--tables without -o writes no JSON Lines"
    );
    assert_eq!(
        file_names(&dir, "reports", "parquet"),
        ["part-1.parquet"],
        "nothing new, no part"
    );
    for name in ["late-1.txt", "late-2.txt"] {
        std::fs::copy(
            fixtures().join("txt/oxford-strategic-partnership-2023.txt"),
            input.join(name),
        )
        .unwrap();
    }
    bulk(&[inp, "--tables", d, "--resume"]);
    assert_eq!(
        file_names(&dir, "reports", "parquet"),
        ["part-1.2.parquet", "part-1.parquet"]
    );
    assert_eq!(
        std::fs::read(dir.join("reports/part-1.parquet")).unwrap(),
        first
    );
    assert_eq!(read_table(&dir, "reports").len(), 6);
    let again = tmp.path().join("again.jsonl");
    bulk(&[inp, "-o", again.to_str().unwrap()]);
    assert_same(&dir, &jsonl(&again));
}

#[test]
fn a_resume_puts_jsonl_lines_the_tables_lost_into_its_part() {
    let tmp = tempfile::tempdir().unwrap();
    let input = small_batch(tmp.path());
    let (out, dir) = (tmp.path().join("out.jsonl"), tmp.path().join("tables"));
    let (inp, o, d) = (
        input.to_str().unwrap(),
        out.to_str().unwrap(),
        dir.to_str().unwrap(),
    );
    bulk(&[inp, "-o", o, "--tables", d]);
    // As if killed after the JSONL was written but before the parts were
    // renamed: the parts are gone, only hidden leftovers remain.
    for table in TABLES {
        let part = dir.join(table).join("part-1.parquet");
        std::fs::rename(&part, dir.join(table).join(".part-1.parquet.tmp")).unwrap();
    }
    bulk(&[inp, "-o", o, "--tables", d, "--resume"]);
    let lines = jsonl(&out);
    assert_eq!(lines.len(), 4, "the JSONL gains nothing");
    assert_same(&dir, &lines);
    assert!(!dir.join("reports/.part-1.parquet.tmp").exists());
}

#[test]
fn csv_tables_hold_the_same_rows() {
    let tmp = tempfile::tempdir().unwrap();
    let input = small_batch(tmp.path());
    let (pq, csv) = (tmp.path().join("pq"), tmp.path().join("csv"));
    let inp = input.to_str().unwrap();
    bulk(&[inp, "--tables", pq.to_str().unwrap()]);
    bulk(&[
        inp,
        "--tables",
        csv.to_str().unwrap(),
        "--tables-format",
        "csv",
    ]);
    for table in TABLES {
        assert_eq!(file_names(&csv, table, "csv"), ["part-1.csv"], "{table}");
        let rows = read_table(&pq, table);
        let mut reader = ::csv::Reader::from_path(csv.join(table).join("part-1.csv")).unwrap();
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let records: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), rows.len(), "{table}");
        let mut as_csv: Vec<Vec<String>> = rows
            .iter()
            .map(|row| {
                header
                    .iter()
                    .map(|c| match &row[c] {
                        Value::Null => String::new(),
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    })
                    .collect()
            })
            .collect();
        let mut got: Vec<Vec<String>> = records
            .iter()
            .map(|r| r.iter().map(String::from).collect())
            .collect();
        as_csv.sort();
        got.sort();
        assert!(as_csv == got, "{table}: CSV and Parquet differ");
    }
}

#[test]
fn duckdb_answers_the_readme_queries_over_fixtures_and_wild_tables() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tables_duckdb.py");
    let has_duckdb = Command::new("python3")
        .args(["-c", "import duckdb"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_duckdb {
        eprintln!("skipped: python3 with the duckdb package is not installed (.ci/run installs it with pip)");
        return;
    }
    let out = Command::new("python3")
        .arg(&script)
        .env("COUNCIL_REPORTS_BIN", BIN)
        .output()
        .unwrap();
    eprintln!("{}", String::from_utf8_lossy(&out.stdout));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
