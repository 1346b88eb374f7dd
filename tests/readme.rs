//! The README's data recipes run exactly as printed: the DuckDB queries and
//! the pandas script are read out of README.md and run on a bulk run that
//! includes a failed file. (The library snippet is a doctest: `cargo test
//! --doc`, through `ReadmeDoctests` in src/lib.rs.)
//!
//! Needs `python3` with `duckdb` and `pandas` (`.ci/run` installs them with
//! pip, best effort); says that it skipped when they are missing.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_council-reports");

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

/// The fenced blocks of `lang` in the README, in order.
fn blocks(lang: &str) -> Vec<String> {
    let text = readme();
    let open = format!("```{lang}\n");
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find(&open) {
        let body = &rest[start + open.len()..];
        let end = body.find("\n```").expect("an unclosed block");
        out.push(body[..end + 1].to_string());
        rest = &body[end..];
    }
    out
}

fn python(dir: &Path, script: &str) -> Output {
    let mut child = Command::new("python3")
        .arg("-")
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn have_python_libraries() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import duckdb, pandas"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("skipped: python3 with duckdb and pandas is needed (pip install duckdb pandas)");
    }
    ok
}

/// `bulk fixtures` plus two broken files, to `dir/reports.jsonl`.
fn run_with_failures(dir: &Path) {
    let broken = dir.join("broken");
    std::fs::create_dir_all(&broken).unwrap();
    std::fs::write(broken.join("item-7.pdf"), b"<html>404 Not Found</html>").unwrap();
    std::fs::write(broken.join("empty.docx"), b"").unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let out = Command::new(BIN)
        .arg("bulk")
        .arg(&fixtures)
        .arg(&broken)
        .args(["--quiet", "-o"])
        .arg(dir.join("reports.jsonl"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "some files fail: {out:?}");
}

fn stdout_of(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn the_duckdb_recipe_runs_on_a_run_with_failed_files() {
    if !have_python_libraries() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    run_with_failures(dir.path());
    // The JSON Lines recipe (the Parquet tables' query is run by
    // tests/tables_duckdb.py).
    let sql: Vec<String> = blocks("sql")
        .into_iter()
        .filter(|b| b.contains("reports.jsonl"))
        .collect();
    assert_eq!(sql.len(), 1, "one SQL recipe over the JSON Lines");
    // Each statement as printed, one after the other; the results printed.
    let script = format!(
        "import duckdb\ncon = duckdb.connect()\nsql = {:?}\n\
         for stmt in [s for s in sql.split(';') if s.strip()]:\n    \
         rel = con.sql(stmt)\n    \
         print(rel.fetchall() if rel is not None else 'done')\n",
        sql[0]
    );
    let printed = stdout_of(&python(dir.path(), &script));
    let results: Vec<&str> = printed.lines().collect();
    assert_eq!(results.len(), 3, "{printed:.2000}");
    assert!(
        results[1].contains("Note the annual update report"),
        "the recommendations: {:.2000}",
        results[1]
    );
    // The HTML page saved as .pdf, and the empty .docx (an empty zip).
    for kind in ["('pdf', 1)", "('zip', 1)"] {
        assert!(results[2].contains(kind), "the failures: {}", results[2]);
    }
}

#[test]
fn the_pandas_recipe_runs_on_a_run_with_failed_files() {
    if !have_python_libraries() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    run_with_failures(dir.path());
    let script = blocks("python")
        .into_iter()
        .find(|b| b.contains("import pandas") && b.contains("reports.jsonl"))
        .expect("the pandas recipe");
    let printed = stdout_of(&python(dir.path(), &script));
    assert!(printed.contains("committee"), "{printed}");
    assert!(printed.contains("Council"), "{printed}");
    assert!(
        printed.contains("pdf") && printed.contains("zip"),
        "{printed}"
    );
}

#[test]
fn the_kent_walkthrough_runs_on_the_wild_papers() {
    let Some(wild) = std::env::var_os("COUNCIL_REPORTS_WILD")
        .map(std::path::PathBuf::from)
        .or_else(|| {
            let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/wild");
            d.is_dir().then_some(d)
        })
    else {
        eprintln!("skipped: no wild corpus (set COUNCIL_REPORTS_WILD or put it at ../shared/wild)");
        return;
    };
    if !have_python_libraries() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .arg("bulk")
        .arg(wild.join("kent"))
        .args(["--quiet", "-o"])
        .arg(dir.path().join("kent.jsonl"))
        .output()
        .unwrap();
    assert!(out.status.code().is_some(), "{out:?}");
    let walkthrough = blocks("sh")
        .into_iter()
        .find(|b| b.contains("import duckdb"))
        .expect("the Kent walkthrough");
    let start = walkthrough.find("<<'PY'\n").unwrap() + "<<'PY'\n".len();
    let end = walkthrough.rfind("PY\n").unwrap();
    let printed = stdout_of(&python(dir.path(), &walkthrough[start..end]));
    assert!(printed.contains("recommendations"), "{printed}");
}
