//! The scale control: up to 100,000 generated concurrent tasks, the sequential estimate against the
//! measured wall-clock, and their end times drawn as one aggregated shape instead of a bar each.

use super::task_editor::Input;
use crate::session::{ScaleState, Session, SCALE_BINS};
use async_lab_core::format::{self, tick_label, ticks};
use async_lab_core::task::{parse_delay, parse_scale_count, MAX_DELAY_MS, MAX_SCALE_TASKS};
use leptos::prelude::*;

#[component]
pub fn Scale() -> impl IntoView {
    let session = expect_context::<Session>();
    let res = session.resolution_ms;
    let summary = move || match session.scale.get() {
        ScaleState::Idle => String::new(),
        ScaleState::Running { n, delay_ms } => format!("Running {n} tasks of {delay_ms} ms concurrently…"),
        ScaleState::Refused(why) => why,
        ScaleState::Done { n, delay_ms, wall_ms, .. } => {
            let sequential = f64::from(n) * f64::from(delay_ms);
            let faster = if wall_ms > 0.0 { format!(", {:.0}× faster", sequential / wall_ms) } else { String::new() };
            format!(
                "{n} tasks of {delay_ms} ms: one after another about {}; concurrently they took {}{faster}.",
                format::seconds(sequential, res),
                format::seconds(wall_ms, res)
            )
        }
    };
    view! {
        <div class="run-options">
            <Input
                id="scale-count".to_owned()
                label="Tasks"
                hint=format!("1–{MAX_SCALE_TASKS}")
                value=Signal::derive(move || session.scale_count.get())
                on_input=move |ev| session.scale_count.set(event_target_value(&ev))
                error=Signal::derive(move || parse_scale_count(&session.scale_count.get()).err().map(|e| e.message))
                accessible="Number of generated tasks".to_owned()
                numeric=true
            />
            <Input
                id="scale-delay".to_owned()
                label="Delay (ms)"
                hint=format!("0–{MAX_DELAY_MS}")
                value=Signal::derive(move || session.scale_delay.get())
                on_input=move |ev| session.scale_delay.set(event_target_value(&ev))
                error=Signal::derive(move || parse_delay(&session.scale_delay.get()).err().map(|e| e.message))
                accessible="Delay in ms of each generated task".to_owned()
                numeric=true
            />
        </div>
        <div class="controls">
            <button type="button" class="primary" on:click=move |_| session.run_scale()>"Run at scale"</button>
        </div>
        <p class="takeaway" role="status">{summary}</p>
        <Histogram/>
    }
}

/// How many tasks ended in each slice of the run: readable at 100,000 tasks, where bars are not.
#[component]
fn Histogram() -> impl IntoView {
    let session = expect_context::<Session>();
    const HEIGHT: f64 = 80.0;
    let done = move || match session.scale.get() {
        ScaleState::Done { wall_ms, bins, n, .. } => Some((wall_ms, bins, n)),
        _ => None,
    };
    view! {
        {move || {
            done()
                .map(|(wall_ms, bins, n)| {
                    let most = bins.iter().copied().max().unwrap_or(1).max(1) as f64;
                    let width = 100.0 / SCALE_BINS as f64;
                    let label = format!("End times of {n} tasks over {}: most ended in the busiest slice, {} tasks.", tick_label(wall_ms), most);
                    view! {
                        <figure class="timeline scale">
                            <figcaption>"When the tasks ended"</figcaption>
                            <svg width="100%" height=HEIGHT + 24.0 role="img" aria-label=label>
                                {bins
                                    .iter()
                                    .enumerate()
                                    .map(|(i, &count)| {
                                        let h = f64::from(count) / most * HEIGHT;
                                        view! {
                                            <rect class="bar done" x=format!("{:.3}%", i as f64 * width) width=format!("{:.3}%", width * 0.9) y=HEIGHT - h height=h/>
                                        }
                                    })
                                    .collect_view()}
                                {ticks(wall_ms, 4)
                                    .into_iter()
                                    .map(|t| {
                                        let x = super::timeline::percent(t, wall_ms);
                                        let anchor = if t == 0.0 { "start" } else { "middle" };
                                        view! { <text class="axis-label" x=x y=HEIGHT + 16.0 text-anchor=anchor>{tick_label(t)}</text> }
                                    })
                                    .collect_view()}
                            </svg>
                        </figure>
                    }
                })
        }}
    }
}
