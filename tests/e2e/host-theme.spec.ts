// The host page's theme, followed live: for each docs generator's marker (and, on an unknown
// site, its background), toggling the host switches the embed on another origin within a second,
// without reloading it: a value typed in the frame, a flag set in its window and its results stay.
import { expect, test, type Page } from "@playwright/test";

const host = (baseURL: string) => baseURL.replace("127.0.0.1", "localhost") + "fixtures/theme-host.html";

type Marker = { name: string; set: (page: Page, dark: boolean) => Promise<unknown> };
const attribute = (on: "html" | "body", name: string, light: string, dark: string): Marker["set"] => (page, isDark) =>
  page.evaluate(([on, name, value]) => document.querySelector(on)!.setAttribute(name, value), [on, name, isDark ? dark : light] as const);
const htmlClass = (light: string, dark: string): Marker["set"] => (page, isDark) =>
  page.evaluate(([off, on]) => {
    if (off) document.documentElement.classList.remove(off);
    document.documentElement.classList.add(on);
  }, (isDark ? [light, dark] : [dark, light]) as [string, string]);

const markers: Marker[] = [
  { name: "Furo (body data-theme)", set: attribute("body", "data-theme", "light", "dark") },
  { name: "Material for MkDocs (data-md-color-scheme slate)", set: attribute("body", "data-md-color-scheme", "default", "slate") },
  { name: "mdBook (html.coal)", set: htmlClass("light", "coal") },
  { name: "mdBook (html.navy)", set: htmlClass("rust", "navy") },
  { name: "mdBook (html.ayu)", set: htmlClass("light", "ayu") },
  { name: "Docusaurus (html data-theme)", set: attribute("html", "data-theme", "light", "dark") },
  { name: "Starlight (html data-theme)", set: attribute("html", "data-theme", "light", "dark") },
  { name: "pydata-sphinx-theme (html data-theme)", set: attribute("html", "data-theme", "light", "dark") },
  // VitePress: light has no class at all, so the first switch back removes it.
  { name: "VitePress (html.dark)", set: (page, dark) => page.evaluate((dark) => document.documentElement.classList.toggle("dark", dark), dark) },
  // An unknown site: only its background says.
  { name: "an unknown dark site (background)", set: (page, dark) => page.evaluate((dark) => (document.body.style.background = dark ? "#111318" : "#ffffff"), dark) },
];

/** The embed's card background, summed: dark is well under 200. */
const card = (page: Page, id = "lab") =>
  page.frameLocator(`#${id} iframe`).locator(".lab").evaluate((lab) => getComputedStyle(lab).backgroundColor.match(/\d+/g)!.slice(0, 3).map(Number).reduce((a, b) => a + b));

for (const marker of markers) {
  test(`follows ${marker.name} live, keeping what the frame holds`, async ({ page, baseURL }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(host(baseURL!));
    const frame = page.frameLocator("#lab iframe");
    await frame.getByRole("button", { name: "Run both" }).click();
    await expect(frame.locator(".takeaway")).toContainText("faster");
    await frame.getByText("Edit tasks").click();
    await frame.getByLabel("Label of task 1").fill("Typed here");
    const inner = page.frames().find((f) => f.url().includes("lesson=gather") && !f.url().includes("theme=light"))!;
    await inner.evaluate(() => ((window as any).notReloaded = true));
    expect(await card(page)).toBeGreaterThan(600);

    await marker.set(page, true);
    // Within a second of the switch (the poll's own budget), and not by reloading.
    await expect.poll(() => card(page), { timeout: 1000 }).toBeLessThan(200);
    await marker.set(page, false);
    await expect.poll(() => card(page), { timeout: 1000 }).toBeGreaterThan(600);
    await marker.set(page, true);
    await expect.poll(() => card(page), { timeout: 1000 }).toBeLessThan(200);

    expect(await inner.evaluate(() => (window as any).notReloaded)).toBe(true);
    await expect(frame.getByLabel("Label of task 1")).toHaveValue("Typed here");
    await expect(frame.locator(".takeaway")).toContainText("faster");
    await expect(frame.locator(".timeline:not([hidden])")).toHaveCount(2);
    // An element whose author chose theme="light" keeps it.
    expect(await card(page, "light")).toBeGreaterThan(600);
  });
}

test("Furo's auto follows the reader's scheme, and so does the embed", async ({ page, baseURL }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(host(baseURL!));
  await page.evaluate(() => document.body.setAttribute("data-theme", "auto"));
  await expect.poll(() => card(page), { timeout: 3000 }).toBeLessThan(200);
  await page.emulateMedia({ colorScheme: "light" });
  await expect.poll(() => card(page), { timeout: 1000 }).toBeGreaterThan(600);
});

test("the host's theme message repaints the Scale canvas in the new colours", async ({ page, baseURL }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(baseURL!.replace("127.0.0.1", "localhost") + "fixtures/theme-host.html");
  // The full app in a frame: its Scale panel draws on a canvas.
  await page.evaluate(() => {
    const full = document.createElement("async-lab");
    full.id = "full";
    full.setAttribute("embed", "0");
    full.setAttribute("load", "eager");
    document.body.prepend(full);
  });
  const frame = page.frameLocator("#full iframe");
  await frame.getByLabel("Number of generated tasks").fill("2000");
  await frame.getByRole("button", { name: "Run at scale" }).click();
  await expect(frame.getByText(/^2000 tasks of 100 ms: one after another/)).toBeVisible({ timeout: 20_000 });
  // The colour of the bars in the canvas's middle row, as painted.
  const painted = () =>
    frame.locator("canvas.scale-canvas").evaluate((canvas: HTMLCanvasElement) => {
      const ctx = canvas.getContext("2d")!;
      const row = ctx.getImageData(0, Math.floor(canvas.height / 3), canvas.width, 1).data;
      for (let i = 0; i < row.length; i += 4) if (row[i + 3] > 200) return [row[i], row[i + 1], row[i + 2]].join(",");
      return "none";
    });
  const light = await painted();
  expect(light).not.toBe("none");
  await page.evaluate(() => document.documentElement.setAttribute("data-theme", "dark"));
  await expect.poll(painted, { timeout: 1000 }).not.toBe(light);
  // Dark's --done is light green: its sum is well above the light theme's.
  const dark = (await painted()).split(",").map(Number).reduce((a, b) => a + b);
  expect(dark).toBeGreaterThan(light.split(",").map(Number).reduce((a, b) => a + b));
});

for (const [name, width, dark] of [["host-light-1280", 1280, false], ["host-dark-1280", 1280, true], ["host-dark-390", 390, true]] as const) {
  test(`screenshot ${name}`, async ({ page, baseURL }) => {
    await page.setViewportSize({ width, height: 1000 });
    await page.goto(host(baseURL!));
    if (dark) await page.evaluate(() => document.body.setAttribute("data-theme", "dark"));
    await page.frameLocator("#lab iframe").getByRole("button", { name: "Run both" }).click();
    await expect(page.frameLocator("#lab iframe").locator(".takeaway")).toContainText("faster");
    await expect.poll(() => card(page), { timeout: 1000 })[dark ? "toBeLessThan" : "toBeGreaterThan"](dark ? 200 : 600);
    await page.screenshot({ path: `tests/e2e/screenshots/${name}.png`, fullPage: true });
  });
}
