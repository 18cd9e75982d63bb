//! The retry lesson: three requests to a flaky endpoint, each retried with exponential backoff and
//! jitter until it succeeds; every attempt and every wait marked on the request's lane.

use super::{one_by_one, Recorder, Task};
use crate::runtime::random;
use crate::runtime::timer::sleep;
use async_lab_core::format::whole;
use async_lab_core::retry::{attempt_url, backoff_ms, MAX_ATTEMPTS};
use async_lab_core::Column::{Concurrent, Sequential};
use async_lab_core::{Milestone, RunPlan, TaskResult, TaskStatus};
use futures::future::join_all;

// region:lesson
/// Tries until an attempt succeeds or `MAX_ATTEMPTS` have failed, waiting 100 ms × 2^(attempt − 1),
/// ±25 % at random, after each failure: the waits grow, and clients that failed together spread out.
async fn fetch_with_retry(request: &Task<'_>, fail_first: u32) -> TaskResult {
    let mut attempt = 1;
    loop {
        // api/flaky/{fail_first}/{attempt}/{name}: the attempt number travels in the path.
        let answer = request.attempt(attempt, attempt_url(request.spec(), fail_first, attempt)).await;
        if answer.status == TaskStatus::Ok {
            match answer.http_status {
                Some(code) => request.print(format!("{}: HTTP {code} on attempt {attempt}", request.label())),
                None => request.print(format!("{}: done on attempt {attempt}", request.label())),
            }
            return answer;
        }
        if attempt == MAX_ATTEMPTS {
            request.print(format!("{}: gave up after {attempt} attempts", request.label()));
            return answer;
        }
        let wait_ms = backoff_ms(attempt, random::unit()).round() as u32;
        request.retry_after(attempt, &answer, wait_ms);
        sleep(wait_ms).await;
        attempt += 1;
    }
}

/// One request with its retries, on its own lane.
async fn retried(request: &Task<'_>, fail_first: u32) -> TaskResult {
    request.perform_with(fetch_with_retry(request, fail_first)).await
}

pub async fn main(plan: &RunPlan, requests: &[Task<'_>], recorder: &Recorder) {
    let fail_first = plan.options.fail_first;
    recorder.mark(Milestone::FailFirst { k: fail_first });
    match plan.column {
        // Run concurrently: the three retry loops at once, each with its own waits.
        Concurrent => join_all(requests.iter().map(|r| retried(r, fail_first))).await,
        Sequential => one_by_one(requests, |r| retried(r, fail_first)).await,
    };
    recorder.print(format!("{} requests in {} ms", requests.len(), whole(recorder.elapsed_ms())));
}
// endregion
