// retry in a real browser, from its RunReports: the flaky endpoint fails each request's first K
// attempts, each wait is within its jitter bounds and longer than the last, every attempt and wait is
// drawn on its lane, and the endpoint keeps no count (two tabs at once each see K failures).
import { expect, test, type Page } from "@playwright/test";
import { open, runs, type RunReport } from "./helpers";

const WORKER = "answered by this page's service worker";
/** The jitter's bounds of the wait after failed attempt n: 100 ms × 2^(n − 1) ± 25 %. */
const bounds = (n: number) => [75 * 2 ** (n - 1), 125 * 2 ** (n - 1)];

/** Checks one request of `report`: K failed attempts with growing, bounded waits, then success. */
function retried(report: RunReport, label: string, k: number) {
  const task = report.tasks.find((t) => t.label === label)!;
  expect(task.status, task.detail).toBe("ok");
  expect(task.http_status).toBe(200);
  const mine = report.events.filter((e) => e.label === label);
  const sent = mine.filter((e) => / sent$/.test(e.what));
  const failed = mine.filter((e) => / failed /.test(e.what));
  expect(sent.map((e) => e.what)).toEqual(Array.from({ length: k + 1 }, (_, i) => `attempt ${i + 1} sent`));
  expect(failed).toHaveLength(k);
  let lastWait = 0;
  failed.forEach((f, i) => {
    const [, n, status, wait] = /^attempt (\d+) failed \((HTTP \d+)\); next in (\d+) ms$/.exec(f.what)!.map((x, j) => (j === 2 ? x : Number(x))) as [unknown, number, string, number];
    expect([n, status]).toEqual([i + 1, "HTTP 503"]);
    const [low, high] = bounds(n);
    expect(wait).toBeGreaterThanOrEqual(low);
    expect(wait).toBeLessThanOrEqual(high);
    // The gap the browser measured from the failure to the next attempt: never shorter than the wait
    // (timers never fire early), and late by a generous bound on a loaded machine (CI saw 461 ms).
    const gap = sent[i + 1].t_ms - f.t_ms;
    expect(gap).toBeGreaterThanOrEqual(wait - 1);
    expect(gap).toBeLessThan(wait + 1000);
    // The waits grow: each drawn above the last (the measured gaps add the timers' lateness, which
    // a loaded machine makes uneven).
    expect(wait).toBeGreaterThan(lastWait);
    lastWait = wait;
  });
}

async function ready(page: Page, query: string) {
  await open(page, query);
  await expect(page.getByText(WORKER)).toBeVisible();
}

test("retry: each request fails K times, waits longer each time within the jitter, then succeeds; all three at once", async ({ page }) => {
  await ready(page, "?lesson=retry&fail_first=3");
  await expect(page.getByLabel("Failed attempts before success")).toHaveValue("3");
  await page.getByRole("button", { name: "Run concurrently" }).click();
  const [report] = await runs(page, 1, 30_000);
  expect(report.mode).toBe("concurrent");
  expect(report.outcome).toBe("completed");
  expect(report.events[0]).toMatchObject({ label: "api/flaky", what: "fails the first 3 attempts at each request" });
  for (const label of ["report", "prices", "weather"]) retried(report, label, 3);
  // At once: the three retry loops overlap, so the wall-clock is the slowest's, not the sum.
  expect(Math.max(...report.tasks.map((t) => t.start_ms!))).toBeLessThan(100);
  expect(report.wall_ms).toBeLessThan(report.sum_ms * 0.6);
  expect(report.tasks.every((t) => t.source === "service-worker")).toBe(true);
  // Every failed attempt and every wait drawn on its lane, with its facts.
  await expect(page.locator("figure.timeline .attempt.failed")).toHaveCount(9);
  await expect(page.locator("figure.timeline .backoff")).toHaveCount(9);
  await expect(page.locator("figure.timeline .attempt.failed title").first()).toHaveText(/^attempt 1: HTTP 503 after /);
  const log = page.getByLabel("Log output");
  await expect(log).toContainText("report: HTTP 200 on attempt 4");
  await expect(log).toContainText("3 requests in");
  await expect(page.locator("p.takeaway[aria-live]")).toContainText("report: ok on attempt 4, after waits of");
  await page.screenshot({ path: "tests/e2e/screenshots/lesson-retry.png", fullPage: true });
  // Replayed halfway through the first wait: one failure per lane drawn, the attempts after it not yet.
  const firstFailure = report.events.find((e) => / failed /.test(e.what))!.t_ms;
  await page.getByRole("slider", { name: "Replay position" }).fill(String(Math.round(firstFailure + 30)));
  await expect(page.locator("figure.timeline .attempt.failed")).toHaveCount(1);
});

test("retry: Run sequentially retries one request after another; fail_first=0 succeeds at once", async ({ page }) => {
  await ready(page, "?lesson=retry&fail_first=0");
  await page.getByRole("button", { name: "Run both" }).click();
  const [sequential, concurrent] = await runs(page, 2, 30_000);
  for (const report of [sequential, concurrent]) {
    for (const label of ["report", "prices", "weather"]) retried(report, label, 0);
  }
  const [a, b] = sequential.tasks;
  expect(b.start_ms!).toBeGreaterThanOrEqual(a.end_ms! - 1);
  expect(concurrent.savings_ms).toBeGreaterThan(300);
  await expect(page.locator("figure.timeline .attempt.failed")).toHaveCount(0);
});

test("retry: the endpoint keeps no count, so two tabs retrying at once each see K failures", async ({ context }) => {
  const [one, two] = [await context.newPage(), await context.newPage()];
  await Promise.all([ready(one, "?lesson=retry&fail_first=2"), ready(two, "?lesson=retry&fail_first=2")]);
  await Promise.all([one, two].map((p) => p.getByRole("button", { name: "Run concurrently" }).click()));
  const reports = await Promise.all([one, two].map(async (p) => (await runs(p, 1, 30_000))[0]));
  for (const report of reports) {
    for (const label of ["report", "prices", "weather"]) retried(report, label, 2);
  }
  // They did run at the same time: each tab's runs overlap in wall time.
  expect(reports.every((r) => r.outcome === "completed")).toBe(true);
});

test.describe("without a service worker", () => {
  test.use({ serviceWorkers: "block" });
  test("retry: the simulated path applies the flaky rule on the client and says so", async ({ page }) => {
    await open(page, "?lesson=retry&fail_first=1&tasks=report~fetch~100~0~api/delay/100/report");
    await page.getByRole("button", { name: "Run concurrently" }).click();
    const [report] = await runs(page, 1, 30_000);
    retried(report, "report", 1);
    expect(report.tasks[0].source).toBe("simulated");
    await expect(page.locator("figure.timeline .attempt.failed title")).toHaveText(/^attempt 1: HTTP 503 after /);
  });
});

for (const scheme of ["light", "dark"] as const) {
  test(`retry: screenshot, ${scheme}`, async ({ browser }) => {
    const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    await ready(page, "?lesson=retry");
    await page.getByRole("button", { name: "Run both" }).click();
    await runs(page, 2, 30_000);
    await page.screenshot({ path: `tests/e2e/screenshots/lesson-retry-${scheme}.png` });
    await page.close();
  });
}

test("retry: autorun=1 runs Run both without a click", async ({ page }) => {
  await open(page, "?lesson=retry&embed=1&autorun=1");
  const [sequential, concurrent] = await runs(page, 2, 30_000);
  expect([sequential.mode, concurrent.mode]).toEqual(["sequential", "concurrent"]);
  expect(concurrent.tasks.every((t) => t.status === "ok")).toBe(true);
  expect(concurrent.savings_ms).not.toBeNull();
});
