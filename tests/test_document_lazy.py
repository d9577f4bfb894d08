"""Lazy parsing gives the same values as building every object at once."""

from __future__ import annotations

import gc
import weakref
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_async import Resource, TransportError, parse_document
from outreach_async.jsonapi.document import relationship_entries, resource_object
from outreach_async.models import Prospect
from outreach_async.models._base import from_resource

values = st.none() | st.booleans() | st.integers() | st.text(max_size=5)
metas = st.none() | st.dictionaries(st.text(max_size=3), values, max_size=2)
ids = st.integers(min_value=1, max_value=5) | st.sampled_from(["1", "2", "x"])
types = st.sampled_from(["prospect", "account", "user", "mailing"])


@st.composite
def identifiers(draw: st.DrawFn) -> dict[str, Any]:
    identifier: dict[str, Any] = {"type": draw(types), "id": draw(ids)}
    meta = draw(metas)
    if meta is not None:
        identifier["meta"] = meta
    return identifier


link_values = st.text(max_size=8) | st.builds(lambda href: {"href": href}, st.text(max_size=8))
links = st.dictionaries(
    st.sampled_from(["self", "related", "first", "next", "prev", "last", "describedby"]),
    link_values | st.none(),
    max_size=3,
)


@st.composite
def relationships(draw: st.DrawFn) -> dict[str, Any]:
    relationship: dict[str, Any] = {}
    shape = draw(st.sampled_from(["none", "one", "many", "absent"]))
    if shape == "none":
        relationship["data"] = None
    elif shape == "one":
        relationship["data"] = draw(identifiers())
    elif shape == "many":
        relationship["data"] = draw(st.lists(identifiers(), max_size=3))
    if shape == "absent" or draw(st.booleans()):
        relationship["links"] = draw(links)
    meta = draw(metas)
    if meta is not None:
        relationship["meta"] = meta
    return relationship


relationship_names = st.sampled_from(["account", "owner", "mailings", "stage", "brandNew"])


@st.composite
def resources(draw: st.DrawFn) -> dict[str, Any]:
    resource: dict[str, Any] = {"type": draw(types), "id": draw(ids)}
    if draw(st.booleans()):
        resource["attributes"] = draw(
            st.dictionaries(st.sampled_from(["firstName", "custom1", "x"]), values, max_size=3)
        )
    if draw(st.booleans()):
        resource["relationships"] = draw(
            st.dictionaries(relationship_names, relationships(), max_size=4)
        )
    if draw(st.booleans()):
        resource["links"] = draw(links)
    meta = draw(metas)
    if meta is not None:
        resource["meta"] = meta
    return resource


documents = st.fixed_dictionaries(
    {"data": st.lists(resources(), max_size=4)},
    optional={"included": st.lists(resources(), max_size=3), "links": links},
)


class _NotPlainDict(dict):  # type: ignore[type-arg]
    """A dict the fast path does not take: the checking path builds every object at once."""


def eager(document: dict[str, Any]) -> dict[str, Any]:
    return {
        **document,
        "data": [_NotPlainDict(item) for item in document["data"]],
        "included": [_NotPlainDict(item) for item in document.get("included", [])],
    }


def same_related(lazy: Resource, built: Resource, name: str) -> None:
    try:
        expected: Any = built.related(name)
    except KeyError:
        expected = KeyError
    try:
        found: Any = lazy.related(name)
    except KeyError:
        found = KeyError
    assert found == expected


@settings(max_examples=200)
@given(documents)
def test_lazy_resources_read_the_same_as_eager_ones(document: dict[str, Any]) -> None:
    lazy = parse_document(document)
    built = parse_document(eager(document))
    assert lazy.links == built.links
    for one, other in zip(
        [*lazy.resources, *lazy.included], [*built.resources, *built.included], strict=True
    ):
        for name in ("account", "owner", "mailings", "stage", "brandNew"):
            same_related(one, other, name)  # before anything else is built
        assert one.to_json() == other.to_json()
        assert (one.type, one.id, one.attributes, one.meta) == (
            other.type,
            other.id,
            other.attributes,
            other.meta,
        )
        assert one.relationships == other.relationships
        assert one.links == other.links
        assert one == other


@settings(max_examples=200)
@given(documents)
def test_typed_models_structure_the_same_from_lazy_and_eager_resources(
    document: dict[str, Any],
) -> None:
    for item in document["data"]:
        item["type"] = "prospect"
    lazy = parse_document(document).resources
    built = parse_document(eager(document)).resources
    for one, other in zip(lazy, built, strict=True):
        assert from_resource(one, Prospect) == from_resource(other, Prospect)
        assert from_resource(one, Prospect).to_json() == from_resource(other, Prospect).to_json()


@given(documents)
def test_a_lazy_resource_writes_out_the_object_it_was_decoded_from(
    document: dict[str, Any],
) -> None:
    for resource, item in zip(parse_document(document).resources, document["data"], strict=True):
        assert resource_object(resource) is item


def sally(**more: Any) -> dict[str, Any]:
    """A document of one prospect with an attribute and a to-one relationship."""
    prospect = {
        "type": "prospect",
        "id": 1,
        "attributes": {"firstName": "Sally"},
        "relationships": {"account": {"data": {"type": "account", "id": 2}}},
    }
    return {"data": [{**prospect, **more}]}


def test_nothing_is_built_until_it_is_read() -> None:
    document = sally()
    resource = parse_document(document).resources[0]
    entries = relationship_entries(resource)
    assert entries == {"account": {"data": {"type": "account", "id": 2}}}  # as decoded
    assert resource.attributes is document["data"][0]["attributes"]
    assert resource.related("account").id == 2  # type: ignore[union-attr]
    assert relationship_entries(resource)["account"] == entries["account"]  # still not built
    assert resource.relationships["account"].data.id == 2  # type: ignore[union-attr]
    assert relationship_entries(resource) == resource.relationships  # built now, and kept


def test_replacing_relationships_keeps_the_links_and_writes_the_new_form() -> None:
    document = {
        "data": [
            {
                "type": "prospect",
                "id": 1,
                "relationships": {"owner": {"data": None}},
                "links": {"self": "https://api.outreach.io/api/v2/prospects/1"},
            }
        ]
    }
    resource = parse_document(document).resources[0]
    resource.relationships = {}
    assert resource.links is not None and str(resource.links.self_).endswith("/prospects/1")
    assert resource_object(resource) == {
        "type": "prospect",
        "id": 1,
        "links": {"self": "https://api.outreach.io/api/v2/prospects/1"},
    }


SEED = {
    "data": [
        {
            "type": "prospect",
            "id": 1,
            "relationships": {"account": {"data": {"type": "account", "id": 7}}},
        }
    ],
    "included": [
        {
            "type": "account",
            "id": 7,
            "attributes": {"name": "Acme"},
            "relationships": {"prospects": {"data": [{"type": "prospect", "id": 1}]}},
        }
    ],
}


def test_a_dropped_document_is_freed_without_the_garbage_collector() -> None:
    gc.disable()
    try:
        document = parse_document(SEED)
        prospect = weakref.ref(document.resources[0])
        account = weakref.ref(document.included[0])
        del document
        assert prospect() is None and account() is None  # no reference cycle held them
    finally:
        gc.enable()


def test_a_resource_kept_alone_still_resolves_what_was_included() -> None:
    document = parse_document(SEED)
    assert document.resources[0].related("account") is document.included[0]
    prospect = document.resources[0]
    del document
    account = prospect.related("account")
    assert isinstance(account, Resource) and account["name"] == "Acme"
    assert account.related("prospects") == [prospect]  # the cycle of the document resolves


def test_evolve_keeps_relationships_and_links_never_read() -> None:
    document = sally(links={"self": "https://api.outreach.io/api/v2/prospects/1"})
    resource = parse_document(document).resources[0]
    copy = attrs.evolve(resource, attributes={"firstName": "Sal"})
    assert copy["firstName"] == "Sal" and resource["firstName"] == "Sally"
    assert copy.relationships == parse_document(document).resources[0].relationships
    assert copy.links is not None and str(copy.links.self_).endswith("/prospects/1")
    assert resource_object(copy)["attributes"] == {"firstName": "Sal"}


_malformed_linkage = st.sampled_from(
    [{"type": "user"}, {"id": 1}, {"type": 1, "id": 1}, {"type": "user", "id": True}, 3, "x"]
)


@st.composite
def malformed_relationships(draw: st.DrawFn) -> Any:
    shape = draw(st.sampled_from(["one", "many", "meta", "links", "scalar"]))
    if shape == "one":
        return {"data": draw(_malformed_linkage)}
    if shape == "many":
        good = draw(st.lists(identifiers(), max_size=2))
        return {"data": [*good, draw(_malformed_linkage)]}
    if shape == "meta":
        return {"data": None, "meta": draw(st.sampled_from([[], 1, "x"]))}
    if shape == "links":
        return {"links": draw(st.sampled_from([[], 1, "x"]))}
    return draw(st.sampled_from([[], 1, "x", None, True]))


@settings(max_examples=200)
@given(resources(), relationship_names, malformed_relationships(), st.integers(0, 2))
def test_a_malformed_relationship_fails_when_read_as_it_fails_when_parsed_eagerly(
    resource: dict[str, Any], name: str, relationship: Any, position: int
) -> None:
    resource.setdefault("relationships", {})[name] = relationship
    data = [{"type": "account", "id": n} for n in range(position)]
    document = {"data": [*data, resource]}
    with pytest.raises(TransportError) as eagerly:
        parse_document(eager(document))
    lazy = parse_document(document).resources[-1]  # parsed without looking at relationships
    assert lazy.attributes == resource.get("attributes", {})
    with pytest.raises(TransportError) as when_read:
        _ = lazy.relationships
    pointer = f"/data/{position}/relationships/{name}"
    assert pointer in str(eagerly.value) and pointer in str(when_read.value)
    assert str(when_read.value).split("document: ")[1] == str(eagerly.value).split("document: ")[1]
