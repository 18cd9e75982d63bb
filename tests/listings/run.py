"""Runs a lesson's Python listing as shipped, changing nothing but its declared base URL and the delay scale.

Usage: python tests/listings/run.py LISTING [--scale S] [--base URL] [--fix FIX.json]
  --scale S   every asyncio.sleep, asyncio.timeout and time.sleep waits S times as long (the lab's CI runs faster)
  --base URL  the tutorial's base URL, https://api.example.com, becomes URL
  --fix FILE  {"replace": ..., "with": ...}: the correction a lesson's note shows, applied
"""
import argparse
import asyncio
import json
import time

DECLARED_BASE = "https://api.example.com"

parser = argparse.ArgumentParser()
parser.add_argument("listing")
parser.add_argument("--scale", type=float, default=1.0)
parser.add_argument("--base")
parser.add_argument("--fix")
args = parser.parse_args()

with open(args.listing, encoding="utf-8") as f:
    text = f.read()
if args.base:
    text = text.replace(DECLARED_BASE, args.base)
if args.fix:
    with open(args.fix, encoding="utf-8") as f:
        fix = json.load(f)
    if fix["replace"] not in text:
        raise SystemExit(f"{args.fix}: the listing has no {fix['replace']!r} to correct")
    text = text.replace(fix["replace"], fix["with"])

_async_sleep, _time_sleep, _timeout = asyncio.sleep, time.sleep, asyncio.timeout


async def scaled_sleep(delay, *rest, **named):
    return await _async_sleep(delay * args.scale, *rest, **named)


asyncio.sleep = scaled_sleep
asyncio.timeout = lambda delay: _timeout(None if delay is None else delay * args.scale)
time.sleep = lambda seconds: _time_sleep(seconds * args.scale)
exec(compile(text, args.listing, "exec"), {"__name__": "__main__"})
