//! Yielding to the browser: one trip through its task queue, so due timers fire and frames are drawn.
//!
//! Yielding posts a message through one shared `MessageChannel`: a plain task, queued behind
//! the timers that are due, so they fire on time. Never `setTimeout(0)` (clamped to 4 ms when
//! nested) and never a self-wake, which stays inside the microtask queue and so never lets the
//! browser run timers or draw. `scheduler.yield()` is not used here on purpose: Chromium runs its
//! continuations ahead of due timers, and a 400 ms loop yielding that way left a 50 ms timer
//! 384 ms late (see the README), which would hide the cpu-bound lesson's point.

use super::trace::Tagged;
use async_lab_core::trace::WakeSource;
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Lets the browser run its queued tasks (timers, input, rendering) before continuing.
pub async fn yield_now() {
    let _ = Tagged::new(JsFuture::from(message_channel_yield()), WakeSource::Yield).await;
}

/// The shared channel and the handler that resolves the oldest waiting yield.
type Channel = (web_sys::MessageChannel, Closure<dyn FnMut()>);

thread_local! {
    static CHANNEL: RefCell<Option<Channel>> = const { RefCell::new(None) };
    static WAITING: RefCell<VecDeque<js_sys::Function>> = const { RefCell::new(VecDeque::new()) };
}

/// A promise resolved by a message posted through one shared channel: a task, not a microtask.
fn message_channel_yield() -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, _| {
        WAITING.with(|w| w.borrow_mut().push_back(resolve));
        CHANNEL.with(|c| {
            let mut channel = c.borrow_mut();
            let (ports, _) = channel.get_or_insert_with(|| {
                let ports = web_sys::MessageChannel::new().expect("MessageChannel");
                let on_message = Closure::<dyn FnMut()>::new(|| {
                    if let Some(resolve) = WAITING.with(|w| w.borrow_mut().pop_front()) {
                        let _ = resolve.call0(&JsValue::UNDEFINED);
                    }
                });
                ports.port1().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                (ports, on_message)
            });
            let _ = ports.port2().post_message(&JsValue::from(0));
        });
    })
}
