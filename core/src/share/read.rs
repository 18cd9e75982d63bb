//! Reading a payload: each field checked against its limit, the first misfit an error.

use super::{ShareError, KINDS, LESSONS, MAX_LIST, MODES, OUTCOMES, POLL_RESULTS, SOURCES, STATUSES, TICKS_PER_MS, WAKE_SOURCES};
use crate::milestone::{Frames, Milestone};
use crate::result::TaskResult;
use crate::retry::{MAX_ATTEMPTS, MAX_FAIL_FIRST};
use crate::run::{LessonEvent, LogLine, Run, TaskRecord};
use crate::task::{TaskSpec, MAX_TASKS};
use crate::trace::{Lane, Trace, TraceEvent};

pub(super) struct In<'a>(pub(super) &'a [u8]);

impl In<'_> {
    /// A whole number up to `max`, then its `,`.
    pub(super) fn num(&mut self, max: u64) -> Result<u64, ShareError> {
        let digits = self.0.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || digits > 19 {
            return Err(ShareError::Malformed);
        }
        let n = self.0[..digits].iter().fold(0u64, |n, &d| n * 10 + u64::from(d - b'0'));
        self.0 = &self.0[digits..];
        self.comma()?;
        match n <= max {
            true => Ok(n),
            false => Err(ShareError::TooLarge),
        }
    }

    fn comma(&mut self) -> Result<(), ShareError> {
        match self.0.split_first() {
            Some((b',', rest)) => {
                self.0 = rest;
                Ok(())
            }
            _ => Err(ShareError::Malformed),
        }
    }

    fn opt(&mut self, max: u64) -> Result<Option<u64>, ShareError> {
        match self.0.first() {
            Some(b'-') => {
                self.0 = &self.0[1..];
                self.comma().map(|_| None)
            }
            _ => self.num(max).map(Some),
        }
    }

    fn flag(&mut self) -> Result<bool, ShareError> {
        self.num(1).map(|b| b == 1)
    }

    fn time(&mut self) -> Result<f64, ShareError> {
        self.num(u64::from(u32::MAX)).map(|t| t as f64 / TICKS_PER_MS)
    }

    fn opt_time(&mut self) -> Result<Option<f64>, ShareError> {
        Ok(self.opt(u64::from(u32::MAX))?.map(|t| t as f64 / TICKS_PER_MS))
    }

    fn text(&mut self) -> Result<String, ShareError> {
        let digits = self.0.iter().take_while(|b| b.is_ascii_digit()).count();
        let len = self.0[..digits.min(7)].iter().fold(0usize, |n, &d| n * 10 + usize::from(d - b'0'));
        if digits == 0 || digits > 6 || self.0.get(digits) != Some(&b':') || self.0.len() < digits + 1 + len {
            return Err(ShareError::Malformed);
        }
        let bytes = &self.0[digits + 1..digits + 1 + len];
        let text = std::str::from_utf8(bytes).map_err(|_| ShareError::Malformed)?.to_owned();
        self.0 = &self.0[digits + 1 + len..];
        self.comma()?;
        Ok(text)
    }

    fn pick<T: Copy>(&mut self, table: &[T]) -> Result<T, ShareError> {
        let n = self.num(table.len() as u64 - 1)?;
        Ok(table[n as usize])
    }

    pub(super) fn run(&mut self) -> Result<Run, ShareError> {
        let id = self.num(u64::from(u32::MAX))? as u32;
        let lesson = self.pick(&LESSONS)?;
        let mode = self.pick(&MODES)?;
        let wall_ms = self.opt_time()?;
        let outcome = self.opt(OUTCOMES.len() as u64 - 1)?.map(|n| OUTCOMES[n as usize]);
        let throttled = self.flag()?;
        let sequential_wall_ms = self.opt_time()?;
        let tasks = self.list(MAX_TASKS as u64, In::task)?;
        let count = tasks.len() as u64;
        let completion_order = self.list(count, |i| i.num(count.saturating_sub(1)).map(|i| i as usize))?;
        let log = self.list(MAX_LIST, |i| Ok(LogLine { t_ms: i.time()?, text: i.text()? }))?;
        let events = self.list(MAX_LIST, |i| Ok(LessonEvent { t_ms: i.time()?, milestone: i.milestone()? }))?;
        let trace = self.trace(id, count)?;
        Ok(Run { id, lesson, mode, tasks, log, events, completion_order, wall_ms, outcome, throttled, sequential_wall_ms, trace })
    }

    fn task(&mut self) -> Result<TaskRecord, ShareError> {
        let label = self.text()?;
        let kind = self.pick(&KINDS)?;
        let delay_ms = self.num(u64::from(u32::MAX))? as u32;
        let fails = self.flag()?;
        let url = self.text()?;
        let spec = TaskSpec { label, kind, delay_ms, fails, url };
        let start_ms = self.opt_time()?;
        let end_ms = self.opt_time()?;
        let line = self.opt(u64::from(u32::MAX))?.map(|l| l as u32);
        let mut result = TaskResult::waiting(kind);
        result.status = self.pick(&STATUSES)?;
        result.source = self.pick(&SOURCES)?;
        result.http_status = self.opt(u64::from(u16::MAX))?.map(|s| s as u16);
        result.bytes = self.opt(u64::MAX)?;
        result.capped = self.flag()?;
        result.added_ms = self.opt_time()?;
        result.detail = self.text()?;
        Ok(TaskRecord { spec, start_ms, end_ms, result, line })
    }

    fn milestone(&mut self) -> Result<Milestone, ShareError> {
        let (lane, attempt) = (|i: &mut Self| i.num(MAX_TASKS as u64 * 2), |i: &mut Self| Ok(i.num(u64::from(MAX_ATTEMPTS))? as u32));
        Ok(match self.num(11)? {
            0 => Milestone::Connecting { to: self.text()? },
            1 => Milestone::Connected,
            2 => Milestone::Closed,
            3 => Milestone::FutureCreated { future: self.text()? },
            4 => Milestone::FirstPoll { future: self.text()? },
            5 => Milestone::Frames(Frames { count: self.num(u64::from(u32::MAX))? as u32, longest_gap_ms: self.time()?, span_ms: self.time()? }),
            6 => Milestone::ClientSent { requests: self.num(MAX_TASKS as u64)? as usize },
            7 => Milestone::Returned { values: self.list(MAX_TASKS as u64, In::text)? },
            8 => Milestone::InFlightLimit { limit: self.num(MAX_TASKS as u64)? as usize },
            9 => Milestone::FailFirst { k: self.num(u64::from(MAX_FAIL_FIRST))? as u32 },
            10 => Milestone::AttemptSent { lane: lane(self)? as usize, task: self.text()?, attempt: attempt(self)? },
            // 11, the only other number `num(11)` lets through.
            _ => Milestone::RetryAfter {
                lane: lane(self)? as usize,
                task: self.text()?,
                attempt: attempt(self)?,
                status: self.opt(u64::from(u16::MAX))?.map(|s| s as u16),
                wait_ms: self.time()?,
            },
        })
    }

    fn trace(&mut self, run_id: u32, tasks: u64) -> Result<Trace, ShareError> {
        let mut trace = Trace::new(run_id);
        for _ in 0..self.num(MAX_LIST)? {
            let code = self.num(tasks * 2 + 1)?;
            let lane = match code / 2 {
                0 => Lane::Spawned,
                i => Lane::Task(i as usize - 1),
            };
            trace.events.push(match code % 2 {
                0 => TraceEvent::Poll { lane, start_ms: self.time()?, end_ms: self.time()?, result: self.pick(&POLL_RESULTS)? },
                _ => TraceEvent::Wake { lane, t_ms: self.time()?, by: self.pick(&WAKE_SOURCES)? },
            });
        }
        trace.drawing = self.spans()?;
        trace.long_frames = self.spans()?;
        trace.long_frames_observed = self.flag()?;
        Ok(trace)
    }

    fn spans(&mut self) -> Result<Vec<(f64, f64)>, ShareError> {
        self.list(MAX_LIST, |i| Ok((i.time()?, i.time()?)))
    }

    /// A count up to `max`, then that many items. A plain loop: collecting `Result`s costs the
    /// wasm an iterator adapter per item type.
    fn list<T>(&mut self, max: u64, mut item: impl FnMut(&mut Self) -> Result<T, ShareError>) -> Result<Vec<T>, ShareError> {
        let mut items = Vec::new();
        for _ in 0..self.num(max)? {
            items.push(item(self)?);
        }
        Ok(items)
    }
}
