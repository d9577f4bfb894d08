"""Rendering records as JSON:API resource objects, with sparse fieldsets and `included`.

Every documented attribute appears (null when unset) except write-only ones. Relationships
render as the documentation shows them: to-one as `{"data": {"type", "id"}}` or `{"data": null}`,
tracked to-many as `{"data": [...]}`, and the rest as `{"links": {"related": URL}}` pointing at
the related collection filtered by this resource, e.g. `/mailings?filter[prospect][id]=1`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from .._spec import RESOURCES
from .._spec_types import RelationshipSpec
from ._collection import DERIVED_TO_MANY, derived_ids
from ._records import Record, Ref
from ._store import Store


class _RelationPlan(NamedTuple):
    """How one relationship of a type renders (computed once per response)."""

    relation: RelationshipSpec
    derived: bool
    to_one: bool
    url_head: str
    url_tail: str


_Layout = tuple[dict[str, Any], list[_RelationPlan]]


def _linkage_object(linked: Ref | list[Ref]) -> dict[str, Any]:
    if isinstance(linked, list):
        return {"data": [{"type": t, "id": i} for t, i in linked]}
    return {"data": {"type": linked[0], "id": linked[1]}}


class Renderer:
    """Renders the records of one response (one fieldset selection, one base URL)."""

    def __init__(
        self, store: Store, api_url: str, fields: Mapping[str, frozenset[str]] | None = None
    ) -> None:
        self.store = store
        self.api_url = api_url
        self.fields = fields or {}
        self._layouts: dict[str, _Layout] = {}
        self._derived: dict[tuple[str, str], dict[int, list[int]]] = {}

    def _layout(self, type_name: str) -> _Layout:
        layout = self._layouts.get(type_name)
        if layout is None:
            spec = self.store.spec(type_name)
            wanted = self.fields.get(type_name)
            template = {
                a.name: None
                for a in spec.attributes
                if not a.write_only and (wanted is None or a.name in wanted)
            }
            plan = [
                _RelationPlan(
                    relation,
                    (type_name, relation.name) in DERIVED_TO_MANY,
                    not relation.to_many and not relation.links_only,
                    *self._url_parts(type_name, relation),
                )
                for relation in spec.relationships
                if wanted is None or relation.name in wanted
            ]
            layout = (template, plan)
            self._layouts[type_name] = layout
        return layout

    def _url_parts(self, type_name: str, relation: RelationshipSpec) -> tuple[str, str]:
        """The related URL of a relationship, split around the resource id."""
        target = RESOURCES.get(relation.targets[0]) if relation.targets else None
        if target is None or "list" not in target.methods:
            own = RESOURCES[type_name].plural
            return f"{self.api_url}/{own}/", f"/{relation.name}"
        return f"{self.api_url}/{target.plural}?filter[{type_name}][id]=", ""

    def resource(self, record: Record) -> dict[str, Any]:
        template, plan = self._layout(record.type)
        document: dict[str, Any] = {"type": record.type, "id": record.id}
        if template or record.type not in self.fields:
            stored_attributes = record.attributes
            if stored_attributes.keys() <= template.keys():
                attributes = template | stored_attributes  # in the template's order
            else:
                attributes = template.copy()
                for name, value in stored_attributes.items():
                    if name in attributes:
                        attributes[name] = value
            document["attributes"] = attributes
        if plan:
            stored = record.relationships
            relationships: dict[str, Any] = {}
            for step in plan:
                name = step.relation.name
                linked = self.linkage(record, step.relation) if step.derived else stored.get(name)
                if linked is not None:
                    relationships[name] = _linkage_object(linked)
                elif step.to_one:
                    relationships[name] = {"data": None}
                else:
                    url = f"{step.url_head}{record.id}{step.url_tail}"
                    relationships[name] = {"links": {"related": url}}
            document["relationships"] = relationships
        return document

    def linkage(self, record: Record, relation: RelationshipSpec) -> Ref | list[Ref] | None:
        """What a relationship points at, when the fake tracks it (None otherwise)."""
        key = (record.type, relation.name)
        if key in DERIVED_TO_MANY:
            index = self._derived.get(key)
            if index is None:
                index = derived_ids(self.store, record.type, relation.name) or {}
                self._derived[key] = index
            target = DERIVED_TO_MANY[key][0]
            return [(target, i) for i in index.get(record.id, ())]
        return record.relationships.get(relation.name)

    def related_url(self, record: Record, relation: RelationshipSpec) -> str:
        head, tail = self._url_parts(record.type, relation)
        return f"{head}{record.id}{tail}"

    def included(
        self, primary: list[Record], paths: tuple[tuple[str, ...], ...]
    ) -> list[dict[str, Any]]:
        """Resources reached through the include paths, each once, primary data excluded."""
        seen: set[Ref] = {(r.type, r.id) for r in primary}
        out: list[dict[str, Any]] = []
        for path in paths:
            current = primary
            for name in path:
                following: list[Record] = []
                reached: set[Ref] = set()
                for record in current:
                    relation = self.store.spec(record.type).relationship(name)
                    if relation is None:
                        continue
                    linked = self.linkage(record, relation)
                    refs = linked if isinstance(linked, list) else [linked] if linked else []
                    for ref in refs:
                        if ref in reached:
                            continue
                        reached.add(ref)
                        related = self.store.peek(ref[0], ref[1])
                        if related is None:
                            continue
                        following.append(related)
                        if ref not in seen:
                            seen.add(ref)
                            out.append(self.resource(related))
                current = following
        return out
