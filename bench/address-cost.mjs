// What a long address alone costs the browser: the longest animation frame (0 when none reached
// 50 ms, the least the browser reports) of a page of one paragraph opened with a `#run=` fragment
// of each length, median of N loads (about:blank between). It sets core::share::MAX_LINK_CHARS.
// Usage: node bench/address-cost.mjs [N=8]   (about 70 s for 8)
import { chromium } from "@playwright/test";
import { randomBytes } from "node:crypto";

const N = Number(process.argv[2] || 8);
const lengths = [0, 32_000, 64_000, 128_000, 226_000, 512_000, 1_048_000];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.addInitScript(() => {
  window.longest = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longest = Math.max(window.longest, e.duration); }).observe({ type: "long-animation-frame", buffered: true });
});
// Served by interception: no server, and nothing of the lab's on the page.
await page.route("http://127.0.0.1:4399/**", (r) => r.fulfill({ contentType: "text/html", body: "<!doctype html><title>Empty</title><p>One paragraph.</p>" }));
const seen = new Map(lengths.map((n) => [n, []]));
for (let i = 0; i <= N; i++) {
  for (const n of lengths) {
    const fragment = randomBytes(Math.ceil((n * 3) / 4)).toString("base64url").slice(0, n);
    await page.goto("about:blank");
    await page.goto(`http://127.0.0.1:4399/?x=1#run=${fragment}`);
    await page.getByText("One paragraph.").waitFor();
    await page.waitForTimeout(700);
    // The first round warms the browser up.
    if (i > 0) seen.get(n).push(Math.round(await page.evaluate(() => window.longest)));
  }
}
await browser.close();
for (const [n, v] of seen) {
  const sorted = [...v].sort((a, b) => a - b);
  console.log(`${String(n).padStart(9)} characters: median ${sorted[sorted.length >> 1]} ms, longest ${sorted[sorted.length - 1]} ms  (${v.join(" ")})`);
}
