//! What `embed.js` shows before a lesson loads (and prints when nothing ran): each lesson's title
//! and its default tasks' expected timeline, written into the script as a table.

use crate::json::quoted;
use crate::plan::{DEFAULT_DEADLINE_MS, DEFAULT_LIMIT};
use crate::retry::{self, DEFAULT_FAIL_FIRST};
use crate::stats::{window, Interval};
use crate::task::{TaskKind, TaskSpec};
use crate::{Column, LessonId, Mode};

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

/// Where the model puts `id`'s default tasks in `column`, as the lesson's program runs them: a
/// race's losers dropped when the first ends, every task cut at timeout's default deadline, fail
/// fast's tasks dropped at the first failure, and, where the lesson's sequence stops at an error,
/// the tasks after it never started (an empty span where it stopped).
pub fn lesson_spans(id: LessonId, column: Column) -> Vec<Span> {
    let mut tasks = id.lesson().default_tasks();
    if id == LessonId::Retry {
        // Each request as long as its attempts and the nominal waits between them.
        for task in &mut tasks {
            task.delay_ms = retry::stretched(Interval::wait(f64::from(task.delay_ms)), DEFAULT_FAIL_FIRST).requested_ms as u32;
        }
    }
    if (column, id.default_concurrent_mode()) == (Column::Concurrent, Mode::Limit) {
        return window_spans(&tasks, DEFAULT_LIMIT);
    }
    let spans = expected_spans(column, &tasks);
    let first_failure = || tasks.iter().zip(&spans).filter(|(t, _)| t.fails).map(|(_, s)| s.end_ms).min();
    let cut = match (column, id.default_concurrent_mode()) {
        (Column::Sequential, _) if id.sequence_stops_at_error() => first_failure(),
        (Column::Sequential, _) => None,
        (Column::Concurrent, Mode::Race) => spans.iter().map(|s| s.end_ms).min(),
        (Column::Concurrent, Mode::Deadline) => Some(DEFAULT_DEADLINE_MS),
        (Column::Concurrent, Mode::FailFast) => first_failure(),
        (Column::Concurrent, _) => None,
    };
    match cut {
        Some(at) => spans.into_iter().map(|s| Span { start_ms: s.start_ms.min(at), end_ms: s.end_ms.min(at) }).collect(),
        None => spans,
    }
}

/// At most `limit` tasks at once, in order, each starting when one ends (`stats::window`; whole
/// ms in, whole ms out).
fn window_spans(tasks: &[TaskSpec], limit: usize) -> Vec<Span> {
    let waits: Vec<Interval> = tasks.iter().map(|t| Interval::wait(f64::from(t.delay_ms))).collect();
    window(&waits, limit).into_iter().map(|(start, end)| Span { start_ms: start as u32, end_ms: end as u32 }).collect()
}

/// The lines `embed.js` holds between its `POSTERS` markers: per lesson id, its title and, per
/// default task, `[label, sequential start, end, concurrent start, end]`.
pub fn script_table() -> String {
    let mut out = String::from("  const POSTERS = {\n");
    for id in LessonId::ALL {
        let lesson = id.lesson();
        let tasks = lesson.default_tasks();
        let (sequential, concurrent) = (lesson_spans(id, Column::Sequential), lesson_spans(id, Column::Concurrent));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::lanes;
    use crate::stats::{expected_for, Interval};

    #[test]
    fn the_spans_end_where_the_model_expects_the_run_to() {
        for id in LessonId::ALL {
            for (column, mode) in [(Column::Sequential, Mode::Sequential), (Column::Concurrent, id.default_concurrent_mode())] {
                let intervals: Vec<Interval> = lanes(mode, id.lesson().default_tasks(), DEFAULT_DEADLINE_MS)
                    .iter()
                    .map(|t| Interval { cpu: t.kind == TaskKind::Cpu, fails: t.fails, ..Interval::wait(f64::from(t.delay_ms)) })
                    .map(|t| if id == LessonId::Retry { retry::stretched(t, DEFAULT_FAIL_FIRST) } else { t })
                    .collect();
                let last = lesson_spans(id, column).iter().map(|s| s.end_ms).max().unwrap_or(0);
                assert_eq!(f64::from(last), expected_for(id, mode, &intervals, DEFAULT_LIMIT), "{} {column:?}", id.as_str());
            }
        }
        let race: Vec<(u32, u32)> = lesson_spans(LessonId::Race, Column::Concurrent).iter().map(|s| (s.start_ms, s.end_ms)).collect();
        assert_eq!(race, [(0, 400), (0, 400), (0, 400)]);
        let in_turn: Vec<(u32, u32)> = lesson_spans(LessonId::Errors, Column::Sequential).iter().map(|s| (s.start_ms, s.end_ms)).collect();
        assert_eq!(in_turn, [(0, 1000), (1000, 1300), (1300, 1300)]);
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
