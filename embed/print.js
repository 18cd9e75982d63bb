// What prints in an element's place: the last runs' figures and timelines, as text and a drawing;
// before any run, the lesson's expected timelines. Never the live frame.
import { app } from "./app.js";
import { drawing, expected, lessonOf, seconds, typed } from "./drawing.js";
import { line } from "./poster.js";
import { lessonId, ownTasks } from "./sizing.js";

const titled = (mode) => mode[0].toUpperCase() + mode.slice(1);

/** Writes the summary of `runs` (the latest report of each column, either may be missing) into `node`. */
export const printed = (element, node, runs) => {
  node.replaceChildren();
  const [title] = lessonOf(element);
  line(node, `${title} (Async Lab)`, "title");
  runs = runs.filter(Boolean);
  if (runs.length === 0 && ownTasks(element)) line(node, `Not run yet. ${typed(element)}`);
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
  line(node, `Run it: ${new URL(`?lesson=${encodeURIComponent(lessonId(element))}`, app).href}`);
};
