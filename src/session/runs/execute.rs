//! One run's program from start to end: the lesson's tasks run under the run's recorder and trace
//! until they return or a cancel comes; then the run is settled, shown and reported.

use super::Runs;
use crate::lessons::{self, Recorder, Task};
use crate::runtime::trace::TraceSink;
use crate::runtime::work::Options;
use crate::runtime::{clock, events, visibility};
use crate::session::trigger::Fired;
use async_lab_core::embed;
use async_lab_core::{Run, RunEvent, RunPlan, RunReport, TaskSpec};
use futures::channel::oneshot;
use futures::future::{select, Either};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

/// What connects a run in flight with the page: the learner's Cancel and Await it, and the
/// wall-clock it hands back when it runs to its end.
pub(super) struct Signals {
    pub cancelled: Fired,
    pub await_it: Fired,
    pub finished: oneshot::Sender<f64>,
}

impl Runs {
    /// Runs the lesson's program until it returns or is cancelled, then settles the run, clears
    /// the in-flight state if it is still the current run, and reports it.
    pub(super) async fn execute(self, run: Run, plan: RunPlan, options: Options, signals: Signals, trace: Rc<TraceSink>) {
        let Signals { cancelled, await_it, finished } = signals;
        let (id, mode) = (run.id, run.mode);
        let specs: Vec<TaskSpec> = run.tasks.iter().map(|t| t.spec.clone()).collect();
        let column = mode.column();
        // The task keeps its own copy of the run, so a superseded run still reports how it ended
        // even after the UI has moved on to a newer one.
        let own = Rc::new(RefCell::new(run));
        let sink = {
            let own = own.clone();
            move |event: RunEvent| {
                own.borrow_mut().apply(event.clone());
                // The lanes' clock moves at least at each event: with reduced motion, only then.
                if self.current_id() == Some(id) {
                    self.elapsed_ms.set(clock::now() - self.origin.get_value());
                }
                self.recorded(column).update(|r| {
                    if let Some(r) = r.as_mut().filter(|r| r.id == id) {
                        r.apply(event);
                    }
                });
                self.show(column);
            }
        };
        let mark = visibility::mark();
        // The run's clock starts when its program does, not when the UI finished drawing its lanes.
        let recorder = Recorder::traced(trace, sink);
        self.origin.set_value(recorder.origin());
        let (was_cancelled, wall) = {
            let tasks = Task::all(&specs, &recorder, options);
            let work = lessons::run(self.lesson, &plan, &tasks, &recorder, await_it);
            // A released trigger (a newer run) counts as a cancel too.
            let ended = match select(work, cancelled).await {
                // The wall-clock ends when the program returns; what it left running (JS promises)
                // is still watched to its end, so its lanes end when it did.
                Either::Left((runs_on, cancelled)) => {
                    let wall = recorder.elapsed_ms();
                    match select(Box::pin(runs_on.end()), cancelled).await {
                        Either::Left(_) => (false, wall),
                        Either::Right(_) => (true, recorder.elapsed_ms()),
                    }
                }
                Either::Right(_) => (true, recorder.elapsed_ms()),
            };
            ended
        };
        let settled = {
            let mut run = own.borrow_mut();
            run.throttled = mark.hidden_since();
            match was_cancelled {
                true => run.cancel(wall),
                false => run.complete(wall),
            }
            run.clone()
        };
        let report = RunReport::of(&settled, self.resolution_ms);
        let for_parent = report.as_ref().and_then(|r| embed::for_parent(r, &settled));
        self.recorded(column).update(|r| {
            if r.as_ref().is_some_and(|r| r.id == id) {
                *r = Some(settled);
            }
        });
        self.show(column);
        if self.current_id() == Some(id) {
            self.in_flight.set(None);
            self.cancel.disarm();
            self.awaiting.set(false);
        }
        if let Some(report) = &report {
            events::dispatch_run(report, for_parent.as_ref());
        }
        // Only a run that went to its end (completed or failed) hands its wall-clock on.
        if !was_cancelled {
            let _ = finished.send(wall);
        }
    }
}
