//! One record shape: every line of a bulk run — a report or a file that
//! failed — validates against the JSON Schema that `council-reports schema`
//! prints, and has every top-level field of that schema.
//!
//! Runs over the bundled fixtures, over a folder of broken files, and over
//! the wild corpus when there is one (`COUNCIL_REPORTS_WILD`, or
//! `../shared/wild`; the test says when it skips it).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_council-reports");

fn printed_schema() -> Value {
    let out = Command::new(BIN).arg("schema").output().unwrap();
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every line of `bulk INPUT... --quiet`, parsed.
fn bulk_lines(inputs: &[&Path], extra: &[&str]) -> Vec<Value> {
    let out = Command::new(BIN)
        .arg("bulk")
        .args(inputs)
        .args(["--quiet", "--ordered"])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::str::from_utf8(&out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// Checks every line against the schema and its list of fields; returns how
/// many were reports and how many errors.
fn check_lines(schema: &Value, lines: &[Value]) -> (usize, usize) {
    let validator = jsonschema::validator_for(schema).expect("the printed schema compiles");
    let fields: Vec<&str> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let (mut reports, mut errors) = (0, 0);
    for line in lines {
        let problems: Vec<String> = validator
            .iter_errors(line)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(
            problems.is_empty(),
            "{} does not validate: {problems:?}",
            line["source"]["path"]
        );
        let keys: Vec<&str> = line
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, fields, "every field, in the schema's order");
        if line["error"].is_null() {
            assert!(line["metadata"].is_object() && line["kind"].is_string());
            reports += 1;
        } else {
            assert!(
                line["metadata"].is_null() && line["kind"].is_null(),
                "{line}"
            );
            for list in ["paragraphs", "sections", "tables", "contacts", "warnings"] {
                assert_eq!(line[list], Value::Array(Vec::new()), "{line}");
            }
            errors += 1;
        }
    }
    (reports, errors)
}

#[test]
fn the_schema_describes_reports_and_errors_in_plain_words() {
    let schema = printed_schema();
    let text = schema.to_string();
    assert!(
        !text.contains("[`"),
        "rustdoc link syntax in the schema's descriptions"
    );
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let properties: Vec<&str> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(required, properties, "every top-level field is required");
    assert!(properties.contains(&"error"));
}

#[test]
fn every_line_of_a_run_over_the_fixtures_validates() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let lines = bulk_lines(&[&fixtures], &[]);
    let (reports, _) = check_lines(&printed_schema(), &lines);
    assert!(reports >= 100, "{reports} reports from the fixtures");
}

#[test]
fn every_line_of_a_run_over_broken_files_validates() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let write = |name: &str, bytes: &[u8]| std::fs::write(root.join(name), bytes).unwrap();
    write(
        "html-error-page.pdf",
        b"<html><body>404 Not Found</body></html>",
    );
    write("empty.docx", b"");
    write("truncated.docx", b"PK\x03\x04\x14\x00\x00\x00\x08\x00");
    write("truncated.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog");
    write("big.txt", &vec![b'a'; 5000]);
    write(
        "report.txt",
        b"To: Council\nDate: 6 November 2018\n\n1. A report.\n",
    );
    let lines = bulk_lines(&[root], &["--max-input-bytes", "4000"]);
    let (reports, errors) = check_lines(&printed_schema(), &lines);
    assert_eq!((reports, errors), (1, 5), "{lines:?}");
}

fn wild_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("COUNCIL_REPORTS_WILD") {
        return Some(PathBuf::from(dir));
    }
    let default = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/wild");
    default.is_dir().then_some(default)
}

#[test]
fn every_line_of_a_run_over_the_wild_papers_validates() {
    let Some(wild) = wild_dir() else {
        eprintln!("skipped: no wild corpus (set COUNCIL_REPORTS_WILD or put it at ../shared/wild)");
        return;
    };
    let lines = bulk_lines(&[&wild], &[]);
    let (reports, _) = check_lines(&printed_schema(), &lines);
    assert!(reports >= 50, "{reports} reports from {}", wild.display());
}
