"""Cursor and offset paging: follow links to the end, refuse other origins, stop at caps."""

from __future__ import annotations

from typing import Any

import pytest

from outreach_async import (
    OriginError,
    OutreachClient,
    Page,
    PaginationError,
    PaginationLimitError,
    ServerError,
    TransportError,
)

from .conftest import BASE, RecordingMock

JSONAPI = "application/vnd.api+json"


def _page(ids: list[int], next_url: str | None = None, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"data": [{"type": "prospect", "id": i} for i in ids], **extra}
    if next_url is not None:
        body["links"] = {"first": f"{BASE}/prospects?page[size]=2", "next": next_url}
    return body


async def test_cursor_paging_follows_next_until_absent(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    first = f"{BASE}/prospects?filter[firstName]=Sally&page[size]=2"
    second = f"{BASE}/prospects?filter[firstName]=Sally&page[size]=2&page[after]=abc"
    third = f"{BASE}/prospects?filter[firstName]=Sally&page[size]=2&page[after]=def"
    mocked.get(first, payload=_page([1, 2], second), content_type=JSONAPI)
    mocked.get(second, payload=_page([3, 4], third), content_type=JSONAPI)
    mocked.get(third, payload=_page([5]), content_type=JSONAPI)
    paginator = client.resource("prospect").iterate(filter={"firstName": "Sally"}, page_size=2)
    ids = [item.id async for item in paginator]
    assert ids == [1, 2, 3, 4, 5]
    assert [url for _, url in mocked.sent] == [first, second, third]


async def test_an_empty_page_without_links_ends_iteration(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(f"{BASE}/prospects?page[size]=100", payload={"data": []}, content_type=JSONAPI)
    pages = [page async for page in client.resource("prospect").iterate().pages()]
    assert len(pages) == 1
    assert pages[0].items == []


async def test_an_empty_page_with_a_next_link_ends_iteration(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(
        f"{BASE}/prospects?page[size]=100",
        payload=_page([], f"{BASE}/prospects?page[after]=x"),
        content_type=JSONAPI,
    )
    assert await client.resource("prospect").iterate().all() == []
    assert len(mocked.sent) == 1


async def test_paginator_is_awaitable_for_the_first_page_with_meta(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(
        f"{BASE}/prospects?page[size]=2&count=true",
        payload=_page(
            [1, 2], f"{BASE}/prospects?page[after]=x", meta={"count": 53, "count_truncated": False}
        ),
        content_type=JSONAPI,
    )
    page = await client.resource("prospect").iterate(page_size=2, count=True)
    assert isinstance(page, Page)
    assert [item.id for item in page.items] == [1, 2]
    assert page.count == 53
    assert not page.count_truncated
    assert page.next_url == f"{BASE}/prospects?page[after]=x"
    assert len(mocked.sent) == 1


async def test_list_returns_one_page(mocked: RecordingMock, client: OutreachClient) -> None:
    mocked.get(
        f"{BASE}/prospects?page[size]=100&count=true",
        payload=_page([1], meta={"count": 0, "count_truncated": True}),
        content_type=JSONAPI,
    )
    page = await client.resource("prospect").list(count=True)
    assert len(page) == 1
    assert page.count == 0 and page.count_truncated


async def test_a_next_link_to_another_origin_is_refused_before_sending(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(
        f"{BASE}/prospects?page[size]=100",
        payload=_page([1], "https://evil.example.com/api/v2/prospects?page[after]=x"),
        content_type=JSONAPI,
    )
    with pytest.raises(OriginError, match=r"evil\.example\.com"):
        await client.resource("prospect").iterate().all()
    assert len(mocked.sent) == 1


async def test_a_next_link_over_plain_http_is_refused(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(
        f"{BASE}/prospects?page[size]=100",
        payload=_page([1], "http://api.outreach.io/api/v2/prospects?page[after]=x"),
        content_type=JSONAPI,
    )
    with pytest.raises(OriginError):
        await client.resource("prospect").iterate().all()


async def test_a_repeated_next_link_is_a_loop_not_an_endless_read(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    again = f"{BASE}/prospects?page[after]=same"
    mocked.get(f"{BASE}/prospects?page[size]=100", payload=_page([1], again), content_type=JSONAPI)
    mocked.get(again, payload=_page([2], again), content_type=JSONAPI)
    with pytest.raises(PaginationError, match="pagination loop"):
        await client.resource("prospect").iterate().all()


async def test_a_next_link_repeating_an_earlier_page_is_a_loop(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    first = f"{BASE}/prospects?page[size]=2"
    second = f"{BASE}/prospects?page[after]=b&page[size]=2"
    third = f"{BASE}/prospects?page[after]=c&page[size]=2"
    mocked.get(first, payload=_page([1, 2], second), content_type=JSONAPI)
    mocked.get(second, payload=_page([3, 4], third), content_type=JSONAPI)
    mocked.get(third, payload=_page([5, 6], second), content_type=JSONAPI)
    read: list[Any] = []
    with pytest.raises(PaginationError, match="pagination loop"):
        async for item in client.resource("prospect").iterate(page_size=2):
            read.append(item.id)
    assert read == [1, 2, 3, 4, 5, 6]
    assert len(mocked.sent) == 3


async def test_a_page_that_does_not_advance_raises(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    first = f"{BASE}/prospects?page[size]=2"
    second = f"{BASE}/prospects?page[after]=ignored&page[size]=2"
    mocked.get(first, payload=_page([1, 2], second), content_type=JSONAPI)
    mocked.get(second, payload=_page([1, 2], f"{second}x"), content_type=JSONAPI)
    with pytest.raises(PaginationError, match="starts with prospect 1 again"):
        await client.resource("prospect").iterate(page_size=2).all()


async def test_offset_paging_that_does_not_advance_raises(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    for offset in (0, 2):
        mocked.get(
            f"{BASE}/prospects?page[limit]=2&page[offset]={offset}",
            payload=_page([1, 2]),
            content_type=JSONAPI,
        )
    with pytest.raises(PaginationError, match="offset 2 starts with prospect 1"):
        await client.resource("prospect").iterate(page_size=2, mode="offset").all()


def test_pagination_errors_share_one_base() -> None:
    assert issubclass(PaginationLimitError, PaginationError)
    assert not issubclass(PaginationError, TransportError)


async def test_a_502_halves_the_page_size_and_it_grows_back(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    bad = "<html>502 Bad Gateway</html>"
    mocked.get(f"{BASE}/prospects?page[size]=8", status=502, body=bad, content_type="text/html")
    mocked.get(f"{BASE}/prospects?page[size]=4", status=502, body=bad, content_type="text/html")
    for number in range(6):
        mocked.get(
            f"{BASE}/prospects?page[size]={2 if number < 4 else 4}"
            + (f"&page[after]={number}" if number else ""),
            payload=_page([number], f"{BASE}/prospects?page[size]=2&page[after]={number + 1}"),
            content_type=JSONAPI,
        )
    mocked.get(
        f"{BASE}/prospects?page[size]=4&page[after]=6", payload=_page([6]), content_type=JSONAPI
    )
    ids = [item.id async for item in client.resource("prospect").iterate(page_size=8)]
    assert ids == [0, 1, 2, 3, 4, 5, 6]
    sizes = [url.split("page[size]=")[1].split("&")[0] for _, url in mocked.sent]
    assert sizes == ["8", "4", "2", "2", "2", "2", "4", "4", "4"]


async def test_a_502_at_page_size_one_is_retried_as_any_502(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    url = f"{BASE}/prospects?page[size]=1"
    mocked.get(url, status=502, repeat=True)
    with pytest.raises(ServerError):
        await client.resource("prospect").iterate(page_size=1).all()
    assert len(mocked.sent) == 6, "the session's policy: six attempts"


async def test_one_resource_where_a_collection_was_expected_is_an_error(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(
        f"{BASE}/prospects?page[size]=100",
        payload={"data": {"type": "prospect", "id": 1}},
        content_type=JSONAPI,
    )
    with pytest.raises(TransportError, match="expected a collection"):
        await client.resource("prospect").list()


async def test_offset_paging_walks_and_stops_on_a_short_page(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    for offset, ids in ((0, [1, 2]), (2, [3, 4]), (4, [5])):
        mocked.get(
            f"{BASE}/prospects?page[limit]=2&page[offset]={offset}",
            payload=_page(ids),
            content_type=JSONAPI,
        )
    ids = [
        item.id async for item in client.resource("prospect").iterate(page_size=2, mode="offset")
    ]
    assert ids == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(("count", "raises"), [(11_001, True), (11_000, False), (0, True)])
async def test_offset_paging_stops_at_the_cap_with_advice(
    mocked: RecordingMock, client: OutreachClient, count: int, raises: bool
) -> None:
    """The page at offset 10,000 may be read; whether more follow, its count says."""
    for offset in range(0, 10_001, 1000):
        count_query = "count=true&" if offset == 10_000 else ""
        mocked.get(
            f"{BASE}/prospects?{count_query}page[limit]=1000&page[offset]={offset}",
            payload=_page(list(range(offset, offset + 1000)), meta={"count": count}),
            content_type=JSONAPI,
        )
    seen = 0
    items = client.resource("prospect").iterate(page_size=1000, mode="offset")
    if raises:
        with pytest.raises(PaginationLimitError, match="filter"):
            async for _ in items:
                seen += 1
    else:
        seen = len(await items.all())
    assert seen == 11_000
