"""Any JSON:API server: the plain dialect on the wire, every answer form, concurrent pages."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aioresponses import CallbackResult

from outreach_async import (
    JsonApiClient,
    JsonApiDialect,
    LinkageMissing,
    Links,
    OriginError,
    OutreachClient,
    PaginationError,
    Query,
    Relationship,
    RequestStarted,
    Resource,
    between,
)
from outreach_async._dialect import OUTREACH

from .conftest import RecordingMock

API = "http://127.0.0.1:8000/api"
JSONAPI = "application/vnd.api+json"


@pytest.fixture
async def api() -> AsyncIterator[JsonApiClient]:
    async with JsonApiClient(API, auth=None) as api:
        yield api


def _bodies(mocked: RecordingMock) -> list[Any]:
    return [json.loads(call.kwargs["data"]) for call in mocked.calls() if call.kwargs["data"]]


def _person(person_id: str = "1", **attributes: Any) -> dict[str, Any]:
    return {"type": "people", "id": person_id, "attributes": attributes}


async def test_a_type_is_at_its_own_name_and_ids_go_out_as_strings(
    mocked: RecordingMock, api: JsonApiClient
) -> None:
    mocked.patch(f"{API}/people/5", payload={"data": _person("5", age=3)}, content_type=JSONAPI)
    await api.resource("people").update(
        5, {"age": 3}, {"employer": ("companies", 2), "friends": [("people", 7)]}
    )
    assert mocked.sent == [("PATCH", f"{API}/people/5")]
    assert _bodies(mocked) == [
        {
            "data": {
                "type": "people",
                "id": "5",
                "attributes": {"age": 3},
                "relationships": {
                    "employer": {"data": {"type": "companies", "id": "2"}},
                    "friends": {"data": [{"type": "people", "id": "7"}]},
                },
            }
        }
    ]


async def test_outreach_keeps_its_integer_ids(mocked: RecordingMock) -> None:
    base = "https://api.outreach.io/api/v2"
    mocked.patch(
        f"{base}/prospects/5", payload={"data": {"type": "prospect", "id": 5}}, content_type=JSONAPI
    )
    async with OutreachClient("token") as client:
        await client.resource("prospect").update("5", {"title": "x"}, {"account": ("account", "2")})
    [body] = _bodies(mocked)
    assert body["data"]["id"] == 5
    assert body["data"]["relationships"]["account"]["data"]["id"] == 2


def test_managers_are_kept_per_type_and_path(api: JsonApiClient) -> None:
    people = api.resource("people")
    assert api.resource("people") is people
    elsewhere = api.resource("people", "v2/persons")
    assert elsewhere.path == "v2/persons" and elsewhere is not people
    assert api.resource("people", plural="v2/persons") is elsewhere
    assert api.resource("people").path == "people"


async def test_filters_pass_through_as_given(mocked: RecordingMock, api: JsonApiClient) -> None:
    url = (
        f"{API}/people?filter[name.icontains]=ann%20b&filter[id.in]=1,2&filter[active]=true"
        "&filter[employer][name]=Acme&sort=-employer.name,age&page[size]=100"
    )
    mocked.get(url, payload={"data": []}, content_type=JSONAPI)
    await api.resource("people").list(
        filter={
            "name.icontains": "ann b",
            "id.in": "1,2",
            "active": True,
            "employer": {"name": "Acme"},
        },
        sort="-employer.name,age",
    )
    assert mocked.sent == [("GET", url)]


@pytest.mark.parametrize(
    ("options", "error", "names"),
    [
        ({"filter": {"id": [1, 2]}}, TypeError, r"filter\[id\]: list"),
        ({"filter": {"id": between(1, 2)}}, TypeError, r"filter\[id\]: Range"),
        ({"filter": {"age": None}}, TypeError, r"filter\[age\]: None"),
        ({"filter": {"a&b": 1}}, ValueError, "filter: 'a&b'"),
        ({"count": True}, ValueError, "count"),
        ({"new_filter_syntax": True}, ValueError, "new_filter_syntax"),
        ({"sort": "employer..name"}, ValueError, "sort"),
        ({"sort": "-employer.na me"}, ValueError, "sort"),
        ({"mode": "offset", "concurrency": 0}, ValueError, "concurrency"),
        ({"concurrency": 2}, ValueError, "concurrency"),
    ],
)
async def test_what_the_plain_dialect_cannot_send_is_refused_before_sending(
    mocked: RecordingMock, api: JsonApiClient, options: dict[str, Any], error: type, names: str
) -> None:
    with pytest.raises(error, match=names):
        api.resource("people").iterate(**options)
    assert mocked.sent == []


def test_the_dialect_reads_totals_where_it_is_told() -> None:
    meta = {"total": 5, "pagination": {"count": 7}}
    assert JsonApiDialect().page_total(meta) == 5
    assert JsonApiDialect(total_at="meta.pagination.count").page_total(meta) == 7
    assert JsonApiDialect(total_at=["meta.nothing"]).page_total(meta) is None
    with pytest.raises(ValueError, match="total_at"):
        JsonApiDialect(total_at="links.total")
    assert OUTREACH.page_total({"count": 3}) == 3


@pytest.mark.parametrize("status", [204, 202, 200])
async def test_an_update_answered_without_a_body_returns_what_was_sent(
    mocked: RecordingMock, api: JsonApiClient, status: int
) -> None:
    body = {"meta": {"queued": True}} if status != 204 else None
    mocked.patch(f"{API}/people/1", status=status, payload=body, content_type=JSONAPI)
    updated = await api.resource("people").update(1, {"age": 4}, {"employer": None})
    assert updated.type == "people" and updated.id == "1"
    assert updated["age"] == 4 and updated.related("employer") is None


async def test_an_update_answered_204_is_read_back_on_request(
    mocked: RecordingMock, api: JsonApiClient
) -> None:
    mocked.patch(f"{API}/people/1", status=204)
    mocked.get(
        f"{API}/people/1", payload={"data": _person(age=4, name="Ann")}, content_type=JSONAPI
    )
    updated = await api.resource("people").update(1, {"age": 4}, reread=True)
    assert updated["name"] == "Ann"
    assert [method for method, _ in mocked.sent] == ["PATCH", "GET"]


async def test_a_create_with_a_client_id_answered_204_returns_it(
    mocked: RecordingMock, api: JsonApiClient
) -> None:
    mocked.post(f"{API}/people", status=204)
    created = await api.resource("people").create({"name": "Ann"}, id="ann-1")
    assert created.id == "ann-1" and created["name"] == "Ann"
    assert _bodies(mocked)[0]["data"]["id"] == "ann-1"


async def test_top_level_jsonapi_and_meta_are_kept(
    mocked: RecordingMock, api: JsonApiClient
) -> None:
    mocked.get(
        f"{API}/people?page[size]=100",
        payload={"jsonapi": {"version": "1.0"}, "meta": {"total": 1}, "data": [_person()]},
        content_type=JSONAPI,
    )
    page = await api.resource("people").list()
    assert page.document.jsonapi == {"version": "1.0"}
    assert page.total == 1 and page.meta == {"total": 1}


async def test_a_relationship_with_only_links_or_meta_says_so(
    mocked: RecordingMock, api: JsonApiClient
) -> None:
    person = _person()
    person["relationships"] = {
        "friends": {"links": {"related": "/api/people/1/friends"}},
        "articles": {"meta": {"count": 3}},
    }
    mocked.get(f"{API}/people/1", payload={"data": person}, content_type=JSONAPI)
    mocked.get(f"{API}/people/1/friends", payload={"data": [_person("2")]}, content_type=JSONAPI)
    people = api.resource("people")
    found = await people.get(1)
    with pytest.raises(LinkageMissing, match="/api/people/1/friends") as caught:
        found.related("friends")
    assert isinstance(caught.value, KeyError)
    with pytest.raises(LinkageMissing, match="meta only"):
        found.related("articles")
    friends = await people.fetch_related(found, "friends")
    assert isinstance(friends, list) and [f.id for f in friends] == ["2"]


async def test_a_related_link_to_another_origin_is_refused(
    mocked: RecordingMock, api: JsonApiClient
) -> None:
    evil = Links(related="https://evil.example.com/api/people/1/friends")
    person = Resource("people", "1", relationships={"friends": Relationship(links=evil)})
    with pytest.raises(OriginError, match=r"evil\.example\.com"):
        await api.resource("people").fetch_related(person, "friends")
    assert mocked.sent == []


def _numbered(number: int, ids: list[int], last: int | None, **meta: Any) -> dict[str, Any]:
    links = {"next": f"{API}/people?page[number]={number + 1}" if number != last else None}
    if last is not None:
        links["last"] = f"{API}/people?page%5Bnumber%5D={last}&page%5Bsize%5D=2"
    return {"data": [_person(str(i)) for i in ids], "links": links, "meta": meta}


def _page_url(number: int) -> str:
    return f"{API}/people?page[number]={number}&page[size]=2"


async def test_number_pages_are_fetched_concurrently_and_yielded_in_order(
    mocked: RecordingMock, api: JsonApiClient
) -> None:
    in_flight = 0
    most = 0

    async def slow(url: Any, **_: Any) -> CallbackResult:
        nonlocal in_flight, most
        in_flight += 1
        most = max(most, in_flight)
        number = int(url.query["page[number]"])
        await asyncio.sleep(0.01 * (7 - number))  # later pages answer first
        in_flight -= 1
        ids = [2 * number - 1, 2 * number] if number < 7 else [13]
        return CallbackResult(payload=_numbered(number, ids, 7), content_type=JSONAPI)

    for number in range(1, 8):
        mocked.get(_page_url(number), callback=slow)
    paginator = api.resource("people").iterate(page_size=2, mode="number", concurrency=3)
    assert [int(item.id or 0) async for item in paginator] == list(range(1, 14))
    assert most == 3, "three pages in flight at most, and three at once"
    assert len(mocked.sent) == 7

    for number in range(1, 8):
        mocked.get(_page_url(number), callback=slow)
    unordered = api.resource("people").iterate(
        page_size=2, mode="number", concurrency=3, ordered=False
    )
    firsts = [int(page.items[0].id or 0) async for page in unordered.pages()]
    assert sorted(firsts) == [1, 3, 5, 7, 9, 11, 13] and firsts != sorted(firsts)


async def test_a_total_in_meta_gives_the_end(mocked: RecordingMock, api: JsonApiClient) -> None:
    for number, ids in ((1, [1, 2]), (2, [3, 4]), (3, [5])):
        mocked.get(
            _page_url(number),
            payload={"data": [_person(str(i)) for i in ids], "meta": {"total": 5}},
            content_type=JSONAPI,
        )
    paginator = api.resource("people").iterate(page_size=2, mode="number", concurrency=4)
    assert [item.id async for item in paginator] == ["1", "2", "3", "4", "5"]
    assert len(mocked.sent) == 3, "no page beyond the total is asked for"


@pytest.mark.parametrize(
    ("concurrency", "message"),
    [(1, "offset 2 starts with people 1 again"), (2, "offset 2 repeats page offset 0")],
)
async def test_a_page_that_repeats_is_a_pagination_error(
    mocked: RecordingMock, api: JsonApiClient, concurrency: int, message: str
) -> None:
    for offset in (0, 2, 4):
        mocked.get(
            f"{API}/people?page[limit]=2&page[offset]={offset}",
            payload={"data": [_person("1"), _person("2")]},
            content_type=JSONAPI,
        )
    paginator = api.resource("people").iterate(page_size=2, mode="offset", concurrency=concurrency)
    with pytest.raises(PaginationError, match=message):
        await paginator.all()


async def test_a_page_short_of_the_known_end_is_a_pagination_error(
    mocked: RecordingMock, api: JsonApiClient
) -> None:
    mocked.get(_page_url(1), payload=_numbered(1, [1, 2], 3), content_type=JSONAPI)
    mocked.get(_page_url(2), payload=_numbered(2, [3], 3), content_type=JSONAPI)
    mocked.get(_page_url(3), payload=_numbered(3, [5], 3), content_type=JSONAPI)
    paginator = api.resource("people").iterate(page_size=2, mode="number", concurrency=2)
    with pytest.raises(PaginationError, match="page 2 holds 1 items where 2 were due"):
        await paginator.all()


async def test_requests_of_an_open_server_carry_no_authorization(
    mocked: RecordingMock, api: JsonApiClient
) -> None:
    started: list[RequestStarted] = []
    api.hooks.add(
        lambda event: started.append(event) if isinstance(event, RequestStarted) else None
    )
    mocked.get(f"{API}/people/1", payload={"data": _person()}, content_type=JSONAPI)
    await api.resource("people").get(1)
    [call] = mocked.calls()
    assert "Authorization" not in call.kwargs["headers"]
    assert len(started) == 1


def test_outreach_encodes_its_own_syntax() -> None:
    query = Query(filter={"id": between(1, 5), "name": ["a", "b"]}, count=True)
    assert query.encode(dialect=OUTREACH) == "filter[id]=1..5&filter[name]=a,b&count=true"
