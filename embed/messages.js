// What the frames say (their height, their runs) and asking frames that spoke before this script
// came: a message counts only from one of the app's frames (matched by event.source) and from the
// app's origin.
import { app, frames, hostOf, loaded, ours, post } from "./app.js";
import { MAX_HEIGHT, measured, tellRoom } from "./sizing.js";
import { follow, forget, heard, listening } from "./theme.js";

/** Listens to the app's frames; `ran(element, report)` hears each run of an element's frame. */
export const listen = (ran) => {
  addEventListener("message", (event) => {
    const data = event.data;
    if (!data || data.source !== "async-lab" || event.origin !== app.origin) return;
    const frame = frames().find((f) => f.contentWindow === event.source);
    if (!frame || !ours(frame)) return;
    // The app listens from before it first speaks: now it can be told the host's theme, and the
    // room its frame keeps (so its card fills the frame before a run fills the card).
    if (!listening(frame)) heard(frame), tellRoom(frame);
    if (data.type === "run") {
      const element = hostOf(frame);
      if (element) ran(element, data.run);
      return;
    }
    const height = Number(data.height);
    if (data.type === "resize" && Number.isFinite(height) && height > 0 && height <= MAX_HEIGHT) measured(frame, height);
  });
};

/** A new document in the frame has been told nothing yet: it is asked to measure (and so to speak). */
export const reloaded = (frame) => {
  forget(frame);
  if (loaded(frame)) post(frame, { type: "measure" });
};

// Bare iframes of the app, written by the author: each followed from when it is seen.
const seen = new WeakSet();
const watch = () => {
  for (const frame of document.querySelectorAll("iframe")) {
    if (seen.has(frame) || !ours(frame)) continue;
    seen.add(frame);
    if (!/[?&]theme=(light|dark)\b/.test(frame.getAttribute("src"))) follow(frame);
    frame.addEventListener("load", () => reloaded(frame));
    // One that reported before this script arrived is asked to again.
    if (loaded(frame)) post(frame, { type: "measure" });
  }
};
export const watchBareFrames = () => {
  watch();
  // Frames added later (a page that builds its frames after this script) are picked up too.
  if (document.readyState !== "complete") addEventListener("load", watch, { once: true });
  new MutationObserver(watch).observe(document.documentElement, { childList: true, subtree: true });
};
