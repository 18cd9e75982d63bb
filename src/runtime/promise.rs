//! A task's work as a JavaScript promise: started when created and never cancelled, as JavaScript
//! runs it. race's JS lanes; awaiting one only watches it, and dropping that wait stops nothing.

use super::location::{is_api, same_origin};
use super::{cpu, fetch, service_worker};
use async_lab_core::budget::StartedBy;
use async_lab_core::work::{fetched, left_for_a_click, reach, route, settled_promise, slept, with_fails_switch, worked, Route};
use async_lab_core::{BusyLoop, Reach, TaskKind, TaskResult, TaskSpec};
use js_sys::Promise;
use wasm_bindgen_futures::JsFuture;

/// A task's promise, already running (or the reason it never started).
pub struct Eager {
    started: Result<Promise, TaskResult>,
    spec: TaskSpec,
    route: Route,
    reach: Reach,
}

/// Starts `spec`'s work now, as `new Promise(…)` or `fetch()` would: a timer is a `setTimeout`, a
/// fetch is sent with no `AbortSignal`, a busy loop runs inside the promise's executor, at once.
/// Started by autorun, it sends no request but to the app's own endpoints.
pub fn start(spec: &TaskSpec, started_by: StartedBy) -> Eager {
    let own = spec.kind == TaskKind::Fetch && is_api(&spec.url);
    let reach = reach(spec.kind, own);
    let route = route(own, &service_worker::status());
    let ms = spec.delay_ms;
    let started = match (spec.kind, reach, started_by) {
        (TaskKind::Fetch, Reach::Elsewhere, StartedBy::Autorun) => Err(left_for_a_click(&spec.url)),
        (TaskKind::Fetch, ..) => {
            let url = route.url(&spec.url);
            fetch::unstoppable(url, own).map_err(|e| fetched(Err(e), &route, 0.0, !same_origin(url)))
        }
        (TaskKind::Timer, ..) => Ok(Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
            }
        })),
        (TaskKind::Cpu, ..) => Ok(Promise::new(&mut |resolve, _| {
            cpu::spin(f64::from(ms));
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        })),
    };
    Eager { started, spec: spec.clone(), route, reach }
}

impl Eager {
    /// The promise itself, for `Promise.race` and its kin.
    pub fn promise(&self) -> Option<&Promise> {
        self.started.as_ref().ok()
    }

    /// Waits for the promise to settle, and says how its work went.
    pub async fn settled(self) -> TaskResult {
        let promise = match self.started {
            Ok(promise) => promise,
            Err(refused) => return refused,
        };
        let settled = JsFuture::from(promise).await;
        let result = match self.spec.kind {
            TaskKind::Timer => slept(self.spec.delay_ms),
            TaskKind::Cpu => worked(self.spec.delay_ms, BusyLoop::Block, 1),
            TaskKind::Fetch => {
                let url = self.route.url(&self.spec.url);
                fetched(fetch::answer(settled).await, &self.route, 0.0, !same_origin(url))
            }
        };
        TaskResult { reach: self.reach, ..settled_promise(with_fails_switch(result, self.spec.fails)) }
    }
}
