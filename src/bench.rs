//! Benchmark entry points (feature `bench`, built only by `make bench`): the runtime's timers,
//! spawn and fetch, exported so the bench page can time them beside plain JavaScript, and the
//! same work traced, to time the trace against the untraced runtime.

use crate::runtime::trace::{TraceSink, Traced};
use crate::runtime::{clock::now, fetch::Request, timer::sleep};
use async_lab_core::replay::next_moment;
use async_lab_core::trace::{Lane, PollResult, Trace, TraceEvent};
use async_lab_core::{chrome_trace, LessonId, Mode, Run, RunEvent, TaskResult, TaskSpec, TaskStatus, Variant};
use futures::channel::oneshot;
use futures::future::join_all;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

thread_local! {
    static LAST_TRACE: RefCell<Trace> = RefCell::new(Trace::new(0));
    static REPLAYED: RefCell<Option<Run>> = const { RefCell::new(None) };
}

/// Wall-clock of `join_all` over `n` concurrent sleeps of `ms`.
#[wasm_bindgen]
pub async fn bench_timers(n: u32, ms: u32) -> f64 {
    let start = now();
    join_all((0..n).map(|_| sleep(ms))).await;
    now() - start
}

/// Wall-clock of `n` no-op futures started with `spawn_local`, until the last has run.
#[wasm_bindgen]
pub async fn bench_spawn(n: u32) -> f64 {
    let start = now();
    let left = Rc::new(Cell::new(n));
    let (done, finished) = oneshot::channel::<()>();
    let done = Rc::new(Cell::new(Some(done)));
    for _ in 0..n {
        let (left, done) = (left.clone(), done.clone());
        wasm_bindgen_futures::spawn_local(async move {
            left.set(left.get() - 1);
            if left.get() == 0 {
                if let Some(done) = done.take() {
                    let _ = done.send(());
                }
            }
        });
    }
    let _ = finished.await;
    now() - start
}

/// Wall-clock of `n` concurrent fetches of `api/delay/{ms}/b{i}`.
#[wasm_bindgen]
pub async fn bench_fetch(n: u32, ms: u32) -> f64 {
    let start = now();
    let urls: Vec<String> = (0..n).map(|i| format!("api/delay/{ms}/b{i}")).collect();
    join_all(urls.iter().map(|u| Request::to_own_endpoint(u).send())).await;
    now() - start
}

/// `n` futures made by `each`, under `join_all` in a traced spawned lane with a traced lane each,
/// as a lesson's run is traced; returns the wall-clock and keeps the trace for [`bench_trace_bytes`].
async fn traced<F: Future>(n: u32, each: impl Fn() -> F) -> f64 {
    let sink = TraceSink::start(u32::MAX);
    let start = now();
    let lanes = (0..n as usize).map(|i| Traced::new(sink.clone(), Lane::Task(i), each()));
    Traced::new(sink.clone(), Lane::Spawned, join_all(lanes)).await;
    let wall = now() - start;
    LAST_TRACE.with(|t| *t.borrow_mut() = sink.finish());
    wall
}

/// [`bench_timers`] with every sleep traced.
#[wasm_bindgen]
pub async fn bench_timers_traced(n: u32, ms: u32) -> f64 {
    traced(n, || sleep(ms)).await
}

/// Wall-clock of `join_all` over `n` futures that are ready at once.
#[wasm_bindgen]
pub async fn bench_noop(n: u32) -> f64 {
    let start = now();
    join_all((0..n).map(|_| async {})).await;
    now() - start
}

/// [`bench_noop`] with every future traced.
#[wasm_bindgen]
pub async fn bench_noop_traced(n: u32) -> f64 {
    traced(n, || async {}).await
}

/// Wall-clock of `n` reads of the clock (`performance.now()`), the floor under any trace that
/// timestamps each poll: two reads per poll.
#[wasm_bindgen]
pub fn bench_clock(n: u32) -> f64 {
    let start = now();
    let mut last = start;
    for _ in 0..n {
        // Each read kept, so none is optimised away.
        last = last.max(now());
    }
    last.max(now()) - start
}

/// The last traced run's size: `[events, trace document bytes, Chrome Trace Event bytes, polls]`, the
/// documents as JSON.
#[wasm_bindgen]
pub fn bench_trace_bytes() -> Vec<f64> {
    LAST_TRACE.with(|t| {
        let trace = t.borrow();
        let run = run_of(&trace);
        let document = serde_json::to_string(&trace.quantized(0.1)).map_or(0, |j| j.len());
        let export = chrome_trace::export(&run, &trace, 0.1).len();
        let polls = trace.events.iter().filter(|e| matches!(e, TraceEvent::Poll { .. })).count();
        vec![trace.events.len() as f64, document as f64, export as f64, polls as f64]
    })
}

/// The last traced bench run as a lesson's `Run`: a task per lane, started at its first poll and
/// ended at its Ready poll, with the trace itself.
fn run_of(trace: &Trace) -> Run {
    let lanes: Vec<Lane> = trace.lanes().into_iter().filter(|l| *l != Lane::Spawned).collect();
    let mut run = Run::new(1, LessonId::Gather, Mode::Concurrent(Variant::Gather), lanes.iter().map(|_| TaskSpec::timer("t", 0)).collect());
    let mut end: f64 = 0.0;
    for (index, lane) in lanes.iter().enumerate() {
        let polls = trace.polls(*lane);
        let (Some(first), Some(ready)) = (polls.first(), polls.iter().find(|p| p.result == PollResult::Ready)) else { continue };
        run.apply(RunEvent::TaskStarted { index, t_ms: first.start_ms });
        run.apply(RunEvent::TaskFinished { index, t_ms: ready.end_ms, result: TaskResult::timer(TaskStatus::Ok, "") });
        end = end.max(ready.end_ms);
    }
    run.complete(end);
    run.trace = trace.clone();
    run
}

/// Loads the last traced bench run (10,000 tasks, every poll and wake) for [`bench_replay_at`];
/// returns its wall-clock in ms.
#[wasm_bindgen]
pub fn bench_replay_load() -> f64 {
    let run = LAST_TRACE.with(|t| run_of(&t.borrow()));
    let wall = run.wall_ms.unwrap_or(0.0);
    REPLAYED.with(|r| *r.borrow_mut() = Some(run));
    wall
}

/// One frame of a replay at `at_ms` of the loaded run: the copy cut there that the page shows in
/// each of its two columns (`Run::at`), and the next recorded moment (Next event). Returns the
/// tasks running then, so none of it is optimised away.
#[wasm_bindgen]
pub fn bench_replay_at(at_ms: f64) -> u32 {
    REPLAYED.with(|r| {
        let loaded = r.borrow();
        let Some(run) = loaded.as_ref() else { return 0 };
        let (a, b) = (run.at(at_ms), run.at(at_ms));
        let next = next_moment(&[run], at_ms).unwrap_or(0.0);
        let running = a.tasks.iter().chain(&b.tasks).filter(|t| t.start_ms.is_some() && t.end_ms.is_none()).count();
        running as u32 + u32::from(next > at_ms)
    })
}
