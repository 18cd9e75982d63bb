//! One-line takeaways computed from a finished run, in each lesson's own terms.

use crate::format::{ms, seconds, speedup};
use crate::run::{Mode, Outcome, Run, TaskStatus};
use crate::task::TaskKind;

/// What the learner should take from this run, or `None` while it is in flight.
pub fn takeaway(run: &Run, resolution_ms: f64) -> Option<String> {
    let totals = run.totals()?;
    let wall = seconds(totals.wall_ms, resolution_ms);
    let sum = seconds(totals.sum_ms, resolution_ms);
    if run.outcome == Some(Outcome::Cancelled) {
        let closed = run.events.iter().rev().find(|e| e.what.starts_with("closed"));
        return Some(match closed {
            Some(e) => format!("Cancelled at {}: dropping the run's future ran the guard's Drop, which closed the connection at {}.", ms(totals.wall_ms, resolution_ms), ms(e.t_ms, resolution_ms)),
            None => format!("Cancelled at {}: the run's future was dropped, its timers cleared and its requests aborted.", ms(totals.wall_ms, resolution_ms)),
        });
    }
    let order = |indices: &[usize]| indices.iter().filter_map(|&i| run.tasks.get(i)).map(|t| t.spec.label.as_str()).collect::<Vec<_>>().join(", ");
    let submitted: Vec<usize> = (0..run.tasks.len()).collect();
    let worst_late = || {
        run.tasks.iter().filter(|t| t.spec.kind == TaskKind::Timer).filter_map(|t| t.late_ms()).fold(f64::NEG_INFINITY, f64::max)
    };
    let frames = || run.events.iter().rev().find(|e| e.label == "frames").map(|e| e.what.clone()).unwrap_or_default();
    let sentence = match (run.lesson.as_str(), run.mode) {
        (_, Mode::Sequential) => format!("Sequential took {wall}: each task waited for the one before, so the wall-clock is the sum of the tasks ({sum})."),
        ("async-fn", Mode::Lazy) => {
            let at = |what: &str| run.events.iter().find(|e| e.what.starts_with(what)).map(|e| e.t_ms);
            let (created, polled) = (at("future created")?, at("awaited")?);
            let promise = run.tasks.get(1).and_then(|t| t.end_ms).map_or_else(String::new, |end| {
                format!(" The JS promise started when it was created and settled at {} whether awaited or not.", ms(end, resolution_ms))
            });
            format!(
                "The future was created at {} and did nothing until its first poll at {}; then it took {}.{promise}",
                ms(created, resolution_ms),
                ms(polled, resolution_ms),
                run.tasks.first().and_then(|t| t.duration_ms()).map_or_else(String::new, |d| ms(d, resolution_ms))
            )
        }
        ("gather", _) => format!(
            "Completion order: {}; join_all still returned the results in submission order: {}. All done in {wall}.",
            order(&run.completion_order),
            order(&submitted)
        ),
        ("api-requests", _) => {
            let ok = run.tasks.iter().filter(|t| t.status == TaskStatus::Ok).count();
            format!("Fetched {ok} of {} URLs in {wall} with one client; one after another they would have taken about {sum}.", run.tasks.len())
        }
        ("context-manager", _) => {
            let closed = run.events.iter().rev().find(|e| e.what.starts_with("closed")).map(|e| ms(e.t_ms, resolution_ms));
            let after = if run.outcome == Some(Outcome::Failed) { "after a task failed" } else { "after the work succeeded" };
            format!("The connection closed {after}, at {}: the guard's Drop ran on that path too.", closed.unwrap_or_else(|| "—".into()))
        }
        ("cpu-bound", Mode::Blocking) => format!(
            "While the loop blocked the thread, timers fired up to {} late and the page drew {}. Async cannot overlap CPU work.",
            ms(worst_late().max(0.0), resolution_ms),
            frames()
        ),
        ("cpu-bound", Mode::Yielding) => {
            let work: f64 = run.tasks.iter().filter(|t| t.spec.kind == TaskKind::Cpu).map(|t| f64::from(t.spec.delay_ms)).sum();
            format!(
                "The loop yielded between slices: timers were at most {} late and the page kept drawing ({}). Its {} of work still took {} of wall-clock: yielding buys responsiveness, not speed.",
                ms(worst_late().max(0.0), resolution_ms),
                frames(),
                seconds(work, resolution_ms),
                wall
            )
        }
        _ => format!(
            "Concurrent took {wall} for {sum} of task time: {} saved, {} faster.",
            seconds(totals.savings_ms, resolution_ms),
            speedup(totals.speedup)
        ),
    };
    Some(sentence)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::{RunEvent, TaskResult};
    use crate::task::TaskSpec;

    fn finished(lesson: &str, mode: Mode, specs: Vec<TaskSpec>, spans: &[(f64, f64)]) -> Run {
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
        run.finish(wall, false);
        run
    }

    #[test]
    fn gather_names_both_orders() {
        let specs = vec![TaskSpec::timer("Task 1", 2000), TaskSpec::timer("Task 2", 1000), TaskSpec::timer("Task 3", 3000)];
        let run = finished("gather", Mode::Concurrent, specs, &[(0.0, 2000.5), (0.0, 1000.5), (0.0, 3000.5)]);
        assert_eq!(
            takeaway(&run, 0.1).unwrap(),
            "Completion order: Task 2, Task 1, Task 3; join_all still returned the results in submission order: Task 1, Task 2, Task 3. All done in 3.00 s."
        );
    }

    #[test]
    fn concurrent_default() {
        let specs = vec![TaskSpec::timer("Data 1", 2000), TaskSpec::timer("Data 2", 2000)];
        let run = finished("sequential-vs-concurrent", Mode::Concurrent, specs, &[(0.0, 2000.0), (0.0, 2001.0)]);
        assert_eq!(takeaway(&run, 0.1).unwrap(), "Concurrent took 2.00 s for 4.00 s of task time: 2.00 s saved, 2.0× faster.");
    }

    #[test]
    fn blocking_reports_lateness() {
        let specs = vec![TaskSpec::timer("Timer 1", 100), TaskSpec::cpu("Busy loop", 1000)];
        let mut run = finished("cpu-bound", Mode::Blocking, specs, &[(0.0, 1000.0), (0.0, 1000.0)]);
        run.events.push(crate::run::LessonEvent { t_ms: 1000.0, label: "frames".into(), what: "1 frames in 1000 ms; longest gap 1000 ms".into() });
        let text = takeaway(&run, 0.1).unwrap();
        assert!(text.starts_with("While the loop blocked the thread, timers fired up to 900.0 ms late"), "{text}");
    }
}
