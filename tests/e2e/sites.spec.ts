// Real docs sites, built by tests/sites/build.sh with pinned generators (Sphinx with Furo,
// sphinx-rtd-theme and pydata-sphinx-theme, MkDocs + Material, mdBook, Docusaurus, VitePress), each
// embedding lessons with README's recipe for it, served on another site than the app: posters ask
// the app for nothing but embed.js until clicked and hold the frame's height, each frame loads
// once, nothing shifts, a loaded frame fits its content and follows the site's own theme toggle
// live, the page prints as a clean summary, the console stays quiet, and on the two sites that
// route in the browser a page reached by an in-site link gets its embed.
import { expect, test, type Page } from "@playwright/test";
import { CONTROLS, pdfText } from "./helpers";

type Toggle = (theme: "light" | "dark") => (page: Page) => Promise<unknown>;
type Site = {
  name: string;
  page: string;
  /** The site's light/dark toggle; none: the theme has none (sphinx-rtd-theme). */
  toggle?: Toggle;
  /** The app is self-hosted in the site (same origin). */
  sameOrigin?: boolean;
  /** `#second` loads as it nears the viewport instead of by a click (the hydrating generators). */
  eager?: boolean;
  /** An in-site link to a page with `#third`, followed by the site's client-side router. */
  next?: string;
};

/** Clicks Furo's toggle (auto → light → dark, or from wherever it stands) until the body says `theme`. */
const furo: Toggle = (theme) => async (page) => {
  for (let i = 0; i < 3 && (await page.locator("body").getAttribute("data-theme")) !== theme; i++) {
    await page.locator(".theme-toggle:visible").first().click();
  }
};
/** mdBook: the theme menu, then a theme in it (clicked in the page: its open menu covers the
 * toggle for a pointer until focus leaves it). */
const mdbook: Toggle = (theme) => (page) =>
  page.evaluate((theme) => {
    document.getElementById("theme-toggle")!.click();
    document.getElementById(theme === "dark" ? "coal" : "light")!.click();
  }, theme);
/** pydata-sphinx-theme: its colour mode menu's entry (clicked in the page: the menu is closed). */
const pydata: Toggle = (theme) => async (page) => {
  await page.evaluate((theme) => (document.querySelector(`.theme-change-button[data-mode="${theme}"]`) as HTMLElement).click(), theme);
  await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
};
/** A toggle that cycles the site's modes (Docusaurus: system, light, dark; VitePress), clicked
 * until the root says `theme` in its `data-theme` or, for VitePress, its `dark` class. At 390 px
 * some sit in a closed menu, so the button is clicked in the page, as a keyboard would. */
const cycling =
  (button: string): Toggle =>
  (theme) =>
  async (page) => {
    const now = () =>
      page.evaluate(() => {
        const root = document.documentElement;
        return root.getAttribute("data-theme") ?? (root.classList.contains("dark") ? "dark" : "light");
      });
    for (let i = 0; i < 3 && (await now()) !== theme; i++) await page.evaluate((b) => (document.querySelector(b) as HTMLElement).click(), button);
    expect(await now()).toBe(theme);
  };

const SITES: Site[] = [
  { name: "sphinx", page: "sphinx/index.html", toggle: furo },
  { name: "sphinx-rtd", page: "sphinx-rtd/index.html" },
  { name: "sphinx-pydata", page: "sphinx-pydata/index.html", toggle: pydata },
  // Self-hosted under the site's /lab/ (html_extra_path): the app on the page's own origin.
  { name: "sphinx-lab", page: "sphinx-lab/index.html", toggle: furo, sameOrigin: true },
  { name: "mkdocs", page: "mkdocs/index.html", toggle: (theme) => (p) => p.getByTitle(`Switch to ${theme} mode`).click() },
  { name: "mdbook", page: "mdbook/together.html", toggle: mdbook },
  { name: "docusaurus", page: "docusaurus/", toggle: cycling('button[aria-label^="Switch between dark and light mode"]'), eager: true, next: "the first to finish" },
  { name: "vitepress", page: "vitepress/", toggle: cycling("button.VPSwitchAppearance"), eager: true, next: "the first to finish" },
];

const SANDBOX = "An iframe which has both allow-scripts and allow-same-origin for its sandbox attribute can escape its sandboxing.";

/** The embed's card background, summed: dark is well under 200. */
const card = (page: Page) =>
  page.frameLocator("#first iframe").locator(".lab").evaluate((lab) => getComputedStyle(lab).backgroundColor.match(/\d+/g)!.slice(0, 3).map(Number).reduce((a, b) => a + b));
/** An element's height on the page, in px. */
const height = (page: Page, selector: string) => page.locator(selector).evaluate((e) => e.getBoundingClientRect().height);
/** The layout shift the embeds caused on the top page so far, as Core Web Vitals counts it (shifts
 * within 500 ms of the reader's input are not counted), and what moved. */
const shifted = (page: Page) => page.evaluate(() => (window as any).__shift as { total: number; moved: string[] });

for (const site of SITES) {
  for (const width of [1280, 390]) {
    test(`${site.name} at ${width} px: posters as tall as frames, one load each, no shift, the site's theme live, print, a quiet console`, async ({ page, baseURL }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: "light" });
      await page.addInitScript(() => {
        if (window !== window.top) return;
        // A shift is the embeds' when an element (or its shadow content) moved, or content after
        // one moved up or down, as an element growing or shrinking moves it. A theme's own shifts
        // are not counted: pydata-sphinx-theme, for one, sometimes paints its page before its
        // sidebar is parsed, then moves the article sideways (0.08), with or without embeds,
        // when a script in <head> arrives late.
        const ours = (source: any) => {
          const node = source.node as Node | null;
          if (!node) return false;
          const root = node.getRootNode() as any;
          if ((node as Element).localName === "async-lab" || root.host?.localName === "async-lab") return true;
          return source.previousRect.y !== source.currentRect.y && [...document.querySelectorAll("async-lab")].some((e) => e.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING && !node.contains(e));
        };
        const shift = ((window as any).__shift = { total: 0, moved: [] as string[] });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as any[]) {
            if (entry.hadRecentInput) continue;
            const sources = entry.sources ?? [];
            if (sources.some(ours)) shift.total += entry.value;
            for (const source of sources) shift.moved.push(`${entry.value.toFixed(3)} ${ours(source) ? "embeds" : "site"}: ${source.node?.nodeName ?? "?"}#${source.node?.id ?? ""}.${source.node?.className ?? ""}`);
          }
        }).observe({ type: "layout-shift", buffered: true });
        (window as any).__runs = [];
        document.addEventListener("async-lab:run", (e) => (window as any).__runs.push((e as CustomEvent).detail.mode));
      });
      const host = site.sameOrigin ? baseURL! : baseURL!.replace("127.0.0.1", "localhost");
      // The app's own files: on another site its origin; self-hosted, the site's lab/ folder.
      const app = site.sameOrigin ? new URL("sites/sphinx-lab/lab/", baseURL!).href : new URL(baseURL!).origin;
      const asked: string[] = [];
      const documents: string[] = [];
      const said: string[] = [];
      page.on("request", (r) => {
        if (!r.url().startsWith(app)) return;
        asked.push(new URL(r.url()).pathname.replace(/^.*\//, "/"));
        if (r.resourceType() === "document" && r.frame() !== page.mainFrame()) documents.push(r.url());
      });
      page.on("console", (m) => {
        if (m.type() !== "log" && !m.location().url.endsWith("/favicon.ico")) said.push(m.text());
      });
      page.on("pageerror", (e) => said.push(`${e}`));
      await page.goto(host + "sites/" + site.page);
      await expect(page.locator("#first .poster")).toBeVisible();
      await expect(page.locator("async-lab .poster")).toHaveCount(site.eager ? 1 : 2);
      await page.waitForTimeout(500);
      // Nothing of the app but embed.js until a click; where #second loads by itself, only its frame.
      if (site.eager) expect(documents.length).toBeLessThanOrEqual(1);
      else expect(asked).toEqual(["/embed.js"]);

      // Printed before any run: the posters' summaries, no control.
      // Lines joined: a narrow page wraps the summary where it will.
      let text = (await pdfText(page)).replace(/\s+/g, " ");
      expect(text).toContain("Sequential vs concurrent (Async Lab)");
      expect(text).toContain("Not run yet. This page's tasks: A (timer, 300 ms), B (timer, 100 ms), C (timer, 200 ms).");
      for (const label of CONTROLS) expect(text, label).not.toContain(label);

      // The poster holds the frame's room: clicking it moves nothing, nor does the run.
      const poster = await height(page, "#first .poster");
      const element = await height(page, "#first");
      expect(poster).toBeGreaterThan(300);
      await page.screenshot({ path: `tests/e2e/screenshots/site-${site.name}-${width}-poster.png` });
      await page.locator("#first").getByRole("button", { name: "Run both" }).click();
      const frame = page.frameLocator("#first iframe");
      expect(Math.abs((await height(page, "#first iframe")) - poster)).toBeLessThanOrEqual(2);
      await expect(frame.locator(".takeaway")).toContainText("faster", { timeout: 30_000 });
      expect(asked.some((path) => path.endsWith(".wasm"))).toBe(true);
      // Sized to its content, which fits the room kept for it: the card fills the frame, nothing
      // cut, no inner scrollbar, and the element as tall as before the click.
      const [outer, inner] = [await height(page, "#first iframe"), await frame.locator("html").evaluate((html) => Math.ceil(html.getBoundingClientRect().height))];
      expect(Math.abs(outer - inner)).toBeLessThanOrEqual(1);
      expect(Math.abs(outer - poster)).toBeLessThanOrEqual(2);
      expect(Math.abs((await height(page, "#first")) - element)).toBeLessThanOrEqual(2);

      // The site's own toggle, followed within a second, results kept.
      if (site.toggle) {
        expect(await card(page)).toBeGreaterThan(600);
        await site.toggle("dark")(page);
        await expect.poll(() => card(page), { timeout: 1000 }).toBeLessThan(200);
        await page.screenshot({ path: `tests/e2e/screenshots/site-${site.name}-${width}-dark.png` });
        await site.toggle("light")(page);
        await expect.poll(() => card(page), { timeout: 1000 }).toBeGreaterThan(600);
        await expect(frame.locator(".takeaway")).toContainText("faster");
      }
      await page.locator("#first").scrollIntoViewIfNeeded();
      await page.screenshot({ path: `tests/e2e/screenshots/site-${site.name}-${width}-light.png` });

      // Printed after the run: its figures, still no control.
      text = (await pdfText(page)).replace(/\s+/g, " ");
      expect(text).toMatch(/Concurrent: \d+\.\d\d s measured, \d+\.\d\d s expected: \d+\.\d\d s saved, \d+\.\d× faster\./);
      for (const label of CONTROLS) expect(text, label).not.toContain(label);

      // Every frame loaded its document once (a framework re-rendering the element must not load
      // it again): the clicked one, and the one that loads as it nears the viewport.
      if (site.eager) {
        await page.locator("#second").scrollIntoViewIfNeeded();
        await expect(page.frameLocator("#second iframe").getByRole("button", { name: "Run both" })).toBeVisible();
        await page.waitForTimeout(500);
      }
      expect(documents).toHaveLength(site.eager ? 2 : 1);
      expect(new Set(documents).size).toBe(documents.length);
      expect(asked.filter((path) => path.endsWith(".wasm"))).toHaveLength(documents.length);
      // Nothing the embeds did moved the page (what moved is in the message when something did).
      const shift = await shifted(page);
      expect(shift.total, shift.moved.join("\n")).toBeLessThan(0.02);

      if (site.next) {
        // An in-site link: the router swaps the page's content without loading a document, and the
        // new page's element draws its poster and runs.
        await page.evaluate(() => ((window as any).__stayed = true));
        await page.getByRole("link", { name: site.next, exact: true }).click();
        await expect(page.locator("#third .poster")).toBeVisible();
        expect(await page.evaluate(() => (window as any).__stayed)).toBe(true);
        await expect(page.locator("#first, #second")).toHaveCount(0);
        const raced = await height(page, "#third .poster");
        await page.locator("#third").getByRole("button", { name: "Run both" }).click();
        await expect.poll(() => page.evaluate(() => (window as any).__runs.length), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
        expect(Math.abs((await height(page, "#third iframe")) - raced)).toBeLessThanOrEqual(2);
        expect(documents).toHaveLength(3);
        expect(new Set(documents).size).toBe(3);
        const after = await shifted(page);
        expect(after.total, after.moved.join("\n")).toBeLessThan(0.02);
      }

      // On another site only the browser's sandbox warning for the frame (README explains it);
      // self-hosted, nothing at all: the frame has no sandbox to warn about.
      expect([...new Set(said)].filter((s) => site.sameOrigin || s !== SANDBOX)).toEqual([]);
      if (site.sameOrigin) expect(await page.locator("#first iframe").getAttribute("sandbox")).toBeNull();
    });
  }
}
