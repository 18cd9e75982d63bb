// Written for this lab. Each result handled as soon as it arrives, in completion order.
const BASE_URL = "http://127.0.0.1:8080/"; // where the lab answers api/delay/{ms}/{name} (make serve)
const reports = { "report A": 1200, "report B": 400, "report C": 800 }; // ms each takes to answer

const start = performance.now();
const fetchReport = (name, ms) => fetch(new URL(`api/delay/${ms}/${name.replace(" ", "-")}`, BASE_URL)).then((r) => r.text()).then(() => name);

// JavaScript has no as_completed: race what is still pending, again and again.
const pending = new Map(Object.entries(reports).map(([name, ms]) => [name, fetchReport(name, ms)]));
while (pending.size > 0) {
  const name = await Promise.race(pending.values());
  pending.delete(name);
  console.log(`${name} handled at ${(performance.now() - start).toFixed(0)} ms`);
}
