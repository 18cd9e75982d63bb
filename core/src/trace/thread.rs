//! The one thread's lane: when it ran our futures, when it drew the lab, the long frames the
//! browser reported, and idle as far as the page can see, with what it cannot see said.

use super::marks::{below_clock, columns, marks_svg, shares, spans};
use super::Trace;
use crate::format::ms as format_ms;

impl Trace {
    /// Records that the lab drew itself from `start_ms` to `end_ms`. A span that begins at or before
    /// the last one's end (the clock could not tell them apart) extends it: a frame's many small
    /// updates become one span.
    pub fn drew(&mut self, start_ms: f64, end_ms: f64) {
        match self.drawing.last_mut() {
            Some(last) if start_ms <= last.1 => last.1 = last.1.max(end_ms),
            _ => self.drawing.push((start_ms, end_ms)),
        }
    }

    /// Records a frame the browser reported as long, clipped to the run's start.
    pub fn long_frame(&mut self, start_ms: f64, end_ms: f64) {
        if end_ms > 0.0 {
            self.long_frames.push((start_ms.max(0.0), end_ms));
        }
    }

    /// Drops what was recorded after the run's end (`wall_ms`): the trace stays open a moment after
    /// the run, for the browser's report of its last frame.
    pub fn end_at(&mut self, wall_ms: f64) {
        self.drawing = spans_until(&self.drawing, wall_ms);
        self.long_frames = spans_until(&self.long_frames, wall_ms);
    }

    /// The thread lane's words once the run has ended: its state, "ran our futures 0.4 ms of
    /// 603.2 ms · drew the lab 3.1 ms", and its facts on focus or hover, "idle 599.7 ms · no long
    /// frames" (or "long frames: 1, 412.3 ms"). Built by concatenation: `format!` costs the wasm more.
    pub fn thread_words(&self, wall_ms: f64, clock_resolution_ms: f64) -> [String; 2] {
        let time = |ms: f64| below_clock(ms, clock_resolution_ms);
        let state = [
            "ran our futures ",
            &time(total(&self.busy_spans())),
            " of ",
            &format_ms(wall_ms, clock_resolution_ms),
            " · drew the lab ",
            &time(total(&self.drawing)),
        ]
        .concat();
        let frames = match (self.long_frames_observed, self.long_frames.len()) {
            (false, _) => "long frames not reported here".to_owned(),
            (true, 0) => "no long frames".to_owned(),
            (true, n) => ["long frames: ", &n.to_string(), ", ", &time(total(&self.long_frames))].concat(),
        };
        [state, ["idle ", &time(self.idle_ms(wall_ms)), " · ", &frames].concat()]
    }

    /// The thread lane in one sentence, for its tooltip and the timeline table.
    pub fn thread_sentence(&self, wall_ms: f64, clock_resolution_ms: f64) -> String {
        let [state, facts] = self.thread_words(wall_ms, clock_resolution_ms);
        [
            "The one thread ",
            &state,
            " (Leptos updating the page); ",
            &facts,
            ". Not measured: the browser's style, layout, paint and other work outside long frames (50 ms or more).",
        ]
        .concat()
    }

    /// Time in none of the spans the page measured or was told of: idle, as far as the page can see.
    fn idle_ms(&self, wall_ms: f64) -> f64 {
        (wall_ms - union_ms(&[&self.busy_spans(), &self.drawing, &self.long_frames])).max(0.0)
    }

    /// The thread lane as SVG markup (fixed words and numbers only): its label, its state, its track
    /// and, once the run has ended (`wall_ms`), its marks: how busy the thread was in each column
    /// (our polls at the foot, the lab's drawing on them, each as tall as its share of the column's
    /// time, so a thread busy 3 % of the run looks 3 % busy), and long frames as outlines over them
    /// (a long frame holds whatever ran in it). One string rather than a view per part: the lane's
    /// view code cost the wasm 2 KiB.
    /// On a narrow screen the stylesheet shows the lane's facts ("idle 1993.7 ms · no long frames")
    /// in place of its state, so the lane's name stays clear.
    pub fn thread_lane(&self, span_ms: f64, wall_ms: Option<f64>, clock_resolution_ms: f64) -> String {
        // The run's trace lands a moment after its end (the browser's report of its last frame):
        // until then the lane says nothing rather than "< 0.1 ms".
        let wall_ms = wall_ms.filter(|_| !self.events.is_empty());
        let state = wall_ms.map(|wall| self.thread_words(wall, clock_resolution_ms)[0].clone()).unwrap_or_default();
        let marks = wall_ms.map(|wall| self.thread_marks(18, span_ms, wall, clock_resolution_ms)).unwrap_or_default();
        format!(
            "<text x=\"0\" y=\"13\" class=\"lane-label\">Thread</text><text x=\"100%\" y=\"13\" text-anchor=\"end\" class=\"lane-state\">{state}</text><rect x=\"0\" width=\"100%\" y=\"18\" height=\"14\" rx=\"3\" class=\"track\"/>{marks}"
        )
    }

    pub(super) fn thread_marks(&self, y: usize, span_ms: f64, wall_ms: f64, clock_resolution_ms: f64) -> String {
        let busy = self.busy_spans();
        if busy.is_empty() {
            return String::new();
        }
        let ours = shares(&busy, span_ms);
        // Drawing and our polls never overlap (a Leptos task that polled a lesson's future is not
        // counted as drawing): stacked, a column is never taller than its time.
        let mut drawing = shares(&self.drawing, span_ms);
        for (draw, poll) in drawing.iter_mut().zip(&ours) {
            *draw = draw.min(1.0 - poll);
        }
        let paths = format!(
            "<path d=\"{}\" class=\"poll\"/><path d=\"{}\" class=\"draw\"/><path d=\"{}\" class=\"long\"/>",
            columns(&ours, &[], span_ms),
            columns(&drawing, &ours, span_ms),
            spans(self.long_frames.iter().copied())
        );
        marks_svg(y, span_ms, &self.thread_sentence(wall_ms, clock_resolution_ms), &self.thread_words(wall_ms, clock_resolution_ms)[1], &paths)
    }
}

/// The spans begun by `at_ms`, each cut there: a run's end, or a replay's moment.
pub(crate) fn spans_until(list: &[(f64, f64)], at_ms: f64) -> Vec<(f64, f64)> {
    list.iter().filter(|s| s.0 <= at_ms).map(|&(start, end)| (start, end.min(at_ms))).collect()
}

fn total(list: &[(f64, f64)]) -> f64 {
    list.iter().map(|(start, end)| (end - start).max(0.0)).sum()
}

/// The length of the union of spans given as lists each in order of start (the kinds interleave):
/// a merge of the lists' heads, without a sort (each sort costs the wasm about 1.8 KiB).
fn union_ms(lists: &[&[(f64, f64)]]) -> f64 {
    let mut heads = vec![0; lists.len()];
    let (mut sum, mut current): (f64, Option<(f64, f64)>) = (0.0, None);
    while let Some(k) = (0..lists.len()).filter(|&k| heads[k] < lists[k].len()).min_by(|&a, &b| lists[a][heads[a]].0.total_cmp(&lists[b][heads[b]].0)) {
        let (start, end) = lists[k][heads[k]];
        heads[k] += 1;
        current = match current {
            Some((s, e)) if start <= e => Some((s, e.max(end))),
            Some((s, e)) => {
                sum += e - s;
                Some((start, end))
            }
            None => Some((start, end)),
        };
    }
    sum + current.map_or(0.0, |(s, e)| e - s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::{Lane, PollResult, TraceEvent};

    fn trace() -> Trace {
        let mut trace = Trace::new(1);
        for (start_ms, end_ms) in [(0.0, 0.2), (300.2, 300.3)] {
            trace.record(TraceEvent::Poll { lane: Lane::Spawned, start_ms, end_ms, result: PollResult::Pending });
        }
        trace.long_frames_observed = true;
        trace
    }

    #[test]
    fn drawing_spans_the_clock_cannot_separate_become_one() {
        let mut trace = trace();
        trace.drew(1.0, 1.0);
        trace.drew(1.0, 1.1);
        trace.drew(1.1, 1.3);
        trace.drew(17.0, 17.2);
        assert_eq!(trace.drawing, [(1.0, 1.3), (17.0, 17.2)]);
        trace.long_frame(-5.0, 60.0);
        trace.drew(17.2, 17.4);
        assert_eq!(trace.drawing, [(1.0, 1.3), (17.0, 17.4)]);
        assert_eq!(trace.long_frames, [(0.0, 60.0)], "clipped to the run's start");
        trace.drew(400.0, 401.0);
        trace.end_at(350.0);
        assert_eq!((trace.drawing.len(), trace.long_frames.len()), (2, 1), "what began after the run's end is dropped");
    }

    #[test]
    fn idle_is_the_wall_clock_outside_every_span_seen() {
        let mut trace = trace();
        trace.drew(0.1, 0.5);
        trace.drew(100.0, 101.0);
        trace.long_frame(250.0, 310.0);
        // Union: [0, 0.5], [100, 101], [250, 310] (holding the second poll): 61.5 ms of 400.
        assert!((trace.idle_ms(400.0) - 338.5).abs() < 1e-9, "{}", trace.idle_ms(400.0));
        assert_eq!(trace.thread_words(400.0, 0.1), ["ran our futures 0.3 ms of 400.0 ms · drew the lab 1.4 ms", "idle 338.5 ms · long frames: 1, 60.0 ms"]);
        trace.long_frames_observed = false;
        assert_eq!(trace.thread_words(400.0, 0.1)[1], "idle 338.5 ms · long frames not reported here");
        assert!(trace
            .thread_sentence(400.0, 0.1)
            .ends_with("long frames not reported here. Not measured: the browser's style, layout, paint and other work outside long frames (50 ms or more)."));
    }

    #[test]
    fn a_union_merges_overlapping_and_touching_spans_across_lists() {
        assert_eq!(union_ms(&[&[(0.0, 2.0), (5.0, 6.0)], &[(1.0, 3.0), (10.0, 10.0)], &[(3.0, 4.0)]]), 5.0);
        assert_eq!(union_ms(&[&[(0.0, 10.0)], &[(2.0, 3.0), (4.0, 12.0)]]), 12.0);
        assert_eq!(union_ms(&[&[], &[]]), 0.0);
    }

    #[test]
    fn the_lane_stacks_drawing_on_our_polls_and_outlines_long_frames_over_them() {
        let mut trace = trace();
        // 600 ms on 600 columns: a column per ms. Our polls fill 0.2 of column 0 and 0.1 of 300.
        trace.drew(1.0, 1.5);
        trace.drew(300.5, 301.0);
        let marks = trace.thread_marks(18, 600.0, 350.0, 0.1);
        let (poll, draw, long) = (marks.find("class=\"poll\"").unwrap(), marks.find("class=\"draw\"").unwrap(), marks.find("class=\"long\"").unwrap());
        assert!(poll < draw && draw < long, "{marks}");
        assert!(marks.contains("<path d=\"M0.000 800V1000H1.000V800ZM300.000 900V1000H301.000V900Z\" class=\"poll\"/>"), "{marks}");
        assert!(marks.contains("<path d=\"M1.000 500V1000H2.000V500ZM300.000 400V900H301.000V400Z\" class=\"draw\"/>"), "{marks}");
        assert!(marks.contains("<svg y=\"18\" width=\"100%\" height=\"14\""), "{marks}");
        assert!(marks.contains("<title>The one thread ran our futures 0.3 ms of 350.0 ms · drew the lab 1.0 ms (Leptos updating the page); idle"), "{marks}");
        assert_eq!(Trace::new(2).thread_marks(18, 600.0, 1.0, 0.1), "");
        let running = trace.thread_lane(600.0, None, 0.1);
        assert!(running.contains(">Thread</text>") && running.contains(r#"class="lane-state"></text>"#) && !running.contains("<svg"), "{running}");
        let landing = Trace::new(2).thread_lane(600.0, Some(350.0), 0.1);
        assert!(landing.contains(r#"class="lane-state"></text>"#) && !landing.contains("<svg"), "before its trace lands: {landing}");
        let ended = trace.thread_lane(600.0, Some(350.0), 0.1);
        assert!(ended.contains(">ran our futures 0.3 ms of 350.0 ms · drew the lab 1.0 ms</text>"), "{ended}");
    }

    #[test]
    fn a_thread_busy_three_percent_of_the_run_draws_three_percent_of_its_box() {
        // Two 2 s timers as measured: a few short polls, the lab drawing 1 ms a frame.
        let mut trace = Trace::new(1);
        for start in [0.0, 2000.0, 2000.3] {
            trace.record(TraceEvent::Poll { lane: Lane::Spawned, start_ms: start, end_ms: start + 0.2, result: PollResult::Pending });
        }
        for frame in 0..120 {
            let at = f64::from(frame) * 16.7 + 0.5;
            trace.drew(at, at + 0.5);
        }
        let busy = (0.6 + 60.0) / 2100.0;
        let marks = trace.thread_marks(18, 2100.0, 2001.0, 0.1);
        let ink: f64 = ["poll", "draw"].iter().map(|class| area(&marks, class)).sum::<f64>() / 2100.0;
        assert!((ink - busy).abs() < 1e-3, "ink {ink} of the box, busy {busy}");
    }

    /// The area of a path of bars "M{x0} {top}V{bottom}H{x1}V{top}Z…" in the markup, in ms × box heights.
    fn area(markup: &str, class: &str) -> f64 {
        let end = markup.find(&format!("\" class=\"{class}\"")).unwrap();
        let d = &markup[markup[..end].rfind("d=\"").unwrap() + 3..end];
        d.split('M')
            .filter(|bar| !bar.is_empty())
            .map(|bar| {
                let n: Vec<f64> = bar.trim_end_matches('Z').split(['V', 'H', ' ']).map(|x| x.parse().unwrap()).collect();
                (n[3] - n[0]) * (n[2] - n[1]) / 1000.0
            })
            .sum()
    }
}
