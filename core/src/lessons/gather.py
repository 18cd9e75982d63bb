# multiple_tasks.py
import asyncio

async def task(name: str, delay: float):
    print(f"Starting {name}...")
    await asyncio.sleep(delay)
    print(f"Finished {name}")
    return f"Result from {name}"

async def main():
    # Run tasks concurrently
    results = await asyncio.gather(
        task("Task 1", 2),
        task("Task 2", 1),
        task("Task 3", 3)
    )
    print("All tasks completed:", results)

asyncio.run(main())
# Tasks run concurrently, not sequentially
