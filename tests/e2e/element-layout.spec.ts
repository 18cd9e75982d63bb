// The <async-lab> element as a page element: it holds the height its lesson will take before its
// frame loads (the table `make heights` measures), so the host page does not move while embeds
// load and run; the default lesson is compact; and it works under a docs site's strict policy.
import { expect, test, type Page } from "@playwright/test";
import { LESSONS } from "./lessons";

const other = (baseURL: string) => baseURL.replace("127.0.0.1", "localhost");

/** A host page of `width` px holding one element per lesson, none loaded until the test says. */
async function lessonsHost(page: Page, baseURL: string, width: number, lessons: string[]) {
  await page.setViewportSize({ width: width + 40, height: 900 });
  await page.goto(other(baseURL) + "fixtures/element-host.html");
  await page.evaluate(
    ([width, lessons]) => {
      document.body.replaceChildren();
      document.body.style.cssText = `width: ${width}px; margin: 0 20px`;
      for (const lesson of lessons as string[]) {
        const element = document.createElement("async-lab");
        element.id = lesson;
        element.setAttribute("lesson", lesson);
        element.setAttribute("load", "eager");
        document.body.append(element);
      }
    },
    [width, lessons] as const,
  );
}


// Two of the widths `make heights` measures: there the room is the content's to a few px (between
// them an element keeps the narrower width's height, never short; element-changes.spec.ts checks
// a poster and its frame at a width between).
for (const width of [720, 360]) {
  test(`at ${width} px each lesson's frame keeps its reserved height through a run, and the table is current`, async ({ page, baseURL }) => {
    test.setTimeout(90_000);
    await lessonsHost(page, baseURL!, width, LESSONS);
    const reserved = await page.locator("async-lab iframe").evaluateAll((frames) => frames.map((f) => f.getBoundingClientRect().height));
    for (const lesson of LESSONS) {
      const frame = page.frameLocator(`#${lesson} iframe`);
      // Once in a long full run on two cores a click into a frame just loaded did not start the
      // run: clicked again until a timeline shows (a second Run both only supersedes the first).
      await expect(async () => {
        await frame.getByRole("button", { name: "Run both" }).click();
        await expect(frame.locator(".timeline:not([hidden])").first()).toBeVisible({ timeout: 3000 });
      }).toPass({ timeout: 30_000 });
    }
    for (const lesson of LESSONS) {
      await expect(page.frameLocator(`#${lesson} iframe`).locator(".timeline:not([hidden])")).toHaveCount(2);
      await expect(page.frameLocator(`#${lesson} iframe`).locator(".run-state")).toBeEmpty({ timeout: 30_000 });
    }
    await page.waitForTimeout(500);
    const after = await page.locator("async-lab iframe").evaluateAll((frames) => frames.map((f) => f.getBoundingClientRect().height));
    // The frames did not move: the content fits the reserved room.
    expect(after).toEqual(reserved);
    // And the room is the content's, not a guess: `make heights` rewrites the table when this fails.
    const contents = await Promise.all(
      LESSONS.map((lesson) => page.frameLocator(`#${lesson} iframe`).locator("html").evaluate((html) => {
        // The content's own height, not the room the element holds for it.
        html.style.removeProperty("--room");
        return Math.ceil(html.getBoundingClientRect().height);
      })),
    );
    const off = contents.flatMap((content, i) => (Math.abs(reserved[i] - content) > 6 ? [`${LESSONS[i]}: reserved ${reserved[i]}, content ${content}`] : []));
    expect(off, "run `make heights`").toEqual([]);
    // The default lesson's embed is compact: thread lanes and replay bar included.
    expect(contents[0]).toBeLessThanOrEqual(width === 720 ? 640 : 1100);
    await page.screenshot({ path: `tests/e2e/screenshots/element-lessons-${width}.png`, fullPage: true });
  });
}

test("layout shift on the host stays under 0.02 while two embeds load, autorun and run again", async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(other(baseURL!) + "fixtures/layout-shift-host.html");
  const between = await page.locator("#between").evaluate((p) => p.getBoundingClientRect().top);
  // Both autoruns: the first frame is in view; the second's top is, too.
  await expect.poll(() => page.evaluate(() => (window as any).events.length), { timeout: 30_000 }).toBe(4);
  await page.frameLocator("#first iframe").getByRole("button", { name: "Run both" }).click();
  await expect.poll(() => page.evaluate(() => (window as any).events.length), { timeout: 30_000 }).toBe(6);
  await page.waitForTimeout(1000);
  const shifts: number[] = await page.evaluate(() => (window as any).shifts);
  const cls = shifts.reduce((a, b) => a + b, 0);
  expect(cls, `shifts: ${JSON.stringify(shifts)}`).toBeLessThan(0.02);
  expect(await page.locator("#between").evaluate((p) => p.getBoundingClientRect().top)).toBe(between);
});

test("under a docs site's strict policy the element works and nothing is refused", async ({ page, baseURL }) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  await page.goto(other(baseURL!) + "fixtures/strict-csp-host.html");
  await expect.poll(() => page.evaluate(() => (window as any).events.length), { timeout: 30_000 }).toBe(2);
  const frame = page.locator("#strict iframe");
  expect(await frame.evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThan(300);
  await expect(page.frameLocator("#strict iframe").locator(".takeaway")).toContainText("faster");
  expect(await page.evaluate(() => (window as any).violations)).toEqual([]);
  expect(refused).toEqual([]);
});
