//! The most a live run of a lesson records, read off its program: what a link's runs are held to.

use super::LessonId;

/// What a live run over some lanes records at most: its log lines and its lesson events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Most {
    pub log_lines: usize,
    pub events: usize,
}

/// What a run of a lesson records, per lane and of its own: log lines and lesson events.
#[derive(Clone, Copy, Debug)]
pub struct Records {
    pub per_lane: usize,
    pub own: usize,
    pub events: usize,
    pub events_per_lane: usize,
}

impl LessonId {
    /// The most a run of this lesson over `lanes` lanes (the typed tasks and the lanes its mode
    /// adds) records. Counted from `src/lessons/<id>.rs` into its lesson's `records`: each
    /// `print` and `mark` there runs once a run, once a task, or (retry) once an attempt,
    /// whichever way the tasks end or the run is cancelled. `tests/lessons.rs` runs every lesson
    /// and mode, each task ending well and badly, and finds each bound reached and never passed.
    pub fn most_recorded(self, lanes: usize) -> Most {
        let r = self.lesson().records;
        Most { log_lines: r.per_lane * lanes + r.own, events: r.events + r.events_per_lane * lanes }
    }
}
