//! What a run runs for the tasks the learner typed: those tasks, and the lanes its mode adds beside
//! them (async-fn's JS promise, race's JavaScript race, timeout's deadline); and back again.

use crate::mode::Mode;
use crate::task::TaskSpec;

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

/// The lanes a run of `mode` runs for `typed`: async-fn's lazy run takes the first task and a JS
/// promise of the same delay; a race runs each task again as a JavaScript promise; a deadline run
/// races each task against a timer of `deadline_ms`, its lane in the second half.
pub fn lanes(mode: Mode, mut typed: Vec<TaskSpec>, deadline_ms: u32) -> Vec<TaskSpec> {
    match mode {
        Mode::Lazy => {
            typed.truncate(1);
            let delay_ms = typed.first().map_or(0, |t| t.delay_ms);
            typed.push(TaskSpec::timer("new Promise(…) in JS", delay_ms));
            typed
        }
        Mode::Race => {
            let js: Vec<TaskSpec> = typed.iter().map(|t| TaskSpec { label: js_label(&t.label), ..t.clone() }).collect();
            typed.extend(js);
            typed
        }
        Mode::Deadline => {
            let deadlines: Vec<TaskSpec> = typed.iter().map(|t| TaskSpec::timer(&deadline_label(&t.label), deadline_ms)).collect();
            typed.extend(deadlines);
            typed
        }
        Mode::Sequential | Mode::Concurrent | Mode::Blocking | Mode::Yielding | Mode::FailFast | Mode::Settle | Mode::Limit | Mode::AsCompleted => typed,
    }
}

/// How many of a `mode` run's `lanes` the learner typed: the rest are the lanes [`lanes`] added.
pub fn typed_count(mode: Mode, lanes: usize) -> usize {
    match mode {
        Mode::Lazy => lanes.saturating_sub(1),
        Mode::Race | Mode::Deadline => lanes / 2,
        Mode::Sequential | Mode::Concurrent | Mode::Blocking | Mode::Yielding | Mode::FailFast | Mode::Settle | Mode::Limit | Mode::AsCompleted => lanes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::task::TaskKind;

    #[test]
    fn the_added_lanes_come_back_off() {
        let typed = vec![TaskSpec::fetch("mirror A", 1200, "api/delay/1200/mirror-a"), TaskSpec::timer("B", 400)];
        let race = lanes(Mode::Race, typed.clone(), DEFAULT_DEADLINE_MS);
        assert_eq!(race.len(), 4);
        assert_eq!((race[2].label.as_str(), race[2].kind, race[2].url.as_str()), ("JS mirror A", TaskKind::Fetch, "api/delay/1200/mirror-a"));
        let deadline = lanes(Mode::Deadline, typed.clone(), 750);
        assert_eq!(deadline.last(), Some(&TaskSpec::timer("deadline (B)", 750)));
        let lazy = lanes(Mode::Lazy, typed.clone(), DEFAULT_DEADLINE_MS);
        assert_eq!((lazy.len(), lazy[1].delay_ms), (2, 1200));
        for mode in [Mode::Sequential, Mode::Concurrent, Mode::Race, Mode::Deadline, Mode::FailFast, Mode::Settle, Mode::Blocking, Mode::Yielding] {
            let all = lanes(mode, typed.clone(), 10);
            assert_eq!(&all[..typed_count(mode, all.len())], &typed[..], "{mode:?}");
        }
        assert_eq!(typed_count(Mode::Lazy, lazy.len()), 1);
    }
}
