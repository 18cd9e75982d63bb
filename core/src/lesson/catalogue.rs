//! Every lesson's texts and default tasks, in the order of `LessonId::ALL`: the catalogue it indexes.

use super::{Lesson, LessonId, Provenance};
use crate::task::TaskSpec;

/// Every lesson, in the order of `LessonId::ALL`; the first is the default.
pub static LESSONS: &[Lesson] = &[
    Lesson {
        id: LessonId::SequentialVsConcurrent,
        short: "Sequential vs concurrent",
        title: "Sequential vs concurrent",
        intro: "Two tasks each wait 2 seconds. Awaited one after another they take about 4 s; started together and gathered \
                with join_all they take about 2 s. They run concurrently on one thread, not in parallel: while one task \
                waits on its timer, the browser's event loop is free to run the other. A sequential await is not blocking \
                either: the page stays responsive, the second task simply does not start until the first has finished.",
        python: include_str!("../lessons/sequential_vs_concurrent.py"),
        python_from: Provenance::Tutorial,
        python_note: None,
        javascript: include_str!("../lessons/sequential_vs_concurrent.js"),
        defaults: || vec![TaskSpec::timer("Data 1", 2000), TaskSpec::timer("Data 2", 2000)],
    },
    Lesson {
        id: LessonId::AsyncFn,
        short: "Lazy futures",
        title: "An async fn returns a lazy future",
        intro: "Calling an async fn runs none of its body: it returns a future, a value that does nothing until it is \
                polled. Press Create future, wait as long as you like, then Await it: the timer starts only at the first \
                poll. A JavaScript promise created at the same moment starts at once, so it settles on its own schedule.",
        python: include_str!("../lessons/async_fn.py"),
        python_from: Provenance::Tutorial,
        python_note: None,
        javascript: include_str!("../lessons/async_fn.js"),
        defaults: || vec![TaskSpec::timer("greet(\"Alice\")", 1000)],
    },
    Lesson {
        id: LessonId::Gather,
        short: "Gather",
        title: "Gather: results in order, completion out of order",
        intro: "Three tasks wait 2 s, 1 s and 3 s. Gathered together they finish in about 3 s, in the order 2, 1, 3, \
                yet join_all hands back their results in the order they were submitted: 1, 2, 3.",
        python: include_str!("../lessons/gather.py"),
        python_from: Provenance::Tutorial,
        python_note: None,
        javascript: include_str!("../lessons/gather.js"),
        defaults: || vec![TaskSpec::timer("Task 1", 2000), TaskSpec::timer("Task 2", 1000), TaskSpec::timer("Task 3", 3000)],
    },
    Lesson {
        id: LessonId::ApiRequests,
        short: "API requests",
        title: "Concurrent API requests",
        intro: "One shared client, the counterpart of aiohttp's ClientSession, sends every request; join_all waits for \
                them together. Each lane is a real fetch with its HTTP status, size and timing; the endpoints answer \
                after the delay in their URL.",
        python: include_str!("../lessons/api_requests.py"),
        python_from: Provenance::Tutorial,
        python_note: None,
        javascript: include_str!("../lessons/api_requests.js"),
        defaults: || {
            vec![
                TaskSpec::fetch("data1", 800, "api/delay/800/data1"),
                TaskSpec::fetch("data2", 1200, "api/delay/1200/data2"),
                TaskSpec::fetch("data3", 600, "api/delay/600/data3"),
            ]
        },
    },
    Lesson {
        id: LessonId::ContextManager,
        short: "Cleanup",
        title: "Cleanup that always runs",
        intro: "A connection opens, the tasks use it, and it closes: after success, after a task fails, and after Cancel. \
                Python's async with awaits its cleanup; Rust has no async Drop, so the guard's Drop closes the connection \
                synchronously and spawns any cleanup that must wait. Switch a task's fails box on, or press Cancel mid-run, \
                and watch the close event on the timeline.",
        python: include_str!("../lessons/context_manager.py"),
        python_from: Provenance::Tutorial,
        python_note: Some(
            "As written, this ends in AttributeError: 'dict' object has no attribute 'close': connect_to_database returns a \
             plain dict, and the finally block awaits connection.close(). Corrected, it returns a dict that can close: \
             class Connection(dict): async def close(self): pass — then return Connection(status=\"connected\").",
        ),
        javascript: include_str!("../lessons/context_manager.js"),
        defaults: || vec![TaskSpec::timer("query users", 400), TaskSpec::timer("query posts", 600)],
    },
    Lesson {
        id: LessonId::AsyncMethods,
        short: "Async methods",
        title: "A struct with async methods",
        intro: "DataFetcher keeps its base URL; its async fetch method requests one endpoint and fetch_multiple gathers \
                several. Methods borrow self across their awaits, so all three requests share one fetcher.",
        python: include_str!("../lessons/async_methods.py"),
        python_from: Provenance::Tutorial,
        python_note: None,
        javascript: include_str!("../lessons/async_methods.js"),
        defaults: || {
            vec![
                TaskSpec::fetch("users", 1000, "api/delay/1000/users"),
                TaskSpec::fetch("posts", 1000, "api/delay/1000/posts"),
                TaskSpec::fetch("comments", 1000, "api/delay/1000/comments"),
            ]
        },
    },
    Lesson {
        id: LessonId::CpuBound,
        short: "CPU-bound work",
        title: "CPU-bound work blocks the event loop",
        intro: "Async helps with waiting, not with work. A busy loop holds the one thread that runs timers, futures and \
                rendering: timers fire late and frames drop. Choose Block to see it, or Yield to cut the same work into \
                4 ms slices with a MessageChannel message between them, so due timers and frames get their turn. \
                Concurrency saves nothing on the work itself: it takes as long either way.",
        python: include_str!("../lessons/cpu_bound.py"),
        python_from: Provenance::WrittenForThisLab,
        python_note: None,
        javascript: include_str!("../lessons/cpu_bound.js"),
        // Timers first: join_all polls in order, so they are armed before the loop takes the thread.
        defaults: || vec![TaskSpec::timer("Timer 1", 100), TaskSpec::timer("Timer 2", 300), TaskSpec::cpu("Busy loop", 1000)],
    },
    Lesson {
        id: LessonId::Race,
        short: "Race",
        title: "Race: the first answer wins",
        intro: "Three mirrors answer after 1.2 s, 0.4 s and 0.8 s. Run concurrently races them with select_all: the first \
                answer wins, and the losers' futures are dropped, which aborts their requests there and then. Python's \
                asyncio.wait leaves the losers running until you cancel them; a JavaScript promise cannot be cancelled, so \
                the JS lanes (the same race as real promises, run beside the Rust one) keep their requests on the wire until \
                they answer nobody.",
        python: include_str!("../lessons/race.py"),
        python_from: Provenance::WrittenForThisLab,
        python_note: None,
        javascript: include_str!("../lessons/race.js"),
        defaults: || {
            vec![
                TaskSpec::fetch("mirror A", 1200, "api/delay/1200/mirror-a"),
                TaskSpec::fetch("mirror B", 400, "api/delay/400/mirror-b"),
                TaskSpec::fetch("mirror C", 800, "api/delay/800/mirror-c"),
            ]
        },
    },
    Lesson {
        id: LessonId::Timeout,
        short: "Timeout",
        title: "Timeout: a deadline on a slow request",
        intro: "A report takes 3 s to answer and the deadline is 1 s. In Rust a timeout is a race against a sleep: when \
                the deadline wins, the request's future is dropped and its fetch aborted, so its lane ends at the deadline. \
                Python's asyncio.timeout cancels the waiting task the same way; in JavaScript only the AbortSignal handed to \
                fetch stops the request. Run sequentially awaits it with no deadline.",
        python: include_str!("../lessons/timeout.py"),
        python_from: Provenance::WrittenForThisLab,
        python_note: None,
        javascript: include_str!("../lessons/timeout.js"),
        defaults: || vec![TaskSpec::fetch("slow report", 3000, "api/delay/3000/report")],
    },
    Lesson {
        id: LessonId::Errors,
        short: "Errors",
        title: "Errors: fail fast or settle",
        intro: "One task fails after 0.3 s while two slower ones run. Fail fast: try_join_all returns the error at once \
                and drops the others, clearing their timers; Python's gather and JavaScript's Promise.all also return the \
                first error at once, but leave the other tasks running to their end. Settle: join_all, \
                gather(return_exceptions=True) and Promise.allSettled wait for every task and hand back each result. Run \
                sequentially stops at the first error, like ? in a loop.",
        python: include_str!("../lessons/errors.py"),
        python_from: Provenance::WrittenForThisLab,
        python_note: None,
        javascript: include_str!("../lessons/errors.js"),
        defaults: || {
            vec![TaskSpec::timer("load user", 1000), TaskSpec { fails: true, ..TaskSpec::timer("load avatar", 300) }, TaskSpec::timer("load posts", 1500)]
        },
    },
    Lesson {
        id: LessonId::Limit,
        short: "Limit",
        title: "Limit: at most N in flight",
        intro: "Ten requests, at most N in flight at once (Limit, 1 to 10). buffer_unordered keeps a sliding window: the \
                moment one request ends the next one starts, so the lanes start at staggered times, not in batches. \
                Python's asyncio.Semaphore and a small JavaScript pool do the same. Run sequentially is N = 1. Browsers \
                also allow only six HTTP/1.1 connections per host at once: that matters for URLs you type, not for this \
                page's own endpoints, which its service worker answers.",
        python: include_str!("../lessons/limit.py"),
        python_from: Provenance::WrittenForThisLab,
        python_note: None,
        javascript: include_str!("../lessons/limit.js"),
        defaults: || {
            [600, 200, 400, 300, 500, 200, 400, 300, 600, 200]
                .iter()
                .enumerate()
                .map(|(i, &ms)| TaskSpec::fetch(&format!("request {}", i + 1), ms, &format!("api/delay/{ms}/request-{}", i + 1)))
                .collect()
        },
    },
    Lesson {
        id: LessonId::AsCompleted,
        short: "As completed",
        title: "As completed: each result as it arrives",
        intro: "Three reports answer after 1.2 s, 0.4 s and 0.8 s. FuturesUnordered hands back each result as soon as it \
                arrives, so the log handles B, then C, then A, each at its own moment; Python's asyncio.as_completed does \
                the same, and JavaScript needs a loop over Promise.race. Run sequentially handles them in submission \
                order: B's answer waits behind A's.",
        python: include_str!("../lessons/as_completed.py"),
        python_from: Provenance::WrittenForThisLab,
        python_note: None,
        javascript: include_str!("../lessons/as_completed.js"),
        defaults: || {
            vec![
                TaskSpec::fetch("report A", 1200, "api/delay/1200/report-a"),
                TaskSpec::fetch("report B", 400, "api/delay/400/report-b"),
                TaskSpec::fetch("report C", 800, "api/delay/800/report-c"),
            ]
        },
    },
    Lesson {
        id: LessonId::Retry,
        short: "Retry",
        title: "Retry: backoff with jitter",
        intro: "Three requests to a flaky endpoint that answers 503 to the first K attempts at each (Fail first, 0 to 5), \
                then 200. Each request tries again after a wait that doubles, 100 ms × 2ⁿ, spread ±25 % at random (jitter) \
                so that clients which failed together do not retry in step: on each lane, every attempt and every wait. The \
                attempt number travels in the path, api/flaky/{K}/{attempt}/{name}, so the endpoint keeps no count: an idle \
                service worker may stop, and two tabs never share one. Run concurrently retries the three at once; a URL of \
                your own is retried as it answers.",
        python: include_str!("../lessons/retry.py"),
        python_from: Provenance::WrittenForThisLab,
        python_note: None,
        javascript: include_str!("../lessons/retry.js"),
        defaults: || {
            [("report", 200), ("prices", 400), ("weather", 600)]
                .iter()
                .map(|&(name, ms)| TaskSpec::fetch(name, ms, &format!("api/delay/{ms}/{name}")))
                .collect()
        },
    },
];
