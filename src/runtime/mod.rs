//! Browser effects behind small interfaces, one effect per module. Everything that touches
//! `web-sys` lives here (or in `panic`), so the core stays pure and the UI stays declarative.
//! Nothing here imports `session`, `lessons` or `ui`.

/// A 2D canvas painter and the Scale panel's drawing.
pub mod canvas;
/// Copying text, with an honest answer when the browser refuses.
pub mod clipboard;
/// `performance.now()` and its measured resolution.
pub mod clock;
/// Raw deflate and capped inflate through the browser's compression streams (links to a moment).
pub mod compression;
/// Busy loops that block or yield.
pub mod cpu;
/// Saving a run's JSON as a file the browser downloads.
pub mod download;
/// The embedded page's height reports, the host's theme, and the "seen" moment.
pub mod embed;
/// The `async-lab:run` event and messages to a parent page.
pub mod events;
/// Leptos's tasks on wasm-bindgen-futures, each poll measured while a run is traced ("drew the lab").
pub mod executor;
/// `fetch` that aborts its `AbortController` when dropped, with capped body reading.
pub mod fetch;
/// Animation frames, waiting for one to be drawn, and the frame meter.
pub mod frames;
/// The page's origin and folder, the address bar and its fragment, and which URLs stay on this origin.
pub mod location;
/// The browser's reports of long animation frames, into the runs being traced.
pub mod long_frames;
/// Bars that grow and a line that slides with the clock, on the compositor.
pub mod motion;
/// A task's work as a JavaScript promise: started when created, never cancelled (race's JS lanes).
pub mod promise;
/// Randomness: `Math.random()`, retry's jitter.
pub mod random;
/// The Scale panel's N concurrent sleeps, started in slices.
pub mod scale;
/// Registering `sw.js` and knowing whether it answers `api/`.
pub mod service_worker;
/// The root's `data-theme`, a link's font and accent, and the reader's light or dark preference changing.
pub mod theme;
/// Sleeps that share one browser timer per deadline and never wake early.
pub mod timer;
/// Every poll and wake of a run's futures, measured, into its trace.
pub mod trace;
/// Media queries: a narrow viewport (a phone), reduced motion.
pub mod viewport;
/// Whether the page is or was hidden (throttled timers).
pub mod visibility;
/// The work one task does: timer, fetch or busy loop, under its timeout.
pub mod work;
/// One trip through the browser's task queue, through a shared `MessageChannel`.
pub mod yield_now;

/// The page's root element (`<html>`), where the theme, the embed class and the room are set.
pub(crate) fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// A JS exception's message, for details shown to people.
pub(crate) fn js_message(value: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    value.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| value.as_string()).unwrap_or_else(|| "unknown error".to_owned())
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
