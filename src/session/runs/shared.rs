//! Runs recorded elsewhere, from a link to a moment: replayed, never measured here, until the
//! learner runs the same tasks live.

use super::Runs;
use crate::runtime::location;
use async_lab_core::{Column, Mode, Run, RunPlan};
use leptos::prelude::*;

impl Runs {
    /// Shows `run` (decoded from a link) in its column as a replay at `at_ms`: nothing starts,
    /// nothing reports. A link's runs come one at a time, each drawn in a frame of its own.
    pub fn replay_shared(&self, run: Run, at_ms: f64) {
        self.cancel();
        // Later runs here are numbered after the link's, so Run both pairs stay told apart.
        self.next_id.set_value(self.next_id.get_value().max(run.id.saturating_add(1)));
        let column = run.mode.column();
        self.recorded(column).set(Some(run));
        self.shared.set(true);
        // From the end on, the runs are shown whole, still labelled as recorded elsewhere. Where
        // the playhead stays, the column drawn a frame earlier already stands at it: only this
        // one is drawn, so each run of the link costs its own frame and no more.
        match self.playhead.get_untracked() == self.playhead_at(at_ms) {
            true => self.show(column),
            false => self.seek(at_ms),
        }
    }

    /// **Run it live**: the link's tasks, run here for real in the modes the link carried.
    pub fn run_live(&self) {
        let mode = |column: Column| self.recorded(column).with_untracked(|r| r.as_ref().map(|r| r.mode));
        match (mode(Column::Sequential), mode(Column::Concurrent)) {
            (Some(_), Some(_)) => self.run_both(),
            // The drafts hold the link's choices (`Drafts::take`); its variant may be another
            // button's than Run concurrently (async-fn's Create the future).
            (_, Some(Mode::Concurrent(variant))) => self.run(RunPlan { variant, ..self.plan(Column::Concurrent) }),
            (Some(_), _) => self.run(self.plan(Column::Sequential)),
            (None, _) => {}
        }
    }

    /// Forgets the runs recorded elsewhere, so no run of theirs stays beside one measured here,
    /// and drops their link from the address bar. The caller shows the columns again.
    pub(super) fn forget_shared(&self) {
        if self.shared.get_untracked() {
            self.shared.set(false);
            self.recorded_sequential.set(None);
            self.recorded_concurrent.set(None);
            location::drop_fragment();
        }
    }
}
