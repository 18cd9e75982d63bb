//! The run model: what a run is made of, the events the runtime reports, and the state they build.

use crate::stats::{self, Interval, Totals};
use crate::task::{TaskKind, TaskSpec};
use serde::Serialize;

/// How a run schedules its tasks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// One task after another: each `await` finishes before the next task starts.
    Sequential,
    /// All tasks at once, gathered with `join_all`.
    Concurrent,
    /// async-fn: a future created first and awaited later, on the learner's command.
    Lazy,
    /// cpu-bound: concurrent, with busy loops that never yield to the browser.
    Blocking,
    /// cpu-bound: concurrent, with busy loops cut into slices that yield to the browser.
    Yielding,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Sequential => "sequential",
            Mode::Concurrent => "concurrent",
            Mode::Lazy => "lazy",
            Mode::Blocking => "blocking",
            Mode::Yielding => "yielding",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Mode::Sequential => "Sequential",
            Mode::Concurrent => "Concurrent",
            Mode::Lazy => "Create, then await",
            Mode::Blocking => "Concurrent, blocking loop",
            Mode::Yielding => "Concurrent, yielding loop",
        }
    }

    /// Every mode but sequential runs its tasks at the same time.
    pub fn is_concurrent(self) -> bool {
        self != Mode::Sequential
    }
}

/// How a finished run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Completed,
    /// Ran to the end, but at least one task failed or timed out.
    Failed,
    /// Cancelled by the user, or superseded by a newer run.
    Cancelled,
}

/// Where a task is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TaskStatus {
    Waiting,
    Running,
    Ok,
    Error,
    Cancelled,
    Timeout,
}

impl TaskStatus {
    pub fn is_finished(self) -> bool {
        !matches!(self, TaskStatus::Waiting | TaskStatus::Running)
    }

    /// The word shown to people (lanes, the screen-reader table).
    pub fn label(self) -> &'static str {
        match self {
            TaskStatus::Waiting => "waiting",
            TaskStatus::Running => "running",
            TaskStatus::Ok => "done",
            TaskStatus::Error => "failed",
            TaskStatus::Cancelled => "cancelled",
            TaskStatus::Timeout => "timed out",
        }
    }
}

/// Where a task's result came from; the UI never claims more than this.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    Timer,
    Network,
    ServiceWorker,
    /// A real fetch whose latency was added on the client.
    Simulated,
    Cpu,
}

impl Source {
    /// Where a task of this kind is answered from until its result says otherwise.
    pub fn of(kind: TaskKind) -> Source {
        match kind {
            TaskKind::Timer => Source::Timer,
            TaskKind::Fetch => Source::Network,
            TaskKind::Cpu => Source::Cpu,
        }
    }
}

/// How a task ended, as the runtime saw it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TaskResult {
    pub status: TaskStatus,
    pub source: Source,
    pub http_status: Option<u16>,
    pub bytes: Option<u64>,
    pub detail: String,
}

impl TaskResult {
    pub fn timer(status: TaskStatus, detail: impl Into<String>) -> TaskResult {
        TaskResult { status, source: Source::Timer, http_status: None, bytes: None, detail: detail.into() }
    }
}

/// What the runtime reports while a run is in flight; times are ms since the run started.
#[derive(Clone, Debug, PartialEq)]
pub enum RunEvent {
    TaskStarted { index: usize, t_ms: f64 },
    TaskFinished { index: usize, t_ms: f64, result: TaskResult },
    /// What a running task is doing, said before it ends (kept if the run is cancelled).
    TaskNote { index: usize, detail: String },
    /// A line of the lesson's `print` output.
    Log { t_ms: f64, text: String },
    /// A lesson event such as a guard opening or a future's first poll.
    Lesson { t_ms: f64, label: String, what: String },
}

/// One task of a run, with what has happened to it so far.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskRecord {
    pub spec: TaskSpec,
    pub start_ms: Option<f64>,
    pub end_ms: Option<f64>,
    pub status: TaskStatus,
    pub source: Source,
    pub http_status: Option<u16>,
    pub bytes: Option<u64>,
    pub detail: String,
}

impl TaskRecord {
    fn new(spec: TaskSpec) -> TaskRecord {
        let source = Source::of(spec.kind);
        TaskRecord { spec, start_ms: None, end_ms: None, status: TaskStatus::Waiting, source, http_status: None, bytes: None, detail: String::new() }
    }

    /// Measured duration, once the task has ended.
    pub fn duration_ms(&self) -> Option<f64> {
        Some(self.end_ms? - self.start_ms?)
    }

    /// Actual minus requested duration, once the task has ended.
    pub fn late_ms(&self) -> Option<f64> {
        Some(self.duration_ms()? - f64::from(self.spec.delay_ms))
    }

    pub fn interval(&self) -> Interval {
        Interval { requested_ms: f64::from(self.spec.delay_ms), start_ms: self.start_ms, end_ms: self.end_ms, cpu: self.spec.kind == TaskKind::Cpu }
    }
}

/// A timestamped line of the log panel.
#[derive(Clone, Debug, PartialEq)]
pub struct LogLine {
    pub t_ms: f64,
    pub text: String,
}

/// A lesson event kept for the report and the timeline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LessonEvent {
    pub t_ms: f64,
    pub label: String,
    pub what: String,
}

/// Everything known about one run: built only by applying [`RunEvent`]s.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub id: u32,
    pub lesson: String,
    pub mode: Mode,
    pub tasks: Vec<TaskRecord>,
    pub log: Vec<LogLine>,
    pub events: Vec<LessonEvent>,
    /// Task indices in the order they finished.
    pub completion_order: Vec<usize>,
    pub wall_ms: Option<f64>,
    pub outcome: Option<Outcome>,
    pub throttled: bool,
}

impl Run {
    pub fn new(id: u32, lesson: &str, mode: Mode, specs: Vec<TaskSpec>) -> Run {
        Run {
            id,
            lesson: lesson.to_owned(),
            mode,
            tasks: specs.into_iter().map(TaskRecord::new).collect(),
            log: Vec::new(),
            events: Vec::new(),
            completion_order: Vec::new(),
            wall_ms: None,
            outcome: None,
            throttled: false,
        }
    }

    pub fn is_finished(&self) -> bool {
        self.outcome.is_some()
    }

    /// Folds one runtime event into the run. Events after the run finished, or for
    /// unknown tasks, are ignored: a stale event must never change a settled run.
    pub fn apply(&mut self, event: RunEvent) {
        if self.is_finished() {
            return;
        }
        match event {
            RunEvent::TaskStarted { index, t_ms } => {
                if let Some(task) = self.tasks.get_mut(index) {
                    task.start_ms = Some(t_ms);
                    task.status = TaskStatus::Running;
                }
            }
            RunEvent::TaskFinished { index, t_ms, result } => {
                if let Some(task) = self.tasks.get_mut(index) {
                    if task.status.is_finished() {
                        return;
                    }
                    task.start_ms.get_or_insert(t_ms);
                    task.end_ms = Some(t_ms);
                    task.status = result.status;
                    task.source = result.source;
                    task.http_status = result.http_status;
                    task.bytes = result.bytes;
                    task.detail = result.detail;
                    self.completion_order.push(index);
                }
            }
            RunEvent::TaskNote { index, detail } => {
                if let Some(task) = self.tasks.get_mut(index).filter(|t| !t.status.is_finished()) {
                    task.detail = detail;
                }
            }
            RunEvent::Log { t_ms, text } => self.log.push(LogLine { t_ms, text }),
            RunEvent::Lesson { t_ms, label, what } => self.events.push(LessonEvent { t_ms, label, what }),
        }
    }

    /// Ends the run at `t_ms`. Tasks still running become cancelled at that moment;
    /// tasks that never started keep no times.
    pub fn finish(&mut self, t_ms: f64, cancelled: bool) {
        if self.is_finished() {
            return;
        }
        for task in &mut self.tasks {
            match task.status {
                TaskStatus::Running => {
                    task.end_ms = Some(t_ms);
                    task.status = TaskStatus::Cancelled;
                    // A note says what a cancel could not stop (a JS promise's timer); keep it.
                    task.detail = if task.detail.is_empty() {
                        "cancelled while running".to_owned()
                    } else {
                        format!("{}; the run stopped waiting for it", task.detail)
                    };
                }
                TaskStatus::Waiting => {
                    task.status = TaskStatus::Cancelled;
                    task.detail = "never started".to_owned();
                }
                _ => {}
            }
        }
        self.wall_ms = Some(t_ms);
        let failed = self.tasks.iter().any(|t| matches!(t.status, TaskStatus::Error | TaskStatus::Timeout));
        self.outcome = Some(if cancelled {
            Outcome::Cancelled
        } else if failed {
            Outcome::Failed
        } else {
            Outcome::Completed
        });
    }

    /// The run's statistics, once it has finished.
    pub fn totals(&self) -> Option<Totals> {
        let intervals: Vec<Interval> = self.tasks.iter().map(TaskRecord::interval).collect();
        Some(stats::totals(self.mode, &intervals, self.wall_ms?))
    }

    /// What the model predicts for this run's mode from the requested delays.
    pub fn expected_wall_ms(&self) -> f64 {
        let intervals: Vec<Interval> = self.tasks.iter().map(TaskRecord::interval).collect();
        stats::expected_wall_ms(self.mode, &intervals)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_timers(mode: Mode) -> Run {
        Run::new(1, "sequential-vs-concurrent", mode, vec![TaskSpec::timer("Data 1", 2000), TaskSpec::timer("Data 2", 2000)])
    }

    fn ok() -> TaskResult {
        TaskResult::timer(TaskStatus::Ok, "slept")
    }

    #[test]
    fn events_build_the_run() {
        let mut run = two_timers(Mode::Concurrent);
        run.apply(RunEvent::TaskStarted { index: 0, t_ms: 0.1 });
        run.apply(RunEvent::TaskStarted { index: 1, t_ms: 0.2 });
        run.apply(RunEvent::TaskFinished { index: 1, t_ms: 2000.4, result: ok() });
        run.apply(RunEvent::TaskFinished { index: 0, t_ms: 2001.0, result: ok() });
        run.finish(2001.2, false);
        assert_eq!(run.completion_order, [1, 0]);
        assert_eq!(run.outcome, Some(Outcome::Completed));
        let totals = run.totals().unwrap();
        assert!((totals.sum_ms - 4001.1).abs() < 1e-9);
        assert_eq!(run.expected_wall_ms(), 2000.0);
    }

    #[test]
    fn finish_cancels_what_is_in_flight() {
        let mut run = two_timers(Mode::Sequential);
        run.apply(RunEvent::TaskStarted { index: 0, t_ms: 0.0 });
        run.finish(500.0, true);
        assert_eq!(run.outcome, Some(Outcome::Cancelled));
        assert_eq!(run.tasks[0].status, TaskStatus::Cancelled);
        assert_eq!(run.tasks[0].end_ms, Some(500.0));
        assert_eq!(run.tasks[1].start_ms, None);
        assert_eq!(run.tasks[1].end_ms, None);
    }

    #[test]
    fn a_cancel_keeps_what_a_task_said_it_cannot_stop() {
        let mut run = two_timers(Mode::Lazy);
        run.apply(RunEvent::TaskStarted { index: 1, t_ms: 0.0 });
        run.apply(RunEvent::TaskNote { index: 1, detail: "a JS promise cannot be cancelled".into() });
        run.finish(50.0, true);
        assert_eq!(run.tasks[1].detail, "a JS promise cannot be cancelled; the run stopped waiting for it");
    }

    #[test]
    fn stale_events_do_not_change_a_finished_run() {
        let mut run = two_timers(Mode::Sequential);
        run.finish(10.0, true);
        let before = run.clone();
        run.apply(RunEvent::TaskFinished { index: 0, t_ms: 20.0, result: ok() });
        run.apply(RunEvent::TaskStarted { index: 7, t_ms: 20.0 });
        assert_eq!(run, before);
    }

    #[test]
    fn a_failed_task_fails_the_run() {
        let mut run = two_timers(Mode::Concurrent);
        run.apply(RunEvent::TaskStarted { index: 0, t_ms: 0.0 });
        run.apply(RunEvent::TaskFinished { index: 0, t_ms: 1.0, result: TaskResult::timer(TaskStatus::Error, "boom") });
        run.apply(RunEvent::TaskStarted { index: 1, t_ms: 0.0 });
        run.apply(RunEvent::TaskFinished { index: 1, t_ms: 1.0, result: ok() });
        run.finish(1.0, false);
        assert_eq!(run.outcome, Some(Outcome::Failed));
    }
}
