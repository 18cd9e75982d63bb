//! The work one task does: a timer, a real fetch with its requested latency, or a busy loop.
//! What each outcome means (status, source, detail) is decided in core's `work` module.

use super::clock::now;
use super::cpu;
use super::fetch::Request;
use super::location::{is_api, same_origin};
use super::service_worker;
use super::timer::{sleep, sleep_until};
use async_lab_core::budget::StartedBy;
use async_lab_core::task::DEFAULT_TIMEOUT_MS;
use async_lab_core::work::{fetched, left_for_a_click, reach, route, simulated_flaky, slept, timed_out, with_fails_switch, worked, Route};
use async_lab_core::{BusyLoop, Reach, RunPlan, TaskKind, TaskResult, TaskSpec};
use futures::future::{select, Either};

/// How the tasks of a run behave, as the learner set it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// How CPU tasks spin.
    pub busy_loop: BusyLoop,
    /// How long any task may take before it is stopped with status `timeout`.
    pub timeout_ms: u32,
    /// Autorun fetches only the app's own endpoints, whatever URL a lesson builds.
    pub started_by: StartedBy,
}

impl Options {
    /// How the tasks of a run planned with `plan`'s options behave, started by `started_by`.
    pub fn of(plan: &RunPlan, started_by: StartedBy) -> Options {
        Options { busy_loop: plan.options.busy_loop, timeout_ms: plan.options.timeout_ms, started_by }
    }
}

impl Default for Options {
    fn default() -> Options {
        Options { busy_loop: BusyLoop::Block, timeout_ms: DEFAULT_TIMEOUT_MS, started_by: StartedBy::Click }
    }
}

/// Does a task's work and says how it went, and whose server it asked, which decides what a
/// framing page may hear of it. Started by autorun, it sends no request but to the app's own endpoints.
pub async fn perform_task(spec: &TaskSpec, options: Options) -> TaskResult {
    // Only a fetch has a URL to resolve: a timer's poll stays free of it.
    let reach = reach(spec.kind, spec.kind == TaskKind::Fetch && is_api(&spec.url));
    if reach == Reach::Elsewhere && options.started_by == StartedBy::Autorun {
        return left_for_a_click(&spec.url);
    }
    TaskResult { reach, ..perform(spec, options).await }
}

// region:also-runs *: every task's work, raced against its timeout (src/runtime/work.rs)
/// Does a task's work and says how it went, stopping it after the timeout. Cancelling is
/// dropping the future: its timer is cleared, its request aborted, its busy loop stopped at
/// the next slice.
pub async fn perform(spec: &TaskSpec, options: Options) -> TaskResult {
    let work = Box::pin(perform_untimed(spec, options.busy_loop));
    match select(work, Box::pin(sleep(options.timeout_ms))).await {
        Either::Left((result, _)) => result,
        // Dropping the work here aborts its request.
        Either::Right(_) => timed_out(spec.kind, options.timeout_ms),
    }
}
// endregion

async fn perform_untimed(spec: &TaskSpec, busy_loop: BusyLoop) -> TaskResult {
    match spec.kind {
        TaskKind::Timer => {
            sleep(spec.delay_ms).await;
            with_fails_switch(slept(spec.delay_ms), spec.fails)
        }
        TaskKind::Cpu => {
            let slices = cpu::busy(f64::from(spec.delay_ms), busy_loop).await;
            with_fails_switch(worked(spec.delay_ms, busy_loop, slices), spec.fails)
        }
        TaskKind::Fetch => with_fails_switch(fetch(spec).await, spec.fails),
    }
}

async fn fetch(spec: &TaskSpec) -> TaskResult {
    let deadline = now() + f64::from(spec.delay_ms);
    // Without a service worker nothing answers api/: fetch a static file for real instead.
    let own = is_api(&spec.url);
    let route = route(own, &service_worker::status());
    let url = route.url(&spec.url);
    let request = match &route {
        Route::AsTyped if own => Request::to_own_endpoint(url),
        Route::AsTyped | Route::Sample { .. } => Request::get(url),
    };
    let answer = request.send().await;
    // A success that came sooner is stretched to the requested latency on the client and labelled
    // as simulated, so a lane never claims a slow server that was not. A failure is not padded:
    // its lane ends when the failure was observed.
    let answered = now();
    let stretched = matches!(&answer, Ok(r) if r.ok) && answered < deadline;
    // The wait the client added, measured: the lane draws it apart from the real answer's time.
    let added_ms = if stretched {
        sleep_until(deadline).await;
        now() - answered
    } else {
        0.0
    };
    let cross_origin = !same_origin(url);
    let result = fetched(answer, &route, added_ms, cross_origin);
    match route {
        // Nothing answered api/: a flaky URL's rule is applied here instead, and says so.
        Route::Sample { .. } => simulated_flaky(result, &spec.url),
        Route::AsTyped => result,
    }
}
