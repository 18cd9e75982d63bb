//! Pieces of the sentences the lessons' takeaways share: when a task ended, what a run dropped,
//! and Run both's comparison appended.

use crate::format::comparison;
use crate::result::TaskStatus;
use crate::run::{Run, TaskRecord};

/// When `task` ended; never, for one still running.
pub fn end(task: &TaskRecord) -> f64 {
    task.end_ms.unwrap_or(f64::INFINITY)
}

/// Tasks that started and were dropped before they finished, and the latest moment one was.
pub fn dropped(tasks: &[TaskRecord]) -> (usize, f64) {
    let cut: Vec<f64> = tasks.iter().filter(|t| t.start_ms.is_some() && t.status() == TaskStatus::Cancelled).filter_map(|t| t.end_ms).collect();
    (cut.len(), cut.iter().copied().fold(0.0, f64::max))
}

/// " Run one by one, …": the Run both comparison, when there is one.
pub fn compared(run: &Run, res: f64) -> String {
    run.comparison().map_or_else(String::new, |c| format!(" {}", comparison(&c, res)))
}

/// For tests: a run of `lesson` whose tasks started at 0 and ended at `ends` with their statuses.
#[cfg(test)]
pub fn ended(lesson: crate::LessonId, mode: crate::mode::Mode, specs: Vec<crate::task::TaskSpec>, ends: &[(f64, TaskStatus)], wall: f64) -> Run {
    use crate::result::TaskResult;
    use crate::run::RunEvent;
    let mut run = Run::new(1, lesson, mode, specs);
    for (i, &(end, status)) in ends.iter().enumerate() {
        run.apply(RunEvent::TaskStarted { index: i, t_ms: 0.0 });
        run.apply(RunEvent::TaskFinished { index: i, t_ms: end, result: TaskResult::timer(status, "") });
    }
    run.complete(wall);
    run
}
