// fetch is the shared client; an AbortController cancels every request it signals.
async function fetchUrl(url, signal) {
  const response = await fetch(url, { signal });
  return response.text();
}

async function fetchMultipleUrls(urls) {
  const controller = new AbortController();
  return Promise.all(urls.map((url) => fetchUrl(url, controller.signal)));
}

const results = await fetchMultipleUrls(["api/delay/800/data1", "api/delay/1200/data2", "api/delay/600/data3"]);
console.log(`Fetched ${results.length} URLs`);
