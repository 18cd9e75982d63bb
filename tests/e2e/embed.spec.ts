// Embedding: a docs page on another site, auto-height, run messages, share links, compact mode, themes.
import { expect, test, type Frame, type Page } from "@playwright/test";
import { cspViolations, open, runs, timers } from "./helpers";

const hostOf = (baseURL: string | undefined) => baseURL!.replace("127.0.0.1", "localhost");

/** Each frame's border-box height against its content's height and scroll extent. */
async function fit(page: Page) {
  const handles = await page.locator("iframe").elementHandles();
  return Promise.all(
    handles.map(async (handle) => {
      const frame = (await handle.contentFrame()) as Frame;
      const outer = await handle.evaluate((f) => f.getBoundingClientRect().height - f.clientTop * 2);
      const inner = await frame.evaluate(() => ({
        content: Math.ceil(document.documentElement.getBoundingClientRect().height),
        scroll: document.documentElement.scrollHeight,
        client: document.documentElement.clientHeight,
      }));
      return { frame: Math.round(outer), ...inner };
    }),
  );
}

/** Every frame's height equals its content's, with nothing to scroll inside. Each frame is
 *  checked on screen: Chromium defers an off-screen cross-site frame's viewport updates. */
async function expectFitted(page: Page, timeout: number) {
  const count = await page.locator("iframe").count();
  for (let i = 0; i < count; i++) {
    await page.locator("iframe").nth(i).scrollIntoViewIfNeeded();
    await expect
      .poll(async () => {
        const f = (await fit(page))[i];
        return (Math.abs(f.frame - f.content) <= 1 && f.scroll <= f.client) || JSON.stringify(f);
      }, { timeout, intervals: [50] })
      .toBe(true);
  }
}

for (const width of [320, 768, 1280]) {
  test(`a docs page on another site sizes both frames to their content at ${width} px`, async ({ page, baseURL }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(hostOf(baseURL) + "examples/docs-embed.html");
    const frames = [page.frameLocator("#lab-1"), page.frameLocator("#lab-2")];
    for (const frame of frames) await expect(frame.getByRole("button", { name: "Run both" })).toBeVisible();
    await expectFitted(page, 1000);
    // No horizontal scrolling inside either frame.
    for (const f of page.frames().filter((f) => f !== page.mainFrame())) {
      expect(await f.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    }
    await frames[0].getByRole("button", { name: "Run both" }).click();
    await page.waitForFunction(() => (window as any).runs.length >= 2, null, { timeout: 15_000 });
    await expectFitted(page, 1000);
    const got = await page.evaluate(() => (window as any).runs);
    expect(got.map((r: any) => r.run.mode)).toEqual(["sequential", "concurrent"]);
    expect(got[0].origin).toBe(new URL(baseURL!).origin);
    // The page's 400 ms timers leave a loaded machine no room for a tighter bound; the layout is this test's subject.
    expect(got[1].run.wall_ms).toBeLessThan(got[0].run.wall_ms);
    if (width !== 768) await page.screenshot({ path: `tests/e2e/screenshots/docs-embed-${width}.png`, fullPage: true });
  });
}

test("embed.js ignores messages that are not from its frames", async ({ page, baseURL }) => {
  await page.goto(hostOf(baseURL) + "examples/docs-embed.html");
  await expect(page.frameLocator("#lab-1").getByRole("button", { name: "Run both" })).toBeVisible();
  await expectFitted(page, 2000);
  const before = await page.evaluate(() => document.querySelector("#lab-1")!.getBoundingClientRect().height);
  await page.evaluate(() => window.postMessage({ source: "async-lab", type: "resize", height: 5 }, "*"));
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => document.querySelector("#lab-1")!.getBoundingClientRect().height)).toBe(before);
});

test("autorun waits until the frame is scrolled into view", async ({ page, baseURL }) => {
  await page.goto(hostOf(baseURL) + "fixtures/autorun-host.html");
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => (window as any).runs.length)).toBe(0);
  await page.locator("iframe").scrollIntoViewIfNeeded();
  await page.waitForFunction(() => (window as any).runs.length >= 2, null, { timeout: 15_000 });
  const modes = await page.evaluate(() => (window as any).runs.map((r: any) => r.mode));
  expect(modes).toEqual(["sequential", "concurrent"]);
});

test("compact mode has no site chrome and links to the full app with the same state", async ({ page }) => {
  await open(page, "?lesson=gather&embed=1&" + timers(["A", 100], ["B", 50]));
  await expect(page.getByRole("heading", { name: "Async Lab" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Lessons" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Code" })).toHaveCount(0);
  const link = page.getByRole("link", { name: "Open in Async Lab ↗" });
  const href = await link.getAttribute("href");
  expect(href).toContain("lesson=gather");
  expect(href).toContain("tasks=A~timer~100~0~;B~timer~50~0~");
  expect(href).not.toContain("embed=1");
  await page.screenshot({ path: "tests/e2e/screenshots/embed-gather.png", fullPage: true });
});

test("a copied link restores the same state in a new page", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await open(page, "?lesson=cpu-bound");
  await page.getByLabel("Label of task 1").fill("Tick ~;&=?");
  await page.getByLabel("Delay in ms of task 2").fill("250");
  await page.getByRole("button", { name: "Add task" }).click();
  await page.getByLabel("Kind of task 4").selectOption("fetch");
  await page.getByRole("radio", { name: /Yield/ }).check();
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByText("Copied the link.")).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  const again = await context.newPage();
  await again.goto(link);
  await expect(again.getByLabel("Label of task 1")).toHaveValue("Tick ~;&=?");
  await expect(again.getByLabel("Delay in ms of task 2")).toHaveValue("250");
  await expect(again.getByLabel("Kind of task 4")).toHaveValue("fetch");
  await expect(again.getByLabel("URL of task 4")).toHaveValue("api/delay/1000/data-4");
  await expect(again.getByRole("radio", { name: /Yield/ })).toBeChecked();
  await expect(again.getByRole("navigation", { name: "Lessons" }).getByRole("link", { name: "CPU-bound work" })).toHaveAttribute("aria-current", "page");

  await page.getByRole("button", { name: "Copy embed code" }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // The element first, then the bare iframe; each after the plain script (no defer) that defines it.
  expect(copied).toMatch(/^<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js"><\/script>\n<async-lab lesson="cpu-bound" tasks="Tick%20.*" loop="yield">\n  <a href="http:\/\/127\.0\.0\.1:\d+\/\?v=1&amp;lesson=cpu-bound&amp;tasks=[^"]*">CPU-bound work blocks the event loop<\/a>/);
  expect(copied).toMatch(/<\/async-lab>\n\n/);
  expect(copied).toMatch(/<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js"><\/script>\n<iframe /);
  const snippet = copied.slice(copied.indexOf("<iframe"));
  expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?v=1&amp;lesson=cpu-bound&amp;tasks=.*&amp;embed=1&amp;loop=yield" title="Async Lab: CPU-bound work blocks the event loop"/);
  expect(snippet).toContain('loading="lazy"');
  expect(snippet).toContain('sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"');
  expect(snippet).toMatch(/allow="clipboard-write"><\/iframe>$/);
});

for (const [query, scheme, dark] of [["theme=dark", "light", true], ["theme=light", "dark", false], ["theme=auto", "dark", true]] as const) {
  test(`${query} under a ${scheme} system scheme is ${dark ? "dark" : "light"}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page, "?" + query);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r + g + b < 200).toBe(dark);
  });
}

// A docs site's look: its accent on the buttons, focus ring and running bars, its text readable on
// it, and its font for the text, with code kept monospace; in light and dark alike.
for (const scheme of ["light", "dark"] as const) {
  test(`accent= and font= give an embed the docs site's look (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page, "?lesson=gather&embed=1&accent=%23aa3377&font=Georgia,serif");
    await expect(page.locator(".notice")).toHaveCount(0);
    const runBoth = page.getByRole("button", { name: "Run both" });
    await expect(runBoth).toHaveCSS("background-color", "rgb(170, 51, 119)");
    await expect(runBoth).toHaveCSS("color", "rgb(255, 255, 255)");
    await expect(page.locator("body")).toHaveCSS("font-family", /^"?Georgia"?, serif$/);
    await expect(runBoth).toHaveCSS("font-family", /^"?Georgia"?, serif$/);
    // The running bars' colour is the accent.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--running").trim())).toBe("#aa3377");
    await runBoth.focus();
    await expect(runBoth).toHaveCSS("outline-color", "rgb(170, 51, 119)");
    expect(await cspViolations(page)).toEqual([]);
    // The look stays in the address bar and in the link to the full app.
    await expect(page).toHaveURL(/font=%22Georgia%22%2C%20serif&accent=%23aa3377/);
    await expect(page.getByRole("link", { name: "Open in Async Lab ↗" })).toHaveAttribute("href", /font=%22Georgia%22%2C%20serif&accent=%23aa3377/);
  });
}

test("font= is the full app's text font, and code stays monospace", async ({ page }) => {
  await open(page, "?font=%27Noto%20Serif%27,%20Georgia,serif");
  await expect(page.getByRole("heading", { name: "Async Lab" })).toHaveCSS("font-family", /^"Noto Serif", "?Georgia"?, serif$/);
  await expect(page.locator("pre.code").first()).toHaveCSS("font-family", /monospace$/);
});

test("a light accent gets dark text, given without its #", async ({ page }) => {
  await open(page, "?embed=1&accent=FD0");
  const runBoth = page.getByRole("button", { name: "Run both" });
  await expect(runBoth).toHaveCSS("background-color", "rgb(255, 221, 0)");
  await expect(runBoth).toHaveCSS("color", "rgb(0, 0, 0)");
  await expect(page.locator(".notice")).toHaveCount(0);
});

test("with reduced motion the lesson still runs and reports", async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: "reduce" });
  const page = await context.newPage();
  // 1 s timers: a loaded machine's stall of a few hundred ms still leaves concurrency visible.
  await open(page, "?" + timers(["A", 1000], ["B", 1000]));
  await page.getByRole("button", { name: "Run both" }).click();
  const [seq, conc] = await runs(page, 2);
  expect(conc.wall_ms).toBeLessThan(0.75 * seq.wall_ms);
  await context.close();
});

for (const [name, scheme, width] of [["embed-light-wide", "light", 1100], ["embed-dark-narrow", "dark", 340]] as const) {
  test(`screenshot ${name}`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await open(page, "?embed=1&" + timers(["Data 1", 300], ["Data 2", 300]));
    await page.getByRole("button", { name: "Run both" }).click();
    await runs(page, 2);
    await page.screenshot({ path: `tests/e2e/screenshots/${name}.png`, fullPage: true });
  });
}
