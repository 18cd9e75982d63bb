//! The run buttons (Run sequentially, Run concurrently, Run both, Cancel), the lesson's own
//! controls (Create future / Await it, Busy loop, Deadline, On error), and the timeout field.

use super::widgets::{Choice, Input};
use crate::session::{Drafts, Runs, Session};
use async_lab_core::lesson::Controls;
use async_lab_core::task::{parse_deadline, parse_fail_first, parse_limit, parse_timeout, MAX_DELAY_MS, MAX_TIMEOUT_MS};
use async_lab_core::{BusyLoop, OnError};
use leptos::prelude::*;

#[component]
pub fn Controls() -> impl IntoView {
    let runs = expect_context::<Runs>();
    let drafts = expect_context::<Drafts>();
    view! {
        <div class="controls" role="group" aria-label="Run">
            <button type="button" class="primary" on:click=move |_| runs.run_sequentially()>"Run sequentially"</button>
            <button type="button" class="primary" on:click=move |_| runs.run_concurrently()>"Run concurrently"</button>
            <button type="button" class="primary" on:click=move |_| runs.run_both()>"Run both"</button>
            <button type="button" class="danger" disabled=move || !runs.is_running() on:click=move |_| runs.cancel()>"Cancel"</button>
            <span class="run-state" role="status">{move || runs.in_flight.get().map(|m| format!("{} run in flight…", m.title()))}</span>
        </div>
        <LessonControls/>
        <div class="run-options">
            <Input
                id="timeout".to_owned()
                label="Timeout (ms)"
                hint=format!("per task, 1–{MAX_TIMEOUT_MS}")
                value=drafts.timeout
                on_input=move |ev| drafts.timeout.set(event_target_value(&ev))
                error=move || parse_timeout(&drafts.timeout.get()).err().map(|e| e.message)
                accessible="Timeout in ms for each task".to_owned()
                numeric=true
            />
        </div>
        <p class="problem" role="alert">{move || drafts.problem.get()}</p>
    }
}

/// The lesson's own controls (`Lesson::controls`): async-fn's Create future / Await it,
/// cpu-bound's Block / Yield, timeout's deadline, limit's limit, retry's fail first, errors' fail
/// fast / settle.
#[component]
fn LessonControls() -> impl IntoView {
    let session = expect_context::<Session>();
    let drafts = expect_context::<Drafts>();
    match session.lesson.lesson().controls {
        Controls::CreateFuture => view! { <LazyFutureControls/> }.into_any(),
        Controls::BusyLoop => view! {
            <fieldset class="controls lesson-controls choice">
                <legend>"Busy loop"</legend>
                <Choice name="busy-loop" picked=drafts.busy_loop value=BusyLoop::Block label="Block" hint="spin until done"/>
                <Choice name="busy-loop" picked=drafts.busy_loop value=BusyLoop::Yield label="Yield" hint="4 ms slices, yielding between them"/>
            </fieldset>
        }
        .into_any(),
        Controls::Deadline => view! {
            <LessonNumber id="deadline" label="Deadline (ms)" hint=format!("each request's, 1–{MAX_DELAY_MS}") value=drafts.deadline
                check=|t| parse_deadline(t).err().map(|e| e.message) accessible="Deadline in ms"/>
        }
        .into_any(),
        Controls::Limit => view! {
            <LessonNumber id="limit" label="Limit" hint="requests in flight at once, 1–10".to_owned() value=drafts.limit
                check=|t| parse_limit(t).err().map(|e| e.message) accessible="Most requests in flight at once"/>
        }
        .into_any(),
        Controls::FailFirst => view! {
            <LessonNumber id="fail-first" label="Fail first" hint="attempts at each request that get 503, 0–5".to_owned() value=drafts.fail_first
                check=|t| parse_fail_first(t).err().map(|e| e.message) accessible="Failed attempts before success"/>
        }
        .into_any(),
        Controls::OnError => view! {
            <fieldset class="controls lesson-controls choice">
                <legend>"On error"</legend>
                <Choice name="on-error" picked=drafts.on_error value=OnError::FailFast label="Fail fast" hint="try_join_all: the first error drops the rest"/>
                <Choice name="on-error" picked=drafts.on_error value=OnError::Settle label="Settle" hint="join_all: every task ends, each with its result"/>
            </fieldset>
        }
        .into_any(),
        Controls::RunOnly => ().into_any(),
    }
}

/// async-fn: create the future now, await it when the learner says so.
#[component]
fn LazyFutureControls() -> impl IntoView {
    let runs = expect_context::<Runs>();
    view! {
        <div class="controls lesson-controls" role="group" aria-label="Lazy future">
            <button type="button" on:click=move |_| runs.create_future()>"Create future"</button>
            <button type="button" disabled=move || !runs.awaiting.get() on:click=move |_| runs.await_it()>"Await it"</button>
            <span class="fine">
                {move || if runs.awaiting.get() { "The future exists and nothing runs: its lane stays empty until you await it." } else { "" }}
            </span>
        </div>
    }
}

/// A lesson's own number (timeout's deadline, limit's limit, retry's failures), as typed, with its message.
#[component]
fn LessonNumber(
    id: &'static str,
    label: &'static str,
    hint: String,
    value: RwSignal<String>,
    check: fn(&str) -> Option<String>,
    accessible: &'static str,
) -> impl IntoView {
    view! {
        <div class="controls lesson-controls">
            <Input
                id=id.to_owned()
                label=label
                hint=hint
                value=value
                on_input=move |ev| value.set(event_target_value(&ev))
                error=move || value.with(|t| check(t))
                accessible=accessible.to_owned()
                numeric=true
            />
        </div>
    }
}
