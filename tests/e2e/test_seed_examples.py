"""The fake server answers the requests of Outreach's "Making requests" guide as the guide
shows: same status, top-level members, resource types, attribute and relationship names,
links and error objects.

The request/response pairs below are copied from the guide (JSON5 written as Python: `...`
stands for its `//...`, "and more"). Every request goes through the public client; the
answer is compared as the server sent it, error bodies included. Values that
are data (a first name, an account id) are compared by JSON type; protocol values (resource
types, error ids and titles, link paths and parameters) must match.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import AsyncIterator, Callable
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import aiohttp
import attrs
import pytest
from aiohttp import web

from outreach_async import APIError, OutreachClient
from outreach_async.testing import FakeOutreach

from .conftest import SharedClock, client_of, fake_server

GUIDE_API = "https://api.outreach.io/api/v2/"
CURSOR_PARAMS = {"page[after]", "page[before]"}


@attrs.frozen
class Maybe:
    """A member the guide shows that the API may leave out (links of an empty page)."""

    value: Any


@attrs.frozen
class Unordered:
    """A list whose order carries no meaning (`included`)."""

    items: list[Any]


# --- the guide's examples -------------------------------------------------------------------

UNSUPPORTED_MEDIA_TYPE = {
    "errors": [
        {
            "id": "unsupportedMediaType",
            "title": "Unsupported Media Type",
            "details": "Expected Content-Type header to be 'application/vnd.api+json'.",
        },
    ],
}

COLLECTION: dict[Any, Any] = {
    "data": [
        {
            "type": "prospect",
            "id": 1,
            "attributes": {
                "firstName": "Sally",
                "lastName": None,
                ...: ...,
            },
            "relationships": {
                "account": {
                    "data": {
                        "type": "account",
                        "id": 1,
                    },
                },
                "mailings": {
                    "links": {
                        "related": "https://api.outreach.io/api/v2/mailings?filter[prospect][id]=1",
                    },
                },
                ...: ...,
            },
        },
        ...,
    ],
    # The guide's collection example shows `data` alone; its "Pagination" section adds the
    # top-level `links` every collection answer carries.
    ...: ...,
}

CURSOR_PAGE = {
    "data": [
        ...,
    ],
    "links": {
        "first": "https://api.outreach.io/api/v2/prospects?page[size]=50",
        "prev": "https://api.outreach.io/api/v2/prospects?page[size]=50&page[before]=eyJjbiI6IkFwaVYyOjpQcm9zcGVjdHNDb250cm9sbGVyIiwic3AiOm51bGwsInN2IjpbXSwiaWQiOjEzNiwidiI6MX0",
        "next": "https://api.outreach.io/api/v2/prospects?page[size]=50&page[after]=eyJjbiI6IkFwaVYyOjpQcm9zcGVjdHNDb250cm9sbGVyIiwic3AiOm51bGwsInN2IjpbXSwiaWQiOjIyNSwidiI6MX0",
    },
}

OFFSET_PAGE = {
    "data": [
        ...,
    ],
    "links": {
        "first": "https://api.outreach.io/api/v2/prospects?page[limit]=50&page[offset]=0",
        "prev": "https://api.outreach.io/api/v2/prospects?page[limit]=50&page[offset]=100",
        "next": "https://api.outreach.io/api/v2/prospects?page[limit]=50&page[offset]=200",
        "last": "https://api.outreach.io/api/v2/prospects?page[limit]=50&page[offset]=850",
    },
}

COUNTED = {
    "data": [
        ...,
    ],
    "meta": {
        "count": 53,
        "count_truncated": False,
    },
    "links": {
        ...: ...,
    },
}

COUNTED_NOTHING = {
    "data": [],
    "meta": {
        "count": 0,
        "count_truncated": False,
    },
    # Shown in the guide; an empty page may come without any links (it crashed Airbyte).
    "links": Maybe(
        {
            ...: ...,
        }
    ),
}

COUNT_TRUNCATED = {
    "data": [
        ...,
    ],
    "meta": {
        "count": 2000000,
        "count_truncated": True,
    },
    "links": {
        ...: ...,
    },
}

NOT_FOUND = {
    "errors": [
        {
            "id": "resourceNotFound",
            "title": "Resource Not Found",
            "detail": "Could not find 'prospect' with ID '1'.",
        },
    ],
}

INCLUDED = {
    "data": {
        "type": "prospect",
        "id": 1,
        "attributes": {
            "firstName": "Sally",
            "lastName": None,
            ...: ...,
        },
        "relationships": {
            "account": {
                "data": {
                    "type": "account",
                    "id": 1,
                },
            },
            "stage": {
                "data": {
                    "type": "stage",
                    "id": 1,
                },
            },
            ...: ...,
        },
    },
    "included": Unordered(
        [
            {
                "type": "account",
                "id": 1,
                "attributes": {
                    "domain": "www.acme.example.com",
                    "name": "Acme",
                    ...: ...,
                },
                "relationships": {
                    ...: ...,
                },
            },
            {
                "type": "stage",
                "id": 1,
                "attributes": {
                    "name": "Initial",
                    "order": 1,
                    ...: ...,
                },
                "relationships": {
                    ...: ...,
                },
            },
            {
                "type": "user",
                "id": 1,
                "attributes": {
                    "email": "test-user@example.com",
                    ...: ...,
                },
                "relationships": {
                    ...: ...,
                },
            },
        ]
    ),
}

SPARSE = {
    "data": {
        "type": "prospect",
        "id": 1,
        "attributes": {
            "firstName": "Sally",
            "lastName": None,
        },
    },
    "included": Unordered(
        [
            {
                "type": "account",
                "id": 1,
                "attributes": {
                    "name": "Acme",
                },
            },
            {
                "type": "stage",
                "id": 1,
                "attributes": {
                    "name": "Initial",
                },
            },
        ]
    ),
}

SPARSE_OWNER = {
    "data": {
        "type": "prospect",
        "id": 1,
        "attributes": {
            "firstName": "Sally",
            "lastName": None,
        },
    },
    "included": Unordered(
        [
            {
                "type": "user",
                "id": 1,
                "attributes": {
                    "firstName": "Amelia",
                    "lastName": "Estevez",
                },
            },
        ]
    ),
}

CREATE_BODY = {
    "data": {
        "type": "prospect",
        "attributes": {
            "firstName": "John",
        },
        "relationships": {
            "account": {
                "data": {
                    "type": "account",
                    "id": 1,
                },
            },
        },
    },
}

CREATED = {
    "data": {
        "type": "prospect",
        "id": 2,
        "attributes": {
            "firstName": "John",
            "lastName": None,
            ...: ...,
        },
        "relationships": {
            "account": {
                "data": {
                    "type": "account",
                    "id": 1,
                },
            },
            ...: ...,
        },
    },
}

VALIDATION_ERROR = {
    "errors": [
        {
            "id": "validationError",
            "title": "Validation Error",
            "detail": "Name can't be blank.",
            "source": {
                "pointer": "/data/attributes/name",
            },
        },
    ],
}

UPDATE_BODY = {
    "data": {
        "type": "prospect",
        "id": 1,
        "attributes": {
            "firstName": "Sal",
        },
        "relationships": {
            "account": {
                "data": None,
            },
        },
    },
}

# The guide describes these answers in words: "the same response body that you would
# retrieve should you fetch the resource again" and "a list of error reasons".
SALLY = COLLECTION["data"][0]
ONE_PROSPECT = {"data": SALLY}
ONE_TASK = {"data": {"type": "task", "id": 1, "attributes": {...: ...}, ...: ...}}
BAD_REQUEST = {"errors": [{"id": "badRequest", "title": "Bad Request", ...: ...}]}
A_PAGE_OF = {
    kind: {"data": [{"type": kind, "id": 1, "attributes": {...: ...}, ...: ...}, ...], ...: ...}
    for kind in ("prospect", "account")
}


# --- checks of values the guide states --------------------------------------------------------

Check = Callable[[Any, FakeOutreach], None]


def ids_are(expected: list[int]) -> Check:
    def check(document: Any, server: FakeOutreach) -> None:
        assert [item["id"] for item in document["data"]] == expected

    return check


def every(predicate: Callable[[dict[str, Any]], bool]) -> Check:
    def check(document: Any, server: FakeOutreach) -> None:
        assert document["data"], "the filter selects something"
        assert all(predicate(item) for item in document["data"])

    return check


def sorted_by(*keys: str) -> Check:
    """The first page of the whole collection sorted by `keys` (`-name` descending)."""

    def check(document: Any, server: FakeOutreach) -> None:
        store = server.store
        expected = [r.attributes for r in store.records("prospect", store.ids("prospect"))]
        for name in reversed(keys):
            field = name.lstrip("-")
            expected.sort(key=lambda row: row[field], reverse=name.startswith("-"))
        fields = [name.lstrip("-") for name in keys]
        rows = [item["attributes"] for item in document["data"]]
        assert len(rows) == 50
        assert [[r[f] for f in fields] for r in rows] == [
            [r[f] for f in fields] for r in expected[:50]
        ]

    return check


def page_of(size: int) -> Check:
    def check(document: Any, server: FakeOutreach) -> None:
        assert len(document["data"]) == size

    return check


def has(path: str, value: Any) -> Check:
    def check(document: Any, server: FakeOutreach) -> None:
        found = document
        for part in path.split("."):
            found = found[int(part)] if part.isdigit() else found[part]
        assert found == value, f"{path}: {found!r}"

    return check


def both(*checks: Check) -> Check:
    def check(document: Any, server: FakeOutreach) -> None:
        for one in checks:
            one(document, server)

    return check


def count_is_exact(document: Any, server: FakeOutreach) -> None:
    store = server.store
    sallies = [
        r
        for r in store.records("prospect", store.ids("prospect"))
        if r.attributes["firstName"] == "Sally"
    ]
    assert document["meta"]["count"] == len(sallies) > 0


@attrs.frozen
class Example:
    request: str
    response: Any = None
    status: int = 200
    body: Any = None
    check: Check | None = None
    #: Send the JSON:API Content-Type (the guide's 415 example leaves it out).
    content_type: bool = True
    #: Settings of the fake server for this example.
    count_cap: int | None = None


EXAMPLES: dict[str, Example] = {
    "content negotiation": Example(
        "GET https://api.outreach.io/api/v2/prospects",
        UNSUPPORTED_MEDIA_TYPE,
        415,
        content_type=False,
        check=has(
            "errors.0.details", "Expected Content-Type header to be 'application/vnd.api+json'."
        ),
    ),
    "fetch a collection": Example(
        "GET https://api.outreach.io/api/v2/prospects",
        COLLECTION,
        check=both(has("data.0.attributes.firstName", "Sally"), page_of(50)),
    ),
    "filter by exact attribute": Example(
        "GET https://api.outreach.io/api/v2/prospects?filter[firstName]=Sally",
        A_PAGE_OF["prospect"],
        check=every(lambda p: p["attributes"]["firstName"] == "Sally"),
    ),
    "filter by relationship's attribute (deprecated)": Example(
        "GET https://api.outreach.io/api/v2/prospects?filter[account][name]=Acme",
        A_PAGE_OF["prospect"],
        check=every(lambda p: p["relationships"]["account"]["data"]["id"] == 1),
    ),
    # The guide's singular `account` path is a typo: there is no such route.
    "filter the related type first (singular path)": Example(
        "GET https://api.outreach.io/api/v2/account?filter[name]=Acme",
        {"errors": [{"id": "notFound", "title": "Not Found", ...: ...}]},
        404,
    ),
    "filter the related type first": Example(
        "GET https://api.outreach.io/api/v2/accounts?filter[name]=Acme",
        A_PAGE_OF["account"],
        check=ids_are([1]),
    ),
    "filter by relationship ids": Example(
        "GET https://api.outreach.io/api/v2/prospects?filter[account][id]=1,2,3,5,8,13",
        A_PAGE_OF["prospect"],
        check=every(lambda p: p["relationships"]["account"]["data"]["id"] in {1, 2, 3, 5, 8, 13}),
    ),
    "filter by attribute and relationship's attribute": Example(
        "GET https://api.outreach.io/api/v2/prospects?filter[firstName]=Sally&filter[account][name]=Acme",
        A_PAGE_OF["prospect"],
        check=every(
            lambda p: (
                p["attributes"]["firstName"] == "Sally"
                and p["relationships"]["account"]["data"]["id"] == 1
            )
        ),
    ),
    "filter by a list of values": Example(
        "GET https://api.outreach.io/api/v2/prospects?filter[id]=1,2,3,5,8,13",
        A_PAGE_OF["prospect"],
        check=ids_are([1, 2, 3, 5, 8, 13]),
    ),
    "filter by range of values": Example(
        "GET https://api.outreach.io/api/v2/prospects?filter[id]=5..10",
        A_PAGE_OF["prospect"],
        check=ids_are([5, 6, 7, 8, 9, 10]),
    ),
    "filter by less-than-or-equal-to": Example(
        "GET https://api.outreach.io/api/v2/prospects?filter[updatedAt]=neginf..2017-01-01",
        {"data": []},  # every seeded record is younger
    ),
    "filter by greater-than-or-equal-to": Example(
        "GET https://api.outreach.io/api/v2/prospects?filter[updatedAt]=2017-01-01..inf",
        A_PAGE_OF["prospect"],
        check=every(lambda p: p["attributes"]["updatedAt"] >= "2017-01-01"),
    ),
    "filter NULL values": Example(
        "GET https://api.outreach.io/api/v2/accounts?filter[buyerIntentScore]=__null__",
        A_PAGE_OF["account"],
        check=every(lambda a: a["attributes"]["buyerIntentScore"] is None),
    ),
    "filter NOT NULL values": Example(
        "GET https://api.outreach.io/api/v2/accounts?filter[buyerIntentScore]=__notnull__",
        A_PAGE_OF["account"],
        check=every(lambda a: a["attributes"]["buyerIntentScore"] is not None),
    ),
    "sort ascending": Example(
        "GET https://api.outreach.io/api/v2/prospects?sort=firstName",
        A_PAGE_OF["prospect"],
        check=sorted_by("firstName"),
    ),
    "sort descending": Example(
        "GET https://api.outreach.io/api/v2/prospects?sort=-firstName",
        A_PAGE_OF["prospect"],
        check=sorted_by("-firstName"),
    ),
    # Sorting by a relationship's attribute is deprecated; the fake refuses it.
    "sort by relationship's attribute (deprecated)": Example(
        "GET https://api.outreach.io/api/v2/prospects?sort=account.name",
        BAD_REQUEST,
        400,
        check=has("errors.0.source.parameter", "sort"),
    ),
    "sort by multiple criteria": Example(
        "GET https://api.outreach.io/api/v2/prospects?sort=lastName,-firstName",
        A_PAGE_OF["prospect"],
        check=sorted_by("lastName", "-firstName"),
    ),
    "offset the page start": Example(
        "GET https://api.outreach.io/api/v2/prospects?page[offset]=50",
        A_PAGE_OF["prospect"],
        check=has("data.0.id", 51),
    ),
    "limit the page size": Example(
        "GET https://api.outreach.io/api/v2/prospects?page[limit]=3",
        A_PAGE_OF["prospect"],
        check=ids_are([1, 2, 3]),
    ),
    "offset pagination links": Example(
        "GET https://api.outreach.io/api/v2/prospects?page[offset]=150",
        OFFSET_PAGE,
    ),
    "counting resources": Example(
        "GET https://api.outreach.io/api/v2/prospects?filter[firstName]=Sally&count=true",
        COUNTED,
        check=count_is_exact,
    ),
    "counting nothing": Example(
        "GET https://api.outreach.io/api/v2/prospects?filter[firstName]=Nobody&count=true",
        COUNTED_NOTHING,
    ),
    "count truncated (cap lowered to 500 from 2,000,000)": Example(
        "GET https://api.outreach.io/api/v2/prospects?count=true",
        COUNT_TRUNCATED,
        check=has("meta.count", 500),
        count_cap=500,
    ),
    "fetch an individual resource": Example(
        "GET https://api.outreach.io/api/v2/prospects/1",
        ONE_PROSPECT,
        check=has("data.attributes.firstName", "Sally"),
    ),
    "resource not found": Example(
        "GET https://api.outreach.io/api/v2/prospects/901",
        NOT_FOUND,
        404,
        check=has("errors.0.detail", "Could not find 'prospect' with ID '901'."),
    ),
    "include related resources": Example(
        "GET https://api.outreach.io/api/v2/prospects/1?include=account.owner,stage",
        INCLUDED,
    ),
    "sparse fieldsets": Example(
        "GET https://api.outreach.io/api/v2/prospects/1?include=account,stage&fields[account]=name&fields[prospect]=firstName,lastName&fields[stage]=name",
        SPARSE,
    ),
    "sparse fieldsets by type": Example(
        "GET https://api.outreach.io/api/v2/prospects/1?include=owner&fields[user]=firstName,lastName&fields[prospect]=firstName,lastName",
        SPARSE_OWNER,
    ),
    "create a new resource": Example(
        "POST https://api.outreach.io/api/v2/prospects",
        CREATED,
        201,
        body=CREATE_BODY,
        check=both(
            has("data.attributes.firstName", "John"),
            has("data.relationships.account.data", {"type": "account", "id": 1}),
            has("data.id", 901),
        ),
    ),
    "create with a validation error": Example(
        "POST https://api.outreach.io/api/v2/accounts",
        VALIDATION_ERROR,
        422,
        body={"data": {"type": "account", "attributes": {"domain": "acme.example.com"}}},
        check=has("errors.0.detail", "Name can't be blank."),
    ),
    "update an existing resource": Example(
        "PATCH https://api.outreach.io/api/v2/prospects/1",
        {"data": {**SALLY, "relationships": {"account": {"data": None}, ...: ...}}},
        body=UPDATE_BODY,
        check=both(
            has("data.attributes.firstName", "Sal"), has("data.relationships.account.data", None)
        ),
    ),
    "delete an existing resource": Example(
        "DELETE https://api.outreach.io/api/v2/prospects/1",
        None,
        204,
    ),
    "other actions on a resource": Example(
        "POST https://api.outreach.io/api/v2/tasks/1/actions/snooze",
        ONE_TASK,
    ),
    "actions with parameters": Example(
        "POST https://api.outreach.io/api/v2/tasks/1/actions/markComplete?actionParams[completionNote]=I+completed+this",
        ONE_TASK,
        check=both(
            has("data.attributes.note", "I completed this"),
            has("data.attributes.state", "complete"),
        ),
    ),
    "unacceptable action parameters": Example(
        "POST https://api.outreach.io/api/v2/tasks/1/actions/markComplete?actionParams[mood]=happy",
        BAD_REQUEST,
        400,
        check=has("errors.0.source.parameter", "actionParams[mood]"),
    ),
}


# --- comparing shapes -------------------------------------------------------------------------


def assert_same_shape(example: Any, actual: Any, where: str = "$") -> None:
    """`actual` has the shape of the guide's `example` (see the module docstring)."""
    if isinstance(example, Unordered):
        assert isinstance(actual, list), f"{where}: expected a list"
        assert len(actual) == len(example.items), f"{where}: {len(actual)} items"
        for item in example.items:
            matching = [a for a in actual if a.get("type") == item["type"]]
            assert len(matching) == 1, f"{where}: one {item['type']} expected"
            assert_same_shape(item, matching[0], f"{where}[{item['type']}]")
    elif isinstance(example, dict):
        assert isinstance(actual, dict), f"{where}: expected an object, got {actual!r}"
        named = {key: value for key, value in example.items() if key is not ...}
        for key, value in named.items():
            if isinstance(value, Maybe):
                if key in actual:
                    assert_same_shape(value.value, actual[key], f"{where}.{key}")
                continue
            assert key in actual, f"{where}: no {key!r} member"
            assert_same_shape(value, actual[key], f"{where}.{key}")
        if ... not in example:
            extra = set(actual) - set(named)
            assert not extra, f"{where}: unexpected members {sorted(extra)}"
    elif isinstance(example, list):
        assert isinstance(actual, list), f"{where}: expected a list, got {actual!r}"
        items = [item for item in example if item is not ...]
        if ... in example:
            assert len(actual) >= len(items), f"{where}: too few items"
        else:
            assert len(actual) == len(items), f"{where}: {len(actual)} items"
        for number, (item, got) in enumerate(zip(items, actual, strict=False)):
            assert_same_shape(item, got, f"{where}[{number}]")
    elif example is None:
        pass  # null in the example: the attribute's value is data
    elif isinstance(example, bool):
        assert isinstance(actual, bool), f"{where}: expected a boolean"
    elif isinstance(example, int):
        assert isinstance(actual, int) and not isinstance(actual, bool), f"{where}: not an int"
    elif isinstance(example, str):
        assert isinstance(actual, str), f"{where}: expected a string, got {actual!r}"
        if example.startswith(GUIDE_API):
            assert_same_link(example, actual, where)
        elif re.search(r"\.type$|\.errors\[\d+\]\.(id|title)$", where):
            assert actual == example, f"{where}: {actual!r} != {example!r}"
    else:  # pragma: no cover - the examples hold JSON only
        raise TypeError(f"{where}: {example!r}")


def assert_same_link(example: str, actual: str, where: str) -> None:
    """Same path and parameters; cursors are opaque, and the host is the fake's."""
    shown, got = urlsplit(example), urlsplit(actual)
    assert got.path == shown.path, f"{where}: {actual}"
    got_params = dict(parse_qsl(got.query))
    for key, value in parse_qsl(shown.query):
        assert key in got_params, f"{where}: {actual} lacks {key}"
        if key not in CURSOR_PARAMS:
            assert got_params[key] == value, f"{where}: {key}={got_params[key]}"


# --- running the examples ---------------------------------------------------------------------


class Wire:
    """The answers as the fake server sent them, and a switch to lose the Content-Type."""

    def __init__(self) -> None:
        self.status: int | None = None
        self.body = b""
        self.drop_content_type = False

    def reset(self) -> None:
        self.status, self.body = None, b""

    async def sent(self, request: web.Request, response: web.StreamResponse) -> None:
        if request.path.startswith("/api/v2/"):
            self.status = response.status
            body = response.body if isinstance(response, web.Response) else None
            self.body = bytes(body) if isinstance(body, bytes | bytearray) else b""

    async def middleware(
        self, request: aiohttp.ClientRequest, handler: aiohttp.ClientHandlerType
    ) -> aiohttp.ClientResponse:
        if self.drop_content_type:
            request.headers.pop("Content-Type", None)
        return await handler(request)


@pytest.fixture
async def guide(clock: SharedClock) -> AsyncIterator[SimpleNamespace]:
    """A fake server whose prospect 1 is Sally at account 1, Acme, as in the guide, and a
    client of it; the server's answers are recorded as sent."""
    wire = Wire()
    server = fake_server(clock, seed=3, prospects=900)
    server.app.on_response_prepare.append(wire.sent)
    async with server, aiohttp.ClientSession(middlewares=(wire.middleware,)) as http:
        async with client_of(server, clock, http=http) as client:
            await client.resource("account").update(1, {"name": "Acme"})
            wire.reset()
            yield SimpleNamespace(server=server, client=client, wire=wire)


async def send(client: OutreachClient, request: str, body: Any = None) -> None:
    method, url = request.split(" ", 1)
    assert url.startswith(GUIDE_API)
    target, _, query = url.removeprefix(GUIDE_API).partition("?")
    with contextlib.suppress(APIError):  # the error body is compared as sent
        await client.session.request(method, target, query=query, body=body)


@pytest.mark.parametrize("name", list(EXAMPLES))
async def test_the_fake_answers_the_guides_examples(guide: SimpleNamespace, name: str) -> None:
    example = EXAMPLES[name]
    server: FakeOutreach = guide.server
    if example.count_cap is not None:
        server.settings.count_cap = example.count_cap
    guide.wire.drop_content_type = not example.content_type
    await send(guide.client, example.request, example.body)
    assert guide.wire.status == example.status, guide.wire.body[:300]
    document = json.loads(guide.wire.body) if guide.wire.body else None
    if example.response is None:
        assert document is None
    else:
        assert_same_shape(example.response, document)
    if example.check is not None:
        example.check(document, server)


async def test_cursor_links_past_the_first_page_are_first_prev_and_next(
    guide: SimpleNamespace,
) -> None:
    """The guide's cursor example shows `prev` too; a first page has nothing before it."""
    client: OutreachClient = guide.client
    await send(client, "GET https://api.outreach.io/api/v2/prospects?page[size]=50&count=false")
    first = json.loads(guide.wire.body)
    assert set(first["links"]) == {"first", "next"}
    guide.wire.reset()
    await send(client, "GET " + GUIDE_API + first["links"]["next"].split("/api/v2/", 1)[1])
    second = json.loads(guide.wire.body)
    assert_same_shape(CURSOR_PAGE, second)
    assert second["links"]["first"] == first["links"]["first"]
    assert [p["id"] for p in second["data"]] == list(range(51, 101))


NEW_SYNTAX = [
    (
        "GET https://api.outreach.io/api/v2/prospects?filter[firstName]=Sally,Katie",
        "GET https://api.outreach.io/api/v2/prospects?newFilterSyntax=true&filter[firstName][]=Sally&filter[firstName][]=Katie",
    ),
    (
        "GET https://api.outreach.io/api/v2/prospects?filter[id]=5..10",
        "GET https://api.outreach.io/api/v2/prospects?newFilterSyntax=true&filter[id][gte]=5&filter[id][lte]=10",
    ),
    (
        "GET https://api.outreach.io/api/v2/prospects?filter[updatedAt]=neginf..2017-01-01",
        "GET https://api.outreach.io/api/v2/prospects?newFilterSyntax=true&filter[updatedAt][lte]=2017-01-01",
    ),
]


@pytest.mark.parametrize(("old", "new"), NEW_SYNTAX)
async def test_the_new_filter_syntax_means_what_the_old_one_did(
    guide: SimpleNamespace, old: str, new: str
) -> None:
    answers = []
    for request in (old, new):
        guide.wire.reset()
        await send(guide.client, request)
        assert guide.wire.status == 200
        answers.append(json.loads(guide.wire.body))
    assert answers[0]["data"] == answers[1]["data"]


async def test_a_literal_comma_needs_the_new_syntax(guide: SimpleNamespace) -> None:
    """The guide's "Company, Inc" example: the old syntax splits the value at its comma."""
    for name in ("Company, Inc", "Company", " Inc"):
        await guide.client.resource("account").create({"name": name})
    names = {}
    for request in (
        "GET https://api.outreach.io/api/v2/accounts?filter[name]=Company,%20Inc",
        "GET https://api.outreach.io/api/v2/accounts?newFilterSyntax=true&filter[name][]=Company,%20Inc",
    ):
        guide.wire.reset()
        await send(guide.client, request)
        names[request] = sorted(
            a["attributes"]["name"] for a in json.loads(guide.wire.body)["data"]
        )
    assert list(names.values()) == [[" Inc", "Company"], ["Company, Inc"]]
