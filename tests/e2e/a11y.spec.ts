// Accessibility and looks: keyboard-only use, axe-core scans, and screenshots in light, dark and narrow layouts.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { open, runs, timers } from "./helpers";

/** Presses Tab until the focused element has this accessible name (as a label, text or aria-label). */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? el.getAttribute("aria-label") ?? el.textContent?.trim() ?? "" : "";
    });
    if (focused === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

test("the whole lesson works from the keyboard alone", async ({ page }) => {
  await open(page);
  // Timers near a second: the bound on the concurrent run below leaves room for a loaded machine's stall.
  await tabTo(page, "Delay in ms of task 1");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("900");
  await tabTo(page, "Delay in ms of task 2");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("900");
  await tabTo(page, "Add task");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Label of task 3")).toBeVisible();
  await tabTo(page, "Delay in ms of task 3");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("600");
  await tabTo(page, "Run both");
  await page.keyboard.press("Enter");
  const [seq, conc] = await runs(page, 2);
  expect(seq.tasks.map((t) => t.requested_ms)).toEqual([900, 900, 600]);
  expect(conc.wall_ms).toBeLessThan(0.75 * seq.wall_ms);
  // The code panel's tabs follow the arrow keys.
  await tabTo(page, "Rust");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "Python" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel")).toContainText("await asyncio.sleep(delay)  # Non-blocking");
});

for (const scheme of ["light", "dark"] as const) {
  test(`axe finds no violations (${scheme}), before and after a run`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page, "?" + timers(["Data 1", 200], ["Data 2", 200]));
    const before = await new AxeBuilder({ page }).analyze();
    expect(before.violations).toEqual([]);
    await page.getByRole("button", { name: "Run both" }).click();
    await runs(page, 2);
    await page.getByText("Timeline as a table").click();
    const after = await new AxeBuilder({ page }).analyze();
    expect(after.violations).toEqual([]);
  });
}

const shots = [
  { name: "light-wide", scheme: "light", width: 1280 },
  { name: "dark-wide", scheme: "dark", width: 1280 },
  { name: "light-narrow", scheme: "light", width: 320 },
  { name: "dark-narrow", scheme: "dark", width: 320 },
] as const;

for (const shot of shots) {
  test(`screenshot ${shot.name} after Run both, with no horizontal scrolling`, async ({ page }) => {
    await page.setViewportSize({ width: shot.width, height: 900 });
    await page.emulateMedia({ colorScheme: shot.scheme });
    await open(page, "?" + timers(["Data 1", 600], ["Data 2", 600]));
    await page.getByRole("button", { name: "Run both" }).click();
    await runs(page, 1);
    // Mid-run: the concurrent lanes are growing.
    await page.waitForTimeout(250);
    await page.screenshot({ path: `tests/e2e/screenshots/${shot.name}-running.png` });
    await runs(page, 2);
    await page.screenshot({ path: `tests/e2e/screenshots/${shot.name}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
