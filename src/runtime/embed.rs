//! The embedded page's side of embedding: reporting its height to the parent, following its theme, and knowing when it is seen.

use super::events::{post_to_parent, Message};
use async_lab_core::query::Theme;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static LAST_HEIGHT: Cell<u32> = const { Cell::new(0) };
}

/// The content's height: the root element's box, which (unlike `scrollHeight`) does not grow
/// to fill a taller frame, so a frame sized to it never feeds back into it.
fn content_height() -> u32 {
    let Some(root) = super::root() else { return 0 };
    root.get_bounding_client_rect().height().ceil() as u32
}

fn report_height() {
    let height = content_height();
    if height != LAST_HEIGHT.with(Cell::get) {
        LAST_HEIGHT.with(|h| h.set(height));
        post_to_parent(&Message::Resize { height });
    }
}

/// In a frame, posts `resize` now and whenever the content's height changes, and again when
/// the parent's `embed.js` asks (it may have arrived after the first report).
pub fn report_height_changes() {
    let Some(parent) = super::events::parent() else { return };
    listen_for_measure_requests(parent);
    let Some(root) = super::root() else { return };
    let on_change = Closure::<dyn FnMut()>::new(report_height);
    // ResizeObserver catches layout changes (a narrower frame); but Chromium stops rendering an
    // off-screen cross-site frame, and with it ResizeObserver, so DOM changes are watched too:
    // MutationObserver callbacks are microtasks, which still run there.
    if let Ok(observer) = web_sys::ResizeObserver::new(on_change.as_ref().unchecked_ref()) {
        observer.observe(&root);
        std::mem::forget(observer);
    }
    if let Ok(observer) = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()) {
        let options = web_sys::MutationObserverInit::new();
        options.set_subtree(true);
        options.set_child_list(true);
        options.set_character_data(true);
        // Not every attribute: bars move every frame, and only these change the height.
        options.set_attribute_filter(&js_sys::Array::of3(&"class".into(), &"hidden".into(), &"open".into()));
        let _ = observer.observe_with_options(&root, &options);
        std::mem::forget(observer);
    }
    // The observers and their callback live as long as the page.
    on_change.forget();
    report_height();
}

/// What the parent page's `embed.js` may ask of the frame.
enum HostMessage {
    /// `{ source: "async-lab-host", type: "measure" }`: report the height again.
    Measure,
    /// `{ source: "async-lab-host", type: "theme", theme: "light"|"dark"|"auto" }`.
    Theme(Theme),
    /// `{ source: "async-lab-host", type: "room", height: <px> }`: the height the frame keeps
    /// whatever the content (an `<async-lab>` element's reserved height), which the card fills.
    Room(u32),
}

/// The message, if it is one of the three above and comes from the parent window itself;
/// anything else (another frame, another shape, an unknown theme) is `None`.
fn host_message(event: &web_sys::MessageEvent, parent: &web_sys::Window) -> Option<HostMessage> {
    if !event.source().is_some_and(|s| js_sys::Object::is(&s, parent)) {
        return None;
    }
    let data = event.data();
    let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).ok().and_then(|v| v.as_string());
    if !data.is_object() || field("source").as_deref() != Some("async-lab-host") {
        return None;
    }
    match field("type").as_deref()? {
        "measure" => Some(HostMessage::Measure),
        "theme" => Theme::parse(&field("theme")?).map(HostMessage::Theme),
        "room" => {
            let height = js_sys::Reflect::get(&data, &"height".into()).ok()?.as_f64()?;
            (height.is_finite() && (0.0..=100_000.0).contains(&height)).then_some(HostMessage::Room(height as u32))
        }
        _ => None,
    }
}

/// Calls `handle` with each message the parent sends, for as long as the page lives.
fn listen_to_host(parent: web_sys::Window, mut handle: impl FnMut(HostMessage) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        if let Some(message) = host_message(&event, &parent) {
            handle(message);
        }
    });
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}

/// The layout's side of the host's messages: measure again, and fill the room the frame keeps.
fn listen_for_measure_requests(parent: web_sys::Window) {
    listen_to_host(parent, |message| match message {
        HostMessage::Measure => {
            LAST_HEIGHT.with(|h| h.set(0));
            report_height();
        }
        HostMessage::Room(height) => {
            // A custom property set through CSSOM, which the page's strict policy allows.
            if let Some(root) = super::root().and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = root.style().set_property("--room", &format!("{height}px"));
            }
        }
        HostMessage::Theme(_) => {}
    });
}

/// In a frame, calls `follow` with each theme the host page sends (its own light or dark, as
/// `embed.js` reads it); outside a frame, never.
pub fn on_host_theme(follow: impl Fn(Theme) + 'static) {
    let Some(parent) = super::events::parent() else { return };
    listen_to_host(parent, move |message| match message {
        HostMessage::Theme(theme) => follow(theme),
        HostMessage::Measure | HostMessage::Room(_) => {}
    });
}

/// Resolves once `element` is on screen and the page is visible: the moment autorun may start.
pub async fn seen(element: &web_sys::Element) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let resolve_once = resolve.clone();
        let callback =
            Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
                let intersecting = entries.iter().any(|e| e.unchecked_into::<web_sys::IntersectionObserverEntry>().is_intersecting());
                if intersecting && !super::visibility::hidden() {
                    observer.disconnect();
                    let _ = resolve_once.call0(&JsValue::UNDEFINED);
                }
            });
        if let Ok(observer) = web_sys::IntersectionObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(element);
        } else {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
        callback.forget();
    });
    let _ = JsFuture::from(promise).await;
    // A hidden tab throttles timers: wait until it is shown.
    while super::visibility::hidden() {
        super::timer::sleep(250).await;
    }
}
