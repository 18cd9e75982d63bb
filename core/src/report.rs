//! The `RunReport`: the public JSON summary of a finished run (see the README's contract).

use crate::format::quantize;
use crate::json::Object;
use crate::lesson::LessonId;
use crate::mode::Mode;
use crate::result::{Source, TaskStatus};
use crate::run::{Outcome, Run};
use crate::task::TaskKind;

/// The report's schema version.
/// Version 2: `savings_ms` and `speedup` come from the two wall-clocks of a Run both pair and are
/// `null` on any other run (version 1 derived them from one run's task durations).
pub const REPORT_VERSION: u32 = 2;

/// The public, serialised counterpart of a finished [`Run`]. It keeps its own flat shape, apart
/// from `Run` and `TaskRecord`, because docs sites and tests read these field names: the internal
/// model may change, this may not without a new `version`.
#[derive(Clone, Debug, PartialEq)]
pub struct RunReport {
    pub version: u32,
    pub run_id: u32,
    pub lesson: LessonId,
    pub mode: Mode,
    pub outcome: Outcome,
    pub throttled: bool,
    pub clock_resolution_ms: f64,
    pub wall_ms: f64,
    pub sum_ms: f64,
    pub ideal_ms: f64,
    pub expected_wall_ms: f64,
    /// Only on the concurrent run of a Run both pair: sequential wall − this wall.
    pub savings_ms: Option<f64>,
    /// Only on the concurrent run of a Run both pair: sequential wall ÷ this wall.
    pub speedup: Option<f64>,
    pub tasks: Vec<TaskReport>,
    pub events: Vec<EventReport>,
}

/// A task of the report: the flat, public counterpart of a `TaskRecord` and its `TaskResult`.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskReport {
    pub label: String,
    pub kind: TaskKind,
    pub requested_ms: u32,
    pub start_ms: Option<f64>,
    pub end_ms: Option<f64>,
    pub late_ms: Option<f64>,
    pub status: TaskStatus,
    pub source: Source,
    pub http_status: Option<u16>,
    pub bytes: Option<u64>,
    pub detail: String,
}

/// A lesson milestone in words: `{ t_ms, label, what }`.
#[derive(Clone, Debug, PartialEq)]
pub struct EventReport {
    pub t_ms: f64,
    pub label: String,
    pub what: String,
}

impl RunReport {
    /// The report of a finished run; `None` while it is still in flight.
    /// Times are rounded to the clock's resolution: finer digits would be noise.
    pub fn of(run: &Run, clock_resolution_ms: f64) -> Option<RunReport> {
        let totals = run.totals()?;
        let q = |ms: f64| quantize(ms, clock_resolution_ms);
        Some(RunReport {
            version: REPORT_VERSION,
            run_id: run.id,
            lesson: run.lesson,
            mode: run.mode,
            outcome: run.outcome?,
            throttled: run.throttled,
            clock_resolution_ms,
            wall_ms: q(totals.wall_ms),
            sum_ms: q(totals.sum_ms),
            ideal_ms: q(totals.ideal_ms),
            expected_wall_ms: totals.expected_wall_ms,
            savings_ms: run.comparison().map(|c| q(c.saved_ms)),
            speedup: run.comparison().and_then(|c| c.speedup).map(|s| (s * 1000.0).round() / 1000.0),
            tasks: run
                .tasks
                .iter()
                .map(|t| TaskReport {
                    label: t.spec.label.clone(),
                    kind: t.spec.kind,
                    requested_ms: t.spec.delay_ms,
                    start_ms: t.start_ms.map(q),
                    end_ms: t.end_ms.map(q),
                    late_ms: t.late_ms().map(q),
                    status: t.result.status,
                    source: t.result.source,
                    http_status: t.result.http_status,
                    bytes: t.result.bytes,
                    detail: t.result.detail.clone(),
                })
                .collect(),
            events: run.events.iter().map(|e| EventReport { t_ms: q(e.t_ms), label: e.milestone.label(), what: e.milestone.what() }).collect(),
        })
    }

    /// The report as JSON text, its members in the order of the fields above.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(256 + 256 * self.tasks.len());
        self.write_json(&mut out);
        out
    }

    /// Appends the report as a JSON object.
    pub fn write_json(&self, out: &mut String) {
        let mut o = Object::open(out);
        o.int("version", self.version.into());
        o.int("run_id", self.run_id.into());
        o.str("lesson", self.lesson.as_str());
        o.str("mode", self.mode.as_str());
        o.str("outcome", self.outcome.as_str());
        o.bool("throttled", self.throttled);
        o.num("clock_resolution_ms", self.clock_resolution_ms);
        o.num("wall_ms", self.wall_ms);
        o.num("sum_ms", self.sum_ms);
        o.num("ideal_ms", self.ideal_ms);
        o.num("expected_wall_ms", self.expected_wall_ms);
        o.num_or_null("savings_ms", self.savings_ms);
        o.num_or_null("speedup", self.speedup);
        o.array("tasks", &self.tasks, TaskReport::write_json);
        o.array("events", &self.events, EventReport::write_json);
        o.close();
    }
}

impl TaskReport {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::open(out);
        o.str("label", &self.label);
        o.str("kind", self.kind.as_str());
        o.int("requested_ms", self.requested_ms.into());
        o.num_or_null("start_ms", self.start_ms);
        o.num_or_null("end_ms", self.end_ms);
        o.num_or_null("late_ms", self.late_ms);
        o.str("status", self.status.as_str());
        o.str("source", self.source.as_str());
        o.int_or_null("http_status", self.http_status.map(u64::from));
        o.int_or_null("bytes", self.bytes);
        o.str("detail", &self.detail);
        o.close();
    }
}

impl EventReport {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::open(out);
        o.num("t_ms", self.t_ms);
        o.str("label", &self.label);
        o.str("what", &self.what);
        o.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mode::Variant;
    use crate::result::Source;
    use crate::result::TaskResult;
    use crate::run::RunEvent;
    use crate::task::TaskSpec;

    fn parsed(report: &RunReport) -> serde_json::Value {
        serde_json::from_str(&report.to_json()).unwrap()
    }

    #[test]
    fn report_matches_the_contract() {
        let mut run = Run::new(7, LessonId::SequentialVsConcurrent, Mode::Sequential, vec![TaskSpec::timer("Data 1", 200), TaskSpec::timer("Data 2", 200)]);
        assert!(RunReport::of(&run, 0.1).is_none());
        run.apply(RunEvent::TaskStarted { index: 0, t_ms: 0.04 });
        run.apply(RunEvent::TaskFinished { index: 0, t_ms: 201.26, result: TaskResult::timer(TaskStatus::Ok, "slept 200 ms") });
        run.apply(RunEvent::TaskStarted { index: 1, t_ms: 201.3 });
        run.apply(RunEvent::Lesson { t_ms: 250.04, milestone: crate::milestone::Milestone::Closed });
        run.cancel(300.0);
        let json: serde_json::Value = parsed(&RunReport::of(&run, 0.1).unwrap());
        assert_eq!(json["version"], 2);
        assert_eq!(json["mode"], "sequential");
        assert_eq!(json["lesson"], "sequential-vs-concurrent");
        let e0 = &json["events"][0];
        assert_eq!((e0["t_ms"].as_f64(), e0["label"].as_str(), e0["what"].as_str()), (Some(250.0), Some("connection"), Some("closed (Drop)")));
        assert_eq!(json["outcome"], "cancelled");
        assert_eq!(json["wall_ms"], 300.0);
        assert_eq!(json["sum_ms"], 299.9);
        assert_eq!(json["expected_wall_ms"], 400.0);
        assert_eq!((&json["savings_ms"], &json["speedup"]), (&serde_json::Value::Null, &serde_json::Value::Null));
        let t0 = &json["tasks"][0];
        assert_eq!((t0["kind"].as_str(), t0["source"].as_str(), t0["status"].as_str()), (Some("timer"), Some("timer"), Some("ok")));
        assert_eq!(t0["late_ms"], 1.2);
        assert_eq!(t0["http_status"], serde_json::Value::Null);
        assert_eq!(json["tasks"][1]["status"], "cancelled");
        let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        for key in ["run_id", "lesson", "throttled", "clock_resolution_ms", "ideal_ms", "savings_ms", "tasks", "events"] {
            assert!(keys.contains(&key), "{key}");
        }
    }

    #[test]
    fn savings_only_on_the_second_half_of_a_pair() {
        let specs = vec![TaskSpec::timer("a", 0)];
        let mut alone = Run::new(1, LessonId::CpuBound, Mode::Concurrent(Variant::Blocking), specs.clone());
        alone.apply(RunEvent::TaskStarted { index: 0, t_ms: 0.0 });
        // A blocked thread: the timer's duration is inflated, the wall is not.
        alone.apply(RunEvent::TaskFinished { index: 0, t_ms: 1000.0, result: TaskResult::timer(TaskStatus::Ok, "") });
        alone.complete(1000.0);
        let json = parsed(&RunReport::of(&alone, 0.1).unwrap());
        assert_eq!((&json["savings_ms"], &json["speedup"]), (&serde_json::Value::Null, &serde_json::Value::Null));
        let mut second = Run::new(2, LessonId::CpuBound, Mode::Concurrent(Variant::Blocking), specs).after_sequential(1400.04);
        second.complete(1000.0);
        let json = parsed(&RunReport::of(&second, 0.1).unwrap());
        assert_eq!((json["savings_ms"].as_f64(), json["speedup"].as_f64()), (Some(400.0), Some(1.4)));
        let mut zero = Run::new(3, LessonId::Gather, Mode::Concurrent(Variant::Gather), vec![]).after_sequential(10.0);
        zero.complete(0.0);
        assert_eq!(parsed(&RunReport::of(&zero, 0.1).unwrap())["speedup"], serde_json::Value::Null);
    }

    #[test]
    fn members_keep_the_fields_order_and_text_its_characters() {
        let mut run = Run::new(1, LessonId::Gather, Mode::Concurrent(Variant::Gather), vec![TaskSpec::timer("\"quoted\"\n\\ \u{1} ✓", 10)]);
        run.apply(RunEvent::TaskStarted { index: 0, t_ms: 0.0 });
        run.apply(RunEvent::TaskFinished { index: 0, t_ms: 10.0, result: TaskResult::timer(TaskStatus::Ok, "</script>") });
        run.complete(10.0);
        let text = RunReport::of(&run, 0.005).unwrap().to_json();
        let order = [
            "version",
            "run_id",
            "lesson",
            "mode",
            "outcome",
            "throttled",
            "clock_resolution_ms",
            "wall_ms",
            "sum_ms",
            "ideal_ms",
            "expected_wall_ms",
            "savings_ms",
            "speedup",
            "tasks",
            "events",
        ];
        let at: Vec<usize> = order.iter().map(|k| text.find(&format!("\"{k}\":")).unwrap_or_else(|| panic!("{k}"))).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{text}");
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["tasks"][0]["label"], "\"quoted\"\n\\ \u{1} ✓");
        assert_eq!(json["tasks"][0]["detail"], "</script>");
        assert_eq!(json["clock_resolution_ms"], 0.005);
        assert_eq!(json["tasks"][0].as_object().unwrap().len(), 11);
    }

    #[test]
    fn names_are_those_of_the_readme_contract() {
        use crate::run::Outcome;
        let statuses = [TaskStatus::Waiting, TaskStatus::Running, TaskStatus::Ok, TaskStatus::Error, TaskStatus::Cancelled, TaskStatus::Timeout];
        assert_eq!(statuses.map(TaskStatus::as_str), ["waiting", "running", "ok", "error", "cancelled", "timeout"]);
        let sources = [Source::Timer, Source::Network, Source::ServiceWorker, Source::Simulated, Source::Cpu];
        assert_eq!(sources.map(Source::as_str), ["timer", "network", "service-worker", "simulated", "cpu"]);
        assert_eq!([Outcome::Completed, Outcome::Failed, Outcome::Cancelled].map(Outcome::as_str), ["completed", "failed", "cancelled"]);
    }
}
