// Async Lab embed helper: include it once on a page that embeds Async Lab, and each frame follows
// its content's height and the page's light or dark theme. It defines
// <async-lab lesson="gather"></async-lab>, which makes the sandboxed frame itself, reserves the
// height the lesson will take before it loads, and re-dispatches each run as an `async-lab:run`
// event on the element. It looks after only the frames of the app served beside this script
// (their src starts with this script's folder), never another frame of the page: a message counts
// only from one of those frames (matched by event.source) and from the app's origin, and it
// writes to a frame only once that frame's app has spoken. No dependencies; one global flag, so
// it runs once.
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
  const post = (frame, message) => frame.contentWindow?.postMessage({ source: "async-lab-host", ...message }, app.origin);

  // Each embed's height after Run both, measured per lesson at these frame widths by
  // `make heights` (scripts/heights.mjs, which rewrites the lines between the markers):
  // [default task count, heights in px, the heading's share of them (heading=0 leaves it out)].
  // HEIGHTS BEGIN
  const WIDTHS = [320, 360, 420, 500, 600, 700, 850, 1000];
  const HEIGHTS = {
    "sequential-vs-concurrent": [2, [866, 796, 732, 701, 642, 572, 551, 551], [32, 32, 32, 32, 32, 32, 32, 32]],
    "async-fn": [1, [857, 762, 698, 667, 608, 538, 516, 516], [57, 32, 32, 32, 32, 32, 32, 32]],
    "gather": [3, [1103, 1033, 928, 872, 812, 702, 680, 680], [57, 57, 57, 32, 32, 32, 32, 32]],
    "api-requests": [3, [1108, 976, 912, 880, 821, 730, 708, 708], [32, 32, 32, 32, 32, 32, 32, 32]],
    "context-manager": [2, [1039, 969, 904, 832, 773, 704, 682, 682], [32, 32, 32, 32, 32, 32, 32, 32]],
    "async-methods": [3, [1017, 926, 862, 831, 772, 680, 659, 659], [32, 32, 32, 32, 32, 32, 32, 32]],
    "cpu-bound": [3, [1178, 1108, 1024, 952, 839, 769, 748, 748], [57, 57, 32, 32, 32, 32, 32, 32]],
  };
  // HEIGHTS END
  const LANE = 80; // a task more or fewer: a lane in each of the two timelines
  const at = (row, width) => {
    const i = WIDTHS.findIndex((w) => w >= width);
    if (i <= 0) return row[i < 0 ? row.length - 1 : 0];
    const f = (width - WIDTHS[i - 1]) / (WIDTHS[i] - WIDTHS[i - 1]);
    return row[i - 1] + f * (row[i] - row[i - 1]);
  };
  // The height an element's frame keeps for its lesson at its width, so the page does not move
  // while it loads and runs; the frame grows past it only when its content does (an open editor).
  const reserve = new WeakMap();
  const reserved = (element) => {
    const [tasks, heights, heading] = HEIGHTS[element.getAttribute("lesson") ?? "sequential-vs-concurrent"] ?? HEIGHTS["sequential-vs-concurrent"] ?? [2, [640], [0]];
    const width = element.clientWidth || 700;
    const typed = element.getAttribute("tasks")?.split(";").filter(Boolean).length ?? tasks;
    const off = ["0", "false"].includes(element.getAttribute("heading")) ? at(heading, width) : 0;
    return Math.ceil(at(heights, width) - off + LANE * (typed - tasks));
  };
  const compact = new WeakSet();
  const room = (frame) => compact.has(frame) && told.has(frame) && post(frame, { type: "room", height: reserve.get(frame) });
  const content = new WeakMap();
  const size = (frame) => {
    const height = Math.max(content.get(frame) ?? 0, reserve.get(frame) ?? 0);
    if (height > 0 && frame.style.height !== `${height}px`) {
      frame.style.height = `${height}px`;
      frame.setAttribute("height", String(height));
      relink();
    }
  };

  // The host's own light or dark: the markers of the common docs generators, then the background
  // behind the frame; "auto" when nothing says (the frame then follows prefers-color-scheme).
  const dark = matchMedia("(prefers-color-scheme: dark)");
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
  const behind = (frame) => {
    for (let element = frame.parentElement; element; element = element.parentElement) {
      const [r, g, b, a = 1] = (getComputedStyle(element).backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
      if (b !== undefined && a > 0.5) return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? "dark" : "light";
    }
    return "auto";
  };
  const themeFor = (frame) => marked() ?? behind(frame);
  // Frames that follow the host: an element's unless its author chose a theme, a bare frame's
  // unless its src names one. `told` is the theme each frame's app has last been sent.
  const follows = new WeakSet();
  const told = new WeakMap();
  const tell = (frame) => {
    if (!follows.has(frame) || !told.has(frame)) return;
    const theme = themeFor(frame);
    if (told.get(frame) !== theme) told.set(frame, theme), post(frame, { type: "theme", theme });
  };
  const retheme = () => document.querySelectorAll("iframe").forEach(tell);
  dark.addEventListener("change", retheme);
  const marks = new MutationObserver(retheme);
  const watchMarks = () => {
    for (const element of [document.documentElement, document.body]) {
      if (element) marks.observe(element, { attributes: true, attributeFilter: ["class", "data-theme", "data-md-color-scheme", "style"] });
    }
  };
  watchMarks();
  if (!document.body) document.addEventListener("DOMContentLoaded", watchMarks, { once: true });

  window.addEventListener("message", (event) => {
    const data = event.data;
    if (!data || data.source !== "async-lab" || event.origin !== app.origin) return;
    const frame = [...document.querySelectorAll("iframe")].find((f) => f.contentWindow === event.source);
    if (!frame || !ours(frame)) return;
    // The app listens from before it first speaks: now it can be told the host's theme, and the
    // room its frame keeps (so its card fills the frame before a run fills the card).
    if (!told.has(frame)) told.set(frame, null), tell(frame), room(frame);
    if (data.type === "run") {
      // An element's frame: its runs are the element's events too.
      if (frame.parentElement?.localName === "async-lab") frame.parentElement.dispatchEvent(new CustomEvent("async-lab:run", { detail: data.run, bubbles: true }));
      return;
    }
    const height = Number(data.height);
    if (data.type !== "resize" || !Number.isFinite(height) || height <= 0 || height > 100000) return;
    content.set(frame, Math.ceil(height));
    size(frame);
  });

  // A deep link (#heading) below frames that grow after the browser scrolled to it would land in
  // the wrong place: until the reader scrolls by hand, each resize scrolls to it again.
  let moved = false;
  for (const type of ["wheel", "touchstart", "keydown", "pointerdown"]) addEventListener(type, () => (moved = true), { capture: true, passive: true });
  const relink = () => {
    if (moved || location.hash.length < 2) return;
    try {
      document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
    } catch {}
  };

  // <async-lab>: its attributes are the URL parameters; booleans may be written "", "1" or "true"
  // (and "0" or "false"), as HTML, MDX and JSX each write them. `load="eager"` loads at once;
  // otherwise the frame loads as it nears the viewport.
  const flag = (value) => ({ "": "1", true: "1", false: "0" })[value] ?? value;
  const PARAMS = { lesson: 0, tasks: 0, theme: 0, loop: 0, timeout: 0, autorun: 1, heading: 1, embed: 1 };
  const widths = new ResizeObserver((entries) => {
    for (const { target } of entries) {
      const frame = target.querySelector(":scope > iframe");
      if (frame && compact.has(frame)) reserve.set(frame, reserved(target)), size(frame), room(frame);
    }
  });
  customElements.get("async-lab") ?? customElements.define("async-lab", class extends HTMLElement {
    connectedCallback() {
      if (this.querySelector(":scope > iframe")) return;
      // Included in <head> without `defer`, the script meets the element before its children
      // (the author's fallback) are parsed: the frame waits for them, so it replaces them all.
      // Meanwhile the element holds the frame's room, so nothing moves when the frame comes.
      this.style.display ||= "block";
      if (document.readyState === "loading") {
        if (!["0", "false"].includes(this.getAttribute("embed"))) this.style.minHeight = `${reserved(this)}px`;
        return void document.addEventListener("DOMContentLoaded", () => this.isConnected && this.connectedCallback(), { once: true });
      }
      this.style.minHeight = "";
      const full = ["0", "false"].includes(this.getAttribute("embed"));
      const pinned = ["light", "dark"].includes(this.getAttribute("theme"));
      const query = ["v=1"];
      if (!this.hasAttribute("embed")) query.push("embed=1");
      for (const [name, boolean] of Object.entries(PARAMS)) {
        const value = this.getAttribute(name);
        // `tasks` keeps its own `;` and `~`: only what would end the parameter is escaped.
        if (value !== null) query.push(`${name}=${(boolean ? flag(value) : value).replace(/[&#\s]/g, encodeURIComponent)}`);
      }
      const frame = document.createElement("iframe");
      frame.title = this.getAttribute("title") ?? "Async Lab";
      frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox");
      frame.setAttribute("allow", "clipboard-write");
      // Set through the style object, which a strict host policy allows (a style attribute it may not).
      Object.assign(frame.style, { display: "block", width: "100%", border: "0" });
      // The author's fallback (a link, a sentence) is for readers without JavaScript: the frame replaces it.
      this.replaceChildren(frame);
      reserve.set(frame, full ? 900 : reserved(this));
      if (!full) compact.add(frame), widths.observe(this);
      size(frame);
      if (!pinned) follows.add(frame);
      const load = () => {
        // Opened in the host's theme already, so it does not flash the other one first.
        const chosen = pinned ? query : [...query.filter((p) => !p.startsWith("theme=")), `theme=${themeFor(frame)}`];
        frame.src = new URL(`?${chosen.join("&")}`, app).href;
      };
      if (this.getAttribute("load") === "eager") return load();
      const seen = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) seen.disconnect(), load();
      }, { rootMargin: "400px" });
      seen.observe(this);
    }
  });

  // A frame that reported before this script arrived is asked to measure again (and so to speak,
  // which tells it the theme). A frame still at about:blank has the host's origin: it is asked
  // when its load event says the app is there.
  const ask = (frame) => post(frame, { type: "measure" });
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
      if (frame.parentElement?.localName !== "async-lab" && !/[?&]theme=(light|dark)\b/.test(frame.getAttribute("src"))) follows.add(frame);
      // A new document in the frame has been told nothing yet.
      frame.addEventListener("load", () => (told.delete(frame), ask(frame)));
      if (loaded(frame)) ask(frame);
    }
  };
  watch();
  // Frames added later (a page that builds its frames after this script) are picked up too.
  if (document.readyState !== "complete") window.addEventListener("load", watch, { once: true });
  new MutationObserver(watch).observe(document.documentElement, { childList: true, subtree: true });
})();
