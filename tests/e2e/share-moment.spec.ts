// Share a moment: a link that carries the recorded runs (compressed, in the fragment) and the
// playhead. Opened elsewhere it replays the same lanes, starts no timer and no fetch, says the
// figures were not measured there, and offers Run it live; a damaged link gets its notice.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { deflateRawSync } from "node:zlib";
import { open, runs } from "./helpers";

const TASKS = "tasks=Short~timer~300~0~;Net~fetch~600~0~api%2Fdelay%2F600%2Fnet";

/** The lane states of both columns' tasks, in order: "done", "running", "waiting". */
async function lanes(page: Page): Promise<string[]> {
  const gs = page.locator(".timeline .lane:not(.thread)");
  return gs.evaluateAll((all) => all.map((g) => ["done", "running", "waiting"].find((s) => g.classList.contains(s)) ?? "other"));
}

/** Every request the page makes to the delayed endpoints. */
function apiRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/")) seen.push(r.url());
  });
  return seen;
}

/** A link whose `run=` is `text` deflated in the page (as the app does) and base64url-coded. */
async function linkTo(page: Page, text: string): Promise<string> {
  const run = await page.evaluate(async (t) => {
    const stream = new Blob([t]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    let binary = "";
    bytes.forEach((b) => (binary += String.fromCharCode(b)));
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }, text);
  return `./?lesson=gather&${TASKS}#run=${run}&at=100`;
}

test("a link to a moment replays the same lanes elsewhere, starting no timer and no fetch, until Run it live", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await open(page, `?lesson=gather&${TASKS}`);
  await page.getByRole("button", { name: "Run both" }).click();
  await runs(page, 2);
  await expect(page.locator(".timeline").nth(1).locator(".lane.traced")).toHaveCount(2);

  await page.getByRole("slider", { name: "Replay position" }).fill("450");
  const here = { lanes: await lanes(page), log: await page.getByLabel("Log output").textContent() };
  expect(here.lanes).toEqual(["done", "running", "done", "running"]);
  await page.getByRole("button", { name: "Copy link to this moment" }).click();
  await expect(page.getByText("Copied a link that replays these runs at this moment. It holds every task's URL; no answer's content.")).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\?.*lesson=gather.*#run=[A-Za-z0-9_-]+&at=450$/);

  const elsewhere = await context.newPage();
  const requests = apiRequests(elsewhere);
  await open(elsewhere, link.slice(link.indexOf("?")));
  const heading = elsewhere.locator(".timeline figcaption");
  await expect(heading.first()).toHaveText("Sequential: replay at 0.45 s of a run recorded elsewhere");
  await expect(heading.nth(1)).toHaveText("Concurrent: replay at 0.45 s of a run recorded elsewhere");
  expect(await lanes(elsewhere)).toEqual(here.lanes);
  await expect(elsewhere.getByLabel("Log output")).toHaveText(here.log ?? "");
  await expect(elsewhere.getByText("Recorded elsewhere, replayed — not measured here.")).toBeVisible();
  await expect(elsewhere.getByText(/These figures were recorded elsewhere/)).toBeVisible();
  // Nothing in flight, and no files of a run that was not measured here.
  await expect(elsewhere.getByRole("button", { name: "Cancel" })).toBeDisabled();
  await expect(elsewhere.locator(".downloads:not([hidden])")).toHaveCount(0);
  // Timers and the app's own endpoints only: the editor stays folded under Edit tasks.
  await expect(elsewhere.getByLabel("Label of task 1")).toBeHidden();
  expect((await new AxeBuilder({ page: elsewhere }).analyze()).violations).toEqual([]);

  // Longer than the runs took: a replay started nothing, so nothing ended and nothing was fetched.
  await elsewhere.waitForTimeout(1500);
  expect(await elsewhere.evaluate(() => (window as any).__runs.length)).toBe(0);
  expect(requests).toEqual([]);

  // At the end the runs are shown whole, still as recorded elsewhere.
  await elsewhere.getByRole("slider", { name: "Replay position" }).fill("5000");
  await expect(heading.first()).toContainText("recorded elsewhere, replayed — not measured here");
  // What the server answered stayed behind: the fetch's detail says so where its preview was.
  const page_ = await elsewhere.content();
  expect(page_).toContain("answer not shared");
  expect(page_).not.toContain('"delay_ms"');

  await elsewhere.getByRole("button", { name: "Run it live" }).click();
  const live = await runs(elsewhere, 2);
  expect(live.map((r) => r.tasks.map((t) => t.label))).toEqual([
    ["Short", "Net"],
    ["Short", "Net"],
  ]);
  expect(requests.length).toBeGreaterThanOrEqual(2);
  await expect(heading.first()).toContainText("measured");
  await expect(elsewhere.getByText("Recorded elsewhere, replayed — not measured here.")).toBeHidden();
  expect(new URL(elsewhere.url()).hash).toBe("");
});

test("a damaged, oversized, foreign or other-version link gets its notice, loses its fragment, and the lesson runs live", async ({ page }) => {
  await open(page, `?lesson=gather&${TASKS}`);
  const cases: [string, RegExp][] = [
    [`./?lesson=gather&${TASKS}#run=ab$d&at=5`, /is damaged/],
    [`./?lesson=gather&${TASKS}#run=AAAAAAAA`, /is damaged/],
    [await linkTo(page, "2,1,"), /another version of Async Lab/],
    [await linkTo(page, "1,1," + "9".repeat(600 * 1024)), /holds more than any run/],
    [(await linkTo(page, "1,0,")).replace("lesson=gather", "lesson=async-fn"), /is damaged/],
  ];
  for (const [url, notice] of cases) {
    await page.goto(url);
    await expect(page.getByRole("status").filter({ hasText: notice })).toBeVisible();
    await expect.poll(() => new URL(page.url()).hash).toBe("");
    await expect(page.locator(".timeline:not([hidden])")).toHaveCount(0);
  }
  // The last page is a live lesson like any other.
  await page.evaluate(() => ((window as any).__runs = []));
  await page.getByRole("button", { name: "Run both" }).click();
  const reports = await runs(page, 2);
  expect(reports[1].mode).toBe("concurrent");
});

test("a link whose tasks fetch beyond the app's own endpoints opens with the editor open, so Run it live's URLs are seen first", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await open(page, "?lesson=gather&tasks=Short~timer~100~0~;Sample~fetch~0~0~data%2Fsample.json");
  await page.getByRole("button", { name: "Run both" }).click();
  await runs(page, 2);
  await page.getByRole("button", { name: "Copy link to this moment" }).click();
  await expect(page.getByText("Copied a link")).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const elsewhere = await context.newPage();
  await open(elsewhere, link.slice(link.indexOf("?")));
  await expect(elsewhere.getByText("Recorded elsewhere, replayed — not measured here.")).toBeVisible();
  await expect(elsewhere.getByLabel("URL of task 2")).toHaveValue("data/sample.json");
  await expect(elsewhere.getByLabel("URL of task 2")).toBeVisible();
});

// A bomb: 512 MiB of one byte, deflated to a link under the 1 MiB limit. The page stops inflating
// at the payload's cap, a piece at a time, so opening it costs what opening a damaged link costs:
// its longest task (each page's own start-up among them) within twice the damaged link's, floored
// at 50 ms. Inflated whole, as before, the bomb held the thread for seconds.
test("a deflate bomb in a link is refused at the cap, without a long task of its own", async ({ page }) => {
  const bomb = deflateRawSync(Buffer.alloc(512 << 20, 0x39), { level: 9 }).toString("base64url");
  expect(bomb.length).toBeLessThan(1 << 20);
  await page.addInitScript(() => {
    (window as any).__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) (window as any).__longest = Math.max((window as any).__longest, entry.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  const longest = async (url: string, notice: RegExp) => {
    await page.goto(url);
    await expect(page.getByRole("status").filter({ hasText: notice })).toBeVisible();
    await page.waitForTimeout(300);
    return page.evaluate(() => (window as any).__longest as number);
  };
  const damaged = await longest(`./?lesson=gather&${TASKS}#run=AAAAAAAA`, /is damaged/);
  const bombed = await longest(`./?lesson=gather&${TASKS}#run=${bomb}`, /holds more than any run/);
  expect(bombed, `longest task: ${bombed.toFixed(0)} ms with the bomb, ${damaged.toFixed(0)} ms with a damaged link`).toBeLessThan(2 * Math.max(damaged, 50));
  await expect(page.getByRole("button", { name: "Run both" })).toBeEnabled();
});
