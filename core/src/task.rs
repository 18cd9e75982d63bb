//! Task specs, the editor's drafts and their validation against the product's limits.

use serde::Serialize;
use std::fmt;

/// Fewest tasks a lesson runs.
pub const MIN_TASKS: usize = 1;
/// Most tasks the editor accepts (the scale control is separate).
pub const MAX_TASKS: usize = 20;
/// Longest delay a task may ask for, in ms.
pub const MAX_DELAY_MS: u32 = 60_000;
/// Longest label, in characters.
pub const MAX_LABEL_CHARS: usize = 60;
/// Longest URL, in characters.
pub const MAX_URL_CHARS: usize = 2_000;
/// Most tasks the scale control generates.
pub const MAX_SCALE_TASKS: u32 = 100_000;

/// Parses the scale control's task count: a whole number from 1 to [`MAX_SCALE_TASKS`].
pub fn parse_scale_count(input: &str) -> Result<u32, FieldError> {
    let text = input.trim();
    let limit = format!("a whole number from 1 to {MAX_SCALE_TASKS}");
    match text.parse::<i128>() {
        Ok(n) if (1..=i128::from(MAX_SCALE_TASKS)).contains(&n) => Ok(n as u32),
        Ok(_) => Err(FieldError::new(Field::TaskCount, format!("Tasks must be {limit}; got {text}."))),
        Err(_) if text.is_empty() => Err(FieldError::new(Field::TaskCount, format!("Tasks must be {limit}; got an empty field."))),
        Err(_) => Err(FieldError::new(Field::TaskCount, format!("Tasks must be {limit}; got {} (not a whole number).", shown(text)))),
    }
}

/// How long a task may take before it is stopped with status `timeout`, by default.
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;
/// Longest timeout the editor accepts, in ms.
pub const MAX_TIMEOUT_MS: u32 = 120_000;

/// What a task waits on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TaskKind {
    /// A browser timer: the `asyncio.sleep` of the tutorial.
    Timer,
    /// A real `fetch` request.
    Fetch,
    /// A busy loop on the main thread: work, not waiting.
    Cpu,
}

impl TaskKind {
    pub const ALL: [TaskKind; 3] = [TaskKind::Timer, TaskKind::Fetch, TaskKind::Cpu];

    pub fn as_str(self) -> &'static str {
        match self {
            TaskKind::Timer => "timer",
            TaskKind::Fetch => "fetch",
            TaskKind::Cpu => "cpu",
        }
    }

    pub fn parse(s: &str) -> Option<TaskKind> {
        TaskKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// How a CPU task's busy loop treats the one thread it runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum LoopStyle {
    /// Spin until done: nothing else runs meanwhile.
    #[default]
    Block,
    /// Spin in short slices, yielding to the browser between them.
    Yield,
}

impl LoopStyle {
    pub fn as_str(self) -> &'static str {
        match self {
            LoopStyle::Block => "block",
            LoopStyle::Yield => "yield",
        }
    }

    pub fn parse(s: &str) -> Option<LoopStyle> {
        [LoopStyle::Block, LoopStyle::Yield].into_iter().find(|l| l.as_str() == s)
    }
}

/// A validated task, ready to run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskSpec {
    pub label: String,
    pub kind: TaskKind,
    pub delay_ms: u32,
    pub fails: bool,
    /// Empty for timers.
    pub url: String,
}

impl TaskSpec {
    pub fn timer(label: &str, delay_ms: u32) -> TaskSpec {
        TaskSpec { label: label.to_owned(), kind: TaskKind::Timer, delay_ms, fails: false, url: String::new() }
    }

    pub fn fetch(label: &str, delay_ms: u32, url: &str) -> TaskSpec {
        TaskSpec { label: label.to_owned(), kind: TaskKind::Fetch, delay_ms, fails: false, url: url.to_owned() }
    }

    pub fn cpu(label: &str, work_ms: u32) -> TaskSpec {
        TaskSpec { label: label.to_owned(), kind: TaskKind::Cpu, delay_ms: work_ms, fails: false, url: String::new() }
    }
}

/// The editor field a message is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Label,
    Kind,
    Delay,
    Url,
    TaskCount,
    Timeout,
}

impl Field {
    pub fn name(self) -> &'static str {
        match self {
            Field::Label => "Label",
            Field::Kind => "Kind",
            Field::Delay => "Delay",
            Field::Url => "URL",
            Field::TaskCount => "Tasks",
            Field::Timeout => "Timeout",
        }
    }
}

/// A rejected value: which field, and a message naming the field, the limit and the value received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl FieldError {
    fn new(field: Field, message: String) -> FieldError {
        FieldError { field, message }
    }
}

/// Shows a received value in a message: quoted, with long values cut so the message stays readable.
pub fn shown(value: &str) -> String {
    const KEEP: usize = 40;
    let count = value.chars().count();
    if count <= KEEP {
        format!("\"{value}\"")
    } else {
        let head: String = value.chars().take(KEEP).collect();
        format!("\"{head}…\" ({count} characters)")
    }
}

/// Parses the delay field: a whole number of ms from 0 to [`MAX_DELAY_MS`].
pub fn parse_delay(input: &str) -> Result<u32, FieldError> {
    parse_ms(input, Field::Delay, 0, MAX_DELAY_MS)
}

/// Parses the timeout field: a whole number of ms from 1 to [`MAX_TIMEOUT_MS`].
pub fn parse_timeout(input: &str) -> Result<u32, FieldError> {
    parse_ms(input, Field::Timeout, 1, MAX_TIMEOUT_MS)
}

fn parse_ms(input: &str, field: Field, min: u32, max: u32) -> Result<u32, FieldError> {
    let limit = format!("a whole number of ms from {min} to {max}");
    let err = |what: String| Err(FieldError::new(field, format!("{} must be {limit}; got {what}.", field.name())));
    let text = input.trim();
    if text.is_empty() {
        return err("an empty field".to_owned());
    }
    if let Ok(n) = text.parse::<i128>() {
        return if n < i128::from(min) || n > i128::from(max) { err(text.to_owned()) } else { Ok(n as u32) };
    }
    // Only plain decimal text counts as a number: "inf", "NaN" and "0x10" are text.
    let numeric = text.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
    match text.parse::<f64>() {
        Ok(v) if numeric && v.is_finite() && v.fract() != 0.0 => err(format!("{text} (not a whole number)")),
        Ok(v) if numeric && v.is_finite() => err(text.to_owned()),
        _ => err(format!("{} (not a number)", shown(text))),
    }
}

/// Checks a label: 1 to [`MAX_LABEL_CHARS`] characters, no control characters.
pub fn validate_label(input: &str) -> Result<String, FieldError> {
    let label = input.trim();
    let count = label.chars().count();
    let limit = format!("1 to {MAX_LABEL_CHARS} characters");
    if count == 0 {
        return Err(FieldError::new(Field::Label, format!("Label must be {limit}; got an empty label.")));
    }
    if count > MAX_LABEL_CHARS {
        return Err(FieldError::new(Field::Label, format!("Label must be {limit}; got {count} characters.")));
    }
    if label.chars().any(char::is_control) {
        return Err(FieldError::new(
            Field::Label,
            format!("Label must be {limit} with no control characters; got {}.", shown(&label.escape_debug().to_string())),
        ));
    }
    Ok(label.to_owned())
}

/// Checks a fetch URL: `http:`/`https:` or a relative path, up to [`MAX_URL_CHARS`] characters.
pub fn validate_url(input: &str) -> Result<String, FieldError> {
    let url = input.trim();
    let limit = format!("an http: or https: URL or a relative path, up to {MAX_URL_CHARS} characters");
    let err = |what: String| Err(FieldError::new(Field::Url, format!("URL must be {limit}; got {what}.")));
    let count = url.chars().count();
    if count == 0 {
        return err("an empty field".to_owned());
    }
    if count > MAX_URL_CHARS {
        return err(format!("{count} characters"));
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return err(format!("{} (it contains spaces or control characters)", shown(&url.escape_debug().to_string())));
    }
    match scheme_of(url) {
        None => Ok(url.to_owned()),
        Some(scheme) if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") => {
            let rest = &url[scheme.len() + 1..];
            let host = rest.strip_prefix("//").map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
            match host {
                Some(h) if !h.is_empty() && !h.starts_with(':') => Ok(url.to_owned()),
                _ => err(format!("{} (no host after \"{scheme}://\")", shown(url))),
            }
        }
        Some(scheme) => err(format!("{} (scheme \"{scheme}:\")", shown(url))),
    }
}

/// The scheme of an absolute URL, or `None` for a relative reference (RFC 3986, section 4.2).
fn scheme_of(url: &str) -> Option<&str> {
    let end = url.find([':', '/', '?', '#'])?;
    if url.as_bytes()[end] != b':' {
        return None;
    }
    // Even a malformed scheme ("1a:b") is not a path a browser would resolve as relative.
    Some(&url[..end])
}

/// Checks how many tasks a lesson would run.
pub fn validate_task_count(count: usize) -> Result<(), FieldError> {
    if (MIN_TASKS..=MAX_TASKS).contains(&count) {
        Ok(())
    } else {
        Err(FieldError::new(
            Field::TaskCount,
            format!("Tasks: a lesson runs {MIN_TASKS} to {MAX_TASKS} tasks; got {count}."),
        ))
    }
}

/// A task as typed in the editor: text fields stay text until validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskDraft {
    pub label: String,
    pub kind: TaskKind,
    pub delay: String,
    pub fails: bool,
    pub url: String,
}

impl From<&TaskSpec> for TaskDraft {
    fn from(spec: &TaskSpec) -> TaskDraft {
        TaskDraft {
            label: spec.label.clone(),
            kind: spec.kind,
            delay: spec.delay_ms.to_string(),
            fails: spec.fails,
            url: spec.url.clone(),
        }
    }
}

impl TaskDraft {
    /// Validates every field, collecting one message per bad field.
    pub fn validate(&self) -> Result<TaskSpec, Vec<FieldError>> {
        let label = validate_label(&self.label);
        let delay = parse_delay(&self.delay);
        let url = match self.kind {
            TaskKind::Timer | TaskKind::Cpu => Ok(String::new()),
            TaskKind::Fetch => validate_url(&self.url),
        };
        match (label, delay, url) {
            (Ok(label), Ok(delay_ms), Ok(url)) => Ok(TaskSpec { label, kind: self.kind, delay_ms, fails: self.fails, url }),
            (label, delay, url) => Err([label.err(), delay.err(), url.err()].into_iter().flatten().collect()),
        }
    }

    /// The message for one field, if that field is bad.
    pub fn error_for(&self, field: Field) -> Option<String> {
        let result = match field {
            Field::Label => validate_label(&self.label).err(),
            Field::Delay => parse_delay(&self.delay).err(),
            Field::Url if self.kind == TaskKind::Fetch => validate_url(&self.url).err(),
            _ => None,
        };
        result.map(|e| e.message)
    }
}

/// Validates a whole task list: the count first, then each task.
pub fn validate_all(drafts: &[TaskDraft]) -> Result<Vec<TaskSpec>, Vec<(Option<usize>, FieldError)>> {
    let mut errors = Vec::new();
    if let Err(e) = validate_task_count(drafts.len()) {
        errors.push((None, e));
    }
    let mut specs = Vec::with_capacity(drafts.len());
    for (i, draft) in drafts.iter().enumerate() {
        match draft.validate() {
            Ok(spec) => specs.push(spec),
            Err(es) => errors.extend(es.into_iter().map(|e| (Some(i), e))),
        }
    }
    if errors.is_empty() {
        Ok(specs)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delay_err(s: &str) -> String {
        parse_delay(s).unwrap_err().message
    }

    #[test]
    fn delay_accepts_whole_numbers_in_range() {
        assert_eq!(parse_delay("0"), Ok(0));
        assert_eq!(parse_delay(" 2000 "), Ok(2000));
        assert_eq!(parse_delay("60000"), Ok(60_000));
    }

    #[test]
    fn delay_messages_name_field_limit_and_value() {
        for (input, value) in [
            ("-5", "got -5."),
            ("60001", "got 60001."),
            ("1e12", "got 1e12."),
            ("2147483648", "got 2147483648."),
            ("2.5", "got 2.5 (not a whole number)."),
            ("abc", "got \"abc\" (not a number)."),
            ("NaN", "got \"NaN\" (not a number)."),
            ("", "got an empty field."),
            ("   ", "got an empty field."),
        ] {
            let msg = delay_err(input);
            assert!(msg.starts_with("Delay must be a whole number of ms from 0 to 60000; "), "{msg}");
            assert!(msg.ends_with(value), "{input:?}: {msg}");
        }
    }

    #[test]
    fn timeout_limits() {
        assert_eq!(parse_timeout("10000"), Ok(10_000));
        assert_eq!(parse_timeout("0").unwrap_err().message, "Timeout must be a whole number of ms from 1 to 120000; got 0.");
        assert_eq!(parse_timeout("120001").unwrap_err().message, "Timeout must be a whole number of ms from 1 to 120000; got 120001.");
        assert_eq!(parse_timeout("soon").unwrap_err().message, "Timeout must be a whole number of ms from 1 to 120000; got \"soon\" (not a number).");
    }

    #[test]
    fn scale_count_limits() {
        assert_eq!(parse_scale_count("100000"), Ok(100_000));
        assert_eq!(parse_scale_count("0").unwrap_err().message, "Tasks must be a whole number from 1 to 100000; got 0.");
        assert_eq!(parse_scale_count("100001").unwrap_err().message, "Tasks must be a whole number from 1 to 100000; got 100001.");
        assert_eq!(parse_scale_count("1e5").unwrap_err().message, "Tasks must be a whole number from 1 to 100000; got \"1e5\" (not a whole number).");
        assert_eq!(parse_scale_count("").unwrap_err().message, "Tasks must be a whole number from 1 to 100000; got an empty field.");
    }

    #[test]
    fn label_limits() {
        assert_eq!(validate_label(" Data 1 ").unwrap(), "Data 1");
        let long = "x".repeat(61);
        assert_eq!(validate_label(&long).unwrap_err().message, "Label must be 1 to 60 characters; got 61 characters.");
        assert_eq!(validate_label(&"é".repeat(60)).unwrap().chars().count(), 60);
        assert_eq!(validate_label("").unwrap_err().message, "Label must be 1 to 60 characters; got an empty label.");
        assert!(validate_label("a\u{7}b").unwrap_err().message.contains("no control characters"));
        // Markup is just text to the core; the UI never inserts it as HTML.
        assert_eq!(validate_label("<script>x</script>").unwrap(), "<script>x</script>");
    }

    #[test]
    fn url_accepts_http_https_and_relative() {
        for ok in ["https://example.com/a", "HTTP://example.com", "data/sample.json", "/api/x?y=1", "./a", "//cdn.example/x", "a/b:c"] {
            assert_eq!(validate_url(ok).as_deref(), Ok(ok), "{ok}");
        }
    }

    #[test]
    fn url_rejections_name_field_limit_and_value() {
        let prefix = "URL must be an http: or https: URL or a relative path, up to 2000 characters; got ";
        for (input, tail) in [
            ("", "an empty field."),
            ("   ", "an empty field."),
            ("javascript:alert(1)", "\"javascript:alert(1)\" (scheme \"javascript:\")."),
            ("data:text/plain,hi", "\"data:text/plain,hi\" (scheme \"data:\")."),
            ("file:///etc/passwd", "\"file:///etc/passwd\" (scheme \"file:\")."),
            ("ftp://example.com/", "\"ftp://example.com/\" (scheme \"ftp:\")."),
            ("https://", "\"https://\" (no host after \"https://\")."),
            ("http:example.com", "\"http:example.com\" (no host after \"http://\")."),
            ("https://a b", "\"https://a b\" (it contains spaces or control characters)."),
        ] {
            let msg = validate_url(input).unwrap_err().message;
            assert_eq!(msg, format!("{prefix}{tail}"), "{input:?}");
        }
        let long = format!("https://example.com/{}", "a".repeat(10_000));
        assert_eq!(validate_url(&long).unwrap_err().message, format!("{prefix}10020 characters."));
    }

    #[test]
    fn task_count_limits() {
        assert!(validate_task_count(1).is_ok());
        assert!(validate_task_count(20).is_ok());
        assert_eq!(validate_task_count(0).unwrap_err().message, "Tasks: a lesson runs 1 to 20 tasks; got 0.");
        assert_eq!(validate_task_count(21).unwrap_err().message, "Tasks: a lesson runs 1 to 20 tasks; got 21.");
    }

    #[test]
    fn draft_collects_every_bad_field() {
        let draft = TaskDraft { label: String::new(), kind: TaskKind::Fetch, delay: "x".into(), fails: false, url: "ftp://a".into() };
        let fields: Vec<Field> = draft.validate().unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, [Field::Label, Field::Delay, Field::Url]);
        // A timer ignores its URL.
        let timer = TaskDraft { kind: TaskKind::Timer, label: "t".into(), delay: "5".into(), ..draft };
        assert_eq!(timer.validate().unwrap(), TaskSpec::timer("t", 5));
    }

    #[test]
    fn validate_all_reports_count_and_task_index() {
        let good = TaskDraft::from(&TaskSpec::timer("a", 1));
        assert_eq!(validate_all(&[good.clone()]).unwrap().len(), 1);
        let errs = validate_all(&[]).unwrap_err();
        assert_eq!(errs[0].1.field, Field::TaskCount);
        let bad = TaskDraft { delay: "-1".into(), ..good.clone() };
        let errs = validate_all(&[good, bad]).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].0, Some(1));
    }
}
