//! Links made by the build of 2026-12-07 keep opening: one payload of each mode, as it wrote them.

use super::*;
use crate::result::TaskResult;
use crate::run::RunEvent;
use crate::task::TaskSpec;
use crate::Variant;

/// A finished run of `lesson` in `mode`: one task ended well, the other was dropped.
fn made(lesson: LessonId, mode: Mode) -> Run {
    let mut run = Run::new(3, lesson, mode, vec![TaskSpec::timer("A", 100), TaskSpec::timer("B", 200)]);
    run.apply(RunEvent::TaskStarted { index: 0, t_ms: 0.25 });
    run.apply(RunEvent::TaskStarted { index: 1, t_ms: 0.5 });
    run.apply(RunEvent::TaskFinished { index: 0, t_ms: 100.75, result: TaskResult::timer(TaskStatus::Ok, "") });
    run.apply(RunEvent::TaskFinished { index: 1, t_ms: 100.75, result: TaskResult::timer(TaskStatus::Cancelled, "dropped") });
    run.complete(101.0);
    run
}

/// Each mode, a lesson that runs it, and the payload the build of 2026-12-07 wrote for `made`.
const WRITTEN: [(Mode, LessonId, &str); 11] = [
    (
        Mode::Sequential,
        LessonId::Gather,
        "1,1,3,2,0,101000,0,0,-,2,1:A,0,100,0,0:,250,100750,-,2,0,-,-,0,-,0:,1:B,0,200,0,0:,500,100750,-,4,0,-,-,0,-,7:dropped,2,0,1,0,0,0,0,0,0,",
    ),
    (
        Mode::Concurrent(Variant::Gather),
        LessonId::Gather,
        "1,1,3,2,1,101000,0,0,-,2,1:A,0,100,0,0:,250,100750,-,2,0,-,-,0,-,0:,1:B,0,200,0,0:,500,100750,-,4,0,-,-,0,-,7:dropped,2,0,1,0,0,0,0,0,0,",
    ),
    (
        Mode::Concurrent(Variant::Lazy),
        LessonId::AsyncFn,
        "1,1,3,1,2,101000,0,0,-,2,1:A,0,100,0,0:,250,100750,-,2,0,-,-,0,-,0:,1:B,0,200,0,0:,500,100750,-,4,0,-,-,0,-,7:dropped,2,0,1,0,0,0,0,0,0,",
    ),
    (
        Mode::Concurrent(Variant::Blocking),
        LessonId::CpuBound,
        "1,1,3,6,3,101000,0,0,-,2,1:A,0,100,0,0:,250,100750,-,2,0,-,-,0,-,0:,1:B,0,200,0,0:,500,100750,-,4,0,-,-,0,-,7:dropped,2,0,1,0,0,0,0,0,0,",
    ),
    (
        Mode::Concurrent(Variant::Yielding),
        LessonId::CpuBound,
        "1,1,3,6,4,101000,0,0,-,2,1:A,0,100,0,0:,250,100750,-,2,0,-,-,0,-,0:,1:B,0,200,0,0:,500,100750,-,4,0,-,-,0,-,7:dropped,2,0,1,0,0,0,0,0,0,",
    ),
    (
        Mode::Concurrent(Variant::Race),
        LessonId::Race,
        "1,1,3,7,5,101000,0,0,-,2,1:A,0,100,0,0:,250,100750,-,2,0,-,-,0,-,0:,1:B,0,200,0,0:,500,100750,-,4,0,-,-,0,-,7:dropped,2,0,1,0,0,0,0,0,0,",
    ),
    (
        Mode::Concurrent(Variant::Deadline),
        LessonId::Timeout,
        "1,1,3,8,6,101000,0,0,-,2,1:A,0,100,0,0:,250,100750,-,2,0,-,-,0,-,0:,1:B,0,200,0,0:,500,100750,-,4,0,-,-,0,-,7:dropped,2,0,1,0,0,0,0,0,0,",
    ),
    (
        Mode::Concurrent(Variant::FailFast),
        LessonId::Errors,
        "1,1,3,9,7,101000,0,0,-,2,1:A,0,100,0,0:,250,100750,-,2,0,-,-,0,-,0:,1:B,0,200,0,0:,500,100750,-,4,0,-,-,0,-,7:dropped,2,0,1,0,0,0,0,0,0,",
    ),
    (
        Mode::Concurrent(Variant::Settle),
        LessonId::Errors,
        "1,1,3,9,8,101000,0,0,-,2,1:A,0,100,0,0:,250,100750,-,2,0,-,-,0,-,0:,1:B,0,200,0,0:,500,100750,-,4,0,-,-,0,-,7:dropped,2,0,1,0,0,0,0,0,0,",
    ),
    (
        Mode::Concurrent(Variant::Limit),
        LessonId::Limit,
        "1,1,3,10,9,101000,0,0,-,2,1:A,0,100,0,0:,250,100750,-,2,0,-,-,0,-,0:,1:B,0,200,0,0:,500,100750,-,4,0,-,-,0,-,7:dropped,2,0,1,0,0,0,0,0,0,",
    ),
    (
        Mode::Concurrent(Variant::AsCompleted),
        LessonId::AsCompleted,
        "1,1,3,11,10,101000,0,0,-,2,1:A,0,100,0,0:,250,100750,-,2,0,-,-,0,-,0:,1:B,0,200,0,0:,500,100750,-,4,0,-,-,0,-,7:dropped,2,0,1,0,0,0,0,0,0,",
    ),
];

#[test]
fn a_link_of_each_mode_from_before_still_opens_as_it_was() {
    for (mode, lesson, payload) in WRITTEN {
        assert_eq!(decode_for(lesson, payload), Ok(vec![made(lesson, mode)]), "{mode:?}");
    }
    // Every mode has its link.
    assert!(Mode::ALL.iter().all(|m| WRITTEN.iter().any(|(w, ..)| w == m)));
}
