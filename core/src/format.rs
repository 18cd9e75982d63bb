//! Formatting of measured times: never more digits than the clock resolves, and readable axis ticks.
//!
//! No `f64` is ever formatted through `core::fmt` here, so the app carries no float-printing code:
//! every figure is first rounded to a whole number of the last digit shown (tenths of a ms,
//! hundredths of a second…), and that integer is printed with the decimal point inserted by hand.
//!
//! **Rounding** is half away from zero, as [`f64::round`] does, applied to the value scaled to the
//! last digit shown in *one* floating-point operation (`2.345 × 10`, `1005 ms ÷ 10`). So
//! `fixed(2.5, 0)` is "3", `fixed(-2.5, 0)` is "-3", `ms(0.25, 0.1)` is "0.3 ms" and
//! `seconds(1005.0, 0.1)` is "1.01 s". This differs from `format!("{x:.1}")`, which rounds the
//! exact binary value and breaks exact binary ties to even (`format!` gives "2" for 2.5 and "0.2"
//! for 0.25); and since the one scaling step is itself rounded, a value stored a hair below a
//! decimal tie can land on it and round up (4.35 is stored as 4.34999…, but 4.35 × 10 == 43.5, so
//! `fixed(4.35, 1)` is "4.4" where `format!` prints "4.3"). Away from ties (by more than about
//! 1e-9) both agree. A result that rounds to zero never reads "-0" or "-0.0".
//!
//! **Unprintable figures**: NaN, ±∞, or a magnitude of 10¹⁸ or more units of the last digit shown
//! (far beyond any time this app measures) print as "—" in place of the number. A unit chosen by
//! the caller stays ("— ms", "— s"); functions whose unit depends on the value, or that have none,
//! return just "—" ([`fixed`], [`whole`], [`resolution`], [`tick_label`], [`speedup`]). The one
//! exception is [`percent`], which feeds CSS lengths and so gives "0.000%".

use crate::stats::Comparison;

/// What an unprintable figure (NaN, ±∞, or too large) shows instead.
const NO_FIGURE: &str = "—";

/// Most decimal places any figure here shows.
const MAX_PLACES: usize = 3;

/// 10^places for 0..=[`MAX_PLACES`], exact.
const SCALE: [f64; MAX_PLACES + 1] = [1.0, 10.0, 100.0, 1000.0];

/// Decimal places of ms that a clock of this resolution can justify (100 µs → 1, 5 µs → 3, 1 ms → 0).
pub fn decimals_for(resolution_ms: f64) -> usize {
    if !(resolution_ms.is_finite() && resolution_ms > 0.0) || resolution_ms >= 1.0 {
        return 0;
    }
    // Compared against the exact table, not through `log10`: libm's logarithm and power cost the
    // wasm about 3 KB. A small epsilon keeps exact powers of ten (0.1, 0.01) from gaining a digit.
    (0..MAX_PLACES).find(|&places| resolution_ms * SCALE[places] >= 1.0 - 1e-9).unwrap_or(MAX_PLACES)
}

/// Rounds a time to the digits the clock justifies, for the report.
pub fn quantize(ms: f64, resolution_ms: f64) -> f64 {
    let scale = SCALE[decimals_for(resolution_ms)];
    (ms * scale).round() / scale
}

/// A value already scaled to units of the last digit shown, rounded half away from zero to a whole
/// number of them; `None` when it is not finite or its magnitude reaches 10¹⁸.
pub(crate) fn units(scaled: f64) -> Option<i64> {
    let n = scaled.round();
    // NaN fails the comparison too; below 1e18 the cast is exact.
    (n.abs() < 1e18).then_some(n as i64)
}

/// Prints `n` units of 10^-`places`, inserting the point by hand: (-12345, 2) → "-123.45",
/// (5, 3) → "0.005". Zero has no sign, so nothing reads "-0".
pub(crate) fn decimal(n: i64, places: usize) -> String {
    // Written backwards, last digit first: at most 19 digits, a point and a sign.
    let mut reversed = Vec::with_capacity(24);
    let mut rest = n.unsigned_abs();
    let mut written = 0;
    loop {
        if written == places && places > 0 {
            reversed.push(b'.');
        }
        reversed.push(b'0' + (rest % 10) as u8);
        rest /= 10;
        written += 1;
        if rest == 0 && written > places {
            break;
        }
    }
    if n < 0 {
        reversed.push(b'-');
    }
    reversed.iter().rev().map(|&b| char::from(b)).collect()
}

/// `n` units of 10^-`places`, or "—" for an unprintable figure.
fn decimal_or_dash(n: Option<i64>, places: usize) -> String {
    n.map_or_else(|| NO_FIGURE.to_owned(), |n| decimal(n, places))
}

/// Drops trailing zeros after a decimal point, then the point itself: "2.50" → "2.5", "2.00" → "2".
pub(crate) fn trim_zeros(text: &str) -> &str {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        text
    }
}

/// `value` rounded to `places` decimals (0..=3; more are treated as 3), half away from zero and
/// never "-0": fixed(2.345, 1) → "2.3", fixed(-0.04, 1) → "0.0", fixed(2.5, 0) → "3";
/// "—" for NaN, ±∞ or a magnitude of 10¹⁸ units of the last digit or more.
pub fn fixed(value: f64, places: usize) -> String {
    let places = places.min(MAX_PLACES);
    decimal_or_dash(units(value * SCALE[places]), places)
}

/// `value` rounded to a whole number, as [`fixed`]`(value, 0)`: whole(1234.5) → "1235".
pub fn whole(value: f64) -> String {
    fixed(value, 0)
}

/// Where `ms` falls on an axis from 0 to `span_ms`, as a CSS percentage with 3 decimals, clamped to
/// 0..100: percent(250.0, 2000.0) → "12.500%". A span ≤ 0 or a non-finite input gives "0.000%"
/// (never "—", since the result is a length).
pub fn percent(ms: f64, span_ms: f64) -> String {
    let share = if span_ms > 0.0 && span_ms.is_finite() && ms.is_finite() { (ms / span_ms * 100.0).clamp(0.0, 100.0) } else { 0.0 };
    let mut text = decimal(units(share * SCALE[3]).unwrap_or(0), 3);
    text.push('%');
    text
}

/// The clock's resolution as shown to people: up to 3 decimals of ms, trailing zeros trimmed
/// (0.1 → "0.1", 0.005 → "0.005", 1.0 → "1", 16.7 → "16.7"); "—" when not finite.
pub fn resolution(resolution_ms: f64) -> String {
    let text = fixed(resolution_ms, MAX_PLACES);
    trim_zeros(&text).to_owned()
}

/// "2001.3 ms" with the resolution's digits.
pub fn ms(value: f64, resolution_ms: f64) -> String {
    let places = decimals_for(resolution_ms);
    format!("{} ms", fixed(value, places))
}

/// "2.00 s": hundredths of a second, as the tutorial prints, and never finer than the clock.
pub fn seconds(value_ms: f64, resolution_ms: f64) -> String {
    let places = decimals_for(resolution_ms / 1000.0).min(2);
    // ms straight to the last digit shown in one division, so 1005 ms is exactly 100.5 hundredths.
    let per_unit = SCALE[MAX_PLACES - places];
    format!("{} s", decimal_or_dash(units(value_ms / per_unit), places))
}

/// "2.0×", or "—" when undefined (None, NaN or ±∞).
pub fn speedup(value: Option<f64>) -> String {
    match value.and_then(|v| units(v * SCALE[1])) {
        Some(n) => {
            let mut text = decimal(n, 1);
            text.push('×');
            text
        }
        None => NO_FIGURE.to_owned(),
    }
}

/// Tick positions for a time axis from 0 to `max_ms`: steps of 1, 2 or 5 × 10ⁿ, about `target` of them.
pub fn ticks(max_ms: f64, target: usize) -> Vec<f64> {
    if !(max_ms.is_finite() && max_ms > 0.0) || target == 0 {
        return vec![0.0];
    }
    let raw = max_ms / target as f64;
    // The power of ten at or below `raw`, by steps rather than `powf(log10)` (see `decimals_for`).
    let mut magnitude = 1.0;
    while magnitude * 10.0 <= raw {
        magnitude *= 10.0;
    }
    while magnitude > raw {
        magnitude /= 10.0;
    }
    let step = [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(10.0 * magnitude);
    let count = (max_ms / step + 1e-9).floor() as usize;
    (0..=count).map(|i| i as f64 * step).collect()
}

/// An axis label: "0", "500 ms", "1.5 s"; "—" when not printable.
pub fn tick_label(ms: f64) -> String {
    if ms == 0.0 {
        "0".to_owned()
    } else if !ms.is_finite() {
        NO_FIGURE.to_owned()
    } else if ms < 1000.0 {
        match units(ms) {
            Some(n) => format!("{} ms", decimal(n, 0)),
            None => NO_FIGURE.to_owned(),
        }
    } else {
        // Hundredths of a second, straight from ms.
        match units(ms / SCALE[1]) {
            Some(n) => format!("{} s", trim_zeros(&decimal(n, 2))),
            None => NO_FIGURE.to_owned(),
        }
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
    use proptest::prelude::*;

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

    #[test]
    fn fixed_and_whole() {
        assert_eq!(fixed(2.345, 1), "2.3");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(1234.5, 0), "1235");
        assert_eq!(fixed(0.005, 3), "0.005");
        assert_eq!(fixed(-12.345678, 3), "-12.346");
        assert_eq!(fixed(7.0, 2), "7.00");
        assert_eq!(fixed(0.0, 0), "0");
        assert_eq!(fixed(-0.0, 2), "0.00");
        assert_eq!(fixed(-0.4, 0), "0");
        // More than 3 places are treated as 3.
        assert_eq!(fixed(1.23456, 7), "1.235");
        assert_eq!(whole(1234.5), "1235");
        assert_eq!(whole(-999.5), "-1000");
        assert_eq!(whole(123_456_789_012.0), "123456789012");
    }

    /// Ties round half away from zero (as `f64::round`), unlike `format!`'s half-to-even.
    #[test]
    fn ties_round_away_from_zero() {
        assert_eq!(fixed(2.5, 0), "3");
        assert_eq!(fixed(3.5, 0), "4");
        assert_eq!(fixed(-2.5, 0), "-3");
        assert_eq!(fixed(0.125, 2), "0.13");
        assert_eq!(fixed(-0.125, 2), "-0.13");
        assert_eq!(fixed(-0.5, 0), "-1");
        assert_eq!(ms(0.25, 0.1), "0.3 ms");
        assert_eq!(ms(-0.25, 0.1), "-0.3 ms");
        assert_eq!(ms(2.5, 1.0), "3 ms");
        assert_eq!(ms(-2.5, 1.0), "-3 ms");
        // 1005 ms ÷ 10 is exactly 100.5 hundredths of a second: away from zero.
        assert_eq!(seconds(1005.0, 0.1), "1.01 s");
        assert_eq!(seconds(-1005.0, 0.1), "-1.01 s");
        assert_eq!(seconds(1050.0, 100.0), "1.1 s");
        assert_eq!(seconds(1500.0, 1000.0), "2 s");
        assert_eq!(seconds(-2500.0, 5000.0), "-3 s");
        assert_eq!(speedup(Some(2.25)), "2.3×");
        assert_eq!(speedup(Some(-0.04)), "0.0×");
        assert_eq!(tick_label(1235.0), "1.24 s");
        assert_eq!(tick_label(2.5), "3 ms");
        // Stored a hair below the tie (4.3499999…), but 4.35 × 10 == 43.5: the decimal reading wins.
        assert_eq!(fixed(4.35, 1), "4.4");
        // Where `format!` differs: it breaks exact binary ties to even.
        let (a, b, c) = (2.5, 0.25, 4.35);
        assert_eq!([format!("{a:.0}"), format!("{b:.1}"), format!("{c:.1}")], ["2", "0.2", "4.3"]);
    }

    #[test]
    fn percent_of_an_axis() {
        assert_eq!(percent(250.0, 2000.0), "12.500%");
        assert_eq!(percent(1.0, 3.0), "33.333%");
        assert_eq!(percent(2.0, 3.0), "66.667%");
        assert_eq!(percent(0.0, 2000.0), "0.000%");
        assert_eq!(percent(2000.0, 2000.0), "100.000%");
        assert_eq!(percent(5000.0, 2000.0), "100.000%");
        assert_eq!(percent(-5.0, 2000.0), "0.000%");
        assert_eq!(percent(-1e-9, 2000.0), "0.000%");
        assert_eq!(percent(5.0, 0.0), "0.000%");
        assert_eq!(percent(5.0, -1.0), "0.000%");
        assert_eq!(percent(f64::MAX, f64::MIN_POSITIVE), "100.000%");
        for (a, b) in [(f64::NAN, 1.0), (1.0, f64::NAN), (f64::INFINITY, 1.0), (1.0, f64::INFINITY), (f64::NEG_INFINITY, 1.0)] {
            assert_eq!(percent(a, b), "0.000%", "{a:?} {b:?}");
        }
    }

    #[test]
    fn resolution_as_shown() {
        assert_eq!(resolution(0.1), "0.1");
        assert_eq!(resolution(0.005), "0.005");
        assert_eq!(resolution(1.0), "1");
        assert_eq!(resolution(16.7), "16.7");
        assert_eq!(resolution(10.0), "10");
        assert_eq!(resolution(0.02), "0.02");
        assert_eq!(resolution(0.1000000001), "0.1");
        assert_eq!(resolution(0.0), "0");
        assert_eq!(resolution(0.0004), "0");
        assert_eq!(resolution(f64::NAN), "—");
    }

    /// NaN, ±∞ and absurd magnitudes never panic: "—" in place of the number, the caller's unit kept.
    #[test]
    fn unprintable_figures() {
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(fixed(v, 2), "—");
            assert_eq!(whole(v), "—");
            assert_eq!(resolution(v), "—");
            assert_eq!(ms(v, 0.1), "— ms");
            assert_eq!(seconds(v, 0.1), "— s");
            assert_eq!(speedup(Some(v)), "—");
            assert_eq!(tick_label(v), "—");
            assert_eq!(quantize(v, 0.1).is_nan(), v.is_nan());
        }
        assert_eq!(speedup(None), "—");
        assert_eq!(fixed(1e18, 0), "—");
        assert_eq!(fixed(-1e18, 0), "—");
        assert_eq!(fixed(999_999_999_999_999_900.0, 0), "999999999999999872");
        assert_eq!(fixed(1e15, 3), "—");
        assert_eq!(fixed(-1e14, 3), "-100000000000000.000");
        assert_eq!(ms(1e300, 1.0), "— ms");
        assert_eq!(seconds(-1e300, 0.1), "— s");
        assert_eq!(tick_label(1e300), "—");
        assert_eq!(tick_label(-1e300), "—");
        assert_eq!(speedup(Some(1e300)), "—");
        assert_eq!(fixed(f64::MIN_POSITIVE, 3), "0.000");
        assert_eq!(fixed(-f64::MIN_POSITIVE, 0), "0");
    }

    #[test]
    fn labels_never_read_minus_zero() {
        assert_eq!(tick_label(-0.3), "0 ms");
        assert_eq!(tick_label(999.6), "1000 ms");
        assert_eq!(tick_label(1005.0), "1.01 s");
        assert_eq!(tick_label(1234.5), "1.23 s");
        assert_eq!(tick_label(-5.0), "-5 ms");
        assert_eq!(seconds(-4.0, 0.1), "0.00 s");
        assert_eq!(speedup(Some(-0.01)), "0.0×");
    }

    /// `format!`'s rounding of `v` to `places`, with "-0.0" read as "0.0" as [`fixed`] prints it.
    fn std_fixed(v: f64, places: usize) -> String {
        let text = format!("{v:.places$}");
        match text.strip_prefix('-') {
            Some(rest) if rest.bytes().all(|b| b == b'0' || b == b'.') => rest.to_owned(),
            _ => text,
        }
    }

    /// Whether `v` lies within 1e-9 of a tie between two values of `places` decimals.
    fn near_tie(v: f64, places: usize) -> bool {
        let scaled = v.abs() * SCALE[places];
        (scaled.fract() - 0.5).abs() < 1e-9 * SCALE[places]
    }

    proptest! {
        #[test]
        fn fixed_agrees_with_format_away_from_ties(v in -1.0e6..1.0e6f64, places in 0usize..=3) {
            if !near_tie(v, places) {
                prop_assert_eq!(fixed(v, places), std_fixed(v, places), "{:?} to {} places", v, places);
            }
        }

        /// Values crowding a tie: agreement wherever they are more than 1e-9 from it.
        #[test]
        fn fixed_agrees_with_format_next_to_ties(k in -1_000_000i64..1_000_000, places in 0usize..=3, nudge in -1e-8..1e-8f64) {
            let v = (k as f64 + 0.5) / SCALE[places] + nudge;
            if !near_tie(v, places) {
                prop_assert_eq!(fixed(v, places), std_fixed(v, places), "{:?} to {} places", v, places);
            }
        }

        /// `ms` prints what the old float formatting of the rounded value printed.
        #[test]
        fn ms_matches_the_float_formatting_it_replaces(v in -1.0e9..1.0e9f64, res in prop::sample::select(vec![0.005, 0.02, 0.1, 1.0, 16.7])) {
            let places = decimals_for(res);
            let r = (v * SCALE[places]).round() / SCALE[places];
            let old = if r == 0.0 { 0.0 } else { r };
            prop_assert_eq!(ms(v, res), format!("{old:.places$} ms"));
        }

        #[test]
        fn percent_stays_on_the_axis(v in -1.0e6..1.0e6f64, span in 1e-3..1.0e6f64) {
            let text = percent(v, span);
            let body = text.strip_suffix('%').unwrap();
            let (int, frac) = body.split_once('.').unwrap();
            prop_assert_eq!(frac.len(), 3);
            let thousandths: u32 = format!("{int}{frac}").parse().unwrap();
            prop_assert!(thousandths <= 100_000, "{}", text);
            let share = (v / span * 100.0).clamp(0.0, 100.0);
            if !near_tie(share, 3) {
                prop_assert_eq!(text, format!("{}%", std_fixed(share, 3)));
            }
        }
    }
}
