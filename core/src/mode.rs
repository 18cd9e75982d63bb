//! How a run schedules its tasks, and which of the two columns (sequential, concurrent) shows it.

use serde::Serialize;

/// How a run schedules its tasks. The names are the `RunReport`'s `mode` strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
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
    /// race: every task at once, the first to end wins and the rest are dropped; beside them the
    /// same race as JavaScript promises, whose losers run on.
    Race,
    /// timeout: every task at once, each raced against the deadline (the run's last lane).
    Deadline,
    /// errors: every task at once with `try_join_all`: the first error drops the rest.
    FailFast,
    /// errors: every task at once with `join_all`: every task ends, each with its own result.
    Settle,
    /// limit: at most N tasks in flight, a new one starting as soon as one ends (`buffer_unordered`).
    Limit,
    /// as-completed: every task at once, each result handled as it arrives (`FuturesUnordered`).
    AsCompleted,
}

impl Mode {
    /// Every mode, new ones last: a link to a moment names a mode by its place here.
    pub const ALL: [Mode; 11] = [
        Mode::Sequential,
        Mode::Concurrent,
        Mode::Lazy,
        Mode::Blocking,
        Mode::Yielding,
        Mode::Race,
        Mode::Deadline,
        Mode::FailFast,
        Mode::Settle,
        Mode::Limit,
        Mode::AsCompleted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Sequential => "sequential",
            Mode::Concurrent => "concurrent",
            Mode::Lazy => "lazy",
            Mode::Blocking => "blocking",
            Mode::Yielding => "yielding",
            Mode::Race => "race",
            Mode::Deadline => "deadline",
            Mode::FailFast => "fail-fast",
            Mode::Settle => "settle",
            Mode::Limit => "limit",
            Mode::AsCompleted => "as-completed",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Mode::Sequential => "Sequential",
            Mode::Concurrent => "Concurrent",
            Mode::Lazy => "Create, then await",
            Mode::Blocking => "Concurrent, blocking loop",
            Mode::Yielding => "Concurrent, yielding loop",
            Mode::Race => "Race",
            Mode::Deadline => "With a deadline",
            Mode::FailFast => "Concurrent, fail fast",
            Mode::Settle => "Concurrent, settle all",
            Mode::Limit => "Concurrent, limited",
            Mode::AsCompleted => "Concurrent, as completed",
        }
    }

    /// The column the run is shown in: every mode but sequential starts its tasks together.
    pub fn column(self) -> Column {
        match self {
            Mode::Sequential => Column::Sequential,
            Mode::Concurrent
            | Mode::Lazy
            | Mode::Blocking
            | Mode::Yielding
            | Mode::Race
            | Mode::Deadline
            | Mode::FailFast
            | Mode::Settle
            | Mode::Limit
            | Mode::AsCompleted => Column::Concurrent,
        }
    }
}

/// errors: what a concurrent run does when a task fails (`on_error=` in the URL).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum OnError {
    /// `try_join_all`: the first error ends the run, and the other tasks are dropped.
    #[default]
    FailFast,
    /// `join_all` over `Result`s: every task runs to its end.
    Settle,
}

impl OnError {
    pub const ALL: [OnError; 2] = [OnError::FailFast, OnError::Settle];

    pub fn as_str(self) -> &'static str {
        match self {
            OnError::FailFast => "fail-fast",
            OnError::Settle => "settle",
        }
    }

    pub fn parse(s: &str) -> Option<OnError> {
        OnError::ALL.into_iter().find(|o| o.as_str() == s)
    }

    /// The mode of a concurrent run with this choice.
    pub fn mode(self) -> Mode {
        match self {
            OnError::FailFast => Mode::FailFast,
            OnError::Settle => Mode::Settle,
        }
    }
}

/// The two places a run is shown, side by side, so a sequential run and a concurrent one compare.
/// Not a [`Mode`]: the lazy, blocking and yielding runs all land in the concurrent column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Sequential,
    Concurrent,
}

impl Column {
    pub const BOTH: [Column; 2] = [Column::Sequential, Column::Concurrent];

    pub fn title(self) -> &'static str {
        match self {
            Column::Sequential => "Sequential",
            Column::Concurrent => "Concurrent",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sequential_has_its_own_column() {
        for mode in Mode::ALL.into_iter().skip(1) {
            assert_eq!(serde_json::to_value(mode).unwrap(), mode.as_str());
            assert_eq!(mode.column(), Column::Concurrent, "{mode:?}");
        }
        assert_eq!(Mode::Sequential.column(), Column::Sequential);
        assert_eq!(serde_json::to_value(Mode::Yielding).unwrap(), "yielding");
        assert_eq!(serde_json::to_value(Mode::FailFast).unwrap(), "fail-fast");
        for choice in OnError::ALL {
            assert_eq!(OnError::parse(choice.as_str()), Some(choice));
        }
        assert_eq!(OnError::parse("ignore"), None);
    }
}
