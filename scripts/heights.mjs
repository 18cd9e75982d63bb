// make heights: measures each lesson's embed after Run both at the frame widths embed.js knows,
// in headless Chromium against the release build in dist/, and writes the table between the
// HEIGHTS markers of static/embed.js (the <async-lab> element reserves these heights before its
// frame loads, so the host page does not move). Run it after a change to the embed's layout;
// `make test` checks that the table still matches (tests/e2e/element-heights.spec.ts).
// Usage: node scripts/heights.mjs [dist]
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const dist = process.argv[2] ?? "dist";
const source = "static/embed.js";
const text = readFileSync(source, "utf8");
const widths = JSON.parse(/const WIDTHS = (\[[^\]]*\]);/.exec(text)[1]);
const port = 4398;
const server = spawn("node", ["tests/e2e/serve.mjs", String(port), dist], { stdio: "ignore" });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const origin = `http://127.0.0.1:${port}/`;

/**
 * Every lesson's embed at one width after Run both, each in an <async-lab> frame on a page of
 * another site (localhost embedding 127.0.0.1), as on a docs site: [[height, the heading's share,
 * default tasks], …] in the order of `lessons`.
 */
async function measure(lessons, width) {
  // Taller than the embeds, so no scrollbar takes width from the frames.
  const page = await browser.newPage({ viewport: { width: width + 40, height: 1200 } });
  try {
    await page.goto(`http://localhost:${port}/fixtures/element-host.html`);
    await page.evaluate(
      ([width, lessons]) => {
        document.body.replaceChildren();
        document.body.style.cssText = `width: ${width}px; margin: 0 20px`;
        for (const lesson of lessons) {
          const element = Object.assign(document.createElement("async-lab"), { id: lesson });
          element.setAttribute("lesson", lesson);
          element.setAttribute("load", "eager");
          document.body.append(element);
        }
      },
      [width, lessons],
    );
    return await Promise.all(
      lessons.map(async (lesson) => {
        const frame = page.frameLocator(`#${lesson} > iframe`);
        // Not a pointer click: all the frames run at once, and a click scrolls the page.
        await frame.getByRole("button", { name: "Run both" }).dispatchEvent("click");
        await frame.locator(".timeline:not([hidden])").nth(1).waitFor({ timeout: 60_000 });
        await frame.locator(".run-state:empty").waitFor({ state: "attached", timeout: 60_000 });
        await page.waitForTimeout(300);
        return frame.locator("html").evaluate((html) => {
          // The content's own height, not the room the current table already holds for it.
          html.style.removeProperty("--room");
          const heading = document.getElementById("lesson-title");
          const share = heading.getBoundingClientRect().height + parseFloat(getComputedStyle(heading).marginBottom);
          const tasks = document.querySelectorAll('input[aria-label^="Label of task"]').length;
          return [Math.ceil(html.getBoundingClientRect().height), Math.round(share), tasks];
        });
      }),
    );
  } finally {
    await page.close();
  }
}

try {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const nav = await browser.newPage();
  await nav.goto(origin);
  const lessons = await nav.getByRole("navigation", { name: "Lessons" }).getByRole("link").evaluateAll((links) => links.map((a) => new URL(a.href).searchParams.get("lesson")));
  await nav.close();
  // Two widths at a time, every lesson at once: on two cores a run's timing is off, its layout is not.
  const byWidth = [];
  for (let i = 0; i < widths.length; i += 2) byWidth.push(...(await Promise.all(widths.slice(i, i + 2).map((width) => measure(lessons, width)))));
  const rows = lessons.map((lesson, k) => {
    const cells = byWidth.map((atWidth) => atWidth[k]);
    console.log(`heights: ${lesson} ${cells.map((c, j) => `${widths[j]}→${c[0]}`).join(" ")}`);
    return `    "${lesson}": [${cells[0][2]}, [${cells.map((c) => c[0]).join(", ")}], [${cells.map((c) => c[1]).join(", ")}]],`;
  });
  const table = `  const HEIGHTS = {\n${rows.join("\n")}\n  };\n`;
  const updated = text.replace(/(\/\/ HEIGHTS BEGIN\n  const WIDTHS = [^\n]*\n)[\s\S]*?(  \/\/ HEIGHTS END)/, `$1${table}$2`);
  writeFileSync(source, updated);
  console.log(`heights: ${source} ${updated === text ? "unchanged" : "updated"}`);
} finally {
  await browser.close();
  server.kill();
}
