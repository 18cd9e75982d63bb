//! The lesson "Timeout: a deadline on a slow request": everything pure about it.

use crate::format::seconds;
use crate::mode::Variant;
use crate::run::Run;
use crate::said::{compared, dropped};
use crate::task::TaskSpec;
use super::{AfterRunBoth, Controls, Lesson, LessonId, Provenance, Records, Sequence, Takeaway, TaskTime};

pub(super) static LESSON: Lesson = Lesson {
    id: LessonId::Timeout,
    slug: "timeout",
    short: "Timeout",
    title: "Timeout: a deadline on a slow request",
    intro: "A report takes 3 s to answer and the deadline is 1 s. In Rust a timeout is a race against a sleep: when \
            the deadline wins, the request's future is dropped and its fetch aborted, so its lane ends at the deadline. \
            Python's asyncio.timeout cancels the waiting task the same way; in JavaScript only the AbortSignal handed to \
            fetch stops the request. Run sequentially awaits it with no deadline.",
    python: include_str!("../lessons/timeout.py"),
    python_from: Provenance::WrittenForThisLab,
    python_note: None,
    javascript: include_str!("../lessons/timeout.js"),
    defaults: || vec![TaskSpec::fetch("slow report", 3000, "api/delay/3000/report")],
    variants: &[Variant::Deadline],
    sequence: Sequence::EveryTask,
    controls: Controls::Deadline,
    // Its only concurrent variant is deadline (`share::check` holds a link's runs to it).
    takeaway: Takeaway::OfConcurrent(|run, res| Some(deadline(run, res))),
    after_run_both: AfterRunBoth::Takeaway,
    outputs: &[],
    task_time: TaskTime::AsTyped,
    // "answered" or "timed out" for each request.
    records: Records { per_lane: 1, own: 0, events: 0, events_per_lane: 0 },
};

/// timeout: the second half of the lanes are the deadlines the first half was raced against.
fn deadline(run: &Run, res: f64) -> String {
    let (typed, deadlines) = run.tasks.split_at(run.tasks.len() / 2);
    let at = deadlines.first().map_or_else(String::new, |d| seconds(f64::from(d.spec.delay_ms), res));
    let (count, cut) = dropped(typed);
    let sentence = match count {
        0 => format!("Every request answered before the {at} deadline; each deadline's sleep was dropped instead (its timer cleared)."),
        n if n == typed.len() => format!(
            "The deadline ({at}) came first: the request's future was dropped at {}, which aborted the fetch; nothing of it is left running.",
            seconds(cut, res)
        ),
        n => format!("{n} of {} requests missed the {at} deadline and were dropped by {}: their fetches aborted.", typed.len(), seconds(cut, res)),
    };
    sentence + &compared(run, res)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mode::Mode;
    use crate::LessonId;
    use crate::plan::{lanes, DEFAULT_DEADLINE_MS};
    use crate::result::TaskStatus;
    use crate::said::ended;

    #[test]
    fn a_deadline_says_what_it_dropped_and_when() {
        let specs = lanes(Mode::Concurrent(Variant::Deadline), LessonId::Timeout.lesson().default_tasks(), DEFAULT_DEADLINE_MS);
        let late = ended(LessonId::Timeout, Mode::Concurrent(Variant::Deadline), specs.clone(), &[(1002.0, TaskStatus::Cancelled), (1001.0, TaskStatus::Ok)], 1002.0);
        assert!(deadline(&late, 0.1).starts_with("The deadline (1.00 s) came first: the request's future was dropped at 1.00 s"), "{}", deadline(&late, 0.1));
        let early = ended(LessonId::Timeout, Mode::Concurrent(Variant::Deadline), specs, &[(300.0, TaskStatus::Ok), (300.0, TaskStatus::Cancelled)], 300.0);
        assert!(deadline(&early, 0.1).starts_with("Every request answered before the 1.00 s deadline"));
    }
}
