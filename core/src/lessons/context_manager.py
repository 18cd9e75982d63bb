# async_context.py
import asyncio
from contextlib import asynccontextmanager

@asynccontextmanager
async def async_database_connection(connection_string: str):
    """Async context manager"""
    print("Connecting to database...")
    connection = await connect_to_database(connection_string)
    try:
        yield connection
    finally:
        print("Closing database connection...")
        await connection.close()

async def connect_to_database(connection_string: str):
    # Simulate async connection
    await asyncio.sleep(0.1)
    return {"status": "connected"}

# Usage
async def main():
    async with async_database_connection("postgresql://localhost/db") as db:
        print("Using database:", db)

asyncio.run(main())
