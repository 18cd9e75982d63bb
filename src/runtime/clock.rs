//! The clock: `performance.now()` and the resolution it really has on this page.

use std::cell::OnceCell;

/// Milliseconds since the page's time origin, as `performance.now()` reports them.
pub fn now() -> f64 {
    thread_local! {
        static PERFORMANCE: Option<web_sys::Performance> = web_sys::window().and_then(|w| w.performance());
    }
    PERFORMANCE.with(|p| p.as_ref().map_or_else(js_sys::Date::now, web_sys::Performance::now))
}

/// The smallest step the clock takes, in ms: browsers coarsen it (100 µs on ordinary pages,
/// 5 µs when cross-origin isolated), and no figure is shown finer than this.
pub fn resolution_ms() -> f64 {
    thread_local! {
        static RESOLUTION: OnceCell<f64> = const { OnceCell::new() };
    }
    RESOLUTION.with(|r| *r.get_or_init(measure_resolution))
}

fn measure_resolution() -> f64 {
    let mut smallest = f64::INFINITY;
    let mut last = now();
    let mut steps = 0;
    // The bound keeps a frozen clock from hanging the page.
    for _ in 0..200_000 {
        let t = now();
        if t > last {
            smallest = smallest.min(t - last);
            last = t;
            steps += 1;
            // Each tick costs up to a tick of spinning at start-up; six show the step size.
            if steps == 6 {
                break;
            }
        }
    }
    if smallest.is_finite() {
        // Float noise (0.1000000001) would show as a spurious digit.
        (smallest * 1e6).round() / 1e6
    } else {
        1.0
    }
}
