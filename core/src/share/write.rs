//! Writing a payload: each field and its `,`, in the order `read.rs` reads them.

use super::{place, ticks, KINDS, LESSONS, MODES, OUTCOMES, POLL_RESULTS, SOURCES, STATUSES, WAKE_SOURCES};
use crate::milestone::Milestone;
use crate::run::{Run, TaskRecord};
use crate::trace::{Lane, Trace, TraceEvent};

pub(super) struct Out(pub(super) String);

impl Out {
    pub(super) fn num(&mut self, n: u64) {
        self.0.push_str(&n.to_string());
        self.0.push(',');
    }

    fn opt(&mut self, n: Option<u64>) {
        match n {
            Some(n) => self.num(n),
            None => self.0.push_str("-,"),
        }
    }

    fn flag(&mut self, b: bool) {
        self.num(u64::from(b));
    }

    fn time(&mut self, ms: f64) {
        self.num(ticks(ms));
    }

    fn text(&mut self, s: &str) {
        self.0.push_str(&s.len().to_string());
        self.0.push(':');
        self.0.push_str(s);
        self.0.push(',');
    }

    pub(super) fn run(&mut self, run: &Run) {
        self.num(u64::from(run.id));
        self.num(place(&LESSONS, &run.lesson));
        self.num(place(&MODES, &run.mode));
        self.opt(run.wall_ms.map(ticks));
        self.opt(run.outcome.map(|o| place(&OUTCOMES, &o)));
        self.flag(run.throttled);
        self.opt(run.sequential_wall_ms.map(ticks));
        self.num(run.tasks.len() as u64);
        for task in &run.tasks {
            self.task(task);
        }
        self.num(run.completion_order.len() as u64);
        run.completion_order.iter().for_each(|&i| self.num(i as u64));
        self.num(run.log.len() as u64);
        for line in &run.log {
            self.time(line.t_ms);
            self.text(&line.text);
        }
        self.num(run.events.len() as u64);
        for event in &run.events {
            self.time(event.t_ms);
            self.milestone(&event.milestone);
        }
        self.trace(&run.trace);
    }

    fn task(&mut self, task: &TaskRecord) {
        let (spec, result) = (&task.spec, &task.result);
        self.text(&spec.label);
        self.num(place(&KINDS, &spec.kind));
        self.num(u64::from(spec.delay_ms));
        self.flag(spec.fails);
        self.text(&spec.url);
        self.opt(task.start_ms.map(ticks));
        self.opt(task.end_ms.map(ticks));
        self.opt(task.line.map(u64::from));
        self.num(place(&STATUSES, &result.status));
        self.num(place(&SOURCES, &result.source));
        self.opt(result.http_status.map(u64::from));
        self.opt(result.bytes);
        self.flag(result.capped);
        self.opt(result.added_ms.map(ticks));
        self.text(&result.detail_for_link());
    }

    fn milestone(&mut self, milestone: &Milestone) {
        match milestone {
            Milestone::Connecting { to } => {
                self.num(0);
                self.text(to);
            }
            Milestone::Connected => self.num(1),
            Milestone::Closed => self.num(2),
            Milestone::FutureCreated { future } => {
                self.num(3);
                self.text(future);
            }
            Milestone::FirstPoll { future } => {
                self.num(4);
                self.text(future);
            }
            Milestone::Frames(frames) => {
                self.num(5);
                self.num(u64::from(frames.count));
                self.time(frames.longest_gap_ms);
                self.time(frames.span_ms);
            }
            Milestone::ClientSent { requests } => {
                self.num(6);
                self.num(*requests as u64);
            }
            Milestone::Returned { values } => {
                self.num(7);
                self.num(values.len() as u64);
                values.iter().for_each(|v| self.text(v));
            }
            Milestone::InFlightLimit { limit } => {
                self.num(8);
                self.num(*limit as u64);
            }
            Milestone::FailFirst { k } => {
                self.num(9);
                self.num(u64::from(*k));
            }
            Milestone::AttemptSent { lane, task, attempt } => {
                self.num(10);
                self.num(*lane as u64);
                self.text(task);
                self.num(u64::from(*attempt));
            }
            Milestone::RetryAfter { lane, task, attempt, status, wait_ms } => {
                self.num(11);
                self.num(*lane as u64);
                self.text(task);
                self.num(u64::from(*attempt));
                self.opt(status.map(u64::from));
                self.time(*wait_ms);
            }
        }
    }

    fn trace(&mut self, trace: &Trace) {
        self.num(trace.events.len() as u64);
        for event in &trace.events {
            match *event {
                TraceEvent::Poll { lane, start_ms, end_ms, result } => {
                    self.lane(0, lane);
                    self.time(start_ms);
                    self.time(end_ms);
                    self.num(place(&POLL_RESULTS, &result));
                }
                TraceEvent::Wake { lane, t_ms, by } => {
                    self.lane(1, lane);
                    self.time(t_ms);
                    self.num(place(&WAKE_SOURCES, &by));
                }
            }
        }
        for spans in [&trace.drawing, &trace.long_frames] {
            self.num(spans.len() as u64);
            for &(start, end) in spans.iter() {
                self.time(start);
                self.time(end);
            }
        }
        self.flag(trace.long_frames_observed);
    }

    /// The event's kind and its lane in one number: the spawned future is lane 0, task i lane i + 1.
    fn lane(&mut self, kind: u64, lane: Lane) {
        let lane = match lane {
            Lane::Spawned => 0,
            Lane::Task(i) => i as u64 + 1,
        };
        self.num(lane * 2 + kind);
    }
}
