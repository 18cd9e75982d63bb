// The bad-input catalogue (bad-input.json): every value gets its message or outcome, nothing panics,
// nothing from a label or a response is inserted as HTML, and the page keeps working.
import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import { cspViolations, editTasks, open, runs } from "./helpers";

type Case = { value?: string; repeat?: [string, number]; prefix?: string; message?: string; query?: string; notice?: string };
const catalogue = JSON.parse(readFileSync(new URL("./bad-input.json", import.meta.url), "utf8"));
const valueOf = (c: Case) => c.value ?? (c.prefix ?? "") + c.repeat![0].repeat(c.repeat![1]);
const label = (c: Case) => JSON.stringify(valueOf(c)).slice(0, 40);

/** Nothing broke: no panic panel, no injected markup, and a run still completes. */
async function stillWorks(page: Page) {
  await expect(page.locator(".panic")).toHaveCount(0);
  expect(await page.locator("main img, main script, main b").count()).toBe(0);
  const before = await page.evaluate(() => (window as any).__runs.length);
  await editTasks(page);
  await page.getByLabel("Delay in ms of task 1", { exact: true }).fill("0");
  await page.getByLabel("Label of task 1", { exact: true }).fill("ok");
  if (await page.getByLabel("Kind of task 1", { exact: true }).inputValue() === "fetch") await page.getByLabel("Kind of task 1", { exact: true }).selectOption("timer");
  await page.getByLabel("Timeout in ms for each task").fill("10000");
  await page.getByRole("button", { name: "Run concurrently" }).click();
  const all = await runs(page, before + 1);
  expect(all[before].outcome).not.toBe("cancelled");
}

for (const c of catalogue.delay as Case[]) {
  test(`delay ${label(c)} is refused with its message`, async ({ page }) => {
    await open(page, "?tasks=A~timer~100~0~;B~timer~100~0~");
    await page.getByLabel("Delay in ms of task 1").fill(valueOf(c));
    await expect(page.getByLabel("Delay in ms of task 1")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(c.message!, { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Run concurrently" }).click();
    await expect(page.getByRole("alert")).toContainText(`Nothing ran. Task 1: ${c.message}`);
    await stillWorks(page);
  });
}

for (const c of catalogue.timeout as Case[]) {
  test(`timeout ${label(c)} is refused with its message`, async ({ page }) => {
    await open(page, "?tasks=A~timer~100~0~");
    await page.getByLabel("Timeout in ms for each task").fill(valueOf(c));
    await expect(page.getByText(c.message!, { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Run sequentially" }).click();
    await expect(page.getByRole("alert")).toContainText(`Nothing ran. ${c.message}`);
    await stillWorks(page);
  });
}

// A lesson's own number field (timeout's deadline, limit's limit, retry's fail first): refused with its message,
// nothing runs, and with a valid value back the page works.
const lessonFields = [
  { key: "deadline", lesson: "timeout", field: "Deadline in ms", valid: "1000" },
  { key: "limit", lesson: "limit", field: "Most requests in flight at once", valid: "3" },
  { key: "fail_first", lesson: "retry", field: "Failed attempts before success", valid: "2" },
];
for (const { key, lesson, field, valid } of lessonFields) {
  for (const c of catalogue[key] as Case[]) {
    test(`${key} ${label(c)} is refused with its message`, async ({ page }) => {
      await open(page, `?lesson=${lesson}&tasks=A~timer~100~0~`);
      await page.getByLabel(field).fill(valueOf(c));
      await expect(page.getByText(c.message!, { exact: true })).toBeVisible();
      await page.getByRole("button", { name: "Run concurrently" }).click();
      await expect(page.getByRole("alert")).toContainText(`Nothing ran. ${c.message}`);
      await page.getByLabel(field).fill(valid);
      await stillWorks(page);
    });
  }
}

for (const c of catalogue.url as Case[]) {
  test(`URL ${label(c)} is refused with its message`, async ({ page }) => {
    await open(page, "?lesson=api-requests");
    await page.getByLabel("URL of task 1").fill(valueOf(c));
    await expect(page.getByText(c.message!, { exact: true })).toBeVisible();
    await stillWorks(page);
  });
}

for (const c of catalogue.label as Case[]) {
  test(`label ${label(c)} is refused with its message`, async ({ page }) => {
    await open(page);
    await page.getByLabel("Label of task 1").fill(valueOf(c));
    await expect(page.getByText(c.message!, { exact: true })).toBeVisible();
    await stillWorks(page);
  });
}

for (const c of catalogue.query as Case[]) {
  const query = c.query ?? (c.prefix ?? "") + c.repeat![0].repeat(c.repeat![1]);
  test(`query ${JSON.stringify(query.slice(0, 40))} falls back with a notice`, async ({ page }) => {
    await open(page, query);
    if (c.notice) await expect(page.getByRole("status").filter({ hasText: c.notice })).toBeVisible();
    await stillWorks(page);
  });
}

test("a bad font and a bad accent each get a notice and leave the page's own look", async ({ page }) => {
  const look = () =>
    page.evaluate(() => {
      const root = document.documentElement;
      const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "Run both")!;
      return {
        set: [root.style.getPropertyValue("--font"), root.style.getPropertyValue("--accent"), root.style.getPropertyValue("--accent-text")],
        font: getComputedStyle(document.body).fontFamily,
        background: getComputedStyle(button).backgroundColor,
        color: getComputedStyle(button).color,
      };
    });
  await open(page);
  const own = await look();
  await open(page, "?font=Georgia;color:red&accent=%23aa33&" + "tasks=A~timer~50~0~");
  await expect(page.getByRole("status").filter({ hasText: '"font" must be font family names' })).toContainText('got "Georgia;color:red": ";" is not allowed. Using the default font.');
  await expect(page.getByRole("status").filter({ hasText: '"accent" must be a hex colour' })).toContainText('got "#aa33". Using the default accent.');
  expect(await look()).toEqual({ ...own, set: ["", "", ""] });
  expect(own.set).toEqual(["", "", ""]);
  expect(await cspViolations(page)).toEqual([]);
  await stillWorks(page);
});

type NetworkCase = { name: string; url: string; timeout?: number; status: string | string[]; http_status: number | null; detail: string };

for (const c of catalogue.network as NetworkCase[]) {
  test(`fetching ${c.name} ends with a clear status and detail`, async ({ page, baseURL }) => {
    const url = c.url.replace("{port}", new URL(baseURL!).port);
    const timeout = c.timeout ? `&timeout=${c.timeout}` : "";
    await open(page, `?lesson=api-requests${timeout}&tasks=probe~fetch~0~0~${encodeURIComponent(url)};other~timer~50~0~`);
    await page.getByRole("button", { name: "Run concurrently" }).click();
    const [report] = await runs(page, 1, 20_000);
    const [probe, other] = report.tasks;
    expect([c.status].flat()).toContain(probe.status);
    expect(probe.http_status).toBe(c.http_status);
    expect(probe.detail).toContain(c.detail);
    expect(other.status).toBe("ok");
    if (probe.status !== "ok") await expect(page.locator(".timeline:not([hidden]) .errors")).toContainText(`probe ${probe.status === "timeout" ? "timed out" : "failed"}`);
    if (c.name === "a 20 MB body") {
      expect(probe.bytes).toBeGreaterThan(1024 * 1024);
      expect(probe.bytes).toBeLessThan(4 * 1024 * 1024);
      // The lane says what is known: at least the cap, not an exact size.
      await expect(page.locator(".timeline .lane:not(.thread) .lane-state").first()).toContainText("HTTP 200, ≥ 1 MiB (stopped reading)");
    }
    expect(await cspViolations(page)).toEqual(c.name === "an unreachable host" || c.name.includes("CORS") || c.name.includes("unicode") ? expect.any(Array) : []);
    await stillWorks(page);
  });
}

test("markup in a label stays text in every panel", async ({ page }) => {
  await open(page, "?tasks=A~timer~50~0~");
  const markup = "<img src=x onerror=alert(1)><script>alert(2)</script>";
  await page.getByLabel("Label of task 1").fill(markup);
  await page.getByRole("button", { name: "Run concurrently" }).click();
  const [report] = await runs(page, 1);
  expect(report.tasks[0].label).toBe(markup);
  await expect(page.getByLabel("Log output")).toContainText(`Fetching ${markup}...`);
  await expect(page.getByRole("list", { name: "Submission order" })).toContainText(markup);
  expect(await page.locator("main img, main script").count()).toBe(0);
});

test("the task count stays between 1 and 20", async ({ page }) => {
  await open(page);
  const add = page.getByRole("button", { name: "Add task" });
  for (let i = 0; i < 18; i++) await add.click();
  await expect(page.getByLabel("Label of task 20")).toBeVisible();
  await expect(add).toBeDisabled();
  const remove = page.getByRole("button", { name: "Remove task" });
  for (let i = 0; i < 19; i++) await remove.click();
  await expect(page.getByLabel("Label of task 2")).toHaveCount(0);
  await expect(remove).toBeDisabled();
  await page.getByRole("button", { name: "Reset" }).click();
  await expect(page.getByLabel("Label of task 2")).toHaveValue("Data 2");
});

test("a hundred rapid clicks leave exactly one completed run, and every other run reports cancelled", async ({ page }) => {
  await open(page, "?tasks=A~timer~300~0~;B~timer~200~0~");
  // Synchronous clicks inside the page: no run can finish between two of them.
  await page.evaluate(() => {
    const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "Run concurrently")!;
    for (let i = 0; i < 100; i++) button.click();
  });
  const all = await runs(page, 100, 30_000);
  await page.waitForTimeout(700);
  const final = await page.evaluate(() => (window as any).__runs);
  expect(final).toHaveLength(100);
  expect(final.filter((r: any) => r.outcome === "completed")).toHaveLength(1);
  expect(final.at(-1).outcome).toBe("completed");
  expect(all.slice(0, 99).every((r: any) => r.outcome === "cancelled")).toBe(true);
  await expect(page.getByRole("figure")).toHaveCount(1);
  await expect(page.getByText(/^Concurrent: 0\.\d\d s measured/)).toBeVisible();
});

test("messages from a parent page are ignored unless they are measure, theme or room, and none of those starts a run", async ({ page, baseURL }) => {
  await page.goto(baseURL!.replace("127.0.0.1", "localhost") + "examples/docs-embed.html");
  const frame = page.frameLocator("#lab-1");
  await expect(frame.getByRole("button", { name: "Run both" })).toBeVisible();
  // Click only once embed.js has sized the frame: a frame that grows under the pointer loses the click.
  await expect(page.locator("#lab-1")).not.toHaveAttribute("height", "300");
  await page.evaluate(() => {
    const target = (document.querySelector("#lab-1") as HTMLIFrameElement).contentWindow!;
    for (const m of [
      null,
      "run",
      { source: "async-lab-host", type: "run" },
      { source: "async-lab", type: "resize", height: 1 },
      { type: "measure" },
      { source: "async-lab-host", type: "measure", extra: "<script>" },
      { source: "async-lab-host", type: "theme", theme: "purple" },
      { source: "async-lab-host", type: "theme", theme: "<img src=x onerror=alert(1)>" },
      { source: "async-lab-host", type: "room", height: "9999; color: red" },
      { source: "async-lab-host", type: "room", height: -5 },
      { source: "async-lab-host", type: "room", height: 1e9 },
    ])
      target.postMessage(m, "*");
  });
  // None of them set a theme of its own or a room (a bare frame has none), and nothing ran.
  await page.waitForTimeout(300);
  const [theme, room] = await frame.locator("html").evaluate((html) => [html.getAttribute("data-theme"), html.style.getPropertyValue("--room")]);
  expect([null, "light", "dark"]).toContain(theme);
  expect(room).toBe("");
  expect(await page.evaluate(() => (window as any).runs.length)).toBe(0);
  await frame.getByRole("button", { name: "Run concurrently" }).click();
  await page.waitForFunction(() => (window as any).runs.length >= 1, null, { timeout: 15_000 });
  await expect(frame.locator(".panic")).toHaveCount(0);
});

// Links to a moment (`#run=`): each payload is the catalogue's base run with one field edited,
// deflated as the app deflates; each refusal names what the link held, and the lesson opens live.
const moment = (payload: string) => `?tasks=A~timer~100~0~#run=${deflateRawSync(Buffer.from(payload)).toString("base64url")}`;

test("the base run of the link cases replays, so each case is refused for its one edit", async ({ page }) => {
  await open(page, moment(catalogue.moment_base));
  await expect(page.getByText("Recorded elsewhere, replayed — not measured here.")).toBeVisible();
});

for (const c of catalogue.moment as { name: string; payload: string; notice: string }[]) {
  test(`a link to a moment with ${c.name} is refused with its notice`, async ({ page }) => {
    await open(page, moment(c.payload));
    await expect(page.getByRole("status").filter({ hasText: c.notice })).toBeVisible();
    await expect(page.getByText("Recorded elsewhere, replayed — not measured here.")).toBeHidden();
    await stillWorks(page);
  });
}
