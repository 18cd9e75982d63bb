// make size: what a visitor may download, gzip -9, against a budget. Every file in the dist folder
// counts, in every subfolder: wasm, JS glue, boot.js, sw.js, CSS, HTML, JSON data, icons. A file
// the app's page never fetches has a budget of its own instead (APART): embed.js, which only a
// docs page that embeds the app loads.
// Usage: node scripts/size.mjs [dist]   (SIZE_LIMIT_KIB=320 overrides the 300 KiB limit)
// bench/run.mjs imports distFiles and distSize, so both report the same figure.
import { readFileSync, readdirSync, realpathSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

// 250 KiB until a link to a moment carried a whole recorded run (its codec, compression streams
// and replay of it: +10.2 KiB), 260 until the <async-lab> element in embed.js (+0.6 KiB), 262
// until the compact embed, the host's theme and the measured heights table (+4.6 KiB), 267 until
// click-to-load posters and print summaries in embed.js (+2.0 KiB), 270 until the race, timeout
// and errors lessons (+19.2 KiB), 290 until limit and as-completed (+6.9 KiB), 296 until retry
// and Predict, then run (+11.5 KiB), 306 until issue 19 took the files out of panic locations,
// changed the allocator and wrote its JSON by hand (−6.4 KiB; BENCHMARKS.md "What 230 KiB would
// take").
export const DEFAULT_LIMIT_KIB = 300;

// Files outside the app's download, each with its own budget in KiB gzip: embed.js is the docs
// page's script, which the app's own page never fetches (BENCHMARKS.md, "embed.js apart").
export const APART = { "embed.js": 8 };

/** gzip at level 9, as a static host would serve it precompressed. */
export const gzip = (bytes) => gzipSync(bytes, { level: 9 });

/** Every file under dir, recursively, in a stable order. */
export function distFiles(dir) {
  const files = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(d, entry.name);
      // A symlink counts as what it points to: that is what a host serves.
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && statSync(path).isDirectory());
      if (isDir) walk(path);
      else files.push(path);
    }
  };
  walk(dir);
  return files;
}

/**
 * Sizes every file under dir: { total, raw, files: [{ path, raw, compressed }], apart }, where
 * total is the sum of the compressed sizes of the app's files, `apart` the files with a budget of
 * their own (APART), and path is relative to dir. compress defaults to gzip -9.
 */
export function distSize(dir, compress = gzip) {
  const all = distFiles(dir).map((path) => {
    const bytes = readFileSync(path);
    return { path: relative(dir, path), raw: bytes.length, compressed: compress(bytes).length };
  });
  const files = all.filter((f) => !(f.path in APART));
  return {
    total: files.reduce((sum, f) => sum + f.compressed, 0),
    raw: files.reduce((sum, f) => sum + f.raw, 0),
    files,
    apart: all.filter((f) => f.path in APART),
  };
}

function main() {
  const dir = process.argv[2] ?? "dist";
  const limitKib = process.env.SIZE_LIMIT_KIB === undefined || process.env.SIZE_LIMIT_KIB === "" ? DEFAULT_LIMIT_KIB : Number(process.env.SIZE_LIMIT_KIB);
  if (!Number.isFinite(limitKib) || limitKib <= 0) {
    console.error(`size: SIZE_LIMIT_KIB must be a positive number of KiB; got "${process.env.SIZE_LIMIT_KIB}"`);
    process.exit(2);
  }
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    console.error(`size: ${dir} does not exist: build it first (make build)`);
    process.exit(2);
  }
  if (!stat.isDirectory()) {
    console.error(`size: ${dir} is not a directory`);
    process.exit(2);
  }
  const { total, raw, files, apart } = distSize(dir);
  if (files.length === 0) {
    console.error(`size: ${dir} is empty: build it first (make build)`);
    process.exit(2);
  }
  const limit = limitKib * 1024;
  const kib = (n) => (n / 1024).toFixed(1);
  const width = Math.max(...files.map((f) => f.path.length), "total".length);
  const row = (path, r, gz) => console.log(`${path.padEnd(width)}  ${String(r).padStart(Math.max(3, String(raw).length))}  ${String(gz).padStart(Math.max(7, String(total).length))}`);
  row("file", "raw", "gzip -9");
  for (const f of [...files].sort((a, b) => b.compressed - a.compressed || a.path.localeCompare(b.path))) row(f.path, f.raw, f.compressed);
  row("total", raw, total);
  const shown = dir.endsWith("/") ? dir : dir + "/";
  console.log(`size: ${shown} is ${kib(total)} KiB gzip (limit ${limitKib} KiB)`);
  const over = apart.filter((f) => f.compressed > APART[f.path] * 1024);
  for (const f of apart) console.log(`size: ${shown}${f.path}, apart from the app: ${kib(f.compressed)} KiB gzip (its budget ${APART[f.path]} KiB)`);
  for (const f of over) console.error(`size: ${shown}${f.path} is over its own budget: ${kib(f.compressed)} KiB gzip > ${APART[f.path]} KiB.`);
  if (over.length > 0 && total <= limit) process.exit(1);
  if (total > limit) {
    console.error(`size: ${shown} is over its budget: ${kib(total)} KiB gzip (${total} bytes) > ${limitKib} KiB (${limit} bytes), ${kib(total - limit)} KiB too much.`);
    console.error("size: every file in it counts (wasm, JS, CSS, HTML, data, icons); shrink the largest above, or raise SIZE_LIMIT_KIB with a reason.");
    process.exit(1);
  }
}

// Run only as a script, not when bench/run.mjs imports it.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) main();
