//! Predict, then run: the guess the learner may make before the page's first run, taken when that
//! run starts, and the sentence comparing it with the first concurrent run measured after it.

use super::Runs;
use async_lab_core::predict::{compare, Prediction};
use async_lab_core::Column;
use leptos::prelude::*;

/// The prediction form and the guess it took; nothing of it outlives the page.
#[derive(Clone, Copy)]
pub struct Predict {
    /// `predict=0` turns the form off (an embed's author may); autorun skips it too.
    pub wanted: bool,
    /// Shown until skipped or until a run starts.
    pub open: RwSignal<bool>,
    /// The predicted wall-clock of the concurrent run, in ms, as typed (empty: no guess).
    pub total: RwSignal<String>,
    /// The label of the task expected to finish first (empty: no guess).
    pub first: RwSignal<String>,
    /// The guess taken, and the first run id it may be compared with.
    made: RwSignal<Option<(Prediction, u32)>>,
}

impl Predict {
    pub fn new(wanted: bool, autorun: bool) -> Predict {
        let open = RwSignal::new(wanted && !autorun);
        Predict { wanted, open, total: RwSignal::new(String::new()), first: RwSignal::new(String::new()), made: RwSignal::new(None) }
    }

    /// One click: no prediction this time.
    pub fn skip(&self) {
        self.open.set(false);
    }

    /// Takes the guess as the run numbered `run_id` starts, and closes the form; a total that does
    /// not parse is left out (its field said why).
    pub fn take(&self, run_id: u32) {
        self.open.set(false);
        let (total, first) = (self.total.get_untracked(), self.first.get_untracked());
        let guess = Prediction::typed(&total, &first).or_else(|_| Prediction::typed("", &first)).unwrap_or_default();
        if !guess.is_empty() {
            self.made.set(Some((guess, run_id)));
        }
    }

    /// The sentence under the takeaway once the first concurrent run after the guess has finished,
    /// or what to press for it (tracked).
    pub fn sentence(&self, runs: &Runs, resolution_ms: f64) -> Option<String> {
        let (guess, since) = self.made.get()?;
        let concurrent = runs.recorded(Column::Concurrent).with(|r| r.as_ref().filter(|r| r.id >= since).and_then(|r| compare(&guess, r, resolution_ms)));
        let sequential_only = runs.recorded(Column::Sequential).with(|r| r.as_ref().is_some_and(|r| r.id >= since && r.wall_ms.is_some()));
        concurrent.or_else(|| {
            (sequential_only && !runs.is_running())
                .then(|| "Your prediction is about the concurrent run: press Run concurrently or Run both to compare.".to_owned())
        })
    }
}
