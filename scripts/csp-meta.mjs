// Writes the strict Content-Security-Policy into a built index.html as a <meta http-equiv> tag, so a
// host that sends no header (GitHub Pages) still applies it. Only built pages get it: `trunk serve`
// injects an inline auto-reload script that the policy would block.
// Usage: node scripts/csp-meta.mjs dist/index.html
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

// All that a meta tag can carry (frame-ancestors, report-uri and sandbox need the header).
export const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' http: https:; img-src 'self' data:; base-uri 'self'; object-src 'none'";

/** Puts the policy first in the `<head>` of the built page `file`, once. */
export function addMeta(file) {
  const html = readFileSync(file, "utf8");
  if (html.includes('http-equiv="Content-Security-Policy"')) return;
  // Right after the charset (which must come first), before every script and stylesheet it governs.
  const anchor = /<meta charset="[^"]*">/.exec(html) ?? /<head>/.exec(html);
  if (!anchor) throw new Error(`${file} has no <head>`);
  const at = anchor.index + anchor[0].length;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${POLICY}">`;
  writeFileSync(file, html.slice(0, at) + "\n  " + meta + html.slice(at));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2] ?? "dist/index.html";
  addMeta(file);
  console.log(`csp: ${file} carries the policy in a meta tag`);
}
