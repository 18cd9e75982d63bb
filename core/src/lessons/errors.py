# Written for this lab. One task fails early: what happens to the others?
import asyncio

async def load(name: str, delay: float, fails: bool) -> str:
    await asyncio.sleep(delay)
    if fails:
        raise RuntimeError(f"{name} failed")
    print(f"Finished {name}")
    return name

JOBS = [("load user", 1.0, False), ("load avatar", 0.3, True), ("load posts", 1.5, False)]

async def main(on_error: str):
    tasks = [asyncio.create_task(load(*job)) for job in JOBS]
    if on_error == "settle":
        results = await asyncio.gather(*tasks, return_exceptions=True)
        for (name, _, _), result in zip(JOBS, results):
            print(f"{name}: {'failed' if isinstance(result, Exception) else 'ok'}")
    else:
        try:
            await asyncio.gather(*tasks)
        except RuntimeError as error:
            print(f"Error: {error}")
        # gather raised, but did not cancel the other tasks: they run on, and finish here.
        # (Without this wait, asyncio.run would cancel them as main returns.)
        await asyncio.wait(tasks)

asyncio.run(main(on_error="fail-fast"))
