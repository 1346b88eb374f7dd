//! One insta JSON snapshot of the full Report for every fixture.
//!
//! A snapshot is a claim of correctness: each was read against its source
//! document before it was accepted. Regenerate with `cargo insta test` and
//! review every change with `cargo insta review` — never bulk-accept.

use std::path::Path;

use council_reports::{parse_path, Report};

/// Parses a fixture and makes its `source.path` relative to the crate, so the
/// snapshot does not depend on where the checkout lives.
fn parse_fixture(path: &Path) -> Report {
    let mut report = match parse_path(path) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rel = path.strip_prefix(root).unwrap_or(path);
    report.source.path = Some(rel.to_string_lossy().replace('\\', "/"));
    report
}

#[test]
fn txt_reports() {
    insta::glob!("../fixtures", "txt/*.txt", |path| {
        insta::assert_json_snapshot!(parse_fixture(path));
    });
}

#[test]
fn docx_reports() {
    insta::glob!("../fixtures", "docx/*.docx", |path| {
        insta::assert_json_snapshot!(parse_fixture(path));
    });
}

#[test]
fn pdf_reports() {
    insta::glob!("../fixtures", "pdf/*.pdf", |path| {
        insta::assert_json_snapshot!(parse_fixture(path));
    });
}
