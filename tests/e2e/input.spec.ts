// Bad input: every rejected value gets a message naming the field, the limit and the value, and nothing else breaks.
import { expect, test } from "@playwright/test";
import { open, runs } from "./helpers";

const delayCases: [string, string][] = [
  ["-5", "got -5."],
  ["abc", 'got "abc" (not a number).'],
  ["1e12", "got 1e12."],
  ["60001", "got 60001."],
  ["2147483648", "got 2147483648."],
  ["2.5", "got 2.5 (not a whole number)."],
  ["", "got an empty field."],
];

for (const [value, tail] of delayCases) {
  test(`delay ${JSON.stringify(value)} is refused with a message`, async ({ page }) => {
    await open(page, "?tasks=A~timer~100~0~;B~timer~100~0~");
    const delay = page.getByLabel("Delay in ms of task 1");
    await delay.fill(value);
    await expect(delay).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(`Delay must be a whole number of ms from 0 to 60000; ${tail}`)).toBeVisible();
    await page.getByRole("button", { name: "Run concurrently" }).click();
    await expect(page.getByRole("alert")).toContainText("Nothing ran. Task 1: Delay must be");
    // Fixing the field makes the lesson run again.
    await delay.fill("0");
    await expect(delay).toHaveAttribute("aria-invalid", "false");
    await page.getByRole("button", { name: "Run concurrently" }).click();
    const [report] = await runs(page, 1);
    expect(report.outcome).toBe("completed");
    expect(report.tasks[0].requested_ms).toBe(0);
  });
}

const urlCases: [string, string][] = [
  ["javascript:alert(1)", '"javascript:alert(1)" (scheme "javascript:").'],
  ["ftp://example.com/x", '"ftp://example.com/x" (scheme "ftp:").'],
  ["file:///etc/passwd", '"file:///etc/passwd" (scheme "file:").'],
  ["   ", "an empty field."],
];

for (const [value, tail] of urlCases) {
  test(`URL ${JSON.stringify(value)} is refused with a message`, async ({ page }) => {
    await open(page, "?tasks=A~fetch~100~0~data%2Fsample.json");
    await page.getByLabel("URL of task 1").fill(value);
    await expect(page.getByText(`URL must be an http: or https: URL or a relative path, up to 2000 characters; got ${tail}`)).toBeVisible();
  });
}

test("labels are limited and markup in them stays text", async ({ page }) => {
  await open(page, "?tasks=A~timer~50~0~");
  const label = page.getByLabel("Label of task 1");
  await label.fill("x".repeat(61));
  await expect(page.getByText("Label must be 1 to 60 characters; got 61 characters.")).toBeVisible();
  await label.fill("<img src=x onerror=alert(1)><script>alert(2)</script>");
  await page.getByRole("button", { name: "Run concurrently" }).click();
  const [report] = await runs(page, 1);
  expect(report.tasks[0].label).toBe("<img src=x onerror=alert(1)><script>alert(2)</script>");
  await expect(page.getByLabel("Log output")).toContainText("Fetching <img src=x onerror=alert(1)>");
  expect(await page.locator("main img, main script").count()).toBe(0);
});

test("task count stays between 1 and 20", async ({ page }) => {
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

const queries: [string, RegExp][] = [
  ["?lesson=nope", /There is no lesson "nope"; showing sequential-vs-concurrent/],
  ["?tasks=%ZZ", /The link's tasks could not be used \(task 1: broken percent-encoding/],
  ["?tasks=A~timer~-1~0~", /task 1: Delay must be a whole number of ms from 0 to 60000; got -1\./],
  ["?theme=pink&embed=maybe", /"theme" must be light, dark or auto; got "pink"/],
  ["?lesson=sequential-vs-concurrent&lesson=x", /"lesson" more than once/],
  ["?tasks=" + "A~timer~1~0~;".repeat(21), /1 to 20 tasks; got 21/],
  ["?" + "garbage&".repeat(12_000), /^$/],
];

for (const [query, notice] of queries) {
  test(`query ${query.slice(0, 40)} falls back and the page still works`, async ({ page }) => {
    await open(page, query);
    if (notice.source !== "^$") await expect(page.getByRole("status").filter({ hasText: notice })).toBeVisible();
    await expect(page.getByLabel("Label of task 1")).toHaveValue(/.+/);
    await page.getByRole("button", { name: "Run concurrently" }).click();
    await expect(page.getByRole("button", { name: "Cancel" })).toBeEnabled();
    await page.getByRole("button", { name: "Cancel" }).click();
    const [report] = await runs(page, 1);
    expect(report.outcome).toBe("cancelled");
  });
}
