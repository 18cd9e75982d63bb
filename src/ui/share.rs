//! Sharing: Copy link and Copy embed code in the full app, and "Open in Async Lab" in an embed.

use crate::runtime::clipboard;
use crate::runtime::embed::app_base;
use crate::session::Session;
use async_lab_core::embed;
use leptos::prelude::*;

/// The height an embed snippet starts with, before `embed.js` sizes the frame to its content.
const SNIPPET_HEIGHT_PX: u32 = 760;

/// The full app's URL with the state on screen; `None` while a field is invalid.
fn full_link(session: Session) -> Option<String> {
    session.query(false).map(|q| format!("{}?{q}", app_base()))
}

#[component]
pub fn Share() -> impl IntoView {
    let session = expect_context::<Session>();
    let (status, set_status) = signal(String::new());
    let link = move || full_link(session);
    let snippet = move || {
        let src = format!("{}?{}", app_base(), session.query(true)?);
        Some(embed::snippet(&src, &format!("{}embed.js", app_base()), session.lesson.get().title, SNIPPET_HEIGHT_PX))
    };
    let copy = move |what: &'static str, text: Option<String>| {
        let Some(text) = text else {
            set_status.set("Fix the highlighted fields first: a link carries only valid tasks.".to_owned());
            return;
        };
        leptos::task::spawn_local(async move {
            let done = clipboard::copy(&text).await;
            set_status.set(if done { format!("Copied the {what}.") } else { format!("The browser refused to copy; select the {what} below and copy it by hand.") });
        });
    };
    view! {
        <div class="controls">
            <button type="button" on:click=move |_| copy("link", link())>"Copy link"</button>
            <button type="button" on:click=move |_| copy("embed code", snippet())>"Copy embed code"</button>
            <span class="fine" role="status">{status}</span>
        </div>
        <label class="field wide">
            <span>"Embed code " <small>"(the iframe needs this sandbox; embed.js sizes it to its content)"</small></span>
            <textarea class="snippet" readonly rows="5" spellcheck="false" prop:value=move || snippet().unwrap_or_default()></textarea>
        </label>
    }
}

/// The embed's one piece of chrome: a link to the full app with the same state.
#[component]
pub fn OpenInLab() -> impl IntoView {
    let session = expect_context::<Session>();
    let href = move || full_link(session);
    view! {
        <p class="open-in-lab">
            <a href=href target="_blank" rel="noopener">"Open in Async Lab ↗"</a>
        </p>
    }
}
