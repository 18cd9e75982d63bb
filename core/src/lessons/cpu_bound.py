# "Use async for: I/O-bound operations"
import asyncio
import time

def busy(seconds: float):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass  # never awaits: the event loop is stuck here

async def tick(name: str, delay: float):
    start = time.perf_counter()
    await asyncio.sleep(delay)
    print(f"{name} late by {time.perf_counter() - start - delay:.3f} s")

async def main():
    timers = [asyncio.create_task(tick("Timer 1", 0.1)), asyncio.create_task(tick("Timer 2", 0.3))]
    busy(1.0)                  # blocks: both timers fire about 0.9 s and 0.7 s late
    await asyncio.gather(*timers)

asyncio.run(main())
# CPU-bound work needs threads or processes (asyncio.to_thread, ProcessPoolExecutor),
# or slices that yield: await asyncio.sleep(0) between chunks.
