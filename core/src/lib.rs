//! Async Lab's pure core: lessons, task specs, the run model, statistics, URL state and the `RunReport`.
//!
//! Nothing here touches the browser, so every rule of the product (limits, messages,
//! statistics, the public contract) is tested natively with `cargo test`.

pub mod embed;
pub mod explain;
pub mod format;
pub mod highlight;
pub mod lesson;
pub mod query;
pub mod report;
pub mod run;
pub mod scale;
pub mod stats;
pub mod task;

pub use lesson::Lesson;
pub use report::RunReport;
pub use run::{Mode, Outcome, Run, RunEvent, Source, TaskResult, TaskStatus};
pub use task::{FieldError, TaskDraft, TaskKind, TaskSpec};
