//! Timers: a sleep on a real browser timer that never wakes before its deadline.

use super::clock::now;
use super::gauge::Gauge;
use gloo_timers::future::TimeoutFuture;

thread_local! {
    static PENDING: Gauge = const { Gauge::new() };
}

/// How many sleeps are waiting on a browser timer right now.
pub fn pending() -> usize {
    PENDING.with(Gauge::get)
}

/// Counts one pending sleep for as long as it lives; dropping the sleep (a cancel) uncounts it.
struct Pending;

impl Pending {
    fn new() -> Pending {
        PENDING.with(Gauge::up);
        Pending
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        PENDING.with(Gauge::down);
    }
}

/// Waits `ms` milliseconds without blocking the thread: the `asyncio.sleep` of the browser.
pub async fn sleep(ms: u32) {
    sleep_until(now() + f64::from(ms)).await;
}

/// Waits until `performance.now()` reaches `deadline`. A coarsened clock can make a timer
/// look early, so the sleep re-arms until the deadline has really passed.
/// Dropping the future clears its browser timer (`clearTimeout`).
pub async fn sleep_until(deadline: f64) {
    let _pending = Pending::new();
    loop {
        let left = deadline - now();
        if left <= 0.0 {
            return;
        }
        // setTimeout takes whole ms; rounding up keeps the wake at or after the deadline.
        TimeoutFuture::new(left.ceil().min(f64::from(i32::MAX as u32)) as u32).await;
    }
}
