//! The app's state and the learner's intents, between the UI and the layers below: components
//! read these signals and call these methods; the methods plan in core and act through runtime.
//!
//! One concern per module: [`drafts`] (the tasks as typed), [`runs`] (starting, cancelling and
//! reporting runs), [`scale`] (the Scale panel, apart from the lesson's runs), [`trigger`] (the
//! one-shot handle behind Cancel and Await it), [`hooks`] (browser effects a component starts),
//! [`moment`] (links that carry a recorded run to replay elsewhere), [`predict`] (the guess before
//! the first run).

pub mod drafts;
pub mod hooks;
pub mod moment;
pub mod predict;
pub mod runs;
pub mod scale;
pub mod trigger;

pub use drafts::{DraftRow, Drafts};
pub use predict::Predict;
pub use runs::Runs;
pub use scale::{Scale, ScaleState};

use crate::runtime::{clock, download, location, service_worker, viewport};
use async_lab_core::download::Download;
use async_lab_core::embed;
use async_lab_core::highlight::Language;
use async_lab_core::look::{Font, Rgb};
use async_lab_core::query::{self, Decoded, Theme, UrlState};
use async_lab_core::step::{self, AtLine};
use async_lab_core::work::WorkerStatus;
use async_lab_core::{Column, Lesson, LessonId};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The lesson page: what the URL chose, and the handles of each concern.
#[derive(Clone, Copy)]
pub struct Session {
    /// Fixed at start-up: another lesson is another page load.
    pub lesson: LessonId,
    /// `embed=1`: the compact layout for iframes.
    pub embed: bool,
    /// `autorun=1`: Run both once the page is seen.
    pub autorun: bool,
    /// `heading=0`: the lesson's heading hidden (a host page has its own).
    pub heading: bool,
    /// `theme=`; a signal, because a host page may change it live.
    pub theme: RwSignal<Theme>,
    /// `font=`, fixed at start-up and carried into links as the theme is. Leaked once: the session
    /// lives as long as the page, and a `&'static` keeps `Session` `Copy` without an arena slot.
    pub font: Option<&'static Font>,
    /// `accent=`, like the font.
    pub accent: Option<Rgb>,
    /// The clock's resolution here, in ms: no figure is shown finer.
    pub resolution_ms: f64,
    /// Notices about the page's URL that fell back to defaults.
    pub notices: RwSignal<Vec<String>>,
    /// Whether the delayed endpoints are served by the service worker here, once known.
    pub network: RwSignal<Option<WorkerStatus>>,
    pub drafts: Drafts,
    pub runs: Runs,
    pub scale: Scale,
    pub predict: Predict,
}

impl Session {
    /// The session for a decoded URL; call inside the mounted reactive root.
    pub fn new(decoded: Decoded) -> Session {
        let Decoded { state, notices } = decoded;
        let drafts = Drafts::new(&state);
        let UrlState { lesson, embed, autorun, heading, theme, predict, font, accent, .. } = state;
        let resolution_ms = clock::resolution_ms();
        let session = Session {
            lesson,
            embed,
            autorun,
            heading,
            theme: RwSignal::new(theme),
            font: font.map(|f| &*Box::leak(Box::new(f))),
            accent,
            resolution_ms,
            notices: RwSignal::new(notices),
            network: RwSignal::new(None),
            drafts,
            runs: Runs::new(lesson, drafts, resolution_ms),
            scale: Scale::new(resolution_ms),
            predict: Predict::new(predict, autorun),
        };
        spawn_local(async move {
            session.network.set(Some(service_worker::ready().await));
        });
        // An embed is result-first, and a phone's first screen is the lab, not the form: the editor
        // starts folded behind Edit tasks.
        if embed || viewport::narrow() {
            session.runs.editor_open.set(false);
        }
        session.open_moment();
        session
    }

    /// Provides the session and its narrower handles as contexts, for the components below.
    pub fn provide(self) {
        provide_context(self);
        provide_context(self.drafts);
        provide_context(self.runs);
        provide_context(self.scale);
        provide_context(self.predict);
    }

    pub fn lesson_texts(&self) -> &'static Lesson {
        self.lesson.lesson()
    }

    /// Restores the lesson's defaults and clears its runs.
    pub fn reset(&self) {
        self.runs.clear();
        self.drafts.reset();
    }

    /// The lesson's listing in `language`: the Rust is the program's own source region.
    pub fn listing(&self, language: Language) -> &'static str {
        match language {
            Language::Rust => crate::lessons::source::for_lesson(self.lesson),
            Language::Python => self.lesson_texts().python,
            Language::JavaScript => self.lesson_texts().javascript,
        }
    }

    /// The Rust listing's lines at which the shown runs' tasks are running, at the playhead while
    /// replaying: the code in step with the timeline.
    pub fn at_lines(&self) -> Vec<AtLine> {
        let (first, listing) = (crate::lessons::source::first_line(self.lesson), self.listing(Language::Rust));
        self.runs.with_shown(|runs| step::at_lines(runs, first, listing))
    }

    /// What else runs for this lesson's point, outside its shown region: (title, Rust code).
    pub fn also_runs(&self) -> &'static [(&'static str, &'static str)] {
        crate::lessons::source::also_runs(self.lesson)
    }

    /// The state on screen as the full app's URL state; `None` while a field is invalid (tracked).
    fn url_state(&self) -> Option<UrlState> {
        let tasks = self.drafts.valid_specs()?;
        let options = self.drafts.valid_options()?;
        let theme = self.theme.get();
        Some(UrlState {
            lesson: self.lesson,
            tasks: Some(tasks),
            embed: false,
            autorun: false,
            heading: true,
            predict: true,
            theme,
            options,
            font: self.font.cloned(),
            accent: self.accent,
        })
    }

    /// The query string of this page as it is shown: what the address bar keeps.
    pub fn page_query(&self) -> Option<String> {
        let state = self.url_state()?;
        Some(query::encode(&UrlState { embed: self.embed, autorun: self.autorun && self.embed, heading: self.heading, predict: self.predict.wanted, ..state }))
    }

    /// The full app's link with the state on screen (Copy link, Open in Async Lab).
    pub fn full_app_link(&self) -> Option<String> {
        let state = self.url_state()?;
        Some(format!("{}?{}", location::app_base(), query::encode(&state)))
    }

    /// Saves the run shown in `column` as `what`, once it has ended (the button shows only then).
    pub fn download(&self, column: Column, what: Download) {
        let file = self.runs.recorded(column).with_untracked(|run| {
            let run = run.as_ref()?;
            Some((what.file_name(run), what.contents(run, self.resolution_ms)?))
        });
        if let Some((name, json)) = file {
            download::save_json(&name, &json);
        }
    }

    /// The snippets for the compact embed with the state on screen (Copy embed code): the
    /// `<async-lab>` element first, then the bare iframe for hosts that prefer no script of ours.
    pub fn embed_snippet(&self) -> Option<String> {
        let state = self.url_state()?;
        let base = location::app_base();
        let query = query::encode(&UrlState { embed: true, autorun: self.autorun, heading: self.heading, predict: self.predict.wanted, ..state });
        let (src, script, title) = (format!("{base}?{query}"), format!("{base}embed.js"), self.lesson_texts().title);
        let element = embed::element_snippet(&query, &self.full_app_link()?, &script, title);
        Some(format!("{element}\n\n<!-- Or the bare iframe, sized by the same script: -->\n{}", embed::snippet(&src, &script, title, SNIPPET_HEIGHT_PX)))
    }
}

/// The height an embed snippet starts with, before `embed.js` sizes the frame to its content.
const SNIPPET_HEIGHT_PX: u32 = 760;
