//! The context-manager lesson: a connection guard whose close runs on success, on error and on cancel.

use super::{one_by_one, Recorder, Task};
use crate::runtime::timer::sleep;
use async_lab_core::{Mode, TaskStatus};
use futures::future::join_all;

// region:lesson
/// An open database connection. Rust has no async `Drop`: closing happens synchronously in
/// `drop`, which runs on success, on an early `return` after an error, and when a cancelled
/// run drops this future. Cleanup that must wait would be spawned from `drop`.
pub struct Connection<'a> {
    run: &'a Recorder,
}

impl<'a> Connection<'a> {
    /// The tutorial's `connect_to_database`: 100 ms to connect.
    pub async fn open(connection_string: &str, run: &'a Recorder) -> Connection<'a> {
        run.print("Connecting to database...");
        run.event("connection", format!("connecting to {connection_string}"));
        sleep(100).await;
        run.event("connection", "open");
        Connection { run }
    }
}

impl Drop for Connection<'_> {
    fn drop(&mut self) {
        self.run.print("Closing database connection...");
        self.run.event("connection", "closed (Drop)");
    }
}

pub async fn main(mode: Mode, queries: &[Task<'_>], run: &Recorder) -> Result<(), String> {
    let db = Connection::open("postgresql://localhost/db", run).await;
    run.print("Using database: {\"status\": \"connected\"}");
    let results = match mode {
        Mode::Sequential => one_by_one(queries, Task::perform).await,
        _ => join_all(queries.iter().map(Task::perform)).await,
    };
    if let Some((query, failed)) = queries.iter().zip(&results).find(|(_, r)| r.status != TaskStatus::Ok) {
        // Returning drops `db`: the connection closes on the error path too.
        return Err(format!("{} failed: {}", query.label(), failed.detail));
    }
    drop(db);
    Ok(())
}
// endregion
