"""What OAuth2 costs against a static token, and how many refreshes an expiry causes.

Run: .venv/bin/python benchmarks/oauth.py [--requests 2000] [--concurrency 200] [--rounds 3]

Against the fake server (rate limit off, no latency), one client per auth sends `--requests`
GETs with `--concurrency` in flight: first with a static `BearerToken` (the baseline), then
with `OAuth2Auth` on a fresh pair, then with `OAuth2Auth` after the server expired its access
token, so every request in flight meets a 401 or an expiry. Prints requests per second, the
ratio to the baseline, and the refreshes the token endpoint performed (single-flight: 1).
Rounds are interleaved; the best of each is kept.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from outreach_async import Auth, BearerToken, MemoryTokenStore, OAuth2Auth
from outreach_async.testing import FakeOutreach, RateLimitSettings


async def timed(
    server: FakeOutreach, auth: Auth, requests: int, concurrency: int, expire: bool
) -> float:
    gate = asyncio.Semaphore(concurrency)
    async with server.client(auth=auth) as client:
        accounts = client.resource("account")
        await accounts.get(1)
        if expire:
            server.oauth.expire_access_tokens()

        async def one(n: int) -> None:
            async with gate:
                await accounts.get(1 + n % 20)

        started = time.perf_counter()
        await asyncio.gather(*(one(n) for n in range(requests)))
        return requests / (time.perf_counter() - started)


def oauth_auth(server: FakeOutreach, user_id: int) -> OAuth2Auth:
    """A signed-in user's auth; one user per round, so no refresh meets the 60 s rule."""
    pair = server.signed_in(user_id)
    return OAuth2Auth(server.oauth_app(), store=MemoryTokenStore(pair))


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    best = {"static token": 0.0, "oauth": 0.0, "oauth, expired": 0.0}
    refreshes: list[int] = []
    limits = RateLimitSettings(enabled=False)
    async with FakeOutreach(seed=1, prospects=10, rate_limit=limits) as server:
        for round_number in range(args.rounds):
            for name, expire in (
                ("static token", False),
                ("oauth", False),
                ("oauth, expired", True),
            ):
                auth: Auth = (
                    BearerToken(server.settings.token)
                    if name == "static token"
                    else oauth_auth(server, round_number + 1)
                )
                before = server.oauth.counts.refreshes
                rate = await timed(server, auth, args.requests, args.concurrency, expire)
                best[name] = max(best[name], rate)
                if expire:
                    refreshes.append(server.oauth.counts.refreshes - before)
    baseline = best["static token"]
    print(f"{args.requests} GETs, {args.concurrency} in flight, best of {args.rounds}")
    for name, rate in best.items():
        print(f"  {name:<16} {rate:8.0f} req/s   {rate / baseline:5.2f}x of static token")
    print(f"  refreshes per expiry under {args.concurrency} concurrent requests: {refreshes}")


if __name__ == "__main__":
    asyncio.run(main())
