//! The takeaways of race, timeout and errors: who won, what was dropped and when, and what the
//! JavaScript lanes (or Python) would have left running.

use crate::format::{comparison, seconds, whole};
use crate::mode::Mode;
use crate::result::TaskStatus;
use crate::retry::attempts;
use crate::run::{Run, TaskRecord};
use crate::stats::{batches, Interval};

fn end(task: &TaskRecord) -> f64 {
    task.end_ms.unwrap_or(f64::INFINITY)
}

/// Tasks that started and were dropped before they finished, and the latest moment one was.
fn dropped(tasks: &[TaskRecord]) -> (usize, f64) {
    let cut: Vec<f64> = tasks.iter().filter(|t| t.start_ms.is_some() && t.status() == TaskStatus::Cancelled).filter_map(|t| t.end_ms).collect();
    (cut.len(), cut.iter().copied().fold(0.0, f64::max))
}

/// " Run one by one, …": the Run both comparison, when there is one.
fn compared(run: &Run, res: f64) -> String {
    run.comparison().map_or_else(String::new, |c| format!(" {}", comparison(&c, res)))
}

/// race: the first half of the lanes is the Rust race, the second the same race as JS promises.
pub fn race(run: &Run, res: f64) -> String {
    let (rust, js) = run.tasks.split_at(run.tasks.len() / 2);
    let Some(winner) = rust.iter().filter(|t| t.status() == TaskStatus::Ok || t.status() == TaskStatus::Error).min_by(|a, b| end(a).total_cmp(&end(b))) else {
        return format!("No task finished: the race ended at {}.", seconds(run.wall_ms.unwrap_or(0.0), res));
    };
    let won_at = seconds(winner.end_ms.unwrap_or(0.0), res);
    let (count, at) = dropped(rust);
    let mut sentence = format!("{} finished first, at {won_at}", winner.spec.label);
    match count {
        0 => sentence.push('.'),
        n => sentence.push_str(&format!("; select_all dropped the other {n} at {}: their requests aborted, nothing of them left running.", seconds(at, res))),
    }
    // The JS race's winner is its first lane to end; every other one ran on after it.
    let js_ends: Vec<f64> = js.iter().filter_map(|t| t.end_ms).collect();
    let (first, last) = js_ends.iter().fold((f64::INFINITY, 0.0), |(lo, hi): (f64, f64), &end| (lo.min(end), hi.max(end)));
    let losers = js_ends.iter().filter(|&&end| end > first).count();
    // Every promise may settle in the same moment as the first (answers that came together, as the
    // simulated path's static file often does): then none ran on, and none could have been
    // stopped. Worded to wrap as the other sentence does, so an embed's reserved room holds either.
    let others = js_ends.len().saturating_sub(1);
    if others > 0 {
        sentence.push_str(&match losers {
            0 => format!(" The JS race settled as soon, and its {others} losers in the same moment, answering nobody: none can be cancelled."),
            n => format!(" The JS race settled as soon, but {n} of its losers kept their requests on the wire until {}, answering nobody.", seconds(last, res)),
        });
    }
    sentence + &compared(run, res)
}

/// timeout: the second half of the lanes are the deadlines the first half was raced against.
pub fn deadline(run: &Run, res: f64) -> String {
    let (typed, deadlines) = run.tasks.split_at(run.tasks.len() / 2);
    let at = deadlines.first().map_or_else(String::new, |d| seconds(f64::from(d.spec.delay_ms), res));
    let (count, cut) = dropped(typed);
    let sentence = match count {
        0 => format!("Every request answered before the {at} deadline; each deadline's sleep was dropped instead (its timer cleared)."),
        n if n == typed.len() => format!(
            "The deadline ({at}) came first: the request's future was dropped at {}, which aborted the fetch; nothing of it is left running.",
            seconds(cut, res)
        ),
        n => format!("{n} of {} requests missed the {at} deadline and were dropped by {}: their fetches aborted.", typed.len(), seconds(cut, res)),
    };
    sentence + &compared(run, res)
}

/// limit: the measured wall-clock against the same tasks in batches of the limit.
pub fn limit(run: &Run, res: f64) -> String {
    let n = run.in_flight_limit();
    let intervals: Vec<Interval> = run.tasks.iter().map(TaskRecord::interval).collect();
    let rounds = run.tasks.len().div_ceil(n.max(1));
    format!(
        "At most {n} in flight, each request starting as soon as one ended: {} tasks took {}. In {rounds} batches of {n}, each as slow as its slowest, the same delays take {}; one at a time, {}.{}",
        run.tasks.len(),
        seconds(run.wall_ms.unwrap_or(0.0), res),
        seconds(batches(&intervals, n), res),
        seconds(intervals.iter().map(|t| t.requested_ms).sum(), res),
        compared(run, res)
    )
}

/// as-completed: the order and moments the results were handled in.
pub fn as_completed(run: &Run, res: f64) -> String {
    let handled: Vec<String> = run
        .completion_order
        .iter()
        .filter_map(|&i| run.tasks.get(i))
        .map(|t| format!("{} at {}", t.spec.label, seconds(t.end_ms.unwrap_or(0.0), res)))
        .collect();
    let first = run.tasks.first().map_or_else(String::new, |t| {
        format!(" In submission order nothing could be handled before {}'s answer at {}.", t.spec.label, seconds(t.end_ms.unwrap_or(0.0), res))
    });
    format!("Handled as each arrived: {}.{first}{}", handled.join(", "), compared(run, res))
}

/// errors: fail fast, settle, or in turn until the first error.
pub fn errors(run: &Run, res: f64) -> String {
    let failed: Vec<&TaskRecord> = run.tasks.iter().filter(|t| matches!(t.status(), TaskStatus::Error | TaskStatus::Timeout)).collect();
    let first = failed.iter().min_by(|a, b| end(a).total_cmp(&end(b)));
    let named = first.map_or_else(String::new, |t| format!("{} failed at {}", t.spec.label, seconds(t.end_ms.unwrap_or(0.0), res)));
    let wall = seconds(run.wall_ms.unwrap_or(0.0), res);
    let sentence = match (run.mode, first) {
        (_, None) => format!("No task failed: every result came back, in {wall}."),
        (Mode::Sequential, Some(_)) => {
            let never = run.tasks.iter().filter(|t| t.start_ms.is_none()).count();
            format!("In turn, {named} and ? returned its error: {never} task(s) after it never started.")
        }
        (Mode::FailFast, Some(_)) => {
            let (count, at) = dropped(&run.tasks);
            format!(
                "{named} and try_join_all returned its error at once, dropping the other {count} at {} (their work stopped). Python's gather and Promise.all would have let them run on.",
                seconds(at, res)
            )
        }
        (Mode::Settle, Some(_)) => format!(
            "join_all waited for all {}: {} succeeded and {} failed (first, {named}); every result came back at {wall}.",
            run.tasks.len(),
            run.tasks.iter().filter(|t| t.status() == TaskStatus::Ok).count(),
            failed.len()
        ),
        (Mode::Concurrent | Mode::Lazy | Mode::Blocking | Mode::Yielding | Mode::Race | Mode::Deadline | Mode::Limit | Mode::AsCompleted, Some(_)) => {
            format!("{named}; the run took {wall}.")
        }
    };
    // No savings: in turn, the run stopped at the error, so its wall-clock is no baseline.
    sentence
}

/// retry: how many attempts each request took and the waits between them, which doubled.
pub fn retry(run: &Run, res: f64) -> String {
    let wall = run.wall_ms.unwrap_or(0.0);
    let each: Vec<String> = run
        .tasks
        .iter()
        .enumerate()
        .map(|(lane, t)| {
            let tries = attempts(run, lane, wall);
            let waits: Vec<String> = tries.iter().filter_map(|a| a.wait_ms).map(whole).collect();
            let ended = match t.status() {
                TaskStatus::Ok => format!("{}: ok on attempt {}", t.spec.label, tries.len()),
                status => format!("{}: {} after {} attempt(s)", t.spec.label, status.label(), tries.len()),
            };
            match waits.as_slice() {
                [] => ended,
                _ => format!("{ended}, after waits of {} ms", waits.join(", ")),
            }
        })
        .collect();
    format!(
        "{}. Each wait doubles the last, ±25 % at random: {} took {}, {} expected at the nominal waits.{}",
        each.join("; "),
        run.mode.title(),
        seconds(wall, res),
        seconds(run.expected_wall_ms(), res),
        compared(run, res)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{lanes, DEFAULT_DEADLINE_MS};
    use crate::result::TaskResult;
    use crate::run::RunEvent;
    use crate::task::TaskSpec;
    use crate::LessonId;

    /// A run whose tasks started at 0 and ended at `ends` with `statuses`.
    fn run(lesson: LessonId, mode: Mode, specs: Vec<TaskSpec>, ends: &[(f64, TaskStatus)], wall: f64) -> Run {
        let mut run = Run::new(1, lesson, mode, specs);
        for (i, &(end, status)) in ends.iter().enumerate() {
            run.apply(RunEvent::TaskStarted { index: i, t_ms: 0.0 });
            run.apply(RunEvent::TaskFinished { index: i, t_ms: end, result: TaskResult::timer(status, "") });
        }
        run.complete(wall);
        run
    }

    #[test]
    fn race_names_the_winner_the_dropped_and_the_js_losers() {
        let specs = lanes(Mode::Race, LessonId::Race.lesson().default_tasks(), DEFAULT_DEADLINE_MS);
        let (ok, cut) = (TaskStatus::Ok, TaskStatus::Cancelled);
        let ends = [(401.0, cut), (400.0, ok), (401.0, cut), (1201.0, ok), (402.0, ok), (802.0, ok)];
        let text = race(&run(LessonId::Race, Mode::Race, specs, &ends, 401.0), 0.1);
        assert_eq!(
            text,
            "mirror B finished first, at 0.40 s; select_all dropped the other 2 at 0.40 s: their requests aborted, nothing of them left running. \
             The JS race settled as soon, but 2 of its losers kept their requests on the wire until 1.20 s, answering nobody."
        );
        // The JS answers all came in one moment: said so, in a sentence as long, whatever the timing.
        let specs = lanes(Mode::Race, LessonId::Race.lesson().default_tasks(), DEFAULT_DEADLINE_MS);
        let tied = [(401.0, cut), (400.0, ok), (401.0, cut), (407.0, ok), (407.0, ok), (407.0, ok)];
        let text = race(&run(LessonId::Race, Mode::Race, specs, &tied, 401.0), 0.1);
        assert!(text.ends_with("The JS race settled as soon, and its 2 losers in the same moment, answering nobody: none can be cancelled."), "{text}");
    }

    #[test]
    fn a_deadline_says_what_it_dropped_and_when() {
        let specs = lanes(Mode::Deadline, LessonId::Timeout.lesson().default_tasks(), DEFAULT_DEADLINE_MS);
        let late = run(LessonId::Timeout, Mode::Deadline, specs.clone(), &[(1002.0, TaskStatus::Cancelled), (1001.0, TaskStatus::Ok)], 1002.0);
        assert!(deadline(&late, 0.1).starts_with("The deadline (1.00 s) came first: the request's future was dropped at 1.00 s"), "{}", deadline(&late, 0.1));
        let early = run(LessonId::Timeout, Mode::Deadline, specs, &[(300.0, TaskStatus::Ok), (300.0, TaskStatus::Cancelled)], 300.0);
        assert!(deadline(&early, 0.1).starts_with("Every request answered before the 1.00 s deadline"));
    }

    #[test]
    fn errors_say_what_fail_fast_settle_and_in_turn_did() {
        let specs = LessonId::Errors.lesson().default_tasks();
        let (ok, failed, cut) = (TaskStatus::Ok, TaskStatus::Error, TaskStatus::Cancelled);
        let fast = run(LessonId::Errors, Mode::FailFast, specs.clone(), &[(301.0, cut), (300.0, failed), (301.0, cut)], 301.0);
        assert!(errors(&fast, 0.1).starts_with("load avatar failed at 0.30 s and try_join_all returned its error at once, dropping the other 2 at 0.30 s"));
        let settle = run(LessonId::Errors, Mode::Settle, specs.clone(), &[(1000.0, ok), (300.0, failed), (1500.0, ok)], 1500.0);
        assert_eq!(
            errors(&settle, 0.1),
            "join_all waited for all 3: 2 succeeded and 1 failed (first, load avatar failed at 0.30 s); every result came back at 1.50 s."
        );
        let mut in_turn = Run::new(1, LessonId::Errors, Mode::Sequential, specs);
        in_turn.apply(RunEvent::TaskStarted { index: 0, t_ms: 0.0 });
        in_turn.apply(RunEvent::TaskFinished { index: 0, t_ms: 1000.0, result: TaskResult::timer(ok, "") });
        in_turn.apply(RunEvent::TaskStarted { index: 1, t_ms: 1000.0 });
        in_turn.apply(RunEvent::TaskFinished { index: 1, t_ms: 1300.0, result: TaskResult::timer(failed, "") });
        in_turn.complete(1300.0);
        assert_eq!(errors(&in_turn, 0.1), "In turn, load avatar failed at 1.30 s and ? returned its error: 1 task(s) after it never started.");
    }
}
