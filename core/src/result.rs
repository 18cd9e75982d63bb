//! How a task ends: its status, where its answer came from, and the result the runtime reports.

use crate::task::TaskKind;
use std::ops::Range;

/// Where a task is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskStatus {
    Waiting,
    Running,
    Ok,
    Error,
    Cancelled,
    Timeout,
}

impl TaskStatus {
    /// Its name in the report.
    pub fn as_str(self) -> &'static str {
        match self {
            TaskStatus::Waiting => "waiting",
            TaskStatus::Running => "running",
            TaskStatus::Ok => "ok",
            TaskStatus::Error => "error",
            TaskStatus::Cancelled => "cancelled",
            TaskStatus::Timeout => "timeout",
        }
    }

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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Timer,
    Network,
    ServiceWorker,
    /// A real fetch whose latency was added on the client.
    Simulated,
    Cpu,
}

impl Source {
    /// Its name in the report.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Timer => "timer",
            Source::Network => "network",
            Source::ServiceWorker => "service-worker",
            Source::Simulated => "simulated",
            Source::Cpu => "cpu",
        }
    }

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
#[derive(Clone, Debug, PartialEq)]
pub struct TaskResult {
    pub status: TaskStatus,
    pub source: Source,
    pub http_status: Option<u16>,
    pub bytes: Option<u64>,
    /// Reading stopped at the body cap: `bytes` is what was read, not the body's size.
    pub capped: bool,
    /// A fetch answered sooner than its requested delay: how long the client then waited, the
    /// simulated part of its duration, drawn apart on the lane.
    pub added_ms: Option<f64>,
    pub detail: String,
    /// Where `detail` quotes the body (": {…}"): the part read from a response, which a framing
    /// page is never told. Empty when it quotes none; later notes only append to `detail`.
    pub body: Range<usize>,
    /// Whose server answered, which decides what a framing page may hear of this task.
    pub reach: Reach,
}

/// Whose server a task's answer came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Reach {
    /// A timer or a busy loop, or a fetch that sent nothing.
    #[default]
    NoRequest,
    /// The app's own delayed endpoints (`api/…` beside the page).
    OwnEndpoint,
    /// Any other URL: what it answers may be private to the person using the app.
    Elsewhere,
}

impl TaskResult {
    pub fn timer(status: TaskStatus, detail: impl Into<String>) -> TaskResult {
        TaskResult { status, source: Source::Timer, detail: detail.into(), ..TaskResult::waiting(TaskKind::Timer) }
    }

    /// `detail` without the body's preview: what a framing page may be told of a fetch.
    pub fn detail_without_body(&self) -> String {
        match (self.detail.get(..self.body.start), self.detail.get(self.body.end..)) {
            (Some(before), Some(after)) => format!("{before}{after}"),
            _ => self.detail.clone(),
        }
    }

    /// `detail` as a link to a moment carries it: the body's preview replaced by "answer not
    /// shared", so a link shares what the run did, not what a server answered the person.
    pub fn detail_for_link(&self) -> String {
        match (self.body.is_empty(), self.detail.get(..self.body.start), self.detail.get(self.body.end..)) {
            (false, Some(before), Some(after)) => format!("{before}: answer not shared{after}"),
            _ => self.detail.clone(),
        }
    }

    /// Nothing has happened yet to a task of this kind.
    pub fn waiting(kind: TaskKind) -> TaskResult {
        TaskResult {
            status: TaskStatus::Waiting,
            source: Source::of(kind),
            http_status: None,
            bytes: None,
            capped: false,
            added_ms: None,
            detail: String::new(),
            body: 0..0,
            reach: Reach::NoRequest,
        }
    }
}
