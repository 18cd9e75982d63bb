//! The replay bar: a playhead over the recorded runs, Play / Pause, Previous event and Next event,
//! a speed; ← and → step between events while the slider has focus. The timelines' headings say
//! where a replay stands, so the bar itself holds only controls.

use crate::session::hooks::{self, Copied};
use crate::session::moment::NoLink;
use crate::session::{Runs, Session};
use async_lab_core::format;
use leptos::prelude::*;

#[component]
pub fn ReplayBar() -> impl IntoView {
    let session = expect_context::<Session>();
    let runs = session.runs;
    // Said before the click too: a link carries the fetched URLs with their query strings.
    let (copied, set_copied) = signal("The link holds every task's URL; no answer's content.");
    let copy_moment = move |_| {
        hooks::copy_moment_link(session, move |how| {
            set_copied.set(match how {
                Ok(Copied::Done) => "Copied a link that replays these runs at this moment. It holds every task's URL; no answer's content.",
                Ok(Copied::Refused) => "The browser refused to copy the link.",
                Err(NoLink::NoRun) => "Run the tasks first: there is no moment to link to yet.",
                Err(NoLink::TooLarge) => "These runs hold more than a link carries, so none was made; Download trace keeps them whole.",
                Err(NoLink::NoCompression) => "This browser cannot compress a run into a link.",
            })
        });
    };
    let none = move || !runs.any_shown();
    let span = move || runs.replay_span();
    let at = move || runs.playhead.get().unwrap_or_else(span);
    let keys = move |ev: leptos::ev::KeyboardEvent| {
        let step = match ev.key().as_str() {
            "ArrowLeft" => Runs::previous_event,
            "ArrowRight" => Runs::next_event,
            _ => return,
        };
        ev.prevent_default();
        step(&runs);
    };
    let toggle = move |_| match runs.playing.get_untracked() {
        true => runs.pause(),
        false => runs.play(),
    };
    view! {
        <div class="replay" hidden=none>
            <p class="warning shared" hidden=move || !runs.shared.get()>
                "Recorded elsewhere, replayed — not measured here. "
                <button type="button" on:click=move |_| runs.run_live()>"Run it live"</button>
            </p>
            <input
                type="range"
                aria-label="Replay position"
                min="0"
                max=move || format::whole(span().ceil())
                step="1"
                prop:value=move || format::whole(at())
                on:input=move |ev| {
                    if let Ok(ms) = event_target_value(&ev).parse::<u32>() {
                        runs.seek(f64::from(ms));
                    }
                }
                on:keydown=keys
            />
            <button type="button" on:click=copy_moment disabled=move || runs.is_running()>"Copy link to this moment"</button>
            <span class="fine" role="status">{copied}</span>
            <div class="replay-controls">
                <button type="button" on:click=toggle>{move || if runs.playing.get() { "Pause" } else { "Play" }}</button>
                <button type="button" on:click=move |_| runs.previous_event()>"Previous event"</button>
                <button type="button" on:click=move |_| runs.next_event()>"Next event"</button>
                <label>
                    "Speed "
                    // Values in quarters of real time, so no float is parsed.
                    <select aria-label="Replay speed" on:change=move |ev| runs.speed_quarters.set(event_target_value(&ev).parse().unwrap_or(4))>
                        <option value="1">"0.25×"</option>
                        <option value="2">"0.5×"</option>
                        <option value="4" selected>"1×"</option>
                        <option value="8">"2×"</option>
                        <option value="16">"4×"</option>
                    </select>
                </label>
            </div>
        </div>
    }
}
