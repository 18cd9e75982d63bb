//! The timeout lesson: a slow request raced against a deadline; when the deadline wins, the
//! request's future is dropped and its fetch aborted.

use super::{one_by_one, Recorder, Task};
use async_lab_core::format::whole;
use async_lab_core::Column::{Concurrent, Sequential};
use async_lab_core::RunPlan;
use futures::future::{join_all, select, Either};
use std::future::Future;
use std::pin::pin;

// region:lesson
/// The deadline passed before the work finished.
pub struct Elapsed;

/// Races `work` against the `deadline` task's sleep. Whichever ends first wins, and the other is
/// dropped as this function returns: when the sleep wins, dropping `work` aborts its request.
async fn timeout<T>(deadline: &Task<'_>, work: impl Future<Output = T>) -> Result<T, Elapsed> {
    match select(pin!(work), pin!(deadline.perform())).await {
        Either::Left((value, _sleep)) => Ok(value),
        Either::Right((_, _work)) => Err(Elapsed),
    }
}

async fn report(request: &Task<'_>, recorder: &Recorder) {
    request.perform().await;
    recorder.print(format!("{} answered after {} ms", request.label(), whole(recorder.elapsed_ms())));
}

pub async fn main(plan: &RunPlan, tasks: &[Task<'_>], recorder: &Recorder) {
    match plan.column {
        // Each request has its deadline's lane: the second half of the run's tasks.
        Concurrent => {
            let (requests, deadlines) = tasks.split_at(tasks.len() / 2);
            join_all(requests.iter().zip(deadlines).map(|(request, deadline)| async move {
                if let Err(Elapsed) = timeout(deadline, report(request, recorder)).await {
                    recorder.print(format!("{} timed out after {} ms", request.label(), whole(recorder.elapsed_ms())));
                }
            }))
            .await;
        }
        // Run sequentially: no deadline at all.
        Sequential => {
            one_by_one(tasks, |request| report(request, recorder)).await;
        }
    }
}
// endregion
