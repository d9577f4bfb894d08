"""Several processes spending one Outreach user's budget through a shared `RedisLimiter`.

Three worker processes request prospects at once; the limiter in Redis paces them together,
so the server's limit is never hit (no 429). Needs a Redis server (`REDIS_URL`, default
`redis://127.0.0.1:6379/0`) and `pip install 'outreach-async[redis]'`.

    python examples/shared_budget.py

Without `OUTREACH_ACCESS_TOKEN` the processes share the embedded fake Outreach, started
here with a budget of 60 requests per 3 seconds so that the pacing shows.
"""

import asyncio
import json
import os
import sys
import time
import uuid

from outreach_async import DEFAULT_BASE_URL, OutreachClient, RedisLimiter, RequestStats
from outreach_async.testing import FakeOutreach, RateLimitSettings

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
PROCESSES = 3
REQUESTS_PER_PROCESS = 15
FAKE_LIMIT, FAKE_WINDOW = 60, 3.0


async def worker(base_url: str, key: str, limit: int, window: float) -> None:
    """One process: its requests, paced by the limiter every process shares."""
    limiter = RedisLimiter.from_url(REDIS_URL, key, limit=limit, window=window)
    stats = RequestStats()
    token = os.environ["OUTREACH_ACCESS_TOKEN"]
    async with limiter, OutreachClient(token, base_url=base_url, limiter=limiter) as client:
        client.hooks.add(stats)
        await asyncio.gather(
            *(client.prospects.get(1 + n % 10) for n in range(REQUESTS_PER_PROCESS))
        )
    print(json.dumps({"ok": stats.responses[200], "rate_limited": stats.rate_limited}))


async def run_workers(base_url: str, limit: int, window: float, env: dict[str, str]) -> None:
    key = f"outreach:ratelimit:example-{uuid.uuid4()}"  # in production: one key per user
    started = time.monotonic()
    arguments = [__file__, "--worker", base_url, key, str(limit), str(window)]
    processes = [
        await asyncio.create_subprocess_exec(
            sys.executable, *arguments, stdout=asyncio.subprocess.PIPE, env=env
        )
        for _ in range(PROCESSES)
    ]
    reports = []
    for process in processes:
        output, _ = await process.communicate()
        if process.returncode != 0:
            raise SystemExit(f"a worker failed with exit code {process.returncode}")
        reports.append(json.loads(output.decode().splitlines()[-1]))
    succeeded = sum(report["ok"] for report in reports)
    limited = sum(report["rate_limited"] for report in reports)
    seconds = time.monotonic() - started
    print(f"{PROCESSES} processes, {succeeded} requests answered 200 in {seconds:.1f}s")
    print(f"429 answers: {limited}")


async def main() -> None:
    if os.environ.get("OUTREACH_ACCESS_TOKEN"):
        await run_workers(DEFAULT_BASE_URL, 10_000, 3600.0, dict(os.environ))
        return
    budget = RateLimitSettings(limit=FAKE_LIMIT, window=FAKE_WINDOW)
    async with FakeOutreach(seed=42, rate_limit=budget) as server:
        print(f"fake Outreach at {server.api_url}: {FAKE_LIMIT} requests per {FAKE_WINDOW:g}s")
        env = {**os.environ, "OUTREACH_ACCESS_TOKEN": server.token}
        await run_workers(server.api_url, FAKE_LIMIT, FAKE_WINDOW, env)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        base_url, key, limit, window = sys.argv[2:6]
        asyncio.run(worker(base_url, key, int(limit), float(window)))
    else:
        asyncio.run(main())
