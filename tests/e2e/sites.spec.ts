// Real docs sites, built by tests/sites/build.sh with pinned generators (Sphinx + Furo, MkDocs +
// Material, mdBook), each embedding two lessons with README's snippet for it, served on another
// site than the app: posters ask the app for nothing but embed.js until clicked, a loaded frame
// fits its content and follows the site's own theme toggle live, the page prints as a clean
// summary, and the console stays quiet.
import { expect, test, type Page } from "@playwright/test";
import { CONTROLS, pdfText } from "./helpers";

type Site = { name: string; page: string; dark: (page: Page) => Promise<unknown>; light: (page: Page) => Promise<unknown>; sameOrigin?: boolean };

/** Clicks Furo's toggle (auto → light → dark, or from wherever it stands) until the body says `theme`. */
const furo = (theme: string) => async (page: Page) => {
  for (let i = 0; i < 3 && (await page.locator("body").getAttribute("data-theme")) !== theme; i++) {
    await page.locator(".theme-toggle:visible").first().click();
  }
};
/** mdBook: the theme menu, then a theme in it (clicked in the page: its open menu covers the
 * toggle for a pointer until focus leaves it). */
const mdbook = (theme: string) => (page: Page) =>
  page.evaluate((theme) => {
    document.getElementById("theme-toggle")!.click();
    document.getElementById(theme)!.click();
  }, theme);

const SITES: Site[] = [
  { name: "sphinx", page: "sphinx/index.html", dark: furo("dark"), light: furo("light") },
  // Self-hosted under the site's /lab/ (html_extra_path): the app on the page's own origin.
  { name: "sphinx-lab", page: "sphinx-lab/index.html", dark: furo("dark"), light: furo("light"), sameOrigin: true },
  { name: "mkdocs", page: "mkdocs/index.html", dark: (p) => p.getByTitle("Switch to dark mode").click(), light: (p) => p.getByTitle("Switch to light mode").click() },
  { name: "mdbook", page: "mdbook/together.html", dark: mdbook("coal"), light: mdbook("light") },
];

const SANDBOX = "An iframe which has both allow-scripts and allow-same-origin for its sandbox attribute can escape its sandboxing.";

/** The embed's card background, summed: dark is well under 200. */
const card = (page: Page) =>
  page.frameLocator("#first > iframe").locator(".lab").evaluate((lab) => getComputedStyle(lab).backgroundColor.match(/\d+/g)!.slice(0, 3).map(Number).reduce((a, b) => a + b));


for (const site of SITES) {
  for (const width of [1280, 390]) {
    test(`${site.name} at ${width} px: posters, a fitted frame, the site's theme live, print, a quiet console`, async ({ page, baseURL }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: "light" });
      const host = site.sameOrigin ? baseURL! : baseURL!.replace("127.0.0.1", "localhost");
      // The app's own files: on another site its origin; self-hosted, the site's lab/ folder.
      const app = site.sameOrigin ? new URL("sites/sphinx-lab/lab/", baseURL!).href : new URL(baseURL!).origin;
      const asked: string[] = [];
      const said: string[] = [];
      page.on("request", (r) => r.url().startsWith(app) && asked.push(new URL(r.url()).pathname.replace(/^.*\//, "/")));
      page.on("console", (m) => {
        if (m.type() !== "log" && !m.location().url.endsWith("/favicon.ico")) said.push(m.text());
      });
      await page.goto(host + "sites/" + site.page);
      await expect(page.locator("async-lab > .async-lab-poster")).toHaveCount(2);
      await page.waitForTimeout(500);
      expect(asked).toEqual(["/embed.js"]);

      // Printed before any run: the posters' summaries, no control.
      let text = await pdfText(page);
      expect(text).toContain("Sequential vs concurrent (Async Lab)");
      expect(text).toContain("Not run yet. This page's tasks: A (timer, 300 ms), B (timer, 100 ms), C (timer, 200 ms).");
      for (const label of CONTROLS) expect(text, label).not.toContain(label);

      await page.locator("#first").getByRole("button", { name: "Run both" }).click();
      const frame = page.frameLocator("#first > iframe");
      await expect(frame.locator(".takeaway")).toContainText("faster", { timeout: 30_000 });
      expect(asked.some((path) => path.endsWith(".wasm"))).toBe(true);
      // Sized to its content: the card fills the frame, nothing cut, no inner scrollbar.
      const [outer, inner] = [
        await page.locator("#first > iframe").evaluate((f) => f.getBoundingClientRect().height),
        await frame.locator("html").evaluate((html) => Math.ceil(html.getBoundingClientRect().height)),
      ];
      expect(outer).toBeGreaterThan(300);
      expect(Math.abs(outer - inner)).toBeLessThanOrEqual(1);

      // The site's own toggle, followed within a second, results kept.
      expect(await card(page)).toBeGreaterThan(600);
      await site.dark(page);
      await expect.poll(() => card(page), { timeout: 1000 }).toBeLessThan(200);
      await page.screenshot({ path: `tests/e2e/screenshots/site-${site.name}-${width}-dark.png` });
      await site.light(page);
      await expect.poll(() => card(page), { timeout: 1000 }).toBeGreaterThan(600);
      await expect(frame.locator(".takeaway")).toContainText("faster");
      await page.locator("#first").scrollIntoViewIfNeeded();
      await page.screenshot({ path: `tests/e2e/screenshots/site-${site.name}-${width}-light.png` });

      // Printed after the run: its figures, still no control.
      text = await pdfText(page);
      expect(text).toMatch(/Concurrent: \d+\.\d\d s measured, \d+\.\d\d s expected: \d+\.\d\d s saved, \d+\.\d× faster\./);
      for (const label of CONTROLS) expect(text, label).not.toContain(label);

      // On another site only the browser's sandbox warning for the frame (README explains it);
      // self-hosted, nothing at all: the frame has no sandbox to warn about.
      expect([...new Set(said)].filter((s) => site.sameOrigin || s !== SANDBOX)).toEqual([]);
      if (site.sameOrigin) expect(await page.locator("#first > iframe").getAttribute("sandbox")).toBeNull();
    });
  }
}
