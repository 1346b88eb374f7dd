//! # council-reports
//!
//! Turns UK local-council committee reports — plain text, Word (`.docx`) and
//! PDF — into typed, documented JSON.
//!
//! Every file goes through one pipeline:
//!
//! ```text
//! bytes ──read──▶ Document (format-neutral blocks) ──extract──▶ Report (serde) ──▶ JSON
//!         txt │ docx │ pdf          metadata │ paragraphs │ tables │ projects │ partnerships │ contacts
//! ```
//!
//! - [`read`] holds one module per format; each turns bytes into a
//!   [`Document`], a flat list of [`document::Block`]s in reading order.
//! - [`extract`] holds one module per typed structure; each reads only
//!   blocks, so the same report gives the same [`Report`] in every format.
//! - [`report`] holds the serde types, which are the JSON contract of
//!   `SCHEMA.md` (`council-reports schema` prints their JSON Schema).
//!
//! ## Example
//!
//! ```
//! use std::path::Path;
//!
//! let report = council_reports::parse_path(Path::new("fixtures/txt/oxford-strategic-partnership-2023.txt"))?;
//! assert_eq!(report.metadata.committee.as_deref(), Some("Council"));
//! for rec in &report.metadata.recommendations {
//!     println!("{:?}: {}", rec.number, rec.text);
//! }
//! println!("{}", serde_json::to_string_pretty(&report)?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Limits against hostile input live in [`ParseOptions`]; every failure is a
//! typed [`Error`] naming the file and the place.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
// The library never panics on input: outside `#[cfg(test)]` code, unwrap,
// expect, panic and unchecked indexing are compile errors under clippy (run
// with `-D warnings` in CI). The unwraps a plain grep finds in src/ all sit in
// unit-test modules (`mod tests`, `paragraphs/tests.rs`, `extract/testdoc.rs`)
// or doc examples.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod document;
pub(crate) mod error;
pub mod extract;
mod format;
mod options;
pub mod read;
pub mod report;
pub mod text;

use std::path::Path;

pub use document::Document;
use error::check_limit;
pub use error::{Error, ErrorKind, Result};
pub use format::Format;
pub use options::ParseOptions;
pub use report::Report;

/// The README's Rust snippets, built and run by `cargo test --doc` so that
/// they keep working as printed.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// Parses reports with a set of [`ParseOptions`].
///
/// ```
/// use council_reports::{Parser, ParseOptions, Format};
/// let mut options = ParseOptions::default();
/// options.max_pages = 100;
/// let parser = Parser::with_options(options);
/// let report = parser.parse_bytes(b"To: Council\nDate: 6 November 2018\n", Format::Txt)?;
/// let iso = report.metadata.date.as_ref().and_then(|d| d.iso.as_deref());
/// assert_eq!(iso, Some("2018-11-06"));
/// # Ok::<(), council_reports::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Parser {
    options: ParseOptions,
}

impl Parser {
    /// A parser with the default options.
    pub fn new() -> Parser {
        Parser::default()
    }

    /// A parser with the given options.
    pub fn with_options(options: ParseOptions) -> Parser {
        Parser { options }
    }

    /// The options in force.
    pub fn options(&self) -> &ParseOptions {
        &self.options
    }

    /// Reads and parses a file; the format comes from its first bytes, then
    /// its extension. Errors name the file.
    pub fn parse_path(&self, path: &Path) -> Result<Report> {
        let bytes = self.read_file(path)?;
        let format = Format::detect(&bytes, Some(path));
        self.parse_source(&bytes, format, Some(path.display().to_string()))
            .map_err(|e| e.with_path(path))
    }

    /// Parses bytes known to be of `format`.
    pub fn parse_bytes(&self, bytes: &[u8], format: Format) -> Result<Report> {
        self.parse_source(bytes, format, None)
    }

    /// Parses bytes that came from somewhere named `name` (a path inside an
    /// archive, `-` for stdin): the format is detected from the bytes with the
    /// name's extension as a hint, and `source.path` is set to `name`.
    pub fn parse_named(&self, bytes: &[u8], name: &str) -> Result<Report> {
        let format = Format::detect(bytes, Some(Path::new(name)));
        self.parse_source(bytes, format, Some(name.to_string()))
            .map_err(|e| e.with_path(name))
    }

    /// Runs only the reader: bytes to the format-neutral [`Document`].
    pub fn read_document(&self, bytes: &[u8], format: Format) -> Result<Document> {
        check_limit(
            "max_input_bytes",
            bytes.len() as u64,
            self.options.max_input_bytes,
        )?;
        read::read(bytes, format, &self.options)
    }

    fn read_file(&self, path: &Path) -> Result<Vec<u8>> {
        let meta = std::fs::metadata(path).map_err(|e| Error::from(e).with_path(path))?;
        if meta.len() > self.options.max_input_bytes {
            return Err(
                Error::limit("max_input_bytes", meta.len(), self.options.max_input_bytes)
                    .with_path(path),
            );
        }
        // The cap holds whatever length the file reports (a `/proc` file or
        // a pipe says 0): at most one byte more than the cap is read.
        let max = self.options.max_input_bytes;
        let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).min(1 << 26));
        std::fs::File::open(path)
            .and_then(|f| {
                use std::io::Read;
                f.take(max.saturating_add(1)).read_to_end(&mut bytes)
            })
            .map_err(|e| Error::from(e).with_path(path))?;
        if bytes.len() as u64 > max {
            return Err(Error::limit("max_input_bytes", bytes.len() as u64, max).with_path(path));
        }
        Ok(bytes)
    }

    fn parse_source(&self, bytes: &[u8], format: Format, path: Option<String>) -> Result<Report> {
        let document = self.read_document(bytes, format)?;
        let source = report::Source::of(bytes, format, path, document.pages);
        Ok(extract::extract(&document, source))
    }
}

/// Parses a file with the default options.
///
/// The format is detected from the first bytes (`%PDF-`, a zip holding a
/// Word document), then from the extension; anything else is read as text.
pub fn parse_path(path: &Path) -> Result<Report> {
    Parser::new().parse_path(path)
}

/// Parses bytes of a known format with the default options.
pub fn parse_bytes(bytes: &[u8], format: Format) -> Result<Report> {
    Parser::new().parse_bytes(bytes, format)
}
