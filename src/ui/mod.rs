//! Leptos components: the lesson page and its panels. They read the session's signals and call its methods.

mod code_panel;
mod controls;
mod log_panel;
mod results;
mod scale;
mod share;
mod task_editor;
mod timeline;
mod totals;

use crate::runtime::embed::replace_query;
use crate::session::Session;
use leptos::prelude::*;

/// The whole lesson page; with `embed=1`, its compact form for iframes.
#[component]
pub fn App(session: Session) -> impl IntoView {
    provide_context(session);
    let lesson = session.lesson;
    let embed = session.embed;
    // The address bar always holds the state on screen, so it is a share link as it stands.
    Effect::new(move |previous: Option<()>| {
        let query = session.query(embed);
        if previous.is_none() {
            // replaceState costs a few ms: at start-up it waits a task, behind the first click, and
            // then reads the state again, so a change made meanwhile is not overwritten.
            let latest = move || untrack(|| session.query(embed));
            set_timeout(move || latest().iter().for_each(|q| replace_query(q)), std::time::Duration::ZERO);
        } else if let Some(query) = query {
            replace_query(&query);
        }
    });
    // The panels below the controls and timelines render one browser task later, so the first
    // click is answered sooner; the page's layout above them does not move.
    let rest = RwSignal::new(false);
    set_timeout(move || rest.set(true), std::time::Duration::ZERO);
    let root = NodeRef::<leptos::html::Div>::new();
    if session.autorun {
        Effect::new(move |_| {
            if let Some(element) = root.get() {
                leptos::task::spawn_local(session.autorun_when_seen(element.into()));
            }
        });
    }
    view! {
        <div class="lab" class:embedded=embed node_ref=root>
            <Show when=move || !embed>
                <LessonNav/>
            </Show>
            <Notices/>
            <NetworkNote/>
            <section class="intro" aria-labelledby="lesson-title">
                <h2 id="lesson-title">{move || lesson.get().title}</h2>
                <Show when=move || !embed>
                    <p>{move || lesson.get().intro}</p>
                </Show>
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
            <Show when=move || rest.get()>
                <div class="columns">
                    <section class="panel" aria-labelledby="results-title">
                        <h2 id="results-title">"Results"</h2>
                        <results::Results/>
                    </section>
                    <Show when=move || !embed>
                        <section class="panel" aria-labelledby="log-title">
                            <h2 id="log-title">"Log"</h2>
                            <log_panel::LogPanel/>
                        </section>
                    </Show>
                </div>
                <Show when=move || !embed fallback=|| view! { <share::OpenInLab/> }>
                    <section class="panel" aria-labelledby="code-title">
                        <h2 id="code-title">"Code"</h2>
                        <code_panel::CodePanel/>
                    </section>
                    <section class="panel" aria-labelledby="scale-title">
                        <h2 id="scale-title">"Scale"</h2>
                        <scale::Scale/>
                    </section>
                    <section class="panel" aria-labelledby="share-title">
                        <h2 id="share-title">"Share and embed"</h2>
                        <share::Share/>
                    </section>
                </Show>
            </Show>
        </div>
    }
}

/// The lessons, as plain links: each loads with its own defaults, and leaving one ends its run.
#[component]
fn LessonNav() -> impl IntoView {
    let session = expect_context::<Session>();
    let current = session.lesson.get_untracked().id;
    view! {
        <nav class="lessons" aria-label="Lessons">
            <ul>
                {async_lab_core::lesson::LESSONS
                    .iter()
                    .map(|l| {
                        view! {
                            <li>
                                <a href=format!("?lesson={}", l.id) aria-current=(l.id == current).then_some("page")>{l.title}</a>
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
fn NetworkNote() -> impl IntoView {
    use crate::runtime::service_worker::Status;
    let session = expect_context::<Session>();
    let text = move || match session.network.get() {
        None | Some(Status::Pending) => "Starting the service worker that answers api/… requests…".to_owned(),
        Some(Status::Ready) => "Delayed endpoints (api/delay/{ms}/{name}, api/status/{code}, api/bytes/{n}) are answered by this page's service worker.".to_owned(),
        Some(Status::Unavailable(why)) => format!(
            "No service worker can run here ({why}). Fetch tasks to api/… fetch a static file for real and add the requested latency on the client: their lanes say \"simulated latency\"."
        ),
    };
    let simulated = move || matches!(session.network.get(), Some(Status::Unavailable(_)));
    view! { <p class="network fine" class:simulated=simulated role="status">{text}</p> }
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

/// The CSS class of a task's state, shared by the timeline's lanes and the result lists.
pub(crate) fn status_class(status: async_lab_core::TaskStatus) -> &'static str {
    use async_lab_core::TaskStatus;
    match status {
        TaskStatus::Waiting => "waiting",
        TaskStatus::Running => "running",
        TaskStatus::Ok => "done",
        TaskStatus::Error => "failed",
        TaskStatus::Cancelled => "cancelled",
        TaskStatus::Timeout => "timeout",
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
