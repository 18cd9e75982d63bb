//! The lessons: the registry that lists each once, and what every lesson is (`Lesson`); each
//! lesson's own facts live in its module here, `<id>.rs`.

mod kinds;
mod records;

use crate::mode::{Column, Mode, Variant};
use crate::outputs::Difference;
use crate::plan::{Options, RunPlan};
use crate::task::TaskSpec;
pub use kinds::{AfterRunBoth, Controls, Sequence, Takeaway, TaskTime};
pub use records::{Most, Records};
use serde::Serialize;

/// Lists every lesson once and makes `LessonId`, its teaching order and each id's lesson from
/// the list, so that a lesson is its module and one line.
macro_rules! registry {
    ($($variant:ident = $place:literal in $module:ident,)*) => {
        $(mod $module;)*

        /// Which lesson: a closed set, matched exhaustively wherever code depends on the lesson, so
        /// a new lesson makes the compiler name every place that needs it. Its value is its place in
        /// links to a moment; its string ([`Lesson::slug`]) the public `?lesson=` id.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum LessonId {
            $($variant = $place,)*
        }

        impl LessonId {
            /// Every lesson in teaching order, the path the lesson chooser numbers and each
            /// takeaway's "Next" follows.
            pub const PATH: [LessonId; [$($place),*].len()] = [$(LessonId::$variant,)*];

            /// The lesson's facts, from its module.
            pub fn lesson(self) -> &'static Lesson {
                match self {
                    $(LessonId::$variant => &$module::LESSON,)*
                }
            }
        }
    };
}

// The registry, in teaching order: what concurrency saves, what a future is, gathering and
// handling results, real requests and their structure, cleanup, then failure (errors, a race, a
// deadline, retries), load (a limit), and last what async cannot help with (CPU-bound work). The
// number is the lesson's place in links to a moment: a new lesson takes the next one, and none is
// ever reused (an old link names its lesson by it).
registry! {
    SequentialVsConcurrent = 0 in sequential_vs_concurrent,
    AsyncFn = 1 in async_fn,
    Gather = 2 in gather,
    AsCompleted = 11 in as_completed,
    ApiRequests = 3 in api_requests,
    AsyncMethods = 5 in async_methods,
    ContextManager = 4 in context_manager,
    Errors = 9 in errors,
    Race = 7 in race,
    Timeout = 8 in timeout,
    Retry = 12 in retry,
    Limit = 10 in limit,
    CpuBound = 6 in cpu_bound,
}

impl LessonId {
    /// Every lesson by its place in links to a moment (the registry's numbers); the first is
    /// the default.
    pub const ALL: [LessonId; LessonId::PATH.len()] = {
        let mut all = LessonId::PATH;
        let mut i = 0;
        while i < all.len() {
            all[LessonId::PATH[i] as usize] = LessonId::PATH[i];
            i += 1;
        }
        all
    };

    /// The lesson's number on the path, from 1.
    pub fn step(self) -> usize {
        LessonId::PATH.iter().position(|&l| l == self).map_or(0, |i| i + 1)
    }

    /// The link to the lesson from the page it is on: `?lesson=gather`.
    pub fn href(self) -> String {
        ["?lesson=", self.as_str()].concat()
    }

    /// The lesson after this one on the path; none after the last.
    pub fn next(self) -> Option<LessonId> {
        LessonId::PATH.get(self.step()).copied()
    }

    /// The link to the next lesson that ends a takeaway, as markup of fixed words (ids and titles
    /// hold no markup characters: a test checks): `<a class="next-lesson" href="?lesson=async-fn">Next:
    /// 2. An async fn returns a lazy future →</a>`; empty after the last lesson.
    pub fn next_link(self) -> String {
        self.next().map_or_else(String::new, |next| {
            ["<a class=\"next-lesson\" href=\"", &next.href(), "\">Next: ", &next.step().to_string(), ". ", next.lesson().title, " →</a>"].concat()
        })
    }

    /// The id in URLs and reports (public contract: never change one).
    pub fn as_str(self) -> &'static str {
        self.lesson().slug
    }

    /// The one place a lesson id is read from text: the `?lesson=` parameter.
    pub fn parse(id: &str) -> Option<LessonId> {
        LessonId::ALL.into_iter().find(|l| l.as_str() == id)
    }

    /// Whether the lesson's sequential run stops at the first error (`?` in a loop); the others
    /// run every task whatever the one before did.
    pub fn sequence_stops_at_error(self) -> bool {
        self.lesson().sequence == Sequence::StopsAtFirstError
    }

    /// The variant of the lesson's concurrent run with the learner's options: cpu-bound's busy
    /// loop, errors' fail fast or settle; the other lessons have one concurrent variant each.
    pub fn variant(self, options: &Options) -> Variant {
        let variants = self.lesson().variants;
        variants.iter().copied().find(|v| v.choice().is_in(options)).unwrap_or(variants[0])
    }

    /// What a run of the lesson in `column` runs with `options`.
    pub fn plan(self, column: Column, options: Options) -> RunPlan {
        RunPlan { column, variant: self.variant(&options), options }
    }

    /// A plan that runs `mode` on the lesson's page with `options`, the choice its variant stands
    /// for made (cpu-bound's busy loop, errors' fail fast or settle).
    pub fn plan_of(self, mode: Mode, options: Options) -> RunPlan {
        match mode {
            Mode::Sequential => self.plan(Column::Sequential, options),
            Mode::Concurrent(variant) => RunPlan { column: Column::Concurrent, variant, options: options.with(variant.choice()) },
        }
    }

    /// Whether the lab runs `mode` on the lesson's page: its sequential run, its concurrent run
    /// under any choice, and async-fn's Create the future.
    pub fn runs_mode(self, mode: Mode) -> bool {
        match mode {
            Mode::Sequential => true,
            Mode::Concurrent(variant) => self.lesson().variants.contains(&variant),
        }
    }

    /// The variant of the lesson's concurrent run on a fresh page (no `loop=` or `on_error=`).
    pub fn default_variant(self) -> Variant {
        self.variant(&Options::default())
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
    /// Its id in URLs and reports: `?lesson=gather`.
    pub slug: &'static str,
    /// Its name in the lesson chooser, a word or two.
    pub short: &'static str,
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
    /// Every variant a run of it has beside its sequential run: its concurrent run's under each
    /// choice, then any other run it offers (async-fn's Create the future). Its concurrent run is
    /// the first whose choice is the learner's ([`LessonId::variant`]).
    variants: &'static [Variant],
    sequence: Sequence,
    /// Its own controls beside the run buttons.
    pub controls: Controls,
    /// What it says of a finished run, beyond the sentences every lesson shares.
    pub takeaway: Takeaway,
    /// What follows Run both: the saving, or its own takeaway.
    pub after_run_both: AfterRunBoth,
    /// How its printed output differs between the lab's Rust and the Python and JavaScript
    /// listings, line by line, for its default tasks: shown under the code, and the only
    /// differences the CI check of the listings allows.
    pub outputs: &'static [Difference],
    /// How long a task of it takes, for the expected figures and the poster.
    pub task_time: TaskTime,
    /// The most a run of it records, counted from its program (`src/lessons/<id>.rs`).
    records: Records,
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

/// `tests/e2e/lessons.ts`: the lesson ids the end-to-end specs walk, from the registry.
pub fn e2e_ids() -> String {
    let list = |ids: [LessonId; LessonId::PATH.len()]| ids.map(|id| ["\"", id.as_str(), "\""].concat()).join(", ");
    [
        "// Generated from core's lesson registry (core/src/lesson/mod.rs) by `make posters`; `make test`\n",
        "// fails while it is out of date.\n\n",
        "/** Every lesson, by its place in links to a moment. */\n",
        &format!("export const LESSONS = [{}];\n\n", list(LessonId::ALL)),
        "/** The lessons in teaching order, as the chooser numbers them. */\n",
        &format!("export const PATH = [{}];\n", list(LessonId::PATH)),
    ]
    .concat()
}

/// "a, b, c": the valid ids, for messages.
pub fn ids() -> String {
    LessonId::ALL.map(LessonId::as_str).join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mode::{Choice, OnError};
    use crate::task::BusyLoop;

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
            [
                "sequential-vs-concurrent",
                "async-fn",
                "gather",
                "api-requests",
                "context-manager",
                "async-methods",
                "cpu-bound",
                "race",
                "timeout",
                "errors",
                "limit",
                "as-completed",
                "retry"
            ]
        );
        for id in LessonId::ALL {
            assert_eq!(LessonId::parse(id.as_str()), Some(id));
            assert_eq!(id.lesson().id, id, "each module's lesson is its own");
            assert_eq!(serde_json::to_value(id).unwrap(), id.as_str());
        }
        // Each place once, from 0: a link to a moment names its lesson by it.
        for (place, id) in LessonId::ALL.into_iter().enumerate() {
            assert_eq!(id as usize, place);
        }
    }

    #[test]
    fn the_path_visits_every_lesson_once_from_the_default() {
        // As long as ALL and holding each of its lessons: each once.
        assert_eq!(LessonId::PATH.len(), LessonId::ALL.len());
        assert!(LessonId::ALL.iter().all(|id| LessonId::PATH.contains(id)));
        assert_eq!(LessonId::PATH[0], LessonId::default());
        assert_eq!((LessonId::default().step(), LessonId::default().next()), (1, Some(LessonId::AsyncFn)));
        assert_eq!(LessonId::Gather.next(), Some(LessonId::AsCompleted));
        assert_eq!(LessonId::Gather.href(), "?lesson=gather");
        assert_eq!(LessonId::default().next_link(), "<a class=\"next-lesson\" href=\"?lesson=async-fn\">Next: 2. An async fn returns a lazy future →</a>");
        assert_eq!(LessonId::PATH[12].next_link(), "");
        for id in LessonId::ALL {
            assert!(!id.lesson().title.contains(['<', '>', '&', '"']), "{id:?}: its title goes into markup as it is");
        }
        let last = LessonId::PATH[LessonId::PATH.len() - 1];
        assert_eq!((last.step(), last.next()), (13, None));
        for (i, id) in LessonId::PATH.into_iter().enumerate() {
            assert_eq!(id.step(), i + 1);
            assert!(!id.lesson().short.is_empty() && id.lesson().short.len() <= 24, "{id:?}: a word or two");
        }
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
    fn a_lessons_modes_hold_both_its_runs_under_every_choice() {
        for id in LessonId::ALL {
            assert!(id.runs_mode(Mode::Sequential), "{id:?}");
            for busy_loop in BusyLoop::ALL {
                for on_error in OnError::ALL {
                    let options = Options { busy_loop, on_error, ..Options::default() };
                    let variant = id.variant(&options);
                    assert!(id.runs_mode(Mode::Concurrent(variant)), "{id:?}");
                    // The choice a variant stands for is the one made, and picks it back: what a
                    // link's runs say of the learner's choices (`share::typed`) and Run it live use.
                    assert_eq!(id.variant(&Options::default().with(variant.choice())), variant, "{id:?}");
                    match variant.choice() {
                        Choice::Nothing => {}
                        Choice::Loop(chosen) => assert_eq!(chosen, busy_loop, "{id:?}"),
                        Choice::OnError(chosen) => assert_eq!(chosen, on_error, "{id:?}"),
                    }
                }
            }
        }
        assert!(LessonId::AsyncFn.runs_mode(Mode::Concurrent(Variant::Lazy)));
        assert!(!LessonId::Gather.runs_mode(Mode::Concurrent(Variant::Race)));
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
