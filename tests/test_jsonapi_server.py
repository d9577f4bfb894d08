"""The generic layer against a real third-party server: Django REST framework JSON:API.

Seeded: 20 companies (`Company 01`..), 300 people (`Person 001`..; person n works for
company (7n mod 20) + 1 unless n is a multiple of 10, is aged 20 + n mod 50, and has two
friends), 200 articles, and a company's CEO is the first person it employs. Tests that
write create records of their own and never touch the seeded ones.
"""

from __future__ import annotations

import asyncio
import itertools
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from outreach_async import (
    APIError,
    BadRequest,
    InvalidDocument,
    JsonApiClient,
    LinkageMissing,
    NotFound,
    Resource,
    ResourceIdentifier,
    ValidationError,
)

SEEDED = 300
GUIDE = Path(__file__).resolve().parents[1] / "docs" / "guides" / "jsonapi.md"
_emails = itertools.count()


@pytest.fixture
async def api(jsonapi_server: str) -> AsyncIterator[JsonApiClient]:
    async with JsonApiClient(jsonapi_server, auth=None) as api:
        yield api


def _email() -> str:
    return f"created{next(_emails)}@example.org"


def _employer_name(n: int) -> str | None:
    return None if n % 10 == 0 else f"Company {(n * 7) % 20 + 1:02d}"


async def test_crud_round_trip(api: JsonApiClient) -> None:
    people = api.resource("people")
    created = await people.create(
        {"name": "Created Ann", "email": _email(), "age": 41},
        {"employer": ("companies", 2), "friends": [("people", "1"), ("people", 2)]},
    )
    assert isinstance(created.id, str) and created["name"] == "Created Ann"
    assert created.related("employer") == ResourceIdentifier("companies", "2")
    assert [ref.id for ref in created.related("friends")] == ["1", "2"]  # type: ignore[union-attr]

    updated = await people.update(created.id, {"age": 42}, {"employer": None})
    assert updated["age"] == 42 and updated.related("employer") is None
    again = await people.get(created.id)
    assert again["age"] == 42 and again["name"] == "Created Ann"

    await people.delete(created.id)
    with pytest.raises(NotFound) as caught:
        await people.get(created.id)
    assert caught.value.status == 404


async def test_include_to_one_to_many_nested_and_cycles(api: JsonApiClient) -> None:
    person = await api.resource("people").get(
        7, include=["employer.ceo.employer", "friends", "articles"]
    )
    employer = person.related("employer")
    assert isinstance(employer, Resource) and employer["name"] == _employer_name(7)
    assert employer.id == "10"
    ceo = employer.related("ceo")
    assert ceo is person, "person 7 leads company 10: the cycle comes back to the same object"
    assert person.related("employer") is employer
    friends = person.related("friends")
    assert isinstance(friends, list) and [f["name"] for f in friends] == [  # type: ignore[index]
        "Person 009",
        "Person 010",
    ]
    articles = person.related("articles")
    assert isinstance(articles, list)
    assert all(isinstance(article, Resource) for article in articles)
    assert {a["title"] for a in articles} == {  # type: ignore[index]
        f"Article {n}" for n in range(1, 201) if (n * 13) % SEEDED + 1 == 7
    }


async def test_sparse_fieldsets_leave_attributes_absent(api: JsonApiClient) -> None:
    person = await api.resource("people").get(
        3, include="employer", fields={"people": ["name", "employer"], "companies": "name"}
    )
    assert person["name"] == "Person 003"
    assert "email" not in person.attributes and "age" not in person.attributes
    employer = person.related("employer")
    assert isinstance(employer, Resource) and set(employer.attributes) == {"name"}


@pytest.mark.parametrize(
    ("sort", "key"),
    [
        ("-age", lambda n: (-(20 + n % 50), n)),
        ("employer.name", lambda n: (_employer_name(n) or "", n)),
        ("-employer.name,id", lambda n: (_invert(_employer_name(n) or ""), n)),
    ],
)
async def test_sort_including_dotted_relationship_fields(
    api: JsonApiClient, sort: str, key: Any
) -> None:
    page = await api.resource("people").list(
        sort=sort, filter={"name.icontains": "person"}, page_size=100
    )
    names = [item["name"] for item in page.items]
    without_employer = [n for n in range(1, SEEDED + 1) if _employer_name(n) is None]
    if sort.startswith("employer"):  # SQL puts nulls first when ascending
        expected = without_employer + sorted(
            (n for n in range(1, SEEDED + 1) if n not in without_employer), key=key
        )
    elif sort.startswith("-employer"):
        expected = (
            sorted((n for n in range(1, SEEDED + 1) if n not in without_employer), key=key)
            + without_employer
        )
    else:
        expected = sorted(range(1, SEEDED + 1), key=key)
    assert names == [f"Person {n:03d}" for n in expected[:100]]


def _invert(text: str) -> tuple[int, ...]:
    return tuple(-ord(char) for char in text)


async def _seeded_people(api: JsonApiClient, **options: Any) -> list[str]:
    paginator = api.resource("people").iterate(
        filter={"name.icontains": "person "}, sort="id", page_size=40, **options
    )
    return [item["name"] async for item in paginator]


async def test_paging_to_the_end_by_links_by_number_and_concurrently(
    api: JsonApiClient,
) -> None:
    expected = [f"Person {n:03d}" for n in range(1, SEEDED + 1)]
    assert await _seeded_people(api) == expected
    assert await _seeded_people(api, mode="number") == expected
    assert await _seeded_people(api, mode="number", concurrency=4) == expected
    unordered = await _seeded_people(api, mode="number", concurrency=4, ordered=False)
    assert sorted(unordered) == expected


async def test_page_total_and_top_level_meta(api: JsonApiClient) -> None:
    page = await api.resource("people").list(filter={"name.icontains": "person 00"})
    assert page.total == 9
    assert page.meta["pagination"]["count"] == 9
    assert [item["name"] for item in page.items] == [f"Person 00{n}" for n in range(1, 10)]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"name": "Person 007"}, [7]),
        ({"name.icontains": "person 01"}, list(range(10, 20))),
        ({"name.in": "Person 001,Person 250"}, [1, 250]),
        (
            {"employer.name": "Company 02", "age.lte": 30},
            [n for n in range(1, SEEDED + 1) if _employer_name(n) == "Company 02" and n % 50 <= 10],
        ),
    ],
)
async def test_filters_in_the_servers_own_syntax(
    api: JsonApiClient, filters: dict[str, Any], expected: list[int]
) -> None:
    found = await api.resource("people").iterate(filter=filters, sort="id").all()
    assert [item["name"] for item in found] == [f"Person {n:03d}" for n in expected]


async def test_a_validation_error_is_400_with_source_pointers(api: JsonApiClient) -> None:
    with pytest.raises(InvalidDocument) as caught:
        await api.resource("people").create({"email": "not an address"})
    error = caught.value
    assert isinstance(error, ValidationError) and isinstance(error, BadRequest)
    assert error.status == 400
    assert {e.pointer for e in error.errors} == {"/data/attributes/email", "/data/attributes/name"}
    assert "/data/attributes/email" in str(error)


async def test_an_unknown_filter_is_a_bad_request(api: JsonApiClient) -> None:
    with pytest.raises(BadRequest, match=r"invalid filter\[shoeSize\]"):
        await api.resource("people").list(filter={"shoeSize": 44})


async def test_a_method_the_server_does_not_allow_is_405(api: JsonApiClient) -> None:
    with pytest.raises(APIError) as caught:
        await api.resource("articles").delete(1)
    assert caught.value.status == 405
    assert "DELETE" in str(caught.value)


async def test_a_links_only_relationship_is_fetched_on_request(api: JsonApiClient) -> None:
    companies = api.resource("companies")
    company = await companies.get(2)
    with pytest.raises(LinkageMissing) as caught:
        company.related("staff")
    assert caught.value.related_url == f"{company.relationships['staff'].links.related}"  # type: ignore[union-attr]
    staff = await companies.fetch_related(company, "staff")
    assert isinstance(staff, list)
    assert sorted(int(person.id or 0) for person in staff) == [
        n for n in range(1, SEEDED + 1) if _employer_name(n) == "Company 02"
    ]


def _guide_example() -> str:
    match = re.search(r"^```python\n(.*?)^```", GUIDE.read_text(), re.DOTALL | re.MULTILINE)
    assert match, "the JSON:API guide has no python block"
    return match.group(1)


async def test_the_guide_s_example_runs_as_written(
    jsonapi_server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _guide_example()
    assert 'JsonApiClient("http://127.0.0.1:8000/api", auth=None)' in code
    code = code.replace("http://127.0.0.1:8000/api", jsonapi_server)
    # The example starts its own event loop, so it runs in a thread of its own.
    await asyncio.to_thread(exec, compile(code, str(GUIDE), "exec"), {"__name__": "example"})
    assert capsys.readouterr().out.splitlines() == [
        "Ann Example works for Company 02",
        "10 people",
        "['/data/attributes/email', '/data/attributes/name']",
    ]
