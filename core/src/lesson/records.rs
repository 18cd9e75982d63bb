//! The most a live run of a lesson records, read off its program: what a link's runs are held to.

use super::LessonId;
use crate::retry::MAX_ATTEMPTS;

/// What a live run over some lanes records at most: its log lines and its lesson events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Most {
    pub log_lines: usize,
    pub events: usize,
}

impl LessonId {
    /// The most a run of this lesson over `lanes` lanes (the typed tasks and the lanes its mode
    /// adds) records. Counted from `src/lessons/<id>.rs`: each `print` and `mark` there runs once a
    /// run, once a task, or (retry) once an attempt, whichever way the tasks end or the run is
    /// cancelled. `tests/lessons.rs` runs every lesson and mode, each task ending well and badly,
    /// and finds each bound reached and never passed.
    pub fn most_recorded(self, lanes: usize) -> Most {
        // (log lines per lane, log lines of the run's own, lesson events)
        let (per_lane, own, events) = match self {
            // "Fetching …" and "Fetched …" (or "… failed"); "Total time" and "Results".
            LessonId::SequentialVsConcurrent => (2, 2, 0),
            // greet's first poll, and the greetings gathered; lazy: FutureCreated and FirstPoll.
            LessonId::AsyncFn => (1, 1, 2),
            // "Starting …" and "Finished …" (or "… failed"); "All tasks completed" and Returned.
            LessonId::Gather => (2, 1, 1),
            // "GET …" for each; "Fetched …" and ClientSent.
            LessonId::ApiRequests => (1, 1, 1),
            // Connecting, using, closing and an error: one connection a run, and its three marks.
            LessonId::ContextManager => (0, 4, 3),
            // "GET …" for each, then the results.
            LessonId::AsyncMethods => (1, 1, 0),
            // "… late by" for each timer, and Frames.
            LessonId::CpuBound => (1, 0, 1),
            // In turn each answer; a race prints two lines and each late JS answer, half its lanes.
            LessonId::Race => (1, 0, 0),
            // "answered" or "timed out" for each request.
            LessonId::Timeout => (1, 0, 0),
            // Settle: "Finished …" and "…: ok" for each; in turn and fail fast print less.
            LessonId::Errors => (2, 0, 0),
            // One line, and the limit it ran with.
            LessonId::Limit => (0, 1, 1),
            // "… handled at" for each.
            LessonId::AsCompleted => (1, 0, 0),
            // One line for each request, one for the run; FailFirst, and each attempt sent and each
            // but the last failed.
            LessonId::Retry => (1, 1, 1 + lanes * (2 * MAX_ATTEMPTS as usize - 1)),
        };
        Most { log_lines: per_lane * lanes + own, events }
    }
}
