//! retry's rules: the flaky endpoint's URL and answer, the backoff between attempts, what the model
//! expects, and each attempt and wait on a request's lane, drawn from the milestones the run marked.

use crate::format::{fixed, ms as format_ms, whole};
use crate::milestone::Milestone;
use crate::run::Run;
use crate::stats::Interval;
use crate::task::{slug, TaskKind, TaskSpec};

/// How many attempts at each request the flaky endpoint fails when the URL names none (`fail_first=`).
pub const DEFAULT_FAIL_FIRST: u32 = 2;
/// The most failures the Fail first field allows.
pub const MAX_FAIL_FIRST: u32 = 5;
/// The most attempts a request gets: enough for the most failures the field allows, and one more.
pub const MAX_ATTEMPTS: u32 = MAX_FAIL_FIRST + 1;
/// The first wait; each later one doubles.
pub const BASE_MS: f64 = 100.0;
/// How far a wait may stray from its nominal length, either way, as a share of it.
pub const JITTER: f64 = 0.25;

/// The URL attempt `attempt` at `spec` asks. A request to the app's own `api/` goes to the flaky
/// endpoint, `api/flaky/{fail_first}/{attempt}/{name}?ms={delay}`, which carries its count in the
/// path (an idle service worker may stop, and two tabs share one); any other URL is asked as typed.
pub fn attempt_url(spec: &TaskSpec, fail_first: u32, attempt: u32) -> String {
    match spec.kind == TaskKind::Fetch && spec.url.starts_with("api/") {
        true => format!("api/flaky/{fail_first}/{attempt}/{}?ms={}", slug(&spec.label), spec.delay_ms),
        false => spec.url.clone(),
    }
}

/// What a flaky URL asks for: (the attempts it fails, this attempt), or `None` for any other URL.
pub fn flaky(url: &str) -> Option<(u32, u32)> {
    let mut parts = url.strip_prefix("api/flaky/")?.split('/');
    let number = |part: Option<&str>| part.filter(|p| !p.is_empty() && p.len() <= 9 && p.bytes().all(|b| b.is_ascii_digit()))?.parse::<u32>().ok();
    Some((number(parts.next())?, number(parts.next())?))
}

/// The flaky endpoint's rule: (the attempts it fails, this attempt) when it fails `url`, whose
/// attempt is among the first it fails; `None` when it answers, or `url` is not a flaky URL.
pub fn failing(url: &str) -> Option<(u32, u32)> {
    flaky(url).filter(|&(fail_first, attempt)| attempt <= fail_first)
}

/// The wait after failed attempt `attempt` (from 1): `BASE_MS` × 2^(attempt − 1), spread by `unit`
/// (a random number in 0..1) across ±[`JITTER`] of it.
pub fn backoff_ms(attempt: u32, unit: f64) -> f64 {
    nominal_backoff_ms(attempt) * (1.0 - JITTER + 2.0 * JITTER * unit.clamp(0.0, 1.0))
}

/// The wait after failed attempt `attempt` before jitter.
pub fn nominal_backoff_ms(attempt: u32) -> f64 {
    BASE_MS * f64::from(1u32 << attempt.clamp(1, MAX_ATTEMPTS).saturating_sub(1))
}

/// A task as the model sees it when its first `fail_first` attempts fail: that many attempts and
/// one more, each as long as the task, and the nominal waits between them.
pub fn stretched(task: Interval, fail_first: u32) -> Interval {
    let failures = fail_first.min(MAX_ATTEMPTS - 1);
    let waits: f64 = (1..=failures).map(nominal_backoff_ms).sum();
    Interval { requested_ms: task.requested_ms * f64::from(failures + 1) + waits, ..task }
}

/// One attempt at a request, as its lane draws it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Attempt {
    pub number: u32,
    pub start_ms: f64,
    /// When it failed; `None` while it runs, and for the attempt that ended the task.
    pub failed_at_ms: Option<f64>,
    pub status: Option<u16>,
    /// The wait it was followed by: from its failure to the next attempt (to now while under way).
    pub wait_ms: Option<f64>,
}

/// The attempts at the request on lane `lane`, from the milestones `run` marked; a wait still under
/// way ends at `now_ms`.
pub fn attempts(run: &Run, lane: usize, now_ms: f64) -> Vec<Attempt> {
    let mut list: Vec<Attempt> = Vec::new();
    for event in &run.events {
        match &event.milestone {
            Milestone::AttemptSent { lane: l, attempt, .. } if *l == lane => {
                if let Some(last) = list.last_mut() {
                    last.wait_ms = last.failed_at_ms.map(|failed| event.t_ms - failed);
                }
                list.push(Attempt { number: *attempt, start_ms: event.t_ms, failed_at_ms: None, status: None, wait_ms: None });
            }
            Milestone::RetryAfter { lane: l, status, .. } if *l == lane => {
                if let Some(last) = list.last_mut() {
                    (last.failed_at_ms, last.status, last.wait_ms) = (Some(event.t_ms), *status, Some((now_ms - event.t_ms).max(0.0)));
                }
            }
            _ => {}
        }
    }
    if let (Some(last), Some(end)) = (list.last_mut(), run.tasks.get(lane).and_then(|t| t.end_ms)) {
        // A task dropped during its wait ends there.
        last.wait_ms = last.failed_at_ms.map(|failed| end - failed);
    }
    list
}

/// What lane `lane` draws of its attempts, as SVG markup of numbers and fixed words only: a box
/// `y`px down and 14 px high whose width is the axis in ms, each failed attempt and each wait a
/// rectangle with its facts as a tooltip, and a tick where each later attempt was sent.
pub fn lane_markup(run: &Run, lane: usize, y: usize, span_ms: f64, now_ms: f64, resolution_ms: f64) -> String {
    let list = attempts(run, lane, now_ms);
    if list.len() < 2 && list.iter().all(|a| a.failed_at_ms.is_none()) {
        return String::new();
    }
    let mut shapes = String::new();
    for a in &list {
        let Some(failed) = a.failed_at_ms else { continue };
        let answered = a.status.map_or_else(|| "no answer".to_owned(), |code| format!("HTTP {code}"));
        let took = format_ms(failed - a.start_ms, resolution_ms);
        shapes.push_str(&rect("attempt failed", a.start_ms, failed, &format!("attempt {}: {answered} after {took}", a.number)));
        if let Some(wait) = a.wait_ms {
            shapes.push_str(&rect("backoff", failed, failed + wait, &format!("wait {} ms before attempt {}", whole(wait), a.number + 1)));
        }
    }
    let ticks: String = list.iter().skip(1).map(|a| format!("M{} 0V1", fixed(a.start_ms, 3))).collect();
    format!(
        "<svg y=\"{y}\" width=\"100%\" height=\"14\" viewBox=\"0 0 {} 1\" preserveAspectRatio=\"none\" class=\"attempts\">{shapes}<path d=\"{ticks}\" class=\"retry-tick\"/></svg>",
        fixed(span_ms, 3)
    )
}

fn rect(class: &str, from: f64, to: f64, title: &str) -> String {
    format!("<rect x=\"{}\" width=\"{}\" height=\"1\" class=\"{class}\"><title>{title}</title></rect>", fixed(from, 3), fixed((to - from).max(0.0), 3))
}

/// The shortest and longest wait after failed attempt `attempt`: the jitter's bounds. With a
/// factor of 2 between waits and ±25 % of jitter, each wait's bounds lie wholly above the last's.
pub fn backoff_bounds(attempt: u32) -> (f64, f64) {
    let nominal = nominal_backoff_ms(attempt);
    (nominal * (1.0 - JITTER), nominal * (1.0 + JITTER))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::result::{Source, TaskResult, TaskStatus};
    use crate::run::RunEvent;
    use crate::work::simulated_flaky;
    use crate::{LessonId, Mode, Variant};
    use proptest::prelude::*;

    #[test]
    fn own_requests_go_to_the_flaky_endpoint_with_the_attempt_in_the_path() {
        let own = TaskSpec::fetch("Weather report", 400, "api/delay/400/weather");
        assert_eq!(attempt_url(&own, 2, 3), "api/flaky/2/3/weather-report?ms=400");
        assert_eq!(flaky(&attempt_url(&own, 2, 3)), Some((2, 3)));
        let theirs = TaskSpec::fetch("x", 400, "https://example.com/a");
        assert_eq!(attempt_url(&theirs, 2, 3), "https://example.com/a");
        assert_eq!(attempt_url(&TaskSpec::timer("t", 5), 2, 1), "");
        for (url, parsed) in [
            ("api/flaky/0/1/a", Some((0, 1))),
            ("api/flaky/2/x/a", None),
            ("api/flaky//1/a", None),
            ("api/delay/2/1", None),
            ("api/flaky/1234567890/1/a", None),
        ] {
            assert_eq!(flaky(url), parsed, "{url}");
        }
        assert_eq!((failing("api/flaky/2/2/a?ms=1"), failing("api/flaky/2/3/a"), failing("api/flaky/0/1/a")), (Some((2, 2)), None, None));
    }

    #[test]
    fn without_a_worker_the_rule_is_applied_on_the_client() {
        let sample = TaskResult {
            status: TaskStatus::Ok,
            http_status: Some(200),
            source: Source::Simulated,
            detail: "HTTP 200, 61 bytes".into(),
            ..TaskResult::waiting(TaskKind::Fetch)
        };
        let failed = simulated_flaky(sample.clone(), "api/flaky/2/1/report?ms=200");
        assert_eq!((failed.status, failed.http_status), (TaskStatus::Error, Some(503)));
        assert!(failed.detail.starts_with("HTTP 503, simulated: api/flaky fails the first 2 attempts and this was attempt 1"), "{}", failed.detail);
        assert_eq!(simulated_flaky(sample.clone(), "api/flaky/2/3/report?ms=200"), sample);
        assert_eq!(simulated_flaky(sample.clone(), "data/sample.json"), sample);
    }

    #[test]
    fn the_model_counts_every_attempt_and_the_nominal_waits() {
        assert_eq!(stretched(Interval::wait(200.0), 0).requested_ms, 200.0);
        assert_eq!(stretched(Interval::wait(200.0), 2).requested_ms, 3.0 * 200.0 + 100.0 + 200.0);
        assert_eq!(stretched(Interval::wait(0.0), 5).requested_ms, 100.0 + 200.0 + 400.0 + 800.0 + 1600.0);
        assert_eq!((backoff_ms(1, 0.0), backoff_ms(1, 1.0), backoff_ms(3, 0.5)), (75.0, 125.0, 400.0));
    }

    proptest! {
        #[test]
        fn each_wait_stays_in_its_bounds_and_outgrows_the_last(attempt in 1u32..MAX_ATTEMPTS, a in 0.0f64..1.0, b in 0.0f64..1.0) {
            let (low, high) = backoff_bounds(attempt);
            let wait = backoff_ms(attempt, a);
            prop_assert!(low <= wait && wait <= high);
            prop_assert!(backoff_ms(attempt + 1, b) > backoff_ms(attempt, a));
        }
    }

    #[test]
    fn a_lane_draws_its_failed_attempts_and_waits() {
        let mut run = Run::new(1, LessonId::Retry, Mode::Concurrent(Variant::Gather), vec![TaskSpec::fetch("report", 200, "api/delay/200/report")]);
        let sent = |attempt| Milestone::AttemptSent { lane: 0, task: "report".into(), attempt };
        let failed = |attempt, wait_ms| Milestone::RetryAfter { lane: 0, task: "report".into(), attempt, status: Some(503), wait_ms };
        run.apply(RunEvent::TaskStarted { index: 0, t_ms: 0.0 });
        for (t_ms, milestone) in [(0.0, sent(1)), (200.0, failed(1, 90.0)), (291.0, sent(2)), (491.0, failed(2, 210.0))] {
            run.apply(RunEvent::Lesson { t_ms, milestone });
        }
        let now = attempts(&run, 0, 600.0);
        assert_eq!(now.len(), 2);
        assert_eq!((now[0].wait_ms, now[1].wait_ms), (Some(91.0), Some(109.0)), "a wait under way ends now");
        run.apply(RunEvent::Lesson { t_ms: 702.0, milestone: sent(3) });
        run.apply(RunEvent::TaskFinished { index: 0, t_ms: 902.0, result: TaskResult { status: TaskStatus::Ok, ..TaskResult::waiting(TaskKind::Fetch) } });
        let done = attempts(&run, 0, 5000.0);
        assert_eq!(
            done.iter().map(|a| (a.number, a.failed_at_ms, a.wait_ms)).collect::<Vec<_>>(),
            [(1, Some(200.0), Some(91.0)), (2, Some(491.0), Some(211.0)), (3, None, None)]
        );
        let markup = lane_markup(&run, 0, 58, 1000.0, 5000.0, 0.1);
        assert!(
            markup.contains("<title>attempt 1: HTTP 503 after 200.0 ms</title>") && markup.contains("<title>wait 211 ms before attempt 3</title>"),
            "{markup}"
        );
        assert!(markup.contains("M291.000 0V1M702.000 0V1"), "{markup}");
        assert_eq!(lane_markup(&run, 1, 58, 1000.0, 5000.0, 0.1), "", "a lane without attempts draws none");
        run.complete(903.0);
        let said = crate::explain::takeaway(&run, 0.1).unwrap();
        assert!(said.starts_with("report: ok on attempt 3, after waits of 91, 211 ms. Each wait doubles the last"), "{said}");
    }
}
