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
        let mut run = self.clone();
        // Whole from the end of its last lane on (race's JS lanes may end after its wall-clock).
        if self.span_ms().is_some_and(|span| at_ms >= span) {
            return run;
        }
        // Cut in place: filtered copies of each list would cost the wasm a collect per list.
        for task in &mut run.tasks {
            if task.end_ms.is_none_or(|end| end > at_ms) {
                let (started, line) = (task.start_ms.filter(|&start| start <= at_ms), task.line);
                *task = TaskRecord { line, ..TaskRecord::new(task.spec.clone()) };
                if let Some(start) = started {
                    task.start(start);
                }
            }
        }
        run.log.retain(|l| l.t_ms <= at_ms);
        run.events.retain(|e| e.t_ms <= at_ms);
        run.completion_order.retain(|&i| self.tasks[i].end_ms.is_some_and(|end| end <= at_ms));
        run.wall_ms = None;
        run.outcome = None;
        run.trace.cut(at_ms);
        run
    }

    /// Calls `moment` with each time something recorded happened, unordered and with repeats:
    /// tasks' starts and ends, log lines, milestones, polls' starts and ends, wakes, the run's end.
    /// A visitor, not an iterator: chained and flattened iterators cost the wasm about 5 KB.
    fn each_moment(&self, moment: &mut dyn FnMut(f64)) {
        for task in &self.tasks {
            task.start_ms.into_iter().chain(task.end_ms).for_each(&mut *moment);
        }
        self.log.iter().for_each(|l| moment(l.t_ms));
        self.events.iter().for_each(|e| moment(e.t_ms));
        for event in &self.trace.events {
            match *event {
                TraceEvent::Poll { start_ms, end_ms, .. } => {
                    moment(start_ms);
                    moment(end_ms);
                }
                TraceEvent::Wake { t_ms, .. } => moment(t_ms),
            }
        }
        self.wall_ms.into_iter().for_each(moment);
    }
}

/// The first moment recorded in any of `runs` after `after_ms`: a replay's Next event. Found by a
/// scan rather than a sorted list: a sort would cost the wasm about 3 KB for a step a click asks for.
pub fn next_moment(runs: &[&Run], after_ms: f64) -> Option<f64> {
    let mut next = f64::INFINITY;
    for run in runs {
        run.each_moment(&mut |t| next = if t > after_ms { next.min(t) } else { next });
    }
    next.is_finite().then_some(next)
}

/// The last moment recorded in any of `runs` before `before_ms`: a replay's Previous event.
pub fn previous_moment(runs: &[&Run], before_ms: f64) -> Option<f64> {
    let mut previous = f64::NEG_INFINITY;
    for run in runs {
        run.each_moment(&mut |t| previous = if t < before_ms { previous.max(t) } else { previous });
    }
    previous.is_finite().then_some(previous)
}

impl Trace {
    /// Cuts the trace at `at_ms`: polls begun by then (one still running is cut at `at_ms` and has
    /// returned nothing yet, so it reads Pending), wakes by then, and the thread's spans cut there.
    pub fn cut(&mut self, at_ms: f64) {
        self.events.retain_mut(|e| match e {
            TraceEvent::Poll { start_ms, end_ms, result, .. } if *start_ms <= at_ms => {
                if *end_ms > at_ms {
                    (*end_ms, *result) = (at_ms, PollResult::Pending);
                }
                true
            }
            TraceEvent::Wake { t_ms, .. } => *t_ms <= at_ms,
            TraceEvent::Poll { .. } => false,
        });
        self.drawing = spans_until(&self.drawing, at_ms);
        self.long_frames = spans_until(&self.long_frames, at_ms);
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
    use crate::{LessonId, Mode, Variant};
    use proptest::prelude::*;

    #[test]
    fn a_lane_that_ends_after_the_wall_clock_is_cut_too() {
        // race: the program returned at 400 ms; its JS loser answered at 1200 ms.
        let mut run = Run::new(1, LessonId::Race, Mode::Concurrent(Variant::Race), specs(2));
        for (index, end) in [(0, 400.0), (1, 1200.0)] {
            run.apply(RunEvent::TaskStarted { index, t_ms: 0.0 });
            run.apply(RunEvent::TaskFinished { index, t_ms: end, result: TaskResult::timer(TaskStatus::Ok, "") });
        }
        run.complete(400.0);
        assert_eq!(run.span_ms(), Some(1200.0));
        let at = run.at(800.0);
        assert_eq!((at.tasks[0].status(), at.tasks[1].status()), (TaskStatus::Ok, TaskStatus::Running));
        assert_eq!(run.at(1200.0), run);
    }

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

    fn until(trace: &Trace, at: f64) -> Trace {
        let mut cut = trace.clone();
        cut.cut(at);
        cut
    }

    fn built(n: usize, events: &[(f64, RunEvent)], end: Ending) -> Run {
        let mut run = Run::new(4, LessonId::Gather, Mode::Concurrent(Variant::Gather), specs(n));
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
            expected.trace = until(&full.trace, at);
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
        let cut = until(&trace, 500.0);
        assert_eq!(
            cut.events,
            [
                TraceEvent::Poll { lane, start_ms: 0.0, end_ms: 0.1, result: PollResult::Pending },
                TraceEvent::Wake { lane, t_ms: 300.0, by: WakeSource::Timer },
                TraceEvent::Poll { lane, start_ms: 300.1, end_ms: 500.0, result: PollResult::Pending },
            ]
        );
        assert_eq!((cut.drawing, cut.long_frames), (vec![(10.0, 12.0)], vec![(300.1, 500.0)]));
        assert_eq!(until(&trace, 200.0).events.len(), 1);
        assert_eq!(until(&trace, 1000.0), trace);
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
