//! The clipboard: copying text, with an honest answer when the browser refuses.

use wasm_bindgen_futures::JsFuture;

/// Copies `text`; `false` when the browser refused (no permission, not a secure context, a frame
/// without `allow="clipboard-write"`).
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    JsFuture::from(window.navigator().clipboard().write_text(text)).await.is_ok()
}

/// The folder of the page's URL (`https://x.dev/lab/`), where the app's files live.
pub fn app_base() -> String {
    let Some(window) = web_sys::window() else { return String::new() };
    let location = window.location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let folder = path.rfind('/').map_or("/", |i| &path[..=i]);
    format!("{origin}{folder}")
}
