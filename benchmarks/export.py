"""Export speed, exactness and memory against the fake Outreach server.

Side by side in one run, each against the same fake server (its own process, 50 ms latency
per request, full records: every attribute and relationship; the rate limit on at
Outreach's 10,000 requests an hour; records pre-built so every reader pays the same server
cost):

- sequential cursor paging with plain aiohttp, as Singer's and Airbyte's taps do;
- this library, sequentially (`ResourceManager.iterate`);
- this library, partitioned (`PartitionedReader`, concurrency 16).

Then exactness of a full export (`export_collection`) with 5% 5xx and 5% dropped connections,
and the peak RSS of the `outreach-async export` command (page 1,000, concurrency 16, its own
process) exporting 100,000 and 1,000,000 full records.

    python benchmarks/export.py            # 100k records per run, 100k and 1M for memory
    python benchmarks/export.py --quick    # 15k records per run, 50k and 100k for memory
    python benchmarks/export.py --rss 100000 1000000   # the memory figures only

The last line reads `speedup_uniform=<x> speedup_skewed=<y> exact=<true|false> peak_rss_mb=<z>`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp

from outreach_async import OutreachClient, Query
from outreach_async.bulk.export import ExportOptions, export_collection
from outreach_async.bulk.partition import PartitionedReader

LATENCY = 0.05
PAGE_SIZE = 100
CONCURRENCY = 16
JSONAPI = "application/vnd.api+json"


def _serve(connection: Any, options: dict[str, Any]) -> None:
    """Child process: run a fake server until told to stop."""
    from outreach_async._process_tuning import tune_process
    from outreach_async.testing import FakeOutreach, FaultSettings, RateLimitSettings

    async def main() -> None:
        server = FakeOutreach(
            seed=7,
            prospects=options["records"],
            id_layout=options["layout"],
            rate_limit=RateLimitSettings(),  # Outreach's: 10,000 requests an hour
            faults=FaultSettings(),
        )
        prebuild = options["prebuild"]
        server.settings.record_cache_size = options["records"] + 10 if prebuild else 20_000
        await server.start()
        ids = server.store.ids("prospect")
        if prebuild:
            for record in server.store.records("prospect", ids):  # build every record once
                del record
        tune_process()  # this process only serves, as `outreach-async fake-server`
        server.settings.faults = FaultSettings(
            latency=options["latency"],
            error_rate=options["error_rate"],
            error_statuses=(500, 502, 503),
            drop_rate=options["drop_rate"],
        )
        connection.send((server.api_url, server.token, ids[0], ids[-1], len(ids)))
        await asyncio.get_running_loop().run_in_executor(None, connection.recv)
        await server.close()

    asyncio.run(main())


class Server:
    """A fake server in a child process."""

    def __init__(
        self,
        records: int,
        layout: str = "dense",
        error_rate: float = 0.0,
        drop_rate: float = 0.0,
        latency: float = LATENCY,
        prebuild: bool = True,
    ) -> None:
        context = multiprocessing.get_context("spawn")
        self._parent, child = context.Pipe()
        options = {
            "records": records,
            "layout": layout,
            "error_rate": error_rate,
            "drop_rate": drop_rate,
            "latency": latency,
            "prebuild": prebuild,
        }
        self._process = context.Process(target=_serve, args=(child, options), daemon=True)

    def __enter__(self) -> Server:
        self._process.start()
        self.url, self.token, self.low, self.high, self.count = self._parent.recv()
        return self

    def __exit__(self, *_: object) -> None:
        self._parent.send("stop")
        self._process.join(10)
        if self._process.is_alive():
            self._process.kill()


async def raw_sequential(server: Server) -> tuple[float, list[int]]:
    """Follow `links.next` one page at a time with plain aiohttp."""
    headers = {"Authorization": f"Bearer {server.token}", "Content-Type": JSONAPI}
    url: str | None = f"{server.url}/prospects?page[size]={PAGE_SIZE}"
    ids: list[int] = []
    started = time.perf_counter()
    async with aiohttp.ClientSession(headers=headers) as session:
        while url:
            async with session.get(url) as response:
                response.raise_for_status()
                body = json.loads(await response.read())
            ids.extend(item["id"] for item in body["data"])
            url = body.get("links", {}).get("next") if body["data"] else None
    return time.perf_counter() - started, ids


async def library_sequential(server: Server) -> tuple[float, list[int]]:
    started = time.perf_counter()
    async with OutreachClient(server.token, base_url=server.url) as client:
        paginator = client.resource("prospect").iterate(page_size=PAGE_SIZE)
        ids = [int(item.id) async for item in paginator]  # type: ignore[arg-type]
    return time.perf_counter() - started, ids


async def library_partitioned(server: Server) -> tuple[float, list[int]]:
    started = time.perf_counter()
    async with OutreachClient(server.token, base_url=server.url) as client:
        reader = PartitionedReader(
            client.session, "prospects", Query(), concurrency=CONCURRENCY, page_size=PAGE_SIZE
        )
        ids = [int(item.id) async for item in reader]  # type: ignore[arg-type]
    return time.perf_counter() - started, ids


def measure(records: int, layout: str, with_library_sequential: bool) -> dict[str, Any]:
    with Server(records, layout) as server:
        asyncio.run(library_partitioned(server))  # warm connections and caches alike
        raw_seconds, expected = asyncio.run(raw_sequential(server))
        results = {"raw_sequential": raw_seconds}
        if with_library_sequential:
            seconds, ids = asyncio.run(library_sequential(server))
            assert ids == expected, "library sequential read differs"
            results["library_sequential"] = seconds
        seconds, ids = asyncio.run(library_partitioned(server))
        assert sorted(ids) == sorted(expected) and len(ids) == len(expected), "partitioned differs"
        results["library_partitioned"] = seconds
    return results


def exact_under_faults(records: int) -> bool:
    with Server(records, "skewed") as clean:
        _, expected = asyncio.run(raw_sequential(clean))
    with Server(records, "skewed", error_rate=0.05, drop_rate=0.05) as faulty:
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "prospects.jsonl"

            async def run() -> None:
                async with OutreachClient(faulty.token, base_url=faulty.url) as client:
                    options = ExportOptions(
                        "prospect", concurrency=CONCURRENCY, page_size=PAGE_SIZE
                    )
                    await export_collection(client, options, target)

            asyncio.run(run())
            with target.open() as handle:
                exported = [json.loads(line)["id"] for line in handle]
    return sorted(exported) == sorted(expected) and len(exported) == len(set(exported))


def peak_rss_mb(records: int) -> tuple[float, float]:
    """Peak RSS (MB) and seconds of the export command exporting every record to a file."""
    with Server(records, latency=0.0, prebuild=False) as server:
        command = [sys.executable, __file__, "--rss-child", server.url, server.token]
        started = time.perf_counter()
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        seconds = time.perf_counter() - started
    return float(output.strip().splitlines()[-1]), seconds


def rss_child(url: str, token: str) -> None:
    """Child process: run `outreach-async export` as a user does, then print the peak RSS."""
    from outreach_async.cli import main as cli

    os.environ["OUTREACH_ACCESS_TOKEN"] = token
    with tempfile.TemporaryDirectory() as folder:
        code = cli(
            [
                "export",
                "prospect",
                "-o",
                str(Path(folder) / "out.jsonl"),
                "--page-size",
                "1000",
                "--concurrency",
                str(CONCURRENCY),
                "--base-url",
                url,
            ]
        )
    assert code == 0
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def report_rss(sizes: list[int]) -> float:
    peak = 0.0
    for size in sizes:
        rss, seconds = peak_rss_mb(size)
        peak = max(peak, rss)
        _print(f"export command peak RSS, {size:,} full records", f"{rss:.0f} MB in {seconds:.0f}s")
    return peak


def _print(label: str, value: str) -> None:
    print(f"{label:<52} {value}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="finish in under a minute")
    parser.add_argument(
        "--rss", type=int, nargs="+", help="only the memory figures, at these sizes"
    )
    parser.add_argument("--rss-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child:
        rss_child(*args.rss_child)
        return
    if args.rss:
        print(f"peak_rss_mb={report_rss(args.rss):.0f}")
        return
    records = 15_000 if args.quick else 100_000
    memory_sizes = [50_000, 100_000] if args.quick else [100_000, 1_000_000]
    print(
        f"latency {LATENCY * 1000:.0f} ms/request, pages of {PAGE_SIZE}, "
        f"concurrency {CONCURRENCY}, {records:,} records, {os.cpu_count()} cores"
    )

    uniform = measure(records, "dense", with_library_sequential=True)
    _print("uniform ids: plain aiohttp, sequential cursor", f"{uniform['raw_sequential']:.2f}s")
    _print("uniform ids: outreach_async, sequential", f"{uniform['library_sequential']:.2f}s")
    _print("uniform ids: outreach_async, partitioned", f"{uniform['library_partitioned']:.2f}s")
    speedup_uniform = uniform["raw_sequential"] / uniform["library_partitioned"]
    _print("speedup (uniform)", f"{speedup_uniform:.1f}x")

    skewed = measure(records, "skewed", with_library_sequential=False)
    _print("skewed ids: plain aiohttp, sequential cursor", f"{skewed['raw_sequential']:.2f}s")
    _print("skewed ids: outreach_async, partitioned", f"{skewed['library_partitioned']:.2f}s")
    speedup_skewed = skewed["raw_sequential"] / skewed["library_partitioned"]
    _print("speedup (skewed: 90% of records in 5% of ids)", f"{speedup_skewed:.1f}x")

    exact = exact_under_faults(records // 3)
    _print("export exact under 5% 5xx and 5% dropped connections", str(exact).lower())

    whole = report_rss(memory_sizes)
    print(
        f"speedup_uniform={speedup_uniform:.1f} speedup_skewed={speedup_skewed:.1f} "
        f"exact={str(exact).lower()} peak_rss_mb={whole:.0f}"
    )


if __name__ == "__main__":
    main()
