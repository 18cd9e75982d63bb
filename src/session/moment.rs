//! Links to a moment: the recorded runs carried in a link's fragment, compressed by the browser,
//! and opened elsewhere as a replay that starts nothing.

use super::Session;
use crate::runtime::{compression, frames, location};
use async_lab_core::query::{self, UrlState};
use async_lab_core::share::{self, Moment, ShareError, MAX_PAYLOAD_BYTES};
use async_lab_core::{LessonId, Run, TaskKind};
use leptos::prelude::*;
use leptos::task::spawn_local;

impl Session {
    /// Opens the link to a moment in the page's fragment, if there is one: its runs replayed at
    /// its moment, their tasks in the editor. A link that cannot be read gets its notice, loses its
    /// fragment, and the lesson stays live.
    pub fn open_moment(&self) {
        let this = *self;
        spawn_local(async move {
            // The page is drawn first; reading the link, filling the editor and drawing each of its
            // runs then take a frame of their own each, so that opening a link near the payload's
            // cap adds no long frame of the lab's to start-up.
            frames::drawn().await;
            let Some(moment) = share::parse_fragment(&location::hash()) else { return };
            match read(this.lesson, moment).await {
                Ok((runs, at_ms)) => {
                    frames::drawn().await;
                    let typed = share::typed(&runs.iter().collect::<Vec<&Run>>());
                    // Run it live is one click: a link whose tasks fetch another site shows them
                    // (their URLs) in the open editor first.
                    let elsewhere = typed.tasks.iter().any(|t| t.kind == TaskKind::Fetch && !location::is_api(&t.url));
                    this.runs.editor_open.set(elsewhere);
                    this.drafts.take(&typed);
                    for run in runs {
                        frames::drawn().await;
                        this.runs.replay_shared(run, at_ms);
                    }
                }
                Err(why) => {
                    this.notices.update(|n| n.push(why.notice()));
                    location::drop_fragment();
                }
            }
        });
    }

    /// The link to the moment shown (**Copy link to this moment**): the recorded runs and the
    /// playhead in the fragment, the tasks they ran in the query.
    pub async fn moment_link(&self) -> Result<String, NoLink> {
        let runs = self.runs;
        let (payload, typed) = runs.with_recorded(|r| (share::link_payload(r), share::typed(r)));
        if typed.tasks.is_empty() {
            return Err(NoLink::NoRun);
        }
        let payload = payload.map_err(|_| NoLink::TooLarge)?;
        // The link's query holds the runs' own choices; a choice no run shows is the one on screen.
        let at_ms = untrack(|| runs.playhead.get().unwrap_or_else(|| runs.replay_span()));
        let options = typed.over(self.drafts.options());
        let state = UrlState {
            lesson: self.lesson,
            tasks: Some(typed.tasks),
            embed: false,
            autorun: false,
            heading: true,
            predict: true,
            theme: self.theme.get_untracked(),
            options,
            font: self.font.cloned(),
            accent: self.accent,
        };
        let compressed = compression::deflate(payload.as_bytes()).await.ok_or(NoLink::NoCompression)?;
        let fragment = share::fragment(&compressed, at_ms).map_err(|_| NoLink::TooLarge)?;
        Ok(format!("{}?{}{fragment}", location::app_base(), query::encode(&state)))
    }
}

/// Why **Copy link to this moment** made no link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoLink {
    /// No run is shown.
    NoRun,
    /// The runs hold more than a link is opened with (`share::MAX_PAYLOAD_BYTES` as text,
    /// `share::MAX_LINK_CHARS` compressed).
    TooLarge,
    /// The browser offers no `CompressionStream`.
    NoCompression,
}

/// The runs of a link and where its replay opens, every step checked: base64url, the capped
/// inflate, UTF-8, the payload's own checks, the lesson.
async fn read(lesson: LessonId, moment: Result<Moment, ShareError>) -> Result<(Vec<Run>, f64), ShareError> {
    let moment = moment?;
    let bytes = compression::inflate(&moment.compressed, MAX_PAYLOAD_BYTES).await?;
    let text = String::from_utf8(bytes).map_err(|_| ShareError::Malformed)?;
    Ok((share::decode_for(lesson, &text)?, moment.at_ms()))
}
