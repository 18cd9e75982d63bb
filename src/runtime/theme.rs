//! The page's colour scheme and look: `data-theme` on the root element, a link's font and accent,
//! and the reader's preference changing.

use async_lab_core::look::{Font, Rgb};
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

/// A link's font and accent (`font=`, `accent=`, checked by core) as custom properties on the root,
/// set through CSSOM: the page's strict policy refuses a style attribute or element, not this. The
/// stylesheet reads `--font` for its text (code keeps its monospace) and `--accent` and
/// `--accent-text` in light and dark alike; `None` leaves its own.
pub fn apply_look(font: Option<&Font>, accent: Option<Rgb>) {
    let Some(root) = super::root().and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
    let style = root.style();
    if let Some(font) = font {
        let _ = style.set_property("--font", font.as_css());
    }
    if let Some(accent) = accent {
        let _ = style.set_property("--accent", &accent.css());
        let _ = style.set_property("--accent-text", &accent.foreground().rgb().css());
    }
}

/// Calls `changed` whenever the reader's light or dark preference changes, for as long as the page lives.
pub fn on_preference_change(changed: impl FnMut() + 'static) {
    let Some(query) = web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()) else { return };
    let callback = Closure::<dyn FnMut()>::new(changed);
    let _ = query.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref());
    callback.forget();
}
