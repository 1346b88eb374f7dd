//! Fuzzes the pdf reader alone: any bytes must give a Document or an error.
#![no_main]

use council_reports::{Format, Parser};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = Parser::new().read_document(data, Format::Pdf);
});
