//! The api-requests lesson: one shared client fetching several URLs concurrently.

use super::{one_by_one, Recorder, Task};
use async_lab_core::Column::{Concurrent, Sequential};
use async_lab_core::{Milestone, RunPlan, TaskResult, TaskStatus};
use futures::future::join_all;
use std::cell::Cell;

// region:lesson
/// One client shared by every request, like aiohttp's `ClientSession`. Requests borrow it,
/// so it outlives them all; it counts what it sent.
#[derive(Default)]
pub struct Client {
    sent: Cell<usize>,
}

impl Client {
    pub fn new() -> Client {
        Client { sent: Cell::new(0) }
    }

    /// A real `fetch`; dropping the future aborts the request.
    pub async fn get(&self, request: &Task<'_>) -> TaskResult {
        self.sent.set(self.sent.get() + 1);
        request.perform().await
    }
}

async fn fetch_url(client: &Client, request: &Task<'_>) -> TaskResult {
    let response = client.get(request).await;
    request.print(format!("GET {} → {}", request.url(), response.detail));
    response
}

/// The tutorial's `fetch_multiple_urls`: every request at once, gathered in order.
pub async fn fetch_multiple_urls(client: &Client, requests: &[Task<'_>]) -> Vec<TaskResult> {
    join_all(requests.iter().map(|r| fetch_url(client, r))).await
}

pub async fn main(plan: &RunPlan, requests: &[Task<'_>], recorder: &Recorder) {
    let client = Client::new();
    let results = match plan.column {
        Sequential => one_by_one(requests, |r| fetch_url(&client, r)).await,
        Concurrent => fetch_multiple_urls(&client, requests).await,
    };
    let ok = results.iter().filter(|r| r.status == TaskStatus::Ok).count();
    match ok == results.len() {
        true => recorder.print(format!("Fetched {ok} URLs")),
        false => recorder.print(format!("Fetched {ok} of {} URLs", results.len())),
    }
    recorder.mark(Milestone::ClientSent { requests: client.sent.get() });
}
// endregion
