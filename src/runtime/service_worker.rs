//! The service worker client: registers `sw.js`, waits for it to control the page, and tells
//! whether the delayed endpoints under `api/` can be answered here.
//!
//! A service worker cannot always run (a cross-site iframe with third-party storage blocked,
//! an old browser); then fetch tasks to `api/` take the simulated path, and say so.

use super::js_message;
use super::timer::sleep;
use futures::future::{select, Either, FutureExt, LocalBoxFuture, Shared};
use std::cell::RefCell;
use wasm_bindgen_futures::JsFuture;

/// What this page can do with the delayed endpoints.
pub use async_lab_core::work::WorkerStatus as Status;

/// How long a page waits for the worker to take control before it takes the simulated path.
pub const CONTROL_TIMEOUT_MS: u32 = 3_000;

thread_local! {
    static STATUS: RefCell<Status> = const { RefCell::new(Status::Pending) };
    static REGISTRATION: RefCell<Option<Shared<LocalBoxFuture<'static, Status>>>> = const { RefCell::new(None) };
}

/// Registers the worker once per page, on first use; later calls share that registration.
fn registration() -> Shared<LocalBoxFuture<'static, Status>> {
    REGISTRATION.with(|r| {
        r.borrow_mut()
            .get_or_insert_with(|| {
                let shared = register(CONTROL_TIMEOUT_MS).boxed_local().shared();
                wasm_bindgen_futures::spawn_local(shared.clone().map(drop));
                shared
            })
            .clone()
    })
}

/// The status once registration has settled (at most about [`CONTROL_TIMEOUT_MS`] after start-up).
pub async fn ready() -> Status {
    registration().await
}

pub fn status() -> Status {
    STATUS.with(|s| s.borrow().clone())
}

fn set_status(status: Status) {
    STATUS.with(|s| *s.borrow_mut() = status);
}

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Browsers without service workers (or pages that are not secure contexts) lack the property.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into()).ok()?.then(|| navigator.service_worker())
}

/// Whether this copy's own worker controls the page. Another copy of the app served above this
/// one on the same origin (`/` over `/v2/`) has a worker whose scope covers this page too, but it
/// answers only its own folder's `api/`: its control is not this page's.
fn controlled() -> bool {
    let own = format!("{}sw.js", super::location::app_base());
    container().and_then(|c| c.controller()).is_some_and(|worker| worker.script_url() == own)
}

/// Registers `sw.js` with scope `./` and waits up to `timeout_ms` for it to control the page;
/// returns the resulting status, which [`status`] reports from then on. Until this copy's own
/// worker controls the page, the status is not ready and `api/` requests take the simulated path.
async fn register(timeout_ms: u32) -> Status {
    // Registering costs the main thread a few ms; the app's first paint and click come first.
    super::yield_now::yield_now().await;
    let Some(container) = container() else {
        set_status(Status::Unavailable("this browser offers no service workers here".into()));
        return status();
    };
    if controlled() {
        set_status(Status::Ready);
        return status();
    }
    let options = web_sys::RegistrationOptions::new();
    options.set_scope("./");
    let registered = JsFuture::from(container.register_with_options("sw.js", &options)).await;
    if let Err(e) = registered {
        set_status(Status::Unavailable(js_message(&e)));
        return status();
    }
    let waited = select(Box::pin(controller_change(&container)), Box::pin(sleep(timeout_ms))).await;
    set_status(match waited {
        Either::Left(_) => Status::Ready,
        Either::Right(_) if controlled() => Status::Ready,
        Either::Right(_) => Status::Unavailable(format!("the service worker did not take control within {timeout_ms} ms")),
    });
    status()
}

/// Resolves once this copy's worker controls the page (at once if it does): each
/// `controllerchange` is checked, since another copy's worker may be the one taking control.
async fn controller_change(container: &web_sys::ServiceWorkerContainer) {
    while !controlled() {
        let promise = js_sys::Promise::new(&mut |resolve, _reject| {
            let options = web_sys::AddEventListenerOptions::new();
            options.set_once(true);
            let _ = container.add_event_listener_with_callback_and_add_event_listener_options("controllerchange", &resolve, &options);
        });
        let _ = JsFuture::from(promise).await;
    }
}
