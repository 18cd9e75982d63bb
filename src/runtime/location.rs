//! The page's address: its origin and folder, the query string kept in sync, and which URLs stay at home.

use wasm_bindgen::prelude::*;

/// Whether `url` resolves to this page's origin.
pub fn same_origin(url: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let Ok(origin) = window.location().origin() else { return false };
    let base = window.document().and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    web_sys::Url::new_with_base(url, &base).is_ok_and(|u| u.origin() == origin)
}

/// Replaces the page's query string without a reload, so the address bar is always a share link.
pub fn replace_query(query: &str) {
    let Some(window) = web_sys::window() else { return };
    // replaceState is not free (a few ms at start-up, more with a link to a moment's hundreds of
    // KiB of fragment) and the address often already says it.
    if window.location().search().is_ok_and(|s| s.strip_prefix('?') == Some(query)) {
        return;
    }
    let path = window.location().pathname().unwrap_or_default();
    // The fragment stays the browser's string: copied into wasm and back, a link to a moment's
    // hundreds of KiB cost more than replaceState itself.
    let _ = replace_state(&JsValue::NULL, "", &js_sys::JsString::from(format!("{path}?{query}")).concat(&fragment(&window)));
}

#[wasm_bindgen]
extern "C" {
    /// `history.replaceState` with a URL that stays a JavaScript string.
    #[wasm_bindgen(catch, js_namespace = history, js_name = replaceState)]
    fn replace_state(data: &JsValue, unused: &str, url: &js_sys::JsString) -> Result<(), JsValue>;
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

/// Whether `url` names one of the app's own delayed endpoints (`api/…` beside the page).
pub fn is_api(url: &str) -> bool {
    let Some(base) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()) else {
        return false;
    };
    let (Ok(target), Ok(api)) = (web_sys::Url::new_with_base(url, &base), web_sys::Url::new_with_base("api/", &base)) else {
        return false;
    };
    target.href().starts_with(&api.href())
}

/// The page's fragment, with its `#` (empty when there is none).
pub fn hash() -> String {
    web_sys::window().and_then(|w| fragment(&w).as_string()).unwrap_or_default()
}

/// `location.hash` as the browser's string, copied into wasm only by the caller that needs it.
fn fragment(window: &web_sys::Window) -> JsValue {
    js_sys::Reflect::get(&window.location(), &"hash".into()).unwrap_or_default()
}

/// Drops the fragment from the address bar without a reload (a link to a moment, once left).
pub fn drop_fragment() {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let url = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    let _ = replace_state(&JsValue::NULL, "", &url.into());
}
