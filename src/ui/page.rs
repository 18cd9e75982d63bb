//! The page's chrome around the lesson: the lesson links, URL notices and the network note.

use crate::session::Session;
use async_lab_core::work::WorkerStatus;
use async_lab_core::LessonId;
use leptos::prelude::*;

/// The lessons, as plain links numbered in teaching order (`LessonId::PATH`): each loads with its
/// own defaults, and leaving one ends its run. On a narrow screen they are one row that scrolls,
/// the current lesson its initial scroll target (the stylesheet's `scroll-initial-target`). The
/// stylesheet numbers them (the list's own `list-item` counter: the list is `PATH`'s order, so each number is `step`).
#[component]
pub fn LessonNav() -> impl IntoView {
    let session = expect_context::<Session>();
    view! {
        <nav class="lessons" aria-label="Lessons">
            <ol>
                {LessonId::PATH
                    .into_iter()
                    .map(|id| {
                        view! {
                            <li>
                                <a href=id.href() aria-current=(id == session.lesson).then_some("page")>
                                    {id.lesson().short}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}

/// One line on where fetch tasks to `api/` are answered, shown only while a task fetches: the
/// service worker, or the simulated path, with the browser's reason behind a disclosure.
#[component]
pub fn NetworkNote() -> impl IntoView {
    let session = expect_context::<Session>();
    let why = move || match session.network.get() {
        Some(WorkerStatus::Unavailable(why)) => Some(why),
        None | Some(WorkerStatus::Pending) | Some(WorkerStatus::Ready) => None,
    };
    let text = move || match session.network.get() {
        None | Some(WorkerStatus::Pending) => "Starting the service worker that answers api/… requests…",
        // An embed's line is no longer than its simulated one: the frame's reserved height holds either.
        Some(WorkerStatus::Ready) if session.embed => "Requests to api/… are answered by this page's service worker, with real delays.",
        Some(WorkerStatus::Ready) => "Delayed endpoints (api/delay/{ms}/{name}, api/status/{code}, api/bytes/{n}) are answered by this page's service worker.",
        // An embed's frame on another site: the full app, one click away, has the worker.
        Some(WorkerStatus::Unavailable(_)) if session.embed => "Requests here use simulated latency; open the full app for real delayed endpoints.",
        Some(WorkerStatus::Unavailable(_)) => "Requests here use simulated latency: no service worker can run on this page.",
    };
    view! {
        <div class="network fine" class:simulated=move || why().is_some() role="status" hidden=move || !session.drafts.has_fetch()>
            {text}
            <details hidden=move || why().is_none()>
                <summary>"Why"</summary>
                {move || why().unwrap_or_default()}
            </details>
        </div>
    }
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
