"""Benchmark of the fake Outreach server: generation time, RSS, cursor pages per second.

    .venv/bin/python benchmarks/fake_server.py           # 100k and 1M prospects
    .venv/bin/python benchmarks/fake_server.py --quick   # 10k and 100k, fewer pages

Each scale runs the server in its own process (so its RSS is the server's alone) and reads
1,000-prospect pages from this process by following `links.next`, as a client would.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

JSONAPI = "application/vnd.api+json"


def rss_mb() -> dict[str, float]:
    """Current (VmRSS) and peak (ru_maxrss) resident memory of this process, in MiB."""
    current = 0.0
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                current = int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"rss_mb": round(current, 1), "peak_rss_mb": round(peak, 1)}


async def serve(prospects: int, layout: str) -> None:
    """Child process: build and start a server, report on stdout, answer `rss` on stdin."""
    from outreach_async.testing import FakeOutreach, RateLimitSettings

    started = time.perf_counter()
    server = FakeOutreach(
        prospects=prospects,
        counts={"account": 2_000, "user": 50},
        id_layout=layout,  # type: ignore[arg-type]
        rate_limit=RateLimitSettings(enabled=False),
    )
    build = time.perf_counter() - started
    async with server:
        info = {"api_url": server.api_url, "token": server.token, "build_seconds": build}
        print(json.dumps({**info, **rss_mb()}), flush=True)
        loop = asyncio.get_running_loop()
        while True:
            line = await loop.run_in_executor(None, sys.stdin.readline)
            if not line:
                break
            print(json.dumps({**rss_mb(), "requests": server.requests.total}), flush=True)


def next_link(body: bytes) -> str | None:
    """`links.next` without decoding the whole page (`links` is the document's last member)."""
    start = body.rfind(b'"links":')
    if start < 0:
        return None
    links: dict[str, str] = json.loads(body[start + len(b'"links":') : -1])
    return links.get("next")


async def read_pages(
    api_url: str, token: str, pages: int, query: str, *, decode: bool
) -> dict[str, Any]:
    """Follow `links.next` for `pages` pages; `decode` parses each page as a client would."""
    import aiohttp

    headers = {"Authorization": f"Bearer {token}", "Content-Type": JSONAPI}
    url: str | None = f"{api_url}/prospects?page[size]=1000{query}"
    read = size = 0
    started = time.perf_counter()
    async with aiohttp.ClientSession(headers=headers) as session:
        while url is not None and read < pages:
            async with session.get(url) as response:
                response.raise_for_status()
                body = await response.read()
            size += len(body)
            url = json.loads(body).get("links", {}).get("next") if decode else next_link(body)
            read += 1
    elapsed = time.perf_counter() - started
    return {
        "pages": read,
        "pages_per_second": round(read / elapsed, 1),
        "mb_per_page": round(size / read / 1e6, 2),
    }


def run_scale(prospects: int, pages: int, layout: str) -> dict[str, Any]:
    child = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(prospects), "--layout", layout],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        info = json.loads(child.stdout.readline())
        url, token = info["api_url"], info["token"]
        raw = asyncio.run(read_pages(url, token, pages, "", decode=False))
        decoded = asyncio.run(read_pages(url, token, pages, "", decode=True))
        sparse = asyncio.run(
            read_pages(url, token, pages, "&fields[prospect]=firstName,updatedAt", decode=True)
        )
        child.stdin.write("rss\n")
        child.stdin.flush()
        after = json.loads(child.stdout.readline())
    finally:
        child.stdin.close()
        child.wait(timeout=60)
    return {
        "prospects": prospects,
        "layout": layout,
        "build_seconds": round(info["build_seconds"], 2),
        "rss_after_build_mb": info["rss_mb"],
        "rss_after_paging_mb": after["rss_mb"],
        "peak_rss_mb": after["peak_rss_mb"],
        "raw": raw,
        "decoded": decoded,
        "sparse": sparse,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small scales, few pages")
    parser.add_argument("--layout", choices=("dense", "skewed"), default="dense")
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve is not None:
        asyncio.run(serve(args.serve, args.layout))
        return 0
    scales = [(10_000, 10), (100_000, 20)] if args.quick else [(100_000, 100), (1_000_000, 100)]
    print(
        "prospects  layout  build s  RSS MiB  peak MiB  MB/page  pages/s raw  "
        "pages/s decoded  pages/s sparse"
    )
    for prospects, pages in scales:
        r = run_scale(prospects, pages, args.layout)
        print(
            f"{r['prospects']:>9,}  {r['layout']:>6}  {r['build_seconds']:>7}  "
            f"{r['rss_after_paging_mb']:>7}  {r['peak_rss_mb']:>8}  "
            f"{r['raw']['mb_per_page']:>7}  {r['raw']['pages_per_second']:>11}  "
            f"{r['decoded']['pages_per_second']:>15}  {r['sparse']['pages_per_second']:>14}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
