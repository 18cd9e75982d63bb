// A tiny static server for dist/ on 127.0.0.1, with the MIME types wasm streaming needs.
// Usage: node tests/e2e/serve.mjs [port] [dir] [--no-csp] [--cache]
// GET /__requests lists every request so far ({ url, cookie }): the hostile-page tests check what
// the app did and did not ask for, and whether it sent credentials.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { POLICY } from "../../scripts/csp-meta.mjs";

const port = Number(process.argv[2] ?? 4173);
const root = resolve(process.argv[3] ?? "dist");
// The Leptos counter (make bench's baseline) keeps Trunk's inline loader, so it is served without the policy.
const withCsp = !process.argv.includes("--no-csp");
// --cache serves Trunk's content-hashed files as a production host should (immutable, a year), so
// the browser keeps them and their compiled code between visits; everything else is never cached.
const withCache = process.argv.includes("--cache");
// Trunk's hashes are 64-bit numbers in hex without leading zeros: up to 16 digits, rarely fewer than 12.
const hashed = /-[0-9a-f]{8,16}(_bg)?\.(wasm|js|css|svg)$/;
// Test pages (host pages for embedding) live beside the tests, under /fixtures/.
const fixtures = resolve(new URL(".", import.meta.url).pathname, "fixtures");
const examples = resolve(new URL(".", import.meta.url).pathname, "../../examples");
// The docs sites tests/sites/build.sh builds (Sphinx, MkDocs, mdBook), under /sites/.
const sites = resolve(new URL(".", import.meta.url).pathname, "../../target/sites");
// The strict policy the README documents (one definition, shared with the meta tag of the build);
// app pages are served with it, test host pages without.
export const CSP = POLICY;

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".ico": "image/x-icon",
};

// Long query strings are part of the bad-input tests, so allow headers far beyond Node's 16 KiB default.
const requests = [];

createServer({ maxHeaderSize: 1024 * 1024 }, async (req, res) => {
  if (req.url === "/__requests") {
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(requests));
    return;
  }
  requests.push({ url: req.url, cookie: Boolean(req.headers.cookie) });
  if (requests.length > 20000) requests.splice(0, 10000);
  let path;
  try {
    path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  } catch {
    // A malformed escape (GET /%E0%A4%A) is the client's error, not a reason to stop serving.
    res.writeHead(400, { "content-type": "text/plain" }).end("bad request: malformed percent-encoding");
    return;
  }
  // /nested/app/ serves the app again, to prove it works from a sub-path (docs sites, GitHub Pages).
  // /api/ is the host's own folder of that name beside the app (fixtures/api/): the service worker
  // must leave other pages' requests there alone.
  const [base, rest] = path.startsWith("/fixtures/")
    ? [fixtures, path.slice("/fixtures".length)]
    : path.startsWith("/examples/")
      ? [examples, path.slice("/examples".length)]
    : path.startsWith("/sites/")
      ? [sites, path.slice("/sites".length)]
    : path.startsWith("/api/")
      ? [resolve(fixtures, "api"), path.slice("/api".length)]
    : path.startsWith("/nested/app/")
      ? [root, path.slice("/nested/app".length)]
      : [root, path];
  let file = normalize(join(base, rest));
  // Inside the root, not merely a path that starts with its name (dist-secret/ beside dist/).
  if (file !== base && !file.startsWith(base + sep)) {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    const body = await readFile(file);
    const headers = { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": withCache && hashed.test(file) ? "public, max-age=31536000, immutable" : "no-store" };
    if (withCsp && base === root && extname(file) === ".html") headers["content-security-policy"] = CSP;
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  }
}).listen(port, "127.0.0.1", () => console.log(`serving ${root} on http://127.0.0.1:${port}/`));
