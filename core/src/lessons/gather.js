const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function task(name, delayMs) {
  console.log(`Starting ${name}...`);
  await sleep(delayMs);
  console.log(`Finished ${name}`);
  return `Result from ${name}`;
}

async function main() {
  // Promise.all keeps submission order, whatever order the tasks finish in.
  const results = await Promise.all([task("Task 1", 2000), task("Task 2", 1000), task("Task 3", 3000)]);
  console.log("All tasks completed:", results);
}

await main();
