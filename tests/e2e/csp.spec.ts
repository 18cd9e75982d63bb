// The app under a strict Content-Security-Policy: every lesson loads and runs with no violation.
import { expect, test } from "@playwright/test";
import { cspViolations, open, runs } from "./helpers";
import { LESSONS } from "./lessons";

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

for (const lesson of LESSONS) {
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

test("from a host that sends no header, the meta policy alone applies and every lesson runs under it", async ({ page }) => {
  // The page as a static host without headers would serve it: the same bytes, no policy header.
  await page.route(/\/(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers["content-security-policy"];
    await route.fulfill({ response, headers });
  });
  for (const [i, lesson] of LESSONS.entries()) {
    // open() registers the page's listeners once; later lessons are plain navigations.
    if (i === 0) await open(page, `?lesson=${lesson}`);
    else await page.goto(`./?lesson=${lesson}`);
    await expect(page.getByRole("button", { name: "Run concurrently" })).toBeVisible();
    // The policy is in force: an inline script is refused.
    const blocked = await page.evaluate(() => {
      (window as any).__inline = false;
      const script = document.createElement("script");
      script.textContent = "window.__inline = true";
      document.head.append(script);
      return !(window as any).__inline;
    });
    expect(blocked).toBe(true);
    const inline = await cspViolations(page);
    expect(inline).toHaveLength(1);
    expect(inline[0]).toMatch(/^script-src/);
    await page.getByRole("button", { name: "Run concurrently" }).click();
    const [report] = await runs(page, 1, 20_000);
    expect(["completed", "failed"]).toContain(report.outcome);
    expect(await cspViolations(page)).toEqual(inline);
  }
});
