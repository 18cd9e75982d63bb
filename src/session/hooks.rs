//! Browser effects that a component starts, as small `use_*` hooks: components call these and
//! never reach into `runtime` themselves.

use super::moment::NoLink;
use super::{Runs, Session};
use crate::runtime::motion::{Motion, Moving};
use crate::runtime::{clipboard, embed, location, theme};
use async_lab_core::budget::autorun_refusal;
use async_lab_core::TaskSpec;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Keeps the address bar equal to the state on screen, so it is a share link as it stands.
pub fn use_address_bar(session: Session) {
    Effect::new(move |previous: Option<()>| {
        let query = session.page_query();
        if previous.is_none() {
            // replaceState costs a few ms: at start-up it waits a task, behind the first click, and
            // then reads the state again, so a change made meanwhile is not overwritten.
            let latest = move || untrack(|| session.page_query());
            set_timeout(move || latest().iter().for_each(|q| location::replace_query(q)), std::time::Duration::ZERO);
        } else if let Some(query) = query {
            location::replace_query(&query);
        }
    });
}

/// Follows the theme the host page sends (through `embed.js`) and the reader's preference: the
/// colours change in place, so runs, replay and typed values stay, and the Scale canvas repaints.
pub fn use_host_theme(session: Session) {
    embed::on_host_theme(move |chosen| {
        theme::apply(chosen);
        session.theme.set(chosen);
        session.scale.repaint();
    });
    theme::on_preference_change(move || session.scale.repaint());
}

/// autorun: Run both once `root` is on screen and the page visible, if it starts only timers and
/// fetches of the app's own endpoints; otherwise it waits for a click and says why.
pub fn use_autorun(session: Session, root: NodeRef<leptos::html::Div>) {
    if !session.autorun {
        return;
    }
    Effect::new(move |_| {
        let Some(element) = root.get() else { return };
        spawn_local(async move {
            embed::seen(&element).await;
            let specs: Vec<TaskSpec> = session.drafts.rows.with_untracked(|rows| rows.iter().filter_map(|r| r.draft.get_untracked().validate().ok()).collect());
            match autorun_refusal(&specs, location::is_api) {
                None => session.runs.autorun_both(),
                Some(why) => session.notices.update(|n| n.push(why)),
            }
        });
    });
}

/// Predict, then run: the guess is taken as the page's first run starts, whichever button started it.
pub fn use_prediction(session: Session) {
    let (predict, runs) = (session.predict, session.runs);
    Effect::new(move |_| {
        if runs.in_flight.get().is_some() && predict.open.get_untracked() {
            predict.take(untrack(|| runs.latest().with(|r| r.as_ref().map_or(0, |r| r.id))));
        }
    });
}

/// A running task's bar grows with the live run's clock, on the compositor: `growing` gives, while
/// the task runs live, its start and the axis's span (ms from the run's start); the bar's full width
/// is the rest of the axis, so it grows at the axis's rate from the moment the task started.
pub fn use_growing_bar(runs: Runs, bar: NodeRef<leptos::svg::Rect>, growing: impl Fn() -> Option<(f64, f64)> + 'static) {
    use_motion(
        runs,
        Box::new(move || {
            let (start, span) = growing()?;
            Some((bar.get()?.into(), Motion::Grow, start, span - start))
        }),
    );
}

/// The "now" line slides with the live run's clock, on the compositor: `sliding` gives the axis's
/// span while a run is live; the line, at the axis's start, moves by its SVG's width.
pub fn use_sliding_now(runs: Runs, line: NodeRef<leptos::svg::Rect>, sliding: impl Fn() -> Option<f64> + 'static) {
    use_motion(runs, Box::new(move || Some((line.get()?.into(), Motion::Slide, 0.0, sliding()?))));
}

/// What moves: the element, how, from when (ms into the run) and for how long.
type MotionSpec = Box<dyn Fn() -> Option<(web_sys::Element, Motion, f64, f64)>>;

/// Keeps an element moving by the motion `spec` gives, restarting it when the spec changes (the
/// axis grew) and cancelling it when it is `None`. Boxed: one instance serves both hooks.
fn use_motion(runs: Runs, spec: MotionSpec) {
    Effect::new(move |previous: Option<Option<Moving>>| {
        // The previous motion ends before the next starts.
        drop(previous.flatten());
        let (element, motion, start, duration) = spec()?;
        Some(Moving::start(&element, motion, runs.clock_origin() + start, duration))
    });
}

/// How a copy ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Copied {
    Done,
    /// No permission, not a secure context, or a frame without `allow="clipboard-write"`.
    Refused,
}

/// Copies `text`, then tells `report` how it went.
pub fn copy_text(text: String, report: impl FnOnce(Copied) + 'static) {
    spawn_local(async move { report(copy(&text).await) });
}

/// Copies the link to the moment shown (**Copy link to this moment**), then tells `report` how
/// it went, or why no link was made.
pub fn copy_moment_link(session: Session, report: impl FnOnce(Result<Copied, NoLink>) + 'static) {
    spawn_local(async move {
        match session.moment_link().await {
            Ok(link) => report(Ok(copy(&link).await)),
            Err(why) => report(Err(why)),
        }
    });
}

async fn copy(text: &str) -> Copied {
    if clipboard::copy(text).await {
        Copied::Done
    } else {
        Copied::Refused
    }
}
