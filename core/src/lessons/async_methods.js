const BASE_URL = "http://127.0.0.1:8080/"; // where the lab answers api/delay/{ms}/{name} (make serve)

class DataFetcher {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  async fetch(endpoint) {
    const path = `${this.baseUrl}/${endpoint}`;
    const response = await fetch(new URL(path, BASE_URL));
    return response.ok ? `Data from ${path}` : `No data from ${path}: HTTP ${response.status}`;
  }

  fetchMultiple(endpoints) {
    return Promise.all(endpoints.map((ep) => this.fetch(ep)));
  }
}

async function main() {
  const fetcher = new DataFetcher("api/delay/1000");
  console.log(JSON.stringify(await fetcher.fetchMultiple(["users", "posts", "comments"])));
}

await main();
