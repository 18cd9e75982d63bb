//! A recorded run as the payload of a link to a moment (`#run=…`): a compact text the browser
//! compresses and the app decodes without parsing a float.
//!
//! The text is a list of fields, each ended by `,`: whole numbers, `-` for none, and strings as
//! `{byte length}:{bytes}`, so a label may hold any character. Times are whole clock ticks of
//! 1 µs ([`TICKS_PER_MS`]): a decoded time is an integer divided by 1000, never a parsed decimal.
//! Closed sets (lesson, mode, status, …) are their place in a table below. Decoding checks
//! every length and count against the limits of a run the lab can record, so a hostile link
//! cannot make it allocate without bound.

mod read;
#[cfg(test)]
mod tests;
mod write;

use crate::result::{Source, TaskStatus};
use crate::run::{Outcome, Run};
use crate::task::TaskKind;
use crate::trace::{PollResult, WakeSource};
use crate::{LessonId, Mode};
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

const LESSONS: [LessonId; 7] = LessonId::ALL;
const MODES: [Mode; 5] = [Mode::Sequential, Mode::Concurrent, Mode::Lazy, Mode::Blocking, Mode::Yielding];
const KINDS: [TaskKind; 3] = TaskKind::ALL;
const STATUSES: [TaskStatus; 6] = [TaskStatus::Waiting, TaskStatus::Running, TaskStatus::Ok, TaskStatus::Error, TaskStatus::Cancelled, TaskStatus::Timeout];
const SOURCES: [Source; 5] = [Source::Timer, Source::Network, Source::ServiceWorker, Source::Simulated, Source::Cpu];
const OUTCOMES: [Outcome; 3] = [Outcome::Completed, Outcome::Failed, Outcome::Cancelled];
const POLL_RESULTS: [PollResult; 2] = [PollResult::Pending, PollResult::Ready];
const WAKE_SOURCES: [WakeSource; 4] = [WakeSource::Timer, WakeSource::Fetch, WakeSource::Yield, WakeSource::AwaitIt];

/// Why a payload was refused; each is shown to the learner as its own notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Made by another version of the lab.
    Version,
    /// Cut short, or not a payload at all.
    Malformed,
    /// Holds more than any run the lab records.
    TooLarge,
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
    let runs = (0..count).map(|_| input.run()).collect::<Result<Vec<Run>, ShareError>>()?;
    match input.0.is_empty() {
        true => Ok(runs),
        false => Err(ShareError::Malformed),
    }
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
