"""The shape of the API description in `_spec.py`: resource types, attributes, relationships.

`_spec.py` is generated from the OpenAPI file; these hand-written classes give it a stable,
typed form that both the fake server and the model generator read. The short factories
`attribute()` and `relationship()` keep the generated module to one line per field.
"""

from __future__ import annotations

from typing import Literal

import attrs

JsonType = Literal["string", "integer", "number", "boolean", "array", "object"]
Method = Literal["list", "get", "create", "update", "delete"]

#: Letters of the `flags` argument of `attribute()`.
ATTRIBUTE_FLAGS = {
    "r": "read_only",
    "w": "write_only",
    "f": "filterable",
    "s": "sortable",
    "!": "not nullable",
}
#: Letters of the `flags` argument of `relationship()`.
RELATIONSHIP_FLAGS = {"m": "to_many", "r": "read_only", "l": "links_only"}


@attrs.frozen
class AttributeSpec:
    """One attribute of a resource type, as documented (wire name, JSON type, badges)."""

    name: str
    type: JsonType
    format: str | None = None
    nullable: bool = True
    read_only: bool = False
    write_only: bool = False
    filterable: bool = False
    sortable: bool = False
    max_length: int | None = None
    enum: tuple[str, ...] | None = None
    #: JSON type of the items of an array attribute (None when undocumented).
    items: JsonType | None = None
    items_format: str | None = None


@attrs.frozen
class RelationshipSpec:
    """One relationship of a resource type.

    `links_only` relationships are documented with a `links.related` URL and no `data`;
    their `targets` are inferred from the name. `filter_by` lists the attributes of the
    related resource usable as `filter[name][attr]`: `()` means "cannot be used as a filter",
    `("*",)` any filterable attribute, and None that the documentation does not say.
    """

    name: str
    targets: tuple[str, ...]
    to_many: bool = False
    read_only: bool = False
    links_only: bool = False
    filter_by: tuple[str, ...] | None = None


@attrs.frozen
class ActionSpec:
    """A member (`/{plural}/{id}/actions/{name}`) or collection action."""

    name: str
    #: Accepted `actionParams[...]` names and the required ones among them.
    params: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    #: Attributes of the request body's `data.attributes` (collection actions).
    body: tuple[AttributeSpec, ...] = ()
    #: Type of the returned resource (or schema name without `Response`), None if untyped.
    returns: str | None = None


@attrs.frozen
class ResourceSpec:
    """Everything the API documents about one resource type."""

    type: str
    plural: str
    methods: tuple[Method, ...]
    attributes: tuple[AttributeSpec, ...] = ()
    relationships: tuple[RelationshipSpec, ...] = ()
    member_actions: tuple[ActionSpec, ...] = ()
    collection_actions: tuple[ActionSpec, ...] = ()
    description: str = ""
    _attributes_by_name: dict[str, AttributeSpec] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )
    _relationships_by_name: dict[str, RelationshipSpec] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_attributes_by_name", {a.name: a for a in self.attributes})
        object.__setattr__(self, "_relationships_by_name", {r.name: r for r in self.relationships})

    def attribute(self, name: str) -> AttributeSpec | None:
        return self._attributes_by_name.get(name)

    def relationship(self, name: str) -> RelationshipSpec | None:
        return self._relationships_by_name.get(name)

    def member_action(self, name: str) -> ActionSpec | None:
        return next((a for a in self.member_actions if a.name == name), None)

    def collection_action(self, name: str) -> ActionSpec | None:
        return next((a for a in self.collection_actions if a.name == name), None)


def attribute(
    name: str,
    type: JsonType,
    flags: str = "",
    *,
    format: str | None = None,
    max_length: int | None = None,
    enum: tuple[str, ...] | None = None,
    items: JsonType | None = None,
    items_format: str | None = None,
) -> AttributeSpec:
    """Build an AttributeSpec from compact flags (see ATTRIBUTE_FLAGS)."""
    _check_flags(flags, ATTRIBUTE_FLAGS)
    return AttributeSpec(
        name=name,
        type=type,
        format=format,
        nullable="!" not in flags,
        read_only="r" in flags,
        write_only="w" in flags,
        filterable="f" in flags,
        sortable="s" in flags,
        max_length=max_length,
        enum=enum,
        items=items,
        items_format=items_format,
    )


def relationship(
    name: str,
    targets: tuple[str, ...],
    flags: str = "",
    *,
    filter_by: tuple[str, ...] | None = None,
) -> RelationshipSpec:
    """Build a RelationshipSpec from compact flags (see RELATIONSHIP_FLAGS)."""
    _check_flags(flags, RELATIONSHIP_FLAGS)
    return RelationshipSpec(
        name=name,
        targets=targets,
        to_many="m" in flags,
        read_only="r" in flags,
        links_only="l" in flags,
        filter_by=filter_by,
    )


def _check_flags(flags: str, known: dict[str, str]) -> None:
    unknown = set(flags) - set(known)
    if unknown:
        raise ValueError(f"unknown flags {sorted(unknown)}")
