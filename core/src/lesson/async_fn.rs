//! The lesson "An async fn returns a lazy future": everything pure about it.

use crate::format::ms;
use crate::milestone::Milestone;
use crate::mode::{Mode, Variant};
use crate::run::Run;
use crate::task::TaskSpec;
use crate::outputs::Difference;
use super::{AfterRunBoth, Controls, Lesson, LessonId, Provenance, Records, Sequence, Takeaway, TaskTime};

pub(super) static LESSON: Lesson = Lesson {
    id: LessonId::AsyncFn,
    slug: "async-fn",
    short: "Lazy futures",
    title: "An async fn returns a lazy future",
    intro: "Calling an async fn runs none of its body: it returns a future, a value that does nothing until it is \
            polled. Press Create future, wait as long as you like, then Await it: the timer starts only at the first \
            poll. A JavaScript promise created at the same moment starts at once, so it settles on its own schedule.",
    python: include_str!("../lessons/async_fn.py"),
    python_from: Provenance::Tutorial,
    python_note: None,
    javascript: include_str!("../lessons/async_fn.js"),
    defaults: || vec![TaskSpec::timer("greet(\"Alice\")", 1000)],
    variants: &[Variant::Gather, Variant::Lazy],
    sequence: Sequence::EveryTask,
    controls: Controls::CreateFuture,
    takeaway: Takeaway::OfConcurrent(|run, res| match run.mode {
        Mode::Concurrent(Variant::Lazy) => lazy(run, res),
        _ => None,
    }),
    after_run_both: AfterRunBoth::Saving,
    outputs: &[Difference {
        rust: Some("greet(\"Alice\") polled for the first time: its timer starts now"),
        python: None,
        javascript: None,
        why: "the lab marks the future's first poll; a listing cannot see it",
    }],
    task_time: TaskTime::AsTyped,
    // greet's first poll, and the greetings gathered; lazy: FutureCreated and FirstPoll.
    records: Records { per_lane: 1, own: 1, events: 2, events_per_lane: 0 },
};

/// A lazy run: when the future was created, when it was first polled, and the JS promise beside it.
fn lazy(run: &Run, res: f64) -> Option<String> {
    let created = run.first(|m| matches!(m, Milestone::FutureCreated { .. }))?.t_ms;
    let polled = run.first(|m| matches!(m, Milestone::FirstPoll { .. }))?.t_ms;
    let promise = run.tasks.get(1).and_then(|t| t.end_ms).map_or_else(String::new, |end| {
        format!(" The JS promise started when it was created and settled at {} whether awaited or not.", ms(end, res))
    });
    let took = run.tasks.first().and_then(|t| t.duration_ms()).map_or_else(String::new, |d| ms(d, res));
    Some(format!("The future was created at {} and did nothing until its first poll at {}; then it took {took}.{promise}", ms(created, res), ms(polled, res)))
}
