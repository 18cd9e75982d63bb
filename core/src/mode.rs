//! How a run runs: the column that shows it and the lesson's way of running its tasks together
//! (its variant, from the registry of variants), recorded as the run's `Mode`.

use crate::task::BusyLoop;
use serde::Serialize;

/// The two places a run is shown, side by side, so a sequential run and a concurrent one compare.
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

/// The lanes a variant runs beside the tasks the learner typed (`plan::lanes` adds them and
/// `plan::typed_count` tells them apart; replay, links and the tables follow those two).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Adds {
    /// The typed tasks only.
    Nothing,
    /// The first typed task only, and a JavaScript promise of its delay (async-fn's Create the future).
    Promise,
    /// Each typed task again as a JavaScript promise, in a second half (race).
    JsTwins,
    /// A deadline timer for each typed task, in a second half (timeout).
    Deadlines,
}

/// When a concurrent run of a variant ends, as the model expects it (`stats::expected_wall_ms`) and
/// the poster draws it (`poster::lesson_spans`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ends {
    /// When its last task ends.
    AtLast,
    /// When its first task ends; the rest are dropped.
    AtFirst,
    /// Each task at its deadline if that comes first.
    AtDeadline,
    /// At the first failure if that comes first; the rest are dropped.
    AtFirstFailure,
    /// When the last task of a sliding window of the run's limit ends.
    InWindow,
}

/// The learner's choice a variant stands for, where a choice picks a lesson's variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// No choice picks it: it is the lesson's one way, or its own button's (Create the future).
    Nothing,
    /// cpu-bound's busy loop (`loop=`).
    Loop(BusyLoop),
    /// errors' fail fast or settle (`on_error=`).
    OnError(OnError),
}

/// Lists each variant once: its place in links to a moment (the sequential run is place 0), its
/// `mode` string, its title, the lanes it adds, how it ends and the choice it stands for.
macro_rules! variants {
    ($($(#[$doc:meta])* $variant:ident = $place:literal, $name:literal, $title:literal, $adds:ident, $ends:ident, $choice:expr;)*) => {
        /// How a concurrent run runs its tasks: gathering them, or a lesson's own way. Each lesson
        /// lists the ones it runs (`Lesson::variants`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Variant {
            $($(#[$doc])* $variant = $place,)*
        }

        impl Variant {
            /// Every variant by its place in links to a moment.
            pub const ALL: [Variant; [$($place),*].len()] = [$(Variant::$variant,)*];

            /// The run's `mode` string in `RunReport`s (public contract: never change one).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Variant::$variant => $name,)*
                }
            }

            pub fn title(self) -> &'static str {
                match self {
                    $(Variant::$variant => $title,)*
                }
            }

            pub fn adds(self) -> Adds {
                match self {
                    $(Variant::$variant => Adds::$adds,)*
                }
            }

            pub fn ends(self) -> Ends {
                match self {
                    $(Variant::$variant => Ends::$ends,)*
                }
            }

            pub fn choice(self) -> Choice {
                match self {
                    $(Variant::$variant => $choice,)*
                }
            }
        }
    };
}

// The registry of variants. A new one takes the next place; none is ever reused.
variants! {
    /// Every task at once, gathered with `join_all`.
    Gather = 1, "concurrent", "Concurrent", Nothing, AtLast, Choice::Nothing;
    /// async-fn: a future created first and awaited later, on the learner's command.
    Lazy = 2, "lazy", "Create, then await", Promise, AtLast, Choice::Nothing;
    /// cpu-bound: busy loops that never yield to the browser.
    Blocking = 3, "blocking", "Concurrent, blocking loop", Nothing, AtLast, Choice::Loop(BusyLoop::Block);
    /// cpu-bound: busy loops cut into slices that yield to the browser.
    Yielding = 4, "yielding", "Concurrent, yielding loop", Nothing, AtLast, Choice::Loop(BusyLoop::Yield);
    /// race: the first task to end wins and the rest are dropped; beside them the same race as
    /// JavaScript promises, whose losers run on.
    Race = 5, "race", "Race", JsTwins, AtFirst, Choice::Nothing;
    /// timeout: each task raced against its deadline (the run's second half).
    Deadline = 6, "deadline", "With a deadline", Deadlines, AtDeadline, Choice::Nothing;
    /// errors: `try_join_all`: the first error drops the rest.
    FailFast = 7, "fail-fast", "Concurrent, fail fast", Nothing, AtFirstFailure, Choice::OnError(OnError::FailFast);
    /// errors: `join_all`: every task ends, each with its own result.
    Settle = 8, "settle", "Concurrent, settle all", Nothing, AtLast, Choice::OnError(OnError::Settle);
    /// limit: at most N tasks in flight, a new one starting as soon as one ends (`buffer_unordered`).
    Limit = 9, "limit", "Concurrent, limited", Nothing, InWindow, Choice::Nothing;
    /// as-completed: each result handled as it arrives (`FuturesUnordered`).
    AsCompleted = 10, "as-completed", "Concurrent, as completed", Nothing, AtLast, Choice::Nothing;
}

/// How a run ran, as it records it: one task after another, or a variant's way at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// One task after another: each `await` finishes before the next task starts.
    Sequential,
    Concurrent(Variant),
}

impl Mode {
    /// Every mode by its place in links to a moment: sequential, then each variant.
    pub const ALL: [Mode; Variant::ALL.len() + 1] = {
        let mut all = [Mode::Sequential; Variant::ALL.len() + 1];
        let mut i = 0;
        while i < Variant::ALL.len() {
            all[Variant::ALL[i] as usize] = Mode::Concurrent(Variant::ALL[i]);
            i += 1;
        }
        all
    };

    /// The `RunReport`'s `mode` string.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Sequential => "sequential",
            Mode::Concurrent(variant) => variant.as_str(),
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Mode::Sequential => Column::Sequential.title(),
            Mode::Concurrent(variant) => variant.title(),
        }
    }

    /// The lanes the run runs beside the typed tasks: none in sequence.
    pub fn adds(self) -> Adds {
        match self {
            Mode::Sequential => Adds::Nothing,
            Mode::Concurrent(variant) => variant.adds(),
        }
    }

    /// The choice the run stands for: none in sequence.
    pub fn choice(self) -> Choice {
        match self {
            Mode::Sequential => Choice::Nothing,
            Mode::Concurrent(variant) => variant.choice(),
        }
    }

    /// The column the run is shown in.
    pub fn column(self) -> Column {
        match self {
            Mode::Sequential => Column::Sequential,
            Mode::Concurrent(_) => Column::Concurrent,
        }
    }
}

impl Serialize for Mode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_keep_their_places_and_strings() {
        // Links to a moment name a mode by its place, reports by its string: neither may move.
        let strings: Vec<&str> = Mode::ALL.iter().map(|m| m.as_str()).collect();
        assert_eq!(strings, ["sequential", "concurrent", "lazy", "blocking", "yielding", "race", "deadline", "fail-fast", "settle", "limit", "as-completed"]);
        for (place, variant) in Variant::ALL.into_iter().enumerate() {
            assert_eq!(variant as usize, place + 1, "{variant:?}");
            assert_eq!(Mode::Concurrent(variant).column(), Column::Concurrent);
            assert_eq!(serde_json::to_value(Mode::Concurrent(variant)).unwrap(), variant.as_str());
        }
        assert_eq!(Mode::Sequential.column(), Column::Sequential);
        for choice in OnError::ALL {
            assert_eq!(OnError::parse(choice.as_str()), Some(choice));
        }
        assert_eq!(OnError::parse("ignore"), None);
    }
}
