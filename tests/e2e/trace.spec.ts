// The trace on the lanes: once a run ends, each lane shows its polls as marks on the lighter
// waiting bar, the wakes that caused them, and its facts as a tooltip.
import { expect, test, type Page } from "@playwright/test";
import { open, runs, timers } from "./helpers";

/** The first timeline's thread lane, "ran our futures 0.4 ms of 603.2 ms", as [busy, wall] in ms
 *  ("< 0.1 ms" reads as 0); its marks and the tooltip that says what it cannot observe are checked too. */
async function threadLane(page: Page): Promise<[number, number]> {
  const lane = page.locator(".timeline .lane.thread").first();
  const state = (await lane.locator(".lane-state").textContent()) ?? "";
  const parts = /^ran our futures (< )?([\d.]+) ms of ([\d.]+) ms$/.exec(state);
  expect(parts, state).not.toBeNull();
  expect(await lane.locator(".marks title").textContent()).toContain("Not measured here: the browser's own work");
  expect(await lane.locator("path.poll").getAttribute("d")).toMatch(/^(M[\d.]+ 0H[\d.]+V1H[\d.]+Z)+$/);
  return [parts![1] ? 0 : Number(parts![2]), Number(parts![3])];
}

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
  // The thread lane: our futures took the one thread a sliver of the run; it was free the rest.
  const [busy, wall] = await threadLane(page);
  expect(busy).toBeLessThan(0.05 * wall);
  expect(wall).toBeGreaterThanOrEqual(600);
  // The same facts for keyboard and screen-reader users: the timeline table's last column and the
  // thread's line under it.
  await page.getByText("Timeline as a table").click();
  const table = page.locator("details.timeline-table table");
  for (let i = 0; i < 2; i++) {
    const facts = await lanes.nth(i).locator(".marks title").textContent();
    await expect(table.getByRole("row", { name: new RegExp(`Data ${i + 1}`) }).getByRole("cell").last()).toHaveText(facts!);
  }
  await expect(page.getByText(/^The one thread ran our futures (< )?[\d.]+ ms of [\d.]+ ms \(polls of our futures\)\.$/)).toBeVisible();
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
  // The thread lane: the loop's one poll held the thread for at least its 400 ms of work.
  const [busy] = await threadLane(page);
  expect(busy).toBeGreaterThanOrEqual(400);
  await page.locator(".timeline").first().screenshot({ path: "tests/e2e/screenshots/trace-blocking.png" });
});
