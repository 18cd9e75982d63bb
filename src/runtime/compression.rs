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
    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> Writable;

    // The decompressor's input side, fed piece by piece (the two calls it needs, as above).
    type Writable;
    #[wasm_bindgen(method, js_name = getWriter)]
    fn get_writer(this: &Writable) -> Writer;
    type Writer;
    #[wasm_bindgen(method)]
    fn write(this: &Writer, chunk: &Uint8Array) -> js_sys::Promise;
    #[wasm_bindgen(method)]
    fn close(this: &Writer) -> js_sys::Promise;
}

/// How much of a link the decompressor takes at a time: deflate expands a byte to at most 1,032,
/// so a piece adds at most about 1 MiB past the cap before inflating stops.
const PIECE: usize = 1024;

/// "deflate-raw": no header or checksum, the fewest bytes in a link.
const FORMAT: &str = "deflate-raw";

/// `bytes` deflated; `None` where the browser has no `CompressionStream`.
pub async fn deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    let compressor = CompressionStream::new(FORMAT).ok()?;
    read_up_to(stream_of(bytes)?.pipe_through(compressor.unchecked_ref()), usize::MAX).await.ok()
}

/// `bytes` inflated, stopped once past `cap` bytes: a small link cannot expand without limit, in
/// memory or in time. The input goes in as 1 KiB pieces, all queued at once: the decompressor
/// takes the next piece only when its output so far has been read (its readable side holds
/// nothing ahead), so reading stops inflating. Bytes that are not deflate data are
/// [`ShareError::Malformed`].
pub async fn inflate(bytes: &[u8], cap: usize) -> Result<Vec<u8>, ShareError> {
    let decompressor = DecompressionStream::new(FORMAT).map_err(|_| ShareError::Malformed)?;
    let writer = decompressor.writable().get_writer();
    let written: js_sys::Array = bytes.chunks(PIECE).map(|piece| writer.write(&Uint8Array::from(piece))).collect();
    written.push(&writer.close());
    // Settled together, so a write refused for bad data or a cancel is no unhandled rejection.
    let _ = js_sys::Promise::all_settled(&written);
    read_up_to(decompressor.readable(), cap).await
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
