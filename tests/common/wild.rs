//! Where the wild corpus of real council papers is, if anywhere.

use std::path::{Path, PathBuf};

/// `COUNCIL_REPORTS_WILD` (then required to be a folder), else
/// `../shared/wild` if it exists; None, saying so, when there is none.
pub fn wild_dir() -> Option<PathBuf> {
    match std::env::var_os("COUNCIL_REPORTS_WILD") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            assert!(
                dir.is_dir(),
                "COUNCIL_REPORTS_WILD names {}, which is not a folder",
                dir.display()
            );
            Some(dir)
        }
        None => {
            let default = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/wild");
            if default.is_dir() {
                Some(default)
            } else {
                eprintln!(
                    "skipped: no wild corpus (set COUNCIL_REPORTS_WILD or put it at ../shared/wild)"
                );
                None
            }
        }
    }
}
