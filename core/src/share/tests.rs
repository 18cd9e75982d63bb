//! The payload's round trip, its limits, and refusals of cut or hostile text.

use super::*;
use crate::milestone::{Frames, Milestone};
use crate::result::TaskResult;
use crate::run::RunEvent;
use crate::task::TaskSpec;
use crate::trace::{Lane, TraceEvent};
use proptest::prelude::*;

/// A run with every kind of field: both lanes, every milestone, every status and source.
fn rich() -> Run {
    let specs = vec![
        TaskSpec {
            label: "Data, 1: «ünïcode» 🦀".to_owned(), kind: TaskKind::Fetch, delay_ms: 300, fails: true, url: "api/delay/300/a?x=1,2".to_owned()
        },
        TaskSpec::timer("Data 2", 600),
        TaskSpec { label: "Busy".to_owned(), kind: TaskKind::Cpu, delay_ms: 50, fails: false, url: String::new() },
    ];
    let mut run = Run::new(7, LessonId::ContextManager, Mode::Concurrent, specs);
    run.apply(RunEvent::TaskAt { index: 0, line: 12 });
    run.apply(RunEvent::TaskStarted { index: 0, t_ms: 0.125 });
    run.apply(RunEvent::TaskStarted { index: 1, t_ms: 0.25 });
    let mut fetched = TaskResult::timer(TaskStatus::Error, "HTTP 500: {\"a\":1}");
    (fetched.source, fetched.http_status, fetched.bytes, fetched.capped, fetched.added_ms) = (Source::Simulated, Some(500), Some(1 << 40), true, Some(12.5));
    run.apply(RunEvent::TaskFinished { index: 0, t_ms: 301.375, result: fetched });
    run.apply(RunEvent::Log { t_ms: 0.5, text: "Fetching Data, 1...\nnext".to_owned() });
    let milestones = [
        Milestone::Connecting { to: "postgresql://localhost/db".to_owned() },
        Milestone::Connected,
        Milestone::Closed,
        Milestone::FutureCreated { future: "greet(\"Alice\")".to_owned() },
        Milestone::FirstPoll { future: "greet".to_owned() },
        Milestone::Frames(Frames { count: 60, longest_gap_ms: 16.75, span_ms: 1000.0 }),
        Milestone::ClientSent { requests: 3 },
        Milestone::Returned { values: vec!["a".to_owned(), String::new(), "c,d".to_owned()] },
    ];
    for (i, milestone) in milestones.into_iter().enumerate() {
        run.apply(RunEvent::Lesson { t_ms: i as f64, milestone });
    }
    let trace = &mut run.trace;
    for (i, by) in WAKE_SOURCES.into_iter().enumerate() {
        trace.record(TraceEvent::Poll { lane: Lane::Task(i % 3), start_ms: i as f64, end_ms: i as f64 + 0.5, result: POLL_RESULTS[i % 2] });
        trace.record(TraceEvent::Wake { lane: Lane::Spawned, t_ms: i as f64 + 0.25, by });
    }
    trace.drew(1.0, 2.5);
    trace.long_frame(3.0, 60.0);
    trace.long_frames_observed = true;
    run.throttled = true;
    run.sequential_wall_ms = Some(900.0);
    run.cancel(650.0);
    run
}

#[test]
fn a_run_comes_back_field_for_field() {
    let (run, other) = (rich(), Run::new(8, LessonId::Gather, Mode::Sequential, vec![TaskSpec::timer("T", 1)]));
    let payload = encode(&[&run, &other]);
    assert_eq!(decode(&payload), Ok(vec![run, other]));
}

#[test]
fn every_closed_set_has_each_of_its_values_in_its_table() {
    // Written as matches: a new variant fails to compile here until its table has it.
    for status in STATUSES {
        match status {
            TaskStatus::Waiting | TaskStatus::Running | TaskStatus::Ok | TaskStatus::Error | TaskStatus::Cancelled | TaskStatus::Timeout => {}
        }
    }
    assert_eq!(STATUSES.len(), 6);
    for source in SOURCES {
        match source {
            Source::Timer | Source::Network | Source::ServiceWorker | Source::Simulated | Source::Cpu => {}
        }
    }
    assert_eq!((SOURCES.len(), MODES.len(), OUTCOMES.len(), WAKE_SOURCES.len()), (5, 5, 3, 4));
    for mode in MODES {
        let mut run = Run::new(1, LessonId::CpuBound, mode, vec![]);
        run.complete(1.0);
        for outcome in OUTCOMES {
            run.outcome = Some(outcome);
            assert_eq!(decode(&encode(&[&run])), Ok(vec![run.clone()]));
        }
    }
}

#[test]
fn times_travel_as_whole_microseconds() {
    let mut run = Run::new(1, LessonId::Gather, Mode::Concurrent, vec![TaskSpec::timer("T", 1)]);
    run.apply(RunEvent::TaskStarted { index: 0, t_ms: 1.0004 });
    run.complete(2.0006);
    let back = &decode(&encode(&[&run])).unwrap()[0];
    assert_eq!((back.tasks[0].start_ms, back.wall_ms), (Some(1.0), Some(2.001)));
}

#[test]
fn another_version_a_cut_payload_and_an_oversized_one_are_refused() {
    let payload = encode(&[&rich()]);
    assert_eq!(decode(&payload.replacen("1,", "2,", 1)), Err(ShareError::Version));
    assert_eq!(decode("1,3,"), Err(ShareError::TooLarge));
    assert_eq!(decode(&"x".repeat(MAX_PAYLOAD_BYTES + 1)), Err(ShareError::TooLarge));
    assert_eq!(decode(""), Err(ShareError::Malformed));
    assert_eq!(decode(&format!("{payload}0,")), Err(ShareError::Malformed));
    // A task count past the lab's limit, a string longer than what follows.
    let small = encode(&[&Run::new(8, LessonId::Gather, Mode::Sequential, vec![TaskSpec::timer("T", 1)])]);
    assert!(small.contains(",1,1:T,"));
    assert_eq!(decode(&small.replacen(",1,1:T,", ",21,1:T,", 1)), Err(ShareError::TooLarge));
    assert_eq!(decode(&payload.replacen("6:Data 2,", "7:Data 2,", 1)), Err(ShareError::Malformed));
}

proptest! {
    /// Cut anywhere, a payload is refused, never half-read and never a panic.
    #[test]
    fn a_payload_cut_anywhere_is_refused(cut in 0usize..10_000) {
        let payload = encode(&[&rich()]);
        let cut = cut % payload.len();
        if payload.is_char_boundary(cut) {
            prop_assert!(decode(&payload[..cut]).is_err());
        }
    }

    /// Any text at all decodes to runs or to an error, without a panic.
    #[test]
    fn any_text_decodes_or_is_refused(text in "[0-9,:\\-a-z]{0,200}") {
        let _ = decode(&text);
    }
}
