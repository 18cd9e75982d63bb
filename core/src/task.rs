//! Task specs, the editor's drafts and their validation against the product's limits.

pub use crate::field::{
    parse_deadline, parse_delay, parse_fail_first, parse_limit, parse_scale_count, parse_timeout, shown, validate_label, validate_task_count, validate_url,
    Field, FieldError,
};
use serde::Serialize;

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

/// How a CPU task's busy loop treats the one thread it runs on: cpu-bound's Block / Yield choice,
/// `loop=` in the URL. One name from the URL to the runtime.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum BusyLoop {
    /// Spin until done: nothing else runs meanwhile.
    #[default]
    Block,
    /// Spin in short slices, yielding to the browser between them.
    Yield,
}

impl BusyLoop {
    pub const ALL: [BusyLoop; 2] = [BusyLoop::Block, BusyLoop::Yield];

    pub fn as_str(self) -> &'static str {
        match self {
            BusyLoop::Block => "block",
            BusyLoop::Yield => "yield",
        }
    }

    pub fn parse(s: &str) -> Option<BusyLoop> {
        BusyLoop::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// The delayed endpoint a fetch task with this label and delay starts with: `api/delay/{ms}/{name}`.
pub fn endpoint_for(label: &str, delay: &str) -> String {
    format!("api/delay/{}/{}", delay.trim(), slug(label))
}

/// A label as a path segment: ASCII letters and digits in lower case, anything else a `-`, none at the ends.
pub fn slug(label: &str) -> String {
    let name: String = label.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    name.trim_matches('-').to_owned()
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
        TaskDraft { label: spec.label.clone(), kind: spec.kind, delay: spec.delay_ms.to_string(), fails: spec.fails, url: spec.url.clone() }
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

    /// [`TaskDraft::validate`] with its first message only: what a notice about a task from a
    /// link (`tasks=`, a link to a moment) names.
    pub fn checked(&self) -> Result<TaskSpec, String> {
        self.validate().map_err(|errors| errors.into_iter().next().map(|e| e.message).unwrap_or_default())
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

/// The message shown when a run is refused: the first problem, which task it is in, and how many
/// problems there are in all.
pub fn refusal(errors: &[(Option<usize>, FieldError)]) -> String {
    let Some((index, first)) = errors.first() else { return "Nothing ran.".to_owned() };
    let place = index.map(|i| format!("Task {}: ", i + 1)).unwrap_or_default();
    let more = if errors.len() > 1 { format!(" ({} problems in all)", errors.len()) } else { String::new() };
    format!("Nothing ran. {place}{}{more}", first.message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_follow_label_and_delay() {
        assert_eq!(endpoint_for("Data 1", " 2000 "), "api/delay/2000/data-1");
        assert_eq!(endpoint_for("greet(\"Alice\")", "5"), "api/delay/5/greet--alice");
        assert_eq!(endpoint_for("éé", "1"), "api/delay/1/");
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
    fn a_refusal_names_the_first_problem_and_counts_them() {
        let good = TaskDraft::from(&TaskSpec::timer("a", 1));
        let bad = TaskDraft { delay: "-1".into(), label: String::new(), ..good.clone() };
        let errors = validate_all(&[good, bad]).unwrap_err();
        assert_eq!(refusal(&errors), "Nothing ran. Task 2: Label must be 1 to 60 characters; got an empty label. (2 problems in all)");
        assert_eq!(refusal(&validate_all(&[]).unwrap_err()), "Nothing ran. Tasks: a lesson runs 1 to 20 tasks; got 0.");
        assert_eq!(refusal(&[]), "Nothing ran.");
    }

    #[test]
    fn validate_all_reports_count_and_task_index() {
        let good = TaskDraft::from(&TaskSpec::timer("a", 1));
        assert_eq!(validate_all(std::slice::from_ref(&good)).unwrap().len(), 1);
        let errs = validate_all(&[]).unwrap_err();
        assert_eq!(errs[0].1.field, Field::TaskCount);
        let bad = TaskDraft { delay: "-1".into(), ..good.clone() };
        let errs = validate_all(&[good, bad]).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].0, Some(1));
    }
}
