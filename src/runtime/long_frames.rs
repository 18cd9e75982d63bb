//! The browser's reports of long animation frames (`long-animation-frame`, 50 ms or more, where
//! supported), recorded into the runs being traced as the Thread lane's outlined bands.

use super::trace::thread_did;
use async_lab_core::trace::Trace;
use std::cell::Cell;
use wasm_bindgen::prelude::*;

/// A frame's report arrives after the frame: a run's trace stays open this long after its end.
/// 150 ms missed a 400 ms frame's report once on a loaded 2-core CI machine; the run's report is
/// not held back by it, only the trace's landing (the lanes' marks, the downloads).
pub const LATE_MS: u32 = 500;

thread_local! {
    static OBSERVED: Cell<bool> = const { Cell::new(false) };
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = PerformanceObserver)]
    type Observer;
    #[wasm_bindgen(constructor, js_class = PerformanceObserver, catch)]
    fn new(callback: &js_sys::Function) -> Result<Observer, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn observe(this: &Observer, options: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(static_method_of = Observer, js_class = PerformanceObserver, getter = supportedEntryTypes)]
    fn supported() -> js_sys::Array;
    type EntryList;
    #[wasm_bindgen(method, js_name = getEntries)]
    fn entries(this: &EntryList) -> Vec<Entry>;
    type Entry;
    #[wasm_bindgen(method, getter, js_name = startTime)]
    fn start_time(this: &Entry) -> f64;
    #[wasm_bindgen(method, getter)]
    fn duration(this: &Entry) -> f64;
}

/// Starts listening, once, if this browser reports long animation frames.
pub fn watch() {
    if observed() || !Observer::supported().includes(&"long-animation-frame".into(), 0) {
        return;
    }
    let report = Closure::<dyn FnMut(EntryList)>::new(|list: EntryList| {
        for entry in list.entries() {
            thread_did(Trace::long_frame, entry.start_time(), entry.start_time() + entry.duration());
        }
    });
    let Ok(observer) = Observer::new(report.as_ref().unchecked_ref()) else { return };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"type".into(), &"long-animation-frame".into());
    if observer.observe(&options).is_ok() {
        OBSERVED.with(|o| o.set(true));
        // The observer lives as long as the page.
        report.forget();
    }
}

/// Whether long animation frames are being reported.
pub fn observed() -> bool {
    OBSERVED.with(Cell::get)
}
