//! Statistics of a run: wall-clock, sum of task durations, the ideal and the expected; savings and
//! speed-up from two measured wall-clocks (Run both).

use crate::lesson::LessonId;
use crate::mode::{Adds, Ends, Mode};
use crate::plan::Options;
use crate::task::{parse_delay, TaskDraft, TaskKind};

/// One task's requested duration and, when measured, its start and end (ms since the run started).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub requested_ms: f64,
    pub start_ms: Option<f64>,
    pub end_ms: Option<f64>,
    /// CPU work occupies the one thread: it cannot overlap other CPU work.
    pub cpu: bool,
    /// The task ends in an error (its "fails" switch): fail fast and `?` stop there.
    pub fails: bool,
}

impl Interval {
    /// A wait (timer or fetch) of `requested_ms`, not yet measured.
    pub fn wait(requested_ms: f64) -> Interval {
        Interval { requested_ms, start_ms: None, end_ms: None, cpu: false, fails: false }
    }

    pub fn duration_ms(&self) -> Option<f64> {
        Some(self.end_ms? - self.start_ms?)
    }
}

/// The figures the totals panel and the `RunReport` show for one finished run. Savings are not
/// among them: one run's task durations overstate what concurrency saves (a blocked thread makes
/// every timer late, so their sum grows while the wall-clock does not); savings come only from two
/// measured wall-clocks, a [`Comparison`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Totals {
    pub wall_ms: f64,
    /// Sum of measured task durations: what running them one after another would cost.
    pub sum_ms: f64,
    /// The longest measured task: the best concurrency can do.
    pub ideal_ms: f64,
    /// What the model predicts for this mode from the requested delays.
    pub expected_wall_ms: f64,
}

/// Sequential work costs the sum of its delays. Concurrent waits overlap, so they cost the
/// longest one; CPU work shares one thread, so it costs its sum whatever the mode. A race ends
/// with its first task; in a deadline run (the second half: each task's deadline) each task ends
/// at its deadline if that comes first; fail fast ends at the first failure if that comes first.
pub fn expected_wall_ms(mode: Mode, tasks: &[Interval]) -> f64 {
    let longest = |tasks: &[Interval]| {
        let cpu: f64 = tasks.iter().filter(|t| t.cpu).map(|t| t.requested_ms).sum();
        tasks.iter().map(|t| t.requested_ms).fold(cpu, f64::max)
    };
    let Mode::Concurrent(variant) = mode else { return tasks.iter().map(|t| t.requested_ms).sum() };
    match variant.ends() {
        // Without its limit (see `expected_for`), a limited run is as wide as its tasks.
        Ends::AtLast | Ends::InWindow => longest(tasks),
        Ends::AtFirst => tasks.iter().map(|t| t.requested_ms).fold(longest(tasks), f64::min),
        Ends::AtDeadline => {
            let (typed, deadlines) = tasks.split_at(tasks.len() / 2);
            typed.iter().zip(deadlines).map(|(t, d)| t.requested_ms.min(d.requested_ms)).fold(0.0, f64::max)
        }
        Ends::AtFirstFailure => tasks.iter().filter(|t| t.fails).map(|t| t.requested_ms).fold(longest(tasks), f64::min),
    }
}

/// Where each task runs, from and to, when at most `limit` run at once, in order, each starting
/// as soon as one ends (a sliding window, not batches).
pub fn window(tasks: &[Interval], limit: usize) -> Vec<(f64, f64)> {
    let mut free_at = vec![0.0; limit.clamp(1, tasks.len().max(1))];
    tasks
        .iter()
        .map(|task| {
            let (slot, start) = free_at.iter().copied().enumerate().fold((0, f64::INFINITY), |best, (i, t)| if t < best.1 { (i, t) } else { best });
            free_at[slot] = start + task.requested_ms;
            (start, free_at[slot])
        })
        .collect()
}

/// When the last task of a sliding window of `limit` ends.
pub fn sliding_window(tasks: &[Interval], limit: usize) -> f64 {
    window(tasks, limit).iter().map(|&(_, end)| end).fold(0.0, f64::max)
}

/// In batches of `limit`, each waiting for its slowest: what a sliding window saves against.
pub fn batches(tasks: &[Interval], limit: usize) -> f64 {
    tasks.chunks(limit.max(1)).map(|batch| batch.iter().map(|t| t.requested_ms).fold(0.0, f64::max)).sum()
}

/// In turn until the first failure, which `?` returns at once: the tasks after it never start.
pub fn expected_until_error_ms(tasks: &[Interval]) -> f64 {
    let stop = tasks.iter().position(|t| t.fails).map_or(tasks.len(), |at| at + 1);
    tasks[..stop].iter().map(|t| t.requested_ms).sum()
}

/// What the model expects of `lesson`'s run in `mode` over `tasks` (every lane the run runs), with
/// at most `limit` in flight where the mode has a limit.
pub fn expected_for(lesson: LessonId, mode: Mode, tasks: &[Interval], limit: usize) -> f64 {
    match mode {
        Mode::Sequential if lesson.sequence_stops_at_error() => expected_until_error_ms(tasks),
        Mode::Concurrent(variant) if variant.ends() == Ends::InWindow => sliding_window(tasks, limit),
        Mode::Sequential | Mode::Concurrent(_) => expected_wall_ms(mode, tasks),
    }
}

/// The model's prediction for the tasks as typed, shown before any run: drafts whose delay does
/// not parse are left out (their field shows why). A deadline run gets its deadlines' lanes.
pub fn expected_wall_ms_of_drafts(lesson: LessonId, mode: Mode, drafts: &[TaskDraft], options: &Options) -> f64 {
    let Options { deadline_ms, limit, fail_first, .. } = *options;
    let mut tasks: Vec<Interval> = drafts
        .iter()
        .filter_map(|d| {
            let delay = parse_delay(&d.delay).ok()?;
            let task = Interval { cpu: d.kind == TaskKind::Cpu, fails: d.fails, ..Interval::wait(f64::from(delay)) };
            Some(lesson.lesson().task_time.of(task, fail_first))
        })
        .collect();
    if mode.adds() == Adds::Deadlines {
        tasks.extend(vec![Interval::wait(f64::from(deadline_ms)); tasks.len()]);
    }
    expected_for(lesson, mode, &tasks, limit)
}

pub fn totals(lesson: LessonId, mode: Mode, tasks: &[Interval], wall_ms: f64, limit: usize) -> Totals {
    let durations = tasks.iter().filter_map(Interval::duration_ms);
    let sum_ms: f64 = durations.clone().sum();
    let ideal_ms = durations.fold(0.0, f64::max);
    Totals { wall_ms, sum_ms, ideal_ms, expected_wall_ms: expected_for(lesson, mode, tasks, limit) }
}

/// The measured comparison after **Run both**: how much concurrency saved against running in sequence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Comparison {
    pub sequential_ms: f64,
    pub concurrent_ms: f64,
    pub saved_ms: f64,
    /// `None` when the concurrent wall-clock is 0.
    pub speedup: Option<f64>,
}

pub fn compare(sequential_ms: f64, concurrent_ms: f64) -> Comparison {
    Comparison { sequential_ms, concurrent_ms, saved_ms: sequential_ms - concurrent_ms, speedup: (concurrent_ms > 0.0).then(|| sequential_ms / concurrent_ms) }
}

/// Counts how many of `times` fall in each of `bins` equal slices of `[0, span]`; the last slice
/// takes `span` itself. For drawing many tasks as one aggregated shape instead of one bar each.
pub fn histogram(times: &[f64], span: f64, bins: usize) -> Vec<u32> {
    let mut counts = vec![0u32; bins];
    // A span that is not a positive number (0, NaN) puts everything in the first slice.
    if bins == 0 || span.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) {
        if let Some(first) = counts.first_mut() {
            *first = times.len() as u32;
        }
        return counts;
    }
    for &t in times {
        let i = ((t / span) * bins as f64).floor().clamp(0.0, (bins - 1) as f64) as usize;
        counts[i] += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Variant;
    use proptest::prelude::*;

    fn interval(requested: f64, start: f64, end: f64) -> Interval {
        Interval { requested_ms: requested, start_ms: Some(start), end_ms: Some(end), cpu: false, fails: false }
    }

    #[test]
    fn races_deadlines_and_failures_end_early() {
        let waits = |ms: &[f64]| ms.iter().map(|&m| Interval::wait(m)).collect::<Vec<_>>();
        // The race's JS lanes repeat its tasks' delays: the first to end is the same either way.
        assert_eq!(expected_wall_ms(Mode::Concurrent(Variant::Race), &waits(&[1200.0, 400.0, 800.0, 1200.0, 400.0, 800.0])), 400.0);
        assert_eq!(expected_wall_ms(Mode::Concurrent(Variant::Deadline), &waits(&[3000.0, 1000.0])), 1000.0);
        assert_eq!(expected_wall_ms(Mode::Concurrent(Variant::Deadline), &waits(&[300.0, 1000.0])), 300.0);
        assert_eq!(expected_wall_ms(Mode::Concurrent(Variant::Deadline), &waits(&[300.0, 2000.0, 1000.0, 1000.0])), 1000.0);
        let mut errors = waits(&[1000.0, 300.0, 1500.0]);
        errors[1].fails = true;
        assert_eq!(expected_wall_ms(Mode::Concurrent(Variant::FailFast), &errors), 300.0);
        assert_eq!(expected_wall_ms(Mode::Concurrent(Variant::Settle), &errors), 1500.0);
        assert_eq!(expected_for(LessonId::Errors, Mode::Sequential, &errors, 1), 1300.0);
        assert_eq!(expected_for(LessonId::Gather, Mode::Sequential, &errors, 1), 2800.0);
        assert_eq!(expected_until_error_ms(&waits(&[1.0, 2.0])), 3.0);
        let drafts: Vec<TaskDraft> = [crate::task::TaskSpec::timer("slow", 3000)].iter().map(TaskDraft::from).collect();
        assert_eq!(
            expected_wall_ms_of_drafts(
                LessonId::Timeout,
                Mode::Concurrent(Variant::Deadline),
                &drafts,
                &Options { deadline_ms: 250, limit: 3, fail_first: 0, ..Options::default() }
            ),
            250.0
        );
        assert_eq!(
            expected_wall_ms_of_drafts(
                LessonId::Timeout,
                Mode::Sequential,
                &drafts,
                &Options { deadline_ms: 250, limit: 3, fail_first: 0, ..Options::default() }
            ),
            3000.0
        );
        // retry: three attempts of 200 ms and the nominal waits, 100 and 200 ms, in turn or at once.
        let retry: Vec<TaskDraft> = [crate::task::TaskSpec::timer("a", 200), crate::task::TaskSpec::timer("b", 400)].iter().map(TaskDraft::from).collect();
        let two = &Options { deadline_ms: 1000, limit: 3, fail_first: 2, ..Options::default() };
        assert_eq!(expected_wall_ms_of_drafts(LessonId::Retry, Mode::Concurrent(Variant::Gather), &retry, two), 1500.0);
        assert_eq!(expected_wall_ms_of_drafts(LessonId::Retry, Mode::Sequential, &retry, two), 2400.0);
    }

    #[test]
    fn a_sliding_window_starts_the_next_task_when_one_ends_and_beats_batches() {
        let waits = |ms: &[f64]| ms.iter().map(|&m| Interval::wait(m)).collect::<Vec<_>>();
        let tasks = waits(&[400.0, 100.0, 300.0, 200.0]);
        // Two at a time: 100 ends, 300 starts at 100 and ends at 400; 200 starts at 400.
        assert_eq!(sliding_window(&tasks, 2), 600.0);
        assert_eq!(window(&tasks, 2), [(0.0, 400.0), (0.0, 100.0), (100.0, 400.0), (400.0, 600.0)]);
        assert_eq!(batches(&tasks, 2), 700.0);
        assert_eq!(sliding_window(&tasks, 1), 1000.0);
        assert_eq!(sliding_window(&tasks, 10), 400.0);
        assert_eq!(sliding_window(&[], 3), 0.0);
        assert_eq!(expected_for(LessonId::Gather, Mode::Concurrent(Variant::Limit), &tasks, 2), 600.0);
    }

    #[test]
    fn tutorial_numbers() {
        let seq = [interval(2000.0, 0.0, 2001.0), interval(2000.0, 2001.0, 4002.0)];
        let t = totals(LessonId::Gather, Mode::Sequential, &seq, 4002.0, 1);
        assert_eq!((t.sum_ms, t.ideal_ms, t.expected_wall_ms), (4002.0, 2001.0, 4000.0));
        let conc = [interval(2000.0, 0.0, 2001.0), interval(2000.0, 0.0, 2001.5)];
        let t = totals(LessonId::Gather, Mode::Concurrent(Variant::Gather), &conc, 2001.5, 1);
        assert_eq!(t.expected_wall_ms, 2000.0);
        let c = compare(4002.0, t.wall_ms);
        assert_eq!(c.saved_ms, 2000.5);
        assert!((c.speedup.unwrap() - 4002.0 / 2001.5).abs() < 1e-12);
    }

    #[test]
    fn cpu_work_does_not_overlap() {
        let tasks = [Interval { cpu: true, ..Interval::wait(500.0) }, Interval { cpu: true, ..Interval::wait(500.0) }, Interval::wait(300.0)];
        assert_eq!(expected_wall_ms(Mode::Concurrent(Variant::Blocking), &tasks), 1000.0);
        assert_eq!(expected_wall_ms(Mode::Sequential, &tasks), 1300.0);
        assert_eq!(expected_wall_ms(Mode::Concurrent(Variant::Gather), &[Interval::wait(200.0), Interval::wait(300.0)]), 300.0);
    }

    #[test]
    fn drafts_predict_what_their_valid_delays_add_up_to() {
        let draft = |delay: &str, kind: TaskKind| TaskDraft { label: "t".into(), kind, delay: delay.into(), fails: false, url: String::new() };
        let drafts = [draft("2000", TaskKind::Timer), draft("1000", TaskKind::Timer), draft("oops", TaskKind::Timer), draft("500", TaskKind::Cpu)];
        let expect = |mode: Mode, drafts: &[TaskDraft]| {
            expected_wall_ms_of_drafts(LessonId::Gather, mode, drafts, &Options { deadline_ms: 1000, limit: 3, fail_first: 0, ..Options::default() })
        };
        assert_eq!(expect(Mode::Sequential, &drafts), 3500.0);
        assert_eq!(expect(Mode::Concurrent(Variant::Gather), &drafts), 2000.0);
        assert_eq!(expect(Mode::Concurrent(Variant::Gather), &[]), 0.0);
    }

    #[test]
    fn histogram_counts_every_time_once() {
        assert_eq!(histogram(&[0.0, 0.5, 9.9, 10.0, 5.0], 10.0, 2), [2, 3]);
        assert_eq!(histogram(&[1.0, 2.0], 0.0, 3), [2, 0, 0]);
        assert_eq!(histogram(&[], 10.0, 0), Vec::<u32>::new());
    }

    #[test]
    fn zero_wall_has_no_speedup() {
        assert_eq!(compare(10.0, 0.0).speedup, None);
    }

    #[test]
    fn unstarted_tasks_count_nothing() {
        let tasks = [Interval::wait(500.0), interval(100.0, 0.0, 100.0)];
        let t = totals(LessonId::Gather, Mode::Sequential, &tasks, 100.0, 1);
        assert_eq!((t.sum_ms, t.ideal_ms, t.expected_wall_ms), (100.0, 100.0, 600.0));
    }

    fn arb_intervals() -> impl Strategy<Value = Vec<(f64, f64, f64)>> {
        prop::collection::vec((0.0..60_000.0f64, 0.0..60_000.0f64, 0.0..60_000.0f64), 1..40)
    }

    proptest! {
        #[test]
        fn the_ideal_is_within_the_sum(raw in arb_intervals(), wall in 0.0..200_000.0f64) {
            let tasks: Vec<Interval> = raw.iter().map(|&(r, s, d)| interval(r, s, s + d)).collect();
            let t = totals(LessonId::Gather, Mode::Concurrent(Variant::Gather), &tasks, wall, 1);
            prop_assert!(t.ideal_ms <= t.sum_ms + 1e-9);
        }

        /// A blocked thread: timers of `waits` and one busy loop of `work` (longer than any wait).
        /// In sequence the wall-clock is the work plus every wait; concurrently the timers are
        /// armed, the loop holds the thread, and every timer fires late, when the loop ends. The
        /// savings are the two wall-clocks' difference: at most the waits that overlapped. One run's
        /// "sum of durations − wall" would claim n × work instead.
        #[test]
        fn savings_come_from_two_walls_even_on_a_blocked_thread(waits in prop::collection::vec(1.0..1_000.0f64, 1..10), extra in 1.0..2_000.0f64) {
            let work = waits.iter().fold(0.0, |a: f64, &b| a.max(b)) + extra;
            let mut sequential = Vec::new();
            let mut t = 0.0;
            for &w in &waits {
                sequential.push(interval(w, t, t + w));
                t += w;
            }
            sequential.push(Interval { cpu: true, ..interval(work, t, t + work) });
            let sequential = totals(LessonId::Gather, Mode::Sequential, &sequential, t + work, 1);
            let mut blocked: Vec<Interval> = waits.iter().map(|&w| interval(w, 0.0, work)).collect();
            blocked.push(Interval { cpu: true, ..interval(work, 0.0, work) });
            let blocked = totals(LessonId::Gather, Mode::Concurrent(Variant::Blocking), &blocked, work, 1);
            let saved = compare(sequential.wall_ms, blocked.wall_ms).saved_ms;
            let waited: f64 = waits.iter().sum();
            prop_assert!((saved - waited).abs() < 1e-6, "saved {saved} of {waited} ms of waits");
            // What a single run's task durations would have claimed: far more than was saved.
            prop_assert!(blocked.sum_ms - blocked.wall_ms > saved);
        }

        #[test]
        fn expected_sequential_never_below_concurrent(req in prop::collection::vec((0.0..60_000.0f64, any::<bool>()), 0..40)) {
            let tasks: Vec<Interval> = req.iter().map(|&(r, cpu)| Interval { cpu, ..Interval::wait(r) }).collect();
            let seq = expected_wall_ms(Mode::Sequential, &tasks);
            for mode in [Mode::Concurrent(Variant::Gather), Mode::Concurrent(Variant::Blocking), Mode::Concurrent(Variant::Yielding), Mode::Concurrent(Variant::Lazy)] {
                prop_assert!(seq >= expected_wall_ms(mode, &tasks));
            }
        }

        /// Concurrency can only save time when the concurrent run's tasks are the sequential
        /// run's, overlapped: the difference of the two walls is never negative then.
        #[test]
        fn overlapping_never_costs_time(delays in prop::collection::vec(1.0..5_000.0f64, 1..30)) {
            let sequential: f64 = delays.iter().sum();
            let concurrent = delays.iter().fold(0.0, |a: f64, &b| a.max(b));
            let c = compare(sequential, concurrent);
            prop_assert!(c.saved_ms >= -1e-9);
            prop_assert!(c.speedup.unwrap() >= 1.0 - 1e-12);
        }
    }
}
