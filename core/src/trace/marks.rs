//! What the lanes draw of a trace, as SVG markup of numbers and fixed words: each task's polls and
//! wakes, in the box the Thread lane shares, drawn as measured occupancy.

use super::{Lane, Trace};
use crate::format::{fixed, ms as format_ms, resolution};

/// How many columns a lane's occupancy is drawn in: about a pixel each on a wide timeline. The ink
/// is the same at any width (a column's bar is its share of the time), so this sets only the detail.
pub const COLUMNS: usize = 600;

impl Trace {
    /// What a lane draws of its trace, as SVG markup of numbers and fixed words only (no label):
    /// a box over the lane's 14 px track `y`px down, whose width is the run's axis in ms, with the
    /// lane's polls as occupancy (each column's bar as tall as the share of its time spent in poll)
    /// and the wakes that caused them as lines (instants, drawn a line wide), and the lane's facts
    /// as its tooltip. Empty without polls.
    pub fn marks(&self, lane: Lane, y: usize, span_ms: f64, clock_resolution_ms: f64) -> String {
        let polls = self.polls(lane);
        if polls.is_empty() {
            return String::new();
        }
        // Pushed, not collected: `busy_spans` has the same `Vec` of pairs, one instance in the wasm.
        let mut spans = Vec::new();
        for poll in &polls {
            spans.push((poll.start_ms, poll.end_ms));
        }
        let busy = shares(&spans, span_ms);
        let boxes = columns(&busy, &[], span_ms);
        let wakes: String = polls.iter().filter_map(|p| p.woken_at_ms).map(|t| format!("M{} 0V1000", fixed(t, 3))).collect();
        let facts = self.stats(lane).describe(clock_resolution_ms);
        marks_svg(y, span_ms, &facts, &facts, &format!("<path d=\"{boxes}\" class=\"poll\"/><path d=\"{wakes}\" class=\"wake\"/>"))
    }
}

/// The share of each of [`COLUMNS`] equal slices of `0..span_ms` that `spans` cover, at most 1.
/// (A slice, not an iterator: one instance in the wasm rather than one per caller.)
pub(super) fn shares(spans: &[(f64, f64)], span_ms: f64) -> Vec<f64> {
    let mut shares = vec![0.0; COLUMNS];
    if !(span_ms > 0.0 && span_ms.is_finite()) {
        return shares;
    }
    let width = span_ms / COLUMNS as f64;
    for &(start, end) in spans {
        // Not `clamp`: with bounds it cannot prove ordered, its panic message formats floats (10 KiB of wasm).
        let (start, end) = (start.max(0.0).min(span_ms), end.max(0.0).min(span_ms));
        if end <= start {
            continue;
        }
        let first = ((start / width) as usize).min(COLUMNS - 1);
        let last = ((end / width) as usize).min(COLUMNS - 1);
        for (column, share) in shares.iter_mut().enumerate().take(last + 1).skip(first) {
            let (left, right) = (column as f64 * width, (column + 1) as f64 * width);
            *share += (end.min(right) - start.max(left)).max(0.0) / width;
        }
    }
    for share in &mut shares {
        *share = share.min(1.0);
    }
    shares
}

/// Columns as one path of bars in a box 1000 units high (thousandths, whole numbers) whose width is
/// the axis in ms: column `i` stands on `base[i]` (0 where `base` is shorter) and is `heights[i]`
/// tall; neighbours of the same height and base are one bar. "M0.000 750V1000H3.500V750Z…".
pub(super) fn columns(heights: &[f64], base: &[f64], span_ms: f64) -> String {
    let width = span_ms / COLUMNS as f64;
    // Compared as drawn, in thousandths of the box: shares that sum to 1 by different roads differ in
    // their last bits, and the bars would not merge.
    let thousandths = |share: f64| (share * 1000.0).round() as u32;
    let level = |i: usize| (thousandths(heights[i]), thousandths(base.get(i).copied().unwrap_or(0.0)));
    let mut path = String::new();
    let mut i = 0;
    while i < heights.len() {
        let (height, floor) = level(i);
        let mut next = i + 1;
        while next < heights.len() && level(next) == (height, floor) {
            next += 1;
        }
        if height > 0 {
            let (top, bottom) = (1000u32.saturating_sub(floor + height).to_string(), 1000u32.saturating_sub(floor).to_string());
            let (left, right) = (fixed(i as f64 * width, 3), fixed(next as f64 * width, 3));
            path.push_str(&["M", &left, " ", &top, "V", &bottom, "H", &right, "V", &top, "Z"].concat());
        }
        i = next;
    }
    path
}

/// Spans of ms as one path of outlines in the 1000-unit-high box: "M0.100 0H0.200V1000H0.100Z…".
pub(super) fn spans(list: impl Iterator<Item = (f64, f64)>) -> String {
    list.map(|(start, end)| format!("M{} 0H{}V1000H{}Z", fixed(start, 3), fixed(end, 3), fixed(start, 3))).collect()
}

/// A lane's marks box over its track: `y`px down, 14 px high, as wide as the axis in ms, `title` as
/// its tooltip and accessible name. It takes keyboard focus; on focus or hover the stylesheet shows
/// `facts` in place of the lane's state (on the lane's text line, 5 px above the track).
pub(super) fn marks_svg(y: usize, span_ms: f64, title: &str, facts: &str, paths: &str) -> String {
    format!(
        "<text x=\"100%\" y=\"{}\" text-anchor=\"end\" class=\"facts\">{facts}</text><svg y=\"{y}\" width=\"100%\" height=\"14\" viewBox=\"0 0 {} 1000\" preserveAspectRatio=\"none\" class=\"marks\" tabindex=\"0\" role=\"img\"><title>{title}</title>{paths}</svg>",
        y - 5,
        fixed(span_ms, 3)
    )
}

/// A time, or "< 0.1 ms" when it is below what the clock can tell.
pub(super) fn below_clock(ms: f64, clock_resolution_ms: f64) -> String {
    match ms < clock_resolution_ms {
        true => format!("< {} ms", resolution(clock_resolution_ms)),
        false => format_ms(ms, clock_resolution_ms),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_column_holds_the_share_of_its_time_that_spans_cover() {
        // 600 columns over 600 ms: a column per ms.
        let s = shares(&[(0.25, 0.5), (2.0, 4.5), (599.5, 700.0)], 600.0);
        assert_eq!((s[0], s[1], s[2], s[3], s[4], s[5]), (0.25, 0.0, 1.0, 1.0, 0.5, 0.0));
        assert_eq!(s[599], 0.5, "clipped to the axis");
        assert_eq!(shares(&[(1.0, 2.0)], 0.0), vec![0.0; COLUMNS], "no axis, nothing drawn");
    }

    #[test]
    fn equal_neighbours_are_one_bar_standing_on_their_base() {
        let mut heights = vec![0.0; COLUMNS];
        heights[2..5].fill(1.0);
        heights[4] = 1.0 - 1e-12;
        heights[7] = 0.25;
        assert_eq!(columns(&heights, &[], 600.0), "M2.000 0V1000H5.000V0ZM7.000 750V1000H8.000V750Z", "equal as drawn, one bar");
        let base = [0.0, 0.5];
        let mut heights = vec![0.0; COLUMNS];
        heights[1] = 0.25;
        assert_eq!(columns(&heights, &base, 600.0), "M1.000 250V500H2.000V250Z");
        assert_eq!(columns(&vec![0.0; COLUMNS], &[], 600.0), "");
    }

    proptest! {
        /// The ink is the time: the columns' shares add up to the time the spans cover, in columns.
        #[test]
        fn the_ink_is_the_measured_time(starts in prop::collection::vec((0.0f64..1000.0, 0.0f64..50.0), 0..40), span in 100.0f64..5000.0) {
            // Disjoint spans, in order, within the axis.
            let mut at = 0.0;
            let mut list = Vec::new();
            for (gap, length) in starts {
                let start = at + gap;
                let end = (start + length).min(span);
                if start >= span { break; }
                list.push((start, end));
                at = end;
            }
            let covered: f64 = list.iter().map(|(s, e)| e - s).sum();
            let ink: f64 = shares(&list, span).iter().sum::<f64>() * span / COLUMNS as f64;
            prop_assert!((ink - covered).abs() < 1e-6 * span, "ink {} against {}", ink, covered);
        }
    }
}
