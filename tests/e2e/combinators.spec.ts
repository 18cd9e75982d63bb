// race, timeout and errors in a real browser, from their RunReports and the page: what a lost
// race, a passed deadline or a sibling's error drops ends there, while JavaScript's losers run on.
import { expect, test, type Page } from "@playwright/test";
import { open, runs, type TaskReport } from "./helpers";

async function shots(page: Page, name: string) {
  await page.screenshot({ path: `tests/e2e/screenshots/lesson-${name}.png`, fullPage: true });
}

const byLabel = (tasks: TaskReport[], label: string) => tasks.find((t) => t.label === label)!;

test("race: select_all drops the Rust losers when the first answers; the JS race's losers answer later", async ({ page }) => {
  await open(page, "?lesson=race");
  await page.getByRole("button", { name: "Run both" }).click();
  const [sequential, race] = await runs(page, 2, 30_000);
  expect(sequential.mode).toBe("sequential");
  expect(sequential.tasks.map((t) => t.status)).toEqual(["ok", "ok", "ok"]);
  expect(race.mode).toBe("race");
  expect(race.outcome).toBe("completed");
  const winner = byLabel(race.tasks, "mirror B");
  expect(winner.status).toBe("ok");
  for (const label of ["mirror A", "mirror C"]) {
    const loser = byLabel(race.tasks, label);
    expect(loser.status).toBe("cancelled");
    expect(loser.detail).toBe("dropped before it finished: its request aborted");
    // Dropped with the winner's answer, not when its own would have come.
    expect(Math.abs(loser.end_ms! - winner.end_ms!)).toBeLessThan(100);
  }
  // The same race as JavaScript promises: nothing stopped its losers, which answered on their own time.
  for (const [label, ms] of [["JS mirror A", 1200], ["JS mirror B", 400], ["JS mirror C", 800]] as const) {
    const lane = byLabel(race.tasks, label);
    expect(lane.status).toBe("ok");
    expect(lane.end_ms!).toBeGreaterThanOrEqual(ms - 20);
  }
  // The program's wall-clock ends with the race; the JS losers ran on after it.
  expect(race.wall_ms).toBeLessThan(byLabel(race.tasks, "JS mirror C").end_ms!);
  expect(race.savings_ms).toBeGreaterThan(1000);
  const log = page.getByLabel("Log output");
  await expect(log).toContainText("First answer: mirror B after");
  await expect(log).toContainText("Cancelled 2 other requests");
  await expect(log).toContainText("Late answer: mirror A after");
  await expect(page.locator("p.takeaway[aria-live]")).toContainText("select_all dropped the other 2");
  await expect(page.locator("p.takeaway[aria-live]")).toContainText("2 of its losers kept their requests on the wire until 1.2");
  await shots(page, "race");
  // Replayed at 1 s, after the Rust race returned: its losers are long dropped, the JS race's
  // slowest loser is still on the wire, and its faster one has answered.
  await page.getByRole("slider", { name: "Replay position" }).fill("1000");
  await page.getByText("Timeline as a table").click();
  const row = (label: string) => page.locator("tr").filter({ has: page.getByRole("rowheader", { name: label, exact: true }) }).last();
  await expect(row("mirror A")).toContainText("cancelled");
  await expect(row("JS mirror A")).toContainText("running");
  await expect(row("JS mirror C")).toContainText("done");
});

test("timeout: the request is dropped at the deadline and its fetch aborted; in time, the deadline is dropped instead", async ({ page }) => {
  await open(page, "?lesson=timeout&deadline=500");
  await expect(page.getByLabel("Deadline in ms")).toHaveValue("500");
  await page.getByRole("button", { name: "Run both" }).click();
  const [sequential, deadline] = await runs(page, 2, 30_000);
  expect(sequential.tasks[0].status).toBe("ok");
  expect(sequential.tasks[0].end_ms!).toBeGreaterThanOrEqual(3000);
  expect(deadline.mode).toBe("deadline");
  const [request, lane] = deadline.tasks;
  expect(lane.label).toBe("deadline (slow report)");
  expect(request.status).toBe("cancelled");
  expect(request.detail).toBe("dropped before it finished: its request aborted");
  // Never before the deadline; generous after it, for a loaded machine.
  expect(request.end_ms!).toBeGreaterThanOrEqual(500);
  expect(request.end_ms!).toBeLessThan(1500);
  expect(lane.status).toBe("ok");
  await expect(page.getByLabel("Log output")).toContainText("slow report timed out after");
  await expect(page.locator("p.takeaway[aria-live]")).toContainText("The deadline (0.50 s) came first");
  await expect(page).toHaveURL(/deadline=500/);
  await shots(page, "timeout");

  await page.getByLabel("Deadline in ms").fill("5000");
  await page.getByRole("button", { name: "Run concurrently" }).click();
  const in_time = (await runs(page, 3, 30_000))[2];
  expect(in_time.tasks.map((t) => t.status)).toEqual(["ok", "cancelled"]);
  expect(in_time.tasks[1].detail).toBe("dropped before it finished: its timer cleared");
});

test("errors: fail fast drops the others at the first error, settle waits for each, in turn stops there", async ({ page }) => {
  await open(page, "?lesson=errors");
  await page.getByRole("button", { name: "Run both" }).click();
  const [sequential, fast] = await runs(page, 2, 30_000);
  expect(sequential.tasks.map((t) => t.status)).toEqual(["ok", "error", "cancelled"]);
  expect(sequential.tasks[2].start_ms).toBeNull();
  expect(fast.mode).toBe("fail-fast");
  const failed = fast.tasks[1];
  expect(failed.status).toBe("error");
  // No task finishes after the failure: the others are dropped with it.
  expect(fast.tasks.filter((t) => t.status === "ok")).toEqual([]);
  for (const other of [fast.tasks[0], fast.tasks[2]]) {
    expect(other.status).toBe("cancelled");
    expect(other.end_ms! - failed.end_ms!).toBeLessThan(100);
  }
  await expect(page.locator("p.takeaway[aria-live]")).toContainText("try_join_all returned its error at once, dropping the other 2");
  await shots(page, "errors");

  await page.getByRole("radio", { name: /Settle/ }).check();
  await expect(page).toHaveURL(/on_error=settle/);
  await page.getByRole("button", { name: "Run concurrently" }).click();
  const settle = (await runs(page, 3, 30_000))[2];
  expect(settle.mode).toBe("settle");
  expect(settle.tasks.map((t) => t.status)).toEqual(["ok", "error", "ok"]);
  expect(settle.tasks[2].end_ms!).toBeGreaterThanOrEqual(1500);
  await expect(page.getByLabel("Log output")).toContainText("load avatar: failed");
  await expect(page.locator("p.takeaway[aria-live]")).toContainText("join_all waited for all 3: 2 succeeded and 1 failed");
});

/** How many of `tasks` were in flight at the moment each one started (the one starting included). */
const inFlightAtStarts = (tasks: TaskReport[]) =>
  tasks.map((t) => tasks.filter((o) => o.start_ms! <= t.start_ms! && t.start_ms! < o.end_ms!).length);

test("limit: never more than N in flight, and each request starts as soon as one ends (a sliding window)", async ({ page }) => {
  await open(page, "?lesson=limit");
  await expect(page.getByText("six HTTP/1.1 connections per host")).toBeVisible();
  await page.getByRole("button", { name: "Run both" }).click();
  const [sequential, limited] = await runs(page, 2, 30_000);
  expect(Math.max(...inFlightAtStarts(sequential.tasks))).toBe(1);
  expect(limited.mode).toBe("limit");
  expect(limited.events).toContainEqual(expect.objectContaining({ label: "buffer_unordered", what: "at most 3 in flight" }));
  expect(Math.max(...inFlightAtStarts(limited.tasks))).toBe(3);
  // Every request after the first three starts when another ends, within a few ms (generous for a
  // loaded machine): never when a whole batch has ended.
  for (const task of limited.tasks.slice(3)) {
    const freed = limited.tasks.filter((o) => o !== task && o.end_ms! <= task.start_ms! + 1).map((o) => task.start_ms! - o.end_ms!);
    expect(Math.min(...freed), `${task.label} started ${task.start_ms} ms`).toBeLessThan(60);
  }
  // request 4 takes the slot request 2 (200 ms) freed; in batches it would wait for request 1 (600 ms).
  expect(limited.tasks[3].start_ms!).toBeLessThan(limited.tasks[0].end_ms! - 200);
  await expect(page.locator("p.takeaway[aria-live]")).toContainText("At most 3 in flight, each request starting as soon as one ended");
  await shots(page, "limit");

  await page.getByLabel("Most requests in flight at once").fill("5");
  await expect(page).toHaveURL(/limit=5/);
  await page.getByRole("button", { name: "Run concurrently" }).click();
  const five = (await runs(page, 3, 30_000))[2];
  expect(Math.max(...inFlightAtStarts(five.tasks))).toBe(5);
});

test("as-completed: the log handles results in completion order; in turn, in submission order", async ({ page }) => {
  await open(page, "?lesson=as-completed");
  await page.getByRole("button", { name: "Run both" }).click();
  const [sequential, completed] = await runs(page, 2, 30_000);
  expect(completed.mode).toBe("as-completed");
  const byEnd = [...completed.tasks].sort((a, b) => a.end_ms! - b.end_ms!).map((t) => t.label);
  expect(byEnd).toEqual(["report B", "report C", "report A"]);
  const log = ((await page.getByLabel("Log output").textContent()) ?? "").split("\n").filter((l) => l.includes(" handled at "));
  const handled = log.map((l) => l.replace(/^\[[^\]]*\] /, "").split(" handled")[0]);
  // The sequential run's lines first (submission order), then the concurrent run's (completion order).
  expect(handled).toEqual(["report A", "report B", "report C", ...byEnd]);
  expect(sequential.tasks.map((t) => t.status)).toEqual(["ok", "ok", "ok"]);
  await expect(page.locator("p.takeaway[aria-live]")).toContainText("Handled as each arrived: report B at");
  await shots(page, "as-completed");
});

for (const scheme of ["light", "dark"] as const) {
  test(`the lessons beyond the tutorial after Run both, ${scheme}`, async ({ context }) => {
    for (const lesson of ["race", "timeout", "errors", "limit", "as-completed"]) {
      // A page each: open() registers its report listener once per page.
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await open(page, `?lesson=${lesson}`);
      await page.getByRole("button", { name: "Run both" }).click();
      await runs(page, 2, 30_000);
      await page.screenshot({ path: `tests/e2e/screenshots/lesson-${lesson}-${scheme}.png` });
      await page.close();
    }
  });
}

for (const lesson of ["race", "timeout", "errors", "limit", "as-completed"]) {
  test(`${lesson}: autorun=1 runs Run both without a click`, async ({ page }) => {
    await open(page, `?lesson=${lesson}&embed=1&autorun=1`);
    const [sequential, concurrent] = await runs(page, 2, 30_000);
    expect(sequential.mode).toBe("sequential");
    expect(concurrent.mode).toBe({ race: "race", timeout: "deadline", errors: "fail-fast", limit: "limit", "as-completed": "as-completed" }[lesson]);
    expect(concurrent.savings_ms).not.toBeNull();
  });
}
