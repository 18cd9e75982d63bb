//! A run's trace as Chrome Trace Event JSON, the format Perfetto and Chrome DevTools open.
//!
//! One process for the run; one thread for the JS thread (when it ran our futures, when it drew the
//! lab), one for the spawned future and one per task. Polls and the waits between them are complete
//! events (`X`) that never overlap on a thread; wakes and log lines are instant events (`i`); each
//! task's life, and each long frame the browser reported, is an async span (`b`/`e`). Times are µs,
//! rounded to the clock's resolution.

use crate::format::quantize;
use crate::json::quoted;
use crate::run::Run;
use crate::trace::{Lane, PollResult, Trace, TraceEvent};
use std::fmt::Write;

/// The thread lane: when the one JS thread ran our futures or drew the lab.
const THREAD_TID: usize = 1;

fn tid(lane: Lane) -> usize {
    match lane {
        Lane::Spawned => 2,
        Lane::Task(index) => 3 + index,
    }
}

/// The document's events, written as JSON text. Written rather than derived: serde's generated
/// code for the event shapes cost the wasm about 6 KiB, this about a fifth of it.
struct Events {
    json: String,
    clock_resolution_ms: f64,
}

impl Events {
    /// Whole µs, rounded to the clock's resolution first.
    fn us(&self, ms: f64) -> i64 {
        (quantize(ms, self.clock_resolution_ms) * 1000.0).round() as i64
    }

    /// Opens an event: `{"ph":…,"name":…,"cat":…,"pid":1,"tid":…`; the caller adds the rest and `}`.
    fn open(&mut self, ph: &str, name: &str, cat: &str, tid: usize) {
        if !self.json.ends_with('[') {
            self.json.push(',');
        }
        let _ = write!(self.json, r#"{{"ph":"{ph}","name":{},"cat":"{cat}","pid":1,"tid":{tid}"#, quoted(name));
    }

    fn thread(&mut self, tid: usize, name: &str) {
        self.open("M", "thread_name", "", tid);
        let _ = write!(self.json, r#","args":{{"name":{}}}}}"#, quoted(name));
        self.open("M", "thread_sort_index", "", tid);
        let _ = write!(self.json, r#","args":{{"sort_index":{tid}}}}}"#);
    }

    /// A complete event, from `start` to `end` ms, with `args` (an object's members, or nothing).
    fn complete(&mut self, name: &str, cat: &str, tid: usize, (start, end): (f64, f64), args: &str) {
        let (ts, until) = (self.us(start), self.us(end));
        self.open("X", name, cat, tid);
        let _ = write!(self.json, r#","ts":{ts},"dur":{}"#, (until - ts).max(0));
        self.close(args);
    }

    /// An instant event (`scope`: `t` its thread, `p` the process) or an async begin or end.
    fn at(&mut self, ph: &str, name: &str, cat: &str, tid: usize, ms: f64, extra: &str) {
        let ts = self.us(ms);
        self.open(ph, name, cat, tid);
        let _ = write!(self.json, r#","ts":{ts}{extra}"#);
        self.json.push('}');
    }

    fn close(&mut self, args: &str) {
        if !args.is_empty() {
            let _ = write!(self.json, r#","args":{{{args}}}"#);
        }
        self.json.push('}');
    }
}

/// The Chrome Trace Event document of `run`, as JSON text:
/// `{"traceEvents":[…],"displayTimeUnit":"ms"}`.
pub fn export(run: &Run, trace: &Trace, clock_resolution_ms: f64) -> String {
    let mut out = Events { json: String::from(r#"{"traceEvents":["#), clock_resolution_ms };
    out.open("M", "process_name", "", 0);
    let _ = write!(out.json, r#","args":{{"name":"Async Lab run {} ({})"}}}}"#, run.id, run.mode.as_str());
    out.thread(THREAD_TID, "the JS thread (our futures, drawing the lab, long frames)");
    out.thread(tid(Lane::Spawned), "spawned future (spawn_local)");
    for (index, task) in run.tasks.iter().enumerate() {
        out.thread(tid(Lane::Task(index)), &format!("task {}: {}", index + 1, task.spec.label));
    }
    for span in trace.busy_spans() {
        out.complete("running futures", "thread", THREAD_TID, span, "");
    }
    for &span in &trace.drawing {
        out.complete("drawing the lab", "thread", THREAD_TID, span, "");
    }
    // Long frames hold our polls and drawing: async spans, which may overlap the thread's others.
    for (n, &(start, end)) in trace.long_frames.iter().enumerate() {
        let id = format!(r#","id":{}"#, n + 1);
        out.at("b", "long animation frame", "long-frame", THREAD_TID, start, &id);
        out.at("e", "long animation frame", "long-frame", THREAD_TID, end, &id);
    }
    for lane in trace.lanes() {
        let polls = trace.polls(lane);
        for poll in &polls {
            let args = format!(r#""result":"{}","cause":"{}""#, poll.result.as_str(), poll.cause.as_str());
            out.complete("poll", "poll", tid(lane), (poll.start_ms, poll.end_ms), &args);
        }
        for pair in polls.windows(2).filter(|w| w[0].result == PollResult::Pending) {
            out.complete("waiting", "wait", tid(lane), (pair[0].end_ms, pair[1].start_ms), "");
        }
    }
    for event in &trace.events {
        if let TraceEvent::Wake { lane, t_ms, by } = *event {
            out.at("i", "wake", "wake", tid(lane), t_ms, &format!(r#","s":"t","args":{{"by":"{}"}}"#, by.as_str()));
        }
    }
    for line in &run.log {
        out.at("i", &line.text, "log", THREAD_TID, line.t_ms, r#","s":"p""#);
    }
    for (index, task) in run.tasks.iter().enumerate() {
        let (Some(start), Some(end)) = (task.start_ms, task.end_ms) else { continue };
        let id = format!(r#","id":{}"#, index + 1);
        out.at("b", &task.spec.label, "task", tid(Lane::Task(index)), start, &id);
        out.at("e", &task.spec.label, "task", tid(Lane::Task(index)), end, &id);
    }
    out.json.push_str(r#"],"displayTimeUnit":"ms"}"#);
    out.json
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::result::{TaskResult, TaskStatus};
    use crate::run::RunEvent;
    use crate::task::TaskSpec;
    use crate::trace::WakeSource;
    use crate::{LessonId, Mode, Variant};
    use serde_json::{json, Value};
    use std::collections::{BTreeMap, BTreeSet};

    /// The document as JSON, as the file holds it.
    fn exported(run: &Run, trace: &Trace, resolution: f64) -> Value {
        serde_json::from_str(&export(run, trace, resolution)).unwrap()
    }

    /// The structure Perfetto needs, checked without Perfetto: known phases, µs numbers, every
    /// thread named, complete events on one thread nested or apart (never half overlapping), and
    /// every async begin matched by an end of the same id and category.
    fn validate(doc: &Value) -> Result<(), String> {
        let events = doc["traceEvents"].as_array().ok_or("no traceEvents")?;
        let named: BTreeSet<u64> = events.iter().filter(|e| e["ph"] == "M" && e["name"] == "thread_name").filter_map(|e| e["tid"].as_u64()).collect();
        let mut spans: BTreeMap<u64, Vec<(f64, f64)>> = BTreeMap::new();
        let mut open: BTreeMap<(String, u64), i32> = BTreeMap::new();
        for e in events {
            let ph = e["ph"].as_str().ok_or("an event without ph")?;
            if ph == "M" {
                continue;
            }
            let tid = e["tid"].as_u64().ok_or("an event without tid")?;
            let ts = e["ts"].as_f64().filter(|t| *t >= 0.0 && t.fract() == 0.0).ok_or(format!("ts is not whole µs: {e}"))?;
            if !named.contains(&tid) {
                return Err(format!("thread {tid} has no name"));
            }
            match ph {
                "X" => spans.entry(tid).or_default().push((ts, ts + e["dur"].as_f64().filter(|d| *d >= 0.0).ok_or(format!("bad dur: {e}"))?)),
                "i" => {}
                "b" | "e" => *open.entry((e["cat"].to_string(), e["id"].as_u64().ok_or("async without id")?)).or_default() += if ph == "b" { 1 } else { -1 },
                other => return Err(format!("unknown phase {other}")),
            }
        }
        for (tid, mut list) in spans {
            list.sort_by(|a, b| a.0.total_cmp(&b.0).then(b.1.total_cmp(&a.1)));
            let mut stack: Vec<f64> = Vec::new();
            for (start, end) in list {
                while stack.last().is_some_and(|&top| top <= start) {
                    stack.pop();
                }
                if stack.last().is_some_and(|&top| end > top) {
                    return Err(format!("thread {tid}: [{start}, {end}] overlaps its parent"));
                }
                stack.push(end);
            }
        }
        match open.iter().find(|(_, n)| **n != 0) {
            Some((key, _)) => Err(format!("unmatched async span {key:?}")),
            None => Ok(()),
        }
    }

    fn traced_run() -> (Run, Trace) {
        let mut run = Run::new(
            3,
            LessonId::SequentialVsConcurrent,
            Mode::Concurrent(Variant::Gather),
            vec![TaskSpec::timer("Data 1", 300), TaskSpec::timer("Data 2", 300)],
        );
        let mut trace = Trace::new(3);
        for (index, end) in [(0, 300.3), (1, 300.6)] {
            run.apply(RunEvent::TaskStarted { index, t_ms: 0.1 });
            trace.record(TraceEvent::Poll { lane: Lane::Task(index), start_ms: 0.1, end_ms: 0.12, result: PollResult::Pending });
            trace.record(TraceEvent::Wake { lane: Lane::Task(index), t_ms: end - 0.2, by: WakeSource::Timer });
            trace.record(TraceEvent::Poll { lane: Lane::Task(index), start_ms: end - 0.1, end_ms: end, result: PollResult::Ready });
            run.apply(RunEvent::TaskFinished { index, t_ms: end, result: TaskResult::timer(TaskStatus::Ok, "slept 300 ms") });
        }
        trace.record(TraceEvent::Poll { lane: Lane::Spawned, start_ms: 0.0, end_ms: 0.2, result: PollResult::Pending });
        trace.record(TraceEvent::Poll { lane: Lane::Spawned, start_ms: 300.1, end_ms: 300.7, result: PollResult::Ready });
        trace.drew(100.0, 100.4);
        trace.long_frame(290.0, 301.0);
        run.apply(RunEvent::Log { t_ms: 300.7, text: "Total time: 0.30 seconds".into() });
        run.complete(300.7);
        (run, trace)
    }

    #[test]
    fn the_export_is_a_valid_trace_with_a_thread_per_task() {
        let (run, trace) = traced_run();
        let doc = exported(&run, &trace, 0.1);
        validate(&doc).unwrap();
        let names: Vec<String> = doc["traceEvents"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["name"] == "thread_name")
            .map(|e| e["args"]["name"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(names, ["the JS thread (our futures, drawing the lab, long frames)", "spawned future (spawn_local)", "task 1: Data 1", "task 2: Data 2"]);
        let on_thread = |name: &str| doc["traceEvents"].as_array().unwrap().iter().filter(|e| e["name"] == name && e["tid"] == 1).cloned().collect::<Vec<_>>();
        assert_eq!(on_thread("drawing the lab")[0]["dur"], 400);
        let long: Vec<(Value, Value)> = on_thread("long animation frame").iter().map(|e| (e["ph"].clone(), e["ts"].clone())).collect();
        assert_eq!(long, [(json!("b"), json!(290_000)), (json!("e"), json!(301_000))]);
        let polls = doc["traceEvents"].as_array().unwrap().iter().filter(|e| e["name"] == "poll" && e["tid"] == 3).count();
        assert_eq!(polls, 2);
        let wait = doc["traceEvents"].as_array().unwrap().iter().find(|e| e["name"] == "waiting" && e["tid"] == 3).unwrap();
        assert_eq!((wait["ts"].as_f64(), wait["dur"].as_f64()), (Some(100.0), Some(300_100.0)));
    }

    #[test]
    fn the_validator_catches_what_perfetto_would_misdraw() {
        let bad = |events: Value| validate(&json!({ "traceEvents": events })).unwrap_err();
        let name = json!({ "ph": "M", "name": "thread_name", "pid": 1, "tid": 1, "args": { "name": "t" } });
        assert!(bad(json!([{ "ph": "X", "tid": 1, "ts": 0, "dur": 5 }])).contains("no name"));
        assert!(bad(json!([name, { "ph": "X", "tid": 1, "ts": 0, "dur": 5 }, { "ph": "X", "tid": 1, "ts": 3, "dur": 5 }])).contains("overlaps"));
        assert!(bad(json!([name, { "ph": "X", "tid": 1, "ts": 0.5, "dur": 5 }])).contains("whole µs"));
        assert!(bad(json!([name, { "ph": "b", "cat": "task", "id": 1, "tid": 1, "ts": 0 }])).contains("unmatched"));
        validate(&json!({ "traceEvents": [name, { "ph": "X", "tid": 1, "ts": 0, "dur": 5 }, { "ph": "X", "tid": 1, "ts": 1, "dur": 2 }] })).unwrap();
    }

    proptest::proptest! {
        /// Whatever the timings, on any clock, the export stays valid: rounding keeps each lane's
        /// polls and waits in order and apart.
        #[test]
        fn any_trace_exports_valid(lanes in proptest::collection::vec(proptest::collection::vec((0.0f64..50.0, 0.0f64..5.0), 1..8), 1..5), resolution in proptest::sample::select(vec![0.005, 0.1, 1.0])) {
            let specs = (0..lanes.len()).map(|i| TaskSpec::timer(&format!("t{i}"), 10)).collect();
            let mut run = Run::new(1, LessonId::Gather, Mode::Concurrent(Variant::Gather), specs);
            // Each lane's wakes and polls, then recorded in time order, as the one thread records them.
            let mut happened: Vec<(f64, TraceEvent)> = Vec::new();
            for (index, steps) in lanes.iter().enumerate() {
                let mut t = 0.0;
                run.apply(RunEvent::TaskStarted { index, t_ms: 0.0 });
                for (n, (gap, dur)) in steps.iter().enumerate() {
                    t += gap;
                    let result = if n + 1 == steps.len() { PollResult::Ready } else { PollResult::Pending };
                    happened.push((t, TraceEvent::Wake { lane: Lane::Task(index), t_ms: t, by: WakeSource::Timer }));
                    happened.push((t, TraceEvent::Poll { lane: Lane::Task(index), start_ms: t, end_ms: t + dur, result }));
                    t += dur;
                }
                run.apply(RunEvent::TaskFinished { index, t_ms: t, result: TaskResult::timer(TaskStatus::Ok, "") });
            }
            happened.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut trace = Trace::new(1);
            for (_, event) in happened {
                trace.record(event);
            }
            run.complete(1000.0);
            proptest::prop_assert_eq!(validate(&exported(&run, &trace, resolution)), Ok(()));
        }
    }
}
