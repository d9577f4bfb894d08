"""`RedisLimiter` against a real `redis-server` that the tests start and stop themselves."""

from __future__ import annotations

import asyncio
import builtins
import itertools
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from redis.asyncio import Redis

from outreach_async.http.ratelimit import RESET_GRACE, LimiterWaitTooLong
from outreach_async.http.ratelimit_redis import RedisLimiter
from outreach_async.testing._redis_server import RedisServer

_keys = itertools.count()


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    with RedisServer() as server:
        yield server


@pytest.fixture
async def redis(redis_server: RedisServer) -> AsyncIterator[Redis]:
    client = Redis.from_url(redis_server.url)
    yield client
    await client.aclose()


@pytest.fixture
def key() -> str:
    return f"outreach:test:{next(_keys)}"


def shared(redis: Redis, key: str, **options: Any) -> RedisLimiter:
    """One process's limiter on the shared budget: 10 requests per 10 s, no headroom."""
    settings: dict[str, Any] = {"limit": 10, "window": 10.0, "burst": 0, "headroom": 0.0}
    settings.update(options)
    return RedisLimiter(redis, key, **settings)


async def test_processes_share_one_pace(redis: Redis, key: str) -> None:
    processes = [shared(redis, key, burst=3, pacing="even") for _ in range(4)]
    verdicts = [await limiter._claim(0.0) for _ in range(2) for limiter in processes]
    # Four turns (one on time, three of burst) across all processes, then everyone waits.
    assert verdicts[:4] == [None] * 4
    holds = [hold for hold in verdicts[4:] if hold is not None]
    assert len(holds) == 4
    interval = processes[0].interval  # 10 s / (10 - 3 of burst)
    assert all(0 < hold.seconds <= interval for hold in holds if hold.seconds is not None)
    assert all(not hold.long for hold in holds)


async def test_the_pace_leaves_headroom_and_burst_below_the_limit(redis: Redis, key: str) -> None:
    limiter = RedisLimiter(redis, key, limit=300, window=30.0, burst=5, headroom=0.02)
    # 300 * 0.98 - 5 = 289 turns per window: any 30 s holds at most 289 + 5 + 1 < 300.
    assert limiter.interval == pytest.approx(30 / 289)


def window_headers(remaining: int, reset_in: float, limit: int = 10) -> dict[str, str]:
    return {
        "X-RateLimit-Limit": str(limit),
        "X-RateLimit-Remaining": str(remaining),
        "X-RateLimit-Reset": repr(reset_in),
    }


async def test_budget_pacing_lets_a_small_job_through_without_waiting(
    redis: Redis, key: str
) -> None:
    processes = [shared(redis, key, limit=10_000, window=3600.0) for _ in range(4)]
    assert await processes[0]._claim(0.0) is None  # the probe of the window
    waiting = await processes[1]._claim(0.0)
    assert waiting is not None and not waiting.long  # the others wait for its answer
    await processes[0].observe(window_headers(9_999, 3600, limit=10_000))
    verdicts = [await processes[n % 4]._claim(0.0) for n in range(49)]
    assert verdicts == [None] * 49  # 50 requests on a fresh budget: none held


async def test_budget_pacing_spends_the_shared_budget_then_waits_for_the_reset(
    redis: Redis, key: str
) -> None:
    one, other = shared(redis, key), shared(redis, key)
    assert await one._claim(0.0) is None
    await one.observe(window_headers(9, 20))
    verdicts = [await (one if n % 2 else other)._claim(0.0) for n in range(9)]
    assert verdicts == [None] * 9  # the rest of the 10, at once
    hold = await other._claim(0.0)
    assert hold is not None and hold.long and hold.seconds is not None
    assert 19 < hold.seconds <= 20 + RESET_GRACE
    assert "spent" in hold.reason


async def test_budget_pacing_leaves_what_others_spent_and_the_headroom(
    redis: Redis, key: str
) -> None:
    limiter = shared(redis, key, limit=100, headroom=0.1)
    assert await limiter._claim(0.0) is None
    # The server counted 21 requests: the probe, and 20 that did not go through this key.
    await limiter.observe(window_headers(79, 20, limit=100))
    granted = 1
    while await limiter._claim(0.0) is None:
        granted += 1
    assert granted == 90 - 20  # 100 less 10% headroom, less the 20 spent elsewhere


async def test_budget_pacing_probes_again_after_a_pause(redis: Redis, key: str) -> None:
    limiter = shared(redis, key)
    assert await limiter._claim(0.0) is None
    await limiter.observe(window_headers(9, 20))
    await limiter.pause(0.05)
    await asyncio.sleep(0.06)
    assert await limiter._claim(0.0) is None  # one request after the pause
    hold = await limiter._claim(0.0)
    assert hold is not None and not hold.long  # the rest wait for its answer


async def test_a_pause_reaches_every_process(redis: Redis, key: str) -> None:
    one, other = shared(redis, key), shared(redis, key)
    await one.pause(30)
    with pytest.raises(LimiterWaitTooLong) as caught:
        await other.acquire(max_wait=5)
    assert 29 < caught.value.wait <= 30
    assert "paused" in caught.value.reason
    assert other.snapshot().paused_until is not None  # learnt from Redis, not its own 429


async def test_after_a_pause_one_request_goes_then_the_pace(redis: Redis, key: str) -> None:
    one, other = (shared(redis, key, burst=3, pacing="even") for _ in range(2))
    await one.pause(0.2)
    waits: list[float] = []

    async def recorded_sleep(seconds: float) -> None:
        waits.append(seconds)
        await asyncio.sleep(seconds)

    other._sleep = recorded_sleep
    await other.acquire()
    assert len(waits) == 1 and 0 < waits[0] <= 0.2
    hold = await one._claim(0.0)
    assert hold is not None and hold.seconds is not None
    assert 0.9 * one.interval < hold.seconds <= one.interval  # no burst after a pause


async def test_a_shorter_pause_does_not_cut_a_longer_one(redis: Redis, key: str) -> None:
    one, other = shared(redis, key), shared(redis, key)
    await one.pause(60)
    await other.pause(1)
    hold = await other._claim(0.0)
    assert hold is not None and hold.long and hold.seconds is not None
    assert 59 < hold.seconds <= 60


async def test_a_spent_budget_in_the_headers_pauses_everyone_until_the_reset(
    redis: Redis, key: str
) -> None:
    one, other = shared(redis, key), shared(redis, key)
    now = one._clock()
    await one.observe(
        {"X-RateLimit-Limit": "10", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "20"}, now
    )
    snapshot = one.snapshot()
    assert (snapshot.limit, snapshot.remaining, snapshot.reset_at) == (10, 0, now + 20)
    hold = await other._claim(0.0)
    assert hold is not None and hold.long and hold.seconds is not None
    assert 19 < hold.seconds <= 20 + RESET_GRACE


async def test_the_advertised_limit_sets_the_pace(redis: Redis, key: str) -> None:
    limiter = shared(redis, key)
    await limiter.observe({"X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "99"})
    assert limiter.limit == 100
    assert limiter.interval == pytest.approx(0.1)


async def test_requests_flow_through_acquire_and_release(redis: Redis, key: str) -> None:
    limiter = shared(redis, key, limit=1000, window=1.0, burst=20, max_in_flight=2)
    async with limiter:
        await limiter.acquire()
        await limiter.acquire()
        third = asyncio.create_task(limiter.acquire())
        await asyncio.sleep(0.05)
        assert not third.done()  # this process's cap on requests in flight
        limiter.release()
        await third
        assert limiter.snapshot().in_flight == 2


async def test_from_url_owns_and_closes_its_connection(redis_server: RedisServer, key: str) -> None:
    limiter = RedisLimiter.from_url(redis_server.url, key, limit=100, window=1.0)
    async with limiter:
        waited = await limiter.acquire()
        limiter.release()
    assert waited >= 0
    assert "outreach:test" in repr(limiter)


def test_a_missing_redis_package_says_which_extra_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_import = builtins.__import__

    def without_redis(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("redis"):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_redis)
    with pytest.raises(ImportError, match=r"outreach-async\[redis\]"):
        RedisLimiter.from_url("redis://127.0.0.1:1/0", "k")


def test_bad_options_are_refused() -> None:
    with pytest.raises(ValueError, match="key"):
        RedisLimiter(None, "")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="headroom"):
        RedisLimiter(None, "k", headroom=1.0)  # type: ignore[arg-type]
