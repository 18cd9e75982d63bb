// Written for this lab. AbortSignal.timeout aborts the request itself at the deadline.
const BASE_URL = "http://127.0.0.1:8080/"; // where the lab answers api/delay/{ms}/{name} (make serve)
const DEADLINE_MS = 1000;

const start = performance.now();
const ms = () => (performance.now() - start).toFixed(0);

try {
  const response = await fetch(new URL("api/delay/3000/report", BASE_URL), { signal: AbortSignal.timeout(DEADLINE_MS) });
  await response.text();
  console.log(`slow report answered after ${ms()} ms`);
} catch (error) {
  if (error.name !== "TimeoutError") throw error;
  // Without the signal, the await would give up nothing: the request would run on to its end.
  console.log(`slow report timed out after ${ms()} ms`);
}
