//! The lesson "Gather: results in order, completion out of order": its texts, default tasks and what a run of it records.

use crate::task::TaskSpec;
use super::{Lesson, LessonId, Provenance, Records, Sequence};
use crate::mode::Mode;

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
    // "Starting …" and "Finished …" (or "… failed"); "All tasks completed" and Returned.
    concurrent: |_, _| Mode::Concurrent,
    modes: &[Mode::Sequential, Mode::Concurrent],
    sequence: Sequence::EveryTask,
    records: Records { per_lane: 2, own: 1, events: 1, events_per_lane: 0 },
};
