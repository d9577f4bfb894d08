"""What incremental sync costs: a full run, then an incremental run after 1% changed, then a
reconciling run after 0.1% were deleted, against the fake server in its own process.

Default settings, as users run them (page size 1,000, concurrency 8, full records of every
attribute), with the fake server's rate limit on at Outreach's 10,000 requests an hour and
the client's default limiter. The expected costs: a full run about records/1,000 requests,
an incremental run about changed/1,000 plus a constant (two requests for the id bounds and
a page or two per id range), a reconciliation about records/1,000 more (ids only).

    python benchmarks/sync.py                 # 100,000 prospects
    python benchmarks/sync.py --records 20000 # quicker

The last line reads `full=<requests> incremental=<requests> reconcile=<requests> ...`.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import random
import sys
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

from outreach_async import OutreachClient, sync_collections


def _serve(connection: Any, records: int) -> None:
    """Child process: the fake server, changing or deleting records when told to."""
    from outreach_async.testing import FakeOutreach, RateLimitSettings

    async def main() -> None:
        limit = RateLimitSettings(enabled=True, limit=10_000, window=3600.0)
        async with FakeOutreach(prospects=records, rate_limit=limit) as server:
            connection.send((server.api_url, server.token))
            loop = asyncio.get_running_loop()
            while True:
                command, argument = await loop.run_in_executor(None, connection.recv)
                if command == "stop":
                    break
                ids = server.store.ids("prospect")
                chosen = random.Random(argument[1]).sample(ids, argument[0])
                for record_id in chosen:
                    if command == "touch":
                        record = server.store.get("prospect", record_id)
                        assert record is not None
                        record.attributes["title"] = "changed"
                        server.store.save(record)
                    else:
                        server.store.delete("prospect", record_id)
                connection.send((len(chosen), server.requests.by_status.get(429, 0)))

    asyncio.run(main())


async def _run(url: str, token: str, state: Path, output: Path, **options: Any) -> Any:
    async with OutreachClient(token, base_url=url) as client:
        return await sync_collections(
            client, ["prospect"], state=state, output=output, overlap=timedelta(0), **options
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args()
    parent, child = multiprocessing.Pipe()
    server = multiprocessing.Process(target=_serve, args=(child, args.records), daemon=True)
    server.start()
    url, token = parent.recv()
    rows: list[tuple[str, int, int, int, float]] = []
    try:
        with tempfile.TemporaryDirectory(prefix="outreach-sync-bench-") as scratch:
            state, output = Path(scratch) / "state", Path(scratch) / "out"
            full = asyncio.run(_run(url, token, state, output))
            rows.append(("full", args.records, full.records, full.requests, full.seconds))
            changed = args.records // 100
            parent.send(("touch", (changed, 1)))
            parent.recv()
            incremental = asyncio.run(_run(url, token, state, output))
            rows.append(
                ("incremental", changed, incremental.records, incremental.requests,
                 incremental.seconds)
            )  # fmt: skip
            deleted = args.records // 1000
            parent.send(("delete", (deleted, 2)))
            _, throttled = parent.recv()
            reconcile = asyncio.run(_run(url, token, state, output, reconcile=True))
            found = reconcile.types[0].deleted or 0
            rows.append(
                ("reconcile", deleted, found, reconcile.requests, reconcile.seconds)
            )  # fmt: skip
    finally:
        parent.send(("stop", None))
        server.join(10)
    print(f"{'run':<12} {'changed':>8} {'written':>8} {'requests':>9} {'seconds':>8}")
    for name, changed_count, written, requests, seconds in rows:
        print(f"{name:<12} {changed_count:>8,} {written:>8,} {requests:>9,} {seconds:>8.2f}")
    full_requests, incremental_requests = rows[0][3], rows[1][3]
    print(
        f"full={full_requests} incremental={incremental_requests} reconcile={rows[2][3]} "
        f"ratio_full_to_incremental={full_requests / max(1, incremental_requests):.1f} "
        f"deleted_found={rows[2][2]}/{rows[2][1]} status_429={throttled}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
