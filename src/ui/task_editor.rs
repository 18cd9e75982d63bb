//! The task editor behind **Edit tasks**: one row per task (label, kind, delay, URL, fails) and Add, Remove, Reset.

use super::widgets::Input;
use crate::session::{DraftRow, Drafts, Runs, Session};
use async_lab_core::task::{Field, MAX_DELAY_MS, MAX_LABEL_CHARS, MAX_URL_CHARS};
use async_lab_core::TaskKind;
use leptos::prelude::*;

#[component]
pub fn TaskEditor() -> impl IntoView {
    let session = expect_context::<Session>();
    let drafts = session.drafts;
    let numbered = move || drafts.rows.get().into_iter().enumerate().collect::<Vec<_>>();
    // Set once, when the first run folds it; the learner's own toggles stay the browser's.
    let open = expect_context::<Runs>().editor_open;
    view! {
        <details class="editor" prop:open=move || open.get()>
        <summary>"Edit tasks"</summary>
        <div class="task-list">
            <For each=numbered key=|(_, row)| row.id let:item>
                <TaskRow number=item.0 + 1 row=item.1/>
            </For>
        </div>
        <div class="editor-actions">
            <button type="button" disabled=move || !drafts.can_add() on:click=move |_| drafts.add_task()>"Add task"</button>
            <button type="button" disabled=move || !drafts.can_remove() on:click=move |_| drafts.remove_task()>"Remove task"</button>
            <button type="button" on:click=move |_| session.reset()>"Reset"</button>
        </div>
        </details>
    }
}

/// One editable task. Every field shows its own message, naming the limit and the value received.
#[component]
fn TaskRow(number: usize, row: DraftRow) -> impl IntoView {
    let drafts = expect_context::<Drafts>();
    let draft = row.draft;
    let id = row.id;
    let error = move |field: Field| draft.with(|d| d.error_for(field));
    let is_fetch = move || draft.with(|d| d.kind == TaskKind::Fetch);
    view! {
        <fieldset class="task-row">
            <legend>{format!("Task {number}")}</legend>
            <Input
                id=format!("label-{id}")
                label="Label"
                hint=format!("1–{MAX_LABEL_CHARS} characters")
                value=move || draft.with(|d| d.label.clone())
                on_input=move |ev| drafts.edit(draft, |d| d.label = event_target_value(&ev))
                error=move || error(Field::Label)
                accessible=format!("Label of task {number}")
            />
            <label class="field">
                <span>"Kind"</span>
                <select
                    aria-label=format!("Kind of task {number}")
                    on:change=move |ev| {
                        let kind = TaskKind::parse(&event_target_value(&ev)).unwrap_or(TaskKind::Timer);
                        drafts.set_kind(draft, kind);
                    }
                    prop:value=move || draft.with(|d| d.kind.as_str())
                >
                    <option value="timer">"timer"</option>
                    <option value="fetch">"fetch"</option>
                    <option value="cpu">"cpu (busy loop)"</option>
                </select>
            </label>
            <Input
                id=format!("delay-{id}")
                label="Delay (ms)"
                hint=format!("0–{MAX_DELAY_MS}")
                value=move || draft.with(|d| d.delay.clone())
                on_input=move |ev| drafts.edit(draft, |d| d.delay = event_target_value(&ev))
                error=move || error(Field::Delay)
                accessible=format!("Delay in ms of task {number}")
                numeric=true
            />
            <Show when=is_fetch>
                <Input
                    id=format!("url-{id}")
                    label="URL"
                    hint=format!("http(s) or relative, up to {MAX_URL_CHARS} characters")
                    value=move || draft.with(|d| d.url.clone())
                    on_input=move |ev| draft.update(|d| d.url = event_target_value(&ev))
                    error=move || error(Field::Url)
                    accessible=format!("URL of task {number}")
                    wide=true
                />
            </Show>
            <label class="field check">
                <input
                    type="checkbox"
                    prop:checked=move || draft.with(|d| d.fails)
                    on:change=move |ev| draft.update(|d| d.fails = event_target_checked(&ev))
                />
                <span>{format!("Task {number} fails")}</span>
            </label>
        </fieldset>
    }
}
