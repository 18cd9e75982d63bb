//! Leptos's tasks (the effects that redraw the page) spawned on wasm-bindgen-futures, each poll
//! measured while a run is traced: the Thread lane's "drew the lab".
//!
//! A task whose poll polled a traced future ran a lesson's program, not the lab's drawing: its
//! poll is not counted (the trace has it, poll by poll).

use super::clock::now;
use super::trace::{thread_did, traced_polls, tracing};
use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use async_lab_core::trace::Trace;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Makes this executor Leptos's, before anything is mounted (Leptos's own choice then finds one set).
pub fn install() {
    let _ = Executor::init_local_custom_executor(LabExecutor);
}

struct LabExecutor;

impl CustomExecutor for LabExecutor {
    // One thread: a `Send` future is spawned like any other.
    fn spawn(&self, future: PinnedFuture<()>) {
        self.spawn_local(future);
    }

    // Boxed again, as Leptos's own spawner boxes it: one instance of `spawn_local` serves both.
    fn spawn_local(&self, future: PinnedLocalFuture<()>) {
        let drawing: PinnedLocalFuture<()> = Box::pin(Drawing(future));
        wasm_bindgen_futures::spawn_local(drawing);
    }

    // wasm-bindgen-futures drives its own queue from the browser's microtasks.
    fn poll_local(&self) {}
}

/// A Leptos task whose polls count as the lab drawing itself while a run is traced.
#[must_use = "futures do nothing unless polled"]
struct Drawing(PinnedLocalFuture<()>);

impl Future for Drawing {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if !tracing() {
            return self.0.as_mut().poll(cx);
        }
        let (start, lesson) = (now(), traced_polls());
        let polled = self.0.as_mut().poll(cx);
        if traced_polls() == lesson {
            thread_did(Trace::drew, start, now());
        }
        polled
    }
}
