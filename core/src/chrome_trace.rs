//! A run's trace as Chrome Trace Event JSON, the format Perfetto and Chrome DevTools open.
//!
//! One process for the run; one thread for the JS thread (when it ran our futures), one for the
//! spawned future and one per task. Polls and the waits between them are complete events (`X`)
//! that never overlap on a thread; wakes and log lines are instant events (`i`); each task's life
//! is an async span (`b`/`e`). Times are µs, rounded to the clock's resolution.

use crate::format::quantize;
use crate::run::Run;
use crate::trace::{Lane, PollResult, Trace, TraceEvent};
use serde_json::{json, Value};

const PID: u32 = 1;
/// The thread lane: when the one JS thread ran our futures.
const THREAD_TID: usize = 1;

fn tid(lane: Lane) -> usize {
    match lane {
        Lane::Spawned => 2,
        Lane::Task(index) => 3 + index,
    }
}

/// The Chrome Trace Event document (`{"traceEvents": […], "displayTimeUnit": "ms"}`) of `run`.
pub fn export(run: &Run, trace: &Trace, clock_resolution_ms: f64) -> Value {
    let us = |ms: f64| (quantize(ms, clock_resolution_ms) * 1000.0).round();
    let mut events = vec![
        json!({ "ph": "M", "name": "process_name", "pid": PID, "tid": 0, "args": { "name": format!("Async Lab run {} ({})", run.id, run.mode.as_str()) } }),
    ];
    let mut name_thread = |tid: usize, name: String| {
        events.push(json!({ "ph": "M", "name": "thread_name", "pid": PID, "tid": tid, "args": { "name": name } }));
        events.push(json!({ "ph": "M", "name": "thread_sort_index", "pid": PID, "tid": tid, "args": { "sort_index": tid } }));
    };
    name_thread(THREAD_TID, "the JS thread (running our futures)".to_owned());
    name_thread(tid(Lane::Spawned), "spawned future (spawn_local)".to_owned());
    for (index, task) in run.tasks.iter().enumerate() {
        name_thread(tid(Lane::Task(index)), format!("task {}: {}", index + 1, task.spec.label));
    }
    for (start, end) in trace.busy_spans() {
        events
            .push(json!({ "ph": "X", "name": "running futures", "cat": "thread", "pid": PID, "tid": THREAD_TID, "ts": us(start), "dur": us(end) - us(start) }));
    }
    for lane in trace.lanes() {
        let polls = trace.polls(lane);
        for poll in &polls {
            let args = json!({ "result": poll.result, "cause": poll.cause });
            events.push(json!({ "ph": "X", "name": "poll", "cat": "poll", "pid": PID, "tid": tid(lane), "ts": us(poll.start_ms), "dur": us(poll.end_ms) - us(poll.start_ms), "args": args }));
        }
        for pair in polls.windows(2).filter(|w| w[0].result == PollResult::Pending) {
            let (from, to) = (us(pair[0].end_ms), us(pair[1].start_ms));
            events.push(json!({ "ph": "X", "name": "waiting", "cat": "wait", "pid": PID, "tid": tid(lane), "ts": from, "dur": (to - from).max(0.0) }));
        }
    }
    for event in &trace.events {
        if let TraceEvent::Wake { lane, t_ms, by } = *event {
            events.push(json!({ "ph": "i", "s": "t", "name": "wake", "cat": "wake", "pid": PID, "tid": tid(lane), "ts": us(t_ms), "args": { "by": by } }));
        }
    }
    for line in &run.log {
        events.push(json!({ "ph": "i", "s": "p", "name": line.text, "cat": "log", "pid": PID, "tid": THREAD_TID, "ts": us(line.t_ms) }));
    }
    for (index, task) in run.tasks.iter().enumerate() {
        let (Some(start), Some(end)) = (task.start_ms, task.end_ms) else { continue };
        let span = |ph: &str, ms: f64| json!({ "ph": ph, "name": task.spec.label, "cat": "task", "id": index + 1, "pid": PID, "tid": tid(Lane::Task(index)), "ts": us(ms) });
        events.push(span("b", start));
        events.push(span("e", end));
    }
    json!({ "traceEvents": events, "displayTimeUnit": "ms" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::result::{TaskResult, TaskStatus};
    use crate::run::RunEvent;
    use crate::task::TaskSpec;
    use crate::trace::WakeSource;
    use crate::{LessonId, Mode};
    use std::collections::{BTreeMap, BTreeSet};

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
        let mut run = Run::new(3, LessonId::SequentialVsConcurrent, Mode::Concurrent, vec![TaskSpec::timer("Data 1", 300), TaskSpec::timer("Data 2", 300)]);
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
        run.apply(RunEvent::Log { t_ms: 300.7, text: "Total time: 0.30 seconds".into() });
        run.complete(300.7);
        (run, trace)
    }

    #[test]
    fn the_export_is_a_valid_trace_with_a_thread_per_task() {
        let (run, trace) = traced_run();
        let doc = export(&run, &trace, 0.1);
        validate(&doc).unwrap();
        let names: Vec<String> = doc["traceEvents"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["name"] == "thread_name")
            .map(|e| e["args"]["name"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(names, ["the JS thread (running our futures)", "spawned future (spawn_local)", "task 1: Data 1", "task 2: Data 2"]);
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
            let mut run = Run::new(1, LessonId::Gather, Mode::Concurrent, specs);
            let mut trace = Trace::new(1);
            for (index, steps) in lanes.iter().enumerate() {
                let mut t = 0.0;
                run.apply(RunEvent::TaskStarted { index, t_ms: 0.0 });
                for (n, (gap, dur)) in steps.iter().enumerate() {
                    t += gap;
                    let result = if n + 1 == steps.len() { PollResult::Ready } else { PollResult::Pending };
                    trace.record(TraceEvent::Wake { lane: Lane::Task(index), t_ms: t, by: WakeSource::Timer });
                    trace.record(TraceEvent::Poll { lane: Lane::Task(index), start_ms: t, end_ms: t + dur, result });
                    t += dur;
                }
                run.apply(RunEvent::TaskFinished { index, t_ms: t, result: TaskResult::timer(TaskStatus::Ok, "") });
            }
            run.complete(1000.0);
            proptest::prop_assert_eq!(validate(&export(&run, &trace, resolution)), Ok(()));
        }
    }
}
