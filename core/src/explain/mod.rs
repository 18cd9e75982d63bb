//! One-line takeaways computed from a finished run, in each lesson's own terms.

mod combinators;

use crate::format::{comparison, ms, seconds};
use crate::lesson::LessonId;
use crate::milestone::Milestone;
use crate::mode::Mode;
use crate::result::TaskStatus;
use crate::run::{Outcome, Run};
use crate::stats::Comparison;
use crate::task::TaskKind;

/// The sentence under the timelines for the `latest` run: after Run both, the `pair`'s two
/// wall-clocks compared, except for the lessons beyond the tutorial (race, timeout, errors, limit,
/// as-completed, retry), whose point is more than the saving: then the lesson's own takeaway, which
/// compares the wall-clocks where that means something.
pub fn shown(latest: &Run, pair: Option<&Comparison>, resolution_ms: f64) -> Option<String> {
    let dropping = match latest.lesson {
        LessonId::Race | LessonId::Timeout | LessonId::Errors | LessonId::Limit | LessonId::AsCompleted | LessonId::Retry => true,
        LessonId::SequentialVsConcurrent
        | LessonId::AsyncFn
        | LessonId::Gather
        | LessonId::ApiRequests
        | LessonId::ContextManager
        | LessonId::AsyncMethods
        | LessonId::CpuBound => false,
    };
    match (pair, dropping) {
        (Some(c), false) => Some(comparison(c, resolution_ms)),
        (None, _) | (Some(_), true) => takeaway(latest, resolution_ms),
    }
}

/// What the learner should take from this run, or `None` while it is in flight.
pub fn takeaway(run: &Run, resolution_ms: f64) -> Option<String> {
    let totals = run.totals()?;
    let wall = seconds(totals.wall_ms, resolution_ms);
    let sum = seconds(totals.sum_ms, resolution_ms);
    let closed = run.last(|m| *m == Milestone::Closed).map(|e| e.t_ms);
    if run.outcome == Some(Outcome::Cancelled) {
        return Some(cancelled(run, totals.wall_ms, closed, resolution_ms));
    }
    match run.lesson {
        LessonId::Errors => return Some(combinators::errors(run, resolution_ms)),
        LessonId::Retry => return Some(combinators::retry(run, resolution_ms)),
        _ => {}
    }
    if run.mode == Mode::Sequential {
        return Some(format!("Sequential took {wall}: each task waited for the one before, so the wall-clock is the sum of the tasks ({sum})."));
    }
    // Savings only from two measured wall-clocks: after Run both, or not at all.
    let generic = || match run.comparison() {
        Some(c) => comparison(&c, resolution_ms),
        None => {
            format!("Concurrent took {wall}; its tasks took {sum} in all, overlapping. Run both to measure what that saves against running them in sequence.")
        }
    };
    let order = |indices: &[usize]| indices.iter().filter_map(|&i| run.tasks.get(i)).map(|t| t.spec.label.as_str()).collect::<Vec<_>>().join(", ");
    let worst_late = || run.tasks.iter().filter(|t| t.spec.kind == TaskKind::Timer).filter_map(|t| t.late_ms()).fold(0.0, f64::max);
    let frames = || {
        run.events.iter().rev().find_map(|e| match &e.milestone {
            Milestone::Frames(f) => Some(f.to_string()),
            _ => None,
        })
    };
    let sentence = match run.lesson {
        LessonId::SequentialVsConcurrent | LessonId::AsyncMethods => generic(),
        LessonId::AsyncFn => match run.mode {
            Mode::Lazy => {
                let created = run.first(|m| matches!(m, Milestone::FutureCreated { .. }))?.t_ms;
                let polled = run.first(|m| matches!(m, Milestone::FirstPoll { .. }))?.t_ms;
                let promise = run.tasks.get(1).and_then(|t| t.end_ms).map_or_else(String::new, |end| {
                    format!(" The JS promise started when it was created and settled at {} whether awaited or not.", ms(end, resolution_ms))
                });
                let took = run.tasks.first().and_then(|t| t.duration_ms()).map_or_else(String::new, |d| ms(d, resolution_ms));
                format!(
                    "The future was created at {} and did nothing until its first poll at {}; then it took {took}.{promise}",
                    ms(created, resolution_ms),
                    ms(polled, resolution_ms),
                )
            }
            _ => generic(),
        },
        LessonId::Gather => {
            let completed = order(&run.completion_order);
            let returned = run.events.iter().rev().find_map(|e| match &e.milestone {
                Milestone::Returned { values } => Some(values),
                _ => None,
            });
            match returned {
                // Said only of the values join_all really returned, checked against the submission order.
                Some(values) if values.len() == run.tasks.len() && values.iter().zip(&run.tasks).all(|(v, t)| v.ends_with(&t.spec.label)) => format!(
                    "Completion order: {completed}; join_all still returned the results in submission order: {}. All done in {wall}.",
                    values.join(", ")
                ),
                Some(values) => format!("Completion order: {completed}; join_all returned: {}. All done in {wall}.", values.join(", ")),
                None => format!("Completion order: {completed}. All done in {wall}."),
            }
        }
        LessonId::ApiRequests => {
            let ok = run.tasks.iter().filter(|t| t.status() == TaskStatus::Ok).count();
            format!("Fetched {ok} of {} URLs in {wall} with one client; one after another they would have taken about {sum}.", run.tasks.len())
        }
        LessonId::ContextManager => {
            let after = if run.outcome == Some(Outcome::Failed) { "after a task failed" } else { "after the work succeeded" };
            let at = closed.map_or_else(|| "—".to_owned(), |t| ms(t, resolution_ms));
            format!("The connection closed {after}, at {at}: the guard's Drop ran on that path too.")
        }
        LessonId::CpuBound => match run.mode {
            Mode::Blocking => format!(
                "While the loop blocked the thread, timers fired up to {} late and the page drew {}. Async cannot overlap CPU work.",
                ms(worst_late(), resolution_ms),
                frames().unwrap_or_default()
            ),
            Mode::Yielding => {
                let work: f64 = run.tasks.iter().filter(|t| t.spec.kind == TaskKind::Cpu).map(|t| f64::from(t.spec.delay_ms)).sum();
                format!(
                    "The loop yielded between slices: timers were at most {} late and the page kept drawing ({}). Its {} of work still took {} of wall-clock: yielding buys responsiveness, not speed.",
                    ms(worst_late(), resolution_ms),
                    frames().unwrap_or_default(),
                    seconds(work, resolution_ms),
                    wall
                )
            }
            _ => generic(),
        },
        LessonId::Race => match run.mode {
            Mode::Race => combinators::race(run, resolution_ms),
            _ => generic(),
        },
        LessonId::Timeout => match run.mode {
            Mode::Deadline => combinators::deadline(run, resolution_ms),
            _ => generic(),
        },
        // Answered above, since its sequential run has a takeaway of its own.
        LessonId::Errors => combinators::errors(run, resolution_ms),
        LessonId::Retry => combinators::retry(run, resolution_ms),
        LessonId::Limit => match run.mode {
            Mode::Limit => combinators::limit(run, resolution_ms),
            _ => generic(),
        },
        LessonId::AsCompleted => match run.mode {
            Mode::AsCompleted => combinators::as_completed(run, resolution_ms),
            _ => generic(),
        },
    };
    Some(sentence)
}

/// What a cancel stopped, said only of what was running: a JS promise's timer is not stopped.
fn cancelled(run: &Run, wall_ms: f64, closed: Option<f64>, resolution_ms: f64) -> String {
    let at = ms(wall_ms, resolution_ms);
    if let Some(t) = closed {
        return format!("Cancelled at {at}: dropping the run's future ran the guard's Drop, which closed the connection at {}.", ms(t, resolution_ms));
    }
    // Tasks that had started and were cut off by the cancel.
    let running = |kind: TaskKind| run.tasks.iter().any(|t| t.spec.kind == kind && t.start_ms.is_some() && t.status() == TaskStatus::Cancelled);
    // async-fn's second task is a JS promise: its timer runs on whatever happens to the run.
    let promise = match (run.lesson, run.mode) {
        (LessonId::AsyncFn, Mode::Lazy) => run.tasks.get(1).filter(|t| t.start_ms.is_some() && t.status() == TaskStatus::Cancelled),
        _ => None,
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
    use crate::result::TaskResult;
    use crate::run::{LessonEvent, RunEvent};
    use crate::task::TaskSpec;

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
        let mut run = finished(LessonId::Gather, Mode::Concurrent, specs, &[(0.0, 2000.5), (0.0, 1000.5), (0.0, 3000.5)]);
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
        let run = finished(LessonId::SequentialVsConcurrent, Mode::Concurrent, specs, &[(0.0, 2000.0), (0.0, 2001.0)]);
        assert_eq!(
            takeaway(&run, 0.1).unwrap(),
            "Concurrent took 2.00 s; its tasks took 4.00 s in all, overlapping. Run both to measure what that saves against running them in sequence."
        );
        let mut paired = Run::new(2, LessonId::SequentialVsConcurrent, Mode::Concurrent, vec![TaskSpec::timer("Data 1", 2000)]).after_sequential(4003.0);
        paired.complete(2001.0);
        assert_eq!(takeaway(&paired, 0.1).unwrap(), "Concurrent took 2.00 s instead of 4.00 s: 2.00 s saved, 2.0× faster.");
    }

    #[test]
    fn blocking_reports_lateness() {
        let specs = vec![TaskSpec::timer("Timer 1", 100), TaskSpec::cpu("Busy loop", 1000)];
        let mut run = finished(LessonId::CpuBound, Mode::Blocking, specs, &[(0.0, 1000.0), (0.0, 1000.0)]);
        run.events.push(LessonEvent { t_ms: 1000.0, milestone: Milestone::Frames(Frames { count: 1, longest_gap_ms: 1000.0, span_ms: 1000.0 }) });
        let text = takeaway(&run, 0.1).unwrap();
        assert_eq!(text, "While the loop blocked the thread, timers fired up to 900.0 ms late and the page drew 1 frames in 1000 ms; longest gap 1000 ms. Async cannot overlap CPU work.");
    }

    #[test]
    fn a_cancelled_guard_names_when_it_closed() {
        let specs = vec![TaskSpec::timer("query users", 400)];
        let mut run = Run::new(2, LessonId::ContextManager, Mode::Concurrent, specs);
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
        let mut lazy = Run::new(3, LessonId::AsyncFn, Mode::Lazy, specs);
        lazy.apply(RunEvent::TaskStarted { index: 1, t_ms: 0.0 });
        lazy.cancel(200.0);
        assert_eq!(
            takeaway(&lazy, 0.1).unwrap(),
            "Cancelled at 200.0 ms: the run's future was dropped; the JS promise's timer cannot be cancelled and fires anyway."
        );
        let specs = vec![TaskSpec::timer("a", 1000), TaskSpec::fetch("b", 1000, "api/x"), TaskSpec::timer("c", 1000)];
        let mut run = Run::new(4, LessonId::SequentialVsConcurrent, Mode::Concurrent, specs);
        run.apply(RunEvent::TaskStarted { index: 0, t_ms: 0.0 });
        run.apply(RunEvent::TaskStarted { index: 1, t_ms: 0.0 });
        run.cancel(100.0);
        assert_eq!(takeaway(&run, 0.1).unwrap(), "Cancelled at 100.0 ms: the run's future was dropped, its timers cleared and its requests aborted.");
    }

    #[test]
    fn every_lesson_has_a_takeaway_in_every_mode() {
        for lesson in LessonId::ALL {
            for mode in [Mode::Sequential, Mode::Concurrent, Mode::Blocking, Mode::Yielding] {
                let run = finished(lesson, mode, vec![TaskSpec::timer("a", 10)], &[(0.0, 10.0)]);
                assert!(takeaway(&run, 0.1).is_some_and(|t| !t.is_empty()), "{lesson:?} {mode:?}");
            }
        }
    }
}
