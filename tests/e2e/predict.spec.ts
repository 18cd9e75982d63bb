// Predict, then run: a guess before the first run, one sentence comparing it with the measured
// concurrent run after; one click skips it; predict=0 and autorun never show it; nothing is stored.
import { expect, test, type Page } from "@playwright/test";
import { open, runs, timers } from "./helpers";

const TASKS = timers(["Task 1", 600], ["Task 2", 300], ["Task 3", 900]);
const form = (page: Page) => page.getByRole("group", { name: "Predict, then run" });
const sentence = (page: Page) => page.locator("p.prediction");

test("a prediction, a run, and one sentence comparing them", async ({ page }) => {
  await open(page, `?lesson=gather&${TASKS}`);
  await expect(form(page)).toBeVisible();
  await page.getByLabel("Predicted total time in ms").fill("500");
  await page.getByLabel("Predicted first to finish").selectOption("Task 2");
  await page.getByRole("button", { name: "Run concurrently" }).click();
  await expect(form(page)).toBeHidden();
  const [report] = await runs(page, 1);
  const wall = (report.wall_ms / 1000).toFixed(2);
  await expect(sentence(page)).toHaveText(new RegExp(`^You predicted 0\\.50 s; Concurrent took ${wall.replace(".", "\\.")} s \\(0\\.\\d\\d s longer than you thought\\), and Task 2 did finish first\\.$`));
  await page.screenshot({ path: "tests/e2e/screenshots/predict.png" });
  // Nothing is stored: a reload offers the form again, with nothing filled in.
  await page.reload();
  await expect(form(page)).toBeVisible();
  await expect(page.getByLabel("Predicted total time in ms")).toHaveValue("");
});

test("a wrong guess at the first task is named; a run in sequence first says what to press", async ({ page }) => {
  await open(page, `?lesson=gather&${TASKS}`);
  await page.getByLabel("Predicted first to finish").selectOption("Task 3");
  await page.getByRole("button", { name: "Run sequentially" }).click();
  await runs(page, 1);
  await expect(sentence(page)).toHaveText("Your prediction is about the concurrent run: press Run concurrently or Run both to compare.");
  await page.getByRole("button", { name: "Run both" }).click();
  await runs(page, 3);
  await expect(sentence(page)).toHaveText("Your guess at the first to finish: Task 2 finished first, not Task 3.");
});

test("one click skips it, and no sentence follows the run", async ({ page }) => {
  await open(page, `?lesson=gather&${TASKS}`);
  await page.getByRole("button", { name: "Skip prediction" }).click();
  await expect(form(page)).toBeHidden();
  await page.getByRole("button", { name: "Run concurrently" }).click();
  await runs(page, 1);
  await expect(page.locator("p.takeaway[aria-live]")).not.toBeEmpty();
  await expect(sentence(page)).toBeHidden();
});

test("a total that is not a number gets its message; the run goes on with the rest of the guess", async ({ page }) => {
  await open(page, `?lesson=gather&${TASKS}`);
  await page.getByLabel("Predicted total time in ms").fill("soon");
  await expect(page.getByText('Predicted total must be a whole number of ms from 0 to 600000; got "soon" (not a number).')).toBeVisible();
  await page.getByLabel("Predicted first to finish").selectOption("Task 2");
  await page.getByRole("button", { name: "Run concurrently" }).click();
  await runs(page, 1);
  await expect(sentence(page)).toHaveText("Your guess at the first to finish: Task 2 did finish first.");
});

test("predict=0 and autorun never show it", async ({ page }) => {
  await open(page, `?lesson=gather&${TASKS}&predict=0`);
  await expect(page.getByRole("button", { name: "Run both" })).toBeVisible();
  await expect(form(page)).toBeHidden();
  await expect(page.getByRole("button", { name: "Skip prediction" })).toBeHidden();
  await open(page, `?lesson=gather&${TASKS}&embed=1&autorun=1`);
  await runs(page, 2);
  await expect(form(page)).toBeHidden();
  await expect(sentence(page)).toBeHidden();
});
