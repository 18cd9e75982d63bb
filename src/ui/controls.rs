//! The run buttons: Run sequentially, Run concurrently, Run both and Cancel.

use crate::session::Session;
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
        <p class="problem" role="alert">{move || session.problem.get()}</p>
    }
}
