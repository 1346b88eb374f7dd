//! Prints the blocks the reader makes of a file (any format, detected as
//! `parse` detects it), one per line: what the extractors see.
use council_reports::document::BlockKind;
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    let t = std::time::Instant::now();
    let format = council_reports::Format::detect(&bytes, Some(std::path::Path::new(&path)));
    let doc = match council_reports::Parser::default().read_document(&bytes, format) {
        Ok(d) => d,
        Err(e) => return eprintln!("error: {e}"),
    };
    eprintln!("read in {:?}", t.elapsed());
    for b in &doc.blocks {
        let p = b.loc.page.unwrap_or(0);
        match &b.kind {
            BlockKind::Heading(h) => println!(
                "{p} H{} [{}] {}",
                h.level,
                h.label.as_ref().map_or("", |l| l.printed.as_str()),
                h.text
            ),
            BlockKind::Paragraph(x) => println!(
                "{p} P{} [{}]{} {}",
                x.level,
                x.label.as_ref().map_or("", |l| l.printed.as_str()),
                if x.style.bold { " B" } else { "" },
                x.text
            ),
            BlockKind::Table(t) => {
                println!(
                    "{p} TABLE {}x{} header={}",
                    t.rows.len(),
                    t.width(),
                    t.header_rows
                );
                for r in &t.rows {
                    let cells: Vec<String> = r
                        .cells
                        .iter()
                        .map(|c| {
                            format!(
                                "{}{}",
                                if c.covered { "^" } else { "" },
                                c.text.replace('\n', " / ")
                            )
                        })
                        .collect();
                    println!("   | {}", cells.join(" | "));
                }
            }
            BlockKind::PageBreak => println!("---- page break"),
            BlockKind::Footnote(f) => println!("{p} NOTE [{}] {}", f.mark, f.text),
            _ => {}
        }
    }
    for l in &doc.links {
        println!("LINK {} -> {}", l.text, l.url);
    }
    for w in &doc.warnings {
        println!("WARN {} {}", w.code, w.message);
    }
}
