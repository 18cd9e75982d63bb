// A panic never leaves a blank or silently dead page: the error panel says so and offers Reload.
// The trigger exists only in the test build (feature test-hooks), served on the next port.
import { expect, test } from "@playwright/test";

test("a panic shows the error panel with a Reload link", async ({ page, baseURL }) => {
  const testBuild = baseURL!.replace(/:(\d+)\/$/, (_, port) => `:${Number(port) + 1}/`);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(testBuild + "?test-panic=1");
  const panel = page.getByRole("alert").filter({ hasText: "Async Lab stopped" });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("a deliberate panic to show the error panel");
  const reload = panel.getByRole("link", { name: "Reload" });
  await expect(reload).toHaveAttribute("href", "");
  // The lesson page is still there to read, and Reload starts the app again (the address bar
  // holds the lesson's state, without the trigger).
  await expect(page.getByRole("button", { name: "Run both" })).toBeVisible();
  await reload.click();
  await expect(page.getByRole("button", { name: "Run both" })).toBeVisible();
  await page.waitForTimeout(300);
  await expect(page.getByText("Async Lab stopped")).toHaveCount(0);
  expect(page.url()).not.toContain("test-panic");
});

test("the release build has no panic trigger", async ({ page }) => {
  await page.goto("./?test-panic=1");
  await expect(page.getByRole("button", { name: "Run both" })).toBeVisible();
  await page.waitForTimeout(500);
  await expect(page.getByText("Async Lab stopped")).toHaveCount(0);
});
