// Runs a lesson's JavaScript listing in Node as shipped, changing nothing but its declared BASE_URL
// and the delay scale. Usage: node tests/listings/run.mjs LISTING [--scale S] [--base URL] [--fix FIX.json]
// (--fix: {"replace": ..., "with": ...}, another choice the listing offers, applied like run.py's)
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";

const [listing, ...rest] = process.argv.slice(2);
const option = (name, fallback) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : fallback);
const scale = Number(option("--scale", "1"));
const base = option("--base", null);

let text = readFileSync(listing, "utf8");
if (base) text = text.replace(/const BASE_URL = "[^"]*";/, `const BASE_URL = ${JSON.stringify(base)};`);
const fixFile = option("--fix", null);
if (fixFile) {
  const fix = JSON.parse(readFileSync(fixFile, "utf8"));
  if (!text.includes(fix.replace)) throw new Error(`${fixFile}: the listing has no ${JSON.stringify(fix.replace)} to change`);
  text = text.replace(fix.replace, fix.with);
}
// Every timer and AbortSignal.timeout waits `scale` times as long; nothing else of the listing changes.
const preamble =
  `{ const set = globalThis.setTimeout; globalThis.setTimeout = (fn, ms = 0, ...a) => set(fn, ms * ${scale}, ...a); }\n` +
  `{ const after = AbortSignal.timeout.bind(AbortSignal); AbortSignal.timeout = (ms) => after(ms * ${scale}); }\n`;
const env = { ...process.env, NO_COLOR: "1" };
delete env.FORCE_COLOR;
const run = spawnSync(process.execPath, ["--input-type=module"], { input: preamble + text, encoding: "utf8", timeout: 60_000, env });
process.stdout.write(run.stdout ?? "");
process.stderr.write(run.stderr ?? "");
process.exit(run.status ?? 1);
