//! Results of the latest run, in submission order (what `join_all` returns) and in completion order.

use super::widgets::status_class;
use crate::session::{Runs, Session};
use async_lab_core::run::TaskRecord;
use async_lab_core::{format, TaskStatus};
use leptos::prelude::*;

#[component]
pub fn Results() -> impl IntoView {
    let res = expect_context::<Session>().resolution_ms;
    let runs = expect_context::<Runs>();
    let item = move |t: &TaskRecord| {
        let when = t.end_ms.map(|e| format!(" at {}", format::ms(e, res))).unwrap_or_default();
        let text = match t.status() {
            TaskStatus::Ok => format!("{} ✓{when}", t.spec.label),
            TaskStatus::Waiting | TaskStatus::Running => format!("{} …", t.spec.label),
            s => format!("{} — {}{when}", t.spec.label, s.label()),
        };
        view! { <li class=format!("result {}", status_class(t.status()))>{text}</li> }
    };
    let submitted = move || runs.latest().with(|r| r.as_ref().map(|r| r.tasks.iter().map(item).collect_view()));
    let completed = move || runs.latest().with(|r| r.as_ref().map(|r| r.completion_order.iter().filter_map(|&i| r.tasks.get(i)).map(item).collect_view()));
    let mode = move || runs.latest().with(|r| r.as_ref().map(|r| format!("{} run #{}", r.mode.title(), r.id)));
    view! {
        // Both parts built once, one hidden by attribute: cheaper in the wasm than a `Show`.
        <p class="empty" hidden=move || mode().is_some()>"No results yet."</p>
        <div hidden=move || mode().is_none()>
            <p class="fine">{mode}</p>
            <div class="result-lists">
                <div>
                    <h3 id="submission-order">"Submission order"</h3>
                    <ol aria-labelledby="submission-order">{submitted}</ol>
                </div>
                <div>
                    <h3 id="completion-order">"Completion order"</h3>
                    <ol aria-labelledby="completion-order">{completed}</ol>
                </div>
            </div>
        </div>
    }
}
