//! Saving a text as a file the browser downloads, through a link to a `data:` URL.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Offers `json` as the file `name`. Only a page without a document could not, and then there is no
/// button to answer either.
///
/// A `data:` URL rather than a Blob's object URL: nothing to revoke afterwards, and no Blob
/// bindings in the wasm. A lesson run's trace is tens of KB, far below the URL limits.
pub fn save_json(name: &str, json: &str) {
    let _ = offer(name, json);
}

fn offer(name: &str, json: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let link: HtmlElement = document.create_element("a").ok()?.dyn_into().ok()?;
    let url = format!("data:application/json;charset=utf-8,{}", String::from(js_sys::encode_uri_component(json)));
    link.set_attribute("href", &url).ok()?;
    link.set_attribute("download", name).ok()?;
    link.click();
    Some(())
}
