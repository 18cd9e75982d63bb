//! The scale control's live timeline as geometry: one lane per task up to a limit, shared lanes past it.

use crate::trace::{Lane as TraceLane, Trace, TraceEvent};

/// Up to this many tasks each gets its own bar; past it, tasks share lanes, so a frame stays cheap
/// to draw and the picture stays readable at 100,000 tasks.
pub const BAR_LIMIT: usize = 1_000;
/// How many lanes the aggregated drawing uses past [`BAR_LIMIT`].
pub const AGGREGATE_LANES: usize = 100;

/// Bars in the aggregated histogram of the tasks' end times.
pub const HISTOGRAM_BINS: usize = 40;

/// The sentence after a scale run: what running the tasks one after another would take, against
/// the measured wall-clock of running them concurrently, and the ratio of the two.
pub fn summary(n: u32, delay_ms: u32, wall_ms: f64, resolution_ms: f64) -> String {
    let sequential = f64::from(n) * f64::from(delay_ms);
    let faster = crate::stats::compare(sequential, wall_ms).speedup.map_or_else(String::new, |s| format!(", {}× faster", crate::format::whole(s)));
    format!(
        "{n} tasks of {delay_ms} ms: one after another about {}; concurrently they took {}{faster}.",
        crate::format::seconds(sequential, resolution_ms),
        crate::format::seconds(wall_ms, resolution_ms)
    )
}

/// A scale run traces this many tasks on a lane each; later ones run inside the spawned future's
/// polls, untraced one by one (a trace of 100,000 tasks would hold about 16 MB).
pub const TRACED_TASKS: usize = 10_000;

/// The trace's sentence after a scale run of `n` tasks: its polls and wakes, then the Thread
/// lane's sentence; says when tasks past [`TRACED_TASKS`] were not traced one by one.
pub fn traced(trace: &Trace, n: u32, wall_ms: f64, resolution_ms: f64) -> String {
    let (mut polls, mut wakes) = (0, 0);
    for event in &trace.events {
        match event {
            TraceEvent::Poll { lane: TraceLane::Task(_), .. } => polls += 1,
            TraceEvent::Wake { lane: TraceLane::Task(_), .. } => wakes += 1,
            TraceEvent::Poll { .. } | TraceEvent::Wake { .. } => {}
        }
    }
    let traced = (n as usize).min(TRACED_TASKS);
    let beyond = match n as usize > TRACED_TASKS {
        true => " (the rest run inside the spawned future's polls, not traced one by one)",
        false => "",
    };
    format!("Traced {traced} tasks{beyond}: {polls} polls, {wakes} wakes. {}", trace.thread_sentence(wall_ms, resolution_ms))
}

/// Tasks per lane for a run of `n`: 1 up to [`BAR_LIMIT`], then as many as fill [`AGGREGATE_LANES`].
pub fn per_lane(n: usize) -> usize {
    if n <= BAR_LIMIT {
        1
    } else {
        n.div_ceil(AGGREGATE_LANES)
    }
}

/// When each generated task started and ended, in ms since the run began; `NaN` until it happens.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    origin_ms: f64,
    starts: Vec<f64>,
    ends: Vec<f64>,
    started: usize,
    ended: usize,
}

/// One drawn lane: its tasks' earliest start to their latest end, or to now while any still runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lane {
    /// Position from the top, in `0..lane_count()`.
    pub row: usize,
    pub start_ms: f64,
    pub end_ms: f64,
    /// Tasks in this lane, and how many of them have ended.
    pub tasks: usize,
    pub ended: usize,
}

impl Lane {
    pub fn is_done(&self) -> bool {
        self.ended == self.tasks
    }
}

impl Progress {
    pub fn new(n: usize) -> Progress {
        Progress { origin_ms: 0.0, starts: vec![f64::NAN; n], ends: vec![f64::NAN; n], started: 0, ended: 0 }
    }

    /// The clock reading the run's times count from, set when it starts.
    pub fn origin_ms(&self) -> f64 {
        self.origin_ms
    }

    pub fn set_origin_ms(&mut self, at_ms: f64) {
        self.origin_ms = at_ms;
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    pub fn started(&self) -> usize {
        self.started
    }

    pub fn ended(&self) -> usize {
        self.ended
    }

    /// Task `i` started at `at_ms`; a second call for the same task is ignored.
    pub fn start(&mut self, i: usize, at_ms: f64) {
        if let Some(slot) = self.starts.get_mut(i).filter(|s| s.is_nan()) {
            *slot = at_ms;
            self.started += 1;
        }
    }

    /// Task `i` ended at `at_ms`; a second call for the same task is ignored.
    pub fn end(&mut self, i: usize, at_ms: f64) {
        if let Some(slot) = self.ends.get_mut(i).filter(|s| s.is_nan()) {
            *slot = at_ms;
            self.ended += 1;
        }
    }

    /// When the last task to start started: how long starting them all took.
    pub fn last_start_ms(&self) -> f64 {
        self.starts.iter().copied().filter(|s| !s.is_nan()).fold(0.0, f64::max)
    }

    /// End times of the tasks that have ended, for the histogram.
    pub fn end_times(&self) -> Vec<f64> {
        self.ends.iter().copied().filter(|t| !t.is_nan()).collect()
    }

    pub fn per_lane(&self) -> usize {
        per_lane(self.len())
    }

    pub fn lane_count(&self) -> usize {
        self.len().div_ceil(self.per_lane())
    }

    /// The lanes to draw at `now_ms`; a lane none of whose tasks has started is left out.
    pub fn lanes(&self, now_ms: f64) -> Vec<Lane> {
        let per = self.per_lane();
        self.starts
            .chunks(per)
            .zip(self.ends.chunks(per))
            .enumerate()
            .filter_map(|(row, (starts, ends))| {
                let start_ms = starts.iter().copied().filter(|s| !s.is_nan()).reduce(f64::min)?;
                let ended = ends.iter().filter(|e| !e.is_nan()).count();
                let end_ms = if ended == starts.len() { ends.iter().copied().fold(start_ms, f64::max) } else { now_ms.max(start_ms) };
                Some(Lane { row, start_ms, end_ms, tasks: starts.len(), ended })
            })
            .collect()
    }

    /// The time axis's extent: the expected `delay_ms`, stretched to whatever has happened since.
    pub fn span_ms(&self, now_ms: f64, delay_ms: f64) -> f64 {
        let latest = if self.ended == self.len() { self.ends.iter().copied().fold(0.0, f64::max) } else { now_ms };
        latest.max(delay_ms).max(1.0)
    }
}

#[cfg(test)]
mod tests {
    use crate::trace::{PollResult, WakeSource};

    #[test]
    fn a_scale_trace_counts_its_tasks_polls_and_wakes_and_says_what_it_left_out() {
        let mut trace = Trace::new(1 << 31);
        for index in 0..2 {
            let lane = TraceLane::Task(index);
            trace.record(TraceEvent::Poll { lane, start_ms: 0.0, end_ms: 0.0, result: PollResult::Pending });
            trace.record(TraceEvent::Wake { lane, t_ms: 100.0, by: WakeSource::Timer });
            trace.record(TraceEvent::Wake { lane: TraceLane::Spawned, t_ms: 100.0, by: WakeSource::Timer });
            trace.record(TraceEvent::Poll { lane, start_ms: 100.1, end_ms: 100.1, result: PollResult::Ready });
        }
        let line = traced(&trace, 2, 101.0, 0.1);
        assert!(line.starts_with("Traced 2 tasks: 4 polls, 2 wakes. The one thread ran our futures"), "{line}");
        let beyond = traced(&trace, 20_000, 101.0, 0.1);
        assert!(beyond.starts_with("Traced 10000 tasks (the rest run inside the spawned future's polls, not traced one by one): 4 polls"), "{beyond}");
    }

    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_lane_per_task_up_to_the_limit_then_shared_lanes() {
        assert_eq!(Progress::new(1).lane_count(), 1);
        assert_eq!(Progress::new(BAR_LIMIT).lane_count(), BAR_LIMIT);
        assert_eq!(Progress::new(BAR_LIMIT + 1).lane_count(), 91);
        assert_eq!(Progress::new(100_000).per_lane(), 1_000);
        assert_eq!(Progress::new(100_000).lane_count(), AGGREGATE_LANES);
    }

    #[test]
    fn running_lanes_reach_now_and_finished_ones_stop_at_their_end() {
        let mut p = Progress::new(2);
        assert!(p.lanes(5.0).is_empty());
        p.start(0, 1.0);
        p.start(1, 2.0);
        p.end(0, 101.0);
        let lanes = p.lanes(50.0);
        assert_eq!(lanes[0], Lane { row: 0, start_ms: 1.0, end_ms: 101.0, tasks: 1, ended: 1 });
        assert_eq!(lanes[1], Lane { row: 1, start_ms: 2.0, end_ms: 50.0, tasks: 1, ended: 0 });
        assert_eq!(p.span_ms(50.0, 100.0), 100.0);
        p.end(1, 130.0);
        p.end(1, 999.0);
        assert_eq!(p.ended(), 2);
        assert_eq!(p.span_ms(500.0, 100.0), 130.0);
        assert_eq!(p.end_times(), [101.0, 130.0]);
        assert_eq!(p.last_start_ms(), 2.0);
    }

    #[test]
    fn the_summary_compares_the_estimate_with_the_measured_wall() {
        assert_eq!(
            summary(100_000, 100, 180.26, 0.1),
            "100000 tasks of 100 ms: one after another about 10000.00 s; concurrently they took 0.18 s, 55475× faster."
        );
        assert_eq!(summary(1, 0, 0.0, 0.1), "1 tasks of 0 ms: one after another about 0.00 s; concurrently they took 0.00 s.");
    }

    proptest! {
        #[test]
        fn lanes_account_for_every_task_once(n in 1usize..5_000, ended_share in 0.0..=1.0f64, now in 0.0..10_000.0f64) {
            let mut p = Progress::new(n);
            let ended = (n as f64 * ended_share) as usize;
            for i in 0..n {
                p.start(i, (i % 7) as f64);
            }
            for i in 0..ended {
                p.end(i, 100.0 + (i % 13) as f64);
            }
            let lanes = p.lanes(now);
            prop_assert_eq!(lanes.len(), p.lane_count());
            prop_assert!(lanes.len() <= BAR_LIMIT.max(AGGREGATE_LANES));
            prop_assert_eq!(lanes.iter().map(|l| l.tasks).sum::<usize>(), n);
            prop_assert_eq!(lanes.iter().map(|l| l.ended).sum::<usize>(), ended);
            for lane in &lanes {
                prop_assert!(lane.start_ms <= lane.end_ms);
                prop_assert!(lane.row < p.lane_count());
            }
            prop_assert!(p.span_ms(now, 50.0) >= 50.0);
        }
    }
}
