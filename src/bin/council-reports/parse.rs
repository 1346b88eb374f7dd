//! `council-reports parse`: a few files, one JSON document each.

use std::io::{ErrorKind, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use council_reports::report::Record;
use council_reports::{Parser, Report};

/// Shown under `council-reports parse --help`.
pub const EXAMPLES: &str = "Examples:
  council-reports parse fixtures/txt/oxford-strategic-partnership-2023.txt --pretty
  council-reports parse a.pdf b.docx c.txt > reports.jsonl      # one line per file
  curl -s https://example.org/report.pdf | council-reports parse - | jq .metadata

For a whole archive (directories, zip files, thousands of files) use `bulk`.";

/// Parses each file in turn; failures go to stderr as one line each.
pub fn run(files: &[PathBuf], pretty: bool) -> ExitCode {
    let parser = Parser::new();
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for path in files {
        let result = if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            match std::io::stdin().read_to_end(&mut bytes) {
                Ok(_) => parser.parse_named(&bytes, "-"),
                Err(e) => Err(council_reports::Error::from(e).with_path("-")),
            }
        } else {
            parser.parse_path(path)
        };
        let report = match result {
            Ok(report) => report,
            Err(e) => {
                eprintln!("council-reports: {}", crate::message::for_cli(&e));
                failed = true;
                continue;
            }
        };
        match write_report(&mut out, report, pretty && files.len() == 1) {
            Ok(()) => {}
            Err(e) if e.kind() == ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("council-reports: cannot write to stdout: {e}");
                return ExitCode::from(1);
            }
        }
    }
    if out.flush().is_err() {
        // A reader that went away after the last line is not a failure.
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes one report as the record `bulk` writes (`error` null), so that
/// everything the tool prints has the shape `council-reports schema` gives.
fn write_report(out: &mut impl Write, report: Report, pretty: bool) -> std::io::Result<()> {
    let record = Record::from(report);
    if pretty {
        serde_json::to_writer_pretty(&mut *out, &record)?;
    } else {
        serde_json::to_writer(&mut *out, &record)?;
    }
    out.write_all(b"\n")
}

/// Writes one line to stdout; a closed pipe is success, any other failure is
/// reported on stderr and returned as `Err`.
pub fn write_stdout_line(line: &str) -> Result<(), ()> {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{line}").and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            eprintln!("council-reports: cannot write to stdout: {e}");
            Err(())
        }
    }
}
