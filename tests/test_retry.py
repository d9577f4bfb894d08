"""What is retried, and exactly how long the client waits in between."""

from __future__ import annotations

import json
import pickle
from datetime import datetime, timezone
from email.utils import format_datetime
from typing import Any

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
    assert clock.sleeps == [43.0], "an HTTP-date has whole seconds: one more for the fraction"


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
    assert clock.sleeps == [91.0], "ISO without a fraction: one second of grace"


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
    assert clock.sleeps == [31.0]
    assert client.rate_limit.paused_until == reset + 1


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
    assert clock.sleeps == [61.0]


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


MAINTENANCE = json.dumps(
    {"errors": [{"id": "scheduledServerMaintenance", "title": "Scheduled Server Maintenance"}]}
)
UNAVAILABLE = json.dumps({"errors": [{"id": "serviceUnavailable", "title": "Unavailable"}]})
UPSTREAM = "upstream connect error or disconnect/reset before headers. reset reason: overflow"


def _refused() -> aiohttp.ClientConnectorError:
    return aiohttp.ClientConnectorError(
        aiohttp.client_reqrep.ConnectionKey("api.outreach.io", 443, True, True, None, None, None),
        ConnectionRefusedError(111, "Connection refused"),
    )


#: Each answer of the README's retry table: how the mock gives it once.
ANSWERS: dict[str, dict[str, Any]] = {
    "429 rateLimitExceeded": dict(status=429, body=RATE_LIMITED, content_type=JSONAPI),
    "429 plain text": dict(status=429, body="Too Many Requests", content_type="text/plain"),
    "503 scheduledServerMaintenance": dict(status=503, body=MAINTENANCE, content_type=JSONAPI),
    "503 plain text": dict(status=503, body=UPSTREAM, content_type="text/plain"),
    "503 HTML": dict(status=503, body="<html><h1>503</h1></html>", content_type="text/html"),
    "503 other JSON:API": dict(status=503, body=UNAVAILABLE, content_type=JSONAPI),
    "503 empty": dict(status=503),
    "500": dict(status=500, body='{"errors": [{"id": "internalServerError"}]}'),
    "502 HTML": dict(status=502, body="<html>Bad Gateway</html>", content_type="text/html"),
    "504": dict(status=504, body="Gateway Timeout", content_type="text/plain"),
    "connection refused": dict(exception=_refused()),
    "dropped after sending": dict(exception=aiohttp.ServerDisconnectedError()),
    "timeout": dict(exception=TimeoutError()),
    "truncated body": dict(exception=aiohttp.ClientPayloadError("cut")),
}
#: Answers after which even a write is repeated: the server provably did not act.
UNACTED = {
    "429 rateLimitExceeded",
    "429 plain text",
    "503 scheduledServerMaintenance",
    "connection refused",
}
#: Method, the call that sends it, and what the error says the server may have done.
WRITES: dict[str, tuple[str, str, str]] = {
    "POST": ("POST", f"{BASE}/prospects", "created"),
    "action": ("POST", f"{BASE}/tasks/1/actions/markComplete", "acted on"),
    "PATCH": ("PATCH", f"{BASE}/prospects/1", "changed"),
    "DELETE": ("DELETE", f"{BASE}/prospects/1", "deleted"),
}


async def _call(client: OutreachClient, kind: str) -> object:
    prospects = client.resource("prospect")
    if kind == "GET":
        return await prospects.get(1)
    if kind == "POST":
        return await prospects.create({"firstName": "Ann"})
    if kind == "action":
        return await client.resource("task").action(1, "markComplete")
    if kind == "PATCH":
        return await prospects.update(1, {"firstName": "Ann"})
    return await prospects.delete(1)


@pytest.mark.parametrize("answer", list(ANSWERS))
@pytest.mark.parametrize("kind", ["GET", *WRITES])
async def test_retry_decision_table(
    mocked: RecordingMock, client: OutreachClient, answer: str, kind: str
) -> None:
    """Every row of the README's table: repeated, or raised saying whether it may have acted."""
    method, url, verb = WRITES.get(kind, ("GET", f"{BASE}/prospects/1", ""))
    mocked.add(url, method, headers={"Retry-After": "2"}, **ANSWERS[answer])
    mocked.add(
        url, method, status=204 if method == "DELETE" else 200, payload=ONE, content_type=JSONAPI
    )
    repeated = kind in ("GET", "PATCH", "DELETE") or answer in UNACTED
    if repeated:
        await _call(client, kind)
        assert len(mocked.sent) == 2
        return
    with pytest.raises((ServerError, TransportError)) as caught:
        await _call(client, kind)
    assert len(mocked.sent) == 1, "a write the server may have carried out is not repeated"
    assert caught.value.maybe_applied
    assert f"the server may have {verb} it; look it up before retrying" in str(caught.value)


@pytest.mark.parametrize("kind", list(WRITES))
async def test_a_write_the_server_refused_is_not_maybe_applied(
    mocked: RecordingMock, client: OutreachClient, kind: str
) -> None:
    method, url, _ = WRITES[kind]
    mocked.add(
        url,
        method,
        status=422,
        body='{"errors": [{"id": "validationError"}]}',
        content_type=JSONAPI,
    )
    with pytest.raises(ValidationError) as caught:
        await _call(client, kind)
    assert not caught.value.maybe_applied and "may have" not in str(caught.value)


async def test_a_refusal_after_an_attempt_that_may_have_acted_is_maybe_applied(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    """A DELETE lost behind a gateway, then 404: it was deleted, most likely, by us."""
    url = f"{BASE}/prospects/1"
    mocked.delete(url, status=503, body=UPSTREAM, content_type="text/plain")
    mocked.delete(url, status=404, body='{"errors": [{"id": "notFound"}]}', content_type=JSONAPI)
    with pytest.raises(APIError) as caught:
        await client.resource("prospect").delete(1)
    assert caught.value.status == 404 and caught.value.maybe_applied
    assert str(caught.value).endswith("the server may have deleted it; look it up before retrying")


async def test_a_failed_read_is_never_maybe_applied(
    mocked: RecordingMock, clock: FakeClock
) -> None:
    url = f"{BASE}/prospects/1"
    mocked.get(url, status=502, repeat=True)
    async with OutreachClient(
        TOKEN, clock=clock, sleep=clock.sleep, retry=RetryPolicy(max_attempts=2)
    ) as client:
        with pytest.raises(ServerError) as caught:
            await client.resource("prospect").get(1)
    assert not caught.value.maybe_applied


async def test_maybe_applied_survives_pickling(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.post(f"{BASE}/prospects", status=502)
    mocked.post(f"{BASE}/prospects", exception=aiohttp.ServerDisconnectedError())
    for _ in range(2):
        with pytest.raises((ServerError, TransportError)) as caught:
            await client.resource("prospect").create({"firstName": "Ann"})
        copy = pickle.loads(pickle.dumps(caught.value))
        assert copy.maybe_applied and str(copy) == str(caught.value)


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


def _iso(moment: float) -> str:
    return datetime.fromtimestamp(moment, tz=timezone.utc).isoformat().replace("+00:00", "Z")


async def test_a_retry_after_in_the_past_still_waits_a_second(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock
) -> None:
    url = f"{BASE}/prospects/1"
    limited = {"status": 429, "body": RATE_LIMITED, "content_type": JSONAPI}
    mocked.get(url, headers={"Retry-After": _iso(clock.now - 10)}, **limited)
    _ok(mocked, url)
    await client.resource("prospect").get(1)
    assert clock.sleeps == [1.0], "the server still refused: never 0"


async def test_a_retry_after_earlier_than_the_reset_waits_for_the_reset(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock
) -> None:
    url = f"{BASE}/prospects/1"
    reset = int(clock.now) + 5
    mocked.get(
        url,
        status=429,
        body=RATE_LIMITED,
        content_type=JSONAPI,
        headers={"Retry-After": _iso(clock.now), "X-RateLimit-Reset": str(reset)},
    )
    _ok(mocked, url)
    await client.resource("prospect").get(1)
    assert clock.sleeps == [6.0], "the later time, and a second for its lost fraction"


async def test_a_retry_after_with_a_fraction_is_exact(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock
) -> None:
    url = f"{BASE}/prospects/1"
    mocked.get(url, status=429, headers={"Retry-After": _iso(clock.now + 2.5)})
    _ok(mocked, url)
    await client.resource("prospect").get(1)
    assert clock.sleeps == [2.5]


async def test_server_requested_waits_do_not_use_up_attempts(
    mocked: RecordingMock, clock: FakeClock
) -> None:
    url = f"{BASE}/prospects"
    for _ in range(4):
        mocked.post(
            url, status=429, body=RATE_LIMITED, content_type=JSONAPI, headers={"Retry-After": "3"}
        )
    mocked.post(
        url, status=503, body=MAINTENANCE, content_type=JSONAPI, headers={"Retry-After": "3"}
    )
    _ok(mocked, url, "POST", 201)
    policy = RetryPolicy(max_attempts=2)
    async with OutreachClient(TOKEN, clock=clock, sleep=clock.sleep, retry=policy) as client:
        await client.resource("prospect").create({"firstName": "Ann"})
    assert clock.sleeps == [3.0] * 5
    assert len(mocked.sent) == 6


async def test_server_requested_waits_are_bounded_in_total_by_max_wait(
    mocked: RecordingMock, clock: FakeClock
) -> None:
    url = f"{BASE}/prospects/1"
    mocked.get(
        url,
        status=429,
        body=RATE_LIMITED,
        content_type=JSONAPI,
        headers={"Retry-After": "4"},
        repeat=True,
    )
    policy = RetryPolicy(max_wait=10)
    async with OutreachClient(TOKEN, clock=clock, sleep=clock.sleep, retry=policy) as client:
        with pytest.raises(RateLimited) as caught:
            await client.resource("prospect").get(1)
    assert clock.sleeps == [4.0, 4.0], "a third wait would pass max_wait in total"
    assert caught.value.retry_after == 4.0
    assert len(mocked.sent) == 3
