//! The lesson "Concurrent API requests": everything pure about it.

use crate::format::seconds;
use crate::mode::Variant;
use crate::result::TaskStatus;
use crate::run::Run;
use crate::task::TaskSpec;
use crate::outputs::Difference;
use super::{AfterRunBoth, Controls, Lesson, LessonId, Provenance, Records, Sequence, Takeaway, TaskTime};

pub(super) static LESSON: Lesson = Lesson {
    id: LessonId::ApiRequests,
    slug: "api-requests",
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
    variants: &[Variant::Gather],
    sequence: Sequence::EveryTask,
    controls: Controls::RunOnly,
    takeaway: Takeaway::OfConcurrent(fetched),
    after_run_both: AfterRunBoth::Saving,
    outputs: &[Difference { rust: Some("GET …"), python: None, javascript: None, why: "the lab logs each request as it completes" }],
    task_time: TaskTime::AsTyped,
    // "GET …" for each; "Fetched …" and ClientSent.
    records: Records { per_lane: 1, own: 1, events: 1, events_per_lane: 0 },
};

/// How many URLs one client fetched, in what time against the sum.
fn fetched(run: &Run, res: f64) -> Option<String> {
    let totals = run.totals()?;
    let ok = run.tasks.iter().filter(|t| t.status() == TaskStatus::Ok).count();
    Some(format!(
        "Fetched {ok} of {} URLs in {} with one client; one after another they would have taken about {}.",
        run.tasks.len(),
        seconds(totals.wall_ms, res),
        seconds(totals.sum_ms, res)
    ))
}
