//! The lessons: ids used in URLs, titles, explanations, default tasks and the tutorial's code.

use crate::mode::Mode;
use crate::task::TaskSpec;
use serde::Serialize;

/// Which lesson: a closed set, matched exhaustively wherever code depends on the lesson, so a new
/// lesson makes the compiler name every place that needs it. Its string is the public `?lesson=` id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LessonId {
    SequentialVsConcurrent,
    AsyncFn,
    Gather,
    ApiRequests,
    ContextManager,
    AsyncMethods,
    CpuBound,
    Race,
    Timeout,
    Errors,
}

impl LessonId {
    /// Every lesson, in teaching order; the first is the default.
    pub const ALL: [LessonId; 10] = [
        LessonId::SequentialVsConcurrent,
        LessonId::AsyncFn,
        LessonId::Gather,
        LessonId::ApiRequests,
        LessonId::ContextManager,
        LessonId::AsyncMethods,
        LessonId::CpuBound,
        LessonId::Race,
        LessonId::Timeout,
        LessonId::Errors,
    ];

    /// The id in URLs and reports (public contract: never change one).
    pub fn as_str(self) -> &'static str {
        match self {
            LessonId::SequentialVsConcurrent => "sequential-vs-concurrent",
            LessonId::AsyncFn => "async-fn",
            LessonId::Gather => "gather",
            LessonId::ApiRequests => "api-requests",
            LessonId::ContextManager => "context-manager",
            LessonId::AsyncMethods => "async-methods",
            LessonId::CpuBound => "cpu-bound",
            LessonId::Race => "race",
            LessonId::Timeout => "timeout",
            LessonId::Errors => "errors",
        }
    }

    /// The one place a lesson id is read from text: the `?lesson=` parameter.
    pub fn parse(id: &str) -> Option<LessonId> {
        LessonId::ALL.into_iter().find(|l| l.as_str() == id)
    }

    /// Whether the lesson's sequential run stops at the first error (`?` in a loop); the others
    /// run every task whatever the one before did.
    pub fn sequence_stops_at_error(self) -> bool {
        matches!(self, LessonId::Errors)
    }

    /// The mode of the lesson's concurrent run with its controls as they start (no `loop=` or
    /// `on_error=`): what Run concurrently runs on a fresh page.
    pub fn default_concurrent_mode(self) -> Mode {
        match self {
            LessonId::CpuBound => Mode::Blocking,
            LessonId::Race => Mode::Race,
            LessonId::Timeout => Mode::Deadline,
            LessonId::Errors => Mode::FailFast,
            LessonId::SequentialVsConcurrent
            | LessonId::AsyncFn
            | LessonId::Gather
            | LessonId::ApiRequests
            | LessonId::ContextManager
            | LessonId::AsyncMethods => Mode::Concurrent,
        }
    }

    /// The lesson's texts and defaults.
    pub fn lesson(self) -> &'static Lesson {
        // LESSONS is in the order of ALL (a test checks it).
        &LESSONS[self as usize]
    }
}

impl Default for LessonId {
    fn default() -> LessonId {
        LessonId::ALL[0]
    }
}

impl Serialize for LessonId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Where a listing comes from: the code panel says "from the tutorial" only for the tutorial's code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provenance {
    Tutorial,
    WrittenForThisLab,
}

impl Provenance {
    pub fn label(self) -> &'static str {
        match self {
            Provenance::Tutorial => "From the tutorial, with its indentation restored.",
            Provenance::WrittenForThisLab => "Written for this lab: the tutorial has no code for this lesson.",
        }
    }
}

/// A lesson of the tutorial, with the defaults a reader of the tutorial expects.
#[derive(Debug)]
pub struct Lesson {
    pub id: LessonId,
    pub title: &'static str,
    /// What the learner should watch for, before running.
    pub intro: &'static str,
    /// The Python listing; the tutorial's, indentation restored, where [`Lesson::python_from`] says so.
    pub python: &'static str,
    /// Where the Python listing comes from, said on its tab.
    pub python_from: Provenance,
    /// What the learner must know before running the Python as shown (it breaks as written).
    pub python_note: Option<&'static str>,
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
        id: LessonId::SequentialVsConcurrent,
        title: "Sequential vs concurrent",
        intro: "Two tasks each wait 2 seconds. Awaited one after another they take about 4 s; started together and gathered \
                with join_all they take about 2 s. They run concurrently on one thread, not in parallel: while one task \
                waits on its timer, the browser's event loop is free to run the other. A sequential await is not blocking \
                either: the page stays responsive, the second task simply does not start until the first has finished.",
        python: include_str!("lessons/sequential_vs_concurrent.py"),
        python_from: Provenance::Tutorial,
        python_note: None,
        javascript: include_str!("lessons/sequential_vs_concurrent.js"),
        defaults: || vec![TaskSpec::timer("Data 1", 2000), TaskSpec::timer("Data 2", 2000)],
    },
    Lesson {
        id: LessonId::AsyncFn,
        title: "An async fn returns a lazy future",
        intro: "Calling an async fn runs none of its body: it returns a future, a value that does nothing until it is \
                polled. Press Create future, wait as long as you like, then Await it: the timer starts only at the first \
                poll. A JavaScript promise created at the same moment starts at once, so it settles on its own schedule.",
        python: include_str!("lessons/async_fn.py"),
        python_from: Provenance::Tutorial,
        python_note: None,
        javascript: include_str!("lessons/async_fn.js"),
        defaults: || vec![TaskSpec::timer("greet(\"Alice\")", 1000)],
    },
    Lesson {
        id: LessonId::Gather,
        title: "Gather: results in order, completion out of order",
        intro: "Three tasks wait 2 s, 1 s and 3 s. Gathered together they finish in about 3 s, in the order 2, 1, 3, \
                yet join_all hands back their results in the order they were submitted: 1, 2, 3.",
        python: include_str!("lessons/gather.py"),
        python_from: Provenance::Tutorial,
        python_note: None,
        javascript: include_str!("lessons/gather.js"),
        defaults: || vec![TaskSpec::timer("Task 1", 2000), TaskSpec::timer("Task 2", 1000), TaskSpec::timer("Task 3", 3000)],
    },
    Lesson {
        id: LessonId::ApiRequests,
        title: "Concurrent API requests",
        intro: "One shared client, the counterpart of aiohttp's ClientSession, sends every request; join_all waits for \
                them together. Each lane is a real fetch with its HTTP status, size and timing; the endpoints answer \
                after the delay in their URL.",
        python: include_str!("lessons/api_requests.py"),
        python_from: Provenance::Tutorial,
        python_note: None,
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
        id: LessonId::ContextManager,
        title: "Cleanup that always runs",
        intro: "A connection opens, the tasks use it, and it closes: after success, after a task fails, and after Cancel. \
                Python's async with awaits its cleanup; Rust has no async Drop, so the guard's Drop closes the connection \
                synchronously and spawns any cleanup that must wait. Switch a task's fails box on, or press Cancel mid-run, \
                and watch the close event on the timeline.",
        python: include_str!("lessons/context_manager.py"),
        python_from: Provenance::Tutorial,
        python_note: Some(
            "As written, this ends in AttributeError: 'dict' object has no attribute 'close': connect_to_database returns a \
             plain dict, and the finally block awaits connection.close(). Corrected, it returns a dict that can close: \
             class Connection(dict): async def close(self): pass — then return Connection(status=\"connected\").",
        ),
        javascript: include_str!("lessons/context_manager.js"),
        defaults: || vec![TaskSpec::timer("query users", 400), TaskSpec::timer("query posts", 600)],
    },
    Lesson {
        id: LessonId::AsyncMethods,
        title: "A struct with async methods",
        intro: "DataFetcher keeps its base URL; its async fetch method requests one endpoint and fetch_multiple gathers \
                several. Methods borrow self across their awaits, so all three requests share one fetcher.",
        python: include_str!("lessons/async_methods.py"),
        python_from: Provenance::Tutorial,
        python_note: None,
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
        id: LessonId::CpuBound,
        title: "CPU-bound work blocks the event loop",
        intro: "Async helps with waiting, not with work. A busy loop holds the one thread that runs timers, futures and \
                rendering: timers fire late and frames drop. Choose Block to see it, or Yield to cut the same work into \
                4 ms slices with a MessageChannel message between them, so due timers and frames get their turn. \
                Concurrency saves nothing on the work itself: it takes as long either way.",
        python: include_str!("lessons/cpu_bound.py"),
        python_from: Provenance::WrittenForThisLab,
        python_note: None,
        javascript: include_str!("lessons/cpu_bound.js"),
        // Timers first: join_all polls in order, so they are armed before the loop takes the thread.
        defaults: || vec![TaskSpec::timer("Timer 1", 100), TaskSpec::timer("Timer 2", 300), TaskSpec::cpu("Busy loop", 1000)],
    },
    Lesson {
        id: LessonId::Race,
        title: "Race: the first answer wins",
        intro: "Three mirrors answer after 1.2 s, 0.4 s and 0.8 s. Run concurrently races them with select_all: the first \
                answer wins, and the losers' futures are dropped, which aborts their requests there and then. Python's \
                asyncio.wait leaves the losers running until you cancel them; a JavaScript promise cannot be cancelled, so \
                the JS lanes (the same race as real promises, run beside the Rust one) keep their requests on the wire until \
                they answer nobody.",
        python: include_str!("lessons/race.py"),
        python_from: Provenance::WrittenForThisLab,
        python_note: None,
        javascript: include_str!("lessons/race.js"),
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
        title: "Timeout: a deadline on a slow request",
        intro: "A report takes 3 s to answer and the deadline is 1 s. In Rust a timeout is a race against a sleep: when \
                the deadline wins, the request's future is dropped and its fetch aborted, so its lane ends at the deadline. \
                Python's asyncio.timeout cancels the waiting task the same way; in JavaScript only the AbortSignal handed to \
                fetch stops the request. Run sequentially awaits it with no deadline.",
        python: include_str!("lessons/timeout.py"),
        python_from: Provenance::WrittenForThisLab,
        python_note: None,
        javascript: include_str!("lessons/timeout.js"),
        defaults: || vec![TaskSpec::fetch("slow report", 3000, "api/delay/3000/report")],
    },
    Lesson {
        id: LessonId::Errors,
        title: "Errors: fail fast or settle",
        intro: "One task fails after 0.3 s while two slower ones run. Fail fast: try_join_all returns the error at once \
                and drops the others, clearing their timers; Python's gather and JavaScript's Promise.all also return the \
                first error at once, but leave the other tasks running to their end. Settle: join_all, \
                gather(return_exceptions=True) and Promise.allSettled wait for every task and hand back each result. Run \
                sequentially stops at the first error, like ? in a loop.",
        python: include_str!("lessons/errors.py"),
        python_from: Provenance::WrittenForThisLab,
        python_note: None,
        javascript: include_str!("lessons/errors.js"),
        defaults: || {
            vec![TaskSpec::timer("load user", 1000), TaskSpec { fails: true, ..TaskSpec::timer("load avatar", 300) }, TaskSpec::timer("load posts", 1500)]
        },
    },
];

/// "a, b, c": the valid ids, for messages.
pub fn ids() -> String {
    LessonId::ALL.map(LessonId::as_str).join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_mirror_the_tutorial() {
        let lesson = LessonId::default().lesson();
        assert_eq!(lesson.id, LessonId::SequentialVsConcurrent);
        assert_eq!(lesson.default_tasks(), [TaskSpec::timer("Data 1", 2000), TaskSpec::timer("Data 2", 2000)]);
        assert!(lesson.python.contains("    await asyncio.sleep(delay)  # Non-blocking"));
        let gather = LessonId::Gather.lesson().default_tasks();
        assert_eq!(gather.iter().map(|t| t.delay_ms).collect::<Vec<_>>(), [2000, 1000, 3000]);
        assert!(LessonId::AsyncFn.lesson().default_tasks()[0].label.contains("Alice"));
        assert_eq!(LessonId::parse("nope"), None);
    }

    #[test]
    fn ids_are_the_products_and_round_trip() {
        let ids: Vec<&str> = LessonId::ALL.iter().map(|l| l.as_str()).collect();
        assert_eq!(
            ids,
            ["sequential-vs-concurrent", "async-fn", "gather", "api-requests", "context-manager", "async-methods", "cpu-bound", "race", "timeout", "errors"]
        );
        for id in LessonId::ALL {
            assert_eq!(LessonId::parse(id.as_str()), Some(id));
            assert_eq!(id.lesson().id, id, "LESSONS must follow LessonId::ALL");
            assert_eq!(serde_json::to_value(id).unwrap(), id.as_str());
        }
        assert_eq!(LESSONS.len(), LessonId::ALL.len());
    }

    #[test]
    fn every_lesson_has_its_listings() {
        for id in LessonId::ALL {
            let lesson = id.lesson();
            // Every Python listing has its indentation restored.
            assert!(lesson.python.lines().any(|l| l.starts_with("    ")), "{id:?}");
            assert!(lesson.python.contains("async def"), "{id:?}: Python listing");
            assert!(["async", "await", "Promise"].iter().any(|w| lesson.javascript.contains(w)), "{id:?}: JavaScript listing");
            assert!(!lesson.title.is_empty() && !lesson.intro.is_empty(), "{id:?}");
        }
    }

    #[test]
    fn only_the_tutorials_code_is_called_the_tutorials() {
        for id in LessonId::ALL {
            let lesson = id.lesson();
            // The tutorial's listings name the tutorial's file in their first line.
            let tutorial_file = lesson.python.lines().next().is_some_and(|l| l.starts_with("# ") && l.ends_with(".py"));
            assert_eq!(lesson.python_from == Provenance::Tutorial, tutorial_file, "{id:?}");
        }
        assert_eq!(LessonId::CpuBound.lesson().python_from, Provenance::WrittenForThisLab);
        assert!(LessonId::ContextManager.lesson().python_note.is_some_and(|n| n.contains("AttributeError: 'dict' object has no attribute 'close'")));
    }

    #[test]
    fn defaults_are_valid() {
        for id in LessonId::ALL {
            for spec in id.lesson().default_tasks() {
                assert!(crate::task::TaskDraft::from(&spec).validate().is_ok(), "{id:?}: {spec:?}");
            }
        }
    }
}
