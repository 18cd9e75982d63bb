//! The code in step with a run: the lines of the shown listing at which its running tasks wait.
//!
//! A task's line is where the lesson's code created the future it awaits, recorded at run time
//! (`RunEvent::TaskAt`); a task is marked there while it runs, waiting on its timer or request at
//! that `.await`, or working there (a busy loop).

use crate::run::Run;
use crate::TaskStatus;

/// A line of the shown listing (1-based), its code up to the end of its `.await` (or all of it),
/// so the labels can follow the code, and who is at it, e.g. "Data 1, Data 2 (Concurrent)".
#[derive(Clone, Debug, PartialEq)]
pub struct AtLine {
    pub line: u32,
    pub lead: &'static str,
    pub who: String,
}

/// The lines of `listing`, which starts on source line `first_line`, at
/// which a task of `runs` is running now, with the tasks' labels and each run's mode; tasks whose
/// line falls outside the listing are not marked. In line order (kept by insertion: a sort would
/// cost the wasm a sort routine).
pub fn at_lines(runs: &[&Run], first_line: u32, listing: &'static str) -> Vec<AtLine> {
    let lines = listing.lines().count() as u32;
    let mut marks: Vec<AtLine> = Vec::new();
    for run in runs {
        // Per run first, so each line names the run's mode once after its labels.
        let mut here: Vec<(u32, Vec<&str>)> = Vec::new();
        for task in run.tasks.iter().filter(|t| t.status() == TaskStatus::Running) {
            let Some(line) = task.line.and_then(|l| l.checked_sub(first_line)).filter(|&l| l < lines).map(|l| l + 1) else { continue };
            match here.iter_mut().find(|(l, _)| *l == line) {
                Some((_, who)) => who.push(&task.spec.label),
                None => here.push((line, vec![&task.spec.label])),
            }
        }
        for (line, who) in here {
            let who = format!("{} ({})", who.join(", "), run.mode.title());
            match marks.iter_mut().find(|m| m.line == line) {
                Some(mark) => {
                    mark.who.push_str(" · ");
                    mark.who.push_str(&who);
                }
                None => {
                    let at = marks.iter().position(|m| m.line > line).unwrap_or(marks.len());
                    let text = listing.lines().nth(line as usize - 1).unwrap_or_default();
                    // A byte scan, not `str::find`: its substring searcher costs the wasm a kilobyte.
                    let end = text.as_bytes().windows(6).position(|w| w == b".await").map_or(text.len(), |at| at + 6);
                    let lead = &text[..end];
                    marks.insert(at, AtLine { line, lead, who });
                }
            }
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::result::TaskResult;
    use crate::run::RunEvent;
    use crate::{LessonId, Mode, TaskSpec, Variant};

    /// Thirty lines; the fifth awaits.
    const LISTING: &str = "1\n2\n3\n4\n    let result = task.perform().await; // the wait\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n";

    fn run(mode: Mode, lines: &[u32]) -> Run {
        let specs = (0..lines.len()).map(|i| TaskSpec::timer(&format!("Data {}", i + 1), 100)).collect();
        let mut run = Run::new(1, LessonId::SequentialVsConcurrent, mode, specs);
        for (index, &line) in lines.iter().enumerate() {
            run.apply(RunEvent::TaskAt { index, line });
        }
        run
    }

    #[test]
    fn running_tasks_are_marked_at_their_line_of_the_listing_and_no_others() {
        let mut concurrent = run(Mode::Concurrent(Variant::Gather), &[12, 12, 40]);
        for index in 0..3 {
            concurrent.apply(RunEvent::TaskStarted { index, t_ms: 0.0 });
        }
        let mut sequential = run(Mode::Sequential, &[12, 12, 12]);
        sequential.apply(RunEvent::TaskStarted { index: 0, t_ms: 0.0 });
        sequential.apply(RunEvent::TaskFinished { index: 0, t_ms: 100.0, result: TaskResult::timer(TaskStatus::Ok, "slept") });
        sequential.apply(RunEvent::TaskStarted { index: 1, t_ms: 100.0 });
        // The listing shows source lines 8 to 37: line 12 is its 5th; line 40 is outside it.
        let marks = at_lines(&[&sequential, &concurrent], 8, LISTING);
        let who = "Data 2 (Sequential) · Data 1, Data 2 (Concurrent)".to_owned();
        assert_eq!(marks, [AtLine { line: 5, lead: "    let result = task.perform().await", who }]);
        // Before a task starts and after it ends, it is at no line.
        assert_eq!(at_lines(&[&run(Mode::Concurrent(Variant::Gather), &[12])], 8, LISTING), []);
        assert_eq!(at_lines(&[&sequential.at(150.0)], 8, LISTING)[0].who, "Data 2 (Sequential)");
        assert_eq!(at_lines(&[&sequential.at(50.0)], 8, LISTING)[0].who, "Data 1 (Sequential)");
    }

    #[test]
    fn marks_come_in_line_order_whatever_the_task_order() {
        let mut concurrent = run(Mode::Concurrent(Variant::Gather), &[30, 12, 20]);
        for index in 0..3 {
            concurrent.apply(RunEvent::TaskStarted { index, t_ms: 0.0 });
        }
        let lines: Vec<u32> = at_lines(&[&concurrent], 10, LISTING).iter().map(|m| m.line).collect();
        assert_eq!(lines, [3, 11, 21]);
    }
}
