//! Prints the blocks a reader makes of a file (PDF, or .docx / .txt by
//! extension), one per line.
use council_reports::document::BlockKind;
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    let opts = council_reports::ParseOptions::default();
    let t = std::time::Instant::now();
    let read = if path.ends_with(".docx") {
        council_reports::read::docx::read
    } else if path.ends_with(".txt") {
        council_reports::read::txt::read
    } else {
        council_reports::read::pdf::read
    };
    let doc = match read(&bytes, &opts) {
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
