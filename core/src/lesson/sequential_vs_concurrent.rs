//! The lesson "Sequential vs concurrent": its texts, default tasks and what a run of it records.

use crate::task::TaskSpec;
use super::{Lesson, LessonId, Provenance, Records, Sequence};
use crate::mode::Mode;

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
    // "Fetching …" and "Fetched …" (or "… failed"); "Total time" and "Results".
    concurrent: |_, _| Mode::Concurrent,
    modes: &[Mode::Sequential, Mode::Concurrent],
    sequence: Sequence::EveryTask,
    records: Records { per_lane: 2, own: 2, events: 0, events_per_lane: 0 },
};
