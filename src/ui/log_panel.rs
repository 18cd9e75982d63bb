//! The log panel: the lesson's `print` lines with their timestamps, like the tutorial's output.

use crate::session::{Runs, Session};
use async_lab_core::format;
use leptos::prelude::*;

#[component]
pub fn LogPanel() -> impl IntoView {
    let res = expect_context::<Session>().resolution_ms;
    let shown = expect_context::<Runs>();
    // Read in place: a shown run holds its whole trace, too much to copy for its log lines.
    let text = move || {
        let mut out = String::new();
        shown.sequential.with(|a| {
            shown.concurrent.with(|b| {
                // Oldest first, of at most two: a general sort of `Run`s would cost the wasm a sort routine.
                let (first, second) = match (a, b) {
                    (Some(x), Some(y)) if x.id > y.id => (b, a),
                    _ => (a, b),
                };
                for run in first.iter().chain(second) {
                    out.push_str(&format!("# {} run #{}\n", run.mode.title(), run.id));
                    for line in &run.log {
                        out.push_str(&format!("[{:>10}] {}\n", format::ms(line.t_ms, res), line.text));
                    }
                }
            })
        });
        if out.is_empty() {
            "Nothing printed yet.".to_owned()
        } else {
            out
        }
    };
    view! { <pre class="log" tabindex="0" aria-label="Log output" aria-live="off">{text}</pre> }
}
