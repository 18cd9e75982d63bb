//! The context-manager lesson: a connection guard whose close runs on success, on error and on cancel.

use super::{one_by_one, Recorder, Task};
use crate::runtime::timer::sleep;
use async_lab_core::Column::{Concurrent, Sequential};
use async_lab_core::{Milestone, RunPlan, TaskStatus};
use futures::future::join_all;

// region:lesson
/// An open database connection. Rust has no async `Drop`: closing happens synchronously in
/// `drop`, which runs on success, on an early `return` after an error, and when a cancelled
/// run drops this future. Cleanup that must wait would be spawned from `drop`.
pub struct Connection<'a> {
    recorder: &'a Recorder,
}

impl<'a> Connection<'a> {
    /// The tutorial's `connect_to_database`: 100 ms to connect.
    pub async fn open(connection_string: &str, recorder: &'a Recorder) -> Connection<'a> {
        recorder.print("Connecting to database...");
        recorder.mark(Milestone::Connecting { to: connection_string.to_owned() });
        sleep(100).await;
        recorder.mark(Milestone::Connected);
        Connection { recorder }
    }
}

impl Drop for Connection<'_> {
    fn drop(&mut self) {
        self.recorder.print("Closing database connection...");
        self.recorder.mark(Milestone::Closed);
    }
}

pub async fn main(plan: &RunPlan, queries: &[Task<'_>], recorder: &Recorder) -> Result<(), String> {
    let db = Connection::open("postgresql://localhost/db", recorder).await;
    recorder.print("Using database: {\"status\": \"connected\"}");
    let results = match plan.column {
        Sequential => one_by_one(queries, |query| query.perform()).await,
        Concurrent => join_all(queries.iter().map(|query| query.perform())).await,
    };
    if let Some((query, failed)) = queries.iter().zip(&results).find(|(_, r)| r.status != TaskStatus::Ok) {
        // Returning drops `db`: the connection closes on the error path too.
        return Err(format!("{} failed: {}", query.label(), failed.detail));
    }
    drop(db);
    Ok(())
}
// endregion
