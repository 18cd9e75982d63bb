//! The lesson programs: the async Rust that runs, and that the code panel shows.
//!
//! Each lesson module marks the code it shows between `// region:lesson` and `// endregion`;
//! `build.rs` extracts that region at compile time, so the panel can never drift from what runs.

use crate::runtime::{clock::now, work};
use async_lab_core::{RunEvent, TaskResult, TaskSpec};

pub mod sequential_vs_concurrent;

/// The code each lesson shows, extracted from its source by `build.rs`.
pub mod source {
    include!(concat!(env!("OUT_DIR"), "/lesson_sources.rs"));
}

/// Timestamps what a run does and hands each event to the caller.
pub struct Recorder {
    start: f64,
    sink: Box<dyn Fn(RunEvent)>,
}

impl Recorder {
    /// Starts the run's clock now.
    pub fn new(sink: impl Fn(RunEvent) + 'static) -> Recorder {
        Recorder { start: now(), sink: Box::new(sink) }
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

    fn emit(&self, event: RunEvent) {
        (self.sink)(event);
    }
}

/// One task of a run, as the lesson code sees it.
pub struct Task<'a> {
    index: usize,
    spec: &'a TaskSpec,
    recorder: &'a Recorder,
}

impl<'a> Task<'a> {
    /// The run's tasks in submission order.
    pub fn all(specs: &'a [TaskSpec], recorder: &'a Recorder) -> Vec<Task<'a>> {
        specs.iter().enumerate().map(|(index, spec)| Task { index, spec, recorder }).collect()
    }

    pub fn label(&self) -> &str {
        &self.spec.label
    }

    pub fn print(&self, text: impl Into<String>) {
        self.recorder.print(text);
    }

    /// Waits on the task's timer or request; the thread is free meanwhile.
    pub async fn perform(&self) -> TaskResult {
        self.recorder.emit(RunEvent::TaskStarted { index: self.index, t_ms: self.recorder.elapsed_ms() });
        let result = work::perform(self.spec).await;
        self.recorder.emit(RunEvent::TaskFinished { index: self.index, t_ms: self.recorder.elapsed_ms(), result: result.clone() });
        result
    }
}
