# sync_example.py
import time

def fetch_data(data_id: str, delay: float):
    print(f"Fetching {data_id}...")
    time.sleep(delay)  # Blocks execution
    print(f"Fetched {data_id}")
    return data_id

# Sequential execution
start = time.time()
fetch_data("Data 1", 2)
fetch_data("Data 2", 2)
print(f"Total time: {time.time() - start:.2f} seconds")
# Total time: ~4 seconds


# async_example.py
import asyncio
import time

async def fetch_data(data_id: str, delay: float):
    print(f"Fetching {data_id}...")
    await asyncio.sleep(delay)  # Non-blocking
    print(f"Fetched {data_id}")
    return data_id

async def main():
    # Run tasks concurrently
    start = time.time()
    results = await asyncio.gather(
        fetch_data("Data 1", 2),
        fetch_data("Data 2", 2)
    )
    print(f"Total time: {time.time() - start:.2f} seconds")
    print("Results:", results)

asyncio.run(main())
# Total time: ~2 seconds (both tasks run in parallel)
