// Starts Async Lab from a file instead of Trunk's inline script, so a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval', no 'unsafe-inline') holds. Trunk fills in data-js and data-wasm.
(() => {
  const script = document.currentScript;
  const resolve = (path) => new URL(path, document.baseURI).href;
  import(resolve(script.dataset.js)).then(async (bindings) => {
    await bindings.default({ module_or_path: resolve(script.dataset.wasm) });
    // Only benchmark builds (feature bench) export these; make bench calls them.
    if ("bench_timers" in bindings) window.asyncLabBench = bindings;
  });
})();
