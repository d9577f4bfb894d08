"""The base class of every generated model, typed references, and the converter hooks.

A model is an attrs class whose fields are the documented attributes and relationships of
one resource type, under snake_case names. Every field defaults to `ABSENT`, so a model read
with a sparse fieldset says which attributes the server left out (`ABSENT`) and which it sent
as null (`None`). Custom fields (`custom1`..`customN`) and attributes the OpenAPI file does
not know go to `extra` under their wire names, relationships it does not know to
`extra_relationships`; both survive a round trip.

Models are structured from generic `Resource`s by a function generated per type (see
`tools/generate_models.py`), registered on the one converter, so
`converter.structure(resource_or_dict, Prospect)` and `converter.unstructure(prospect)`
speak the JSON:API resource object.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from typing import Any, ClassVar, Generic, Literal, TypeVar, cast

import attrs

from .._absent import ABSENT, Absent
from .._converter import converter, format_datetime, parse_date, parse_datetime
from .._repr import Raw, compact_repr, names_first
from ..jsonapi.document import (
    Related,
    Relationship,
    Resource,
    ResourceIdentifier,
    parse_resource,
)

__all__ = [
    "MODELS",
    "AttributeInfo",
    "FieldInfo",
    "LinkInfo",
    "Model",
    "Ref",
    "Schema",
    "model_for",
]

T = TypeVar("T")
M = TypeVar("M", bound="Model")

Operation = Literal["create", "update"]
_CUSTOM_FIELD = re.compile(r"custom\d+")


@attrs.frozen
class Ref(ResourceIdentifier, Generic[T]):
    """A resource identifier that says what it points to: `Ref[Account]`.

    `Account.ref(1)` makes one; `model.resolve(ref)` returns the included resource as a `T`.
    """


@attrs.frozen
class FieldInfo:
    """One field of a model: its Python name, wire name and whether the server owns it."""

    name: str
    wire: str
    read_only: bool = False


@attrs.frozen
class AttributeInfo(FieldInfo):
    """An attribute: write-only (secrets) or not, and how its values travel."""

    write_only: bool = False
    kind: Literal["value", "datetime", "date"] = "value"


@attrs.frozen
class LinkInfo(FieldInfo):
    """A relationship: target types, cardinality, and whether only links are sent."""

    targets: tuple[str, ...] = ()
    to_many: bool = False
    links_only: bool = False


class Schema:
    """The fields of one model, from compact generated tuples.

    Attribute flags: r read-only, w write-only, t date-time, d date. Relationship flags:
    m to-many, r read-only, l links only.
    """

    def __init__(
        self,
        attributes: Iterable[tuple[str, str, str]] = (),
        relationships: Iterable[tuple[str, str, tuple[str, ...], str]] = (),
    ) -> None:
        self.attributes = tuple(
            AttributeInfo(
                name,
                wire,
                read_only="r" in flags,
                write_only="w" in flags,
                kind="datetime" if "t" in flags else "date" if "d" in flags else "value",
            )
            for name, wire, flags in attributes
        )
        self.relationships = tuple(
            LinkInfo(
                name,
                wire,
                read_only="r" in flags,
                targets=targets,
                to_many="m" in flags,
                links_only="l" in flags,
            )
            for name, wire, targets, flags in relationships
        )
        #: Python name -> wire name, for attributes and relationships.
        self.fields: tuple[FieldInfo, ...] = (*self.attributes, *self.relationships)
        self.wire_names = {f.name: f.wire for f in self.fields}
        self.links_by_wire = {link.wire: link for link in self.relationships}
        self.write_only = frozenset(f.name for f in self.attributes if f.write_only)

    def wire(self, name: str) -> str:
        """The wire name of a field given by Python or wire name."""
        return self.wire_names.get(name, name)


#: Model classes by JSON:API type, filled by the generated module.
MODELS: dict[str, type[Model]] = {}
_STRUCTURERS: dict[type[Model], Callable[[Resource], Model]] = {}


@attrs.define(kw_only=True, repr=False)
class Model:
    """Base of the typed models; see the module docstring."""

    TYPE: ClassVar[str] = ""
    PLURAL: ClassVar[str] = ""
    SCHEMA: ClassVar[Schema] = Schema()

    id: int | str | None = None
    #: Custom fields and attributes unknown to the OpenAPI file, by wire name.
    extra: dict[str, Any] = attrs.field(factory=dict)
    #: Relationships unknown to the OpenAPI file (or not shaped as it says), by wire name.
    extra_relationships: dict[str, Relationship] = attrs.field(factory=dict)
    _source: Resource | None = attrs.field(default=None, init=False, eq=False)

    @classmethod
    def ref(cls: type[M], resource_id: int | str) -> Ref[M]:
        """A typed reference to a resource of this type: `Account.ref(1)`."""
        return Ref(cls.TYPE, resource_id)

    @property
    def identifier(self: M) -> Ref[M]:
        """A typed reference to this resource."""
        if self.id is None:
            raise ValueError(f"this {self.TYPE} has no id yet")
        return Ref(self.TYPE, self.id)

    @property
    def resource(self) -> Resource | None:
        """The generic resource this model was read from (None for a model built locally)."""
        return self._source

    def related(self, name: str) -> Related:
        """The related resource(s) as generic resources, as `Resource.related` gives them."""
        if self._source is None:
            raise KeyError(f"this {self.TYPE} was built locally: no response to look in")
        return self._source.related(self.SCHEMA.wire(name))

    def resolve(self, ref: Ref[T] | Absent | None) -> T | None:
        """The resource `ref` points to, as a typed model, when the response included it.

        None when the response did not include it (or `ref` is None or ABSENT).

            prospect = await client.prospects.get(1, include=["account"])
            account = prospect.resolve(prospect.account)   # Account | None
        """
        if self._source is None or not isinstance(ref, ResourceIdentifier):
            return None
        found = self._source.included(ref)
        if found is None:
            return None
        model = MODELS.get(found.type)
        return cast(T, found if model is None else from_resource(found, model))

    def custom(self, number: int) -> Any:
        """Custom field `custom{number}`: its value, or ABSENT when not in the response."""
        return self.extra.get(f"custom{number}", ABSENT)

    def writable(self: M) -> M:
        """A copy holding only what create and update accept.

        Keeps writable attributes and relationships that are present, and custom fields;
        leaves out read-only fields, the id and attributes the OpenAPI file does not know.
        """
        schema = self.SCHEMA
        values: dict[str, Any] = {}
        for field in schema.fields:
            value = getattr(self, field.name)
            if not field.read_only and value is not ABSENT:
                values[field.name] = list(value) if isinstance(value, list) else value
        extra = {key: value for key, value in self.extra.items() if _CUSTOM_FIELD.fullmatch(key)}
        return type(self)(**values, extra=extra)

    def to_json(self) -> dict[str, Any]:
        """The JSON:API resource object, wire names and ISO-8601 times (ABSENT left out)."""
        return model_to_json(self)

    def write_payload(self, operation: Operation) -> tuple[dict[str, Any], dict[str, Any]]:
        """Attributes and relationships to send, refusing read-only fields before sending."""
        schema = self.SCHEMA
        refused = [
            field.name
            for field in schema.fields
            if field.read_only and getattr(self, field.name) is not ABSENT
        ]
        if refused:
            one = len(refused) == 1
            raise ValueError(
                f"{self.TYPE} {operation}: {', '.join(refused)} "
                f"{'is' if one else 'are'} read-only (set by the server); leave "
                f"{'it' if one else 'them'} unset, or send model.writable()"
            )
        if operation == "create" and self.id is not None:
            raise ValueError(f"{self.TYPE} create: the server assigns the id; leave it unset")
        clashes = sorted(set(self.extra) & set(schema.wire_names.values()))
        if clashes:
            raise ValueError(
                f"{self.TYPE} {operation}: extra holds {', '.join(clashes)}, which "
                "are model fields; set them through their attributes"
            )
        attributes = _attributes_json(self)
        relationships: dict[str, Any] = {}
        for link in schema.relationships:
            value = getattr(self, link.name)
            if value is not ABSENT:
                relationships[link.wire] = value
        for name, relationship in self.extra_relationships.items():
            data = relationship.data
            if data is not ABSENT and name not in relationships:
                relationships[name] = data
        return attributes, relationships

    def __repr__(self) -> str:
        """`Prospect(id=1, first_name='Sally', ...)`: set fields only (not ABSENT, not None)."""
        schema = self.SCHEMA

        def shown() -> Iterator[tuple[str, Any]]:
            for field in schema.fields:
                value = getattr(self, field.name)
                if value is ABSENT or value is None:
                    continue
                yield field.name, Raw("<hidden>") if field.name in schema.write_only else value
            for key, value in self.extra.items():
                if value is not None:
                    yield key, value

        head = [("id", self.id)] if self.id is not None else []
        return compact_repr(type(self).__name__, [*head, *names_first(shown())])


def register(model: type[M], structure: Callable[[Resource], M]) -> None:
    """Make `model` the typed form of its resource type (called by the generated module)."""
    MODELS[model.TYPE] = model
    _STRUCTURERS[model] = structure


def model_for(resource_type: str) -> type[Model] | None:
    """The model class of a JSON:API type, None for types the OpenAPI file does not know."""
    return MODELS.get(resource_type)


def from_resource(resource: Resource, model: type[M]) -> M:
    """The typed form of a generic resource; a value that breaks its type is a ValueError."""
    if resource.type != model.TYPE:
        raise ValueError(f"expected a {model.TYPE}, got a {resource.type} (id {resource.id})")
    try:
        return cast(M, _STRUCTURERS[model](resource))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{resource.type} {resource.id}: {exc}") from None


# Helpers of the generated structure functions: small, and called once per field. -----------


def new(model: type[M]) -> M:
    """An instance without running `__init__`; the caller sets every field."""
    return model.__new__(model)


def finish(model: Model, resource: Resource, extra: dict[str, Any], rest: dict[str, Any]) -> None:
    """Set the fields every model shares, once the typed fields are set."""
    model.id = resource.id
    model.extra = extra
    if rest and not all(isinstance(value, Relationship) for value in rest.values()):
        built = resource.relationships  # rare: relationships the schema does not know
        rest = {name: built[name] for name in rest}
    model.extra_relationships = rest
    model._source = resource


def to_datetime(value: Any, name: str) -> datetime | Absent | None:
    if value is ABSENT or value is None:
        return value
    try:
        return parse_datetime(value)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name}: {exc}") from None


def to_date(value: Any, name: str) -> date | Absent | None:
    if value is ABSENT or value is None:
        return value
    try:
        return parse_date(value)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name}: {exc}") from None


def to_one(relationships: dict[str, Any], name: str) -> Any:
    """The typed linkage of a to-one relationship, popped from `relationships`.

    Entries are `Relationship`s or decoded relationship objects not checked yet (see
    `relationship_entries`); a malformed one is a ValueError naming it. Linkage of the
    other cardinality stays in `relationships` (then `extra_relationships`).
    """
    relationship = relationships.pop(name, None)
    if relationship is None:
        return ABSENT
    if type(relationship) is dict:
        data = relationship.get("data", ABSENT)
        if type(data) is dict:
            return _ref(data, name)
        if type(data) is not list and data is not None and data is not ABSENT:
            raise ValueError(f"{name}: linkage must be an object, an array or null")
    elif isinstance(relationship, Relationship):
        data = relationship.data
        if isinstance(data, ResourceIdentifier):
            return Ref(data.type, data.id, data.meta)
    else:
        raise ValueError(f"{name}: a relationship must be an object")
    if data is None or data is ABSENT:
        return data
    relationships[name] = relationship
    return ABSENT


def to_many(relationships: dict[str, Any], name: str) -> Any:
    """The typed linkage of a to-many relationship, popped from `relationships`."""
    relationship = relationships.pop(name, None)
    if relationship is None:
        return ABSENT
    if type(relationship) is dict:
        data = relationship.get("data", ABSENT)
        if data is ABSENT:
            return ABSENT
        if type(data) is list:
            return [_ref(item, name) for item in data]
        if type(data) is not dict and data is not None:
            raise ValueError(f"{name}: linkage must be an object, an array or null")
    elif isinstance(relationship, Relationship):
        data = relationship.data
        if isinstance(data, list):
            return [Ref(item.type, item.id, item.meta) for item in data]
        if data is ABSENT:
            return ABSENT
    else:
        raise ValueError(f"{name}: a relationship must be an object")
    relationships[name] = relationship
    return ABSENT


def _ref(item: Any, name: str) -> Ref[Any]:
    """A decoded resource identifier as a `Ref`, after checking it is one."""
    if type(item) is dict:
        resource_type = item.get("type")
        resource_id = item.get("id")
        meta = item.get("meta")
        if (
            type(resource_type) is str
            and (type(resource_id) is int or type(resource_id) is str)
            and (meta is None or type(meta) is dict)
        ):
            return Ref(resource_type, resource_id, meta)
    raise ValueError(f"{name}: linkage needs a string type and a string or integer id")


# Converter hooks. -----------------------------------------------------------------------


def _wire_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return converter.unstructure(value)


def _attributes_json(model: Model) -> dict[str, Any]:
    attributes: dict[str, Any] = {}
    for field in model.SCHEMA.attributes:
        value = getattr(model, field.name)
        if value is not ABSENT:
            attributes[field.wire] = _wire_value(value)
    for name, value in model.extra.items():
        attributes[name] = _wire_value(value)
    return attributes


def _linkage_json(value: Any) -> Any:
    if isinstance(value, list):
        return [item.to_json() for item in value]
    return None if value is None else value.to_json()


def model_to_json(model: Model) -> dict[str, Any]:
    """The JSON:API resource object of a model (the converter's unstructure hook)."""
    result: dict[str, Any] = {"type": model.TYPE}
    if model.id is not None:
        result["id"] = model.id
    attributes = _attributes_json(model)
    if attributes:
        result["attributes"] = attributes
    relationships: dict[str, Any] = {}
    for link in model.SCHEMA.relationships:
        value = getattr(model, link.name)
        if value is not ABSENT:
            relationships[link.wire] = {"data": _linkage_json(value)}
    for name, relationship in model.extra_relationships.items():
        relationships[name] = converter.unstructure(relationship)
    if relationships:
        result["relationships"] = relationships
    return result


def _is_model_class(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, Model) and cls is not Model


def _structure_model(value: Any, model: type[Model]) -> Model:
    resource = value if isinstance(value, Resource) else parse_resource(value, where=model.TYPE)
    return from_resource(resource, model)


converter.register_structure_hook_func(_is_model_class, _structure_model)
converter.register_unstructure_hook_func(_is_model_class, model_to_json)
