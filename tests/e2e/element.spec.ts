// The <async-lab> element on a docs page of another site: attributes become the frame's URL
// parameters (booleans as "", "true" or "1"), each element makes one sandboxed frame however
// often embed.js is included, frames below the fold load as they near the viewport, and each
// run is dispatched as an `async-lab:run` event on its element.
import { expect, test } from "@playwright/test";

const host = (baseURL: string) => baseURL.replace("127.0.0.1", "localhost") + "fixtures/element-host.html";

test("the element makes one frame per element from its attributes, and its runs are its events", async ({ page, baseURL }) => {
  await page.goto(host(baseURL!));
  const frames = page.locator("async-lab iframe");
  await expect(frames).toHaveCount(3);
  const src = (id: string) => page.locator(`#${id} iframe`).getAttribute("src");
  const first = new URL((await src("first"))!);
  expect(first.origin).toBe(new URL(baseURL!).origin);
  expect(Object.fromEntries(first.searchParams)).toMatchObject({ v: "1", embed: "1", lesson: "gather", autorun: "1" });
  expect(first.search).toContain("tasks=A~timer~100~0~;B~timer~200~0~");
  expect(new URL((await src("second"))!).searchParams.get("autorun")).toBe("1");
  expect(new URL((await src("second"))!).searchParams.get("theme")).toBe("dark");
  // heading="false": the lesson's heading hidden, the first element's shown.
  expect(new URL((await src("second"))!).searchParams.get("heading")).toBe("0");
  await expect(page.frameLocator("#second iframe").locator("#lesson-title")).toBeHidden();
  await expect(page.frameLocator("#first iframe").getByRole("heading", { name: "Gather: results in order, completion out of order" })).toBeVisible();
  await expect(page.locator("#first iframe")).toHaveAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox");
  // The author's fallback stays in the page (a framework that rendered it hydrates it unchanged)
  // and is not shown: the element shows its own shadow root.
  await expect(page.locator("#first > a")).toHaveText("Open Async Lab");
  await expect(page.locator("#first > a")).toBeHidden();

  // Autorun: Run both in each frame once it is seen, each run an event on its own element.
  await expect.poll(() => page.evaluate(() => (window as any).events.length), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await page.locator("#second").scrollIntoViewIfNeeded();
  await expect.poll(() => page.evaluate(() => (window as any).events.length), { timeout: 30_000 }).toBe(4);
  const events: { id: string; mode: string }[] = await page.evaluate(() => (window as any).events);
  expect(events.filter((e) => e.id === "first").map((e) => e.mode).sort()).toEqual(["concurrent", "sequential"]);
  expect(events.filter((e) => e.id === "second").map((e) => e.mode).sort()).toEqual(["concurrent", "sequential"]);
  // embed.js sized each frame to its content.
  const height = await page.locator("#first iframe").evaluate((f) => f.getBoundingClientRect().height);
  expect(height).toBeGreaterThan(300);

  // The element below the fold has no src until it nears the viewport.
  expect(await src("below")).toBeNull();
  await page.locator("#below").scrollIntoViewIfNeeded();
  await expect.poll(() => src("below")).toContain("lesson=async-fn");
  expect(new URL((await src("below"))!).searchParams.get("autorun")).toBe("1");
});

test("without JavaScript the element's own content is what the reader sees", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(host(baseURL!));
  await expect(page.getByRole("link", { name: "Open Async Lab" })).toBeVisible();
  await expect(page.locator("iframe")).toHaveCount(0);
  await context.close();
});

test("a deep link to a heading below two embeds lands on it once they have grown", async ({ page, baseURL }) => {
  await page.goto(baseURL!.replace("127.0.0.1", "localhost") + "fixtures/deep-link-host.html#after-the-lessons");
  // Both frames (the full app, embed="0") grow past the room held for them, pushing the heading down.
  const frames = page.locator("async-lab iframe");
  await expect.poll(() => frames.evaluateAll((fs) => fs.map((f) => f.getBoundingClientRect().height).every((h) => h > 700)), { timeout: 15_000 }).toBe(true);
  await expect.poll(() => page.locator("#after-the-lessons").evaluate((h) => Math.abs(h.getBoundingClientRect().top))).toBeLessThanOrEqual(40);
});

for (const [site, expected] of [["same-origin", []], ["cross-site", ["An iframe which has both allow-scripts and allow-same-origin for its sandbox attribute can escape its sandboxing."]]] as const) {
  test(`a ${site} docs page with embeds has a quiet console`, async ({ page, baseURL }) => {
    const said: string[] = [];
    page.on("console", (m) => {
      // The fixture pages have no icon of their own: the browser's request for one is theirs, not ours.
      if (m.type() !== "log" && !m.location().url.endsWith("/favicon.ico")) said.push(m.text());
    });
    const origin = site === "same-origin" ? baseURL! : baseURL!.replace("127.0.0.1", "localhost");
    await page.goto(origin + "fixtures/theme-host.html");
    await page.frameLocator("#lab iframe").getByRole("button", { name: "Run both" }).click();
    await expect(page.frameLocator("#lab iframe").locator(".takeaway")).toContainText("faster");
    await page.evaluate(() => document.documentElement.setAttribute("data-theme", "dark"));
    await page.waitForTimeout(500);
    // Cross-site, the one warning left is the browser's about the sandbox the README explains (one per frame).
    expect([...new Set(said)]).toEqual(expected);
  });
}
