"""Offset paging, one page after the other against several pages at a time.

Against the fake Outreach server (its own process, 300 ms latency per request, rate limit on
with its default budget, full prospect records), one run reads the same collection with
`iterate(mode="offset", count=True)` sequentially (the baseline) and with `concurrency` 4
and 8, checking that every run yields the same ids in the same order.

The fake server is one CPU-bound process that spends about 100 ms building a page of 100
full prospects; at a latency much below that it is the bottleneck and concurrency gains
little, so the latency is set where the wait, not the fake's CPU, dominates.

    python benchmarks/pages.py            # 3,000 prospects, pages of 100
    python benchmarks/pages.py --quick    # 1,000 prospects

The last line reads `speedup_4=<x> speedup_8=<y> same_items=<true|false>`.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import time

from outreach_async import OutreachClient

LATENCY = 0.3
PAGE_SIZE = 100
TOKEN = "benchmark-token"


async def _read(api_url: str, concurrency: int) -> tuple[float, list[int | str | None]]:
    async with OutreachClient(TOKEN, base_url=api_url) as client:
        started = time.perf_counter()
        paginator = client.resource("prospect").iterate(
            mode="offset", count=True, page_size=PAGE_SIZE, concurrency=concurrency
        )
        ids = [item.id async for item in paginator]
        return time.perf_counter() - started, ids


async def measure(api_url: str) -> None:
    await _read(api_url, 4)  # warm the server's record cache so every run pays the same
    baseline, expected = await _read(api_url, 1)
    print(f"sequential      {baseline:6.2f}s  {len(expected)} records")
    speedups = {}
    same = True
    for concurrency in (4, 8):
        elapsed, ids = await _read(api_url, concurrency)
        same = same and ids == expected
        speedups[concurrency] = baseline / elapsed
        ratio = speedups[concurrency]
        print(f"concurrency={concurrency}   {elapsed:6.2f}s  x{ratio:.1f} vs sequential")
    print(f"speedup_4={speedups[4]:.2f} speedup_8={speedups[8]:.2f} same_items={str(same).lower()}")


def main(records: int) -> None:
    """Start the fake server in a child process, measure against it, stop it."""
    command = [sys.executable, "-m", "outreach_async.testing.cli", "--port", "0"]
    command += ["--prospects", str(records), "--latency", str(LATENCY), "--token", TOKEN]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        api_url = server.stdout.readline().split(": ", 1)[1].strip()
        asyncio.run(measure(api_url))
    finally:
        server.terminate()
        server.wait()
        if server.stdout is not None:
            server.stdout.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 records instead of 3,000")
    arguments = parser.parse_args()
    main(1000 if arguments.quick else 3000)
