//! Run events for the page and its embedder: the `async-lab:run` CustomEvent.

use async_lab_core::RunReport;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit};

/// The name of the event dispatched on `window` after every finished run.
pub const RUN_EVENT: &str = "async-lab:run";

/// Dispatches `async-lab:run` with the report as a plain JS object in `detail`.
pub fn dispatch_run(report: &RunReport) {
    let Some(window) = web_sys::window() else { return };
    let Some(detail) = to_js(report) else { return };
    let init = CustomEventInit::new();
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(RUN_EVENT, &init) {
        let _ = window.dispatch_event(&event);
    }
}

/// The report as a JS object, through JSON so its shape is exactly the serde one.
fn to_js(report: &RunReport) -> Option<JsValue> {
    let json = serde_json::to_string(report).ok()?;
    js_sys::JSON::parse(&json).ok()
}
