// Starts Async Lab from a file instead of Trunk's inline script, so a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval', no 'unsafe-inline') holds. Trunk fills in data-js and data-wasm.
// The script is async: the wasm compiles while the page is still parsing and painting its shell,
// and the app mounts as soon as both the code and the shell it mounts into are ready.
(() => {
  const script = document.currentScript;
  const resolve = (path) => new URL(path, document.baseURI).href;
  const wasm = resolve(script.dataset.wasm);
  // A server that labels wasm with another type cannot stream it: then the bindings fetch it themselves.
  const compiled = WebAssembly.compileStreaming(fetch(wasm)).catch(() => wasm);
  const parsed = new Promise((done) =>
    document.readyState === "loading" ? document.addEventListener("DOMContentLoaded", done, { once: true }) : done());
  // The shell's "Loading the lab…" waits for script, so a reader without JavaScript sees only the
  // page's <noscript> line.
  parsed.then(() => document.querySelector("#app > .loading")?.removeAttribute("hidden"));
  Promise.all([import(resolve(script.dataset.js)), compiled, parsed]).then(async ([bindings, module]) => {
    await bindings.default({ module_or_path: module });
    // Only benchmark builds (feature bench) export these; make bench calls them.
    if ("bench_timers" in bindings) window.asyncLabBench = bindings;
  });
})();
