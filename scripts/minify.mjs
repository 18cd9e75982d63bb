// Minifies a release build in place, every file a visitor downloads that Trunk leaves as written:
// the wasm-bindgen JS glue (terser, as a module: the exported names and the property names the wasm
// imports by stay), the stylesheet (comments and spaces out, strings untouched), and the copied
// classic scripts `boot.js`, `embed.js`, `sw.js` (terser, no top-level renaming). Then it writes each
// hashed file's new sha384 into the integrity attribute of index.html that names it, so the browser
// still accepts it. The readable sources stay in static/ and style/.
// Usage: node scripts/minify.mjs dist
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.argv[2] ?? "dist";
const page = join(dir, "index.html");
let html = readFileSync(page, "utf8");

/** The file a `<link rel=…>` of the page names (Trunk's hashes have no fixed length: it drops leading zeros). */
function linked(rel, extension) {
  const found = new RegExp(`<link rel="${rel}" href="\\./([^"/]+\\.${extension})"`).exec(html);
  if (!found || !existsSync(join(dir, found[1]))) throw new Error(`${page}: no ${rel} link names a .${extension} file`);
  return found[1];
}

/** Writes `code` as `name`, and (for a hashed file) its sha384 into the integrity attributes that name it. */
function replace(name, code, hashed = true) {
  const before = readFileSync(join(dir, name), "utf8").length;
  writeFileSync(join(dir, name), code);
  console.log(`minify: ${name} ${before} → ${code.length} bytes`);
  if (!hashed) return;
  const integrity = `sha384-${createHash("sha384").update(code).digest("base64")}`;
  const tag = new RegExp(`(<link[^>]*href="\\./${name.replace(/[.]/g, "\\.")}"[^>]*integrity=")[^"]*(")`, "g");
  const updated = html.replace(tag, `$1${integrity}$2`);
  if (updated === html && html.includes("integrity=")) throw new Error(`${page}: no integrity attribute names ${name}`);
  html = updated;
}

/** Comments out, runs of spaces to one, none where CSS needs none; string literals kept as written. */
function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
    // Spaces go around braces, semicolons, commas and `>`, and after a declaration's colon (a
    // property name right after `{` or `;`); a selector's colon (`a:hover`) never has one after it.
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\s+/g, " ").replace(/\s*([{};,>])\s*/g, "$1").replace(/([{;][a-z-]+):\s+/g, "$1:")))
    .join("")
    .replace(/;}/g, "}")
    .trim();
}

const glue = linked("modulepreload", "js");
const source = readFileSync(join(dir, glue), "utf8");
const module = await minify(source, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
replace(glue, module.code);

if (/<link rel="stylesheet"/.test(html)) {
  const css = linked("stylesheet", "css");
  replace(css, minifyCss(readFileSync(join(dir, css), "utf8")));
}

for (const name of ["boot.js", "embed.js", "sw.js"]) {
  if (!existsSync(join(dir, name))) continue;
  const classic = await minify(readFileSync(join(dir, name), "utf8"), { ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  replace(name, classic.code, false);
}
// The page itself: no whitespace between tags (its texts keep theirs).
writeFileSync(page, html.replace(/>\s+</g, "><"));
