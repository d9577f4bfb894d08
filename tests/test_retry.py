"""What is retried, and exactly how long the client waits in between."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from email.utils import format_datetime

import aiohttp
import pytest

from outreach_async import (
    OutreachClient,
    RateLimited,
    RetryPolicy,
    ServerError,
    TransportError,
    ValidationError,
)
from outreach_async.errors import APIError, error_for_response

from .conftest import BASE, TOKEN, FakeClock, RecordingMock

JSONAPI = "application/vnd.api+json"
ONE = {"data": {"type": "prospect", "id": 1, "attributes": {}}}
RATE_LIMITED = json.dumps(
    {
        "errors": [
            {
                "id": "rateLimitExceeded",
                "title": "Rate Limit Exceeded",
                "detail": "You have exceeded your permitted rate limit of 10,000; "
                "please try again at 2023-11-14T22:14:00.",
            }
        ]
    }
)


def _ok(mocked: RecordingMock, url: str, method: str = "GET", status: int = 200) -> None:
    mocked.add(url, method, status=status, payload=ONE, content_type=JSONAPI)


async def test_get_is_retried_after_each_5xx_with_exponential_waits(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock
) -> None:
    url = f"{BASE}/prospects/1"
    for status in (500, 502, 503, 504):
        mocked.get(url, status=status, body="oops", content_type="text/plain")
    _ok(mocked, url)
    prospect = await client.resource("prospect").get(1)
    assert prospect.id == 1
    assert clock.sleeps == [0.5, 1.0, 2.0, 4.0]


async def test_full_jitter_draws_below_the_exponential_cap(
    mocked: RecordingMock, clock: FakeClock
) -> None:
    drawn: list[float] = []

    def jitter(value: float) -> float:
        drawn.append(value)
        return value / 4

    url = f"{BASE}/prospects/1"
    mocked.get(url, status=500)
    mocked.get(url, status=500)
    _ok(mocked, url)
    policy = RetryPolicy(jitter=jitter, base_delay=1.0)
    async with OutreachClient(TOKEN, clock=clock, sleep=clock.sleep, retry=policy) as client:
        await client.resource("prospect").get(1)
    assert drawn == [1.0, 2.0]
    assert clock.sleeps == [0.25, 0.5]


async def test_backoff_is_capped(mocked: RecordingMock, clock: FakeClock) -> None:
    url = f"{BASE}/prospects/1"
    for _ in range(5):
        mocked.get(url, status=502)
    _ok(mocked, url)
    policy = RetryPolicy(jitter=lambda v: v, base_delay=1.0, max_delay=3.0, max_attempts=6)
    async with OutreachClient(TOKEN, clock=clock, sleep=clock.sleep, retry=policy) as client:
        await client.resource("prospect").get(1)
    assert clock.sleeps == [1.0, 2.0, 3.0, 3.0, 3.0]


async def test_gives_up_after_max_attempts(mocked: RecordingMock, clock: FakeClock) -> None:
    url = f"{BASE}/prospects/1"
    for _ in range(3):
        mocked.get(url, status=503, body="down", content_type="text/plain")
    policy = RetryPolicy(jitter=lambda v: v, max_attempts=3)
    async with OutreachClient(TOKEN, clock=clock, sleep=clock.sleep, retry=policy) as client:
        with pytest.raises(ServerError) as caught:
            await client.resource("prospect").get(1)
    assert caught.value.status == 503
    assert len(mocked.sent) == 3


async def test_retry_after_seconds_is_honoured_without_jitter(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock
) -> None:
    url = f"{BASE}/prospects/1"
    mocked.get(
        url, status=429, body=RATE_LIMITED, content_type=JSONAPI, headers={"Retry-After": "7"}
    )
    _ok(mocked, url)
    await client.resource("prospect").get(1)
    assert clock.sleeps == [7.0]


async def test_retry_after_http_date(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock
) -> None:
    moment = datetime.fromtimestamp(clock.now + 42, tz=timezone.utc)
    url = f"{BASE}/prospects/1"
    mocked.get(url, status=503, headers={"Retry-After": format_datetime(moment, usegmt=True)})
    _ok(mocked, url)
    await client.resource("prospect").get(1)
    assert clock.sleeps == [42.0]


async def test_retry_after_iso_time_of_maintenance(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock
) -> None:
    moment = datetime.fromtimestamp(clock.now + 90, tz=timezone.utc).replace(tzinfo=None)
    body = json.dumps({"errors": [{"id": "scheduledServerMaintenance"}]})
    url = f"{BASE}/prospects/1"
    mocked.get(
        url,
        status=503,
        body=body,
        content_type=JSONAPI,
        headers={"Retry-After": moment.isoformat()},
    )
    _ok(mocked, url)
    await client.resource("prospect").get(1)
    assert clock.sleeps == [90.0]


async def test_429_waits_until_rate_limit_reset(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock
) -> None:
    url = f"{BASE}/prospects/1"
    reset = int(clock.now) + 30
    mocked.get(
        url,
        status=429,
        body=RATE_LIMITED,
        content_type=JSONAPI,
        headers={"X-RateLimit-Reset": str(reset), "X-RateLimit-Remaining": "0, 12"},
    )
    _ok(mocked, url)
    await client.resource("prospect").get(1)
    assert clock.sleeps == [30.0]
    assert client.rate_limit.paused_until == reset


async def test_429_without_headers_waits_for_the_time_in_its_detail(
    mocked: RecordingMock, clock: FakeClock
) -> None:
    clock.now = datetime(2023, 11, 14, 22, 13, 0, tzinfo=timezone.utc).timestamp()
    url = f"{BASE}/prospects/1"
    mocked.get(url, status=429, body=RATE_LIMITED, content_type=JSONAPI)
    _ok(mocked, url)
    policy = RetryPolicy(jitter=lambda v: v)
    async with OutreachClient(TOKEN, clock=clock, sleep=clock.sleep, retry=policy) as client:
        await client.resource("prospect").get(1)
    assert clock.sleeps == [60.0]


async def test_a_wait_beyond_the_cap_raises_rate_limited(
    mocked: RecordingMock, clock: FakeClock
) -> None:
    url = f"{BASE}/prospects/1"
    mocked.get(
        url, status=429, body=RATE_LIMITED, content_type=JSONAPI, headers={"Retry-After": "3600"}
    )
    policy = RetryPolicy(jitter=lambda v: v, max_wait=600)
    async with OutreachClient(TOKEN, clock=clock, sleep=clock.sleep, retry=policy) as client:
        with pytest.raises(RateLimited) as caught:
            await client.resource("prospect").get(1)
    assert caught.value.retry_after == 3600.0
    assert "retry after 3600.0s" in str(caught.value)
    assert clock.sleeps == []


async def test_503_beyond_the_cap_also_raises_rate_limited(
    mocked: RecordingMock, clock: FakeClock
) -> None:
    url = f"{BASE}/prospects/1"
    mocked.get(url, status=503, headers={"Retry-After": "7200"})
    policy = RetryPolicy(max_wait=60)
    async with OutreachClient(TOKEN, clock=clock, sleep=clock.sleep, retry=policy) as client:
        with pytest.raises(RateLimited) as caught:
            await client.resource("prospect").get(1)
    assert caught.value.status == 503
    assert caught.value.retry_after == 7200.0


async def test_post_is_not_retried_after_a_500(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock
) -> None:
    mocked.post(f"{BASE}/prospects", status=500)
    with pytest.raises(ServerError):
        await client.resource("prospect").create({"firstName": "Ann"})
    assert len(mocked.sent) == 1
    assert clock.sleeps == []


@pytest.mark.parametrize("status", [502, 504])
async def test_action_is_not_retried_after_a_gateway_error(
    mocked: RecordingMock, client: OutreachClient, status: int
) -> None:
    mocked.post(f"{BASE}/tasks/1/actions/markComplete", status=status)
    with pytest.raises(ServerError):
        await client.resource("task").action(1, "markComplete")
    assert len(mocked.sent) == 1


@pytest.mark.parametrize("status", [429, 503])
async def test_post_is_retried_when_the_server_did_not_act(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock, status: int
) -> None:
    url = f"{BASE}/prospects"
    mocked.post(url, status=status, headers={"Retry-After": "2"})
    _ok(mocked, url, "POST", 201)
    created = await client.resource("prospect").create({"firstName": "Ann"})
    assert created.id == 1
    assert clock.sleeps == [2.0]
    assert len(mocked.sent) == 2


async def test_post_is_retried_when_the_connection_was_refused(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock
) -> None:
    url = f"{BASE}/prospects"
    refused = aiohttp.ClientConnectorError(
        aiohttp.client_reqrep.ConnectionKey("api.outreach.io", 443, True, True, None, None, None),
        ConnectionRefusedError(111, "Connection refused"),
    )
    mocked.post(url, exception=refused)
    _ok(mocked, url, "POST", 201)
    await client.resource("prospect").create({"firstName": "Ann"})
    assert len(mocked.sent) == 2


async def test_post_is_not_retried_when_the_server_dropped_the_connection(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.post(f"{BASE}/prospects", exception=aiohttp.ServerDisconnectedError())
    with pytest.raises(TransportError) as caught:
        await client.resource("prospect").create({"firstName": "Ann"})
    assert caught.value.request_sent
    assert len(mocked.sent) == 1


async def test_get_is_retried_after_a_dropped_connection_and_a_timeout(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock
) -> None:
    url = f"{BASE}/prospects/1"
    mocked.get(url, exception=aiohttp.ServerDisconnectedError())
    mocked.get(url, exception=TimeoutError())
    _ok(mocked, url)
    await client.resource("prospect").get(1)
    assert clock.sleeps == [0.5, 1.0]


@pytest.mark.parametrize("method", ["PATCH", "DELETE"])
async def test_idempotent_writes_follow_the_full_policy(
    mocked: RecordingMock, client: OutreachClient, method: str
) -> None:
    url = f"{BASE}/prospects/1"
    mocked.add(url, method, status=502)
    if method == "DELETE":
        mocked.add(url, method, status=204)
        await client.resource("prospect").delete(1)
    else:
        _ok(mocked, url, method)
        await client.resource("prospect").update(1, {"firstName": "Sal"})
    assert len(mocked.sent) == 2


async def test_client_errors_are_never_retried(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(f"{BASE}/prospects/1", status=422)
    with pytest.raises(ValidationError):
        await client.resource("prospect").get(1)
    assert len(mocked.sent) == 1


def test_policy_decision_table() -> None:
    policy = RetryPolicy()

    def error(status: int) -> APIError:
        return error_for_response(status, b"", method="X", url="u", headers={})

    assert policy.is_retryable(error(500), method="GET")
    assert not policy.is_retryable(error(500), method="POST")
    assert policy.is_retryable(error(429), method="POST")
    assert not policy.is_retryable(error(404), method="GET")
    assert policy.is_retryable(TransportError("x", request_sent=False), method="POST")
    assert not policy.is_retryable(TransportError("x"), method="POST")
    assert not policy.is_retryable(TransportError("x", retryable=False), method="GET")


def test_policy_rejects_zero_attempts() -> None:
    with pytest.raises(ValueError, match="max_attempts"):
        RetryPolicy(max_attempts=0)
