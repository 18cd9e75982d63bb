//! What a task's work yields: the decisions that turn a timer, a busy loop or a fetch into a
//! `TaskResult` (its status, where the answer came from, the detail a lane shows). The runtime
//! does the work; these rules say what it means, and never claim more than happened.

use crate::result::{Reach, Source, TaskResult, TaskStatus};
use crate::task::{BusyLoop, TaskKind};
use std::fmt;

/// The static file a fetch task requests when no service worker can answer `api/`.
pub const STATIC_SAMPLE: &str = "data/sample.json";
/// The most of a body that is read; past it the stream is cancelled and the count stops.
pub const BODY_CAP_BYTES: u64 = 1024 * 1024;

/// Whether the app's service worker answers the delayed endpoints (`api/…`) on this page.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkerStatus {
    /// Registration is still under way.
    Pending,
    /// The service worker controls the page and answers `api/*`.
    Ready,
    /// No service worker here, and why (the browser's own words where it gave some).
    Unavailable(String),
}

/// A response whose body has been read (up to [`BODY_CAP_BYTES`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Fetched {
    pub status: u16,
    pub ok: bool,
    /// Bytes read: the whole body, or [`BODY_CAP_BYTES`] and a little more when `capped`.
    pub bytes: u64,
    /// Reading stopped at the cap.
    pub capped: bool,
    /// The body's first bytes as text, control characters removed: shown as text, never as HTML.
    pub preview: String,
    /// The app's service worker answered (it marks its responses).
    pub from_service_worker: bool,
}

/// Why a request produced no response.
#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// The browser refused or lost the request (offline, DNS, CORS): it gives no details on purpose.
    Network(String),
    /// The response started but its body could not be read.
    Body(String),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Network(why) => write!(f, "network error: {why}"),
            FetchError::Body(why) => write!(f, "could not read the body: {why}"),
        }
    }
}

/// Where a fetch task's request goes.
#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    /// The URL as typed.
    AsTyped,
    /// [`STATIC_SAMPLE`] instead, because nothing answers `api/` here, and why.
    Sample { why: String },
}

impl Route {
    /// The URL a request on this route fetches, for a task whose URL is `typed`.
    pub fn url<'a>(&self, typed: &'a str) -> &'a str {
        match self {
            Route::AsTyped => typed,
            Route::Sample { .. } => STATIC_SAMPLE,
        }
    }
}

/// A request to the app's own `api/` goes to the static sample unless the service worker is ready.
pub fn route(is_api: bool, worker: &WorkerStatus) -> Route {
    match (is_api, worker) {
        (false, _) | (true, WorkerStatus::Ready) => Route::AsTyped,
        (true, WorkerStatus::Pending) => Route::Sample { why: "the service worker is not ready yet".to_owned() },
        (true, WorkerStatus::Unavailable(why)) => Route::Sample { why: why.clone() },
    }
}

/// Whose server a task of `kind` asks; `own_endpoint`: its URL is the app's own `api/`.
pub fn reach(kind: TaskKind, own_endpoint: bool) -> Reach {
    match (kind, own_endpoint) {
        (TaskKind::Timer | TaskKind::Cpu, _) => Reach::NoRequest,
        (TaskKind::Fetch, true) => Reach::OwnEndpoint,
        (TaskKind::Fetch, false) => Reach::Elsewhere,
    }
}

/// A fetch that autorun did not send: until a click inside the app, it fetches only the app's
/// own endpoints, so a framing page cannot make it request anything else.
pub fn left_for_a_click(url: &str) -> TaskResult {
    let detail = format!("not fetched: autorun=1 fetches only this app's own api/ endpoints; {url} waits for a click on a Run button");
    TaskResult { status: TaskStatus::Error, detail, ..TaskResult::waiting(TaskKind::Fetch) }
}

/// A timer that slept its delay.
pub fn slept(delay_ms: u32) -> TaskResult {
    TaskResult::timer(TaskStatus::Ok, format!("slept {delay_ms} ms"))
}

/// A busy loop that worked `work_ms` in `slices`.
pub fn worked(work_ms: u32, busy_loop: BusyLoop, slices: u32) -> TaskResult {
    let detail = match busy_loop {
        BusyLoop::Block => format!("busy {work_ms} ms without yielding"),
        BusyLoop::Yield => format!("busy {work_ms} ms in {slices} slices, yielding between them"),
    };
    TaskResult { status: TaskStatus::Ok, source: Source::Cpu, detail, ..TaskResult::waiting(TaskKind::Cpu) }
}

/// A task stopped at its timeout; a fetch's request was aborted with it.
pub fn timed_out(kind: TaskKind, timeout_ms: u32) -> TaskResult {
    let what = match kind {
        TaskKind::Fetch => "no answer; the request was aborted",
        TaskKind::Timer | TaskKind::Cpu => "stopped",
    };
    let detail = format!("timed out after {timeout_ms} ms: {what}");
    TaskResult { status: TaskStatus::Timeout, detail, ..TaskResult::waiting(kind) }
}

/// A task whose future was dropped before it finished (a race lost, a deadline passed, a sibling's
/// error, a cancel): what dropping it stopped.
pub fn dropped(kind: TaskKind) -> TaskResult {
    let what = match kind {
        TaskKind::Timer => "its timer cleared",
        TaskKind::Fetch => "its request aborted",
        TaskKind::Cpu => "its busy loop stopped",
    };
    TaskResult { status: TaskStatus::Cancelled, detail: format!("dropped before it finished: {what}"), ..TaskResult::waiting(kind) }
}

/// What a JavaScript promise's lane says before its result: nothing of Rust polls it and nothing
/// can stop it, so its bar is its whole life, not a future's wait.
pub fn settled_promise(mut result: TaskResult) -> TaskResult {
    const NOTE: &str = "JS promise, not cancellable: ";
    result.detail.insert_str(0, NOTE);
    if !result.body.is_empty() {
        result.body = result.body.start + NOTE.len()..result.body.end + NOTE.len();
    }
    result
}

/// Applies a task's "fails" switch to a result that would otherwise succeed.
pub fn with_fails_switch(mut result: TaskResult, fails: bool) -> TaskResult {
    if fails && result.status == TaskStatus::Ok {
        result.status = TaskStatus::Error;
        result.detail = format!("{}, then failed: its \"fails\" switch is on", result.detail);
    }
    result
}

/// A flaky URL's answer where nothing answers `api/` (the static sample was fetched instead): the
/// flaky endpoint's rule applied on the client, so an attempt it would fail fails here too, said so.
pub fn simulated_flaky(result: TaskResult, url: &str) -> TaskResult {
    match crate::retry::failing(url) {
        Some((fail_first, attempt)) if result.status == TaskStatus::Ok => TaskResult {
            status: TaskStatus::Error,
            http_status: Some(503),
            detail: format!("HTTP 503, simulated: api/flaky fails the first {fail_first} attempts and this was attempt {attempt} ({})", result.detail),
            body: 0..0,
            ..result
        },
        Some(_) | None => result,
    }
}

/// What a fetch task's request came to. `added_ms`: how long the client waited after the answer
/// came, because it came before the requested delay (0 when it did not): that much latency was
/// simulated, and the lane draws it apart. `cross_origin`: the URL is not this page's origin, which
/// makes a network error most likely a CORS refusal.
pub fn fetched(answer: Result<Fetched, FetchError>, route: &Route, added_ms: f64, cross_origin: bool) -> TaskResult {
    let stretched = added_ms > 0.0;
    let added = format!("{} ms added on the client", crate::format::whole(added_ms));
    let note = match (route, stretched) {
        (Route::Sample { why }, true) => format!(" + simulated latency ({added}; {STATIC_SAMPLE} instead: {why})"),
        (Route::Sample { why }, false) => format!(" + simulated latency ({STATIC_SAMPLE} instead: {why})"),
        (Route::AsTyped, true) => format!(" + simulated latency ({added})"),
        (Route::AsTyped, false) => String::new(),
    };
    let r = match answer {
        Err(e) => return TaskResult { status: TaskStatus::Error, detail: explain_error(&e, cross_origin), ..TaskResult::waiting(TaskKind::Fetch) },
        Ok(r) => r,
    };
    let source = match (route, stretched, r.from_service_worker) {
        (Route::Sample { .. }, ..) | (Route::AsTyped, true, _) => Source::Simulated,
        (Route::AsTyped, false, true) => Source::ServiceWorker,
        (Route::AsTyped, false, false) => Source::Network,
    };
    let (size, quote) = describe_body(&r);
    let (status, head) = match r.ok {
        true => (TaskStatus::Ok, format!("HTTP {}, {size}", r.status)),
        false => (TaskStatus::Error, format!("HTTP {} (not a success status), {size}", r.status)),
    };
    let body = head.len()..head.len() + quote.len();
    let detail = format!("{head}{quote}{note}");
    TaskResult {
        status,
        source,
        http_status: Some(r.status),
        bytes: Some(r.bytes),
        capped: r.capped,
        added_ms: stretched.then_some(added_ms),
        detail,
        body,
        reach: Reach::NoRequest,
    }
}

/// The body's size ("61 bytes", or how much was read before the cap) and its quoted start
/// (": {"name": …}", empty when there is none), kept apart so a framing page gets only the size.
fn describe_body(r: &Fetched) -> (String, String) {
    let size = match r.capped {
        true => format!("stopped reading after {} bytes (the cap is {BODY_CAP_BYTES} bytes)", r.bytes),
        false => format!("{} bytes", r.bytes),
    };
    let quote = match r.preview.is_empty() {
        true => String::new(),
        false => format!(": {}", r.preview),
    };
    (size, quote)
}

/// A network error with the likely cause: the browser hides it on purpose, but a cross-origin
/// request that fails at once is most often refused by CORS.
fn explain_error(error: &FetchError, cross_origin: bool) -> String {
    match (error, cross_origin) {
        (FetchError::Network(_), true) => {
            format!("{error}. The server may be unreachable, or it does not allow CORS requests from this page's origin (the browser does not say which)")
        }
        (FetchError::Network(_), false) => format!("{error}. The page's own server did not answer (offline?)"),
        (FetchError::Body(_), _) => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok_answer(from_service_worker: bool) -> Fetched {
        Fetched { status: 200, ok: true, bytes: 61, capped: false, preview: "{\"name\": \"data1\"}".into(), from_service_worker }
    }

    #[test]
    fn a_promise_says_so_and_keeps_its_body_apart() {
        let promise = settled_promise(fetched(Ok(ok_answer(true)), &Route::AsTyped, 0.0, false));
        assert_eq!(promise.detail, "JS promise, not cancellable: HTTP 200, 61 bytes: {\"name\": \"data1\"}");
        assert_eq!(promise.detail_without_body(), "JS promise, not cancellable: HTTP 200, 61 bytes");
        assert_eq!(dropped(TaskKind::Fetch).detail, "dropped before it finished: its request aborted");
    }

    #[test]
    fn api_requests_fall_back_to_the_sample_unless_the_worker_is_ready() {
        assert_eq!(route(true, &WorkerStatus::Ready), Route::AsTyped);
        assert_eq!(route(false, &WorkerStatus::Pending), Route::AsTyped);
        assert_eq!(route(true, &WorkerStatus::Pending), Route::Sample { why: "the service worker is not ready yet".into() });
        assert_eq!(route(true, &WorkerStatus::Unavailable("denied".into())), Route::Sample { why: "denied".into() });
        assert_eq!((Route::AsTyped.url("api/delay/1/a"), Route::Sample { why: String::new() }.url("api/delay/1/a")), ("api/delay/1/a", STATIC_SAMPLE));
    }

    #[test]
    fn the_source_never_claims_more_than_happened() {
        let worker = fetched(Ok(ok_answer(true)), &Route::AsTyped, 0.0, false);
        assert_eq!((worker.source, worker.status, worker.http_status), (Source::ServiceWorker, TaskStatus::Ok, Some(200)));
        assert_eq!(worker.detail, "HTTP 200, 61 bytes: {\"name\": \"data1\"}");
        let stretched = fetched(Ok(ok_answer(false)), &Route::AsTyped, 149.6, true);
        assert_eq!((stretched.source, stretched.added_ms), (Source::Simulated, Some(149.6)));
        assert!(stretched.detail.ends_with(" + simulated latency (150 ms added on the client)"), "{}", stretched.detail);
        let sample = fetched(Ok(ok_answer(false)), &Route::Sample { why: "no worker".into() }, 0.0, false);
        assert_eq!(sample.source, Source::Simulated);
        assert!(sample.detail.ends_with(" + simulated latency (data/sample.json instead: no worker)"), "{}", sample.detail);
        assert_eq!(fetched(Ok(ok_answer(false)), &Route::AsTyped, 0.0, true).source, Source::Network);
    }

    #[test]
    fn bad_answers_are_errors_that_say_why() {
        let not_found = Fetched { status: 404, ok: false, bytes: 0, preview: String::new(), ..ok_answer(false) };
        let r = fetched(Ok(not_found), &Route::AsTyped, 0.0, false);
        assert_eq!((r.status, r.detail.as_str()), (TaskStatus::Error, "HTTP 404 (not a success status), 0 bytes"));
        let huge = Fetched { bytes: BODY_CAP_BYTES + 10, capped: true, preview: String::new(), ..ok_answer(false) };
        assert!(fetched(Ok(huge), &Route::AsTyped, 0.0, false).detail.contains("stopped reading after 1048586 bytes (the cap is 1048576 bytes)"));
        let cors = fetched(Err(FetchError::Network("Failed to fetch".into())), &Route::AsTyped, 0.0, true);
        assert_eq!((cors.status, cors.source, cors.http_status), (TaskStatus::Error, Source::Network, None));
        assert!(cors.detail.starts_with("network error: Failed to fetch. The server may be unreachable, or it does not allow CORS"));
        let own = fetched(Err(FetchError::Network("Failed to fetch".into())), &Route::AsTyped, 0.0, false);
        assert!(own.detail.ends_with("The page's own server did not answer (offline?)"));
        assert_eq!(fetched(Err(FetchError::Body("reset".into())), &Route::AsTyped, 0.0, false).detail, "could not read the body: reset");
    }

    #[test]
    fn the_fails_switch_fails_only_successes() {
        let failed = with_fails_switch(slept(5), true);
        assert_eq!((failed.status, failed.detail.as_str()), (TaskStatus::Error, "slept 5 ms, then failed: its \"fails\" switch is on"));
        assert_eq!(with_fails_switch(slept(5), false), slept(5));
        let timeout = timed_out(TaskKind::Timer, 50);
        assert_eq!(with_fails_switch(timeout.clone(), true), timeout);
    }

    #[test]
    fn timeouts_and_loops_say_what_stopped() {
        assert_eq!(timed_out(TaskKind::Fetch, 10_000).detail, "timed out after 10000 ms: no answer; the request was aborted");
        assert_eq!(timed_out(TaskKind::Cpu, 5).source, Source::Cpu);
        assert_eq!(worked(1000, BusyLoop::Block, 1).detail, "busy 1000 ms without yielding");
        assert_eq!(worked(1000, BusyLoop::Yield, 250).detail, "busy 1000 ms in 250 slices, yielding between them");
    }

    #[test]
    fn a_framing_page_may_hear_the_size_of_a_body_but_never_its_text() {
        let answer = fetched(Ok(ok_answer(true)), &Route::AsTyped, 20.0, false);
        assert_eq!(answer.detail, "HTTP 200, 61 bytes: {\"name\": \"data1\"} + simulated latency (20 ms added on the client)");
        assert_eq!(answer.detail_without_body(), "HTTP 200, 61 bytes + simulated latency (20 ms added on the client)");
        let failed = with_fails_switch(fetched(Ok(ok_answer(true)), &Route::AsTyped, 0.0, false), true);
        assert_eq!(failed.detail_without_body(), "HTTP 200, 61 bytes, then failed: its \"fails\" switch is on");
        let empty = Fetched { preview: String::new(), ..ok_answer(true) };
        assert_eq!(fetched(Ok(empty), &Route::AsTyped, 0.0, false).detail_without_body(), "HTTP 200, 61 bytes");
    }

    #[test]
    fn only_fetches_reach_a_server_and_only_api_is_the_apps_own() {
        assert_eq!(reach(TaskKind::Timer, false), Reach::NoRequest);
        assert_eq!(reach(TaskKind::Cpu, true), Reach::NoRequest);
        assert_eq!(reach(TaskKind::Fetch, true), Reach::OwnEndpoint);
        assert_eq!(reach(TaskKind::Fetch, false), Reach::Elsewhere);
        let left = left_for_a_click("/private/me.json");
        assert_eq!((left.status, left.reach, left.http_status), (TaskStatus::Error, Reach::NoRequest, None));
        assert!(left.detail.contains("/private/me.json waits for a click"), "{}", left.detail);
    }
}
