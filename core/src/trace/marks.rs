//! What the lanes draw of a trace, as SVG markup of numbers and fixed words: each task's polls and
//! wakes, in the box the Thread lane shares.

use super::{Lane, Trace};
use crate::format::{fixed, ms as format_ms, resolution};

impl Trace {
    /// What a lane draws of its trace, as SVG markup of numbers and fixed words only (no label):
    /// a box `y`px down and 18 px high whose width is the run's axis in ms, with the lane's polls
    /// as rectangles and the wakes that caused them as lines (drawn with a non-scaling stroke, so a
    /// poll far below a pixel still shows), and the lane's facts as its tooltip. Empty without polls.
    pub fn marks(&self, lane: Lane, y: usize, span_ms: f64, clock_resolution_ms: f64) -> String {
        let polls = self.polls(lane);
        if polls.is_empty() {
            return String::new();
        }
        let boxes = spans(polls.iter().map(|p| (p.start_ms, p.end_ms)));
        let wakes: String = polls.iter().filter_map(|p| p.woken_at_ms).map(|t| format!("M{} 0V1", fixed(t, 3))).collect();
        let facts = self.stats(lane).describe(clock_resolution_ms);
        marks_svg(y, span_ms, &facts, &facts, &format!("<path d=\"{boxes}\" class=\"poll\"/><path d=\"{wakes}\" class=\"wake\"/>"))
    }
}

/// Spans of ms as one path of boxes in a 1-unit-high box: "M0.1 0H0.2V1H0.1Z…".
pub(super) fn spans(list: impl Iterator<Item = (f64, f64)>) -> String {
    list.map(|(start, end)| format!("M{} 0H{}V1H{}Z", fixed(start, 3), fixed(end, 3), fixed(start, 3))).collect()
}

/// A lane's marks box: `y`px down, 18 px high, as wide as the axis in ms, non-scaling strokes (so a
/// poll far below a pixel still shows), `title` as its tooltip and accessible name. It takes
/// keyboard focus; on focus or hover the stylesheet shows `facts` in place of the lane's state.
pub(super) fn marks_svg(y: usize, span_ms: f64, title: &str, facts: &str, paths: &str) -> String {
    format!(
        "<text x=\"100%\" y=\"{}\" text-anchor=\"end\" class=\"facts\">{facts}</text><svg y=\"{y}\" width=\"100%\" height=\"18\" viewBox=\"0 0 {} 1\" preserveAspectRatio=\"none\" class=\"marks\" tabindex=\"0\" role=\"img\"><title>{title}</title>{paths}</svg>",
        y - 3,
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
