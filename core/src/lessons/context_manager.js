// try/finally is JavaScript's context manager: finally runs on success and on error.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function withConnection(connectionString, use) {
  console.log("Connecting to database...");
  await sleep(100);
  const connection = { status: "connected" };
  try {
    return await use(connection);
  } finally {
    console.log("Closing database connection...");
  }
}

async function main() {
  await withConnection("postgresql://localhost/db", async (db) => console.log("Using database:", db));
}

await main();
// A promise cannot be cancelled from outside: an AbortSignal must be passed in and checked.
