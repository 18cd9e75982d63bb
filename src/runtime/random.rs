//! Randomness from the browser: `Math.random()`, for retry's jitter (not for anything secret).

/// A number from 0 up to (not including) 1.
pub fn unit() -> f64 {
    js_sys::Math::random()
}
