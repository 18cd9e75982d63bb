// Async Lab embed helper: include it once on a page that embeds Async Lab iframes, and each frame
// follows its content's height. A message counts only if it comes from one of this page's frames
// (matched by event.source) and from that frame's own origin. No dependencies, no globals.
(() => {
  if (window.__asyncLabEmbed) return;
  window.__asyncLabEmbed = true;
  window.addEventListener("message", (event) => {
    const data = event.data;
    if (!data || data.source !== "async-lab" || data.type !== "resize") return;
    const height = Number(data.height);
    if (!Number.isFinite(height) || height <= 0 || height > 100000) return;
    for (const frame of document.querySelectorAll("iframe")) {
      if (frame.contentWindow !== event.source) continue;
      let origin;
      try {
        origin = new URL(frame.src, location.href).origin;
      } catch {
        return;
      }
      if (origin !== event.origin) return;
      frame.style.height = `${Math.ceil(height)}px`;
      frame.setAttribute("height", String(Math.ceil(height)));
      return;
    }
  });
  // Frames that reported before this script arrived are asked to measure again.
  const ask = () => {
    for (const frame of document.querySelectorAll("iframe")) {
      try {
        frame.contentWindow?.postMessage({ source: "async-lab-host", type: "measure" }, new URL(frame.src, location.href).origin);
      } catch {
        // Not an http(s) frame: not ours.
      }
    }
  };
  ask();
  if (document.readyState !== "complete") window.addEventListener("load", ask, { once: true });
})();
