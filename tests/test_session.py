"""The session: headers on every request, its own lifecycle, and checked responses."""

from __future__ import annotations

import aiohttp
import pytest

from outreach_async import (
    BearerToken,
    ClientClosedError,
    OriginError,
    OutreachClient,
    RetryPolicy,
    Session,
    Timeouts,
    TransportError,
    __version__,
)
from outreach_async.http.auth import Auth

from .conftest import BASE, TOKEN, RecordingMock

JSONAPI = "application/vnd.api+json"
ONE = {"data": {"type": "prospect", "id": 1}}


async def test_every_request_negotiates_jsonapi_and_authenticates(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(f"{BASE}/prospects/1", payload=ONE, content_type=JSONAPI)
    await client.resource("prospect").get(1)
    [call] = mocked.calls()
    assert call.kwargs["headers"] == {
        "Accept": JSONAPI,
        "Content-Type": JSONAPI,
        "Authorization": f"Bearer {TOKEN}",
        "User-Agent": f"outreach-async/{__version__}",
    }
    assert call.kwargs["allow_redirects"] is False


async def test_base_url_is_configurable(mocked: RecordingMock) -> None:
    mocked.get("http://127.0.0.1:8089/api/v2/prospects/1", payload=ONE, content_type=JSONAPI)
    async with OutreachClient(TOKEN, base_url="http://127.0.0.1:8089/api/v2/") as client:
        await client.resource("prospect").get(1)
    assert mocked.sent == [("GET", "http://127.0.0.1:8089/api/v2/prospects/1")]


@pytest.mark.parametrize(
    "base_url", ["http://api.outreach.io/api/v2", "ftp://x/api", "not a url", "http://10.0.0.1/api"]
)
def test_plain_http_is_refused_except_to_loopback(base_url: str) -> None:
    with pytest.raises(ValueError, match="base_url"):
        OutreachClient(TOKEN, base_url=base_url)


@pytest.mark.parametrize("base_url", ["http://localhost:1/api/v2", "http://[::1]:1/api/v2"])
def test_loopback_over_plain_http_is_allowed(base_url: str) -> None:
    assert OutreachClient(TOKEN, base_url=base_url).session.base_url.scheme == "http"


async def test_an_injected_aiohttp_session_is_used_and_left_open(mocked: RecordingMock) -> None:
    mocked.get(f"{BASE}/prospects/1", payload=ONE, content_type=JSONAPI)
    async with aiohttp.ClientSession() as http:
        async with OutreachClient(TOKEN, http=http) as client:
            await client.resource("prospect").get(1)
        assert client.closed
        assert not http.closed


async def test_the_clients_own_session_is_closed_with_it(mocked: RecordingMock) -> None:
    mocked.get(f"{BASE}/prospects/1", payload=ONE, content_type=JSONAPI)
    client = OutreachClient(TOKEN, timeouts=Timeouts(total=5, connect=1))
    async with client:
        await client.resource("prospect").get(1)
        http = client.session._http
        assert http is not None
        assert http.timeout.total == 5 and http.timeout.connect == 1
    assert http.closed
    await client.close()  # twice is fine


async def test_using_a_closed_client_raises_a_clear_error() -> None:
    client = OutreachClient(TOKEN)
    await client.close()
    with pytest.raises(ClientClosedError, match="closed"):
        await client.resource("prospect").get(1)


async def test_a_non_json_success_is_a_transport_error(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(f"{BASE}/prospects/1", body="<html>hi</html>", content_type="text/html", repeat=True)
    with pytest.raises(TransportError, match="text/html"):
        await client.resource("prospect").get(1)
    assert len(mocked.sent) == 6  # a GET is retried: the next answer may be the real one


async def test_malformed_json_is_retried_on_get_and_surfaced_on_post(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    url = f"{BASE}/prospects/1"
    mocked.get(url, body='{"data": {', content_type=JSONAPI)
    mocked.get(url, payload=ONE, content_type=JSONAPI)
    assert (await client.resource("prospect").get(1)).id == 1
    mocked.post(f"{BASE}/prospects", body='{"data": {', content_type=JSONAPI)
    with pytest.raises(TransportError, match="not valid JSON"):
        await client.resource("prospect").create({"firstName": "A"})


async def test_a_body_over_the_limit_is_refused_and_not_retried(mocked: RecordingMock) -> None:
    mocked.get(f"{BASE}/prospects/1", body="x" * 2048, content_type=JSONAPI)
    async with OutreachClient(TOKEN, max_body_size=1024) as client:
        with pytest.raises(TransportError, match="max_body_size"):
            await client.resource("prospect").get(1)
    assert len(mocked.sent) == 1


async def test_same_origin_redirects_are_followed(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(f"{BASE}/prospects/1", status=301, headers={"Location": "/api/v2/prospects/2"})
    mocked.get(f"{BASE}/prospects/2", payload=ONE, content_type=JSONAPI)
    await client.resource("prospect").get(1)
    assert [url for _, url in mocked.sent] == [f"{BASE}/prospects/1", f"{BASE}/prospects/2"]


async def test_redirects_to_another_origin_are_refused(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(
        f"{BASE}/prospects/1", status=302, headers={"Location": "https://evil.example.com/steal"}
    )
    with pytest.raises(OriginError, match=r"evil\.example\.com"):
        await client.resource("prospect").get(1)
    assert len(mocked.sent) == 1


class _Rotating(Auth):
    """Hands out a new token after a 401, once."""

    def __init__(self) -> None:
        self.token = "old"
        self.refreshes = 0

    async def authorization(self) -> str:
        return f"Bearer {self.token}"

    async def handle_unauthorized(self, rejected: str) -> bool:
        self.refreshes += 1
        self.token = "new"
        return True


async def test_a_401_lets_the_auth_renew_once_then_retries(mocked: RecordingMock) -> None:
    url = f"{BASE}/prospects/1"
    mocked.get(
        url, status=401, body='{"error":"Invalid JWT token."}', content_type="application/json"
    )
    mocked.get(url, payload=ONE, content_type=JSONAPI)
    auth = _Rotating()
    async with OutreachClient(auth) as client:
        await client.resource("prospect").get(1)
    assert auth.refreshes == 1
    headers = [call.kwargs["headers"]["Authorization"] for call in mocked.calls()]
    assert headers == ["Bearer old", "Bearer new"]


def test_tokens_stay_out_of_reprs() -> None:
    client = OutreachClient(TOKEN)
    for text in (repr(client), repr(client.session), repr(BearerToken(TOKEN)), str(client)):
        assert TOKEN not in text


def test_an_empty_token_is_refused() -> None:
    with pytest.raises(ValueError, match="token"):
        BearerToken("  ")


async def test_rate_limit_headers_update_the_snapshot(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(
        f"{BASE}/prospects/1",
        payload=ONE,
        content_type=JSONAPI,
        headers={
            "X-RateLimit-Limit": "10000",
            "X-RateLimit-Remaining": "9999, 19988",
            "X-RateLimit-Reset": "1700000100",
        },
    )
    await client.resource("prospect").get(1)
    snapshot = client.rate_limit
    assert (snapshot.limit, snapshot.remaining, snapshot.reset_at) == (10000, 9999, 1700000100)


class _NoCredentials(Auth):
    async def authorization(self) -> str:
        return ""


async def test_the_media_type_is_an_option_and_an_empty_auth_sends_no_header(
    mocked: RecordingMock,
) -> None:
    mocked.post(f"{BASE}/things", payload={"thing-id": 4}, content_type="application/json")
    session = Session(_NoCredentials(), base_url=BASE, media_type="application/json")
    try:
        response = await session.request("POST", "things", body={"a": 1})
    finally:
        await session.close()
    assert response.json() == {"thing-id": 4}
    [call] = mocked.calls()
    assert call.kwargs["headers"] == {
        "Accept": "application/json",
        "Content-Type": "application/json",
        "User-Agent": f"outreach-async/{__version__}",
    }


async def test_a_success_of_another_type_names_the_negotiated_media_type(
    mocked: RecordingMock,
) -> None:
    mocked.get(f"{BASE}/things/1", body="ok", content_type="text/plain")
    session = Session(BearerToken(TOKEN), base_url=BASE, media_type="application/json")
    try:
        with pytest.raises(TransportError, match="expected application/json but the 200"):
            await session.request("GET", "things/1", retry=RetryPolicy(max_attempts=1))
    finally:
        await session.close()
