// Written for this lab. Promise.race settles with the first answer; a promise cannot be cancelled.
const BASE_URL = "http://127.0.0.1:8080/"; // where the lab answers api/delay/{ms}/{name} (make serve)
const mirrors = { "mirror A": 1200, "mirror B": 400, "mirror C": 800 }; // ms each takes to answer

const start = performance.now();
const ms = () => (performance.now() - start).toFixed(0);
let decided = false;

async function ask(name, delayMs) {
  const response = await fetch(new URL(`api/delay/${delayMs}/${name.replace(" ", "-")}`, BASE_URL));
  await response.text();
  if (decided) console.log(`Late answer: ${name} after ${ms()} ms`); // the race is over: nobody awaits it
  return name;
}

const requests = Object.entries(mirrors).map(([name, delayMs]) => ask(name, delayMs));
const winner = await Promise.race(requests);
decided = true;
console.log(`First answer: ${winner} after ${ms()} ms`);
// To stop a loser's request, hand fetch an AbortSignal and abort it: the promise itself cannot be.
console.log(`${requests.length - 1} other requests still running`);
