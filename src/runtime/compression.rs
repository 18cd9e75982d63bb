//! Raw deflate with the browser's `CompressionStream`, and inflate that stops at a size cap.

use async_lab_core::share::ShareError;
use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStream, ReadableStreamDefaultReader, Response};

// web-sys gates these streams behind its unstable APIs; the lab needs only their constructors,
// and each is a `ReadableWritablePair` to pipe through.
#[wasm_bindgen]
extern "C" {
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;

    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

/// "deflate-raw": no header or checksum, the fewest bytes in a link.
const FORMAT: &str = "deflate-raw";

/// `bytes` deflated; `None` where the browser has no `CompressionStream`.
pub async fn deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    let compressor = CompressionStream::new(FORMAT).ok()?;
    read_up_to(stream_of(bytes)?.pipe_through(compressor.unchecked_ref()), usize::MAX).await.ok()
}

/// `bytes` inflated, stopped once past `cap` bytes: a small link cannot expand without limit.
/// Bytes that are not deflate data are [`ShareError::Malformed`].
pub async fn inflate(bytes: &[u8], cap: usize) -> Result<Vec<u8>, ShareError> {
    let decompressor = DecompressionStream::new(FORMAT).map_err(|_| ShareError::Malformed)?;
    read_up_to(stream_of(bytes).ok_or(ShareError::Malformed)?.pipe_through(decompressor.unchecked_ref()), cap).await
}

/// The stream's bytes, read chunk by chunk and cancelled past `cap`.
async fn read_up_to(stream: ReadableStream, cap: usize) -> Result<Vec<u8>, ShareError> {
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| ShareError::Malformed)?;
        if js_sys::Reflect::get(&chunk, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
            return Ok(out);
        }
        let value: Uint8Array = js_sys::Reflect::get(&chunk, &"value".into()).map_err(|_| ShareError::Malformed)?.unchecked_into();
        if out.len() + value.length() as usize > cap {
            let _ = reader.cancel();
            return Err(ShareError::TooLarge);
        }
        out.extend(value.to_vec());
    }
}

/// A stream of `bytes`, through a `Response` body (one binding fewer than a `Blob`).
fn stream_of(bytes: &[u8]) -> Option<ReadableStream> {
    Response::new_with_opt_u8_array(Some(&mut bytes.to_vec())).ok()?.body()
}
