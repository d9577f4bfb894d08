"""Query strings match the API's documented examples byte for byte; bad input fails early."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any
from urllib.parse import parse_qsl

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outreach_async import NOT_NULL, OutreachClient, Query, Range, at_least, at_most, between
from outreach_async._dialect import OUTREACH, encode_action_params

from .conftest import BASE, RecordingMock


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (Query(filter={"firstName": "Sally"}), "filter[firstName]=Sally"),
        (
            Query(filter={"account": {"id": [1, 2, 3, 5, 8, 13]}}),
            "filter[account][id]=1,2,3,5,8,13",
        ),
        (
            Query(filter={"firstName": "Sally", "account": {"name": "Acme"}}),
            "filter[firstName]=Sally&filter[account][name]=Acme",
        ),
        (Query(filter={"id": [1, 2, 3, 5, 8, 13]}), "filter[id]=1,2,3,5,8,13"),
        (Query(filter={"id": between(5, 10)}), "filter[id]=5..10"),
        (
            Query(filter={"updatedAt": at_most("2017-01-01")}),
            "filter[updatedAt]=neginf..2017-01-01",
        ),
        (
            Query(filter={"updatedAt": at_least(date(2017, 1, 1))}),
            "filter[updatedAt]=2017-01-01..inf",
        ),
        (Query(filter={"buyerIntentScore": None}), "filter[buyerIntentScore]=__null__"),
        (Query(filter={"buyerIntentScore": NOT_NULL}), "filter[buyerIntentScore]=__notnull__"),
        (Query(sort="firstName"), "sort=firstName"),
        (Query(sort="-firstName"), "sort=-firstName"),
        (Query(sort=["lastName", "-firstName"]), "sort=lastName,-firstName"),
        (Query(sort=[("lastName", "asc"), ("firstName", "desc")]), "sort=lastName,-firstName"),
        (Query(sort="lastName,-firstName"), "sort=lastName,-firstName"),
        (
            Query(filter={"firstName": ["Sally", "Katie"]}, new_filter_syntax=True),
            "newFilterSyntax=true&filter[firstName][]=Sally&filter[firstName][]=Katie",
        ),
        (
            Query(filter={"name": "Company, Inc"}),
            "newFilterSyntax=true&filter[name][]=Company,%20Inc",
        ),
        (
            Query(filter={"id": between(5, 10)}, new_filter_syntax=True),
            "newFilterSyntax=true&filter[id][gte]=5&filter[id][lte]=10",
        ),
        (
            Query(filter={"updatedAt": at_most("2017-01-01")}, new_filter_syntax=True),
            "newFilterSyntax=true&filter[updatedAt][lte]=2017-01-01",
        ),
        (Query(page_size=50, count=False), "page[size]=50&count=false"),
        (Query(filter={"firstName": "Sally"}, count=True), "filter[firstName]=Sally&count=true"),
        (
            Query(
                include=["account", "stage"],
                fields={"account": "name", "prospect": ["firstName", "lastName"], "stage": "name"},
            ),
            "include=account,stage&fields[account]=name&fields[prospect]=firstName,lastName"
            "&fields[stage]=name",
        ),
        (
            Query(include="owner", fields={"user": ["firstName", "lastName"]}),
            "include=owner&fields[user]=firstName,lastName",
        ),
        (Query(include=["account.owner", "stage"]), "include=account.owner,stage"),
    ],
)
def test_encoding_matches_the_seed(query: Query, expected: str) -> None:
    assert query.encode(dialect=OUTREACH) == expected


def test_values_needing_new_syntax_switch_it_on_automatically() -> None:
    assert OUTREACH.uses_new_filter_syntax(Query(filter={"title": "a..b"}))
    assert OUTREACH.uses_new_filter_syntax(Query(filter={"id": between("a,b", "c")}))
    assert OUTREACH.uses_new_filter_syntax(Query(filter={"account": {"name": "x,y"}}))
    assert not OUTREACH.uses_new_filter_syntax(Query(filter={"title": "a.b"}))
    assert not OUTREACH.uses_new_filter_syntax(
        Query(filter={"title": "a..b"}, new_filter_syntax=False)
    )


def test_typed_values_are_formatted_as_the_api_writes_them() -> None:
    moment = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
    query = Query(filter={"updatedAt": at_least(moment), "optedOut": False, "score": 1.5})
    assert query.encode(dialect=OUTREACH) == (
        "filter[updatedAt]=2024-05-01T12:00:00Z..inf&filter[optedOut]=false&filter[score]=1.5"
    )


def test_reserved_characters_are_percent_encoded() -> None:
    assert (
        Query(filter={"emails": "a+b@x.io"}).encode(dialect=OUTREACH) == "filter[emails]=a%2Bb@x.io"
    )
    assert Query(filter={"name": "A&B=C#"}).encode(dialect=OUTREACH) == "filter[name]=A%26B%3DC%23"


def test_action_params_use_form_encoding_like_the_seed() -> None:
    assert (
        encode_action_params({"completionNote": "I completed this"})
        == "actionParams[completionNote]=I+completed+this"
    )
    assert encode_action_params({"a": True, "skip": None}) == "actionParams[a]=true"


@pytest.mark.parametrize(
    ("kwargs", "error", "names"),
    [
        ({"filter": {"id": []}}, ValueError, "filter[id]"),
        ({"filter": {"account": {"id": []}}}, ValueError, "filter[account][id]"),
        ({"filter": {"id": object()}}, TypeError, "filter[id]"),
        ({"filter": {"id": [1, object()]}}, TypeError, "filter[id]"),
        ({"filter": {"id": b"1"}}, TypeError, "filter[id]"),
        ({"filter": {"name": ""}}, ValueError, "filter[name]"),
        ({"filter": {"at": datetime(2024, 1, 1)}}, ValueError, "filter[at]"),
        ({"filter": {"account": {}}}, ValueError, "filter[account]"),
        ({"filter": ["id"]}, TypeError, "filter"),
        ({"page_size": 1001}, ValueError, "page_size"),
        ({"page_size": 0}, ValueError, "page_size"),
        ({"page_size": "50"}, TypeError, "page_size"),
        ({"sort": [("name", "up")]}, ValueError, "sort"),
        ({"sort": [("name",)]}, ValueError, "sort"),
        ({"sort": [1]}, TypeError, "sort"),
        ({"sort": "bad name"}, ValueError, "sort"),
        ({"include": ["account..owner"]}, ValueError, "include"),
        ({"include": [1]}, TypeError, "include"),
        ({"fields": {"prospect": ["a,b"]}}, ValueError, "fields[prospect]"),
        ({"fields": ["prospect"]}, TypeError, "fields"),
        ({"count": "yes"}, TypeError, "count"),
    ],
)
def test_bad_input_names_the_parameter(
    kwargs: dict[str, Any], error: type[Exception], names: str
) -> None:
    with pytest.raises(error) as caught:
        OUTREACH.check(Query(**kwargs))
    assert str(caught.value).startswith(names)


def test_range_needs_an_end() -> None:
    with pytest.raises(ValueError, match="Range"):
        Range()


async def test_bad_input_raises_before_anything_is_sent(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    with pytest.raises(ValueError, match="page_size"):
        await client.resource("prospect").list(page_size=5000)
    with pytest.raises(ValueError, match=r"filter\[id\]"):
        client.resource("prospect").iterate(filter={"id": []})
    assert mocked.sent == []


async def test_the_client_sends_the_query_byte_for_byte(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    url = f"{BASE}/accounts?newFilterSyntax=true&filter[name][]=Company,%20Inc&page[size]=100"
    mocked.get(url, payload={"data": []}, content_type="application/vnd.api+json")
    await client.resource("account").list(filter={"name": "Company, Inc"})
    assert mocked.sent == [("GET", url)]


# Property: whatever values go in, the decoded query carries them back unchanged.
_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1
)
_scalars = st.one_of(_text, st.integers(), st.booleans())


def _expected(value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


@given(
    name=st.from_regex(r"[a-zA-Z][a-zA-Z0-9]{0,15}", fullmatch=True),
    values=st.lists(_scalars, min_size=1, max_size=5),
)
def test_list_filters_round_trip_in_new_syntax(name: str, values: list[Any]) -> None:
    encoded = Query(filter={name: values}, new_filter_syntax=True).encode(dialect=OUTREACH)
    pairs = parse_qsl(encoded, keep_blank_values=True)
    assert pairs[0] == ("newFilterSyntax", "true")
    assert pairs[1:] == [(f"filter[{name}][]", _expected(value)) for value in values]


@given(value=_scalars)
def test_any_exact_value_round_trips(value: Any) -> None:
    query = Query(filter={"x": value})
    pairs = parse_qsl(query.encode(dialect=OUTREACH), keep_blank_values=True)
    key = "filter[x][]" if OUTREACH.uses_new_filter_syntax(query) else "filter[x]"
    assert pairs[-1] == (key, _expected(value))


@given(low=st.integers(), high=st.integers())
def test_ranges_round_trip_in_both_syntaxes(low: int, high: int) -> None:
    old = parse_qsl(Query(filter={"id": between(low, high)}).encode(dialect=OUTREACH))
    assert old == [("filter[id]", f"{low}..{high}")]
    new = parse_qsl(
        Query(filter={"id": between(low, high)}, new_filter_syntax=True).encode(dialect=OUTREACH)
    )
    assert new[1:] == [("filter[id][gte]", str(low)), ("filter[id][lte]", str(high))]
