//! Predict, then run: the learner's guess at the concurrent run (its wall-clock, the task that
//! finishes first), and the one sentence that sets it against what the browser measured.

use crate::field::{parse_prediction, FieldError};
use crate::format::seconds;
use crate::mode::Column;
use crate::plan::typed_count;
use crate::run::{Outcome, Run};

/// What the learner predicted; either part may be left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prediction {
    pub total_ms: Option<u32>,
    /// The label of the task they expect to finish first.
    pub first: Option<String>,
}

impl Prediction {
    /// The guess as typed: a total in ms (empty: no guess) and a task's label (empty: no guess).
    pub fn typed(total: &str, first: &str) -> Result<Prediction, FieldError> {
        let total_ms = if total.trim().is_empty() { None } else { Some(parse_prediction(total)?) };
        let first = Some(first.to_owned()).filter(|f| !f.is_empty());
        Ok(Prediction { total_ms, first })
    }

    pub fn is_empty(&self) -> bool {
        self.total_ms.is_none() && self.first.is_none()
    }
}

/// The sentence comparing `prediction` with `run`, the first concurrent-column run to finish after
/// it was made (`None` while it runs, and for a sequential run, which the guess is not about).
pub fn compare(prediction: &Prediction, run: &Run, resolution_ms: f64) -> Option<String> {
    if run.mode.column() == Column::Sequential {
        return None;
    }
    let wall = run.wall_ms?;
    if run.outcome == Some(Outcome::Cancelled) {
        return Some("The run was cancelled, so there is nothing to set your prediction against: run it again to compare.".to_owned());
    }
    let s = |ms: f64| seconds(ms, resolution_ms);
    let time = prediction.total_ms.map(|guess| {
        let guess = f64::from(guess);
        let off = wall - guess;
        let how = if off.abs() <= guess * 0.1 {
            "within 10 % of your guess".to_owned()
        } else if off > 0.0 {
            format!("{} longer than you thought", s(off))
        } else {
            format!("{} shorter than you thought", s(-off))
        };
        format!("{}; {} took {} ({how})", s(guess), run.mode.title(), s(wall))
    });
    // The typed tasks only: the lanes a mode adds beside them (race's JS lanes) are not a guess.
    let typed = typed_count(run.mode, run.tasks.len());
    let finished_first = run.completion_order.iter().find(|&&i| i < typed).and_then(|&i| run.tasks.get(i)).map(|t| t.spec.label.as_str());
    let first = prediction.first.as_deref().map(|guess| match finished_first {
        Some(actual) if actual == guess => format!("{guess} did finish first"),
        Some(actual) => format!("{actual} finished first, not {guess}"),
        None => format!("no task finished, so not {guess} either"),
    });
    match (time, first) {
        (Some(time), Some(first)) => Some(format!("You predicted {time}, and {first}.")),
        (Some(time), None) => Some(format!("You predicted {time}.")),
        (None, Some(first)) => Some(format!("Your guess at the first to finish: {first}.")),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::result::{TaskResult, TaskStatus};
    use crate::run::RunEvent;
    use crate::task::TaskSpec;
    use crate::{LessonId, Mode, Variant};

    fn finished(mode: Mode, ends: &[(usize, f64)], wall: f64) -> Run {
        let mut run = Run::new(1, LessonId::Gather, mode, vec![TaskSpec::timer("A", 2000), TaskSpec::timer("B", 1000), TaskSpec::timer("C", 3000)]);
        for &(index, t_ms) in ends {
            run.apply(RunEvent::TaskStarted { index, t_ms: 0.0 });
            run.apply(RunEvent::TaskFinished { index, t_ms, result: TaskResult::timer(TaskStatus::Ok, "slept") });
        }
        run.complete(wall);
        run
    }

    #[test]
    fn one_sentence_sets_the_guess_against_the_measurement() {
        let run = finished(Mode::Concurrent(Variant::Gather), &[(1, 1000.0), (0, 2000.0), (2, 3004.0)], 3004.0);
        let guess = |total: &str, first: &str| compare(&Prediction::typed(total, first).unwrap(), &run, 0.1).unwrap();
        assert_eq!(guess("2000", "B"), "You predicted 2.00 s; Concurrent took 3.00 s (1.00 s longer than you thought), and B did finish first.");
        assert_eq!(guess("6000", "A"), "You predicted 6.00 s; Concurrent took 3.00 s (3.00 s shorter than you thought), and B finished first, not A.");
        assert_eq!(guess("3100", ""), "You predicted 3.10 s; Concurrent took 3.00 s (within 10 % of your guess).");
        assert_eq!(guess("", "C"), "Your guess at the first to finish: B finished first, not C.");
        assert_eq!(compare(&Prediction::default(), &run, 0.1), None);
        let sequential = finished(Mode::Sequential, &[(0, 2000.0)], 2000.0);
        assert_eq!(compare(&Prediction::typed("1", "A").unwrap(), &sequential, 0.1), None, "the guess is about the concurrent run");
    }

    #[test]
    fn a_bad_total_is_refused_with_its_message_and_an_empty_one_is_no_guess() {
        assert_eq!(Prediction::typed(" ", "").unwrap(), Prediction::default());
        assert_eq!(
            Prediction::typed("soon", "A").unwrap_err().message,
            "Predicted total must be a whole number of ms from 0 to 600000; got \"soon\" (not a number)."
        );
        assert_eq!(Prediction::typed("600001", "").unwrap_err().message, "Predicted total must be a whole number of ms from 0 to 600000; got 600001.");
    }
}
