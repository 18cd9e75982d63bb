//! The work one task does: a timer, a real fetch with its requested latency, or a busy loop.

use super::clock::now;
use super::cpu::{self, Style};
use super::fetch::{FetchError, Fetched, Request};
use super::service_worker::{self, Status};
use super::timer::{sleep, sleep_until};
use async_lab_core::task::DEFAULT_TIMEOUT_MS;
use async_lab_core::{Source, TaskKind, TaskResult, TaskSpec, TaskStatus};
use futures::future::{select, Either};

/// How the tasks of a run behave, as the learner set it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// How CPU tasks spin.
    pub style: Style,
    /// How long any task may take before it is stopped with status `timeout`.
    pub timeout_ms: u32,
}

impl Default for Options {
    fn default() -> Options {
        Options { style: Style::Block, timeout_ms: DEFAULT_TIMEOUT_MS }
    }
}

/// The static file a fetch task requests when no service worker can answer `api/`.
pub const STATIC_SAMPLE: &str = "data/sample.json";

/// Does a task's work and says how it went, stopping it after the timeout. Cancelling is
/// dropping the future: its timer is cleared, its request aborted, its busy loop stopped at
/// the next slice.
pub async fn perform(spec: &TaskSpec, options: Options) -> TaskResult {
    let work = Box::pin(perform_untimed(spec, options.style));
    match select(work, Box::pin(sleep(options.timeout_ms))).await {
        Either::Left((result, _)) => result,
        // Dropping the work here aborts its request.
        Either::Right(_) => {
            let what = if spec.kind == TaskKind::Fetch { "no answer; the request was aborted" } else { "stopped" };
            let detail = format!("timed out after {} ms: {what}", options.timeout_ms);
            TaskResult { status: TaskStatus::Timeout, source: Source::of(spec.kind), http_status: None, bytes: None, detail }
        }
    }
}

async fn perform_untimed(spec: &TaskSpec, style: Style) -> TaskResult {
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
        Err(e) => TaskResult { status: TaskStatus::Error, source: Source::Network, http_status: None, bytes: None, detail: explain_error(&e, url) },
        Ok(r) => {
            let source = if stretched || fallback.is_some() {
                Source::Simulated
            } else if r.from_service_worker {
                Source::ServiceWorker
            } else {
                Source::Network
            };
            let body = describe_body(&r);
            let result = if r.ok {
                TaskResult { status: TaskStatus::Ok, source, http_status: Some(r.status), bytes: Some(r.bytes), detail: format!("HTTP {}, {body}{note}", r.status) }
            } else {
                let detail = format!("HTTP {} (not a success status), {body}{note}", r.status);
                TaskResult { status: TaskStatus::Error, source, http_status: Some(r.status), bytes: Some(r.bytes), detail }
            };
            finish(result, spec.fails)
        }
    }
}

/// "61 bytes: {"name": …}", or how much was read before the cap.
fn describe_body(r: &Fetched) -> String {
    let size = if r.capped {
        format!("stopped reading after {} bytes (the cap is {} bytes)", r.bytes, super::fetch::BODY_CAP_BYTES)
    } else {
        format!("{} bytes", r.bytes)
    };
    if r.preview.is_empty() {
        size
    } else {
        format!("{size}: {}", r.preview)
    }
}

/// A network error with the likely cause: the browser hides it on purpose, but a cross-origin
/// request that fails at once is most often refused by CORS.
fn explain_error(error: &FetchError, url: &str) -> String {
    match error {
        FetchError::Network(_) if !super::embed::same_origin(url) => format!(
            "{error}. The server may be unreachable, or it does not allow CORS requests from this page's origin (the browser does not say which)"
        ),
        FetchError::Network(_) => format!("{error}. The page's own server did not answer (offline?)"),
        FetchError::Body(_) => error.to_string(),
    }
}
