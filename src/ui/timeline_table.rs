//! The timeline as a table: each task's mode, state, requested and measured times, detail and polls.

use super::widgets::Table;
use crate::session::{Runs, Session};
use async_lab_core::format;
use async_lab_core::trace::Lane as TraceLane;
use leptos::prelude::*;

/// The timeline as a table, for screen readers and for anyone who wants the numbers; under the
/// replay bar (the page assembles them), hidden until there is a run.
#[component]
pub fn TimelineTable() -> impl IntoView {
    let runs = expect_context::<Runs>();
    let resolution = expect_context::<Session>().resolution_ms;
    let cell = move |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| format::ms(v, resolution));
    let rows = move || {
        runs.latest().with(|run| {
            run.as_ref().map(|run| {
                let mode = run.mode.title();
                // The lanes' tooltips, for keyboard and screen-reader users: once the run has ended.
                let ended = run.wall_ms.is_some();
                let polls = move |index: usize| match ended {
                    true => run.trace.stats(TraceLane::Task(index)).describe(resolution),
                    false => "—".to_owned(),
                };
                run.tasks
                    .iter()
                    .enumerate()
                    .map(|(index, t)| {
                        view! {
                            <tr>
                                <td>{mode}</td>
                                <th scope="row">{t.spec.label.clone()}</th>
                                <td>{t.status().label()}</td>
                                <td>{format!("{} ms", t.spec.delay_ms)}</td>
                                <td>{cell(t.start_ms)}</td>
                                <td>{cell(t.end_ms)}</td>
                                <td>{cell(t.duration_ms())}</td>
                                <td>{t.result.detail.clone()}</td>
                                <td>{polls(index)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let thread = move || runs.latest().with(|run| run.as_ref().and_then(|run| Some(run.trace.thread_sentence(run.wall_ms?, resolution))));
    view! {
        <details class="timeline-table" hidden=move || !runs.any_shown()>
            <summary>"Timeline as a table"</summary>
            <Table columns=&["Mode", "Task", "State", "Requested", "Start", "End", "Duration", "Detail", "Polls and waiting"]>
                {rows}
            </Table>
            <p class="fine">{thread}</p>
        </details>
    }
}
