//! The lesson programs: the async Rust that runs, and that the code panel shows.
//!
//! Each lesson module marks the code it shows between `// region:lesson` and `// endregion`;
//! `build.rs` extracts that region at compile time, so the panel can never drift from what runs.

use crate::runtime::clock::now;
use crate::runtime::promise::{self, Eager};
use crate::runtime::trace::{Tagged, TraceSink, Traced};
use crate::runtime::work::{self, Options};
use async_lab_core::trace::{Lane, WakeSource};
use async_lab_core::work::dropped;
use async_lab_core::{LessonId, Milestone, RunEvent, RunPlan, TaskResult, TaskSpec};
use futures::channel::oneshot;
use futures::future::{FutureExt, LocalBoxFuture};
use std::future::Future;
use std::panic::Location;
use std::rc::Rc;

/// One program's call, by the shape of its `main`, inside [`run`]'s future: only race's returns
/// what it leaves running from there.
macro_rules! program {
    // `main(plan, tasks, recorder)`: done when it returns.
    (returns, $module:ident, $plan:ident, $tasks:ident, $recorder:ident, $await_it:ident) => {
        $module::main($plan, $tasks, $recorder).await
    };
    // async-fn: it also waits for the learner's Await it, whose wake is traced as theirs.
    (awaits_it, $module:ident, $plan:ident, $tasks:ident, $recorder:ident, $await_it:ident) => {
        $module::main($plan, $tasks, $recorder, Tagged::new($await_it, WakeSource::AwaitIt)).await
    };
    // context-manager: an error it returns is printed, as Python prints an uncaught one.
    (may_fail, $module:ident, $plan:ident, $tasks:ident, $recorder:ident, $await_it:ident) => {
        if let Err(why) = $module::main($plan, $tasks, $recorder).await {
            $recorder.print(format!("Error: {why}"));
        }
    };
    // race: the one program that can leave something running.
    (leaves_running, $module:ident, $plan:ident, $tasks:ident, $recorder:ident, $await_it:ident) => {
        return $module::main($plan, $tasks, $recorder).await
    };
}

/// Lists every lesson's program once, with the shape of its `main`, and makes the modules and
/// [`run`] from the list: a lesson is its module and one line here (the match it makes is
/// exhaustive, so a lesson of core's registry without its line does not build).
macro_rules! programs {
    ($($lesson:ident in $module:ident: $shape:ident,)*) => {
        $(pub mod $module;)*

        /// Runs lesson `lesson`'s program as `plan` says; `await_it` resolves when the learner
        /// presses async-fn's **Await it**. The programs sit behind one box, so the session's run
        /// future does not inline them (a box per program was measured 1.9 KiB gzip larger: a poll
        /// function and a vtable each, for a state machine no smaller). What the program leaves
        /// running when it returns comes back with it.
        pub fn run<'a>(
            lesson: LessonId,
            plan: &'a RunPlan,
            tasks: &'a [Task<'a>],
            recorder: &'a Recorder,
            await_it: oneshot::Receiver<()>,
        ) -> LocalBoxFuture<'a, RunsOn<'a>> {
            async move {
                match lesson {
                    $(LessonId::$lesson => program!($shape, $module, plan, tasks, recorder, await_it),)*
                }
                RunsOn::nothing()
            }
            .boxed_local()
        }
    };
}

programs! {
    SequentialVsConcurrent in sequential_vs_concurrent: returns,
    AsyncFn in async_fn: awaits_it,
    Gather in gather: returns,
    AsCompleted in as_completed: returns,
    ApiRequests in api_requests: returns,
    AsyncMethods in async_methods: returns,
    ContextManager in context_manager: may_fail,
    Errors in errors: returns,
    Race in race: leaves_running,
    Timeout in timeout: returns,
    Retry in retry: returns,
    Limit in limit: returns,
    CpuBound in cpu_bound: returns,
}

/// What a lesson's program leaves running when it returns: JavaScript promises it cannot stop
/// (race's losers). The run's wall-clock ends when the program returns; the run is settled when
/// these have ended too, so their lanes show when they did.
#[must_use = "the lanes still running end only if this is awaited"]
pub struct RunsOn<'a>(Option<LocalBoxFuture<'a, ()>>);

impl<'a> RunsOn<'a> {
    pub fn nothing() -> RunsOn<'a> {
        RunsOn(None)
    }

    pub fn these(running: LocalBoxFuture<'a, ()>) -> RunsOn<'a> {
        RunsOn(Some(running))
    }

    /// Waits until what was left running has ended.
    pub async fn end(self) {
        if let Some(running) = self.0 {
            running.await;
        }
    }
}

/// async-fn's **Await it**: resolves when the learner presses it, and its wake is traced as theirs.
pub type AwaitIt = Tagged<oneshot::Receiver<()>>;

/// Runs each task's future to the end before creating the next: the sequential pattern.
pub async fn one_by_one<'t, 'a, T, F: std::future::Future<Output = T>>(tasks: &'t [Task<'a>], each: impl Fn(&'t Task<'a>) -> F) -> Vec<T> {
    let mut results = Vec::with_capacity(tasks.len());
    for task in tasks {
        results.push(each(task).await);
    }
    results
}

/// The code each lesson shows, extracted from its source by `build.rs`.
pub mod source {
    use async_lab_core::LessonId;
    include!(concat!(env!("OUT_DIR"), "/lesson_sources.rs"));
}

/// Timestamps what a run does and hands each event to the caller; its tasks' polls and wakes go
/// to the run's trace.
pub struct Recorder {
    start: f64,
    sink: Box<dyn Fn(RunEvent)>,
    trace: Rc<TraceSink>,
}

impl Recorder {
    /// Starts the run's clock now, with a trace of its own.
    pub fn new(run_id: u32, sink: impl Fn(RunEvent) + 'static) -> Recorder {
        Recorder::traced(TraceSink::start(run_id), sink)
    }

    /// Times the run from the start of `trace`, where its polls and wakes are recorded.
    pub fn traced(trace: Rc<TraceSink>, sink: impl Fn(RunEvent) + 'static) -> Recorder {
        Recorder { start: trace.origin(), sink: Box::new(sink), trace }
    }

    /// `performance.now()` when the run started.
    pub fn origin(&self) -> f64 {
        self.start
    }

    /// Milliseconds since the run started.
    pub fn elapsed_ms(&self) -> f64 {
        now() - self.start
    }

    /// A line of the log panel, like the tutorial's `print`.
    pub fn print(&self, text: impl Into<String>) {
        (self.sink)(RunEvent::Log { t_ms: self.elapsed_ms(), text: text.into() });
    }

    /// Marks a lesson milestone (a guard opening, a future's first poll) on the timeline and in the report.
    pub fn mark(&self, milestone: Milestone) {
        (self.sink)(RunEvent::Lesson { t_ms: self.elapsed_ms(), milestone });
    }

    fn emit(&self, event: RunEvent) {
        (self.sink)(event);
    }
}

/// One task of a run, as the lesson code sees it.
pub struct Task<'a> {
    index: usize,
    spec: &'a TaskSpec,
    recorder: &'a Recorder,
    options: Options,
}

impl<'a> Task<'a> {
    /// The run's tasks in submission order.
    pub fn all(specs: &'a [TaskSpec], recorder: &'a Recorder, options: Options) -> Vec<Task<'a>> {
        specs.iter().enumerate().map(|(index, spec)| Task { index, spec, recorder, options }).collect()
    }

    pub fn label(&self) -> &str {
        &self.spec.label
    }

    pub fn url(&self) -> &str {
        &self.spec.url
    }

    pub fn spec(&self) -> &TaskSpec {
        self.spec
    }

    /// Marks the task started now, for work the lesson drives itself.
    pub fn started(&self) {
        self.recorder.emit(RunEvent::TaskStarted { index: self.index, t_ms: self.recorder.elapsed_ms() });
    }

    /// Says what the running task is doing; a cancel keeps it in the task's detail.
    pub fn note(&self, detail: impl Into<String>) {
        self.recorder.emit(RunEvent::TaskNote { index: self.index, detail: detail.into() });
    }

    /// Marks the task finished now with `result`.
    pub fn finished(&self, result: TaskResult) {
        self.recorder.emit(RunEvent::TaskFinished { index: self.index, t_ms: self.recorder.elapsed_ms(), result });
    }

    pub fn print(&self, text: impl Into<String>) {
        self.recorder.print(text);
    }

    /// Waits on the task's timer or request; the thread is free meanwhile. Not an `async fn`:
    /// `#[track_caller]` is ignored on those, and the caller's line is where the code panel marks
    /// the task while it runs.
    #[track_caller]
    pub fn perform(&self) -> LocalBoxFuture<'_, TaskResult> {
        self.created_at(Location::caller());
        self.perform_spec(self.spec).boxed_local()
    }

    /// Waits on the task's request to `url`, which the lesson's code built, instead of its own URL.
    #[track_caller]
    pub fn perform_at<'t>(&'t self, url: &str) -> LocalBoxFuture<'t, TaskResult> {
        self.created_at(Location::caller());
        let spec = TaskSpec { url: url.to_owned(), ..self.spec.clone() };
        async move { self.perform_spec(&spec).await }.boxed_local()
    }

    fn created_at(&self, location: &Location) {
        self.recorder.emit(RunEvent::TaskAt { index: self.index, line: location.line() });
    }

    async fn perform_spec(&self, spec: &TaskSpec) -> TaskResult {
        self.on_lane(work::perform_task(spec, self.options)).await
    }

    /// Runs `work` as the task's lane: started now, its polls traced, finished with its result,
    /// and cancelled if dropped before: work of several steps, such as retry's attempts and waits.
    #[track_caller]
    pub fn perform_with<'t>(&'t self, work: impl Future<Output = TaskResult> + 't) -> impl Future<Output = TaskResult> + 't {
        self.created_at(Location::caller());
        self.on_lane(work)
    }

    async fn on_lane(&self, work: impl Future<Output = TaskResult>) -> TaskResult {
        self.started();
        let mut unfinished = Unfinished { task: self, armed: true };
        let result = Traced::new(self.recorder.trace.clone(), Lane::Task(self.index), work).await;
        unfinished.armed = false;
        self.finished(result.clone());
        result
    }

    /// One attempt at the task's request, to `url`, inside [`Task::perform_with`]: marked on the
    /// task's lane, which it does not end.
    pub async fn attempt(&self, attempt: u32, url: String) -> TaskResult {
        self.recorder.mark(Milestone::AttemptSent { lane: self.index, task: self.spec.label.clone(), attempt });
        work::perform_task(&TaskSpec { url, ..self.spec.clone() }, self.options).await
    }

    /// Marks attempt `attempt` failed with `answer`, the next one `wait_ms` away.
    pub fn retry_after(&self, attempt: u32, answer: &TaskResult, wait_ms: u32) {
        let (task, status) = (self.spec.label.clone(), answer.http_status);
        self.recorder.mark(Milestone::RetryAfter { lane: self.index, task, attempt, status, wait_ms: f64::from(wait_ms) });
    }

    /// Starts the task's work now as a JavaScript promise, which nothing can cancel.
    pub fn start_promise(&self) -> Eager {
        self.started();
        promise::start(self.spec, self.options.started_by)
    }

    /// Waits for the task's promise to settle, and marks the task finished then.
    pub async fn settled(&self, eager: Eager) -> TaskResult {
        let result = eager.settled().await;
        self.finished(result.clone());
        result
    }
}

/// Marks a task's lane finished at the moment its future is dropped unfinished (a race lost, a
/// deadline passed, a sibling's error, a cancel): dropping it cleared its timer or aborted its request.
struct Unfinished<'t, 'a> {
    task: &'t Task<'a>,
    armed: bool,
}

impl Drop for Unfinished<'_, '_> {
    fn drop(&mut self) {
        if self.armed {
            self.task.finished(dropped(self.task.spec.kind));
        }
    }
}
