//! The code panel's Rust is each lesson's own source: the shown region, line for line, from its first line.

use async_lab::lessons::source::{first_line, for_lesson};
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
        assert!(shown.contains("pub async fn main("), "{id:?}");
    }
}
