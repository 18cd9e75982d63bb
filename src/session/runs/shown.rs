//! The runs on screen as the views read them: a column's, the latest, all shown, the pair's
//! comparison. Lent, never cloned: a run holds thousands of polls.

use super::Runs;
use async_lab_core::stats::Comparison;
use async_lab_core::{Column, Run};
use leptos::prelude::*;

impl Runs {
    /// The latest run of `column` as shown: at the playhead while replaying.
    pub fn column(&self, column: Column) -> RwSignal<Option<Run>> {
        match column {
            Column::Sequential => self.sequential,
            Column::Concurrent => self.concurrent,
        }
    }

    /// The latest run of `column` as recorded, whatever a replay shows.
    pub fn recorded(&self, column: Column) -> RwSignal<Option<Run>> {
        match column {
            Column::Sequential => self.recorded_sequential,
            Column::Concurrent => self.recorded_concurrent,
        }
    }

    /// The column holding the most recent run (tracked): the one in flight, or else the last one
    /// shown (concurrent when neither holds one). Read with `.with`: a run is lent, not cloned.
    pub fn latest(&self) -> RwSignal<Option<Run>> {
        let id = |column: Column| self.column(column).with(|r| r.as_ref().map(|r| r.id));
        match (id(Column::Sequential), id(Column::Concurrent)) {
            (Some(a), Some(b)) if a > b => self.sequential,
            (Some(_), None) => self.sequential,
            _ => self.concurrent,
        }
    }

    /// Whether either column shows a run (tracked).
    pub fn any_shown(&self) -> bool {
        self.sequential.with(Option::is_some) || self.concurrent.with(Option::is_some)
    }

    /// The runs shown, oldest column first (tracked): what the page draws, at the playhead while replaying.
    pub fn with_shown<T>(&self, f: impl FnOnce(&[&Run]) -> T) -> T {
        self.sequential.with(|a| self.concurrent.with(|b| f(&a.iter().chain(b).collect::<Vec<&Run>>())))
    }

    /// After **Run both**, the measured comparison of its two wall-clocks, while both columns
    /// still show that pair; `None` otherwise.
    pub fn comparison(&self) -> Option<Comparison> {
        let sequential_id = self.sequential.with(|r| r.as_ref().map(|r| r.id))?;
        // The pair's runs are numbered one after the other: any run between them would have ended it.
        self.concurrent.with(|r| r.as_ref().filter(|r| r.id == sequential_id + 1).and_then(Run::comparison))
    }
}
