//! The limit lesson: ten requests, at most N in flight, a new one starting as soon as one ends.

use super::{Recorder, Task};
use async_lab_core::format::whole;
use async_lab_core::Column::Concurrent;
use async_lab_core::{Milestone, RunPlan};
use futures::stream::{self, StreamExt};

// region:lesson
/// Every request through `buffer_unordered(limit)`: it polls at most `limit` of them at once and,
/// the moment one ends, starts the next: a sliding window, not batches.
async fn fetch_all(requests: &[Task<'_>], limit: usize) -> usize {
    let answers: Vec<_> = stream::iter(requests.iter().map(|r| r.perform())).buffer_unordered(limit).collect().await;
    answers.len()
}

pub async fn main(plan: &RunPlan, requests: &[Task<'_>], recorder: &Recorder) {
    // Run sequentially is the same code with one in flight.
    let limit = if plan.column == Concurrent { plan.options.limit } else { 1 };
    recorder.mark(Milestone::InFlightLimit { limit });
    let done = fetch_all(requests, limit).await;
    recorder.print(format!("{done} requests, at most {limit} in flight, in {} ms", whole(recorder.elapsed_ms())));
}
// endregion
