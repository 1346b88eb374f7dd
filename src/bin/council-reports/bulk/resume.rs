//! `--resume`: pick up an interrupted run from the lines already written.
//!
//! An input is done when a line of the output file has its `source.path` and
//! the `sha256` of its current bytes, so a file changed since the last run is
//! read again. Error lines count as done too (the same bytes fail the same
//! way); delete them from the file to retry them. A last line cut short by a
//! crash does not parse and is ignored, so its file is read again.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use serde::Deserialize;

/// The last line of an output file, as a crash may have left it.
#[derive(Debug, PartialEq, Eq)]
pub enum Tail {
    /// Empty, or ends in a newline.
    Whole,
    /// A whole record that lacks only its newline: end it.
    Unterminated,
    /// Cut short: cut the file back to its first `keep` bytes, so that every
    /// line of the file stays one JSON record; its input is read again.
    Torn {
        /// The length of the file up to the torn line.
        keep: u64,
    },
}

/// The (path, sha256) pairs already in an output file.
#[derive(Debug, Default)]
pub struct Done {
    by_path: HashMap<String, HashSet<String>>,
    lines: u64,
}

#[derive(Deserialize)]
struct Line {
    source: LineSource,
}

#[derive(Deserialize)]
struct LineSource {
    path: Option<String>,
    sha256: String,
}

impl Done {
    /// Reads an output file of an earlier run. A missing file is an empty set.
    /// Also says what to do with a last line that lacks its newline (a run
    /// killed mid-write, a disk that filled): see [`Tail`].
    pub fn load(path: &Path) -> std::io::Result<(Done, Tail)> {
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok((Done::default(), Tail::Whole));
            }
            Err(e) => return Err(e),
        };
        let mut done = Done::default();
        // Lines as bytes: a last line torn inside a character is not UTF-8,
        // and is ignored like any line that does not parse, so its input is
        // read again.
        let mut reader = BufReader::new(file);
        let mut line = Vec::new();
        let mut offset = 0u64;
        let mut tail = Tail::Whole;
        loop {
            line.clear();
            let n = reader.read_until(b'\n', &mut line)?;
            if n == 0 {
                break;
            }
            let parsed = serde_json::from_slice::<Line>(&line);
            if line.last() != Some(&b'\n') {
                tail = if parsed.is_ok() {
                    Tail::Unterminated
                } else {
                    Tail::Torn { keep: offset }
                };
            }
            offset += n as u64;
            if let Ok(Line {
                source:
                    LineSource {
                        path: Some(path),
                        sha256,
                    },
            }) = parsed
            {
                done.insert(path, sha256);
            }
        }
        Ok((done, tail))
    }

    /// Counts one record of `path` with these bytes as done.
    pub fn insert(&mut self, path: String, sha256: String) {
        self.by_path.entry(path).or_default().insert(sha256);
        self.lines += 1;
    }

    /// Has some line this path? (Cheap: lets the reader hash only these.)
    pub fn has_path(&self, path: &str) -> bool {
        self.by_path.contains_key(path)
    }

    /// Has some line this path with these bytes?
    pub fn contains(&self, path: &str, sha256: &str) -> bool {
        self.by_path.get(path).is_some_and(|s| s.contains(sha256))
    }

    /// How many lines were recognised.
    pub fn lines(&self) -> u64 {
        self.lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn reads_paths_and_hashes_and_cuts_a_torn_last_line() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.jsonl");
        let mut f = File::create(&out).unwrap();
        let a = r#"{"schema_version":"1","source":{"path":"a.txt","format":"txt","bytes":1,"sha256":"aa","pages":null},"kind":"report"}"#;
        let b = r#"{"schema_version":"1","source":{"path":"b.pdf","format":"pdf","bytes":0,"sha256":"bb","pages":null},"error":{"kind":"pdf","message":"x"}}"#;
        writeln!(f, "{a}").unwrap();
        writeln!(f, "{b}").unwrap();
        let whole = (a.len() + b.len() + 2) as u64;
        write!(f, r#"{{"schema_version":"1","source":{{"path":"c.txt","#).unwrap();
        drop(f);
        let (done, tail) = Done::load(&out).unwrap();
        assert_eq!(tail, Tail::Torn { keep: whole });
        assert_eq!(done.lines(), 2);
        assert!(done.contains("a.txt", "aa"));
        assert!(done.contains("b.pdf", "bb"));
        assert!(!done.contains("a.txt", "bb"));
        assert!(!done.has_path("c.txt"));
        // Torn inside a character: still read, the torn line cut.
        let mut f = std::fs::OpenOptions::new().append(true).open(&out).unwrap();
        f.write_all("\"caf\u{e9}".as_bytes().split_last().unwrap().1)
            .unwrap();
        drop(f);
        let (done, tail) = Done::load(&out).unwrap();
        assert_eq!(tail, Tail::Torn { keep: whole });
        assert_eq!(done.lines(), 2);
        // A whole record without its newline is kept and ended.
        std::fs::write(&out, a).unwrap();
        let (done, tail) = Done::load(&out).unwrap();
        assert_eq!((done.lines(), tail), (1, Tail::Unterminated));
        let (empty, tail) = Done::load(&dir.path().join("missing.jsonl")).unwrap();
        assert!(tail == Tail::Whole && empty.lines() == 0);
    }
}
