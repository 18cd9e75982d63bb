//! How the printed output of the lab's Rust differs from the Python and JavaScript listings', line
//! by line: one table per lesson, in its module (`Lesson::outputs`), shown on screen under the
//! code and read by the CI check that runs the listings, so every difference a learner sees is
//! one the check allows, and no other.

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

/// Why a printed list differs between the three languages.
pub const LIST: &str = "Rust's {:?} quotes with \", Python's repr with ', Node's console.log spaces its brackets";

#[cfg(test)]
mod tests {
    use crate::LessonId;

    #[test]
    fn every_lesson_has_its_table_and_wildcards_end_a_line() {
        for id in LessonId::ALL {
            for d in id.lesson().outputs {
                assert!(d.rust.is_some_and(|r| !r.is_empty()) || d.python.is_some() || d.javascript.is_some(), "{id:?}");
                assert!(!d.why.is_empty(), "{id:?}");
                for text in [d.rust, d.python, d.javascript].into_iter().flatten() {
                    assert!(!text.contains('…') || text.ends_with('…'), "{id:?}: {text}");
                }
            }
        }
    }
}
