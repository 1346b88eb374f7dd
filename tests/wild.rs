//! Every real council paper of the wild corpus parses without an error.
//!
//! The corpus lives beside the project (`../shared/wild`), never in it. CI
//! sets `COUNCIL_REPORTS_WILD`, which makes the test required; on a fresh
//! clone without the folder it says that it skipped and why.

use std::path::{Path, PathBuf};

fn wild_dir() -> Option<PathBuf> {
    match std::env::var_os("COUNCIL_REPORTS_WILD") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            assert!(
                dir.is_dir(),
                "COUNCIL_REPORTS_WILD names {}, which is not a folder",
                dir.display()
            );
            Some(dir)
        }
        None => {
            let default = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/wild");
            if default.is_dir() {
                Some(default)
            } else {
                eprintln!(
                    "skipped: no wild corpus (set COUNCIL_REPORTS_WILD or put it at ../shared/wild)"
                );
                None
            }
        }
    }
}

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
