"""JSON:API documents as attrs models, and the resolver that stitches `included` onto them.

A document indexes its `included` resources once, by (type, id). Every resource parsed from
that document shares the index, so `resource.related("account")` returns the full included
account when the server sent it and the bare identifier otherwise; nested includes
(`account.owner`) and cycles resolve the same way, one lookup per step. The index keeps the
decoded objects and only weak references to the resources built from them, so a document
holds no reference cycle: a page is freed the moment it is dropped, not at the next run of
the garbage collector (a resource kept alone still resolves its related resources).

A relationship may carry only `links` or `meta` and no linkage; `related()` then raises
`LinkageMissing` naming its `related` link, which the resource manager's `fetch_related()`
reads. Top-level `meta` and `jsonapi` members are kept as they came.

Attributes the client has never heard of are kept as they came. An attribute left out by a
sparse fieldset is absent (`"name" not in resource.attributes`), which is not the same as an
attribute the server sent as null.

Parsing is lazy where it can be: a page of 1,000 resources with 20 relationships each would
otherwise build 60,000 objects that most callers never look at. A parsed resource keeps its
decoded resource object; `attributes` is its attribute dict as decoded, and the
`Relationship`, `ResourceIdentifier` and `Links` objects are built the first time they are
read. The structure is still checked in full when the document is parsed, so a malformed
document fails there, as before.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, TypeGuard

import attrs

from .._absent import ABSENT, Absent
from .._converter import converter
from .._repr import Raw, compact_repr, names_first
from ..errors import LinkageMissing, TransportError

__all__ = [
    "Document",
    "Links",
    "Related",
    "Relationship",
    "Resource",
    "ResourceIdentifier",
    "parse_document",
    "parse_resource",
    "resource_object",
]

ResourceKey = tuple[str, str]
_NO_INDEX: Mapping[ResourceKey, Resource] = {}


def _key(resource_type: str, resource_id: object) -> ResourceKey:
    return (resource_type, str(resource_id))


@attrs.frozen
class ResourceIdentifier:
    """A reference to a resource: its type and id."""

    type: str
    id: int | str
    meta: Mapping[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        """The `{"type", "id"}` linkage object, as sent in relationships."""
        return {"type": self.type, "id": self.id}


@attrs.frozen
class Links:
    """Top-level or resource links. Pagination reads `next`; `self_` is the `self` link."""

    self_: str | None = None
    related: str | None = None
    first: str | None = None
    prev: str | None = None
    next: str | None = None
    last: str | None = None
    extra: Mapping[str, Any] = attrs.field(default=MappingProxyType({}))


Linkage = ResourceIdentifier | list[ResourceIdentifier] | None | Absent


@attrs.frozen
class Relationship:
    """A relationship object: linkage `data` (one, many, null or absent), `links`, `meta`."""

    data: Linkage = ABSENT
    links: Links | None = None
    meta: Mapping[str, Any] | None = None

    @property
    def is_to_many(self) -> bool:
        """True when `data` is a list (a to-many relationship)."""
        return isinstance(self.data, list)

    def identifiers(self) -> list[ResourceIdentifier]:
        """The linked identifiers as a list, whatever the cardinality."""
        if isinstance(self.data, list):
            return list(self.data)
        if isinstance(self.data, ResourceIdentifier):
            return [self.data]
        return []


class _Unbuilt:
    """Decoded JSON kept as it came, turned into objects (and checked) when first read.

    `where` is its JSON pointer in the document, for the error a malformed part raises then.
    `attrs.evolve` passes it on as it is, so a copy builds the same objects.
    """

    __slots__ = ("raw", "where")

    def __init__(self, raw: dict[str, Any], where: str) -> None:
        self.raw = raw
        self.where = where

    def relationships(self) -> dict[str, Relationship]:
        try:
            return {name: _relationship_fast(entry) for name, entry in self.raw.items()}
        except _NotPlain:
            return {name: self.relationship(name) for name in self.raw}

    def relationship(self, name: str) -> Relationship:
        entry = self.raw[name]
        try:
            return _relationship_fast(entry)
        except _NotPlain:
            try:
                return _relationship(entry, f"{self.where}/relationships/{name}")
            except _Malformed as exc:
                raise TransportError(
                    f"malformed JSON:API document: {exc}", retryable=False
                ) from None

    def links(self) -> Links:
        return _links_fast(self.raw)


@attrs.define(eq=False, repr=False)
class Resource:
    """A resource object. `resource["firstName"]` reads an attribute.

    A parsed resource builds its relationships and links when they are first read; a
    relationship that breaks JSON:API raises `TransportError` then, naming where it is.
    """

    type: str
    id: int | str | None = None
    attributes: dict[str, Any] = attrs.field(factory=dict)
    _relationships: dict[str, Relationship] | _Unbuilt = attrs.field(
        factory=dict, alias="relationships"
    )
    _links: Links | _Unbuilt | None = attrs.field(default=None, alias="links")
    meta: Mapping[str, Any] | None = None
    _index: Mapping[ResourceKey, Resource] = attrs.field(
        default=_NO_INDEX, repr=False, alias="index"
    )
    #: The decoded resource object this resource was parsed from (None if built in code).
    _source: dict[str, Any] | None = attrs.field(default=None, init=False, repr=False)

    @property
    def relationships(self) -> dict[str, Relationship]:
        built = self._relationships
        if type(built) is _Unbuilt:
            built = self._relationships = built.relationships()
        return built  # type: ignore[return-value]

    @relationships.setter
    def relationships(self, value: dict[str, Relationship]) -> None:
        self._source = None  # no longer what was decoded
        self._relationships = value

    @property
    def links(self) -> Links | None:
        built = self._links
        if type(built) is _Unbuilt:
            built = self._links = built.links()
        return built  # type: ignore[return-value]

    @links.setter
    def links(self, value: Links | None) -> None:
        self._source = None
        self._links = value

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Resource):
            return NotImplemented
        return (
            self.type == other.type
            and self.id == other.id
            and self.attributes == other.attributes
            and self.relationships == other.relationships
            and self.links == other.links
            and self.meta == other.meta
        )

    __hash__ = None  # type: ignore[assignment]

    def __getitem__(self, attribute: str) -> Any:
        try:
            return self.attributes[attribute]
        except KeyError:
            raise KeyError(
                f"{self.type} {self.id} has no attribute {attribute!r} in this response "
                "(left out by a sparse fieldset, or unknown to the API)"
            ) from None

    def get(self, attribute: str, default: Any = None) -> Any:
        """An attribute, or `default` when the response did not carry it."""
        return self.attributes.get(attribute, default)

    @property
    def identifier(self) -> ResourceIdentifier:
        """This resource's type and id, as a `ResourceIdentifier`."""
        if self.id is None:
            raise ValueError(f"this {self.type} has no id yet")
        return ResourceIdentifier(self.type, self.id)

    def related(self, name: str) -> Related:
        """The related resource(s): included resources where sent, identifiers otherwise.

        Returns None for an empty to-one relationship. Raises `LinkageMissing` (a
        `KeyError`) when the response did not carry the relationship's linkage: the message
        and its `related_url` name the `related` link where the server gave one.
        """
        relationship = self._relationship(name)
        if relationship is None:
            raise LinkageMissing(f"{self.type} {self.id} carries no relationship {name!r}")
        if relationship.data is ABSENT:
            raise _linkage_missing(self, name, relationship)
        data = relationship.data
        if isinstance(data, list):
            return [self._resolve(identifier) for identifier in data]
        if isinstance(data, ResourceIdentifier):
            return self._resolve(data)
        return None

    def included(self, identifier: ResourceIdentifier) -> Resource | None:
        """The resource of this response (primary or included) that `identifier` names."""
        return self._index.get(_key(identifier.type, identifier.id))

    def _relationship(self, name: str) -> Relationship | None:
        """One relationship, without building the others when none was read yet."""
        built = self._relationships
        if type(built) is _Unbuilt:
            return built.relationship(name) if name in built.raw else None
        return built.get(name)  # type: ignore[union-attr]

    def _resolve(self, identifier: ResourceIdentifier) -> Resource | ResourceIdentifier:
        return self._index.get(_key(identifier.type, identifier.id), identifier)

    def to_json(self) -> dict[str, Any]:
        """The resource object as the API writes it."""
        return converter.unstructure(self)  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        """`Resource(type='prospect', id=1, firstName='Sally', ...)`: non-null fields only."""
        fields: list[tuple[str, Any]] = [("type", self.type)]
        if self.id is not None:
            fields.append(("id", self.id))
        fields += names_first((k, v) for k, v in self.attributes.items() if v is not None)
        try:
            relationships = self.relationships
        except TransportError:
            relationships = {}  # malformed: reading them says so, a repr does not
        for name, relationship in relationships.items():
            data = relationship.data
            if isinstance(data, ResourceIdentifier):
                fields.append((name, Raw(f"<{data.type} {data.id}>")))
            elif isinstance(data, list) and data:
                fields.append((name, Raw(f"<{len(data)} {data[0].type}>")))
        return compact_repr("Resource", fields)


def relationship_entries(resource: Resource) -> dict[str, Relationship | Any]:
    """A new dict of the relationships: built (`Relationship`) where they were read already,
    else as decoded and not yet checked (the reader checks what it uses). For structuring
    typed models without building objects they drop at once."""
    built = resource._relationships
    if type(built) is _Unbuilt:
        return dict(built.raw)
    return dict(built)  # type: ignore[arg-type]


def resource_object(resource: Resource) -> Mapping[str, Any]:
    """The resource object as decoded from the response, for writing it out unchanged.

    Its attributes are the resource's as they are now; a resource built in code, or whose
    relationships or links were replaced, gives `to_json()`. Do not modify the result.
    """
    source = resource._source
    if source is None:
        return resource.to_json()
    attributes = source.get("attributes")
    if attributes is not resource.attributes and (attributes is not None or resource.attributes):
        return resource.to_json()  # the attributes were replaced
    return source


Related = Resource | ResourceIdentifier | list[Resource | ResourceIdentifier] | None


def _linkage_missing(resource: Resource, name: str, relationship: Relationship) -> LinkageMissing:
    related = relationship.links.related if relationship.links else None
    what = f"{resource.type} {resource.id}: relationship {name!r} carries no linkage (data)"
    if related:
        return LinkageMissing(
            f"{what}, only a related link ({related}); include it or read it with "
            f"fetch_related(resource, {name!r})",
            related,
        )
    carried = "meta only" if relationship.meta else "neither links nor data"
    return LinkageMissing(f"{what}, {carried}; ask for it with include={name!r}")


@attrs.define
class Document:
    """A top-level JSON:API document."""

    data: Resource | list[Resource] | None = None
    included: list[Resource] = attrs.field(factory=list)
    links: Links = attrs.field(factory=Links)
    meta: dict[str, Any] = attrs.field(factory=dict)
    #: The top-level `jsonapi` object (`{"version": "1.0"}`), when the server sent one.
    jsonapi: dict[str, Any] | None = None

    @property
    def resources(self) -> list[Resource]:
        """Primary data as a list: one resource, many, or none."""
        if self.data is None:
            return []
        if isinstance(self.data, Resource):
            return [self.data]
        return self.data

    def __iter__(self) -> Iterator[Resource]:
        return iter(self.resources)

    def __repr__(self) -> str:
        """`Document(data=<100 prospect>, included=<3>, next=True, meta={...})`."""
        if isinstance(self.data, list):
            kinds = sorted({r.type for r in self.data})
            data: Any = Raw(f"<{len(self.data)} {'/'.join(kinds) or 'resources'}>")
        else:
            data = self.data
        fields: list[tuple[str, Any]] = [("data", data)]
        if self.included:
            fields.append(("included", Raw(f"<{len(self.included)}>")))
        if self.links.next:
            fields.append(("next", True))
        if self.meta:
            fields.append(("meta", self.meta))
        return compact_repr("Document", fields)

    def find(self, resource_type: str, resource_id: int | str) -> Resource | None:
        """A resource of this document (primary or included) by type and id."""
        wanted = _key(resource_type, resource_id)
        for resource in [*self.resources, *self.included]:
            if resource.id is not None and _key(resource.type, resource.id) == wanted:
                return resource
        return None


def parse_document(payload: Any, *, where: str = "response") -> Document:
    """A Document from decoded JSON; anything that is not JSON:API is a TransportError."""
    try:
        return converter.structure(payload, Document)
    except _Malformed as exc:
        raise TransportError(f"{where}: malformed JSON:API document: {exc}") from None


def parse_resource(payload: Any, *, where: str = "resource") -> Resource:
    """One resource object from decoded JSON, on its own (no `included` to resolve)."""
    try:
        return _resource(payload, where, _NO_INDEX)
    except _Malformed as exc:
        raise TransportError(f"{where}: malformed JSON:API resource: {exc}") from None


class _Malformed(ValueError):
    """A document that breaks JSON:API's structure; the message says where."""


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _Malformed(f"{where} must be an object, got {type(value).__name__}")
    return value


def _optional_mapping(value: Any, where: str) -> dict[str, Any] | None:
    return None if value is None else dict(_mapping(value, where))


def _links(value: Any, where: str) -> Links | None:
    if value is None:
        return None
    known = {}
    extra = {}
    for name, link in _mapping(value, where).items():
        if isinstance(link, Mapping):
            link = link.get("href")
        if name in _LINK_NAMES:
            known[_LINK_NAMES[name]] = link if isinstance(link, str) else None
        else:
            extra[name] = link
    return Links(**known, extra=extra)


#: Wire name of each link to its field name.
_LINK_NAMES = {
    field.name.rstrip("_"): field.name for field in attrs.fields(Links) if field.name != "extra"
}


def _identifier(value: Any, where: str) -> ResourceIdentifier:
    item = _mapping(value, where)
    resource_type = item.get("type")
    resource_id = item.get("id")
    if not isinstance(resource_type, str) or not _is_id(resource_id):
        raise _Malformed(f"{where} needs a string type and a string or integer id")
    return ResourceIdentifier(
        resource_type, resource_id, _optional_mapping(item.get("meta"), where)
    )


def _is_id(value: object) -> TypeGuard[int | str]:
    """Ids are strings or integers; `true` is an int to Python but not an id."""
    return isinstance(value, int | str) and not isinstance(value, bool)


def _relationship(value: Any, where: str) -> Relationship:
    item = _mapping(value, where)
    data: Linkage = ABSENT
    if "data" in item:
        raw = item["data"]
        if raw is None:
            data = None
        elif isinstance(raw, list):
            data = [_identifier(entry, f"{where}/data/{n}") for n, entry in enumerate(raw)]
        else:
            data = _identifier(raw, f"{where}/data")
    return Relationship(
        data=data,
        links=_links(item.get("links"), f"{where}/links"),
        meta=_optional_mapping(item.get("meta"), f"{where}/meta"),
    )


def _resource(value: Any, where: str, index: Mapping[ResourceKey, Resource]) -> Resource:
    """A resource object: a fast path for plain well-formed JSON, a checking path otherwise."""
    try:
        return _resource_fast(value, where, index)
    except _NotPlain:
        return _resource_checked(value, where, index)


class _NotPlain(Exception):
    """The fast path met something unusual; the checking path takes over and says where."""


_NULL_RELATIONSHIP = Relationship(data=None)


def _resource_fast(item: Any, where: str, index: Mapping[ResourceKey, Resource]) -> Resource:
    """A resource that keeps `item`; its relationships and links are checked and built when
    read (most readers of a page never look at them)."""
    if type(item) is not dict:
        raise _NotPlain
    resource_type = item.get("type")
    resource_id = item.get("id")
    if type(resource_type) is not str or not (
        resource_id is None or type(resource_id) is int or type(resource_id) is str
    ):
        raise _NotPlain
    attributes = item.get("attributes")
    if attributes is None:
        if "attributes" in item:
            raise _NotPlain
        attributes = {}
    raw_relationships = item.get("relationships")
    if raw_relationships is None and "relationships" in item:
        raise _NotPlain
    links = item.get("links")
    meta = item.get("meta")
    if (
        type(attributes) is not dict
        or not (raw_relationships is None or type(raw_relationships) is dict)
        or not (links is None or type(links) is dict)
        or not (meta is None or type(meta) is dict)
    ):
        raise _NotPlain
    resource = _new_resource()
    resource.type = resource_type
    resource.id = resource_id
    resource.attributes = attributes
    resource._relationships = _Unbuilt(raw_relationships, where) if raw_relationships else {}
    resource._links = None if links is None else _Unbuilt(links, where)
    resource.meta = meta
    resource._index = index
    resource._source = item
    return resource


_new_resource = functools.partial(object.__new__, Resource)


def _check_identifier(item: dict[str, Any]) -> None:
    resource_type = item.get("type")
    resource_id = item.get("id")
    meta = item.get("meta")
    if (
        type(resource_type) is not str
        or not (type(resource_id) is int or type(resource_id) is str)
        or not (meta is None or type(meta) is dict)
    ):
        raise _NotPlain


def _relationship_fast(item: Any) -> Relationship:
    if type(item) is not dict:
        raise _NotPlain
    if len(item) == 1 and "data" in item and item["data"] is None:
        return _NULL_RELATIONSHIP
    data: Linkage = ABSENT
    if "data" in item:
        raw = item["data"]
        if raw is None:
            data = None
        elif type(raw) is dict:
            data = _identifier_fast(raw)
        elif type(raw) is list:
            data = [_identifier_fast(entry) for entry in raw]
        else:
            raise _NotPlain
    links = item.get("links")
    meta = item.get("meta")
    if not (meta is None or type(meta) is dict):
        raise _NotPlain
    return Relationship(data, None if links is None else _links_fast(links), meta)


def _identifier_fast(item: Any) -> ResourceIdentifier:
    if type(item) is not dict:
        raise _NotPlain
    _check_identifier(item)
    return ResourceIdentifier(item["type"], item["id"], item.get("meta"))


def _links_fast(value: Any) -> Links:
    if type(value) is not dict:
        raise _NotPlain
    if len(value) == 1 and type(value.get("related")) is str:
        return Links(related=value["related"])
    known: dict[str, str | None] = {}
    extra: dict[str, Any] = {}
    for name, link in value.items():
        if type(link) is dict:
            link = link.get("href")
        field = _LINK_NAMES.get(name)
        if field is None:
            extra[name] = link
        else:
            known[field] = link if type(link) is str else None
    return Links(**known, extra=extra)


def _resource_checked(value: Any, where: str, index: Mapping[ResourceKey, Resource]) -> Resource:
    item = _mapping(value, where)
    resource_type = item.get("type")
    if not isinstance(resource_type, str):
        raise _Malformed(f"{where} has no string type")
    resource_id = item.get("id")
    if resource_id is not None and not _is_id(resource_id):
        raise _Malformed(f"{where}/id must be a string or an integer")
    relationships = {
        name: _relationship(entry, f"{where}/relationships/{name}")
        for name, entry in _mapping(item.get("relationships", {}), f"{where}/relationships").items()
    }
    return Resource(
        type=resource_type,
        id=resource_id,
        attributes=dict(_mapping(item.get("attributes", {}), f"{where}/attributes")),
        relationships=relationships,
        links=_links(item.get("links"), f"{where}/links"),
        meta=_optional_mapping(item.get("meta"), f"{where}/meta"),
        index=index,
    )


class _Index(Mapping[ResourceKey, Resource]):
    """The resources of one document by (type, id), without a cycle through them.

    It holds the decoded resource objects, and weakly the `Resource`s built from them; a
    lookup whose resource is gone (its document was dropped) builds it again, equal. The
    table is made on the first lookup: most pages are read without one.
    """

    __slots__ = ("_built", "_decoded", "_pending")

    def __init__(self) -> None:
        self._decoded: dict[ResourceKey, Any] = {}
        self._built: dict[ResourceKey, weakref.ref[Resource]] = {}
        self._pending: list[tuple[list[weakref.ref[Resource]], list[Any]]] = []

    def add(self, resources: list[Resource], decoded: list[Any]) -> None:
        """Index `resources`, parsed from `decoded` (in the same order), when first asked."""
        self._pending.append(([weakref.ref(resource) for resource in resources], decoded))

    def _table(self) -> dict[ResourceKey, Any]:
        while self._pending:
            refs, items = self._pending.pop(0)
            for ref, item in zip(refs, items, strict=True):
                resource = ref()
                resource_id = item.get("id") if resource is None else resource.id
                if resource_id is None:
                    continue
                key = _key(item.get("type") if resource is None else resource.type, resource_id)
                if key not in self._decoded:
                    self._decoded[key] = item
                    self._built[key] = ref
        return self._decoded

    def __getitem__(self, key: ResourceKey) -> Resource:
        decoded = self._table()[key]
        ref = self._built.get(key)
        found = None if ref is None else ref()
        if found is None:
            found = _resource(decoded, "resource", self)
            self._built[key] = weakref.ref(found)
        return found

    def __contains__(self, key: object) -> bool:
        return key in self._table()

    def __iter__(self) -> Iterator[ResourceKey]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())


def _structure_document(value: Any, _: type) -> Document:
    payload = _mapping(value, "document")
    index = _Index()
    raw_included = _list(payload.get("included", []), "/included")
    included = [_resource(entry, f"/included/{n}", index) for n, entry in enumerate(raw_included)]
    index.add(included, raw_included)  # before primary data, which it wins a repeated key over
    raw = payload.get("data")
    data: Resource | list[Resource] | None
    if raw is None:
        data = None
    elif isinstance(raw, list):
        data = [_resource(entry, f"/data/{n}", index) for n, entry in enumerate(raw)]
        index.add(data, raw)
    else:
        data = _resource(raw, "/data", index)
        index.add([data], [raw])
    return Document(
        data=data,
        included=included,
        links=_links(payload.get("links"), "/links") or Links(),
        meta=dict(_mapping(payload.get("meta", {}), "/meta")),
        jsonapi=_optional_mapping(payload.get("jsonapi"), "/jsonapi"),
    )


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise _Malformed(f"{where} must be an array, got {type(value).__name__}")
    return value


def _unstructure_links(links: Links) -> dict[str, Any]:
    known = {
        name: getattr(links, field)
        for name, field in _LINK_NAMES.items()
        if getattr(links, field) is not None
    }
    return {**known, **links.extra}


def _unstructure_relationship(relationship: Relationship) -> dict[str, Any]:
    result: dict[str, Any] = {}
    data = relationship.data
    if isinstance(data, list):
        result["data"] = [identifier.to_json() for identifier in data]
    elif isinstance(data, ResourceIdentifier):
        result["data"] = data.to_json()
    elif data is None:
        result["data"] = None
    if relationship.links is not None:
        result["links"] = _unstructure_links(relationship.links)
    if relationship.meta is not None:
        result["meta"] = dict(relationship.meta)
    return result


def _unstructure_resource(resource: Resource) -> dict[str, Any]:
    result: dict[str, Any] = {"type": resource.type}
    if resource.id is not None:
        result["id"] = resource.id
    if resource.attributes:
        result["attributes"] = dict(resource.attributes)
    if resource.relationships:
        result["relationships"] = {
            name: _unstructure_relationship(rel) for name, rel in resource.relationships.items()
        }
    if resource.links is not None:
        result["links"] = _unstructure_links(resource.links)
    if resource.meta is not None:
        result["meta"] = dict(resource.meta)
    return result


def _unstructure_document(document: Document) -> dict[str, Any]:
    result: dict[str, Any] = {}
    if isinstance(document.data, list):
        result["data"] = [_unstructure_resource(resource) for resource in document.data]
    elif isinstance(document.data, Resource):
        result["data"] = _unstructure_resource(document.data)
    else:
        result["data"] = None
    if document.included:
        result["included"] = [_unstructure_resource(resource) for resource in document.included]
    links = _unstructure_links(document.links)
    if links:
        result["links"] = links
    if document.meta:
        result["meta"] = dict(document.meta)
    if document.jsonapi is not None:
        result["jsonapi"] = dict(document.jsonapi)
    return result


converter.register_structure_hook(Document, _structure_document)
converter.register_unstructure_hook(Document, _unstructure_document)
converter.register_unstructure_hook(Resource, _unstructure_resource)
converter.register_unstructure_hook(Relationship, _unstructure_relationship)
converter.register_unstructure_hook(Links, _unstructure_links)
