// The host's light or dark, told to the frames that follow it, live.
import { post } from "./app.js";

const dark = matchMedia("(prefers-color-scheme: dark)");

// The markers of the common docs generators; null when none says.
const marked = () => {
  const html = document.documentElement;
  const body = document.body;
  for (const element of [html, body]) {
    // Docusaurus, Starlight, pydata-sphinx-theme (html); Furo (body, with "auto").
    const theme = element?.getAttribute("data-theme");
    if (theme === "light" || theme === "dark") return theme;
    if (theme === "auto") return dark.matches ? "dark" : "light";
  }
  // Material for MkDocs: "slate" is its dark scheme, "default" its light one.
  const scheme = body?.getAttribute("data-md-color-scheme") ?? html.getAttribute("data-md-color-scheme");
  if (scheme === "slate" || scheme === "default") return scheme === "slate" ? "dark" : "light";
  // mdBook's themes (coal, navy and ayu are dark), then VitePress's html.dark.
  const classes = html.classList;
  if (["coal", "navy", "ayu", "dark"].some((c) => classes.contains(c))) return "dark";
  if (["light", "rust"].some((c) => classes.contains(c))) return "light";
  return null;
};

// A node's parent, across a shadow root to its host.
const up = (node) => node.parentElement ?? node.parentNode?.host ?? null;

// The background behind a node (its luminance); "auto" when nothing is opaque.
const behind = (node) => {
  for (let element = up(node); element; element = up(element)) {
    const [r, g, b, a = 1] = (getComputedStyle(element).backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
    if (b !== undefined && a > 0.5) return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? "dark" : "light";
  }
  return "auto";
};

/** The host's theme where `node` stands: "light", "dark" or "auto". */
export const themeFor = (node) => marked() ?? behind(node);

/** Whether an element draws dark: its own `theme` if it chose one, else the host's. */
export const isDark = (element) => {
  const chosen = element.getAttribute("theme");
  const theme = chosen === "light" || chosen === "dark" ? chosen : themeFor(element);
  return theme === "dark" || (theme === "auto" && dark.matches);
};

// Frames that follow the host (an element's unless its author chose a theme, a bare frame's
// unless its src names one), and the theme each frame's app was last sent.
const follows = new WeakSet();
const told = new WeakMap();
export const follow = (frame) => follows.add(frame);
export const unfollow = (frame) => follows.delete(frame);
/** The frame holds a new document, which has been told nothing. */
export const forget = (frame) => told.delete(frame);
/** Whether the frame's app has spoken (and so listens). */
export const listening = (frame) => told.has(frame);
/** The frame's app has spoken: from now on it is told the theme. */
export const heard = (frame) => {
  told.set(frame, null);
  tell(frame);
};
/** Sends the host's theme to a following frame whose app listens, when it changed. */
export const tell = (frame) => {
  if (!follows.has(frame) || !told.has(frame)) return;
  const theme = themeFor(frame);
  if (told.get(frame) !== theme) told.set(frame, theme), post(frame, { type: "theme", theme });
};
/** An element's `theme` changed after its frame loaded: a chosen one is sent as it is, none follows the host again. */
export const pin = (frame, theme) => {
  if (theme !== "light" && theme !== "dark") return follow(frame), tell(frame);
  unfollow(frame);
  if (told.has(frame) && told.get(frame) !== theme) told.set(frame, theme), post(frame, { type: "theme", theme });
};

/** Calls `changed` whenever the host's theme may have changed: its markers or the reader's preference. */
export const watchTheme = (changed) => {
  dark.addEventListener("change", changed);
  const marks = new MutationObserver(changed);
  const watch = () => {
    for (const element of [document.documentElement, document.body]) {
      if (element) marks.observe(element, { attributes: true, attributeFilter: ["class", "data-theme", "data-md-color-scheme", "style"] });
    }
  };
  watch();
  // Loaded in <head>, the script runs before there is a body to watch.
  if (!document.body) document.addEventListener("DOMContentLoaded", watch, { once: true });
};
