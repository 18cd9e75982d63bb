//! What one click may start: a cap on busy CPU work, and what autorun may start without a click.

use crate::format::tick_label;
use crate::task::{TaskKind, TaskSpec};

/// The most busy-loop time one click (or autorun) may start, across every run it starts: a tab
/// that computes blocks its page, and a link must not freeze someone's browser for minutes.
pub const CPU_CAP_MS: u64 = 10_000;

/// Who started a run: a person's click inside the app, or autorun on the framing page's behalf.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StartedBy {
    #[default]
    Click,
    /// Starts only timers and the app's own endpoints (see [`autorun_refusal`]).
    Autorun,
}

/// How many runs one click starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Click {
    /// Run sequentially, Run concurrently, Create future: one run.
    OneRun,
    /// Run both: the tasks run twice, one mode after the other.
    RunBoth,
}

impl Click {
    fn runs(self) -> u64 {
        match self {
            Click::OneRun => 1,
            Click::RunBoth => 2,
        }
    }
}

/// The busy work `specs` ask for when started by `click`, in ms.
pub fn cpu_asked_ms(specs: &[TaskSpec], click: Click) -> u64 {
    let once: u64 = specs.iter().filter(|s| s.kind == TaskKind::Cpu).map(|s| u64::from(s.delay_ms)).sum();
    once * click.runs()
}

/// Refuses a click whose cpu tasks ask for more than [`CPU_CAP_MS`], naming the cap and the total.
pub fn check_cpu(specs: &[TaskSpec], click: Click) -> Result<(), String> {
    let asked = cpu_asked_ms(specs, click);
    if asked <= CPU_CAP_MS {
        return Ok(());
    }
    let across = match click {
        Click::OneRun => String::new(),
        Click::RunBoth => format!(" across both runs of Run both ({} each)", tick_label((asked / 2) as f64)),
    };
    Err(format!(
        "Nothing ran. The cpu tasks ask for {} of busy work{across}; one click may start at most {}, so the page never freezes for long. Shorten or remove cpu tasks.",
        tick_label(asked as f64),
        tick_label(CPU_CAP_MS as f64),
    ))
}

/// Why autorun must wait for a click, if it must: without one it starts only timers and fetches
/// of the app's own endpoints (`own_endpoint` tells them apart), so a page that frames the app
/// cannot make it request another URL or busy the CPU.
pub fn autorun_refusal(specs: &[TaskSpec], own_endpoint: impl Fn(&str) -> bool) -> Option<String> {
    let waits = "autorun=1 waits for a click on Run both:";
    specs.iter().enumerate().find_map(|(i, spec)| match spec.kind {
        TaskKind::Timer => None,
        TaskKind::Cpu => Some(format!("{waits} it never starts cpu tasks, and task {} is one.", i + 1)),
        TaskKind::Fetch if own_endpoint(&spec.url) => None,
        TaskKind::Fetch => Some(format!("{waits} it fetches only this app's own api/ endpoints, and task {} fetches {}.", i + 1, spec.url)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cpu(ms: u32) -> TaskSpec {
        TaskSpec { kind: TaskKind::Cpu, ..TaskSpec::timer("busy", ms) }
    }

    fn fetch(url: &str) -> TaskSpec {
        TaskSpec { kind: TaskKind::Fetch, url: url.to_owned(), ..TaskSpec::timer("get", 100) }
    }

    #[test]
    fn run_both_counts_its_busy_work_twice() {
        let specs = vec![cpu(3000), TaskSpec::timer("t", 60_000), cpu(3000)];
        assert_eq!(check_cpu(&specs, Click::OneRun), Ok(()));
        assert_eq!(
            check_cpu(&specs, Click::RunBoth),
            Err("Nothing ran. The cpu tasks ask for 12 s of busy work across both runs of Run both (6 s each); one click may start at most 10 s, so the page never freezes for long. Shorten or remove cpu tasks.".to_owned())
        );
        let twenty = vec![cpu(60_000); 20];
        let message = check_cpu(&twenty, Click::OneRun).unwrap_err();
        assert!(message.contains("ask for 1200 s of busy work; one click may start at most 10 s"), "{message}");
    }

    #[test]
    fn autorun_starts_timers_and_own_endpoints_only() {
        let own = |url: &str| url.starts_with("api/");
        assert_eq!(autorun_refusal(&[TaskSpec::timer("a", 5), fetch("api/delay/5/x")], own), None);
        assert_eq!(
            autorun_refusal(&[fetch("api/delay/5/x"), fetch("/private/me.json")], own).as_deref(),
            Some("autorun=1 waits for a click on Run both: it fetches only this app's own api/ endpoints, and task 2 fetches /private/me.json.")
        );
        assert_eq!(autorun_refusal(&[cpu(1)], own).as_deref(), Some("autorun=1 waits for a click on Run both: it never starts cpu tasks, and task 1 is one."));
    }

    proptest! {
        #[test]
        fn a_click_within_the_cap_is_never_refused(delays in prop::collection::vec(0u32..=60_000, 1..=20), both: bool) {
            let specs: Vec<TaskSpec> = delays.iter().map(|&ms| cpu(ms)).collect();
            let click = if both { Click::RunBoth } else { Click::OneRun };
            let total: u64 = delays.iter().map(|&d| u64::from(d)).sum::<u64>() * click.runs();
            prop_assert_eq!(check_cpu(&specs, click).is_ok(), total <= CPU_CAP_MS);
        }
    }
}
