//! The lesson "Cleanup that always runs": its texts, default tasks and what a run of it records.

use crate::task::TaskSpec;
use super::{Lesson, LessonId, Provenance, Records, Sequence};
use crate::mode::Mode;

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
    // Connecting, using, closing and an error: one connection a run, and its three marks.
    concurrent: |_, _| Mode::Concurrent,
    modes: &[Mode::Sequential, Mode::Concurrent],
    sequence: Sequence::EveryTask,
    records: Records { per_lane: 0, own: 4, events: 3, events_per_lane: 0 },
};
