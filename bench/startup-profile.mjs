// The first working click in phases, for the app (dist/) and the Leptos counter (target/bench/counter,
// which `make bench` builds), alternating, fresh profiles, medians of N visits (default 15):
// when boot.js's compile starts and ends, the instance, the first Run button (the mount), the click,
// and the first bar. `JSFLAGS=--no-wasm-lazy-compilation` passes a V8 flag, to see what lazy
// compilation costs. Usage: make build && node bench/startup-profile.mjs [N]
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";

const N = Number(process.argv[2] ?? 15);
const servers = [spawn(process.execPath, ["tests/e2e/serve.mjs", "4396", "dist"]), spawn(process.execPath, ["tests/e2e/serve.mjs", "4397", "target/bench/counter", "--no-csp"])];
await new Promise((done) => setTimeout(done, 500));
const args = process.env.JSFLAGS ? [`--js-flags=${process.env.JSFLAGS}`] : [];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args });

async function visit(url, button, worked) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(({ button, worked }) => {
    const mark = (n) => performance.getEntriesByName(n).length || performance.mark(n);
    for (const name of ["compileStreaming", "instantiateStreaming", "instantiate"]) {
      const original = WebAssembly[name].bind(WebAssembly);
      WebAssembly[name] = (...a) => {
        mark(`${name}-start`);
        return original(...a).then((r) => (mark(`${name}-end`), r));
      };
    }
    const isDone = () => (worked === "bar" ? !!document.querySelector(".timeline .bar") : /^Count: [1-9]/.test(document.querySelector("button")?.textContent ?? ""));
    const attempt = () => {
      if (performance.getEntriesByName("worked").length) return;
      if (isDone()) return mark("worked");
      const b = [...document.querySelectorAll("button")].find((b) => button === null || b.textContent.trim() === button);
      if (b) (mark("button"), b.click(), mark("clicked"));
      if (isDone()) mark("worked");
    };
    new MutationObserver(attempt).observe(document, { subtree: true, childList: true, characterData: true });
    const frame = () => (attempt(), performance.getEntriesByName("worked").length || requestAnimationFrame(frame));
    requestAnimationFrame(frame);
  }, { button, worked });
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(() => performance.getEntriesByName("worked").length > 0, null, { timeout: 20000 });
  const t = await page.evaluate(() => {
    const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
    return {
      compile_start: at("compileStreaming-start") || at("instantiateStreaming-start"),
      instance: Math.max(at("instantiate-end") || 0, at("instantiateStreaming-end") || 0),
      button: at("button"),
      clicked: at("clicked"),
      bar: at("worked"),
    };
  });
  await context.close();
  return t;
}

const median = (xs) => xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cases = [["app", "http://127.0.0.1:4396/?tasks=A~timer~50~0~", "Run concurrently", "bar"], ["counter", "http://127.0.0.1:4397/", null, "count"]];
const all = { app: [], counter: [] };
for (let i = 0; i < N; i++) for (const [name, url, button, worked] of cases) all[name].push(await visit(url, button, worked));
for (const [name] of cases) {
  const m = Object.fromEntries(Object.keys(all[name][0]).map((k) => [k, median(all[name].map((t) => t[k]))]));
  console.log(`${name}: compile starts ${m.compile_start.toFixed(1)} ms, instance ${m.instance.toFixed(1)}, first Run button ${m.button.toFixed(1)} (mount ${(m.button - m.instance).toFixed(1)}), click ${m.clicked.toFixed(1)}, first bar ${m.bar.toFixed(1)} (click to bar ${(m.bar - m.clicked).toFixed(1)})`);
}
await browser.close();
servers.forEach((s) => s.kill());
