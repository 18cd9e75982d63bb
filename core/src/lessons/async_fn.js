// A promise starts running the moment it is created: there is no lazy step.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function greet(name) {
  await sleep(1000); // Simulate I/O
  return `Hello, ${name}!`;
}

async function main() {
  const promise = greet("Alice"); // the timer is already armed here
  // ... any time later ...
  console.log(await promise); // awaiting only waits for what already runs
}

await main();
