//! The lesson "CPU-bound work blocks the event loop": everything pure about it.

use crate::format::{ms, seconds};
use crate::milestone::Milestone;
use crate::mode::{Mode, Variant};
use crate::run::Run;
use crate::task::{TaskKind, TaskSpec};
use super::{AfterRunBoth, Controls, Lesson, LessonId, Provenance, Records, Sequence, Takeaway, TaskTime};

pub(super) static LESSON: Lesson = Lesson {
    id: LessonId::CpuBound,
    slug: "cpu-bound",
    short: "CPU-bound work",
    title: "CPU-bound work blocks the event loop",
    intro: "Async helps with waiting, not with work. A busy loop holds the one thread that runs timers, futures and \
            rendering: timers fire late and frames drop. Choose Block to see it, or Yield to cut the same work into \
            4 ms slices with a MessageChannel message between them, so due timers and frames get their turn. \
            Concurrency saves nothing on the work itself: it takes as long either way.",
    python: include_str!("../lessons/cpu_bound.py"),
    python_from: Provenance::WrittenForThisLab,
    python_note: None,
    javascript: include_str!("../lessons/cpu_bound.js"),
    // Timers first: join_all polls in order, so they are armed before the loop takes the thread.
    defaults: || vec![TaskSpec::timer("Timer 1", 100), TaskSpec::timer("Timer 2", 300), TaskSpec::cpu("Busy loop", 1000)],
    variants: &[Variant::Blocking, Variant::Yielding],
    sequence: Sequence::EveryTask,
    controls: Controls::BusyLoop,
    takeaway: Takeaway::OfConcurrent(busy),
    after_run_both: AfterRunBoth::Saving,
    outputs: &[],
    task_time: TaskTime::AsTyped,
    // "… late by" for each timer, and Frames.
    records: Records { per_lane: 1, own: 0, events: 1, events_per_lane: 0 },
};

/// The busy loop's cost to the timers and the page: blocking, or yielding between slices.
fn busy(run: &Run, res: f64) -> Option<String> {
    let worst_late = || run.tasks.iter().filter(|t| t.spec.kind == TaskKind::Timer).filter_map(|t| t.late_ms()).fold(0.0, f64::max);
    let frames = || {
        run.events.iter().rev().find_map(|e| match &e.milestone {
            Milestone::Frames(f) => Some(f.to_string()),
            _ => None,
        })
    };
    match run.mode {
        Mode::Concurrent(Variant::Blocking) => Some(format!(
            "While the loop blocked the thread, timers fired up to {} late and the page drew {}. Async cannot overlap CPU work.",
            ms(worst_late(), res),
            frames().unwrap_or_default()
        )),
        Mode::Concurrent(Variant::Yielding) => {
            let work: f64 = run.tasks.iter().filter(|t| t.spec.kind == TaskKind::Cpu).map(|t| f64::from(t.spec.delay_ms)).sum();
            Some(format!(
                "The loop yielded between slices: timers were at most {} late and the page kept drawing ({}). Its {} of work still took {} of wall-clock: yielding buys responsiveness, not speed.",
                ms(worst_late(), res),
                frames().unwrap_or_default(),
                seconds(work, res),
                seconds(run.totals()?.wall_ms, res)
            ))
        }
        _ => None,
    }
}
