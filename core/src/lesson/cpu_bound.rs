//! The lesson "CPU-bound work blocks the event loop": its texts, default tasks and what a run of it records.

use crate::task::{BusyLoop, TaskSpec};
use super::{Lesson, LessonId, Provenance, Records, Sequence};
use crate::mode::Mode;

pub(super) static LESSON: Lesson = Lesson {
    id: LessonId::CpuBound,
    slug: "cpu-bound",
    short: "CPU-bound work",
    title: "CPU-bound work blocks the event loop",
    intro: "Async helps with waiting, not with work. A busy loop holds the one thread that runs timers, futures and \
            rendering: timers fire late and frames drop. Choose Block to see it, or Yield to cut the same work into \
            4 ms slices with a MessageChannel message between them, so due timers and frames get their turn. \
            Concurrency saves nothing on the work itself: it takes as long either way.",
    python: include_str!("../lessons/cpu_bound.py"),
    python_from: Provenance::WrittenForThisLab,
    python_note: None,
    javascript: include_str!("../lessons/cpu_bound.js"),
    // Timers first: join_all polls in order, so they are armed before the loop takes the thread.
    defaults: || vec![TaskSpec::timer("Timer 1", 100), TaskSpec::timer("Timer 2", 300), TaskSpec::cpu("Busy loop", 1000)],
    // "… late by" for each timer, and Frames.
    concurrent: |busy_loop, _| match busy_loop {
        BusyLoop::Block => Mode::Blocking,
        BusyLoop::Yield => Mode::Yielding,
    },
    modes: &[Mode::Sequential, Mode::Blocking, Mode::Yielding],
    sequence: Sequence::EveryTask,
    records: Records { per_lane: 1, own: 0, events: 1, events_per_lane: 0 },
};
