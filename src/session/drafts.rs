//! The task drafts: the editor's rows as typed, adding, removing and resetting them, and turning
//! them into validated specs (or the message that says why not).

use async_lab_core::budget::{check_cpu, Click};
use async_lab_core::plan::{self, DEFAULT_DEADLINE_MS, DEFAULT_LIMIT};
use async_lab_core::query::UrlState;
use async_lab_core::retry::DEFAULT_FAIL_FIRST;
use async_lab_core::share::Typed;
use async_lab_core::stats::expected_wall_ms_of_drafts;
use async_lab_core::task::{
    endpoint_for, parse_deadline, parse_fail_first, parse_limit, parse_timeout, refusal, validate_all, validate_task_count, DEFAULT_TIMEOUT_MS, MAX_TASKS,
    MIN_TASKS,
};
use async_lab_core::{BusyLoop, Column, FieldError, LessonId, OnError, Options, RunPlan, TaskDraft, TaskKind, TaskSpec};
use leptos::prelude::*;

/// `parsed`'s value, or `default` with its error kept in `first` unless an earlier one is there.
fn or_default<T>(parsed: Result<T, FieldError>, default: T, first: &mut Option<FieldError>) -> T {
    parsed.unwrap_or_else(|e| {
        first.get_or_insert(e);
        default
    })
}

/// A row of the task editor. The id keys the row in lists; the draft holds what was typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DraftRow {
    pub id: u32,
    pub draft: RwSignal<TaskDraft>,
}

/// The lesson's tasks as typed, and the run options beside them.
#[derive(Clone, Copy)]
pub struct Drafts {
    lesson: LessonId,
    pub rows: RwSignal<Vec<DraftRow>>,
    /// Each task's timeout in ms, as typed.
    pub timeout: RwSignal<String>,
    /// cpu-bound: whether busy loops block or yield.
    pub busy_loop: RwSignal<BusyLoop>,
    /// timeout: the deadline in ms, as typed.
    pub deadline: RwSignal<String>,
    /// errors: fail fast or settle.
    pub on_error: RwSignal<OnError>,
    /// limit: the most requests in flight at once, as typed.
    pub limit: RwSignal<String>,
    /// retry: how many attempts at each request the flaky endpoint fails, as typed.
    pub fail_first: RwSignal<String>,
    /// Why the last request to run, add or remove was refused, if it was.
    pub problem: RwSignal<Option<String>>,
    next_id: StoredValue<u32>,
}

impl Drafts {
    /// The drafts of `state`'s lesson: its tasks (or the lesson's defaults) and run options.
    pub fn new(state: &UrlState) -> Drafts {
        let lesson = state.lesson;
        let drafts = Drafts {
            lesson,
            rows: RwSignal::new(Vec::new()),
            timeout: RwSignal::new(state.options.timeout_ms.to_string()),
            busy_loop: RwSignal::new(state.options.busy_loop),
            deadline: RwSignal::new(state.options.deadline_ms.to_string()),
            on_error: RwSignal::new(state.options.on_error),
            limit: RwSignal::new(state.options.limit.to_string()),
            fail_first: RwSignal::new(state.options.fail_first.to_string()),
            problem: RwSignal::new(None),
            next_id: StoredValue::new(1),
        };
        drafts.set_tasks(&state.tasks.clone().unwrap_or_else(|| lesson.lesson().default_tasks()));
        drafts
    }

    fn row(&self, spec: &TaskSpec) -> DraftRow {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        DraftRow { id, draft: RwSignal::new(TaskDraft::from(spec)) }
    }

    /// Replaces every row; the old rows' signals are disposed, since no owner would free them.
    pub fn set_tasks(&self, tasks: &[TaskSpec]) {
        let rows = tasks.iter().map(|t| self.row(t)).collect();
        let old = self.rows.try_update(|r| std::mem::replace(r, rows)).unwrap_or_default();
        old.into_iter().for_each(|row| row.draft.dispose());
    }

    /// Whether any task as typed is a fetch (tracked): only then does where requests go matter.
    pub fn has_fetch(&self) -> bool {
        self.rows.with(|rows| rows.iter().any(|r| r.draft.with(|d| d.kind == TaskKind::Fetch)))
    }

    pub fn can_add(&self) -> bool {
        self.rows.with(Vec::len) < MAX_TASKS
    }

    pub fn can_remove(&self) -> bool {
        self.rows.with(Vec::len) > MIN_TASKS
    }

    pub fn add_task(&self) {
        let count = self.rows.with_untracked(Vec::len);
        if let Err(e) = validate_task_count(count + 1) {
            return self.problem.set(Some(e.message));
        }
        let row = self.row(&TaskSpec::timer(&format!("Data {}", count + 1), 1000));
        self.rows.update(|rows| rows.push(row));
        self.problem.set(None);
    }

    pub fn remove_task(&self) {
        let count = self.rows.with_untracked(Vec::len);
        if let Err(e) = validate_task_count(count.saturating_sub(1)) {
            return self.problem.set(Some(e.message));
        }
        if let Some(row) = self.rows.try_update(Vec::pop).flatten() {
            row.draft.dispose();
        }
        self.problem.set(None);
    }

    /// Takes the tasks and the choices of a link's runs (the choices its runs do not show stay).
    pub fn take(&self, typed: &Typed) {
        self.set_tasks(&typed.tasks);
        if let Some(busy_loop) = typed.busy_loop {
            self.busy_loop.set(busy_loop);
        }
        if let Some(deadline_ms) = typed.deadline_ms {
            self.deadline.set(deadline_ms.to_string());
        }
        if let Some(on_error) = typed.on_error {
            self.on_error.set(on_error);
        }
        if let Some(limit) = typed.limit {
            self.limit.set(limit.to_string());
        }
        if let Some(k) = typed.fail_first {
            self.fail_first.set(k.to_string());
        }
    }

    /// Restores the lesson's default tasks.
    pub fn reset(&self) {
        self.set_tasks(&self.lesson.lesson().default_tasks());
        self.problem.set(None);
    }

    /// Switching a task to fetch gives it a delayed endpoint that works out of the box.
    pub fn set_kind(&self, draft: RwSignal<TaskDraft>, kind: TaskKind) {
        draft.update(|d| {
            d.kind = kind;
            if kind == TaskKind::Fetch && d.url.trim().is_empty() {
                d.url = endpoint_for(&d.label, &d.delay);
            }
        });
    }

    /// Applies an edit to a draft; a URL still generated from its label and delay follows them.
    pub fn edit(&self, draft: RwSignal<TaskDraft>, apply: impl FnOnce(&mut TaskDraft)) {
        draft.update(|d| {
            let follows = d.url == endpoint_for(&d.label, &d.delay);
            apply(d);
            if follows {
                d.url = endpoint_for(&d.label, &d.delay);
            }
        });
    }

    /// Every draft as typed (tracked: for views and effects).
    pub fn all(&self) -> Vec<TaskDraft> {
        self.rows.with(|rows| rows.iter().map(|r| r.draft.get()).collect())
    }

    /// The tasks as typed when every field is valid (tracked: for the share link).
    pub fn valid_specs(&self) -> Option<Vec<TaskSpec>> {
        validate_all(&self.all()).ok()
    }

    /// What the model predicts for the lesson's run in `column` from the tasks and options as
    /// typed, before any run (tracked).
    pub fn expected_wall_ms(&self, column: Column) -> f64 {
        let plan = self.lesson.plan(column, self.typed_options().0);
        expected_wall_ms_of_drafts(self.lesson, plan.mode(), &self.all(), &plan.options)
    }

    /// The learner's options as set, for a run (untracked).
    pub fn options(&self) -> Options {
        untrack(|| self.typed_options().0)
    }

    /// The learner's options when every field of them is valid (tracked: for the share link).
    pub fn valid_options(&self) -> Option<Options> {
        match self.typed_options() {
            (options, None) => Some(options),
            (_, Some(_)) => None,
        }
    }

    /// The options as typed (tracked), each field that does not parse at its default, and the
    /// first such field's error: the one place the option fields are read.
    fn typed_options(&self) -> (Options, Option<FieldError>) {
        let mut first = None;
        let options = Options {
            busy_loop: self.busy_loop.get(),
            timeout_ms: or_default(parse_timeout(&self.timeout.get()), DEFAULT_TIMEOUT_MS, &mut first),
            deadline_ms: or_default(parse_deadline(&self.deadline.get()), DEFAULT_DEADLINE_MS, &mut first),
            on_error: self.on_error.get(),
            limit: or_default(parse_limit(&self.limit.get()), DEFAULT_LIMIT, &mut first),
            fail_first: or_default(parse_fail_first(&self.fail_first.get()), DEFAULT_FAIL_FIRST, &mut first),
        };
        (options, first)
    }

    /// The tasks as typed, validated for a run; on failure the reason is shown beside the buttons.
    pub fn specs(&self) -> Option<Vec<TaskSpec>> {
        let drafts: Vec<TaskDraft> = self.rows.with_untracked(|rows| rows.iter().map(|r| r.draft.get_untracked()).collect());
        if let (_, Some(e)) = untrack(|| self.typed_options()) {
            self.problem.set(Some(format!("Nothing ran. {}", e.message)));
            return None;
        }
        match validate_all(&drafts) {
            Ok(specs) => {
                self.problem.set(None);
                Some(specs)
            }
            Err(errors) => {
                self.problem.set(Some(refusal(&errors)));
                None
            }
        }
    }

    /// The lanes a run of `plan` runs for the tasks as typed (`plan::lanes`: race's JS lanes,
    /// timeout's deadlines), validated and within the cap on busy work for `click`.
    pub fn lanes_for(&self, plan: &RunPlan, click: Click) -> Option<Vec<TaskSpec>> {
        let lanes = plan::lanes(plan.mode(), self.specs()?, plan.options.deadline_ms);
        self.within_cpu_cap(lanes, click)
    }

    /// `specs` if the busy work that `click` would start stays within the cap; otherwise `None`,
    /// and the message naming the cap and the total shows beside the buttons.
    fn within_cpu_cap(&self, specs: Vec<TaskSpec>, click: Click) -> Option<Vec<TaskSpec>> {
        match check_cpu(&specs, click) {
            Ok(()) => Some(specs),
            Err(why) => {
                self.problem.set(Some(why));
                None
            }
        }
    }
}
