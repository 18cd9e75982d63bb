//! The work one task does: a timer, a real fetch with its requested latency, or a busy loop.

use super::clock::now;
use super::cpu::{self, Style};
use super::fetch::Request;
use super::service_worker::{self, Status};
use super::timer::{sleep, sleep_until};
use async_lab_core::{Source, TaskKind, TaskResult, TaskSpec, TaskStatus};

/// The static file a fetch task requests when no service worker can answer `api/`.
pub const STATIC_SAMPLE: &str = "data/sample.json";

/// Does a task's work and says how it went. Cancelling is dropping the future:
/// its timer is cleared, its request aborted, its busy loop stopped at the next slice.
pub async fn perform(spec: &TaskSpec, style: Style) -> TaskResult {
    match spec.kind {
        TaskKind::Timer => {
            sleep(spec.delay_ms).await;
            let why = format!("slept {} ms", spec.delay_ms);
            finish(TaskResult::timer(TaskStatus::Ok, why), spec.fails)
        }
        TaskKind::Cpu => {
            let slices = cpu::busy(f64::from(spec.delay_ms), style).await;
            let how = match style {
                Style::Block => format!("busy {} ms without yielding", spec.delay_ms),
                Style::Yield => format!("busy {} ms in {slices} slices, yielding between them", spec.delay_ms),
            };
            let result = TaskResult { status: TaskStatus::Ok, source: Source::Cpu, http_status: None, bytes: None, detail: how };
            finish(result, spec.fails)
        }
        TaskKind::Fetch => fetch(spec).await,
    }
}

/// Applies a task's "fails" switch to a result that would otherwise succeed.
fn finish(mut result: TaskResult, fails: bool) -> TaskResult {
    if fails && result.status == TaskStatus::Ok {
        result.status = TaskStatus::Error;
        result.detail = format!("{}, then failed: its \"fails\" switch is on", result.detail);
    }
    result
}

async fn fetch(spec: &TaskSpec) -> TaskResult {
    let deadline = now() + f64::from(spec.delay_ms);
    // Without a service worker nothing answers api/: fetch a static file for real instead.
    let fallback = match service_worker::is_api(&spec.url).then(service_worker::status) {
        None | Some(Status::Ready) => None,
        Some(Status::Pending) => Some("the service worker is not ready yet".to_owned()),
        Some(Status::Unavailable(why)) => Some(why),
    };
    let url = if fallback.is_some() { STATIC_SAMPLE } else { spec.url.as_str() };
    let response = Request::get(url).send().await;
    // A shorter answer is stretched to the requested latency on the client and labelled as
    // simulated, so a lane never claims a slow server that was not.
    let stretched = now() < deadline;
    if stretched {
        sleep_until(deadline).await;
    }
    let note = match (&fallback, stretched) {
        (Some(why), _) => format!(" + simulated latency ({url} instead: {why})"),
        (None, true) => " + simulated latency".to_owned(),
        (None, false) => String::new(),
    };
    match response {
        Err(e) => TaskResult { status: TaskStatus::Error, source: Source::Network, http_status: None, bytes: None, detail: e.to_string() },
        Ok(r) => {
            let source = if stretched || fallback.is_some() {
                Source::Simulated
            } else if r.from_service_worker {
                Source::ServiceWorker
            } else {
                Source::Network
            };
            let result = if r.ok {
                TaskResult { status: TaskStatus::Ok, source, http_status: Some(r.status), bytes: Some(r.bytes), detail: format!("HTTP {}, {} bytes{note}", r.status, r.bytes) }
            } else {
                let detail = format!("HTTP {} (not a success status), {} bytes{note}", r.status, r.bytes);
                TaskResult { status: TaskStatus::Error, source, http_status: Some(r.status), bytes: Some(r.bytes), detail }
            };
            finish(result, spec.fails)
        }
    }
}
