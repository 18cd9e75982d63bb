//! The sentence under the timelines: the ones every lesson shares (a sequence's sum, a
//! concurrent run's overlap, Run both's saving, a cancel) and each lesson's own, from its module.

use crate::format::{comparison, ms, seconds};
use crate::lesson::{AfterRunBoth, Takeaway};
use crate::milestone::Milestone;
use crate::mode::{Adds, Mode};
use crate::result::TaskStatus;
use crate::run::{Outcome, Run};
use crate::stats::Comparison;
use crate::task::TaskKind;

/// The sentence under the timelines for the `latest` run: after Run both, the `pair`'s two
/// wall-clocks compared, unless the lesson says its own takeaway then.
pub fn shown(latest: &Run, pair: Option<&Comparison>, resolution_ms: f64) -> Option<String> {
    match (pair, latest.lesson.lesson().after_run_both) {
        (Some(c), AfterRunBoth::Saving) => Some(comparison(c, resolution_ms)),
        (None, _) | (Some(_), AfterRunBoth::Takeaway) => takeaway(latest, resolution_ms),
    }
}

/// What the learner should take from this run, or `None` while it is in flight.
pub fn takeaway(run: &Run, resolution_ms: f64) -> Option<String> {
    let totals = run.totals()?;
    let wall = seconds(totals.wall_ms, resolution_ms);
    let sum = seconds(totals.sum_ms, resolution_ms);
    if run.outcome == Some(Outcome::Cancelled) {
        let closed = run.last(|m| *m == Milestone::Closed).map(|e| e.t_ms);
        return Some(cancelled(run, totals.wall_ms, closed, resolution_ms));
    }
    let own = match (run.lesson.lesson().takeaway, run.mode) {
        (Takeaway::OfEvery(say), _) => return Some(say(run, resolution_ms)),
        (_, Mode::Sequential) => {
            return Some(format!("Sequential took {wall}: each task waited for the one before, so the wall-clock is the sum of the tasks ({sum})."))
        }
        (Takeaway::Shared, _) => None,
        (Takeaway::OfConcurrent(say), _) => say(run, resolution_ms),
    };
    // Savings only from two measured wall-clocks: after Run both, or not at all.
    Some(own.unwrap_or_else(|| match run.comparison() {
        Some(c) => comparison(&c, resolution_ms),
        None => {
            format!("Concurrent took {wall}; its tasks took {sum} in all, overlapping. Run both to measure what that saves against running them in sequence.")
        }
    }))
}

/// What a cancel stopped, said only of what was running: a JS promise's timer is not stopped.
fn cancelled(run: &Run, wall_ms: f64, closed: Option<f64>, resolution_ms: f64) -> String {
    let at = ms(wall_ms, resolution_ms);
    if let Some(t) = closed {
        return format!("Cancelled at {at}: dropping the run's future ran the guard's Drop, which closed the connection at {}.", ms(t, resolution_ms));
    }
    // Tasks that had started and were cut off by the cancel.
    let running = |kind: TaskKind| run.tasks.iter().any(|t| t.spec.kind == kind && t.start_ms.is_some() && t.status() == TaskStatus::Cancelled);
    // The promise a variant adds (async-fn's lazy run: its second task) runs its timer on whatever
    // happens to the run.
    let promise = match run.mode.adds() {
        Adds::Promise => run.tasks.get(1).filter(|t| t.start_ms.is_some() && t.status() == TaskStatus::Cancelled),
        Adds::Nothing | Adds::JsTwins | Adds::Deadlines => None,
    };
    let rust_timers = run
        .tasks
        .iter()
        .enumerate()
        .any(|(i, t)| t.spec.kind == TaskKind::Timer && t.start_ms.is_some() && t.status() == TaskStatus::Cancelled && !(promise.is_some() && i == 1));
    let mut stopped = Vec::new();
    if rust_timers {
        stopped.push("its timers cleared");
    }
    if running(TaskKind::Fetch) {
        stopped.push("its requests aborted");
    }
    if running(TaskKind::Cpu) {
        stopped.push("its busy loop stopped at the next slice");
    }
    let mut sentence = match stopped.as_slice() {
        [] => format!("Cancelled at {at}: the run's future was dropped"),
        [one] => format!("Cancelled at {at}: the run's future was dropped, {one}"),
        [first @ .., last] => format!("Cancelled at {at}: the run's future was dropped, {} and {last}", first.join(", ")),
    };
    match promise {
        Some(_) => sentence.push_str("; the JS promise's timer cannot be cancelled and fires anyway."),
        None => sentence.push('.'),
    }
    sentence
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::milestone::Frames;
    use crate::mode::Variant;
    use crate::result::TaskResult;
    use crate::run::{LessonEvent, RunEvent};
    use crate::task::TaskSpec;
    use crate::LessonId;

    fn finished(lesson: LessonId, mode: Mode, specs: Vec<TaskSpec>, spans: &[(f64, f64)]) -> Run {
        let mut run = Run::new(1, lesson, mode, specs);
        for (i, &(start, _)) in spans.iter().enumerate() {
            run.apply(RunEvent::TaskStarted { index: i, t_ms: start });
        }
        let mut order: Vec<usize> = (0..spans.len()).collect();
        order.sort_by(|&a, &b| spans[a].1.total_cmp(&spans[b].1));
        for i in order {
            run.apply(RunEvent::TaskFinished { index: i, t_ms: spans[i].1, result: TaskResult::timer(TaskStatus::Ok, "") });
        }
        let wall = spans.iter().map(|s| s.1).fold(0.0, f64::max);
        run.complete(wall);
        run
    }

    #[test]
    fn gather_names_both_orders() {
        let specs = vec![TaskSpec::timer("Task 1", 2000), TaskSpec::timer("Task 2", 1000), TaskSpec::timer("Task 3", 3000)];
        let mut run = finished(LessonId::Gather, Mode::Concurrent(Variant::Gather), specs, &[(0.0, 2000.5), (0.0, 1000.5), (0.0, 3000.5)]);
        assert_eq!(takeaway(&run, 0.1).unwrap(), "Completion order: Task 2, Task 1, Task 3. All done in 3.00 s.");
        let values = vec!["Result from Task 1".to_owned(), "Result from Task 2".to_owned(), "Result from Task 3".to_owned()];
        run.events.push(LessonEvent { t_ms: 3000.5, milestone: Milestone::Returned { values } });
        assert_eq!(
            takeaway(&run, 0.1).unwrap(),
            "Completion order: Task 2, Task 1, Task 3; join_all still returned the results in submission order: Result from Task 1, Result from Task 2, Result from Task 3. All done in 3.00 s."
        );
    }

    #[test]
    fn concurrent_default() {
        let specs = vec![TaskSpec::timer("Data 1", 2000), TaskSpec::timer("Data 2", 2000)];
        let run = finished(LessonId::SequentialVsConcurrent, Mode::Concurrent(Variant::Gather), specs, &[(0.0, 2000.0), (0.0, 2001.0)]);
        assert_eq!(
            takeaway(&run, 0.1).unwrap(),
            "Concurrent took 2.00 s; its tasks took 4.00 s in all, overlapping. Run both to measure what that saves against running them in sequence."
        );
        let mut paired =
            Run::new(2, LessonId::SequentialVsConcurrent, Mode::Concurrent(Variant::Gather), vec![TaskSpec::timer("Data 1", 2000)]).after_sequential(4003.0);
        paired.complete(2001.0);
        assert_eq!(takeaway(&paired, 0.1).unwrap(), "Concurrent took 2.00 s instead of 4.00 s: 2.00 s saved, 2.0× faster.");
    }

    #[test]
    fn blocking_reports_lateness() {
        let specs = vec![TaskSpec::timer("Timer 1", 100), TaskSpec::cpu("Busy loop", 1000)];
        let mut run = finished(LessonId::CpuBound, Mode::Concurrent(Variant::Blocking), specs, &[(0.0, 1000.0), (0.0, 1000.0)]);
        run.events.push(LessonEvent { t_ms: 1000.0, milestone: Milestone::Frames(Frames { count: 1, longest_gap_ms: 1000.0, span_ms: 1000.0 }) });
        let text = takeaway(&run, 0.1).unwrap();
        assert_eq!(text, "While the loop blocked the thread, timers fired up to 900.0 ms late and the page drew 1 frames in 1000 ms; longest gap 1000 ms. Async cannot overlap CPU work.");
    }

    #[test]
    fn a_cancelled_guard_names_when_it_closed() {
        let specs = vec![TaskSpec::timer("query users", 400)];
        let mut run = Run::new(2, LessonId::ContextManager, Mode::Concurrent(Variant::Gather), specs);
        run.apply(RunEvent::TaskStarted { index: 0, t_ms: 100.0 });
        run.apply(RunEvent::Lesson { t_ms: 150.0, milestone: Milestone::Closed });
        run.cancel(150.0);
        assert_eq!(
            takeaway(&run, 0.1).unwrap(),
            "Cancelled at 150.0 ms: dropping the run's future ran the guard's Drop, which closed the connection at 150.0 ms."
        );
    }

    #[test]
    fn a_cancel_claims_only_what_it_stopped() {
        let specs = vec![TaskSpec::timer("greet(\"Alice\")", 1000), TaskSpec::timer("new Promise(…) in JS", 1000)];
        let mut lazy = Run::new(3, LessonId::AsyncFn, Mode::Concurrent(Variant::Lazy), specs);
        lazy.apply(RunEvent::TaskStarted { index: 1, t_ms: 0.0 });
        lazy.cancel(200.0);
        assert_eq!(
            takeaway(&lazy, 0.1).unwrap(),
            "Cancelled at 200.0 ms: the run's future was dropped; the JS promise's timer cannot be cancelled and fires anyway."
        );
        let specs = vec![TaskSpec::timer("a", 1000), TaskSpec::fetch("b", 1000, "api/x"), TaskSpec::timer("c", 1000)];
        let mut run = Run::new(4, LessonId::SequentialVsConcurrent, Mode::Concurrent(Variant::Gather), specs);
        run.apply(RunEvent::TaskStarted { index: 0, t_ms: 0.0 });
        run.apply(RunEvent::TaskStarted { index: 1, t_ms: 0.0 });
        run.cancel(100.0);
        assert_eq!(takeaway(&run, 0.1).unwrap(), "Cancelled at 100.0 ms: the run's future was dropped, its timers cleared and its requests aborted.");
    }

    #[test]
    fn every_lesson_has_a_takeaway_in_every_mode() {
        for lesson in LessonId::ALL {
            for mode in [Mode::Sequential, Mode::Concurrent(Variant::Gather), Mode::Concurrent(Variant::Blocking), Mode::Concurrent(Variant::Yielding)] {
                let run = finished(lesson, mode, vec![TaskSpec::timer("a", 10)], &[(0.0, 10.0)]);
                assert!(takeaway(&run, 0.1).is_some_and(|t| !t.is_empty()), "{lesson:?} {mode:?}");
            }
        }
    }
}
