// Replay: a finished run shown as it stood at any moment, from the recorded events only. The
// playhead moves by slider, by step, by keyboard and by Play; nothing runs and nothing is reported.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { open, runs, timers } from "./helpers";

const position = (page: Page) => page.getByRole("slider", { name: "Replay position" });

/** Presses `key` and waits two animation frames: the page redraws after the key's effects ran. */
async function press(page: Page, key: string) {
  await page.keyboard.press(key);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** The lane states of one column's tasks (0 sequential, 1 concurrent; a column with no run is
 *  hidden, not removed): "done", "running", "waiting". */
async function states(page: Page, column: number): Promise<string[]> {
  const lanes = page.locator(".timeline").nth(column).locator(".lane:not(.thread)");
  return lanes.evaluateAll((gs) => gs.map((g) => ["done", "running", "waiting"].find((s) => g.classList.contains(s)) ?? "other"));
}

/** The log's timestamps, in ms. */
async function logTimes(page: Page): Promise<number[]> {
  const text = (await page.getByLabel("Log output").textContent()) ?? "";
  return [...text.matchAll(/^\[\s*([\d.]+) ms\]/gm)].map((m) => Number(m[1]));
}

async function runBoth(page: Page) {
  await open(page, "?" + timers(["Short", 300], ["Long", 600]));
  await page.getByRole("button", { name: "Run both" }).click();
  await runs(page, 2);
  // The concurrent run's trace lands a moment after its end.
  await expect(page.locator(".timeline").nth(1).locator(".lane.traced")).toHaveCount(2);
}

test("the playhead shows each run as it stood then: lanes, log and totals follow it, and nothing is reported", async ({ page }) => {
  await runBoth(page);
  const heading = page.locator(".timeline figcaption");
  await expect(heading.first()).toContainText("measured");
  const saved = page.getByRole("row", { name: /^Saved/ }).getByRole("cell").nth(1);
  await expect(saved).not.toHaveText("—");

  // 400 ms in: sequentially the short task is done and the long one running; concurrently too.
  await position(page).fill("400");
  await expect(heading.first()).toContainText("replay at 0.40 s");
  await expect(heading.nth(1)).toContainText("replay at 0.40 s");
  expect(await states(page, 0)).toEqual(["done", "running"]);
  expect(await states(page, 1)).toEqual(["done", "running"]);
  expect(Math.max(...(await logTimes(page)))).toBeLessThanOrEqual(400);
  // The pair's saving needs both wall-clocks: at 400 ms the concurrent run has not ended.
  await expect(saved).toHaveText("—");
  await expect(page.locator(".timeline .now.playhead")).toHaveCount(2);

  // 100 ms in: sequentially the long task has not started.
  await position(page).fill("100");
  expect(await states(page, 0)).toEqual(["running", "waiting"]);
  expect(await states(page, 1)).toEqual(["running", "running"]);

  // Play at 4× runs the replay to the end, which is the recorded runs again.
  await page.getByLabel("Replay speed").selectOption("4×");
  await page.getByRole("button", { name: "Play" }).click();
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible({ timeout: 10_000 });
  await expect(heading.first()).not.toContainText("replay");
  await expect(saved).not.toHaveText("—");
  expect(await states(page, 0)).toEqual(["done", "done"]);

  // A replay ran nothing and reported nothing.
  expect(await page.evaluate(() => (window as any).__runs.length)).toBe(2);
});

test("keyboard only: ← and → on the slider step one recorded moment at a time, Previous and Next event too", async ({ page }) => {
  await runBoth(page);
  const heading = page.locator(".timeline figcaption").nth(1);
  const slider = position(page);
  await slider.focus();
  // From the end, ← steps back one recorded moment at a time until the concurrent long task had
  // not yet ended (its wake, poll and end may share one tick of the clock: then it reads running
  // only before all three)…
  let back = 0;
  const values: number[] = [];
  while ((await states(page, 1))[1] === "done") {
    await press(page, "ArrowLeft");
    await expect(heading).toContainText("replay at");
    values.push(Number(await slider.inputValue()));
    expect(++back).toBeLessThan(40);
  }
  expect(await states(page, 1)).toEqual(["done", "running"]);
  // Each ← moved back, never forward.
  expect(values).toEqual([...values].sort((a, b) => b - a));
  // …and → steps forward over the same moments: one press fewer is the long task's end again,
  // and one more is the end of the runs, shown live.
  for (let i = 0; i < back - 1; i++) await press(page, "ArrowRight");
  expect(await states(page, 1)).toEqual(["done", "done"]);
  await expect(heading).toContainText("replay at");
  await press(page, "ArrowRight");
  await expect(heading).not.toContainText("replay");
  // From there, Next event starts the replay at the first moment; Previous event stays there.
  await page.getByRole("button", { name: "Next event" }).click();
  await expect(heading).toContainText("replay at 0.00 s");
  expect(await states(page, 1)).not.toContain("done");
  await page.getByRole("button", { name: "Previous event" }).click();
  await expect(heading).toContainText("replay at 0.00 s");
  expect(await page.evaluate(() => (window as any).__runs.length)).toBe(2);
});

test("a run in flight can be replayed up to where it has got, and still runs and reports", async ({ page }) => {
  await open(page, "?" + timers(["Short", 400], ["Long", 2500]));
  await page.getByRole("button", { name: "Run concurrently" }).click();
  // The concurrent column's timeline (the sequential one is hidden: it has no run).
  const heading = page.locator(".timeline figcaption").nth(1);
  await expect(heading).toContainText("running");
  await expect.poll(async () => Number(await position(page).getAttribute("max"))).toBeGreaterThan(600);
  await position(page).fill("300");
  await expect(heading).toContainText("replay at 0.30 s");
  expect(await states(page, 1)).toEqual(["running", "running"]);
  // The run goes on underneath: it ends and reports while the replay stays where it was.
  const [report] = await runs(page, 1);
  expect(report.outcome).toBe("completed");
  await expect(heading).toContainText("replay at 0.30 s");
  expect(await states(page, 1)).toEqual(["running", "running"]);
});

test("axe finds no violations in a replay", async ({ page }) => {
  await runBoth(page);
  await position(page).fill("350");
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
});

test("at 1280×800, after Run both, the timelines with their replay bar and the marked line of code share the first screen", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await runBoth(page);
  await page.getByRole("slider", { name: "Replay position" }).fill("100");
  await page.evaluate(() => window.scrollTo(0, 0));
  const within = async (selector: string) => {
    const box = await page.locator(selector).first().boundingBox();
    expect(box, selector).not.toBeNull();
    return box!;
  };
  const timeline = await within("section[aria-labelledby=timeline-title]");
  const controls = await within(".replay-controls");
  const mark = await within("mark.at");
  expect(timeline.y).toBeGreaterThanOrEqual(0);
  expect(controls.y + controls.height).toBeLessThanOrEqual(800);
  expect(mark.y).toBeGreaterThanOrEqual(0);
  expect(mark.y + mark.height).toBeLessThanOrEqual(800);
  // Side by side: the code to the right of the timeline.
  expect(mark.x).toBeGreaterThan(timeline.x + timeline.width);
});
