// The scale control: generated concurrent tasks up to 100,000, the sequential estimate against the
// measured wall-clock, and an aggregated timeline that stays readable.
import { expect, test } from "@playwright/test";
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
    const figure = page.getByRole("figure").filter({ hasText: "When the tasks ended" });
    await expect(figure.locator("rect")).toHaveCount(40);
    await expect(figure.getByRole("img")).toHaveAttribute("aria-label", new RegExp(`End times of ${n} tasks`));
  });
}

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
