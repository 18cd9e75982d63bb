// Async Lab's embed script: include it once per page, in <head>, as a plain script (no defer,
// no async), and each <async-lab> element on the page becomes a lesson that holds its room from
// the first paint, follows the page's light or dark theme, and re-dispatches each run as an
// `async-lab:run` event. Bare iframes of the app are sized and themed too. It looks after only
// the frames of the app served beside it, never another frame of the page. Bundled into one
// classic script by scripts/embed.mjs; one global flag, so it runs once however often included.
import { app, frames } from "./app.js";
import { AsyncLab, live } from "./element.js";
import { listen, watchBareFrames } from "./messages.js";
import { watchScrolling } from "./sizing.js";
import { tell, watchTheme } from "./theme.js";

if (app && !window.__asyncLabEmbed) {
  window.__asyncLabEmbed = true;
  listen((element, report) => element.ran(report));
  watchTheme(() => {
    frames().forEach(tell);
    live.forEach((element) => element.rethemed());
  });
  watchScrolling();
  watchBareFrames();
  customElements.get("async-lab") ?? customElements.define("async-lab", AsyncLab);
}
