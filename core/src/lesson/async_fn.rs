//! The lesson "An async fn returns a lazy future": its texts, default tasks and what a run of it records.

use crate::task::TaskSpec;
use super::{Lesson, LessonId, Provenance, Records, Sequence};
use crate::mode::Mode;

pub(super) static LESSON: Lesson = Lesson {
    id: LessonId::AsyncFn,
    slug: "async-fn",
    short: "Lazy futures",
    title: "An async fn returns a lazy future",
    intro: "Calling an async fn runs none of its body: it returns a future, a value that does nothing until it is \
            polled. Press Create future, wait as long as you like, then Await it: the timer starts only at the first \
            poll. A JavaScript promise created at the same moment starts at once, so it settles on its own schedule.",
    python: include_str!("../lessons/async_fn.py"),
    python_from: Provenance::Tutorial,
    python_note: None,
    javascript: include_str!("../lessons/async_fn.js"),
    defaults: || vec![TaskSpec::timer("greet(\"Alice\")", 1000)],
    // greet's first poll, and the greetings gathered; lazy: FutureCreated and FirstPoll.
    concurrent: |_, _| Mode::Concurrent,
    modes: &[Mode::Sequential, Mode::Concurrent, Mode::Lazy],
    sequence: Sequence::EveryTask,
    records: Records { per_lane: 1, own: 1, events: 2, events_per_lane: 0 },
};
