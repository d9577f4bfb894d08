"""What per-call options and raw responses cost per request.

Against the fake Outreach server (its own process, rate limit on with a budget of a million
requests an hour, so that pacing does not hide the client's own time; full prospect
records), one run reads the same prospects by id, one request at a time:
plainly (the baseline), with per-call options (`timeout`, `extra_headers`, `retry`), through
a client made by `with_options(...)`, and through `with_raw_response`. The rounds take
turns, so a machine that gets busier part way slows them all alike.

    python benchmarks/request_options.py            # 5 rounds of 200 GETs each
    python benchmarks/request_options.py --quick    # 3 rounds of 100

Each mode's wall time and this process's CPU time (the client's own work: the server runs
in another process) per request are printed against the baseline's. On a shared machine
those differ by +-15% from run to run, more than the options cost, so the same work is also
timed alone: making the options and the derived session of one call, and collecting one
answer for a raw response. The last line reads `cpu_options=<x> cpu_derived=<y>
cpu_raw=<z> per_call_options_us=<a> per_call_raw_us=<b>`.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable

from multidict import CIMultiDict, CIMultiDictProxy

from outreach_async import OutreachClient, RequestOptions, RetryPolicy, raw_response
from outreach_async.http.raw import record_response
from outreach_async.http.session import Response, Session

TOKEN = "benchmark-token"
POLICY = RetryPolicy(max_attempts=3)


async def _alone(session: Session, response: Response, times: int = 20_000) -> tuple[float, float]:
    """Microseconds to make one call's options and session, and to collect one raw answer."""
    started = time.perf_counter()
    for _ in range(times):
        session.with_options(
            RequestOptions(timeout=30, extra_headers={"X-Job": "bench"}, retry=POLICY)
        )
    options = (time.perf_counter() - started) / times * 1e6

    async def answered() -> None:
        record_response(response, 0.0)

    started = time.perf_counter()
    for _ in range(times):
        await raw_response(answered())
    raw = (time.perf_counter() - started) / times * 1e6
    return options, raw


async def measure(api_url: str, rounds: int, requests: int) -> None:
    async with OutreachClient(TOKEN, base_url=api_url) as client:
        derived = client.with_options(timeout=30, extra_headers={"X-Job": "bench"})
        ids = [p.id for p in (await client.prospects.list(page_size=requests)).items]

        async def plain(i: int | str) -> object:
            return await client.prospects.get(i)

        async def options(i: int | str) -> object:
            return await client.prospects.get(
                i, timeout=30, extra_headers={"X-Job": "bench"}, retry=POLICY
            )

        async def through_derived(i: int | str) -> object:
            return await derived.prospects.get(i)

        async def raw(i: int | str) -> object:
            return await client.prospects.with_raw_response.get(i)

        modes: dict[str, Callable[[int | str], Awaitable[object]]] = {
            "plain": plain,
            "options": options,
            "derived": through_derived,
            "raw": raw,
        }
        totals = dict.fromkeys(modes, 0.0)
        cpu = dict.fromkeys(modes, 0.0)
        for mode in modes.values():  # warm the server's record cache and the connections
            for i in ids[:10]:
                await mode(i)  # type: ignore[arg-type]
        for _ in range(rounds):
            for name, mode in modes.items():
                started, started_cpu = time.perf_counter(), time.process_time()
                for i in ids:
                    await mode(i)  # type: ignore[arg-type]
                totals[name] += time.perf_counter() - started
                cpu[name] += time.process_time() - started_cpu
        count = rounds * len(ids)
        for name in modes:
            wall, used = totals[name] / count * 1000, cpu[name] / count * 1000
            print(
                f"{name:8} wall {wall:6.2f} ms/request x{totals[name] / totals['plain']:.3f}   "
                f"cpu {used:6.3f} ms/request x{cpu[name] / cpu['plain']:.3f}"
            )
        answer = await client.session.request("GET", f"prospects/{ids[0]}")
        headers = CIMultiDictProxy(CIMultiDict(answer.headers))
        one = Response(answer.status, headers, b"", answer.method, answer.url)
        options_us, raw_us = await _alone(client.session, one)
        print(
            f"alone: one call's options and session {options_us:.1f} us, raw answer {raw_us:.1f} us"
        )
        ratios = {name: cpu[name] / cpu["plain"] for name in modes}
        print(
            f"cpu_options={ratios['options']:.3f} cpu_derived={ratios['derived']:.3f} "
            f"cpu_raw={ratios['raw']:.3f} per_call_options_us={options_us:.1f} "
            f"per_call_raw_us={raw_us:.1f}"
        )


def main(rounds: int, requests: int) -> None:
    """Start the fake server in a child process, measure against it, stop it."""
    command = [sys.executable, "-m", "outreach_async.testing.cli", "--port", "0"]
    command += ["--prospects", str(requests * 2), "--token", TOKEN, "--rate-limit", "1000000"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        api_url = server.stdout.readline().split(": ", 1)[1].strip()
        asyncio.run(measure(api_url, rounds, requests))
    finally:
        server.terminate()
        server.wait()
        if server.stdout is not None:
            server.stdout.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 rounds of 100 GETs")
    arguments = parser.parse_args()
    main(*((3, 100) if arguments.quick else (5, 200)))
