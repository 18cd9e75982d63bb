//! Replay: a recorded run as it stood at any moment, and the moments a replay steps between.
//!
//! A replay shows only what the recording holds: the state at a moment is exactly what the events
//! up to that moment built, never an interpolation between them.

use crate::run::{Run, TaskRecord};
use crate::trace::{spans_until, PollResult, Trace, TraceEvent};

impl Run {
    /// This run as it stood `at_ms` into it: the tasks started and ended by then, the log lines and
    /// milestones up to then, the trace cut there; finished only from its wall-clock on. A task's
    /// note (what it was doing, recorded without a time) shows once the task has ended.
    pub fn at(&self, at_ms: f64) -> Run {
        if self.wall_ms.is_some_and(|wall| at_ms >= wall) {
            return self.clone();
        }
        let upto = |t: f64| t <= at_ms;
        let tasks = self.tasks.iter().map(|task| task_at(task, at_ms)).collect();
        Run {
            tasks,
            log: self.log.iter().filter(|l| upto(l.t_ms)).cloned().collect(),
            events: self.events.iter().filter(|e| upto(e.t_ms)).cloned().collect(),
            completion_order: self.completion_order.iter().copied().filter(|&i| self.tasks[i].end_ms.is_some_and(upto)).collect(),
            wall_ms: None,
            outcome: None,
            trace: self.trace.until(at_ms),
            ..self.clone()
        }
    }

    /// Each moment something recorded happened, unordered and with repeats: tasks' starts and
    /// ends, log lines, milestones, polls' starts and ends, wakes, and the run's end.
    fn each_moment(&self) -> impl Iterator<Item = f64> + '_ {
        let tasks = self.tasks.iter().flat_map(|t| [t.start_ms, t.end_ms]).flatten();
        let lines = self.log.iter().map(|l| l.t_ms).chain(self.events.iter().map(|e| e.t_ms));
        let trace = self.trace.events.iter().flat_map(|e| match *e {
            TraceEvent::Poll { start_ms, end_ms, .. } => [Some(start_ms), Some(end_ms)],
            TraceEvent::Wake { t_ms, .. } => [Some(t_ms), None],
        });
        tasks.chain(lines).chain(trace.flatten()).chain(self.wall_ms).filter(|t| t.is_finite())
    }
}

/// The first moment recorded in any of `runs` after `after_ms`: a replay's Next event. Found by a
/// scan rather than a sorted list: a sort would cost the wasm about 3 KB for a step a click asks for.
pub fn next_moment(runs: &[&Run], after_ms: f64) -> Option<f64> {
    runs.iter().flat_map(|r| r.each_moment()).filter(|&t| t > after_ms).min_by(f64::total_cmp)
}

/// The last moment recorded in any of `runs` before `before_ms`: a replay's Previous event.
pub fn previous_moment(runs: &[&Run], before_ms: f64) -> Option<f64> {
    runs.iter().flat_map(|r| r.each_moment()).filter(|&t| t < before_ms).max_by(f64::total_cmp)
}

/// One task at `at_ms`: as recorded once it has ended; else as a new record, started if it had.
fn task_at(task: &TaskRecord, at_ms: f64) -> TaskRecord {
    if task.end_ms.is_some_and(|e| e <= at_ms) {
        return task.clone();
    }
    let mut shown = TaskRecord::new(task.spec.clone());
    if let Some(start) = task.start_ms.filter(|&s| s <= at_ms) {
        shown.start(start);
    }
    shown
}

impl Trace {
    /// The trace up to `at_ms`: polls begun by then (one still running is cut at `at_ms` and has
    /// returned nothing yet, so it reads Pending), wakes by then, and the thread's spans cut there.
    pub fn until(&self, at_ms: f64) -> Trace {
        let events = self
            .events
            .iter()
            .filter_map(|e| match *e {
                TraceEvent::Poll { lane, start_ms, end_ms, result } if start_ms <= at_ms => Some(match end_ms <= at_ms {
                    true => TraceEvent::Poll { lane, start_ms, end_ms, result },
                    false => TraceEvent::Poll { lane, start_ms, end_ms: at_ms, result: PollResult::Pending },
                }),
                TraceEvent::Wake { t_ms, .. } if t_ms <= at_ms => Some(*e),
                TraceEvent::Poll { .. } | TraceEvent::Wake { .. } => None,
            })
            .collect();
        Trace { events, drawing: spans_until(&self.drawing, at_ms), long_frames: spans_until(&self.long_frames, at_ms), ..self.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::milestone::Milestone;
    use crate::result::{TaskResult, TaskStatus};
    use crate::run::RunEvent;
    use crate::task::TaskSpec;
    use crate::trace::{Lane, WakeSource};
    use crate::{LessonId, Mode};
    use proptest::prelude::*;

    fn specs(n: usize) -> Vec<TaskSpec> {
        (0..n).map(|i| TaskSpec::timer(&format!("Task {}", i + 1), 100)).collect()
    }

    /// A task as generated: its start, how long until it finished (if it did), whether it failed.
    type TaskPlan = (f64, Option<f64>, bool);
    /// How a run ended: when (after its last event, or at that moment) and whether it was cancelled.
    type Ending = Option<(f64, bool)>;

    /// A recording: timed events in the order they happened, and how the run ended (if it did).
    fn recording(tasks: &[TaskPlan], lines: &[f64], end: Ending) -> (Vec<(f64, RunEvent)>, Ending) {
        let mut timed: Vec<(f64, RunEvent)> = Vec::new();
        for (index, &(start, length, failed)) in tasks.iter().enumerate() {
            timed.push((start, RunEvent::TaskStarted { index, t_ms: start }));
            if let Some(length) = length {
                let status = if failed { TaskStatus::Error } else { TaskStatus::Ok };
                timed.push((start + length, RunEvent::TaskFinished { index, t_ms: start + length, result: TaskResult::timer(status, "slept") }));
            }
        }
        for (n, &t) in lines.iter().enumerate() {
            timed.push((t, RunEvent::Log { t_ms: t, text: format!("line {n}") }));
            timed.push((t, RunEvent::Lesson { t_ms: t, milestone: Milestone::ClientSent { requests: n } }));
        }
        // The one thread records events in time order; a stable sort keeps each task's start first.
        timed.sort_by(|a, b| a.0.total_cmp(&b.0));
        let last = timed.iter().map(|e| e.0).fold(0.0, f64::max);
        (timed, end.map(|(after, cancelled)| (last + after, cancelled)))
    }

    fn built(n: usize, events: &[(f64, RunEvent)], end: Ending) -> Run {
        let mut run = Run::new(4, LessonId::Gather, Mode::Concurrent, specs(n));
        for (_, event) in events {
            run.apply(event.clone());
        }
        match end {
            Some((t, true)) => run.cancel(t),
            Some((t, false)) => run.complete(t),
            None => {}
        }
        run
    }

    proptest! {
        /// At any moment, the replayed state is exactly what the events up to that moment built.
        #[test]
        fn the_state_at_a_moment_is_the_events_up_to_it(
            tasks in prop::collection::vec((0.0f64..500.0, prop::option::of(0.0f64..500.0), any::<bool>()), 1..6),
            lines in prop::collection::vec(0.0f64..1000.0, 0..5),
            end in prop::option::of((0.0f64..50.0, any::<bool>())),
            at in -10.0f64..1200.0,
            on_an_event in prop::option::of(any::<prop::sample::Index>()),
        ) {
            let (events, end) = recording(&tasks, &lines, end);
            // Often exactly at a recorded moment, where "up to" must include it.
            let at = on_an_event.map_or(at, |i| events[i.index(events.len())].0);
            let full = built(tasks.len(), &events, end);
            let upto: Vec<(f64, RunEvent)> = events.iter().filter(|e| e.0 <= at).cloned().collect();
            let ended = end.filter(|(wall, _)| *wall <= at);
            let mut expected = built(tasks.len(), &upto, ended);
            // The trace is cut the same way, and tested on its own below.
            expected.trace = full.trace.until(at);
            prop_assert_eq!(full.at(at), expected);
        }
    }

    #[test]
    fn a_poll_running_at_the_moment_is_cut_there_and_has_returned_nothing() {
        let mut trace = Trace::new(1);
        let lane = Lane::Task(0);
        trace.record(TraceEvent::Poll { lane, start_ms: 0.0, end_ms: 0.1, result: PollResult::Pending });
        trace.record(TraceEvent::Wake { lane, t_ms: 300.0, by: WakeSource::Timer });
        trace.record(TraceEvent::Poll { lane, start_ms: 300.1, end_ms: 900.0, result: PollResult::Ready });
        trace.drew(10.0, 12.0);
        trace.long_frame(300.1, 900.0);
        let cut = trace.until(500.0);
        assert_eq!(
            cut.events,
            [
                TraceEvent::Poll { lane, start_ms: 0.0, end_ms: 0.1, result: PollResult::Pending },
                TraceEvent::Wake { lane, t_ms: 300.0, by: WakeSource::Timer },
                TraceEvent::Poll { lane, start_ms: 300.1, end_ms: 500.0, result: PollResult::Pending },
            ]
        );
        assert_eq!((cut.drawing, cut.long_frames), (vec![(10.0, 12.0)], vec![(300.1, 500.0)]));
        assert_eq!(trace.until(200.0).events.len(), 1);
        assert_eq!(trace.until(1000.0), trace);
    }

    #[test]
    fn a_replay_steps_between_every_recorded_moment_once() {
        let (events, end) = recording(&[(0.0, Some(300.0), false), (0.0, Some(200.0), false)], &[300.0], Some((0.5, false)));
        let mut run = built(2, &events, end);
        run.trace.record(TraceEvent::Poll { lane: Lane::Task(0), start_ms: 0.0, end_ms: 0.05, result: PollResult::Pending });
        run.trace.record(TraceEvent::Wake { lane: Lane::Task(0), t_ms: 299.9, by: WakeSource::Timer });
        let other = built(1, &recording(&[(100.0, Some(100.0), false)], &[], None).0, None);
        let forward: Vec<f64> = std::iter::successors(next_moment(&[&run, &other], f64::NEG_INFINITY), |&t| next_moment(&[&run, &other], t)).collect();
        assert_eq!(forward, [0.0, 0.05, 100.0, 200.0, 299.9, 300.0, 300.5]);
        let backward: Vec<f64> = std::iter::successors(previous_moment(&[&run], f64::INFINITY), |&t| previous_moment(&[&run], t)).collect();
        assert_eq!(backward, [300.5, 300.0, 299.9, 200.0, 0.05, 0.0]);
        assert_eq!(next_moment(&[&run], 300.5), None);
        // Before the run's end it is not finished, whatever its tasks did; from its end on it is the run.
        assert!(!run.at(300.0).is_finished());
        assert_eq!(run.at(300.5), run);
        assert_eq!(run.at(250.0).completion_order, [1]);
    }
}
