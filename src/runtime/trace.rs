//! Tracing a run's futures: every poll measured by a wrapper, every wake tagged by the leaf
//! future (timer, fetch, yield) that causes it, into the run's `core::trace::Trace`.
//!
//! A wrapper around a task's waker cannot tell who called it, so the leaves tag their own wakes:
//! when a leaf is polled it takes the [`WakeTag`] of the lane being polled ([`current`]), and
//! hands it back with its source when it wakes. Untraced code pays one thread-local read.

use super::clock::now;
use super::long_frames;
use super::timer::sleep;
use async_lab_core::trace::{Lane, PollResult, Trace, TraceEvent, WakeSource};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

thread_local! {
    /// The traces of the runs in flight, by run id.
    static SINKS: RefCell<Vec<Rc<TraceSink>>> = const { RefCell::new(Vec::new()) };
    /// The lane being polled right now (the innermost, when traced futures nest); each poll puts
    /// back the one it found, so the stack lives in the polls' own frames.
    static POLLING: Cell<Option<WakeTag>> = const { Cell::new(None) };
    /// Polls of traced futures so far: a task that polled one ran a lesson, not the lab's drawing.
    static POLLS: Cell<u64> = const { Cell::new(0) };
}

/// Where a run's trace is recorded, and the origin of its times.
pub struct TraceSink {
    run_id: u32,
    origin: f64,
    trace: RefCell<Trace>,
}

impl TraceSink {
    /// Starts the trace of run `run_id` now: its times count from this moment.
    pub fn start(run_id: u32) -> Rc<TraceSink> {
        let mut trace = Trace::new(run_id);
        trace.long_frames_observed = long_frames::observed();
        let sink = Rc::new(TraceSink { run_id, origin: now(), trace: RefCell::new(trace) });
        SINKS.with(|s| s.borrow_mut().push(sink.clone()));
        sink
    }

    /// `performance.now()` when the trace started: the run's time zero.
    pub fn origin(&self) -> f64 {
        self.origin
    }

    /// Ends the trace and returns it; wakes that arrive later (a cancelled run's timers) are dropped.
    pub fn finish(&self) -> Trace {
        SINKS.with(|s| s.borrow_mut().retain(|sink| !std::ptr::eq(&**sink, self)));
        self.trace.take()
    }

    /// Ends the trace of a run that ended `end_ms` into it, once the browser has had time to report
    /// the run's last long frame (a frame is reported after it ends); what the page recorded after
    /// `end_ms` in that wait is dropped.
    pub async fn settle(&self, end_ms: f64) -> Trace {
        sleep(long_frames::LATE_MS).await;
        let mut trace = self.finish();
        trace.end_at(end_ms);
        trace
    }

    fn record(&self, event: TraceEvent) -> usize {
        self.trace.borrow_mut().record(event)
    }
}

/// Whether any run is being traced: the thread's other work is measured only then.
pub fn tracing() -> bool {
    SINKS.with(|s| !s.borrow().is_empty())
}

/// How many polls of traced futures there have been: unchanged across a task's poll when that
/// poll ran none of a lesson's futures.
pub fn traced_polls() -> u64 {
    POLLS.with(Cell::get)
}

/// Records in every run being traced what the thread did from `start` to `end`
/// (`performance.now()` values): `Trace::drew` or `Trace::long_frame`.
pub fn thread_did(record: fn(&mut Trace, f64, f64), start: f64, end: f64) {
    SINKS.with(|s| {
        for sink in s.borrow().iter() {
            record(&mut sink.trace.borrow_mut(), start - sink.origin, end - sink.origin);
        }
    });
}

/// A lane of a traced run, as a leaf future keeps it to tag its wake.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WakeTag {
    run_id: u32,
    lane: Lane,
}

impl WakeTag {
    /// Records that `by` woke this lane now; a task's wake also wakes the spawned future that polls it.
    pub fn woke(self, by: WakeSource) {
        let Some(sink) = SINKS.with(|s| s.borrow().iter().find(|sink| sink.run_id == self.run_id).cloned()) else { return };
        let t_ms = now() - sink.origin;
        let _ = sink.record(TraceEvent::Wake { lane: self.lane, t_ms, by });
        if self.lane != Lane::Spawned {
            let _ = sink.record(TraceEvent::Wake { lane: Lane::Spawned, t_ms, by });
        }
    }
}

/// The lane being polled right now, if a traced future is polling.
pub fn current() -> Option<WakeTag> {
    POLLING.with(Cell::get)
}

pin_project_lite::pin_project! {
    /// A future whose every poll is measured and recorded on `lane`.
    #[must_use = "futures do nothing unless polled"]
    pub struct Traced<F> {
        // Pinned in place (no box): the trace costs a poll two clock reads and two small records.
        #[pin]
        inner: F,
        lane: Lane,
        sink: Rc<TraceSink>,
    }
}

impl<F: Future> Traced<F> {
    pub fn new(sink: Rc<TraceSink>, lane: Lane, inner: F) -> Traced<F> {
        Traced { inner, lane, sink }
    }
}

impl<F: Future> Future for Traced<F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = self.project();
        let (lane, sink) = (*this.lane, &**this.sink);
        let outer = POLLING.with(|p| p.replace(Some(WakeTag { run_id: sink.run_id, lane })));
        POLLS.with(|n| n.set(n.get() + 1));
        let start = now() - sink.origin;
        // Recorded as it begins, completed as it ends: events stay in the order things happened.
        let at = sink.record(TraceEvent::Poll { lane, start_ms: start, end_ms: start, result: PollResult::Pending });
        let polled = this.inner.poll(cx);
        let end = now() - sink.origin;
        POLLING.with(|p| p.set(outer));
        let result = if polled.is_ready() { PollResult::Ready } else { PollResult::Pending };
        sink.trace.borrow_mut().poll_ended(at, end, result);
        polled
    }
}

/// A leaf future (a promise, a channel) whose wakes are recorded as `by`'s, for the lane that
/// polled it. Outside a traced run it is the inner future and nothing more.
#[must_use = "futures do nothing unless polled"]
pub struct Tagged<F> {
    inner: F,
    by: WakeSource,
}

impl<F: Future + Unpin> Tagged<F> {
    pub fn new(inner: F, by: WakeSource) -> Tagged<F> {
        Tagged { inner, by }
    }
}

impl<F: Future + Unpin> Future for Tagged<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let by = self.by;
        match current() {
            None => Pin::new(&mut self.inner).poll(cx),
            Some(tag) => {
                let waker = Waker::from(Arc::new(TaggingWaker { inner: cx.waker().clone(), tag, by }));
                Pin::new(&mut self.inner).poll(&mut Context::from_waker(&waker))
            }
        }
    }
}

/// Records the wake, then passes it on to the task's own waker.
struct TaggingWaker {
    inner: Waker,
    tag: WakeTag,
    by: WakeSource,
}

impl Wake for TaggingWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.tag.woke(self.by);
        self.inner.wake_by_ref();
    }
}
