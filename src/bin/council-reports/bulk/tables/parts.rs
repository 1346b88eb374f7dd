//! Part files: `DIR/<table>/part-K.<ext>` and what a resume adds.
//!
//! Shard K of N (K = 1 without `--shard`) writes `part-K.<ext>` in every
//! table's folder; a resumed run adds `part-K.2.<ext>`, `part-K.3.<ext>`…
//! (the next number free), and never opens the parts already there. So
//! `DIR/<table>/*.parquet` always names every row of the dataset, whatever
//! the shards and resumes.
//!
//! A part is written under a hidden name (`.part-K.R.<ext>.tmp`, which no
//! `*.parquet` glob and no Spark reader picks up) and renamed when the run
//! ends: a run killed half-way leaves no torn part behind, only a hidden
//! file that the next run of the shard removes.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The part names of one run of one shard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartName {
    stem: String,
    run: u64,
    ext: &'static str,
}

impl PartName {
    /// The name this run writes for shard `shard` (1 without `--shard`):
    /// the first free run number when resuming, else run 1, after removing
    /// this shard's old parts (a fresh run replaces its shard, as `-o`
    /// replaces its file; other shards' parts are left alone).
    pub fn for_run(
        dir: &Path,
        tables: &[&str],
        shard: u64,
        ext: &'static str,
        resume: bool,
    ) -> io::Result<PartName> {
        let mut name = PartName {
            stem: format!("part-{shard}"),
            run: 1,
            ext,
        };
        for table in tables {
            let folder = dir.join(table);
            fs::create_dir_all(&folder)?;
            for entry in fs::read_dir(&folder)? {
                let file = entry?.file_name();
                let Some(file) = file.to_str() else { continue };
                if name.is_tmp_of_shard(file) {
                    fs::remove_file(folder.join(file))?;
                } else if let Some(run) = name.run_of(file) {
                    if resume {
                        name.run = name.run.max(run + 1);
                    } else {
                        fs::remove_file(folder.join(file))?;
                    }
                }
            }
        }
        Ok(name)
    }

    /// The file name readers see: `part-K.ext`, `part-K.R.ext` from run 2.
    pub fn file(&self) -> String {
        if self.run == 1 {
            format!("{}.{}", self.stem, self.ext)
        } else {
            format!("{}.{}.{}", self.stem, self.run, self.ext)
        }
    }

    /// The hidden name the part has while it is written.
    pub fn tmp(&self) -> String {
        format!(".{}.tmp", self.file())
    }

    /// Is this the first run of the shard (no earlier parts)?
    pub fn is_first(&self) -> bool {
        self.run == 1
    }

    /// The run number of `file` if it is a finished part of this shard.
    fn run_of(&self, file: &str) -> Option<u64> {
        let rest = file.strip_prefix(self.stem.as_str())?;
        let middle = rest.strip_suffix(self.ext)?.strip_suffix('.')?;
        if middle.is_empty() {
            return Some(1);
        }
        middle.strip_prefix('.')?.parse().ok().filter(|&r| r > 1)
    }

    fn is_tmp_of_shard(&self, file: &str) -> bool {
        file.strip_prefix('.')
            .and_then(|f| f.strip_suffix(".tmp"))
            .is_some_and(|f| self.run_of(f).is_some())
    }
}

/// Renames the finished parts to the names readers see.
pub fn commit(renames: &[(PathBuf, PathBuf)]) -> io::Result<()> {
    for (tmp, done) in renames {
        fs::rename(tmp, done)?;
    }
    Ok(())
}

/// The finished parts in a table's folder (not hidden, ending in `.ext`), in
/// name order.
pub fn finished(folder: &Path, ext: &str) -> io::Result<Vec<PathBuf>> {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut parts = Vec::new();
    for entry in entries {
        let path = entry?.path();
        let visible = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| !n.starts_with('.') && n.ends_with(&format!(".{ext}")));
        if visible {
            parts.push(path);
        }
    }
    parts.sort();
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_resume_takes_the_next_run_and_a_fresh_run_replaces_only_its_shard() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("reports");
        fs::create_dir_all(&folder).unwrap();
        for f in [
            "part-3.parquet",
            "part-3.2.parquet",
            "part-31.parquet",
            "part-1.parquet",
        ] {
            fs::write(folder.join(f), b"x").unwrap();
        }
        fs::write(folder.join(".part-3.4.parquet.tmp"), b"torn").unwrap();
        let name =
            PartName::for_run(dir.path(), &["reports", "warnings"], 3, "parquet", true).unwrap();
        assert_eq!(name.file(), "part-3.3.parquet");
        assert_eq!(name.tmp(), ".part-3.3.parquet.tmp");
        assert!(
            !folder.join(".part-3.4.parquet.tmp").exists(),
            "stale tmp removed"
        );
        assert!(dir.path().join("warnings").is_dir());

        let name = PartName::for_run(dir.path(), &["reports"], 3, "parquet", false).unwrap();
        assert_eq!(name.file(), "part-3.parquet");
        let left: Vec<_> = finished(&folder, "parquet")
            .unwrap()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left, ["part-1.parquet", "part-31.parquet"]);
    }
}
