//! The kinds of fact a lesson states in its `Lesson`: its takeaway, its own controls, what
//! follows Run both, how long its tasks take, and what its sequence does after an error.

use crate::run::Run;
use crate::stats::Interval;

/// What a lesson says of a finished run (`explain::takeaway` says a cancel the same for all).
#[derive(Clone, Copy, Debug)]
pub enum Takeaway {
    /// The shared sentences: a sequence's sum, a concurrent run's overlap or Run both's saving.
    Shared,
    /// A sentence of its own for runs other than sequential, given the resolution; `None` for
    /// the shared one (a mode it has no sentence of its own for).
    OfConcurrent(fn(&Run, f64) -> Option<String>),
    /// A sentence of its own for every run, its sequential one too.
    OfEvery(fn(&Run, f64) -> String),
}

/// A lesson's own controls, beside the run buttons every lesson has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Controls {
    /// The run buttons alone.
    RunOnly,
    /// **Create future** and **Await it** (async-fn).
    CreateFuture,
    /// Block or Yield: how the busy loops run (`loop=`).
    BusyLoop,
    /// Each request's deadline in ms (`deadline=`).
    Deadline,
    /// The most requests in flight at once (`limit=`).
    Limit,
    /// The attempts at each request that fail first (`fail_first=`).
    FailFirst,
    /// Fail fast or settle (`on_error=`).
    OnError,
}

/// What the sentence under the timelines says after Run both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AfterRunBoth {
    /// The two wall-clocks compared: what concurrency saved.
    Saving,
    /// Its own takeaway, which compares them where that means something: the lessons beyond the
    /// tutorial, whose point is more than the saving.
    Takeaway,
}

/// How long a lesson's task takes, for what the model expects of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskTime {
    /// Its delay as typed.
    AsTyped,
    /// Its attempts and the nominal waits between them (retry: `retry::stretched`).
    Attempts,
}

impl TaskTime {
    /// How long the model expects `task` to take when the first `fail_first` attempts fail.
    pub fn of(self, task: Interval, fail_first: u32) -> Interval {
        match self {
            TaskTime::AsTyped => task,
            TaskTime::Attempts => crate::retry::stretched(task, fail_first),
        }
    }
}

/// What a lesson's sequential run does after a task fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sequence {
    /// It goes on with the next task.
    EveryTask,
    /// It stops there (`?` in a loop).
    StopsAtFirstError,
}
