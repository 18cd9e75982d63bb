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
pub static LESSONS: &[Lesson] = &[Lesson {
    id: "sequential-vs-concurrent",
    title: "Sequential vs concurrent",
    intro: "Two tasks each wait 2 seconds. Awaited one after another they take about 4 s; started together and gathered \
            with join_all they take about 2 s. They run concurrently on one thread, not in parallel: while one task \
            waits on its timer, the browser's event loop is free to run the other. A sequential await is not blocking \
            either: the page stays responsive, the second task simply does not start until the first has finished.",
    python: include_str!("lessons/sequential_vs_concurrent.py"),
    javascript: include_str!("lessons/sequential_vs_concurrent.js"),
    defaults: || vec![TaskSpec::timer("Data 1", 2000), TaskSpec::timer("Data 2", 2000)],
}];

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
        assert_eq!(find("nope"), None);
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
