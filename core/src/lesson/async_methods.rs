//! The lesson "A struct with async methods": everything pure about it.

use crate::mode::Variant;
use crate::task::TaskSpec;
use crate::outputs::Difference;
use super::{AfterRunBoth, Controls, Lesson, LessonId, Provenance, Records, Sequence, Takeaway, TaskTime};

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
    variants: &[Variant::Gather],
    sequence: Sequence::EveryTask,
    controls: Controls::RunOnly,
    takeaway: Takeaway::Shared,
    after_run_both: AfterRunBoth::Saving,
    outputs: &[
        Difference {
            rust: Some("[\"Data from api/delay/1000/users\", \"Data from api/delay/1000/posts\", \"Data from api/delay/1000/comments\"]"),
            python: Some("['Data from api/delay/1000/users', 'Data from api/delay/1000/posts', 'Data from api/delay/1000/comments']"),
            javascript: Some("[\"Data from api/delay/1000/users\",\"Data from api/delay/1000/posts\",\"Data from api/delay/1000/comments\"]"),
            why: "list formatting (the JavaScript prints JSON); in CI the Python's base URL is the lab's",
        },
        Difference { rust: Some("GET …"), python: None, javascript: None, why: "the lab logs each request it builds from base_url" },
    ],
    task_time: TaskTime::AsTyped,
    // "GET …" for each, then the results.
    records: Records { per_lane: 1, own: 1, events: 0, events_per_lane: 0 },
};
