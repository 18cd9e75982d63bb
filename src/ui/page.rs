//! The page's chrome around the lesson: the lesson links, URL notices and the network note.

use crate::session::Session;
use async_lab_core::work::WorkerStatus;
use async_lab_core::LessonId;
use leptos::prelude::*;

/// The lessons, as plain links: each loads with its own defaults, and leaving one ends its run.
#[component]
pub fn LessonNav() -> impl IntoView {
    let session = expect_context::<Session>();
    view! {
        <nav class="lessons" aria-label="Lessons">
            <ul>
                {LessonId::ALL
                    .into_iter()
                    .map(|id| {
                        view! {
                            <li>
                                <a href=format!("?lesson={}", id.as_str()) aria-current=(id == session.lesson).then_some("page")>
                                    {id.lesson().title}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// One line on where fetch tasks to `api/` are answered: the service worker, or the simulated path.
#[component]
pub fn NetworkNote() -> impl IntoView {
    let session = expect_context::<Session>();
    let text = move || {
        match session.network.get() {
        None | Some(WorkerStatus::Pending) => "Starting the service worker that answers api/… requests…".to_owned(),
        Some(WorkerStatus::Ready) => {
            "Delayed endpoints (api/delay/{ms}/{name}, api/status/{code}, api/bytes/{n}) are answered by this page's service worker.".to_owned()
        }
        Some(WorkerStatus::Unavailable(why)) => format!(
            "No service worker can run here ({why}). Fetch tasks to api/… fetch a static file for real and add the requested latency on the client: their lanes say \"simulated latency\"."
        ),
    }
    };
    let simulated = move || matches!(session.network.get(), Some(WorkerStatus::Unavailable(_)));
    view! { <p class="network fine" class:simulated=simulated role="status">{text}</p> }
}

/// Notices about the URL's parameters that fell back to defaults.
#[component]
pub fn Notices() -> impl IntoView {
    let session = expect_context::<Session>();
    view! {
        <Show when=move || session.notices.with(|n| !n.is_empty())>
            <div class="notice" role="status">
                <ul>{move || session.notices.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                <button type="button" on:click=move |_| session.notices.set(Vec::new())>"Dismiss"</button>
            </div>
        </Show>
    }
}
