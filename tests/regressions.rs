//! Regression inputs found by fuzzing (`fuzz/README.md`), kept in
//! `fixtures/bad/` and named after what they broke. Each must end in a
//! `Report` or a typed error, in bounded time, and never in a panic.
//!
//! `every_kept_input` runs every file of the folder, so a newly kept input is
//! covered at once; the named tests say what each input once broke and check
//! the reader that broke on it directly.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use council_reports::{Format, Parser};

/// A hang detector for a debug build on a loaded machine, not a speed target.
const HANG: Duration = Duration::from_secs(30);

fn bad_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/bad")
}

fn bad(name: &str) -> Vec<u8> {
    let path = bad_dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Runs `f` under `catch_unwind` and the hang bound; returns the error
/// message when it ended in a typed error.
fn survive<T>(what: &str, f: impl FnOnce() -> council_reports::Result<T>) -> Option<String> {
    let start = Instant::now();
    let outcome = catch_unwind(AssertUnwindSafe(f));
    let took = start.elapsed();
    assert!(took < HANG, "{what}: took {took:?}");
    match outcome {
        Err(_) => panic!("{what}: panicked"),
        Ok(Ok(_)) => None,
        Ok(Err(e)) => Some(e.to_string()),
    }
}

/// Both the reader of `format` alone and the whole pipeline (format detected
/// from the bytes and the name) survive `name`.
fn check(name: &str, format: Format) {
    let bytes = bad(name);
    let parser = Parser::new();
    survive(&format!("{name} read as {format:?}"), || {
        parser.read_document(&bytes, format)
    });
    survive(&format!("{name} parsed"), || {
        let report = parser.parse_named(&bytes, name)?;
        // What bulk writes must serialise too.
        serde_json::to_string(&report).expect("a report serialises");
        Ok(())
    });
}

#[test]
fn every_kept_input() {
    let mut n = 0;
    let entries = std::fs::read_dir(bad_dir()).expect("fixtures/bad exists");
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let parser = Parser::new();
        for format in [Format::Txt, Format::Docx, Format::Pdf] {
            survive(&format!("{name} read as {format:?}"), || {
                parser.read_document(&bytes, format)
            });
        }
        survive(&name, || parser.parse_named(&bytes, &name));
        n += 1;
    }
    assert!(n > 0, "fixtures/bad is empty");
}

/// Numbered paragraphs whose counters started at 32,767 in letters and roman
/// numerals, with a level text of 2,000 `%1`: every label grew with the
/// counter and was multiplied by the level text, so 2.4 KB of docx ran for
/// minutes into gigabytes. Labels are now bounded (decimal past `zzzzzzzzzz`
/// and `MMMCMXCIX`, 256 bytes in all).
#[test]
fn docx_counter_labels_grow_without_bound() {
    let name = "docx-counter-labels-grow-without-bound.docx";
    check(name, Format::Docx);
    let doc = Parser::new()
        .read_document(&bad(name), Format::Docx)
        .expect("a valid docx");
    let longest = doc
        .blocks
        .iter()
        .map(|b| format!("{:?}", b.kind).len())
        .max()
        .unwrap_or(0);
    assert!(longest < 2_000, "a block of {longest} bytes");
}

/// 30,000 list lines with no blank line between them: at every line the txt
/// reader asked whether a flattened table's header started there, joining
/// the whole rest of the run to find out, which was quadratic (8,000 lines
/// took 35 s). A run longer than a header cell is now refused at once.
#[test]
fn txt_unbroken_run_of_list_lines() {
    let name = "txt-unbroken-run-of-list-lines.txt";
    let start = Instant::now();
    check(name, Format::Txt);
    // Linear now: well under a second even in a debug build; the bound is
    // loose for a loaded machine but far below the old quadratic time.
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
}
