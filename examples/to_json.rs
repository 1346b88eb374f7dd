//! The smallest program that embeds council-reports: read one report, print
//! its JSON.
//!
//! ```text
//! cargo run --example to_json -- fixtures/txt/oxford-strategic-partnership-2023.txt
//! ```

use std::io::Write;
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "fixtures/txt/oxford-strategic-partnership-2023.txt".to_string());
    to_json(Path::new(&path), &mut std::io::stdout().lock())
}

/// Parses `path` (txt, docx or pdf: the format comes from the bytes) and
/// writes the Report as indented JSON.
pub fn to_json(path: &Path, out: &mut impl Write) -> Result<(), Box<dyn std::error::Error>> {
    let report = council_reports::parse_path(path)?;
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)?;
    Ok(())
}
