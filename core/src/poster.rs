//! What `embed.js` shows before a lesson loads (and prints when nothing ran): each lesson's title
//! and its default tasks' expected timeline, written into the script as a table.

use crate::task::{TaskKind, TaskSpec};
use crate::{Column, LessonId};

/// Where the model expects one task, in ms from the run's start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start_ms: u32,
    pub end_ms: u32,
}

/// Where the model puts each task in `column`: one after another in sequence; concurrently, the
/// waits from the start and CPU work in turn on the one thread, which holds every wait that would
/// end before it is free (a blocked event loop wakes nothing). The longest end is
/// `stats::expected_wall_ms`.
pub fn expected_spans(column: Column, tasks: &[TaskSpec]) -> Vec<Span> {
    let busy_until: u32 = tasks.iter().filter(|t| t.kind == TaskKind::Cpu).map(|t| t.delay_ms).sum();
    let mut thread_free_at = 0;
    let mut in_turn = |delay_ms: u32| {
        let start_ms = thread_free_at;
        thread_free_at += delay_ms;
        Span { start_ms, end_ms: thread_free_at }
    };
    tasks
        .iter()
        .map(|task| match (column, task.kind) {
            (Column::Sequential, _) | (Column::Concurrent, TaskKind::Cpu) => in_turn(task.delay_ms),
            (Column::Concurrent, TaskKind::Timer | TaskKind::Fetch) => Span { start_ms: 0, end_ms: task.delay_ms.max(busy_until) },
        })
        .collect()
}

/// The lines `embed.js` holds between its `POSTERS` markers: per lesson id, its title and, per
/// default task, `[label, sequential start, end, concurrent start, end]`.
pub fn script_table() -> String {
    let mut out = String::from("  const POSTERS = {\n");
    for id in LessonId::ALL {
        let lesson = id.lesson();
        let tasks = lesson.default_tasks();
        let (sequential, concurrent) = (expected_spans(Column::Sequential, &tasks), expected_spans(Column::Concurrent, &tasks));
        let rows: Vec<String> = tasks
            .iter()
            .zip(sequential.iter().zip(&concurrent))
            .map(|(task, (s, c))| format!("[{}, {}, {}, {}, {}]", quoted(&task.label), s.start_ms, s.end_ms, c.start_ms, c.end_ms))
            .collect();
        out.push_str(&format!("    {}: [{}, [{}]],\n", quoted(id.as_str()), quoted(lesson.title), rows.join(", ")));
    }
    out.push_str("  };\n");
    out
}

fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::{expected_wall_ms, Interval};
    use crate::Mode;

    #[test]
    fn the_spans_end_where_the_model_expects_the_run_to() {
        for id in LessonId::ALL {
            let tasks = id.lesson().default_tasks();
            let intervals: Vec<Interval> = tasks.iter().map(|t| Interval { cpu: t.kind == TaskKind::Cpu, ..Interval::wait(f64::from(t.delay_ms)) }).collect();
            for (column, mode) in [(Column::Sequential, Mode::Sequential), (Column::Concurrent, Mode::Concurrent)] {
                let last = expected_spans(column, &tasks).iter().map(|s| s.end_ms).max().unwrap_or(0);
                assert_eq!(f64::from(last), expected_wall_ms(mode, &intervals), "{} {column:?}", id.as_str());
            }
        }
    }

    #[test]
    fn waits_overlap_cpu_work_takes_turns_and_holds_the_waits_it_outlasts() {
        let cpu = |label: &str, ms: u32| TaskSpec { kind: TaskKind::Cpu, ..TaskSpec::timer(label, ms) };
        let tasks = [TaskSpec::timer("a", 300), cpu("b", 100), cpu("c", 50), TaskSpec::timer("d", 120)];
        let spans: Vec<(u32, u32)> = expected_spans(Column::Concurrent, &tasks).iter().map(|s| (s.start_ms, s.end_ms)).collect();
        assert_eq!(spans, [(0, 300), (0, 100), (100, 150), (0, 150)]);
        let spans: Vec<(u32, u32)> = expected_spans(Column::Sequential, &tasks).iter().map(|s| (s.start_ms, s.end_ms)).collect();
        assert_eq!(spans, [(0, 300), (300, 400), (400, 450), (450, 570)]);
    }
}
