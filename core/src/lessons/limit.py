# Written for this lab. At most LIMIT requests at once: a semaphore, a sliding window.
import asyncio
import time

import aiohttp

BASE_URL = "https://api.example.com"  # in CI, a local server that answers api/delay/{ms}/{name}
DELAYS = [600, 200, 400, 300, 500, 200, 400, 300, 600, 200]  # ms each request takes
LIMIT = 3

async def fetch(session: aiohttp.ClientSession, limit: asyncio.Semaphore, n: int, delay_ms: int):
    async with limit:  # waits while LIMIT requests are in flight; the next starts as one ends
        async with session.get(f"{BASE_URL}/api/delay/{delay_ms}/request-{n}") as response:
            return await response.read()

async def main():
    start = time.perf_counter()
    limit = asyncio.Semaphore(LIMIT)
    async with aiohttp.ClientSession() as session:
        results = await asyncio.gather(*(fetch(session, limit, n, ms) for n, ms in enumerate(DELAYS, 1)))
    elapsed = (time.perf_counter() - start) * 1000
    print(f"{len(results)} requests, at most {LIMIT} in flight, in {elapsed:.0f} ms")

asyncio.run(main())
