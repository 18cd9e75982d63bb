// The trace on the lanes: once a run ends, each lane shows its polls as marks on the lighter
// waiting bar, the wakes that caused them, and its facts as a tooltip.
import { expect, test, type Page } from "@playwright/test";
import { open, pngPixels, runs, timers } from "./helpers";

/** A lane's occupancy: columns as bars "M{left} {top}V{bottom}H{right}V{top}Z", none where the
 *  thread's time there was too short to show. */
const BARS = /^(M[\d.]+ [\d.]+V[\d.]+H[\d.]+V[\d.]+Z)*$/;

/** A time as the lanes print it, in ms: "< 0.1 ms" reads as 0. */
const ms = (text: string) => (text.startsWith("<") ? 0 : Number(/[\d.]+/.exec(text)![0]));

/** The first timeline's thread lane, "ran our futures 0.4 ms of 603.2 ms · drew the lab 3.1 ms",
 *  and its facts on hover, "idle 590.2 ms · no long frames" or "… · long frames: 1, 412.3 ms", as
 *  numbers in ms; its marks
 *  and the tooltip that says what it cannot observe are checked too. */
async function threadLane(page: Page) {
  const lane = page.locator(".timeline:not([hidden]) .lane.thread").first();
  // The trace lands a moment after the report (the browser's report of the last frame).
  await expect(lane.locator(".marks")).toHaveCount(1);
  const state = (await lane.locator(".lane-state").textContent()) ?? "";
  const parts = /^ran our futures ((?:< )?[\d.]+ ms) of ([\d.]+) ms · drew the lab ((?:< )?[\d.]+ ms)$/.exec(state);
  expect(parts, state).not.toBeNull();
  expect(await lane.locator(".marks title").textContent()).toContain("Not measured: the browser's style, layout, paint and other work outside long frames");
  expect(await lane.locator("path.poll").getAttribute("d")).toMatch(BARS);
  // Hovering the lane shows its facts in place of its state.
  await expect(lane.locator(".facts")).toBeHidden();
  // Whatever is drawn at its middle (the track, or a mark over it) belongs to the lane.
  await lane.locator("rect.track").hover({ force: true });
  await expect(lane.locator(".lane-state")).toBeHidden();
  const facts = (await lane.locator(".facts").textContent()) ?? "";
  const more = /^idle ((?:< )?[\d.]+ ms) · (?:no long frames|long frames: (\d+), ((?:< )?[\d.]+ ms))$/.exec(facts);
  expect(more, facts).not.toBeNull();
  await page.mouse.move(0, 0);
  return { busy: ms(parts![1]), wall: Number(parts![2]), drew: ms(parts![3]), idle: ms(more![1]), longFrames: Number(more![2] ?? 0), long: more![3] ? ms(more![3]) : 0 };
}

test("two concurrent timers: each lane shows brief polls, the wake of its timer, and the waiting between", async ({ page }) => {
  await open(page, "?" + timers(["Data 1", 600], ["Data 2", 600]));
  await page.getByRole("button", { name: "Run concurrently" }).click();
  await runs(page, 1);
  const lanes = page.locator(".timeline .lane.traced");
  await expect(lanes).toHaveCount(2);
  for (let i = 0; i < 2; i++) {
    const facts = await lanes.nth(i).locator(".marks title").textContent();
    // The first poll, then the one its own timer's wake caused (or join_all's re-poll that found
    // it ready when a sibling's wake came first), and about 600 ms of waiting between.
    const parts = /^[23] polls( \(1 not woken: the combinator polled it\))?, (< 0\.1 ms|\d+\.\d ms) in poll, (\d+\.\d) ms waiting, [01] wakes?$/.exec(facts ?? "");
    expect(parts, facts ?? "").not.toBeNull();
    // No upper bound: a loaded machine fires a timer late, and the lane then waits longer.
    expect(Number(parts![3])).toBeGreaterThanOrEqual(500);
    expect(await lanes.nth(i).locator("path.poll").getAttribute("d")).toMatch(BARS);
  }
  // The thread lane: our futures took the one thread a sliver of the run, drawing the lab some
  // more (the bars grew every frame); it was idle most of the rest.
  const thread = await threadLane(page);
  // Generous: a loaded machine can preempt a poll (the blocking test below holds the thread ≥ 400 ms of ~420).
  expect(thread.busy).toBeLessThan(0.2 * thread.wall);
  expect(thread.wall).toBeGreaterThanOrEqual(600);
  expect(thread.drew).toBeGreaterThan(0);
  // Idle a good part of the run; on a loaded machine drawing the growing bars takes more of it
  // (a fresh-clone CI run saw 290 ms idle of 664), so a quarter, not a half.
  expect(thread.idle).toBeGreaterThan(0.25 * thread.wall);
  expect(thread.idle).toBeLessThanOrEqual(thread.wall - thread.busy);
  expect(await page.locator(".timeline:not([hidden]) .lane.thread path.draw").first().getAttribute("d")).toMatch(BARS);
  // The same facts for keyboard and screen-reader users: the timeline table's last column and the
  // thread's line under it.
  await page.getByText("Timeline as a table").click();
  const table = page.locator("details.timeline-table table");
  for (let i = 0; i < 2; i++) {
    const facts = await lanes.nth(i).locator(".marks title").textContent();
    await expect(table.getByRole("row", { name: new RegExp(`Data ${i + 1}`) }).getByRole("cell").last()).toHaveText(facts!);
  }
  await expect(page.locator("details.timeline-table p.fine")).toHaveText(/^The one thread ran our futures (< )?[\d.]+ ms of [\d.]+ ms · drew the lab (< )?[\d.]+ ms \(Leptos updating the page\); idle (< )?[\d.]+ ms · .+\. Not measured: .+\.$/);
  // The first task is always woken by its own timer: its wake is drawn.
  expect(await lanes.nth(0).locator("path.wake").getAttribute("d")).toMatch(/^M[\d.]+ 0V1000$/);
  await page.locator(".timeline:not([hidden])").first().screenshot({ path: "tests/e2e/screenshots/trace-concurrent.png" });
});

test("a blocking loop is one long poll, and the timer beside it is polled only after", async ({ page }) => {
  await open(page, "?lesson=cpu-bound&tasks=" + ["Timer~timer~50~0~", "Busy%20loop~cpu~400~0~"].join(";"));
  await page.getByRole("button", { name: "Run concurrently" }).click();
  await runs(page, 1, 20_000);
  const lanes = page.locator(".timeline .lane.traced");
  await expect(lanes).toHaveCount(2);
  const loop = await lanes.nth(1).locator(".marks title").textContent();
  expect(loop).toMatch(/^1 poll, (4\d\d|[5-9]\d\d|\d{4})\.\d ms in poll/);
  const timer = await lanes.nth(0).locator(".marks title").textContent();
  // The timer's wake waited behind the loop; its polls themselves were brief.
  expect(timer).toMatch(/^2 polls, /);
  // The thread lane: the loop's one poll held the thread for at least its 400 ms of work, and the
  // browser reported that frame as long (Chromium reports long animation frames).
  const thread = await threadLane(page);
  expect(thread.busy).toBeGreaterThanOrEqual(400);
  expect(thread.longFrames).toBeGreaterThanOrEqual(1);
  expect(thread.long).toBeGreaterThanOrEqual(400);
  expect(await page.locator(".timeline:not([hidden]) .lane.thread path.long").first().getAttribute("d")).toMatch(/^(M[\d.]+ 0H[\d.]+V1000H[\d.]+Z)+$/);
  // The blocked thread looks blocked: the lane is painted for the loop's time, and no more than
  // twice it (the picture is as true as the numbers).
  const { painted, busy } = await paintedShare(page);
  expect(painted).toBeGreaterThan(0.5 * busy);
  expect(painted).toBeLessThanOrEqual(2 * busy + 0.02);
  await page.locator(".timeline:not([hidden])").first().screenshot({ path: "tests/e2e/screenshots/trace-blocking.png" });
});

/** How much of the first timeline's Thread lane is painted, from a screenshot: each pixel's share
 *  of the way from the track's colour to the nearest mark colour (a bar a pixel covers half counts
 *  half), averaged; and the share of the run the lane's words say the thread was busy (our futures
 *  and drawing the lab). */
async function paintedShare(page: Page): Promise<{ painted: number; busy: number }> {
  const thread = await threadLane(page);
  const lane = page.locator(".timeline:not([hidden]) .lane.thread").first();
  // The axis's ticks cross every lane: hidden for the count (through the CSSOM, which the page's policy allows).
  await page.evaluate(() => document.querySelectorAll<SVGElement>(".timeline .axis").forEach((g) => (g.style.display = "none")));
  const colours = await lane.evaluate((g) =>
    ["rect.track", "path.poll", "path.draw", "path.long"].map((s) => getComputedStyle(g.querySelector(s)!)[s === "path.long" ? "stroke" : "fill"]),
  );
  const [track, ...marks] = colours.map((c) => c.match(/\d+/g)!.slice(0, 3).map(Number));
  const box = (await lane.locator("rect.track").boundingBox())!;
  // The whole pixels of the track, inside its rounded ends: bars stand on its bottom edge.
  const [top, bottom] = [Math.ceil(box.y), Math.floor(box.y + box.height)];
  const png = pngPixels(await page.screenshot({ clip: { x: Math.ceil(box.x) + 4, y: top, width: Math.floor(box.width) - 8, height: bottom - top } }));
  const distance = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
  let sum = 0;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const pixel = png.rgb(x, y);
      const nearest = marks.reduce((best, m) => (distance(pixel, m) < distance(pixel, best) ? m : best));
      sum += Math.min(1, distance(pixel, track) / distance(nearest, track));
    }
  }
  const painted = sum / (png.width * png.height);
  const busy = (thread.busy + thread.drew) / thread.wall;
  test.info().annotations.push({ type: "thread lane", description: `painted ${(100 * painted).toFixed(2)} % of its track, busy ${(100 * busy).toFixed(2)} % of the run` });
  return { painted, busy };
}

test("two concurrent 2 s timers: the Thread lane paints no more than the thread's measured share", async ({ page }) => {
  await open(page, "?" + timers(["Data 1", 2000], ["Data 2", 2000]));
  await page.getByRole("button", { name: "Run concurrently" }).click();
  await runs(page, 1);
  const { painted, busy } = await paintedShare(page);
  // A thread busy a few per cent of the run looks a few per cent busy, never "busy all along".
  expect(painted).toBeLessThanOrEqual(2 * busy + 0.02);
  expect(busy).toBeLessThan(0.25);
});

test("a lane takes keyboard focus and then shows its facts in place of its state", async ({ page }) => {
  await open(page, "?" + timers(["Data 1", 300], ["Data 2", 300]));
  await page.getByRole("button", { name: "Run concurrently" }).click();
  await runs(page, 1);
  const lane = page.locator(".timeline .lane.traced").first();
  const marks = lane.locator(".marks");
  await expect(marks).toHaveAttribute("tabindex", "0");
  // The first run folded the editor, so the lanes moved up under the pointer: move it away.
  await page.mouse.move(0, 0);
  await expect(lane.locator(".facts")).toBeHidden();
  // Tab from the control before the timeline until a lane has focus.
  await page.locator(".timeline:not([hidden]) figcaption").first().click();
  for (let i = 0; i < 4 && !(await marks.evaluate((m) => m.ownerDocument.activeElement?.closest(".lane.traced") !== null)); i++) await page.keyboard.press("Tab");
  await expect(page.locator(".lane.traced .marks:focus")).toHaveCount(1);
  const focused = page.locator(".lane.traced:focus-within");
  await expect(focused.locator(".facts")).toBeVisible();
  await expect(focused.locator(".facts")).toHaveText(/^[23] polls/);
  await expect(focused.locator(".lane-state")).toBeHidden();
  // Its accessible name is the same facts.
  await expect(page.getByRole("img", { name: /^[23] polls/ }).first()).toBeVisible();
});
