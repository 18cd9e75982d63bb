// The <async-lab> element as a framework uses it: Docusaurus and VitePress render pages in the
// browser, changing an element's attributes in place and removing it when the reader leaves the
// page, without loading embed.js again. A change reloads the frame once (a theme change recolours
// it in place), and a removed element leaves no observer and loads nothing.
import { expect, test, type Page } from "@playwright/test";

const host = (baseURL: string) => baseURL.replace("127.0.0.1", "localhost") + "fixtures/element-changes.html";

/** Counts, per element id, how many observers (resize, intersection, mutation) watch it now. */
const countObservers = (page: Page) =>
  page.addInitScript(() => {
    const watching = new Map<Element, number>();
    (window as any).observing = (element: Element) => watching.get(element) ?? 0;
    for (const name of ["ResizeObserver", "IntersectionObserver", "MutationObserver"] as const) {
      const Original = (window as any)[name];
      (window as any)[name] = class extends Original {
        targets = new Set<Element>();
        observe(target: Element, options?: unknown) {
          if (!this.targets.has(target)) this.targets.add(target), watching.set(target, (watching.get(target) ?? 0) + 1);
          return super.observe(target, options);
        }
        unobserve(target: Element) {
          if (this.targets.delete(target)) watching.set(target, watching.get(target)! - 1);
          return super.unobserve(target);
        }
        disconnect() {
          for (const target of this.targets) watching.set(target, watching.get(target)! - 1);
          this.targets.clear();
          return super.disconnect();
        }
      };
    }
  });

/** The lessons each frame document the page loaded from the app showed, in order. */
const loads = (page: Page, app: string) => {
  const lessons: string[] = [];
  page.on("request", (r) => r.resourceType() === "document" && r.url().startsWith(app) && lessons.push(new URL(r.url()).searchParams.get("lesson")!));
  return lessons;
};

test("changing an element's attributes after load updates its frame: once per change, a theme in place", async ({ page, baseURL }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const lessons = loads(page, baseURL!);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(host(baseURL!));
  const frame = page.frameLocator("#lab iframe");
  await expect(frame.getByRole("heading", { name: "Gather: results in order, completion out of order" })).toBeVisible();
  await expect(page.locator("#lab iframe")).toHaveAttribute("title", "Async Lab: Gather: results in order, completion out of order");
  expect(lessons).toEqual(["gather"]);

  // Two attributes changed together: one new load, with both.
  await page.locator("#lab").evaluate((element) => {
    element.setAttribute("lesson", "race");
    element.setAttribute("heading", "0");
  });
  await expect(frame.getByRole("button", { name: "Run both" })).toBeVisible();
  await expect.poll(() => lessons).toEqual(["gather", "race"]);
  const src = new URL((await page.locator("#lab iframe").getAttribute("src"))!);
  expect(src.searchParams.get("heading")).toBe("0");
  await expect(page.locator("#lab iframe")).toHaveAttribute("title", "Async Lab: Race: the first answer wins");

  // A theme is sent to the loaded frame: its colours change, nothing reloads.
  const card = () => frame.locator(".lab").evaluate((lab) => getComputedStyle(lab).backgroundColor.match(/\d+/g)!.slice(0, 3).map(Number).reduce((a, b) => a + b));
  await expect.poll(card).toBeGreaterThan(600);
  await page.locator("#lab").evaluate((element) => element.setAttribute("theme", "dark"));
  await expect.poll(card).toBeLessThan(200);
  await page.locator("#lab").evaluate((element) => element.removeAttribute("theme"));
  await expect.poll(card).toBeGreaterThan(600);
  expect(lessons).toEqual(["gather", "race"]);

  // A poster follows its attributes too, and still loads nothing.
  await page.locator("#poster").evaluate((element) => element.setAttribute("lesson", "gather"));
  await expect(page.locator("#poster .poster")).toContainText("Gather: results in order, completion out of order");
  expect(lessons).toEqual(["gather", "race"]);
  expect(errors).toEqual([]);
});

test("a removed element leaves no observer behind and loads nothing; put back, it works again", async ({ page, baseURL }) => {
  await countObservers(page);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && !m.location().url.endsWith("/favicon.ico") && errors.push(m.text()));
  const lessons = loads(page, baseURL!);
  await page.goto(host(baseURL!));
  await expect(page.frameLocator("#lab iframe").getByRole("button", { name: "Run both" })).toBeVisible();
  expect(await page.evaluate(() => ["lab", "poster", "lazy"].map((id) => (window as any).observing(document.getElementById(id))))).toEqual([1, 1, 2]);

  // The lazy element goes before it nears the viewport: its frame never loads.
  const removed = await page.evaluate(() => {
    const gone = ["lab", "poster", "lazy"].map((id) => document.getElementById(id)!);
    gone.forEach((element) => element.remove());
    (window as any).gone = gone;
    return gone.map((element) => (window as any).observing(element));
  });
  expect(removed).toEqual([0, 0, 0]);
  expect(await page.evaluate(() => (window as any).gone.map((element: Element) => element.shadowRoot!.childElementCount))).toEqual([0, 0, 0]);
  await page.mouse.wheel(0, 4000);
  await page.setViewportSize({ width: 500, height: 700 });
  await page.waitForTimeout(500);
  expect(lessons).toEqual(["gather"]);

  // Put back, the element makes its frame again.
  await page.evaluate(() => document.body.prepend((window as any).gone[0]));
  await expect(page.frameLocator("#lab iframe").getByRole("button", { name: "Run both" })).toBeVisible();
  expect(lessons).toEqual(["gather", "gather"]);
  expect(errors).toEqual([]);
});

test("a poster holds its frame's height, and heading=\"0\" leaves the title out of both", async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 760, height: 900 });
  await page.goto(host(baseURL!));
  for (const id of ["poster", "bare"]) {
    const poster = page.locator(`#${id} .poster`);
    const title = id === "bare" ? "Gather: results in order, completion out of order" : "Sequential vs concurrent";
    if (id === "bare") await expect(poster).not.toContainText(title);
    else await expect(poster).toContainText(title);
    const before = await poster.evaluate((p) => p.getBoundingClientRect().height);
    const below = await page.locator(`#${id}`).evaluate((e) => e.nextElementSibling!.getBoundingClientRect().top + scrollY);
    // Scrolled there first, then clicked: right after a scroll Chromium may still route the
    // pointer to the cross-site frame that stood there before it (the frame above, here).
    await poster.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await poster.getByRole("button", { name: "Run both" }).click();
    const frame = page.frameLocator(`#${id} iframe`);
    await expect(frame.locator(".takeaway")).toContainText("faster", { timeout: 30_000 });
    const after = await page.locator(`#${id} iframe`).evaluate((f) => f.getBoundingClientRect().height);
    expect(Math.abs(after - before), `${id}: poster ${before} px, frame ${after} px`).toBeLessThanOrEqual(2);
    // The text below did not move either.
    expect(Math.abs((await page.locator(`#${id}`).evaluate((e) => e.nextElementSibling!.getBoundingClientRect().top + scrollY)) - below)).toBeLessThanOrEqual(2);
  }
});
