"""The limiter inside the client: 429 pauses, waits the caller can see, and hooks."""

from __future__ import annotations

import asyncio
import json
import logging
from email.utils import formatdate

import pytest

from outreach_async import (
    Event,
    InProcessLimiter,
    OutreachClient,
    RateLimited,
    RateLimitHit,
    RequestStarted,
    RequestStats,
    ResponseReceived,
    RetryPolicy,
    RetryScheduled,
)

from .conftest import BASE, TOKEN, FakeClock, RecordingMock

JSONAPI = "application/vnd.api+json"
ONE = {"data": {"type": "prospect", "id": 1, "attributes": {}}}
URL = f"{BASE}/prospects/1"
RATE_LIMITED = json.dumps({"errors": [{"id": "rateLimitExceeded", "title": "Rate Limit"}]})


def budget(remaining: int, reset: float) -> dict[str, str]:
    return {
        "X-RateLimit-Limit": "100",
        "X-RateLimit-Remaining": str(remaining),
        "X-RateLimit-Reset": str(int(reset)),
    }


def ok(mocked: RecordingMock, remaining: int, reset: float, times: int = 1) -> None:
    for _ in range(times):
        mocked.get(URL, payload=ONE, content_type=JSONAPI, headers=budget(remaining, reset))


async def test_a_429_pauses_every_task_once_and_the_retry_does_not_sleep_again(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock
) -> None:
    reset = clock.now + 3600
    mocked.get(
        URL,
        status=429,
        body=RATE_LIMITED,
        content_type=JSONAPI,
        headers={"Retry-After": "7", **budget(0, clock.now + 7)},
    )
    ok(mocked, 99, reset, times=5)
    stats = RequestStats()
    client.hooks.add(stats)
    prospects = client.resource("prospect")
    results = await asyncio.gather(*(prospects.get(1) for _ in range(5)))
    assert [result.id for result in results] == [1] * 5
    assert clock.sleeps == [8.0], "the later of Retry-After and the whole-second reset, + 1 s"
    assert len(mocked.sent) == 6
    assert (stats.requests, stats.rate_limited, stats.retries) == (6, 1, 1)
    assert stats.responses == {429: 1, 200: 5}
    assert stats.waited == pytest.approx(8.0 * 5)  # every task waited out the same pause
    assert stats.backoff == 0.0
    assert client.rate_limit.paused_until == clock.now


async def test_a_maintenance_503_pauses_the_client_too(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock
) -> None:
    body = json.dumps({"errors": [{"id": "scheduledServerMaintenance"}]})
    mocked.get(URL, status=503, body=body, content_type=JSONAPI, headers={"Retry-After": "90"})
    mocked.get(URL, payload=ONE, content_type=JSONAPI)
    await client.resource("prospect").get(1)
    assert clock.sleeps == [90.0]
    assert client.rate_limit.paused_until == clock.now


async def test_a_plain_5xx_backs_off_alone_without_pausing_the_client(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock
) -> None:
    mocked.get(URL, status=502)
    mocked.get(URL, payload=ONE, content_type=JSONAPI)
    stats = RequestStats()
    client.hooks.add(stats)
    await client.resource("prospect").get(1)
    assert clock.sleeps == [0.5]
    assert client.rate_limit.paused_until is None
    assert stats.backoff == 0.5 and stats.waited == 0.0


async def test_the_second_request_waits_for_the_first_to_show_the_budget(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock
) -> None:
    ok(mocked, 0, clock.now + 30)
    ok(mocked, 99, clock.now + 3600)
    prospects = client.resource("prospect")
    await asyncio.gather(prospects.get(1), prospects.get(1))
    # The first answer said the budget was spent: the second waited for the new window.
    assert clock.sleeps == [pytest.approx(31.0)]
    snapshot = client.rate_limit
    assert (snapshot.remaining, snapshot.in_flight, snapshot.waiting) == (99, 0, 0)


async def test_a_spent_budget_beyond_max_wait_raises_without_sending(
    mocked: RecordingMock, clock: FakeClock
) -> None:
    ok(mocked, 0, clock.now + 3600)
    policy = RetryPolicy(max_wait=60)
    async with OutreachClient(TOKEN, clock=clock, sleep=clock.sleep, retry=policy) as client:
        await client.resource("prospect").get(1)
        with pytest.raises(RateLimited) as caught:
            await client.resource("prospect").get(1)
    assert caught.value.retry_after == pytest.approx(3601.0)
    assert caught.value.error_ids == ["rateLimitExceeded"]
    assert "not sent" in str(caught.value)
    assert len(mocked.sent) == 1
    assert clock.sleeps == []


async def test_a_429_beyond_max_wait_still_pauses_the_other_tasks(
    mocked: RecordingMock, clock: FakeClock
) -> None:
    mocked.get(
        URL, status=429, body=RATE_LIMITED, content_type=JSONAPI, headers={"Retry-After": "600"}
    )
    policy = RetryPolicy(max_wait=60)
    async with OutreachClient(TOKEN, clock=clock, sleep=clock.sleep, retry=policy) as client:
        with pytest.raises(RateLimited):
            await client.resource("prospect").get(1)
        assert client.rate_limit.paused_until == clock.now + 600
        with pytest.raises(RateLimited, match="not sent"):
            await client.resource("prospect").get(1)
    assert len(mocked.sent) == 1


async def test_hooks_see_each_step_in_order(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock
) -> None:
    mocked.get(
        URL, status=429, body=RATE_LIMITED, content_type=JSONAPI, headers={"Retry-After": "3"}
    )
    mocked.get(URL, payload=ONE, content_type=JSONAPI)
    events: list[Event] = []
    client.hooks.add(events.append)
    await client.resource("prospect").get(1)
    assert [type(event) for event in events] == [
        RequestStarted,
        ResponseReceived,
        RateLimitHit,
        RetryScheduled,
        RequestStarted,
        ResponseReceived,
    ]
    retry = events[3]
    assert isinstance(retry, RetryScheduled)
    assert (retry.delay, retry.paused, retry.attempt) == (3.0, True, 1)
    second = events[4]
    assert isinstance(second, RequestStarted)
    assert (second.attempt, second.waited, second.url) == (2, 3.0, URL)
    client.hooks.remove(events.append)
    assert len(client.hooks) == 0


async def test_a_failing_hook_is_logged_not_raised(
    mocked: RecordingMock, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(event: Event) -> None:
        raise RuntimeError("metrics backend down")

    mocked.get(URL, payload=ONE, content_type=JSONAPI)
    async with OutreachClient(TOKEN, hooks=[broken]) as client:
        with caplog.at_level(logging.ERROR, logger="outreach_async"):
            prospect = await client.resource("prospect").get(1)
    assert prospect.id == 1
    assert "hook" in caplog.text and "metrics backend down" in caplog.text


async def test_pacing_and_pausing_are_logged_at_debug(
    mocked: RecordingMock, client: OutreachClient, caplog: pytest.LogCaptureFixture
) -> None:
    mocked.get(
        URL, status=429, body=RATE_LIMITED, content_type=JSONAPI, headers={"Retry-After": "3"}
    )
    mocked.get(URL, payload=ONE, content_type=JSONAPI)
    with caplog.at_level(logging.DEBUG, logger="outreach_async"):
        await client.resource("prospect").get(1)
    assert "pausing every request for 3.000s (429 from the server)" in caplog.text
    assert "holding requests 3.000s (paused by the server)" in caplog.text
    assert TOKEN not in caplog.text


async def test_a_skewed_clock_reads_the_429_time_on_the_servers_clock(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock
) -> None:
    # Our clock is 120 s behind; the 429 says "try again at" a time 30 s ahead of the server.
    server_now = clock.now + 120
    moment = formatdate(server_now + 30, usegmt=True)
    body = json.dumps({"errors": [{"id": "rateLimitExceeded"}]})
    mocked.get(
        URL,
        status=429,
        body=body,
        content_type=JSONAPI,
        headers={"Retry-After": moment, "Date": formatdate(server_now, usegmt=True)},
    )
    mocked.get(URL, payload=ONE, content_type=JSONAPI)
    await client.resource("prospect").get(1)
    assert clock.sleeps == [31.0], "30 s on the server's clock, + 1 s for a whole-second date"


async def test_a_user_limiter_is_used_and_shared(mocked: RecordingMock, clock: FakeClock) -> None:
    limiter = InProcessLimiter(clock=clock, sleep=clock.sleep, max_in_flight=1)
    ok(mocked, 0, clock.now + 10)
    ok(mocked, 50, clock.now + 3600)
    async with (
        OutreachClient(TOKEN, clock=clock, sleep=clock.sleep, limiter=limiter) as first,
        OutreachClient(TOKEN, clock=clock, sleep=clock.sleep, limiter=limiter) as second,
    ):
        await first.resource("prospect").get(1)
        await second.resource("prospect").get(1)
        assert first.rate_limit == second.rate_limit
    # One budget for both clients of the same user: the second waited for the reset.
    assert clock.sleeps == [pytest.approx(11.0)]
