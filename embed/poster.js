// load="click": the lesson drawn by this script alone, in the room its frame will take, until the
// reader asks for the app.
import { app } from "./app.js";
import { drawing, lessonOf, pictured, saving, typed, unknownLesson, unusedTasks } from "./drawing.js";
import { hold, off, ownTasks } from "./sizing.js";
import { isDark } from "./theme.js";

export const line = (parent, text, className = "") => {
  const p = parent.appendChild(document.createElement("p"));
  p.className = className;
  p.textContent = text;
  return p;
};

// The author's `accent` and `font`, as the frame will show them: a hex colour with readable text
// on it (WCAG's relative luminance; 0.179 is where black and white contrast equally), and a
// font-family list the style object takes or drops as a whole.
const look = (node, element) => {
  const accent = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(element.getAttribute("accent") ?? "")?.[1];
  if (accent) {
    const hex = accent.length === 3 ? [...accent].map((c) => c + c).join("") : accent;
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    node.style.setProperty("--accent", `#${hex}`);
    node.style.setProperty("--on-accent", 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.179 ? "#000" : "#fff");
  }
  node.style.fontFamily = element.getAttribute("font") ?? "";
};

/** The poster of `element`, as tall as its frame's room, whose Run both calls `run`. Nothing in it
 * is measured (see `hold`): `fill` fits its drawing to the width once the page is laid out. */
export const poster = (element, run) => {
  const node = document.createElement("div");
  node.className = isDark(element) ? "poster dark" : "poster";
  hold(node, element);
  look(node, element);
  const [title] = lessonOf(element);
  for (const notice of [unknownLesson(element), unusedTasks(element)]) if (notice) line(node, notice, "note");
  if (!off(element, "heading")) line(node, title, "title");
  const row = line(node, "");
  const button = row.appendChild(document.createElement("button"));
  button.type = "button";
  button.textContent = "Run both";
  button.addEventListener("click", run, { once: true });
  const note = row.appendChild(document.createElement("span"));
  note.className = "note";
  note.textContent = `Loads Async Lab from ${app.host} and runs the lesson${ownTasks(element) ? "'s tasks as written here" : ""} in your browser.`;
  if (ownTasks(element)) line(node, typed(element));
  node.append(drawing(pictured(element), isDark(element)));
  if (!ownTasks(element)) line(node, saving(element), "note");
  return node;
};

const width = (element) => Math.max(240, element.clientWidth - 32);

/** Once the poster is laid out: its drawing at the poster's width (so its text keeps its size),
 * stretched into the room the frame will take. */
export const fill = (node, element) => {
  if (!node.querySelector("svg") || !node.clientHeight) return;
  const groups = pictured(element);
  const draw = (pitch) => node.querySelector("svg").replaceWith(drawing(groups, isDark(element), width(element), pitch));
  draw(28);
  const rows = groups.reduce((n, [, tasks]) => n + tasks.length, 0);
  const inner = node.getBoundingClientRect().bottom - parseFloat(getComputedStyle(node).paddingBottom) - 1;
  const spare = inner - node.lastElementChild.getBoundingClientRect().bottom;
  if (spare >= 8) draw(Math.min(56, 28 + spare / rows));
};
