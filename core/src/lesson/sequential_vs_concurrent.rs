//! The lesson "Sequential vs concurrent": everything pure about it.

use crate::mode::Variant;
use crate::task::TaskSpec;
use crate::outputs::{Difference, LIST};
use super::{AfterRunBoth, Controls, Lesson, LessonId, Provenance, Records, Sequence, Takeaway, TaskTime};

pub(super) static LESSON: Lesson = Lesson {
    id: LessonId::SequentialVsConcurrent,
    slug: "sequential-vs-concurrent",
    short: "Sequential vs concurrent",
    title: "Sequential vs concurrent",
    intro: "Two tasks each wait 2 seconds. Awaited one after another they take about 4 s; started together and gathered \
            with join_all they take about 2 s. They run concurrently on one thread, not in parallel: while one task \
            waits on its timer, the browser's event loop is free to run the other. A sequential await is not blocking \
            either: the page stays responsive, the second task simply does not start until the first has finished.",
    python: include_str!("../lessons/sequential_vs_concurrent.py"),
    python_from: Provenance::Tutorial,
    python_note: None,
    javascript: include_str!("../lessons/sequential_vs_concurrent.js"),
    defaults: || vec![TaskSpec::timer("Data 1", 2000), TaskSpec::timer("Data 2", 2000)],
    variants: &[Variant::Gather],
    sequence: Sequence::EveryTask,
    controls: Controls::RunOnly,
    takeaway: Takeaway::Shared,
    after_run_both: AfterRunBoth::Saving,
    outputs: &[
        Difference {
            rust: Some("Results: [\"Data 1\", \"Data 2\"]"),
            python: Some("Results: ['Data 1', 'Data 2']"),
            javascript: Some("Results: [ 'Data 1', 'Data 2' ]"),
            why: LIST,
        },
        Difference {
            rust: Some("Results: …"),
            python: None,
            javascript: Some("Results: [ 'Data 1', 'Data 2' ]"),
            why: "the tutorial's blocking sync example prints no results",
        },
    ],
    task_time: TaskTime::AsTyped,
    // "Fetching …" and "Fetched …" (or "… failed"); "Total time" and "Results".
    records: Records { per_lane: 2, own: 2, events: 0, events_per_lane: 0 },
};
