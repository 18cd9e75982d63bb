//! The two files a finished run can be saved as: its trace and its `RunReport`, each as JSON.

use crate::chrome_trace;
use crate::run::Run;
use crate::RunReport;

/// A file the full app offers for a finished run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Download {
    /// Chrome Trace Event JSON: opens in Perfetto and Chrome DevTools.
    Trace,
    /// The run's `RunReport`, the same JSON the `async-lab:run` event carries.
    Report,
}

impl Download {
    pub const ALL: [Download; 2] = [Download::Trace, Download::Report];

    /// The button's accessible name.
    pub fn label(self) -> &'static str {
        match self {
            Download::Trace => "Download trace",
            Download::Report => "Download report",
        }
    }

    /// A name that says which lesson, run and mode it holds: `async-lab-gather-run-3-concurrent.trace.json`.
    pub fn file_name(self, run: &Run) -> String {
        let what = match self {
            Download::Trace => "trace",
            Download::Report => "report",
        };
        format!("async-lab-{}-run-{}-{}.{what}.json", run.lesson.as_str(), run.id, run.mode.as_str())
    }

    /// The file's JSON; `None` while the run has not ended (a report needs its totals).
    pub fn contents(self, run: &Run, clock_resolution_ms: f64) -> Option<String> {
        run.wall_ms?;
        match self {
            Download::Trace => Some(chrome_trace::export(run, &run.trace, clock_resolution_ms)),
            Download::Report => Some(RunReport::of(run, clock_resolution_ms)?.to_json()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::result::{TaskResult, TaskStatus};
    use crate::run::RunEvent;
    use crate::task::TaskSpec;
    use crate::{LessonId, Mode, Variant};

    fn finished() -> Run {
        let spec = TaskSpec::timer("Task 1", 200);
        let mut run = Run::new(3, LessonId::Gather, Mode::Concurrent(Variant::Gather), vec![spec]);
        run.apply(RunEvent::TaskStarted { index: 0, t_ms: 0.0 });
        run.apply(RunEvent::TaskFinished { index: 0, t_ms: 201.0, result: TaskResult::timer(TaskStatus::Ok, "slept 200 ms") });
        run
    }

    #[test]
    fn nothing_to_save_until_the_run_has_ended() {
        let run = finished();
        for download in Download::ALL {
            assert_eq!(download.contents(&run, 0.1), None, "{download:?}");
        }
    }

    #[test]
    fn an_ended_run_saves_a_trace_document_and_its_report() {
        let mut run = finished();
        run.complete(201.5);
        assert_eq!(Download::Trace.file_name(&run), "async-lab-gather-run-3-concurrent.trace.json");
        assert_eq!(Download::Report.file_name(&run), "async-lab-gather-run-3-concurrent.report.json");
        let trace: serde_json::Value = serde_json::from_str(&Download::Trace.contents(&run, 0.1).unwrap()).unwrap();
        assert!(trace["traceEvents"].as_array().is_some_and(|events| !events.is_empty()));
        let report: serde_json::Value = serde_json::from_str(&Download::Report.contents(&run, 0.1).unwrap()).unwrap();
        assert_eq!(report["run_id"], 3);
        assert_eq!(report["tasks"][0]["label"], "Task 1");
    }
}
