//! Benchmark entry points (feature `bench`, built only by `make bench`): the runtime's timers,
//! spawn and fetch, exported so the bench page can time them beside plain JavaScript.

use crate::runtime::{clock::now, fetch::Request, timer::sleep};
use futures::channel::oneshot;
use futures::future::join_all;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Wall-clock of `join_all` over `n` concurrent sleeps of `ms`.
#[wasm_bindgen]
pub async fn bench_timers(n: u32, ms: u32) -> f64 {
    let start = now();
    join_all((0..n).map(|_| sleep(ms))).await;
    now() - start
}

/// Wall-clock of `n` no-op futures started with `spawn_local`, until the last has run.
#[wasm_bindgen]
pub async fn bench_spawn(n: u32) -> f64 {
    let start = now();
    let left = Rc::new(Cell::new(n));
    let (done, finished) = oneshot::channel::<()>();
    let done = Rc::new(Cell::new(Some(done)));
    for _ in 0..n {
        let (left, done) = (left.clone(), done.clone());
        wasm_bindgen_futures::spawn_local(async move {
            left.set(left.get() - 1);
            if left.get() == 0 {
                if let Some(done) = done.take() {
                    let _ = done.send(());
                }
            }
        });
    }
    let _ = finished.await;
    now() - start
}

/// Wall-clock of `n` concurrent fetches of `api/delay/{ms}/b{i}`.
#[wasm_bindgen]
pub async fn bench_fetch(n: u32, ms: u32) -> f64 {
    let start = now();
    let urls: Vec<String> = (0..n).map(|i| format!("api/delay/{ms}/b{i}")).collect();
    join_all(urls.iter().map(|u| Request::get(u).send())).await;
    now() - start
}
