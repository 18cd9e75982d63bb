// Minifies the wasm-bindgen JS glue of a release build in place (terser: compress and mangle; the
// exported names and the property names the wasm imports by stay as they are), then writes the
// file's new sha384 into every integrity attribute of index.html that names it, so the browser
// still accepts it. Trunk emits the glue unminified. Usage: node scripts/minify-glue.mjs dist
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.argv[2] ?? "dist";
const page = join(dir, "index.html");
const html = readFileSync(page, "utf8");
// The glue is the module Trunk preloads (its hash has no fixed length: Trunk drops leading zeros).
const preload = /<link rel="modulepreload" href="\.\/([^"/]+\.js)"/.exec(html);
if (!preload || !existsSync(join(dir, preload[1]))) throw new Error(`${page}: no modulepreload link names the JS glue`);
const glue = [preload[1]];
const file = join(dir, glue[0]);
const source = readFileSync(file, "utf8");
const { code } = await minify(source, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
writeFileSync(file, code);

const integrity = `sha384-${createHash("sha384").update(code).digest("base64")}`;
const tag = new RegExp(`(<link[^>]*href="\\./${glue[0].replace(/[.]/g, "\\.")}"[^>]*integrity=")[^"]*(")`, "g");
const updated = html.replace(tag, `$1${integrity}$2`);
if (updated === html && html.includes("integrity=")) throw new Error(`${page}: no integrity attribute names ${glue[0]}`);
writeFileSync(page, updated);
console.log(`minify: ${file} ${source.length} → ${code.length} bytes; integrity updated in ${page}`);
