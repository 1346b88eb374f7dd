//! Fuzzes the whole pipeline: format detection, reading and every extractor.
#![no_main]

use council_reports::{Format, Parser};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let format = Format::detect(data, None);
    if let Ok(report) = Parser::new().parse_bytes(data, format) {
        let _ = serde_json::to_vec(&report);
    }
});
