"""Auth, rate limit and faults installed together, in the order the real app uses."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import BaseTestServer, TestServer

from outreach_async.testing._settings import DEFAULT_TOKEN, FakeSettings
from outreach_async.testing._wiring import PROTECTIONS_KEY, Protections, install_protections

if TYPE_CHECKING:  # typing only: older aiohttp releases lack these names
    from aiohttp.typedefs import Handler

HOUR_START = 1_483_225_200


class Harness:
    def __init__(self, settings: FakeSettings, state: Protections) -> None:
        self.settings = settings
        self.state = state
        self.core_saw: list[str] = []
        self.server: BaseTestServer
        self.session: aiohttp.ClientSession

    async def get(self, token: str = DEFAULT_TOKEN) -> tuple[int, dict[str, str], bytes]:
        async with self.session.get(
            self.server.make_url("/api/v2/prospects"),
            headers={"Authorization": f"Bearer {token}"},
        ) as response:
            return response.status, dict(response.headers), await response.read()


@pytest.fixture
async def harness() -> AsyncIterator[Harness]:
    settings = FakeSettings(clock=lambda: HOUR_START + 10.0)
    settings.rate_limit.limit = 2
    state = Protections.create(settings)
    h = Harness(settings, state)

    @web.middleware
    async def core(request: web.Request, handler: Handler) -> web.StreamResponse:
        h.core_saw.append(request.path)
        return await handler(request)

    async def prospects(request: web.Request) -> web.Response:
        return web.json_response({"data": [{"type": "prospect", "id": 1}]})

    app = web.Application(middlewares=[core])
    app.router.add_get("/api/v2/prospects", prospects)
    assert install_protections(app, settings, state) is state
    assert app[PROTECTIONS_KEY] is state
    async with TestServer(app) as server, aiohttp.ClientSession() as session:
        h.server = server
        h.session = session
        yield h


async def test_bad_token_is_refused_before_metering_and_before_the_core(
    harness: Harness,
) -> None:
    status, headers, _ = await harness.get(token="wrong")
    assert status == 401
    assert "X-RateLimit-Limit" not in headers
    assert harness.state.rate_limiter.allowed_total == 0
    assert harness.core_saw == []


async def test_good_token_is_metered_for_its_user(harness: Harness) -> None:
    status, headers, _ = await harness.get()
    assert status == 200
    assert headers["X-RateLimit-Remaining"] == "1"
    assert headers["X-RateLimit-Reset"] == str(HOUR_START + 3600)
    assert harness.state.rate_limiter.usage(1).allowed == 1
    assert harness.core_saw == ["/api/v2/prospects"]


async def test_faulted_answers_spend_budget_and_carry_headers(harness: Harness) -> None:
    faults = harness.settings.faults
    faults.error_rate = 1.0
    faults.error_statuses = (500,)
    status, headers, _ = await harness.get()
    assert status == 500
    assert headers["X-RateLimit-Remaining"] == "1"
    faults.error_rate = 0.0
    faults.truncate_rate = 1.0
    async with harness.session.get(
        harness.server.make_url("/api/v2/prospects"),
        headers={"Authorization": f"Bearer {DEFAULT_TOKEN}"},
    ) as response:
        assert response.headers["X-RateLimit-Remaining"] == "0"
        with pytest.raises(aiohttp.ClientPayloadError):
            await response.read()
    # Over the limit: the 429 comes before any fault is drawn.
    status, headers, _ = await harness.get()
    assert status == 429
    assert harness.state.faults.counts.requests == 2


async def test_dropped_requests_spend_budget(harness: Harness) -> None:
    harness.settings.faults.drop_rate = 1.0
    with pytest.raises(aiohttp.ClientConnectionError):
        await harness.get()
    assert harness.state.rate_limiter.usage(1).allowed >= 1
    assert harness.state.faults.counts.dropped == harness.state.rate_limiter.usage(1).allowed


async def test_oauth_routes_are_neither_faulted_nor_metered(harness: Harness) -> None:
    harness.settings.faults.maintenance_retry_after = 60.0
    oauth = harness.settings.oauth
    form = {
        "grant_type": "authorization_code",
        "code": harness.state.oauth.issue_code(user_id=4),
        "client_id": oauth.client_id,
        "client_secret": oauth.client_secret,
    }
    async with harness.session.post(harness.server.make_url("/oauth/token"), data=form) as response:
        assert response.status == 200
        assert "X-RateLimit-Limit" not in response.headers
        token = (await response.json())["access_token"]
    status, headers, _ = await harness.get(token=token)
    assert status == 503
    assert headers["X-RateLimit-Remaining"] == "1"
    assert harness.state.rate_limiter.principals == {4}
