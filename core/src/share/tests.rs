//! The payload's round trip, its limits, and refusals of cut or hostile text.

use super::*;
use crate::milestone::{Frames, Milestone};
use crate::result::TaskResult;
use crate::run::{LessonEvent, LogLine, RunEvent};
use crate::task::TaskSpec;
use crate::trace::{Lane, TraceEvent};
use crate::Variant;
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
    let mut run = Run::new(7, LessonId::ContextManager, Mode::Concurrent(Variant::Gather), specs);
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
        Milestone::InFlightLimit { limit: 3 },
        Milestone::FailFirst { k: 5 },
        Milestone::AttemptSent { lane: 1, task: "report".to_owned(), attempt: 6 },
        Milestone::RetryAfter { lane: 0, task: String::new(), attempt: 1, status: Some(503), wait_ms: 112.25 },
        Milestone::RetryAfter { lane: 0, task: "r".to_owned(), attempt: 2, status: None, wait_ms: 0.0 },
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
fn a_link_keeps_what_ran_and_not_what_a_server_answered() {
    let mut run = Run::new(3, LessonId::ApiRequests, Mode::Concurrent(Variant::Gather), vec![TaskSpec::timer("T", 1)]);
    let mut answered = TaskResult::timer(TaskStatus::Ok, "HTTP 200, 31 bytes: {\"token\":\"s3cret\"} (answered by this page's service worker)");
    answered.body = "HTTP 200, 31 bytes".len().."HTTP 200, 31 bytes: {\"token\":\"s3cret\"}".len();
    run.apply(RunEvent::TaskStarted { index: 0, t_ms: 0.0 });
    run.apply(RunEvent::TaskFinished { index: 0, t_ms: 1.0, result: answered });
    let back = decode(&encode(&[&run])).unwrap();
    assert_eq!(back[0].tasks[0].result.detail, "HTTP 200, 31 bytes: answer not shared (answered by this page's service worker)");
    assert!(!encode(&[&run]).contains("s3cret"));
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
    assert_eq!((SOURCES.len(), MODES.len(), OUTCOMES.len(), WAKE_SOURCES.len()), (5, 11, 3, 4));
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
    let mut run = Run::new(1, LessonId::Gather, Mode::Concurrent(Variant::Gather), vec![TaskSpec::timer("T", 1)]);
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

proptest! {
    #[test]
    fn base64url_comes_back_byte_for_byte(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let text = base64url(&bytes);
        prop_assert!(text.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
        prop_assert_eq!(text.len(), (bytes.len() * 4).div_ceil(3));
        prop_assert_eq!(unbase64url(&text), Ok(bytes));
    }

    #[test]
    fn a_fragment_gives_back_its_moment(bytes in proptest::collection::vec(any::<u8>(), 0..64), at_ticks in 0u64..1_000_000_000_000) {
        let link = fragment(&bytes, at_ticks as f64 / TICKS_PER_MS).unwrap();
        prop_assert_eq!(parse_fragment(&link), Some(Ok(Moment { compressed: bytes, at_ticks })));
    }
}

#[test]
fn base64url_matches_the_rfc_vectors() {
    // RFC 4648 §10, unpadded.
    for (plain, coded) in [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy")] {
        assert_eq!(base64url(plain.as_bytes()), coded);
        assert_eq!(unbase64url(coded), Ok(plain.as_bytes().to_vec()));
    }
    assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
}

#[test]
fn a_fragment_without_a_run_is_a_plain_page() {
    for hash in ["", "#", "#at=200", "#timeline", "#runs=1"] {
        assert_eq!(parse_fragment(hash), None, "{hash}");
    }
}

#[test]
fn a_damaged_fragment_is_refused_with_its_reason() {
    assert_eq!(parse_fragment("#run=ab$d&at=5"), Some(Err(ShareError::Malformed)));
    assert_eq!(parse_fragment("#run=abcde"), Some(Err(ShareError::Malformed)));
    assert_eq!(parse_fragment("#run=ab+/"), Some(Err(ShareError::Malformed)));
    let huge = format!("#run={}", "A".repeat(MAX_LINK_CHARS + 1));
    assert_eq!(parse_fragment(&huge), Some(Err(ShareError::TooLarge)));
    // An unreadable moment opens at the start rather than refusing the run.
    for at in ["x", "1e3", "-5", "1.2345", "1,5", "12345678901"] {
        assert_eq!(parse_fragment(&format!("#at={at}&run=Zg")), Some(Ok(Moment { compressed: b"f".to_vec(), at_ticks: 0 })), "{at}");
    }
}

#[test]
fn a_moment_is_written_and_read_to_the_tick() {
    assert_eq!(fragment(b"f", 300.375), Ok("#run=Zg&at=300.375".to_owned()));
    assert_eq!(fragment(b"f", 300.5), Ok("#run=Zg&at=300.5".to_owned()));
    assert_eq!(fragment(b"f", 1200.0), Ok("#run=Zg&at=1200".to_owned()));
    assert_eq!(fragment(b"f", 0.04), Ok("#run=Zg&at=0.04".to_owned()));
    // The longest link made is the longest read, and no longer.
    let most = vec![7; MAX_LINK_CHARS / 4 * 3];
    assert_eq!(parse_fragment(&fragment(&most, 0.0).unwrap()).map(|m| m.map(|m| m.compressed.len())), Some(Ok(most.len())));
    assert_eq!(fragment(&[most, vec![7]].concat(), 0.0), Err(ShareError::TooLarge));
    for (at, ticks) in [("300.375", 300_375), ("300.5", 300_500), ("0.04", 40), ("7", 7000), ("7.", 7000)] {
        assert_eq!(parse_fragment(&format!("#run=Zg&at={at}")).map(|m| m.map(|m| m.at_ticks)), Some(Ok(ticks)), "{at}");
    }
}

#[test]
fn a_link_opens_only_on_its_own_lesson_with_tasks() {
    let run = Run::new(1, LessonId::Gather, Mode::Sequential, vec![TaskSpec::timer("T", 1)]);
    let payload = encode(&[&run]);
    assert_eq!(decode_for(LessonId::Gather, &payload), Ok(vec![run.clone()]));
    assert_eq!(decode_for(LessonId::AsyncFn, &payload), Err(ShareError::Malformed));
    assert_eq!(decode_for(LessonId::Gather, &encode(&[])), Err(ShareError::Malformed));
    let empty = Run::new(1, LessonId::Gather, Mode::Sequential, Vec::new());
    assert_eq!(decode_for(LessonId::Gather, &encode(&[&empty])), Err(ShareError::Malformed));
}

#[test]
fn the_typed_tasks_leave_out_a_lazy_runs_contrast() {
    let typed = vec![TaskSpec::timer("A", 100), TaskSpec::timer("B", 200)];
    let mut lazy_specs = typed[..1].to_vec();
    lazy_specs.push(TaskSpec::timer("new Promise(…) in JS", 100));
    let lazy = Run::new(1, LessonId::AsyncFn, Mode::Concurrent(Variant::Lazy), lazy_specs);
    let both = Run::new(2, LessonId::AsyncFn, Mode::Sequential, typed.clone());
    assert_eq!(typed_tasks(&[&lazy]), typed[..1].to_vec());
    assert_eq!(typed_tasks(&[&lazy, &both]), typed);
    assert_eq!(typed_tasks(&[]), Vec::new());
    let none = crate::share::typed(&[&both]);
    assert_eq!((none.busy_loop, none.deadline_ms, none.on_error, none.limit), (None, None, None, None));
}

#[test]
fn a_link_holds_only_what_the_lab_records() {
    let refused = |runs: &[&Run]| match decode_for(LessonId::SequentialVsConcurrent, &encode(runs)) {
        Err(ShareError::Refused(what)) => what,
        other => panic!("not refused: {other:?}"),
    };
    let run = |id: u32, mode: Mode, label: &str| {
        let mut run = Run::new(id, LessonId::SequentialVsConcurrent, mode, vec![TaskSpec::timer(label, 100)]);
        run.apply(RunEvent::TaskStarted { index: 0, t_ms: 0.0 });
        run.apply(RunEvent::TaskFinished { index: 0, t_ms: 100.0, result: TaskResult::timer(TaskStatus::Ok, "slept") });
        run.complete(100.0);
        run
    };
    let fine = [run(1, Mode::Sequential, "A"), run(2, Mode::Concurrent(Variant::Gather), "A")];
    assert!(decode_for(LessonId::SequentialVsConcurrent, &encode(&[&fine[0], &fine[1]])).is_ok());
    // Race's mode on this lesson's page: Run it live would run it.
    assert_eq!(refused(&[&run(1, Mode::Concurrent(Variant::Race), "A")]), "a run in a mode this lesson has no button for");
    assert_eq!(refused(&[&fine[1], &fine[0]]), "run ids out of order or too large");
    assert_eq!(refused(&[&run(MAX_RUN_ID + 1, Mode::Sequential, "A")]), "run ids out of order or too large");
    // The editor's limits and messages, for labels as for everything typed.
    assert_eq!(refused(&[&run(1, Mode::Sequential, &"x".repeat(25_000))]), "task 1: Label must be 1 to 60 characters; got 25000 characters.");
    assert!(refused(&[&run(1, Mode::Sequential, "\u{202E}gnp.exe")]).starts_with("task 1: Label must not hold a text direction control (U+202E)"));
    let mut backwards = run(1, Mode::Sequential, "A");
    backwards.tasks[0].start_ms = Some(4_294_967.0);
    assert_eq!(refused(&[&backwards]), "a task that ended before it started");
    let mut endless = run(1, Mode::Sequential, "A");
    endless.wall_ms = None;
    assert_eq!(refused(&[&endless]), "a finished run without its wall time");
    // Two lines a task and two of its own: one more is what no run of one task prints.
    let mut chatty = run(1, Mode::Sequential, "A");
    let line = |t: f64| LogLine { t_ms: t, text: "Fetching A...".to_owned() };
    chatty.log.extend((0..4).map(|i| line(f64::from(i))));
    assert!(decode_for(LessonId::SequentialVsConcurrent, &encode(&[&chatty])).is_ok());
    chatty.log.push(line(5.0));
    assert_eq!(refused(&[&chatty]), "more log lines or lesson events than this lesson records for its tasks");
    let mut marked = run(1, Mode::Sequential, "A");
    marked.events.push(LessonEvent { t_ms: 1.0, milestone: Milestone::Connected });
    assert_eq!(refused(&[&marked]), "more log lines or lesson events than this lesson records for its tasks");
    let notice = ShareError::Refused("x".to_owned()).notice();
    assert_eq!(notice, "This link to a moment holds what Async Lab does not record (x), so it was not opened; the lesson opened live instead.");
}

#[test]
fn a_link_is_made_only_for_runs_a_link_opens_with() {
    // A minute of yielding busy loops: one poll and one wake every 4 ms on each of 20 lanes.
    let mut run = Run::new(9, LessonId::CpuBound, Mode::Concurrent(Variant::Yielding), (0..20).map(|i| TaskSpec::timer(&format!("T{i}"), 1)).collect());
    let fits = link_payload(&[&run]).unwrap();
    assert_eq!(decode(&fits), Ok(vec![run.clone()]));
    for k in 0..15_000 {
        let t = k as f64 * 4.0;
        run.trace.record(TraceEvent::Poll { lane: Lane::Task(k % 20), start_ms: t, end_ms: t + 3.75, result: PollResult::Pending });
        run.trace.record(TraceEvent::Wake { lane: Lane::Task(k % 20), t_ms: t + 3.875, by: WakeSource::Yield });
    }
    let payload = encode(&[&run]);
    assert!(payload.len() > MAX_PAYLOAD_BYTES, "{} bytes", payload.len());
    assert_eq!(decode(&payload), Err(ShareError::TooLarge), "what the opener refuses");
    assert_eq!(link_payload(&[&run]), Err(ShareError::TooLarge), "is never made");
}
