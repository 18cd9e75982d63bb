//! A recorded run as the payload of a link to a moment (`#run=…`): a compact text the browser
//! compresses and the app decodes without parsing a float.
//!
//! The text is a list of fields, each ended by `,`: whole numbers, `-` for none, and strings as
//! `{byte length}:{bytes}`, so a label may hold any character. Times are whole clock ticks of
//! 1 µs ([`TICKS_PER_MS`]): a decoded time is an integer divided by 1000, never a parsed decimal.
//! Closed sets (lesson, mode, status, …) are their place in a table below. Decoding checks
//! every length and count against the limits of a run the lab can record, so a hostile link
//! cannot make it allocate without bound.

mod check;
#[cfg(test)]
mod check_tests;
#[cfg(test)]
mod golden_tests;
mod link;
mod read;
#[cfg(test)]
mod tests;
mod write;

use crate::mode::{Adds, Choice, Ends};
use crate::plan::Options;
use crate::result::{Source, TaskStatus};
use crate::run::{Outcome, Run};
use crate::task::{TaskKind, TaskSpec};
use crate::trace::{PollResult, WakeSource};
use crate::{plan, BusyLoop, LessonId, Mode, OnError};
pub use check::MAX_RUN_ID;
pub use link::{base64url, fragment, parse_fragment, unbase64url, Moment, MAX_LINK_CHARS};
use read::In;
use write::Out;

/// The payload's format: a link of another version is refused with a notice, never misread.
pub const SHARE_VERSION: u64 = 1;
/// Clock ticks per ms in the payload.
pub const TICKS_PER_MS: f64 = 1000.0;
/// The most a payload may hold once decompressed, in bytes; the browser stops inflating there.
pub const MAX_PAYLOAD_BYTES: usize = 512 * 1024;
/// The most runs a link carries: the two columns.
const MAX_RUNS: u64 = 2;
/// The most log lines, lesson events, trace events or spans one list may hold.
const MAX_LIST: u64 = 100_000;

// New lessons and modes go at the end: a place, once given, is what old links mean by it.
const LESSONS: [LessonId; 13] = LessonId::ALL;
const MODES: [Mode; Mode::ALL.len()] = Mode::ALL;
const KINDS: [TaskKind; 3] = TaskKind::ALL;
const STATUSES: [TaskStatus; 6] = [TaskStatus::Waiting, TaskStatus::Running, TaskStatus::Ok, TaskStatus::Error, TaskStatus::Cancelled, TaskStatus::Timeout];
const SOURCES: [Source; 5] = [Source::Timer, Source::Network, Source::ServiceWorker, Source::Simulated, Source::Cpu];
const OUTCOMES: [Outcome; 3] = [Outcome::Completed, Outcome::Failed, Outcome::Cancelled];
const POLL_RESULTS: [PollResult; 2] = [PollResult::Pending, PollResult::Ready];
const WAKE_SOURCES: [WakeSource; 4] = [WakeSource::Timer, WakeSource::Fetch, WakeSource::Yield, WakeSource::AwaitIt];

/// Why a payload was refused; each is shown to the learner as its own notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Made by another version of the lab.
    Version,
    /// Cut short, or not a payload at all.
    Malformed,
    /// Holds more than any run the lab records.
    TooLarge,
    /// Well formed, but not what the lab records: a task the editor would refuse, a mode the
    /// lesson has no button for, times out of order. What it is, for the notice.
    Refused(String),
}

impl ShareError {
    /// The notice a learner sees when a link to a moment is refused; the live lesson opens instead.
    pub fn notice(&self) -> String {
        let notice = match self {
            ShareError::Version => {
                "This link to a moment was made by another version of Async Lab, so its run cannot be replayed here; the lesson opened live instead."
            }
            ShareError::Malformed => "This link to a moment is damaged (cut short or edited), so its run cannot be replayed; the lesson opened live instead.",
            ShareError::TooLarge => "This link to a moment holds more than any run Async Lab records, so it was not opened; the lesson opened live instead.",
            ShareError::Refused(what) => {
                return format!("This link to a moment holds what Async Lab does not record ({what}), so it was not opened; the lesson opened live instead.")
            }
        };
        notice.to_owned()
    }
}

/// The runs as a payload (at most two: the columns shown).
pub fn encode(runs: &[&Run]) -> String {
    let mut out = Out(String::new());
    out.num(SHARE_VERSION);
    out.num(runs.len() as u64);
    for run in runs {
        out.run(run);
    }
    out.0
}

/// The payload of a link to `runs`, or `TooLarge` where it passes the cap a link is opened with:
/// polls and wakes grow with a run's work (a minute of yielding busy loops passes it), and a link
/// made here must open elsewhere.
pub fn link_payload(runs: &[&Run]) -> Result<String, ShareError> {
    let payload = encode(runs);
    if payload.len() > MAX_PAYLOAD_BYTES {
        return Err(ShareError::TooLarge);
    }
    Ok(payload)
}

/// The runs a payload holds, every field checked; the text is what the browser inflated.
pub fn decode(text: &str) -> Result<Vec<Run>, ShareError> {
    if text.len() > MAX_PAYLOAD_BYTES {
        return Err(ShareError::TooLarge);
    }
    let mut input = In(text.as_bytes());
    if input.num(u64::MAX)? != SHARE_VERSION {
        return Err(ShareError::Version);
    }
    let count = input.num(MAX_RUNS)?;
    let mut runs = Vec::new();
    for _ in 0..count {
        runs.push(input.run()?);
    }
    match input.0.is_empty() {
        true => Ok(runs),
        false => Err(ShareError::Malformed),
    }
}

/// The runs of a link opened on `lesson`'s page. Runs of another lesson, or none, or a run
/// without tasks: the link was edited, since the lab makes none of these; tasks the editor would
/// refuse or runs the lab could not have recorded get their own notice (`check`).
pub fn decode_for(lesson: LessonId, text: &str) -> Result<Vec<Run>, ShareError> {
    let runs = decode(text)?;
    check::replayable(lesson, &runs)?;
    Ok(runs)
}

/// What the learner set for the runs of a link: what **Run it live** runs again and the link's
/// query holds. A choice is `None` where no run shows it (a cpu-bound choice in a gather link).
#[derive(Clone, Debug, PartialEq)]
pub struct Typed {
    pub tasks: Vec<TaskSpec>,
    pub busy_loop: Option<BusyLoop>,
    pub deadline_ms: Option<u32>,
    pub on_error: Option<OnError>,
    pub limit: Option<usize>,
    pub fail_first: Option<u32>,
}

impl Typed {
    /// `options` with the choices the runs show in place of theirs.
    pub fn over(&self, options: Options) -> Options {
        Options {
            busy_loop: self.busy_loop.unwrap_or(options.busy_loop),
            deadline_ms: self.deadline_ms.unwrap_or(options.deadline_ms),
            on_error: self.on_error.unwrap_or(options.on_error),
            limit: self.limit.unwrap_or(options.limit),
            fail_first: self.fail_first.unwrap_or(options.fail_first),
            ..options
        }
    }
}

/// The tasks and choices `runs` were made with.
pub fn typed(runs: &[&Run]) -> Typed {
    // The choice a run's variant stands for (cpu-bound's busy loop, errors' on error).
    let chosen = runs.iter().map(|r| r.mode.choice()).find(|c| *c != Choice::Nothing).unwrap_or(Choice::Nothing);
    Typed {
        tasks: typed_tasks(runs),
        busy_loop: match chosen {
            Choice::Loop(busy_loop) => Some(busy_loop),
            Choice::Nothing | Choice::OnError(_) => None,
        },
        deadline_ms: runs.iter().filter(|r| r.mode.adds() == Adds::Deadlines).find_map(|r| r.tasks.last()).map(|t| t.spec.delay_ms),
        on_error: match chosen {
            Choice::OnError(on_error) => Some(on_error),
            Choice::Nothing | Choice::Loop(_) => None,
        },
        limit: runs.iter().find(|r| matches!(r.mode, Mode::Concurrent(v) if v.ends() == Ends::InWindow)).map(|r| r.in_flight_limit()),
        fail_first: runs.iter().find_map(|r| r.fail_first()),
    }
}

/// The tasks as the learner typed them, without the lanes a variant adds (`plan::lanes`). A run
/// with a promise added (async-fn's Create the future) keeps only the first typed task, so another
/// run's tasks are preferred.
fn typed_tasks(runs: &[&Run]) -> Vec<TaskSpec> {
    let Some(run) = runs.iter().find(|r| r.mode.adds() != Adds::Promise).or(runs.first()) else { return Vec::new() };
    let typed = plan::typed_count(run.mode, run.tasks.len()).max(1);
    run.tasks.iter().take(typed).map(|t| t.spec.clone()).collect()
}

fn ticks(ms: f64) -> u64 {
    // Times before the run's start or not finite are not recorded; 0 keeps the field whole.
    if ms.is_finite() && ms > 0.0 {
        (ms * TICKS_PER_MS).round() as u64
    } else {
        0
    }
}

fn place<T: PartialEq>(table: &[T], value: &T) -> u64 {
    table.iter().position(|x| x == value).unwrap_or(0) as u64
}
