//! Writing the JSON Lines, in input order when `--ordered`.
//!
//! Workers finish out of order. In ordered mode finished lines wait in a
//! reorder buffer until their turn; the [`Gate`] keeps the reader of inputs
//! from getting more than a window ahead of the writer, so the buffer holds at
//! most a window of lines however slow one file is.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};

/// What became of one input.
pub enum Outcome {
    /// A Report line.
    Report {
        /// The JSON line, without its newline.
        line: String,
        /// Its kind is `other`: read, but not a council paper.
        other: bool,
        /// `source.pages`, 0 when the format has none.
        pages: u64,
        /// `source.bytes`.
        bytes: u64,
    },
    /// An error line.
    Error {
        /// The JSON line, without its newline.
        line: String,
        /// `error.kind`.
        kind: String,
        /// `source.bytes`.
        bytes: u64,
    },
    /// Already in the output file (`--resume`): no line.
    Resumed,
}

/// An outcome with its place in input order.
pub struct Finished {
    /// The input's sequence number.
    pub seq: u64,
    /// What became of it.
    pub outcome: Outcome,
}

/// Keeps the input reader within `window` sequence numbers of the writer.
pub struct Gate {
    written: Mutex<u64>,
    moved: Condvar,
    window: u64,
    closed: AtomicBool,
}

impl Gate {
    /// A gate that lets the reader run `window` inputs ahead.
    pub fn new(window: u64) -> Gate {
        Gate {
            written: Mutex::new(0),
            moved: Condvar::new(),
            window: window.max(1),
            closed: AtomicBool::new(false),
        }
    }

    /// Blocks until input `seq` may be issued; false once the run is stopping.
    pub fn wait_for(&self, seq: u64) -> bool {
        let mut written = self.written.lock().unwrap_or_else(|p| p.into_inner());
        while seq >= written.saturating_add(self.window) {
            if self.closed.load(Ordering::Relaxed) {
                return false;
            }
            written = self.moved.wait(written).unwrap_or_else(|p| p.into_inner());
        }
        !self.closed.load(Ordering::Relaxed)
    }

    fn advance(&self, next: u64) {
        *self.written.lock().unwrap_or_else(|p| p.into_inner()) = next;
        self.moved.notify_all();
    }

    /// Releases every waiter: the run is stopping.
    pub fn close(&self) {
        self.closed.store(true, Ordering::Relaxed);
        let _guard = self.written.lock().unwrap_or_else(|p| p.into_inner());
        self.moved.notify_all();
    }
}

/// Writes outcomes as lines, reordering them when asked to.
///
/// Each line is flushed as it is written, so an outcome is counted (the
/// `written` callback) only once its line has reached the output; after a
/// write error, [`LineWriter::unwritten`] says how many lines were lost.
pub struct LineWriter<'g, W: Write> {
    out: W,
    ordered: Option<(&'g Gate, BTreeMap<u64, Outcome>)>,
    next: u64,
    unwritten: u64,
}

impl<'g, W: Write> LineWriter<'g, W> {
    /// A writer in arrival order (`gate` = None) or input order.
    pub fn new(out: W, gate: Option<&'g Gate>) -> Self {
        LineWriter {
            out,
            ordered: gate.map(|g| (g, BTreeMap::new())),
            next: 0,
            unwritten: 0,
        }
    }

    /// Lines that did not reach the output because a write failed: the one
    /// whose write failed and those still waiting for their turn.
    pub fn unwritten(&self) -> u64 {
        self.unwritten
    }

    fn write(&mut self, outcome: &Outcome) -> std::io::Result<()> {
        write_outcome(&mut self.out, outcome).inspect_err(|_| {
            self.unwritten += u64::from(outcome.has_line());
            if let Some((_, pending)) = &mut self.ordered {
                self.unwritten += pending
                    .values()
                    .map(|o| u64::from(o.has_line()))
                    .sum::<u64>();
                pending.clear();
            }
        })
    }

    /// Takes one finished input; calls `written` for each outcome as it goes
    /// out (so counts and progress follow the file, not the workers).
    pub fn accept(
        &mut self,
        finished: Finished,
        written: &mut impl FnMut(&Outcome),
    ) -> std::io::Result<()> {
        let Some((gate, pending)) = &mut self.ordered else {
            self.write(&finished.outcome)?;
            written(&finished.outcome);
            return Ok(());
        };
        let gate = *gate;
        pending.insert(finished.seq, finished.outcome);
        while let Some(outcome) = self.take_next() {
            self.write(&outcome)?;
            written(&outcome);
            self.next += 1;
        }
        gate.advance(self.next);
        Ok(())
    }

    fn take_next(&mut self) -> Option<Outcome> {
        let (_, pending) = self.ordered.as_mut()?;
        pending.remove(&self.next)
    }

    /// Writes whatever is still buffered (only a gap left by a stopped run)
    /// and flushes.
    pub fn finish(&mut self, written: &mut impl FnMut(&Outcome)) -> std::io::Result<()> {
        while let Some(outcome) = self.ordered.as_mut().and_then(|(_, p)| p.pop_first()) {
            let (_, outcome) = outcome;
            self.write(&outcome)?;
            written(&outcome);
        }
        self.out.flush()
    }
}

impl Outcome {
    /// Whether it is written as a line (a resumed input is not).
    pub fn has_line(&self) -> bool {
        !matches!(self, Outcome::Resumed)
    }
}

fn write_outcome(out: &mut impl Write, outcome: &Outcome) -> std::io::Result<()> {
    match outcome {
        Outcome::Report { line, .. } | Outcome::Error { line, .. } => {
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
            out.flush()
        }
        Outcome::Resumed => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(s: &str) -> Outcome {
        Outcome::Report {
            line: s.to_string(),
            other: false,
            pages: 0,
            bytes: 0,
        }
    }

    #[test]
    fn ordered_mode_restores_input_order() {
        let gate = Gate::new(8);
        let mut buf = Vec::new();
        let mut count = 0;
        {
            let mut w = LineWriter::new(&mut buf, Some(&gate));
            for seq in [2u64, 0, 3, 1] {
                let outcome = if seq == 3 {
                    Outcome::Resumed
                } else {
                    line(&seq.to_string())
                };
                w.accept(Finished { seq, outcome }, &mut |_| count += 1)
                    .unwrap();
            }
            w.finish(&mut |_| count += 1).unwrap();
        }
        assert_eq!(String::from_utf8(buf).unwrap(), "0\n1\n2\n");
        assert_eq!(count, 4);
        assert!(gate.wait_for(11));
    }
}
