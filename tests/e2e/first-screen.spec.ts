// What a person sees first: the run's result at the top of the timelines, the run buttons on a
// phone's first screen, a code column that never covers the sections under it, and the path
// through the lessons. Screenshots of the first screen in light and dark, wide and narrow.
import { expect, test, type Page } from "@playwright/test";
import { open, runs } from "./helpers";
import { PATH } from "./lessons";


/** Whether `box` lies wholly inside the viewport as it is scrolled now. */
async function onScreen(page: Page, selector: string) {
  const box = (await page.locator(selector).first().boundingBox())!;
  const { width, height } = page.viewportSize()!;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height;
}

const takeaway = "p.takeaway[aria-live]";

for (const scheme of ["light", "dark"] as const) {
  for (const lesson of ["sequential-vs-concurrent", "cpu-bound"]) {
    test(`1280×800 ${scheme}, ${lesson}: after Run both the result is on the first screen`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.emulateMedia({ colorScheme: scheme });
      await open(page, `?lesson=${lesson}`);
      await page.screenshot({ path: `tests/e2e/screenshots/first-screen-${lesson}-1280-${scheme}-before.png` });
      await page.getByRole("button", { name: "Run both" }).click();
      await runs(page, 2, 30_000);
      await expect(page.locator(takeaway)).toContainText(/saved|faster|slower|nothing/);
      await expect(page.locator(".timeline:not([hidden]) .lane.thread .marks")).toHaveCount(2);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      expect(await onScreen(page, takeaway)).toBe(true);
      await page.screenshot({ path: `tests/e2e/screenshots/first-screen-${lesson}-1280-${scheme}-after.png` });
    });

    test(`390×844 ${scheme}, ${lesson}: the title, the Run buttons and the timelines' place on the first screen`, async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.emulateMedia({ colorScheme: scheme });
      await open(page, `?lesson=${lesson}`);
      for (const what of ["#lesson-title", ".controls button:has-text('Run both')", "[aria-labelledby='timeline-title']"]) {
        const box = (await page.locator(what).first().boundingBox())!;
        expect(box.y, what).toBeLessThan(844);
      }
      expect(await onScreen(page, ".controls button:has-text('Run both')")).toBe(true);
      // The chooser is one row, its current lesson in view.
      const nav = (await page.getByRole("navigation", { name: "Lessons" }).boundingBox())!;
      expect(nav.height).toBeLessThan(60);
      const current = (await page.locator(".lessons [aria-current='page']").boundingBox())!;
      expect(current.x).toBeGreaterThanOrEqual(nav.x - 1);
      expect(current.x + current.width).toBeLessThanOrEqual(nav.x + nav.width + 1);
      await page.screenshot({ path: `tests/e2e/screenshots/first-screen-${lesson}-390-${scheme}-before.png` });
      await page.getByRole("button", { name: "Run both" }).click();
      await runs(page, 2, 30_000);
      await expect(page.locator(".timeline:not([hidden]) .lane.thread .marks")).toHaveCount(2);
      expect(await onScreen(page, takeaway)).toBe(true);
      await page.screenshot({ path: `tests/e2e/screenshots/first-screen-${lesson}-390-${scheme}-after.png` });
    });
  }
}

test("at 390 px the Thread lane shows its facts, clear of its name, in the app and in an embed", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const query of ["?tasks=A~timer~300~0~", "?embed=1&tasks=A~timer~300~0~"]) {
    await open(page, query);
    await page.getByRole("button", { name: "Run concurrently" }).click();
    const lane = page.locator(".timeline:not([hidden]) .lane.thread").first();
    await expect(lane.locator(".marks")).toHaveCount(1);
    // "idle 296.1 ms · no long frames": shorter than the state, which is hidden.
    await expect(lane.locator(".facts")).toBeVisible();
    await expect(lane.locator(".facts")).toHaveText(/^idle (< )?[\d.]+ ms · /);
    await expect(lane.locator(".lane-state")).toBeHidden();
    const [name, facts] = [(await lane.locator(".lane-label").boundingBox())!, (await lane.locator(".facts").boundingBox())!];
    expect(name.x + name.width + 8).toBeLessThan(facts.x);
  }
});

test("in an embed the run's sentence heads its timelines", async ({ page }) => {
  await open(page, "?embed=1&tasks=A~timer~300~0~;B~timer~300~0~");
  await page.getByRole("button", { name: "Run both" }).click();
  await runs(page, 2);
  const sentence = (await page.locator(takeaway).boundingBox())!;
  const first = (await page.locator(".timeline:not([hidden])").first().boundingBox())!;
  expect(sentence.y + sentence.height).toBeLessThanOrEqual(first.y + 1);
  await expect(page.locator(takeaway)).toContainText("faster");
  await expect(page.locator(".next-lesson")).toHaveCount(0);
});

test("at 1280 px the code column never covers the sections under the workbench", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, "?tasks=A~timer~300~0~;B~timer~300~0~");
  await page.getByRole("button", { name: "Run both" }).click();
  await runs(page, 2);
  const code = page.locator("[aria-labelledby='code-title']");
  for (const section of ["scale", "share"]) {
    const below = page.locator(`[aria-labelledby='${section}-title']`);
    await below.scrollIntoViewIfNeeded();
    for (const scroll of [0, 200, 400]) {
      await page.evaluate((dy) => window.scrollBy(0, dy), scroll);
      const [a, b] = [(await code.boundingBox())!, (await below.boundingBox())!];
      const overlap = Math.min(a.x + a.width, b.x + b.width) > Math.max(a.x, b.x) && Math.min(a.y + a.height, b.y + b.height) > Math.max(a.y, b.y);
      expect(overlap, `code ${JSON.stringify(a)} over ${section} ${JSON.stringify(b)}`).toBe(false);
    }
  }
  // Beside the timelines, the code stays in view while the left column scrolls.
  await page.evaluate(() => window.scrollTo(0, 500));
  expect((await code.boundingBox())!.y).toBeGreaterThanOrEqual(0);
});

test("the lesson chooser numbers the path, and each takeaway links to the next lesson", async ({ page }) => {
  await open(page, "?tasks=A~timer~200~0~");
  const links = page.getByRole("navigation", { name: "Lessons" }).getByRole("link");
  expect(await links.evaluateAll((all) => all.map((a) => new URLSearchParams(a.getAttribute("href")!.slice(1)).get("lesson")))).toEqual(PATH);
  // An ordered list, numbered by the stylesheet's counter (assistive technology hears "3 of 13").
  expect(await page.getByRole("navigation", { name: "Lessons" }).locator("ol > li > a").count()).toBe(PATH.length);
  expect(await links.first().evaluate((a) => getComputedStyle(a, "::before").content)).toContain("counter(list-item)");
  await expect(links.last()).toHaveAccessibleName("CPU-bound work");
  await expect(page.locator(".next-lesson")).toBeHidden();
  await page.getByRole("button", { name: "Run concurrently" }).click();
  await runs(page, 1);
  const next = page.locator(".next").getByRole("link");
  await expect(next).toHaveText("Next: 2. An async fn returns a lazy future →");
  // Right under the sentence it ends.
  const [sentence, link] = [(await page.locator(takeaway).boundingBox())!, (await next.boundingBox())!];
  expect(link.y - (sentence.y + sentence.height)).toBeLessThan(12);
  await next.click();
  await expect(page).toHaveURL(/lesson=async-fn/);
  await expect(page.locator(".lessons [aria-current='page']")).toHaveAccessibleName("Lazy futures");
  expect(await page.locator(".lessons li").nth(1).locator("[aria-current='page']").count()).toBe(1);
  // The last lesson on the path has no next.
  await open(page, "?lesson=cpu-bound&tasks=Timer~timer~100~0~;Loop~cpu~100~0~");
  await page.getByRole("button", { name: "Run concurrently" }).click();
  await runs(page, 1);
  await expect(page.locator(takeaway)).not.toBeEmpty();
  await expect(page.locator(".next-lesson")).toHaveCount(0);
});
