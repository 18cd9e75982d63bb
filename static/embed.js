// Async Lab embed helper: include it once on a page that embeds Async Lab, and each frame follows
// its content's height. It defines <async-lab lesson="gather"></async-lab>, which makes the
// sandboxed frame itself and re-dispatches each run as an `async-lab:run` event on the element.
// It looks after only the frames of the app served beside this script (their src starts with this
// script's folder), never another frame of the page: a message counts only from one of those
// frames (matched by event.source) and from the app's origin, and it asks a frame to measure again
// only once that frame has loaded. No dependencies; one global flag, so it runs once.
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
    if (!data || data.source !== "async-lab" || event.origin !== app.origin) return;
    const frame = [...document.querySelectorAll("iframe")].find((f) => f.contentWindow === event.source);
    if (!frame || !ours(frame)) return;
    if (data.type === "run") {
      // An element's frame: its runs are the element's events too.
      if (frame.parentElement?.localName === "async-lab") frame.parentElement.dispatchEvent(new CustomEvent("async-lab:run", { detail: data.run, bubbles: true }));
      return;
    }
    const height = Number(data.height);
    if (data.type !== "resize" || !Number.isFinite(height) || height <= 0 || height > 100000) return;
    frame.style.height = `${Math.ceil(height)}px`;
    frame.setAttribute("height", String(Math.ceil(height)));
    relink();
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
  customElements.get("async-lab") ?? customElements.define("async-lab", class extends HTMLElement {
    connectedCallback() {
      if (this.querySelector(":scope > iframe")) return;
      this.style.display ||= "block";
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
      Object.assign(frame.style, { display: "block", width: "100%", border: "0", height: "640px" });
      // The author's fallback (a link, a sentence) is for readers without JavaScript: the frame replaces it.
      this.replaceChildren(frame);
      const load = () => (frame.src = new URL(`?${query.join("&")}`, app).href);
      if (this.getAttribute("load") === "eager") return load();
      const seen = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) seen.disconnect(), load();
      }, { rootMargin: "400px" });
      seen.observe(this);
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
