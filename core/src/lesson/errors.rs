//! The lesson "Errors: fail fast or settle": everything pure about it.

use crate::format::seconds;
use crate::mode::{Mode, Variant};
use crate::result::TaskStatus;
use crate::run::{Run, TaskRecord};
use crate::said::{dropped, end};
use crate::task::TaskSpec;
use crate::outputs::Difference;
use super::{AfterRunBoth, Controls, Lesson, LessonId, Provenance, Records, Sequence, Takeaway, TaskTime};

pub(super) static LESSON: Lesson = Lesson {
    id: LessonId::Errors,
    slug: "errors",
    short: "Errors",
    title: "Errors: fail fast or settle",
    intro: "One task fails after 0.3 s while two slower ones run. Fail fast: try_join_all returns the error at once \
            and drops the others, clearing their timers; Python's gather and JavaScript's Promise.all also return the \
            first error at once, but leave the other tasks running to their end. Settle: join_all, \
            gather(return_exceptions=True) and Promise.allSettled wait for every task and hand back each result. Run \
            sequentially stops at the first error, like ? in a loop.",
    python: include_str!("../lessons/errors.py"),
    python_from: Provenance::WrittenForThisLab,
    python_note: None,
    javascript: include_str!("../lessons/errors.js"),
    defaults: || {
        vec![TaskSpec::timer("load user", 1000), TaskSpec { fails: true, ..TaskSpec::timer("load avatar", 300) }, TaskSpec::timer("load posts", 1500)]
    },
    variants: &[Variant::FailFast, Variant::Settle],
    sequence: Sequence::StopsAtFirstError,
    controls: Controls::OnError,
    takeaway: Takeaway::OfEvery(errors),
    after_run_both: AfterRunBoth::Takeaway,
    outputs: &[Difference {
        rust: None,
        python: Some("Finished …"),
        javascript: Some("Finished …"),
        why: "after the first error, gather and Promise.all leave the other tasks running to their end; try_join_all dropped them",
    }],
    task_time: TaskTime::AsTyped,
    // Settle: "Finished …" and "…: ok" for each; in turn and fail fast print less.
    records: Records { per_lane: 2, own: 0, events: 0, events_per_lane: 0 },
};

/// errors: fail fast, settle, or in turn until the first error.
fn errors(run: &Run, res: f64) -> String {
    let failed: Vec<&TaskRecord> = run.tasks.iter().filter(|t| matches!(t.status(), TaskStatus::Error | TaskStatus::Timeout)).collect();
    let first = failed.iter().min_by(|a, b| end(a).total_cmp(&end(b)));
    let named = first.map_or_else(String::new, |t| format!("{} failed at {}", t.spec.label, seconds(t.end_ms.unwrap_or(0.0), res)));
    let wall = seconds(run.wall_ms.unwrap_or(0.0), res);
    let sentence = match (run.mode, first) {
        (_, None) => format!("No task failed: every result came back, in {wall}."),
        (Mode::Sequential, Some(_)) => {
            let never = run.tasks.iter().filter(|t| t.start_ms.is_none()).count();
            format!("In turn, {named} and ? returned its error: {never} task(s) after it never started.")
        }
        (Mode::Concurrent(Variant::FailFast), Some(_)) => {
            let (count, at) = dropped(&run.tasks);
            format!(
                "{named} and try_join_all returned its error at once, dropping the other {count} at {} (their work stopped). Python's gather and Promise.all would have let them run on.",
                seconds(at, res)
            )
        }
        (Mode::Concurrent(Variant::Settle), Some(_)) => format!(
            "join_all waited for all {}: {} succeeded and {} failed (first, {named}); every result came back at {wall}.",
            run.tasks.len(),
            run.tasks.iter().filter(|t| t.status() == TaskStatus::Ok).count(),
            failed.len()
        ),
        (Mode::Concurrent(Variant::Gather) | Mode::Concurrent(Variant::Lazy) | Mode::Concurrent(Variant::Blocking) | Mode::Concurrent(Variant::Yielding) | Mode::Concurrent(Variant::Race) | Mode::Concurrent(Variant::Deadline) | Mode::Concurrent(Variant::Limit) | Mode::Concurrent(Variant::AsCompleted), Some(_)) => {
            format!("{named}; the run took {wall}.")
        }
    };
    // No savings: in turn, the run stopped at the error, so its wall-clock is no baseline.
    sentence
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::LessonId;
    use crate::result::TaskResult;
    use crate::run::RunEvent;
    use crate::said::ended;

    #[test]
    fn errors_say_what_fail_fast_settle_and_in_turn_did() {
        let specs = LessonId::Errors.lesson().default_tasks();
        let (ok, failed, cut) = (TaskStatus::Ok, TaskStatus::Error, TaskStatus::Cancelled);
        let fast = ended(LessonId::Errors, Mode::Concurrent(Variant::FailFast), specs.clone(), &[(301.0, cut), (300.0, failed), (301.0, cut)], 301.0);
        assert!(errors(&fast, 0.1).starts_with("load avatar failed at 0.30 s and try_join_all returned its error at once, dropping the other 2 at 0.30 s"));
        let settle = ended(LessonId::Errors, Mode::Concurrent(Variant::Settle), specs.clone(), &[(1000.0, ok), (300.0, failed), (1500.0, ok)], 1500.0);
        assert_eq!(
            errors(&settle, 0.1),
            "join_all waited for all 3: 2 succeeded and 1 failed (first, load avatar failed at 0.30 s); every result came back at 1.50 s."
        );
        let mut in_turn = Run::new(1, LessonId::Errors, Mode::Sequential, specs);
        in_turn.apply(RunEvent::TaskStarted { index: 0, t_ms: 0.0 });
        in_turn.apply(RunEvent::TaskFinished { index: 0, t_ms: 1000.0, result: TaskResult::timer(ok, "") });
        in_turn.apply(RunEvent::TaskStarted { index: 1, t_ms: 1000.0 });
        in_turn.apply(RunEvent::TaskFinished { index: 1, t_ms: 1300.0, result: TaskResult::timer(failed, "") });
        in_turn.complete(1300.0);
        assert_eq!(errors(&in_turn, 0.1), "In turn, load avatar failed at 1.30 s and ? returned its error: 1 task(s) after it never started.");
    }
}
