// The app under a strict Content-Security-Policy: every lesson loads and runs with no violation.
import { expect, test } from "@playwright/test";
import { cspViolations, open, runs } from "./helpers";

test("the page is served with the strict policy and has no inline script", async ({ request }) => {
  const response = await request.get("./");
  expect(response.headers()["content-security-policy"]).toContain("script-src 'self' 'wasm-unsafe-eval'");
  const html = await response.text();
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).not.toMatch(/\sstyle="/);
  // The built page carries the policy itself, for hosts that send no header.
  const header = response.headers()["content-security-policy"];
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${header}">`);
});

const lessons = ["sequential-vs-concurrent", "async-fn", "gather", "api-requests", "context-manager", "async-methods", "cpu-bound"];

for (const lesson of lessons) {
  test(`${lesson} runs under the strict policy with no violation`, async ({ page }) => {
    await open(page, `?lesson=${lesson}`);
    await page.getByRole("button", { name: "Run concurrently" }).click();
    const [report] = await runs(page, 1, 20_000);
    expect(["completed", "failed"]).toContain(report.outcome);
    await page.getByRole("tab", { name: "Python" }).click();
    await page.getByText("Timeline as a table").click();
    expect(await cspViolations(page)).toEqual([]);
  });
}
