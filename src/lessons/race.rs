//! The race lesson: the first task to finish wins and the losers are dropped; beside it, the same
//! race as JavaScript promises, whose losers run on.

use super::{one_by_one, Recorder, RunsOn, Task};
use crate::runtime::promise::Eager;
use async_lab_core::format::whole;
use async_lab_core::Column::{Concurrent, Sequential};
use async_lab_core::RunPlan;
use futures::future::{join, join_all, select, select_all, Either, FutureExt};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen_futures::JsFuture;

// region:lesson
/// Asks one mirror; its label is the answer.
async fn ask(mirror: &Task<'_>) -> String {
    mirror.perform().await;
    mirror.label().to_owned()
}

/// Every request at once: `select_all` returns the first to finish and the futures still running.
/// Dropping those cancels them: each request is aborted, each timer cleared, nothing runs on.
async fn first_answer(mirrors: &[Task<'_>], recorder: &Recorder) {
    let (winner, _, losers) = select_all(mirrors.iter().map(|m| ask(m).boxed_local())).await;
    recorder.print(format!("First answer: {winner} after {} ms", whole(recorder.elapsed_ms())));
    let cancelled = losers.len();
    drop(losers);
    recorder.print(format!("Cancelled {cancelled} other requests"));
}

pub async fn main<'a>(plan: &RunPlan, mirrors: &'a [Task<'a>], recorder: &'a Recorder) -> RunsOn<'a> {
    match plan.column {
        Concurrent => {
            let (rust, js) = mirrors.split_at(mirrors.len() / 2);
            let promises = promise_race(js, recorder); // the same race in JavaScript, started now
            let (_, runs_on) = join(first_answer(rust, recorder), promises).await;
            runs_on
        }
        // Run sequentially: each request awaited before the next is sent.
        Sequential => {
            one_by_one(mirrors, |m| async move {
                let answer = ask(m).await;
                recorder.print(format!("{answer} answered after {} ms", whole(recorder.elapsed_ms())));
            })
            .await;
            RunsOn::nothing()
        }
    }
}
// endregion

// region:also-runs race: the JS lanes, the same race as JavaScript promises (src/lessons/race.rs)
/// `Promise.race(mirrors.map(ask))`: each promise starts when it is created and none can be
/// cancelled. Once the race is decided the losers run on, still answering, to nobody: what is
/// still running comes back with the winner, and each lane ends when its promise settles.
fn promise_race<'a>(mirrors: &'a [Task<'a>], recorder: &'a Recorder) -> impl std::future::Future<Output = RunsOn<'a>> + 'a {
    let started: Vec<Eager> = mirrors.iter().map(Task::start_promise).collect();
    let race = js_sys::Promise::race(&started.iter().filter_map(Eager::promise).collect::<js_sys::Array>());
    async move {
        let first = Rc::new(Cell::new(true));
        let lanes = mirrors.iter().zip(started).map(|(mirror, eager)| {
            let first = first.clone();
            async move {
                mirror.settled(eager).await;
                if !first.replace(false) {
                    let name = mirror.label().trim_start_matches("JS ");
                    recorder.print(format!("Late answer: {name} after {} ms", whole(recorder.elapsed_ms())));
                }
            }
        });
        let mut lanes = join_all(lanes).map(|_| ()).boxed_local();
        // Decided when Promise.race settles; the lanes are watched from the start meanwhile.
        match select(JsFuture::from(race), &mut lanes).await {
            Either::Left(_) => RunsOn::these(lanes),
            Either::Right(_) => RunsOn::nothing(),
        }
    }
}
// endregion
