//! The lesson "Race: the first answer wins": its texts, default tasks and what a run of it records.

use crate::task::TaskSpec;
use super::{Lesson, LessonId, Provenance, Records, Sequence};
use crate::mode::Mode;

pub(super) static LESSON: Lesson = Lesson {
    id: LessonId::Race,
    slug: "race",
    short: "Race",
    title: "Race: the first answer wins",
    intro: "Three mirrors answer after 1.2 s, 0.4 s and 0.8 s. Run concurrently races them with select_all: the first \
            answer wins, and the losers' futures are dropped, which aborts their requests there and then. Python's \
            asyncio.wait leaves the losers running until you cancel them; a JavaScript promise cannot be cancelled, so \
            the JS lanes (the same race as real promises, run beside the Rust one) keep their requests on the wire until \
            they answer nobody.",
    python: include_str!("../lessons/race.py"),
    python_from: Provenance::WrittenForThisLab,
    python_note: None,
    javascript: include_str!("../lessons/race.js"),
    defaults: || {
        vec![
            TaskSpec::fetch("mirror A", 1200, "api/delay/1200/mirror-a"),
            TaskSpec::fetch("mirror B", 400, "api/delay/400/mirror-b"),
            TaskSpec::fetch("mirror C", 800, "api/delay/800/mirror-c"),
        ]
    },
    // In turn each answer; a race prints two lines and each late JS answer, half its lanes.
    concurrent: |_, _| Mode::Race,
    modes: &[Mode::Sequential, Mode::Race],
    sequence: Sequence::EveryTask,
    records: Records { per_lane: 1, own: 0, events: 0, events_per_lane: 0 },
};
