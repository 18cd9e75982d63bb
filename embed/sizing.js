// The room an element keeps for its frame, and each frame's height: the larger of that room and
// its content's, so the host page does not move while a lesson loads and runs.
import { hostOf, post } from "./app.js";
import { DEFAULT_LESSON, MAX_TASKS } from "./catalogue.js";
import { HEIGHTS, WIDTHS } from "./heights.js";
import { listening } from "./theme.js";

/** The element's lesson as its URL parameter would be (absent: the app's default lesson). */
export const lessonId = (element) => element.getAttribute("lesson") ?? DEFAULT_LESSON;
/** The tasks the element's `tasks` attribute gives (`label~kind~ms~fails~url` each; none without one). */
export const givenTasks = (element) => element.getAttribute("tasks")?.split(";").filter(Boolean) ?? [];
/** The element's own tasks, or null where the app shows the lesson's defaults: none given, or
 * more than a lesson runs. */
export const ownTasks = (element) => {
  const tasks = givenTasks(element);
  return tasks.length >= 1 && tasks.length <= MAX_TASKS ? tasks : null;
};
/** Whether a boolean attribute is written off ("0" or "false"). */
export const off = (element, name) => ["0", "false"].includes(element.getAttribute(name));

const LANE = 80; // a task more or fewer: a lane in each of the two timelines
// The full app (embed="0") at its first height; it grows with its content.
const FULL = 900;
/** The tallest a frame is made, whatever it or its attributes say. */
export const MAX_HEIGHT = 100000;

/** The room an element keeps for its lesson at each measured width (`WIDTHS`), in px. */
const rooms = (element) => {
  if (off(element, "embed")) return WIDTHS.map(() => FULL);
  const [tasks, heights, heading] = HEIGHTS.get(lessonId(element)) ?? HEIGHTS.get(DEFAULT_LESSON);
  const typed = ownTasks(element)?.length ?? tasks;
  return heights.map((height, i) => Math.min(MAX_HEIGHT, Math.ceil(height - (off(element, "heading") ? heading[i] : 0) + LANE * (typed - tasks))));
};

// A width's room is the one measured at the nearest width at or below it. Narrower is taller, so
// the room is never short of the content (interpolating between two measured widths was, by up
// to 26 px, where the text wraps as at the narrower one). The rule is CSS, the element its
// container: the room holds from the first layout without reading one, which, for each element
// the parser inserts, would lay out the half-parsed page (20–60 ms each on Sphinx themes) and let
// the browser paint it before the rest is parsed, the rest then shifting it.
export const ROOM_RULES = [".room { --room: var(--r0); height: var(--room); }", ...WIDTHS.map((w, i) => `@container (min-width: ${w}px) { .room { --room: var(--r${i}); } }`)].join("\n");

/** Makes `node` (a poster or a frame in `element`'s shadow root) keep its element's room. */
export const hold = (node, element) => {
  node.classList.add("room");
  rooms(element).forEach((height, i) => node.style.setProperty(`--r${i}`, `${height}px`));
};

/** The room at the element's width now (reads layout: not while the page is being parsed). */
export const reserved = (element) => {
  const width = element.clientWidth || 700;
  return rooms(element)[Math.max(0, WIDTHS.findLastIndex((w) => w <= width))];
};

// Per frame: whether its app fills the room its element keeps (the compact embed), and the
// height its content last reported.
const compact = new WeakSet();
const content = new WeakMap();

/** `frame` keeps its element's room (`fills`: the compact card stretches into it). */
export const keep = (frame, element, fills) => {
  hold(frame, element);
  if (fills) compact.add(frame), tellRoom(frame);
};
/** Tells a listening compact frame the room it keeps, which its card fills. */
export const tellRoom = (frame) => compact.has(frame) && listening(frame) && post(frame, { type: "room", height: reserved(hostOf(frame)) });
/** The frame's content reported its height. */
export const measured = (frame, height) => {
  content.set(frame, Math.min(MAX_HEIGHT, Math.ceil(height)));
  fit(frame);
};
// A frame of an element is the larger of its room and its content; a bare frame, its content.
const fitted = new WeakMap();
const fit = (frame) => {
  const height = content.get(frame);
  if (!height) return;
  const held = frame.classList.contains("room");
  const css = held ? `max(${height}px, var(--room))` : `${height}px`;
  if (fitted.get(frame) === css) return;
  fitted.set(frame, css);
  frame.style.height = css;
  if (!held) frame.setAttribute("height", String(height));
  relink();
};

// A deep link (#heading) below frames that grow after the browser scrolled to it would land in
// the wrong place: until the reader scrolls by hand, each resize scrolls to it again.
let moved = false;
export const watchScrolling = () => {
  for (const type of ["wheel", "touchstart", "keydown", "pointerdown"]) addEventListener(type, () => (moved = true), { capture: true, passive: true });
};
const relink = () => {
  if (moved || location.hash.length < 2) return;
  try {
    document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  } catch {}
};
