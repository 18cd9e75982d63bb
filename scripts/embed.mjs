// Bundles embed/ (the <async-lab> element's modules) into one classic script, embed.js, in the
// folder Trunk is building (TRUNK_STAGING_DIR, from the post_build hook in Trunk.toml) or the
// folder given. A classic script, not a module: a page includes it in <head> without defer, and
// it must run before the body's elements are parsed. Minified later with the other scripts
// (scripts/minify.mjs).
// Usage: node scripts/embed.mjs [folder]
import { join } from "node:path";
import { build } from "esbuild";

const out = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!out) throw new Error("embed: give the output folder (or run from Trunk's post_build hook)");
await build({
  entryPoints: [new URL("../embed/main.js", import.meta.url).pathname],
  bundle: true,
  format: "iife",
  // Class fields and private members as written: every browser the app runs in has them.
  target: "es2022",
  outfile: join(out, "embed.js"),
  logLevel: "warning",
});
