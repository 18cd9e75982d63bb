//! Timers: sleeps on real browser timers that never wake before their deadline, sharing one
//! browser timer per distinct deadline (whole ms) so ten thousand sleeps cost one `setTimeout`.

use super::clock::now;
use super::gauge::Gauge;
use super::trace::{self, WakeTag};
use async_lab_core::trace::WakeSource;
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::hash::{BuildHasherDefault, Hasher};
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

thread_local! {
    static PENDING: Gauge = const { Gauge::new() };
    static WHEEL: RefCell<HashMap<u64, Slot, BuildHasherDefault<MsHasher>>> = RefCell::new(HashMap::default());
    static GENERATION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many sleeps are waiting on a browser timer right now.
pub fn pending() -> usize {
    PENDING.with(Gauge::get)
}

/// How many browser timers the sleeps share right now.
pub fn browser_timers() -> usize {
    WHEEL.with(|w| w.borrow().len())
}

/// Hashes a slot's key, a whole ms, by one multiplication (Fibonacci hashing): the slots are only
/// looked up by key, never walked in order, and a `BTreeMap` cost the wasm about 1 KiB more.
#[derive(Default)]
struct MsHasher(u64);

impl Hasher for MsHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u64(u64::from(byte));
        }
    }

    fn write_u64(&mut self, key: u64) {
        self.0 = (self.0 ^ key).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// The sleeps due at one whole millisecond, and the one browser timer that wakes them.
struct Slot {
    /// Tells this slot from a later one at the same key, after this one has fired.
    generation: u64,
    /// Each sleep's waker, and the traced lane that polled it, if any.
    wakers: Vec<Option<(Waker, Option<WakeTag>)>>,
    live: usize,
    _timer: Timeout,
}

/// Waits `ms` milliseconds without blocking the thread: the `asyncio.sleep` of the browser.
pub fn sleep(ms: u32) -> Sleep {
    sleep_until(now() + f64::from(ms))
}

/// Waits until `performance.now()` reaches `deadline`. A coarsened clock can make a timer look
/// early, so a sleep woken before its deadline waits again. Dropping it (a cancel) removes it,
/// and clears the browser timer when no other sleep shares it.
pub fn sleep_until(deadline: f64) -> Sleep {
    PENDING.with(Gauge::up);
    Sleep { deadline, registered: None }
}

/// The future [`sleep`] returns.
pub struct Sleep {
    deadline: f64,
    /// The slot's key and generation, and this sleep's place in it, once polled.
    registered: Option<(u64, u64, usize)>,
}

impl Future for Sleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if now() >= self.deadline {
            self.unregister();
            return Poll::Ready(());
        }
        // Whole ms, rounded up: the slot's timer fires at or after every deadline in it.
        let key = self.deadline.ceil() as u64;
        let current =
            self.registered.filter(|&(k, generation, _)| k == key && WHEEL.with(|w| w.borrow().get(&key).is_some_and(|slot| slot.generation == generation)));
        match current {
            Some((_, _, index)) => WHEEL.with(|w| {
                if let Some(slot) = w.borrow_mut().get_mut(&key) {
                    slot.wakers[index] = Some((cx.waker().clone(), trace::current()));
                }
            }),
            None => {
                self.unregister();
                let (generation, index) = WHEEL.with(|w| {
                    let mut wheel = w.borrow_mut();
                    let slot = wheel.entry(key).or_insert_with(|| {
                        let wait = (key as f64 - now()).ceil().clamp(0.0, f64::from(i32::MAX as u32)) as u32;
                        let generation = GENERATION.with(|g| {
                            g.set(g.get() + 1);
                            g.get()
                        });
                        Slot { generation, wakers: Vec::new(), live: 0, _timer: Timeout::new(wait, move || fire(key)) }
                    });
                    slot.live += 1;
                    slot.wakers.push(Some((cx.waker().clone(), trace::current())));
                    (slot.generation, slot.wakers.len() - 1)
                });
                self.registered = Some((key, generation, index));
            }
        }
        Poll::Pending
    }
}

impl Sleep {
    /// Leaves its slot; the last sleep to leave drops the browser timer (`clearTimeout`).
    fn unregister(&mut self) {
        let Some((key, generation, index)) = self.registered.take() else { return };
        WHEEL.with(|w| {
            let mut wheel = w.borrow_mut();
            if let Some(slot) = wheel.get_mut(&key).filter(|slot| slot.generation == generation) {
                slot.wakers[index] = None;
                slot.live -= 1;
                if slot.live == 0 {
                    wheel.remove(&key);
                }
            }
        });
    }
}

impl Drop for Sleep {
    fn drop(&mut self) {
        self.unregister();
        PENDING.with(Gauge::down);
    }
}

/// The slot's browser timer fired: wake every sleep in it. Each re-polls, and either finishes
/// or (on a coarsened clock) waits again in a later slot.
fn fire(key: u64) {
    let Some(slot) = WHEEL.with(|w| w.borrow_mut().remove(&key)) else { return };
    for (waker, tag) in slot.wakers.into_iter().flatten() {
        if let Some(tag) = tag {
            tag.woke(WakeSource::Timer);
        }
        waker.wake();
    }
}
