//! Replay: a playhead over the recorded runs, stepping between recorded moments, playing at a
//! speed. The columns show the runs as they stood at the playhead (`Run::at`); nothing runs and
//! nothing is reported.

use super::Runs;
use crate::runtime::{clock, frames};
use async_lab_core::replay::{next_moment, previous_moment};
use async_lab_core::{Column, Run};
use leptos::prelude::*;

impl Runs {
    /// How far a replay reaches: the longest recorded run, up to now for one in flight.
    pub fn replay_span(&self) -> f64 {
        let elapsed = if self.is_running() { self.elapsed_ms.get() } else { 0.0 };
        let wall = |column: Column| self.recorded(column).with(|r| r.as_ref().and_then(Run::span_ms).unwrap_or(0.0));
        wall(Column::Sequential).max(wall(Column::Concurrent)).max(elapsed)
    }

    /// Whether the runs are shown at a playhead rather than live (tracked).
    pub fn replaying(&self) -> bool {
        self.playhead.with(Option::is_some)
    }

    /// The moment the runs are shown at: the playhead while replaying, else the live run's now.
    pub fn now_ms(&self) -> f64 {
        self.playhead.get().unwrap_or_else(|| self.elapsed_ms.get())
    }

    /// Shows the runs as they stood `ms` into them, pausing any replay playing; from the end on,
    /// live again (a replay at the end would show what live shows).
    pub fn seek(&self, ms: f64) {
        self.playing.set(false);
        self.move_playhead(self.playhead_at(ms));
    }

    /// The playhead `ms` into the runs: none from the end on, where live shows the same.
    #[inline]
    pub(super) fn playhead_at(&self, ms: f64) -> Option<f64> {
        Some(ms.max(0.0)).filter(|&t| t < self.replay_span())
    }

    /// Shows the runs live again.
    pub fn leave_replay(&self) {
        self.playing.set(false);
        self.move_playhead(None);
    }

    fn move_playhead(&self, at: Option<f64>) {
        self.playhead.set(at);
        self.show_both();
    }

    /// Copies `column`'s recorded run to the one shown: whole when live, cut at the playhead.
    pub(super) fn show(&self, column: Column) {
        let at = self.playhead.get_untracked();
        let run = self.recorded(column).with_untracked(|r| r.as_ref().map(|r| at.map_or_else(|| r.clone(), |t| r.at(t))));
        self.column(column).set(run);
    }

    pub(super) fn show_both(&self) {
        self.show(Column::Sequential);
        self.show(Column::Concurrent);
    }

    /// Moves to the first recorded moment after the playhead (from the start when live).
    pub fn next_event(&self) {
        let at = self.playhead.get_untracked().unwrap_or(-1.0);
        if let Some(next) = self.with_recorded(|runs| next_moment(runs, at)) {
            self.seek(next);
        }
    }

    /// Moves to the last recorded moment before the playhead (before the end when live).
    pub fn previous_event(&self) {
        // From live, the last moment before the end: the end itself is what live shows.
        let at = self.playhead.get_untracked().unwrap_or_else(|| self.replay_span());
        let previous = self.with_recorded(|runs| previous_moment(runs, at));
        self.seek(previous.unwrap_or(0.0));
    }

    /// The recorded runs, oldest column first (untracked): what a replay steps through and a link carries.
    pub fn with_recorded<T>(&self, f: impl FnOnce(&[&Run]) -> T) -> T {
        self.recorded_sequential.with_untracked(|a| self.recorded_concurrent.with_untracked(|b| f(&a.iter().chain(b).collect::<Vec<&Run>>())))
    }

    /// Plays from the playhead (from the start when live or at the end) at the chosen speed, a
    /// step per animation frame, until the end or a pause. For a run in flight, up to where it
    /// had got when Play was pressed.
    pub fn play(&self) {
        let span = self.replay_span();
        let mut at = self.playhead.get_untracked().filter(|&t| t < span).unwrap_or(0.0);
        self.move_playhead(Some(at));
        self.playing.set(true);
        let this = *self;
        let mut last = clock::now();
        frames::each_frame(move || {
            // A pause, a step or a drag moved the playhead elsewhere (or another Play took over).
            if !this.playing.get_untracked() || this.playhead.get_untracked() != Some(at) {
                return false;
            }
            let now = clock::now();
            at += (now - last) * f64::from(this.speed_quarters.get_untracked()) / 4.0;
            last = now;
            this.move_playhead(Some(at).filter(|&t| t < span));
            // Set once at the end, not every frame: each set redraws the button.
            if at >= span {
                this.playing.set(false);
            }
            at < span
        });
    }

    pub fn pause(&self) {
        self.playing.set(false);
    }
}
