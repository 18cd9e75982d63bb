//! The work one task does: a timer, or a real fetch with its requested latency.

use super::clock::now;
use super::fetch::Request;
use super::timer::{sleep, sleep_until};
use async_lab_core::{Source, TaskKind, TaskResult, TaskSpec, TaskStatus};

/// Does a task's work and says how it went. Cancelling is dropping the future:
/// its timer is cleared and its request aborted.
pub async fn perform(spec: &TaskSpec) -> TaskResult {
    match spec.kind {
        TaskKind::Timer => {
            sleep(spec.delay_ms).await;
            if spec.fails {
                TaskResult::timer(TaskStatus::Error, format!("failed after {} ms: its \"fails\" switch is on", spec.delay_ms))
            } else {
                TaskResult::timer(TaskStatus::Ok, format!("slept {} ms", spec.delay_ms))
            }
        }
        TaskKind::Fetch => fetch(spec).await,
    }
}

async fn fetch(spec: &TaskSpec) -> TaskResult {
    let deadline = now() + f64::from(spec.delay_ms);
    let response = Request::get(&spec.url).send().await;
    // The request itself is real; a shorter answer is stretched to the requested latency
    // on the client and labelled as simulated, so a lane never claims a slow server that was not.
    let simulated = now() < deadline;
    if simulated {
        sleep_until(deadline).await;
    }
    let source = if simulated { Source::Simulated } else { Source::Network };
    let latency = if simulated { " + simulated latency" } else { "" };
    match response {
        Err(e) => TaskResult { status: TaskStatus::Error, source: Source::Network, http_status: None, bytes: None, detail: e.to_string() },
        Ok(r) => {
            let (status, why) = if !r.ok {
                (TaskStatus::Error, format!("HTTP {} (not a success status)", r.status))
            } else if spec.fails {
                (TaskStatus::Error, format!("HTTP {}, then failed: its \"fails\" switch is on", r.status))
            } else {
                (TaskStatus::Ok, format!("HTTP {}, {} bytes", r.status, r.bytes))
            };
            TaskResult { status, source, http_status: Some(r.status), bytes: Some(r.bytes), detail: format!("{why}{latency}") }
        }
    }
}
