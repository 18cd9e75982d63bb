//! The scale control's run: N concurrent sleeps through the runtime, each one's start and end recorded.

use super::clock::now;
use super::timer::sleep;
use super::trace::{TraceSink, Traced};
use super::yield_now::yield_now;
use async_lab_core::scale::{Progress, TRACED_TASKS};
use async_lab_core::trace::Lane;
use futures::future::{join_all, Either};
use std::cell::RefCell;
use std::rc::Rc;

/// Tasks started in one go. Starting 100,000 sleeps at once holds the page for about 40 ms, a frame
/// too long; slices of this size take a couple of ms each, with a browser task between them.
pub const SLICE: usize = 5_000;

/// `join_all` over `n` sleeps of `ms`, writing each start and end into `progress` as it happens so a
/// frame can draw the run live; returns the wall-clock. Past [`SLICE`] tasks, slice k starts after
/// k trips through the browser's task queue, so the page keeps drawing while they start; the
/// timeline shows those later starts as they are. Dropping the future cancels every sleep.
/// The first [`TRACED_TASKS`] tasks are traced on a lane each into `trace`; the caller polls the
/// whole run inside the trace's spawned lane, so later tasks' polls still count within its polls.
pub async fn run(n: u32, ms: u32, progress: &RefCell<Progress>, trace: &Rc<TraceSink>) -> f64 {
    let start = now();
    progress.borrow_mut().set_origin_ms(start);
    let n = n as usize;
    let task = |i: usize| async move {
        progress.borrow_mut().start(i, now() - start);
        sleep(ms).await;
        progress.borrow_mut().end(i, now() - start);
    };
    join_all((0..n.div_ceil(SLICE)).map(|k| async move {
        for _ in 0..k {
            yield_now().await;
        }
        join_all((k * SLICE..((k + 1) * SLICE).min(n)).map(|i| match i < TRACED_TASKS {
            true => Either::Left(Traced::new(trace.clone(), Lane::Task(i), task(i))),
            false => Either::Right(task(i)),
        }))
        .await;
    }))
    .await;
    now() - start
}
