//! The takeaways of race, timeout and errors: who won, what was dropped and when, and what the
//! JavaScript lanes (or Python) would have left running.

use crate::format::{comparison, seconds};
use crate::mode::Mode;
use crate::result::TaskStatus;
use crate::run::{Run, TaskRecord};

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
    let late: Vec<f64> = js.iter().filter_map(|t| t.end_ms).filter(|&end| end > winner.end_ms.unwrap_or(0.0) + 1.0).collect();
    if !late.is_empty() {
        let last = late.iter().copied().fold(0.0, f64::max);
        sentence.push_str(&format!(
            " The JS race settled as soon, but {} of its losers kept their requests on the wire until {}, answering nobody.",
            late.len(),
            seconds(last, res)
        ));
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
        (Mode::Concurrent | Mode::Lazy | Mode::Blocking | Mode::Yielding | Mode::Race | Mode::Deadline, Some(_)) => format!("{named}; the run took {wall}."),
    };
    sentence + &compared(run, res)
}
