// <async-lab>: its attributes are the app's URL parameters; it draws a poster or makes the frame
// in its own shadow root, leaving the author's children (the fallback for readers without
// JavaScript) to the page, so a framework that rendered them on a server hydrates them unchanged.
import { adopt, app, release } from "./app.js";
import { lessonOf } from "./drawing.js";
import { PARAMS } from "./catalogue.js";
import { reloaded } from "./messages.js";
import { fill, poster } from "./poster.js";
import { printed } from "./print.js";
import { keep, off, ROOM_RULES, tellRoom } from "./sizing.js";
import { follow, pin, themeFor } from "./theme.js";

const SANDBOX = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";

// One sheet for every element's shadow root, constructed (a strict host policy allows it, a
// <style> element it may not). `:host` rules lose to any rule of the site's own.
const sheet = new CSSStyleSheet();
sheet.replaceSync(`
:host { display: block; margin-block: 1em; container-type: inline-size; }
iframe { display: block; width: 100%; border: 0; }
.poster { box-sizing: border-box; overflow: hidden; display: flex; flex-direction: column; gap: 0.5rem; border: 1px solid #d5d8dd; border-radius: 8px; padding: 0.75rem 0.9rem; background: #fff; color: #1d1f23; font: 15px/1.45 system-ui, sans-serif; }
.poster.dark { border-color: #343a42; background: #1b1e23; color: #e7e9ec; }
p { margin: 0; }
.title { font-weight: 600; }
button { font: inherit; background: var(--accent, #1f5fbf); color: var(--on-accent, #fff); border: 0; border-radius: 6px; padding: 0.35rem 0.9rem; margin-right: 0.75rem; cursor: pointer; }
.dark button { background: var(--accent, #79a8ff); color: var(--on-accent, #0b1220); }
button:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }
.note { font-size: 0.85rem; opacity: 0.8; }
.print { display: none; font: 12pt/1.4 system-ui, sans-serif; color: #000; }
.print p { margin: 0 0 0.4rem; }
@media print { iframe, .poster { display: none !important; } .print { display: block; break-inside: avoid; } }
${ROOM_RULES}
`);

// Booleans may be written "", "1" or "true" (and "0" or "false"), as HTML, MDX and JSX each write them.
const FLAGS = new Map([["", "1"], ["true", "1"], ["false", "0"]]);
const flag = (value) => FLAGS.get(value) ?? value;

// Every element's width: its poster's drawing fitted to it, and its frame told the room it keeps.
const widths = new ResizeObserver((entries) => entries.forEach(({ target }) => target.resized?.()));

/** The elements on the page, for what changes them all (the host's theme). */
export const live = new Set();

export class AsyncLab extends HTMLElement {
  static observedAttributes = [...PARAMS.map(([name]) => name), "load", "title"];
  #root;
  // What the current rendering made, undone by #clear: the frame, the poster, the loader waiting
  // for the frame to near the viewport, and the latest report of each column (for print).
  #frame = null;
  #poster = null;
  #run = null;
  #near = null;
  #runs = [];
  #print = null;
  #changed = new Set();
  // Whether the element's width has been reported since it was connected.
  #sized = false;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    this.#root.adoptedStyleSheets = [sheet];
  }

  // Nothing is measured here (see `ROOM_RULES`): the room is CSS, and the drawing is fitted to the
  // width when the ResizeObserver first reports it.
  connectedCallback() {
    live.add(this);
    this.#render();
    widths.observe(this);
  }

  disconnectedCallback() {
    live.delete(this);
    widths.unobserve(this);
    this.#clear();
    this.#sized = false;
  }

  // Frameworks that render pages in the browser (Docusaurus, VitePress) change an element's
  // attributes in place: changes made together apply once, after them.
  attributeChangedCallback(name, before, now) {
    if (before === now || !this.isConnected || !this.#print) return;
    if (this.#changed.size === 0) queueMicrotask(() => this.#apply());
    this.#changed.add(name);
  }

  #apply() {
    const changed = [...this.#changed];
    this.#changed.clear();
    if (!this.isConnected) return;
    // A theme or a title changes a loaded frame in place: its runs stay.
    if (this.#frame?.src && changed.every((name) => name === "theme" || name === "title")) {
      this.#frame.title = this.#title();
      if (changed.includes("theme")) pin(this.#frame, this.getAttribute("theme"));
      return;
    }
    this.#clear();
    this.#render();
  }

  #title() {
    return this.getAttribute("title") ?? `Async Lab: ${lessonOf(this)[0]}`;
  }

  #query() {
    const query = ["v=1"];
    if (!this.hasAttribute("embed")) query.push("embed=1");
    for (const [name, boolean] of PARAMS) {
      const value = this.getAttribute(name);
      // `tasks` keeps its own `;` and `~`: only what would end the parameter is escaped.
      if (value !== null) query.push(`${name}=${(boolean ? flag(value) : value).replace(/[&#\s]/g, encodeURIComponent)}`);
    }
    return query;
  }

  #render() {
    this.#print = document.createElement("div");
    this.#print.className = "print";
    this.#root.replaceChildren(this.#print);
    this.#printed();
    const query = this.#query();
    if (this.getAttribute("load") !== "click") return this.#load(query, this.getAttribute("load") === "eager");
    // load="click": a poster drawn from this script alone, so nothing is asked of the app's
    // origin until the reader clicks; then the frame loads and runs Run both (autorun's rules).
    this.#drawPoster(() => {
      this.#poster?.remove();
      this.#poster = this.#run = null;
      this.#load([...query.filter((p) => !p.startsWith("autorun=")), "autorun=1"], true);
    });
  }

  #drawPoster(run) {
    this.#run = run;
    const next = poster(this, run);
    if (this.#poster) this.#poster.replaceWith(next);
    else this.#root.prepend(next);
    this.#poster = next;
    if (this.#sized) fill(next, this);
  }

  #load(query, eager) {
    const frame = (this.#frame = document.createElement("iframe"));
    frame.title = this.#title();
    // On the host's own origin these flags together could lift the sandbox, so it would only
    // add the browser's warning about that: a same-origin frame goes without one.
    if (app.origin !== location.origin) frame.setAttribute("sandbox", SANDBOX);
    frame.setAttribute("allow", "clipboard-write");
    frame.addEventListener("load", () => reloaded(frame));
    this.#root.prepend(frame);
    adopt(frame, this);
    keep(frame, this, !off(this, "embed"));
    const pinned = ["light", "dark"].includes(this.getAttribute("theme"));
    if (!pinned) follow(frame);
    const load = () => {
      // Opened in the host's theme already, so it does not flash the other one first.
      const chosen = pinned ? query : [...query.filter((p) => !p.startsWith("theme=")), `theme=${themeFor(this)}`];
      frame.src = new URL(`?${chosen.join("&")}`, app).href;
    };
    if (eager) return load();
    this.#near = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) this.#near.disconnect(), (this.#near = null), load();
    }, { rootMargin: "400px" });
    this.#near.observe(this);
  }

  #clear() {
    this.#near?.disconnect();
    this.#near = null;
    if (this.#frame) release(this.#frame);
    this.#frame = this.#poster = this.#run = this.#print = null;
    this.#runs = [];
    this.#root.replaceChildren();
  }

  #printed() {
    if (this.#print) printed(this, this.#print, this.#runs);
  }

  /** A run of this element's frame: its event, and the printed summary. */
  ran(report) {
    this.dispatchEvent(new CustomEvent("async-lab:run", { detail: report, bubbles: true }));
    this.#runs[report?.mode === "sequential" ? 0 : 1] = report;
    this.#printed();
  }

  /** The element's width changed: the room it keeps, and its poster drawn again to fit. */
  resized() {
    this.#sized = true;
    if (this.#frame) tellRoom(this.#frame);
    if (this.#poster) fill(this.#poster, this);
  }

  /** The host's theme changed: the poster is drawn in its colours again. */
  rethemed() {
    if (this.#poster) this.#drawPoster(this.#run);
  }
}
