// The code in step: at the playhead, the Rust tab marks the line each running task waits at, with
// its label — the line recorded at run time where the lesson's code created the task's future.
import { expect, test, type Page } from "@playwright/test";
import { open, runs, timers } from "./helpers";

/** Every lesson id the page links to, so a new lesson is covered without editing this file. */
async function lessonIds(page: Page): Promise<string[]> {
  await open(page);
  const hrefs = await page.getByRole("navigation", { name: "Lessons" }).getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.map((h) => new URLSearchParams(h.slice(h.indexOf("?"))).get("lesson") ?? "");
}

test("for every lesson, a task running at the playhead is marked at an .await line of the shown Rust", async ({ page }) => {
  test.setTimeout(120_000);
  const ids = await lessonIds(page);
  expect(ids.length).toBeGreaterThanOrEqual(7);
  for (const id of ids) {
    await open(page, `?lesson=${id}`);
    await page.getByRole("button", { name: "Run concurrently" }).click();
    const [report] = await runs(page, 1);
    // The middle of the longest task that ran: it was running then. Race's JS lanes are promises
    // no Rust line awaits, so they are never marked.
    const ran = report.tasks.filter((t) => t.start_ms !== null && t.end_ms !== null && !t.label.startsWith("JS "));
    const longest = ran.reduce((a, b) => (b.end_ms! - b.start_ms! > a.end_ms! - a.start_ms! ? b : a));
    await page.getByRole("slider", { name: "Replay position" }).fill(String(Math.round((longest.start_ms! + longest.end_ms!) / 2)));
    const marks = page.locator("pre.code .at");
    await expect(marks.first(), id).toBeVisible();
    const listing = ((await page.locator('pre.code[aria-label="Rust code"] code').textContent()) ?? "").split("\n");
    for (const mark of await marks.all()) {
      const line = Number(await mark.getAttribute("data-line"));
      expect(listing[line - 1], `${id}: line ${line}`).toContain(".await");
      expect(await mark.locator(".who").textContent(), id).toMatch(/ \((Concurrent|Race|With a deadline)[^)]*\)$/);
      expect(listing[line - 1], id).toContain(await mark.locator(".lead").textContent());
    }
    expect(await page.locator("pre.code .at .who").allTextContents(), id).toEqual(expect.arrayContaining([expect.stringContaining(longest.label)]));
    // The other tabs have no recorded lines, so nothing is marked there.
    await page.getByRole("tab", { name: "Python" }).click();
    await expect(page.locator("pre.code .at")).toHaveCount(0);
  }
});

test("live, the marks follow the run: a task is marked while it waits and unmarked once it ends", async ({ page }) => {
  // Each phase lasts seconds: a fresh-clone CI run on a loaded machine made its first look at the
  // page more than 0.7 s after the click, when a 700 ms task had already ended.
  await open(page, "?" + timers(["Short", 3000], ["Long", 7000]));
  await page.getByRole("button", { name: "Run concurrently" }).click();
  // The labels follow the line's code up to its `.await` (drawn invisibly, to place them).
  const marks = page.locator("pre.code .at .who");
  await expect(marks).toHaveText(["Short, Long (Concurrent)"]);
  await expect(marks).toHaveText(["Long (Concurrent)"]);
  await runs(page, 1);
  await expect(marks).toHaveCount(0);
});
