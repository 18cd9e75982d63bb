//! The panic hook: with `panic = "abort"` the wasm instance is dead once a panic returns, so the
//! error panel is drawn with plain DOM calls, and Reload is a plain link.

use wasm_bindgen::JsCast;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        // The message alone: wasm builds carry no file in panic locations (.cargo/config.toml).
        let payload = info.payload();
        let message = payload.downcast_ref::<&str>().copied().or_else(|| payload.downcast_ref::<String>().map(String::as_str));
        show_panel(message.unwrap_or("The app panicked."));
    }));
}

/// Draws the error panel with plain DOM calls: the wasm instance may be dead right after.
pub fn show_panel(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    let make = |tag: &str, text: &str| {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        Some(el)
    };
    let Some(panel) = make("div", "") else { return };
    panel.set_class_name("panic");
    let _ = panel.set_attribute("role", "alert");
    let parts = [
        make("h2", "Async Lab stopped"),
        make("p", "Something went wrong inside the app, and it cannot continue. Reloading starts it again."),
        make("pre", message),
    ];
    for part in parts.into_iter().flatten() {
        let _ = panel.append_child(&part);
    }
    if let Some(link) = make("a", "Reload") {
        let _ = link.set_attribute("href", "");
        link.set_class_name("button");
        let _ = panel.append_child(&link);
    }
    let _ = body.prepend_with_node_1(&panel);
    if let Some(el) = panel.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}
