//! The gather lesson: three tasks of 2 s, 1 s and 3 s; results in submission order, completion 2, 1, 3.

use super::{one_by_one, Recorder, Task};
use async_lab_core::Column::{Concurrent, Sequential};
use async_lab_core::{Milestone, RunPlan, TaskStatus};
use futures::future::join_all;

// region:lesson
/// The tutorial's `task`: it returns a value, and `join_all` keeps those values in submission order.
async fn task(task: &Task<'_>) -> String {
    task.print(format!("Starting {}...", task.label()));
    let result = task.perform().await;
    if result.status != TaskStatus::Ok {
        task.print(format!("{} failed: {}", task.label(), result.detail));
        return format!("Error from {}", task.label());
    }
    task.print(format!("Finished {}", task.label()));
    format!("Result from {}", task.label())
}

pub async fn main(plan: &RunPlan, tasks: &[Task<'_>], recorder: &Recorder) {
    let results: Vec<String> = match plan.column {
        Sequential => one_by_one(tasks, task).await,
        // Like asyncio.gather: all futures at once, results in the order they were given.
        Concurrent => join_all(tasks.iter().map(task)).await,
    };
    recorder.print(format!("All tasks completed: {results:?}"));
    recorder.mark(Milestone::Returned { values: results });
}
// endregion
