//! A link's runs against the limits of a live run, stated apart from `check.rs`: any run a link
//! carries is replayed exactly when a live run of the lab could have been it.

use super::*;
use crate::field::{parse_delay, validate_label, validate_url};
use crate::run::{LessonEvent, LogLine, Outcome};
use crate::task::MAX_TASKS;
use crate::Milestone;
use proptest::prelude::*;

/// What every live run is: tasks the editor takes, a mode of its lesson, an id below the cap, times
/// in order, a finished run with its wall time, and no more lines and events than its program records.
fn live(run: &Run) -> bool {
    let typed = plan::typed_count(run.mode, run.tasks.len());
    let editor_takes = run.tasks.iter().take(typed).all(|t| {
        let url = t.spec.kind != TaskKind::Fetch || validate_url(&t.spec.url).is_ok();
        validate_label(&t.spec.label).is_ok() && parse_delay(&t.spec.delay_ms.to_string()).is_ok() && url
    });
    let in_order = run.tasks.iter().all(|t| !matches!((t.start_ms, t.end_ms), (Some(s), Some(e)) if e < s));
    let most = run.lesson.most_recorded(run.tasks.len());
    (1..=MAX_TASKS).contains(&run.tasks.len())
        && run.lesson.runs_mode(run.mode)
        && run.id <= MAX_RUN_ID
        && editor_takes
        && in_order
        && (run.outcome.is_none() || run.wall_ms.is_some())
        && run.log.len() <= most.log_lines
        && run.events.len() <= most.events
}

prop_compose! {
    /// A run of any lesson and mode with fields near and past each limit, each field most often
    /// within it, so that runs that pass every check but one are common.
    fn any_run()(count in prop_oneof![8 => 1usize..4, 1 => 18usize..22])(
        lesson in 0..LESSONS.len(),
        mode in prop_oneof![3 => Just(0usize), 1 => 0..MODES.len()],
        id in prop_oneof![3 => 1u32..5, 1 => (MAX_RUN_ID - 1)..=(MAX_RUN_ID + 1), 1 => (u32::MAX - 1)..=u32::MAX],
        tasks in proptest::collection::vec((
            prop_oneof![12 => "[a-z]{1,8}", 1 => "[a-z \u{200B}]{0,2}", 1 => "\u{202E}[a-z]{1,3}", 1 => "[a-z]{59,61}"],
            0..KINDS.len(),
            prop_oneof![60 => 0u32..100, 1 => 59_999u32..60_002],
            prop_oneof![30 => Just("api/delay/10/a"), 1 => prop::sample::select(vec!["", "//host/x", "api/..%252fme.json"])],
            proptest::option::of(0i64..50),
            proptest::option::of(prop_oneof![8 => 0i64..50, 1 => -2i64..0]),
        ), count),
        lines in prop_oneof![3 => 0usize..4, 1 => 0usize..30],
        events in prop_oneof![3 => 0usize..4, 1 => 0usize..140],
        wall in proptest::option::of(0u32..1000),
        finished in any::<bool>(),
    ) -> Run {
        let specs = tasks.iter().map(|(label, kind, delay_ms, url, ..)| TaskSpec {
            label: label.clone(), kind: KINDS[*kind], delay_ms: *delay_ms, fails: false, url: (*url).to_owned(),
        }).collect();
        let mut run = Run::new(id, LESSONS[lesson], MODES[mode], specs);
        for (record, (.., start, took)) in run.tasks.iter_mut().zip(&tasks) {
            // An end a few ms before the start where `took` is negative; times are kept at 0 or after.
            let start = start.map(|s| s + 5);
            (record.start_ms, record.end_ms) = (start.map(|s| s as f64), start.zip(*took).map(|(s, t)| (s + t) as f64));
        }
        run.log = (0..lines).map(|i| LogLine { t_ms: i as f64, text: "line".to_owned() }).collect();
        run.events = (0..events).map(|i| LessonEvent { t_ms: i as f64, milestone: Milestone::Connected }).collect();
        run.wall_ms = wall.map(f64::from);
        run.outcome = finished.then_some(Outcome::Completed);
        run
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// A link's run is replayed if and only if it is what a live run could be.
    #[test]
    fn a_decoded_run_is_within_the_live_limits_and_every_such_run_decodes(run in any_run()) {
        let decoded = decode_for(run.lesson, &encode(&[&run]));
        prop_assert_eq!(decoded.is_ok(), live(&run), "{:?} for {:?}", decoded, run);
        if let Ok(runs) = decoded {
            prop_assert!(runs.iter().all(live));
        }
    }
}
