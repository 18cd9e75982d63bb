/** @jsxRuntime classic */
/** @jsx h */
// Docusaurus writes pages in MDX, whose compiler turns the README's snippet into JSX calls. A
// full Docusaurus build is too heavy for `make test`; this file is compiled as JSX by Playwright
// (with `h` standing for React's createElement) and the element it yields is put on a page of
// another site, where embed.js must make it a working lab.
import { expect, test } from "@playwright/test";

type Element = { tag: string; props: Record<string, string> };
/** What createElement receives: the tag and the attributes exactly as JSX passes them. */
function h(tag: string, props: Record<string, string> | null): Element {
  return { tag, props: props ?? {} };
}

// README, "Docusaurus": written exactly so.
const snippet: Element = <async-lab lesson="gather" load="click" heading="0"></async-lab>;

test("the Docusaurus snippet, compiled as JSX, is a working element", async ({ page, baseURL }) => {
  expect(snippet).toEqual({ tag: "async-lab", props: { lesson: "gather", load: "click", heading: "0" } });
  await page.goto(baseURL!.replace("127.0.0.1", "localhost") + "fixtures/theme-host.html");
  await page.evaluate(({ tag, props }) => {
    const element = document.createElement(tag);
    element.id = "mdx";
    for (const [name, value] of Object.entries(props)) element.setAttribute(name, value);
    document.body.prepend(element);
  }, snippet);
  const poster = page.locator("#mdx > .async-lab-poster");
  await expect(poster).toContainText("Gather: results in order, completion out of order");
  await poster.getByRole("button", { name: "Run both" }).click();
  const src = new URL((await page.locator("#mdx > iframe").getAttribute("src"))!);
  expect(Object.fromEntries(src.searchParams)).toMatchObject({ lesson: "gather", heading: "0", autorun: "1", embed: "1" });
  await expect(page.frameLocator("#mdx > iframe").locator(".takeaway")).toContainText("faster", { timeout: 30_000 });
});
