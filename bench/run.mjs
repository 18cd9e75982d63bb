// make bench: times Async Lab's runtime against plain JavaScript in one headless Chromium page,
// and its size and startup against a minimal Leptos counter built with the same profile.
// Each pair alternates order, after warm-ups; medians of RUNS. Prints a table, then name=value pairs.
// Usage: node bench/run.mjs <app dist (release, no bench feature)> <bench dist (feature bench)> <counter dist>
import { spawn } from "node:child_process";
import { brotliCompressSync, constants } from "node:zlib";
import { chromium } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_LIMIT_KIB, distSize, gzip } from "../scripts/size.mjs";
import { worstLink } from "./worst-link.mjs";

const [appDist, benchDist, counterDist] = process.argv.slice(2);
const RUNS = 5;
// BENCH_ONLY=timeline,size (names of the sections below: timers, fetch, trace, spawn, size, startup, drawing, timeline, replay) runs only those, while working on one.
const want = (section) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(",").includes(section);
const WARMUPS = 2;
// Page loads vary by tens of ms from one to the next on a small machine: startup takes more runs.
const STARTUP_RUNS = 15;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
const pairs = {};

function serve(dir, port, ...flags) {
  const child = spawn("node", ["tests/e2e/serve.mjs", String(port), dir, ...flags], { stdio: "ignore" });
  return new Promise((resolve) => setTimeout(() => resolve(child), 400));
}

/** Alternates a and b (a first on even rounds), after warm-ups; returns their medians. */
async function pair(a, b, runs = RUNS) {
  for (let i = 0; i < WARMUPS; i++) { await a(); await b(); }
  const [as, bs] = [[], []];
  for (let i = 0; i < runs; i++) {
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

/** A frame-interval row against the same page idle: the median of every frame of `times` runs of
 *  `measure`, none of them a long animation frame. */
async function frameRow(name, what, measure, idleMedian, times = 3) {
  const intervals = [];
  const long = [];
  for (let i = 0; i < times; i++) {
    const run = await measure();
    intervals.push(...run.intervals);
    long.push(...run.long);
  }
  const ratio = median(intervals) / idleMedian;
  const worst = Math.max(0, ...long);
  const ok = ratio <= 1.05 && long.length === 0;
  console.error(`  ${name}: median ${median(intervals).toFixed(2)} ms, longest ${Math.max(...intervals).toFixed(1)} ms against idle ${idleMedian.toFixed(2)} ms; ${long.length} long animation frames`);
  rows.push([name, `${what} (median; long frames ${long.length}${long.length ? `, longest ${worst.toFixed(0)} ms` : ""})`,
    median(intervals).toFixed(1), idleMedian.toFixed(1), ratio.toFixed(3) + "×", ok ? "meets ≤ 1.05×, none > 50 ms" : "MISSES ≤ 1.05×, none > 50 ms"]);
  Object.assign(pairs, { [name]: ratio.toFixed(3), [`${name}_long_frames`]: long.length });
}

/** Frame intervals and long animation frames on page `p` while its replay is dragged across in
 *  120 frames (a new position every frame, as a drag sends), played until it pauses, or idle. */
const replayFrames = (p, drive) => p.evaluate((drive) => new Promise((done) => {
  const times = [];
  const long = [];
  const observer = new PerformanceObserver((list) => long.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ type: "long-animation-frame" });
  const slider = document.querySelector('input[aria-label="Replay position"]');
  const max = Number(slider.max);
  const play = [...document.querySelectorAll(".replay button")].find((b) => b.textContent === "Play" || b.textContent === "Pause");
  if (drive === "play") play.click();
  const step = (t) => {
    times.push(t);
    const n = times.length;
    // A drag: the next position every frame, across the whole run in 120 frames.
    if (drive === "drag") {
      slider.value = String(Math.round((max * n) / 120));
      slider.dispatchEvent(new Event("input", { bubbles: true }));
    }
    const more = drive === "play" ? play.textContent === "Pause" || n < 3 : n < 121;
    if (more) requestAnimationFrame(step);
    else setTimeout(() => { observer.disconnect(); done({ intervals: times.slice(1).map((x, i) => x - times[i]), long }); }, 100);
  };
  requestAnimationFrame(step);
}), drive);

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
const servers = [await serve(benchDist, 4301), await serve(counterDist, 4302, "--no-csp"), await serve(appDist, 4303),
  await serve(counterDist, 4304, "--no-csp", "--cache"), await serve(appDist, 4305, "--cache")];
try {
  const page = await browser.newPage();
  await page.goto("http://127.0.0.1:4301/?lesson=api-requests");
  await page.waitForFunction(() => window.asyncLabBench && navigator.serviceWorker.controller, null, { timeout: 15000 });

  // Timers: join_all of N sleeps through the app's runtime against Promise.all of N setTimeouts.
  if (want("timers")) for (const [n, goal] of [[1000, undefined], [10000, 1.0], [100000, 1.1]]) {
    const rust = () => page.evaluate((n) => window.asyncLabBench.bench_timers(n, 100), n);
    const js = () => page.evaluate((n) => {
      const t = performance.now();
      return Promise.all(Array.from({ length: n }, () => new Promise((r) => setTimeout(r, 100)))).then(() => performance.now() - t);
    }, n);
    const [r, j] = await pair(rust, js);
    record(`timers_${n}`, `${n} × 100 ms sleeps`, r, j, goal);
  }

  // Fetch: 30 concurrent delayed fetches of 200 ms through the service worker.
  if (want("fetch")) {
    const rust = () => page.evaluate(() => window.asyncLabBench.bench_fetch(30, 200));
    const js = () => page.evaluate(() => {
      const t = performance.now();
      // The marker the app's own requests carry: the service worker answers nothing else.
      const own = { headers: { "x-async-lab": "app" } };
      return Promise.all(Array.from({ length: 30 }, (_, i) => fetch(`api/delay/200/j${i}`, own).then((r) => r.arrayBuffer()))).then(() => performance.now() - t);
    });
    const [r, j] = await pair(rust, js);
    record("fetch_30", "30 × 200 ms delayed fetches", r, j, 1.05);
  }

  // Trace: the same work traced (a traced lane per future under a traced spawned lane, as a lesson
  // run is) against untraced, both in Rust: the ratio is the tracing overhead. 0 ms timers, so the
  // wall-clock is all overhead; then the documents' sizes for 20 and 10,000 traced 1 ms timers
  // (a poll, a wake and a poll each, as a real timer has).
  if (want("trace")) {
    // Each sample is 10 runs of 10,000 futures back to back (each run concurrent), so the clock's
    // 0.1 ms steps are small against it; more samples than elsewhere, the runs being short.
    const TIMES = 10;
    // A million reads take as many ms as one read takes ns: the median of 5, after a warm-up.
    await page.evaluate(() => window.asyncLabBench.bench_clock(1_000_000));
    const clockSamples = [];
    for (let i = 0; i < 5; i++) clockSamples.push(await page.evaluate(() => window.asyncLabBench.bench_clock(1_000_000)));
    const clockNs = median(clockSamples);
    for (const [name, what, traced, plain] of [
      ["trace_timers_10000", "10,000 × 0 ms sleeps, traced ÷ untraced", "bench_timers_traced", "bench_timers"],
      ["trace_noop_10000", "10,000 ready futures, traced ÷ untraced", "bench_noop_traced", "bench_noop"],
    ]) {
      const run = (fn) => () => page.evaluate(async ([fn, n, times]) => {
        let sum = 0;
        for (let i = 0; i < times; i++) sum += await (fn.startsWith("bench_noop") ? window.asyncLabBench[fn](n) : window.asyncLabBench[fn](n, 0));
        return sum / times;
      }, [fn, 10000, TIMES]);
      const [t, u] = await pair(run(traced), run(plain), 11);
      record(name, what, t, u, 1.1);
      // The floor under any trace that timestamps every poll: two clock reads per poll recorded.
      const [, , , polls] = await page.evaluate(() => Array.from(window.asyncLabBench.bench_trace_bytes()));
      const floor = (u + (2 * polls * clockNs) / 1e6) / u;
      rows.push([`${name}_floor`, `untraced + two clock reads per poll (${polls} polls, ${clockNs.toFixed(0)} ns a read) ÷ untraced`, "", "", floor.toFixed(3) + "×", "report"]);
      pairs[`${name}_floor`] = floor.toFixed(3);
    }
    rows.push(["clock_read_ns", "one performance.now() read from Rust (ns)", clockNs.toFixed(1), "", "", "report"]);
    pairs.clock_read_ns = clockNs.toFixed(1);
    for (const n of [20, 10000]) {
      await page.evaluate((n) => window.asyncLabBench.bench_timers_traced(n, 1), n);
      const [events, doc, exported] = await page.evaluate(() => Array.from(window.asyncLabBench.bench_trace_bytes()));
      rows.push([`trace_bytes_${n}`, `${n} traced 1 ms sleeps: ${events} events; trace JSON per task (B)`, (doc / n).toFixed(1), "", "", "report"]);
      rows.push([`trace_export_${n}`, `${n} traced 1 ms sleeps: Chrome Trace Event JSON (KiB)`, (exported / 1024).toFixed(1), "", "", "report"]);
      pairs[`trace_bytes_per_task_${n}`] = (doc / n).toFixed(1);
      pairs[`trace_export_kib_${n}`] = (exported / 1024).toFixed(1);
    }
  }

  // Spawn: 10,000 spawn_local no-op futures against 10,000 resolved promises.
  if (want("spawn")) {
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

  // Size: what a visitor may download, compressed, against the counter: every file in each dist
  // folder, recursively (wasm, JS, boot.js, embed.js, sw.js, CSS, HTML, data, icons), the same
  // definition as make size (scripts/size.mjs), whose budget is the goal here.
  if (want("size")) {
    const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    const [appGz, counterGz] = [distSize(appDist).total, distSize(counterDist).total];
    const [appBr, counterBr] = [distSize(appDist, brotli).total, distSize(counterDist, brotli).total];
    rows.push(["size_gzip", "dist/, every file, gzip -9 (KiB)", (appGz / 1024).toFixed(1), (counterGz / 1024).toFixed(1), (appGz / counterGz).toFixed(3) + "×",
      appGz <= DEFAULT_LIMIT_KIB * 1024 ? `meets ≤ ${DEFAULT_LIMIT_KIB} KiB` : `MISSES ≤ ${DEFAULT_LIMIT_KIB} KiB`]);
    // What a docs page whose embeds all wait for a click downloads from the app: embed.js alone.
    const embed = readFileSync(join(appDist, "embed.js"));
    rows.push(["size_embed_js", "embed.js alone, with its posters and heights, gzip -9 (KiB)", (gzip(embed).length / 1024).toFixed(1), "—", "—", "report"]);
    rows.push(["size_brotli", "dist/, every file, brotli 11 (KiB)", (appBr / 1024).toFixed(1), (counterBr / 1024).toFixed(1), (appBr / counterBr).toFixed(3) + "×", "report"]);
    Object.assign(pairs, { size_gzip_kib: (appGz / 1024).toFixed(1), size_gzip_ratio: (appGz / counterGz).toFixed(3), size_brotli_kib: (appBr / 1024).toFixed(1) });
  }

  // Startup: first paint of the static shell, and the first working click, against the counter's.
  if (want("startup")) {
    // The page itself clicks on every DOM change and every frame from its first script on, and marks
    // the moment a click has worked: the harness's polling (a round trip per try) is not in the figure.
    const firstWorkingClick = async (url, button, worked, context = browser) => {
      const p = await context.newPage();
      await p.addInitScript(({ button, worked }) => {
        const isDone = () => (worked === "bar" ? !!document.querySelector(".timeline .bar") : /^Count: [1-9]/.test(document.querySelector("button")?.textContent ?? ""));
        const attempt = () => {
          if (performance.getEntriesByName("worked").length) return;
          if (isDone()) return performance.mark("worked");
          [...document.querySelectorAll("button")].find((b) => button === null || b.textContent.trim() === button)?.click();
          if (isDone()) performance.mark("worked");
        };
        new MutationObserver(attempt).observe(document, { subtree: true, childList: true, characterData: true });
        const frame = () => { attempt(); if (!performance.getEntriesByName("worked").length) requestAnimationFrame(frame); };
        requestAnimationFrame(frame);
      }, { button, worked });
      await p.goto(url, { waitUntil: "commit" });
      await p.waitForFunction(() => performance.getEntriesByName("worked").length > 0, null, { timeout: 20000 });
      // The click can work before the first paint: wait for the paint too, to report it.
      await p.waitForFunction(() => performance.getEntriesByName("first-paint").length > 0, null, { timeout: 5000 }).catch(() => {});
      const t = await p.evaluate(() => [performance.getEntriesByName("worked")[0].startTime, performance.getEntriesByName("first-paint")[0]?.startTime ?? NaN]);
      await p.close();
      return t;
    };
    const appClick = (port, context) => firstWorkingClick(`http://127.0.0.1:${port}/?tasks=A~timer~50~0~`, "Run concurrently", "bar", context);
    const counterClick = async (port, context) => (await firstWorkingClick(`http://127.0.0.1:${port}/`, null, "count", context))[0];
    const paints = [];
    // A first visit: every file downloaded and compiled (served no-store, a fresh profile each time).
    const [appStart, counterStart] = await pair(async () => { const [t, paint] = await appClick(4303); paints.push(paint); return t; }, () => counterClick(4302), STARTUP_RUNS);
    record("first_click", "first visit: navigation to first working click (ms)", appStart, counterStart, 1.3);
    // A repeat visit: the hashed files served as a production host should (immutable), so the
    // browser reuses them and its cached compiled wasm; the warm-ups make the cache.
    const returning = await browser.newContext();
    const [appWarm, counterWarm] = await pair(async () => (await appClick(4305, returning))[0], () => counterClick(4304, returning), STARTUP_RUNS);
    await returning.close();
    record("first_click_cached", "repeat visit, hashed files cached (ms)", appWarm, counterWarm);
    rows.push(["first_paint", "navigation to first paint of the shell (ms)", median(paints).toFixed(1), "", "", "report"]);
    pairs.first_paint_ms = median(paints).toFixed(1);
  }

  // Timeline: frame intervals while the scale control draws 1,000 and 100,000 live tasks, against the
  // refresh interval of the same page idle; and every long animation frame (> 50 ms) seen meanwhile.
  // The lab's own drawing during a run: the Thread lane's "drew the lab" (Leptos's tasks, measured
  // by the app's executor) per second of the default lesson's concurrent run, against the time the
  // same run spent in our futures' polls. Live bars grow on the compositor; the page's figures in
  // words refresh ten times a second (issue 29 took this from about 22 ms to 3.5 ms a second).
  if (want("drawing")) {
    const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const drew = [];
    const ours = [];
    for (let i = 0; i < WARMUPS + RUNS; i++) {
      await p.goto("http://127.0.0.1:4303/");
      await p.getByRole("button", { name: "Run concurrently" }).click();
      const lane = p.locator(".timeline:not([hidden]) .lane.thread").first();
      await lane.locator(".marks").waitFor({ state: "attached", timeout: 20000 });
      const state = (await lane.locator(".lane-state").textContent()) ?? "";
      const [, futures, wall, lab] = /^ran our futures (?:< )?([\d.]+) ms of ([\d.]+) ms · drew the lab (?:< )?([\d.]+) ms$/.exec(state);
      if (i >= WARMUPS) {
        drew.push((1000 * Number(lab)) / Number(wall));
        ours.push((1000 * Number(futures)) / Number(wall));
      }
    }
    const [lab, futures] = [median(drew), median(ours)];
    console.error(`  drawing_default: the lab drew itself ${lab.toFixed(1)} ms a second of run, our futures ${futures.toFixed(1)} ms`);
    rows.push(["drawing_default", "the lab drawing itself, default lesson run concurrently (ms per s of run, against our futures' polls)",
      lab.toFixed(1), futures.toFixed(1), (lab / futures).toFixed(3) + "×", lab <= 5 ? "meets ≤ 5 ms/s" : "MISSES ≤ 5 ms/s"]);
    Object.assign(pairs, { drawing_default_ms_per_s: lab.toFixed(1), drawing_default_ratio: (lab / futures).toFixed(3) });
    await p.close();
  }

  if (want("timeline")) {
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await p.goto("http://127.0.0.1:4303/");
    const button = p.getByRole("button", { name: "Run at scale" });
    await button.evaluate((b) => b.scrollIntoView({ block: "start" }));
    const idle = await p.evaluate(() => new Promise((done) => {
      const times = [];
      const step = (t) => { times.push(t); if (times.length < 181) requestAnimationFrame(step); else done(times.slice(1).map((x, i) => x - times[i])); };
      requestAnimationFrame(step);
    }));
    const observed = await p.evaluate(() => PerformanceObserver.supportedEntryTypes.includes("long-animation-frame"));
    if (!observed) throw new Error("this Chromium does not report long-animation-frame entries");
    const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
    const idleMedian = median(idle);
    for (const n of [1000, 100000]) {
      const intervals = [];
      const long = [];
      for (let i = 0; i < 3; i++) {
        await p.getByLabel("Number of generated tasks").fill(String(n));
        await p.getByLabel("Delay in ms of each generated task").fill("2000");
        await p.evaluate(() => {
          window.benchFrames = { times: [], long: [], going: true };
          const f = window.benchFrames;
          f.observer = new PerformanceObserver((list) => f.long.push(...list.getEntries().map((e) => e.duration)));
          f.observer.observe({ type: "long-animation-frame" });
          const step = (t) => { f.times.push(t); if (f.going) requestAnimationFrame(step); };
          requestAnimationFrame(step);
        });
        await button.click();
        await p.getByText(new RegExp(`^${n} tasks of 2000 ms: one after another`)).waitFor({ timeout: 60000 });
        await p.waitForTimeout(300);
        const run = await p.evaluate(() => {
          const f = window.benchFrames;
          f.going = false;
          f.observer.disconnect();
          return { intervals: f.times.slice(1).map((x, i) => x - f.times[i]), long: f.long };
        });
        intervals.push(...run.intervals);
        long.push(...run.long);
      }
      const name = `timeline_${n}`;
      const ratio = median(intervals) / idleMedian;
      const worst = Math.max(0, ...long);
      const ok = ratio <= 1.05 && long.length === 0;
      console.error(`  ${name}: median ${median(intervals).toFixed(2)} ms, p95 ${p95(intervals).toFixed(2)} ms, longest ${Math.max(...intervals).toFixed(1)} ms against idle ${idleMedian.toFixed(2)} ms; ${long.length} long animation frames (longest ${worst.toFixed(0)} ms)`);
      rows.push([name, `frame interval, ${n} live tasks (median; p95 ${p95(intervals).toFixed(1)}; long frames ${long.length}${long.length ? `, longest ${worst.toFixed(0)} ms` : ""})`,
        median(intervals).toFixed(1), idleMedian.toFixed(1), ratio.toFixed(3) + "×", ok ? "meets ≤ 1.05×, none > 50 ms" : "MISSES ≤ 1.05×, none > 50 ms"]);
      Object.assign(pairs, { [name]: ratio.toFixed(3), [`${name}_p95_ms`]: p95(intervals).toFixed(1), [`${name}_long_frames`]: long.length });
    }
    await p.close();
  }

  // Replay: frame intervals while the playhead is dragged (a new position every frame, as a drag
  // sends) and while a replay plays at 4×, over Run both of the most tasks a lesson allows (20
  // timers, every poll and wake traced), against the same page idle.
  if (want("replay")) {
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const tasks = Array.from({ length: 20 }, (_, i) => `Task%20${i + 1}~timer~${100 + 25 * i}~0~`).join(";");
    await p.goto(`http://127.0.0.1:4303/?tasks=${tasks}`);
    await p.getByRole("button", { name: "Run both" }).click();
    await p.locator(".timeline").nth(1).locator(".lane.traced").nth(19).waitFor({ timeout: 30000 });
    const slider = p.getByRole("slider", { name: "Replay position" });
    await slider.evaluate((s) => s.scrollIntoView({ block: "end" }));
    const measure = (drive) => replayFrames(p, drive);
    const idle = await measure("idle");
    const idleMedian = median(idle.intervals);
    for (const drive of ["drag", "play"]) {
      const sample = async () => {
        if (drive === "play") await p.getByLabel("Replay speed").selectOption("4×");
        return measure(drive);
      };
      await frameRow(`replay_${drive}_20`, `frame interval, replay ${drive === "drag" ? "dragged" : "playing at 4×"}, Run both of 20 traced timers`, sample, idleMedian);
    }
    await p.close();
  }
  // Replay of a 10,000-task trace (the bench feature's 10,000 traced 100 ms sleeps, every poll and
  // wake): each frame does what a replay frame does to the runs (cut a copy of the run at the
  // playhead for each of the two columns, find the next moment), dragged across the run in 120
  // frames, or played at 4× (wrapping at the end, 120 frames); frame intervals against idle. The
  // page draws at most 20 lanes, so no lanes are drawn here.
  if (want("replay")) {
    await page.evaluate(() => window.asyncLabBench.bench_timers_traced(10000, 100));
    const wall = await page.evaluate(() => window.asyncLabBench.bench_replay_load());
    const measure = (drive) => page.evaluate(([drive, wall]) => new Promise((done) => {
      const times = [];
      const long = [];
      const observer = new PerformanceObserver((list) => long.push(...list.getEntries().map((e) => e.duration)));
      observer.observe({ type: "long-animation-frame" });
      let at = 0;
      const step = (t) => {
        if (times.length) at = drive === "drag" ? (wall * times.length) / 120 : (at + 4 * (t - times[times.length - 1])) % wall;
        times.push(t);
        if (drive !== "idle") window.asyncLabBench.bench_replay_at(at);
        if (times.length < 121) requestAnimationFrame(step);
        else setTimeout(() => { observer.disconnect(); done({ intervals: times.slice(1).map((x, i) => x - times[i]), long }); }, 100);
      };
      requestAnimationFrame(step);
    }), [drive, wall]);
    const idleMedian = median((await measure("idle")).intervals);
    for (const drive of ["drag", "play"]) {
      await frameRow(`replay_${drive}_10000`, `frame interval, replay ${drive === "drag" ? "dragged" : "playing at 4×"}, 10,000 traced tasks, each frame both columns cut`, () => measure(drive), idleMedian);
    }
  }

  // The heaviest link the app opens (bench/worst-link.mjs: the most lines and lesson events
  // retry's runs may hold, polls, wakes and spans to the payload's cap). Opening it: the longest
  // animation frame from navigation to a second after the replay shows, against the same address
  // on a page of one paragraph (what the browser alone spends on a URL of that length: its floor)
  // and the same lesson and tasks opened without the link (the lab's own start-up). Then its
  // replay dragged across in 120 frames, against the page idle.
  if (want("replay")) {
    const { bytes, link, plain: plainQuery } = worstLink();
    // Two pages: the empty one is served by interception, which the lab's page must not go through.
    const watched = async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.addInitScript(() => {
        window.benchLong = [];
        new PerformanceObserver((list) => window.benchLong.push(...list.getEntries().map((e) => e.duration))).observe({ type: "long-animation-frame", buffered: true });
      });
      return page;
    };
    const [p, e] = [await watched(), await watched()];
    await e.route((url) => url.pathname === "/empty-page.html", (r) => r.fulfill({ contentType: "text/html", body: "<!doctype html><title>Empty</title><p>The same address on a page of one paragraph.</p>" }));
    const longest = async (page, url, ready) => {
      await page.goto("about:blank");
      await page.goto(url);
      await ready(page).waitFor({ timeout: 30000 });
      await page.waitForTimeout(1000);
      return Math.max(0, ...(await page.evaluate(() => window.benchLong)));
    };
    // Every load's figure is kept too: a 2-core machine gives the lab's start-up a long frame
    // in some loads even without a link, so how often matters beside the median.
    const loads = { linked: [], empty: [], plain: [] };
    const kept = (k, f) => async () => { const v = await f(); loads[k].push(v); return v; };
    const [linked, empty] = await pair(
      kept("linked", () => longest(p, `http://127.0.0.1:4303/${link}`, (page) => page.getByText("Recorded elsewhere, replayed"))),
      kept("empty", () => longest(e, `http://127.0.0.1:4303/empty-page.html${link}`, (page) => page.getByText("The same address"))),
      2 * RUNS - 1,
    );
    await e.close();
    const plainLoad = kept("plain", () => longest(p, `http://127.0.0.1:4303/${plainQuery}`, (page) => page.getByRole("button", { name: "Run both" })));
    for (let i = 0; i < WARMUPS + 2 * RUNS - 1; i++) await plainLoad();
    const plain = median(loads.plain.slice(WARMUPS));
    const often = (k) => { const v = loads[k].slice(WARMUPS); return `${v.filter((x) => x > 0).length} of ${v.length} loads (${v.map((x) => x.toFixed(0)).join(" ")})`; };
    console.error(`  replay_link_worst_open: longest frame ${linked.toFixed(0)} ms opening the link, ${empty.toFixed(0)} ms for its address on an empty page, ${plain.toFixed(0)} ms without it`);
    console.error(`  a frame of 50 ms or more: the link in ${often("linked")}; its address on an empty page in ${often("empty")}; the lab without it in ${often("plain")}`);
    rows.push(["replay_link_worst_open", `longest animation frame opening the heaviest link that opens (${(bytes / 1024).toFixed(0)} KiB of runs, a ${(link.length / 1000).toFixed(0)} kB address) ÷ the same address on a page of one paragraph (ms, median of ${loads.linked.length - WARMUPS} loads)`,
      linked.toFixed(0), empty.toFixed(0), empty > 0 ? (linked / empty).toFixed(3) + "×" : "—", linked < 50 ? "meets < 50 ms" : `MISSES < 50 ms (the lab alone: ${plain.toFixed(0)})`]);
    Object.assign(pairs, { replay_link_worst_open_ms: linked.toFixed(0), replay_link_worst_open_empty_ms: empty.toFixed(0), replay_link_worst_open_plain_ms: plain.toFixed(0) });
    // From another page: from the plain query, the link would only change the fragment.
    await p.goto("about:blank");
    await p.goto(`http://127.0.0.1:4303/${link}`);
    await p.getByText("Recorded elsewhere, replayed").waitFor();
    const slider = p.getByRole("slider", { name: "Replay position" });
    await slider.evaluate((s) => s.scrollIntoView({ block: "end" }));
    const measure = (drive) => replayFrames(p, drive);
    const idleMedian = median((await measure("idle")).intervals);
    await frameRow("replay_link_worst", "frame interval, the heaviest link that opens, its replay dragged", () => measure("drag"), idleMedian);
    await p.close();
  }

  // Link to a moment: the length of the link Copy link to this moment makes after Run both of 2,
  // 7 and 20 timers (the runs, every poll and wake, deflated and base64url-coded, with the query).
  if (want("replay")) {
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    for (const n of [2, 7, 20]) {
      const p = await context.newPage();
      const tasks = Array.from({ length: n }, (_, i) => `Task%20${i + 1}~timer~${100 + 25 * i}~0~`).join(";");
      await p.goto(`http://127.0.0.1:4303/?lesson=gather&tasks=${tasks}`);
      await p.getByRole("button", { name: "Run both" }).click();
      await p.locator(".timeline").nth(1).locator(".lane.traced").nth(n - 1).waitFor({ timeout: 30000 });
      await p.getByRole("button", { name: "Copy link to this moment" }).click();
      await p.getByText("Copied a link").waitFor();
      const link = await p.evaluate(() => navigator.clipboard.readText());
      const fragment = link.slice(link.indexOf("#"));
      rows.push([`link_bytes_${n}`, `Copy link to this moment after Run both of ${n} timers: whole link (fragment ${fragment.length} B)`, String(link.length), "", "", "report"]);
      Object.assign(pairs, { [`link_bytes_${n}`]: link.length, [`link_fragment_bytes_${n}`]: fragment.length });
      await p.close();
    }
    await context.close();
  }
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
console.log(`\nmedians of ${RUNS} (startup: ${STARTUP_RUNS}) after ${WARMUPS} warm-ups, alternating order; baseline = plain JS in the same page (timers, fetch, spawn) or the Leptos counter (size, startup)`);
console.log(Object.entries(pairs).map(([k, v]) => `${k}=${v}`).join(" "));
