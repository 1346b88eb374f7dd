//! Input formats and their detection.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The formats council-reports reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text (any of UTF-8, UTF-16 with BOM, Windows-1252).
    Txt,
    /// Word 2007+ (`.docx`).
    Docx,
    /// PDF.
    Pdf,
}

impl Format {
    /// Decides the format from the first bytes, then from the extension:
    /// `%PDF-` (within the first 1 KiB, as PDF readers allow) means pdf; a zip
    /// means docx (the docx reader says so if `word/document.xml` is missing:
    /// a zip is never text). Otherwise a `.pdf` or `.docx` name wins, so that
    /// a mislabelled file (an HTML error page saved as `.pdf`) gets that
    /// reader's typed error instead of being read as text; anything else is
    /// text.
    pub fn detect(bytes: &[u8], path_hint: Option<&Path>) -> Format {
        let head = bytes.get(..1024).unwrap_or(bytes);
        if head.windows(5).any(|w| w == b"%PDF-") {
            return Format::Pdf;
        }
        if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
            return Format::Docx;
        }
        match path_hint.and_then(Format::from_extension) {
            Some(Format::Pdf) => Format::Pdf,
            Some(Format::Docx) => Format::Docx,
            _ => Format::Txt,
        }
    }

    /// The format an extension names, if any (`"pdf"`, `"docx"`, `"txt"`).
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "pdf" => Some(Format::Pdf),
            "docx" | "docm" | "dotx" => Some(Format::Docx),
            "txt" | "text" | "md" => Some(Format::Txt),
            _ => None,
        }
    }

    /// The lower-case name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_bytes_win_over_extension() {
        assert_eq!(
            Format::detect(b"%PDF-1.7\n", Some(Path::new("a.txt"))),
            Format::Pdf
        );
        assert_eq!(
            Format::detect(b"PK\x03\x04rest", Some(Path::new("a.pdf"))),
            Format::Docx
        );
        assert_eq!(
            Format::detect(b"<html>", Some(Path::new("a.pdf"))),
            Format::Pdf
        );
        assert_eq!(
            Format::detect(b"To: Council", Some(Path::new("a.txt"))),
            Format::Txt
        );
        assert_eq!(Format::detect(b"To: Council", None), Format::Txt);
        assert_eq!(Format::detect(b"", None), Format::Txt);
    }
}
