//! Async Lab's pure core: lessons, task specs, the run model, statistics, URL state and the `RunReport`.
//!
//! Nothing here touches the browser, so every rule of the product (limits, messages,
//! statistics, the public contract) is tested natively with `cargo test`.

/// What one click may start: the cap on busy CPU work, and what autorun starts without one.
pub mod budget;
/// A run's trace as Chrome Trace Event JSON, for Perfetto and Chrome DevTools.
pub mod chrome_trace;
/// The files a finished run can be saved as: its trace and its report.
pub mod download;
/// The iframe snippet a docs author pastes, and the report a parent page may see.
pub mod embed;
/// One-line takeaways computed from a finished run, in each lesson's terms.
pub mod explain;
/// The editor's fields: parsing and checking input, with messages naming field, limit and value.
pub mod field;
/// Times and figures as text: integer-based, never finer than the clock.
pub mod format;
/// The code panel's small syntax highlighter.
pub mod highlight;
/// JSON text written by hand: the report, the parent's messages, the trace export.
pub mod json;
/// `LessonId` and each lesson's texts, listings and default tasks.
pub mod lesson;
/// A link's look: the `font=` family list and the `accent=` colour, checked, and the accent's text.
pub mod look;
/// What a lesson's program marks on the timeline, as typed values.
pub mod milestone;
/// `Mode` (how a run ran: in sequence, or a variant at once) and `Column` (where it is shown);
/// the registry of variants.
pub mod mode;
/// How the Rust's printed output differs from the listings', line by line.
pub mod outputs;
/// The public URL parameters as a closed set (`Param`), the table the decoder and `embed.js` share.
pub mod param;
/// Percent-encoding of URL parts, decoded into UTF-8 text with a reason when it is broken.
pub mod percent;
/// `RunPlan` (what a run is to run, with the learner's `Options`) and the lanes it runs for the
/// typed tasks: those its variant adds beside them, and back.
pub mod plan;
/// Each lesson's title and expected timeline, as the table `embed.js` draws its posters from.
pub mod poster;
/// Predict, then run: the learner's guess and the sentence that compares it with the run.
pub mod predict;
/// URL state: the public query parameters, decoded with a notice per bad part.
pub mod query;
/// Replay: a recorded run as it stood at any moment, and the moments to step between.
pub mod replay;
/// The `RunReport`: the public JSON of a finished run.
pub mod report;
/// How a task ends: `TaskStatus`, `Source`, `TaskResult`.
pub mod result;
/// retry's flaky endpoint, backoff with jitter, and each attempt on a lane.
pub mod retry;
/// The run model: runtime events folded into a `Run`.
pub mod run;
/// Pieces of the sentences the lessons' takeaways share.
pub mod said;
/// The scale control's geometry and summary.
pub mod scale;
/// A recorded run as the payload of a link to a moment, decoded without parsing a float.
pub mod share;
/// Wall-clock, sum, ideal, savings, speed-up, expected, histogram.
pub mod stats;
/// The code in step with a run: the listing's lines at which its running tasks wait.
pub mod step;
/// Task specs, the editor's drafts, and their validation against the limits.
pub mod task;
/// The poll-level trace: every poll and wake, measured; each lane's polls, causes and waits.
pub mod trace;
/// What a task's work yields: the decisions behind each `TaskResult` (source, detail, fails switch).
pub mod work;

pub use lesson::{Lesson, LessonId};
pub use milestone::Milestone;
pub use mode::{Column, Mode, OnError, Variant};
pub use plan::{Options, RunPlan};
pub use report::RunReport;
pub use result::{Reach, Source, TaskResult, TaskStatus};
pub use run::{Outcome, Run, RunEvent};
pub use task::{BusyLoop, FieldError, TaskDraft, TaskKind, TaskSpec};
