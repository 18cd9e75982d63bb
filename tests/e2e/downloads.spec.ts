// A finished run's files: Download trace writes Chrome Trace Event JSON that Perfetto and Chrome
// DevTools open, Download report the RunReport the page's event carried; an embed, whose sandbox
// blocks downloads, links to the full app instead.
import { expect, test, type Download, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { open, runs, timers } from "./helpers";

type TraceEvent = { ph: string; name: string; cat?: string; pid: number; tid: number; ts?: number; dur?: number; id?: number; args?: Record<string, unknown> };

async function save(page: Page, figure: string, name: string): Promise<[Download, unknown]> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("figure").filter({ hasText: figure }).getByRole("button", { name }).click(),
  ]);
  return [download, JSON.parse(readFileSync(await download.path(), "utf8"))];
}

/** What Perfetto needs, checked without it: whole µs, named threads, complete events on a thread
 *  nested or apart (never half overlapping), every async begin matched by an end. */
function validate(events: TraceEvent[]): void {
  const named = new Set(events.filter((e) => e.ph === "M" && e.name === "thread_name").map((e) => e.tid));
  const spans = new Map<number, [number, number][]>();
  const open = new Map<string, number>();
  for (const e of events.filter((e) => e.ph !== "M")) {
    expect(["X", "i", "b", "e"], JSON.stringify(e)).toContain(e.ph);
    expect(Number.isInteger(e.ts) && e.ts! >= 0, `ts in whole µs: ${JSON.stringify(e)}`).toBe(true);
    expect(named.has(e.tid), `thread ${e.tid} is named`).toBe(true);
    if (e.ph === "X") {
      expect(Number.isInteger(e.dur) && e.dur! >= 0, `dur in whole µs: ${JSON.stringify(e)}`).toBe(true);
      spans.set(e.tid, [...(spans.get(e.tid) ?? []), [e.ts!, e.ts! + e.dur!]]);
    }
    if (e.ph === "b" || e.ph === "e") {
      const key = `${e.cat}/${e.id}`;
      open.set(key, (open.get(key) ?? 0) + (e.ph === "b" ? 1 : -1));
    }
  }
  for (const [tid, list] of spans) {
    list.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const stack: number[] = [];
    for (const [start, end] of list) {
      while (stack.length && stack.at(-1)! <= start) stack.pop();
      expect(stack.length === 0 || end <= stack.at(-1)!, `thread ${tid}: [${start}, ${end}] half overlaps its parent`).toBe(true);
      stack.push(end);
    }
  }
  for (const [key, n] of open) expect(n, `async span ${key} is matched`).toBe(0);
}

test("Download trace saves a valid Chrome trace with a thread per task; Download report saves the event's RunReport", async ({ page }) => {
  await open(page, "?" + timers(["Data 1", 400], ["Data 2", 200]));
  await page.getByRole("button", { name: "Run concurrently" }).click();
  const [report] = await runs(page, 1);

  const [traceFile, trace] = await save(page, "Concurrent:", "Download trace");
  expect(traceFile.suggestedFilename()).toBe(`async-lab-sequential-vs-concurrent-run-${report.run_id}-concurrent.trace.json`);
  const events = (trace as { traceEvents: TraceEvent[] }).traceEvents;
  validate(events);
  const threads = events.filter((e) => e.ph === "M" && e.name === "thread_name").map((e) => e.args!.name);
  expect(threads).toEqual(["the JS thread (our futures, drawing the lab, long frames)", "spawned future (spawn_local)", "task 1: Data 1", "task 2: Data 2"]);
  // Each task: polls on its own thread, the last one Ready, and waiting that matches its timer.
  for (const [index, delay] of [[0, 400], [1, 200]]) {
    const tid = events.find((e) => e.args?.name === `task ${index + 1}: Data ${index + 1}`)!.tid;
    const polls = events.filter((e) => e.tid === tid && e.name === "poll");
    expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(polls.at(-1)!.args!.result).toBe("ready");
    const waited = events.filter((e) => e.tid === tid && e.name === "waiting").reduce((sum, e) => sum + e.dur!, 0);
    expect(waited).toBeGreaterThanOrEqual(delay * 1000 * 0.9);
  }
  expect(events.some((e) => e.ph === "i" && e.name === "wake")).toBe(true);

  const [reportFile, saved] = await save(page, "Concurrent:", "Download report");
  expect(reportFile.suggestedFilename()).toBe(`async-lab-sequential-vs-concurrent-run-${report.run_id}-concurrent.report.json`);
  expect(saved).toEqual(report);
});

test("before a run ends there is nothing to download; an embed, whose sandbox blocks downloads, offers them through the full app", async ({ page }) => {
  await open(page, "?" + timers(["Slow", 1500]));
  await page.getByRole("button", { name: "Run concurrently" }).click();
  await expect(page.getByRole("button", { name: "Cancel" })).toBeEnabled();
  await expect(page.getByRole("button", { name: "Download trace" })).toHaveCount(0);
  await runs(page, 1);
  await expect(page.getByRole("button", { name: "Download trace" })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Download report" })).toHaveCount(1);

  await open(page, "?embed=1&" + timers(["A", 200]));
  await page.getByRole("button", { name: "Run concurrently" }).click();
  await runs(page, 1);
  await expect(page.getByRole("button", { name: /^Download/ })).toHaveCount(0);
  await expect(page.getByText("Open in Async Lab ↗ for the code and downloads")).toBeVisible();
  const link = page.getByRole("link", { name: "Open in Async Lab ↗" });
  await expect(link).toHaveAttribute("href", /\?(.*&)?tasks=A~timer~200/);
  await expect(link).not.toHaveAttribute("href", /embed=1/);
});
