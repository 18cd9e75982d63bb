//! The run lifecycle: starting a lesson's program, cancelling or superseding it, Run both as plain
//! `async` code, and the report every finished run sends out.

mod execute;
mod replay;
mod shared;
mod shown;

use super::drafts::Drafts;
use super::trigger::Trigger;
use crate::runtime::trace::{TraceSink, Traced};
use crate::runtime::work::Options;
use crate::runtime::{clock, frames, location, service_worker, viewport};
use async_lab_core::budget::{Click, StartedBy};
use async_lab_core::trace::Lane;
use async_lab_core::{plan, Column, LessonId, Mode, Run, RunPlan, TaskKind, TaskSpec, Variant};
use execute::Signals;
use futures::channel::oneshot;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The runs of one lesson page: the latest of each column, and the one in flight.
#[derive(Clone, Copy)]
pub struct Runs {
    lesson: LessonId,
    drafts: Drafts,
    resolution_ms: f64,
    /// The latest run of each column as recorded, so the two compare side by side.
    recorded_sequential: RwSignal<Option<Run>>,
    recorded_concurrent: RwSignal<Option<Run>>,
    /// The same runs as shown: as recorded, or as they stood at the replay's playhead. Copied by
    /// [`Runs::show`] after each change, not derived: a `Memo` of a run would need `PartialEq` on
    /// every record, an effect its own closure type; both cost the wasm kilobytes.
    pub sequential: RwSignal<Option<Run>>,
    pub concurrent: RwSignal<Option<Run>>,
    /// The replay's playhead in ms, while replaying; `None` shows the runs live.
    pub playhead: RwSignal<Option<f64>>,
    /// Whether a replay is playing, and at what speed, in quarters of real time.
    pub playing: RwSignal<bool>,
    pub speed_quarters: RwSignal<u32>,
    /// Whether the runs shown came from a link to a moment: recorded elsewhere, not measured here.
    pub shared: RwSignal<bool>,
    /// The mode of the run in flight.
    pub in_flight: RwSignal<Option<Mode>>,
    /// Milliseconds since the run in flight started, refreshed every animation frame.
    pub elapsed_ms: RwSignal<f64>,
    /// async-fn: a created future is waiting for **Await it**.
    pub awaiting: RwSignal<bool>,
    /// Whether the task editor (behind **Edit tasks**) is open: until the page's first run, so the
    /// timeline moves up once there is something to watch; the learner may open it again.
    pub editor_open: RwSignal<bool>,
    /// `performance.now()` at the start of the run in flight: the origin of its times.
    origin: StoredValue<f64>,
    next_id: StoredValue<u32>,
    cancel: Trigger,
    await_it: Trigger,
}

/// Resolves with the wall-clock of a run that ran to its end (completed or failed); a cancelled or
/// superseded run drops its sender, so this resolves to an error instead.
type Finished = oneshot::Receiver<f64>;

impl Runs {
    pub fn new(lesson: LessonId, drafts: Drafts, resolution_ms: f64) -> Runs {
        Runs {
            lesson,
            drafts,
            resolution_ms,
            recorded_sequential: RwSignal::new(None),
            recorded_concurrent: RwSignal::new(None),
            sequential: RwSignal::new(None),
            concurrent: RwSignal::new(None),
            playhead: RwSignal::new(None),
            playing: RwSignal::new(false),
            speed_quarters: RwSignal::new(4),
            shared: RwSignal::new(false),
            in_flight: RwSignal::new(None),
            elapsed_ms: RwSignal::new(0.0),
            awaiting: RwSignal::new(false),
            editor_open: RwSignal::new(true),
            origin: StoredValue::new(0.0),
            next_id: StoredValue::new(1),
            cancel: Trigger::new(),
            await_it: Trigger::new(),
        }
    }

    /// What a run of this lesson in `column` runs with the learner's options (cpu-bound's busy
    /// loop, errors' fail fast or settle, limit's most in flight…).
    pub fn plan(&self, column: Column) -> RunPlan {
        self.lesson.plan(column, self.drafts.options())
    }

    pub fn is_running(&self) -> bool {
        self.in_flight.with(Option::is_some)
    }

    pub fn run_sequentially(&self) {
        self.run(self.plan(Column::Sequential));
    }

    pub fn run_concurrently(&self) {
        self.run(self.plan(Column::Concurrent));
    }

    fn run(&self, plan: RunPlan) {
        if let Some(lanes) = self.drafts.lanes_for(&plan, Click::OneRun) {
            // Nobody waits for this run's end: it reports itself when it finishes.
            drop(self.start(plan, self.new_run(&plan, lanes), StartedBy::Click));
        }
    }

    /// A new run of `plan`, numbered after every earlier one.
    fn new_run(&self, plan: &RunPlan, specs: Vec<TaskSpec>) -> Run {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        Run::new(id, self.lesson, plan.mode(), specs)
    }

    /// Sequential, then concurrent; the concurrent run carries the sequential wall-clock, so it
    /// reports the comparison of the two. A cancel or a newer run during the sequential half ends
    /// it there: no second half, no comparison.
    pub fn run_both(&self) {
        self.both(StartedBy::Click);
    }

    /// Run both for `autorun=1`: its fetches go only to the app's own endpoints (`work::perform_task`).
    pub fn autorun_both(&self) {
        self.both(StartedBy::Autorun);
    }

    fn both(&self, started_by: StartedBy) {
        let concurrent = self.plan(Column::Concurrent);
        // Checked against the cap as the concurrent run's lanes, counted twice: never fewer than both runs'.
        let Some(lanes) = self.drafts.lanes_for(&concurrent, Click::RunBoth) else { return };
        let typed = lanes[..plan::typed_count(concurrent.mode(), lanes.len())].to_vec();
        let this = *self;
        let sequential = RunPlan { column: Column::Sequential, ..concurrent };
        let sequential = self.start(sequential, self.new_run(&sequential, typed), started_by);
        spawn_local(async move {
            let Ok(sequential_ms) = sequential.await else { return };
            drop(this.start(concurrent, this.new_run(&concurrent, lanes).after_sequential(sequential_ms), started_by));
        });
    }

    /// async-fn: creates the future and a JS promise beside it; the future waits for [`Runs::await_it`].
    pub fn create_future(&self) {
        self.run(RunPlan { variant: Variant::Lazy, ..self.plan(Column::Concurrent) });
    }

    /// async-fn: polls the created future for the first time.
    pub fn await_it(&self) {
        self.await_it.fire();
        self.awaiting.set(false);
    }

    /// Cancels the run in flight: its timers are cleared and its requests aborted.
    pub fn cancel(&self) {
        self.cancel.fire();
    }

    /// Cancels any run and forgets the runs shown.
    pub fn clear(&self) {
        self.cancel();
        self.forget_shared();
        self.leave_replay();
        self.recorded_sequential.set(None);
        self.recorded_concurrent.set(None);
        self.show_both();
    }

    /// Starts `run` as `plan` says at once, superseding any run in flight (which then reports
    /// itself cancelled).
    fn start(&self, plan: RunPlan, run: Run, started_by: StartedBy) -> Finished {
        let mode = run.mode;
        let cancelled = self.cancel.arm();
        let await_it = self.await_it.arm();
        // The lazy run (Create the future) waits for the learner's Await it.
        self.awaiting.set(mode == Mode::Concurrent(Variant::Lazy));
        let options = Options::of(&plan, started_by);
        let needs_worker = run.tasks.iter().any(|t| t.spec.kind == TaskKind::Fetch && location::is_api(&t.spec.url));
        let id = run.id;
        if id == 1 {
            self.editor_open.set(false);
        }
        // A new run is shown live, and the runs of a link give way to it.
        self.forget_shared();
        self.leave_replay();
        let column = mode.column();
        self.recorded(column).set(Some(run.clone()));
        self.show(column);
        self.in_flight.set(Some(mode));
        self.elapsed_ms.set(0.0);
        self.origin.set_value(clock::now());
        self.animate(id);
        let (finished, done) = oneshot::channel();
        let this = *self;
        spawn_local(async move {
            // A run that starts before the worker controls the page waits for it (at most 3 s).
            if needs_worker {
                service_worker::ready().await;
            }
            // The run's clock and trace start when its program does, after any wait for the worker.
            let trace = TraceSink::start(id);
            let program = this.execute(run, plan, options, Signals { cancelled, await_it, finished }, trace.clone());
            Traced::new(trace.clone(), Lane::Spawned, program).await;
            let trace = trace.settle(clock::now() - trace.origin()).await;
            this.recorded(column).update(|r| {
                if let Some(r) = r.as_mut().filter(|r| r.id == id) {
                    r.trace = trace;
                }
            });
            this.show(column);
        });
        done
    }

    /// The id of the run in flight, if any.
    fn current_id(&self) -> Option<u32> {
        let mode = self.in_flight.get_untracked()?;
        self.recorded(mode.column()).with_untracked(|r| r.as_ref().map(|r| r.id))
    }

    /// Whether live bars and the "now" line move with the clock on the compositor; with reduced
    /// motion they are drawn at the run's events only.
    pub fn moves_with_clock(&self) -> bool {
        !viewport::reduced_motion()
    }

    /// `performance.now()` at the start of the run in flight: where its bars' motion starts.
    pub fn clock_origin(&self) -> f64 {
        self.origin.get_value()
    }

    /// Refreshes `elapsed_ms` at most every [`TICK_MS`] while run `id` is in flight: the lanes'
    /// "running · 1200 ms" and the axis, once a run outlasts it. Bars and the "now" line move with the
    /// clock on the compositor between ticks, so the lab does not redraw itself every frame.
    fn animate(&self, id: u32) {
        // With reduced motion, the lanes change only at the run's events (`execute`'s sink).
        if viewport::reduced_motion() {
            return;
        }
        let this = *self;
        let mut shown = f64::NEG_INFINITY;
        frames::each_frame(move || {
            let current = this.current_id() == Some(id);
            let elapsed = clock::now() - this.origin.get_value();
            if current && elapsed - shown >= TICK_MS {
                shown = elapsed;
                this.elapsed_ms.set(elapsed);
            }
            current
        });
    }
}

/// How often a live run's figures in words are refreshed: ten times a second reads as live, and
/// costs the thread a fraction of what redrawing every frame did (BENCHMARKS.md, "drew the lab").
const TICK_MS: f64 = 100.0;
