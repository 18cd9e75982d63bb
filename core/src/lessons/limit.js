// Written for this lab. At most LIMIT requests at once: a small pool, a sliding window.
const BASE_URL = "http://127.0.0.1:8080/"; // where the lab answers api/delay/{ms}/{name} (make serve)
const DELAYS = [600, 200, 400, 300, 500, 200, 400, 300, 600, 200]; // ms each request takes
const LIMIT = 3;

// LIMIT workers, each taking the next job as soon as its last one ends.
async function pool(jobs, limit) {
  const results = [];
  let next = 0;
  async function worker() {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

const start = performance.now();
const jobs = DELAYS.map((ms, i) => () => fetch(new URL(`api/delay/${ms}/request-${i + 1}`, BASE_URL)).then((r) => r.text()));
const results = await pool(jobs, LIMIT);
console.log(`${results.length} requests, at most ${LIMIT} in flight, in ${(performance.now() - start).toFixed(0)} ms`);
