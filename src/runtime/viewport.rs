//! The viewport's width class: a phone's first screen is planned for from the start.

/// The narrow layout's breakpoint, as the stylesheet's (`max-width: 36rem`).
const NARROW: &str = "(max-width: 36rem)";

/// Whether the page is laid out for a narrow screen (a phone held upright, or a narrow frame).
pub fn narrow() -> bool {
    web_sys::window().and_then(|w| w.match_media(NARROW).ok().flatten()).is_some_and(|m| m.matches())
}
