//! Browser effects behind small interfaces: the clock, timers, fetch, visibility and the run events.
//!
//! Everything that touches `web-sys` lives here, so the core stays pure and the UI stays declarative.

pub mod clipboard;
pub mod canvas;
pub mod clock;
pub mod cpu;
pub mod embed;
pub mod events;
pub mod fetch;
pub mod frames;
pub mod scale;
pub mod service_worker;
pub mod timer;
pub mod visibility;
pub mod work;

/// A JS exception's message, for details shown to people.
pub(crate) fn js_message(value: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// Counts live resources (pending timers, in-flight fetches) so tests can prove a cancel leaves none behind.
pub(crate) mod gauge {
    use std::cell::Cell;

    /// A counter shared by every live instance of one resource.
    pub struct Gauge(Cell<usize>);

    impl Gauge {
        pub const fn new() -> Gauge {
            Gauge(Cell::new(0))
        }

        pub fn get(&self) -> usize {
            self.0.get()
        }

        pub fn up(&self) {
            self.0.set(self.0.get() + 1);
        }

        pub fn down(&self) {
            self.0.set(self.0.get().saturating_sub(1));
        }
    }
}
