//! The errors lesson: one task fails early; fail fast drops the others, settle waits for each,
//! and in turn stops at the first error.

use super::{Recorder, Task};
use async_lab_core::Column::{Concurrent, Sequential};
use async_lab_core::{OnError, RunPlan, TaskStatus};
use futures::future::{join_all, try_join_all};

// region:lesson
/// What went wrong with a task.
pub struct Failed(String);

async fn load(task: &Task<'_>) -> Result<String, Failed> {
    let result = task.perform().await;
    if result.status != TaskStatus::Ok {
        return Err(Failed(format!("{} failed", task.label())));
    }
    task.print(format!("Finished {}", task.label()));
    Ok(task.label().to_owned())
}

/// `?` in a loop: the first error returns at once, and the tasks after it never start.
async fn in_turn(tasks: &[Task<'_>]) -> Result<Vec<String>, Failed> {
    let mut loaded = Vec::new();
    for task in tasks {
        loaded.push(load(task).await?);
    }
    Ok(loaded)
}

pub async fn main(plan: &RunPlan, tasks: &[Task<'_>], recorder: &Recorder) {
    let outcome = match (plan.column, plan.options.on_error) {
        // Every task to its end, each with its own result.
        (Concurrent, OnError::Settle) => {
            let results = join_all(tasks.iter().map(load)).await;
            for (task, result) in tasks.iter().zip(&results) {
                recorder.print(format!("{}: {}", task.label(), if result.is_ok() { "ok" } else { "failed" }));
            }
            Ok(Vec::new())
        }
        // The first error returns at once; the other futures are dropped, so their timers are cleared.
        (Concurrent, OnError::FailFast) => try_join_all(tasks.iter().map(load)).await,
        // Run sequentially.
        (Sequential, _) => in_turn(tasks).await,
    };
    if let Err(Failed(why)) = outcome {
        recorder.print(format!("Error: {why}"));
    }
}
// endregion
