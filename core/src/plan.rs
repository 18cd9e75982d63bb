//! What a run runs: its plan (column, variant, the learner's options), and for the tasks the
//! learner typed, the lanes its variant adds beside them (async-fn's JS promise, race's
//! JavaScript race, timeout's deadline); and back again.

use crate::mode::{Adds, Choice, Column, Mode, OnError, Variant};
use crate::task::BusyLoop;
use crate::task::TaskSpec;

/// The learner's choices a run is made with, beside its tasks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Options {
    /// cpu-bound's busy loop (`loop=`): how every CPU task spins.
    pub busy_loop: BusyLoop,
    /// Each task's timeout (`timeout=`).
    pub timeout_ms: u32,
    /// timeout's deadline (`deadline=`).
    pub deadline_ms: u32,
    /// errors' fail fast or settle (`on_error=`).
    pub on_error: OnError,
    /// limit's most tasks in flight at once (`limit=`).
    pub limit: usize,
    /// retry's attempts the flaky endpoint fails at each request (`fail_first=`).
    pub fail_first: u32,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            busy_loop: BusyLoop::default(),
            timeout_ms: crate::task::DEFAULT_TIMEOUT_MS,
            deadline_ms: DEFAULT_DEADLINE_MS,
            on_error: OnError::default(),
            limit: DEFAULT_LIMIT,
            fail_first: crate::retry::DEFAULT_FAIL_FIRST,
        }
    }
}

impl Choice {
    /// Whether `options` hold this choice (no choice: any options do).
    pub fn is_in(self, options: &Options) -> bool {
        match self {
            Choice::Nothing => true,
            Choice::Loop(busy_loop) => options.busy_loop == busy_loop,
            Choice::OnError(on_error) => options.on_error == on_error,
        }
    }
}

impl Options {
    /// These options with `choice` made.
    pub fn with(mut self, choice: Choice) -> Options {
        match choice {
            Choice::Nothing => {}
            Choice::Loop(busy_loop) => self.busy_loop = busy_loop,
            Choice::OnError(on_error) => self.on_error = on_error,
        }
        self
    }
}

/// What a run is to run, planned from the learner's intent before it starts: its column, the
/// lesson's variant (for a sequential run, the one its concurrent run would have), and the options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunPlan {
    pub column: Column,
    pub variant: Variant,
    pub options: Options,
}

impl RunPlan {
    /// The mode the run records: its variant only where it runs its tasks at once.
    pub fn mode(&self) -> Mode {
        match self.column {
            Column::Sequential => Mode::Sequential,
            Column::Concurrent => Mode::Concurrent(self.variant),
        }
    }
}

/// timeout's deadline when the URL names none (`deadline=`).
pub const DEFAULT_DEADLINE_MS: u32 = 1000;

/// limit's tasks in flight at once when the URL names none (`limit=`), and the most it allows.
pub const DEFAULT_LIMIT: usize = 3;
pub const MAX_LIMIT: usize = 10;

/// The label of timeout's deadline lane for the task labelled `label`.
pub fn deadline_label(label: &str) -> String {
    format!("deadline ({label})")
}

/// The label of race's JavaScript lane for the task labelled `label`.
pub fn js_label(label: &str) -> String {
    format!("JS {label}")
}

/// The lanes a run of `mode` runs for `typed`: those tasks and the lanes its variant adds
/// ([`Adds`]): async-fn's lazy run takes the first task and a JS promise of the same delay; a race
/// runs each task again as a JavaScript promise; a deadline run races each task against a timer of
/// `deadline_ms`, its lane in the second half.
pub fn lanes(mode: Mode, mut typed: Vec<TaskSpec>, deadline_ms: u32) -> Vec<TaskSpec> {
    match mode.adds() {
        Adds::Nothing => {}
        Adds::Promise => {
            typed.truncate(1);
            let delay_ms = typed.first().map_or(0, |t| t.delay_ms);
            typed.push(TaskSpec::timer("new Promise(…) in JS", delay_ms));
        }
        Adds::JsTwins => {
            let js: Vec<TaskSpec> = typed.iter().map(|t| TaskSpec { label: js_label(&t.label), ..t.clone() }).collect();
            typed.extend(js);
        }
        Adds::Deadlines => {
            let deadlines: Vec<TaskSpec> = typed.iter().map(|t| TaskSpec::timer(&deadline_label(&t.label), deadline_ms)).collect();
            typed.extend(deadlines);
        }
    }
    typed
}

/// How many of a `mode` run's `lanes` the learner typed: the rest are the lanes [`lanes`] added.
pub fn typed_count(mode: Mode, lanes: usize) -> usize {
    match mode.adds() {
        Adds::Nothing => lanes,
        Adds::Promise => lanes.saturating_sub(1),
        Adds::JsTwins | Adds::Deadlines => lanes / 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mode::Variant;
    use crate::task::TaskKind;

    #[test]
    fn the_added_lanes_come_back_off() {
        let typed = vec![TaskSpec::fetch("mirror A", 1200, "api/delay/1200/mirror-a"), TaskSpec::timer("B", 400)];
        let race = lanes(Mode::Concurrent(Variant::Race), typed.clone(), DEFAULT_DEADLINE_MS);
        assert_eq!(race.len(), 4);
        assert_eq!((race[2].label.as_str(), race[2].kind, race[2].url.as_str()), ("JS mirror A", TaskKind::Fetch, "api/delay/1200/mirror-a"));
        let deadline = lanes(Mode::Concurrent(Variant::Deadline), typed.clone(), 750);
        assert_eq!(deadline.last(), Some(&TaskSpec::timer("deadline (B)", 750)));
        let lazy = lanes(Mode::Concurrent(Variant::Lazy), typed.clone(), DEFAULT_DEADLINE_MS);
        assert_eq!((lazy.len(), lazy[1].delay_ms), (2, 1200));
        for mode in Mode::ALL.into_iter().filter(|m| *m != Mode::Concurrent(Variant::Lazy)) {
            let all = lanes(mode, typed.clone(), 10);
            assert_eq!(&all[..typed_count(mode, all.len())], &typed[..], "{mode:?}");
        }
        assert_eq!(typed_count(Mode::Concurrent(Variant::Lazy), lazy.len()), 1);
    }
}
