//! race, timeout and errors run for real in headless Chromium: what a lost race, a passed deadline
//! or a sibling's error drops is gone at once (no timer pending, no request in flight), while the
//! race's JavaScript promises run on to their end.

use async_lab::lessons::{as_completed, errors, limit, race, retry, timeout, Recorder, Task};
use async_lab::runtime::work::Options;
use async_lab::runtime::{fetch, timer};
use async_lab_core::plan::{self, DEFAULT_DEADLINE_MS};
use async_lab_core::retry::{backoff_bounds, MAX_ATTEMPTS};
use async_lab_core::Options as CoreOptions;
use async_lab_core::{LessonId, Milestone, Mode, RunEvent, TaskSpec, TaskStatus, Variant};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn record() -> (Rc<RefCell<Vec<RunEvent>>>, Recorder) {
    let events = Rc::new(RefCell::new(Vec::new()));
    let sink = events.clone();
    (events, Recorder::new(0, move |e| sink.borrow_mut().push(e)))
}

/// Each task's end: when, and with what status.
fn ends(events: &[RunEvent]) -> Vec<(usize, f64, TaskStatus)> {
    events
        .iter()
        .filter_map(|e| match e {
            RunEvent::TaskFinished { index, t_ms, result } => Some((*index, *t_ms, result.status)),
            _ => None,
        })
        .collect()
}

fn end_of(events: &[RunEvent], task: usize) -> (f64, TaskStatus) {
    let found = ends(events).into_iter().find(|(i, ..)| *i == task);
    found.map(|(_, t, s)| (t, s)).unwrap_or_else(|| panic!("task {task} never finished: {events:?}"))
}

fn log(events: &[RunEvent]) -> Vec<String> {
    events.iter().filter_map(|e| if let RunEvent::Log { text, .. } = e { Some(text.clone()) } else { None }).collect()
}

#[wasm_bindgen_test]
async fn a_lost_race_leaves_no_rust_timer_or_request_while_the_js_losers_run_on() {
    // The fetch is polled first, so it is on the wire when the 0 ms timer wins.
    let typed = vec![TaskSpec::fetch("mirror A", 0, "/?race"), TaskSpec::timer("mirror B", 0), TaskSpec::timer("mirror C", 400)];
    let specs = plan::lanes(Mode::Concurrent(Variant::Race), typed, DEFAULT_DEADLINE_MS);
    let (events, recorder) = record();
    let tasks = Task::all(&specs, &recorder, Options::default());
    let (timers, requests) = (timer::pending(), fetch::in_flight());
    let runs_on = race::main(&LessonId::Race.plan_of(Mode::Concurrent(Variant::Race), CoreOptions::default()), &tasks, &recorder).await;
    let decided = recorder.elapsed_ms();
    assert_eq!((timer::pending(), fetch::in_flight()), (timers, requests), "a Rust loser is still pending");
    {
        let events = events.borrow();
        assert_eq!(end_of(&events, 1).1, TaskStatus::Ok, "the 0 ms timer wins");
        let (at, status) = end_of(&events, 0);
        assert_eq!(status, TaskStatus::Cancelled, "the Rust fetch is dropped");
        assert!(at <= decided, "dropped when the race was decided");
        // select_all had its winner before it first polled mirror C: a future never polled never starts.
        assert!(!events.iter().any(|e| matches!(e, RunEvent::TaskStarted { index: 2, .. })));
        assert!(log(&events).contains(&"Cancelled 2 other requests".to_owned()), "{:?}", log(&events));
        assert!(ends(&events).iter().all(|(i, ..)| *i < 3 || *i == 4), "no JS loser has answered yet");
    }
    runs_on.end().await;
    let events = events.borrow();
    let (js_slow, status) = end_of(&events, 5);
    assert_eq!(status, TaskStatus::Ok, "the JS loser ran to its end");
    assert!(js_slow >= 400.0, "the JS loser answered at {js_slow} ms, when its timer fired");
    assert_eq!(end_of(&events, 3).1, TaskStatus::Ok, "the JS fetch was not aborted");
    assert!(log(&events).iter().any(|l| l.starts_with("Late answer: mirror C after")), "{:?}", log(&events));
}

#[wasm_bindgen_test]
async fn a_passed_deadline_drops_the_work_at_the_deadline() {
    let specs = plan::lanes(Mode::Concurrent(Variant::Deadline), vec![TaskSpec::timer("slow report", 3000)], 100);
    let (events, recorder) = record();
    let tasks = Task::all(&specs, &recorder, Options::default());
    let timers = timer::pending();
    timeout::main(&LessonId::Timeout.plan_of(Mode::Concurrent(Variant::Deadline), CoreOptions::default()), &tasks, &recorder).await;
    assert_eq!(timer::pending(), timers, "nothing left pending");
    let events = events.borrow();
    let (at, status) = end_of(&events, 0);
    assert_eq!(status, TaskStatus::Cancelled);
    // Generous: a loaded machine fires late, never early.
    assert!((100.0..1000.0).contains(&at), "dropped at {at} ms against a 100 ms deadline");
    assert_eq!(end_of(&events, 1).1, TaskStatus::Ok, "the deadline's sleep ended");
    assert!(log(&events)[0].starts_with("slow report timed out after"), "{:?}", log(&events));
}

#[wasm_bindgen_test]
async fn a_fetch_past_its_deadline_is_aborted_and_nothing_stays_in_flight() {
    // The request is polled first, so it is on the wire when the 0 ms deadline ends.
    let specs = plan::lanes(Mode::Concurrent(Variant::Deadline), vec![TaskSpec::fetch("slow report", 0, "/?deadline")], 0);
    let (events, recorder) = record();
    let tasks = Task::all(&specs, &recorder, Options::default());
    let (timers, requests) = (timer::pending(), fetch::in_flight());
    timeout::main(&LessonId::Timeout.plan_of(Mode::Concurrent(Variant::Deadline), CoreOptions::default()), &tasks, &recorder).await;
    assert_eq!((timer::pending(), fetch::in_flight()), (timers, requests), "nothing left pending");
    let events = events.borrow();
    assert!(events.iter().any(|e| matches!(e, RunEvent::TaskStarted { index: 0, .. })), "the request was sent");
    let (_, status) = end_of(&events, 0);
    assert_eq!(status, TaskStatus::Cancelled);
    assert!(events.iter().any(|e| matches!(e, RunEvent::TaskFinished { index: 0, result, .. } if result.detail.ends_with("its request aborted"))));
}

#[wasm_bindgen_test]
async fn a_request_in_time_drops_its_deadline_instead() {
    let specs = plan::lanes(Mode::Concurrent(Variant::Deadline), vec![TaskSpec::timer("quick", 20)], 5000);
    let (events, recorder) = record();
    let tasks = Task::all(&specs, &recorder, Options::default());
    timeout::main(&LessonId::Timeout.plan_of(Mode::Concurrent(Variant::Deadline), CoreOptions::default()), &tasks, &recorder).await;
    let events = events.borrow();
    assert_eq!((end_of(&events, 0).1, end_of(&events, 1).1), (TaskStatus::Ok, TaskStatus::Cancelled));
    assert!(log(&events)[0].starts_with("quick answered after"));
}

fn failing() -> Vec<TaskSpec> {
    vec![TaskSpec::timer("load user", 300), TaskSpec { fails: true, ..TaskSpec::timer("load avatar", 50) }, TaskSpec::timer("load posts", 500)]
}

#[wasm_bindgen_test]
async fn fail_fast_drops_the_others_at_the_first_error_and_settle_waits_for_each() {
    let specs = failing();
    let (events, recorder) = record();
    let tasks = Task::all(&specs, &recorder, Options::default());
    let timers = timer::pending();
    errors::main(&LessonId::Errors.plan_of(Mode::Concurrent(Variant::FailFast), CoreOptions::default()), &tasks, &recorder).await;
    assert_eq!(timer::pending(), timers);
    {
        let events = events.borrow();
        let (failed_at, status) = end_of(&events, 1);
        assert_eq!(status, TaskStatus::Error);
        for other in [0, 2] {
            let (at, status) = end_of(&events, other);
            assert_eq!(status, TaskStatus::Cancelled, "no task finishes after the failure");
            assert!(at - failed_at < 50.0, "dropped with the error, {at} against {failed_at}");
        }
        assert_eq!(log(&events), ["Error: load avatar failed"]);
    }
    let (events, recorder) = record();
    let tasks = Task::all(&specs, &recorder, Options::default());
    errors::main(&LessonId::Errors.plan_of(Mode::Concurrent(Variant::Settle), CoreOptions::default()), &tasks, &recorder).await;
    let events = events.borrow();
    assert_eq!([0, 1, 2].map(|i| end_of(&events, i).1), [TaskStatus::Ok, TaskStatus::Error, TaskStatus::Ok]);
    assert_eq!(log(&events)[2..], ["load user: ok", "load avatar: failed", "load posts: ok"]);
}

#[wasm_bindgen_test]
async fn in_turn_stops_at_the_first_error() {
    let specs = failing();
    let (events, recorder) = record();
    let tasks = Task::all(&specs, &recorder, Options::default());
    errors::main(&LessonId::Errors.plan_of(Mode::Sequential, CoreOptions::default()), &tasks, &recorder).await;
    let events = events.borrow();
    assert!(!events.iter().any(|e| matches!(e, RunEvent::TaskStarted { index: 2, .. })), "the task after the error never starts");
    assert_eq!(log(&events), ["Finished load user", "Error: load avatar failed"]);
}

/// When each task started and ended, by index.
fn spans(events: &[RunEvent], count: usize) -> Vec<(f64, f64)> {
    (0..count)
        .map(|task| {
            let start = events.iter().find_map(|e| match e {
                RunEvent::TaskStarted { index, t_ms } if *index == task => Some(*t_ms),
                _ => None,
            });
            (start.unwrap_or_else(|| panic!("task {task} never started")), end_of(events, task).0)
        })
        .collect()
}

#[wasm_bindgen_test]
async fn buffer_unordered_keeps_a_sliding_window_never_more_than_its_limit() {
    let delays = [300, 100, 200, 100, 300, 100];
    let specs: Vec<TaskSpec> = delays.iter().enumerate().map(|(i, &ms)| TaskSpec::timer(&format!("request {}", i + 1), ms)).collect();
    let (events, recorder) = record();
    let tasks = Task::all(&specs, &recorder, Options::default());
    limit::main(&LessonId::Limit.plan_of(Mode::Concurrent(Variant::Limit), CoreOptions { limit: 2, ..CoreOptions::default() }), &tasks, &recorder).await;
    let events = events.borrow();
    let spans = spans(&events, specs.len());
    for (i, &(start, _)) in spans.iter().enumerate() {
        let in_flight = spans.iter().filter(|&&(s, e)| s <= start && start < e).count();
        assert!(in_flight <= 2, "{in_flight} in flight when task {i} started: {spans:?}");
    }
    // The third starts when the second ends (at 100 ms), not when the first two both have (300).
    assert!((spans[2].0 - spans[1].1).abs() < 30.0, "not a sliding window: {spans:?}");
    assert!(spans[2].0 < spans[0].1, "batched: {spans:?}");
    assert!(log(&events)[0].starts_with("6 requests, at most 2 in flight, in "));
}

#[wasm_bindgen_test]
async fn as_completed_handles_each_result_in_completion_order() {
    let specs = [TaskSpec::timer("report A", 300), TaskSpec::timer("report B", 50), TaskSpec::timer("report C", 150)];
    let (events, recorder) = record();
    let tasks = Task::all(&specs, &recorder, Options::default());
    as_completed::main(&LessonId::AsCompleted.plan_of(Mode::Concurrent(Variant::AsCompleted), CoreOptions::default()), &tasks, &recorder).await;
    let lines = log(&events.borrow());
    let order: Vec<&str> = lines.iter().map(|l| l.split(" handled").next().unwrap_or("")).collect();
    assert_eq!(order, ["report B", "report C", "report A"]);
}

/// Each attempt's start and each failure's (time, attempt, wait) from retry's milestones.
fn attempts(events: &[RunEvent]) -> (Vec<f64>, Vec<(f64, u32, f64)>) {
    let (mut sent, mut failed) = (Vec::new(), Vec::new());
    for event in events {
        match event {
            RunEvent::Lesson { t_ms, milestone: Milestone::AttemptSent { .. } } => sent.push(*t_ms),
            RunEvent::Lesson { t_ms, milestone: Milestone::RetryAfter { attempt, wait_ms, .. } } => failed.push((*t_ms, *attempt, *wait_ms)),
            _ => {}
        }
    }
    (sent, failed)
}

#[wasm_bindgen_test]
async fn retry_backs_off_with_growing_jittered_gaps_until_it_gives_up() {
    // A timer whose "fails" switch is on fails every attempt: every wait is taken.
    let specs = [TaskSpec { fails: true, ..TaskSpec::timer("flaky", 10) }];
    let (events, recorder) = record();
    let tasks = Task::all(&specs, &recorder, Options::default());
    let timers = timer::pending();
    retry::main(&LessonId::Retry.plan_of(Mode::Sequential, CoreOptions { fail_first: 2, ..CoreOptions::default() }), &tasks, &recorder).await;
    assert_eq!(timer::pending(), timers, "no wait left pending");
    let events = events.borrow();
    let (sent, failed) = attempts(&events);
    assert_eq!(sent.len(), MAX_ATTEMPTS as usize, "{events:?}");
    assert_eq!(failed.len(), MAX_ATTEMPTS as usize - 1, "the last failure is not followed by a wait");
    let mut last_wait = 0.0;
    for (i, &(failed_at, attempt, wait)) in failed.iter().enumerate() {
        let (low, high) = backoff_bounds(attempt);
        assert!((low..=high + 1.0).contains(&wait), "attempt {attempt}'s wait {wait} outside {low}..{high}");
        // The gap measured between the failure and the next attempt: the wait, never less (timers never
        // fire early), late by a generous bound on a loaded machine.
        let gap = sent[i + 1] - failed_at;
        assert!(gap >= wait - 1.0 && gap < wait + 250.0, "attempt {attempt}: waited {gap} ms for a {wait} ms backoff");
        // The waits grow; the measured gaps add the timers' lateness, uneven on a loaded machine.
        assert!(wait > last_wait, "the waits grow: {wait} after {last_wait}");
        last_wait = wait;
    }
    assert_eq!(end_of(&events, 0).1, TaskStatus::Error);
    assert_eq!(log(&events)[0], "flaky: gave up after 6 attempts");
}

#[wasm_bindgen_test]
async fn retry_asks_a_url_of_its_own_as_typed_and_stops_at_the_first_success() {
    let specs = [TaskSpec::fetch("page", 0, "/?retry"), TaskSpec::timer("timer", 20)];
    let (events, recorder) = record();
    let tasks = Task::all(&specs, &recorder, Options::default());
    retry::main(&LessonId::Retry.plan_of(Mode::Concurrent(Variant::Gather), CoreOptions { fail_first: 5, ..CoreOptions::default() }), &tasks, &recorder).await;
    let events = events.borrow();
    let (sent, failed) = attempts(&events);
    assert_eq!((sent.len(), failed.len()), (2, 0), "one attempt each: {events:?}");
    let printed = log(&events);
    for line in ["page: HTTP 200 on attempt 1", "timer: done on attempt 1"] {
        assert!(printed.iter().any(|l| l == line), "{line} missing from {printed:?}");
    }
}
