// Shared helpers: collect the async-lab:run reports a page dispatches; read a page printed to PDF.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { expect, type Page } from "@playwright/test";

/** The page printed to PDF (A4), read back as text with pdftotext. */
export async function pdfText(page: Page): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), "async-lab-pdf-")), "page.pdf");
  writeFileSync(file, await page.pdf({ format: "A4" }));
  return execFileSync("pdftotext", ["-layout", file, "-"]).toString();
}

/** The labels of the live controls, none of which may print. */
export const CONTROLS = ["Run sequentially", "Run concurrently", "Run both", "Cancel", "Edit tasks", "Previous event", "Next event", "Copy link"];

export type TaskReport = {
  label: string;
  kind: string;
  requested_ms: number;
  start_ms: number | null;
  end_ms: number | null;
  late_ms: number | null;
  status: string;
  source: string;
  http_status: number | null;
  bytes: number | null;
  detail: string;
};

export type RunReport = {
  version: number;
  run_id: number;
  lesson: string;
  mode: string;
  outcome: string;
  throttled: boolean;
  clock_resolution_ms: number;
  wall_ms: number;
  sum_ms: number;
  ideal_ms: number;
  expected_wall_ms: number;
  savings_ms: number | null;
  speedup: number | null;
  tasks: TaskReport[];
  events: { t_ms: number; label: string; what: string }[];
};

/** Opens the app at `query` and records every async-lab:run report it dispatches. */
export async function open(page: Page, query = ""): Promise<void> {
  await page.addInitScript(() => {
    (window as any).__runs = [];
    (window as any).__csp = [];
    window.addEventListener("async-lab:run", (e) => (window as any).__runs.push((e as CustomEvent).detail));
    document.addEventListener("securitypolicyviolation", (e) => (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`./${query}`);
  await expect(page.getByRole("button", { name: "Run both" })).toBeVisible();
}

/** The Content-Security-Policy violations the page has reported so far. */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as any).__csp);
}

/** Waits until `count` reports have arrived and returns them all. */
export async function runs(page: Page, count: number, timeout = 30_000): Promise<RunReport[]> {
  await page.waitForFunction((n) => (window as any).__runs.length >= n, count, { timeout });
  return page.evaluate(() => (window as any).__runs);
}

/** `tasks=` for timers with these labels and delays. */
export function timers(...tasks: [string, number][]): string {
  return "tasks=" + tasks.map(([label, ms]) => `${encodeURIComponent(label)}~timer~${ms}~0~`).join(";");
}

/** Opens the task editor behind "Edit tasks" if a run has folded it (the first run does). */
export async function editTasks(page: Page): Promise<void> {
  const editor = page.locator("details.editor");
  if (!(await editor.evaluate((d) => (d as HTMLDetailsElement).open))) await editor.locator("summary").click();
  await expect(page.getByLabel("Label of task 1", { exact: true })).toBeVisible();
}

/** A PNG as Playwright writes screenshots (8-bit RGB or RGBA, not interlaced), decoded to RGB rows. */
export function pngPixels(png: Buffer): { width: number; height: number; rgb: (x: number, y: number) => [number, number, number] } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const [depth, type, interlace] = [png[24], png[25], png[28]];
  if (depth !== 8 || (type !== 2 && type !== 6) || interlace !== 0) throw new Error(`unexpected PNG: depth ${depth}, type ${type}, interlace ${interlace}`);
  const channels = type === 6 ? 4 : 3;
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString("ascii", at + 4, at + 8) === "IDAT") chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const out = Buffer.alloc(height * stride);
  // Undo each row's filter (PNG's none, sub, up, average, Paeth).
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i];
      const a = i >= channels ? out[y * stride + i - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + i] : 0;
      const c = i >= channels && y > 0 ? out[(y - 1) * stride + i - channels] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      out[y * stride + i] = (x + [0, a, b, (a + b) >> 1, paeth][filter]) & 255;
    }
  }
  return { width, height, rgb: (x, y) => [out[y * stride + x * channels], out[y * stride + x * channels + 1], out[y * stride + x * channels + 2]] };
}
