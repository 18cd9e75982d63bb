// The live timeline: bars grow with the clock on the compositor (no redraw of the lab every frame),
// a late task's bar ends where it was measured to end, and reduced motion draws at events only.
import { expect, test, type Page } from "@playwright/test";
import { open, runs, timers } from "./helpers";

/** A lane's bar and its requested outline, in px, and its words ("running · 1049 ms · requested 3000 ms"). */
async function lane(page: Page, label: string) {
  return page.locator(".timeline:not([hidden]) .lane").filter({ hasText: label }).first().evaluate((g) => {
    const width = (s: string) => g.querySelector(s)!.getBoundingClientRect().width;
    return { bar: width("rect.bar"), requested: width("rect.requested"), state: g.querySelector(".lane-state")!.textContent ?? "", animations: g.querySelector("rect.bar")!.getAnimations().length };
  });
}

test("a running bar grows with the clock while the page's figures refresh a few times a second", async ({ page }) => {
  await open(page, "?" + timers(["Slow", 3000]));
  await page.getByRole("button", { name: "Run concurrently" }).click();
  await expect(page.locator(".lane-state").filter({ hasText: /^running · \d+ ms/ })).toHaveCount(1);
  const samples = [];
  for (const wait of [600, 700]) {
    await page.waitForTimeout(wait);
    samples.push(await lane(page, "Slow"));
  }
  for (const { bar, requested, state, animations } of samples) {
    expect(animations).toBe(1);
    // The bar's length in ms (its width against the 3000 ms outline's) is the time the lane's words
    // give, which refresh every 100 ms on the thread: never behind them, and not far ahead (a
    // loaded machine delays the words' refresh, never the compositor's clock).
    const drawn = (bar / requested) * 3000;
    const said = Number(/running · (\d+) ms/.exec(state)![1]);
    expect(drawn).toBeGreaterThanOrEqual(said - 50);
    expect(drawn).toBeLessThan(said + 600);
  }
  expect(samples[1].bar).toBeGreaterThan(samples[0].bar);
  const [report] = await runs(page, 1);
  const done = await lane(page, "Slow");
  // Ended: no animation left, the bar drawn to its measured end.
  expect(done.animations).toBe(0);
  expect(Math.abs(done.bar - (done.requested * (report.tasks[0].end_ms! - report.tasks[0].start_ms!)) / 3000)).toBeLessThan(1.5);
});

test("a timer made late by a busy loop ends its bar at its measured end, past its requested one", async ({ page }) => {
  await open(page, "?lesson=cpu-bound&tasks=" + ["Timer~timer~100~0~", "Busy%20loop~cpu~800~0~"].join(";"));
  await page.getByRole("button", { name: "Run concurrently" }).click();
  const [report] = await runs(page, 1, 20_000);
  const timer = report.tasks[0];
  expect(timer.late_ms!).toBeGreaterThanOrEqual(500);
  const drawn = await lane(page, "Timer");
  expect(drawn.animations).toBe(0);
  // Its bar against its 100 ms outline is its measured duration against 100 ms, to a pixel.
  expect(Math.abs(drawn.bar - (drawn.requested * (timer.end_ms! - timer.start_ms!)) / 100)).toBeLessThan(1.5);
  expect(drawn.bar).toBeGreaterThan(5 * drawn.requested);
  // The blocked thread and the dropped frames are still told: the frame counter and the long frame.
  expect(report.events.find((e) => e.label === "frames")!.what).toMatch(/longest gap (7\d\d|[89]\d\d|\d{4,}) ms/);
  await expect(page.locator(".timeline:not([hidden]) .lane.thread .facts").first()).toHaveText(/long frames: [1-9]/);
});

test("with reduced motion nothing moves between a run's events", async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: "reduce" });
  const page = await context.newPage();
  await open(page, "?" + timers(["Short", 500], ["Long", 2500]));
  await page.getByRole("button", { name: "Run concurrently" }).click();
  // After the short task's end, the long bar stands at that event until the next.
  await expect(page.locator(".lane-state").filter({ hasText: /^done/ })).toHaveCount(1);
  const first = await lane(page, "Long");
  await page.waitForTimeout(600);
  const later = await lane(page, "Long");
  expect(first.animations + later.animations).toBe(0);
  expect(later.bar).toBe(first.bar);
  expect(first.bar / first.requested).toBeGreaterThan(0.15);
  expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
  await runs(page, 1);
  await context.close();
});
