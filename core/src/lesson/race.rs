//! The lesson "Race: the first answer wins": everything pure about it.

use crate::format::seconds;
use crate::mode::Variant;
use crate::result::TaskStatus;
use crate::run::Run;
use crate::said::{compared, dropped, end};
use crate::task::TaskSpec;
use crate::outputs::Difference;
use super::{AfterRunBoth, Controls, Lesson, LessonId, Provenance, Records, Sequence, Takeaway, TaskTime};

pub(super) static LESSON: Lesson = Lesson {
    id: LessonId::Race,
    slug: "race",
    short: "Race",
    title: "Race: the first answer wins",
    intro: "Three mirrors answer after 1.2 s, 0.4 s and 0.8 s. Run concurrently races them with select_all: the first \
            answer wins, and the losers' futures are dropped, which aborts their requests there and then. Python's \
            asyncio.wait leaves the losers running until you cancel them; a JavaScript promise cannot be cancelled, so \
            the JS lanes (the same race as real promises, run beside the Rust one) keep their requests on the wire until \
            they answer nobody.",
    python: include_str!("../lessons/race.py"),
    python_from: Provenance::WrittenForThisLab,
    python_note: None,
    javascript: include_str!("../lessons/race.js"),
    defaults: || {
        vec![
            TaskSpec::fetch("mirror A", 1200, "api/delay/1200/mirror-a"),
            TaskSpec::fetch("mirror B", 400, "api/delay/400/mirror-b"),
            TaskSpec::fetch("mirror C", 800, "api/delay/800/mirror-c"),
        ]
    },
    variants: &[Variant::Race],
    sequence: Sequence::EveryTask,
    controls: Controls::RunOnly,
    // Its only concurrent variant is race (`share::check` holds a link's runs to it).
    takeaway: Takeaway::OfConcurrent(|run, res| Some(race(run, res))),
    after_run_both: AfterRunBoth::Takeaway,
    outputs: &[
        Difference {
            rust: Some("Cancelled 2 other requests"),
            python: Some("Cancelled 2 other requests"),
            javascript: Some("2 other requests still running"),
            why: "a promise cannot be cancelled: Promise.race leaves the losers running",
        },
        Difference {
            rust: Some("Late answer: …"),
            python: None,
            javascript: Some("Late answer: …"),
            why: "the lab's JS lanes run the same race as promises, and say when a loser answers; Rust and Python stopped theirs",
        },
    ],
    task_time: TaskTime::AsTyped,
    // In turn each answer; a race prints two lines and each late JS answer, half its lanes.
    records: Records { per_lane: 1, own: 0, events: 0, events_per_lane: 0 },
};

/// race: the first half of the lanes is the Rust race, the second the same race as JS promises.
fn race(run: &Run, res: f64) -> String {
    let (rust, js) = run.tasks.split_at(run.tasks.len() / 2);
    let Some(winner) = rust.iter().filter(|t| t.status() == TaskStatus::Ok || t.status() == TaskStatus::Error).min_by(|a, b| end(a).total_cmp(&end(b))) else {
        return format!("No task finished: the race ended at {}.", seconds(run.wall_ms.unwrap_or(0.0), res));
    };
    let won_at = seconds(winner.end_ms.unwrap_or(0.0), res);
    let (count, at) = dropped(rust);
    let mut sentence = format!("{} finished first, at {won_at}", winner.spec.label);
    match count {
        0 => sentence.push('.'),
        n => sentence.push_str(&format!("; select_all dropped the other {n} at {}: their requests aborted, nothing of them left running.", seconds(at, res))),
    }
    // The JS race's winner is its first lane to end; every other one ran on after it.
    let js_ends: Vec<f64> = js.iter().filter_map(|t| t.end_ms).collect();
    let (first, last) = js_ends.iter().fold((f64::INFINITY, 0.0), |(lo, hi): (f64, f64), &end| (lo.min(end), hi.max(end)));
    let losers = js_ends.iter().filter(|&&end| end > first).count();
    // Every promise may settle in the same moment as the first (answers that came together, as the
    // simulated path's static file often does): then none ran on, and none could have been
    // stopped. Worded to wrap as the other sentence does, so an embed's reserved room holds either.
    let others = js_ends.len().saturating_sub(1);
    if others > 0 {
        sentence.push_str(&match losers {
            0 => format!(" The JS race settled as soon, and its {others} losers in the same moment, answering nobody: none can be cancelled."),
            n => format!(" The JS race settled as soon, but {n} of its losers kept their requests on the wire until {}, answering nobody.", seconds(last, res)),
        });
    }
    sentence + &compared(run, res)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mode::Mode;
    use crate::LessonId;
    use crate::plan::{lanes, DEFAULT_DEADLINE_MS};
    use crate::said::ended;

    #[test]
    fn race_names_the_winner_the_dropped_and_the_js_losers() {
        let specs = lanes(Mode::Concurrent(Variant::Race), LessonId::Race.lesson().default_tasks(), DEFAULT_DEADLINE_MS);
        let (ok, cut) = (TaskStatus::Ok, TaskStatus::Cancelled);
        let ends = [(401.0, cut), (400.0, ok), (401.0, cut), (1201.0, ok), (402.0, ok), (802.0, ok)];
        let text = race(&ended(LessonId::Race, Mode::Concurrent(Variant::Race), specs, &ends, 401.0), 0.1);
        assert_eq!(
            text,
            "mirror B finished first, at 0.40 s; select_all dropped the other 2 at 0.40 s: their requests aborted, nothing of them left running. \
             The JS race settled as soon, but 2 of its losers kept their requests on the wire until 1.20 s, answering nobody."
        );
        // The JS answers all came in one moment: said so, in a sentence as long, whatever the timing.
        let specs = lanes(Mode::Concurrent(Variant::Race), LessonId::Race.lesson().default_tasks(), DEFAULT_DEADLINE_MS);
        let tied = [(401.0, cut), (400.0, ok), (401.0, cut), (407.0, ok), (407.0, ok), (407.0, ok)];
        let text = race(&ended(LessonId::Race, Mode::Concurrent(Variant::Race), specs, &tied, 401.0), 0.1);
        assert!(text.ends_with("The JS race settled as soon, and its 2 losers in the same moment, answering nobody: none can be cancelled."), "{text}");
    }
}
