# Written for this lab: the tutorial only says "Use async for: I/O-bound operations".
import asyncio
import time

def busy(seconds: float):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass  # never awaits: the event loop is stuck here

async def busy_yielding(seconds: float):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        busy(min(0.004, end - time.perf_counter()))
        await asyncio.sleep(0)  # between 4 ms slices, due timers get their turn

async def tick(name: str, delay: float):
    start = time.perf_counter()
    await asyncio.sleep(delay)
    print(f"{name} late by {(time.perf_counter() - start - delay) * 1000:.0f} ms")

async def main(yielding: bool):
    timers = [asyncio.create_task(tick("Timer 1", 0.1)), asyncio.create_task(tick("Timer 2", 0.3))]
    await asyncio.sleep(0)  # let both tasks start and arm their timers first
    if yielding:
        await busy_yielding(1.0)  # the timers fire about on time
    else:
        busy(1.0)  # blocks: the timers fire about 0.9 s and 0.7 s late
    await asyncio.gather(*timers)

asyncio.run(main(yielding=False))
# CPU-bound work needs threads or processes (asyncio.to_thread, ProcessPoolExecutor),
# or slices that yield, as busy_yielding does.
