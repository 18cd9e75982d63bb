//! The scale control: up to 100,000 generated concurrent tasks, the sequential estimate against the
//! measured wall-clock, a live canvas timeline, and their end times drawn as one aggregated shape.

use super::task_editor::Input;
use crate::runtime::canvas::Painter;
use crate::runtime::{clock, frames};
use crate::session::{ScaleState, Session, SCALE_BINS};
use async_lab_core::format::{self, tick_label, ticks};
use async_lab_core::scale::{per_lane, Progress, BAR_LIMIT};
use async_lab_core::task::{parse_delay, parse_scale_count, MAX_DELAY_MS, MAX_SCALE_TASKS};
use leptos::prelude::*;
use std::rc::Rc;

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
        <LiveTimeline/>
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

/// Every generated task as a bar from its start to its end, growing while it runs; past
/// [`BAR_LIMIT`] tasks share lanes. A canvas, because a thousand SVG bars resized every frame cost
/// more than a frame has.
#[component]
fn LiveTimeline() -> impl IntoView {
    let session = expect_context::<Session>();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let shown = move || matches!(session.scale.get(), ScaleState::Running { .. } | ScaleState::Done { .. });
    let caption = move || match session.scale.get() {
        ScaleState::Running { n, .. } | ScaleState::Done { n, .. } if n as usize > BAR_LIMIT => {
            let per = per_lane(n as usize);
            format!("Every task over time: each bar is {per} tasks, from the first start to the last end")
        }
        _ => "Every task over time: one bar each".to_owned(),
    };
    let label = move || match session.scale.get() {
        ScaleState::Running { n, delay_ms } => format!("Live timeline of {n} concurrent tasks of {delay_ms} ms."),
        ScaleState::Done { n, wall_ms, .. } => {
            let started = session.scale_progress.with_value(|p| p.borrow().last_start_ms());
            format!(
                "Timeline of {n} concurrent tasks: all started within {} and all had ended by {}.",
                format::ms(started, session.resolution_ms),
                tick_label(wall_ms)
            )
        }
        _ => String::new(),
    };
    Effect::new(move |_| {
        let delay_ms = match session.scale.get() {
            ScaleState::Running { delay_ms, .. } | ScaleState::Done { delay_ms, .. } => f64::from(delay_ms),
            _ => return,
        };
        let Some(painter) = canvas.get().and_then(Painter::new) else { return };
        let progress = session.scale_progress.get_value();
        let colors = Colors::of(&painter);
        let step_ms = if frames::reduced_motion() { 250.0 } else { 0.0 };
        let mut painted_at = f64::NEG_INFINITY;
        frames::each_frame(move || {
            // A newer run owns the canvas.
            if !session.scale_progress.with_value(|current| Rc::ptr_eq(current, &progress)) {
                return false;
            }
            let p = progress.borrow();
            let finished = p.ended() == p.len();
            let now = clock::now();
            if finished || now - painted_at >= step_ms {
                paint(&painter, &p, now - p.origin_ms(), delay_ms, &colors);
                painted_at = now;
            }
            !finished
        });
    });
    view! {
        <figure class="timeline scale" hidden=move || !shown()>
            <figcaption>{caption}</figcaption>
            <canvas node_ref=canvas class="scale-canvas" role="img" aria-label=label></canvas>
        </figure>
    }
}

/// The theme's colours, read once per run rather than every frame.
struct Colors {
    running: String,
    done: String,
    now: String,
    axis: String,
}

impl Colors {
    fn of(painter: &Painter) -> Colors {
        Colors { running: painter.css_color("--running"), done: painter.css_color("--done"), now: painter.css_color("--now"), axis: painter.css_color("--muted") }
    }
}

fn paint(painter: &Painter, progress: &Progress, now_ms: f64, delay_ms: f64, colors: &Colors) {
    const AXIS: f64 = 18.0;
    let (width, height) = painter.begin();
    let plot = (height - AXIS).max(1.0);
    let span = progress.span_ms(now_ms, delay_ms);
    let x = |t: f64| t / span * width;
    let row = plot / progress.lane_count().max(1) as f64;
    // Thin rows touch, so a thousand of them read as one shape; thick ones get a gap.
    let bar = if row >= 4.0 { (row * 0.75).min(14.0) } else { row };
    let lanes = progress.lanes(now_ms);
    for (color, done) in [(&colors.running, false), (&colors.done, true)] {
        painter.fill(color);
        for lane in lanes.iter().filter(|l| l.is_done() == done) {
            let left = x(lane.start_ms);
            painter.rect(left, lane.row as f64 * row + (row - bar) / 2.0, (x(lane.end_ms) - left).max(1.0), bar);
        }
    }
    if progress.ended() < progress.len() {
        painter.fill(&colors.now);
        painter.rect(x(now_ms).min(width - 1.0), 0.0, 1.0, plot);
    }
    painter.fill(&colors.axis);
    painter.font("12px system-ui, sans-serif");
    for t in ticks(span, 4) {
        let at = x(t);
        let align = if t == 0.0 { "start" } else if at > width - 24.0 { "end" } else { "center" };
        painter.text(&tick_label(t), at, height - 4.0, align);
    }
}
