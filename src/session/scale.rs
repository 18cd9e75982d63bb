//! The Scale panel's state: up to 100,000 generated concurrent sleeps, apart from the lesson's runs.

use super::trigger::Trigger;
use crate::runtime::canvas::{Colors, Painter};
use crate::runtime::trace::{TraceSink, Traced};
use crate::runtime::{clock, frames, viewport};
use async_lab_core::format;
use async_lab_core::scale::{self, summary, Progress, HISTOGRAM_BINS};
use async_lab_core::stats::histogram;
use async_lab_core::task::{parse_delay, parse_scale_count};
use async_lab_core::trace::Lane;
use futures::future::{select, Either};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::rc::Rc;

/// The scale control's state: nothing yet, running, measured, or refused input.
#[derive(Clone, Debug, PartialEq)]
pub enum ScaleState {
    Idle,
    Running {
        n: u32,
        delay_ms: u32,
    },
    /// `traced`: the run's polls and wakes and the Thread lane's sentence (`core::scale::traced`).
    Done {
        n: u32,
        delay_ms: u32,
        wall_ms: f64,
        bins: Vec<u32>,
        traced: String,
    },
    Refused(String),
}

/// The Scale panel's handle, provided as its own context.
#[derive(Clone, Copy)]
pub struct Scale {
    /// How many generated tasks, and their delay, as typed.
    pub count: RwSignal<String>,
    pub delay: RwSignal<String>,
    pub state: RwSignal<ScaleState>,
    /// The run in flight or last finished, task by task: read every frame, not through signals,
    /// because 100,000 tasks would mean 200,000 signal updates.
    progress: StoredValue<Rc<RefCell<Progress>>, LocalStorage>,
    cancel: Trigger,
    /// Scale runs so far: each one's trace gets an id of its own.
    started: StoredValue<u32>,
    resolution_ms: f64,
    /// Notified when the page's colours change: a canvas keeps the colours it was painted in.
    recolored: leptos::reactive::signal::Trigger,
}

/// The high bit marks a scale run's trace id (a lesson's run ids count up from 1 without it).
const SCALE_TRACE_IDS: u32 = 1 << 31;

impl Scale {
    pub fn new(resolution_ms: f64) -> Scale {
        Scale {
            count: RwSignal::new("10000".to_owned()),
            delay: RwSignal::new("100".to_owned()),
            state: RwSignal::new(ScaleState::Idle),
            progress: StoredValue::new_local(Rc::new(RefCell::new(Progress::default()))),
            cancel: Trigger::new(),
            started: StoredValue::new(0),
            resolution_ms,
            recolored: leptos::reactive::signal::Trigger::new(),
        }
    }

    /// Runs N concurrent sleeps; a new scale run cancels the one in flight.
    pub fn run(&self) {
        let parsed = parse_scale_count(&self.count.get_untracked()).and_then(|n| Ok((n, parse_delay(&self.delay.get_untracked())?)));
        let (n, delay_ms) = match parsed {
            Ok(v) => v,
            Err(e) => return self.state.set(ScaleState::Refused(format!("Nothing ran. {}", e.message))),
        };
        let cancelled = self.cancel.arm();
        let progress = Rc::new(RefCell::new(Progress::new(n as usize)));
        self.progress.set_value(progress.clone());
        self.state.set(ScaleState::Running { n, delay_ms });
        let this = *self;
        self.started.update_value(|count| *count += 1);
        let id = SCALE_TRACE_IDS | self.started.get_value();
        spawn_local(async move {
            // Scale runs are traced under ids of their own, apart from any lesson run's.
            let trace = TraceSink::start(id);
            let work = std::pin::pin!(Traced::new(trace.clone(), Lane::Spawned, crate::runtime::scale::run(n, delay_ms, &progress, &trace)));
            // A superseded run lands nothing: the newer one owns the display.
            let Either::Left((wall_ms, _)) = select(work, cancelled).await else {
                trace.finish();
                return;
            };
            let finished = trace.settle(wall_ms).await;
            let bins = histogram(&progress.borrow().end_times(), wall_ms, HISTOGRAM_BINS);
            let traced = scale::traced(&finished, n, wall_ms, this.resolution_ms);
            this.state.set(ScaleState::Done { n, delay_ms, wall_ms, bins, traced });
            this.cancel.disarm();
        });
    }

    /// Paints the canvas again in the page's colours, once they have changed (a theme switched).
    pub fn repaint(&self) {
        self.recolored.notify();
    }

    /// The sentence under the buttons.
    pub fn summary(&self) -> String {
        match self.state.get() {
            ScaleState::Idle => String::new(),
            ScaleState::Running { n, delay_ms } => format!("Running {n} tasks of {delay_ms} ms concurrently…"),
            ScaleState::Refused(why) => why,
            ScaleState::Done { n, delay_ms, wall_ms, .. } => summary(n, delay_ms, wall_ms, self.resolution_ms),
        }
    }

    /// The last finished run's trace in one paragraph: polls, wakes, the one thread's time.
    pub fn traced(&self) -> String {
        match self.state.get() {
            ScaleState::Done { traced, .. } => traced,
            ScaleState::Idle | ScaleState::Running { .. } | ScaleState::Refused(_) => String::new(),
        }
    }

    /// How long the last finished run took to start all its tasks, as shown to people.
    pub fn started_within(&self) -> String {
        let last = self.progress.with_value(|p| p.borrow().last_start_ms());
        format::ms(last, self.resolution_ms)
    }

    /// Draws the run on `canvas` every frame (every 250 ms under reduced motion) while it runs,
    /// and once more when it ends; a newer run takes the canvas over.
    pub fn use_live_canvas(&self, canvas: NodeRef<leptos::html::Canvas>) {
        let this = *self;
        Effect::new(move |_| {
            this.recolored.track();
            let delay_ms = match this.state.get() {
                ScaleState::Running { delay_ms, .. } | ScaleState::Done { delay_ms, .. } => f64::from(delay_ms),
                ScaleState::Idle | ScaleState::Refused(_) => return,
            };
            let Some(painter) = canvas.get().and_then(Painter::new) else { return };
            let progress = this.progress.get_value();
            let colors = Colors::of(&painter);
            let step_ms = if viewport::reduced_motion() { 250.0 } else { 0.0 };
            let mut painted_at = f64::NEG_INFINITY;
            frames::each_frame(move || {
                if !this.progress.with_value(|current| Rc::ptr_eq(current, &progress)) {
                    return false;
                }
                let p = progress.borrow();
                let finished = p.ended() == p.len();
                let now = clock::now();
                if finished || now - painted_at >= step_ms {
                    painter.paint_progress(&p, now - p.origin_ms(), delay_ms, &colors);
                    painted_at = now;
                }
                !finished
            });
        });
    }
}
