//! How a run schedules its tasks, and which of the two columns (sequential, concurrent) shows it.

use serde::Serialize;

/// How a run schedules its tasks. The names are the `RunReport`'s `mode` strings.
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

    /// The column the run is shown in: every mode but sequential starts its tasks together.
    pub fn column(self) -> Column {
        match self {
            Mode::Sequential => Column::Sequential,
            Mode::Concurrent | Mode::Lazy | Mode::Blocking | Mode::Yielding => Column::Concurrent,
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
        for mode in [Mode::Concurrent, Mode::Lazy, Mode::Blocking, Mode::Yielding] {
            assert_eq!(mode.column(), Column::Concurrent, "{mode:?}");
        }
        assert_eq!(Mode::Sequential.column(), Column::Sequential);
        assert_eq!(serde_json::to_value(Mode::Yielding).unwrap(), "yielding");
    }
}
