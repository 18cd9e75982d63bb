// Where the app lives (the folder embed.js came from) and which frames of the page are its.

// document.currentScript is set only while a classic script runs its top level, which is when
// the bundle evaluates this module.
const script = document.currentScript;
/** The app's folder, or null when the script was not loaded from a URL (then nothing runs). */
export const app = script?.src ? new URL(".", script.src) : null;

/** A frame is the app's when its src is in the app's folder: no other frame of the page is touched. */
export const ours = (frame) => {
  try {
    const src = new URL(frame.getAttribute("src") ?? "", location.href);
    return src.origin === app.origin && src.pathname.startsWith(app.pathname);
  } catch {
    return false;
  }
};

/** Writes to a frame's app: only ever to the app's origin. */
export const post = (frame, message) => frame.contentWindow?.postMessage({ source: "async-lab-host", ...message }, app.origin);

/** Whether the frame holds the app's document by now (so a message to the app's origin reaches it). */
export const loaded = (frame) => {
  try {
    // Readable only while the frame holds a document of the host's own origin (about:blank).
    const inner = frame.contentWindow.location;
    return inner.href !== "about:blank" && frame.contentDocument?.readyState === "complete" && inner.origin === app.origin;
  } catch {
    // Another origin's document is there: the app's, since the frame's src is the app's.
    return true;
  }
};

// The app's frames inside elements (their shadow roots hide them from document queries), each
// with its element.
const hosted = new Map();
export const adopt = (frame, element) => hosted.set(frame, element);
export const release = (frame) => hosted.delete(frame);
/** The element a frame belongs to, if any (a bare iframe has none). */
export const hostOf = (frame) => hosted.get(frame);
/** Every frame of the app on the page: the elements' and the bare iframes. */
export const frames = () => [...hosted.keys(), ...[...document.querySelectorAll("iframe")].filter(ours)];
