//! The end-of-run summary: a few lines on stderr for people, the same numbers
//! as JSON (`--summary-json`) for the machine that runs the job.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

/// What a bulk run did.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// Inputs read in this run: `reports + other + errors`.
    pub files: u64,
    /// Lines holding a council paper (any kind but `other`).
    pub reports: u64,
    /// Lines holding a file read but of kind `other`: no council paper.
    pub other: u64,
    /// Error lines, and inputs whose line could not be written (kind
    /// `write`).
    pub errors: u64,
    /// Error lines by `error.kind`.
    pub errors_by_kind: BTreeMap<String, u64>,
    /// Files met that are not reports (images, spreadsheets, hidden files…).
    pub skipped: u64,
    /// Inputs left to the other shards of `--shard`.
    pub other_shards: u64,
    /// Inputs already in the output file (`--resume`).
    pub resumed: u64,
    /// Pages of the reports (pdf only; other formats have no pages).
    pub pages: u64,
    /// Bytes of all inputs read.
    pub bytes: u64,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// `files / seconds`.
    pub files_per_sec: f64,
    /// Worker threads.
    pub jobs: usize,
    /// Set when the reader of stdout went away and the run stopped early.
    pub stopped_by_closed_output: bool,
}

impl Summary {
    /// Counts one report line (`other`: of kind other).
    pub fn report(&mut self, other: bool, pages: u64, bytes: u64) {
        self.files += 1;
        if other {
            self.other += 1;
        } else {
            self.reports += 1;
        }
        self.pages += pages;
        self.bytes += bytes;
    }

    /// Counts one error line.
    pub fn error(&mut self, kind: &str, bytes: u64) {
        self.files += 1;
        self.errors += 1;
        self.bytes += bytes;
        *self.errors_by_kind.entry(kind.to_string()).or_default() += 1;
    }

    /// Counts `n` lines that were lost because the output could not be
    /// written: errors of kind `write`, so a failed run never says 0 errors.
    pub fn unwritten(&mut self, n: u64) {
        let n = n.max(1);
        self.files += n;
        self.errors += n;
        *self.errors_by_kind.entry("write".to_string()).or_default() += n;
    }

    /// Sets the time and the rate.
    pub fn finish(&mut self, seconds: f64) {
        self.seconds = seconds;
        self.files_per_sec = if seconds > 0.0 {
            self.files as f64 / seconds
        } else {
            0.0
        };
    }

    /// The stderr text.
    pub fn human(&self) -> String {
        let mut s = format!(
            "council-reports: {} files: {} reports, {} other (not council papers), {} errors",
            self.files, self.reports, self.other, self.errors
        );
        if !self.errors_by_kind.is_empty() {
            let kinds: Vec<String> = self
                .errors_by_kind
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect();
            let _ = write!(s, " ({})", kinds.join(", "));
        }
        let _ = write!(s, "; {} skipped (not reports)", self.skipped);
        if self.resumed > 0 {
            let _ = write!(s, ", {} already done", self.resumed);
        }
        if self.other_shards > 0 {
            let _ = write!(s, ", {} left to other shards", self.other_shards);
        }
        let _ = write!(
            s,
            "\ncouncil-reports: {} pages, {} in {:.2} s with {} jobs: {:.1} files/s",
            self.pages,
            human_bytes(self.bytes),
            self.seconds,
            self.jobs,
            self.files_per_sec
        );
        if self.stopped_by_closed_output {
            s.push_str("\ncouncil-reports: stopped early: the output was closed");
        }
        s
    }
}

fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    let name = UNITS.get(unit).copied().unwrap_or("B");
    if unit == 0 {
        format!("{n} B")
    } else {
        format!("{value:.1} {name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_formats() {
        let mut s = Summary::default();
        s.report(false, 12, 1000);
        s.report(true, 0, 0);
        s.error("pdf", 24);
        s.error("panic", 0);
        s.finish(2.0);
        assert_eq!(
            (s.files, s.reports, s.errors, s.pages, s.bytes),
            (4, 1, 2, 12, 1024)
        );
        assert_eq!(s.files_per_sec, 2.0);
        let text = s.human();
        assert!(
            text.contains(
                "4 files: 1 reports, 1 other (not council papers), 2 errors (panic 1, pdf 1)"
            ),
            "{text}"
        );
        assert!(text.contains("1.0 KiB"), "{text}");
    }
}
