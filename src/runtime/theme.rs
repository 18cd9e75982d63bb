//! The page's colour scheme: `data-theme` on the root element, and the reader's preference changing.

use async_lab_core::query::Theme;
use wasm_bindgen::prelude::*;

/// Forces light or dark on the whole page, or (`Auto`) leaves it to `prefers-color-scheme`; the
/// stylesheet's `light-dark()` colours follow at once, with nothing rebuilt.
pub fn apply(theme: Theme) {
    let Some(root) = super::root() else { return };
    let _ = match theme {
        Theme::Auto => root.remove_attribute("data-theme"),
        Theme::Light | Theme::Dark => root.set_attribute("data-theme", theme.as_str()),
    };
}

/// Calls `changed` whenever the reader's light or dark preference changes, for as long as the page lives.
pub fn on_preference_change(changed: impl FnMut() + 'static) {
    let Some(query) = web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()) else { return };
    let callback = Closure::<dyn FnMut()>::new(changed);
    let _ = query.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref());
    callback.forget();
}
