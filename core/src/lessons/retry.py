# Written for this lab. Retry a flaky endpoint with exponential backoff and jitter.
import asyncio
import random
import time

import aiohttp

BASE_URL = "https://api.example.com"  # in CI, a local server that answers api/flaky/{k}/{attempt}/{name}
REQUESTS = {"report": 200, "prices": 400, "weather": 600}  # ms each attempt takes to answer
FAIL_FIRST = 2  # the endpoint fails each request's first attempts with 503
MAX_ATTEMPTS = 6
BASE_MS = 100

async def fetch_with_retry(session: aiohttp.ClientSession, name: str, delay_ms: int):
    for attempt in range(1, MAX_ATTEMPTS + 1):
        # The attempt number is in the path: the endpoint keeps no count of its own.
        url = f"{BASE_URL}/api/flaky/{FAIL_FIRST}/{attempt}/{name}?ms={delay_ms}"
        async with session.get(url) as response:
            if response.status < 500:
                print(f"{name}: HTTP {response.status} on attempt {attempt}")
                return await response.read()
        if attempt == MAX_ATTEMPTS:
            print(f"{name}: gave up after {attempt} attempts")
            return None
        # base × 2^(attempt − 1), spread ±25 % so clients that failed together do not retry in step.
        wait_ms = BASE_MS * 2 ** (attempt - 1) * random.uniform(0.75, 1.25)
        await asyncio.sleep(wait_ms / 1000)

async def main():
    start = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        await asyncio.gather(*(fetch_with_retry(session, name, ms) for name, ms in REQUESTS.items()))
    print(f"{len(REQUESTS)} requests in {(time.perf_counter() - start) * 1000:.0f} ms")

asyncio.run(main())
