// Minifies a release build in place, every file a visitor downloads that Trunk leaves as written:
// the wasm-bindgen JS glue (terser, as a module: the exported names and the property names the wasm
// imports by stay; then every import's name, a name and a 16-digit hash written twice, in the
// wasm's import section and as a key of the glue's imports object, becomes a short one, as does
// every closure shim's export, named after its Rust types; what the optimised wasm no longer
// exports or imports leaves the glue first), the stylesheet (comments and spaces out, strings untouched), and the copied
// classic scripts `boot.js`, `embed.js`, `sw.js` (terser, no top-level renaming). Then it writes each
// hashed file's new sha384 into the integrity attribute of index.html that names it, so the browser
// still accepts it (the wasm's preload drops it: browsers ignore it there and warn). The readable sources stay in static/ and style/.
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

/** Writes `code` (text or bytes) as `name`, and (for a hashed file) its sha384 into the integrity attributes that name it. */
function replace(name, code, hashed = true) {
  const before = readFileSync(join(dir, name)).length;
  writeFileSync(join(dir, name), code);
  console.log(`minify: ${name} ${before} → ${Buffer.byteLength(code)} bytes`);
  if (!hashed) return;
  const integrity = `sha384-${createHash("sha384").update(code).digest("base64")}`;
  const tag = new RegExp(`(<link[^>]*href="\\./${name.replace(/[.]/g, "\\.")}"[^>]*integrity=")[^"]*(")`, "g");
  const updated = html.replace(tag, `$1${integrity}$2`);
  if (updated === html && html.includes("integrity=")) throw new Error(`${page}: no integrity attribute names ${name}`);
  html = updated;
}

/** An unsigned LEB128 number of `bytes` at `at`: [value, the position after it]. */
function leb(bytes, at) {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
  }
}

function toLeb(value) {
  const out = [];
  do {
    out.push((value & 0x7f) | (value > 0x7f ? 0x80 : 0));
    value = Math.floor(value / 128);
  } while (value > 0);
  return out;
}

/** "$a", "$b", … "$Z", "$aa", … (after `prefix`): valid JS property names, never a wasm-bindgen one. */
function shortName(n, prefix = "$") {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = "";
  for (n += 1; n > 0; n = Math.floor((n - 1) / 52)) name = letters[(n - 1) % 52] + name;
  return prefix + name;
}

/**
 * The wasm with section `id`'s body rebuilt by `rewrite(start, end)` (the body's bytes), every
 * other section copied as is; the module is compiled once to prove it is still valid.
 */
function withSection(wasm, id, rewrite) {
  const sections = [wasm.subarray(0, 8)];
  for (let at = 8; at < wasm.length; ) {
    const [size, body] = leb(wasm, at + 1);
    const end = body + size;
    if (wasm[at] === id) {
      const out = rewrite(body, end);
      sections.push(Buffer.from([id, ...toLeb(out.length), ...out]));
    } else {
      sections.push(wasm.subarray(at, end));
    }
    at = end;
  }
  const rewritten = Buffer.concat(sections);
  new WebAssembly.Module(rewritten);
  return rewritten;
}

/**
 * The wasm with each import renamed to a short name, and the map of old to new names. Only the
 * import section changes (its entries are module name, field name, then a description copied as
 * is).
 */
function shortImports(wasm) {
  const renamed = new Map();
  const shorter = withSection(wasm, 2, (body, end) => {
    let [count, p] = leb(wasm, body);
    const out = toLeb(count);
    for (let i = 0; i < count; i++) {
      const [moduleLength, moduleAt] = leb(wasm, p);
      const [nameLength, nameAt] = leb(wasm, moduleAt + moduleLength);
      const name = wasm.subarray(nameAt, nameAt + nameLength).toString();
      const kind = wasm[nameAt + nameLength];
      // Only functions are renamed (wasm-bindgen imports nothing else); the description is a type index.
      if (kind !== 0) throw new Error(`minify: import ${name} is not a function`);
      const [, descriptionEnd] = leb(wasm, nameAt + nameLength + 1);
      const short = shortName(renamed.size);
      renamed.set(name, short);
      out.push(...wasm.subarray(p, moduleAt + moduleLength), ...toLeb(short.length), ...Buffer.from(short), ...wasm.subarray(nameAt + nameLength, descriptionEnd));
      p = descriptionEnd;
    }
    if (p !== end) throw new Error("minify: the wasm's import section did not parse to its end");
    return out;
  });
  return [shorter, renamed];
}

/**
 * The wasm with each closure shim's export renamed to a short name, and the map of old to new
 * names. wasm-bindgen names these exports after the closure's Rust types, crate hashes included
 * (`wasm_bindgen_<hash>___convert__closures_____invoke___web_sys_<hash>___…`, up to 334
 * characters); the glue calls each as `wasm.<name>`. Only the export section changes (its entries
 * are a name, then a kind and an index copied as is).
 */
function shortClosureExports(wasm) {
  const renamed = new Map();
  const shorter = withSection(wasm, 7, (body, end) => {
    let [count, p] = leb(wasm, body);
    const out = toLeb(count);
    for (let i = 0; i < count; i++) {
      const [nameLength, nameAt] = leb(wasm, p);
      const name = wasm.subarray(nameAt, nameAt + nameLength).toString();
      const [, entryEnd] = leb(wasm, nameAt + nameLength + 1);
      const shim = /^wasm_bindgen_[0-9a-f]{16}___convert__closures_/.test(name);
      const short = shim ? shortName(renamed.size, "$$") : name;
      if (shim) renamed.set(name, short);
      out.push(...toLeb(Buffer.byteLength(short)), ...Buffer.from(short), ...wasm.subarray(nameAt + nameLength, entryEnd));
      p = entryEnd;
    }
    if (p !== end) throw new Error("minify: the wasm's export section did not parse to its end");
    return out;
  });
  return [shorter, renamed];
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

/**
 * The glue without what the optimised wasm no longer has: wasm-opt removes the exports of
 * wasm-streams (`data-wasm-opt-params` in index.html: Leptos's server functions bring the crate in,
 * this app never streams) and then every import only they used. So each exported class that calls
 * a removed export goes, with its finalization registry, and each entry of the imports object the
 * wasm no longer imports. Afterwards every `wasm.name` the glue calls must be a wasm export.
 */
function pruneGlue(source, module) {
  const exported = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
  const imported = new Set(WebAssembly.Module.imports(module).map((i) => i.name));
  const calls = (code) => [...code.matchAll(/\bwasm\.(\w+)/g)].map((m) => m[1]);
  const classes = /^export class (\w+) \{\n[\s\S]*?\n\}\nif \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n/gm;
  const dropped = [];
  let code = source.replace(classes, (block, name) => {
    if (calls(block).every((e) => exported.has(e))) return block;
    dropped.push(name);
    return "";
  });
  for (const name of dropped) {
    const registry = new RegExp(`^const ${name}Finalization = [^;]*;\n`, "m");
    if (!registry.test(code)) throw new Error(`minify: no finalization registry for ${name}`);
    code = code.replace(registry, "");
  }
  // An entry of the imports object: its key at eight spaces, its body deeper, its end at eight again.
  code = code.replace(/^ {8}(\w+): function\([\s\S]*?\n {8}\}(?:, arguments\); \})?,\n/gm, (entry, name) => (imported.has(name) ? entry : ""));
  const missing = calls(code).filter((e) => !exported.has(e));
  if (missing.length) throw new Error(`minify: the glue still calls ${[...new Set(missing)]}, which the wasm does not export`);
  return code;
}

const glue = linked("modulepreload", "js");
const wasmFile = linked("preload", "wasm");
const optimised = readFileSync(join(dir, wasmFile));
const source = pruneGlue(readFileSync(join(dir, glue), "utf8"), new WebAssembly.Module(optimised));
const module = await minify(source, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
const [importsShort, renamed] = shortImports(optimised);
const [wasm, shims] = shortClosureExports(importsShort);
let code = module.code;
for (const [name, short] of renamed) {
  // Each name must be exactly one key of the imports object and appear nowhere else.
  const uses = code.split(name).length - 1;
  if (uses !== 1 || !code.includes(`${name}:`)) throw new Error(`minify: ${name} appears ${uses} times in ${glue}, not once as a key`);
  code = code.replace(`${name}:`, `${short}:`);
}
for (const [name, short] of shims) {
  // Each shim's name is read as a property (`wasm.name`) and appears nowhere else; one name may
  // begin another (`…_true_`, `…_true__1_`), so a use ends where the name's characters do.
  const access = new RegExp(`\\.${name}(?![\\w$])`, "g");
  const uses = (code.match(access) ?? []).length;
  if (uses === 0 || uses !== (code.match(new RegExp(`${name}(?![\\w$])`, "g")) ?? []).length) throw new Error(`minify: ${name} is not read only as a property of the wasm's exports in ${glue}`);
  code = code.replace(access, () => `.${short}`);
  if (!code.includes(`.${short}`)) throw new Error(`minify: ${glue} does not read ${short}, the export renamed from ${name}`);
}
replace(glue, code);
replace(wasmFile, wasm, false);
// Chromium ignores `integrity` on a preload of a fetch and says so in the console of every page
// that loads the app (and of every docs page embedding it): the wasm's preload goes without it.
html = html.replace(new RegExp(`(<link[^>]*href="\\./${wasmFile.replace(/[.]/g, "\\.")}"[^>]*?) integrity="[^"]*"`), "$1");

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
