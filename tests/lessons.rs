//! The code panel's Rust is each lesson's own source: the shown region, line for line, from its first
//! line, and the "also runs" blocks verbatim from theirs; and each lesson records no more than
//! `LessonId::most_recorded` says, the bound a link's runs are held to.

use async_lab::lessons::source::{also_runs, first_line, for_lesson};
use async_lab::lessons::{self, Recorder, Task};
use async_lab::runtime::work::Options;
use async_lab_core::plan::{self, DEFAULT_DEADLINE_MS};
use async_lab_core::Options as CoreOptions;
use async_lab_core::{LessonId, Mode, RunEvent, TaskSpec};
use futures::channel::oneshot;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn file(id: LessonId) -> &'static str {
    match id {
        LessonId::SequentialVsConcurrent => include_str!("../src/lessons/sequential_vs_concurrent.rs"),
        LessonId::AsyncFn => include_str!("../src/lessons/async_fn.rs"),
        LessonId::Gather => include_str!("../src/lessons/gather.rs"),
        LessonId::ApiRequests => include_str!("../src/lessons/api_requests.rs"),
        LessonId::ContextManager => include_str!("../src/lessons/context_manager.rs"),
        LessonId::AsyncMethods => include_str!("../src/lessons/async_methods.rs"),
        LessonId::CpuBound => include_str!("../src/lessons/cpu_bound.rs"),
        LessonId::Race => include_str!("../src/lessons/race.rs"),
        LessonId::Timeout => include_str!("../src/lessons/timeout.rs"),
        LessonId::Errors => include_str!("../src/lessons/errors.rs"),
        LessonId::Limit => include_str!("../src/lessons/limit.rs"),
        LessonId::AsCompleted => include_str!("../src/lessons/as_completed.rs"),
        LessonId::Retry => include_str!("../src/lessons/retry.rs"),
    }
}

#[wasm_bindgen_test]
fn every_shown_region_is_the_source_from_its_first_line() {
    for id in LessonId::ALL {
        let source = file(id);
        let shown = for_lesson(id);
        let from = first_line(id) as usize;
        assert_eq!(source.lines().nth(from - 2), Some("// region:lesson"), "{id:?}: the line before the region");
        for (offset, line) in shown.lines().enumerate() {
            assert_eq!(source.lines().nth(from - 1 + offset), Some(line), "{id:?}: line {}", from + offset);
        }
        assert!(shown.contains("pub async fn main"), "{id:?}");
    }
}

#[wasm_bindgen_test]
fn what_also_runs_is_shown_from_its_source_too() {
    let sources = [include_str!("../src/runtime/work.rs"), include_str!("../src/runtime/cpu.rs")];
    for id in LessonId::ALL {
        let blocks = also_runs(id);
        assert!(blocks.iter().any(|(title, code)| title.contains("timeout") && code.contains("pub async fn perform(")), "{id:?}: the timeout race");
        for (title, code) in blocks {
            assert!(sources.iter().chain([&file(id)]).any(|s| s.contains(code)), "{id:?}: {title} is not verbatim in its source");
        }
    }
    let eager = also_runs(LessonId::AsyncFn).iter().find(|(t, _)| t.contains("JS promise")).expect("async-fn shows its JS promise");
    assert!(eager.1.contains("js_sys::Promise::new"));
    assert!(also_runs(LessonId::CpuBound).iter().any(|(_, code)| code.contains("pub async fn busy(")));
    assert!(also_runs(LessonId::Race).iter().any(|(title, code)| title.contains("JS lanes") && code.contains("js_sys::Promise::race")));
    assert!(!also_runs(LessonId::Gather).iter().any(|(_, code)| code.contains("pub async fn busy(")));
}

/// The log lines and lesson events of a live run of `lesson` in `mode` over `typed` tasks, and its
/// lanes; async-fn's Await it is pressed at once, and what a race leaves running is awaited.
async fn recorded(lesson: LessonId, mode: Mode, typed: Vec<TaskSpec>) -> (usize, usize, usize) {
    let specs = plan::lanes(mode, typed, DEFAULT_DEADLINE_MS);
    let events = Rc::new(RefCell::new((0, 0)));
    let sink = events.clone();
    let recorder = Recorder::new(0, move |event| match event {
        RunEvent::Log { .. } => sink.borrow_mut().0 += 1,
        RunEvent::Lesson { .. } => sink.borrow_mut().1 += 1,
        _ => {}
    });
    let tasks = Task::all(&specs, &recorder, Options::default());
    let (press, await_it) = oneshot::channel();
    let _ = press.send(());
    lessons::run(lesson, &lesson.plan_of(mode, CoreOptions::default()), &tasks, &recorder, await_it).await.end().await;
    let (log, marks) = *events.borrow();
    (log, marks, specs.len())
}

#[wasm_bindgen_test]
async fn every_lesson_records_at_most_what_a_link_may_hold_and_some_run_records_that_much() {
    for lesson in LessonId::ALL {
        let (mut most_log, mut most_events) = (false, false);
        for mode in Mode::ALL.into_iter().filter(|m| lesson.runs_mode(*m)) {
            // Tasks that end well, of two counts (the bounds grow with the lanes), and tasks that fail.
            let well = |n: usize| (0..n).map(|i| TaskSpec::timer(&format!("T{i}"), 1)).collect::<Vec<_>>();
            let failing = vec![TaskSpec { fails: true, ..TaskSpec::timer("F0", 1) }, TaskSpec { fails: true, ..TaskSpec::timer("F1", 2) }];
            for typed in [well(1), well(3), failing] {
                let (log, events, lanes) = recorded(lesson, mode, typed).await;
                let most = lesson.most_recorded(lanes);
                assert!(
                    log <= most.log_lines && events <= most.events,
                    "{lesson:?} {mode:?} over {lanes} lanes: {log} lines, {events} events; at most {most:?}"
                );
                most_log |= log == most.log_lines;
                most_events |= events == most.events;
            }
        }
        assert!(
            most_log && most_events,
            "{lesson:?}: no run reached its bound (lines {most_log}, events {most_events}): the bound is not read off the program"
        );
    }
}
