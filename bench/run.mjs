// make bench: times Async Lab's runtime against plain JavaScript in one headless Chromium page,
// and its size and startup against a minimal Leptos counter built with the same profile.
// Each pair alternates order, after warm-ups; medians of RUNS. Prints a table, then name=value pairs.
// Usage: node bench/run.mjs <app dist (release, no bench feature)> <bench dist (feature bench)> <counter dist>
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { chromium } from "@playwright/test";

const [appDist, benchDist, counterDist] = process.argv.slice(2);
const RUNS = 5;
const WARMUPS = 2;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
const pairs = {};

function serve(dir, port, ...flags) {
  const child = spawn("node", ["tests/e2e/serve.mjs", String(port), dir, ...flags], { stdio: "ignore" });
  return new Promise((resolve) => setTimeout(() => resolve(child), 400));
}

/** Alternates a and b (a first on even rounds), after warm-ups; returns their medians. */
async function pair(a, b) {
  for (let i = 0; i < WARMUPS; i++) { await a(); await b(); }
  const [as, bs] = [[], []];
  for (let i = 0; i < RUNS; i++) {
    if (i % 2 === 0) { as.push(await a()); bs.push(await b()); } else { bs.push(await b()); as.push(await a()); }
  }
  return [median(as), median(bs)];
}

function record(name, what, rust, js, goal) {
  console.error(`  ${name}: ${rust.toFixed(1)} against ${js.toFixed(1)}`);
  const ratio = rust / js;
  const verdict = goal === undefined ? "report" : ratio <= goal ? `meets ≤ ${goal}×` : `MISSES ≤ ${goal}×`;
  rows.push([name, what, rust.toFixed(1), js.toFixed(1), ratio.toFixed(3) + "×", verdict]);
  pairs[name] = ratio.toFixed(3);
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
const servers = [await serve(benchDist, 4301), await serve(counterDist, 4302, "--no-csp"), await serve(appDist, 4303)];
try {
  const page = await browser.newPage();
  await page.goto("http://127.0.0.1:4301/?lesson=api-requests");
  await page.waitForFunction(() => window.asyncLabBench && navigator.serviceWorker.controller, null, { timeout: 15000 });

  // Timers: join_all of N sleeps through the app's runtime against Promise.all of N setTimeouts.
  for (const [n, goal] of [[1000, undefined], [10000, 1.0], [100000, 1.1]]) {
    const rust = () => page.evaluate((n) => window.asyncLabBench.bench_timers(n, 100), n);
    const js = () => page.evaluate((n) => {
      const t = performance.now();
      return Promise.all(Array.from({ length: n }, () => new Promise((r) => setTimeout(r, 100)))).then(() => performance.now() - t);
    }, n);
    const [r, j] = await pair(rust, js);
    record(`timers_${n}`, `${n} × 100 ms sleeps`, r, j, goal);
  }

  // Fetch: 30 concurrent delayed fetches of 200 ms through the service worker.
  {
    const rust = () => page.evaluate(() => window.asyncLabBench.bench_fetch(30, 200));
    const js = () => page.evaluate(() => {
      const t = performance.now();
      return Promise.all(Array.from({ length: 30 }, (_, i) => fetch(`api/delay/200/j${i}`).then((r) => r.arrayBuffer()))).then(() => performance.now() - t);
    });
    const [r, j] = await pair(rust, js);
    record("fetch_30", "30 × 200 ms delayed fetches", r, j, 1.05);
  }

  // Spawn: 10,000 spawn_local no-op futures against 10,000 resolved promises.
  {
    const rust = () => page.evaluate(() => window.asyncLabBench.bench_spawn(10000));
    const js = () => page.evaluate(() => {
      const t = performance.now();
      let left = 10000;
      return new Promise((done) => {
        for (let i = 0; i < 10000; i++) Promise.resolve().then(() => { if (--left === 0) done(performance.now() - t); });
      });
    });
    const [r, j] = await pair(rust, js);
    record("spawn_10000", "10,000 no-op tasks", r, j);
  }

  // Size: what a visitor downloads (wasm, JS, CSS, HTML), compressed, against the counter.
  const size = (dir, compress) =>
    readdirSync(dir).filter((f) => /\.(wasm|js|css|html)$/.test(f) && !["sw.js", "embed.js"].includes(f))
      .reduce((sum, f) => sum + compress(readFileSync(join(dir, f))).length, 0);
  const gzip = (b) => gzipSync(b, { level: 9 });
  const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  const [appGz, counterGz] = [size(appDist, gzip), size(counterDist, gzip)];
  const [appBr, counterBr] = [size(appDist, brotli), size(counterDist, brotli)];
  rows.push(["size_gzip", "dist/, gzip -9 (KiB)", (appGz / 1024).toFixed(1), (counterGz / 1024).toFixed(1), (appGz / counterGz).toFixed(3) + "×",
    appGz / counterGz <= 1.3 && appGz <= 80 * 1024 ? "meets ≤ 1.3× and ≤ 80 KiB" : "MISSES ≤ 1.3× and ≤ 80 KiB"]);
  rows.push(["size_brotli", "dist/, brotli 11 (KiB)", (appBr / 1024).toFixed(1), (counterBr / 1024).toFixed(1), (appBr / counterBr).toFixed(3) + "×", "report"]);
  Object.assign(pairs, { size_gzip_kib: (appGz / 1024).toFixed(1), size_gzip_ratio: (appGz / counterGz).toFixed(3), size_brotli_kib: (appBr / 1024).toFixed(1) });

  // Startup: first paint of the static shell, and the first working click, against the counter's.
  const appClick = async () => {
    const p = await browser.newPage();
    await p.goto("http://127.0.0.1:4303/?tasks=A~timer~50~0~", { waitUntil: "commit" });
    const deadline = Date.now() + 20000;
    while (!(await p.locator(".timeline .bar").count())) {
      if (Date.now() > deadline) throw new Error("Async Lab never drew a bar after a click");
      await p.getByRole("button", { name: "Run concurrently" }).click({ timeout: 2000 }).catch(() => {});
    }
    const t = await p.evaluate(() => [performance.now(), performance.getEntriesByName("first-paint")[0]?.startTime ?? NaN]);
    await p.close();
    return t;
  };
  const counterClick = async () => {
    const p = await browser.newPage();
    await p.goto("http://127.0.0.1:4302/", { waitUntil: "commit" });
    const deadline = Date.now() + 20000;
    while ((await p.locator("button").textContent({ timeout: 2000 }).catch(() => "")) !== "Count: 1") {
      if (Date.now() > deadline) throw new Error("the counter never counted a click");
      await p.locator("button").click({ timeout: 2000 }).catch(() => {});
    }
    const t = await p.evaluate(() => performance.now());
    await p.close();
    return t;
  };
  const paints = [];
  const [appStart, counterStart] = await pair(async () => { const [t, paint] = await appClick(); paints.push(paint); return t; }, counterClick);
  record("first_click", "navigation to first working click (ms)", appStart, counterStart, 1.3);
  rows.push(["first_paint", "navigation to first paint of the shell (ms)", median(paints).toFixed(1), "", "", "report"]);
  pairs.first_paint_ms = median(paints).toFixed(1);
  rows.push(["timeline", "frame intervals with 1,000 and 100,000 bars", "", "", "", "not measured yet (needs the scale control)"]);
} finally {
  await browser.close();
  for (const s of servers) s.kill();
}

const header = ["name", "what", "Async Lab", "baseline", "ratio", "goal"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (r) => "| " + r.map((c, i) => String(c).padEnd(widths[i])).join(" | ") + " |";
console.log(line(header));
console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
for (const r of rows) console.log(line(r));
console.log(`\nmedians of ${RUNS} after ${WARMUPS} warm-ups, alternating order; baseline = plain JS in the same page (timers, fetch, spawn) or the Leptos counter (size, startup)`);
console.log(Object.entries(pairs).map(([k, v]) => `${k}=${v}`).join(" "));
