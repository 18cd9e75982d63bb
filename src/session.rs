//! The app's state and the user's intents: the lesson, its task drafts, the runs, and the actions
//! that start and cancel them. Components read these signals and call these methods.

use crate::lessons::{self, Controls, Recorder, Task};
use crate::runtime::cpu::Style;
use crate::runtime::service_worker::{self, Status};
use crate::runtime::{clock, events, visibility};
use async_lab_core::lesson::Lesson;
use async_lab_core::query::{self, Decoded, Theme, UrlState};
use async_lab_core::scale::Progress;
use async_lab_core::stats::{compare, Comparison};
use async_lab_core::task::{parse_timeout, validate_all, validate_task_count, MAX_TASKS};
use async_lab_core::{Mode, Outcome, Run, RunReport, TaskDraft, TaskKind, TaskSpec};
use futures::channel::oneshot;
use futures::future::{select, Either};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::rc::Rc;

/// A row of the task editor. The id keys the row in lists; the draft holds what was typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DraftRow {
    pub id: u32,
    pub draft: RwSignal<TaskDraft>,
}

/// The delayed endpoint a fetch task with this label and delay starts with.
pub fn endpoint_for(label: &str, delay: &str) -> String {
    let name: String = label.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    format!("api/delay/{}/{}", delay.trim(), name.trim_matches('-'))
}

#[derive(Clone, Copy)]
pub struct Session {
    pub lesson: RwSignal<&'static Lesson>,
    pub rows: RwSignal<Vec<DraftRow>>,
    /// The latest run of each mode, so the two can be compared side by side.
    pub sequential: RwSignal<Option<Run>>,
    pub concurrent: RwSignal<Option<Run>>,
    /// The mode of the run in flight.
    pub in_flight: RwSignal<Option<Mode>>,
    /// Milliseconds since the run in flight started, refreshed every animation frame.
    pub elapsed_ms: RwSignal<f64>,
    /// After **Run both**: the measured sequential and concurrent wall-clocks.
    pub comparison: RwSignal<Option<Comparison>>,
    /// Why the last request to run was refused, if it was.
    pub problem: RwSignal<Option<String>>,
    /// Notices about the page's URL that fell back to defaults.
    pub notices: RwSignal<Vec<String>>,
    /// Whether the delayed endpoints are served by the service worker here, once known.
    pub network: RwSignal<Option<Status>>,
    /// cpu-bound: whether busy loops block or yield.
    pub style: RwSignal<Style>,
    /// Each task's timeout in ms, as typed.
    pub timeout: RwSignal<String>,
    /// async-fn: a created future is waiting for **Await it**.
    pub awaiting: RwSignal<bool>,
    /// The scale control: how many generated tasks, and their delay, as typed.
    pub scale_count: RwSignal<String>,
    pub scale_delay: RwSignal<String>,
    pub scale: RwSignal<ScaleState>,
    /// The scale run in flight or last finished, task by task: read every frame, not through signals,
    /// because 100,000 tasks would mean 200,000 signal updates.
    pub scale_progress: StoredValue<Rc<RefCell<Progress>>, LocalStorage>,
    pub resolution_ms: f64,
    /// `embed=1`: the compact layout for iframes.
    pub embed: bool,
    /// `autorun=1`: Run both once the page is seen.
    pub autorun: bool,
    pub theme: Theme,
    /// `performance.now()` at the start of the run in flight: the origin of its times.
    origin: StoredValue<f64>,
    next_id: StoredValue<u32>,
    cancel: StoredValue<Option<oneshot::Sender<()>>>,
    await_it: StoredValue<Option<oneshot::Sender<()>>>,
    scale_cancel: StoredValue<Option<oneshot::Sender<()>>>,
}

/// The scale control's state: nothing yet, running, measured, or refused input.
#[derive(Clone, Debug, PartialEq)]
pub enum ScaleState {
    Idle,
    Running { n: u32, delay_ms: u32 },
    Done { n: u32, delay_ms: u32, wall_ms: f64, bins: Vec<u32> },
    Refused(String),
}

/// Bars in the scale control's aggregated timeline.
pub const SCALE_BINS: usize = 40;

impl Session {
    pub fn new(decoded: Decoded) -> Session {
        let Decoded { state, notices } = decoded;
        let UrlState { lesson, tasks, embed, autorun, theme, busy, timeout_ms } = state;
        let session = Session {
            lesson: RwSignal::new(lesson),
            rows: RwSignal::new(Vec::new()),
            sequential: RwSignal::new(None),
            concurrent: RwSignal::new(None),
            in_flight: RwSignal::new(None),
            elapsed_ms: RwSignal::new(0.0),
            comparison: RwSignal::new(None),
            problem: RwSignal::new(None),
            notices: RwSignal::new(notices),
            network: RwSignal::new(None),
            style: RwSignal::new(busy),
            timeout: RwSignal::new(timeout_ms.to_string()),
            awaiting: RwSignal::new(false),
            scale_count: RwSignal::new("10000".to_owned()),
            scale_delay: RwSignal::new("100".to_owned()),
            scale: RwSignal::new(ScaleState::Idle),
            scale_progress: StoredValue::new_local(Rc::new(RefCell::new(Progress::default()))),
            resolution_ms: clock::resolution_ms(),
            embed,
            autorun,
            theme,
            origin: StoredValue::new(0.0),
            next_id: StoredValue::new(1),
            cancel: StoredValue::new(None),
            await_it: StoredValue::new(None),
            scale_cancel: StoredValue::new(None),
        };
        spawn_local(async move {
            session.network.set(Some(service_worker::ready().await));
        });
        session.set_tasks(&tasks.unwrap_or_else(|| lesson.default_tasks()));
        session
    }

    fn next_id(&self) -> u32 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        id
    }

    fn set_tasks(&self, tasks: &[TaskSpec]) {
        let rows = tasks.iter().map(|t| DraftRow { id: self.next_id(), draft: RwSignal::new(TaskDraft::from(t)) }).collect();
        self.rows.set(rows);
    }

    /// Sequential runs go to one slot and every concurrent kind to the other, so the two compare.
    pub fn slot(&self, mode: Mode) -> RwSignal<Option<Run>> {
        match mode {
            Mode::Sequential => self.sequential,
            _ => self.concurrent,
        }
    }

    /// The concurrent mode of this lesson: cpu-bound's depends on the Block / Yield choice.
    pub fn concurrent_mode(&self) -> Mode {
        match (self.lesson.get_untracked().id, self.style.get_untracked()) {
            ("cpu-bound", Style::Block) => Mode::Blocking,
            ("cpu-bound", Style::Yield) => Mode::Yielding,
            _ => Mode::Concurrent,
        }
    }

    pub fn is_running(&self) -> bool {
        self.in_flight.with(Option::is_some)
    }

    pub fn add_task(&self) {
        let count = self.rows.with_untracked(Vec::len);
        if let Err(e) = validate_task_count(count + 1) {
            self.problem.set(Some(e.message));
            return;
        }
        let spec = TaskSpec::timer(&format!("Data {}", count + 1), 1000);
        self.rows.update(|rows| rows.push(DraftRow { id: self.next_id(), draft: RwSignal::new(TaskDraft::from(&spec)) }));
        self.problem.set(None);
    }

    pub fn remove_task(&self) {
        let count = self.rows.with_untracked(Vec::len);
        if let Err(e) = validate_task_count(count.saturating_sub(1)) {
            self.problem.set(Some(e.message));
            return;
        }
        self.rows.update(|rows| {
            rows.pop();
        });
        self.problem.set(None);
    }

    /// Restores the lesson's defaults and clears its runs.
    pub fn reset(&self) {
        self.cancel();
        self.set_tasks(&self.lesson.get_untracked().default_tasks());
        self.sequential.set(None);
        self.concurrent.set(None);
        self.comparison.set(None);
        self.problem.set(None);
    }

    /// Switching a task to fetch gives it a delayed endpoint that works out of the box.
    pub fn set_kind(&self, draft: RwSignal<TaskDraft>, kind: TaskKind) {
        draft.update(|d| {
            d.kind = kind;
            if kind == TaskKind::Fetch && d.url.trim().is_empty() {
                d.url = endpoint_for(&d.label, &d.delay);
            }
        });
    }

    /// Applies an edit to a draft; a URL still generated from its label and delay follows them.
    pub fn edit(&self, draft: RwSignal<TaskDraft>, apply: impl FnOnce(&mut TaskDraft)) {
        draft.update(|d| {
            let follows = d.url == endpoint_for(&d.label, &d.delay);
            apply(d);
            if follows {
                d.url = endpoint_for(&d.label, &d.delay);
            }
        });
    }

    /// What the page shows, as URL state; `None` while a task has an invalid field.
    pub fn url_state(&self, embed: bool) -> Option<UrlState> {
        let drafts: Vec<TaskDraft> = self.rows.with(|rows| rows.iter().map(|r| r.draft.get()).collect());
        let tasks = validate_all(&drafts).ok()?;
        let timeout_ms = parse_timeout(&self.timeout.get()).ok()?;
        Some(UrlState { lesson: self.lesson.get(), tasks: Some(tasks), embed, autorun: self.autorun && embed, theme: self.theme, busy: self.style.get(), timeout_ms })
    }

    /// The query string of [`Session::url_state`].
    pub fn query(&self, embed: bool) -> Option<String> {
        self.url_state(embed).map(|s| query::encode(&s))
    }

    pub fn can_add(&self) -> bool {
        self.rows.with(Vec::len) < MAX_TASKS
    }

    /// The tasks as typed, validated; on failure the reason is shown beside the buttons.
    fn specs(&self) -> Option<Vec<TaskSpec>> {
        let drafts: Vec<TaskDraft> = self.rows.with_untracked(|rows| rows.iter().map(|r| r.draft.get_untracked()).collect());
        if let Err(e) = parse_timeout(&self.timeout.get_untracked()) {
            self.problem.set(Some(format!("Nothing ran. {}", e.message)));
            return None;
        }
        match validate_all(&drafts) {
            Ok(specs) => {
                self.problem.set(None);
                Some(specs)
            }
            Err(errors) => {
                let (index, first) = &errors[0];
                let place = index.map(|i| format!("Task {}: ", i + 1)).unwrap_or_default();
                let more = if errors.len() > 1 { format!(" ({} problems in all)", errors.len()) } else { String::new() };
                self.problem.set(Some(format!("Nothing ran. {place}{}{more}", first.message)));
                None
            }
        }
    }

    pub fn run(&self, mode: Mode) {
        let mode = if mode == Mode::Concurrent { self.concurrent_mode() } else { mode };
        if let Some(specs) = self.specs() {
            self.comparison.set(None);
            self.start(mode, specs, None);
        }
    }

    /// async-fn: creates the future and a JS promise beside it; the future waits for [`Session::await_it`].
    pub fn create_future(&self) {
        let Some(mut specs) = self.specs() else { return };
        specs.truncate(1);
        let contrast = TaskSpec::timer("new Promise(…) in JS", specs[0].delay_ms);
        specs.push(contrast);
        self.comparison.set(None);
        self.start(Mode::Lazy, specs, None);
    }

    /// async-fn: polls the created future for the first time.
    pub fn await_it(&self) {
        if let Some(trigger) = self.await_it.try_update_value(Option::take).flatten() {
            let _ = trigger.send(());
        }
        self.awaiting.set(false);
    }

    /// Runs the scale control's N concurrent sleeps; a new scale run cancels the one in flight.
    pub fn run_scale(&self) {
        let parsed = async_lab_core::task::parse_scale_count(&self.scale_count.get_untracked())
            .and_then(|n| Ok((n, async_lab_core::task::parse_delay(&self.scale_delay.get_untracked())?)));
        let (n, delay_ms) = match parsed {
            Ok(v) => v,
            Err(e) => return self.scale.set(ScaleState::Refused(format!("Nothing ran. {}", e.message))),
        };
        if let Some(cancel) = self.scale_cancel.try_update_value(Option::take).flatten() {
            let _ = cancel.send(());
        }
        let (cancel_tx, cancel_rx) = oneshot::channel::<()>();
        self.scale_cancel.set_value(Some(cancel_tx));
        let progress = Rc::new(RefCell::new(Progress::new(n as usize)));
        self.scale_progress.set_value(progress.clone());
        self.scale.set(ScaleState::Running { n, delay_ms });
        let this = *self;
        spawn_local(async move {
            let work = std::pin::pin!(crate::runtime::scale::run(n, delay_ms, &progress));
            // A superseded run lands nothing: the newer one owns the display.
            if let Either::Left((wall_ms, _)) = select(work, cancel_rx).await {
                let bins = async_lab_core::stats::histogram(&progress.borrow().end_times(), wall_ms, SCALE_BINS);
                this.scale.set(ScaleState::Done { n, delay_ms, wall_ms, bins });
                this.scale_cancel.set_value(None);
            }
        });
    }

    /// autorun: Run both once the page is seen, if every task stays on this origin.
    pub async fn autorun_when_seen(self, element: web_sys::Element) {
        crate::runtime::embed::seen(&element).await;
        let specs: Vec<TaskSpec> = self.rows.with_untracked(|rows| rows.iter().filter_map(|r| r.draft.get_untracked().validate().ok()).collect());
        if same_origin_only(&specs) {
            self.run_both();
        } else {
            self.notices.update(|n| n.push("autorun=1 was ignored: it runs only tasks that stay on this page's origin.".to_owned()));
        }
    }

    /// Sequential, then concurrent, then the comparison of the two.
    pub fn run_both(&self) {
        let Some(specs) = self.specs() else { return };
        self.comparison.set(None);
        let this = *self;
        let concurrent_specs = specs.clone();
        let concurrent = self.concurrent_mode();
        self.start(
            Mode::Sequential,
            specs,
            Some(Box::new(move |sequential_wall| {
                this.start(
                    concurrent,
                    concurrent_specs,
                    Some(Box::new(move |concurrent_wall| this.comparison.set(Some(compare(sequential_wall, concurrent_wall))))),
                );
            })),
        );
    }

    /// Cancels the run in flight: its timers are cleared and its requests aborted.
    pub fn cancel(&self) {
        if let Some(cancel) = self.cancel.try_update_value(Option::take).flatten() {
            let _ = cancel.send(());
        }
    }

    /// Starts a run, cancelling any run in flight first. `then` gets the wall-clock of a run
    /// that was not cancelled.
    fn start(&self, mode: Mode, specs: Vec<TaskSpec>, then: Option<Box<dyn FnOnce(f64)>>) {
        self.cancel();
        let (cancel_tx, cancel_rx) = oneshot::channel::<()>();
        self.cancel.set_value(Some(cancel_tx));
        let (await_tx, await_rx) = oneshot::channel::<()>();
        self.await_it.set_value((mode == Mode::Lazy).then_some(await_tx));
        self.awaiting.set(mode == Mode::Lazy);
        let timeout_ms = parse_timeout(&self.timeout.get_untracked()).unwrap_or(async_lab_core::task::DEFAULT_TIMEOUT_MS);
        let options = crate::runtime::work::Options { style: self.style.get_untracked(), timeout_ms };
        let controls = Controls { options, await_it: Some(await_rx) };
        let needs_worker = specs.iter().any(|s| s.kind == TaskKind::Fetch && service_worker::is_api(&s.url));
        let id = self.next_id();
        let lesson = self.lesson.get_untracked();
        let run = Run::new(id, lesson.id, mode, specs.clone());
        let slot = self.slot(mode);
        slot.set(Some(run.clone()));
        self.in_flight.set(Some(mode));
        self.elapsed_ms.set(0.0);

        // The task keeps its own copy of the run, so a superseded run still reports how it ended
        // even after the UI has moved on to a newer one.
        let own = Rc::new(RefCell::new(run));
        let sink = {
            let own = own.clone();
            move |event: async_lab_core::RunEvent| {
                own.borrow_mut().apply(event.clone());
                slot.update(|r| {
                    if let Some(r) = r.as_mut().filter(|r| r.id == id) {
                        r.apply(event);
                    }
                });
            }
        };
        let mark = visibility::mark();
        let this = *self;
        this.origin.set_value(clock::now());
        this.animate(id);
        spawn_local(async move {
            // A run that starts before the worker controls the page waits for it (at most 3 s).
            if needs_worker {
                service_worker::ready().await;
            }
            // The run's clock starts when its program does, not when the UI finished drawing its lanes.
            let recorder = Recorder::new(sink);
            this.origin.set_value(recorder.origin());
            let cancelled = {
                let tasks = Task::all(&specs, &recorder, controls.options);
                let work = std::pin::pin!(lessons::run(lesson.id, mode, &tasks, &recorder, controls));
                // A dropped sender (a newer run) counts as a cancel too.
                matches!(select(work, cancel_rx).await, Either::Right(_))
            };
            let wall = recorder.elapsed_ms();
            let report = {
                let mut run = own.borrow_mut();
                run.throttled = mark.hidden_since();
                run.finish(wall, cancelled);
                RunReport::of(&run, this.resolution_ms)
            };
            let settled = own.borrow().clone();
            slot.update(|r| {
                if r.as_ref().is_some_and(|r| r.id == id) {
                    *r = Some(settled);
                }
            });
            if this.slot(mode).with_untracked(|r| r.as_ref().is_some_and(|r| r.id == id)) && this.in_flight.get_untracked() == Some(mode) {
                this.in_flight.set(None);
                this.cancel.set_value(None);
                this.awaiting.set(false);
            }
            if let Some(report) = &report {
                events::dispatch_run(report);
            }
            if let (false, Some(then), Some(Outcome::Completed | Outcome::Failed)) = (cancelled, then, report.map(|r| r.outcome)) {
                then(wall);
            }
        });
    }

    /// Refreshes `elapsed_ms` every animation frame while run `id` is in flight, so bars grow smoothly.
    fn animate(&self, id: u32) {
        // With reduced motion, bars change only when tasks start and end.
        if crate::runtime::frames::reduced_motion() {
            return;
        }
        let this = *self;
        crate::runtime::frames::each_frame(move || {
            let current = this.in_flight.get_untracked().and_then(|m| this.slot(m).with_untracked(|r| r.as_ref().map(|r| r.id)));
            if current == Some(id) {
                this.elapsed_ms.set(clock::now() - this.origin.get_value());
            }
            current == Some(id)
        });
    }
}

/// Whether every task stays on this page's origin: autorun may start only those.
pub fn same_origin_only(specs: &[TaskSpec]) -> bool {
    specs.iter().all(|s| s.kind != TaskKind::Fetch || crate::runtime::embed::same_origin(&s.url))
}
