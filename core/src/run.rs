//! The run model: what a run is made of, the events the runtime reports, and the state they build.

use crate::lesson::LessonId;
use crate::milestone::Milestone;
use crate::mode::Mode;
use crate::result::{TaskResult, TaskStatus};
use crate::retry;
use crate::stats::{self, Comparison, Interval, Totals};
use crate::task::{TaskKind, TaskSpec};
use crate::trace::Trace;

/// How a finished run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Completed,
    /// Ran to the end, but at least one task failed or timed out.
    Failed,
    /// Cancelled by the user, or superseded by a newer run.
    Cancelled,
}

impl Outcome {
    /// Its name in the report.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Completed => "completed",
            Outcome::Failed => "failed",
            Outcome::Cancelled => "cancelled",
        }
    }
}

/// What the runtime reports while a run is in flight; times are ms since the run started.
#[derive(Clone, Debug, PartialEq)]
pub enum RunEvent {
    TaskStarted {
        index: usize,
        t_ms: f64,
    },
    TaskFinished {
        index: usize,
        t_ms: f64,
        result: TaskResult,
    },
    /// Where the lesson's code awaits the task: the line of its source file that created the
    /// task's future (a `#[track_caller]` location recorded at run time, never typed by hand).
    TaskAt {
        index: usize,
        line: u32,
    },
    /// What a running task is doing, said before it ends (kept if the run is cancelled).
    TaskNote {
        index: usize,
        detail: String,
    },
    /// A line of the lesson's `print` output.
    Log {
        t_ms: f64,
        text: String,
    },
    /// A lesson milestone such as a guard opening or a future's first poll.
    Lesson {
        t_ms: f64,
        milestone: Milestone,
    },
}

/// One task of a run, with what has happened to it so far: its result is "waiting" until it ends.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskRecord {
    pub spec: TaskSpec,
    pub start_ms: Option<f64>,
    pub end_ms: Option<f64>,
    pub result: TaskResult,
    /// The line of the lesson's source where the task's future was created and is awaited.
    pub line: Option<u32>,
}

impl TaskRecord {
    pub(crate) fn new(spec: TaskSpec) -> TaskRecord {
        let result = TaskResult::waiting(spec.kind);
        TaskRecord { spec, start_ms: None, end_ms: None, result, line: None }
    }

    /// What `RunEvent::TaskStarted` does to the record; a replay starts records the same way.
    pub(crate) fn start(&mut self, t_ms: f64) {
        self.start_ms = Some(t_ms);
        self.result.status = TaskStatus::Running;
    }

    pub fn status(&self) -> TaskStatus {
        self.result.status
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
        let (cpu, fails) = (self.spec.kind == TaskKind::Cpu, self.spec.fails);
        Interval { requested_ms: f64::from(self.spec.delay_ms), start_ms: self.start_ms, end_ms: self.end_ms, cpu, fails }
    }
}

/// A timestamped line of the log panel.
#[derive(Clone, Debug, PartialEq)]
pub struct LogLine {
    pub t_ms: f64,
    pub text: String,
}

/// A lesson milestone kept for the timeline, the takeaway and the report.
#[derive(Clone, Debug, PartialEq)]
pub struct LessonEvent {
    pub t_ms: f64,
    pub milestone: Milestone,
}

/// Everything known about one run: built only by applying [`RunEvent`]s.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub id: u32,
    pub lesson: LessonId,
    pub mode: Mode,
    pub tasks: Vec<TaskRecord>,
    pub log: Vec<LogLine>,
    pub events: Vec<LessonEvent>,
    /// Task indices in the order they finished.
    pub completion_order: Vec<usize>,
    pub wall_ms: Option<f64>,
    pub outcome: Option<Outcome>,
    pub throttled: bool,
    /// On the concurrent run of a **Run both** pair: the measured wall-clock of its sequential run.
    pub sequential_wall_ms: Option<f64>,
    /// Every poll and wake of the run's futures; filled in when the run's program has returned.
    pub trace: Trace,
}

impl Run {
    pub fn new(id: u32, lesson: LessonId, mode: Mode, specs: Vec<TaskSpec>) -> Run {
        Run {
            id,
            lesson,
            mode,
            tasks: specs.into_iter().map(TaskRecord::new).collect(),
            log: Vec::new(),
            events: Vec::new(),
            completion_order: Vec::new(),
            wall_ms: None,
            outcome: None,
            throttled: false,
            sequential_wall_ms: None,
            trace: Trace::new(id),
        }
    }

    /// This run as the second half of **Run both**, after a sequential run that took `wall_ms`.
    pub fn after_sequential(self, wall_ms: f64) -> Run {
        Run { sequential_wall_ms: Some(wall_ms), ..self }
    }

    /// What concurrency saved, from the two measured wall-clocks of a Run both pair; `None` for a
    /// run on its own, and for a pair whose second half was cancelled.
    pub fn comparison(&self) -> Option<Comparison> {
        match self.outcome? {
            Outcome::Completed | Outcome::Failed => Some(stats::compare(self.sequential_wall_ms?, self.wall_ms?)),
            Outcome::Cancelled => None,
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
                    task.start(t_ms);
                }
            }
            RunEvent::TaskFinished { index, t_ms, result } => {
                if let Some(task) = self.tasks.get_mut(index) {
                    if task.status().is_finished() {
                        return;
                    }
                    task.start_ms.get_or_insert(t_ms);
                    task.end_ms = Some(t_ms);
                    task.result = result;
                    self.completion_order.push(index);
                }
            }
            RunEvent::TaskAt { index, line } => {
                if let Some(task) = self.tasks.get_mut(index) {
                    task.line = Some(line);
                }
            }
            RunEvent::TaskNote { index, detail } => {
                if let Some(task) = self.tasks.get_mut(index).filter(|t| !t.status().is_finished()) {
                    task.result.detail = detail;
                }
            }
            RunEvent::Log { t_ms, text } => self.log.push(LogLine { t_ms, text }),
            RunEvent::Lesson { t_ms, milestone } => self.events.push(LessonEvent { t_ms, milestone }),
        }
    }

    /// The run's program returned at `t_ms`: it completed, or failed if a task did.
    pub fn complete(&mut self, t_ms: f64) {
        let failed = self.tasks.iter().any(|t| matches!(t.status(), TaskStatus::Error | TaskStatus::Timeout));
        self.end(t_ms, if failed { Outcome::Failed } else { Outcome::Completed });
    }

    /// The run was cancelled (or superseded) at `t_ms`.
    pub fn cancel(&mut self, t_ms: f64) {
        self.end(t_ms, Outcome::Cancelled);
    }

    /// Tasks still running become cancelled at `t_ms`; tasks that never started keep no times.
    fn end(&mut self, t_ms: f64, outcome: Outcome) {
        if self.is_finished() {
            return;
        }
        for task in &mut self.tasks {
            let result = &mut task.result;
            match result.status {
                TaskStatus::Running => {
                    task.end_ms = Some(t_ms);
                    result.status = TaskStatus::Cancelled;
                    // A note says what a cancel could not stop (a JS promise's timer); keep it.
                    result.detail = if result.detail.is_empty() {
                        "cancelled while running".to_owned()
                    } else {
                        format!("{}; the run stopped waiting for it", result.detail)
                    };
                }
                TaskStatus::Waiting => {
                    result.status = TaskStatus::Cancelled;
                    result.detail = "never started".to_owned();
                }
                TaskStatus::Ok | TaskStatus::Error | TaskStatus::Cancelled | TaskStatus::Timeout => {}
            }
        }
        self.wall_ms = Some(t_ms);
        self.outcome = Some(outcome);
    }

    /// When the last recorded thing ended, once the run has finished: its wall-clock, or later where
    /// a lane it could not stop (a JS promise) ended after its program returned.
    pub fn span_ms(&self) -> Option<f64> {
        Some(self.tasks.iter().filter_map(|t| t.end_ms).fold(self.wall_ms?, f64::max))
    }

    /// The run's statistics, once it has finished.
    pub fn totals(&self) -> Option<Totals> {
        Some(stats::totals(self.lesson, self.mode, &self.intervals(), self.wall_ms?, self.in_flight_limit()))
    }

    /// What the model predicts for this run's mode from the requested delays.
    pub fn expected_wall_ms(&self) -> f64 {
        stats::expected_for(self.lesson, self.mode, &self.intervals(), self.in_flight_limit())
    }

    /// The tasks as the model sees them: retry's each as long as its attempts and nominal waits.
    fn intervals(&self) -> Vec<Interval> {
        let k = self.fail_first().unwrap_or(0);
        self.tasks.iter().map(|t| retry::stretched(t.interval(), k)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mode::Variant;

    fn two_timers(mode: Mode) -> Run {
        Run::new(1, LessonId::SequentialVsConcurrent, mode, vec![TaskSpec::timer("Data 1", 2000), TaskSpec::timer("Data 2", 2000)])
    }

    fn ok() -> TaskResult {
        TaskResult::timer(TaskStatus::Ok, "slept")
    }

    #[test]
    fn events_build_the_run() {
        let mut run = two_timers(Mode::Concurrent(Variant::Gather));
        run.apply(RunEvent::TaskStarted { index: 0, t_ms: 0.1 });
        run.apply(RunEvent::TaskStarted { index: 1, t_ms: 0.2 });
        run.apply(RunEvent::TaskFinished { index: 1, t_ms: 2000.4, result: ok() });
        run.apply(RunEvent::TaskFinished { index: 0, t_ms: 2001.0, result: ok() });
        run.complete(2001.2);
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
        run.cancel(500.0);
        assert_eq!(run.outcome, Some(Outcome::Cancelled));
        assert_eq!(run.tasks[0].status(), TaskStatus::Cancelled);
        assert_eq!(run.tasks[0].end_ms, Some(500.0));
        assert_eq!(run.tasks[1].start_ms, None);
        assert_eq!(run.tasks[1].end_ms, None);
    }

    #[test]
    fn a_cancel_keeps_what_a_task_said_it_cannot_stop() {
        let mut run = two_timers(Mode::Concurrent(Variant::Lazy));
        run.apply(RunEvent::TaskStarted { index: 1, t_ms: 0.0 });
        run.apply(RunEvent::TaskNote { index: 1, detail: "a JS promise cannot be cancelled".into() });
        run.cancel(50.0);
        assert_eq!(run.tasks[1].result.detail, "a JS promise cannot be cancelled; the run stopped waiting for it");
    }

    #[test]
    fn stale_events_do_not_change_a_finished_run() {
        let mut run = two_timers(Mode::Sequential);
        run.cancel(10.0);
        let before = run.clone();
        run.apply(RunEvent::TaskFinished { index: 0, t_ms: 20.0, result: ok() });
        run.apply(RunEvent::TaskStarted { index: 7, t_ms: 20.0 });
        assert_eq!(run, before);
    }

    #[test]
    fn only_the_second_half_of_a_pair_compares() {
        let mut alone = two_timers(Mode::Concurrent(Variant::Gather));
        alone.complete(2000.0);
        assert_eq!(alone.comparison(), None);
        let mut pair = two_timers(Mode::Concurrent(Variant::Gather)).after_sequential(4000.0);
        assert_eq!(pair.comparison(), None, "not before it has finished");
        pair.complete(2000.0);
        assert_eq!(pair.comparison().map(|c| (c.saved_ms, c.speedup)), Some((2000.0, Some(2.0))));
        let mut cancelled = two_timers(Mode::Concurrent(Variant::Gather)).after_sequential(4000.0);
        cancelled.cancel(100.0);
        assert_eq!(cancelled.comparison(), None);
    }

    #[test]
    fn a_failed_task_fails_the_run() {
        let mut run = two_timers(Mode::Concurrent(Variant::Gather));
        run.apply(RunEvent::TaskStarted { index: 0, t_ms: 0.0 });
        run.apply(RunEvent::TaskFinished { index: 0, t_ms: 1.0, result: TaskResult::timer(TaskStatus::Error, "boom") });
        run.apply(RunEvent::TaskStarted { index: 1, t_ms: 0.0 });
        run.apply(RunEvent::TaskFinished { index: 1, t_ms: 1.0, result: ok() });
        run.complete(1.0);
        assert_eq!(run.outcome, Some(Outcome::Failed));
    }
}
