//! CPU work on the main thread: a busy loop that blocks, or the same work in slices that yield.

use super::clock::now;
use super::yield_now::yield_now;
use async_lab_core::BusyLoop;

/// Work done between two yields, in ms: short enough for 60 frames a second.
pub const SLICE_MS: f64 = 4.0;

// region:also-runs cpu-bound: the busy loop, blocking or yielding (src/runtime/cpu.rs)
/// Spins for `work_ms` of CPU time and returns how many slices it took; `BusyLoop::Yield` works
/// in slices of [`SLICE_MS`] with a trip through the task queue between them.
pub async fn busy(work_ms: f64, busy_loop: BusyLoop) -> u32 {
    match busy_loop {
        BusyLoop::Block => {
            spin(work_ms);
            1
        }
        BusyLoop::Yield => {
            let mut left = work_ms;
            let mut slices = 0;
            loop {
                let slice = left.min(SLICE_MS);
                spin(slice);
                left -= slice;
                slices += 1;
                if left <= 0.0 {
                    return slices;
                }
                yield_now().await;
            }
        }
    }
}
// endregion

pub(crate) fn spin(ms: f64) {
    let end = now() + ms;
    while now() < end {}
}
