//! The lesson "A struct with async methods": its texts, default tasks and what a run of it records.

use crate::task::TaskSpec;
use super::{Lesson, LessonId, Provenance, Records, Sequence};
use crate::mode::Mode;

pub(super) static LESSON: Lesson = Lesson {
    id: LessonId::AsyncMethods,
    slug: "async-methods",
    short: "Async methods",
    title: "A struct with async methods",
    intro: "DataFetcher keeps its base URL; its async fetch method requests one endpoint and fetch_multiple gathers \
            several. Methods borrow self across their awaits, so all three requests share one fetcher.",
    python: include_str!("../lessons/async_methods.py"),
    python_from: Provenance::Tutorial,
    python_note: None,
    javascript: include_str!("../lessons/async_methods.js"),
    defaults: || {
        vec![
            TaskSpec::fetch("users", 1000, "api/delay/1000/users"),
            TaskSpec::fetch("posts", 1000, "api/delay/1000/posts"),
            TaskSpec::fetch("comments", 1000, "api/delay/1000/comments"),
        ]
    },
    // "GET …" for each, then the results.
    concurrent: |_, _| Mode::Concurrent,
    modes: &[Mode::Sequential, Mode::Concurrent],
    sequence: Sequence::EveryTask,
    records: Records { per_lane: 1, own: 1, events: 0, events_per_lane: 0 },
};
