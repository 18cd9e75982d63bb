//! The lesson "Limit: at most N in flight": its texts, default tasks and what a run of it records.

use crate::task::TaskSpec;
use super::{Lesson, LessonId, Provenance, Records, Sequence};
use crate::mode::Mode;

pub(super) static LESSON: Lesson = Lesson {
    id: LessonId::Limit,
    slug: "limit",
    short: "Limit",
    title: "Limit: at most N in flight",
    intro: "Ten requests, at most N in flight at once (Limit, 1 to 10). buffer_unordered keeps a sliding window: the \
            moment one request ends the next one starts, so the lanes start at staggered times, not in batches. \
            Python's asyncio.Semaphore and a small JavaScript pool do the same. Run sequentially is N = 1. Browsers \
            also allow only six HTTP/1.1 connections per host at once: that matters for URLs you type, not for this \
            page's own endpoints, which its service worker answers.",
    python: include_str!("../lessons/limit.py"),
    python_from: Provenance::WrittenForThisLab,
    python_note: None,
    javascript: include_str!("../lessons/limit.js"),
    defaults: || {
        [600, 200, 400, 300, 500, 200, 400, 300, 600, 200]
            .iter()
            .enumerate()
            .map(|(i, &ms)| TaskSpec::fetch(&format!("request {}", i + 1), ms, &format!("api/delay/{ms}/request-{}", i + 1)))
            .collect()
    },
    // One line, and the limit it ran with.
    concurrent: |_, _| Mode::Limit,
    modes: &[Mode::Sequential, Mode::Limit],
    sequence: Sequence::EveryTask,
    records: Records { per_lane: 0, own: 1, events: 1, events_per_lane: 0 },
};
