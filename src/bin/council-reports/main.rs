//! The `council-reports` command-line tool.
//!
//! Exit status, as ripgrep and xsv do it: 0 when every input was read, 1 when
//! some input failed (every other one is still written), 2 for a usage error.
//! A closed stdout (`council-reports bulk dir | head`) counts as success.

// As in the library: no unwrap, expect, panic or unchecked indexing outside
// tests, so a bad file can only ever become an error line. Clippy enforces it
// in CI (`cargo clippy --all-targets -- -D warnings`).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod bulk;
mod message;
mod parse;

// With `--features mimalloc`: a faster allocator for the tool, at a cost in
// peak memory; the library leaves the choice to its users. Measured in
// BENCHMARKS.md ("Instruction counts").
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser as ClapParser, Subcommand};

/// Turn UK council committee reports (txt, docx, pdf) into JSON.
#[derive(ClapParser)]
#[command(version, about, long_about = None, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXAMPLES: &str = "Examples:
  council-reports parse report.pdf --pretty
  council-reports parse fixtures/txt/*.txt > reports.jsonl
  cat report.docx | council-reports parse -
  council-reports bulk archive/ minutes.zip -o reports.jsonl
  find /data -name '*.pdf' | council-reports bulk - --jobs 8 > reports.jsonl
  council-reports schema > report.schema.json

Exit status: 0 all inputs read, 1 some failed (the rest still written), 2 usage error.";

#[derive(Subcommand)]
enum Command {
    /// Parse files: one JSON object for one file, JSON Lines for several.
    #[command(after_help = parse::EXAMPLES)]
    Parse {
        /// Files to read (`-` reads one file from stdin).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Indent the JSON (one file only; several files are always JSON Lines).
        #[arg(long)]
        pretty: bool,
    },
    /// Parse a whole archive (files, directories, .zip) in parallel into JSON Lines.
    #[command(after_help = bulk::EXAMPLES)]
    Bulk(bulk::BulkArgs),
    /// Print the JSON Schema of a record: a Report, or a file that failed.
    Schema {
        /// Print instead the columns of `bulk --tables`, as SCHEMA.md lists them (Markdown).
        #[arg(long)]
        tables: bool,
    },
    /// Internal: `bulk --isolate`'s child, which parses one input from
    /// stdin (see bulk/isolate.rs). Not for direct use.
    #[command(name = bulk::isolate::SUBCOMMAND, hide = true)]
    ParseOne(bulk::isolate::ChildArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Parse { files, pretty } => parse::run(&files, pretty),
        Command::Bulk(args) => bulk::run(args),
        Command::ParseOne(args) => bulk::isolate::child(args),
        Command::Schema { tables: false } => schema(),
        Command::Schema { tables: true } => {
            let md = bulk::tables_markdown();
            parse::write_stdout_line(md.trim_end())
                .map_or(ExitCode::from(1), |()| ExitCode::SUCCESS)
        }
    }
}

fn schema() -> ExitCode {
    let schema = council_reports::report::record_schema();
    match serde_json::to_string_pretty(&schema) {
        Ok(s) => parse::write_stdout_line(&s).map_or(ExitCode::from(1), |()| ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("council-reports: {e}");
            ExitCode::from(1)
        }
    }
}
