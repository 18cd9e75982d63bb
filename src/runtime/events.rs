//! Run events for the page and its embedder: the `async-lab:run` CustomEvent and the parent's messages.

use async_lab_core::json::Object;
use async_lab_core::RunReport;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit};

/// The name of the event dispatched on `window` after every finished run.
pub const RUN_EVENT: &str = "async-lab:run";

/// Dispatches `async-lab:run` with the report in `detail`, and in an iframe posts `for_parent`
/// (core's `embed::for_parent`: `None` when the run may not be told to a framing page).
pub fn dispatch_run(report: &RunReport, for_parent: Option<&RunReport>) {
    let Some(window) = web_sys::window() else { return };
    if let Some(detail) = to_js(&report.to_json()) {
        let init = CustomEventInit::new();
        init.set_detail(&detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(RUN_EVENT, &init) {
            let _ = window.dispatch_event(&event);
        }
    }
    if let Some(run) = for_parent {
        post_to_parent(&Message::Run { run: run.clone() });
    }
}

/// What an embedded Async Lab tells its parent page.
pub enum Message {
    Run { run: RunReport },
    Resize { height: u32 },
}

impl Message {
    /// `{ "source": "async-lab", "type": …, … }`, the shape README's contract gives.
    fn to_json(&self) -> String {
        let mut out = String::new();
        let mut o = Object::open(&mut out);
        o.str("source", "async-lab");
        match self {
            Message::Run { run } => {
                o.str("type", "run");
                o.with("run", |out| run.write_json(out));
            }
            Message::Resize { height } => {
                o.str("type", "resize");
                o.int("height", (*height).into());
            }
        }
        o.close();
        out
    }
}

/// Posts the message to the parent, when there is one. Nothing else is ever posted, and `*` is
/// safe for it: a posted report holds nothing read from a response, no query strings, and nothing
/// of URLs other than the app's own endpoints.
pub fn post_to_parent(message: &Message) {
    let Some(parent) = parent() else { return };
    if let Some(value) = to_js(&message.to_json()) {
        let _ = parent.post_message(&value, "*");
    }
}

/// The parent window, if this page is in a frame.
pub fn parent() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&window, &parent)).then_some(parent)
}

/// JSON text as a plain JS object.
fn to_js(json: &str) -> Option<JsValue> {
    js_sys::JSON::parse(json).ok()
}
