# Written for this lab: the tutorial stops at gather. The first answer wins; the rest are cancelled.
import asyncio
import time

import aiohttp

BASE_URL = "https://api.example.com"  # in CI, a local server that answers api/delay/{ms}/{name}
MIRRORS = {"mirror A": 1200, "mirror B": 400, "mirror C": 800}  # ms each takes to answer

async def ask(session: aiohttp.ClientSession, name: str, delay_ms: int) -> str:
    slug = name.replace(" ", "-")
    async with session.get(f"{BASE_URL}/api/delay/{delay_ms}/{slug}") as response:
        await response.read()
    return name

async def main():
    start = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        tasks = [asyncio.create_task(ask(session, name, ms)) for name, ms in MIRRORS.items()]
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        elapsed = (time.perf_counter() - start) * 1000
        print(f"First answer: {done.pop().result()} after {elapsed:.0f} ms")
        for task in pending:
            task.cancel()  # without this the losers run on; cancelling closes their connections
        print(f"Cancelled {len(pending)} other requests")

asyncio.run(main())
