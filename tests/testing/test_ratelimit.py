"""The fake server's per-user fixed-window rate limit, seen through a real HTTP client."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import BaseTestServer, TestServer

from outreach_async.testing._ratelimit import (
    RateLimiter,
    rate_limit_middleware,
    send_rate_limit_headers,
)
from outreach_async.testing._request_keys import PRINCIPAL_KEY
from outreach_async.testing._settings import FakeSettings

if TYPE_CHECKING:  # typing only: older aiohttp releases lack these names
    from aiohttp.typedefs import Handler

#: 2016-12-31T23:00:00Z, the start of an hourly window.
HOUR_START = 1_483_225_200


class FakeClock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@web.middleware
async def user_from_header(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Stands in for the auth layer: the principal comes from a test header."""
    user = request.headers.get("X-Test-User")
    if user is not None:
        request[PRINCIPAL_KEY] = int(user)
    return await handler(request)


async def prospects(request: web.Request) -> web.Response:
    return web.json_response({"data": [{"type": "prospect", "id": 1}]})


async def missing(request: web.Request) -> web.Response:
    raise web.HTTPNotFound()


async def other(request: web.Request) -> web.Response:
    return web.Response(text="not the API")


class Harness:
    def __init__(
        self, settings: FakeSettings, limiter: RateLimiter, server: BaseTestServer
    ) -> None:
        self.settings = settings
        self.limiter = limiter
        self.server = server
        self.clock = settings.clock
        self.session: aiohttp.ClientSession

    async def get(self, path: str, user: int = 1) -> tuple[int, dict[str, str], str]:
        async with self.session.get(
            self.server.make_url(path), headers={"X-Test-User": str(user)}
        ) as response:
            return response.status, dict(response.headers), await response.text()


@pytest.fixture
async def harness() -> AsyncIterator[Harness]:
    settings = FakeSettings(clock=FakeClock(HOUR_START + 100.0))
    settings.rate_limit.limit = 3
    limiter = RateLimiter(settings)
    app = web.Application(middlewares=[user_from_header, rate_limit_middleware(limiter)])
    app.on_response_prepare.append(send_rate_limit_headers)
    app.router.add_get("/api/v2/prospects", prospects)
    app.router.add_get("/api/v2/missing", missing)
    app.router.add_get("/other", other)
    async with TestServer(app) as server, aiohttp.ClientSession() as session:
        h = Harness(settings, limiter, server)
        h.session = session
        yield h


def clock_of(h: Harness) -> FakeClock:
    assert isinstance(h.settings.clock, FakeClock)
    return h.settings.clock


async def test_headers_count_down_and_reset_at_the_window_end(harness: Harness) -> None:
    seen = [await harness.get("/api/v2/prospects") for _ in range(3)]
    assert [status for status, _, _ in seen] == [200, 200, 200]
    assert [headers["X-RateLimit-Remaining"] for _, headers, _ in seen] == ["2", "1", "0"]
    for _, headers, _ in seen:
        assert headers["X-RateLimit-Limit"] == "3"
        assert headers["X-RateLimit-Reset"] == str(HOUR_START + 3600)


async def test_past_the_limit_answers_429_with_outreach_wording(harness: Harness) -> None:
    for _ in range(3):
        await harness.get("/api/v2/prospects")
    status, headers, text = await harness.get("/api/v2/prospects")
    assert status == 429
    assert headers["Content-Type"].startswith("application/vnd.api+json")
    assert json.loads(text) == {
        "errors": [
            {
                "id": "rateLimitExceeded",
                "title": "Rate Limit Exceeded",
                "detail": "You have exceeded your permitted rate limit of 3; "
                "please try again at 2017-01-01T00:00:00.",
            }
        ]
    }
    assert headers["X-RateLimit-Remaining"] == "0"
    assert headers["X-RateLimit-Reset"] == str(HOUR_START + 3600)
    assert headers["Retry-After"] == str(3600 - 100)


async def test_limit_in_detail_has_thousands_separator(harness: Harness) -> None:
    harness.settings.rate_limit.limit = 10_000
    for _ in range(10_000):
        assert harness.limiter.take(1).allowed
    status, _, text = await harness.get("/api/v2/prospects")
    assert status == 429
    detail = json.loads(text)["errors"][0]["detail"]
    assert detail == (
        "You have exceeded your permitted rate limit of 10,000; "
        "please try again at 2017-01-01T00:00:00."
    )


async def test_rejections_spend_no_budget_and_the_next_window_is_whole(harness: Harness) -> None:
    for _ in range(5):
        await harness.get("/api/v2/prospects")
    usage = harness.limiter.usage(1)
    assert (usage.allowed, usage.rejected, usage.used) == (3, 2, 3)
    clock_of(harness).now = HOUR_START + 3600.0  # first instant of the next window
    status, headers, _ = await harness.get("/api/v2/prospects")
    assert status == 200
    assert headers["X-RateLimit-Remaining"] == "2"
    assert headers["X-RateLimit-Reset"] == str(HOUR_START + 7200)
    assert harness.limiter.usage(1).allowed == 4
    assert (harness.limiter.allowed_total, harness.limiter.rejected_total) == (4, 2)


async def test_budgets_are_per_user(harness: Harness) -> None:
    for _ in range(3):
        await harness.get("/api/v2/prospects", user=1)
    assert (await harness.get("/api/v2/prospects", user=1))[0] == 429
    status, headers, _ = await harness.get("/api/v2/prospects", user=2)
    assert status == 200
    assert headers["X-RateLimit-Remaining"] == "2"
    assert harness.limiter.principals == {1, 2}


async def test_error_answers_carry_the_headers_and_spend_budget(harness: Harness) -> None:
    status, headers, _ = await harness.get("/api/v2/missing")
    assert status == 404
    assert headers["X-RateLimit-Remaining"] == "2"
    assert harness.limiter.usage(1).allowed == 1


async def test_non_api_paths_are_neither_counted_nor_labelled(harness: Harness) -> None:
    status, headers, _ = await harness.get("/other")
    assert status == 200
    assert "X-RateLimit-Limit" not in headers
    assert harness.limiter.principals == frozenset()


async def test_two_valued_remaining(harness: Harness) -> None:
    harness.settings.rate_limit.two_valued_remaining = True
    _, headers, _ = await harness.get("/api/v2/prospects")
    first, second = (int(part) for part in headers["X-RateLimit-Remaining"].split(", "))
    assert first == 2
    assert second > first


async def test_retry_after_can_be_left_out(harness: Harness) -> None:
    harness.settings.rate_limit.send_retry_after = False
    for _ in range(3):
        await harness.get("/api/v2/prospects")
    status, headers, _ = await harness.get("/api/v2/prospects")
    assert status == 429
    assert "Retry-After" not in headers
    assert "X-RateLimit-Reset" in headers


async def test_disabled_limiter_sends_no_headers_and_counts_nothing(harness: Harness) -> None:
    harness.settings.rate_limit.enabled = False
    statuses = [(await harness.get("/api/v2/prospects"))[0] for _ in range(5)]
    assert statuses == [200] * 5
    _, headers, _ = await harness.get("/api/v2/prospects")
    assert "X-RateLimit-Limit" not in headers
    assert harness.limiter.allowed_total == 0


async def test_settings_changed_at_run_time_apply_at_once(harness: Harness) -> None:
    await harness.get("/api/v2/prospects")
    harness.settings.rate_limit.limit = 1
    status, headers, _ = await harness.get("/api/v2/prospects")
    assert status == 429
    assert headers["X-RateLimit-Limit"] == "1"
    harness.settings.rate_limit.window = 60.0  # a new, shorter window starts a fresh count
    status, headers, _ = await harness.get("/api/v2/prospects")
    assert status == 200
    assert headers["X-RateLimit-Reset"] == str(HOUR_START + 120)


def test_fractional_window_end_is_rounded_up() -> None:
    settings = FakeSettings(clock=FakeClock(10.2))
    settings.rate_limit.window = 0.5
    decision = RateLimiter(settings).take(1)
    assert decision.reset == 11  # window [10.0, 10.5) ends at 10.5
    assert decision.retry_after == 1


def test_reset_forgets_all_counters() -> None:
    settings = FakeSettings(clock=FakeClock(0.0))
    settings.rate_limit.limit = 1
    limiter = RateLimiter(settings)
    assert limiter.take("install:7").allowed
    assert not limiter.take("install:7").allowed
    limiter.reset()
    assert limiter.take("install:7").allowed
    assert "install:7" in limiter.principals
    assert repr(limiter) == "RateLimiter(principals=1)"
