// Async Lab embed helper: include it once on a page that embeds Async Lab iframes, and each frame
// follows its content's height. It looks after only the frames of the app served beside this
// script (their src starts with this script's folder), never another frame of the page: a resize
// counts only from one of those frames (matched by event.source) and from the app's origin, and
// it asks a frame to measure again only once that frame has loaded. No dependencies, no globals.
(() => {
  if (window.__asyncLabEmbed) return;
  window.__asyncLabEmbed = true;
  // The app's folder is this script's: document.currentScript is set while a classic script runs.
  const script = document.currentScript;
  if (!script || !script.src) return;
  const app = new URL(".", script.src);

  const ours = (frame) => {
    try {
      const src = new URL(frame.getAttribute("src") ?? "", location.href);
      return src.origin === app.origin && src.pathname.startsWith(app.pathname);
    } catch {
      return false;
    }
  };

  window.addEventListener("message", (event) => {
    const data = event.data;
    if (!data || data.source !== "async-lab" || data.type !== "resize" || event.origin !== app.origin) return;
    const height = Number(data.height);
    if (!Number.isFinite(height) || height <= 0 || height > 100000) return;
    for (const frame of document.querySelectorAll("iframe")) {
      if (frame.contentWindow !== event.source) continue;
      if (!ours(frame)) return;
      frame.style.height = `${Math.ceil(height)}px`;
      frame.setAttribute("height", String(Math.ceil(height)));
      return;
    }
  });

  // A frame that reported before this script arrived is asked to measure again. A frame still at
  // about:blank has the host's origin: it is asked when its load event says the app is there.
  const ask = (frame) => frame.contentWindow?.postMessage({ source: "async-lab-host", type: "measure" }, app.origin);
  const loaded = (frame) => {
    try {
      // Readable only while the frame holds a document of the host's own origin (about:blank).
      return frame.contentWindow.location.href !== "about:blank" && frame.contentDocument?.readyState === "complete" && frame.contentWindow.location.origin === app.origin;
    } catch {
      // Another origin's document is there: the app's, since the frame's src is the app's.
      return true;
    }
  };
  const seen = new WeakSet();
  const watch = () => {
    for (const frame of document.querySelectorAll("iframe")) {
      if (seen.has(frame) || !ours(frame)) continue;
      seen.add(frame);
      frame.addEventListener("load", () => ask(frame));
      if (loaded(frame)) ask(frame);
    }
  };
  watch();
  // Frames added later (a page that builds its frames after this script) are picked up too.
  if (document.readyState !== "complete") window.addEventListener("load", watch, { once: true });
  new MutationObserver(watch).observe(document.documentElement, { childList: true, subtree: true });
})();
