//! How the printed output of the lab's Rust differs from the Python and JavaScript listings', line
//! by line: one table, shown on screen under the code and read by the CI check that runs the
//! listings, so every difference a learner sees is one the check allows, and no other.

use crate::lesson::LessonId;

/// One kind of line: what the lab prints (its Rust, or race's JS lanes), and what each listing
/// prints instead (`None`: it prints no such line). A trailing `…` stands for the rest of the line,
/// whatever it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Difference {
    pub rust: Option<&'static str>,
    pub python: Option<&'static str>,
    pub javascript: Option<&'static str>,
    /// Why they differ, in a few words.
    pub why: &'static str,
}

const LIST: &str = "Rust's {:?} quotes with \", Python's repr with ', Node's console.log spaces its brackets";

/// The differences of one lesson's outputs, for its default tasks.
pub fn differences(lesson: LessonId) -> &'static [Difference] {
    match lesson {
        LessonId::SequentialVsConcurrent => &[
            Difference {
                rust: Some("Results: [\"Data 1\", \"Data 2\"]"),
                python: Some("Results: ['Data 1', 'Data 2']"),
                javascript: Some("Results: [ 'Data 1', 'Data 2' ]"),
                why: LIST,
            },
            Difference {
                rust: Some("Results: …"),
                python: None,
                javascript: Some("Results: [ 'Data 1', 'Data 2' ]"),
                why: "the tutorial's blocking sync example prints no results",
            },
        ],
        LessonId::AsyncFn => &[Difference {
            rust: Some("greet(\"Alice\") polled for the first time: its timer starts now"),
            python: None,
            javascript: None,
            why: "the lab marks the future's first poll; a listing cannot see it",
        }],
        LessonId::Gather => &[Difference {
            rust: Some("All tasks completed: [\"Result from Task 1\", \"Result from Task 2\", \"Result from Task 3\"]"),
            python: Some("All tasks completed: ['Result from Task 1', 'Result from Task 2', 'Result from Task 3']"),
            javascript: Some("All tasks completed: [ 'Result from Task 1', 'Result from Task 2', 'Result from Task 3' ]"),
            why: LIST,
        }],
        LessonId::ApiRequests => &[Difference { rust: Some("GET …"), python: None, javascript: None, why: "the lab logs each request as it completes" }],
        LessonId::ContextManager => &[Difference {
            rust: Some("Using database: {\"status\": \"connected\"}"),
            python: Some("Using database: {'status': 'connected'}"),
            javascript: Some("Using database: { status: 'connected' }"),
            why: "each language prints a dictionary its own way",
        }],
        LessonId::AsyncMethods => &[
            Difference {
                rust: Some("[\"Data from api/delay/1000/users\", \"Data from api/delay/1000/posts\", \"Data from api/delay/1000/comments\"]"),
                python: Some("['Data from api/delay/1000/users', 'Data from api/delay/1000/posts', 'Data from api/delay/1000/comments']"),
                javascript: Some("[\"Data from api/delay/1000/users\",\"Data from api/delay/1000/posts\",\"Data from api/delay/1000/comments\"]"),
                why: "list formatting (the JavaScript prints JSON); in CI the Python's base URL is the lab's",
            },
            Difference { rust: Some("GET …"), python: None, javascript: None, why: "the lab logs each request it builds from base_url" },
        ],
        LessonId::CpuBound | LessonId::Timeout | LessonId::Limit | LessonId::AsCompleted | LessonId::Retry => &[],
        LessonId::Race => &[
            Difference {
                rust: Some("Cancelled 2 other requests"),
                python: Some("Cancelled 2 other requests"),
                javascript: Some("2 other requests still running"),
                why: "a promise cannot be cancelled: Promise.race leaves the losers running",
            },
            Difference {
                rust: Some("Late answer: …"),
                python: None,
                javascript: Some("Late answer: …"),
                why: "the lab's JS lanes run the same race as promises, and say when a loser answers; Rust and Python stopped theirs",
            },
        ],
        LessonId::Errors => &[Difference {
            rust: None,
            python: Some("Finished …"),
            javascript: Some("Finished …"),
            why: "after the first error, gather and Promise.all leave the other tasks running to their end; try_join_all dropped them",
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lesson_has_its_table_and_wildcards_end_a_line() {
        for id in LessonId::ALL {
            for d in differences(id) {
                assert!(d.rust.is_some_and(|r| !r.is_empty()) || d.python.is_some() || d.javascript.is_some(), "{id:?}");
                assert!(!d.why.is_empty(), "{id:?}");
                for text in [d.rust, d.python, d.javascript].into_iter().flatten() {
                    assert!(!text.contains('…') || text.ends_with('…'), "{id:?}: {text}");
                }
            }
        }
    }
}
