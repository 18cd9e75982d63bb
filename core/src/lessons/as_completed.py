# Written for this lab. Each result handled as soon as it arrives, in completion order.
import asyncio
import time

import aiohttp

BASE_URL = "https://api.example.com"  # in CI, a local server that answers api/delay/{ms}/{name}
REPORTS = {"report A": 1200, "report B": 400, "report C": 800}  # ms each takes to answer

async def fetch(session: aiohttp.ClientSession, name: str, delay_ms: int) -> str:
    async with session.get(f"{BASE_URL}/api/delay/{delay_ms}/{name.replace(' ', '-')}") as response:
        await response.read()
    return name

async def main():
    start = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        requests = [fetch(session, name, ms) for name, ms in REPORTS.items()]
        for next_done in asyncio.as_completed(requests):
            name = await next_done
            print(f"{name} handled at {(time.perf_counter() - start) * 1000:.0f} ms")

asyncio.run(main())
