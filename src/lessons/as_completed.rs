//! The as-completed lesson: each result handled as soon as it arrives, in completion order.

use super::{Recorder, Task};
use async_lab_core::format::whole;
use async_lab_core::Column::{Concurrent, Sequential};
use async_lab_core::RunPlan;
use futures::stream::{FuturesUnordered, StreamExt};

// region:lesson
async fn fetch<'t>(report: &'t Task<'_>) -> &'t str {
    report.perform().await;
    report.label()
}

fn handle(report: &str, recorder: &Recorder) {
    recorder.print(format!("{report} handled at {} ms", whole(recorder.elapsed_ms())));
}

pub async fn main(plan: &RunPlan, reports: &[Task<'_>], recorder: &Recorder) {
    match plan.column {
        // Every request at once; `next()` yields whichever finishes next.
        Concurrent => {
            let mut pending: FuturesUnordered<_> = reports.iter().map(fetch).collect();
            while let Some(report) = pending.next().await {
                handle(report, recorder);
            }
        }
        // Run sequentially: in submission order, each awaited before the next is sent.
        Sequential => {
            for report in reports {
                handle(fetch(report).await, recorder);
            }
        }
    }
}
// endregion
