//! The sequential-vs-concurrent lesson: the tutorial's `fetch_data`, awaited in turn or gathered.

use super::{Recorder, Task};
use async_lab_core::format::fixed;
use async_lab_core::Column::{Concurrent, Sequential};
use async_lab_core::{RunPlan, TaskResult, TaskStatus};
use futures::future::join_all;

// region:lesson
/// The tutorial's `fetch_data`: announce, wait without blocking, announce again.
async fn fetch_data(task: &Task<'_>) -> TaskResult {
    task.print(format!("Fetching {}...", task.label()));
    let result = task.perform().await; // a timer or a real fetch: the thread is free meanwhile
    match result.status {
        TaskStatus::Ok => task.print(format!("Fetched {}", task.label())),
        _ => task.print(format!("{} failed: {}", task.label(), result.detail)),
    }
    result
}

/// One `await` after another: each task starts only when the one before has finished.
pub async fn sequential(tasks: &[Task<'_>]) -> Vec<TaskResult> {
    let mut results = Vec::with_capacity(tasks.len());
    for task in tasks {
        results.push(fetch_data(task).await);
    }
    results
}

/// Every future created first, then polled together: `join_all` is Rust's `asyncio.gather`,
/// and its results come back in submission order.
pub async fn concurrent(tasks: &[Task<'_>]) -> Vec<TaskResult> {
    join_all(tasks.iter().map(fetch_data)).await
}

pub async fn main(plan: &RunPlan, tasks: &[Task<'_>], recorder: &Recorder) {
    let results = match plan.column {
        Sequential => sequential(tasks).await,
        Concurrent => concurrent(tasks).await,
    };
    recorder.print(format!("Total time: {} seconds", fixed(recorder.elapsed_ms() / 1000.0, 2)));
    let labels: Vec<&str> = tasks.iter().zip(&results).filter(|(_, r)| r.status == TaskStatus::Ok).map(|(t, _)| t.label()).collect();
    recorder.print(format!("Results: {labels:?}"));
}
// endregion
