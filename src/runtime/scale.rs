//! The scale control's run: N concurrent sleeps through the runtime, each one's end time recorded.

use super::clock::now;
use super::timer::sleep;
use futures::future::join_all;

/// What a scale run measured: its wall-clock and when each sleep ended (ms since the start).
#[derive(Clone, Debug, PartialEq)]
pub struct ScaleRun {
    pub wall_ms: f64,
    pub ends_ms: Vec<f64>,
}

/// `join_all` over `n` sleeps of `ms`; dropping the future cancels every sleep.
pub async fn run(n: u32, ms: u32) -> ScaleRun {
    let start = now();
    let ends_ms = join_all((0..n).map(|_| async move {
        sleep(ms).await;
        now() - start
    }))
    .await;
    ScaleRun { wall_ms: now() - start, ends_ms }
}
