//! Session state in headless Chromium: the task drafts' rows, and what adding and removing leaves behind.

use async_lab::session::Drafts;
use async_lab_core::query::UrlState;
use async_lab_core::{LessonId, TaskSpec};
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn adding_and_removing_rows_leaves_no_live_row_signal_behind() {
    let owner = Owner::new();
    owner.with(|| {
        let drafts = Drafts::new(&UrlState { lesson: LessonId::Gather, tasks: Some(vec![TaskSpec::timer("a", 1)]), ..UrlState::default() });
        let mut seen = Vec::new();
        for round in 0..100 {
            drafts.add_task();
            drafts.add_task();
            seen.extend(drafts.rows.get_untracked());
            drafts.remove_task();
            if round % 10 == 9 {
                drafts.reset();
            }
        }
        drafts.remove_task();
        seen.extend(drafts.rows.get_untracked());
        let live: Vec<u32> = drafts.rows.get_untracked().iter().map(|r| r.id).collect();
        for row in &seen {
            let alive = row.draft.try_get_untracked().is_some();
            assert_eq!(alive, live.contains(&row.id), "row {} alive: {alive}", row.id);
        }
        // The lesson's defaults after the last reset, less the one removed: still editable.
        assert_eq!(drafts.rows.with_untracked(Vec::len), 2);
    });
}

#[wasm_bindgen_test]
fn the_count_stays_within_its_limits_with_a_message() {
    let owner = Owner::new();
    owner.with(|| {
        let drafts = Drafts::new(&UrlState { tasks: Some(vec![TaskSpec::timer("a", 1)]), ..UrlState::default() });
        drafts.remove_task();
        assert_eq!(drafts.rows.with_untracked(Vec::len), 1);
        assert_eq!(drafts.problem.get_untracked().as_deref(), Some("Tasks: a lesson runs 1 to 20 tasks; got 0."));
        for _ in 0..25 {
            drafts.add_task();
        }
        assert_eq!(drafts.rows.with_untracked(Vec::len), 20);
        assert_eq!(drafts.problem.get_untracked().as_deref(), Some("Tasks: a lesson runs 1 to 20 tasks; got 21."));
    });
}
