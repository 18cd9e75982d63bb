//! The lesson "Errors: fail fast or settle": its texts, default tasks and what a run of it records.

use crate::task::TaskSpec;
use super::{Lesson, LessonId, Provenance, Records, Sequence};
use crate::mode::Mode;

pub(super) static LESSON: Lesson = Lesson {
    id: LessonId::Errors,
    slug: "errors",
    short: "Errors",
    title: "Errors: fail fast or settle",
    intro: "One task fails after 0.3 s while two slower ones run. Fail fast: try_join_all returns the error at once \
            and drops the others, clearing their timers; Python's gather and JavaScript's Promise.all also return the \
            first error at once, but leave the other tasks running to their end. Settle: join_all, \
            gather(return_exceptions=True) and Promise.allSettled wait for every task and hand back each result. Run \
            sequentially stops at the first error, like ? in a loop.",
    python: include_str!("../lessons/errors.py"),
    python_from: Provenance::WrittenForThisLab,
    python_note: None,
    javascript: include_str!("../lessons/errors.js"),
    defaults: || {
        vec![TaskSpec::timer("load user", 1000), TaskSpec { fails: true, ..TaskSpec::timer("load avatar", 300) }, TaskSpec::timer("load posts", 1500)]
    },
    // Settle: "Finished …" and "…: ok" for each; in turn and fail fast print less.
    concurrent: |_, on_error| on_error.mode(),
    modes: &[Mode::Sequential, Mode::FailFast, Mode::Settle],
    sequence: Sequence::StopsAtFirstError,
    records: Records { per_lane: 2, own: 0, events: 0, events_per_lane: 0 },
};
