//! The progress line on stderr, shown only to a person at a terminal: in a
//! batch job's log it would be noise (and escape codes). When the JSON
//! goes to that same terminal (no `-o`, stdout a terminal too) it is not
//! drawn either: it would redraw itself over the lines being written.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

/// A spinner with the count of files written; the total is unknown because
/// inputs are streamed, not listed first.
pub struct Progress(Option<ProgressBar>);

impl Progress {
    /// Shows the bar when `wanted`, stderr is a terminal, and the lines do
    /// not go to a terminal too (`to_stdout`: no `-o`).
    pub fn new(wanted: bool, to_stdout: bool) -> Progress {
        let json_on_terminal = to_stdout && std::io::stdout().is_terminal();
        if !wanted || !std::io::stderr().is_terminal() || json_on_terminal {
            return Progress(None);
        }
        let bar = ProgressBar::new_spinner();
        if let Ok(style) = ProgressStyle::with_template(
            "{spinner} {human_pos} files  {elapsed_precise}  {wide_msg}",
        ) {
            bar.set_style(style);
        }
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress(Some(bar))
    }

    /// One more file written; `errors` so far goes into the message.
    pub fn inc(&self, errors: u64) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
            // A whole number of files a second ("39/s", not "39.0834/s").
            let secs = bar.elapsed().as_secs_f64().max(0.001);
            let rate = format!("{:.0}/s", bar.position() as f64 / secs);
            bar.set_message(if errors > 0 {
                format!("{rate}  {errors} errors")
            } else {
                rate
            });
        }
    }

    /// Removes the bar before the summary is printed.
    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
