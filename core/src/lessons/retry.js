// Written for this lab. Retry a flaky endpoint with exponential backoff and jitter.
const BASE_URL = "http://127.0.0.1:8080/"; // where the lab answers api/flaky/{k}/{attempt}/{name} (make serve)
const requests = { report: 200, prices: 400, weather: 600 }; // ms each attempt takes to answer
const FAIL_FIRST = 2; // the endpoint fails each request's first attempts with 503
const MAX_ATTEMPTS = 6;
const BASE_MS = 100;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function fetchWithRetry(name, ms) {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    // The attempt number is in the path: the endpoint keeps no count of its own.
    const response = await fetch(new URL(`api/flaky/${FAIL_FIRST}/${attempt}/${name}?ms=${ms}`, BASE_URL));
    if (response.status < 500) {
      console.log(`${name}: HTTP ${response.status} on attempt ${attempt}`);
      return response.text();
    }
    await response.arrayBuffer();
    if (attempt === MAX_ATTEMPTS) {
      console.log(`${name}: gave up after ${attempt} attempts`);
      return null;
    }
    // base × 2^(attempt − 1), spread ±25 % so clients that failed together do not retry in step.
    await sleep(BASE_MS * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5));
  }
}

const start = performance.now();
await Promise.all(Object.entries(requests).map(([name, ms]) => fetchWithRetry(name, ms)));
console.log(`${Object.keys(requests).length} requests in ${(performance.now() - start).toFixed(0)} ms`);
