"""Credentials go only to the API origin; plain http only to loopback; bodies are bounded."""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import AsyncIterator
from typing import Any

import pytest
import yarl
from aiohttp import web
from aiohttp.test_utils import TestServer
from aioresponses import CallbackResult

from outreach_async import (
    OriginError,
    OutreachClient,
    RetryPolicy,
    TransportError,
)
from outreach_async.bulk.partition import PartitionedReader
from outreach_async.http.auth import Auth

from ._raw_server import RawServer
from .conftest import BASE, TOKEN, RecordingMock

JSONAPI = "application/vnd.api+json"
ONE = {"data": {"type": "prospect", "id": 1}}
EVERY_URL = re.compile(r".*", re.IGNORECASE)


class CountingAuth(Auth):
    """A bearer token that counts how often it was asked for."""

    def __init__(self) -> None:
        self.asked = 0

    async def authorization(self) -> str:
        self.asked += 1
        return f"Bearer {TOKEN}"


def _hosts(mocked: RecordingMock) -> set[str]:
    return {yarl.URL(url).host or "" for _, url in mocked.sent}


# Links and targets on other origins -------------------------------------------------------

ELSEWHERE = [
    "https://evil.example/api/v2/prospects",
    "HTTPS://EVIL.EXAMPLE/api/v2/prospects",
    "http://api.outreach.io/api/v2/prospects",  # downgrade to plain http
    "https://api.outreach.io:8443/api/v2/prospects",  # another port
    "https://api.outreach.io@evil.example/api/v2/prospects",  # user info, host is evil
    "https://api.outreach.io:443@evil.example/",
    "https://user:pass@api.outreach.io/api/v2/prospects",  # user info on the API host
    "//evil.example/api/v2/prospects",  # scheme-relative
    "https:\\\\evil.example\\api",  # backslashes read as slashes by browsers
    "https://evil.example\\@api.outreach.io/api/v2/prospects",
    "https://api.outreach.io./api/v2/prospects",  # a trailing dot is another name
    "https://evil.example/https://api.outreach.io/api/v2/",
    "javascript:alert(1)",
    "file:///etc/passwd",
    "ftp://api.outreach.io/api/v2/prospects",
    "https://api.outreach.io/api/v2/prospects?\r\nHost: evil.example",
    "https://api.outreach.io/api/v2/pr\u00f6spects",
    "https://[::1",
]


@pytest.mark.parametrize("target", ELSEWHERE)
async def test_a_url_on_another_origin_is_refused_before_the_token_is_read(
    mocked: RecordingMock, target: str
) -> None:
    auth = CountingAuth()
    async with OutreachClient(auth) as client:
        with pytest.raises(OriginError, match="refusing"):
            await client.resource("prospect").fetch_page(target)
    assert mocked.sent == []
    assert auth.asked == 0


@pytest.mark.parametrize(
    "target",
    [
        "https://API.Outreach.IO/api/v2/prospects",  # host names ignore case
        "HTTPS://api.outreach.io/api/v2/prospects",
        "https://api.outreach.io:443/api/v2/prospects",  # the default port, spelled out
        "//api.outreach.io/api/v2/prospects",  # scheme-relative, same host
    ],
)
async def test_the_same_origin_spelled_differently_is_followed(
    mocked: RecordingMock, target: str
) -> None:
    mocked.get(EVERY_URL, payload={"data": []}, content_type=JSONAPI)
    async with OutreachClient(TOKEN) as client:
        await client.resource("prospect").fetch_page(target)
    [call] = mocked.calls()
    assert call.kwargs["headers"]["Authorization"] == f"Bearer {TOKEN}"
    assert _hosts(mocked) == {"api.outreach.io"}


@pytest.mark.parametrize("target", ["prospects/a\\b", "prospects/1 2", "prospects/1\r\nX: y"])
async def test_a_path_with_backslashes_spaces_or_control_characters_is_refused(
    mocked: RecordingMock, target: str
) -> None:
    async with OutreachClient(TOKEN) as client:
        with pytest.raises(ValueError, match="target"):
            await client.session.request("GET", target)
    assert mocked.sent == []


# Redirects -------------------------------------------------------------------------------

REDIRECTS = [301, 302, 303, 307, 308]
AWAY = [
    "https://evil.example/steal",
    "//evil.example/steal",
    "http://api.outreach.io/api/v2/prospects/2",
    "https://api.outreach.io:444/api/v2/prospects/2",
    "https://api.outreach.io@evil.example/",
    "https:\\\\evil.example\\steal",
]


@pytest.mark.parametrize("status", REDIRECTS)
@pytest.mark.parametrize("location", AWAY)
async def test_a_redirect_away_from_the_origin_is_refused_before_anything_is_sent_there(
    mocked: RecordingMock, client: OutreachClient, status: int, location: str
) -> None:
    mocked.get(f"{BASE}/prospects/1", status=status, headers={"Location": location})
    with pytest.raises(OriginError, match="refusing a redirect") as caught:
        await client.resource("prospect").get(1)
    assert not caught.value.retryable
    assert mocked.sent == [("GET", f"{BASE}/prospects/1")]


@pytest.mark.parametrize("status", REDIRECTS)
async def test_a_same_origin_redirect_of_a_get_is_followed_with_the_token(
    mocked: RecordingMock, client: OutreachClient, status: int
) -> None:
    mocked.get(
        f"{BASE}/prospects/1",
        status=status,
        headers={"Location": "https://API.outreach.io:443/api/v2/prospects/2"},
    )
    mocked.get(EVERY_URL, payload=ONE, content_type=JSONAPI)
    await client.resource("prospect").get(1)
    assert len(mocked.sent) == 2
    assert all(c.kwargs["headers"]["Authorization"] == f"Bearer {TOKEN}" for c in mocked.calls())


async def test_a_redirect_without_location_is_a_transport_error(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(f"{BASE}/prospects/1", status=302)
    with pytest.raises(TransportError, match="without a Location"):
        await client.resource("prospect").get(1)
    assert len(mocked.sent) == 1


async def test_a_redirect_loop_stops(mocked: RecordingMock, client: OutreachClient) -> None:
    mocked.get(
        f"{BASE}/prospects/1", status=302, headers={"Location": "/api/v2/prospects/1"}, repeat=True
    )
    with pytest.raises(TransportError, match="too many redirects"):
        await client.resource("prospect").get(1)
    assert len(mocked.sent) == 6


@pytest.mark.parametrize("status", REDIRECTS)
@pytest.mark.parametrize("method", ["POST", "PATCH", "DELETE"])
async def test_a_redirect_of_a_write_is_neither_followed_nor_a_success(
    mocked: RecordingMock, client: OutreachClient, status: int, method: str
) -> None:
    location = f"{BASE}/prospects/2"
    mocked.add(f"{BASE}/prospects/1", method, status=status, headers={"Location": location})
    with pytest.raises(TransportError, match="may already have acted") as caught:
        await client.session.request(method, "prospects/1", body={"data": {}})
    assert type(caught.value) is TransportError
    assert not caught.value.retryable and caught.value.request_sent
    assert str(status) in str(caught.value)
    assert mocked.sent == [(method, f"{BASE}/prospects/1")]


@pytest.mark.parametrize("status", [100, 101, 300, 304, 305, 306, 399])
async def test_other_informational_and_redirect_statuses_are_transport_errors(
    mocked: RecordingMock, client: OutreachClient, status: int
) -> None:
    mocked.get(f"{BASE}/prospects/1", status=status, payload=ONE, content_type=JSONAPI)
    with pytest.raises(TransportError, match=f"unexpected {status}"):
        await client.resource("prospect").get(1)
    assert len(mocked.sent) == 1


# Pagination links ------------------------------------------------------------------------


def _page(ids: list[int], next_url: str | None) -> dict[str, Any]:
    body: dict[str, Any] = {"data": [{"type": "prospect", "id": i} for i in ids]}
    if next_url is not None:
        body["links"] = {"next": next_url}
    return body


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/api/v2/prospects?page[after]=2",
        "//evil.example/api/v2/prospects?page[after]=2",
        "http://api.outreach.io/api/v2/prospects?page[after]=2",
        "https://api.outreach.io@evil.example/api/v2/prospects",
        "https:\\\\evil.example\\x",
    ],
)
@pytest.mark.parametrize("typed", [False, True])
async def test_a_next_link_to_another_origin_stops_paging_with_an_origin_error(
    mocked: RecordingMock, client: OutreachClient, next_url: str, typed: bool
) -> None:
    mocked.get(
        f"{BASE}/prospects?page[size]=100", payload=_page([1, 2], next_url), content_type=JSONAPI
    )
    mocked.get(re.compile(r".*evil.*"), payload=_page([3], None), content_type=JSONAPI)
    paginator = client.prospects.iterate() if typed else client.resource("prospect").iterate()
    seen = []
    with pytest.raises(OriginError):
        async for item in paginator:
            seen.append(item.id)
    assert seen == [1, 2]
    assert _hosts(mocked) == {"api.outreach.io"}
    assert len(mocked.sent) == 1


async def test_a_relative_next_link_resolves_against_the_page(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(
        f"{BASE}/prospects?page[size]=100",
        payload=_page([1], "/api/v2/prospects?page[after]=1"),
        content_type=JSONAPI,
    )
    mocked.get(f"{BASE}/prospects?page[after]=1", payload=_page([2], None), content_type=JSONAPI)
    assert [item.id async for item in client.resource("prospect").iterate()] == [1, 2]
    assert mocked.sent[-1] == ("GET", f"{BASE}/prospects?page[after]=1")


async def test_the_partitioned_reader_refuses_a_next_link_to_another_origin(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    def answer(url: yarl.URL, **kwargs: Any) -> CallbackResult:
        if url.query.get("sort") == "-id":
            return CallbackResult(payload=_page([10], None), content_type=JSONAPI)
        return CallbackResult(
            payload=_page([1, 2], "https://evil.example/api/v2/prospects?page[after]=2"),
            content_type=JSONAPI,
        )

    mocked.get(re.compile(r"^https://api\.outreach\.io/.*"), callback=answer, repeat=True)
    reader = PartitionedReader(client.session, "prospects", concurrency=1)
    with pytest.raises(OriginError, match=r"evil\.example"):
        _ = [item async for item in reader]
    assert _hosts(mocked) == {"api.outreach.io"}


# Plain http only to loopback -------------------------------------------------------------


@pytest.mark.parametrize(
    "base_url",
    [
        "http://localhost/api/v2",
        "http://LOCALHOST:8080/api/v2",
        "http://127.0.0.1:1/api/v2",
        "http://127.255.3.4/api/v2",
        "http://[::1]:8080/api/v2",
        "https://api.outreach.io/api/v2",
    ],
)
def test_plain_http_is_accepted_only_for_loopback(base_url: str) -> None:
    OutreachClient(TOKEN, base_url=base_url)


@pytest.mark.parametrize(
    "base_url",
    [
        "http://localhost.evil.example/api/v2",
        "http://127.0.0.1.nip.io/api/v2",
        "http://10.0.0.1/api/v2",
        "http://0.0.0.0/api/v2",
        "http://128.0.0.1/api/v2",
        "http://[::2]/api/v2",
        "http://localhost@evil.example/api/v2",
        "http://evil.example#@localhost/api/v2",
        "http://user:pw@localhost/api/v2",
        "https://user@api.outreach.io/api/v2",
        "http://[::1/api/v2",
        "localhost/api/v2",
    ],
)
def test_other_plain_http_and_odd_base_urls_are_refused(base_url: str) -> None:
    with pytest.raises(ValueError, match="base_url"):
        OutreachClient(TOKEN, base_url=base_url)


# Bounded bodies --------------------------------------------------------------------------

LIMIT = 1024


@pytest.mark.parametrize("size", [0, -1])
def test_the_body_limit_must_be_positive(size: int) -> None:
    with pytest.raises(ValueError, match="max_body_size"):
        OutreachClient(TOKEN, max_body_size=size)


async def _served(handler: Any) -> AsyncIterator[str]:
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    async with TestServer(app) as server:
        yield str(server.make_url("/api/v2"))


async def _get_from(base_url: str, limit: int = LIMIT) -> Any:
    async with OutreachClient(
        TOKEN, base_url=base_url, max_body_size=limit, retry=RetryPolicy(max_attempts=1)
    ) as client:
        return await client.resource("prospect").get(1)


def _jsonapi(size: int) -> bytes:
    """A valid document of exactly `size` bytes."""
    head = b'{"data":{"type":"prospect","id":1,"attributes":{"x":"'
    return head + b"a" * (size - len(head) - 4) + b'"}}}'


async def test_a_declared_length_over_the_limit_is_refused_before_reading() -> None:
    answer = (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/vnd.api+json\r\n"
        b"Content-Length: 10000000\r\n\r\n{}"
    )
    async with RawServer(answer) as server:
        with pytest.raises(TransportError, match=f"10000000 bytes exceeds max_body_size={LIMIT}"):
            await _get_from(server.url)


async def test_a_body_at_the_limit_is_read() -> None:
    async def handler(request: web.Request) -> web.Response:
        return web.Response(body=_jsonapi(LIMIT), content_type=JSONAPI)

    async for url in _served(handler):
        assert (await _get_from(url)).id == 1


async def test_a_chunked_body_growing_beyond_the_limit_is_refused() -> None:
    async def handler(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": JSONAPI})
        response.enable_chunked_encoding()
        await response.prepare(request)
        for _ in range(64):
            await response.write(b"[" * 256)
        return response

    async for url in _served(handler):
        with pytest.raises(TransportError, match=f"at least .* max_body_size={LIMIT}"):
            await _get_from(url)


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [("gzip", gzip.compress), ("deflate", zlib.compress)],
)
async def test_a_compressed_body_inflating_beyond_the_limit_is_refused(
    encoding: str, compress: Any
) -> None:
    limit = 64 * 1024
    bomb = compress(_jsonapi(64 * 1024 * 1024))
    assert len(bomb) < limit  # small on the wire: only counting after inflating catches it

    async def handler(request: web.Request) -> web.Response:
        return web.Response(
            body=bomb, headers={"Content-Type": JSONAPI, "Content-Encoding": encoding}
        )

    async for url in _served(handler):
        with pytest.raises(TransportError, match=f"max_body_size={limit}"):
            await _get_from(url, limit)


async def test_a_compressed_body_within_the_limit_is_read() -> None:
    async def handler(request: web.Request) -> web.Response:
        body = gzip.compress(_jsonapi(LIMIT))
        return web.Response(
            body=body, headers={"Content-Type": JSONAPI, "Content-Encoding": "gzip"}
        )

    async for url in _served(handler):
        assert (await _get_from(url)).id == 1


@pytest.mark.parametrize(
    "head",
    [
        b"Content-Length: 5000\r\n",  # more than is sent, then the connection closes
        b"Content-Length: 12\r\n",  # less than is sent: the rest is cut off
        b"Content-Length: abc\r\n",
        b"Content-Length: -1\r\n",
        b"Content-Length: 10\r\nContent-Length: 20\r\n",
    ],
)
async def test_a_lying_or_invalid_content_length_is_a_transport_error(head: bytes) -> None:
    body = json.dumps(ONE).encode()
    answer = b"HTTP/1.1 200 OK\r\nContent-Type: application/vnd.api+json\r\n" + head + b"\r\n"
    async with RawServer(answer + body) as server:
        with pytest.raises(TransportError):
            await _get_from(server.url)


@pytest.mark.parametrize("value", ["abc", "-1", "1e3", "10, 20", "99999999999999999999999"])
async def test_an_invalid_content_length_that_reaches_the_session_is_refused(
    mocked: RecordingMock, value: str
) -> None:
    """aiohttp's parser refuses these on the wire; a custom connector or mock may not."""
    mocked.get(
        f"{BASE}/prospects/1", payload=ONE, content_type=JSONAPI, headers={"Content-Length": value}
    )
    async with OutreachClient(TOKEN, retry=RetryPolicy(max_attempts=1)) as client:
        with pytest.raises(TransportError, match=r"Content-Length|max_body_size"):
            await client.resource("prospect").get(1)


async def test_response_headers_are_read_in_any_case(mocked: RecordingMock) -> None:
    """aiohttp's own parser canonicalises names; other transports (and mocks) may not."""
    mocked.get(
        f"{BASE}/prospects/1",
        payload=ONE,
        content_type="text/plain",
        headers={"content-type": JSONAPI, "x-ratelimit-remaining": "7"},
        repeat=True,
    )
    async with OutreachClient(TOKEN) as client:
        assert (await client.resource("prospect").get(1)).id == 1
        response = await client.session.request("GET", "prospects/1")
    assert response.headers["Content-Type"] == JSONAPI
    assert response.headers["X-RateLimit-Remaining"] == "7"
