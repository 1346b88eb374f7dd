//! Reports inside `.zip` archives.
//!
//! Members are decompressed one at a time, each capped at
//! `ParseOptions::max_input_bytes` (the size a member declares is not
//! trusted), and handed to the workers as bytes; the archive itself is read
//! through its central directory and never loaded whole. A member is named
//! `archive.zip!/dir/file.pdf` in `source.path`; a `.zip` inside a `.zip` is
//! opened in memory (it is under the cap) and named `a.zip!/b.zip!/c.pdf`.

use std::fs::File;
use std::io::{BufReader, Cursor, Read, Seek};
use std::path::Path;

use council_reports::Error;
use zip::result::ZipError;
use zip::ZipArchive;

use super::inputs::{
    classify, extension, is_hidden, Class, Payload, Producer, Stopped, SNIFF_BYTES,
};

/// How deep archives inside archives are opened.
const MAX_NESTING: u32 = 4;

fn is_word<R: Read + Seek>(zip: &ZipArchive<R>) -> bool {
    zip.index_for_name("word/document.xml").is_some()
}

fn is_docx_name(name: &str) -> bool {
    matches!(extension(name).as_deref(), Some("docx" | "docm" | "dotx"))
}

/// A file on disk that starts like a zip: a docx is parsed, a `.zip` is
/// opened, anything else is parsed only if the user named it or its name says
/// docx (so the library's typed error reaches the output).
pub fn open_file(
    p: &mut Producer,
    path: &Path,
    name: &str,
    is_zip_name: bool,
    named_by_user: bool,
) -> Result<(), Stopped> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) => return p.failed(name.to_string(), Error::from(e), None),
    };
    let size = file.metadata().ok().map(|m| m.len());
    match ZipArchive::new(BufReader::new(file)) {
        Ok(zip) if is_word(&zip) => {
            if is_zip_name && !p.in_shard(name) {
                return Ok(());
            }
            p.emit(name.to_string(), Payload::File(path.to_path_buf()))
        }
        Ok(mut zip) if is_zip_name => expand(p, &mut zip, name, 0),
        Err(e) if is_zip_name => {
            if !p.in_shard(name) {
                return Ok(());
            }
            p.failed(name.to_string(), Error::from(e), size)
        }
        _ if named_by_user || is_docx_name(name) => {
            p.emit(name.to_string(), Payload::File(path.to_path_buf()))
        }
        _ => {
            p.skip();
            Ok(())
        }
    }
}

/// Sends every member of an open archive, in the archive's order.
pub fn expand<R: Read + Seek>(
    p: &mut Producer,
    zip: &mut ZipArchive<R>,
    prefix: &str,
    depth: u32,
) -> Result<(), Stopped> {
    let max = p.max_input_bytes();
    for index in 0..zip.len() {
        let mut member = match zip.by_index(index) {
            Ok(member) => member,
            Err(e) => {
                p.failed(format!("{prefix}!/#{index}"), Error::from(e), None)?;
                continue;
            }
        };
        if member.is_dir() {
            continue;
        }
        let inner = match member.name() {
            Ok(inner) => inner.into_owned(),
            Err(e) => {
                p.failed(format!("{prefix}!/#{index}"), Error::from(e), None)?;
                continue;
            }
        };
        let name = format!("{prefix}!/{inner}");
        if is_hidden(&inner) || inner.starts_with("__MACOSX/") {
            p.skip();
            continue;
        }
        let is_zip_name = extension(&inner).as_deref() == Some("zip");
        if !is_zip_name && !p.in_shard(&name) {
            continue;
        }
        let declared = member.size();
        if declared > max {
            drop(member);
            p.failed(
                name,
                Error::limit("max_input_bytes", declared, max),
                Some(declared),
            )?;
            continue;
        }
        let mut bytes = Vec::with_capacity(usize::try_from(declared).unwrap_or(0));
        let read = (&mut member)
            .take(max.saturating_add(1))
            .read_to_end(&mut bytes);
        drop(member);
        if let Err(e) = read {
            p.failed(name, Error::from(ZipError::Io(e)), Some(declared))?;
            continue;
        }
        if bytes.len() as u64 > max {
            p.failed(
                name,
                Error::limit("max_input_bytes", bytes.len() as u64, max),
                None,
            )?;
            continue;
        }
        let head = bytes.get(..SNIFF_BYTES).unwrap_or(&bytes);
        match classify(head, &name, false) {
            Class::Parse => {
                if is_zip_name && !p.in_shard(&name) {
                    continue;
                }
                p.emit(name, Payload::Bytes(bytes))?;
            }
            Class::Skip => p.skip(),
            Class::Zip => member_zip(p, bytes, name, is_zip_name, depth)?,
        }
    }
    Ok(())
}

fn member_zip(
    p: &mut Producer,
    bytes: Vec<u8>,
    name: String,
    is_zip_name: bool,
    depth: u32,
) -> Result<(), Stopped> {
    let size = bytes.len() as u64;
    match ZipArchive::new(Cursor::new(bytes)) {
        Ok(zip) if is_word(&zip) => {
            if is_zip_name && !p.in_shard(&name) {
                return Ok(());
            }
            p.emit(name, Payload::Bytes(zip.into_inner().into_inner()))
        }
        Ok(mut zip) if is_zip_name && depth < MAX_NESTING => expand(p, &mut zip, &name, depth + 1),
        Ok(zip) if is_docx_name(&name) => {
            p.emit(name, Payload::Bytes(zip.into_inner().into_inner()))
        }
        Err(e) if is_zip_name || is_docx_name(&name) => {
            if is_zip_name && !p.in_shard(&name) {
                return Ok(());
            }
            p.failed(name, Error::from(e), Some(size))
        }
        _ => {
            p.skip();
            Ok(())
        }
    }
}
