//! Formatting of measured times: never more digits than the clock resolves, and readable axis ticks.

use crate::stats::Comparison;

/// Decimal places of ms that a clock of this resolution can justify (100 µs → 1, 5 µs → 3, 1 ms → 0).
pub fn decimals_for(resolution_ms: f64) -> usize {
    if !(resolution_ms.is_finite() && resolution_ms > 0.0) || resolution_ms >= 1.0 {
        return 0;
    }
    // A small epsilon keeps exact powers of ten (0.1, 0.01) from gaining a digit.
    (-resolution_ms.log10() - 1e-9).ceil().clamp(0.0, 3.0) as usize
}

/// Rounds a time to the digits the clock justifies, for the report.
pub fn quantize(ms: f64, resolution_ms: f64) -> f64 {
    let scale = 10f64.powi(decimals_for(resolution_ms) as i32);
    (ms * scale).round() / scale
}

/// Rounds to `places` decimals, turning a rounded -0 into 0 so no figure reads "-0.00".
fn rounded(value: f64, places: usize) -> f64 {
    let scale = 10f64.powi(places as i32);
    let r = (value * scale).round() / scale;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// "2001.3 ms" with the resolution's digits.
pub fn ms(value: f64, resolution_ms: f64) -> String {
    let places = decimals_for(resolution_ms);
    format!("{:.*} ms", places, rounded(value, places))
}

/// "2.00 s": hundredths of a second, as the tutorial prints, and never finer than the clock.
pub fn seconds(value_ms: f64, resolution_ms: f64) -> String {
    let places = decimals_for(resolution_ms / 1000.0).min(2);
    format!("{:.*} s", places, rounded(value_ms / 1000.0, places))
}

/// "2.0×", or "—" when undefined.
pub fn speedup(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.1}×"))
}

/// Tick positions for a time axis from 0 to `max_ms`: steps of 1, 2 or 5 × 10ⁿ, about `target` of them.
pub fn ticks(max_ms: f64, target: usize) -> Vec<f64> {
    if !(max_ms.is_finite() && max_ms > 0.0) || target == 0 {
        return vec![0.0];
    }
    let raw = max_ms / target as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(10.0 * magnitude);
    let count = (max_ms / step + 1e-9).floor() as usize;
    (0..=count).map(|i| i as f64 * step).collect()
}

/// An axis label: "0", "500 ms", "1.5 s".
pub fn tick_label(ms: f64) -> String {
    if ms == 0.0 {
        "0".to_owned()
    } else if ms < 1000.0 {
        format!("{ms:.0} ms")
    } else {
        let s = format!("{:.2}", ms / 1000.0);
        format!("{} s", s.trim_end_matches('0').trim_end_matches('.'))
    }
}

/// The sentence after **Run both**.
pub fn comparison(c: &Comparison, resolution_ms: f64) -> String {
    format!(
        "Concurrent took {} instead of {}: {} saved, {} faster.",
        seconds(c.concurrent_ms, resolution_ms),
        seconds(c.sequential_ms, resolution_ms),
        seconds(c.saved_ms, resolution_ms),
        speedup(c.speedup)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::compare;

    #[test]
    fn digits_follow_the_clock() {
        assert_eq!(decimals_for(0.1), 1);
        assert_eq!(decimals_for(0.005), 3);
        assert_eq!(decimals_for(1.0), 0);
        assert_eq!(decimals_for(16.7), 0);
        assert_eq!(decimals_for(0.0), 0);
        assert_eq!(ms(2001.26, 0.1), "2001.3 ms");
        assert_eq!(ms(2001.26, 1.0), "2001 ms");
        assert_eq!(quantize(2001.26, 0.1), 2001.3);
        assert_eq!(seconds(4003.0, 0.1), "4.00 s");
        assert_eq!(seconds(4003.0, 100.0), "4.0 s");
        assert_eq!(seconds(-1.0, 0.1), "0.00 s");
        assert_eq!(ms(-0.01, 0.1), "0.0 ms");
    }

    #[test]
    fn ticks_are_round() {
        assert_eq!(ticks(4000.0, 5), [0.0, 1000.0, 2000.0, 3000.0, 4000.0]);
        assert_eq!(ticks(2100.0, 5), [0.0, 500.0, 1000.0, 1500.0, 2000.0]);
        assert_eq!(ticks(0.0, 5), [0.0]);
        assert_eq!(tick_label(1500.0), "1.5 s");
        assert_eq!(tick_label(2000.0), "2 s");
        assert_eq!(tick_label(250.0), "250 ms");
    }

    #[test]
    fn comparison_sentence() {
        let c = compare(4010.0, 2005.0);
        assert_eq!(comparison(&c, 0.1), "Concurrent took 2.01 s instead of 4.01 s: 2.01 s saved, 2.0× faster.");
    }
}
