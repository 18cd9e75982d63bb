//! The cpu-bound lesson: a busy loop beside timers, blocking or yielding, with lateness and frames measured.

use super::{one_by_one, Recorder, Task};
use crate::runtime::frames::FrameMeter;
use async_lab_core::format::whole;
use async_lab_core::Column::{Concurrent, Sequential};
use async_lab_core::{Milestone, RunPlan, TaskKind, TaskResult};
use futures::future::join_all;

// region:lesson
/// Runs a task and says how late a timer fired: a blocked thread cannot run its callback on time.
async fn timed(task: &Task<'_>, recorder: &Recorder) -> TaskResult {
    let start = recorder.elapsed_ms();
    let result = task.perform().await;
    if task.spec().kind == TaskKind::Timer {
        let late = recorder.elapsed_ms() - start - f64::from(task.spec().delay_ms);
        recorder.print(format!("{} late by {} ms", task.label(), whole(late)));
    }
    result
}

/// Timers and a busy loop, all started together. The loop either blocks the thread until it
/// is done or works in 4 ms slices, yielding to the browser between them through a
/// `MessageChannel`, so due timers fire and frames are drawn while it works.
pub async fn main(plan: &RunPlan, tasks: &[Task<'_>], recorder: &Recorder) {
    let frames = FrameMeter::start();
    match plan.column {
        Sequential => one_by_one(tasks, |t| timed(t, recorder)).await,
        Concurrent => join_all(tasks.iter().map(|t| timed(t, recorder))).await,
    };
    recorder.mark(Milestone::Frames(frames.stop()));
}
// endregion
