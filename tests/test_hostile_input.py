"""Whatever a server answers, only the library's own exceptions come out.

Statuses, headers and bodies are generated at random (arbitrary bytes, truncated and deeply
nested JSON, documents of the wrong shape, garbage rate-limit and `Retry-After` headers) and
sent through `Session.request`, the generic manager and a typed manager. A call may succeed
or raise an `OutreachError`; a KeyError, TypeError, RecursionError or the like escaping is a
bug. No request may ever go to another origin.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from typing import Any

import pytest
import yarl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_async import (
    NotFound,
    OutreachClient,
    OutreachError,
    RetryPolicy,
    TransportError,
    V1Sequences,
    parse_document,
)
from outreach_async.errors import parse_error_objects

from ._raw_server import RawServer
from .conftest import BASE, TOKEN, FakeClock, RecordingMock

JSONAPI = "application/vnd.api+json"
API_ORIGIN = yarl.URL(BASE).origin()
EVERY_API_URL = re.compile(r"^https://api\.outreach\.io/.*$")

# Headers ---------------------------------------------------------------------------------

content_types = st.sampled_from(
    [
        JSONAPI,
        "application/json",
        "application/json; charset=utf-8",
        "APPLICATION/VND.API+JSON",
        f"{JSONAPI};;;",
        "text/html",
        "text/plain; charset=latin-1",
        "",
        ";",
        "multipart/form-data; boundary=x",
    ]
)
_garbage_numbers = st.sampled_from(
    ["inf", "-inf", "nan", "NaN", "1e999", "-1e999", "9999, 19988", "5,", ",", " ", "0x10",
     "\uff11\uff12", "1_000", "-5", "0", "1e308", "99999999999999999999999999", "12abc"]
)  # fmt: skip
numbers = st.one_of(
    _garbage_numbers,
    st.integers(-(10**30), 10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.lists(st.integers(-5, 10**12).map(str), min_size=2, max_size=3).map(", ".join),
    st.text(max_size=12),
)
_aware = st.datetimes(
    min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(timezone.utc)
)
_offsets = st.integers(-(23 * 60 + 59), 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
moments = st.one_of(
    _aware.map(lambda d: d.isoformat()),
    st.tuples(_aware, _offsets).map(lambda pair: pair[0].astimezone(pair[1]).isoformat()),
    _aware.map(lambda d: d.replace(tzinfo=None).isoformat()),
    _aware.map(lambda d: format_datetime(d, usegmt=True)),
    st.sampled_from(["Fri, 31 Dec 9999 23:59:59 -0100", "Mon, 01 Jan 0001 00:00:00 +0100",
                     "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-23:59", "yesterday"]),
)  # fmt: skip
locations = st.sampled_from(
    ["https://evil.example/x", "//evil.example/x", "/api/v2/prospects/2", "http://[", "",
     "https://api.outreach.io@evil.example/", "https:\\\\evil.example", "javascript:alert(1)",
     f"{BASE}/prospects/9", "http://api.outreach.io/api/v2/prospects/1", "\x00"]
)  # fmt: skip
headers = st.fixed_dictionaries(
    {},
    optional={
        "X-RateLimit-Limit": numbers,
        "X-RateLimit-Remaining": numbers,
        "X-RateLimit-Reset": st.one_of(numbers, moments),
        "Retry-After": st.one_of(numbers, moments),
        "Date": st.one_of(moments, st.text(max_size=10)),
        "Content-Length": numbers,
        "Content-Encoding": st.sampled_from(["gzip", "identity", "br", "x"]),
        "Location": locations,
    },
)

# Bodies ----------------------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
)
junk = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=8,
)


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """The right shape most of the time, anything at all otherwise."""
    return st.one_of(strategy, strategy, junk)


link_urls = st.one_of(
    locations,
    st.sampled_from([f"{BASE}/prospects?page[after]=1", "prospects?page[after]=2"]),
    st.text(max_size=20),
)
links = st.dictionaries(
    st.sampled_from(["next", "self", "first", "prev", "related", "x"]),
    maybe(st.one_of(link_urls, st.fixed_dictionaries({"href": maybe(link_urls)}))),
    max_size=3,
)
types = st.one_of(st.just("prospect"), st.sampled_from(["account", "user", "unknownThing", ""]))
ids = st.one_of(
    st.integers(-5, 10**20), st.integers(1, 9), st.text(max_size=5), st.none(), st.booleans(), junk
)
meta = st.one_of(st.none(), st.dictionaries(st.text(max_size=3), junk, max_size=2), junk)
identifier = st.fixed_dictionaries({"type": maybe(types), "id": ids}, optional={"meta": meta})
relationship = st.fixed_dictionaries(
    {},
    optional={
        "data": maybe(st.one_of(st.none(), identifier, st.lists(identifier, max_size=2))),
        "links": maybe(links),
        "meta": meta,
    },
)
attribute_values = st.one_of(junk, moments, st.sampled_from(["2024-02-30", "2024-01-31"]))
attributes = st.dictionaries(
    st.sampled_from(["firstName", "createdAt", "dateOfBirth", "emails", "name", "custom1", "x"]),
    attribute_values,
    max_size=4,
)
relationship_names = st.sampled_from(["account", "owner", "x"])
resource = st.fixed_dictionaries(
    {"type": maybe(types), "id": ids},
    optional={
        "attributes": maybe(attributes),
        "relationships": maybe(st.dictionaries(relationship_names, maybe(relationship))),
        "links": maybe(links),
        "meta": meta,
    },
)
error_object = st.fixed_dictionaries(
    {},
    optional={
        "id": junk,
        "title": junk,
        "detail": maybe(st.one_of(moments.map(lambda m: f"try again at {m}"), st.text())),
        "source": maybe(st.fixed_dictionaries({}, optional={"pointer": junk})),
        "meta": junk,
    },
)
documents = st.fixed_dictionaries(
    {"data": st.one_of(resource, st.lists(resource, min_size=1, max_size=3), st.none(), junk)},
    optional={
        "included": maybe(st.lists(resource, max_size=2)),
        "links": maybe(links),
        "meta": maybe(st.fixed_dictionaries({}, optional={"count": junk, "count_truncated": junk})),
        "errors": maybe(st.lists(maybe(error_object), max_size=2)),
        "error": junk,
        "description": junk,
    },
)


class Nested:
    """`[[[...]]]` this deep (closed or cut off), built only when sent: its repr stays short."""

    def __init__(self, depth: int, closed: bool) -> None:
        self.depth, self.closed = depth, closed

    def __repr__(self) -> str:
        return f"Nested({self.depth}, closed={self.closed})"

    def __bytes__(self) -> bytes:
        return b"[" * self.depth + (b"]" * self.depth if self.closed else b"")


page_fields = ("current", "entries", "maximum")
numeric_junk = st.one_of(
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([float("inf"), float("-inf"), float("nan"), "7", "x", None, True, [], {}]),
)
_v1_meta = st.fixed_dictionaries(
    {
        "page": st.fixed_dictionaries({field: numeric_junk for field in page_fields}),
        "results": st.fixed_dictionaries({"total": numeric_junk}),
    }
)
v1_documents = st.fixed_dictionaries(
    {
        "data": maybe(st.lists(maybe(st.fixed_dictionaries({"id": ids, "attributes": junk})))),
        "meta": maybe(_v1_meta),
        "links": maybe(links),
    }
)


def bodies(deepest: int) -> st.SearchStrategy[bytes | Nested]:
    """Response bodies; `deepest` bounds the nesting (aioresponses feeds at most 128 KiB)."""
    return st.one_of(
        st.binary(max_size=64),
        documents.map(lambda d: json.dumps(d).encode()),
        documents.map(lambda d: json.dumps(d).encode()),
        v1_documents.map(lambda d: json.dumps(d).encode()),
        st.tuples(documents, st.floats(0, 1)).map(
            lambda p: (text := json.dumps(p[0]).encode())[: int(len(text) * p[1])]
        ),
        junk.map(lambda value: json.dumps(value).encode()),
        st.tuples(st.sampled_from([500, 2_000, deepest]), st.booleans()).map(lambda p: Nested(*p)),
        st.sampled_from([b"", b"null", b"<html>502</html>", b"\xef\xbb\xbf{}", b"Retry later"]),
    )


# The calls under test --------------------------------------------------------------------

Call = Callable[[OutreachClient], Awaitable[Any]]


async def _first_pages(pages: AsyncIterator[Any], limit: int = 3) -> None:
    count = 0
    async for _ in pages:
        count += 1
        if count >= limit:
            return


CALLS: dict[str, Call] = {
    "session GET": lambda c: c.session.request("GET", "prospects/1"),
    "session POST": lambda c: c.session.request("POST", "prospects", body={"data": {}}),
    "session DELETE": lambda c: c.session.request("DELETE", "prospects/1"),
    "resource get": lambda c: c.resource("prospect").get(1),
    "resource create": lambda c: c.resource("prospect").create({"firstName": "A"}),
    "resource list": lambda c: c.resource("prospect").list(),
    "resource iterate": lambda c: _first_pages(c.resource("prospect").iterate().pages()),
    "resource action": lambda c: c.resource("prospect").action(1, "x"),
    "typed get": lambda c: c.prospects.get(1),
    "typed list": lambda c: c.prospects.list(),
    "typed iterate": lambda c: _first_pages(c.prospects.iterate().pages()),
    "v1 pages": lambda c: _first_pages(V1Sequences(c).pages()),
    "v1 add prospects": lambda c: V1Sequences(c).add_prospects(1, [2, 3]),
}


async def _answer(
    call: str, status: int, content_type: str, extra: dict[str, str], body: bytes | Nested
) -> list[tuple[str, str]]:
    """Serve one fuzzed answer to every request and make the call; return what was sent."""
    clock = FakeClock()
    policy = RetryPolicy(max_attempts=2, jitter=lambda value: value)
    with RecordingMock() as mock:
        for method in ("GET", "POST", "PATCH", "DELETE"):
            mock.add(
                EVERY_API_URL,
                method,
                status=status,
                body=bytes(body),
                content_type=content_type,
                headers=extra,
                repeat=True,
            )
        async with OutreachClient(TOKEN, clock=clock, sleep=clock.sleep, retry=policy) as client:
            with contextlib.suppress(OutreachError):
                await CALLS[call](client)
        return mock.sent


@settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    call=st.sampled_from(sorted(CALLS)),
    status=st.one_of(
        st.sampled_from([200, 201]),  # success half the time: the body must be parsed
        st.integers(100, 599),
        st.sampled_from([200, 204, 301, 302, 404, 429, 503]),
    ),
    content_type=content_types,
    extra=headers,
    body=bodies(deepest=50_000),
)
async def test_only_library_errors_come_out_and_nothing_leaves_the_origin(
    call: str, status: int, content_type: str, extra: dict[str, str], body: bytes | Nested
) -> None:
    sent = await _answer(call, status, content_type, extra, body)
    assert sent, "the call sent nothing"
    for _, url in sent:
        assert yarl.URL(url).origin() == API_ORIGIN, f"a request went to {url}"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    call=st.sampled_from(["v1 pages", "v1 add prospects"]),
    document=v1_documents,
)
async def test_v1_answers_of_any_shape_give_library_errors(call: str, document: Any) -> None:
    await _answer(call, 200, "application/json", {}, json.dumps(document).encode())


# Raw bytes on the wire --------------------------------------------------------------------

_status_lines = st.one_of(
    st.integers(100, 599).map(lambda s: b"HTTP/1.1 %d X\r\n" % s),
    st.sampled_from([b"HTTP/1.1 200\r\n", b"HTTP/1.0 200 OK\r\n", b"HTTP/9 200 OK\r\n", b"\r\n"]),
    st.binary(max_size=20),
)
_raw_headers = st.lists(
    st.one_of(
        st.sampled_from(
            [b"Content-Type: application/vnd.api+json", b"Content-Length: 5",
             b"Content-Length: 999999", b"Content-Length: -1", b"Content-Length: x",
             b"Transfer-Encoding: chunked", b"Content-Encoding: gzip",
             b"Content-Encoding: deflate", b"X-RateLimit-Remaining: nan", b"Retry-After: 1e999",
             b"Location: https://evil.example/", b"Bad Header", b": empty name"]
        ),
        st.binary(max_size=20),
    ),
    max_size=5,
)  # fmt: skip


def _raw(status_line: bytes, lines: list[bytes], body: bytes | Nested) -> bytes:
    return status_line + b"".join(line + b"\r\n" for line in lines) + b"\r\n" + bytes(body)


_plausible = st.tuples(
    st.sampled_from([b"HTTP/1.1 200 OK\r\n", b"HTTP/1.1 201 Created\r\n", b"HTTP/1.1 422 X\r\n"]),
    st.lists(
        st.sampled_from([b"Content-Type: application/vnd.api+json", b"Connection: close"]),
        min_size=1,
        max_size=2,
    ),
    bodies(deepest=100_000),
)
raw_responses = st.one_of(
    _plausible.map(lambda p: _raw(*p)),
    st.tuples(_status_lines, _raw_headers, bodies(deepest=100_000)).map(lambda p: _raw(*p)),
)


@pytest.fixture(scope="module")
def raw_server() -> Iterator[tuple[RawServer, asyncio.AbstractEventLoop]]:
    """One server for every example, on a loop of its own (hypothesis runs examples in turn)."""
    server = RawServer()
    loop = asyncio.new_event_loop()
    loop.run_until_complete(server.start())
    yield server, loop
    loop.run_until_complete(server.close())
    loop.close()


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(answer=raw_responses, call=st.sampled_from(["resource get", "resource create"]))
def test_raw_http_garbage_becomes_library_errors(
    raw_server: tuple[RawServer, asyncio.AbstractEventLoop], answer: bytes, call: str
) -> None:
    server, loop = raw_server
    server.answer = answer
    policy = RetryPolicy(max_attempts=1)

    async def run() -> None:
        async with OutreachClient(TOKEN, base_url=server.url, retry=policy) as client:
            with contextlib.suppress(OutreachError):
                await CALLS[call](client)

    loop.run_until_complete(run())


# Regressions: each escape the properties above found, pinned at its source ----------------


async def test_json_nested_too_deeply_is_a_transport_error(mocked: RecordingMock) -> None:
    mocked.get(f"{BASE}/prospects/1", body=bytes(Nested(50_000, True)), content_type=JSONAPI)
    async with OutreachClient(TOKEN, retry=RetryPolicy(max_attempts=1)) as client:
        with pytest.raises(TransportError, match="nested too deeply"):
            await client.resource("prospect").get(1)


async def test_an_error_body_nested_too_deeply_still_gives_the_typed_error(
    mocked: RecordingMock,
) -> None:
    mocked.get(f"{BASE}/prospects/1", status=404, body=bytes(Nested(50_000, False)))
    async with OutreachClient(TOKEN) as client:
        with pytest.raises(NotFound) as caught:
            await client.resource("prospect").get(1)
    assert caught.value.errors[0].detail.startswith("[[[")


def test_an_error_detail_too_deep_to_write_back_is_named_by_its_type() -> None:
    """A detail json.loads could read may still be too deep for json.dumps a frame later."""
    for depth in range(sys.getrecursionlimit(), 0, -1):
        body = b'{"errors":[{"detail":%s}]}' % bytes(Nested(depth, True))
        [error] = parse_error_objects(body)
        if error.detail is not None and not error.detail.startswith("{"):
            break  # json.loads read it: the detail is written back, or named
    assert error.detail == "(list)" or error.detail.startswith("[[")


@pytest.mark.parametrize("value", ["inf", "1e999", "nan", "-inf"])
async def test_a_retry_after_that_is_not_a_finite_number_is_ignored(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock, value: str
) -> None:
    url = f"{BASE}/prospects/1"
    mocked.get(url, status=429, headers={"Retry-After": value})
    mocked.get(url, payload={"data": {"type": "prospect", "id": 1}}, content_type=JSONAPI)
    assert (await client.resource("prospect").get(1)).id == 1
    assert clock.sleeps and max(clock.sleeps) < 60  # a backoff, not forever
    paused_until = client.rate_limit.paused_until
    assert paused_until is None or paused_until < clock.now + 60


@pytest.mark.parametrize("resource_id", [True, False])
def test_a_boolean_id_is_malformed(resource_id: bool) -> None:
    with pytest.raises(TransportError, match="id"):
        parse_document({"data": {"type": "prospect", "id": resource_id}})
    owner = {"data": {"type": "user", "id": resource_id}}
    document = {"data": {"type": "prospect", "id": 1, "relationships": {"owner": owner}}}
    with pytest.raises(TransportError, match=r"/data/relationships/owner/data .*id"):
        _ = parse_document(document).resources[0].relationships


@pytest.mark.parametrize(
    "owner", [{"data": {"type": "user", "id": True}}, {"data": {"id": 1}}, {"data": 7}, []]
)
async def test_a_typed_read_of_a_malformed_relationship_names_it(
    mocked: RecordingMock, client: OutreachClient, owner: Any
) -> None:
    document = {"data": {"type": "prospect", "id": 1, "relationships": {"owner": owner}}}
    mocked.get(f"{BASE}/prospects/1", payload=document, content_type=JSONAPI)
    with pytest.raises(TransportError, match="prospect 1: owner: "):
        await client.prospects.get(1)


@pytest.mark.parametrize("maximum", [float("inf"), float("-inf"), float("nan")])
async def test_a_v1_page_count_that_is_not_finite_is_ignored(
    mocked: RecordingMock, client: OutreachClient, maximum: float
) -> None:
    body = {
        "data": [{"id": "1", "attributes": {"name": "S"}}],
        "meta": {"page": {"maximum": maximum}},
    }
    mocked.get(
        "https://api.outreach.io/1.0/sequences?page[number]=1&page[size]=50",
        body=json.dumps(body),
        content_type="application/json",
    )
    page = await V1Sequences(client).page(1)
    assert [sequence.id for sequence in page.sequences] == ["1"]
    assert page.maximum == 1  # one short page: the last
