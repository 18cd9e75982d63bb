//! Animation frames: a callback on every frame, waiting for one to be drawn, and a meter of the gaps between frames.

use super::clock::now;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

pub use async_lab_core::milestone::Frames;

struct State {
    start: f64,
    last: f64,
    count: u32,
    longest: f64,
    running: bool,
}

/// Counts frames from creation until [`FrameMeter::stop`] (or drop).
pub struct FrameMeter {
    state: Rc<RefCell<State>>,
}

impl FrameMeter {
    pub fn start() -> FrameMeter {
        let t = now();
        let state = Rc::new(RefCell::new(State { start: t, last: t, count: 0, longest: 0.0, running: true }));
        let counting = state.clone();
        each_frame(move || {
            let mut s = counting.borrow_mut();
            if s.running {
                let t = now();
                s.longest = s.longest.max(t - s.last);
                s.last = t;
                s.count += 1;
            }
            s.running
        });
        FrameMeter { state }
    }

    pub fn stop(&self) -> Frames {
        let mut s = self.state.borrow_mut();
        s.running = false;
        let t = now();
        // A frame still pending when the meter stops is a gap too.
        let longest = s.longest.max(t - s.last);
        Frames { count: s.count, longest_gap_ms: longest, span_ms: t - s.start }
    }
}

impl Drop for FrameMeter {
    fn drop(&mut self) {
        self.state.borrow_mut().running = false;
    }
}

/// Calls `draw` on every animation frame until it returns `false`.
pub fn each_frame(draw: impl FnMut() -> bool + 'static) {
    fn next(mut draw: impl FnMut() -> bool + 'static) {
        let Some(window) = web_sys::window() else { return };
        let callback = Closure::once_into_js(move || {
            if draw() {
                next(draw);
            }
        });
        let _ = window.request_animation_frame(callback.unchecked_ref());
    }
    next(draw);
}

/// Waits until the next animation frame has been drawn, and goes on in a task after it: work put
/// off this way lands in a frame of its own, not in the one the page was drawing.
pub async fn drawn() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.request_animation_frame(&resolve);
        }
    });
    let _ = JsFuture::from(frame).await;
    super::yield_now::yield_now().await;
}
