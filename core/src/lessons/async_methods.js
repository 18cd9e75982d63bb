class DataFetcher {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  async fetch(endpoint) {
    const response = await fetch(`${this.baseUrl}/${endpoint}`);
    return `Data from ${this.baseUrl}/${endpoint} (${response.status})`;
  }

  fetchMultiple(endpoints) {
    return Promise.all(endpoints.map((ep) => this.fetch(ep)));
  }
}

const fetcher = new DataFetcher("api/delay/1000");
console.log(await fetcher.fetchMultiple(["users", "posts", "comments"]));
