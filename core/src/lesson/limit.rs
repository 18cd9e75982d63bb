//! The lesson "Limit: at most N in flight": everything pure about it.

use crate::format::seconds;
use crate::mode::Variant;
use crate::run::{Run, TaskRecord};
use crate::said::compared;
use crate::stats::{batches, Interval};
use crate::task::TaskSpec;
use super::{AfterRunBoth, Controls, Lesson, LessonId, Provenance, Records, Sequence, Takeaway, TaskTime};

pub(super) static LESSON: Lesson = Lesson {
    id: LessonId::Limit,
    slug: "limit",
    short: "Limit",
    title: "Limit: at most N in flight",
    intro: "Ten requests, at most N in flight at once (Limit, 1 to 10). buffer_unordered keeps a sliding window: the \
            moment one request ends the next one starts, so the lanes start at staggered times, not in batches. \
            Python's asyncio.Semaphore and a small JavaScript pool do the same. Run sequentially is N = 1. Browsers \
            also allow only six HTTP/1.1 connections per host at once: that matters for URLs you type, not for this \
            page's own endpoints, which its service worker answers.",
    python: include_str!("../lessons/limit.py"),
    python_from: Provenance::WrittenForThisLab,
    python_note: None,
    javascript: include_str!("../lessons/limit.js"),
    defaults: || {
        [600, 200, 400, 300, 500, 200, 400, 300, 600, 200]
            .iter()
            .enumerate()
            .map(|(i, &ms)| TaskSpec::fetch(&format!("request {}", i + 1), ms, &format!("api/delay/{ms}/request-{}", i + 1)))
            .collect()
    },
    variants: &[Variant::Limit],
    sequence: Sequence::EveryTask,
    controls: Controls::Limit,
    // Its only concurrent variant is limit (`share::check` holds a link's runs to it).
    takeaway: Takeaway::OfConcurrent(|run, res| Some(limit(run, res))),
    after_run_both: AfterRunBoth::Takeaway,
    outputs: &[],
    task_time: TaskTime::AsTyped,
    // One line, and the limit it ran with.
    records: Records { per_lane: 0, own: 1, events: 1, events_per_lane: 0 },
};

/// limit: the measured wall-clock against the same tasks in batches of the limit.
fn limit(run: &Run, res: f64) -> String {
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
