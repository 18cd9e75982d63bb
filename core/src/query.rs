//! URL state: decoding and encoding the public query parameters (`v`, `lesson`, `tasks`, `embed`,
//! `autorun`, `theme`, `loop`, `timeout`, `heading`, `deadline`, `on_error`).
//!
//! Decoding never fails as a whole: each bad part becomes a notice and falls back on its own.

use crate::lesson::{self, LessonId};
use crate::mode::OnError;
pub use crate::percent::{percent_decode, percent_encode, DecodeError};
use crate::plan::{DEFAULT_DEADLINE_MS, DEFAULT_LIMIT};
use crate::retry::DEFAULT_FAIL_FIRST;
use crate::task::{
    parse_deadline, parse_delay, parse_fail_first, parse_limit, parse_timeout, validate_label, validate_task_count, validate_url, BusyLoop, TaskKind, TaskSpec,
    DEFAULT_TIMEOUT_MS, MAX_TASKS,
};

/// The contract version this build speaks.
pub const VERSION: &str = "1";

/// Colour scheme requested by `theme=`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The scheme a `theme=` value or a host's theme message names.
    pub fn parse(value: &str) -> Option<Theme> {
        [Theme::Auto, Theme::Light, Theme::Dark].into_iter().find(|t| t.as_str() == value)
    }
}

/// Everything the URL can say.
#[derive(Clone, Debug, PartialEq)]
pub struct UrlState {
    pub lesson: LessonId,
    /// `None`: the lesson's defaults.
    pub tasks: Option<Vec<TaskSpec>>,
    pub embed: bool,
    pub autorun: bool,
    /// `heading=0` hides the lesson's heading: a docs page around an embed has its own.
    pub heading: bool,
    /// `predict=0` hides the prediction offered before a lesson's first run.
    pub predict: bool,
    pub theme: Theme,
    /// cpu-bound's Block / Yield choice (`loop=`).
    pub busy_loop: BusyLoop,
    /// Each task's timeout (`timeout=`).
    pub timeout_ms: u32,
    /// timeout's deadline (`deadline=`).
    pub deadline_ms: u32,
    /// errors' choice of fail fast or settle (`on_error=`).
    pub on_error: OnError,
    /// limit's most tasks in flight at once (`limit=`).
    pub limit: usize,
    /// retry's attempts the flaky endpoint fails at each request (`fail_first=`).
    pub fail_first: u32,
}

impl Default for UrlState {
    fn default() -> UrlState {
        UrlState {
            lesson: LessonId::default(),
            tasks: None,
            embed: false,
            autorun: false,
            heading: true,
            predict: true,
            theme: Theme::Auto,
            busy_loop: BusyLoop::Block,
            timeout_ms: DEFAULT_TIMEOUT_MS,
            deadline_ms: DEFAULT_DEADLINE_MS,
            on_error: OnError::FailFast,
            limit: DEFAULT_LIMIT,
            fail_first: DEFAULT_FAIL_FIRST,
        }
    }
}

/// A decoded URL: the state to show, and one notice per part that was bad and fell back.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub state: UrlState,
    pub notices: Vec<String>,
}

/// The notice for a field's bad value in a link, and the default used instead.
fn using(e: crate::FieldError, default: &str) -> String {
    format!("The link's {} Using {default}.", e.message)
}

/// Decodes a query string (with or without its leading `?`).
pub fn decode(query: &str) -> Decoded {
    let mut state = UrlState::default();
    let mut notices = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let Ok(key) = percent_decode(raw_key) else { continue };
        if !matches!(
            key.as_str(),
            "v" | "lesson"
                | "tasks"
                | "embed"
                | "autorun"
                | "heading"
                | "predict"
                | "theme"
                | "loop"
                | "timeout"
                | "deadline"
                | "on_error"
                | "limit"
                | "fail_first"
        ) {
            continue; // Unknown parameters are other people's business.
        }
        if seen.contains(&key) {
            notices.push(format!("The link gives \"{key}\" more than once; the first one is used."));
            continue;
        }
        seen.push(key.clone());
        // `tasks` is split before decoding, so its parts may contain encoded `~` and `;`.
        if key == "tasks" {
            match decode_tasks(raw_value) {
                Ok(tasks) => state.tasks = Some(tasks),
                Err(why) => notices.push(format!("The link's tasks could not be used ({why}); showing the lesson's defaults.")),
            }
            continue;
        }
        let value = match percent_decode(raw_value) {
            Ok(v) => v,
            Err(DecodeError(why)) => {
                notices.push(format!("The link's \"{key}\" has {why}; using the default."));
                continue;
            }
        };
        let shown = crate::task::shown(&value);
        match key.as_str() {
            "v" if value != VERSION => notices.push(format!("This link is for version {shown} of Async Lab; reading it as version {VERSION}.")),
            "lesson" => match LessonId::parse(&value) {
                Some(l) => state.lesson = l,
                None => notices.push(format!("There is no lesson {shown}; showing {}. Lessons: {}.", state.lesson.as_str(), lesson::ids())),
            },
            "embed" | "autorun" => match flag(&value) {
                Some(on) if key == "embed" => state.embed = on,
                Some(on) => state.autorun = on,
                None => notices.push(format!("\"{key}\" must be 0 or 1; got {shown}. Using 0.")),
            },
            "heading" | "predict" => match flag(&value) {
                Some(on) if key == "heading" => state.heading = on,
                Some(on) => state.predict = on,
                None => notices.push(format!("\"{key}\" must be 0 or 1; got {shown}. Using 1.")),
            },
            "timeout" => parse_timeout(&value).map_or_else(|e| notices.push(using(e, &format!("{DEFAULT_TIMEOUT_MS} ms"))), |ms| state.timeout_ms = ms),
            "deadline" => parse_deadline(&value).map_or_else(|e| notices.push(using(e, &format!("{DEFAULT_DEADLINE_MS} ms"))), |ms| state.deadline_ms = ms),
            "limit" => parse_limit(&value).map_or_else(|e| notices.push(using(e, &DEFAULT_LIMIT.to_string())), |n| state.limit = n),
            "fail_first" => parse_fail_first(&value).map_or_else(|e| notices.push(using(e, &DEFAULT_FAIL_FIRST.to_string())), |k| state.fail_first = k),
            "on_error" => match OnError::parse(&value) {
                Some(on_error) => state.on_error = on_error,
                None => notices.push(format!("\"on_error\" must be fail-fast or settle; got {shown}. Using fail-fast.")),
            },
            "loop" => match BusyLoop::parse(&value) {
                Some(busy_loop) => state.busy_loop = busy_loop,
                None => notices.push(format!("\"loop\" must be block or yield; got {shown}. Using block.")),
            },
            "theme" => match Theme::parse(&value) {
                Some(theme) => state.theme = theme,
                None => notices.push(format!("\"theme\" must be light, dark or auto; got {shown}. Using auto.")),
            },
            _ => {}
        }
    }
    Decoded { state, notices }
}

fn flag(value: &str) -> Option<bool> {
    match value {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

fn decode_tasks(raw: &str) -> Result<Vec<TaskSpec>, String> {
    let parts: Vec<&str> = raw.split(';').filter(|t| !t.is_empty()).collect();
    validate_task_count(parts.len()).map_err(|e| e.message)?;
    parts.iter().enumerate().map(|(i, t)| decode_task(t).map_err(|why| format!("task {}: {why}", i + 1))).collect()
}

fn decode_task(raw: &str) -> Result<TaskSpec, String> {
    let fields: Vec<String> = raw.split('~').map(|f| percent_decode(f).map_err(|e| e.0)).collect::<Result<_, _>>()?;
    let [label, kind, delay, fails, url] = <[String; 5]>::try_from(fields).map_err(|f| format!("expected 5 parts label~kind~ms~fails~url, got {}", f.len()))?;
    let label = validate_label(&label).map_err(|e| e.message)?;
    let kind = TaskKind::parse(&kind).ok_or_else(|| format!("Kind must be timer, fetch or cpu; got {}", crate::task::shown(&kind)))?;
    let delay_ms = parse_delay(&delay).map_err(|e| e.message)?;
    let fails = flag(&fails).ok_or_else(|| format!("fails must be 0 or 1; got {}", crate::task::shown(&fails)))?;
    let url = match kind {
        TaskKind::Timer | TaskKind::Cpu => String::new(),
        TaskKind::Fetch => validate_url(&url).map_err(|e| e.message)?,
    };
    Ok(TaskSpec { label, kind, delay_ms, fails, url })
}

/// Encodes tasks as the `tasks` parameter's value.
pub fn encode_tasks(tasks: &[TaskSpec]) -> String {
    tasks
        .iter()
        .take(MAX_TASKS)
        .map(|t| {
            [percent_encode(&t.label), t.kind.as_str().to_owned(), t.delay_ms.to_string(), u8::from(t.fails).to_string(), percent_encode(&t.url)].join("~")
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// Encodes a state as a query string (without `?`), leaving out what equals the defaults.
pub fn encode(state: &UrlState) -> String {
    let mut parts = vec![format!("v={VERSION}"), format!("lesson={}", state.lesson.as_str())];
    if let Some(tasks) = &state.tasks {
        if *tasks != state.lesson.lesson().default_tasks() {
            parts.push(format!("tasks={}", encode_tasks(tasks)));
        }
    }
    if state.embed {
        parts.push("embed=1".to_owned());
    }
    if state.autorun {
        parts.push("autorun=1".to_owned());
    }
    if !state.heading {
        parts.push("heading=0".to_owned());
    }
    if !state.predict {
        parts.push("predict=0".to_owned());
    }
    if state.theme != Theme::Auto {
        parts.push(format!("theme={}", state.theme.as_str()));
    }
    if state.busy_loop != BusyLoop::Block {
        parts.push(format!("loop={}", state.busy_loop.as_str()));
    }
    if state.timeout_ms != DEFAULT_TIMEOUT_MS {
        parts.push(format!("timeout={}", state.timeout_ms));
    }
    if state.deadline_ms != DEFAULT_DEADLINE_MS {
        parts.push(format!("deadline={}", state.deadline_ms));
    }
    if state.on_error != OnError::FailFast {
        parts.push(format!("on_error={}", state.on_error.as_str()));
    }
    if state.limit != DEFAULT_LIMIT {
        parts.push(format!("limit={}", state.limit));
    }
    if state.fail_first != DEFAULT_FAIL_FIRST {
        parts.push(format!("fail_first={}", state.fail_first));
    }
    parts.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn heading_0_hides_the_heading_and_a_bad_value_keeps_it_with_a_notice() {
        assert!(!decode("?heading=0").state.heading);
        assert!(!decode("?predict=0").state.predict && decode("?predict=1").state.predict);
        assert_eq!(decode("?predict=no").notices, ["\"predict\" must be 0 or 1; got \"no\". Using 1."]);
        assert!(encode(&UrlState { predict: false, ..UrlState::default() }).ends_with("&predict=0"));
        assert!(decode("?heading=1").state.heading);
        let bad = decode("?heading=no");
        assert!(bad.state.heading);
        assert_eq!(bad.notices, vec!["\"heading\" must be 0 or 1; got \"no\". Using 1.".to_owned()]);
        assert!(encode(&UrlState { heading: false, ..UrlState::default() }).ends_with("&heading=0"));
        assert!(!encode(&UrlState::default()).contains("heading"));
    }

    #[test]
    fn deadline_and_on_error_decode_and_bad_values_fall_back_with_a_notice() {
        let d = decode("?lesson=errors&on_error=settle&deadline=250");
        assert!(d.notices.is_empty(), "{:?}", d.notices);
        assert_eq!((d.state.on_error, d.state.deadline_ms), (OnError::Settle, 250));
        let bad = decode("?on_error=ignore&deadline=0");
        assert_eq!((bad.state.on_error, bad.state.deadline_ms), (OnError::FailFast, DEFAULT_DEADLINE_MS));
        assert_eq!(
            bad.notices,
            [
                "\"on_error\" must be fail-fast or settle; got \"ignore\". Using fail-fast.",
                "The link's Deadline must be a whole number of ms from 1 to 60000; got 0. Using 1000 ms."
            ]
        );
        assert_eq!(encode(&d.state), "v=1&lesson=errors&deadline=250&on_error=settle");
        let limit = decode("?lesson=limit&limit=5");
        assert_eq!((limit.state.limit, limit.notices.len()), (5, 0));
        assert_eq!(encode(&limit.state), "v=1&lesson=limit&limit=5");
        let retry = decode("?lesson=retry&fail_first=0");
        assert_eq!((retry.state.fail_first, encode(&retry.state)), (0, "v=1&lesson=retry&fail_first=0".to_owned()));
        let bad_k = decode("?fail_first=6");
        assert_eq!(bad_k.notices, ["The link's Fail first must be a whole number from 0 to 5; got 6. Using 2."]);
        let bad = decode("?limit=11");
        assert_eq!((bad.state.limit, bad.notices), (DEFAULT_LIMIT, vec!["The link's Limit must be a whole number from 1 to 10; got 11. Using 3.".to_owned()]));
    }

    #[test]
    fn empty_query_is_the_default_state() {
        assert_eq!(decode(""), Decoded { state: UrlState::default(), notices: vec![] });
        assert_eq!(decode("?"), decode(""));
    }

    #[test]
    fn the_contract_example_decodes() {
        let d = decode("?v=1&tasks=Data%201~timer~2000~0~;Data%202~timer~2000~0~&theme=dark&embed=1&autorun=1&utm_source=x");
        assert!(d.notices.is_empty(), "{:?}", d.notices);
        assert_eq!(d.state.tasks, Some(vec![TaskSpec::timer("Data 1", 2000), TaskSpec::timer("Data 2", 2000)]));
        assert_eq!((d.state.theme, d.state.embed, d.state.autorun), (Theme::Dark, true, true));
    }

    #[test]
    fn bad_parts_fall_back_alone() {
        let d = decode("lesson=nope&theme=pink&embed=yes&tasks=a~timer~-1~0~&v=2&loop=fast&timeout=0");
        assert_eq!(d.state.lesson, LessonId::SequentialVsConcurrent);
        assert_eq!(d.state.tasks, None);
        assert_eq!(d.state.theme, Theme::Auto);
        assert_eq!(d.notices.len(), 7, "{:?}", d.notices);
        assert_eq!(d.state.timeout_ms, DEFAULT_TIMEOUT_MS);
        assert!(d.notices[0].starts_with("There is no lesson \"nope\""));
        assert!(d.notices[3].contains("task 1: Delay must be a whole number of ms from 0 to 60000; got -1."), "{}", d.notices[3]);
    }

    #[test]
    fn hostile_queries_give_notices_not_panics() {
        for q in ["%", "tasks=%ZZ", "lesson=%E0%A4%A", "tasks=;;;", "tasks=a~b", "&&&==&", "tasks=x~timer~1~0~~extra", "lesson=%FF"] {
            let d = decode(q);
            assert_eq!(d.state.tasks, None, "{q}");
        }
        let d = decode("lesson=a&lesson=b");
        assert_eq!(d.notices, ["There is no lesson \"a\"; showing sequential-vs-concurrent. Lessons: sequential-vs-concurrent, async-fn, gather, api-requests, context-manager, async-methods, cpu-bound, race, timeout, errors, limit, as-completed, retry.", "The link gives \"lesson\" more than once; the first one is used."]);
        let many = vec!["a~timer~1~0~"; 21].join(";");
        assert!(decode(&format!("tasks={many}")).notices[0].contains("1 to 20 tasks; got 21"));
        let huge = format!("tasks={}", "x".repeat(100_000));
        assert_eq!(decode(&huge).notices.len(), 1);
    }

    #[test]
    fn every_lesson_round_trips_through_its_parameter() {
        for id in LessonId::ALL {
            let state = UrlState { lesson: id, ..UrlState::default() };
            let query = encode(&state);
            assert!(query.contains(&format!("lesson={}", id.as_str())), "{query}");
            assert_eq!(decode(&query), Decoded { state, notices: vec![] });
        }
    }

    #[test]
    fn percent_coding() {
        assert_eq!(percent_decode("Data%201+x").unwrap(), "Data 1 x");
        assert!(percent_decode("%4").is_err());
        assert!(percent_decode("%+1").is_err());
        assert!(percent_decode("%C3").is_err());
        assert_eq!(percent_encode("a~b;c d+é"), "a%7Eb%3Bc%20d%2B%C3%A9");
    }

    fn arb_task() -> impl Strategy<Value = TaskSpec> {
        (
            "[^\\p{C}]{1,60}".prop_filter("not blank", |s| !s.trim().is_empty() && s.trim() == s),
            any::<bool>(),
            0u32..=60_000,
            any::<bool>(),
            "(https?://[a-z]{1,10}\\.[a-z]{2,3}/[a-z0-9/~;&=%]{0,20}|[a-z]{1,8}/[a-z]{1,8}\\.json)",
        )
            .prop_map(|(label, fetch, delay_ms, fails, url)| {
                if fetch {
                    TaskSpec { label, kind: TaskKind::Fetch, delay_ms, fails, url }
                } else {
                    TaskSpec { label, kind: TaskKind::Timer, delay_ms, fails, url: String::new() }
                }
            })
    }

    /// Queries of every kind: arbitrary text, and valid task lists with a byte changed, cut or doubled,
    /// so that both the notices and the decoded tasks are exercised.
    fn arb_query() -> impl Strategy<Value = String> {
        let mangled = (prop::collection::vec(arb_task(), 0..=22), any::<prop::sample::Index>(), 0u8..4, "[~;%&=a-z0-9]").prop_map(|(tasks, at, how, with)| {
            let mut query = format!("tasks={}", encode_tasks(&tasks));
            let cut = at.index(query.len() + 1);
            let cut = (0..=cut).rev().find(|&i| query.is_char_boundary(i)).unwrap_or(0);
            match how {
                0 => {}
                1 => query.insert_str(cut, &with),
                2 => query.truncate(cut),
                _ => query = format!("{query}&tasks=x~timer~1~0~"),
            }
            query
        });
        prop_oneof![".{0,300}", mangled]
    }

    proptest! {
        #[test]
        fn tasks_round_trip(tasks in prop::collection::vec(arb_task(), 1..=20), embed: bool, autorun: bool, lesson in 0..LessonId::ALL.len(), yields: bool, timeout_ms in 1u32..=120_000, deadline_ms in 1u32..=60_000, settles: bool, limit in 1usize..=10, fail_first in 0u32..=5) {
            let busy_loop = if yields { BusyLoop::Yield } else { BusyLoop::Block };
            let lesson = LessonId::ALL[lesson];
            let state = UrlState { lesson, tasks: Some(tasks.clone()), embed, autorun, heading: !embed, predict: autorun, theme: Theme::Dark, busy_loop, timeout_ms, deadline_ms, on_error: if settles { OnError::Settle } else { OnError::FailFast }, limit, fail_first };
            let d = decode(&encode(&state));
            prop_assert!(d.notices.is_empty(), "{:?}", d.notices);
            prop_assert_eq!(d.state, state);
        }

        #[test]
        fn any_query_decodes_to_a_valid_state(query in arb_query()) {
            let d = decode(&query);
            if let Some(tasks) = &d.state.tasks {
                prop_assert!(validate_task_count(tasks.len()).is_ok());
                for t in tasks {
                    prop_assert!(crate::task::TaskDraft::from(t).validate().is_ok());
                }
            }
        }

        /// The generator above reaches the assertions: most of its queries carry tasks that decode.
        #[test]
        fn valid_tasks_with_noise_elsewhere_still_decode(tasks in prop::collection::vec(arb_task(), 1..=20), noise in "[a-z=&%]{0,20}") {
            let query = format!("{noise}&tasks={}&{noise}", encode_tasks(&tasks));
            prop_assert_eq!(decode(&query).state.tasks, Some(tasks));
        }
    }
}
