//! Runtime tests in headless Chromium: timers, fetch and its abort, the clock, and a lesson run.

use async_lab::lessons::{sequential_vs_concurrent, Recorder, Task};
use async_lab::runtime::cpu;
use async_lab::runtime::work::Options;
use async_lab::runtime::yield_now::yield_now;
use async_lab::runtime::{clock, compression, fetch, timer};
use async_lab_core::share::ShareError;
use async_lab_core::Options as CoreOptions;
use async_lab_core::{BusyLoop, LessonId, Mode, RunEvent, TaskSpec, TaskStatus, Variant};
use futures::future::join;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn two_timers_overlap_when_concurrent() {
    let start = clock::now();
    join(timer::sleep(300), timer::sleep(300)).await;
    let wall = clock::now() - start;
    // Under the 600 ms they take in sequence: the claim, with room for a loaded machine's late timer.
    assert!((300.0..600.0).contains(&wall), "concurrent wall {wall} ms");
}

#[wasm_bindgen_test]
async fn two_timers_add_up_when_sequential() {
    let start = clock::now();
    timer::sleep(300).await;
    timer::sleep(300).await;
    let wall = clock::now() - start;
    assert!(wall >= 600.0, "sequential wall {wall} ms");
}

#[wasm_bindgen_test]
async fn a_sleep_never_wakes_before_its_deadline() {
    for ms in [0, 1, 5, 17] {
        let start = clock::now();
        timer::sleep(ms).await;
        assert!(clock::now() - start >= f64::from(ms), "{ms} ms sleep woke early");
    }
}

#[wasm_bindgen_test]
async fn a_dropped_sleep_leaves_no_pending_timer() {
    // The browser's timers, not only the Rust counter: a deadline no other sleep shares.
    let (before, browser_before) = (timer::pending(), timer::browser_timers());
    let mut sleep = Box::pin(timer::sleep(12_345));
    assert!(futures::poll!(sleep.as_mut()).is_pending());
    assert_eq!((timer::pending(), timer::browser_timers()), (before + 1, browser_before + 1));
    drop(sleep);
    assert_eq!((timer::pending(), timer::browser_timers()), (before, browser_before));
}

#[wasm_bindgen_test]
fn the_clock_reports_a_plausible_resolution() {
    let r = clock::resolution_ms();
    assert!(r > 0.0 && r <= 1.0, "resolution {r} ms");
}

#[wasm_bindgen_test]
async fn dropping_an_in_flight_fetch_aborts_its_signal() {
    let request = fetch::Request::get("/?slow");
    let signal = request.signal();
    let mut future = Box::pin(request.send());
    assert!(futures::poll!(future.as_mut()).is_pending());
    assert_eq!(fetch::in_flight(), 1);
    assert!(!signal.aborted());
    drop(future);
    assert!(signal.aborted(), "dropping the future must abort the request");
    assert_eq!(fetch::in_flight(), 0);
}

#[wasm_bindgen_test]
async fn a_completed_fetch_is_not_aborted() {
    let request = fetch::Request::get("/");
    let signal = request.signal();
    let response = request.send().await.expect("the test server answers /");
    assert_eq!(response.status, 200);
    assert!(response.ok && response.bytes > 0);
    assert!(!signal.aborted());
    assert_eq!(fetch::in_flight(), 0);
}

#[wasm_bindgen_test]
async fn a_missing_file_is_an_http_error_not_a_network_error() {
    let response = fetch::Request::get("/no-such-file.json").send().await.expect("a response");
    assert_eq!(response.status, 404);
    assert!(!response.ok);
}

fn record() -> (Rc<RefCell<Vec<RunEvent>>>, Recorder) {
    let events = Rc::new(RefCell::new(Vec::new()));
    let sink = events.clone();
    (events, Recorder::new(0, move |e| sink.borrow_mut().push(e)))
}

#[wasm_bindgen_test]
async fn the_lesson_runs_concurrently_and_prints_like_the_tutorial() {
    let specs = [TaskSpec::timer("Data 1", 200), TaskSpec::timer("Data 2", 200)];
    let (events, recorder) = record();
    let tasks = Task::all(&specs, &recorder, Options::default());
    sequential_vs_concurrent::main(&LessonId::SequentialVsConcurrent.plan_of(Mode::Concurrent(Variant::Gather), CoreOptions::default()), &tasks, &recorder)
        .await;
    let wall = recorder.elapsed_ms();
    let finished_ok = events.borrow().iter().filter(|e| matches!(e, RunEvent::TaskFinished { result, .. } if result.status == TaskStatus::Ok)).count();
    assert_eq!(finished_ok, 2);
    assert!((200.0..380.0).contains(&wall), "concurrent wall {wall} ms");
    let lines: Vec<String> = events
        .borrow()
        .iter()
        .filter_map(|e| match e {
            RunEvent::Log { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(&lines[..2], ["Fetching Data 1...", "Fetching Data 2..."]);
    assert!(lines.contains(&"Fetched Data 1".to_owned()));
    assert!(lines[lines.len() - 2].starts_with("Total time: 0."));
    assert_eq!(lines[lines.len() - 1], r#"Results: ["Data 1", "Data 2"]"#);
}

#[wasm_bindgen_test]
async fn the_lesson_runs_sequentially() {
    let specs = [TaskSpec::timer("Data 1", 150), TaskSpec::timer("Data 2", 150)];
    let (events, recorder) = record();
    let tasks = Task::all(&specs, &recorder, Options::default());
    sequential_vs_concurrent::main(&LessonId::SequentialVsConcurrent.plan_of(Mode::Sequential, CoreOptions::default()), &tasks, &recorder).await;
    assert!(recorder.elapsed_ms() >= 300.0);
    let starts: Vec<f64> = events
        .borrow()
        .iter()
        .filter_map(|e| match e {
            RunEvent::TaskStarted { t_ms, .. } => Some(*t_ms),
            _ => None,
        })
        .collect();
    assert!(starts[1] - starts[0] >= 150.0, "task 2 started before task 1 finished: {starts:?}");
}

#[wasm_bindgen_test]
async fn a_fetch_task_reports_simulated_latency() {
    let specs = [TaskSpec::fetch("file", 200, "/")];
    let (_, recorder) = record();
    let tasks = Task::all(&specs, &recorder, Options::default());
    let result = tasks[0].perform().await;
    assert_eq!(result.status, TaskStatus::Ok);
    assert_eq!(result.source, async_lab_core::Source::Simulated);
    assert_eq!(result.http_status, Some(200));
    assert!(recorder.elapsed_ms() >= 200.0);
}

#[wasm_bindgen_test]
async fn a_failed_fetch_ends_when_the_failure_is_seen_not_at_its_delay() {
    let specs = [TaskSpec::fetch("missing", 3_000, "/no-such-file.json")];
    let (_, recorder) = record();
    let tasks = Task::all(&specs, &recorder, Options::default());
    let result = tasks[0].perform().await;
    assert_eq!((result.status, result.http_status), (TaskStatus::Error, Some(404)));
    assert!(recorder.elapsed_ms() < 1_500.0, "a 404 padded to its 3 s delay: {} ms", recorder.elapsed_ms());
    assert!(!result.detail.contains("simulated"), "{}", result.detail);
}

#[wasm_bindgen_test]
async fn a_blocking_loop_makes_a_timer_late_and_a_yielding_one_does_not() {
    for (busy_loop, late_at_least, late_below) in [(BusyLoop::Block, 250.0, f64::INFINITY), (BusyLoop::Yield, 0.0, 150.0)] {
        let start = clock::now();
        let timer = async {
            timer::sleep(50).await;
            clock::now() - start - 50.0
        };
        let (late, slices) = join(timer, cpu::busy(400.0, busy_loop)).await;
        assert!(late >= late_at_least && late < late_below, "{busy_loop:?}: timer late by {late} ms");
        assert_eq!(slices > 1, busy_loop == BusyLoop::Yield);
    }
}

#[wasm_bindgen_test]
async fn yielding_lets_the_browser_run_a_queued_timer() {
    // A self-waking future would starve this timer; a real yield lets it fire.
    let fired = Rc::new(std::cell::Cell::new(false));
    let flag = fired.clone();
    wasm_bindgen_futures::spawn_local(async move {
        timer::sleep(0).await;
        flag.set(true);
    });
    let start = clock::now();
    while !fired.get() && clock::now() - start < 1000.0 {
        yield_now().await;
    }
    assert!(fired.get(), "a timer never ran between yields");
}

#[wasm_bindgen_test]
async fn the_lazy_lesson_runs_nothing_until_awaited() {
    use async_lab::lessons::async_fn;
    let specs = [TaskSpec::timer("greet(\"Alice\")", 100), TaskSpec::timer("promise", 100)];
    let (events, recorder) = record();
    let tasks = Task::all(&specs, &recorder, Options::default());
    let (trigger, await_it) = futures::channel::oneshot::channel();
    let press_later = async {
        timer::sleep(300).await;
        let _ = trigger.send(());
    };
    let await_it = async_lab::runtime::trace::Tagged::new(await_it, async_lab_core::trace::WakeSource::AwaitIt);
    join(async_fn::main(&LessonId::AsyncFn.plan_of(Mode::Concurrent(Variant::Lazy), CoreOptions::default()), &tasks, &recorder, await_it), press_later).await;
    let events = events.borrow();
    let started = |i: usize| {
        events.iter().find_map(|e| match e {
            RunEvent::TaskStarted { index, t_ms } if *index == i => Some(*t_ms),
            _ => None,
        })
    };
    assert!(started(0).unwrap() >= 300.0, "the future ran before it was awaited");
    assert!(started(1).unwrap() < 50.0, "the JS promise should start when created");
}

#[wasm_bindgen_test]
async fn a_task_past_its_timeout_stops_with_status_timeout() {
    use async_lab::runtime::work;
    let before = timer::pending();
    let start = clock::now();
    let result = work::perform(&TaskSpec::timer("slow", 5_000), Options { timeout_ms: 50, ..Options::default() }).await;
    assert_eq!(result.status, TaskStatus::Timeout);
    assert!(result.detail.starts_with("timed out after 50 ms"), "{}", result.detail);
    assert!(clock::now() - start < 1_000.0);
    assert_eq!(timer::pending(), before, "the stopped task's timer must be cleared");
}

#[wasm_bindgen_test]
async fn autorun_requests_nothing_but_the_apps_own_endpoints() {
    use async_lab::runtime::work;
    use async_lab_core::budget::StartedBy;
    use async_lab_core::Reach;
    let autorun = Options { started_by: StartedBy::Autorun, ..Options::default() };
    // A lesson may build a URL that climbs out of api/: it is refused where it would be fetched,
    // before anything is sent (the result has no HTTP status, nothing is in flight).
    let refused = work::perform_task(&TaskSpec::fetch("escape", 10, "api/delay/10/../../../private/me.json"), autorun).await;
    assert_eq!((refused.status, refused.http_status), (TaskStatus::Error, None));
    assert!(refused.detail.starts_with("not fetched: autorun=1"), "{}", refused.detail);
    assert_eq!(fetch::in_flight(), 0);
    let timer = work::perform_task(&TaskSpec::timer("t", 1), autorun).await;
    assert_eq!((timer.status, timer.reach), (TaskStatus::Ok, Reach::NoRequest));
    let elsewhere = work::perform_task(&TaskSpec::fetch("page", 0, "/"), Options::default()).await;
    assert_eq!(elsewhere.reach, Reach::Elsewhere);
}

#[wasm_bindgen_test]
async fn cancelling_a_run_leaves_no_timer_or_request_behind() {
    let specs = [TaskSpec::timer("wait", 10_000), TaskSpec::fetch("get", 10_000, "/"), TaskSpec::timer("wait 2", 20_000)];
    let (timers_before, fetches_before) = (timer::pending(), fetch::in_flight());
    let (_, recorder) = record();
    {
        let tasks = Task::all(&specs, &recorder, Options::default());
        let plan = LessonId::SequentialVsConcurrent.plan_of(Mode::Concurrent(Variant::Gather), CoreOptions::default());
        let run = sequential_vs_concurrent::main(&plan, &tasks, &recorder);
        // The run is cancelled the way the app cancels it: the select drops the run's future.
        let cancelled = futures::future::select(Box::pin(run), Box::pin(timer::sleep(100))).await;
        assert!(matches!(cancelled, futures::future::Either::Right(_)));
    }
    assert_eq!(timer::pending(), timers_before);
    assert_eq!(fetch::in_flight(), fetches_before);
}

#[wasm_bindgen_test]
fn the_panic_panel_offers_a_reload_link() {
    async_lab::panic::show_panel("test panic: index out of bounds");
    let document = web_sys::window().unwrap().document().unwrap();
    let panel = document.query_selector(".panic[role=alert]").unwrap().expect("a panel");
    let text = panel.text_content().unwrap();
    assert!(text.contains("Async Lab stopped") && text.contains("test panic: index out of bounds"), "{text}");
    let reload = panel.query_selector("a").unwrap().expect("a Reload link");
    assert_eq!(reload.text_content().unwrap(), "Reload");
    assert_eq!(reload.get_attribute("href").as_deref(), Some(""));
    panel.remove();
}

#[wasm_bindgen_test]
async fn concurrent_sleeps_share_browser_timers_and_all_wake_on_time() {
    let start = clock::now();
    let sleeps = futures::future::join_all((0..1000).map(|_| timer::sleep(100)));
    let mut sleeps = Box::pin(sleeps);
    assert!(futures::poll!(sleeps.as_mut()).is_pending());
    // Deadlines fall in the few whole milliseconds it took to create them: far fewer timers than sleeps.
    assert!(timer::browser_timers() < 100, "1000 sleeps armed {} browser timers", timer::browser_timers());
    sleeps.await;
    let wall = clock::now() - start;
    assert!((100.0..400.0).contains(&wall), "wall {wall} ms");
    assert_eq!(timer::browser_timers(), 0);
}

#[wasm_bindgen_test]
async fn dropping_the_last_sleep_of_a_slot_clears_its_browser_timer() {
    let mut a = Box::pin(timer::sleep(5_000));
    let mut b = Box::pin(timer::sleep_until(clock::now().ceil() + 5_000.0));
    assert!(futures::poll!(a.as_mut()).is_pending());
    assert!(futures::poll!(b.as_mut()).is_pending());
    let armed = timer::browser_timers();
    assert!(armed >= 1);
    drop(a);
    drop(b);
    assert_eq!(timer::browser_timers(), 0);
}

#[wasm_bindgen_test]
async fn a_scale_run_starts_in_slices_and_records_every_task() {
    use async_lab::runtime::scale::{run, SLICE};
    use async_lab_core::scale::Progress;
    let n = 2 * SLICE + 10;
    let progress = RefCell::new(Progress::new(n));
    let trace = async_lab::runtime::trace::TraceSink::start(7000);
    let mut work = Box::pin(run(n as u32, 50, &progress, &trace));
    // The first poll starts only the first slice: the rest wait for a trip through the task queue.
    assert!(futures::poll!(work.as_mut()).is_pending());
    assert_eq!(progress.borrow().started(), SLICE);
    let wall = work.await;
    let p = progress.borrow();
    assert_eq!((p.started(), p.ended()), (n, n));
    assert!((50.0..2_000.0).contains(&wall), "wall {wall} ms");
    assert!(p.end_times().iter().all(|&t| t >= 50.0), "no sleep ends before its 50 ms");
    // The first 10,000 tasks are traced on a lane each (a poll that found the sleep pending, the
    // one its wake caused); the 10 past them run untraced inside the caller's polls.
    use async_lab_core::{scale::TRACED_TASKS, trace::Lane};
    let trace = trace.finish();
    let (first, last_traced) = (trace.polls(Lane::Task(0)), trace.polls(Lane::Task(TRACED_TASKS - 1)));
    assert!(first.len() == 2 && last_traced.len() == 2, "{first:?} {last_traced:?}");
    assert!(trace.polls(Lane::Task(TRACED_TASKS)).is_empty());
}

#[wasm_bindgen_test]
async fn a_cancelled_scale_run_leaves_no_timer_behind() {
    use async_lab::runtime::scale::run;
    use async_lab_core::scale::Progress;
    let before = timer::pending();
    let progress = RefCell::new(Progress::new(20_000));
    // A second apart: on a loaded machine the four slices of 5,000 may take more than 100 ms to start.
    let trace = async_lab::runtime::trace::TraceSink::start(7001);
    let cancelled = futures::future::select(Box::pin(run(20_000, 10_000, &progress, &trace)), Box::pin(timer::sleep(1_000))).await;
    assert!(matches!(cancelled, futures::future::Either::Right(_)));
    // The app cancels the same way: the select's output, which still holds the run, is dropped.
    drop(cancelled);
    assert_eq!(progress.borrow().started(), 20_000, "every slice started within 1 s");
    assert_eq!(timer::pending(), before);
    assert_eq!(timer::browser_timers(), 0);
}

#[wasm_bindgen_test]
async fn a_payload_deflates_and_inflates_byte_for_byte() {
    let text = "1,1,".to_owned() + &"Data 1 waits at .await; ".repeat(200);
    let deflated = compression::deflate(text.as_bytes()).await.expect("CompressionStream in Chromium");
    assert!(deflated.len() * 10 < text.len(), "{} bytes deflated to {}", text.len(), deflated.len());
    assert_eq!(compression::inflate(&deflated, text.len()).await, Ok(text.into_bytes()));
}

#[wasm_bindgen_test]
async fn inflating_stops_at_the_cap_and_refuses_what_is_not_deflate() {
    let bomb = compression::deflate(&vec![b'9'; 1 << 20]).await.expect("CompressionStream in Chromium");
    assert!(bomb.len() < 4096);
    assert_eq!(compression::inflate(&bomb, 64 * 1024).await, Err(ShareError::TooLarge));
    assert_eq!(compression::inflate(&[0; 8], 1024).await, Err(ShareError::Malformed));
    assert_eq!(compression::inflate(b"not deflate at all", 1024).await, Err(ShareError::Malformed));
}

/// A bomb costs what the cap allows, not what it would inflate to: the input goes to the
/// decompressor piece by piece, so it stops within a piece of the cap. Compared with inflating a
/// payload of the cap's size, floored at 5 ms so that a fast machine cannot shrink the bound to
/// noise; inflated whole (before the fix), the 64 MiB bomb took 147 ms against that 5.
#[wasm_bindgen_test]
async fn a_bomb_costs_no_more_than_the_cap() {
    const CAP: usize = 64 * 1024;
    let bomb = compression::deflate(&vec![0; 64 << 20]).await.expect("CompressionStream in Chromium");
    let payload: Vec<u8> = (0..CAP as u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
    let fair = compression::deflate(&payload).await.expect("CompressionStream in Chromium");
    let timed = |start: f64| clock::now() - start;
    let start = clock::now();
    assert_eq!(compression::inflate(&fair, CAP).await, Ok(payload));
    let fair_ms = timed(start).max(5.0);
    let start = clock::now();
    assert_eq!(compression::inflate(&bomb, CAP).await, Err(ShareError::TooLarge));
    let bomb_ms = timed(start);
    assert!(bomb_ms < 10.0 * fair_ms, "the bomb took {bomb_ms:.1} ms, a fair payload {fair_ms:.1} ms");
}
