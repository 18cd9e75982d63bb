// The default lesson end to end: real timers and fetches, measured, reported and shown.
import { expect, test } from "@playwright/test";
import { editTasks, open, runs, timers } from "./helpers";

test("Run both measures sequential against concurrent and shows the savings", async ({ page }) => {
  // 1 s timers: a CI run on a loaded machine measured 624 ms for two concurrent 400 ms timers,
  // and the bound below leaves room for such a stall.
  await open(page, "?" + timers(["Data 1", 1000], ["Data 2", 1000]));
  await page.getByRole("button", { name: "Run both" }).click();
  const [seq, conc] = await runs(page, 2);

  expect(seq.mode).toBe("sequential");
  expect(seq.outcome).toBe("completed");
  expect(seq.wall_ms).toBeGreaterThanOrEqual(2000);
  expect(seq.expected_wall_ms).toBe(2000);
  expect(conc.mode).toBe("concurrent");
  expect(conc.outcome).toBe("completed");
  expect(conc.expected_wall_ms).toBe(1000);
  expect(conc.wall_ms).toBeLessThan(0.75 * seq.wall_ms);
  expect(conc.run_id).toBeGreaterThan(seq.run_id);

  // The contract's arithmetic holds in what the page reports.
  // Savings come from the pair's two measured wall-clocks, on the concurrent run only (version 2).
  expect([seq.savings_ms, seq.speedup]).toEqual([null, null]);
  expect(conc.savings_ms!).toBeCloseTo(seq.wall_ms - conc.wall_ms, 0);
  expect(conc.speedup!).toBeCloseTo(seq.wall_ms / conc.wall_ms, 2);
  for (const r of [seq, conc]) {
    expect(r.version).toBe(2);
    expect(r.lesson).toBe("sequential-vs-concurrent");
    expect(r.clock_resolution_ms).toBeGreaterThan(0);
    for (const t of r.tasks) {
      expect(t).toMatchObject({ kind: "timer", source: "timer", status: "ok", requested_ms: 1000, http_status: null, bytes: null });
      expect(t.end_ms! - t.start_ms!).toBeGreaterThanOrEqual(1000);
      expect(t.late_ms).toBeGreaterThanOrEqual(0);
    }
  }
  // Sequential: task 2 starts only after task 1 has ended. Concurrent: both start at once.
  expect(seq.tasks[1].start_ms!).toBeGreaterThanOrEqual(seq.tasks[0].end_ms!);
  expect(conc.tasks[1].start_ms! - conc.tasks[0].start_ms!).toBeLessThan(50);

  await expect(page.getByText(/^Concurrent took [\d.]+ s instead of [\d.]+ s: [\d.]+ s saved, [\d.]+× faster\.$/)).toBeVisible();
  const saved = page.getByRole("row", { name: /Saved/ });
  await expect(saved.getByRole("cell").nth(0)).toHaveText("—");
  await expect(saved.getByRole("cell").nth(1)).toHaveText(/^(0\.[5-9]\d|1\.\d\d) s$/);
  await expect(page.getByRole("figure").filter({ hasText: "Sequential:" })).toContainText("measured");
  await expect(page.getByRole("figure").filter({ hasText: "Concurrent:" })).toContainText("measured");
  await expect(page.getByLabel("Log output")).toContainText("Fetching Data 1...");
  await expect(page.getByLabel("Log output")).toContainText(/Total time: 1\.\d\d seconds/);
});

test("the tutorial's defaults take about 4 s in sequence and about 2 s concurrently", async ({ page }) => {
  test.setTimeout(60_000);
  await open(page);
  await expect(page.getByLabel("Label of task 1")).toHaveValue("Data 1");
  await expect(page.getByLabel("Delay in ms of task 2")).toHaveValue("2000");
  await page.getByRole("button", { name: "Run both" }).click();
  const [seq, conc] = await runs(page, 2, 40_000);
  expect(seq.wall_ms).toBeGreaterThanOrEqual(4000);
  expect(seq.wall_ms).toBeLessThan(5500);
  expect(conc.wall_ms).toBeGreaterThanOrEqual(2000);
  expect(conc.wall_ms).toBeLessThan(3000);
  expect(seq.tasks.map((t) => t.label)).toEqual(["Data 1", "Data 2"]);
  await expect(page.getByRole("row", { name: /Wall-clock \(measured\)/ })).toContainText(/4\.\d\d s/);
});

test("Cancel stops the run in flight and reports it cancelled", async ({ page }) => {
  await open(page, "?" + timers(["Slow 1", 3000], ["Slow 2", 3000]));
  await page.getByRole("button", { name: "Run sequentially" }).click();
  await expect(page.getByRole("button", { name: "Cancel" })).toBeEnabled();
  await page.waitForTimeout(300);
  await page.getByRole("button", { name: "Cancel" }).click();
  const [report] = await runs(page, 1);
  expect(report.outcome).toBe("cancelled");
  expect(report.wall_ms).toBeLessThan(3000);
  expect(report.tasks[0].status).toBe("cancelled");
  expect(report.tasks[0].end_ms).not.toBeNull();
  expect(report.tasks[1]).toMatchObject({ status: "cancelled", start_ms: null, end_ms: null, late_ms: null });
  await expect(page.getByRole("button", { name: "Cancel" })).toBeDisabled();
  await expect(page.getByRole("figure").filter({ hasText: "Sequential:" })).toContainText("(cancelled)");
});

test("a new run supersedes the one in flight, which reports cancelled", async ({ page }) => {
  // A takes 2 s: the first run cannot finish between two clicks, even on a loaded machine.
  await open(page, "?" + timers(["A", 2000], ["B", 300]));
  await page.getByRole("button", { name: "Run concurrently" }).click();
  await page.getByRole("button", { name: "Run concurrently" }).click();
  const [first, second] = await runs(page, 2);
  expect(first.outcome).toBe("cancelled");
  expect(second.outcome).toBe("completed");
  expect(second.run_id).toBeGreaterThan(first.run_id);
  await page.waitForTimeout(800);
  expect(await page.evaluate(() => (window as any).__runs.length)).toBe(2);
  // Completion order differs from submission order: B (300 ms) finishes first.
  await expect(page.getByRole("list", { name: "Submission order" }).getByRole("listitem").first()).toContainText("A");
  await expect(page.getByRole("list", { name: "Completion order" }).getByRole("listitem").first()).toContainText("B");
});

test("a task switched to fetch gets a delayed endpoint that follows its label and delay", async ({ page }) => {
  await open(page, "?" + timers(["Data 1", 300]));
  await page.getByLabel("Kind of task 1").selectOption("fetch");
  await expect(page.getByLabel("URL of task 1")).toHaveValue("api/delay/300/data-1");
  await page.getByLabel("Delay in ms of task 1").fill("350");
  await expect(page.getByLabel("URL of task 1")).toHaveValue("api/delay/350/data-1");
  await page.getByRole("button", { name: "Run concurrently" }).click();
  const [report] = await runs(page, 1);
  expect(report.tasks[0]).toMatchObject({ kind: "fetch", status: "ok", source: "service-worker", http_status: 200 });
  expect(report.tasks[0].end_ms! - report.tasks[0].start_ms!).toBeGreaterThanOrEqual(350);
});

test("a fetch of a static file is stretched to its delay and says the latency was simulated", async ({ page }) => {
  // 1.5 s: far longer than a static file takes even on a loaded machine (whose worker may start slowly).
  await open(page, "?tasks=File~fetch~1500~0~data%2Fsample.json");
  await page.getByRole("button", { name: "Run concurrently" }).click();
  const [report] = await runs(page, 1);
  expect(report.tasks[0]).toMatchObject({ kind: "fetch", status: "ok", source: "simulated", http_status: 200 });
  expect(report.tasks[0].bytes).toBeGreaterThan(50);
  expect(report.wall_ms).toBeGreaterThanOrEqual(1500);
  await expect(page.getByRole("figure").filter({ hasText: "Concurrent:" })).toContainText("simulated latency");
  // The wait the client added is drawn apart and said in the detail, with how long it was.
  expect(report.tasks[0].detail).toMatch(/\+ simulated latency \(\d+ ms added on the client\)$/);
  const added = Number(/\((\d+) ms added/.exec(report.tasks[0].detail)![1]);
  expect(added).toBeGreaterThan(100);
  expect(added).toBeLessThanOrEqual(report.tasks[0].end_ms! - report.tasks[0].start_ms!);
  await expect(page.locator(".timeline .lane .bar.added")).toHaveCount(1);
});

test("a failing task fails the run and the others still finish", async ({ page }) => {
  await open(page, "?tasks=Good~timer~200~0~;Bad~timer~100~1~");
  await page.getByRole("button", { name: "Run concurrently" }).click();
  const [report] = await runs(page, 1);
  expect(report.outcome).toBe("failed");
  expect(report.tasks.map((t) => t.status)).toEqual(["ok", "error"]);
  expect(report.tasks[1].detail).toContain("fails");
  await expect(page.getByLabel("Log output")).toContainText("Bad failed:");
});

test("the static shell paints before the wasm starts", async ({ request }) => {
  const html = await (await request.get("./")).text();
  expect(html).toContain("<h1>Async Lab</h1>");
  expect(html).toContain("Loading the lab");
});

// Run both's sequential half lasts 3 s in the next two tests: long enough that the click made
// during it lands during it on a loaded machine.
test("cancelling Run both during its sequential half starts no concurrent run and shows no comparison", async ({ page }) => {
  await open(page, "?" + timers(["Data 1", 1500], ["Data 2", 1500]));
  await page.getByRole("button", { name: "Run both" }).click();
  await expect(page.getByText("Sequential run in flight…")).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  const [seq] = await runs(page, 1);
  expect(seq.mode).toBe("sequential");
  expect(seq.outcome).toBe("cancelled");
  // Longer than the pair's concurrent half: nothing else may start or land.
  await page.waitForTimeout(2_500);
  expect(await page.evaluate(() => (window as any).__runs.length)).toBe(1);
  await expect(page.getByText(/instead of/)).toHaveCount(0);
  await expect(page.getByRole("figure").filter({ hasText: "Concurrent:" })).toHaveCount(0);
});

test("a newer run during Run both's sequential half supersedes the pair", async ({ page }) => {
  await open(page, "?" + timers(["Data 1", 1500], ["Data 2", 1500]));
  await page.getByRole("button", { name: "Run both" }).click();
  await expect(page.getByText("Sequential run in flight…")).toBeVisible();
  await page.getByRole("button", { name: "Run sequentially" }).click();
  const [first, second] = await runs(page, 2);
  expect([first.mode, first.outcome]).toEqual(["sequential", "cancelled"]);
  expect([second.mode, second.outcome]).toEqual(["sequential", "completed"]);
  // Longer than the pair's concurrent half: it would have landed by now.
  await page.waitForTimeout(2_500);
  const all = await page.evaluate(() => (window as any).__runs.map((r: any) => r.mode));
  expect(all).toEqual(["sequential", "sequential"]);
  await expect(page.getByText(/instead of/)).toHaveCount(0);
});

test("a single run claims no savings; a sequential run never shows a negative saving", async ({ page }) => {
  await open(page, "?" + timers(["Data 1", 300], ["Data 2", 300]));
  await page.getByRole("button", { name: "Run sequentially" }).click();
  const [seq] = await runs(page, 1);
  expect([seq.savings_ms, seq.speedup]).toEqual([null, null]);
  await page.getByRole("button", { name: "Run concurrently" }).click();
  const [, conc] = await runs(page, 2);
  expect([conc.savings_ms, conc.speedup]).toEqual([null, null]);
  const saved = page.getByRole("row", { name: /Saved/ });
  await expect(saved.getByRole("cell").nth(0)).toHaveText("—");
  await expect(saved.getByRole("cell").nth(1)).toHaveText("—");
  await expect(page.getByText("press Run both to measure them")).toBeVisible();
  await expect(page.getByText(/Run both to measure what that saves/)).toBeVisible();
});

test("the expected wall-clock is the run shown's, not the drafts' edited since", async ({ page }) => {
  await open(page, "?" + timers(["Data 1", 300], ["Data 2", 300]));
  await page.getByRole("button", { name: "Run concurrently" }).click();
  await runs(page, 1);
  const expected = page.getByRole("row", { name: /Wall-clock \(expected\)/ });
  await expect(expected.getByRole("cell").nth(1)).toHaveText("0.30 s");
  await editTasks(page);
  await page.getByLabel("Delay in ms of task 1").fill("1500");
  await expect(expected.getByRole("cell").nth(1)).toHaveText("0.30 s");
  // The column with no run yet predicts from the drafts as typed.
  await expect(expected.getByRole("cell").nth(0)).toHaveText("1.80 s");
});

test("without JavaScript the page shows one line and a link, not a loading message", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(baseURL!);
  await expect(page.getByText("Loading the lab")).toBeHidden();
  await expect(page.getByText(/needs JavaScript, which is off here/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Python's asyncio documentation" })).toBeVisible();
  await context.close();
});
