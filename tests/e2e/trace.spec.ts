// The trace on the lanes: once a run ends, each lane shows its polls as marks on the lighter
// waiting bar, the wakes that caused them, and its facts as a tooltip.
import { expect, test } from "@playwright/test";
import { open, runs, timers } from "./helpers";

test("two concurrent timers: each lane shows brief polls, the wake of its timer, and the waiting between", async ({ page }) => {
  await open(page, "?" + timers(["Data 1", 600], ["Data 2", 600]));
  await page.getByRole("button", { name: "Run concurrently" }).click();
  await runs(page, 1);
  const lanes = page.locator(".timeline .lane.traced");
  await expect(lanes).toHaveCount(2);
  for (let i = 0; i < 2; i++) {
    const facts = await lanes.nth(i).locator(".marks title").textContent();
    // The first poll, then the one its own timer's wake caused (or join_all's re-poll that found
    // it ready when a sibling's wake came first), and about 600 ms of waiting between.
    const parts = /^[23] polls( \(1 not woken: the combinator polled it\))?, (< 0\.1 ms|\d+\.\d ms) in poll, (\d+\.\d) ms waiting, [01] wakes?$/.exec(facts ?? "");
    expect(parts, facts ?? "").not.toBeNull();
    // No upper bound: a loaded machine fires a timer late, and the lane then waits longer.
    expect(Number(parts![3])).toBeGreaterThanOrEqual(500);
    expect(await lanes.nth(i).locator("path.poll").getAttribute("d")).toMatch(/^(M[\d.]+ 0H[\d.]+V1H[\d.]+Z){2,3}$/);
  }
  // The first task is always woken by its own timer: its wake is drawn.
  expect(await lanes.nth(0).locator("path.wake").getAttribute("d")).toMatch(/^M[\d.]+ 0V1$/);
  await page.locator(".timeline").first().screenshot({ path: "tests/e2e/screenshots/trace-concurrent.png" });
});

test("a blocking loop is one long poll, and the timer beside it is polled only after", async ({ page }) => {
  await open(page, "?lesson=cpu-bound&tasks=" + ["Timer~timer~50~0~", "Busy%20loop~cpu~400~0~"].join(";"));
  await page.getByRole("button", { name: "Run concurrently" }).click();
  await runs(page, 1, 20_000);
  const lanes = page.locator(".timeline .lane.traced");
  await expect(lanes).toHaveCount(2);
  const loop = await lanes.nth(1).locator(".marks title").textContent();
  expect(loop).toMatch(/^1 poll, (4\d\d|[5-9]\d\d|\d{4})\.\d ms in poll/);
  const timer = await lanes.nth(0).locator(".marks title").textContent();
  // The timer's wake waited behind the loop; its polls themselves were brief.
  expect(timer).toMatch(/^2 polls, /);
  await page.locator(".timeline").first().screenshot({ path: "tests/e2e/screenshots/trace-blocking.png" });
});
