//! `--resume`: pick up an interrupted run from the lines already written.
//!
//! An input is done when a line of the output file has its `source.path` and
//! the `sha256` of its current bytes, so a file changed since the last run is
//! read again. Error lines count as done too (the same bytes fail the same
//! way); delete them from the file to retry them. A last line cut short by a
//! crash does not parse and is ignored, so its file is read again.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use serde::Deserialize;

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
    /// Also says whether the file's last line lacks its newline (a run killed
    /// mid-write), so that the appender can end it first.
    pub fn load(path: &Path) -> std::io::Result<(Done, bool)> {
        let mut file = match File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok((Done::default(), false));
            }
            Err(e) => return Err(e),
        };
        let len = file.metadata()?.len();
        let unterminated = if len > 0 {
            file.seek(SeekFrom::Start(len - 1))?;
            let mut last = [0u8; 1];
            file.read_exact(&mut last)?;
            file.seek(SeekFrom::Start(0))?;
            last != [b'\n']
        } else {
            false
        };
        let mut done = Done::default();
        for line in BufReader::new(file).lines() {
            let line = line?;
            if let Ok(Line {
                source:
                    LineSource {
                        path: Some(path),
                        sha256,
                    },
            }) = serde_json::from_str::<Line>(&line)
            {
                done.by_path.entry(path).or_default().insert(sha256);
                done.lines += 1;
            }
        }
        Ok((done, unterminated))
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
    fn reads_paths_and_hashes_and_ignores_a_torn_last_line() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.jsonl");
        let mut f = File::create(&out).unwrap();
        writeln!(f, r#"{{"schema_version":"1","source":{{"path":"a.txt","format":"txt","bytes":1,"sha256":"aa","pages":null}},"kind":"report"}}"#).unwrap();
        writeln!(f, r#"{{"schema_version":"1","source":{{"path":"b.pdf","format":"pdf","bytes":0,"sha256":"bb","pages":null}},"error":{{"kind":"pdf","message":"x"}}}}"#).unwrap();
        write!(f, r#"{{"schema_version":"1","source":{{"path":"c.txt","#).unwrap();
        drop(f);
        let (done, unterminated) = Done::load(&out).unwrap();
        assert!(unterminated);
        assert_eq!(done.lines(), 2);
        assert!(done.contains("a.txt", "aa"));
        assert!(done.contains("b.pdf", "bb"));
        assert!(!done.contains("a.txt", "bb"));
        assert!(!done.has_path("c.txt"));
        let (empty, unterminated) = Done::load(&dir.path().join("missing.jsonl")).unwrap();
        assert!(!unterminated && empty.lines() == 0);
    }
}
