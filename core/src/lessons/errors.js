// Written for this lab. One task fails early: what happens to the others?
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function load(name, delayMs, fails) {
  await sleep(delayMs);
  if (fails) throw new Error(`${name} failed`);
  console.log(`Finished ${name}`);
  return name;
}

const jobs = [["load user", 1000, false], ["load avatar", 300, true], ["load posts", 1500, false]];

async function main(onError) {
  const promises = jobs.map((job) => load(...job)); // all running from here: promises are eager
  if (onError === "settle") {
    const results = await Promise.allSettled(promises);
    results.forEach((result, i) => console.log(`${jobs[i][0]}: ${result.status === "fulfilled" ? "ok" : "failed"}`));
  } else {
    try {
      await Promise.all(promises);
    } catch (error) {
      console.log(`Error: ${error.message}`); // the other promises run on, and nothing can stop them
    }
  }
}

await main("fail-fast");
