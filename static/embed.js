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
    "as-completed": [3, [1162, 1071, 979, 924, 820, 752, 707, 707], [57, 57, 32, 32, 32, 32, 32, 32]],
    "api-requests": [3, [1108, 976, 912, 880, 821, 730, 708, 708], [32, 32, 32, 32, 32, 32, 32, 32]],
    "async-methods": [3, [1017, 926, 862, 831, 772, 680, 659, 659], [32, 32, 32, 32, 32, 32, 32, 32]],
    "context-manager": [2, [1039, 969, 904, 832, 773, 704, 682, 682], [32, 32, 32, 32, 32, 32, 32, 32]],
    "errors": [3, [1270, 1203, 1157, 1021, 895, 849, 796, 772], [32, 32, 32, 32, 32, 32, 32, 32]],
    "race": [3, [1329, 1192, 1125, 1070, 987, 896, 850, 826], [32, 32, 32, 32, 32, 32, 32, 32]],
    "timeout": [1, [1084, 992, 900, 823, 764, 673, 651, 627], [57, 57, 32, 32, 32, 32, 32, 32]],
    "retry": [3, [1438, 1325, 1212, 1116, 1033, 942, 896, 896], [32, 32, 32, 32, 32, 32, 32, 32]],
    "limit": [10, [1878, 1746, 1654, 1578, 1518, 1427, 1382, 1382], [32, 32, 32, 32, 32, 32, 32, 32]],
    "cpu-bound": [3, [1178, 1108, 1024, 952, 839, 769, 748, 748], [57, 57, 32, 32, 32, 32, 32, 32]],
  };
  // HEIGHTS END
  const LANE = 80; // a task more or fewer: a lane in each of the two timelines
  // The element's lesson as its URL parameter would be (absent: the app's default lesson), and
  // whether a boolean attribute is written off ("0" or "false").
  const lessonId = (element) => element.getAttribute("lesson") ?? "sequential-vs-concurrent";
  const off = (element, name) => ["0", "false"].includes(element.getAttribute(name));

  // Each lesson's title and its default tasks' expected timeline, from core (`make posters`
  // writes it; a core test fails when it is out of date): [title, [[label, sequential start,
  // end, concurrent start, end], …]], in ms.
  // POSTERS BEGIN
  const POSTERS = {
    "sequential-vs-concurrent": ["Sequential vs concurrent", [["Data 1", 0, 2000, 0, 2000], ["Data 2", 2000, 4000, 0, 2000]]],
    "async-fn": ["An async fn returns a lazy future", [["greet(\"Alice\")", 0, 1000, 0, 1000]]],
    "gather": ["Gather: results in order, completion out of order", [["Task 1", 0, 2000, 0, 2000], ["Task 2", 2000, 3000, 0, 1000], ["Task 3", 3000, 6000, 0, 3000]]],
    "api-requests": ["Concurrent API requests", [["data1", 0, 800, 0, 800], ["data2", 800, 2000, 0, 1200], ["data3", 2000, 2600, 0, 600]]],
    "context-manager": ["Cleanup that always runs", [["query users", 0, 400, 0, 400], ["query posts", 400, 1000, 0, 600]]],
    "async-methods": ["A struct with async methods", [["users", 0, 1000, 0, 1000], ["posts", 1000, 2000, 0, 1000], ["comments", 2000, 3000, 0, 1000]]],
    "cpu-bound": ["CPU-bound work blocks the event loop", [["Timer 1", 0, 100, 0, 1000], ["Timer 2", 100, 400, 0, 1000], ["Busy loop", 400, 1400, 0, 1000]]],
    "race": ["Race: the first answer wins", [["mirror A", 0, 1200, 0, 400], ["mirror B", 1200, 1600, 0, 400], ["mirror C", 1600, 2400, 0, 400]]],
    "timeout": ["Timeout: a deadline on a slow request", [["slow report", 0, 3000, 0, 1000]]],
    "errors": ["Errors: fail fast or settle", [["load user", 0, 1000, 0, 300], ["load avatar", 1000, 1300, 0, 300], ["load posts", 1300, 1300, 0, 300]]],
    "limit": ["Limit: at most N in flight", [["request 1", 0, 600, 0, 600], ["request 2", 600, 800, 0, 200], ["request 3", 800, 1200, 0, 400], ["request 4", 1200, 1500, 200, 500], ["request 5", 1500, 2000, 400, 900], ["request 6", 2000, 2200, 500, 700], ["request 7", 2200, 2600, 600, 1000], ["request 8", 2600, 2900, 700, 1000], ["request 9", 2900, 3500, 900, 1500], ["request 10", 3500, 3700, 1000, 1200]]],
    "as-completed": ["As completed: each result as it arrives", [["report A", 0, 1200, 0, 1200], ["report B", 1200, 1600, 0, 400], ["report C", 1600, 2400, 0, 800]]],
    "retry": ["Retry: backoff with jitter", [["report", 0, 900, 0, 900], ["prices", 900, 2400, 0, 1500], ["weather", 2400, 4500, 0, 2100]]],
  };
  // POSTERS END
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
    const [tasks, heights, heading] = HEIGHTS[lessonId(element)] ?? HEIGHTS["sequential-vs-concurrent"] ?? [2, [640], [0]];
    const width = element.clientWidth || 700;
    const typed = element.getAttribute("tasks")?.split(";").filter(Boolean).length ?? tasks;
    const hidden = off(element, "heading") ? at(heading, width) : 0;
    return Math.ceil(at(heights, width) - hidden + LANE * (typed - tasks));
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
  // Posters are drawn in the host's colours: drawn again when they change.
  const retheme = () => {
    document.querySelectorAll("iframe").forEach(tell);
    for (const old of document.querySelectorAll("async-lab > .async-lab-poster")) old.replaceWith(poster(old.parentElement, old.run));
  };
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
      const element = frame.parentElement;
      if (element?.localName !== "async-lab") return;
      element.dispatchEvent(new CustomEvent("async-lab:run", { detail: data.run, bubbles: true }));
      // The latest report of each column, for the printed summary.
      const column = data.run?.mode === "sequential" ? 0 : 1;
      (reports.get(element) ?? reports.set(element, []).get(element))[column] = data.run;
      printed(element);
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

  // A lesson's timelines as a static drawing, for the poster and for print: `groups` are
  // [caption, [[label, start ms, end ms], …]], on one time axis; colours follow the host's theme.
  const NS = "http://www.w3.org/2000/svg";
  const COLOURS = { light: ["#1d1f23", "#545a63", "#eceef1", "#1e7a46"], dark: ["#e7e9ec", "#a9afb8", "#2a2f36", "#5cc98a"] };
  const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
  // Drawn at `width` px, so its text keeps its size in a narrow column and a wide one.
  const drawing = (groups, dark, width = 600) => {
    const [text, muted, track, bar] = COLOURS[dark ? "dark" : "light"];
    const span = Math.max(1, ...groups.flatMap(([, rows]) => rows.map((r) => r[2]))) * 1.05;
    const svg = document.createElementNS(NS, "svg");
    const add = (name, attributes, parent = svg, content) => {
      const node = parent.appendChild(document.createElementNS(NS, name));
      for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
      if (content !== undefined) node.textContent = content;
      return node;
    };
    let y = 0;
    for (const [caption, rows] of groups) {
      add("text", { x: 0, y: y + 13, fill: text, "font-size": 13, "font-weight": 600 }, svg, caption);
      y += 20;
      for (const [label, start, end] of rows) {
        add("text", { x: 0, y: y + 11, fill: muted, "font-size": 11 }, svg, label);
        add("rect", { x: 0, y: y + 15, width, height: 8, rx: 2, fill: track });
        add("rect", { x: (start / span) * width, y: y + 15, width: Math.max(1, ((end - start) / span) * width), height: 8, rx: 2, fill: bar });
        y += 28;
      }
      y += 6;
    }
    svg.setAttribute("viewBox", `0 0 ${width} ${y}`);
    svg.setAttribute("width", "100%");
    svg.setAttribute("role", "img");
    return svg;
  };
  const isDark = (element) => {
    const chosen = element.getAttribute("theme");
    const theme = chosen === "light" || chosen === "dark" ? chosen : themeFor(element);
    return theme === "dark" || (theme === "auto" && dark.matches);
  };
  const lessonOf = (element) => POSTERS[lessonId(element)] ?? POSTERS["sequential-vs-concurrent"];
  const titled = (mode) => mode[0].toUpperCase() + mode.slice(1);
  // The lesson's expected timelines, for its default tasks (an element's own `tasks` are only
  // known to the app: its poster says so).
  const expected = (element) => {
    const [, rows] = lessonOf(element);
    if (element.hasAttribute("tasks")) return [];
    const wall = (i) => Math.max(...rows.map((r) => r[i]));
    return [
      [`One after another: ${seconds(wall(2))} expected`, rows.map(([label, s, e]) => [label, s, e])],
      [`Concurrently: ${seconds(wall(4))} expected`, rows.map(([label, , , s, e]) => [label, s, e])],
    ];
  };
  // An element's own tasks, as written on it (label~kind~ms~fails~url each): only the app
  // models their timeline, so before it loads they are listed, not drawn.
  const typed = (element) => {
    const tasks = (element.getAttribute("tasks") ?? "").split(";").filter(Boolean).map((task) => {
      const [label = "", kind = "", ms = ""] = task.split("~").map((part) => { try { return decodeURIComponent(part); } catch { return part; } });
      return `${label} (${kind}, ${ms} ms)`;
    });
    return `This page's tasks: ${tasks.join(", ")}.`;
  };
  const box = (node, darkNow) => {
    Object.assign(node.style, {
      border: `1px solid ${darkNow ? "#343a42" : "#d5d8dd"}`, borderRadius: "8px", padding: "0.75rem 0.9rem",
      background: darkNow ? "#1b1e23" : "#ffffff", color: darkNow ? "#e7e9ec" : "#1d1f23", font: "15px/1.45 system-ui, sans-serif",
    });
    return node;
  };
  const line = (parent, text, bold) => {
    const p = parent.appendChild(document.createElement("p"));
    Object.assign(p.style, { margin: "0 0 0.4rem", fontWeight: bold ? "600" : "400" });
    p.textContent = text;
    return p;
  };
  // load="click": the title, the expected timelines and a Run both button; nothing from the app yet.
  const poster = (element, run) => {
    const darkNow = isDark(element);
    const node = box(document.createElement("div"), darkNow);
    node.className = "async-lab-poster";
    const [title] = lessonOf(element);
    line(node, title, true);
    if (element.hasAttribute("tasks")) line(node, typed(element));
    else node.append(drawing(expected(element), darkNow, Math.max(240, element.clientWidth - 32)));
    const button = node.appendChild(document.createElement("button"));
    button.type = "button";
    button.textContent = "Run both";
    Object.assign(button.style, { font: "inherit", background: darkNow ? "#79a8ff" : "#1f5fbf", color: darkNow ? "#0b1220" : "#ffffff", border: "0", borderRadius: "6px", padding: "0.35rem 0.9rem", margin: "0.4rem 0.75rem 0 0", cursor: "pointer" });
    button.addEventListener("click", run, { once: true });
    node.run = run;
    const note = node.appendChild(document.createElement("span"));
    note.textContent = `Loads Async Lab from ${app.host} and runs the lesson${element.hasAttribute("tasks") ? "'s tasks as written here" : ""} in your browser.`;
    Object.assign(note.style, { fontSize: "0.85rem", opacity: "0.8" });
    return node;
  };
  // What prints in the element's place: the last runs' figures and timelines, as text and a
  // drawing; or, before any run, the lesson's expected timelines. Never the live frame.
  const reports = new WeakMap();
  const printed = (element) => {
    const node = element.querySelector(":scope > .async-lab-print");
    if (!node) return;
    node.replaceChildren();
    const [title] = lessonOf(element);
    line(node, `${title} (Async Lab)`, true);
    const runs = (reports.get(element) ?? []).filter(Boolean);
    if (runs.length === 0 && element.hasAttribute("tasks")) line(node, `Not run yet. ${typed(element)}`);
    else if (runs.length === 0) {
      line(node, "Not run yet. The lesson's expected timelines:");
      node.append(drawing(expected(element), false));
    } else {
      for (const run of runs) {
        const gain = run.speedup ? `: ${seconds(run.savings_ms)} saved, ${run.speedup.toFixed(1)}× faster` : "";
        line(node, `${titled(run.mode)}: ${seconds(run.wall_ms)} measured, ${seconds(run.expected_wall_ms)} expected${gain}.`);
      }
      node.append(drawing(runs.map((run) => [titled(run.mode), run.tasks.filter((t) => t.start_ms !== null).map((t) => [t.label, t.start_ms, t.end_ms ?? t.start_ms])]), false));
    }
    line(node, `Run it: ${new URL(`?lesson=${lessonId(element)}`, app).href}`);
  };
  // Shown only in print, where the frame and the poster are not: a constructed sheet, which a
  // strict host policy allows (a <style> element it may not). Its spacing around the element has
  // no specificity, so any rule of the site's own wins.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`:where(async-lab) { margin-block: 1em; } async-lab > .async-lab-print { display: none; }
    @media print { async-lab > :not(.async-lab-print) { display: none !important; } async-lab > .async-lab-print { display: block !important; break-inside: avoid; } }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  // <async-lab>: its attributes are the URL parameters; booleans may be written "", "1" or "true"
  // (and "0" or "false"), as HTML, MDX and JSX each write them. `load="eager"` loads at once,
  // `load="click"` shows a poster until the reader asks; otherwise the frame loads as it nears
  // the viewport.
  const flag = (value) => ({ "": "1", true: "1", false: "0" })[value] ?? value;
  const PARAMS = { lesson: 0, tasks: 0, theme: 0, loop: 0, timeout: 0, deadline: 0, on_error: 0, limit: 0, fail_first: 0, autorun: 1, heading: 1, predict: 1, embed: 1 };
  const widths = new ResizeObserver((entries) => {
    for (const { target } of entries) {
      const frame = target.querySelector(":scope > iframe");
      if (frame && compact.has(frame)) reserve.set(frame, reserved(target)), size(frame), room(frame);
    }
  });
  customElements.get("async-lab") ?? customElements.define("async-lab", class extends HTMLElement {
    connectedCallback() {
      if (this.querySelector(":scope > :is(iframe, .async-lab-poster)")) return;
      // Included in <head> without `defer`, the script meets the element before its children
      // (the author's fallback) are parsed: the frame waits for them, so it replaces them all.
      // Meanwhile the element holds the frame's room, so nothing moves when the frame comes.
      this.style.display ||= "block";
      const click = this.getAttribute("load") === "click";
      if (document.readyState === "loading") {
        if (!click && !off(this, "embed")) this.style.minHeight = `${reserved(this)}px`;
        return void document.addEventListener("DOMContentLoaded", () => this.isConnected && this.connectedCallback(), { once: true });
      }
      this.style.minHeight = "";
      const query = ["v=1"];
      if (!this.hasAttribute("embed")) query.push("embed=1");
      for (const [name, boolean] of Object.entries(PARAMS)) {
        const value = this.getAttribute(name);
        // `tasks` keeps its own `;` and `~`: only what would end the parameter is escaped.
        if (value !== null) query.push(`${name}=${(boolean ? flag(value) : value).replace(/[&#\s]/g, encodeURIComponent)}`);
      }
      // What prints in its place (the author's fallback, a link and a sentence, is for readers
      // without JavaScript: the frame or the poster replaces it).
      const summary = document.createElement("div");
      summary.className = "async-lab-print";
      this.replaceChildren(summary);
      printed(this);
      if (!click) return this.frame(query, this.getAttribute("load") === "eager");
      // load="click": a poster drawn from this script alone, so nothing is asked of the app's
      // origin until the reader clicks; then the frame loads and runs Run both (autorun's rules).
      this.prepend(poster(this, () => {
        this.querySelector(":scope > .async-lab-poster")?.remove();
        this.frame([...query.filter((p) => !p.startsWith("autorun=")), "autorun=1"], true);
      }));
    }

    frame(query, eager) {
      const full = off(this, "embed");
      const pinned = ["light", "dark"].includes(this.getAttribute("theme"));
      const frame = document.createElement("iframe");
      frame.title = this.getAttribute("title") ?? "Async Lab";
      // On the host's own origin these flags together could lift the sandbox, so it would only
      // add the browser's warning about that: a same-origin frame goes without one.
      if (app.origin !== location.origin) frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox");
      frame.setAttribute("allow", "clipboard-write");
      // Set through the style object, which a strict host policy allows (a style attribute it may not).
      Object.assign(frame.style, { display: "block", width: "100%", border: "0" });
      this.prepend(frame);
      reserve.set(frame, full ? 900 : reserved(this));
      if (!full) compact.add(frame), widths.observe(this);
      size(frame);
      if (!pinned) follows.add(frame);
      const load = () => {
        // Opened in the host's theme already, so it does not flash the other one first.
        const chosen = pinned ? query : [...query.filter((p) => !p.startsWith("theme=")), `theme=${themeFor(frame)}`];
        frame.src = new URL(`?${chosen.join("&")}`, app).href;
      };
      if (eager) return load();
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
