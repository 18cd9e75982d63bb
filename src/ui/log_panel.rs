//! The log panel: the lesson's `print` lines with their timestamps, like the tutorial's output.

use crate::session::{Runs, Session};
use async_lab_core::format;
use leptos::prelude::*;

#[component]
pub fn LogPanel() -> impl IntoView {
    let res = expect_context::<Session>().resolution_ms;
    let shown = expect_context::<Runs>();
    let runs = move || {
        // Oldest first, of at most two: a general sort of `Run`s would cost the wasm a sort routine.
        match (shown.sequential.get(), shown.concurrent.get()) {
            (Some(a), Some(b)) if a.id > b.id => vec![b, a],
            (a, b) => a.into_iter().chain(b).collect(),
        }
    };
    let text = move || {
        let mut out = String::new();
        for run in runs() {
            out.push_str(&format!("# {} run #{}\n", run.mode.title(), run.id));
            for line in &run.log {
                out.push_str(&format!("[{:>10}] {}\n", format::ms(line.t_ms, res), line.text));
            }
        }
        if out.is_empty() {
            "Nothing printed yet.".to_owned()
        } else {
            out
        }
    };
    view! { <pre class="log" tabindex="0" aria-label="Log output" aria-live="off">{text}</pre> }
}
