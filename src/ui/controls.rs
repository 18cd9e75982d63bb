//! The run buttons: Run sequentially, Run concurrently, Run both and Cancel.

use crate::runtime::cpu::Style;
use crate::session::Session;
use async_lab_core::task::{parse_timeout, MAX_TIMEOUT_MS};
use async_lab_core::Mode;
use leptos::prelude::*;

#[component]
pub fn Controls() -> impl IntoView {
    let session = expect_context::<Session>();
    view! {
        <div class="controls" role="group" aria-label="Run">
            <button type="button" class="primary" on:click=move |_| session.run(Mode::Sequential)>"Run sequentially"</button>
            <button type="button" class="primary" on:click=move |_| session.run(Mode::Concurrent)>"Run concurrently"</button>
            <button type="button" class="primary" on:click=move |_| session.run_both()>"Run both"</button>
            <button type="button" class="danger" disabled=move || !session.is_running() on:click=move |_| session.cancel()>"Cancel"</button>
            <span class="run-state" role="status">
                {move || session.in_flight.get().map(|m| format!("{} run in flight…", m.title()))}
            </span>
        </div>
        <LessonControls/>
        <div class="run-options">
            <super::task_editor::Input
                id="timeout".to_owned()
                label="Timeout (ms)"
                hint=format!("per task, 1–{MAX_TIMEOUT_MS}")
                value=Signal::derive(move || session.timeout.get())
                on_input=move |ev| session.timeout.set(event_target_value(&ev))
                error=Signal::derive(move || parse_timeout(&session.timeout.get()).err().map(|e| e.message))
                accessible="Timeout in ms for each task".to_owned()
                numeric=true
            />
        </div>
        <p class="problem" role="alert">{move || session.problem.get()}</p>
    }
}

/// Controls that belong to one lesson: async-fn's Create future / Await it, cpu-bound's Block / Yield.
#[component]
fn LessonControls() -> impl IntoView {
    let session = expect_context::<Session>();
    let lesson = move || session.lesson.get().id;
    view! {
        <Show when=move || lesson() == "async-fn">
            <div class="controls lesson-controls" role="group" aria-label="Lazy future">
                <button type="button" on:click=move |_| session.create_future()>"Create future"</button>
                <button type="button" disabled=move || !session.awaiting.get() on:click=move |_| session.await_it()>"Await it"</button>
                <span class="fine">
                    {move || if session.awaiting.get() { "The future exists and nothing runs: its lane stays empty until you await it." } else { "" }}
                </span>
            </div>
        </Show>
        <Show when=move || lesson() == "cpu-bound">
            <fieldset class="controls lesson-controls choice">
                <legend>"Busy loop"</legend>
                <StyleChoice style=Style::Block label="Block" hint="spin until done"/>
                <StyleChoice style=Style::Yield label="Yield" hint="4 ms slices, yielding between them"/>
            </fieldset>
        </Show>
    }
}

#[component]
fn StyleChoice(style: Style, label: &'static str, hint: &'static str) -> impl IntoView {
    let session = expect_context::<Session>();
    view! {
        <label class="radio">
            <input
                type="radio"
                name="busy-style"
                prop:checked=move || session.style.get() == style
                on:change=move |_| session.style.set(style)
            />
            {label}
            <small>{format!(" ({hint})")}</small>
        </label>
    }
}
