//! The live timeline: one SVG lane per task, bars that grow while running, a "now" line, a time axis, and the finished run's downloads.

use super::widgets::status_class;
use crate::session::{hooks, Runs, Session};
use async_lab_core::download::Download;
use async_lab_core::format::{self, percent, tick_label, ticks, whole};
use async_lab_core::retry::lane_markup as attempts_markup;
use async_lab_core::run::{LessonEvent, TaskRecord};
use async_lab_core::trace::Lane as TraceLane;
use async_lab_core::work::BODY_CAP_BYTES;
use async_lab_core::{Column, Outcome, Run, Source, TaskStatus};
use leptos::prelude::*;

const LANE_PX: usize = 40;
const AXIS_PX: usize = 28;

/// The timelines of the latest sequential and concurrent runs, on one shared time axis so their lengths compare.
#[component]
pub fn Timelines(children: Children) -> impl IntoView {
    let runs = expect_context::<Runs>();
    // The axis spans the longest of: what the model expects, what was measured, and the time elapsed so far.
    let span_ms = Memo::new(move |_| {
        let elapsed = if runs.is_running() { runs.elapsed_ms.get() } else { 0.0 };
        let extent = |run: &Option<Run>| run.as_ref().map_or(0.0, |r| r.expected_wall_ms().max(r.span_ms().unwrap_or(0.0)));
        // The recorded runs set the axis, so a replay does not rescale it.
        let longest = runs.recorded(Column::Sequential).with(extent).max(runs.recorded(Column::Concurrent).with(extent)).max(elapsed);
        (longest * 1.05).max(1.0)
    });
    let any = move || runs.any_shown();
    // An embed keeps the room that both timelines of the tasks as typed will take, so a run does
    // not push the host page down (a caption's line and a margin: 30 px each).
    let session = expect_context::<Session>();
    let rows = move || session.drafts.rows.with(Vec::len) + 1;
    let room = move || session.embed.then(|| format!("{}px", 2 * (rows() * LANE_PX + AXIS_PX + 30)));
    // Built once and hidden by attribute until there is a run: a `Show` costs the wasm more.
    view! {
        <div class="timelines" style:min-height=room>
            // Before the first run, what the page offers in the timelines' place (the prediction).
            <div class="empty" hidden=any>
                <p>"Press a Run button: each task gets a lane here, and its bar grows while it waits."</p>
                {children()}
            </div>
            <div hidden=move || !any()>
                <RunTimeline column=Column::Sequential span_ms/>
                <RunTimeline column=Column::Concurrent span_ms/>
            </div>
        </div>
    }
}

#[component]
fn RunTimeline(column: Column, span_ms: Memo<f64>) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let resolution = expect_context::<Session>().resolution_ms;
    let shown = runs.column(column);
    let count = Memo::new(move |_| shown.with(|r| r.as_ref().map_or(0, |r| r.tasks.len())));
    let running = move || runs.in_flight.get().is_some_and(|m| m.column() == column);
    // Named from the recorded run: a replay says so, and never reads as a run in flight.
    let heading = move || {
        let (replay, elsewhere) = (runs.playhead.get(), runs.shared.get());
        runs.recorded(column).with(|r| {
            let r = r.as_ref()?;
            let (title, seconds) = (r.mode.title(), |ms: f64| format::seconds(ms, resolution));
            Some(match (replay, r.wall_ms) {
                (Some(t), _) if elsewhere => format!("{title}: replay at {} of a run recorded elsewhere", seconds(t)),
                (Some(t), _) => format!("{title}: replay at {}", seconds(t)),
                (None, Some(wall)) if elsewhere => format!("{title}: {} recorded elsewhere, replayed — not measured here", seconds(wall)),
                (None, Some(wall)) => format!("{title}: {} measured, {} expected{}", seconds(wall), seconds(r.expected_wall_ms()), outcome_note(r)),
                (None, None) => format!("{title}: running, {} expected", seconds(r.expected_wall_ms())),
            })
        })
    };
    // The thread lane on top, then a lane per task.
    let lanes_px = move || (count.get() + 1) * LANE_PX;
    let pct = move |ms: f64| percent(ms, span_ms.get());
    let sliding = move || (running() && !runs.replaying() && runs.moves_with_clock()).then(|| span_ms.get());
    let now_x = move || if sliding().is_some() { "0".to_owned() } else { pct(runs.now_ms()) };
    let now_line = NodeRef::<leptos::svg::Rect>::new();
    hooks::use_sliding_now(runs, now_line, sliding);
    // Hidden, not removed, while the column has no run: a `Show` costs the wasm more.
    view! {
            <figure class="timeline" class:live=running hidden=move || count.get() == 0>
                <figcaption>{heading}</figcaption>
                <svg width="100%" height=move || lanes_px() + AXIS_PX role="group" aria-label=move || heading().unwrap_or_default()>
                    <ThreadLane column span_ms/>
                    // Redrawn whole only when a run with another number of tasks starts: a keyed
                    // `For` of its own would cost the wasm more than it saves the page.
                    {move || (0..count.get()).map(|index| view! { <Lane column index span_ms/> }).collect_view()}
                    <g class="axis">
                        {move || {
                            let y = lanes_px();
                            ticks(span_ms.get() / 1.05, 5)
                                .into_iter()
                                .map(|t| {
                                    let anchor = if t == 0.0 { "start" } else { "middle" };
                                    view! {
                                        <line x1=pct(t) x2=pct(t) y1="0" y2=y + 4 class="tick"/>
                                        <text x=pct(t) y=y + 18 text-anchor=anchor>{tick_label(t)}</text>
                                    }
                                })
                                .collect_view()
                        }}
                    </g>
                    {move || {
                        let bottom = lanes_px();
                        shown.with(|r| {
                            r.as_ref().map(|r| r.across_lanes().map(|e| view! { <line class="event" x1=pct(e.t_ms) x2=pct(e.t_ms) y1="0" y2=bottom/> }).collect_view())
                        })
                    }}
                    // The "now" line: live, it slides with the clock on the compositor
                    // (`use_sliding_now`, by the SVG's width: `transform-box: view-box`); a
                    // replay's playhead, or the line with reduced motion, stands at its moment.
                    // Shown by SVG's `display`, not a `Show`: one element less to build and drop each run.
                    <rect
                        node_ref=now_line
                        class="now"
                        class:playhead=move || runs.replaying()
                        display=move || if running() || runs.replaying() { "inline" } else { "none" }
                        x=now_x
                        y="0"
                        width="2"
                        height=lanes_px
                    />
                </svg>
                <Notes list="errors" run=shown lines=move |r: &Run| {
                    r.tasks
                        .iter()
                        .filter(|t| matches!(t.status(), TaskStatus::Error | TaskStatus::Timeout))
                        .map(|t| format!("{} {}: {}", t.spec.label, t.status().label(), t.result.detail))
                        .collect()
                }/>
                <Notes list="events" run=shown lines=move |r: &Run| events(r.across_lanes(), resolution)/>
                // retry's attempts, one line each: many, so folded; the lanes draw them.
                <details class="attempts-list" hidden=move || shown.with(|r| r.as_ref().is_none_or(|r| r.on_lanes().next().is_none()))>
                    <summary>"Each attempt and wait"</summary>
                    <Notes list="events" run=shown lines=move |r: &Run| events(r.on_lanes(), resolution)/>
                </details>
                <Downloads column/>
            </figure>
    }
}

/// A list of lines drawn from a run (its errors, its lesson events); empty lists are hidden.
#[component]
fn Notes(list: &'static str, run: RwSignal<Option<Run>>, lines: impl Fn(&Run) -> Vec<String> + Send + Sync + 'static) -> impl IntoView {
    let items = move || run.with(|r| r.as_ref().map(&lines).unwrap_or_default()).into_iter().map(|line| view! { <li>{line}</li> }).collect_view();
    view! { <ul class=list>{items}</ul> }
}

/// A finished run's files: Download trace and Download report. An embed's sandbox blocks downloads,
/// so there they stay hidden and the embed's "Open in Async Lab ↗" offers them instead. A run
/// from a link was not measured here: its files would read as if it had been, so none are offered.
#[component]
fn Downloads(column: Column) -> impl IntoView {
    let session = expect_context::<Session>();
    let embed = session.embed;
    // Shown once the run has ended and its trace has landed (a moment after, for the last frame's report).
    let hidden = move || {
        embed
            || session.runs.shared.get()
            || session.runs.recorded(column).with(|r| r.as_ref().is_none_or(|r| r.wall_ms.is_none() || r.trace.events.is_empty()))
    };
    let save = move |what: Download| move |_| session.download(column, what);
    // One static tree hidden by attribute: a `Show` or a view per case cost the wasm a few KiB.
    view! {
        <div class="downloads" hidden=hidden>
            <button type="button" on:click=save(Download::Trace)>{Download::Trace.label()}</button>
            <button type="button" on:click=save(Download::Report)>{Download::Report.label()}</button>
        </div>
    }
}

fn outcome_note(run: &Run) -> &'static str {
    match run.outcome {
        Some(Outcome::Cancelled) => " (cancelled)",
        Some(Outcome::Failed) => " (a task failed)",
        Some(Outcome::Completed) | None if run.throttled => " (page was hidden: throttled)",
        Some(Outcome::Completed) | None => "",
    }
}

/// One task's lane: its label and state, the requested duration as an outline, the measured one as a bar.
#[component]
fn Lane(column: Column, index: usize, span_ms: Memo<f64>) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let resolution = expect_context::<Session>().resolution_ms;
    let shown = runs.column(column);
    let task = Memo::new(move |_| shown.with(|r| r.as_ref().and_then(|r| r.tasks.get(index).cloned())));
    let y = (index + 1) * LANE_PX;
    let pct = move |ms: f64| percent(ms, span_ms.get());
    let start = move || task.with(|t| t.as_ref().and_then(|t| t.start_ms));
    // A live running bar grows with the clock on the compositor (`use_growing_bar`): its full width
    // is the rest of the axis. Otherwise a running bar ends at "now" (a replay's playhead, or with
    // reduced motion the run's last event), a finished one at its measured end.
    let growing = move || {
        // The media query last: asked of every lane, it makes the browser bring its styles up to date.
        let live = !runs.replaying() && runs.in_flight.get().is_some_and(|m| m.column() == column) && runs.moves_with_clock();
        task.with(|t| t.as_ref().filter(|t| live && t.end_ms.is_none()).and_then(|t| t.start_ms))
    };
    let end = move || task.with(|t| t.as_ref().and_then(|t| t.end_ms.or(t.start_ms.map(|_| runs.now_ms()))));
    let bar_width = move || match growing() {
        Some(start) => pct(span_ms.get() - start),
        None => pct(end().unwrap_or(0.0) - start().unwrap_or(0.0)),
    };
    let bar = NodeRef::<leptos::svg::Rect>::new();
    hooks::use_growing_bar(runs, bar, move || growing().map(|start| (start, span_ms.get())));
    let requested = move || task.with(|t| t.as_ref().map_or(0.0, |t| f64::from(t.spec.delay_ms)));
    let status = move || task.with(|t| t.as_ref().map_or(TaskStatus::Waiting, TaskRecord::status));
    let label = move || task.with(|t| t.as_ref().map(|t| t.spec.label.clone()).unwrap_or_default());
    let state_text = move || task.with(|t| t.as_ref().map(|t| lane_state(t, runs.now_ms(), resolution)).unwrap_or_default());
    // Once the run has ended: its polls as dark marks on the lighter waiting bar, each wake as a
    // line, the lane's facts as their tooltip. Numbers and fixed words only (core builds the
    // markup), so inserting it as markup is safe; labels stay text.
    let marks =
        Memo::new(move |_| shown.with(|r| r.as_ref().map(|r| r.trace.marks(TraceLane::Task(index), y + 18, span_ms.get(), resolution)).unwrap_or_default()));
    // retry's failed attempts and the waits after them, drawn over the bar (core's markup again).
    // A run without lane milestones never reads the clock here, so its lanes are not redrawn each frame.
    let attempts = Memo::new(move |_| {
        shown
            .with(|r| r.as_ref().filter(|r| r.on_lanes().next().is_some()).map(|r| attempts_markup(r, index, y + 18, span_ms.get(), runs.now_ms(), resolution)))
            .unwrap_or_default()
    });
    view! {
        <g class=move || format!("lane {}{}", status_class(status()), if marks.with(String::is_empty) { "" } else { " traced" })>
            <text x="0" y=y + 13 class="lane-label">{label}</text>
            <text x="100%" y=y + 13 text-anchor="end" class="lane-state">{state_text}</text>
            <rect x="0" width="100%" y=y + 18 height="14" rx="3" class="track"/>
            <g display=move || if start().is_some() { "inline" } else { "none" }>
                <rect x=move || pct(start().unwrap_or(0.0)) width=move || pct(requested()) y=y + 17 height="16" rx="3" class="requested"/>
                <rect node_ref=bar x=move || pct(start().unwrap_or(0.0)) width=bar_width y=y + 18 height="14" rx="3" class="bar"/>
            </g>
            // The latency the client added after a sooner answer, drawn apart: it is not the server's.
            {move || {
                let (end, added) = task.with(|t| t.as_ref().and_then(|t| Some((t.end_ms?, t.result.added_ms?))))?;
                Some(view! { <rect x=pct(end - added) width=pct(added) y=y + 18 height="14" class="bar added"><title>"latency added on the client"</title></rect> })
            }}
            <g inner_html=move || attempts.get()/>
            <g inner_html=move || marks.get()/>
        </g>
    }
}

/// The one thread: when it ran our futures (the union of every poll), once the run has ended.
/// Core builds its markup of fixed words and numbers, so inserting it as markup is safe.
#[component]
fn ThreadLane(column: Column, span_ms: Memo<f64>) -> impl IntoView {
    let resolution = expect_context::<Session>().resolution_ms;
    let runs = expect_context::<Runs>();
    let shown = runs.column(column);
    // A replay's thread is drawn up to the playhead.
    let markup =
        move || shown.with(|r| r.as_ref().map(|r| r.trace.thread_lane(span_ms.get(), r.wall_ms.or(runs.playhead.get()), resolution)).unwrap_or_default());
    view! { <g class="lane thread" inner_html=markup/> }
}

fn lane_state(t: &TaskRecord, elapsed: f64, resolution: f64) -> String {
    let requested = format!("requested {} ms", t.spec.delay_ms);
    let result = &t.result;
    let source = match result.source {
        Source::Simulated => " · simulated latency",
        Source::ServiceWorker => " · service worker",
        Source::Timer | Source::Network | Source::Cpu => "",
    };
    let http = match (result.http_status, result.bytes) {
        (Some(code), Some(_)) if result.capped => format!(" · HTTP {code}, ≥ {} MiB (stopped reading)", BODY_CAP_BYTES >> 20),
        (Some(code), Some(bytes)) => format!(" · HTTP {code}, {bytes} B"),
        (Some(code), None) => format!(" · HTTP {code}"),
        (None, _) => String::new(),
    };
    match (result.status, t.start_ms, t.duration_ms()) {
        (TaskStatus::Waiting, ..) => format!("waiting · {requested}"),
        (TaskStatus::Running, Some(s), _) => format!("running · {} ms · {requested}", whole((elapsed - s).max(0.0))),
        (status, _, Some(d)) => format!("{} · {}{http} · {requested}{source}", status.label(), format::ms(d, resolution)),
        (status, ..) => status.label().to_owned(),
    }
}

/// Milestones as lines: "219.6 ms · report: attempt 1 failed (HTTP 503); next in 90 ms".
fn events<'r>(list: impl Iterator<Item = &'r LessonEvent>, resolution: f64) -> Vec<String> {
    list.map(|e| format!("{} · {}: {}", format::ms(e.t_ms, resolution), e.milestone.label(), e.milestone.what())).collect()
}
