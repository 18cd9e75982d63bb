// A lesson's timelines as a static drawing, known before the app loads: for the poster and for print.
import { DEFAULT_LESSON, MAX_TASKS, NO_LESSON, POSTERS } from "./catalogue.js";
import { givenTasks, lessonId, ownTasks } from "./sizing.js";

const NS = "http://www.w3.org/2000/svg";
const COLOURS = { light: ["#1d1f23", "#545a63", "#eceef1", "#1e7a46"], dark: ["#e7e9ec", "#a9afb8", "#2a2f36", "#5cc98a"] };
export const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

/** The element's lesson: [title, [[label, sequential start, end, concurrent start, end], …]]. */
export const lessonOf = (element) => POSTERS.get(lessonId(element)) ?? POSTERS.get(DEFAULT_LESSON);

/** Why an element's tasks are not used (more than a lesson runs; the app says so too), or null. */
export const unusedTasks = (element) => {
  const count = givenTasks(element).length;
  return count > MAX_TASKS ? `Tasks: a lesson runs 1 to ${MAX_TASKS} tasks; this element gives ${count}. Showing the lesson's own.` : null;
};

/** The app's notice for an element whose `lesson` names none (the app then shows the default). */
export const unknownLesson = (element) => {
  const id = lessonId(element);
  if (POSTERS.has(id)) return null;
  // As the app quotes a value: whole up to 40 characters, else cut with its length.
  const chars = [...id];
  const shown = chars.length <= 40 ? `"${id}"` : `"${chars.slice(0, 40).join("")}…" (${chars.length} characters)`;
  return NO_LESSON.join(shown);
};

/**
 * `groups` ([caption, [[label, start ms, end ms], …]]) on one time axis, `width` px wide so its
 * text keeps its size in a narrow column and a wide one, each task `pitch` px apart.
 */
export const drawing = (groups, dark, width = 600, pitch = 28) => {
  const [text, muted, track, bar] = COLOURS[dark ? "dark" : "light"];
  const span = Math.max(1, ...groups.flatMap(([, rows]) => rows.map((r) => r[2]))) * 1.05;
  const thick = Math.min(16, Math.round(pitch * 0.3));
  const svg = document.createElementNS(NS, "svg");
  const add = (name, attributes, content) => {
    const node = svg.appendChild(document.createElementNS(NS, name));
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    if (content !== undefined) node.textContent = content;
  };
  let y = 0;
  for (const [caption, rows] of groups) {
    add("text", { x: 0, y: y + 13, fill: text, "font-size": 13, "font-weight": 600 }, caption);
    y += 20;
    for (const [label, start, end] of rows) {
      add("text", { x: 0, y: y + 11, fill: muted, "font-size": 11 }, label);
      add("rect", { x: 0, y: y + 15, width, height: thick, rx: 2, fill: track });
      add("rect", { x: (start / span) * width, y: y + 15, width: Math.max(1, ((end - start) / span) * width), height: thick, rx: 2, fill: bar });
      y += pitch;
    }
    y += 6;
  }
  svg.setAttribute("viewBox", `0 0 ${width} ${y}`);
  svg.setAttribute("width", "100%");
  svg.setAttribute("role", "img");
  return svg;
};

const wall = (rows, i) => Math.max(0, ...rows.map((r) => r[i]));

/** The lesson's expected timelines for its default tasks; none for an element's own `tasks`, which only the app models. */
export const expected = (element) => {
  const [, rows] = lessonOf(element);
  if (ownTasks(element)) return [];
  return [
    [`One after another: ${seconds(wall(rows, 2))} expected`, rows.map(([label, s, e]) => [label, s, e])],
    [`Concurrently: ${seconds(wall(rows, 4))} expected`, rows.map(([label, , , s, e]) => [label, s, e])],
  ];
};

/** What concurrency is expected to save on the lesson's default tasks, as a sentence. */
export const saving = (element) => {
  const [, rows] = lessonOf(element);
  const [sequential, concurrent] = [wall(rows, 2), wall(rows, 4)];
  return concurrent > 0 && sequential > concurrent ? `Expected: ${seconds(sequential - concurrent)} saved, ${(sequential / concurrent).toFixed(1)}× faster.` : "";
};

// An element's own tasks as written on it (label~kind~ms~fails~url each): [label, kind, ms].
const own = (element) =>
  (ownTasks(element) ?? []).map((task) =>
    task.split("~").slice(0, 3).map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    }),
  );

/** An element's own tasks, listed: only the app models how they run. */
export const typed = (element) => `This page's tasks: ${own(element).map(([label = "", kind = "", ms = ""]) => `${label} (${kind}, ${ms} ms)`).join(", ")}.`;

/** What a poster draws: the lesson's expected timelines, or for an element's own tasks each one's
 * requested time (a fact of the page, where an expected schedule would be a model of the app's). */
export const pictured = (element) => {
  if (!ownTasks(element)) return expected(element);
  const rows = own(element)
    .map(([label = "", , ms = ""]) => [label, Number(ms)])
    .filter(([, ms]) => Number.isFinite(ms) && ms >= 0);
  return rows.length ? [["Each task's requested time", rows.map(([label, ms]) => [`${label}: ${ms} ms`, 0, ms])]] : [];
};
