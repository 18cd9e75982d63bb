//! The Scale panel: up to 100,000 generated concurrent tasks, the sequential estimate against the
//! measured wall-clock, a live canvas timeline, and their end times drawn as one aggregated shape.

use super::widgets::Input;
use crate::session::{Scale, ScaleState};
use async_lab_core::format::{fixed, percent, tick_label, ticks};
use async_lab_core::scale::{per_lane, BAR_LIMIT, HISTOGRAM_BINS};
use async_lab_core::task::{parse_delay, parse_scale_count, MAX_DELAY_MS, MAX_SCALE_TASKS};
use leptos::prelude::*;

#[component]
pub fn ScalePanel() -> impl IntoView {
    let scale = expect_context::<Scale>();
    view! {
        <div class="run-options">
            <Input
                id="scale-count".to_owned()
                label="Tasks"
                hint=format!("1–{MAX_SCALE_TASKS}")
                value=scale.count
                on_input=move |ev| scale.count.set(event_target_value(&ev))
                error=move || parse_scale_count(&scale.count.get()).err().map(|e| e.message)
                accessible="Number of generated tasks".to_owned()
                numeric=true
            />
            <Input
                id="scale-delay".to_owned()
                label="Delay (ms)"
                hint=format!("0–{MAX_DELAY_MS}")
                value=scale.delay
                on_input=move |ev| scale.delay.set(event_target_value(&ev))
                error=move || parse_delay(&scale.delay.get()).err().map(|e| e.message)
                accessible="Delay in ms of each generated task".to_owned()
                numeric=true
            />
        </div>
        <div class="controls">
            <button type="button" class="primary" on:click=move |_| scale.run()>"Run at scale"</button>
        </div>
        <p class="takeaway" role="status">{move || scale.summary()}</p>
        <LiveTimeline/>
        <p class="fine">{move || scale.traced()}</p>
        <Histogram/>
    }
}

/// How many tasks ended in each slice of the run: readable at 100,000 tasks, where bars are not.
#[component]
fn Histogram() -> impl IntoView {
    let scale = expect_context::<Scale>();
    const HEIGHT: f64 = 80.0;
    let done = move || match scale.state.get() {
        ScaleState::Done { wall_ms, bins, n, .. } => Some((wall_ms, bins, n)),
        ScaleState::Idle | ScaleState::Running { .. } | ScaleState::Refused(_) => None,
    };
    let chart = move |(wall_ms, bins, n): (f64, Vec<u32>, u32)| {
        let most = bins.iter().copied().max().unwrap_or(1).max(1);
        let width = 100.0 / HISTOGRAM_BINS as f64;
        let label = format!("End times of {n} tasks over {}: most ended in the busiest slice, {most} tasks.", tick_label(wall_ms));
        let bar = move |(i, count): (usize, u32)| {
            let h = f64::from(count) / f64::from(most) * HEIGHT;
            view! { <rect class="bar done" x=percent(i as f64 * width, 100.0) width=percent(width * 0.9, 100.0) y=fixed(HEIGHT - h, 1) height=fixed(h, 1)/> }
        };
        let tick = move |t: f64| {
            let anchor = if t == 0.0 { "start" } else { "middle" };
            view! { <text class="axis-label" x=percent(t, wall_ms) y=HEIGHT as u32 + 16 text-anchor=anchor>{tick_label(t)}</text> }
        };
        view! {
            <figure class="timeline scale">
                <figcaption>"When the tasks ended"</figcaption>
                <svg width="100%" height=HEIGHT as u32 + 24 role="img" aria-label=label>
                    {bins.into_iter().enumerate().map(bar).collect_view()}
                    {ticks(wall_ms, 4).into_iter().map(tick).collect_view()}
                </svg>
            </figure>
        }
    };
    move || done().map(chart)
}

/// Every generated task as a bar from its start to its end, growing while it runs; past
/// [`BAR_LIMIT`] tasks share lanes. A canvas, because a thousand SVG bars resized every frame cost
/// more than a frame has.
#[component]
fn LiveTimeline() -> impl IntoView {
    let scale = expect_context::<Scale>();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    scale.use_live_canvas(canvas);
    let shown = move || matches!(scale.state.get(), ScaleState::Running { .. } | ScaleState::Done { .. });
    let caption = move || match scale.state.get() {
        ScaleState::Running { n, .. } | ScaleState::Done { n, .. } if n as usize > BAR_LIMIT => {
            format!("Every task over time: each bar is {} tasks, from the first start to the last end", per_lane(n as usize))
        }
        _ => "Every task over time: one bar each".to_owned(),
    };
    let label = move || match scale.state.get() {
        ScaleState::Running { n, delay_ms } => format!("Live timeline of {n} concurrent tasks of {delay_ms} ms."),
        ScaleState::Done { n, wall_ms, .. } => {
            format!("Timeline of {n} concurrent tasks: all started within {} and all had ended by {}.", scale.started_within(), tick_label(wall_ms))
        }
        ScaleState::Idle | ScaleState::Refused(_) => String::new(),
    };
    view! {
        <figure class="timeline scale" hidden=move || !shown()>
            <figcaption>{caption}</figcaption>
            <canvas node_ref=canvas class="scale-canvas" role="img" aria-label=label></canvas>
        </figure>
    }
}
