//! Page visibility: whether the page was hidden during a run, when browsers throttle its timers.

use std::cell::Cell;
use wasm_bindgen::prelude::*;

thread_local! {
    static HIDDEN_EPOCH: Cell<u32> = const { Cell::new(0) };
}

/// Whether the page is hidden now (a background tab, a minimised window).
pub fn hidden() -> bool {
    web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden())
}

/// Starts counting the times the page becomes hidden. Call once at start-up.
pub fn watch() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let on_change = Closure::<dyn Fn()>::new(|| {
        if hidden() {
            HIDDEN_EPOCH.with(|e| e.set(e.get() + 1));
        }
    });
    // The listener lives as long as the page.
    let _ = document.add_event_listener_with_callback("visibilitychange", on_change.as_ref().unchecked_ref());
    on_change.forget();
}

/// A mark taken when a run starts.
#[derive(Clone, Copy, Debug)]
pub struct Mark {
    epoch: u32,
    hidden: bool,
}

pub fn mark() -> Mark {
    Mark { epoch: HIDDEN_EPOCH.with(Cell::get), hidden: hidden() }
}

impl Mark {
    /// Whether the page was hidden at any time since the mark.
    pub fn hidden_since(&self) -> bool {
        self.hidden || hidden() || HIDDEN_EPOCH.with(Cell::get) != self.epoch
    }
}
