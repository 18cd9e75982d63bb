//! The clipboard: copying text, with an honest answer when the browser refuses.

use wasm_bindgen_futures::JsFuture;

/// Copies `text`; `false` when the browser refused (no permission, not a secure context, a frame
/// without `allow="clipboard-write"`).
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    JsFuture::from(window.navigator().clipboard().write_text(text)).await.is_ok()
}
