//! The lesson "Timeout: a deadline on a slow request": its texts, default tasks and what a run of it records.

use crate::task::TaskSpec;
use super::{Lesson, LessonId, Provenance, Records, Sequence};
use crate::mode::Mode;

pub(super) static LESSON: Lesson = Lesson {
    id: LessonId::Timeout,
    slug: "timeout",
    short: "Timeout",
    title: "Timeout: a deadline on a slow request",
    intro: "A report takes 3 s to answer and the deadline is 1 s. In Rust a timeout is a race against a sleep: when \
            the deadline wins, the request's future is dropped and its fetch aborted, so its lane ends at the deadline. \
            Python's asyncio.timeout cancels the waiting task the same way; in JavaScript only the AbortSignal handed to \
            fetch stops the request. Run sequentially awaits it with no deadline.",
    python: include_str!("../lessons/timeout.py"),
    python_from: Provenance::WrittenForThisLab,
    python_note: None,
    javascript: include_str!("../lessons/timeout.js"),
    defaults: || vec![TaskSpec::fetch("slow report", 3000, "api/delay/3000/report")],
    // "answered" or "timed out" for each request.
    concurrent: |_, _| Mode::Deadline,
    modes: &[Mode::Sequential, Mode::Deadline],
    sequence: Sequence::EveryTask,
    records: Records { per_lane: 1, own: 0, events: 0, events_per_lane: 0 },
};
