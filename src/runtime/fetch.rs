//! Fetch: a real `fetch` whose future aborts its `AbortController` when dropped.
//!
//! Dropping a `JsFuture` alone would leave the request on the wire; this wrapper makes a
//! cancelled run really cancel its requests, so the UI never claims a cancel that did not happen.

use super::gauge::Gauge;
use super::js_message;
use super::trace::Tagged;
use async_lab_core::trace::WakeSource;
pub use async_lab_core::work::{FetchError, Fetched, BODY_CAP_BYTES};
use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, RequestCredentials, RequestInit, Response};

thread_local! {
    static IN_FLIGHT: Gauge = const { Gauge::new() };
}

/// How many requests are on the wire right now.
pub fn in_flight() -> usize {
    IN_FLIGHT.with(Gauge::get)
}

/// How much of a body is kept, as text, for the lane's detail.
const PREVIEW_BYTES: usize = 120;

/// The header that marks a request to the app's own endpoints: the service worker answers only
/// requests that carry it, so it never answers another page of the same site.
pub const OWN_ENDPOINT_HEADER: (&str, &str) = ("x-async-lab", "app");

/// One GET request, not yet sent. It never carries the browser's cookies or HTTP credentials: its
/// URL may come from a link, and a link must not make the app read what only its user may see.
pub struct Request {
    url: String,
    controller: AbortController,
    marked: bool,
}

impl Request {
    pub fn get(url: &str) -> Request {
        // AbortController exists in every browser that runs wasm.
        let controller = AbortController::new().expect("AbortController");
        Request { url: url.to_owned(), controller, marked: false }
    }

    /// A request to the app's own `api/` endpoints, marked so that the service worker answers it.
    pub fn to_own_endpoint(url: &str) -> Request {
        Request { marked: true, ..Request::get(url) }
    }

    /// The signal that aborts this request, for callers that want to observe it.
    pub fn signal(&self) -> AbortSignal {
        self.controller.signal()
    }

    /// Sends the request and reads the whole body. Nothing is sent until the future is
    /// first polled; dropping the future before it finishes aborts the request.
    pub async fn send(self) -> Result<Fetched, FetchError> {
        let mut guard = AbortOnDrop::counted(&self.controller);
        let result = self.exchange().await;
        guard.armed = false;
        result
    }

    async fn exchange(&self) -> Result<Fetched, FetchError> {
        let init = init(self.marked)?;
        init.set_signal(Some(&self.controller.signal()));
        let response = Tagged::new(JsFuture::from(start(&self.url, &init)?), WakeSource::Fetch).await;
        answer(response).await
    }
}

/// A GET's options: no credentials, and the app's marker when `marked`.
fn init(marked: bool) -> Result<RequestInit, FetchError> {
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_credentials(RequestCredentials::Omit);
    if marked {
        // Same-origin only (the app's own api/), so the header costs no CORS preflight.
        let headers = web_sys::Headers::new().map_err(|e| FetchError::Network(js_message(&e)))?;
        headers.append(OWN_ENDPOINT_HEADER.0, OWN_ENDPOINT_HEADER.1).map_err(|e| FetchError::Network(js_message(&e)))?;
        init.set_headers(&headers);
    }
    Ok(init)
}

fn start(url: &str, init: &RequestInit) -> Result<js_sys::Promise, FetchError> {
    let window = web_sys::window().ok_or_else(|| FetchError::Network("no window".into()))?;
    Ok(window.fetch_with_str_and_init(url, init))
}

/// `fetch(url)` as JavaScript calls it: sent at once, with no `AbortSignal`, so nothing can stop
/// it; race's JS lanes. The same options as [`Request`] otherwise.
pub fn unstoppable(url: &str, marked: bool) -> Result<js_sys::Promise, FetchError> {
    start(url, &init(marked)?)
}

/// What a settled `fetch` promise answered, its body read up to the cap.
pub async fn answer(settled: Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>) -> Result<Fetched, FetchError> {
    let response: Response = settled.map_err(|e| FetchError::Network(js_message(&e)))?.unchecked_into();
    let (bytes, capped, head) = read_capped(&response).await?;
    Ok(Fetched {
        status: response.status(),
        ok: response.ok(),
        bytes,
        capped,
        preview: preview(&head),
        from_service_worker: response.headers().get("x-async-lab").ok().flatten().as_deref() == Some("service-worker"),
    })
}

/// Reads the body chunk by chunk, counting bytes and keeping the first few, and cancels the
/// stream past [`BODY_CAP_BYTES`]: a 20 MB answer costs no more memory than a small one.
async fn read_capped(response: &Response) -> Result<(u64, bool, Vec<u8>), FetchError> {
    let Some(body) = response.body() else { return Ok((0, false, Vec::new())) };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = 0u64;
    let mut head = Vec::new();
    loop {
        let chunk = Tagged::new(JsFuture::from(reader.read()), WakeSource::Fetch).await.map_err(|e| FetchError::Body(js_message(&e)))?;
        let done = js_sys::Reflect::get(&chunk, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true);
        if done {
            return Ok((bytes, false, head));
        }
        let value: Uint8Array = js_sys::Reflect::get(&chunk, &"value".into()).map_err(|e| FetchError::Body(js_message(&e)))?.unchecked_into();
        bytes += u64::from(value.length());
        if head.len() < PREVIEW_BYTES {
            let take = (PREVIEW_BYTES - head.len()).min(value.length() as usize);
            head.extend(value.subarray(0, take as u32).to_vec());
        }
        if bytes > BODY_CAP_BYTES {
            let _ = reader.cancel();
            return Ok((bytes, true, head));
        }
    }
}

/// Up to 60 characters of text, with anything that is not printable replaced.
fn preview(head: &[u8]) -> String {
    let text = String::from_utf8_lossy(head);
    let clean: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let trimmed = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    if trimmed.chars().count() > 60 {
        format!("{}…", trimmed.chars().take(60).collect::<String>())
    } else {
        trimmed
    }
}

/// Counts the request as in flight and aborts it if dropped while still armed.
struct AbortOnDrop<'a> {
    controller: &'a AbortController,
    armed: bool,
}

impl Drop for AbortOnDrop<'_> {
    fn drop(&mut self) {
        if self.armed {
            self.controller.abort();
        }
        IN_FLIGHT.with(Gauge::down);
    }
}

impl<'a> AbortOnDrop<'a> {
    fn counted(controller: &'a AbortController) -> AbortOnDrop<'a> {
        IN_FLIGHT.with(Gauge::up);
        AbortOnDrop { controller, armed: true }
    }
}
