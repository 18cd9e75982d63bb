// One test per lesson, each asserting the lesson's key fact from its RunReport and from the page.
import { expect, test, type Page } from "@playwright/test";
import { editTasks, open, runs, timers } from "./helpers";

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `tests/e2e/screenshots/lesson-${name}.png`, fullPage: true });
}

test("lessons are reachable from the lesson navigation", async ({ page }) => {
  await open(page);
  const nav = page.getByRole("navigation", { name: "Lessons" });
  await expect(nav.getByRole("link")).toHaveCount(13);
  // Each named by its short name (its full title is the heading it opens).
  await nav.getByRole("link", { name: "Gather", exact: true }).click();
  await expect(page).toHaveURL(/lesson=gather/);
  await expect(page.getByLabel("Label of task 3")).toHaveValue("Task 3");
  await expect(page.getByRole("heading", { name: "Gather: results in order, completion out of order" })).toBeVisible();
  await expect(nav.getByRole("link", { name: /Gather/ })).toHaveAttribute("aria-current", "page");
});

test("async-fn: creating a future starts nothing; awaiting it does; a JS promise starts at once", async ({ page }) => {
  await open(page, "?lesson=async-fn");
  await expect(page.getByLabel("Label of task 1")).toHaveValue('greet("Alice")');
  await expect(page.getByRole("button", { name: "Await it" })).toBeDisabled();
  await page.getByRole("button", { name: "Create future" }).click();
  await expect(page.getByRole("button", { name: "Await it" })).toBeEnabled();
  await page.waitForTimeout(700);
  await expect(page.getByRole("figure").filter({ hasText: "Create, then await" })).toContainText("waiting");
  await page.getByRole("button", { name: "Await it" }).click();
  const [report] = await runs(page, 1);
  expect(report.mode).toBe("lazy");
  const created = report.events.find((e) => e.what.startsWith("future created"))!;
  const polled = report.events.find((e) => e.what.startsWith("awaited"))!;
  // Created at once, polled only once awaited: far apart, whatever a loaded machine adds to each.
  expect(created.t_ms).toBeLessThan(polled.t_ms - 500);
  expect(polled.t_ms).toBeGreaterThanOrEqual(700);
  const [greet, promise] = report.tasks;
  expect(greet.start_ms!).toBeGreaterThanOrEqual(polled.t_ms);
  expect(greet.end_ms! - greet.start_ms!).toBeGreaterThanOrEqual(1000);
  expect(promise.start_ms!).toBeLessThan(polled.t_ms - 500);
  expect(promise.end_ms!).toBeLessThan(greet.end_ms!);
  await expect(page.getByLabel("Log output")).toContainText("Hello, Alice!");
  await expect(page.getByText(/^The future was created at .* and did nothing until its first poll at/)).toBeVisible();
  await shot(page, "async-fn");
});

test("async-fn: Cancel does not claim to stop the JS promise", async ({ page }) => {
  await open(page, "?lesson=async-fn");
  await page.getByRole("button", { name: "Create future" }).click();
  await expect(page.getByRole("button", { name: "Cancel" })).toBeEnabled();
  await page.getByRole("button", { name: "Cancel" }).click();
  const [report] = await runs(page, 1);
  expect(report.outcome).toBe("cancelled");
  expect(report.tasks[0]).toMatchObject({ status: "cancelled", start_ms: null });
  expect(report.tasks[1].detail).toBe("a JS promise cannot be cancelled: its timer fires whether or not anyone waits; the run stopped waiting for it");
});

test("gather: results in submission order, completion order 2, 1, 3", async ({ page }) => {
  await open(page, "?lesson=gather");
  await page.getByRole("button", { name: "Run concurrently" }).click();
  const [report] = await runs(page, 1, 20_000);
  expect(report.tasks.map((t) => t.label)).toEqual(["Task 1", "Task 2", "Task 3"]);
  const byEnd = [...report.tasks].sort((a, b) => a.end_ms! - b.end_ms!).map((t) => t.label);
  expect(byEnd).toEqual(["Task 2", "Task 1", "Task 3"]);
  expect(report.wall_ms).toBeGreaterThanOrEqual(3000);
  // Upper bounds are fractions of the sum: what concurrency must save, with room for a loaded machine.
  expect(report.wall_ms).toBeLessThan(0.75 * report.sum_ms);
  const completion = page.getByRole("list", { name: "Completion order" }).getByRole("listitem");
  await expect(completion).toHaveText([/^Task 2/, /^Task 1/, /^Task 3/]);
  const submission = page.getByRole("list", { name: "Submission order" }).getByRole("listitem");
  await expect(submission).toHaveText([/^Task 1/, /^Task 2/, /^Task 3/]);
  await expect(page.getByLabel("Log output")).toContainText(
    'All tasks completed: ["Result from Task 1", "Result from Task 2", "Result from Task 3"]',
  );
  // The takeaway quotes the values join_all returned, which the report carries too.
  expect(report.events.find((e) => e.label === "join_all")?.what).toBe('returned ["Result from Task 1", "Result from Task 2", "Result from Task 3"]');
  await expect(page.getByText(/join_all still returned the results in submission order: Result from Task 1, Result from Task 2, Result from Task 3/)).toBeVisible();
  await shot(page, "gather");
});

test("api-requests: one client, real requests with status, size and timing", async ({ page }) => {
  await open(page, "?lesson=api-requests");
  await page.getByRole("button", { name: "Run concurrently" }).click();
  const [report] = await runs(page, 1);
  expect(report.tasks).toHaveLength(3);
  for (const t of report.tasks) {
    expect(t).toMatchObject({ kind: "fetch", status: "ok", source: "service-worker", http_status: 200 });
    expect(t.bytes).toBeGreaterThan(20);
    expect(t.end_ms! - t.start_ms!).toBeGreaterThanOrEqual(t.requested_ms);
  }
  expect(report.wall_ms).toBeGreaterThanOrEqual(1200);
  expect(report.wall_ms).toBeLessThan(0.75 * report.sum_ms);
  expect(report.events).toEqual([expect.objectContaining({ label: "client", what: "one client sent 3 requests" })]);
  await expect(page.getByLabel("Log output")).toContainText("Fetched 3 URLs");
  await expect(page.getByRole("figure").filter({ hasText: "Concurrent:" })).toContainText("HTTP 200");
  await shot(page, "api-requests");
});

test("context-manager: the connection closes on success, on error and on cancel", async ({ page }) => {
  // Longer than the lesson's 400 and 600 ms, so that the Cancel below lands in the run on a loaded machine.
  await open(page, "?lesson=context-manager&" + timers(["query users", 1200], ["query posts", 1800]));
  const closed = (r: { events: { what: string; t_ms: number }[] }) => r.events.filter((e) => e.what === "closed (Drop)");

  await page.getByRole("button", { name: "Run concurrently" }).click();
  const [ok] = await runs(page, 1);
  expect(ok.outcome).toBe("completed");
  expect(ok.events.map((e) => e.what)).toEqual(["connecting to postgresql://localhost/db", "open", "closed (Drop)"]);
  expect(closed(ok)[0].t_ms).toBeGreaterThanOrEqual(Math.max(...ok.tasks.map((t) => t.end_ms!)));

  // The first run folded the editor behind Edit tasks.
  await editTasks(page);
  await page.getByRole("checkbox", { name: "Task 1 fails" }).check();
  await page.getByRole("button", { name: "Run concurrently" }).click();
  const [, failed] = await runs(page, 2);
  expect(failed.outcome).toBe("failed");
  expect(closed(failed)).toHaveLength(1);
  await expect(page.getByText(/The connection closed after a task failed/)).toBeVisible();

  await page.getByRole("checkbox", { name: "Task 1 fails" }).uncheck();
  await page.getByRole("button", { name: "Run sequentially" }).click();
  await page.waitForTimeout(250);
  await page.getByRole("button", { name: "Cancel" }).click();
  const [, , cancelled] = await runs(page, 3);
  expect(cancelled.outcome).toBe("cancelled");
  expect(closed(cancelled)).toHaveLength(1);
  expect(closed(cancelled)[0].t_ms).toBeGreaterThanOrEqual(200);
  await expect(page.getByRole("figure").filter({ hasText: "Sequential:" })).toContainText("connection: closed (Drop)");
  await expect(page.getByText(/Cancelled at .*: dropping the run's future ran the guard's Drop/)).toBeVisible();
  await shot(page, "context-manager");
});

test("async-methods: DataFetcher fetches users, posts and comments concurrently", async ({ page }) => {
  await open(page, "?lesson=async-methods");
  await page.getByRole("button", { name: "Run both" }).click();
  const [seq, conc] = await runs(page, 2, 20_000);
  expect(seq.wall_ms).toBeGreaterThanOrEqual(3000);
  expect(conc.wall_ms).toBeGreaterThanOrEqual(1000);
  expect(conc.wall_ms).toBeLessThan(0.75 * seq.wall_ms);
  expect(conc.tasks.map((t) => t.source)).toEqual(["service-worker", "service-worker", "service-worker"]);
  await expect(page.getByLabel("Log output")).toContainText(
    '["Data from api/delay/1000/users", "Data from api/delay/1000/posts", "Data from api/delay/1000/comments"]',
  );
  await expect(page.getByLabel("Log output")).toContainText("GET api/delay/1000/users → HTTP 200");
  await shot(page, "async-methods");
});

test("async-methods: each request is built from the fetcher's base_url", async ({ page }) => {
  // The second endpoint's own URL points elsewhere: the fetcher still requests base_url/posts.
  const tasks = ["users~fetch~300~0~api%2Fdelay%2F300%2Fusers", "posts~fetch~300~0~api%2Fdelay%2F300%2Felsewhere"].join(";");
  await open(page, `?lesson=async-methods&tasks=${tasks}`);
  await page.getByRole("button", { name: "Run concurrently" }).click();
  await runs(page, 1);
  await expect(page.getByLabel("Log output")).toContainText("GET api/delay/300/posts → HTTP 200");
  await expect(page.getByLabel("Log output")).toContainText('["Data from api/delay/300/users", "Data from api/delay/300/posts"]');
});

test("cpu-bound: a blocking loop makes timers later than a yielding one", async ({ page }) => {
  await open(page, "?lesson=cpu-bound");
  const late = (r: { tasks: { kind: string; late_ms: number | null }[] }) =>
    Math.max(...r.tasks.filter((t) => t.kind === "timer").map((t) => t.late_ms!));

  await page.getByRole("radio", { name: /Block/ }).check();
  await page.getByRole("button", { name: "Run concurrently" }).click();
  const [blocking] = await runs(page, 1);
  expect(blocking.mode).toBe("blocking");
  expect(blocking.tasks.find((t) => t.kind === "cpu")).toMatchObject({ source: "cpu", status: "ok" });
  expect(late(blocking)).toBeGreaterThanOrEqual(500);

  await page.getByRole("radio", { name: /Yield/ }).check();
  await page.getByRole("button", { name: "Run concurrently" }).click();
  const [, yielding] = await runs(page, 2);
  expect(yielding.mode).toBe("yielding");
  expect(late(yielding)).toBeLessThan(late(blocking) - 300);
  const frames = (r: { events: { label: string; what: string }[] }) => Number(r.events.find((e) => e.label === "frames")!.what.split(" ")[0]);
  expect(frames(yielding)).toBeGreaterThan(frames(blocking));
  await expect(page.getByText(/The loop yielded between slices/)).toBeVisible();
  await shot(page, "cpu-bound");
});

test("cpu-bound: Run both with a blocking loop saves only what the two wall-clocks say", async ({ page }) => {
  await open(page, "?lesson=cpu-bound");
  await page.getByRole("radio", { name: /Block/ }).check();
  await page.getByRole("button", { name: "Run both" }).click();
  const [seq, blocking] = await runs(page, 2);
  expect([seq.mode, blocking.mode]).toEqual(["sequential", "blocking"]);
  expect([seq.savings_ms, seq.speedup]).toEqual([null, null]);
  // Honest: the two wall-clocks' difference (≈ 0.4 s: the timers overlapped the loop), far below
  // what one run's task durations would claim (≈ 2 s: every timer fired late, after the loop).
  expect(blocking.savings_ms!).toBeCloseTo(seq.wall_ms - blocking.wall_ms, 0);
  expect(blocking.savings_ms!).toBeLessThan(blocking.sum_ms - blocking.wall_ms - 500);
  expect(blocking.speedup!).toBeLessThan(blocking.sum_ms / blocking.wall_ms - 0.5);
  await expect(page.getByRole("row", { name: /Saved/ }).getByRole("cell").nth(1)).toHaveText(/^-?\d+\.\d\d s$/);
});

test("each Python listing says truthfully where it comes from, and what breaks", async ({ page }) => {
  await open(page, "?lesson=cpu-bound");
  await page.getByRole("tab", { name: "Python" }).click();
  await expect(page.getByText(/^Written for this lab: the tutorial has no code for this lesson\./)).toBeVisible();
  await expect(page.getByText(/From the tutorial/)).toHaveCount(0);
  await expect(page.getByLabel("Python code")).toContainText("await asyncio.sleep(0)  # let both tasks start and arm their timers first");

  await open(page, "?lesson=context-manager");
  await page.getByRole("tab", { name: "Python" }).click();
  await expect(page.getByText(/^From the tutorial, with its indentation restored\./)).toBeVisible();
  await expect(page.getByRole("note")).toContainText("AttributeError: 'dict' object has no attribute 'close'");
  await page.getByRole("tab", { name: "Rust" }).click();
  await expect(page.getByRole("note")).toHaveCount(0);
});

test("async-fn: the Rust tab also shows the eager JS promise it contrasts with", async ({ page }) => {
  await open(page, "?lesson=async-fn");
  const fold = page.locator("details.also-runs").filter({ hasText: "Also runs: the eager JS promise" });
  await fold.locator("summary").click();
  await expect(fold.locator("pre")).toContainText("js_sys::Promise::new");
  await expect(page.locator("details.also-runs summary").filter({ hasText: "raced against its timeout" })).toBeVisible();
});
