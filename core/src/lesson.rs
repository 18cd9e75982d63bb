//! The lessons: ids used in URLs, titles, explanations, default tasks and the tutorial's code.

use crate::task::TaskSpec;

/// A lesson of the tutorial, with the defaults a reader of the tutorial expects.
#[derive(Debug)]
pub struct Lesson {
    /// The id used in `?lesson=`.
    pub id: &'static str,
    pub title: &'static str,
    /// What the learner should watch for, before running.
    pub intro: &'static str,
    /// The tutorial's Python, indentation restored.
    pub python: &'static str,
    /// The same lesson with JavaScript promises.
    pub javascript: &'static str,
    defaults: fn() -> Vec<TaskSpec>,
}

/// Lessons are equal when their ids are: the id is what URLs and reports name.
impl PartialEq for Lesson {
    fn eq(&self, other: &Lesson) -> bool {
        self.id == other.id
    }
}

impl Eq for Lesson {}

impl Lesson {
    /// The tasks the lesson starts with, as in the tutorial.
    pub fn default_tasks(&self) -> Vec<TaskSpec> {
        (self.defaults)()
    }
}

/// Every lesson, in teaching order; the first is the default.
pub static LESSONS: &[Lesson] = &[
    Lesson {
        id: "sequential-vs-concurrent",
        title: "Sequential vs concurrent",
        intro: "Two tasks each wait 2 seconds. Awaited one after another they take about 4 s; started together and gathered \
                with join_all they take about 2 s. They run concurrently on one thread, not in parallel: while one task \
                waits on its timer, the browser's event loop is free to run the other. A sequential await is not blocking \
                either: the page stays responsive, the second task simply does not start until the first has finished.",
        python: include_str!("lessons/sequential_vs_concurrent.py"),
        javascript: include_str!("lessons/sequential_vs_concurrent.js"),
        defaults: || vec![TaskSpec::timer("Data 1", 2000), TaskSpec::timer("Data 2", 2000)],
    },
    Lesson {
        id: "async-fn",
        title: "An async fn returns a lazy future",
        intro: "Calling an async fn runs none of its body: it returns a future, a value that does nothing until it is \
                polled. Press Create future, wait as long as you like, then Await it: the timer starts only at the first \
                poll. A JavaScript promise created at the same moment starts at once, so it settles on its own schedule.",
        python: include_str!("lessons/async_fn.py"),
        javascript: include_str!("lessons/async_fn.js"),
        defaults: || vec![TaskSpec::timer("greet(\"Alice\")", 1000)],
    },
    Lesson {
        id: "gather",
        title: "Gather: results in order, completion out of order",
        intro: "Three tasks wait 2 s, 1 s and 3 s. Gathered together they finish in about 3 s, in the order 2, 1, 3, \
                yet join_all hands back their results in the order they were submitted: 1, 2, 3.",
        python: include_str!("lessons/gather.py"),
        javascript: include_str!("lessons/gather.js"),
        defaults: || vec![TaskSpec::timer("Task 1", 2000), TaskSpec::timer("Task 2", 1000), TaskSpec::timer("Task 3", 3000)],
    },
    Lesson {
        id: "api-requests",
        title: "Concurrent API requests",
        intro: "One shared client, the counterpart of aiohttp's ClientSession, sends every request; join_all waits for \
                them together. Each lane is a real fetch with its HTTP status, size and timing; the endpoints answer \
                after the delay in their URL.",
        python: include_str!("lessons/api_requests.py"),
        javascript: include_str!("lessons/api_requests.js"),
        defaults: || {
            vec![
                TaskSpec::fetch("data1", 800, "api/delay/800/data1"),
                TaskSpec::fetch("data2", 1200, "api/delay/1200/data2"),
                TaskSpec::fetch("data3", 600, "api/delay/600/data3"),
            ]
        },
    },
    Lesson {
        id: "context-manager",
        title: "Cleanup that always runs",
        intro: "A connection opens, the tasks use it, and it closes: after success, after a task fails, and after Cancel. \
                Python's async with awaits its cleanup; Rust has no async Drop, so the guard's Drop closes the connection \
                synchronously and spawns any cleanup that must wait. Switch a task's fails box on, or press Cancel mid-run, \
                and watch the close event on the timeline.",
        python: include_str!("lessons/context_manager.py"),
        javascript: include_str!("lessons/context_manager.js"),
        defaults: || vec![TaskSpec::timer("query users", 400), TaskSpec::timer("query posts", 600)],
    },
    Lesson {
        id: "async-methods",
        title: "A struct with async methods",
        intro: "DataFetcher keeps its base URL; its async fetch method requests one endpoint and fetch_multiple gathers \
                several. Methods borrow self across their awaits, so all three requests share one fetcher.",
        python: include_str!("lessons/async_methods.py"),
        javascript: include_str!("lessons/async_methods.js"),
        defaults: || {
            vec![
                TaskSpec::fetch("users", 1000, "api/delay/1000/users"),
                TaskSpec::fetch("posts", 1000, "api/delay/1000/posts"),
                TaskSpec::fetch("comments", 1000, "api/delay/1000/comments"),
            ]
        },
    },
    Lesson {
        id: "cpu-bound",
        title: "CPU-bound work blocks the event loop",
        intro: "Async helps with waiting, not with work. A busy loop holds the one thread that runs timers, futures and \
                rendering: timers fire late and frames drop. Choose Block to see it, or Yield to cut the same work into \
                4 ms slices with a MessageChannel message between them, so due timers and frames get their turn. \
                Concurrency saves nothing on the work itself: it takes as long either way.",
        python: include_str!("lessons/cpu_bound.py"),
        javascript: include_str!("lessons/cpu_bound.js"),
        // Timers first: join_all polls in order, so they are armed before the loop takes the thread.
        defaults: || vec![TaskSpec::timer("Timer 1", 100), TaskSpec::timer("Timer 2", 300), TaskSpec::cpu("Busy loop", 1000)],
    },
];

pub fn default_lesson() -> &'static Lesson {
    &LESSONS[0]
}

pub fn find(id: &str) -> Option<&'static Lesson> {
    LESSONS.iter().find(|l| l.id == id)
}

/// "a, b, c": the valid ids, for messages.
pub fn ids() -> String {
    LESSONS.iter().map(|l| l.id).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_mirror_the_tutorial() {
        let lesson = default_lesson();
        assert_eq!(lesson.id, "sequential-vs-concurrent");
        assert_eq!(lesson.default_tasks(), [TaskSpec::timer("Data 1", 2000), TaskSpec::timer("Data 2", 2000)]);
        assert!(lesson.python.contains("    await asyncio.sleep(delay)  # Non-blocking"));
        assert_eq!(find("sequential-vs-concurrent"), Some(lesson));
        let gather = find("gather").unwrap().default_tasks();
        assert_eq!(gather.iter().map(|t| t.delay_ms).collect::<Vec<_>>(), [2000, 1000, 3000]);
        assert!(find("async-fn").unwrap().default_tasks()[0].label.contains("Alice"));
        assert_eq!(find("nope"), None);
    }

    #[test]
    fn ids_are_the_products() {
        let ids: Vec<&str> = LESSONS.iter().map(|l| l.id).collect();
        assert_eq!(ids, ["sequential-vs-concurrent", "async-fn", "gather", "api-requests", "context-manager", "async-methods", "cpu-bound"]);
        for lesson in LESSONS {
            // Every Python listing has its indentation restored.
            assert!(lesson.python.lines().any(|l| l.starts_with("    ")), "{}", lesson.id);
        }
    }

    #[test]
    fn defaults_are_valid() {
        for lesson in LESSONS {
            for spec in lesson.default_tasks() {
                assert!(crate::task::TaskDraft::from(&spec).validate().is_ok(), "{}: {spec:?}", lesson.id);
            }
        }
    }
}
