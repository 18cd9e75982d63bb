# Written for this lab. asyncio.timeout (Python 3.11+) cancels the waiting task at the deadline.
import asyncio
import time

import aiohttp

BASE_URL = "https://api.example.com"  # in CI, a local server that answers api/delay/{ms}/{name}
DEADLINE = 1.0  # seconds

async def main():
    start = time.perf_counter()
    elapsed = lambda: (time.perf_counter() - start) * 1000
    async with aiohttp.ClientSession() as session:
        try:
            async with asyncio.timeout(DEADLINE):
                async with session.get(f"{BASE_URL}/api/delay/3000/report") as response:
                    await response.read()
            print(f"slow report answered after {elapsed():.0f} ms")
        except TimeoutError:  # the request was cancelled and its connection closed
            print(f"slow report timed out after {elapsed():.0f} ms")

asyncio.run(main())
