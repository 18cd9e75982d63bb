# async_api.py
import asyncio
import aiohttp

async def fetch_url(session: aiohttp.ClientSession, url: str):
    """Fetch a single URL"""
    async with session.get(url) as response:
        return await response.text()

async def fetch_multiple_urls(urls: list[str]):
    """Fetch multiple URLs concurrently"""
    async with aiohttp.ClientSession() as session:
        tasks = [fetch_url(session, url) for url in urls]
        results = await asyncio.gather(*tasks)
        return results

# Usage
async def main():
    urls = [
        "https://api.example.com/data1",
        "https://api.example.com/data2",
        "https://api.example.com/data3"
    ]
    results = await fetch_multiple_urls(urls)
    print(f"Fetched {len(results)} URLs")

asyncio.run(main())
