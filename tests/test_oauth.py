"""OAuth2: authorize URL, code exchange, single-flight refresh, persist before use.

Against the fake server's `/oauth/token` (rotating refresh tokens, one new token per user per
60 s, `invalid_grant`), on a fake clock shared by the server and the client, so a `Retry
later` is waited out without sleeping; aioresponses for what only the wire shows.
"""

from __future__ import annotations

import asyncio
import pickle
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest

from outreach_async import (
    AuthError,
    MemoryTokenStore,
    OAuth2Auth,
    OAuthApp,
    OutreachClient,
    TokenEndpointError,
    TokenPair,
    TokenPersistenceError,
)
from outreach_async.testing import FakeOutreach, FakeSettings

from .conftest import FakeClock, RecordingMock

TOKEN_URL = "https://api.outreach.io/oauth/token"


@pytest.fixture
async def server(clock: FakeClock) -> AsyncIterator[FakeOutreach]:
    async with FakeOutreach(settings=FakeSettings(clock=clock)) as server:
        yield server


def oauth_client(server: FakeOutreach, clock: FakeClock, auth: OAuth2Auth) -> OutreachClient:
    return server.client(auth=auth, clock=clock, sleep=clock.sleep)


async def get_prospect(client: OutreachClient, number: int) -> str:
    return str((await client.resource("prospect").get(number)).id)


def api_requests(server: FakeOutreach) -> int:
    """API requests the server saw (token endpoint requests left out)."""
    return sum(1 for path in server.requests.paths() if path.startswith("/api/v2/"))


class FlakyStore(MemoryTokenStore):
    """Fails its first `failures` saves, after recording what it was asked to save."""

    def __init__(self, pair: TokenPair | None = None, failures: int = 1) -> None:
        super().__init__(pair)
        self.failures = failures
        self.attempts: list[TokenPair] = []

    async def save(self, pair: TokenPair) -> None:
        self.attempts.append(pair)
        if self.failures:
            self.failures -= 1
            raise OSError("disk full")
        await super().save(pair)


# -- the authorization flow ----------------------------------------------------------------


async def test_authorization_url_then_code_exchange_gives_working_tokens(
    server: FakeOutreach, clock: FakeClock
) -> None:
    app = server.oauth_app()
    url = app.authorization_url(["prospects.all", "users.read"], state="st-123")
    query = parse_qs(urlsplit(url).query)
    assert url.startswith(f"{server.url}/oauth/authorize?")
    assert query == {
        "client_id": ["fake-client-id"],
        "redirect_uri": ["http://localhost/callback"],
        "response_type": ["code"],
        "scope": ["prospects.all users.read"],
        "state": ["st-123"],
    }
    async with aiohttp.ClientSession() as http, http.get(url, allow_redirects=False) as answer:
        location = urlsplit(answer.headers["Location"])
    back = parse_qs(location.query)
    assert back["state"] == ["st-123"]

    pair = await app.exchange_code(back["code"][0], clock=clock, sleep=clock.sleep)
    assert pair.scope == "prospects.all users.read"
    assert pair.expires_at == clock() + 7200
    assert server.oauth.counts.codes_exchanged == 1
    store = MemoryTokenStore()
    async with oauth_client(server, clock, OAuth2Auth(app, pair, store=store)) as client:
        assert await get_prospect(client, 1) == "1"
    assert store.pair == pair


async def test_a_code_works_once(server: FakeOutreach, clock: FakeClock) -> None:
    app = server.oauth_app()
    code = server.oauth.issue_code()
    await app.exchange_code(code, clock=clock, sleep=clock.sleep)
    clock.now += 60
    with pytest.raises(TokenEndpointError) as caught:
        await app.exchange_code(code, clock=clock, sleep=clock.sleep)
    assert (caught.value.status, caught.value.error) == (400, "invalid_grant")
    assert caught.value.reauthorization_needed
    assert "authorize the app again" in str(caught.value)


def test_authorization_url_needs_scope_and_state() -> None:
    app = OAuthApp("id", "secret", "https://example.com/cb")
    assert app.authorization_url("prospects.read  users.read", state="s").count("scope=") == 1
    with pytest.raises(ValueError, match="scope"):
        app.authorization_url([], state="s")
    with pytest.raises(ValueError, match="state"):
        app.authorization_url("prospects.read", state="")


@pytest.mark.parametrize(
    "base_url", ["http://api.outreach.io", "ftp://api.outreach.io", "http://10.1.1.1"]
)
def test_the_token_endpoint_is_https_except_on_loopback(base_url: str) -> None:
    with pytest.raises(ValueError, match="base_url"):
        OAuthApp("id", "secret", "https://example.com/cb", base_url=base_url)


def test_oauth2_auth_needs_tokens_or_a_store() -> None:
    with pytest.raises(ValueError, match="tokens"):
        OAuth2Auth(OAuthApp("id", "secret", "https://example.com/cb"))


async def test_an_empty_store_without_tokens_is_an_auth_error(
    server: FakeOutreach, clock: FakeClock
) -> None:
    auth = OAuth2Auth(server.oauth_app(), store=MemoryTokenStore())
    async with oauth_client(server, clock, auth) as client:
        with pytest.raises(AuthError, match="exchange an authorization code"):
            await get_prospect(client, 1)
    assert api_requests(server) == 0


# -- single-flight refresh -----------------------------------------------------------------


@pytest.mark.parametrize("expired_by", ["clock", "server"])
async def test_200_concurrent_requests_on_an_expired_token_refresh_once(
    server: FakeOutreach, clock: FakeClock, expired_by: str
) -> None:
    """Expired on both clocks (refreshed ahead, no 401) or only on the server's (401s)."""
    store = MemoryTokenStore()
    auth = OAuth2Auth(server.oauth_app(), server.signed_in(), store=store)
    async with oauth_client(server, clock, auth) as client:
        await get_prospect(client, 1)
        if expired_by == "clock":
            clock.now += 7200
        else:
            assert server.oauth.expire_access_tokens() == 1
        ids = await asyncio.gather(*(get_prospect(client, n % 100 + 1) for n in range(200)))
    assert ids == [str(n % 100 + 1) for n in range(200)]
    counts = server.oauth.counts
    assert counts.refreshes == 1
    assert counts.throttled == counts.invalid_grants == 0
    assert (counts.unauthorized > 0) == (expired_by == "server")
    assert store.saves == 2  # the first pair, then the refreshed one
    assert store.pair is not None
    assert server.oauth.live_refresh_tokens() == {store.pair.refresh_token}


async def test_refresh_happens_ahead_of_expiry(server: FakeOutreach, clock: FakeClock) -> None:
    auth = OAuth2Auth(server.oauth_app(), server.signed_in(), refresh_margin=300)
    async with oauth_client(server, clock, auth) as client:
        await get_prospect(client, 1)
        clock.now += 7200 - 301
        await get_prospect(client, 1)
        assert server.oauth.counts.refreshes == 0
        clock.now += 2
        await get_prospect(client, 1)
    assert server.oauth.counts.refreshes == 1
    assert server.oauth.counts.unauthorized == 0


async def test_a_401_for_an_old_header_retries_without_refreshing(
    server: FakeOutreach, clock: FakeClock
) -> None:
    auth = OAuth2Auth(server.oauth_app(), server.signed_in())
    async with oauth_client(server, clock, auth) as client:
        old = await auth.authorization()
        server.oauth.expire_access_tokens()
        assert await auth.handle_unauthorized(old)
        new = await auth.authorization()
        assert new != old
        assert await auth.handle_unauthorized(old)  # a late 401 for the old header
        assert await auth.authorization() == new
        await get_prospect(client, 1)
    assert server.oauth.counts.refreshes == 1


async def test_a_retry_later_from_the_token_endpoint_is_waited_out(
    server: FakeOutreach, clock: FakeClock
) -> None:
    app = server.oauth_app()
    pair = await app.exchange_code(server.oauth.issue_code(), clock=clock, sleep=clock.sleep)
    async with oauth_client(server, clock, OAuth2Auth(app, pair)) as client:
        server.oauth.expire_access_tokens()  # revoked 10 s after it was issued
        clock.now += 10
        ids = await asyncio.gather(*(get_prospect(client, n) for n in range(1, 21)))
    assert ids == [str(n) for n in range(1, 21)]
    assert server.oauth.counts.throttled == 1
    assert server.oauth.counts.refreshes == 1
    assert 60.0 in clock.sleeps  # no Retry-After: a user gets one token a minute


async def test_auth_errors_are_not_retried_by_the_session(
    server: FakeOutreach, clock: FakeClock
) -> None:
    pair = server.signed_in()
    auth = OAuth2Auth(server.oauth_app(), pair)
    async with oauth_client(server, clock, auth) as client:
        await get_prospect(client, 1)
        await server.oauth_app().refresh(pair.refresh_token)  # someone else spends it
        clock.now += 7200
        with pytest.raises(TokenEndpointError) as caught:
            await get_prospect(client, 1)
        assert server.oauth.counts.invalid_grants == 1
        with pytest.raises(TokenEndpointError) as again:
            await get_prospect(client, 1)  # a dead refresh token is not sent again
    assert server.oauth.counts.invalid_grants == 1
    assert caught.value.reauthorization_needed and again.value.reauthorization_needed
    assert (caught.value.request_sent, again.value.request_sent) == (True, False)
    assert "authorize the app again" in str(caught.value)
    assert "authorize the app again" in str(again.value)


async def test_a_new_authorization_saved_to_the_store_ends_a_dead_grant(
    server: FakeOutreach, clock: FakeClock
) -> None:
    app = server.oauth_app()
    first = server.signed_in()
    store = MemoryTokenStore(first)
    async with oauth_client(server, clock, OAuth2Auth(app, store=store)) as client:
        await get_prospect(client, 1)
        await app.refresh(first.refresh_token, clock=clock)  # spent elsewhere, never saved
        clock.now += 7200
        with pytest.raises(TokenEndpointError):
            await get_prospect(client, 1)
        code = server.oauth.issue_code()
        await store.save(await app.exchange_code(code, clock=clock, sleep=clock.sleep))
        assert await get_prospect(client, 1) == "1"
    assert server.oauth.counts.invalid_grants == 1


def test_token_endpoint_errors_pickle_with_their_fields() -> None:
    error = TokenEndpointError(
        "refused", status=400, error="invalid_grant", description="gone", request_sent=False
    )
    copy = pickle.loads(pickle.dumps(error))
    assert (str(copy), copy.status, copy.error, copy.description, copy.request_sent) == (
        "refused",
        400,
        "invalid_grant",
        "gone",
        False,
    )


def test_a_token_answer_is_dated_on_our_clock_within_a_bounded_skew() -> None:
    body = {"access_token": "a" * 20, "refresh_token": "r" * 20, "expires_in": 7200}
    now = 1_700_000_000.0
    assert TokenPair.from_response(body, now).created_at == now
    ahead = TokenPair.from_response({**body, "created_at": now + 900}, now)
    assert (ahead.created_at, ahead.expires_at) == (now, now + 7200)
    latency = TokenPair.from_response({**body, "created_at": now - 2}, now)
    assert latency.created_at == now - 2
    behind = TokenPair.from_response({**body, "created_at": now - 86_400}, now)
    assert behind.created_at == now - 300
    assert "a" * 20 not in repr(ahead) and "r" * 20 not in repr(ahead)


async def test_a_header_asked_for_during_a_refresh_is_the_new_one(
    server: FakeOutreach, clock: FakeClock
) -> None:
    entered = asyncio.Event()
    release = asyncio.Event()

    async def on_refresh(pair: TokenPair) -> None:
        entered.set()
        await release.wait()

    auth = OAuth2Auth(server.oauth_app(), server.signed_in(), on_refresh=on_refresh)
    async with oauth_client(server, clock, auth) as client:
        old = await auth.authorization()
        rejected = asyncio.ensure_future(auth.handle_unauthorized(old))
        await entered.wait()
        asked = asyncio.ensure_future(auth.authorization())
        await asyncio.sleep(0)
        assert not asked.done()
        release.set()
        assert await rejected
        assert await asked != old
        await get_prospect(client, 1)
    assert server.oauth.counts.refreshes == 1


async def test_a_refresh_token_used_twice_fails_the_way_the_server_does(
    server: FakeOutreach, clock: FakeClock
) -> None:
    """Two processes holding one pair without a shared store: the second refresh is dead."""
    pair = server.signed_in()
    first = OAuth2Auth(server.oauth_app(), pair)
    second = OAuth2Auth(server.oauth_app(), pair)
    async with (
        oauth_client(server, clock, first) as one,
        oauth_client(server, clock, second) as two,
    ):
        clock.now += 7200
        await get_prospect(one, 1)
        clock.now += 60
        with pytest.raises(TokenEndpointError) as caught:
            await get_prospect(two, 1)
    error = caught.value
    assert (error.status, error.error, error.request_sent) == (400, "invalid_grant", True)
    assert error.description is not None and "invalid" in error.description
    assert server.oauth.counts.refreshes == 1
    assert server.oauth.counts.invalid_grants == 1


async def test_a_pair_another_process_saved_is_used_instead_of_a_dead_refresh(
    server: FakeOutreach, clock: FakeClock
) -> None:
    store = MemoryTokenStore()
    app = server.oauth_app()
    first = OAuth2Auth(app, server.signed_in(), store=store)
    second = OAuth2Auth(app, store=store)
    async with (
        oauth_client(server, clock, first) as one,
        oauth_client(server, clock, second) as two,
    ):
        await get_prospect(one, 1)
        await get_prospect(two, 1)  # both hold the first pair now
        clock.now += 7200
        await get_prospect(one, 1)  # refreshes and saves the second pair
        await get_prospect(two, 1)  # finds it in the store
    assert server.oauth.counts.refreshes == 1
    assert server.oauth.counts.invalid_grants == 0


async def test_given_tokens_newer_than_the_stored_ones_are_saved_first(
    server: FakeOutreach, clock: FakeClock
) -> None:
    old = server.signed_in()
    clock.now += 100
    new = server.signed_in()
    store = MemoryTokenStore(old)
    async with oauth_client(server, clock, OAuth2Auth(server.oauth_app(), new, store=store)) as c:
        await get_prospect(c, 1)
    assert store.pair == new

    store = MemoryTokenStore(new)
    auth = OAuth2Auth(server.oauth_app(), old, store=store)
    async with oauth_client(server, clock, auth) as client:
        await get_prospect(client, 1)
        assert await auth.authorization() == f"Bearer {new.access_token}"
    assert store.saves == 0


# -- persist before use --------------------------------------------------------------------


async def test_a_new_pair_is_saved_before_its_token_is_sent(
    server: FakeOutreach, clock: FakeClock
) -> None:
    store = MemoryTokenStore()
    entered = asyncio.Event()
    release = asyncio.Event()
    seen: dict[str, Any] = {}

    async def on_refresh(pair: TokenPair) -> None:
        seen["stored"] = store.pair
        seen["requests"] = api_requests(server)
        entered.set()
        await release.wait()

    auth = OAuth2Auth(server.oauth_app(), server.signed_in(), store=store, on_refresh=on_refresh)
    async with oauth_client(server, clock, auth) as client:
        await get_prospect(client, 1)
        clock.now += 7200
        requests = [asyncio.ensure_future(get_prospect(client, n)) for n in range(1, 6)]
        await entered.wait()
        assert api_requests(server) == seen["requests"]  # nothing sent while saving
        release.set()
        assert await asyncio.gather(*requests) == ["1", "2", "3", "4", "5"]
    assert seen["stored"] is not None and seen["stored"] == store.pair
    assert server.oauth.live_refresh_tokens() == {store.pair.refresh_token}


async def test_a_failed_save_keeps_the_pair_unused_and_saves_it_next_time(
    server: FakeOutreach, clock: FakeClock
) -> None:
    store = FlakyStore(failures=0)
    auth = OAuth2Auth(server.oauth_app(), server.signed_in(), store=store)
    async with oauth_client(server, clock, auth) as client:
        await get_prospect(client, 1)
        sent = api_requests(server)
        clock.now += 7200
        store.failures = 2
        for _ in range(2):
            with pytest.raises(TokenPersistenceError) as caught:
                await get_prospect(client, 1)
            assert "disk full" not in str(caught.value)
        assert api_requests(server) == sent  # the unsaved token was never sent
        ids = await asyncio.gather(*(get_prospect(client, n) for n in range(1, 11)))
        assert ids == [str(n) for n in range(1, 11)]
    assert server.oauth.counts.refreshes == 1  # the kept pair was saved, not a new refresh
    assert store.attempts[-3] == store.attempts[-2] == store.attempts[-1] == store.pair
    assert server.oauth.live_refresh_tokens() == {store.pair.refresh_token}


async def test_a_failed_callback_never_costs_the_store_the_live_refresh_token(
    server: FakeOutreach, clock: FakeClock
) -> None:
    store = MemoryTokenStore()
    calls: list[TokenPair] = []

    def on_refresh(pair: TokenPair) -> None:
        calls.append(pair)
        if len(calls) == 1:
            raise RuntimeError("callback down")

    auth = OAuth2Auth(server.oauth_app(), server.signed_in(), store=store, on_refresh=on_refresh)
    async with oauth_client(server, clock, auth) as client:
        await get_prospect(client, 1)
        clock.now += 7200
        with pytest.raises(TokenPersistenceError, match="on_refresh callback failed"):
            await get_prospect(client, 1)
        assert store.pair is not None
        assert server.oauth.live_refresh_tokens() == {store.pair.refresh_token}
        assert await get_prospect(client, 1) == "1"
    assert calls == [store.pair, store.pair]
    assert server.oauth.counts.refreshes == 1


async def test_a_cancelled_request_does_not_cancel_its_refresh(
    server: FakeOutreach, clock: FakeClock
) -> None:
    store = MemoryTokenStore()
    entered = asyncio.Event()
    release = asyncio.Event()

    async def on_refresh(pair: TokenPair) -> None:
        entered.set()
        await release.wait()

    auth = OAuth2Auth(server.oauth_app(), server.signed_in(), store=store, on_refresh=on_refresh)
    async with oauth_client(server, clock, auth) as client:
        await get_prospect(client, 1)
        clock.now += 7200
        request = asyncio.ensure_future(get_prospect(client, 1))
        await entered.wait()
        request.cancel()
        with pytest.raises(asyncio.CancelledError):
            await request
        release.set()
        await auth.aclose()  # waits for the refresh, which saves its pair
        assert store.pair is not None
        assert server.oauth.live_refresh_tokens() == {store.pair.refresh_token}
        assert await get_prospect(client, 1) == "1"
    assert server.oauth.counts.refreshes == 1


# -- the wire: what is repeated and what is not --------------------------------------------


def app_for_wire() -> OAuthApp:
    return OAuthApp("wire-id", "wire-secret-77", "https://example.com/cb")


TOKENS = {
    "access_token": "wire-access-new",
    "refresh_token": "wire-refresh-new",
    "expires_in": 7200,
    "created_at": 1_700_000_000,
    "token_type": "bearer",
}


async def test_the_refresh_request_is_a_form_post_with_the_client_credentials(
    mocked: RecordingMock, clock: FakeClock
) -> None:
    mocked.post(TOKEN_URL, payload=TOKENS)
    pair = await app_for_wire().refresh("wire-refresh-old", clock=clock, sleep=clock.sleep)
    assert pair == TokenPair("wire-access-new", "wire-refresh-new", clock() + 7200, clock())
    [call] = mocked.calls()
    assert call.kwargs["data"] == {
        "grant_type": "refresh_token",
        "refresh_token": "wire-refresh-old",
        "client_id": "wire-id",
        "client_secret": "wire-secret-77",
    }
    assert call.kwargs["allow_redirects"] is False


async def test_a_refresh_is_repeated_when_the_connection_never_opened(
    mocked: RecordingMock, clock: FakeClock
) -> None:
    refused = aiohttp.ClientConnectorError(
        aiohttp.client_reqrep.ConnectionKey("api.outreach.io", 443, True, True, None, None, None),
        ConnectionRefusedError(111, "refused"),
    )
    mocked.post(TOKEN_URL, exception=refused)
    mocked.post(TOKEN_URL, status=503, headers={"Retry-After": "30"}, body="down")
    mocked.post(TOKEN_URL, status=429, body="Retry later", content_type="text/plain")
    mocked.post(TOKEN_URL, payload=TOKENS)
    pair = await app_for_wire().refresh("wire-refresh-old", clock=clock, sleep=clock.sleep)
    assert pair.refresh_token == "wire-refresh-new"
    assert len(mocked.calls()) == 4
    assert clock.sleeps[1:] == [30.0, 60.0]


@pytest.mark.parametrize(
    "answer",
    [
        {"exception": aiohttp.ServerDisconnectedError()},
        {"exception": TimeoutError()},
        {"status": 500, "body": "oops"},
        {"status": 502, "body": "<html>bad gateway</html>"},
    ],
)
async def test_a_refresh_the_server_may_have_acted_on_is_not_repeated(
    mocked: RecordingMock, clock: FakeClock, answer: dict[str, Any]
) -> None:
    mocked.post(TOKEN_URL, **answer)
    mocked.post(TOKEN_URL, payload=TOKENS)
    with pytest.raises(TokenEndpointError) as caught:
        await app_for_wire().refresh("wire-refresh-old", clock=clock, sleep=clock.sleep)
    assert len(mocked.calls()) == 1
    assert caught.value.request_sent
    assert clock.sleeps == []


async def test_a_wait_beyond_patience_is_an_error_not_a_sleep(
    mocked: RecordingMock, clock: FakeClock
) -> None:
    mocked.post(TOKEN_URL, status=503, headers={"Retry-After": "3600"}, body="maintenance")
    with pytest.raises(TokenEndpointError, match="wait 3600s") as caught:
        await app_for_wire().refresh("wire-refresh-old", clock=clock, sleep=clock.sleep)
    assert caught.value.status == 503
    assert clock.sleeps == []


async def test_an_invalid_client_says_so(mocked: RecordingMock, clock: FakeClock) -> None:
    body = {"error": "invalid_client", "error_description": "Client authentication failed."}
    mocked.post(TOKEN_URL, status=401, payload=body)
    with pytest.raises(TokenEndpointError) as caught:
        await app_for_wire().refresh("wire-refresh-old", clock=clock, sleep=clock.sleep)
    assert (caught.value.status, caught.value.error) == (401, "invalid_client")
    assert not caught.value.reauthorization_needed
    assert "Client authentication failed." in str(caught.value)


@pytest.mark.parametrize("status", [200, 400])
@pytest.mark.parametrize("nested", [b"[" * 100_000, b'{"error": ' + b"[" * 100_000 + b"}"])
async def test_a_token_answer_nested_too_deeply_is_a_token_endpoint_error(
    mocked: RecordingMock, clock: FakeClock, status: int, nested: bytes
) -> None:
    mocked.post(TOKEN_URL, status=status, body=nested, content_type="application/json")
    with pytest.raises(TokenEndpointError) as caught:
        await app_for_wire().refresh("wire-refresh-old", clock=clock, sleep=clock.sleep)
    assert caught.value.status == status


@pytest.mark.parametrize(
    "payload",
    [
        {"access_token": "a", "expires_in": 7200},
        {"access_token": "a", "refresh_token": "", "expires_in": 7200},
        {"access_token": "a", "refresh_token": "r", "expires_in": "soon"},
        ["not", "an", "object"],
    ],
)
async def test_a_malformed_token_answer_is_a_token_endpoint_error(
    mocked: RecordingMock, clock: FakeClock, payload: Any
) -> None:
    mocked.post(TOKEN_URL, payload=payload)
    with pytest.raises(TokenEndpointError) as caught:
        await app_for_wire().refresh("wire-refresh-old", clock=clock, sleep=clock.sleep)
    assert caught.value.status == 200
    assert "wire-refresh-old" not in str(caught.value)


class LateStore(MemoryTokenStore):
    """A shared store whose next read misses a save another process makes at that moment."""

    def __init__(self, pair: TokenPair) -> None:
        super().__init__(pair)
        self.late: TokenPair | None = None

    async def load(self) -> TokenPair | None:
        seen = self.pair
        if self.late is not None:
            self.pair, self.late = self.late, None
        return seen


async def test_an_invalid_grant_looks_for_a_pair_another_process_just_saved(
    server: FakeOutreach, clock: FakeClock
) -> None:
    app = server.oauth_app()
    first = server.signed_in()
    store = LateStore(first)
    auth = OAuth2Auth(app, store=store)
    async with oauth_client(server, clock, auth) as client:
        await get_prospect(client, 1)
        clock.now += 7200
        store.late = await app.refresh(first.refresh_token, clock=clock)  # the other process
        assert await get_prospect(client, 1) == "1"
        assert await auth.authorization() == f"Bearer {store.pair.access_token}"
    assert server.oauth.counts.invalid_grants == 1
    assert server.oauth.counts.refreshes == 1
