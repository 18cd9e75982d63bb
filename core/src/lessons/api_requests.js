// fetch is the shared client; an AbortController cancels every request it signals.
const BASE_URL = "http://127.0.0.1:8080/"; // where the lab answers api/delay/{ms}/{name} (make serve)

async function fetchUrl(url, signal) {
  const response = await fetch(url, { signal });
  return response.text();
}

async function fetchMultipleUrls(urls) {
  const controller = new AbortController();
  return Promise.all(urls.map((url) => fetchUrl(new URL(url, BASE_URL), controller.signal)));
}

async function main() {
  const results = await fetchMultipleUrls(["api/delay/800/data1", "api/delay/1200/data2", "api/delay/600/data3"]);
  console.log(`Fetched ${results.length} URLs`);
}

await main();
