//! Error messages as a command-line user reads them: the library names a
//! limit by its `ParseOptions` field, which means nothing here, so a limit
//! says which flag raises it.

use council_reports::{Error, ErrorKind};

/// `error`'s message, with how to raise a limit that stopped it.
pub fn for_cli(error: &Error) -> String {
    let hint = match error.kind() {
        ErrorKind::Limit {
            limit: "max_input_bytes",
            ..
        } => " (raise it with bulk --max-input-bytes)",
        ErrorKind::Limit { .. } => " (a fixed limit of the command line against hostile input)",
        _ => "",
    };
    format!("{error}{hint}")
}
