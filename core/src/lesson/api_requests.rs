//! The lesson "Concurrent API requests": its texts, default tasks and what a run of it records.

use crate::task::TaskSpec;
use super::{Lesson, LessonId, Provenance, Records, Sequence};
use crate::mode::Mode;

pub(super) static LESSON: Lesson = Lesson {
    id: LessonId::ApiRequests,
    slug: "api-requests",
    short: "API requests",
    title: "Concurrent API requests",
    intro: "One shared client, the counterpart of aiohttp's ClientSession, sends every request; join_all waits for \
            them together. Each lane is a real fetch with its HTTP status, size and timing; the endpoints answer \
            after the delay in their URL.",
    python: include_str!("../lessons/api_requests.py"),
    python_from: Provenance::Tutorial,
    python_note: None,
    javascript: include_str!("../lessons/api_requests.js"),
    defaults: || {
        vec![
            TaskSpec::fetch("data1", 800, "api/delay/800/data1"),
            TaskSpec::fetch("data2", 1200, "api/delay/1200/data2"),
            TaskSpec::fetch("data3", 600, "api/delay/600/data3"),
        ]
    },
    // "GET …" for each; "Fetched …" and ClientSent.
    concurrent: |_, _| Mode::Concurrent,
    modes: &[Mode::Sequential, Mode::Concurrent],
    sequence: Sequence::EveryTask,
    records: Records { per_lane: 1, own: 1, events: 1, events_per_lane: 0 },
};
