"""The hot path and the budget, measured as users run the client, side by side in one run.

Against the fake Outreach server in its own process, serving FULL records (every documented
attribute of a prospect, null where unset, and all 21 relationships: 5.8 MB per page of
1,000) with the rate limit ON at Outreach's values (10,000 requests per 3,600 s; every run
signs in as a user of its own, so each starts on a fresh budget):

1. CPU per 1,000-record page (this process, `time.process_time`): plain aiohttp +
   `json.loads`, plain aiohttp + `orjson.loads`, generic `client.resource(...).list()`,
   typed `client.prospects.list()`, `PartitionedReader` pages (concurrency 1);
2. 50 sequential GETs of one prospect, library vs plain aiohttp, at 0 and 50 ms latency;
3. 100 concurrent GETs through one new client vs plain aiohttp (p50 latency and wall), 50 ms,
   and through a client that has answered before (a server app's, after its first request);
   medians of seven runs;
4. the CLI (`outreach-async export`, page 1,000, concurrency 16) vs a plain aiohttp
   sequential reader writing JSON Lines, 50 ms latency;
5. a budget-bound export at Outreach's ratio (100 requests per 36 s windows, so the
   ceiling is 100 x 1,000 records per 36 s): records written by the end of each whole
   window, and the 429s the server answered.

    python benchmarks/speed.py            # all five, about 6 minutes
    python benchmarks/speed.py --quick    # fewer pages and records, 2 budget windows
    python benchmarks/speed.py --only 1 --without-orjson   # the library on json alone
    python benchmarks/speed.py --only 5 --budget-page-size 100   # budget, not CPU, bound

Every part prints its figures and then one line of ratios (library / baseline).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp

from outreach_async import OutreachClient
from outreach_async._json import orjson_available, use_orjson
from outreach_async.bulk.partition import PartitionedReader

JSONAPI = "application/vnd.api+json"


def _serve(connection: Any, options: dict[str, Any]) -> None:
    """Child process: a fake server answering commands until told to stop."""
    from outreach_async._process_tuning import tune_process
    from outreach_async.testing import FakeOutreach, RateLimitSettings

    async def main() -> None:
        server = FakeOutreach(
            seed=7,
            prospects=options["records"],
            rate_limit=RateLimitSettings(limit=options["limit"], window=options["window"]),
        )
        server.settings.record_cache_size = options["cache"]
        await server.start()
        if options["records"] <= options["cache"]:  # build every record once, before timing
            for record in server.store.records("prospect", server.store.ids("prospect")):
                del record
        tune_process()  # this process only serves, as `outreach-async fake-server`
        connection.send((server.api_url, server.url))
        loop = asyncio.get_running_loop()
        while True:
            command, argument = await loop.run_in_executor(None, connection.recv)
            if command == "stop":
                break
            if command == "token":
                connection.send(server.signed_in(argument).access_token)
            elif command == "latency":
                server.settings.faults.latency = argument
                connection.send(None)
            elif command == "statuses":
                connection.send(dict(server.requests.by_status))
        await server.close()

    asyncio.run(main())


class Server:
    """A fake server in a child process; `token()` signs in a new user (a fresh budget)."""

    def __init__(
        self, records: int, limit: int = 10_000, window: float = 3600.0, cache: int = 30_000
    ) -> None:
        context = multiprocessing.get_context("spawn")
        self._parent, child = context.Pipe()
        options = {"records": records, "limit": limit, "window": window, "cache": cache}
        self._process = context.Process(target=_serve, args=(child, options), daemon=True)
        self._users = 0

    def __enter__(self) -> Server:
        self._process.start()
        self.api_url, self.url = self._parent.recv()
        return self

    def __exit__(self, *_: object) -> None:
        self._parent.send(("stop", None))
        self._process.join(10)
        if self._process.is_alive():
            self._process.kill()

    def token(self) -> str:
        self._users += 1
        self._parent.send(("token", self._users))
        return str(self._parent.recv())

    def latency(self, seconds: float) -> None:
        self._parent.send(("latency", seconds))
        self._parent.recv()

    def statuses(self) -> dict[int, int]:
        self._parent.send(("statuses", None))
        return dict(self._parent.recv())


def headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Content-Type": JSONAPI}


def line(**ratios: float | int | str) -> None:
    print(
        " ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in ratios.items())
    )


# 1. CPU per page ----------------------------------------------------------------------------


async def cpu_per_page(server: Server, pages: int, rounds: int) -> dict[str, float]:
    """Median CPU ms per 1,000-record page of each reader over `rounds` interleaved rounds.

    The collector runs as it does for users; where its passes fall varies from round to
    round, so the median, not the luckiest round, is the figure.
    """
    import orjson

    token = server.token()
    first = f"{server.api_url}/prospects?page[size]=1000"

    async def raw(loads: Any) -> int:
        count = 0
        async with aiohttp.ClientSession(headers=headers(token)) as http:
            url: str | None = first
            for _ in range(pages):
                assert url
                async with http.get(url) as response:
                    body = loads(await response.read())
                count += len(body["data"])
                url = body["links"].get("next")
        return count

    async def generic() -> int:
        count = 0
        async with OutreachClient(token, base_url=server.api_url) as client:
            paginator = client.resource("prospect").iterate(page_size=1000)
            async for page in paginator.pages():
                count += len(page.items)
                if count >= pages * 1000:
                    break
        return count

    async def typed() -> int:
        count = 0
        async with OutreachClient(token, base_url=server.api_url) as client:
            async for page in client.prospects.iterate(page_size=1000).pages():
                count += len(page.items)
                if count >= pages * 1000:
                    break
        return count

    async def partitioned() -> int:
        count = 0
        async with OutreachClient(token, base_url=server.api_url) as client:
            reader = PartitionedReader(client.session, "prospects", concurrency=1)
            async for page in reader.pages():
                count += len(page.items)
                if count >= pages * 1000:
                    break
        return count

    readers = {
        "raw_json": lambda: raw(json.loads),
        "raw_orjson": lambda: raw(orjson.loads),
        "generic_list": generic,
        "typed_list": typed,
        "partitioned": partitioned,
    }
    spent_per_page: dict[str, list[float]] = {name: [] for name in readers}
    names = list(readers)
    for round_number in range(rounds):
        # Each round starts with another reader, so none always inherits the same heap.
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            gc.collect()  # every reader starts from a collected heap
            started = time.process_time()
            count = await readers[name]()
            spent = time.process_time() - started
            spent_per_page[name].append(spent * 1000 / (count / 1000))
    return {name: statistics.median(figures) for name, figures in spent_per_page.items()}


# 2 and 3. Sequential and concurrent GETs ----------------------------------------------------


async def sequential_gets(server: Server, count: int = 50) -> tuple[float, float]:
    """Wall seconds for `count` GETs one after the other, each on a fresh budget of its own.

    Best of three interleaved runs each; a first untimed run of each warms imports and
    caches, as in a program that has been running a while.
    """

    async def raw() -> float:
        token = server.token()
        started = time.perf_counter()
        async with aiohttp.ClientSession(headers=headers(token)) as http:
            for number in range(count):
                async with http.get(f"{server.api_url}/prospects/{number + 1}") as response:
                    json.loads(await response.read())
        return time.perf_counter() - started

    async def library() -> float:
        token = server.token()
        started = time.perf_counter()
        async with OutreachClient(token, base_url=server.api_url) as client:
            for number in range(count):
                await client.prospects.get(number + 1)
        return time.perf_counter() - started

    await raw()
    await library()
    raws, libraries = [], []
    for _ in range(3):
        raws.append(await raw())
        libraries.append(await library())
    return min(raws), min(libraries)


async def concurrent_gets(server: Server, count: int = 100) -> dict[str, float]:
    """p50 latency and wall seconds of `count` GETs started at once."""

    async def timed(call: Any) -> float:
        started = time.perf_counter()
        await call
        return time.perf_counter() - started

    async with OutreachClient(server.token(), base_url=server.api_url) as client:
        await client.prospects.get(1)  # warm imports and caches
    token = server.token()
    started = time.perf_counter()
    async with aiohttp.ClientSession(headers=headers(token)) as http:

        async def raw_get(number: int) -> None:
            async with http.get(f"{server.api_url}/prospects/{number + 1}") as response:
                json.loads(await response.read())

        raw = await asyncio.gather(*(timed(raw_get(n)) for n in range(count)))
    raw_wall = time.perf_counter() - started
    token = server.token()
    started = time.perf_counter()
    async with OutreachClient(token, base_url=server.api_url) as client:
        library = await asyncio.gather(*(timed(client.prospects.get(n + 1)) for n in range(count)))
    library_wall = time.perf_counter() - started
    async with OutreachClient(server.token(), base_url=server.api_url) as client:
        await client.prospects.get(1)  # a server app's client has answered before
        warm = await asyncio.gather(*(timed(client.prospects.get(n + 1)) for n in range(count)))
    return {
        "raw_p50": statistics.median(raw),
        "raw_wall": raw_wall,
        "library_p50": statistics.median(library),
        "library_wall": library_wall,
        "warm_p50": statistics.median(warm),
    }


async def concurrent_trials(server: Server, trials: int) -> dict[str, float]:
    """The median of each figure of `concurrent_gets` over `trials` runs (each on fresh
    budgets): one burst of 100 is too short for a single run to mean much."""
    runs = [await concurrent_gets(server) for _ in range(trials)]
    return {name: statistics.median(run[name] for run in runs) for name in runs[0]}


# 4. CLI export vs a plain sequential reader -------------------------------------------------


async def raw_sequential_export(server: Server, target: Path) -> int:
    """Follow `links.next` with plain aiohttp, writing each record as a JSON line."""
    token = server.token()
    url: str | None = f"{server.api_url}/prospects?page[size]=1000"
    written = 0
    async with aiohttp.ClientSession(headers=headers(token)) as http:
        with target.open("w") as out:
            while url:
                async with http.get(url) as response:
                    body = json.loads(await response.read())
                for item in body["data"]:
                    out.write(json.dumps(item, separators=(",", ":"), ensure_ascii=False))
                    out.write("\n")
                written += len(body["data"])
                url = body.get("links", {}).get("next") if body["data"] else None
    return written


def cli_export(
    server: Server, target: Path, *extra: str, page_size: int = 1000
) -> subprocess.Popen[bytes]:
    """The `outreach-async export` command as a user runs it, in its own process."""
    command = [
        sys.executable,
        "-m",
        "outreach_async",
        "export",
        "prospect",
        "-o",
        str(target),
        "--page-size",
        str(page_size),
        "--concurrency",
        "16",
        "--base-url",
        server.api_url,
        *extra,
    ]
    environment = {**os.environ, "OUTREACH_ACCESS_TOKEN": server.token()}
    return subprocess.Popen(command, env=environment, stderr=subprocess.PIPE)


def count_lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    except FileNotFoundError:
        return 0


def export_vs_raw(records: int) -> dict[str, float]:
    with Server(records) as server, tempfile.TemporaryDirectory() as folder:
        server.latency(0.05)
        raw_target = Path(folder) / "raw.jsonl"
        started = time.perf_counter()
        raw_records = asyncio.run(raw_sequential_export(server, raw_target))
        raw_seconds = time.perf_counter() - started
        target = Path(folder) / "cli.jsonl"
        started = time.perf_counter()
        process = cli_export(server, target)
        _, err = process.communicate()
        cli_seconds = time.perf_counter() - started
        assert process.returncode == 0, err.decode()
        exported = count_lines(target)
        assert exported == raw_records == records, (exported, raw_records)
        assert server.statuses().get(429, 0) == 0
    return {"raw_rps": raw_records / raw_seconds, "cli_rps": exported / cli_seconds}


# 5. Budget-bound export ---------------------------------------------------------------------


def budget_bound(
    windows: int, page_size: int, limit: int = 100, window: float = 36.0
) -> dict[str, float]:
    """Records the CLI writes in `windows` whole windows of `limit` requests, vs the ceiling."""
    records = (windows + 1) * limit * page_size  # more than the windows allow
    with Server(records, limit=limit, window=window, cache=5_000) as server:
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "budget.jsonl"
            partial = target.with_name(target.name + ".partial")
            start = (time.time() // window + 1) * window  # the next window boundary
            time.sleep(max(0.0, start - time.time() - 0.8))  # the CLI starts in ~1 s
            process = cli_export(server, target, page_size=page_size)
            written = []
            for number in range(1, windows + 1):
                time.sleep(max(0.0, start + number * window - 0.05 - time.time()))
                written.append(count_lines(partial))
            process.kill()
            process.communicate()
            statuses = server.statuses()
    ceiling = limit * page_size * windows
    return {
        "records": written[-1],
        "ceiling": ceiling,
        "share": written[-1] / ceiling,
        "per_window": [b - a for a, b in zip([0, *written], written, strict=False)],  # type: ignore[dict-item]
        "rate_limited": statuses.get(429, 0),
        "answers": sum(statuses.values()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", type=int, action="append", help="run only these parts")
    parser.add_argument(
        "--budget-page-size", type=int, default=1000, help="page size of the part 5 export"
    )
    parser.add_argument(
        "--without-orjson", action="store_true", help="the library decodes with json only"
    )
    args = parser.parse_args()
    if args.without_orjson:
        use_orjson(False)  # this process only; the CLI runs in parts 4 and 5 still use it
    parts = set(args.only or [1, 2, 3, 4, 5])
    print(
        f"library decodes with {'orjson' if orjson_available() else 'json'}, "
        f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} at start"
    )
    if parts & {1, 2, 3}:
        with Server(30_000) as server:
            if 1 in parts:
                cpu = asyncio.run(cpu_per_page(server, pages=5, rounds=3 if args.quick else 10))
                for name, ms in cpu.items():
                    print(f"1. CPU per 1,000-record page, {name:<13} {ms:7.1f} ms")
                raw = cpu["raw_json"]
                line(
                    part=1,
                    generic_vs_raw_json=raw / cpu["generic_list"],
                    typed_vs_raw_json=raw / cpu["typed_list"],
                    partitioned_vs_raw_json=raw / cpu["partitioned"],
                    raw_orjson_vs_raw_json=raw / cpu["raw_orjson"],
                )
            if 2 in parts:
                ratios = {}
                for latency in (0.0, 0.05):
                    server.latency(latency)
                    raw, library = asyncio.run(sequential_gets(server))
                    print(
                        f"2. 50 sequential GETs, {latency * 1000:.0f} ms latency: "
                        f"raw {raw:.2f} s, library {library:.2f} s"
                    )
                    ratios[f"slowdown_{latency * 1000:.0f}ms"] = library / raw
                line(part=2, **ratios)
            if 3 in parts:
                server.latency(0.05)
                found = asyncio.run(concurrent_trials(server, 3 if args.quick else 7))
                print(
                    f"3. 100 concurrent GETs, 50 ms: raw p50 {found['raw_p50']:.3f} s, wall "
                    f"{found['raw_wall']:.3f} s; library p50 {found['library_p50']:.3f} s, "
                    f"wall {found['library_wall']:.3f} s; a client that has answered before: "
                    f"p50 {found['warm_p50']:.3f} s"
                )
                line(
                    part=3,
                    p50_vs_raw=found["library_p50"] / found["raw_p50"],
                    wall_vs_raw=found["library_wall"] / found["raw_wall"],
                    warm_p50_vs_raw=found["warm_p50"] / found["raw_p50"],
                )
                server.latency(0.0)
    if 4 in parts:
        found = export_vs_raw(10_000 if args.quick else 30_000)
        print(
            f"4. export, full records, page 1000, 50 ms: raw sequential {found['raw_rps']:,.0f} "
            f"rec/s, CLI (16 workers) {found['cli_rps']:,.0f} rec/s"
        )
        line(part=4, cli_vs_raw_sequential=found["cli_rps"] / found["raw_rps"])
    if 5 in parts:
        found = budget_bound(2 if args.quick else 3, args.budget_page_size)
        print(
            f"5. budget-bound export, 100 requests / 36 s, pages of {args.budget_page_size}: "
            f"{found['records']:,} records in "
            f"whole windows of a ceiling of {found['ceiling']:,} (per window "
            f"{found['per_window']}), {found['rate_limited']} 429s of {found['answers']} answers"
        )
        line(part=5, share_of_ceiling=found["share"], rate_limited=found["rate_limited"])
    print(f"load {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
