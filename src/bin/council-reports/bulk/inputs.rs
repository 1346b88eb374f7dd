//! Turning the command line's inputs into a stream of work items.
//!
//! Inputs are walked lazily, in a stable order (directory entries sorted by
//! name), and each item is sent down a bounded channel as soon as it is found,
//! so a million-file archive never sits in memory as a list.
//!
//! Which files are reports: a file named on the command line (or on stdin) is
//! always parsed — the user asked for it, and a wrong file deserves an error
//! line, not silence. A file met while walking a directory or an archive is
//! parsed when its first bytes say PDF (`%PDF-`) or Word (a zip holding
//! `word/document.xml`), when its extension names a report format (a `.pdf`
//! that is really an HTML error page must show up as an error), or when it
//! reads as text (no NUL bytes or binary control characters, valid UTF-8 or
//! Windows-1252, or a UTF-16 BOM) and its extension is not one of a data,
//! code or documentation format (`.csv`, `.json`, `.html`, `.md`…).
//! Everything else — images, spreadsheets, READMEs, hidden files — is
//! skipped and counted.

use std::fs::File;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::SyncSender;
use std::sync::Arc;

use council_reports::{Error, Format};

use super::output::Gate;
use super::resume::Done;
use super::shard::Shard;
use super::zip as archive;

/// How many bytes of a file decide what it is.
pub const SNIFF_BYTES: usize = 8192;

/// Extensions that name a report format: always parsed, even when the bytes
/// disagree, so that a damaged or mislabelled report gets its error line.
const REPORT_EXTENSIONS: &[&str] = &["pdf", "docx", "docm", "dotx", "txt", "text"];

/// Text formats that are data, markup, code or documentation (Markdown and
/// friends: a folder's README, a fixture's source), never a report export.
const NOT_REPORT_EXTENSIONS: &[&str] = &[
    "csv", "tsv", "json", "jsonl", "ndjson", "geojson", "xml", "html", "htm", "xhtml", "css", "js",
    "mjs", "ts", "yaml", "yml", "toml", "ini", "cfg", "conf", "log", "sh", "bat", "ps1", "py",
    "rs", "c", "h", "java", "sql", "svg", "rtf", "eml", "ics", "vcf", "srt", "lock", "md",
    "markdown", "rst", "adoc",
];

/// One input to parse.
pub struct Job {
    /// Position in input order.
    pub seq: u64,
    /// The name written in `source.path`.
    pub name: String,
    /// Where its bytes are.
    pub payload: Payload,
    /// The output file already has a line with this path: hash before parsing.
    pub resume_check: bool,
}

/// Where a job's bytes are.
pub enum Payload {
    /// A file on disk, read by the worker.
    File(PathBuf),
    /// A member of an archive, already decompressed.
    Bytes(Vec<u8>),
    /// An input that could not be read at all; `bytes` is its size if known.
    Failed {
        /// Why.
        error: Error,
        /// The size of the input, where known.
        bytes: Option<u64>,
    },
}

/// What a file looks like from its first bytes and its name.
#[derive(Debug, PartialEq, Eq)]
pub enum Class {
    /// Parse it.
    Parse,
    /// A zip: a docx, an archive to open, or neither.
    Zip,
    /// Not a report.
    Skip,
}

/// Decides what a file is from its first bytes and its name.
pub fn classify(head: &[u8], name: &str, named_by_user: bool) -> Class {
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return Class::Zip;
    }
    if !head.is_empty() && Format::detect(head, None) == Format::Pdf {
        return Class::Parse;
    }
    let ext = extension(name);
    if named_by_user
        || ext
            .as_deref()
            .is_some_and(|e| REPORT_EXTENSIONS.contains(&e))
    {
        return Class::Parse;
    }
    let data_format = ext
        .as_deref()
        .is_some_and(|e| NOT_REPORT_EXTENSIONS.contains(&e));
    if !data_format && looks_like_text(head) {
        Class::Parse
    } else {
        Class::Skip
    }
}

/// The lower-case extension of the last path component.
pub fn extension(name: &str) -> Option<String> {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let (stem, ext) = last.rsplit_once('.')?;
    (!stem.is_empty()).then(|| ext.to_ascii_lowercase())
}

/// Is the last path component hidden (`.DS_Store`, `._report.pdf`)?
pub fn is_hidden(name: &str) -> bool {
    name.trim_end_matches('/')
        .rsplit(['/', '\\'])
        .next()
        .is_some_and(|last| last.starts_with('.') && last != "." && last != "..")
}

/// Could these first bytes be a text export? (Empty is not: nothing says so.)
pub fn looks_like_text(head: &[u8]) -> bool {
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return true;
    }
    if head.is_empty() {
        return false;
    }
    let binary = head
        .iter()
        .any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C));
    if binary {
        return false;
    }
    match std::str::from_utf8(head) {
        Ok(_) => true,
        // The sniffed window may end inside a character.
        Err(e) if e.error_len().is_none() => true,
        // Windows-1252 leaves five bytes undefined.
        Err(_) => !head
            .iter()
            .any(|b| matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D)),
    }
}

/// The producer stopped because the run is stopping (output closed).
#[derive(Debug)]
pub struct Stopped;

/// Counts the producer keeps for the summary.
#[derive(Default)]
pub struct Counters {
    /// Not reports.
    pub skipped: AtomicU64,
    /// Left to other shards.
    pub other_shards: AtomicU64,
}

/// Walks the inputs and sends jobs.
pub struct Producer {
    pub(super) tx: SyncSender<Job>,
    pub(super) gate: Option<Arc<Gate>>,
    pub(super) stop: Arc<AtomicBool>,
    pub(super) counters: Arc<Counters>,
    pub(super) shard: Option<Shard>,
    pub(super) done: Option<Arc<Done>>,
    pub(super) max_input_bytes: u64,
    /// The output file, so a run into `dir/out.jsonl` does not read itself.
    pub(super) output: Option<PathBuf>,
    pub(super) next_seq: u64,
}

impl Producer {
    /// Sends every input's jobs; `-` reads a list of paths from stdin.
    pub fn run(&mut self, inputs: &[PathBuf]) -> Result<(), Stopped> {
        for input in inputs {
            if input.as_os_str() == "-" {
                // A path is bytes, not text: a Latin-1 name from an old
                // archive is read like any other, and never ends the list.
                let stdin = std::io::stdin();
                let mut lines = stdin.lock();
                let mut line = Vec::new();
                loop {
                    line.clear();
                    match lines.read_until(b'\n', &mut line) {
                        Ok(0) => break,
                        Ok(_) => {}
                        Err(e) => {
                            self.failed("-".into(), Error::from(e), None)?;
                            break;
                        }
                    }
                    let mut path: &[u8] = &line;
                    while let [rest @ .., b'\n' | b'\r'] = path {
                        path = rest;
                    }
                    if !path.iter().all(u8::is_ascii_whitespace) {
                        self.input(&path_of_bytes(path))?;
                    }
                }
            } else {
                self.input(input)?;
            }
        }
        Ok(())
    }

    /// A path the user named: a directory is walked, anything else parsed.
    fn input(&mut self, path: &Path) -> Result<(), Stopped> {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => self.walk(path),
            // Named by the user, so never silent: an error line that says
            // what it is (a FIFO would block the open).
            Ok(meta) => match not_regular(&meta) {
                Some(what) => {
                    let error = not_regular_error(path, what);
                    self.failed(name_of(path), error, None)
                }
                None => self.file(path, true),
            },
            Err(e) => self.failed(name_of(path), Error::from(e), None),
        }
    }

    fn walk(&mut self, dir: &Path) -> Result<(), Stopped> {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return self.failed(name_of(dir), Error::from(e), None),
        };
        // One directory's names at a time: sorted, so runs and shards agree.
        let mut children: Vec<(PathBuf, bool)> = Vec::new();
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    self.failed(name_of(dir), Error::from(e), None)?;
                    continue;
                }
            };
            let path = entry.path();
            // Symlinked directories are not followed (no cycles); symlinked
            // files are read.
            let Ok(file_type) = entry.file_type() else {
                children.push((path, false));
                continue;
            };
            if file_type.is_symlink() && path.is_dir() {
                self.skip();
                continue;
            }
            children.push((path, file_type.is_dir()));
        }
        children.sort();
        for (path, is_dir) in children {
            let name = name_of(&path);
            if is_hidden(&name) {
                if !is_dir {
                    self.counters.skipped.fetch_add(1, Ordering::Relaxed);
                }
                continue;
            }
            if is_dir {
                self.walk(&path)?;
                continue;
            }
            // Met while walking: a FIFO, socket or device is no report, and
            // is counted as skipped without being opened. A dangling or
            // looping symlink fails here and gets its error line.
            match std::fs::metadata(&path) {
                Ok(meta) if not_regular(&meta).is_some() => self.skip(),
                Ok(_) => self.file(&path, false)?,
                Err(e) => self.failed(name, Error::from(e).with_path(&path), None)?,
            }
        }
        Ok(())
    }

    fn file(&mut self, path: &Path, named_by_user: bool) -> Result<(), Stopped> {
        let name = name_of(path);
        if self.is_output(path) {
            return Ok(());
        }
        let is_zip_name = extension(&name).as_deref() == Some("zip");
        // Shard before reading anything: each machine touches only its files.
        // Archives are split by member instead.
        if !is_zip_name && !self.in_shard(&name) {
            return Ok(());
        }
        let head = match sniff(path) {
            Ok(head) => head,
            Err(e) => return self.failed(name, Error::from(e), None),
        };
        match classify(&head, &name, named_by_user) {
            Class::Parse if is_zip_name && !self.in_shard(&name) => Ok(()),
            Class::Parse => self.emit(name.clone(), Payload::File(path.to_path_buf())),
            Class::Skip => {
                self.skip();
                Ok(())
            }
            Class::Zip => archive::open_file(self, path, &name, is_zip_name, named_by_user),
        }
    }

    fn is_output(&self, path: &Path) -> bool {
        let Some(output) = &self.output else {
            return false;
        };
        path.canonicalize().is_ok_and(|p| &p == output)
    }

    /// Is `name` ours under `--shard`? Counts it when not.
    pub fn in_shard(&self, name: &str) -> bool {
        match &self.shard {
            Some(shard) if !shard.contains(name) => {
                self.counters.other_shards.fetch_add(1, Ordering::Relaxed);
                false
            }
            _ => true,
        }
    }

    /// Counts a file that is not a report.
    pub fn skip(&self) {
        self.counters.skipped.fetch_add(1, Ordering::Relaxed);
    }

    /// The largest input read.
    pub fn max_input_bytes(&self) -> u64 {
        self.max_input_bytes
    }

    /// Sends an input that could not be read, to become its error line.
    pub fn failed(
        &mut self,
        name: String,
        error: Error,
        bytes: Option<u64>,
    ) -> Result<(), Stopped> {
        self.emit(name, Payload::Failed { error, bytes })
    }

    /// Sends one job, waiting for the writer when ordered.
    pub fn emit(&mut self, name: String, payload: Payload) -> Result<(), Stopped> {
        if self.stop.load(Ordering::Relaxed) {
            return Err(Stopped);
        }
        let seq = self.next_seq;
        if let Some(gate) = &self.gate {
            if !gate.wait_for(seq) {
                return Err(Stopped);
            }
        }
        let resume_check = self.done.as_ref().is_some_and(|d| d.has_path(&name));
        self.next_seq += 1;
        self.tx
            .send(Job {
                seq,
                name,
                payload,
                resume_check,
            })
            .map_err(|_| Stopped)
    }
}

/// What a file that is not a regular file is ("a FIFO", "a socket", "a
/// device"), or `None` for a regular file.
pub fn not_regular(meta: &std::fs::Metadata) -> Option<&'static str> {
    if meta.is_file() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return Some("a FIFO");
        }
        if t.is_socket() {
            return Some("a socket");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("a device");
        }
    }
    Some(if meta.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    })
}

/// The `io` error of an input that is not a regular file.
pub fn not_regular_error(path: &Path, what: &str) -> Error {
    let message = format!("{what}, not a regular file: not read");
    Error::from(std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        message,
    ))
    .with_path(path)
}

/// A path from the bytes of a line of a path list.
fn path_of_bytes(bytes: &[u8]) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
    }
}

/// The name an input goes by in `source.path`: the path as given.
pub fn name_of(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

fn sniff(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    File::open(path)?
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)?;
    Ok(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_by_content_then_name() {
        assert_eq!(classify(b"%PDF-1.7\n", "a.bin", false), Class::Parse);
        assert_eq!(classify(b"PK\x03\x04xx", "a.docx", false), Class::Zip);
        assert_eq!(classify(b"<html>", "a.pdf", false), Class::Parse);
        assert_eq!(classify(b"", "empty.txt", false), Class::Parse);
        assert_eq!(classify(b"", "empty", false), Class::Skip);
        assert_eq!(classify(b"To: Council\n", "report", false), Class::Parse);
        assert_eq!(classify(b"# Fixtures\n", "README.md", false), Class::Skip);
        assert_eq!(classify(b"# Fixtures\n", "README.md", true), Class::Parse);
        assert_eq!(classify(b"a,b\n1,2\n", "data.csv", false), Class::Skip);
        assert_eq!(classify(b"a,b\n1,2\n", "data.csv", true), Class::Parse);
        assert_eq!(
            classify(b"\x89PNG\r\n\x1a\n\0\0", "logo.png", false),
            Class::Skip
        );
        assert_eq!(
            classify(b"caf\xe9 \x96 menu", "old.doc.txt2", false),
            Class::Parse
        );
        assert_eq!(classify(b"\xFF\xFEa\0b\0", "u16", false), Class::Parse);
    }

    #[test]
    fn names() {
        assert_eq!(extension("dir.d/Report.PDF").as_deref(), Some("pdf"));
        assert_eq!(extension("dir.d/README"), None);
        assert_eq!(extension(".bashrc"), None);
        assert!(is_hidden("a/.DS_Store"));
        assert!(is_hidden("a.zip!/__x/._report.pdf"));
        assert!(!is_hidden("./a/report.pdf"));
        assert!(!is_hidden("../x"));
    }
}
