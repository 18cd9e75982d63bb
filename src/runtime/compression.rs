//! Raw deflate with the browser's `CompressionStream`, and inflate that stops at a size cap.

use async_lab_core::share::ShareError;
use futures::future::{select, Either};
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
    #[wasm_bindgen(method)]
    fn abort(this: &Writer) -> js_sys::Promise;
}

/// How much of a link goes into the decompressor at a time: deflate expands a byte to at most
/// 1,032, so a piece adds at most about 1 MiB past the cap before inflating stops.
const PIECE: usize = 1024;

/// "deflate-raw": no header or checksum, the fewest bytes in a link.
const FORMAT: &str = "deflate-raw";

/// `bytes` deflated; `None` where the browser has no `CompressionStream`.
pub async fn deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    let compressor = CompressionStream::new(FORMAT).ok()?;
    read_all(stream_of(bytes)?.pipe_through(compressor.unchecked_ref())).await
}

/// `bytes` inflated, stopped once past `cap` bytes: a small link cannot expand without limit, in
/// memory or in time. Bytes that are not deflate data are [`ShareError::Malformed`].
pub async fn inflate(bytes: &[u8], cap: usize) -> Result<Vec<u8>, ShareError> {
    let decompressor = DecompressionStream::new(FORMAT).map_err(|_| ShareError::Malformed)?;
    let writer = decompressor.writable().get_writer();
    let reader: ReadableStreamDefaultReader = decompressor.readable().get_reader().unchecked_into();
    let inflated = pump(bytes, cap, &writer, &reader).await;
    if inflated.is_err() {
        let _ = reader.cancel();
        let _ = writer.abort();
    }
    inflated
}

/// Feeds `bytes` to the decompressor a piece at a time, the next only once the last was taken,
/// while one read always waits for its output: the decompressor never holds more than one piece's
/// output, and nothing past the cap is inflated.
async fn pump(bytes: &[u8], cap: usize, writer: &Writer, reader: &ReadableStreamDefaultReader) -> Result<Vec<u8>, ShareError> {
    // Each piece, then the close that flushes the decompressor.
    let mut feeds = bytes.chunks(PIECE).map(Some).chain(std::iter::once(None));
    let feed = |piece: Option<&[u8]>| JsFuture::from(piece.map_or_else(|| writer.close(), |p| writer.write(&Uint8Array::from(p))));
    let mut written = feeds.next().map(feed);
    let mut read = JsFuture::from(reader.read());
    let mut out = Vec::new();
    loop {
        let chunk = match written.take() {
            Some(write) => match select(write, read).await {
                Either::Left((done, pending)) => {
                    done.map_err(|_| ShareError::Malformed)?;
                    read = pending;
                    written = feeds.next().map(feed);
                    continue;
                }
                Either::Right((chunk, pending)) => {
                    written = Some(pending);
                    chunk
                }
            },
            None => read.await,
        }
        .map_err(|_| ShareError::Malformed)?;
        let Some(value) = bytes_of(&chunk) else { return Ok(out) };
        if out.len() + value.length() as usize > cap {
            return Err(ShareError::TooLarge);
        }
        out.extend(value.to_vec());
        read = JsFuture::from(reader.read());
    }
}

/// The stream's bytes (the lab's own payload, deflating: nothing to cap).
async fn read_all(stream: ReadableStream) -> Option<Vec<u8>> {
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.ok()?;
        let Some(value) = bytes_of(&chunk) else { return Some(out) };
        out.extend(value.to_vec());
    }
}

/// A read's bytes; `None` once the stream is done (or the read is not one).
fn bytes_of(chunk: &JsValue) -> Option<Uint8Array> {
    let done = js_sys::Reflect::get(chunk, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true);
    (!done).then(|| js_sys::Reflect::get(chunk, &"value".into()).ok()).flatten().map(JsCast::unchecked_into)
}

/// A stream of `bytes`, through a `Response` body (one binding fewer than a `Blob`).
fn stream_of(bytes: &[u8]) -> Option<ReadableStream> {
    Response::new_with_opt_u8_array(Some(&mut bytes.to_vec())).ok()?.body()
}
