// Hostile pages: a site that frames the app with autorun and private paths, cpu-heavy links, a
// sibling page inside the service worker's scope, and frames of the host that post resize.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { open, runs, type RunReport } from "./helpers";

const hostOf = (baseURL: string | undefined) => baseURL!.replace("127.0.0.1", "localhost");
const probe = () => `p-${Math.random().toString(36).slice(2, 10)}`;
const task = (label: string, kind: string, ms: number, url = "") => [label, kind, String(ms), "0", url].map(encodeURIComponent).join("~");

/** The requests the test server has seen whose URL contains `needle`. */
async function requested(request: APIRequestContext, needle: string): Promise<{ url: string; cookie: boolean }[]> {
  const all: { url: string; cookie: boolean }[] = await (await request.get("/__requests")).json();
  return all.filter((r) => r.url.includes(needle));
}

/** The requests for the private file tagged `id`. */
const privateRequests = async (request: APIRequestContext, id: string) => (await requested(request, id)).filter((r) => r.url.startsWith("/fixtures/private/"));

/** Opens `query` in a frame of a page on another site that keeps every message the frame posts. */
async function framed(page: Page, baseURL: string | undefined, query: string) {
  await page.addInitScript(() => {
    (window as any).__runs = [];
    window.addEventListener("async-lab:run", (e) => (window as any).__runs.push((e as CustomEvent).detail));
  });
  await page.goto(hostOf(baseURL) + "fixtures/cross-site-host.html?app=" + encodeURIComponent(query));
  const frame = page.frameLocator("iframe");
  await expect(frame.getByRole("button", { name: "Run both" })).toBeVisible();
  const inner = () => page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(new URL(baseURL!).origin))!;
  return { frame, inner };
}

const messages = (page: Page): Promise<{ origin: string; data: any }[]> => page.evaluate(() => (window as any).messages);

test("a framing page cannot make autorun fetch a private path, and hears nothing of it after a click", async ({ page, baseURL, request }) => {
  const id = probe();
  const tasks = [task("Mine", "fetch", 200, `/fixtures/private/me.json?${id}`), task("Data", "fetch", 200, "api/delay/200/Data")].join(";");
  const { frame, inner } = await framed(page, baseURL, `?lesson=api-requests&embed=1&autorun=1&tasks=${tasks}`);
  await expect(frame.getByText("autorun=1 waits for a click on Run both: it fetches only this app's own api/ endpoints, and task 1 fetches /fixtures/private/me.json")).toBeVisible();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: "tests/e2e/screenshots/autorun-waits.png" });
  expect(await privateRequests(request, id)).toEqual([]);
  expect((await messages(page)).filter((m) => m.data?.type === "run")).toEqual([]);

  // A person's click inside the frame runs it: the request goes out, without credentials.
  await frame.getByRole("button", { name: "Run both" }).click();
  await inner().waitForFunction(() => (window as any).__runs.length >= 2, null, { timeout: 20_000 });
  const own: RunReport[] = await inner().evaluate(() => (window as any).__runs);
  // The page's own event has the whole report: proof that there was something to leak.
  expect(own[0].tasks[0]).toMatchObject({ status: "ok", http_status: 200 });
  expect(own[0].tasks[0].detail).toContain("s3cret-of-the-user");
  const sent = await privateRequests(request, id);
  expect(sent.length).toBeGreaterThanOrEqual(2);
  expect(sent.every((r) => !r.cookie)).toBe(true);
  // The framing page gets no run that touched the private path, and none of its bytes, status or size.
  await page.waitForTimeout(500);
  const posted = await messages(page);
  expect(posted.filter((m) => m.data?.type === "run")).toEqual([]);
  const text = JSON.stringify(posted);
  expect(text).not.toContain("s3cret");
  expect(text).not.toContain("me.json");
  expect(text).not.toContain('"bytes"');
});

// A step out of api/ hidden in percent-encoding (%2f, %252f: a server decodes what the browser
// kept) is refused as a URL, so nothing of the task list runs, with or without a click.
test("autorun cannot reach a private path through an encoded step out of api/", async ({ page, baseURL, request }) => {
  const id = probe();
  for (const [up, slash] of [["..", "%2f"], ["..", "%252f"], ["%2e%2e", "%2f"]]) {
    const url = `api/${up}${slash}fixtures${slash}private${slash}me.json?${id}`;
    const { frame } = await framed(page, baseURL, `?lesson=api-requests&embed=1&autorun=1&tasks=${task("Mine", "fetch", 200, url)}`);
    await expect(frame.getByRole("status").filter({ hasText: "which could leave the folder it names" })).toBeVisible();
    await frame.getByRole("button", { name: "Run both" }).click();
    await page.waitForTimeout(500);
  }
  // The pages that carried the task list name the probe too: only requests for files count.
  expect((await requested(request, id)).filter((r) => !r.url.startsWith("/?") && !r.url.startsWith("/fixtures/cross-site-host.html"))).toEqual([]);
});

test("autorun sends no request outside api/ even when a lesson builds the URL", async ({ page, baseURL, request }) => {
  const id = probe();
  // async-methods fetches {base_url}/{label}: a label can climb out of api/.
  const tasks = [task("x", "fetch", 100, "api/delay/100/x"), task(`../../../fixtures/private/me.json?${id}`, "fetch", 100, "api/delay/100/y")].join(";");
  const { inner } = await framed(page, baseURL, `?lesson=async-methods&embed=1&autorun=1&tasks=${tasks}`);
  await inner().waitForFunction(() => (window as any).__runs.length >= 2, null, { timeout: 20_000 });
  const own: RunReport[] = await inner().evaluate(() => (window as any).__runs);
  expect(own[0].tasks[0].status).toBe("ok");
  expect(own[0].tasks[1].status).toBe("error");
  expect(own[0].tasks[1].detail).toContain("not fetched: autorun=1 fetches only this app's own api/ endpoints");
  expect(await privateRequests(request, id)).toEqual([]);
  // Runs of the app's own endpoints are posted, without anything read from a response.
  await page.waitForFunction(() => (window as any).messages.filter((m: any) => m.data?.type === "run").length >= 2);
  const posted = (await messages(page)).filter((m) => m.data?.type === "run").map((m) => m.data.run as RunReport);
  expect(posted[0].tasks[0].detail).toMatch(/^HTTP 200, \d+ bytes/);
  expect(own[0].tasks[0].detail).toContain(": {");
  expect(JSON.stringify(posted)).not.toContain(": {");
});

test("fetches go without the browser's cookies", async ({ page, context, baseURL, request }) => {
  const id = probe();
  await context.addCookies([{ name: "session", value: "s3cret", url: baseURL! }]);
  await open(page, `?lesson=api-requests&tasks=${task("Mine", "fetch", 100, `/fixtures/private/me.json?${id}`)}&${id}`);
  await page.getByRole("button", { name: "Run concurrently" }).click();
  const [report] = await runs(page, 1);
  expect(report.tasks[0].status).toBe("ok");
  const seen = await requested(request, id);
  // The page itself was loaded with the cookie; the task's request went without it.
  expect(seen.find((r) => r.url.startsWith("/?"))?.cookie).toBe(true);
  expect(seen.filter((r) => r.url.startsWith("/fixtures/private/")).map((r) => r.cookie)).toEqual([false]);
});

test("a cpu-heavy link is refused with the cap, and autorun never starts cpu tasks", async ({ page, baseURL }) => {
  const heavy = Array.from({ length: 20 }, (_, i) => task(`Busy ${i + 1}`, "cpu", 60_000)).join(";");
  await open(page, `?lesson=cpu-bound&tasks=${heavy}`);
  await page.getByRole("button", { name: "Run both" }).click();
  await expect(page.getByText("Nothing ran. The cpu tasks ask for 2400 s of busy work across both runs of Run both (1200 s each); one click may start at most 10 s")).toBeVisible();
  await page.getByRole("button", { name: "Run concurrently" }).click();
  await expect(page.getByText("Nothing ran. The cpu tasks ask for 1200 s of busy work; one click may start at most 10 s")).toBeVisible();
  await page.screenshot({ path: "tests/e2e/screenshots/cpu-cap.png" });
  expect(await page.evaluate(() => (window as any).__runs.length)).toBe(0);

  const light = [task("A", "cpu", 100), task("B", "timer", 100)].join(";");
  const { frame, inner } = await framed(page, baseURL, `?lesson=cpu-bound&embed=1&autorun=1&tasks=${light}`);
  await expect(frame.getByText("autorun=1 waits for a click on Run both: it never starts cpu tasks, and task 1 is one.")).toBeVisible();
  await page.waitForTimeout(500);
  expect(await inner().evaluate(() => (window as any).__runs.length)).toBe(0);
});

test("the service worker answers the app only: a sibling page gets the host's api/ files and 404s", async ({ page, request }) => {
  await open(page, "?lesson=api-requests&tasks=" + task("Data", "fetch", 100, "api/delay/100/Data"));
  await expect(page.getByText("answered by this page's service worker")).toBeVisible();
  await page.goto("/fixtures/sibling.html");
  const got = await page.evaluate(async () => {
    const text = async (url: string) => {
      const r = await fetch(url);
      return { status: r.status, worker: r.headers.get("x-async-lab"), body: await r.text() };
    };
    return {
      controlled: navigator.serviceWorker.controller !== null,
      host: await text("/api/host.json"),
      delay: await text("/api/delay/10/x"),
      empty: await text("/api/status/204"),
    };
  });
  // The sibling page is inside the worker's scope, so the worker sees its requests, and leaves them alone.
  expect(got.controlled).toBe(true);
  expect(got.host).toMatchObject({ status: 200, worker: null });
  expect(got.host.body).toContain("the host site's own api/ file");
  expect(got.delay).toMatchObject({ status: 404, worker: null });
  expect(got.empty).toMatchObject({ status: 404, worker: null });
  // Nor does it answer a navigation, even to the app's own endpoint.
  const navigation = await page.goto("/api/delay/10/x");
  expect(navigation!.status()).toBe(404);
  // The app's lesson still gets the worker's answers.
  await page.goto("/?lesson=api-requests&tasks=" + task("Data", "fetch", 100, "api/delay/100/Data"));
  await expect(page.getByText("answered by this page's service worker")).toBeVisible();
  await page.getByRole("button", { name: "Run concurrently" }).click();
  const [report] = await runs(page, 1);
  expect(report.tasks[0]).toMatchObject({ source: "service-worker", status: "ok", http_status: 200 });
  expect((await request.get("/api/host.json")).status()).toBe(200);
});

test("embed.js resizes only the app's frames and messages only frames that loaded it", async ({ page, baseURL }) => {
  const warnings: string[] = [];
  page.on("console", (m) => {
    if (m.text().includes("postMessage")) warnings.push(m.text());
  });
  await page.goto(hostOf(baseURL) + "fixtures/embed-neighbours.html");
  await page.waitForTimeout(1000);
  // A frame of the host itself posting resize: ignored.
  expect(await page.locator("#neighbour").getAttribute("height")).toBe("150");
  await page.locator("#lab").scrollIntoViewIfNeeded();
  await expect(page.frameLocator("#lab").getByRole("button", { name: "Run both" })).toBeVisible();
  await expect(page.locator("#lab")).not.toHaveAttribute("height", "300");
  expect(await page.locator("#neighbour").getAttribute("height")).toBe("150");
  expect(await page.locator("#blank").getAttribute("height")).toBe("150");
  expect(warnings).toEqual([]);
});

// Tables keyed by lesson are Maps: an id that names a property of every object finds nothing, and
// the element says what the app says of an unknown lesson. A tasks attribute of 100,000 entries,
// more than a lesson runs, keeps the lesson's default room, as the app shows its default tasks.
test("embed.js with lesson ids that name object properties, and an absurd tasks attribute", async ({ page, baseURL }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(hostOf(baseURL) + "fixtures/element-changes.html");
  await expect(page.locator("#poster .poster")).toBeVisible();
  const tasks = Array.from({ length: 100_000 }, (_, i) => `T${i}~timer~100~0~`).join(";");
  await page.evaluate((tasks) => {
    const add = (attributes: Record<string, string>) => {
      const element = document.createElement("async-lab");
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      document.body.prepend(element);
    };
    for (const lesson of ["constructor", "toString", "__proto__", "hasOwnProperty"]) add({ id: `lesson-${lesson.replace(/_/g, "")}`, lesson, load: "click" });
    add({ id: "lesson-frame", lesson: "constructor", load: "eager", autorun: "constructor" });
    add({ id: "many", lesson: "gather", tasks, load: "click" });
  }, tasks);
  for (const lesson of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
    const poster = page.locator(`#lesson-${lesson.replace(/_/g, "")} .poster`);
    await expect(poster).toContainText(`There is no lesson "${lesson}"; showing sequential-vs-concurrent. Lessons: sequential-vs-concurrent, async-fn,`);
    // The default lesson's poster, as the app shows the default lesson.
    await expect(poster).toContainText("Sequential vs concurrent");
    await expect(poster.getByRole("button", { name: "Run both" })).toBeVisible();
  }
  // The app's own notice, in the frame, for the same id.
  await expect(page.frameLocator("#lesson-frame iframe").getByRole("status").filter({ hasText: 'There is no lesson "constructor"' })).toBeVisible();
  const [many, gather] = await page.evaluate(() => {
    const element = document.createElement("async-lab");
    element.setAttribute("lesson", "gather");
    element.setAttribute("load", "click");
    document.body.prepend(element);
    return [document.getElementById("many")!, element].map((e) => e.getBoundingClientRect().height);
  });
  expect(many).toBe(gather);
  await expect(page.locator("#many .poster")).toContainText("Tasks: a lesson runs 1 to 20 tasks; this element gives 100000. Showing the lesson's own.");
  await expect(page.locator("#many .poster").getByRole("img")).toContainText("Concurrently: 3.00 s expected");
  expect(errors).toEqual([]);
});
