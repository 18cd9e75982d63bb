//! Leptos components: the lesson page and its panels. They read the session's signals and call its methods.

mod code_panel;
mod controls;
mod log_panel;
mod results;
mod task_editor;
mod timeline;
mod totals;

use crate::session::Session;
use leptos::prelude::*;

/// The whole lesson page.
#[component]
pub fn App(session: Session) -> impl IntoView {
    provide_context(session);
    let lesson = session.lesson;
    view! {
        <Notices/>
        <section class="intro" aria-labelledby="lesson-title">
            <h2 id="lesson-title">{move || lesson.get().title}</h2>
            <p>{move || lesson.get().intro}</p>
        </section>
        <section class="panel" aria-labelledby="tasks-title">
            <h2 id="tasks-title">"Tasks"</h2>
            <task_editor::TaskEditor/>
            <controls::Controls/>
        </section>
        <section class="panel" aria-labelledby="timeline-title">
            <h2 id="timeline-title">"Timeline"</h2>
            <timeline::Timelines/>
        </section>
        <section class="panel" aria-labelledby="totals-title">
            <h2 id="totals-title">"Totals"</h2>
            <totals::Totals/>
        </section>
        <div class="columns">
            <section class="panel" aria-labelledby="results-title">
                <h2 id="results-title">"Results"</h2>
                <results::Results/>
            </section>
            <section class="panel" aria-labelledby="log-title">
                <h2 id="log-title">"Log"</h2>
                <log_panel::LogPanel/>
            </section>
        </div>
        <section class="panel" aria-labelledby="code-title">
            <h2 id="code-title">"Code"</h2>
            <code_panel::CodePanel/>
        </section>
    }
}

/// Notices about the URL's parameters that fell back to defaults.
#[component]
fn Notices() -> impl IntoView {
    let session = expect_context::<Session>();
    view! {
        <Show when=move || session.notices.with(|n| !n.is_empty())>
            <div class="notice" role="status">
                <ul>
                    {move || session.notices.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
                <button type="button" on:click=move |_| session.notices.set(Vec::new())>"Dismiss"</button>
            </div>
        </Show>
    }
}

/// The most recent run of either mode: the one in flight, or else the last one shown.
pub(crate) fn latest_run(session: Session) -> Option<async_lab_core::Run> {
    let seq = session.sequential.get();
    let conc = session.concurrent.get();
    match (seq, conc) {
        (Some(a), Some(b)) => Some(if a.id > b.id { a } else { b }),
        (a, b) => a.or(b),
    }
}
