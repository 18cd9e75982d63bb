// The scale control: generated concurrent tasks up to 100,000, the sequential estimate against the
// measured wall-clock, and an aggregated timeline that stays readable.
import { expect, test, type Page } from "@playwright/test";
import { open } from "./helpers";

for (const n of [10000, 100000]) {
  test(`${n} concurrent 100 ms tasks finish in far less than the sequential estimate`, async ({ page }) => {
    await open(page);
    await page.getByLabel("Number of generated tasks").fill(String(n));
    await page.getByLabel("Delay in ms of each generated task").fill("100");
    await page.getByRole("button", { name: "Run at scale" }).click();
    const summary = page.getByText(new RegExp(`^${n} tasks of 100 ms: one after another about ${(n / 10).toFixed(2)} s; concurrently they took (\\d+\\.\\d\\d) s`));
    await expect(summary).toBeVisible({ timeout: 20_000 });
    const wall = Number((await summary.textContent())!.match(/took (\d+\.\d\d) s/)![1]);
    expect(wall).toBeGreaterThanOrEqual(0.1);
    expect(wall).toBeLessThan(n === 100000 ? 5 : 2);
    const live = page.getByRole("figure").filter({ hasText: "Every task over time" });
    await expect(live.locator("figcaption")).toHaveText(n > 1000 ? `Every task over time: each bar is ${n / 100} tasks, from the first start to the last end` : "Every task over time: one bar each");
    await expect(live.getByRole("img")).toHaveAttribute("aria-label", new RegExp(`^Timeline of ${n} concurrent tasks: all started within [\\d.]+ ms and all had ended by`));
    const figure = page.getByRole("figure").filter({ hasText: "When the tasks ended" });
    await expect(figure.locator("rect")).toHaveCount(40);
    await expect(figure.getByRole("img")).toHaveAttribute("aria-label", new RegExp(`End times of ${n} tasks`));
    // The trace stays on up to 10,000 tasks, each on its own lane: a poll that found its sleep
    // pending and the one its timer's wake caused (join_all over many futures polls only the
    // woken); past that, the paragraph says what it counts.
    const traced = page.getByText(/^Traced \d+ tasks/);
    await expect(traced).toBeVisible({ timeout: 5_000 });
    const parts = /^Traced 10000 tasks( \(the rest run inside the spawned future's polls, not traced one by one\))?: (\d+) polls, (\d+) wakes\. The one thread ran our futures .+ of [\d.]+ ms · drew the lab .+; idle .+\.$/.exec((await traced.textContent()) ?? "");
    expect(parts, await traced.textContent()).not.toBeNull();
    expect(Boolean(parts![1])).toBe(n > 10000);
    expect(Number(parts![2])).toBeGreaterThanOrEqual(20000);
    expect(Number(parts![3])).toBeGreaterThanOrEqual(10000);
  });
}

/** How many pixels of the canvas's plot area (above its axis labels) have paint on them. */
const painted = (page: Page) =>
  page.locator("canvas.scale-canvas").evaluate((canvas: HTMLCanvasElement) => {
    const axis = Math.round(18 * devicePixelRatio);
    const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, Math.max(1, canvas.height - axis)).data;
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count++;
    return count;
  });

test("the scale timeline draws 1,000 bars that grow while their tasks run", async ({ page }) => {
  await open(page);
  await page.getByLabel("Number of generated tasks").fill("1000");
  await page.getByLabel("Delay in ms of each generated task").fill("3000");
  await page.getByRole("button", { name: "Run at scale" }).click();
  const live = page.getByRole("figure").filter({ hasText: "Every task over time" });
  await expect(live.getByRole("img")).toHaveAttribute("aria-label", "Live timeline of 1000 concurrent tasks of 3000 ms.");
  await expect.poll(() => painted(page)).toBeGreaterThan(0);
  const early = await painted(page);
  await page.waitForTimeout(800);
  const later = await painted(page);
  // The bars reach further right as time passes (generous: the run lasts 3 s, the axis at least as long).
  expect(later).toBeGreaterThan(early * 1.2);
  await expect(page.getByText(/^1000 tasks of 3000 ms: one after another about 3000\.00 s; concurrently they took/)).toBeVisible({ timeout: 20_000 });
  await expect(live.getByRole("img")).toHaveAttribute("aria-label", /^Timeline of 1000 concurrent tasks: all started within [\d.]+ ms and all had ended by 3(\.\d+)? s\.$/);
});

for (const [value, message] of [
  ["0", "Tasks must be a whole number from 1 to 100000; got 0."],
  ["100001", "Tasks must be a whole number from 1 to 100000; got 100001."],
  ["many", 'Tasks must be a whole number from 1 to 100000; got "many" (not a whole number).'],
]) {
  test(`the scale control refuses ${value} tasks with a message`, async ({ page }) => {
    await open(page);
    await page.getByLabel("Number of generated tasks").fill(value);
    await expect(page.getByText(message, { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Run at scale" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Nothing ran. ${message}` })).toBeVisible();
    // The lesson itself still runs.
    await page.getByLabel("Delay in ms of task 1").fill("0");
    await page.getByLabel("Delay in ms of task 2").fill("0");
    await page.getByRole("button", { name: "Run concurrently" }).click();
    await expect(page.getByText(/^Concurrent took/)).toBeVisible();
  });
}
