//! The async-methods lesson: `DataFetcher { base_url }` with async `fetch` and `fetch_multiple`.

use super::{one_by_one, Recorder, Task};
use async_lab_core::Column::{Concurrent, Sequential};
use async_lab_core::{RunPlan, TaskStatus};
use futures::future::join_all;

// region:lesson
/// The tutorial's `AsyncDataFetcher`: state in a struct, work in async methods.
pub struct DataFetcher {
    base_url: String,
}

impl DataFetcher {
    pub fn new(base_url: &str) -> DataFetcher {
        DataFetcher { base_url: base_url.to_owned() }
    }

    /// An async method: the future it returns borrows `self` until it completes. The request
    /// goes to `{base_url}/{endpoint}`, built here, as in the tutorial.
    pub async fn fetch(&self, endpoint: &Task<'_>) -> String {
        let url = format!("{}/{}", self.base_url, endpoint.label());
        let response = endpoint.perform_at(&url).await;
        endpoint.print(format!("GET {url} → {}", response.detail));
        match response.status {
            TaskStatus::Ok => format!("Data from {url}"),
            _ => format!("No data from {url}: {}", response.detail),
        }
    }

    /// Every endpoint at once; the results keep the endpoints' order.
    pub async fn fetch_multiple(&self, endpoints: &[Task<'_>]) -> Vec<String> {
        join_all(endpoints.iter().map(|ep| self.fetch(ep))).await
    }
}

pub async fn main(plan: &RunPlan, endpoints: &[Task<'_>], recorder: &Recorder) {
    let fetcher = DataFetcher::new(&base_url(endpoints));
    let results = match plan.column {
        Sequential => one_by_one(endpoints, |ep| fetcher.fetch(ep)).await,
        Concurrent => fetcher.fetch_multiple(endpoints).await,
    };
    recorder.print(format!("{results:?}"));
}
// endregion

/// The fetcher's base URL: the first endpoint's URL without its last segment.
fn base_url(endpoints: &[Task<'_>]) -> String {
    let url = endpoints.first().map_or("", Task::url);
    url.rsplit_once('/').map_or(url, |(base, _)| base).to_owned()
}
