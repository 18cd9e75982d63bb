//! The trace in headless Chromium: real runs' polls and wakes, as the lanes will draw them.

use async_lab::lessons::{self, cpu_bound, sequential_vs_concurrent, Recorder, Task};
use async_lab::runtime::clock::now;
use async_lab::runtime::long_frames;
use async_lab::runtime::timer::sleep;
use async_lab::runtime::trace::{TraceSink, Traced};
use async_lab::runtime::work::Options;
use async_lab_core::trace::{Lane, PollCause, PollResult, Trace, TraceEvent, WakeSource};
use async_lab_core::Options as CoreOptions;
use async_lab_core::{BusyLoop, LessonId, Mode, TaskKind, TaskSpec, Variant};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Runs a lesson as the app does: its program inside the traced spawned future; returns the trace
/// and the wall-clock.
async fn traced(run_id: u32, specs: &[TaskSpec], options: Options, program: impl for<'a> AsyncFnOnce(&'a [Task<'a>], &'a Recorder)) -> (Trace, f64) {
    let sink = TraceSink::start(run_id);
    let recorder = Recorder::traced(sink.clone(), |_| {});
    let tasks = Task::all(specs, &recorder, options);
    Traced::new(sink.clone(), Lane::Spawned, program(&tasks, &recorder)).await;
    let wall = recorder.elapsed_ms();
    (sink.finish(), wall)
}

#[wasm_bindgen_test]
async fn two_concurrent_timers_are_polled_briefly_and_woken_by_their_own_timers() {
    // A first run warms the code paths up (this is a debug build): the claim is about a poll, not a cold start.
    let warm = [TaskSpec::timer("warm 1", 1), TaskSpec::timer("warm 2", 1)];
    traced(9000, &warm, Options::default(), async |tasks, recorder| {
        sequential_vs_concurrent::main(&LessonId::SequentialVsConcurrent.plan_of(Mode::Concurrent(Variant::Gather), CoreOptions::default()), tasks, recorder)
            .await
    })
    .await;
    // Long timers keep 1 % of the wall-clock well above a poll that a loaded machine preempts.
    let specs = [TaskSpec::timer("Data 1", 1000), TaskSpec::timer("Data 2", 1000)];
    let (trace, wall) = traced(9001, &specs, Options::default(), async |tasks, recorder| {
        sequential_vs_concurrent::main(&LessonId::SequentialVsConcurrent.plan_of(Mode::Concurrent(Variant::Gather), CoreOptions::default()), tasks, recorder)
            .await
    })
    .await;
    for index in 0..2 {
        let polls = trace.polls(Lane::Task(index));
        assert!(polls.len() >= 2, "task {index}: {polls:?}");
        let ready: Vec<_> = polls.iter().filter(|p| p.result == PollResult::Ready).collect();
        assert_eq!(ready.len(), 1, "task {index}: {polls:?}");
        // Woken by its own timer, or, when its deadline passed while a sibling's wake had the
        // spawned future polling, found ready by join_all's re-poll: never before its delay.
        assert!(ready[0].start_ms >= 999.0, "task {index}: {:?}", ready[0]);
        match ready[0].cause {
            PollCause::Woken => assert!(ready[0].woken_at_ms.is_some_and(|t| t >= 999.0 && t <= ready[0].start_ms), "{:?}", ready[0]),
            PollCause::NotWoken | PollCause::First => assert_eq!(ready[0].cause, PollCause::NotWoken, "task {index}: {polls:?}"),
        }
        let stats = trace.stats(Lane::Task(index));
        assert!(stats.in_poll_ms < 0.01 * wall, "task {index}: {} ms in poll of {wall} ms: {polls:?}", stats.in_poll_ms);
        assert!(stats.waiting_ms > 900.0, "task {index} waited {} ms", stats.waiting_ms);
    }
    // The first task's Ready poll always follows a wake of its own timer.
    assert_eq!(trace.polls(Lane::Task(0)).iter().find(|p| p.result == PollResult::Ready).map(|p| p.cause), Some(PollCause::Woken));
    let timer_wakes = trace.events.iter().filter(|e| matches!(e, TraceEvent::Wake { lane: Lane::Task(_), by: WakeSource::Timer, .. })).count();
    assert!((1..=2).contains(&timer_wakes), "{timer_wakes} timer wakes");
    assert!(trace.polls(Lane::Spawned).len() >= 2);
}

#[wasm_bindgen_test]
async fn in_sequence_task_2_is_not_polled_before_task_1_is_ready() {
    let specs = [TaskSpec::timer("Data 1", 100), TaskSpec::timer("Data 2", 100)];
    let (trace, _) = traced(9002, &specs, Options::default(), async |tasks, recorder| {
        sequential_vs_concurrent::main(&LessonId::SequentialVsConcurrent.plan_of(Mode::Sequential, CoreOptions::default()), tasks, recorder).await
    })
    .await;
    let first_ready = trace.polls(Lane::Task(0)).iter().find(|p| p.result == PollResult::Ready).map(|p| p.end_ms).expect("task 1 ends");
    let second = trace.polls(Lane::Task(1));
    assert!(!second.is_empty());
    assert!(second.iter().all(|p| p.start_ms >= first_ready), "{second:?} before {first_ready}");
}

#[wasm_bindgen_test]
async fn a_blocking_loop_is_one_long_poll_and_the_timer_is_woken_after_it() {
    let busy = TaskSpec { kind: TaskKind::Cpu, ..TaskSpec::timer("Busy loop", 300) };
    let specs = [TaskSpec::timer("Timer", 50), busy];
    let options = Options { busy_loop: BusyLoop::Block, ..Options::default() };
    let (trace, _) = traced(9003, &specs, options, async |tasks, recorder| {
        cpu_bound::main(&LessonId::CpuBound.plan_of(Mode::Concurrent(Variant::Blocking), CoreOptions::default()), tasks, recorder).await
    })
    .await;
    let loop_polls = trace.polls(Lane::Task(1));
    assert_eq!(loop_polls.len(), 1, "{loop_polls:?}");
    let held = loop_polls[0];
    assert!(held.end_ms - held.start_ms >= 300.0, "{held:?}");
    let wake = trace.events.iter().find_map(|e| match *e {
        TraceEvent::Wake { lane: Lane::Task(0), t_ms, by: WakeSource::Timer } => Some(t_ms),
        _ => None,
    });
    // Due at 50 ms, its callback could run only once the loop let go of the thread.
    assert!(wake.is_some_and(|t| t >= held.end_ms), "wake {wake:?}, loop until {}", held.end_ms);
    let timer_ready = trace.polls(Lane::Task(0)).into_iter().find(|p| p.result == PollResult::Ready).expect("the timer ends");
    assert!(timer_ready.start_ms >= held.end_ms);
}

#[wasm_bindgen_test]
async fn a_sleep_outside_any_traced_future_records_nothing() {
    let sink = TraceSink::start(9004);
    async_lab::runtime::timer::sleep(5).await;
    async_lab::runtime::yield_now::yield_now().await;
    assert!(sink.finish().events.is_empty());
}

#[wasm_bindgen_test]
async fn the_await_it_button_tags_its_own_wake() {
    let specs = [TaskSpec::timer("greet(\"Alice\")", 10), TaskSpec::timer("promise", 10)];
    let (press, await_it) = futures::channel::oneshot::channel();
    let pressed = async {
        async_lab::runtime::timer::sleep(100).await;
        let _ = press.send(());
    };
    let program = async |tasks: &[Task<'_>], recorder: &Recorder| {
        lessons::run(LessonId::AsyncFn, &LessonId::AsyncFn.plan_of(Mode::Concurrent(Variant::Lazy), CoreOptions::default()), tasks, recorder, await_it)
            .await
            .end()
            .await;
    };
    let ((trace, _), ()) = futures::future::join(traced(9006, &specs, Options::default(), program), pressed).await;
    let wake = trace.events.iter().find_map(|e| match *e {
        TraceEvent::Wake { lane, t_ms, by: WakeSource::AwaitIt } => Some((lane, t_ms)),
        _ => None,
    });
    assert!(wake.is_some_and(|(lane, t)| lane == Lane::Spawned && t >= 99.0), "{wake:?}");
}

#[wasm_bindgen_test]
async fn the_labs_own_tasks_count_as_drawing_and_a_lessons_polls_do_not() {
    async_lab::runtime::executor::install();
    let sink = TraceSink::start(9100);
    // A task of the lab's own (as Leptos spawns its effects) that keeps the thread 3 ms.
    any_spawner::Executor::spawn_local(async {
        let start = now();
        while now() - start < 3.0 {}
    });
    // A task that polls a traced future: a lesson's program, already in the trace poll by poll.
    let lesson = sink.clone();
    any_spawner::Executor::spawn_local(async move {
        Traced::new(lesson, Lane::Task(0), async {
            let start = now();
            while now() - start < 30.0 {}
        })
        .await;
    });
    sleep(50).await;
    let trace = sink.finish();
    assert!(trace.drawing.iter().any(|(start, end)| end - start >= 2.9), "{:?}", trace.drawing);
    let drawn: f64 = trace.drawing.iter().map(|(start, end)| end - start).sum();
    assert!(drawn < 25.0, "the lesson's 30 ms poll was counted as drawing: {:?}", trace.drawing);
    assert_eq!(trace.polls(Lane::Task(0)).len(), 1);
}

#[wasm_bindgen_test]
async fn a_long_frame_the_browser_reports_lands_in_the_traces_in_flight() {
    long_frames::watch();
    assert!(long_frames::observed(), "Chromium reports long animation frames");
    let sink = TraceSink::start(9200);
    assert!(sink.finish().long_frames_observed);
    let sink = TraceSink::start(9201);
    sleep(20).await;
    let start = now();
    while now() - start < 120.0 {}
    sleep(long_frames::LATE_MS).await;
    let trace = sink.finish();
    assert!(trace.long_frames.iter().any(|(start, end)| end - start >= 110.0), "{:?}", trace.long_frames);
}
