//! The poll-level trace of a run: every poll of a future and every wake, as measured, kept apart
//! from the `RunReport` (which stays version 2), with what a lane shows of them.

mod marks;
mod thread;

pub(crate) use thread::spans_until;

use crate::format::quantize;
use marks::below_clock;
use serde::Serialize;

/// The trace document's schema version.
pub const TRACE_VERSION: u32 = 1;

/// Whose future an event belongs to: the run's spawned future (the one `spawn_local` polls), or a
/// task's future polled inside it by `join_all` or in turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lane {
    Spawned,
    Task(usize),
}

/// What one poll returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PollResult {
    Pending,
    Ready,
}

/// The leaf future that woke a task: each tags its own wake, since a waker cannot tell who calls it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WakeSource {
    /// A timer's deadline passed.
    Timer,
    /// A `fetch` promise settled, or a chunk of its body arrived.
    Fetch,
    /// A busy loop's trip through the task queue came back.
    Yield,
    /// async-fn's **Await it** button.
    AwaitIt,
}

/// Why a poll happened, read off the events before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PollCause {
    /// The future's first poll: it starts running here.
    First,
    /// Its own wake came since its last poll.
    Woken,
    /// No wake of its own: a combinator (`join_all` over a few futures) polled every child when
    /// any one woke. That is how the combinator works, not a fault.
    NotWoken,
}

// Their names as the trace document spells them (serde's renames above), for the Chrome export,
// which writes its JSON by hand; a test holds the two spellings equal.
impl PollResult {
    pub fn as_str(self) -> &'static str {
        match self {
            PollResult::Pending => "pending",
            PollResult::Ready => "ready",
        }
    }
}

impl WakeSource {
    pub fn as_str(self) -> &'static str {
        match self {
            WakeSource::Timer => "timer",
            WakeSource::Fetch => "fetch",
            WakeSource::Yield => "yield",
            WakeSource::AwaitIt => "await-it",
        }
    }
}

impl PollCause {
    pub fn as_str(self) -> &'static str {
        match self {
            PollCause::First => "first",
            PollCause::Woken => "woken",
            PollCause::NotWoken => "not-woken",
        }
    }
}

/// One measured event; times are ms since the run started.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum TraceEvent {
    Poll { lane: Lane, start_ms: f64, end_ms: f64, result: PollResult },
    Wake { lane: Lane, t_ms: f64, by: WakeSource },
}

impl TraceEvent {
    pub fn lane(&self) -> Lane {
        match *self {
            TraceEvent::Poll { lane, .. } | TraceEvent::Wake { lane, .. } => lane,
        }
    }
}

/// A poll with its cause, as a lane draws it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Poll {
    pub start_ms: f64,
    pub end_ms: f64,
    pub result: PollResult,
    pub cause: PollCause,
    /// The wake that caused it, if one did: the arrow from wake to poll starts here.
    pub woken_at_ms: Option<f64>,
}

/// What a lane's focus or hover says, and the timeline table's row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct LaneStats {
    pub polls: usize,
    pub not_woken: usize,
    pub wakes: usize,
    pub in_poll_ms: f64,
    /// From the end of each Pending poll to the next poll's start.
    pub waiting_ms: f64,
}

/// The trace of one run: the events in the order they were recorded, and what else the one
/// thread did as far as the page can see.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Trace {
    pub version: u32,
    pub run_id: u32,
    pub events: Vec<TraceEvent>,
    /// When the lab drew itself (Leptos's updates of the page), as `[start_ms, end_ms]`.
    pub drawing: Vec<(f64, f64)>,
    /// Frames the browser reported as long (50 ms or more), as `[start_ms, end_ms]`.
    pub long_frames: Vec<(f64, f64)>,
    /// Whether this browser reports long animation frames (else `long_frames` is empty by necessity).
    pub long_frames_observed: bool,
}

impl Trace {
    pub fn new(run_id: u32) -> Trace {
        Trace { version: TRACE_VERSION, run_id, events: Vec::new(), drawing: Vec::new(), long_frames: Vec::new(), long_frames_observed: false }
    }

    /// Appends `event`; returns its place, for [`Trace::poll_ended`].
    pub fn record(&mut self, event: TraceEvent) -> usize {
        self.events.push(event);
        self.events.len() - 1
    }

    /// Completes the poll recorded at `at` when it began: a poll goes in at its start, so that
    /// what happens during it (a wake, a nested poll) comes after it in the events.
    pub fn poll_ended(&mut self, at: usize, end: f64, ready: PollResult) {
        if let Some(TraceEvent::Poll { end_ms, result, .. }) = self.events.get_mut(at) {
            *end_ms = end;
            *result = ready;
        }
    }

    /// Every lane that has an event, the spawned future first, then the tasks in order. (Marked
    /// off in a table rather than sorted: each sort instantiation costs the wasm about 1.8 KiB.)
    pub fn lanes(&self) -> Vec<Lane> {
        let mut spawned = false;
        let mut tasks: Vec<bool> = Vec::new();
        for event in &self.events {
            match event.lane() {
                Lane::Spawned => spawned = true,
                Lane::Task(index) => {
                    if tasks.len() <= index {
                        tasks.resize(index + 1, false);
                    }
                    tasks[index] = true;
                }
            }
        }
        let present = tasks.iter().enumerate().filter(|(_, seen)| **seen).map(|(index, _)| Lane::Task(index));
        spawned.then_some(Lane::Spawned).into_iter().chain(present).collect()
    }

    /// The polls of `lane` in order, each with its cause: a wake of the lane recorded since its
    /// previous poll began. Polls are recorded when they begin (and completed when they end), so
    /// the order of events is the order of what happened, finer than the clock: a wake and the
    /// poll it causes are often within one tick of a coarsened clock.
    pub fn polls(&self, lane: Lane) -> Vec<Poll> {
        let mut polls: Vec<Poll> = Vec::new();
        let mut woken: Option<f64> = None;
        for event in self.events.iter().filter(|e| e.lane() == lane) {
            match *event {
                TraceEvent::Wake { t_ms, .. } => {
                    woken.get_or_insert(t_ms);
                }
                TraceEvent::Poll { start_ms, end_ms, result, .. } => {
                    let cause = match (polls.is_empty(), woken) {
                        (true, _) => PollCause::First,
                        (false, Some(_)) => PollCause::Woken,
                        (false, None) => PollCause::NotWoken,
                    };
                    let woken_at_ms = woken.take().filter(|_| cause == PollCause::Woken);
                    polls.push(Poll { start_ms, end_ms, result, cause, woken_at_ms });
                }
            }
        }
        polls
    }

    /// Polls, wakes and time in and between polls for `lane`.
    pub fn stats(&self, lane: Lane) -> LaneStats {
        let polls = self.polls(lane);
        let waiting_ms = polls.windows(2).filter(|w| w[0].result == PollResult::Pending).map(|w| (w[1].start_ms - w[0].end_ms).max(0.0)).sum();
        LaneStats {
            polls: polls.len(),
            not_woken: polls.iter().filter(|p| p.cause == PollCause::NotWoken).count(),
            wakes: self.events.iter().filter(|e| matches!(e, TraceEvent::Wake { lane: l, .. } if *l == lane)).count(),
            in_poll_ms: polls.iter().map(|p| p.end_ms - p.start_ms).sum(),
            waiting_ms,
        }
    }

    /// When the one thread was running our futures: the union of every poll, as disjoint spans.
    /// A task's poll runs inside the spawned future's poll, so the union is what the thread did.
    /// Polls are recorded as they begin, on one thread, so their starts come in order: no sort.
    pub fn busy_spans(&self) -> Vec<(f64, f64)> {
        let mut merged: Vec<(f64, f64)> = Vec::new();
        for event in &self.events {
            let TraceEvent::Poll { start_ms, end_ms, .. } = *event else { continue };
            let end_ms = end_ms.max(start_ms);
            match merged.last_mut() {
                Some(last) if start_ms <= last.1 => *last = (last.0.min(start_ms), last.1.max(end_ms)),
                _ => merged.push((start_ms, end_ms)),
            }
        }
        merged
    }

    /// The trace with its times rounded to the clock's resolution, as it is exported.
    pub fn quantized(&self, clock_resolution_ms: f64) -> Trace {
        let q = |ms: f64| quantize(ms, clock_resolution_ms);
        let events = self
            .events
            .iter()
            .map(|e| match *e {
                TraceEvent::Poll { lane, start_ms, end_ms, result } => TraceEvent::Poll { lane, start_ms: q(start_ms), end_ms: q(end_ms), result },
                TraceEvent::Wake { lane, t_ms, by } => TraceEvent::Wake { lane, t_ms: q(t_ms), by },
            })
            .collect();
        let spans = |list: &[(f64, f64)]| list.iter().map(|&(start, end)| (q(start), q(end))).collect();
        Trace { events, drawing: spans(&self.drawing), long_frames: spans(&self.long_frames), ..self.clone() }
    }
}

impl LaneStats {
    /// The lane's facts in words, for its tooltip and the timeline table: "2 polls (1 not woken),
    /// < 0.1 ms in poll, 2000.1 ms waiting, 1 wake". A time below the clock's resolution is said as
    /// such: polls run in microtasks, often faster than the clock can tell.
    pub fn describe(&self, clock_resolution_ms: f64) -> String {
        let time = |ms: f64| below_clock(ms, clock_resolution_ms);
        let plural = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
        let not_woken = match self.not_woken {
            0 => String::new(),
            n => format!(" ({n} not woken: the combinator polled it)"),
        };
        format!(
            "{}{not_woken}, {} in poll, {} waiting, {}",
            plural(self.polls, "poll"),
            time(self.in_poll_ms),
            time(self.waiting_ms),
            plural(self.wakes, "wake")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poll(lane: Lane, start_ms: f64, end_ms: f64, result: PollResult) -> TraceEvent {
        TraceEvent::Poll { lane, start_ms, end_ms, result }
    }

    fn wake(lane: Lane, t_ms: f64) -> TraceEvent {
        TraceEvent::Wake { lane, t_ms, by: WakeSource::Timer }
    }

    /// Two 300 ms timers under `join_all`: the first wake re-polls both children.
    fn two_timers() -> Trace {
        let (a, b) = (Lane::Task(0), Lane::Task(1));
        let mut trace = Trace::new(1);
        for e in [
            poll(Lane::Spawned, 0.0, 0.2, PollResult::Pending),
            poll(a, 0.05, 0.08, PollResult::Pending),
            poll(b, 0.1, 0.12, PollResult::Pending),
            wake(a, 300.1),
            wake(Lane::Spawned, 300.1),
            poll(Lane::Spawned, 300.2, 300.3, PollResult::Pending),
            poll(a, 300.21, 300.23, PollResult::Ready),
            poll(b, 300.24, 300.25, PollResult::Pending),
            wake(b, 300.4),
            wake(Lane::Spawned, 300.4),
            poll(Lane::Spawned, 300.5, 300.6, PollResult::Ready),
            poll(b, 300.51, 300.55, PollResult::Ready),
        ] {
            trace.record(e);
        }
        trace
    }

    #[test]
    fn a_poll_is_woken_by_its_own_wake_or_polled_by_the_combinator() {
        let trace = two_timers();
        let causes = |lane| trace.polls(lane).iter().map(|p| p.cause).collect::<Vec<_>>();
        assert_eq!(causes(Lane::Task(0)), [PollCause::First, PollCause::Woken]);
        assert_eq!(causes(Lane::Task(1)), [PollCause::First, PollCause::NotWoken, PollCause::Woken]);
        assert_eq!(trace.polls(Lane::Task(0))[1].woken_at_ms, Some(300.1));
        assert_eq!(trace.lanes(), [Lane::Spawned, Lane::Task(0), Lane::Task(1)]);
    }

    #[test]
    fn a_lane_waits_between_pending_polls_and_not_after_ready() {
        let stats = two_timers().stats(Lane::Task(1));
        assert_eq!((stats.polls, stats.not_woken, stats.wakes), (3, 1, 1));
        assert!((stats.in_poll_ms - 0.07).abs() < 1e-9, "{stats:?}");
        assert!((stats.waiting_ms - (300.24 - 0.12 + 300.51 - 300.25)).abs() < 1e-9, "{stats:?}");
    }

    #[test]
    fn the_thread_is_busy_for_the_union_of_polls() {
        assert_eq!(two_timers().busy_spans(), [(0.0, 0.2), (300.2, 300.3), (300.5, 300.6)]);
    }

    #[test]
    fn each_name_is_the_one_serde_writes() {
        let serde = |value: serde_json::Value| value.as_str().unwrap().to_owned();
        for result in [PollResult::Pending, PollResult::Ready] {
            assert_eq!(result.as_str(), serde(serde_json::to_value(result).unwrap()));
        }
        for by in [WakeSource::Timer, WakeSource::Fetch, WakeSource::Yield, WakeSource::AwaitIt] {
            assert_eq!(by.as_str(), serde(serde_json::to_value(by).unwrap()));
        }
        for cause in [PollCause::First, PollCause::Woken, PollCause::NotWoken] {
            assert_eq!(cause.as_str(), serde(serde_json::to_value(cause).unwrap()));
        }
    }

    #[test]
    fn the_document_names_its_version_and_events() {
        let json = serde_json::to_value(two_timers().quantized(0.1)).unwrap();
        assert_eq!(json["version"], 1);
        assert_eq!(json["events"][1], serde_json::json!({ "type": "poll", "lane": { "task": 0 }, "start_ms": 0.1, "end_ms": 0.1, "result": "pending" }));
        assert_eq!(json["events"][3], serde_json::json!({ "type": "wake", "lane": { "task": 0 }, "t_ms": 300.1, "by": "timer" }));
        assert_eq!(json["events"][0]["lane"], "spawned");
        let mut trace = two_timers();
        trace.drew(0.31, 0.44);
        trace.long_frames_observed = true;
        let json = serde_json::to_value(trace.quantized(0.1)).unwrap();
        assert_eq!(json["drawing"], serde_json::json!([[0.3, 0.4]]));
        assert_eq!(json["long_frames"], serde_json::json!([]));
        assert_eq!(json["long_frames_observed"], true);
    }

    #[test]
    fn a_lane_says_what_the_clock_cannot_resolve() {
        let stats = two_timers().stats(Lane::Task(1));
        assert_eq!(stats.describe(0.1), "3 polls (1 not woken: the combinator polled it), < 0.1 ms in poll, 300.4 ms waiting, 1 wake");
        let one = LaneStats { polls: 1, in_poll_ms: 300.04, ..LaneStats::default() };
        assert_eq!(one.describe(0.1), "1 poll, 300.0 ms in poll, < 0.1 ms waiting, 0 wakes");
    }

    #[test]
    fn a_lane_draws_its_polls_as_occupancy_and_its_wakes_as_lines() {
        let marks = two_timers().marks(Lane::Task(0), 58, 600.0, 0.1);
        assert!(
            marks.starts_with("<text x=\"100%\" y=\"53\" text-anchor=\"end\" class=\"facts\">2 polls, < 0.1 ms in poll, 300.1 ms waiting, 1 wake</text>"),
            "{marks}"
        );
        assert!(marks.contains("<svg y=\"58\" width=\"100%\" height=\"14\" viewBox=\"0 0 600.000 1000\" preserveAspectRatio=\"none\" class=\"marks\" tabindex=\"0\" role=\"img\">"), "{marks}");
        assert!(marks.contains("<title>2 polls, < 0.1 ms in poll, 300.1 ms waiting, 1 wake</title>"), "{marks}");
        // 0.03 ms of the first 1 ms column, 0.02 ms of column 300: bars 3 % and 2 % of the box tall.
        assert!(marks.contains("<path d=\"M0.000 970V1000H1.000V970ZM300.000 980V1000H301.000V980Z\" class=\"poll\"/>"), "{marks}");
        assert!(marks.contains("<path d=\"M300.100 0V1000\" class=\"wake\"/>"), "{marks}");
        assert_eq!(two_timers().marks(Lane::Task(7), 0, 600.0, 0.1), "");
    }
}
