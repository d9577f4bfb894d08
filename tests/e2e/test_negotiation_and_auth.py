"""Content negotiation, authentication and what the client refuses to send or read."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from outreach_async import (
    Auth,
    ClientClosedError,
    Event,
    InProcessLimiter,
    OriginError,
    RetryScheduled,
    TransportError,
    Unauthorized,
    UnsupportedMediaType,
)
from outreach_async.models import Account
from outreach_async.testing import FakeOutreach
from outreach_async.testing._wiring import PROTECTIONS_KEY

from .conftest import JSONAPI, SharedClock, client_of, fake_server


async def test_every_request_negotiates_jsonapi_and_authenticates(clock: SharedClock) -> None:
    seen: list[tuple[str, Mapping[str, str]]] = []

    @web.middleware
    async def record_headers(request: web.Request, handler: Any) -> web.StreamResponse:
        seen.append((request.method, dict(request.headers)))
        response: web.StreamResponse = await handler(request)
        return response

    async with fake_server(clock, middlewares=[record_headers]) as server:
        async with client_of(server, clock) as client:
            created = await client.accounts.create(Account(name="Negotiated"))
            assert created.id is not None
            await client.resource("account").get(created.id)
            await client.resource("account").update(created.id, {"name": "Renegotiated"})
            await client.resource("account").delete(created.id)
            [task] = (await client.tasks.list(filter={"state": "incomplete"}, page_size=1)).items
            assert task.id is not None
            await client.resource("task").action(task.id, "snooze")
    assert [method for method, _ in seen] == ["POST", "GET", "PATCH", "DELETE", "GET", "POST"]
    for _, headers in seen:
        assert headers["Accept"] == JSONAPI
        assert headers["Content-Type"] == JSONAPI
        assert headers["Authorization"] == f"Bearer {server.token}"
        assert headers["User-Agent"].startswith("outreach-async/")


async def test_a_415_is_surfaced_as_unsupported_media_type(server: FakeOutreach) -> None:
    """A user's aiohttp session that loses the Content-Type header gets Outreach's 415."""

    async def drop_content_type(
        request: aiohttp.ClientRequest, handler: aiohttp.ClientHandlerType
    ) -> aiohttp.ClientResponse:
        request.headers.pop("Content-Type", None)
        return await handler(request)

    before = server.store.count("account")
    async with aiohttp.ClientSession(middlewares=(drop_content_type,)) as http:
        async with server.client(http=http) as client:
            with pytest.raises(UnsupportedMediaType) as raised:
                await client.resource("account").create({"name": "Never stored"})
    error = raised.value
    assert error.status == 415
    assert error.error_ids == ["unsupportedMediaType"]
    [detail] = [e.detail for e in error.errors]
    assert detail == "Expected Content-Type header to be 'application/vnd.api+json'."
    assert "unsupportedMediaType [Unsupported Media Type]: Expected Content-Type" in str(error)
    assert server.requests.by_status == {415: 1}, "a 415 is not retried"
    assert server.store.count("account") == before


@pytest.mark.parametrize(
    ("token", "description"),
    [
        ("not-the-token-7f3e", "The access token is not valid."),
        (" ", None),  # refused by BearerToken before anything is sent
    ],
)
async def test_a_bad_static_token_is_unauthorized_with_the_gateways_words(
    server: FakeOutreach, clock: SharedClock, token: str, description: str | None
) -> None:
    if description is None:
        with pytest.raises(ValueError, match="token"):
            client_of(server, clock, auth=token)
        assert server.requests.total == 0
        return
    async with client_of(server, clock, auth=token) as client:
        with pytest.raises(Unauthorized) as raised:
            await client.prospects.get(1)
    error = raised.value
    assert error.status == 401
    [gateway] = error.errors
    assert (gateway.id, gateway.detail) == ("Invalid JWT token.", description)
    assert str(error).splitlines()[1] == f"  - Invalid JWT token.: {description}"
    assert token not in str(error) and token not in repr(error)
    assert server.requests.by_status == {401: 1}, "a 401 without renewal is not retried"


class RefreshingAuth(Auth):
    """An OAuth-style auth that renews its token at the fake server's token endpoint."""

    def __init__(self, server: FakeOutreach, access: str, refresh: str) -> None:
        self._token_url = server.url + "/oauth/token"
        self._client = (server.settings.oauth.client_id, server.settings.oauth.client_secret)
        self.access, self.refresh = access, refresh
        self.renewals = 0

    async def authorization(self) -> str:
        return f"Bearer {self.access}"

    async def handle_unauthorized(self, rejected: str) -> bool:
        if rejected != f"Bearer {self.access}":
            return True  # renewed meanwhile by another request
        client_id, client_secret = self._client
        form = {
            "grant_type": "refresh_token",
            "refresh_token": self.refresh,
            "client_id": client_id,
            "client_secret": client_secret,
        }
        async with aiohttp.ClientSession() as http:
            async with http.post(self._token_url, data=form) as answer:
                if answer.status != 200:
                    return False
                tokens = await answer.json()
        self.access, self.refresh = tokens["access_token"], tokens["refresh_token"]
        self.renewals += 1
        return True


async def test_an_expired_token_is_renewed_once_and_the_request_goes_through(
    server: FakeOutreach, clock: SharedClock
) -> None:
    oauth = server.app[PROTECTIONS_KEY].oauth
    server.settings.oauth.min_refresh_interval = 0
    issued = oauth.grant()
    auth = RefreshingAuth(server, issued.access_token, issued.refresh_token)
    async with client_of(server, clock, auth=auth) as client:
        assert (await client.prospects.get(1)).id == 1
        clock.now += server.settings.oauth.access_token_ttl + 1
        assert (await client.prospects.get(2)).id == 2
        assert auth.renewals == 1
        oauth.expire_access_tokens()
        server.settings.oauth.client_secret = "rotated-secret"  # renewal now fails
        with pytest.raises(Unauthorized, match="The access token has expired"):
            await client.prospects.get(3)
    assert auth.renewals == 1
    api = [e.status for e in server.requests.entries if e.path.startswith("/api/v2/")]
    assert api == [200, 401, 200, 401]


class OrderRecordingLimiter(InProcessLimiter):
    """Notes when each request is granted its turn."""

    def __init__(self, log: list[tuple[str, float]], **options: Any) -> None:
        super().__init__(**options)
        self._log = log

    async def acquire(self, *, max_wait: float | None = None) -> float:
        waited = await super().acquire(max_wait=max_wait)
        self._log.append(("granted", self._clock()))
        return waited


class OrderRecordingAuth(Auth):
    def __init__(self, token: str, log: list[tuple[str, float]], clock: SharedClock) -> None:
        self._token, self._log, self._clock = token, log, clock

    async def authorization(self) -> str:
        self._log.append(("asked", self._clock()))
        return f"Bearer {self._token}"


async def test_the_auth_is_asked_only_after_the_limiter_grants_the_turn(
    server: FakeOutreach, clock: SharedClock
) -> None:
    """Regression: a token read before a long wait in the limiter could expire unsent."""
    log: list[tuple[str, float]] = []
    limiter = OrderRecordingLimiter(log, clock=clock, sleep=clock.sleep)
    auth = OrderRecordingAuth(server.token, log, clock)
    server.settings.faults.maintenance_retry_after = 600

    def end_maintenance(event: Event) -> None:
        if isinstance(event, RetryScheduled):
            server.settings.faults.maintenance_retry_after = None

    async with client_of(
        server, clock, auth=auth, limiter=limiter, hooks=[end_maintenance]
    ) as client:
        first = await client.prospects.get(1)  # the 503 pauses the limiter ten minutes
        assert first.id == 1
    steps = [step for step, _ in log]
    assert steps == ["granted", "asked"] * (len(steps) // 2)
    times = [moment for step, moment in log if step == "asked"]
    assert times[-1] - times[0] >= 599, "the retry's header was asked after the pause"


async def test_a_link_to_another_origin_is_refused_before_credentials_leave(
    clock: SharedClock,
) -> None:
    """A `links.next` pointing elsewhere is never followed with the token."""
    stranger = fake_server(clock)
    servers: list[FakeOutreach] = []

    @web.middleware
    async def point_next_elsewhere(request: web.Request, handler: Any) -> web.StreamResponse:
        response: web.StreamResponse = await handler(request)
        if isinstance(response, web.Response) and isinstance(response.body, bytes):
            ours, theirs = servers[0].url, stranger.url
            response.body = response.body.replace(ours.encode(), theirs.encode())
        return response

    async with stranger, fake_server(clock, middlewares=[point_next_elsewhere]) as server:
        servers.append(server)
        async with client_of(server, clock) as client:
            pages = client.resource("prospect").iterate(page_size=10).pages()
            first = await anext(pages)
            assert first.next_url is not None and first.next_url.startswith(stranger.url)
            with pytest.raises(OriginError, match="not the API origin"):
                await anext(pages)
    assert stranger.requests.total == 0
    assert server.requests.total == 1


async def test_a_body_over_the_size_limit_is_refused_and_not_retried(
    server: FakeOutreach, clock: SharedClock
) -> None:
    async with client_of(server, clock, max_body_size=4_096) as client:
        assert (
            await client.resource("prospect").get(1, fields={"prospect": ["firstName"]})
        ).id == 1
        with pytest.raises(TransportError, match="exceeds max_body_size=4096"):
            await client.resource("prospect").list(page_size=50)
    assert server.requests.total == 2


async def test_a_closed_client_says_so(server: FakeOutreach, clock: SharedClock) -> None:
    client = client_of(server, clock)
    async with client:
        await client.prospects.get(1)
    assert client.closed
    with pytest.raises(ClientClosedError, match="closed"):
        await client.prospects.get(1)
    assert server.requests.total == 1
    assert server.token not in repr(client) + repr(client.session) + repr(client.session.auth)
