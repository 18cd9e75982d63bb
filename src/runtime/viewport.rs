//! Media queries on the viewport: a narrow screen (a phone's first screen is planned for from the
//! start) and reduced motion.

/// Whether the page is laid out for a narrow screen (a phone held upright, or a narrow frame): the
/// stylesheet's breakpoint.
pub fn narrow() -> bool {
    matches("(max-width: 36rem)")
}

/// Whether the person asked for reduced motion: then drawings change in steps, not every frame.
pub fn reduced_motion() -> bool {
    matches("(prefers-reduced-motion: reduce)")
}

/// One query for both: one instance in the wasm.
fn matches(query: &str) -> bool {
    web_sys::window().and_then(|w| w.match_media(query).ok().flatten()).is_some_and(|m| m.matches())
}
