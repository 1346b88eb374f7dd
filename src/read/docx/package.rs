//! The zip container of a docx, read under the limits of [`ParseOptions`].
//!
//! Sizes are enforced on the bytes actually decompressed, never on the sizes
//! a zip header claims: a hostile archive can lie in its headers.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use crate::error::check_limit;
use crate::{Error, ParseOptions, Result};

/// An opened docx package.
pub struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    max_part: u64,
    max_total: u64,
    total: u64,
}

impl std::fmt::Debug for Package<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Package")
            .field("entries", &self.archive.len())
            .field("total", &self.total)
            .finish()
    }
}

impl<'a> Package<'a> {
    /// Opens the zip container, checking the entry count.
    pub fn open(bytes: &'a [u8], options: &ParseOptions) -> Result<Package<'a>> {
        let archive = ZipArchive::new(Cursor::new(bytes))?;
        let entries = archive.len() as u64;
        check_limit("max_zip_entries", entries, options.max_zip_entries)?;
        Ok(Package {
            archive,
            max_part: options.max_part_bytes,
            max_total: options.max_decompressed_bytes,
            total: 0,
        })
    }

    /// Whether the package holds a part of this name (case-insensitive, as
    /// OPC part names are).
    pub fn has(&self, name: &str) -> bool {
        self.index_of(name).is_some()
    }

    fn index_of(&self, name: &str) -> Option<usize> {
        let name = name.trim_start_matches('/');
        self.archive.index_for_name(name).or_else(|| {
            // The files are indexed in the order `file_names_raw` yields them.
            self.archive
                .file_names_raw()
                .position(|n| n.eq_ignore_ascii_case(name.as_bytes()))
        })
    }

    /// Reads a part, or `None` when the package has no such part.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>> {
        let Some(index) = self.index_of(name) else {
            return Ok(None);
        };
        let mut file = self.archive.by_index(index)?;
        let remaining_total = self.max_total.saturating_sub(self.total);
        // One byte past the tighter limit tells us it was exceeded, without
        // ever inflating more than that.
        let cap = self.max_part.min(remaining_total).saturating_add(1);
        // The declared size (bounded by the limits) saves the doubling
        // growth of a large part; a wrong one only costs a reallocation.
        let declared = usize::try_from(file.size().min(cap)).unwrap_or(0);
        let mut buf = Vec::with_capacity(declared);
        // A part that will not inflate is a damaged container, not a
        // failure to read the file.
        (&mut file)
            .take(cap)
            .read_to_end(&mut buf)
            .map_err(|e| Error::from(zip::result::ZipError::Io(e)))?;
        let got = buf.len() as u64;
        if got > self.max_part {
            return Err(Error::limit("max_part_bytes", got, self.max_part));
        }
        self.total = self.total.saturating_add(got);
        if self.total > self.max_total {
            return Err(Error::limit(
                "max_decompressed_bytes",
                self.total,
                self.max_total,
            ));
        }
        Ok(Some(buf))
    }
}
