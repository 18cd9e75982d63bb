//! The cpu-bound lesson: a busy loop beside timers, blocking or yielding, with lateness and frames measured.

use super::{one_by_one, Recorder, Task};
use crate::runtime::frames::FrameMeter;
use async_lab_core::{Mode, TaskKind, TaskResult};
use futures::future::join_all;

// region:lesson
/// Runs a task and says how late a timer fired: a blocked thread cannot run its callback on time.
async fn timed(task: &Task<'_>, run: &Recorder) -> TaskResult {
    let start = run.elapsed_ms();
    let result = task.perform().await;
    if task.spec().kind == TaskKind::Timer {
        let late = run.elapsed_ms() - start - f64::from(task.spec().delay_ms);
        run.print(format!("{} late by {late:.0} ms", task.label()));
    }
    result
}

/// Timers and a busy loop, all started together. The loop either blocks the thread until it
/// is done or works in 4 ms slices, yielding to the browser between them through a
/// `MessageChannel`, so due timers fire and frames are drawn while it works.
pub async fn main(mode: Mode, tasks: &[Task<'_>], run: &Recorder) {
    let frames = FrameMeter::start();
    match mode {
        Mode::Sequential => one_by_one(tasks, |t| timed(t, run)).await,
        _ => join_all(tasks.iter().map(|t| timed(t, run))).await,
    };
    let drawn = frames.stop();
    run.event("frames", format!("{} frames in {:.0} ms; longest gap {:.0} ms", drawn.count, drawn.span_ms, drawn.longest_gap_ms));
}
// endregion
