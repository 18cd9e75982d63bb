//! URL state: decoding and encoding the public query parameters ([`Param`]: `v`, `lesson`, `tasks`,
//! `embed`, `autorun`, `heading`, `predict`, `theme`, `loop`, `timeout`, `deadline`, `on_error`,
//! `limit`, `fail_first`, `font`, `accent`).
//!
//! Decoding never fails as a whole: each bad part becomes a notice and falls back on its own.

use crate::lesson::{self, LessonId};
use crate::look::{Font, FontError, Rgb};
use crate::mode::OnError;
pub use crate::param::Param;
pub use crate::percent::{percent_decode, percent_encode, DecodeError};
use crate::plan::Options;
use crate::plan::{DEFAULT_DEADLINE_MS, DEFAULT_LIMIT};
use crate::retry::DEFAULT_FAIL_FIRST;
use crate::task::{
    parse_deadline, parse_fail_first, parse_limit, parse_timeout, validate_task_count, BusyLoop, TaskDraft, TaskKind, TaskSpec, DEFAULT_TIMEOUT_MS, MAX_TASKS,
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
    /// The run options (`loop=`, `timeout=`, `deadline=`, `on_error=`, `limit=`, `fail_first=`).
    pub options: Options,
    /// The app's text in these families (`font=`); `None`: the stylesheet's.
    pub font: Option<Font>,
    /// The accent colour (`accent=`); `None`: the stylesheet's, light or dark.
    pub accent: Option<Rgb>,
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
            options: Options::default(),
            font: None,
            accent: None,
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
    // The parameters read so far, one bit each (a link may name each once).
    let mut seen = 0u32;
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let Ok(key) = percent_decode(raw_key) else { continue };
        let Some(param) = Param::parse(&key) else {
            continue; // Unknown parameters are other people's business.
        };
        let bit = 1 << param as u32;
        if seen & bit != 0 {
            notices.push(format!("The link gives \"{key}\" more than once; the first one is used."));
            continue;
        }
        seen |= bit;
        // `tasks` is split before decoding, so its parts may contain encoded `~` and `;`.
        if param == Param::Tasks {
            match decode_tasks(raw_value) {
                Ok(tasks) => state.tasks = Some(tasks),
                Err(why) => notices.push(format!("The link's tasks could not be used ({why}); showing the lesson's defaults.")),
            }
            continue;
        }
        match percent_decode(raw_value) {
            Ok(value) => {
                if let Some(notice) = read(param, &value, &mut state) {
                    notices.push(notice);
                }
            }
            Err(DecodeError(why)) => notices.push(format!("The link's \"{key}\" has {why}; using the default.")),
        }
    }
    Decoded { state, notices }
}

/// The notice for a `lesson=` that names no lesson, its value as `task::shown` quotes it (`embed.js`
/// gives the same words from `embed/catalogue.js`).
pub fn no_lesson(shown: &str) -> String {
    format!("There is no lesson {shown}; showing {}. Lessons: {}.", LessonId::default().as_str(), lesson::ids())
}

/// Reads one parameter's decoded value into `state`, or gives its notice and leaves the default
/// there (each parameter is read once, so what `state` holds is still the default).
fn read(param: Param, value: &str, state: &mut UrlState) -> Option<String> {
    let shown = crate::task::shown(value);
    match param {
        Param::Tasks => None, // Read from its raw parts by `decode`.
        Param::V => (value != VERSION).then(|| format!("This link is for version {shown} of Async Lab; reading it as version {VERSION}.")),
        Param::Lesson => keep(LessonId::parse(value).ok_or(()), &mut state.lesson, |()| no_lesson(&shown)),
        Param::Embed => read_flag(param, value, &mut state.embed),
        Param::Autorun => read_flag(param, value, &mut state.autorun),
        Param::Heading => read_flag(param, value, &mut state.heading),
        Param::Predict => read_flag(param, value, &mut state.predict),
        Param::Timeout => keep(parse_timeout(value), &mut state.options.timeout_ms, |e| using(e, &format!("{DEFAULT_TIMEOUT_MS} ms"))),
        Param::Deadline => keep(parse_deadline(value), &mut state.options.deadline_ms, |e| using(e, &format!("{DEFAULT_DEADLINE_MS} ms"))),
        Param::Limit => keep(parse_limit(value), &mut state.options.limit, |e| using(e, &DEFAULT_LIMIT.to_string())),
        Param::FailFirst => keep(parse_fail_first(value), &mut state.options.fail_first, |e| using(e, &DEFAULT_FAIL_FIRST.to_string())),
        Param::OnError => keep(OnError::parse(value).ok_or(()), &mut state.options.on_error, |()| {
            format!("\"on_error\" must be fail-fast or settle; got {shown}. Using fail-fast.")
        }),
        Param::Loop => {
            keep(BusyLoop::parse(value).ok_or(()), &mut state.options.busy_loop, |()| format!("\"loop\" must be block or yield; got {shown}. Using block."))
        }
        Param::Theme => keep(Theme::parse(value).ok_or(()), &mut state.theme, |()| format!("\"theme\" must be light, dark or auto; got {shown}. Using auto.")),
        Param::Font => keep(Font::parse(value).map(Some), &mut state.font, |e| font_notice(e, &shown)),
        Param::Accent => keep(Rgb::parse(value).map(Some).ok_or(()), &mut state.accent, |()| {
            format!("\"accent\" must be a hex colour #rgb or #rrggbb (in a link %23rrggbb, or rrggbb without the #); got {shown}. Using the default accent.")
        }),
    }
}

/// Keeps a value that parsed in its place, or gives the notice for one that did not.
fn keep<T, E>(parsed: Result<T, E>, place: &mut T, notice: impl FnOnce(E) -> String) -> Option<String> {
    match parsed {
        Ok(value) => {
            *place = value;
            None
        }
        Err(e) => Some(notice(e)),
    }
}

/// A `0`/`1` parameter into its place, whose default the notice names.
fn read_flag(param: Param, value: &str, place: &mut bool) -> Option<String> {
    let default = u8::from(*place);
    keep(flag(value).ok_or(()), place, |()| format!("\"{}\" must be 0 or 1; got {}. Using {default}.", param.as_str(), crate::task::shown(value)))
}

/// The notice for a `font=` the page refused: what was wrong, and that the default font stays.
fn font_notice(e: FontError, shown: &str) -> String {
    let char_refused;
    // The limits as text, not formatted from `look`'s constants (a test holds them equal).
    let why = match e {
        FontError::TooLong => "more than 200 characters",
        FontError::TooMany => "more than 10 families",
        FontError::Empty => "an empty name",
        FontError::Quote => "a quote that does not close its name",
        FontError::Char(c) => {
            char_refused = crate::task::shown(c.encode_utf8(&mut [0; 4])) + " is not allowed";
            &char_refused
        }
    };
    format!("\"font\" must be font family names separated by commas, each of letters, digits, spaces, hyphens and underscores, in quotes or not; got {shown}: {why}. Using the default font.")
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
    let kind = TaskKind::parse(&kind).ok_or_else(|| format!("Kind must be timer, fetch or cpu; got {}", crate::task::shown(&kind)))?;
    let fails = flag(&fails).ok_or_else(|| format!("fails must be 0 or 1; got {}", crate::task::shown(&fails)))?;
    // The editor's own check: the same limits and messages as a typed task.
    TaskDraft { label, kind, delay, fails, url }.checked()
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
    let default = UrlState::default();
    let mut parts = Vec::new();
    for param in Param::ALL {
        let value = match param {
            Param::V => Some(VERSION.to_owned()),
            Param::Lesson => Some(state.lesson.as_str().to_owned()),
            Param::Tasks => state.tasks.as_ref().filter(|t| **t != state.lesson.lesson().default_tasks()).map(|t| encode_tasks(t)),
            Param::Embed => unless_default(state.embed, default.embed, |on| u8::from(on).to_string()),
            Param::Autorun => unless_default(state.autorun, default.autorun, |on| u8::from(on).to_string()),
            Param::Heading => unless_default(state.heading, default.heading, |on| u8::from(on).to_string()),
            Param::Predict => unless_default(state.predict, default.predict, |on| u8::from(on).to_string()),
            Param::Theme => unless_default(state.theme, default.theme, |t| t.as_str().to_owned()),
            Param::Loop => unless_default(state.options.busy_loop, default.options.busy_loop, |l| l.as_str().to_owned()),
            Param::Timeout => unless_default(state.options.timeout_ms, default.options.timeout_ms, |ms| ms.to_string()),
            Param::Deadline => unless_default(state.options.deadline_ms, default.options.deadline_ms, |ms| ms.to_string()),
            Param::OnError => unless_default(state.options.on_error, default.options.on_error, |o| o.as_str().to_owned()),
            Param::Limit => unless_default(state.options.limit, default.options.limit, |n| n.to_string()),
            Param::FailFirst => unless_default(state.options.fail_first, default.options.fail_first, |k| k.to_string()),
            Param::Font => state.font.as_ref().map(|f| percent_encode(f.as_css())),
            Param::Accent => state.accent.map(|a| percent_encode(&a.css())),
        };
        if let Some(value) = value {
            parts.push(format!("{}={value}", param.as_str()));
        }
    }
    parts.join("&")
}

/// A value's text for the query, or nothing when it is the default (links stay short).
fn unless_default<T: PartialEq>(value: T, default: T, text: impl FnOnce(T) -> String) -> Option<String> {
    (value != default).then(|| text(value))
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
        assert_eq!((d.state.options.on_error, d.state.options.deadline_ms), (OnError::Settle, 250));
        let bad = decode("?on_error=ignore&deadline=0");
        assert_eq!((bad.state.options.on_error, bad.state.options.deadline_ms), (OnError::FailFast, DEFAULT_DEADLINE_MS));
        assert_eq!(
            bad.notices,
            [
                "\"on_error\" must be fail-fast or settle; got \"ignore\". Using fail-fast.",
                "The link's Deadline must be a whole number of ms from 1 to 60000; got 0. Using 1000 ms."
            ]
        );
        assert_eq!(encode(&d.state), "v=1&lesson=errors&deadline=250&on_error=settle");
        let limit = decode("?lesson=limit&limit=5");
        assert_eq!((limit.state.options.limit, limit.notices.len()), (5, 0));
        assert_eq!(encode(&limit.state), "v=1&lesson=limit&limit=5");
        let retry = decode("?lesson=retry&fail_first=0");
        assert_eq!((retry.state.options.fail_first, encode(&retry.state)), (0, "v=1&lesson=retry&fail_first=0".to_owned()));
        let bad_k = decode("?fail_first=6");
        assert_eq!(bad_k.notices, ["The link's Fail first must be a whole number from 0 to 5; got 6. Using 2."]);
        let bad = decode("?limit=11");
        assert_eq!(
            (bad.state.options.limit, bad.notices),
            (DEFAULT_LIMIT, vec!["The link's Limit must be a whole number from 1 to 10; got 11. Using 3.".to_owned()])
        );
    }

    #[test]
    fn font_and_accent_decode_encode_and_bad_values_fall_back_with_a_notice() {
        let d = decode("?lesson=gather&embed=1&accent=%23aa3377&font=Georgia,serif");
        assert!(d.notices.is_empty(), "{:?}", d.notices);
        assert_eq!(d.state.accent, Some(Rgb([0xaa, 0x33, 0x77])));
        assert_eq!(d.state.font.as_ref().map(Font::as_css), Some("\"Georgia\", serif"));
        assert_eq!(encode(&d.state), "v=1&lesson=gather&embed=1&font=%22Georgia%22%2C%20serif&accent=%23aa3377");
        assert_eq!(decode(&encode(&d.state)), d);
        // Without the `#` (an unencoded one would end the query), and `+` as a space.
        assert_eq!(decode("?accent=A37&font=Times+New+Roman").state.accent, Some(Rgb([0xaa, 0x33, 0x77])));
        assert_eq!(decode("?font=Times+New+Roman").state.font.map(|f| f.as_css().to_owned()), Some("\"Times New Roman\"".to_owned()));
        assert!(!encode(&UrlState::default()).contains("font") && !encode(&UrlState::default()).contains("accent"));

        let bad = decode("?accent=&font=Inter;color:red");
        assert_eq!((&bad.state.font, bad.state.accent), (&None, None));
        assert_eq!(
            bad.notices,
            [
                "\"accent\" must be a hex colour #rgb or #rrggbb (in a link %23rrggbb, or rrggbb without the #); got \"\". Using the default accent.",
                "\"font\" must be font family names separated by commas, each of letters, digits, spaces, hyphens and underscores, in quotes or not; got \"Inter;color:red\": \";\" is not allowed. Using the default font."
            ]
        );
        let font = |q: &str| decode(q).notices.join("");
        assert!(
            font("?font=%22Inter").ends_with("got \"\"Inter\": a quote that does not close its name. Using the default font."),
            "{}",
            font("?font=%22Inter")
        );
        assert!(font("?font=Inter,,serif").ends_with("got \"Inter,,serif\": an empty name. Using the default font."));
        assert!(font("?font=a,b,c,d,e,f,g,h,i,j,k").ends_with("got \"a,b,c,d,e,f,g,h,i,j,k\": more than 10 families. Using the default font."));
        assert!(font(&format!("?font={}", "a".repeat(201)))
            .ends_with(&format!("got \"{}…\" (201 characters): more than 200 characters. Using the default font.", "a".repeat(40))));
        // The limits the notice names are the ones checked.
        assert_eq!((crate::look::MAX_FONT_CHARS, crate::look::MAX_FONT_FAMILIES), (200, 10));
        assert_eq!(decode("?accent=red").notices.len(), 1);
        assert_eq!(decode("?accent=%23abc&accent=%23def").state.accent, Some(Rgb([0xaa, 0xbb, 0xcc])));
    }

    #[test]
    fn every_flag_names_its_default_in_its_notice() {
        let default = UrlState::default();
        for param in Param::ALL.into_iter().filter(|p| p.is_flag()) {
            let on = match param {
                Param::Embed => default.embed,
                Param::Autorun => default.autorun,
                Param::Heading => default.heading,
                Param::Predict => default.predict,
                other => panic!("{other:?} is not a flag"),
            };
            let name = param.as_str();
            assert_eq!(decode(&format!("?{name}=2")).notices, [format!("\"{name}\" must be 0 or 1; got \"2\". Using {}.", u8::from(on))]);
        }
        assert_eq!(
            decode("?embed=yes&autorun=no").notices,
            ["\"embed\" must be 0 or 1; got \"yes\". Using 0.", "\"autorun\" must be 0 or 1; got \"no\". Using 0."]
        );
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
        assert_eq!(d.state.options.timeout_ms, DEFAULT_TIMEOUT_MS);
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
            "(https?://[a-z]{1,10}\\.[a-z]{2,3}/[a-z0-9/~;&=%]{0,20}|[a-z]{1,8}/[a-z]{1,8}\\.json)"
                .prop_filter("a URL the editor takes (no encoded step out of a folder)", |url: &String| crate::field::validate_url(url).is_ok()),
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
        fn tasks_round_trip(tasks in prop::collection::vec(arb_task(), 1..=20), embed: bool, autorun: bool, lesson in 0..LessonId::ALL.len(), yields: bool, timeout_ms in 1u32..=120_000, deadline_ms in 1u32..=60_000, settles: bool, limit in 1usize..=10, fail_first in 0u32..=5, look in (prop::option::of("[A-Za-z0-9_-]{1,8}(, ?(\"[A-Za-z0-9][A-Za-z0-9 ]{0,7}\"|serif|[A-Za-z]{1,8})){0,4}"), prop::option::of(any::<[u8; 3]>()))) {
            let busy_loop = if yields { BusyLoop::Yield } else { BusyLoop::Block };
            let lesson = LessonId::ALL[lesson];
            let (font, accent) = (look.0.map(|f| Font::parse(&f).unwrap()), look.1.map(Rgb));
            let state = UrlState { lesson, tasks: Some(tasks.clone()), embed, autorun, heading: !embed, predict: autorun, theme: Theme::Dark, options: Options { busy_loop, timeout_ms, deadline_ms, on_error: if settles { OnError::Settle } else { OnError::FailFast }, limit, fail_first }, font, accent };
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
