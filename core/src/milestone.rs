//! Lesson milestones: what a lesson's program marks on the timeline (a guard opening, a future's
//! first poll), as typed values that the takeaways match on and the report turns into text.

use crate::format::whole;
use crate::run::{LessonEvent, Run};

/// Something a lesson's program did at a moment of the run.
#[derive(Clone, Debug, PartialEq)]
pub enum Milestone {
    /// context-manager: the guard starts connecting.
    Connecting { to: String },
    /// context-manager: the connection is open.
    Connected,
    /// context-manager: the guard's `Drop` closed the connection.
    Closed,
    /// async-fn: the future exists and nothing of its body has run.
    FutureCreated { future: String },
    /// async-fn: the future is awaited, so polled for the first time.
    FirstPoll { future: String },
    /// cpu-bound: what the page drew while the tasks ran.
    Frames(Frames),
    /// api-requests: how many requests the one shared client sent.
    ClientSent { requests: usize },
    /// gather: the values `join_all` returned, in the order it returned them.
    Returned { values: Vec<String> },
    /// limit: at most this many tasks ran at once.
    InFlightLimit { limit: usize },
    /// retry: the flaky endpoint fails the first `k` attempts at each request.
    FailFirst { k: u32 },
    /// retry: attempt `attempt` at the request on lane `lane` (labelled `task`) was sent.
    AttemptSent { lane: usize, task: String, attempt: u32 },
    /// retry: that attempt failed, with `status` (`None`: no answer), and the next waits `wait_ms`.
    RetryAfter { lane: usize, task: String, attempt: u32, status: Option<u16>, wait_ms: f64 },
}

/// Frames the page drew while a meter ran.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frames {
    pub count: u32,
    /// The longest time between two frames (or from the start to the first frame), in ms.
    pub longest_gap_ms: f64,
    pub span_ms: f64,
}

impl Milestone {
    /// The report's `label`: what the milestone is about.
    pub fn label(&self) -> String {
        match self {
            Milestone::Connecting { .. } | Milestone::Connected | Milestone::Closed => "connection".to_owned(),
            Milestone::FutureCreated { future } | Milestone::FirstPoll { future } => future.clone(),
            Milestone::Frames(_) => "frames".to_owned(),
            Milestone::ClientSent { .. } => "client".to_owned(),
            Milestone::Returned { .. } => "join_all".to_owned(),
            Milestone::InFlightLimit { .. } => "buffer_unordered".to_owned(),
            Milestone::FailFirst { .. } => "api/flaky".to_owned(),
            Milestone::AttemptSent { task, .. } | Milestone::RetryAfter { task, .. } => task.clone(),
        }
    }

    /// The lane a milestone belongs to (retry's attempts); `None` for the run's own, which the
    /// timeline draws as a line across every lane.
    pub fn lane(&self) -> Option<usize> {
        match self {
            Milestone::AttemptSent { lane, .. } | Milestone::RetryAfter { lane, .. } => Some(*lane),
            Milestone::Connecting { .. }
            | Milestone::Connected
            | Milestone::Closed
            | Milestone::FutureCreated { .. }
            | Milestone::FirstPoll { .. }
            | Milestone::Frames(_)
            | Milestone::ClientSent { .. }
            | Milestone::Returned { .. }
            | Milestone::InFlightLimit { .. }
            | Milestone::FailFirst { .. } => None,
        }
    }

    /// The report's `what`: the milestone in words.
    pub fn what(&self) -> String {
        match self {
            Milestone::Connecting { to } => format!("connecting to {to}"),
            Milestone::Connected => "open".to_owned(),
            Milestone::Closed => "closed (Drop)".to_owned(),
            Milestone::FutureCreated { .. } => "future created: not polled, nothing runs".to_owned(),
            Milestone::FirstPoll { .. } => "awaited: first poll".to_owned(),
            Milestone::Frames(f) => f.to_string(),
            Milestone::ClientSent { requests } => format!("one client sent {requests} requests"),
            Milestone::Returned { values } => format!("returned {values:?}"),
            Milestone::InFlightLimit { limit } => format!("at most {limit} in flight"),
            Milestone::FailFirst { k } => format!("fails the first {k} attempts at each request"),
            Milestone::AttemptSent { attempt, .. } => format!("attempt {attempt} sent"),
            Milestone::RetryAfter { attempt, status, wait_ms, .. } => {
                let answer = status.map_or_else(|| "no answer".to_owned(), |code| format!("HTTP {code}"));
                format!("attempt {attempt} failed ({answer}); next in {} ms", whole(*wait_ms))
            }
        }
    }
}

impl std::fmt::Display for Frames {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} frames in {} ms; longest gap {} ms", self.count, whole(self.span_ms), whole(self.longest_gap_ms))
    }
}

/// What a run's milestones say: when one happened, and the choices a program marked.
impl Run {
    /// When the first milestone matching `which` happened.
    pub fn first(&self, which: impl Fn(&Milestone) -> bool) -> Option<&LessonEvent> {
        self.events.iter().find(|e| which(&e.milestone))
    }

    /// When the last milestone matching `which` happened.
    pub fn last(&self, which: impl Fn(&Milestone) -> bool) -> Option<&LessonEvent> {
        self.events.iter().rev().find(|e| which(&e.milestone))
    }

    /// The milestones drawn as a line across every lane: all but a lane's own (retry's attempts).
    pub fn across_lanes(&self) -> impl Iterator<Item = &LessonEvent> {
        self.events.iter().filter(|e| e.milestone.lane().is_none())
    }

    /// A lane's own milestones (retry's attempts), which that lane draws.
    pub fn on_lanes(&self) -> impl Iterator<Item = &LessonEvent> {
        self.events.iter().filter(|e| e.milestone.lane().is_some())
    }

    /// How many attempts at each request the flaky endpoint failed, as retry's program marked it.
    pub fn fail_first(&self) -> Option<u32> {
        self.events.iter().find_map(|e| match e.milestone {
            Milestone::FailFirst { k } => Some(k),
            _ => None,
        })
    }

    /// How many tasks the run let be in flight at once: the limit its program marked, else all.
    pub fn in_flight_limit(&self) -> usize {
        self.events
            .iter()
            .find_map(|e| match e.milestone {
                Milestone::InFlightLimit { limit } => Some(limit),
                _ => None,
            })
            .unwrap_or(self.tasks.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn milestones_read_as_before() {
        let cases = [
            (Milestone::Connecting { to: "postgresql://localhost/db".into() }, "connection", "connecting to postgresql://localhost/db"),
            (Milestone::Connected, "connection", "open"),
            (Milestone::Closed, "connection", "closed (Drop)"),
            (Milestone::FutureCreated { future: "greet(\"Alice\")".into() }, "greet(\"Alice\")", "future created: not polled, nothing runs"),
            (Milestone::FirstPoll { future: "greet(\"Alice\")".into() }, "greet(\"Alice\")", "awaited: first poll"),
            (Milestone::Frames(Frames { count: 3, longest_gap_ms: 400.4, span_ms: 1000.6 }), "frames", "3 frames in 1001 ms; longest gap 400 ms"),
            (Milestone::ClientSent { requests: 3 }, "client", "one client sent 3 requests"),
            (Milestone::Returned { values: vec!["Result from Task 1".into()] }, "join_all", "returned [\"Result from Task 1\"]"),
            (Milestone::InFlightLimit { limit: 3 }, "buffer_unordered", "at most 3 in flight"),
            (Milestone::FailFirst { k: 2 }, "api/flaky", "fails the first 2 attempts at each request"),
            (Milestone::AttemptSent { lane: 0, task: "report".into(), attempt: 2 }, "report", "attempt 2 sent"),
            (
                Milestone::RetryAfter { lane: 0, task: "report".into(), attempt: 1, status: Some(503), wait_ms: 112.4 },
                "report",
                "attempt 1 failed (HTTP 503); next in 112 ms",
            ),
        ];
        for (milestone, label, what) in cases {
            assert_eq!((milestone.label().as_str(), milestone.what().as_str()), (label, what));
        }
    }
}
