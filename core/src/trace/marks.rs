//! What the lanes draw of a trace, as SVG markup of numbers and fixed words: each task's polls and
//! wakes, and the Thread lane.

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
        marks_svg(y, span_ms, &facts, &format!("<path d=\"{boxes}\" class=\"poll\"/><path d=\"{wakes}\" class=\"wake\"/>"))
    }

    /// The thread lane's words: how long the one thread ran our futures, out of the run's
    /// wall-clock: "ran our futures 0.4 ms of 603.2 ms".
    pub fn thread_state(&self, wall_ms: f64, clock_resolution_ms: f64) -> String {
        let busy: f64 = self.busy_spans().iter().map(|(start, end)| end - start).sum();
        format!("ran our futures {} of {}", below_clock(busy, clock_resolution_ms), format_ms(wall_ms, clock_resolution_ms))
    }

    /// The thread lane as SVG markup (fixed words and numbers only): its label, its state, its track
    /// and, once the run has ended (`wall_ms`), its marks. One string rather than a view per part:
    /// the lane's view code cost the wasm about 2 KiB.
    pub fn thread_lane(&self, span_ms: f64, wall_ms: Option<f64>, clock_resolution_ms: f64) -> String {
        let state = wall_ms.map(|wall| self.thread_state(wall, clock_resolution_ms)).unwrap_or_default();
        let marks = wall_ms.map(|wall| self.thread_marks(16, span_ms, wall, clock_resolution_ms)).unwrap_or_default();
        format!(
            "<text x=\"0\" y=\"13\" class=\"lane-label\">Thread</text><text x=\"100%\" y=\"13\" text-anchor=\"end\" class=\"lane-state\">{state}</text><rect x=\"0\" width=\"100%\" y=\"18\" height=\"14\" rx=\"3\" class=\"track\"/>{marks}"
        )
    }

    /// The thread lane's marks, drawn like a task lane's: when the one thread was inside a poll of
    /// ours (the union of every poll), with what the lane cannot see said in its tooltip.
    pub(super) fn thread_marks(&self, y: usize, span_ms: f64, wall_ms: f64, clock_resolution_ms: f64) -> String {
        let busy = self.busy_spans();
        if busy.is_empty() {
            return String::new();
        }
        let facts = format!(
            "The one thread {}; free the rest of the time. Not measured here: the browser's own work in that time (drawing, other tasks)",
            self.thread_state(wall_ms, clock_resolution_ms)
        );
        marks_svg(y, span_ms, &facts, &format!("<path d=\"{}\" class=\"poll\"/>", spans(busy.into_iter())))
    }
}

/// Spans of ms as one path of boxes in a 1-unit-high box: "M0.1 0H0.2V1H0.1Z…".
fn spans(list: impl Iterator<Item = (f64, f64)>) -> String {
    list.map(|(start, end)| format!("M{} 0H{}V1H{}Z", fixed(start, 3), fixed(end, 3), fixed(start, 3))).collect()
}

/// A lane's marks box: `y`px down, 18 px high, as wide as the axis in ms, non-scaling strokes (so a
/// poll far below a pixel still shows), `title` as its tooltip.
fn marks_svg(y: usize, span_ms: f64, title: &str, paths: &str) -> String {
    format!(
        "<svg y=\"{y}\" width=\"100%\" height=\"18\" viewBox=\"0 0 {} 1\" preserveAspectRatio=\"none\" class=\"marks\"><title>{title}</title>{paths}</svg>",
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
