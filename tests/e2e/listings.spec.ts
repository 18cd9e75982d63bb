// The listings run for real: each lesson's Python in CPython (.venv) and JavaScript in Node, as
// shipped but for a declared base URL and a delay scale, print the lines the lab's Rust printed for
// the same lesson, in the same order, timings within a tolerance. The only differences allowed are
// the rows of the table the lesson shows under its code.
import { expect, test, type Page } from "@playwright/test";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { open, runs } from "./helpers";

type Row = { rust: string | null; python: string | null; javascript: string | null };
type Language = "python" | "javascript";

// The local server answers like the app's delayed endpoints, the delay scaled like the listings'.
let server: Server;
let port = 0;
const scaleOf = new Map<string, number>();
test.beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, "http://x");
    const scale = Number(url.searchParams.get("scale") ?? current);
    // retry's flaky endpoint: 503 to the first k attempts, 200 after, each after ?ms= (scaled).
    const flaky = /^\/api\/flaky\/(\d+)\/(\d+)\/([^/?]*)/.exec(req.url ?? "");
    if (flaky) {
      const status = Number(flaky[2]) <= Number(flaky[1]) ? 503 : 200;
      const answer = () => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ name: flaky[3], attempt: Number(flaky[2]) }));
      return void setTimeout(answer, Number(url.searchParams.get("ms") ?? 0) * scale);
    }
    const match = /^\/api\/delay\/(\d+)\/([^/?]*)/.exec(req.url ?? "");
    if (!match) return void res.writeHead(404).end();
    setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ name: match[2], delay_ms: Number(match[1]) })), Number(match[1]) * scale);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
let current = 1;

/** The lines the lab's log panel shows, without timestamps and run headers. */
async function labLines(page: Page): Promise<string[]> {
  const text = (await page.getByLabel("Log output").textContent()) ?? "";
  return text.split("\n").filter((l) => l.startsWith("[")).map((l) => l.replace(/^\[[^\]]*\] /, ""));
}

/** The table of allowed differences, as the page states it. */
async function differences(page: Page): Promise<Row[]> {
  // Read from the DOM: the table sits in a closed <details>, which role queries skip.
  const cells = await page.locator('table[aria-label="How the printed output differs"] tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent ?? "")),
  );
  const value = (t: string) => (t === "(prints no such line)" ? null : t);
  return cells.map(([rust, python, javascript]) => ({ rust: value(rust), python: value(python), javascript: value(javascript) }));
}

const matches = (pattern: string, line: string) => (pattern.endsWith("…") ? line.startsWith(pattern.slice(0, -1)) : line === pattern);
const shape = (line: string) => line.replace(/-?\d+(\.\d+)?/g, "#");
const numbers = (line: string) => (line.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

/** Checks `printed` against the lab's `lab` lines, allowing only the table's differences. */
function compare(lab: string[], printed: string[], table: Row[], language: Language, msFloor: number): void {
  const normalized = printed.map((line) => table.find((r) => r[language] !== null && r.rust !== null && !r.rust.endsWith("…") && r[language] === line)?.rust ?? line);
  let at = 0;
  const matched = new Set<number>();
  for (const line of normalized) {
    const found = lab.findIndex((l, i) => i >= at && shape(l) === shape(line));
    // A line the lab does not print at all, where the table says so (the lab's Rust stopped what prints it).
    if (found < 0 && table.some((r) => r.rust === null && r[language] !== null && matches(r[language]!, line))) continue;
    expect(found, `${language} printed ${JSON.stringify(line)}, which the lab did not print at this point:\nlab: ${JSON.stringify(lab)}\n${language}: ${JSON.stringify(normalized)}`).toBeGreaterThanOrEqual(0);
    numbers(line).forEach((n, i) => {
      const want = numbers(lab[found])[i];
      // Generous: a loaded 2-core machine delays any of the three runs; the order is what must hold.
      const tolerance = Math.max(0.35 * Math.abs(want), / ms$/.test(line) ? msFloor : 0.3);
      expect(Math.abs(n - want), `${line} against the lab's ${lab[found]}`).toBeLessThanOrEqual(tolerance);
    });
    matched.add(found);
    at = found + 1;
  }
  lab.forEach((line, i) => {
    if (matched.has(i)) return;
    const allowed = table.some((r) => r.rust !== null && matches(r.rust, line) && (r[language] === null || r.rust.endsWith("…")));
    expect(allowed, `the lab printed ${JSON.stringify(line)}, which the ${language} listing did not, and the table does not say so`).toBe(true);
  });
}

type Ran = { status: number | null; stdout: string; stderr: string };

/** Runs a command without blocking this process, whose event loop serves the listings' requests. */
function run(command: string, args: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    // No colours: Node would wrap strings in ANSI escapes when the runner's environment asks for them.
    const env = { ...process.env, NO_COLOR: "1" };
    delete env.FORCE_COLOR;
    const child = spawn(command, args, { env, timeout: 60_000 });
    let [stdout, stderr] = ["", ""];
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

const python = (listing: string, ...args: string[]) => run(".venv/bin/python", ["tests/listings/run.py", `core/src/lessons/${listing}.py`, ...args]);
const node = (listing: string, ...args: string[]) => run(process.execPath, ["tests/listings/run.mjs", `core/src/lessons/${listing}.js`, ...args]);

const lines = (out: string) => out.split("\n").filter((l) => l.trim() !== "");

// msFloor: how far two ms figures may differ at least. A busy loop's lateness also holds whatever
// time the scheduler gave the other test worker, in the browser or in the listing's process.
// fix: the listings' other choice (errors' settle), as run.py's and run.mjs's --fix apply it.
type Case = {
  lesson: string;
  file: string;
  scale: number;
  tasks?: string;
  query?: string;
  name?: string;
  fix?: [python: string, javascript: string];
  run: (page: Page) => Promise<void>;
  base?: (port: number) => string;
  msFloor?: number;
};
const both = async (page: Page) => {
  await page.getByRole("button", { name: "Run both" }).click();
  await runs(page, 2, 30_000);
};
const concurrently = async (page: Page) => {
  await page.getByRole("button", { name: "Run concurrently" }).click();
  await runs(page, 1, 30_000);
};
const cases: Case[] = [
  { lesson: "sequential-vs-concurrent", file: "sequential_vs_concurrent", scale: 0.25, tasks: "Data%201~timer~500~0~;Data%202~timer~500~0~", run: both },
  {
    lesson: "async-fn",
    file: "async_fn",
    scale: 0.25,
    tasks: "greet(%22Alice%22)~timer~250~0~",
    run: async (page) => {
      await page.getByRole("button", { name: "Create future" }).click();
      await page.getByRole("button", { name: "Await it" }).click();
      await runs(page, 1);
    },
  },
  { lesson: "gather", file: "gather", scale: 0.25, tasks: "Task%201~timer~500~0~;Task%202~timer~250~0~;Task%203~timer~750~0~", run: concurrently },
  { lesson: "api-requests", file: "api_requests", scale: 0.25, run: concurrently, base: (p) => `http://127.0.0.1:${p}/api/delay/800` },
  { lesson: "context-manager", file: "context_manager", scale: 0.25, run: concurrently },
  { lesson: "async-methods", file: "async_methods", scale: 0.25, run: concurrently, base: () => "api/delay/1000" },
  { lesson: "cpu-bound", file: "cpu_bound", scale: 1, run: concurrently, msFloor: 800 },
  {
    lesson: "race",
    file: "race",
    scale: 0.25,
    tasks: "mirror%20A~fetch~300~0~api/delay/300/mirror-a;mirror%20B~fetch~100~0~api/delay/100/mirror-b;mirror%20C~fetch~200~0~api/delay/200/mirror-c",
    run: concurrently,
    base: (p) => `http://127.0.0.1:${p}`,
  },
  { lesson: "timeout", file: "timeout", scale: 0.25, tasks: "slow%20report~fetch~750~0~api/delay/750/report", query: "&deadline=250", run: concurrently, base: (p) => `http://127.0.0.1:${p}` },
  {
    lesson: "limit",
    file: "limit",
    scale: 0.25,
    tasks: [150, 50, 100, 75, 125, 50, 100, 75, 150, 50].map((ms, i) => `request%20${i + 1}~fetch~${ms}~0~api/delay/${ms}/request-${i + 1}`).join(";"),
    run: concurrently,
    base: (p) => `http://127.0.0.1:${p}`,
  },
  {
    lesson: "as-completed",
    file: "as_completed",
    scale: 0.25,
    tasks: "report%20A~fetch~300~0~api/delay/300/report-a;report%20B~fetch~100~0~api/delay/100/report-b;report%20C~fetch~200~0~api/delay/200/report-c",
    run: concurrently,
    base: (p) => `http://127.0.0.1:${p}`,
  },
  // The lab's backoff is not scaled, so neither is this case: its waits must match the listings'.
  { lesson: "retry", file: "retry", scale: 1, run: concurrently, base: (p) => `http://127.0.0.1:${p}` },
  { lesson: "errors", file: "errors", scale: 0.25, tasks: "load%20user~timer~250~0~;load%20avatar~timer~75~1~;load%20posts~timer~375~0~", run: concurrently },
  {
    lesson: "errors",
    name: "errors (settle)",
    file: "errors",
    scale: 0.25,
    tasks: "load%20user~timer~250~0~;load%20avatar~timer~75~1~;load%20posts~timer~375~0~",
    query: "&on_error=settle",
    fix: ["tests/listings/errors_settle.py.json", "tests/listings/errors_settle.js.json"],
    run: concurrently,
  },
];

for (const c of cases) {
  test(`${c.name ?? c.lesson}: the Python and JavaScript listings print what the lab's Rust printed`, async ({ page }) => {
    test.setTimeout(90_000);
    await open(page, `?lesson=${c.lesson}${c.tasks ? `&tasks=${c.tasks}` : ""}${c.query ?? ""}`);
    // The service worker in control first: a run that starts before waits for it, and on a loaded
    // machine that wait (hundreds of ms) lands in the lab's printed times.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 10_000 });
    await c.run(page);
    const lab = await labLines(page);
    expect(lab.length).toBeGreaterThan(0);
    const table = await differences(page);
    current = c.scale;
    const scale = ["--scale", String(c.scale)];
    const fix = c.lesson === "context-manager" ? ["--fix", "tests/listings/context_manager.fix.json"] : c.fix ? ["--fix", c.fix[0]] : [];
    const py = await python(c.file, ...scale, ...(c.base ? ["--base", c.base(port)] : []), ...fix);
    expect(py.status, py.stderr).toBe(0);
    compare(lab, lines(py.stdout), table, "python", c.msFloor ?? 250);
    const js = await node(c.file, ...scale, "--base", `http://127.0.0.1:${port}/`, ...(c.fix ? ["--fix", c.fix[1]] : []));
    expect(js.status, js.stderr).toBe(0);
    compare(lab, lines(js.stdout), table, "javascript", c.msFloor ?? 250);
    if (c.lesson === "errors" && !c.fix) {
      // What the table's row must not hide: after gather's exception (and Promise.all's rejection)
      // the other tasks ran on to their end, while the lab's try_join_all printed nothing more.
      for (const printed of [lines(py.stdout), lines(js.stdout)]) {
        expect(printed, printed.join("\n")).toEqual(["Error: load avatar failed", "Finished load user", "Finished load posts"]);
      }
      expect(lab).toEqual(["Error: load avatar failed"]);
    }
    if (c.lesson === "race") {
      // Python cancelled its losers; the JS listing's ran on and answered, as the lab's JS lanes did.
      expect(lines(py.stdout).some((l) => l.startsWith("Late answer"))).toBe(false);
      expect(lines(js.stdout).filter((l) => l.startsWith("Late answer"))).toHaveLength(2);
      expect(lab.filter((l) => l.startsWith("Late answer"))).toHaveLength(2);
    }
    if (c.lesson === "cpu-bound") {
      // What the wide floor must not hide: all three blocked, so each timer fired at least 700 ms late
      // (a 1 s loop that began before a 100 ms or a 300 ms timer); yielding would print a few ms.
      for (const printed of [lab, lines(py.stdout), lines(js.stdout)]) {
        const late = printed.filter((l) => / late by /.test(l)).map((l) => numbers(l)[1]);
        expect(late, printed.join("\n")).toHaveLength(2);
        for (const ms of late) expect(ms, printed.join("\n")).toBeGreaterThanOrEqual(650);
      }
    }
  });
}

test("context-manager: the tutorial's code, as written, raises exactly the error its note names; the note's correction runs", async ({ page }) => {
  await open(page, "?lesson=context-manager");
  await page.getByRole("tab", { name: "Python" }).click();
  const note = ((await page.getByRole("note").textContent()) ?? "").replace(/\s+/g, " ");
  const verbatim = await python("context_manager", "--scale", "0.1");
  expect(verbatim.status).not.toBe(0);
  const error = lines(verbatim.stderr).at(-1)!;
  expect(error).toBe("AttributeError: 'dict' object has no attribute 'close'");
  expect(note).toContain(error);
  const fix = JSON.parse(readFileSync("tests/listings/context_manager.fix.json", "utf8"));
  for (const line of (fix.with as string).split("\n")) expect(note).toContain(line.trim());
  const corrected = await python("context_manager", "--scale", "0.1", "--fix", "tests/listings/context_manager.fix.json");
  expect(corrected.status, corrected.stderr).toBe(0);
  expect(lines(corrected.stdout)).toEqual(["Connecting to database...", "Using database: {'status': 'connected'}", "Closing database connection..."]);
});
