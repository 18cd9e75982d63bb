// The heaviest link to a moment the app opens: retry's two runs of 20 tasks, each failing every
// attempt (the most log lines and lesson events `LessonId::most_recorded` lets a run hold), and
// polls, wakes and drawing spans filling the rest of the payload's cap, as many of them at 1 µs
// (the rest on a 16 ms grain, which deflate packs tighter) as the link's own cap lets in: both caps
// in core/src/share at once. Written in the payload's
// own format (core/src/share/write.rs): fields ended by ",", strings as "{bytes}:{text}", times in
// whole µs, closed sets by their place in core/src/share/mod.rs's tables.
import { deflateRawSync } from "node:zlib";

const MAX_PAYLOAD_BYTES = 512 * 1024;
const MAX_LINK_CHARS = 64 * 1024;
const RETRY = 12; // LESSONS' place of LessonId::Retry
const [SEQUENTIAL, CONCURRENT] = [0, 1];
const TASKS = 20;
const ATTEMPTS = 6;
const text = (s) => `${Buffer.byteLength(s)}:${s},`;

/** A run filling `budget` bytes, the `fine` share of its polls, wakes and spans at whole µs and
 *  the rest at whole multiples of 16 ms. */
function run(id, mode, budget, fine) {
  const wall = 4_000_000;
  const at = (k, n) => { const t = Math.floor((k * wall) / n); return k < fine * n ? t : t - (t % 16_000); };
  const label = (i) => `Task ${i + 1}`;
  let out = `${id},${RETRY},${mode},${wall},0,0,-,${TASKS},`;
  for (let i = 0; i < TASKS; i++) out += `${text(label(i))}0,100,1,0:,${i * 1000},${wall - 1000},-,3,0,-,-,0,-,${text("failed: the switch is on")}`;
  out += `${TASKS},` + Array.from({ length: TASKS }, (_, i) => `${i},`).join("");
  out += `${TASKS + 1},` + Array.from({ length: TASKS }, (_, i) => `${wall - 2000},${text(`${label(i)}: gave up after ${ATTEMPTS} attempts`)}`).join("") + `${wall},${text("20 requests in 4000 ms")}`;
  const events = [`0,9,5,`];
  for (let i = 0; i < TASKS; i++) {
    for (let a = 1; a <= ATTEMPTS; a++) {
      events.push(`${a * 500_000},10,${i},${text(label(i))}${a},`);
      if (a < ATTEMPTS) events.push(`${a * 500_000 + 100_000},11,${i},${text(label(i))}${a},-,${a * 100_000},`);
    }
  }
  out += `${events.length},` + events.join("");
  // What is left, a third each to polls, wakes and drawing spans.
  const left = budget - out.length - 16;
  const polls = Math.floor(left / 3 / 22);
  const wakes = Math.floor(left / 3 / 13);
  const spans = Math.floor(left / 3 / 16);
  const trace = [];
  for (let k = 0; k < polls + wakes; k++) {
    const t = at(k, polls + wakes);
    const lane = 1 + (k % TASKS);
    trace.push(k < polls ? `${lane * 2},${t},${t + 40},${k % 2},` : `${lane * 2 + 1},${t},${k % 4},`);
  }
  out += `${trace.length},` + trace.join("");
  out += `${spans},` + Array.from({ length: spans }, (_, k) => { const t = at(k, spans); return `${t},${t + 50},`; }).join("");
  return out + `0,1,`;
}

/** The payload's size, its link's query and fragment, and the query of the same tasks without it. */
export function worstLink() {
  const head = "1,2,";
  const each = Math.floor((MAX_PAYLOAD_BYTES - head.length) / 2) - 64;
  const fill = (fine) => {
    const payload = head + run(1, SEQUENTIAL, each, fine) + run(2, CONCURRENT, each, fine);
    return { payload, fragment: deflateRawSync(Buffer.from(payload), { level: 9 }).toString("base64url") };
  };
  // Finer times make a link longer (the browser's cost) and coarser ones shorter; a link at the
  // char cap with a payload at the byte cap costs both at once.
  const shares = Array.from({ length: 51 }, (_, i) => 1 - i / 50);
  let worst;
  for (const fine of shares) if ((worst = fill(fine)).fragment.length <= MAX_LINK_CHARS) break;
  const { payload, fragment } = worst;
  if (payload.length > MAX_PAYLOAD_BYTES) throw new Error(`the worst payload is ${payload.length} B, over the cap`);
  const tasks = Array.from({ length: TASKS }, (_, i) => `Task%20${i + 1}~timer~100~1~`).join(";");
  // The query as Copy link writes it for these runs (their fail_first is 5, their first lesson
  // event), so the page has no address to rewrite.
  const query = `?v=1&lesson=retry&tasks=${tasks}&fail_first=5`;
  return { bytes: payload.length, link: `${query}#run=${fragment}&at=2000`, plain: query };
}
