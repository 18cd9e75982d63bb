//! The code panel's Rust is each lesson's own source: the shown region, line for line, from its first
//! line, and the "also runs" blocks verbatim from theirs.

use async_lab::lessons::source::{also_runs, first_line, for_lesson};
use async_lab_core::LessonId;
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
