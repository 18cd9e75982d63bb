# async_functions.py
import asyncio

async def greet(name: str):
    """Async function - returns a coroutine"""
    await asyncio.sleep(1)  # Simulate I/O operation
    return f"Hello, {name}!"

# Call async function
async def main():
    result = await greet("Alice")
    print(result)

asyncio.run(main())
