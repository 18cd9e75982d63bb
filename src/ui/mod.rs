//! Leptos components: the lesson page and its panels. They read the session's signals and call
//! its methods; they import `session`, core and each other (shared pieces from `widgets`), never
//! `runtime`.

mod code_panel;
mod controls;
mod log_panel;
mod page;
mod predict;
mod replay;
mod results;
mod scale;
mod share;
mod task_editor;
mod timeline;
mod timeline_table;
mod totals;
mod widgets;

use crate::session::{hooks, Session};
use leptos::prelude::*;
use widgets::Panel;

/// The whole lesson page; with `embed=1`, its compact form for iframes. It only assembles.
#[component]
pub fn App(session: Session) -> impl IntoView {
    session.provide();
    hooks::use_address_bar(session);
    hooks::use_host_theme(session);
    let root = NodeRef::<leptos::html::Div>::new();
    hooks::use_autorun(session, root);
    hooks::use_prediction(session);
    // The panels below the controls and timelines render one browser task later, so the first
    // click is answered sooner; the page's layout above them does not move.
    let rest = RwSignal::new(false);
    set_timeout(move || rest.set(true), std::time::Duration::ZERO);
    let embed = session.embed;
    let lesson = session.lesson_texts();
    view! {
        <div class="lab" class:embedded=embed node_ref=root>
            {(!embed).then(|| view! { <page::LessonNav/> })}
            <page::Notices/>
            <section class="intro" aria-labelledby="lesson-title">
                // `heading=0`: hidden, still naming the section for assistive technology.
                <h2 id="lesson-title" hidden=!session.heading>{lesson.title}</h2>
                {(!embed).then(|| view! { <p>{lesson.intro}</p> })}
            </section>
            <Panel id="tasks" title="Tasks">
                <task_editor::TaskEditor/>
                <controls::Controls/>
                <page::NetworkNote/>
            </Panel>
            <Panel id="timeline" title="Timeline">
                // The run's result first, where the eye is; the figures' table stays below.
                <totals::Takeaway/>
                <predict::PredictResult/>
                <timeline::Timelines>
                    <predict::PredictForm/>
                </timeline::Timelines>
                <replay::ReplayBar/>
                {(!embed).then(|| view! { <timeline_table::TimelineTable/> })}
            </Panel>
            <Show when=move || rest.get()>
                {if embed { view! { <EmbedFolds/> }.into_any() } else { view! { <FullAppPanels/> }.into_any() }}
            </Show>
        </div>
    }
}

/// The full app's panels under the timeline: totals, results and log, the code, the Scale
/// control, sharing. On a wide screen the code sits beside the timelines, kept in view while they
/// scroll by (sticky) within its column, which ends before Scale: it never covers what follows.
#[component]
fn FullAppPanels() -> impl IntoView {
    view! {
        <Panel id="totals" title="Totals">
            <totals::Totals/>
        </Panel>
        <div class="columns">
            <Panel id="results" title="Results">
                <results::Results/>
            </Panel>
            <Panel id="log" title="Log">
                <log_panel::LogPanel/>
            </Panel>
        </div>
        <div class="code-column">
            <Panel id="code" title="Code">
                <code_panel::CodePanel/>
            </Panel>
        </div>
        <Panel id="scale" title="Scale">
            <scale::ScalePanel/>
        </Panel>
        <Panel id="share" title="Share and embed">
            <share::Share/>
        </Panel>
    }
}

/// An embed is result-first: the run's takeaway heads its timelines; under them the table, the
/// figures and the results wait behind disclosures, then the link to the full app.
#[component]
fn EmbedFolds() -> impl IntoView {
    view! {
        <div class="folds">
            <timeline_table::TimelineTable/>
            <details class="fold">
                <summary>"Figures"</summary>
                <totals::Totals/>
            </details>
            <details class="fold">
                <summary>
                    <h2 id="results-title">"Results"</h2>
                </summary>
                <results::Results/>
            </details>
            <share::OpenInLab/>
        </div>
    }
}
