//! What a decoded link must be to be replayed: tasks the editor would take, and runs the lab
//! could have recorded. The decoder checks sizes; these check meaning.

use super::ShareError;
use crate::run::Run;
use crate::task::TaskDraft;
use crate::{plan, LessonId};

/// The highest run id a link may carry: live runs number on from it without wrapping.
pub const MAX_RUN_ID: u32 = 1 << 30;

/// The runs of a link opened on `lesson`'s page, or why they cannot be replayed there.
pub fn replayable(lesson: LessonId, runs: &[Run]) -> Result<(), ShareError> {
    let refuse = |why: &str| Err(ShareError::Refused(why.to_owned()));
    if runs.is_empty() || runs.iter().any(|r| r.lesson != lesson || r.tasks.is_empty()) {
        return Err(ShareError::Malformed);
    }
    if runs.iter().any(|r| !lesson.runs_mode(r.mode)) {
        return refuse("a run in a mode this lesson has no button for");
    }
    if runs.windows(2).any(|pair| pair[0].id >= pair[1].id) || runs.iter().any(|r| r.id > MAX_RUN_ID) {
        return refuse("run ids out of order or too large");
    }
    for run in runs {
        typed_tasks(run)?;
        consistent(run).and_then(|_| recorded(run)).map_err(|why| ShareError::Refused(why.to_owned()))?;
    }
    Ok(())
}

/// The learner's tasks, checked by the editor's own check: the same limits and messages as a
/// typed task or one from `tasks=`.
fn typed_tasks(run: &Run) -> Result<(), ShareError> {
    let typed = plan::typed_count(run.mode, run.tasks.len());
    for (i, task) in run.tasks.iter().take(typed).enumerate() {
        if let Err(why) = TaskDraft::from(&task.spec).checked() {
            return Err(ShareError::Refused(format!("task {}: {why}", i + 1)));
        }
    }
    Ok(())
}

/// No more log lines and lesson events than the lesson's program records for the run's lanes: a
/// link cannot make a replay draw more than a live run would. (Polls and wakes are bounded by the
/// payload's size alone: a fetch wakes once a chunk of its body, and the network picks the chunks;
/// a lane draws them a pixel column at a time.)
fn recorded(run: &Run) -> Result<(), &'static str> {
    let most = run.lesson.most_recorded(run.tasks.len());
    match run.log.len() > most.log_lines || run.events.len() > most.events {
        true => Err("more log lines or lesson events than this lesson records for its tasks"),
        false => Ok(()),
    }
}

/// Times in order: a task ends no sooner than it starts, and a finished run has its wall time.
/// (A task may end after its run's wall time: what a program left running, such as a race's
/// losers, is drawn to its real end.)
fn consistent(run: &Run) -> Result<(), &'static str> {
    if run.outcome.is_some() && run.wall_ms.is_none() {
        return Err("a finished run without its wall time");
    }
    match run.tasks.iter().any(|t| matches!((t.start_ms, t.end_ms), (Some(start), Some(end)) if end < start)) {
        true => Err("a task that ended before it started"),
        false => Ok(()),
    }
}
