"""Pacing against the fake server's fixed-window budget: bursts go through without a 429."""

from __future__ import annotations

import asyncio

import pytest

from outreach_async import OutreachClient, RequestStats
from outreach_async.bulk.partition import PartitionedReader
from outreach_async.testing import FakeOutreach, RateLimitSettings

from .conftest import SharedClock, client_of, fake_server


@pytest.mark.parametrize("two_valued", [False, True], ids=["plain", "two-valued"])
async def test_a_burst_of_concurrent_requests_is_paced_without_a_429(
    clock: SharedClock, two_valued: bool
) -> None:
    limit = RateLimitSettings(limit=40, window=60.0, two_valued_remaining=two_valued)
    stats = RequestStats()
    async with fake_server(clock, rate_limit=limit) as server:
        if two_valued:
            await _check_the_header_is_two_valued(server, clock)
        started = clock.now
        async with client_of(server, clock, hooks=[stats]) as client:
            found = await asyncio.gather(*(client.prospects.get(n) for n in range(1, 101)))
            assert client.rate_limit.limit == 40
    assert [p.id for p in found] == list(range(1, 101))
    assert server.requests.by_status[429] == 0 and stats.rate_limited == 0
    assert stats.responses == {200: 100}
    assert clock.now - started >= 60, "100 requests at 40 a minute span at least two resets"


async def _check_the_header_is_two_valued(server: FakeOutreach, clock: SharedClock) -> None:
    async with client_of(server, clock) as probe:
        response = await probe.session.request("GET", "prospects/1")
    first, second = response.headers["X-RateLimit-Remaining"].split(",")
    assert int(first) < int(second)
    assert probe.rate_limit.remaining == int(first)


@pytest.mark.fake_outreach(prospects=600, rate_limit=RateLimitSettings(limit=25, window=10.0))
async def test_a_concurrent_partitioned_read_stays_within_the_budget(
    client: OutreachClient, server: FakeOutreach, stats: RequestStats
) -> None:
    reader = PartitionedReader(client.session, "prospects", concurrency=8, page_size=20)
    ids = [int(item.id) async for item in reader]  # type: ignore[arg-type]
    assert sorted(ids) == server.store.ids("prospect")
    assert server.requests.by_status[429] == 0 and stats.rate_limited == 0
    assert stats.requests > 25, "the read needed several windows"
