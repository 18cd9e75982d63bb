//! Async Lab: asynchronous programming run for real in the browser, with Rust futures on a live timeline.
//!
//! Layers, one direction (ARCHITECTURE.md is the map): `ui` (Leptos components) → `session`
//! (state and intents) → `lessons` (the programs that run) and `runtime` (browser effects) →
//! `async_lab_core` (pure model, statistics, URL state, the report).

/// Exports for `make bench` (feature `bench` only).
#[cfg(feature = "bench")]
pub mod bench;
/// The lesson programs: the async Rust that runs and that the code panel shows.
pub mod lessons;
/// The panic hook and its plain-DOM error panel.
pub mod panic;
/// Browser effects behind small interfaces: clock, timers, fetch, frames, service worker, events.
pub mod runtime;
/// The app's state and the learner's intents: drafts, runs, the Scale panel, hooks.
pub mod session;
/// Leptos components only.
pub mod ui;

use async_lab_core::query;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Starts the app: reads the URL, replaces the static shell's placeholder and mounts the lesson page.
pub fn start() {
    panic::install();
    runtime::executor::install();
    runtime::visibility::watch();
    runtime::long_frames::watch();
    let window = web_sys::window().expect("a window");
    let document = window.document().expect("a document");
    let search = window.location().search().unwrap_or_default();
    let decoded = query::decode(&search);
    #[cfg(not(feature = "test-hooks"))]
    let _ = &search;
    runtime::theme::apply(decoded.state.theme);
    runtime::theme::apply_look(decoded.state.font.as_ref(), decoded.state.accent);
    if let Some(root) = document.document_element().filter(|_| decoded.state.embed) {
        let _ = root.class_list().add_1("embed");
    }
    let Some(app) = document.get_element_by_id("app").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    // The shell's "Loading" text goes; the page it painted stays.
    app.set_inner_text("");
    // The session owns signals and spawns tasks, so it is made inside the mounted reactive root.
    leptos::mount::mount_to(app, move || {
        let session = session::Session::new(decoded);
        view! { <ui::App session/> }
    })
    .forget();
    runtime::embed::report_height_changes();
    #[cfg(feature = "test-hooks")]
    if search.contains("test-panic=1") {
        leptos::task::spawn_local(async {
            runtime::timer::sleep(100).await;
            panic!("test-hooks: a deliberate panic to show the error panel");
        });
    }
}
