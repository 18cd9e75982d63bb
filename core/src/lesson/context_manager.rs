//! The lesson "Cleanup that always runs": everything pure about it.

use crate::format::ms;
use crate::milestone::Milestone;
use crate::mode::Variant;
use crate::run::{Outcome, Run};
use crate::task::TaskSpec;
use crate::outputs::Difference;
use super::{AfterRunBoth, Controls, Lesson, LessonId, Provenance, Records, Sequence, Takeaway, TaskTime};

pub(super) static LESSON: Lesson = Lesson {
    id: LessonId::ContextManager,
    slug: "context-manager",
    short: "Cleanup",
    title: "Cleanup that always runs",
    intro: "A connection opens, the tasks use it, and it closes: after success, after a task fails, and after Cancel. \
            Python's async with awaits its cleanup; Rust has no async Drop, so the guard's Drop closes the connection \
            synchronously and spawns any cleanup that must wait. Switch a task's fails box on, or press Cancel mid-run, \
            and watch the close event on the timeline.",
    python: include_str!("../lessons/context_manager.py"),
    python_from: Provenance::Tutorial,
    python_note: Some(
        "As written, this ends in AttributeError: 'dict' object has no attribute 'close': connect_to_database returns a \
         plain dict, and the finally block awaits connection.close(). Corrected, it returns a dict that can close: \
         class Connection(dict): async def close(self): pass — then return Connection(status=\"connected\").",
    ),
    javascript: include_str!("../lessons/context_manager.js"),
    defaults: || vec![TaskSpec::timer("query users", 400), TaskSpec::timer("query posts", 600)],
    variants: &[Variant::Gather],
    sequence: Sequence::EveryTask,
    controls: Controls::RunOnly,
    takeaway: Takeaway::OfConcurrent(closed),
    after_run_both: AfterRunBoth::Saving,
    outputs: &[Difference {
        rust: Some("Using database: {\"status\": \"connected\"}"),
        python: Some("Using database: {'status': 'connected'}"),
        javascript: Some("Using database: { status: 'connected' }"),
        why: "each language prints a dictionary its own way",
    }],
    task_time: TaskTime::AsTyped,
    // Connecting, using, closing and an error: one connection a run, and its three marks.
    records: Records { per_lane: 0, own: 4, events: 3, events_per_lane: 0 },
};

/// When the connection closed, and on which path: the guard's Drop runs on each.
fn closed(run: &Run, res: f64) -> Option<String> {
    let after = if run.outcome == Some(Outcome::Failed) { "after a task failed" } else { "after the work succeeded" };
    let at = run.last(|m| *m == Milestone::Closed).map_or_else(|| "—".to_owned(), |e| ms(e.t_ms, res));
    Some(format!("The connection closed {after}, at {at}: the guard's Drop ran on that path too."))
}
