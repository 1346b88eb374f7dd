//! `bulk --isolate`: each input parsed in a child process, so that what the
//! library's budgets do not stop (an allocation that aborts the process, a
//! stack overflow, a memory cap reached) costs one error line of kind
//! `crash`, not the run.
//!
//! The child is this same binary, run as the hidden subcommand
//! [`SUBCOMMAND`]: it reads one input's bytes from stdin, parses them, and
//! writes two lines to stdout: a header (`report PAGES BYTES`, `other PAGES BYTES` for kind other, or
//! `error KIND BYTES`, for the summary) and the JSONL record itself, made
//! by the same code as in-process parsing, so the output is the same with
//! and without `--isolate`. With `--max-memory` the child first caps its own
//! address space (`setrlimit(RLIMIT_AS)`, Unix only).

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, ExitCode, ExitStatus, Stdio};

use council_reports::{ParseOptions, Parser};

use super::output::Outcome;

/// The hidden subcommand a child runs.
pub const SUBCOMMAND: &str = "__parse-one";

/// How the parent starts children.
#[derive(Debug, Clone)]
pub struct Isolation {
    exe: PathBuf,
    max_memory: Option<u64>,
    max_input_bytes: u64,
}

impl Isolation {
    /// Children of the running binary, each capped at `max_memory` bytes
    /// of address space when given.
    pub fn new(max_memory: Option<u64>, max_input_bytes: u64) -> std::io::Result<Isolation> {
        Ok(Isolation {
            exe: std::env::current_exe()?,
            max_memory,
            max_input_bytes,
        })
    }

    /// Parses one input in a child: its record, or a `crash` error line
    /// when the child dies, fails or writes something unreadable.
    pub fn parse(&self, bytes: &[u8], name: &str) -> Outcome {
        match self.run_child(bytes, name) {
            Ok((status, stdout, stderr)) => match read_reply(&stdout) {
                Some(outcome) if status.success() => outcome,
                _ => crash(bytes, name, &died(status, &stderr, self.max_memory)),
            },
            Err(e) => crash(
                bytes,
                name,
                &format!("the child process could not be run: {e}"),
            ),
        }
    }

    fn run_child(
        &self,
        bytes: &[u8],
        name: &str,
    ) -> std::io::Result<(ExitStatus, Vec<u8>, Vec<u8>)> {
        let mut command = Command::new(&self.exe);
        command
            .arg(SUBCOMMAND)
            .arg("--name")
            .arg(name)
            .arg("--max-input-bytes")
            .arg(self.max_input_bytes.to_string());
        if let Some(max) = self.max_memory {
            command.arg("--max-memory").arg(max.to_string());
        }
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        // The child reads all its input before it writes anything, so
        // writing first and reading after cannot deadlock. A child that died
        // while reading breaks the pipe: its status tells why.
        if let Some(mut stdin) = child.stdin.take() {
            let _ = stdin.write_all(bytes);
        }
        let output = child.wait_with_output()?;
        Ok((output.status, output.stdout, output.stderr))
    }
}

/// A child's two lines as an [`Outcome`]; `None` unless both are whole.
fn read_reply(stdout: &[u8]) -> Option<Outcome> {
    let text = std::str::from_utf8(stdout).ok()?;
    let (header, rest) = text.split_once('\n')?;
    let line = rest.strip_suffix('\n')?;
    if line.is_empty() || line.contains('\n') || !line.starts_with('{') {
        return None;
    }
    let mut words = header.split(' ');
    let (what, field, bytes) = (words.next()?, words.next()?, words.next()?);
    let bytes: u64 = bytes.parse().ok()?;
    let line = line.to_string();
    match what {
        "report" | "other" => Some(Outcome::Report {
            line,
            other: what == "other",
            pages: field.parse().ok()?,
            bytes,
        }),
        "error" => Some(Outcome::Error {
            line,
            kind: field.to_string(),
            bytes,
        }),
        _ => None,
    }
}

/// What became of a child that gave no reply: its signal or exit status,
/// and the first line it wrote to stderr (an allocator's "memory allocation
/// of N bytes failed", say; what follows is backtrace noise).
fn died(status: ExitStatus, stderr: &[u8], max_memory: Option<u64>) -> String {
    let how = match signal_of(status) {
        Some(signal) => format!("was killed by signal {signal}{}", signal_name(signal)),
        None => match status.code() {
            Some(0) => "exited without a readable record".to_string(),
            Some(code) => format!("exited with status {code}"),
            None => "ended without an exit status".to_string(),
        },
    };
    let mut message = format!("the child process parsing this file {how}");
    if let Some(max) = max_memory {
        message.push_str(&format!(" (--max-memory {max} bytes)"));
    }
    let said = String::from_utf8_lossy(stderr);
    if let Some(line) = said.lines().map(str::trim).find(|l| !l.is_empty()) {
        let line: String = line.chars().take(300).collect();
        message.push_str(": ");
        message.push_str(&line);
    }
    message
}

#[cfg(unix)]
fn signal_of(status: ExitStatus) -> Option<i32> {
    use std::os::unix::process::ExitStatusExt;
    status.signal()
}

#[cfg(not(unix))]
fn signal_of(_status: ExitStatus) -> Option<i32> {
    None
}

/// The usual name of a signal a crashing parser meets, for the message.
fn signal_name(signal: i32) -> &'static str {
    match signal {
        4 => " (SIGILL)",
        6 => " (SIGABRT)",
        7 => " (SIGBUS)",
        8 => " (SIGFPE)",
        9 => " (SIGKILL)",
        11 => " (SIGSEGV)",
        24 => " (SIGXCPU)",
        _ => "",
    }
}

/// The error line of a child that crashed.
fn crash(bytes: &[u8], name: &str, message: &str) -> Outcome {
    super::error_line(name, bytes, "crash", message, None)
}

/// Arguments of the hidden child subcommand.
#[derive(clap::Args)]
pub struct ChildArgs {
    /// The input's name, as its record's `source.path`.
    #[arg(long)]
    name: String,
    /// As `bulk --max-input-bytes`.
    #[arg(long)]
    max_input_bytes: u64,
    /// Cap on the child's address space, in bytes.
    #[arg(long)]
    max_memory: Option<u64>,
}

/// The child's side: one input from stdin, its two reply lines to stdout.
pub fn child(args: ChildArgs) -> ExitCode {
    if let Some(max) = args.max_memory {
        if let Err(e) = cap_memory(max) {
            eprintln!("council-reports: cannot cap memory at {max} bytes: {e}");
            return ExitCode::from(2);
        }
    }
    let mut bytes = Vec::new();
    let read = std::io::stdin()
        .lock()
        .take(args.max_input_bytes.saturating_add(1))
        .read_to_end(&mut bytes);
    if let Err(e) = read {
        eprintln!("council-reports: cannot read the input: {e}");
        return ExitCode::from(2);
    }
    let mut options = ParseOptions::default();
    options.max_input_bytes = args.max_input_bytes;
    let parser = Parser::with_options(options);
    let outcome = super::parse_outcome(|b, n| parser.parse_named(b, n), &bytes, &args.name);
    let reply = match &outcome {
        Outcome::Report {
            line,
            other,
            pages,
            bytes,
        } => {
            // A report of kind other comes back as such, for the summary.
            let what = if *other { "other" } else { "report" };
            format!("{what} {pages} {bytes}\n{line}\n")
        }
        Outcome::Error { line, kind, bytes } => format!("error {kind} {bytes}\n{line}\n"),
        Outcome::Resumed => return ExitCode::from(2),
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(reply.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(1),
    }
}

#[cfg(unix)]
fn cap_memory(max: u64) -> std::io::Result<()> {
    rlimit::setrlimit(rlimit::Resource::AS, max, max)
}

#[cfg(not(unix))]
fn cap_memory(_max: u64) -> std::io::Result<()> {
    Err(std::io::Error::other("--max-memory needs a Unix system"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_reply_is_read_and_a_torn_one_is_not() {
        let whole = b"error limit 12\n{\"error\":{}}\n";
        assert!(matches!(
            read_reply(whole),
            Some(Outcome::Error { ref kind, bytes: 12, .. }) if kind == "limit"
        ));
        let report = b"report 3 40\n{\"source\":{}}\n";
        assert!(matches!(
            read_reply(report),
            Some(Outcome::Report {
                pages: 3,
                bytes: 40,
                ..
            })
        ));
        for torn in [
            &b"report 3 40\n{\"source\":"[..],
            b"report 3 40\n",
            b"",
            b"garbage\n{}\n",
            b"report x 40\n{}\n",
        ] {
            assert!(read_reply(torn).is_none(), "{torn:?}");
        }
    }

    #[test]
    fn a_death_says_how() {
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            let killed = ExitStatus::from_raw(6);
            let said = b"memory allocation of 8 bytes failed\nskipping backtrace printing\n";
            let m = died(killed, said, Some(1 << 20));
            assert_eq!(
                m,
                "the child process parsing this file was killed by signal 6 (SIGABRT) (--max-memory 1048576 bytes): memory allocation of 8 bytes failed"
            );
            let exited = ExitStatus::from_raw(101 << 8);
            assert_eq!(
                died(exited, b"", None),
                "the child process parsing this file exited with status 101"
            );
        }
    }
}
