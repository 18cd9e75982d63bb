//! The lesson "Retry: backoff with jitter": everything pure about it.

use crate::format::{seconds, whole};
use crate::mode::Variant;
use crate::result::TaskStatus;
use crate::retry::{attempts, MAX_ATTEMPTS};
use crate::run::Run;
use crate::said::compared;
use crate::task::TaskSpec;
use super::{AfterRunBoth, Controls, Lesson, LessonId, Provenance, Records, Sequence, Takeaway, TaskTime};

pub(super) static LESSON: Lesson = Lesson {
    id: LessonId::Retry,
    slug: "retry",
    short: "Retry",
    title: "Retry: backoff with jitter",
    intro: "Three requests to a flaky endpoint that answers 503 to the first K attempts at each (Fail first, 0 to 5), \
            then 200. Each request tries again after a wait that doubles, 100 ms × 2ⁿ, spread ±25 % at random (jitter) \
            so that clients which failed together do not retry in step: on each lane, every attempt and every wait. The \
            attempt number travels in the path, api/flaky/{K}/{attempt}/{name}, so the endpoint keeps no count: an idle \
            service worker may stop, and two tabs never share one. Run concurrently retries the three at once; a URL of \
            your own is retried as it answers.",
    python: include_str!("../lessons/retry.py"),
    python_from: Provenance::WrittenForThisLab,
    python_note: None,
    javascript: include_str!("../lessons/retry.js"),
    defaults: || {
        [("report", 200), ("prices", 400), ("weather", 600)]
            .iter()
            .map(|&(name, ms)| TaskSpec::fetch(name, ms, &format!("api/delay/{ms}/{name}")))
            .collect()
    },
    variants: &[Variant::Gather],
    sequence: Sequence::EveryTask,
    controls: Controls::FailFirst,
    takeaway: Takeaway::OfEvery(retry),
    after_run_both: AfterRunBoth::Takeaway,
    outputs: &[],
    task_time: TaskTime::Attempts,
    // One line for each request, one for the run; FailFirst, and each attempt sent and each
    // but the last failed.
    records: Records { per_lane: 1, own: 1, events: 1, events_per_lane: 2 * MAX_ATTEMPTS as usize - 1 },
};

/// retry: how many attempts each request took and the waits between them, which doubled.
fn retry(run: &Run, res: f64) -> String {
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
