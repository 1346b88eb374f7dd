//! The `council-reports` command-line tool.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser as ClapParser, Subcommand};
use council_reports::Parser;

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
  council-reports schema > report.schema.json";

#[derive(Subcommand)]
enum Command {
    /// Parse files: one JSON object for one file, JSON Lines for several.
    Parse {
        /// Files to read (`-` reads stdin).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Indent the JSON (one file only).
        #[arg(long)]
        pretty: bool,
    },
    /// Print the JSON Schema of a Report.
    Schema,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Parse { files, pretty } => parse(&files, pretty),
        Command::Schema => {
            let schema = schemars::schema_for!(council_reports::Report);
            match serde_json::to_string_pretty(&schema) {
                Ok(s) => {
                    println!("{s}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("council-reports: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}

fn parse(files: &[PathBuf], pretty: bool) -> ExitCode {
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
        match result {
            Ok(report) => {
                let json = if pretty && files.len() == 1 {
                    serde_json::to_string_pretty(&report)
                } else {
                    serde_json::to_string(&report)
                };
                match json {
                    Ok(s) => {
                        if writeln!(out, "{s}").is_err() {
                            return ExitCode::SUCCESS; // broken pipe
                        }
                    }
                    Err(e) => {
                        eprintln!("council-reports: {}: {e}", path.display());
                        failed = true;
                    }
                }
            }
            Err(e) => {
                eprintln!("council-reports: {e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
