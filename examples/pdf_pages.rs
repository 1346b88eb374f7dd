//! Prints the raw text of every page of a PDF (for comparing with pdftotext).
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    let opts = council_reports::ParseOptions::default();
    if std::env::var("DEBUG_LINES").is_ok() {
        print!(
            "{}",
            council_reports::read::pdf::debug_lines(&bytes, &opts).unwrap_or_default()
        );
        return;
    }
    match council_reports::read::pdf::page_texts(&bytes, &opts) {
        Ok(pages) => {
            for (i, p) in pages.iter().enumerate() {
                println!("=== page {}", i + 1);
                print!("{p}");
            }
        }
        Err(e) => eprintln!("error: {e}"),
    }
}
