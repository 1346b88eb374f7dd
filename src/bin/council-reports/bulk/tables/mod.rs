//! `bulk --tables DIR`: every structure of the reports as its own flat table,
//! one Parquet (or CSV) part per table per run, for DuckDB, pandas, Polars.
//!
//! The bulk loop hands every line it writes to [`Tables::add`], in the order
//! the JSONL gets them; the rows are made from that very line ([`rows`]), so
//! the tables hold what the JSONL holds. Tables and columns are declared in
//! [`schema`]; part names, resume and crash safety are in [`parts`].

mod csv_part;
#[cfg(feature = "parquet")]
mod parquet_part;
mod parts;
mod rows;
pub mod schema;

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

use super::output::Outcome;
use super::resume::Done;
use csv_part::CsvPart;
#[cfg(feature = "parquet")]
use parquet_part::ParquetPart;
use parts::PartName;
use rows::{Cell, Line};
use schema::{Table, TABLES};

/// The file format of the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TablesFormat {
    /// Apache Parquet (needs the `parquet` feature, on by default).
    Parquet,
    /// CSV with a header row.
    Csv,
}

impl TablesFormat {
    fn ext(self) -> &'static str {
        match self {
            TablesFormat::Parquet => "parquet",
            TablesFormat::Csv => "csv",
        }
    }

    /// Why this build cannot write the format, if it cannot.
    pub fn unavailable(self) -> Option<&'static str> {
        match self {
            #[cfg(not(feature = "parquet"))]
            TablesFormat::Parquet => Some(
                "this council-reports was built without the `parquet` feature: use --tables-format csv",
            ),
            _ => None,
        }
    }
}

/// What `--tables` was asked for.
pub struct Config<'a> {
    /// The dataset folder.
    pub dir: &'a Path,
    /// Parquet or CSV.
    pub format: TablesFormat,
    /// K of `--shard K/N`, 1 without shards.
    pub shard: u64,
    /// `--resume`: add a part, keep the old ones.
    pub resume: bool,
    /// With `--resume`, the JSONL of the earlier runs (`-o`), if any: its
    /// lines that the tables lack (a run killed before its parts were
    /// renamed) go into this run's part, so the two stay the same.
    pub jsonl: Option<&'a Path>,
}

enum Part {
    Csv(CsvPart),
    #[cfg(feature = "parquet")]
    Parquet(ParquetPart),
}

impl Part {
    fn create(path: &Path, table: &'static Table, format: TablesFormat) -> io::Result<Part> {
        match format {
            TablesFormat::Csv => CsvPart::create(path, table).map(Part::Csv),
            #[cfg(feature = "parquet")]
            TablesFormat::Parquet => ParquetPart::create(path, table).map(Part::Parquet),
            #[cfg(not(feature = "parquet"))]
            TablesFormat::Parquet => Err(io::Error::other(
                format.unavailable().unwrap_or("no parquet"),
            )),
        }
    }

    fn push(&mut self, cells: Vec<Cell>) -> io::Result<()> {
        match self {
            Part::Csv(p) => p.push(cells),
            #[cfg(feature = "parquet")]
            Part::Parquet(p) => p.push(cells),
        }
    }

    fn finish(self) -> io::Result<()> {
        match self {
            Part::Csv(p) => p.finish(),
            #[cfg(feature = "parquet")]
            Part::Parquet(p) => p.finish(),
        }
    }
}

/// The tables of one run, being written.
pub struct Tables {
    parts: Vec<Part>,
    renames: Vec<(PathBuf, PathBuf)>,
    first_run: bool,
    reports: u64,
    error: Option<io::Error>,
}

impl Tables {
    /// Opens this run's part of every table under `config.dir`.
    pub fn open(config: &Config) -> io::Result<Tables> {
        let names: Vec<&str> = TABLES.iter().map(|t| t.name).collect();
        let ext = config.format.ext();
        let name = PartName::for_run(config.dir, &names, config.shard, ext, config.resume)?;
        let mut tables = Tables {
            parts: Vec::with_capacity(TABLES.len()),
            renames: Vec::with_capacity(TABLES.len()),
            first_run: name.is_first(),
            reports: 0,
            error: None,
        };
        for table in &TABLES {
            let folder = config.dir.join(table.name);
            let tmp = folder.join(name.tmp());
            tables.parts.push(Part::create(&tmp, table, config.format)?);
            tables.renames.push((tmp, folder.join(name.file())));
        }
        if let (true, Some(jsonl)) = (config.resume, config.jsonl) {
            tables.backfill(jsonl, &done(config.dir, config.format)?)?;
        }
        Ok(tables)
    }

    /// Adds the rows of one JSON line of the run.
    pub fn add_line(&mut self, json: &str) -> io::Result<()> {
        let line: Line = serde_json::from_str(json).map_err(|e| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("a JSON line the tables cannot read ({e}): {json:.200}"),
            )
        })?;
        self.add_parsed(line)
    }

    fn add_parsed(&mut self, line: Line) -> io::Result<()> {
        let mut result = Ok(());
        let parts = &mut self.parts;
        rows::rows(line, &mut |table, cells| {
            if result.is_ok() {
                result = match parts.get_mut(table) {
                    Some(part) => part.push(cells),
                    None => Err(io::Error::other(format!("no table number {table}"))),
                };
            }
        });
        self.reports += 1;
        result
    }

    /// Adds the line of one outcome as the bulk writer writes it. A failure
    /// is kept (see [`Tables::take_error`]) and every later line ignored.
    pub fn add(&mut self, outcome: &Outcome) {
        if self.error.is_some() {
            return;
        }
        let line = match outcome {
            Outcome::Report { line, .. } | Outcome::Error { line, .. } => line,
            Outcome::Resumed => return,
        };
        if let Err(e) = self.add_line(line) {
            self.error = Some(e);
        }
    }

    /// The first failure of [`Tables::add`], once.
    pub fn take_error(&mut self) -> Option<io::Error> {
        self.error.take()
    }

    /// Writes out every part and gives them their final names. A resumed
    /// run that added nothing leaves no parts behind.
    pub fn finish(mut self) -> io::Result<u64> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        for part in self.parts.drain(..) {
            part.finish()?;
        }
        if self.reports == 0 && !self.first_run {
            for (tmp, _) in &self.renames {
                std::fs::remove_file(tmp)?;
            }
            return Ok(0);
        }
        parts::commit(&self.renames)?;
        Ok(self.reports)
    }

    /// Adds the lines of `jsonl` that are not in the tables yet.
    fn backfill(&mut self, jsonl: &Path, in_tables: &Done) -> io::Result<()> {
        let file = match File::open(jsonl) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        };
        let mut reader = BufReader::new(file);
        let mut buf = Vec::new();
        while reader.read_until(b'\n', &mut buf)? > 0 {
            // A torn last line was cut off before this; any other line that
            // does not parse is not a record of this tool, as --resume reads it.
            if let Ok(line) = serde_json::from_slice::<Line>(&buf) {
                let known = match line.key() {
                    (Some(path), sha256) => in_tables.contains(path, sha256),
                    (None, _) => true,
                };
                if !known {
                    self.add_parsed(line)?;
                }
            }
            buf.clear();
        }
        Ok(())
    }
}

/// The inputs already in the `reports` table of `dir`, every shard and run.
pub fn done(dir: &Path, format: TablesFormat) -> io::Result<Done> {
    let mut done = Done::default();
    for part in parts::finished(&dir.join("reports"), format.ext())? {
        let add = |path: String, sha256: String| done.insert(path, sha256);
        match format {
            TablesFormat::Csv => csv_keys(&part, add),
            #[cfg(feature = "parquet")]
            TablesFormat::Parquet => parquet_keys(&part, add),
            #[cfg(not(feature = "parquet"))]
            TablesFormat::Parquet => Ok(()),
        }
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", part.display())))?;
    }
    Ok(done)
}

fn csv_keys(part: &Path, mut add: impl FnMut(String, String)) -> io::Result<()> {
    let mut reader = csv::Reader::from_path(part).map_err(io::Error::other)?;
    let headers = reader.headers().map_err(io::Error::other)?.clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, format!("no {name} column")))
    };
    let (path, sha256) = (column("path")?, column("sha256")?);
    for record in reader.records() {
        let record = record.map_err(io::Error::other)?;
        if let (Some(p), Some(s)) = (record.get(path), record.get(sha256)) {
            add(p.to_string(), s.to_string());
        }
    }
    Ok(())
}

#[cfg(feature = "parquet")]
fn parquet_keys(part: &Path, mut add: impl FnMut(String, String)) -> io::Result<()> {
    use arrow_array::{Array, StringArray};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    use parquet::arrow::ProjectionMask;

    let builder =
        ParquetRecordBatchReaderBuilder::try_new(File::open(part)?).map_err(io::Error::other)?;
    let mask = ProjectionMask::columns(builder.parquet_schema(), ["path", "sha256"]);
    let reader = builder
        .with_projection(mask)
        .build()
        .map_err(io::Error::other)?;
    for batch in reader {
        let batch = batch.map_err(io::Error::other)?;
        let text = |name: &str| {
            batch
                .column_by_name(name)
                .and_then(|c| c.as_any().downcast_ref::<StringArray>())
                .ok_or_else(|| {
                    io::Error::new(io::ErrorKind::InvalidData, format!("no {name} column"))
                })
        };
        let (paths, hashes) = (text("path")?, text("sha256")?);
        for i in 0..batch.num_rows() {
            if paths.is_valid(i) && hashes.is_valid(i) {
                add(paths.value(i).to_string(), hashes.value(i).to_string());
            }
        }
    }
    Ok(())
}
