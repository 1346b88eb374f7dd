//! `council-reports bulk`: a whole archive to JSON Lines, in parallel, in
//! bounded memory, never losing a file.
//!
//! Three stages joined by bounded channels:
//!
//! ```text
//! inputs (1 thread: walk, sniff, unzip) ─▶ workers (rayon: read, parse) ─▶ writer (main thread)
//! ```
//!
//! The channels hold at most `2 × jobs` items each, so memory is a few files'
//! worth whatever the archive's size. Every input yields exactly one line — a
//! Report or an error line — or is counted as skipped; a parser panic becomes
//! an error line of kind `panic`. With `--isolate` each input is parsed in a
//! child process ([`isolate`]), and a child that dies becomes an error line
//! of kind `crash`.

mod inputs;
pub mod isolate;
mod output;
mod progress;
mod resume;
mod shard;
mod summary;
mod tables;
mod zip;

use std::cell::RefCell;
use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Read, Write};
use std::num::NonZeroUsize;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::Arc;
use std::time::Instant;

use council_reports::report::{ErrorInfo, Kind, Record, Source};
use council_reports::{Error, Format, ParseOptions, Parser, Report};
use rayon::iter::{ParallelBridge, ParallelIterator};

use crate::message::for_cli;
use inputs::{Counters, Job, Payload, Producer};
use output::{Finished, Gate, LineWriter, Outcome};
use progress::Progress;
use resume::{Done, Tail};
use shard::Shard;
use summary::Summary;
pub use tables::schema::markdown as tables_markdown;
use tables::{Tables, TablesFormat};

/// Shown under `council-reports bulk --help`.
pub const EXAMPLES: &str =
    "Inputs: files, directories (walked recursively in name order; PDF, Word and text
files are found by their first bytes, other files are skipped and counted), .zip
archives (members named archive.zip!/dir/file.pdf), and - for a list of paths on
stdin, one per line.

Each input gives one JSON line: a Report, or {\"schema_version\",\"source\",\"error\":
{\"kind\",\"message\"}} for a file that could not be read. A summary goes to stderr.

Examples:
  council-reports bulk fixtures -o reports.jsonl
  council-reports bulk minutes-2019.zip papers/ --jobs 4 --ordered > reports.jsonl
  find /archive -name '*.pdf' -mtime -1 | council-reports bulk - -o today.jsonl
  council-reports bulk /archive --shard 3/8 -o part-3.jsonl     # machine 3 of 8
  council-reports bulk /archive -o all.jsonl --resume           # after a crash
  council-reports bulk /archive -o all.jsonl --summary-json run.json
  council-reports bulk /archive -o all.jsonl --isolate --max-memory 2G
  council-reports bulk /archive --tables out/                   # Parquet tables only
  council-reports bulk /archive -o all.jsonl --tables out/ --tables-format csv

Exit status: 0 every input read, 1 some inputs failed (all others still written),
2 usage error. A closed stdout (| head) counts as success.";

/// Options of `council-reports bulk`.
#[derive(clap::Args)]
pub struct BulkArgs {
    /// Files, directories, .zip archives, or `-` for a list of paths on stdin.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Write the JSON Lines here instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Parse this many files at once [default: all cores].
    #[arg(short, long, value_name = "N")]
    jobs: Option<NonZeroUsize>,
    /// Write lines in input order (default: as files finish).
    #[arg(long)]
    ordered: bool,
    /// Parse only shard K of N (K from 1), chosen by a stable hash of each path.
    #[arg(long, value_name = "K/N")]
    shard: Option<Shard>,
    /// Skip inputs whose path and sha256 are already in the -o file (or,
    /// without -o, in the --tables reports), and append.
    #[arg(long)]
    resume: bool,
    /// Also write every structure as a flat table, DIR/<table>/part-K.parquet
    /// (K of --shard, else 1); with --resume a new part is added. Without -o,
    /// no JSON Lines are written.
    #[arg(long, value_name = "DIR")]
    tables: Option<PathBuf>,
    /// The format of --tables.
    #[arg(
        long,
        value_name = "FORMAT",
        default_value = "parquet",
        requires = "tables"
    )]
    tables_format: TablesFormat,
    /// Also write the summary as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    summary_json: Option<PathBuf>,
    /// Largest input (file or archive member) read [default: 256 MiB]: bytes,
    /// or with a suffix K, M, G (also KiB, MiB, GiB; powers of 1024).
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    max_input_bytes: Option<u64>,
    /// Parse each input in a child process: a file that aborts the parser
    /// (or reaches --max-memory) becomes one error line of kind `crash`,
    /// and the run goes on. Costs a process start per file.
    #[arg(long)]
    isolate: bool,
    /// With --isolate: cap each child's address space at SIZE (setrlimit
    /// RLIMIT_AS; Unix only). Address space is more than resident memory:
    /// leave room (e.g. 1G for reports that need a few hundred MB).
    #[arg(long, value_name = "SIZE", value_parser = parse_size, requires = "isolate")]
    max_memory: Option<u64>,
    /// No progress bar and no summary on stderr.
    #[arg(short, long)]
    quiet: bool,
}

/// Runs `bulk`.
pub fn run(args: BulkArgs) -> ExitCode {
    let start = Instant::now();
    let mut options = ParseOptions::default();
    if let Some(max) = args.max_input_bytes {
        options.max_input_bytes = max;
    }
    if args.max_memory.is_some() && !cfg!(unix) {
        return usage("--max-memory needs a Unix system (it is set with setrlimit)");
    }
    let isolation = if args.isolate {
        match isolate::Isolation::new(args.max_memory, options.max_input_bytes) {
            Ok(i) => Some(i),
            Err(e) => return usage(&format!("--isolate cannot find this program: {e}")),
        }
    } else {
        None
    };
    let jobs = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
        NonZeroUsize::get,
    );

    // Nothing lost by mistake: an input that is the output file would be
    // emptied before it is read, and a summary path that cannot be written
    // would fail only after the whole run. Both are usage errors up front.
    if let Some(output) = &args.output {
        let out = output.canonicalize().ok();
        if out.is_some() && args.inputs.iter().any(|i| i.canonicalize().ok() == out) {
            return usage(&format!(
                "{} is both an input and the output; write the output elsewhere",
                output.display()
            ));
        }
    }
    if let Some(path) = &args.summary_json {
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
        let dir_ok = parent.is_none_or(Path::is_dir);
        if !dir_ok || path.is_dir() {
            return usage(&format!("cannot write the summary to {}", path.display()));
        }
    }
    if let Some(why) = args.tables.as_ref().and(args.tables_format.unavailable()) {
        return usage(why);
    }
    let done = if args.resume {
        let loaded = match (&args.output, &args.tables) {
            (Some(output), _) => Done::load(output).map_err(|e| (output, e)),
            (None, Some(dir)) => tables::done(dir, args.tables_format)
                .map(|done| (done, Tail::Whole))
                .map_err(|e| (dir, e)),
            (None, None) => return usage("--resume needs -o FILE or --tables DIR"),
        };
        match loaded {
            Ok(loaded) => Some(loaded),
            Err((path, e)) => return usage(&format!("cannot read {}: {e}", path.display())),
        }
    } else {
        None
    };
    // A line torn by a crash is cut off before anything is appended, so
    // every line of the file stays one JSON record.
    if let (Some((_, Tail::Torn { keep })), Some(output)) = (&done, &args.output) {
        let cut = OpenOptions::new()
            .write(true)
            .open(output)
            .and_then(|f| f.set_len(*keep));
        if let Err(e) = cut {
            return usage(&format!(
                "cannot cut the torn last line of {}: {e}",
                output.display()
            ));
        }
    }
    let mut out: Box<dyn Write + Send> = match &args.output {
        Some(path) => match open_output(path, args.resume) {
            Ok(file) => Box::new(BufWriter::with_capacity(1 << 16, file)),
            Err(e) => return usage(&format!("cannot write {}: {e}", path.display())),
        },
        None if args.tables.is_some() => Box::new(std::io::sink()),
        None => Box::new(BufWriter::with_capacity(1 << 16, std::io::stdout())),
    };
    // One hook: every outcome the writer writes is also given to the tables.
    let tables = match &args.tables {
        Some(dir) => {
            let config = tables::Config {
                dir,
                format: args.tables_format,
                shard: args.shard.map_or(1, |s| s.k()),
                resume: args.resume,
                jsonl: args.output.as_deref(),
            };
            match Tables::open(&config) {
                Ok(t) => Some(RefCell::new(t)),
                Err(e) => return usage(&format!("cannot write tables in {}: {e}", dir.display())),
            }
        }
        None => None,
    };
    let done = match done {
        Some((done, tail)) => {
            if !args.quiet && done.lines() > 0 {
                eprintln!(
                    "council-reports: resuming: {} lines already in the output",
                    done.lines()
                );
            }
            if tail == Tail::Unterminated && out.write_all(b"\n").is_err() {
                return usage("cannot append to the output file");
            }
            Some(Arc::new(done))
        }
        None => None,
    };
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .stack_size(32 << 20)
        .thread_name(|i| format!("council-reports-{i}"))
        .build()
    {
        Ok(pool) => pool,
        Err(e) => return usage(&format!("cannot start {jobs} worker threads: {e}")),
    };

    let window = (jobs as u64 * 8).max(64);
    let gate = Arc::new(Gate::new(window));
    let stop = Arc::new(AtomicBool::new(false));
    let counters = Arc::new(Counters::default());
    let (job_tx, job_rx) = sync_channel::<Job>(jobs * 2);
    let (done_tx, done_rx) = sync_channel::<Finished>(jobs * 2);

    let mut producer = Producer {
        tx: job_tx,
        gate: args.ordered.then(|| Arc::clone(&gate)),
        stop: Arc::clone(&stop),
        counters: Arc::clone(&counters),
        shard: args.shard,
        done: done.clone(),
        max_input_bytes: options.max_input_bytes,
        output: args.output.as_ref().and_then(|p| p.canonicalize().ok()),
        next_seq: 0,
    };
    let inputs = args.inputs.clone();
    let producer = std::thread::spawn(move || {
        // A stop is the writer's decision; nothing to report here.
        let _ = producer.run(&inputs);
    });

    let parser = Parser::with_options(options);
    let worker_stop = Arc::clone(&stop);
    let workers = std::thread::spawn(move || {
        pool.install(|| {
            job_rx
                .into_iter()
                .par_bridge()
                .for_each_with(done_tx, |tx, job| {
                    let seq = job.seq;
                    let outcome = if worker_stop.load(Ordering::Relaxed) {
                        Outcome::Resumed
                    } else {
                        process(&parser, isolation.as_ref(), done.as_deref(), job)
                    };
                    // The writer is gone only when the run is stopping.
                    let _ = tx.send(Finished { seq, outcome });
                });
        });
    });

    let mut summary = Summary {
        jobs,
        ..Summary::default()
    };
    let progress = Progress::new(!args.quiet, args.output.is_none());
    let mut count = |outcome: &Outcome| {
        match outcome {
            Outcome::Report {
                other,
                pages,
                bytes,
                ..
            } => summary.report(*other, *pages, *bytes),
            Outcome::Error { kind, bytes, .. } => summary.error(kind, *bytes),
            Outcome::Resumed => summary.resumed += 1,
        }
        if let Some(tables) = &tables {
            tables.borrow_mut().add(outcome);
        }
        progress.inc(summary.errors);
    };
    let mut writer = LineWriter::new(&mut out, args.ordered.then_some(&*gate));
    let mut write_error = None;
    let tables_error = || tables.as_ref().and_then(|t| t.borrow_mut().take_error());
    for finished in &done_rx {
        if let Err(e) = writer.accept(finished, &mut count) {
            write_error = Some(e);
            break;
        }
        if let Some(e) = tables_error() {
            write_error = Some(tables_failed(e));
            break;
        }
    }
    if write_error.is_none() {
        write_error = writer.finish(&mut count).err();
    }
    let mut unwritten = writer.unwritten();
    drop(writer);
    if write_error.is_none() {
        if let Some(tables) = tables {
            write_error = tables.into_inner().finish().err().map(tables_failed);
        }
    }
    if write_error.is_some() {
        stop.store(true, Ordering::Relaxed);
        gate.close();
        // Drain so that blocked workers and the producer can finish; the
        // lines they still bring are lost with the output.
        unwritten += done_rx
            .iter()
            .map(|f| u64::from(f.outcome.has_line()))
            .sum::<u64>();
    }
    drop(done_rx);
    let _ = producer.join();
    let _ = workers.join();
    progress.finish();

    let mut failed_output = false;
    if let Some(e) = write_error {
        if e.kind() == std::io::ErrorKind::BrokenPipe && args.output.is_none() {
            summary.stopped_by_closed_output = true;
        } else {
            eprintln!("council-reports: cannot write the output: {e}");
            failed_output = true;
            summary.unwritten(unwritten);
        }
    }
    summary.skipped = counters.skipped.load(Ordering::Relaxed);
    summary.other_shards = counters.other_shards.load(Ordering::Relaxed);
    summary.finish(start.elapsed().as_secs_f64());
    if !args.quiet {
        eprintln!("{}", summary.human());
    }
    if let Some(path) = &args.summary_json {
        if let Err(e) = write_summary(path, &summary) {
            eprintln!("council-reports: cannot write {}: {e}", path.display());
            failed_output = true;
        }
    }
    if failed_output || (summary.errors > 0 && !summary.stopped_by_closed_output) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A failure of the tables, said as one.
fn tables_failed(e: std::io::Error) -> std::io::Error {
    std::io::Error::new(e.kind(), format!("the tables: {e}"))
}

fn usage(message: &str) -> ExitCode {
    eprintln!("council-reports: {message}");
    ExitCode::from(2)
}

fn open_output(path: &Path, append: bool) -> std::io::Result<File> {
    if append {
        OpenOptions::new().create(true).append(true).open(path)
    } else {
        File::create(path)
    }
}

fn write_summary(path: &Path, summary: &Summary) -> std::io::Result<()> {
    let mut file = BufWriter::new(File::create(path)?);
    serde_json::to_writer_pretty(&mut file, summary)?;
    file.write_all(b"\n")?;
    file.flush()
}

/// A size as a user writes one: "1048576", "10M", "256 MiB", "2g", "512KiB".
/// K, M and G count in powers of 1024, as the help's "256 MiB" does.
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("not a size: {s:?} (bytes, or with K, M, G, KiB, MiB, GiB)"))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => {
            return Err(format!(
                "unknown size unit in {s:?}: use K, M, G, KiB, MiB or GiB"
            ))
        }
    };
    n.checked_mul(1u64 << shift)
        .ok_or_else(|| format!("size too large: {s:?}"))
}

/// Reads and parses one input, in this process or (with `isolation`) in a
/// child; never panics, whatever the parser does.
fn process(
    parser: &Parser,
    isolation: Option<&isolate::Isolation>,
    done: Option<&Done>,
    job: Job,
) -> Outcome {
    let max = parser.options().max_input_bytes;
    match isolation {
        Some(isolation) => process_with(|b, n| isolation.parse(b, n), max, done, job),
        None => process_with(
            |b, n| parse_outcome(|b, n| parser.parse_named(b, n), b, n),
            max,
            done,
            job,
        ),
    }
}

/// [`process`] with the parse step given, so that tests can make it fail.
fn process_with(
    parse: impl Fn(&[u8], &str) -> Outcome,
    max_input_bytes: u64,
    done: Option<&Done>,
    job: Job,
) -> Outcome {
    let Job {
        name,
        payload,
        resume_check,
        ..
    } = job;
    // An input that cannot be read has no bytes to hash: a line of the
    // earlier run under its name (its error line) is enough to count it
    // done, so a resume never writes the same error line again.
    let failed = |error: Error, size: Option<u64>| {
        if resume_check && done.is_some() {
            Outcome::Resumed
        } else {
            error_line(&name, &[], error.kind_name(), &for_cli(&error), size)
        }
    };
    let bytes = match payload {
        Payload::Bytes(bytes) => bytes,
        Payload::File(path) => match read_capped(&path, max_input_bytes) {
            Ok(bytes) => bytes,
            Err((error, size)) => return failed(error, size),
        },
        Payload::Failed { error, bytes } => return failed(error, bytes),
    };
    if resume_check {
        if let Some(done) = done {
            let sha256 = Source::of(&bytes, Format::Txt, None, None).sha256;
            if done.contains(&name, &sha256) {
                return Outcome::Resumed;
            }
        }
    }
    parse(&bytes, &name)
}

/// Parses one input's bytes into its line: a Report, or an error line (a
/// panic caught and reported as kind `panic`).
fn parse_outcome(
    parse: impl Fn(&[u8], &str) -> council_reports::Result<Report>,
    bytes: &[u8],
    name: &str,
) -> Outcome {
    match catch_unwind(AssertUnwindSafe(|| parse(bytes, name))) {
        Ok(Ok(report)) => {
            let other = report.kind == Kind::Other;
            let pages = report.source.pages.map_or(0, u64::from);
            let size = report.source.bytes;
            match serde_json::to_string(&Record::from(report)) {
                Ok(line) => Outcome::Report {
                    line,
                    other,
                    pages,
                    bytes: size,
                },
                Err(e) => error_line(name, bytes, "serialize", &e.to_string(), None),
            }
        }
        Ok(Err(error)) => error_line(name, bytes, error.kind_name(), &for_cli(&error), None),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            let message = format!("the parser panicked (a bug: please report this file): {what}");
            error_line(name, bytes, "panic", &message, None)
        }
    }
}

/// Reads a regular file of at most `max` bytes. The cap holds whatever the
/// file says its length is (a `/proc` file says 0 and may never end): at
/// most `max + 1` bytes are read. Anything but a regular file is refused
/// before it is opened, as opening a FIFO blocks.
fn read_capped(path: &Path, max: u64) -> Result<Vec<u8>, (Error, Option<u64>)> {
    let meta = std::fs::metadata(path).map_err(|e| (Error::from(e).with_path(path), None))?;
    if let Some(what) = inputs::not_regular(&meta) {
        return Err((inputs::not_regular_error(path, what), None));
    }
    let size = meta.len();
    let too_big = |size: u64| {
        (
            Error::limit("max_input_bytes", size, max).with_path(path),
            Some(size),
        )
    };
    if size > max {
        return Err(too_big(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).min(1 << 26));
    File::open(path)
        .and_then(|f| f.take(max.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(|e| (Error::from(e).with_path(path), Some(size)))?;
    if bytes.len() as u64 > max {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The record of an input that could not be read (SCHEMA.md's error line):
/// the one place every error line of a run is made, whatever its kind.
fn error_line(name: &str, bytes: &[u8], kind: &str, message: &str, size: Option<u64>) -> Outcome {
    let format = Format::detect(bytes, Some(Path::new(name)));
    let mut source = Source::of(bytes, format, Some(name.to_string()), None);
    if let Some(size) = size {
        source.bytes = size;
    }
    let size = source.bytes;
    let record = Record::failed(
        source,
        ErrorInfo {
            kind: kind.to_string(),
            message: with_name(name, message),
        },
    );
    // A record of strings and numbers always serialises; should that ever
    // change, the line still names the file and says why.
    let line = serde_json::to_string(&record).unwrap_or_else(|e| {
        serde_json::json!({
            "schema_version": record.schema_version,
            "source": { "path": name },
            "error": { "kind": "serialize", "message": e.to_string() },
        })
        .to_string()
    });
    Outcome::Error {
        line,
        kind: kind.to_string(),
        bytes: size,
    }
}

/// Error messages name the file; errors built before the path was known
/// (archive members, the producer's) get it here.
fn with_name(name: &str, message: &str) -> String {
    if message.starts_with(name) {
        message.to_string()
    } else {
        format!("{name}: {message}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use serde_json::Value;

    #[test]
    fn sizes_read_with_suffixes() {
        assert_eq!(parse_size("1048576"), Ok(1 << 20));
        assert_eq!(parse_size("10M"), Ok(10 << 20));
        assert_eq!(parse_size("256 MiB"), Ok(256 << 20));
        assert_eq!(parse_size("2g"), Ok(2 << 30));
        assert_eq!(parse_size("512KiB"), Ok(512 << 10));
        assert!(parse_size("10Q").is_err());
        assert!(parse_size("M").is_err());
        assert!(parse_size("99999999999999G").is_err());
    }

    fn job(name: &str, payload: Payload) -> Job {
        Job {
            seq: 0,
            name: name.to_string(),
            payload,
            resume_check: false,
        }
    }

    fn error_of(outcome: Outcome) -> (Value, String) {
        match outcome {
            Outcome::Error { line, kind, .. } => (serde_json::from_str(&line).unwrap(), kind),
            _ => panic!("expected an error line"),
        }
    }

    #[test]
    fn a_panic_becomes_an_error_line_and_the_caller_goes_on() {
        let outcome = process_with(
            |b, n| parse_outcome(|_, _| panic!("index out of bounds"), b, n),
            1 << 20,
            None,
            job("a.zip!/x.pdf", Payload::Bytes(b"%PDF-1.4".to_vec())),
        );
        let (line, kind) = error_of(outcome);
        assert_eq!(kind, "panic");
        assert_eq!(line["error"]["kind"], "panic");
        let message = line["error"]["message"].as_str().unwrap();
        assert!(message.starts_with("a.zip!/x.pdf: "), "{message}");
        assert!(message.contains("index out of bounds"), "{message}");
        assert_eq!(line["source"]["format"], "pdf");
        assert_eq!(line["source"]["bytes"], 8);
        assert_eq!(line["schema_version"], "1");
    }

    #[test]
    fn oversized_and_failed_inputs_become_error_lines() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.txt");
        std::fs::write(&big, vec![b'a'; 100]).unwrap();
        let name = big.to_string_lossy().into_owned();
        let never = |_: &[u8], _: &str| -> Outcome { unreachable!("must not parse") };
        let (line, kind) = error_of(process_with(
            never,
            10,
            None,
            job(&name, Payload::File(big)),
        ));
        assert_eq!(kind, "limit");
        assert_eq!(line["source"]["bytes"], 100, "the real size, not 0");
        let failed = Payload::Failed {
            error: Error::limit("max_input_bytes", 5, 1),
            bytes: Some(5),
        };
        let (line, kind) = error_of(process_with(never, 10, None, job("m.docx", failed)));
        assert_eq!(
            (kind.as_str(), &line["source"]["format"]),
            ("limit", &Value::from("docx"))
        );
        assert!(line["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("m.docx: "));
    }
}
