//! The lesson "Retry: backoff with jitter": its texts, default tasks and what a run of it records.

use crate::retry::MAX_ATTEMPTS;
use crate::task::TaskSpec;
use super::{Lesson, LessonId, Provenance, Records, Sequence};
use crate::mode::Mode;

pub(super) static LESSON: Lesson = Lesson {
    id: LessonId::Retry,
    slug: "retry",
    short: "Retry",
    title: "Retry: backoff with jitter",
    intro: "Three requests to a flaky endpoint that answers 503 to the first K attempts at each (Fail first, 0 to 5), \
            then 200. Each request tries again after a wait that doubles, 100 ms × 2ⁿ, spread ±25 % at random (jitter) \
            so that clients which failed together do not retry in step: on each lane, every attempt and every wait. The \
            attempt number travels in the path, api/flaky/{K}/{attempt}/{name}, so the endpoint keeps no count: an idle \
            service worker may stop, and two tabs never share one. Run concurrently retries the three at once; a URL of \
            your own is retried as it answers.",
    python: include_str!("../lessons/retry.py"),
    python_from: Provenance::WrittenForThisLab,
    python_note: None,
    javascript: include_str!("../lessons/retry.js"),
    defaults: || {
        [("report", 200), ("prices", 400), ("weather", 600)]
            .iter()
            .map(|&(name, ms)| TaskSpec::fetch(name, ms, &format!("api/delay/{ms}/{name}")))
            .collect()
    },
    // One line for each request, one for the run; FailFirst, and each attempt sent and each
    // but the last failed.
    concurrent: |_, _| Mode::Concurrent,
    modes: &[Mode::Sequential, Mode::Concurrent],
    sequence: Sequence::EveryTask,
    records: Records { per_lane: 1, own: 1, events: 1, events_per_lane: 2 * MAX_ATTEMPTS as usize - 1 },
};
