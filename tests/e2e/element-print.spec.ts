// Click-to-load posters, print and PDF: `load="click"` asks nothing of the app's origin but
// embed.js until the reader clicks; printed, an element is a static summary of its last runs (or
// its lesson's expected timelines), never live controls; the app's own page prints the same way.
import { expect, test } from "@playwright/test";
import { CONTROLS, open, pdfText, runs } from "./helpers";

const other = (baseURL: string) => baseURL.replace("127.0.0.1", "localhost");



test("ten click-to-load embeds download no wasm and ask the app's origin for embed.js only, until one is clicked", async ({ page, baseURL }) => {
  const app = new URL(baseURL!).origin;
  const asked: string[] = [];
  page.on("request", (r) => r.url().startsWith(app) && asked.push(new URL(r.url()).pathname));
  await page.goto(other(baseURL!) + "fixtures/click-host.html");
  const posters = page.locator("async-lab .poster");
  await expect(posters).toHaveCount(10);
  // Each poster: the lesson's title, its expected timelines drawn from core's table, a Run both button.
  const second = page.locator("#lab-2 .poster");
  await expect(second).toContainText("Gather: results in order, completion out of order");
  await expect(second.getByRole("img")).toContainText("One after another: 6.00 s expected");
  await expect(second.getByRole("img")).toContainText("Concurrently: 3.00 s expected");
  // An element with its own tasks lists them instead of the lesson's defaults.
  await expect(page.locator("#lab-1 .poster")).toContainText("This page's tasks: A (timer, 200 ms), B (timer, 200 ms).");
  // Its own tasks are drawn as requested, not as a schedule: only the app models how they run.
  await expect(page.locator("#lab-1 .poster").getByRole("img")).toHaveText(/^Each task's requested timeA: 200 msB: 200 ms$/);
  await page.mouse.wheel(0, 4000);
  await page.waitForTimeout(1000);
  expect(asked).toEqual(["/embed.js"]);
  expect(await page.locator("iframe").count()).toBe(0);

  await page.locator("#lab-1").getByRole("button", { name: "Run both" }).click();
  // Loaded, it runs Run both at once (autorun's rules: these are timers).
  await expect.poll(() => page.evaluate(() => (window as any).events.filter((e: any) => e.id === "lab-1").length), { timeout: 30_000 }).toBe(2);
  expect(asked.some((path) => path.endsWith(".wasm"))).toBe(true);
  await expect(page.locator("async-lab iframe")).toHaveCount(1);
  await expect(posters).toHaveCount(9);
});

test("printed, an element is a summary of its last runs or its lesson's expected timelines, and no control", async ({ page, baseURL }) => {
  await page.goto(other(baseURL!) + "fixtures/theme-host.html");
  const frame = page.frameLocator("#lab iframe");
  await frame.getByRole("button", { name: "Run both" }).click();
  await expect(frame.locator(".takeaway")).toContainText("faster");
  await expect.poll(() => page.evaluate(() => (window as any).events.length)).toBe(2);
  await page.evaluate(() => {
    const poster = document.createElement("async-lab");
    poster.setAttribute("lesson", "cpu-bound");
    poster.setAttribute("load", "click");
    document.body.append(poster);
  });
  const text = await pdfText(page);
  expect(text).toContain("Gather: results in order, completion out of order (Async Lab)");
  expect(text).toMatch(/Sequential: \d+\.\d\d s measured, \d+\.\d\d s expected\./);
  expect(text).toMatch(/Concurrent: \d+\.\d\d s measured, \d+\.\d\d s expected: \d+\.\d\d s saved, \d+\.\d× faster\./);
  // The element that has not run: "not run yet" and, for the element with its own tasks, them.
  expect(text).toContain("Not run yet. This page's tasks: A (timer, 150 ms).");
  expect(text).toContain("CPU-bound work blocks the event loop (Async Lab)");
  expect(text).toContain("One after another: 1.40 s expected");
  for (const label of CONTROLS) expect(text, label).not.toContain(label);
});

test("the app's own page prints its timelines and figures, without live controls", async ({ page }) => {
  await open(page, "?lesson=gather&tasks=A~timer~100~0~;B~timer~50~0~");
  await page.getByRole("button", { name: "Run both" }).click();
  await runs(page, 2);
  const text = await pdfText(page);
  expect(text).toMatch(/Concurrent: 0\.\d\d s measured/);
  expect(text).toContain("Wall-clock (measured)");
  expect(text).toContain("Submission order");
  for (const label of CONTROLS) expect(text, label).not.toContain(label);
});
