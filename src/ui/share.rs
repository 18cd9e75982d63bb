//! Sharing: Copy link and Copy embed code in the full app, and "Open in Async Lab" in an embed.

use crate::session::hooks::{copy_text, Copied};
use crate::session::Session;
use leptos::prelude::*;

#[component]
pub fn Share() -> impl IntoView {
    let session = expect_context::<Session>();
    let (status, set_status) = signal(String::new());
    let copy = move |what: &'static str, text: Option<String>| {
        let Some(text) = text else {
            set_status.set("Fix the highlighted fields first: a link carries only valid tasks.".to_owned());
            return;
        };
        copy_text(text, move |copied| {
            set_status.set(match copied {
                Copied::Done => format!("Copied the {what}."),
                Copied::Refused => format!("The browser refused to copy; select the {what} below and copy it by hand."),
            })
        });
    };
    view! {
        <div class="controls">
            <button type="button" on:click=move |_| copy("link", session.full_app_link())>"Copy link"</button>
            <button type="button" on:click=move |_| copy("embed code", session.embed_snippet())>"Copy embed code"</button>
            <span class="fine" role="status">{status}</span>
        </div>
        <label class="field wide">
            <span>"Embed code " <small>"(embed.js goes once in the page's <head>, no defer; then the <async-lab> element, or the bare iframe with the sandbox it needs)"</small></span>
            <textarea class="snippet" readonly rows="9" spellcheck="false" prop:value=move || session.embed_snippet().unwrap_or_default()></textarea>
        </label>
    }
}

/// The embed's one piece of chrome: a link to the full app with the same state, where what the
/// frame leaves out is (the code panel, the Scale panel, downloads).
#[component]
pub fn OpenInLab() -> impl IntoView {
    let session = expect_context::<Session>();
    view! {
        <p class="open-in-lab">
            <a href=move || session.full_app_link() target="_blank" rel="noopener">"Open in Async Lab ↗"</a>
            // The sandbox blocks downloads in a frame: the full app offers them.
            " for the code and downloads"
        </p>
    }
}
