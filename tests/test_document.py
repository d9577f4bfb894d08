"""Documents parse into models; `included` resources are stitched onto relationships."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outreach_async import Document, Resource, ResourceIdentifier, TransportError, parse_document
from outreach_async.jsonapi.document import ABSENT, Links

SEED_INCLUDE = {
    "data": {
        "type": "prospect",
        "id": 1,
        "attributes": {"firstName": "Sally", "lastName": None},
        "relationships": {
            "account": {"data": {"type": "account", "id": 1}},
            "stage": {"data": {"type": "stage", "id": 1}},
            "mailings": {
                "links": {
                    "related": "https://api.outreach.io/api/v2/mailings?filter[prospect][id]=1"
                }
            },
        },
    },
    "included": [
        {
            "type": "account",
            "id": 1,
            "attributes": {"domain": "www.acme.example.com", "name": "Acme"},
            "relationships": {"owner": {"data": {"type": "user", "id": 1}}},
        },
        {"type": "stage", "id": 1, "attributes": {"name": "Initial", "order": 1}},
        {"type": "user", "id": 1, "attributes": {"email": "test-user@example.com"}},
    ],
}


def test_seed_include_example_resolves_nested_relationships() -> None:
    document = parse_document(SEED_INCLUDE)
    prospect = document.data
    assert isinstance(prospect, Resource)
    assert prospect["firstName"] == "Sally"
    account = prospect.related("account")
    assert isinstance(account, Resource)
    assert account["name"] == "Acme"
    owner = account.related("owner")
    assert isinstance(owner, Resource)
    assert owner["email"] == "test-user@example.com"
    stage = prospect.related("stage")
    assert isinstance(stage, Resource) and stage["order"] == 1


def test_links_only_relationship_has_absent_data() -> None:
    prospect = parse_document(SEED_INCLUDE).resources[0]
    mailings = prospect.relationships["mailings"]
    assert mailings.data is ABSENT
    assert mailings.links is not None
    assert (
        mailings.links.related == "https://api.outreach.io/api/v2/mailings?filter[prospect][id]=1"
    )
    with pytest.raises(KeyError, match="mailings"):
        prospect.related("mailings")


def test_without_included_the_identifier_comes_back() -> None:
    document = parse_document(
        {
            "data": {
                "type": "prospect",
                "id": 2,
                "relationships": {
                    "account": {"data": {"type": "account", "id": "9"}},
                    "owner": {"data": None},
                    "tags": {"data": []},
                },
            }
        }
    )
    prospect = document.resources[0]
    assert prospect.related("account") == ResourceIdentifier("account", "9")
    assert prospect.related("owner") is None
    assert prospect.related("tags") == []


def test_ids_match_whether_sent_as_strings_or_numbers() -> None:
    document = parse_document(
        {
            "data": [
                {
                    "type": "prospect",
                    "id": "1",
                    "relationships": {"account": {"data": {"type": "account", "id": 7}}},
                }
            ],
            "included": [{"type": "account", "id": "7", "attributes": {"name": "A"}}],
        }
    )
    account = document.resources[0].related("account")
    assert isinstance(account, Resource) and account["name"] == "A"


def test_to_many_mixes_included_and_bare_identifiers() -> None:
    document = parse_document(
        {
            "data": {
                "type": "sequence",
                "id": 1,
                "relationships": {
                    "sequenceSteps": {
                        "data": [
                            {"type": "sequenceStep", "id": 1},
                            {"type": "sequenceStep", "id": 2},
                        ]
                    }
                },
            },
            "included": [{"type": "sequenceStep", "id": 2, "attributes": {"order": 2}}],
        }
    )
    steps = document.resources[0].related("sequenceSteps")
    assert isinstance(steps, list)
    assert steps[0] == ResourceIdentifier("sequenceStep", 1)
    assert isinstance(steps[1], Resource) and steps[1]["order"] == 2


def test_cycles_resolve_without_recursion() -> None:
    document = parse_document(
        {
            "data": {
                "type": "account",
                "id": 1,
                "relationships": {"owner": {"data": {"type": "user", "id": 5}}},
            },
            "included": [
                {
                    "type": "user",
                    "id": 5,
                    "relationships": {"accounts": {"data": [{"type": "account", "id": 1}]}},
                }
            ],
        }
    )
    account = document.resources[0]
    owner = account.related("owner")
    assert isinstance(owner, Resource)
    [back] = owner.related("accounts")  # type: ignore[misc]
    assert back is account
    assert "owner" in repr(account)


def test_primary_data_resolves_against_other_primary_resources() -> None:
    document = parse_document(
        {
            "data": [
                {
                    "type": "user",
                    "id": 1,
                    "relationships": {"manager": {"data": {"type": "user", "id": 2}}},
                },
                {"type": "user", "id": 2, "attributes": {"name": "Boss"}},
            ]
        }
    )
    manager = document.resources[0].related("manager")
    assert isinstance(manager, Resource) and manager["name"] == "Boss"


def test_unknown_attributes_and_absent_versus_null() -> None:
    resource = parse_document(
        {
            "data": {
                "type": "prospect",
                "id": 1,
                "attributes": {"lastName": None, "custom42": "kept", "brandNewField": {"x": 1}},
            }
        }
    ).resources[0]
    assert resource["custom42"] == "kept"
    assert resource["brandNewField"] == {"x": 1}
    assert "lastName" in resource.attributes and resource["lastName"] is None
    assert "firstName" not in resource.attributes
    with pytest.raises(KeyError, match="sparse fieldset"):
        resource["firstName"]
    assert resource.get("firstName", "n/a") == "n/a"


def test_links_and_meta_are_parsed() -> None:
    document = parse_document(
        {
            "data": [],
            "links": {"first": "f", "next": "n", "self": "s", "custom": "c"},
            "meta": {"count": 53, "count_truncated": False},
        }
    )
    assert document.links == Links(self_="s", first="f", next="n", extra={"custom": "c"})
    assert document.meta["count"] == 53
    assert document.resources == []


@pytest.mark.parametrize(
    ("payload", "where"),
    [
        ([], "document"),
        ({"data": [{"id": 1}]}, "/data/0"),
        ({"data": {"type": "x", "id": [1]}}, "/data/id"),
        ({"data": {"type": "x", "attributes": []}}, "/data/attributes"),
        ({"data": {"type": "x", "relationships": []}}, "/data/relationships"),
        ({"data": [], "included": {}}, "/included"),
        ({"data": [], "links": "x"}, "/links"),
        ({"data": [], "meta": 3}, "/meta"),
    ],
)
def test_malformed_documents_raise_transport_error_saying_where(payload: Any, where: str) -> None:
    with pytest.raises(TransportError, match=where):
        parse_document(payload, where="GET /x")


@pytest.mark.parametrize(
    ("relationship", "where"),
    [
        ({"data": {"type": "y"}}, "/data/1/relationships/a/data"),
        ({"data": [{"type": "y", "id": 1}, {"id": 2}]}, "/data/1/relationships/a/data/1"),
        ({"data": 3}, "/data/1/relationships/a/data"),
        ("x", "/data/1/relationships/a"),
        ({"data": None, "meta": []}, "/data/1/relationships/a/meta"),
    ],
)
def test_a_malformed_relationship_raises_when_read_saying_where(
    relationship: Any, where: str
) -> None:
    good = {"type": "x", "id": 1, "attributes": {"name": "kept"}}
    bad = {"type": "x", "id": 2, "attributes": {"name": "also"}}
    bad["relationships"] = {"a": relationship}
    first, second = parse_document({"data": [good, bad]}).resources
    assert second["name"] == "also"  # attributes read without touching relationships
    assert "Resource(type='x', id=2" in repr(second)
    for read in (lambda: second.relationships, lambda: second.related("a")):
        with pytest.raises(TransportError, match=f"malformed JSON:API document: {where}"):
            read()
    assert first.relationships == {}


def test_resource_serialises_back_to_the_wire_form() -> None:
    document = parse_document(SEED_INCLUDE)
    assert document.resources[0].to_json() == SEED_INCLUDE["data"]


# Property: any well-formed document survives parse -> unstructure -> parse unchanged.
_ids = st.one_of(st.integers(min_value=1, max_value=10_000), st.text(min_size=1, max_size=5))
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
_identifier = st.fixed_dictionaries({"type": st.sampled_from(["account", "user"]), "id": _ids})
_relationship = st.one_of(
    st.fixed_dictionaries(
        {"data": st.one_of(st.none(), _identifier, st.lists(_identifier, max_size=3))}
    ),
    st.fixed_dictionaries({"links": st.fixed_dictionaries({"related": st.text(max_size=10)})}),
)
_resource = st.fixed_dictionaries(
    {"type": st.sampled_from(["prospect", "account", "user"]), "id": _ids},
    optional={
        "attributes": st.dictionaries(
            st.text(min_size=1, max_size=8), _json, min_size=1, max_size=4
        ),
        "relationships": st.dictionaries(
            st.text(min_size=1, max_size=8), _relationship, min_size=1, max_size=3
        ),
        "meta": st.dictionaries(st.text(max_size=5), _json, min_size=1, max_size=2),
    },
)
_document = st.fixed_dictionaries(
    {"data": st.one_of(st.none(), _resource, st.lists(_resource, max_size=4))},
    optional={
        "included": st.lists(_resource, min_size=1, max_size=4),
        "meta": st.dictionaries(st.text(max_size=5), _json, min_size=1, max_size=2),
    },
)


@given(_document)
def test_documents_round_trip(payload: dict[str, Any]) -> None:
    from outreach_async._converter import converter

    document = parse_document(payload)
    again = converter.unstructure(document)
    assert again == payload
    assert parse_document(again) == document
    assert isinstance(document, Document)
