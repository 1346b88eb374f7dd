//! The one error type of the crate.
//!
//! Shaped like BurntSushi's `csv::Error`: a boxed [`ErrorKind`] so that
//! `Result<Report>` stays small, with accessors for the kind, the file and the
//! place inside the file.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::document::Loc;

/// A specialised `Result` for this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An error that stopped a file from being read.
///
/// Its message names the file (when known) and the place (page or line) where
/// the problem was found. The lower-level cause (zip, XML, PDF) is reachable
/// through [`std::error::Error::source`].
#[derive(Debug)]
pub struct Error(Box<Inner>);

#[derive(Debug)]
struct Inner {
    kind: ErrorKind,
    path: Option<PathBuf>,
    loc: Option<Loc>,
}

/// What went wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be read from disk.
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),

    /// The input is larger than a limit of [`crate::ParseOptions`] allows
    /// (raise the field named `limit` to read it). The message names the
    /// limit but no API, so that a tool can say how its users raise it.
    #[error("limit exceeded: {limit} is {actual}, the maximum is {max}")]
    Limit {
        /// The name of the `ParseOptions` field that was exceeded.
        limit: &'static str,
        /// How much the input needed (at least).
        actual: u64,
        /// The limit in force.
        max: u64,
    },

    /// The file is a zip archive, but not a Word document (no `word/document.xml`).
    #[error("not a Word document: {0}")]
    NotDocx(String),

    /// The zip container of a docx is damaged.
    #[error("damaged zip container: {0}")]
    Zip(#[source] zip::result::ZipError),

    /// An XML part of a docx is malformed.
    #[error("malformed XML in {part}: {message}")]
    Xml {
        /// The part of the package, e.g. `word/document.xml`.
        part: String,
        /// What the XML parser said.
        message: String,
    },

    /// The PDF's structure could not be parsed.
    #[error("damaged PDF: {0}")]
    Pdf(#[source] lopdf::Error),

    /// The PDF is encrypted and the empty user password does not open it.
    #[error("the PDF is encrypted and cannot be opened without a password")]
    Encrypted,

    /// The input is not text in any encoding we recognise (e.g. binary data).
    #[error("not a text file: {0}")]
    NotText(String),

    /// The input is empty.
    #[error("the file is empty")]
    Empty,

    /// A reader met something it cannot handle at all.
    #[error("{0}")]
    Unsupported(String),
}

impl Error {
    /// Builds an error from its kind, with no file or place yet.
    pub fn new(kind: ErrorKind) -> Error {
        Error(Box::new(Inner {
            kind,
            path: None,
            loc: None,
        }))
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    /// The file the error is about, when the input came from a path.
    pub fn path(&self) -> Option<&Path> {
        self.0.path.as_deref()
    }

    /// Where in the file the error was found (page or line), when known.
    pub fn loc(&self) -> Option<Loc> {
        self.0.loc
    }

    /// A short, stable, machine-readable name of the kind, as written in the
    /// `error.kind` field of a bulk error line (e.g. `"limit"`, `"encrypted"`).
    pub fn kind_name(&self) -> &'static str {
        match self.kind() {
            ErrorKind::Io(_) => "io",
            ErrorKind::Limit { .. } => "limit",
            ErrorKind::NotDocx(_) => "not-docx",
            ErrorKind::Zip(_) => "zip",
            ErrorKind::Xml { .. } => "xml",
            ErrorKind::Pdf(_) => "pdf",
            ErrorKind::Encrypted => "encrypted",
            ErrorKind::NotText(_) => "not-text",
            ErrorKind::Empty => "empty",
            ErrorKind::Unsupported(_) => "unsupported",
        }
    }

    /// Attaches the file the error is about (kept if one is already set).
    #[must_use]
    pub fn with_path(mut self, path: impl Into<PathBuf>) -> Error {
        if self.0.path.is_none() {
            self.0.path = Some(path.into());
        }
        self
    }

    /// Attaches the place in the file (kept if one is already set).
    #[must_use]
    pub fn with_loc(mut self, loc: Loc) -> Error {
        if self.0.loc.is_none() {
            self.0.loc = Some(loc);
        }
        self
    }

    /// Shorthand for a [`ErrorKind::Limit`] error.
    pub fn limit(limit: &'static str, actual: u64, max: u64) -> Error {
        Error::new(ErrorKind::Limit { limit, actual, max })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = &self.0.path {
            write!(f, "{}: ", path.display())?;
        }
        if let Some(loc) = &self.0.loc {
            if let Some(page) = loc.page {
                write!(f, "page {page}: ")?;
            }
            if let Some(line) = loc.line {
                write!(f, "line {line}: ")?;
            }
        }
        write!(f, "{}", self.0.kind)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.0.kind)
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error::new(kind)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::new(ErrorKind::Io(e))
    }
}

impl From<zip::result::ZipError> for Error {
    fn from(e: zip::result::ZipError) -> Error {
        Error::new(ErrorKind::Zip(e))
    }
}

impl From<lopdf::Error> for Error {
    fn from(e: lopdf::Error) -> Error {
        Error::new(ErrorKind::Pdf(e))
    }
}

/// Fails with an [`ErrorKind::Limit`] error naming `limit` when `actual`
/// exceeds `max`.
pub(crate) fn check_limit(limit: &'static str, actual: u64, max: u64) -> Result<()> {
    if actual > max {
        Err(Error::limit(limit, actual, max))
    } else {
        Ok(())
    }
}
