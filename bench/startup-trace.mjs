// One first visit to dist/ traced (Chrome's devtools.timeline and V8's wasm categories): the
// renderer main thread's tasks from navigation to the first working click, and the wasm events'
// totals (wasm.CompileLazy: functions compiled on their first call). The trace itself slows the
// page; bench/startup-profile.mjs gives the untraced phases. Usage: make build && node bench/startup-trace.mjs
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
const server = spawn(process.execPath, ["tests/e2e/serve.mjs", "4396", "dist"]);
await new Promise((done) => setTimeout(done, 500));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" });
const url = process.argv[2] ?? "http://127.0.0.1:4396/?tasks=A~timer~50~0~";
const button = process.argv[3] ?? "Run concurrently";
const context = await browser.newContext();
const p = await context.newPage();
await p.addInitScript((button) => {
  const done = () => !!document.querySelector(".timeline .bar") || /^Count: [1-9]/.test(document.querySelector("button")?.textContent ?? "");
  const attempt = () => {
    if (performance.getEntriesByName("worked").length) return;
    if (done()) return performance.mark("worked");
    const b = [...document.querySelectorAll("button")].find((b) => button === "" || b.textContent.trim() === button);
    if (b) b.click();
    if (done()) performance.mark("worked");
  };
  new MutationObserver(attempt).observe(document, { subtree: true, childList: true, characterData: true });
}, button);
await browser.startTracing(p, { categories: ["devtools.timeline", "v8.execute", "disabled-by-default-devtools.timeline", "v8.wasm", "disabled-by-default-v8.compile"] });
await p.goto(url, { waitUntil: "commit" });
await p.waitForFunction(() => performance.getEntriesByName("worked").length > 0, null, { timeout: 20000 });
const buf = await browser.stopTracing();
const worked = await p.evaluate(() => performance.getEntriesByName("worked")[0].startTime);
const trace = JSON.parse(buf.toString());
const events = trace.traceEvents ?? trace;
// The renderer main thread: the one running "ParseHTML".
const parse = events.find((e) => e.name === "ParseHTML");
const tid = parse.tid, pid = parse.pid;
const t0 = events.filter((e) => e.pid === pid && e.name === "navigationStart").map((e) => e.ts)[0] ?? parse.ts;
const top = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === "X" && e.dur > 500 && (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask"));
for (const task of top) {
  const inner = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === "X" && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur && e !== task && e.dur > 200);
  const names = [...new Set(inner.map((e) => e.name))].slice(0, 6).join(",");
  console.log(`${((task.ts - t0) / 1000).toFixed(1).padStart(7)} ms +${(task.dur / 1000).toFixed(1).padStart(5)} ms  ${names}`);
}
const wasmEv = events.filter((e) => /wasm|Wasm/.test(e.name) && e.ph === "X").reduce((m, e) => ((m[e.name] = (m[e.name] ?? 0) + e.dur / 1000), m), {});
console.log("worked at", worked.toFixed(1), "ms; wasm events (ms total):", JSON.stringify(Object.fromEntries(Object.entries(wasmEv).map(([k, v]) => [k, +v.toFixed(1)]))));
await browser.close();
server.kill();
