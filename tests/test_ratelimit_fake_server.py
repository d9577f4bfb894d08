"""The limiters against the fake Outreach server's fixed-window budget and its 429s."""

from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator
from email.utils import formatdate
from typing import Any

import pytest
from aiohttp import web

from outreach_async import InProcessLimiter, OutreachClient, RequestStats
from outreach_async.http.ratelimit import RESET_GRACE
from outreach_async.http.ratelimit_redis import RedisLimiter
from outreach_async.testing import FakeOutreach, RateLimitSettings
from outreach_async.testing._redis_server import RedisServer

from .conftest import FakeClock


@pytest.fixture
async def server(clock: FakeClock) -> AsyncIterator[FakeOutreach]:
    """A fake server on the test's clock: its windows, resets and `Date` all follow it."""
    fake = FakeOutreach(rate_limit=RateLimitSettings(limit=50, window=60.0))
    fake.settings.clock = clock

    async def date_on_the_fake_clock(request: web.Request, response: web.StreamResponse) -> None:
        response.headers["Date"] = formatdate(clock.now, usegmt=True)

    fake.app.on_response_prepare.append(date_on_the_fake_clock)
    async with fake:
        yield fake


def client_of(server: FakeOutreach, clock: FakeClock, **options: object) -> OutreachClient:
    return OutreachClient(
        server.token, base_url=server.api_url, clock=clock, sleep=clock.sleep, **options
    )  # type: ignore[arg-type]


async def test_many_tasks_spend_several_windows_without_a_429(
    server: FakeOutreach, clock: FakeClock
) -> None:
    stats = RequestStats()
    started = clock.now
    async with client_of(server, clock, hooks=[stats]) as client:
        prospects = client.resource("prospect")

        async def worker(number: int) -> None:
            for count in range(10):
                await prospects.get((number * 10 + count) % 100 + 1)

        await asyncio.gather(*(worker(number) for number in range(20)))
    assert server.requests.by_status[429] == 0
    assert stats.responses == {200: 200}
    # 200 requests at 50 a minute take four windows (the first one started before the test),
    # and no more: the last requests go in the fourth.
    first_reset = math.ceil(started / 60) * 60
    assert first_reset + 2 * 60 <= clock.now <= first_reset + 3 * 60 + RESET_GRACE


async def test_a_job_larger_than_the_budget_spends_each_window_whole_without_a_429(
    server: FakeOutreach, clock: FakeClock
) -> None:
    stats = RequestStats()
    started = clock.now
    first_reset = math.ceil(started / 60) * 60
    async with client_of(server, clock, hooks=[stats]) as client:
        prospects = client.resource("prospect")

        async def worker(number: int) -> None:
            for count in range(15):
                await prospects.get((number * 15 + count) % 100 + 1)

        await asyncio.gather(*(worker(number) for number in range(10)))
    assert server.requests.by_status[429] == 0
    assert stats.responses == {200: 150}
    # 50 a window, each window's 50 at once: one wait for the first reset, one for the next.
    assert clock.sleeps == [
        pytest.approx(first_reset + RESET_GRACE - started),
        pytest.approx(60.0),
    ]


async def test_even_pacing_spreads_the_budget_over_the_window(
    server: FakeOutreach, clock: FakeClock
) -> None:
    limiter = InProcessLimiter(pacing="even", burst=5, clock=clock, sleep=clock.sleep)
    started = clock.now
    first_reset = math.ceil(started / 60) * 60
    async with client_of(server, clock, limiter=limiter) as client:
        prospects = client.resource("prospect")
        await asyncio.gather(*(prospects.get(number % 100 + 1) for number in range(40)))
    assert server.requests.by_status[429] == 0
    # 40 of the 50 left, spread over the time to the reset instead of sent at once.
    assert len(clock.sleeps) >= 30
    assert first_reset - 20 < clock.now <= first_reset


async def test_two_valued_remaining_is_read_safely(server: FakeOutreach, clock: FakeClock) -> None:
    server.settings.rate_limit.two_valued_remaining = True
    async with client_of(server, clock) as client:
        prospects = client.resource("prospect")
        await asyncio.gather(*(prospects.get(number % 100 + 1) for number in range(120)))
        assert client.rate_limit.limit == 50
    assert server.requests.by_status[429] == 0


async def test_a_budget_spent_elsewhere_pauses_the_client_without_a_herd(
    server: FakeOutreach, clock: FakeClock
) -> None:
    stats = RequestStats()
    async with client_of(server, clock, hooks=[stats]) as client:
        prospects = client.resource("prospect")
        await prospects.get(1)
        server.settings.rate_limit.limit = 1  # another program took the rest of the budget
        results = await asyncio.gather(*(prospects.get(number) for number in range(1, 6)))
    assert [result.id for result in results] == [1, 2, 3, 4, 5]
    # Only requests already on their way when the budget ran out were refused. After the
    # pause one request a window went (the limit is 1 now); a herd would have been refused.
    assert 1 <= stats.rate_limited <= 5
    assert server.requests.by_status == {200: 6, 429: stats.rate_limited}


async def clients_sharing_a_redis_budget(
    processes: int, requests_each: int, **options: Any
) -> dict[int, int]:
    """`processes` clients, each with two tasks, on one Redis key against one real-time
    server allowing 20 requests a second; the statuses the server answered."""
    async with FakeOutreach(rate_limit=RateLimitSettings(limit=20, window=1.0)) as server:
        with RedisServer() as redis:
            limiters = [
                RedisLimiter.from_url(
                    redis.url, "outreach:test:shared", limit=20, window=1.0, **options
                )
                for _ in range(processes)
            ]
            clients = [
                OutreachClient(server.token, base_url=server.api_url, limiter=limiter)
                for limiter in limiters
            ]

            async def worker(client: OutreachClient, number: int) -> None:
                for count in range(requests_each // 2):
                    await client.resource("prospect").get((number + count) % 100 + 1)

            try:
                await asyncio.gather(
                    *(worker(client, number) for client in clients for number in range(2))
                )
            finally:
                for client, limiter in zip(clients, limiters, strict=True):
                    await client.close()
                    await limiter.aclose()
        return dict(server.requests.by_status)


async def test_processes_sharing_a_redis_budget_stay_under_it() -> None:
    """Three clients, even pacing: each alone would go at 17.6 a second; unless they share
    the pace, they trip the limit."""
    statuses = await clients_sharing_a_redis_budget(3, 10, pacing="even", burst=2)
    assert statuses == {200: 30}


async def test_processes_sharing_a_redis_budget_spend_it_whole_without_a_429() -> None:
    """Two clients, budget pacing, 40 requests on a budget of 20 a second: two windows."""
    statuses = await clients_sharing_a_redis_budget(2, 20, headroom=0.0)
    assert statuses == {200: 40}
