//! The async-fn lesson: a future is lazy; creating it starts nothing, awaiting it does.

use super::{one_by_one, AwaitIt, Recorder, Task};
use async_lab_core::Column::{Concurrent, Sequential};
use async_lab_core::{Milestone, RunPlan, TaskResult, TaskStatus, Variant};
use futures::future::{join, join_all};
use wasm_bindgen_futures::JsFuture;

// region:lesson
/// The tutorial's `greet`. Calling it runs none of this body: it returns a future, and the
/// body starts only when that future is first polled.
async fn greet(task: &Task<'_>, name: String) -> String {
    task.print(format!("greet({name:?}) polled for the first time: its timer starts now"));
    task.perform().await;
    format!("Hello, {name}!")
}

/// Creates the future, waits for the learner to press "Await it", then awaits it. A JS promise
/// created at the same moment is the contrast: its executor runs at once.
async fn create_then_await(greeting: &Task<'_>, promise: &Task<'_>, recorder: &Recorder, await_it: AwaitIt) {
    let name = name_in(greeting.label());
    let future = greet(greeting, name); // a value: nothing has run yet
    recorder.mark(Milestone::FutureCreated { future: greeting.label().to_owned() });
    let settled = js_promise(promise); // already running
    let awaited = async {
        let _ = await_it.await;
        recorder.mark(Milestone::FirstPoll { future: greeting.label().to_owned() });
        let text = future.await;
        recorder.print(text);
    };
    join(awaited, settled).await;
}

pub async fn main(plan: &RunPlan, tasks: &[Task<'_>], recorder: &Recorder, await_it: AwaitIt) {
    match (plan.column, plan.variant, tasks) {
        (Concurrent, Variant::Lazy, [greeting, promise, ..]) => create_then_await(greeting, promise, recorder, await_it).await,
        (Sequential, ..) => {
            one_by_one(tasks, |t| greet(t, name_in(t.label()))).await;
        }
        (Concurrent, ..) => {
            let greetings = join_all(tasks.iter().map(|t| greet(t, name_in(t.label())))).await;
            recorder.print(format!("{greetings:?}"));
        }
    }
}
// endregion

/// The name in a label such as `greet("Alice")`, or the whole label.
fn name_in(label: &str) -> String {
    label.split('"').nth(1).unwrap_or(label).to_owned()
}

// region:also-runs async-fn: the eager JS promise (src/lessons/async_fn.rs)
/// `new Promise(r => setTimeout(r, ms))`: the executor, and so the timer, runs inside `new`.
fn js_promise<'t>(task: &'t Task<'_>) -> impl std::future::Future<Output = ()> + 't {
    let ms = task.spec().delay_ms as i32;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        task.started();
        task.note("a JS promise cannot be cancelled: its timer fires whether or not anyone waits");
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    async move {
        let _ = JsFuture::from(promise).await;
        task.finished(TaskResult::timer(TaskStatus::Ok, format!("settled after {ms} ms: started when created")));
    }
}
// endregion
