// The same lesson with JavaScript promises.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function fetchData(dataId, delayMs) {
  console.log(`Fetching ${dataId}...`);
  await sleep(delayMs); // Non-blocking: the event loop runs other work
  console.log(`Fetched ${dataId}`);
  return dataId;
}

// Sequential: each await finishes before the next call starts.
async function sequential() {
  const start = performance.now();
  const results = [];
  results.push(await fetchData("Data 1", 2000));
  results.push(await fetchData("Data 2", 2000));
  console.log(`Total time: ${((performance.now() - start) / 1000).toFixed(2)} seconds`);
  console.log("Results:", results);
}

// Concurrent: both promises exist at once; Promise.all gathers them in order.
async function concurrent() {
  const start = performance.now();
  const results = await Promise.all([fetchData("Data 1", 2000), fetchData("Data 2", 2000)]);
  console.log(`Total time: ${((performance.now() - start) / 1000).toFixed(2)} seconds`);
  console.log("Results:", results);
}

async function main() {
  await sequential(); // about 4 s
  await concurrent(); // about 2 s
}

await main();
