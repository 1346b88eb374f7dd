//! A counting global allocator for the cost tests: how many allocations a
//! piece of work made, how many bytes they asked for, and the most bytes it
//! held live at once. Deterministic where wall time in a debug build is not.
//!
//! Counts are kept per thread, so tests running in parallel in one binary do
//! not see each other's allocations (the library parses on the calling
//! thread).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// What one piece of work cost in memory.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Calls to allocate or reallocate.
    pub allocations: u64,
    /// Bytes asked for, in all.
    pub bytes: u64,
    /// Bytes allocated and not yet freed, now.
    pub live: i64,
    /// The most bytes live at once.
    pub peak: i64,
}

thread_local! {
    static COUNTS: Cell<Counts> = const {
        Cell::new(Counts { allocations: 0, bytes: 0, live: 0, peak: 0 })
    };
}

fn note(grown: usize, freed: usize) {
    // `try_with`: the allocator runs while thread locals are torn down too.
    let _ = COUNTS.try_with(|c| {
        let mut n = c.get();
        if grown > 0 {
            n.allocations += 1;
            n.bytes += grown as u64;
        }
        // Counted grown first, freed after: a reallocation holds both.
        n.live += grown as i64;
        n.peak = n.peak.max(n.live);
        n.live -= freed as i64;
        c.set(n);
    });
}

/// The system allocator, counting.
pub struct Counting;

// SAFETY: every call is passed to `System` unchanged; only counts are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            note(layout.size(), 0);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            note(layout.size(), 0);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        note(0, layout.size());
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            note(new_size, layout.size());
        }
        p
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `work` on this thread and returns its result with what it cost:
/// allocations and bytes made while it ran, and its peak of live bytes
/// above what was live when it started.
pub fn measure<T>(work: impl FnOnce() -> T) -> (T, Counts) {
    let before = COUNTS.with(|c| {
        let mut n = c.get();
        n.peak = n.live;
        c.set(n);
        n
    });
    let out = work();
    let after = COUNTS.with(Cell::get);
    let counts = Counts {
        allocations: after.allocations - before.allocations,
        bytes: after.bytes - before.bytes,
        live: after.live - before.live,
        peak: after.peak - before.live,
    };
    (out, counts)
}

/// Mebibytes, for messages.
#[allow(dead_code)] // not every test binary that shares this file uses it
pub fn mib(bytes: i64) -> f64 {
    bytes as f64 / f64::from(1 << 20)
}
