//! The lesson "Gather: results in order, completion out of order": everything pure about it.

use crate::format::seconds;
use crate::milestone::Milestone;
use crate::mode::Variant;
use crate::run::Run;
use crate::task::TaskSpec;
use crate::outputs::{Difference, LIST};
use super::{AfterRunBoth, Controls, Lesson, LessonId, Provenance, Records, Sequence, Takeaway, TaskTime};

pub(super) static LESSON: Lesson = Lesson {
    id: LessonId::Gather,
    slug: "gather",
    short: "Gather",
    title: "Gather: results in order, completion out of order",
    intro: "Three tasks wait 2 s, 1 s and 3 s. Gathered together they finish in about 3 s, in the order 2, 1, 3, \
            yet join_all hands back their results in the order they were submitted: 1, 2, 3.",
    python: include_str!("../lessons/gather.py"),
    python_from: Provenance::Tutorial,
    python_note: None,
    javascript: include_str!("../lessons/gather.js"),
    defaults: || vec![TaskSpec::timer("Task 1", 2000), TaskSpec::timer("Task 2", 1000), TaskSpec::timer("Task 3", 3000)],
    variants: &[Variant::Gather],
    sequence: Sequence::EveryTask,
    controls: Controls::RunOnly,
    takeaway: Takeaway::OfConcurrent(orders),
    after_run_both: AfterRunBoth::Saving,
    outputs: &[Difference {
        rust: Some("All tasks completed: [\"Result from Task 1\", \"Result from Task 2\", \"Result from Task 3\"]"),
        python: Some("All tasks completed: ['Result from Task 1', 'Result from Task 2', 'Result from Task 3']"),
        javascript: Some("All tasks completed: [ 'Result from Task 1', 'Result from Task 2', 'Result from Task 3' ]"),
        why: LIST,
    }],
    task_time: TaskTime::AsTyped,
    // "Starting …" and "Finished …" (or "… failed"); "All tasks completed" and Returned.
    records: Records { per_lane: 2, own: 1, events: 1, events_per_lane: 0 },
};

/// Both orders: the one the tasks completed in, and the one join_all returned their results in.
fn orders(run: &Run, res: f64) -> Option<String> {
    let wall = seconds(run.totals()?.wall_ms, res);
    let completed = run.completion_order.iter().filter_map(|&i| run.tasks.get(i)).map(|t| t.spec.label.as_str()).collect::<Vec<_>>().join(", ");
    let returned = run.events.iter().rev().find_map(|e| match &e.milestone {
        Milestone::Returned { values } => Some(values),
        _ => None,
    });
    Some(match returned {
        // Said only of the values join_all really returned, checked against the submission order.
        Some(values) if values.len() == run.tasks.len() && values.iter().zip(&run.tasks).all(|(v, t)| v.ends_with(&t.spec.label)) => {
            format!("Completion order: {completed}; join_all still returned the results in submission order: {}. All done in {wall}.", values.join(", "))
        }
        Some(values) => format!("Completion order: {completed}; join_all returned: {}. All done in {wall}.", values.join(", ")),
        None => format!("Completion order: {completed}. All done in {wall}."),
    })
}
