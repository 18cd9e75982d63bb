# async_classes.py
import asyncio

class AsyncDataFetcher:
    """Class with async methods"""

    def __init__(self, base_url: str):
        self.base_url = base_url

    async def fetch(self, endpoint: str):
        """Async method"""
        await asyncio.sleep(1)  # Simulate network request
        return f"Data from {self.base_url}/{endpoint}"

    async def fetch_multiple(self, endpoints: list[str]):
        """Fetch multiple endpoints concurrently"""
        tasks = [self.fetch(ep) for ep in endpoints]
        return await asyncio.gather(*tasks)

# Usage
async def main():
    fetcher = AsyncDataFetcher("https://api.example.com")
    results = await fetcher.fetch_multiple(["users", "posts", "comments"])
    print(results)

asyncio.run(main())
