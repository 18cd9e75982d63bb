//! The lesson "As completed: each result as it arrives": everything pure about it.

use crate::format::seconds;
use crate::mode::Variant;
use crate::run::Run;
use crate::said::compared;
use crate::task::TaskSpec;
use super::{AfterRunBoth, Controls, Lesson, LessonId, Provenance, Records, Sequence, Takeaway, TaskTime};

pub(super) static LESSON: Lesson = Lesson {
    id: LessonId::AsCompleted,
    slug: "as-completed",
    short: "As completed",
    title: "As completed: each result as it arrives",
    intro: "Three reports answer after 1.2 s, 0.4 s and 0.8 s. FuturesUnordered hands back each result as soon as it \
            arrives, so the log handles B, then C, then A, each at its own moment; Python's asyncio.as_completed does \
            the same, and JavaScript needs a loop over Promise.race. Run sequentially handles them in submission \
            order: B's answer waits behind A's.",
    python: include_str!("../lessons/as_completed.py"),
    python_from: Provenance::WrittenForThisLab,
    python_note: None,
    javascript: include_str!("../lessons/as_completed.js"),
    defaults: || {
        vec![
            TaskSpec::fetch("report A", 1200, "api/delay/1200/report-a"),
            TaskSpec::fetch("report B", 400, "api/delay/400/report-b"),
            TaskSpec::fetch("report C", 800, "api/delay/800/report-c"),
        ]
    },
    variants: &[Variant::AsCompleted],
    sequence: Sequence::EveryTask,
    controls: Controls::RunOnly,
    // Its only concurrent variant is as-completed (`share::check` holds a link's runs to it).
    takeaway: Takeaway::OfConcurrent(|run, res| Some(as_completed(run, res))),
    after_run_both: AfterRunBoth::Takeaway,
    outputs: &[],
    task_time: TaskTime::AsTyped,
    // "… handled at" for each.
    records: Records { per_lane: 1, own: 0, events: 0, events_per_lane: 0 },
};

/// as-completed: the order and moments the results were handled in.
fn as_completed(run: &Run, res: f64) -> String {
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
