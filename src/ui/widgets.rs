//! Small pieces the panels share: a titled panel, a table, a validated text field, a radio choice,
//! a task state's CSS class.

use async_lab_core::TaskStatus;
use leptos::prelude::*;

/// A section of the page with its heading; `id` names the heading for `aria-labelledby`.
#[component]
pub fn Panel(id: &'static str, title: &'static str, children: Children) -> impl IntoView {
    let heading = format!("{id}-title");
    let labelled_by = heading.clone();
    view! {
        <section class="panel" aria-labelledby=labelled_by>
            <h2 id=heading>{title}</h2>
            {children()}
        </section>
    }
}

/// A table that scrolls sideways on narrow screens (or in a narrow column), with a header row of
/// column names; the scroller takes focus, so the keyboard can scroll it too.
#[component]
pub fn Table(#[prop(optional)] label: Option<&'static str>, columns: &'static [&'static str], children: Children) -> impl IntoView {
    view! {
        <div class="scroll" tabindex="0">
            <table aria-label=label>
                <thead>
                    <tr>{columns.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}

/// A text field with its hint and, when the value is bad, its message (announced and linked).
#[component]
pub fn Input(
    id: String,
    label: &'static str,
    hint: String,
    #[prop(into)] value: Signal<String>,
    on_input: impl FnMut(leptos::ev::Event) + 'static,
    #[prop(into)] error: Signal<Option<String>>,
    accessible: String,
    #[prop(optional)] numeric: bool,
    #[prop(optional)] wide: bool,
) -> impl IntoView {
    // The handler boxed, so the field's view is built by one function, not a copy per caller's
    // closure type.
    field(Field { id, label, hint, value, on_input: Box::new(on_input), error, accessible, numeric, wide })
}

struct Field {
    id: String,
    label: &'static str,
    hint: String,
    value: Signal<String>,
    on_input: Box<dyn FnMut(leptos::ev::Event)>,
    error: Signal<Option<String>>,
    accessible: String,
    numeric: bool,
    wide: bool,
}

fn field(Field { id, label, hint, value, on_input, error, accessible, numeric, wide }: Field) -> impl IntoView {
    let message_id = format!("{id}-message");
    let described = message_id.clone();
    view! {
        <label class="field" class:wide=wide>
            <span>{label}" "<small>{hint}</small></span>
            <input
                id=id
                type="text"
                inputmode=if numeric { "numeric" } else { "text" }
                autocomplete="off"
                spellcheck="false"
                aria-label=accessible
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=described
                prop:value=value
                on:input=on_input
            />
            <span class="field-error" id=message_id aria-live="polite">{error}</span>
        </label>
    }
}

/// The CSS class of a task's state, shared by the timeline's lanes and the result lists.
/// One choice of a radio group `name`: checked while `picked` is `value`; choosing it sets `picked`.
#[component]
pub fn Choice<T: Copy + PartialEq + Send + Sync + 'static>(
    name: &'static str,
    picked: RwSignal<T>,
    value: T,
    label: &'static str,
    hint: &'static str,
) -> impl IntoView {
    view! {
        <label class="radio">
            <input type="radio" name=name prop:checked=move || picked.get() == value on:change=move |_| picked.set(value)/>
            {label}
            <small>{format!(" ({hint})")}</small>
        </label>
    }
}

pub fn status_class(status: TaskStatus) -> &'static str {
    match status {
        TaskStatus::Waiting => "waiting",
        TaskStatus::Running => "running",
        TaskStatus::Ok => "done",
        TaskStatus::Error => "failed",
        TaskStatus::Cancelled => "cancelled",
        TaskStatus::Timeout => "timeout",
    }
}
