"""Rendering records as JSON:API resource objects, with sparse fieldsets and `included`.

Every documented attribute appears (null when unset) except write-only ones. Relationships
render as the documentation shows them: to-one as `{"data": {"type", "id"}}` or `{"data": null}`,
tracked to-many as `{"data": [...]}`, and the rest as `{"links": {"related": URL}}` pointing at
the related collection filtered by this resource, e.g. `/mailings?filter[prospect][id]=1`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._spec import RESOURCES
from .._spec_types import RelationshipSpec
from ._collection import DERIVED_TO_MANY, derived_ids
from ._records import Record, Ref
from ._store import Store


class Renderer:
    """Renders the records of one response (one fieldset selection, one base URL)."""

    def __init__(
        self, store: Store, api_url: str, fields: Mapping[str, frozenset[str]] | None = None
    ) -> None:
        self.store = store
        self.api_url = api_url
        self.fields = fields or {}
        self._layouts: dict[str, tuple[dict[str, Any], list[RelationshipSpec]]] = {}
        self._derived: dict[tuple[str, str], dict[int, list[int]]] = {}

    def _layout(self, type_name: str) -> tuple[dict[str, Any], list[RelationshipSpec]]:
        layout = self._layouts.get(type_name)
        if layout is None:
            spec = self.store.spec(type_name)
            wanted = self.fields.get(type_name)
            template = {
                a.name: None
                for a in spec.attributes
                if not a.write_only and (wanted is None or a.name in wanted)
            }
            relations = [r for r in spec.relationships if wanted is None or r.name in wanted]
            layout = (template, relations)
            self._layouts[type_name] = layout
        return layout

    def resource(self, record: Record) -> dict[str, Any]:
        template, relations = self._layout(record.type)
        document: dict[str, Any] = {"type": record.type, "id": record.id}
        if template or record.type not in self.fields:
            attributes = template.copy()
            for name, value in record.attributes.items():
                if name in attributes:
                    attributes[name] = value
            document["attributes"] = attributes
        if relations:
            document["relationships"] = {
                relation.name: self._relationship(record, relation) for relation in relations
            }
        return document

    def _relationship(self, record: Record, relation: RelationshipSpec) -> dict[str, Any]:
        linked = self.linkage(record, relation)
        if linked is not None:
            if isinstance(linked, list):
                return {"data": [{"type": t, "id": i} for t, i in linked]}
            return {"data": {"type": linked[0], "id": linked[1]}}
        if not relation.to_many and not relation.links_only:
            return {"data": None}
        return {"links": {"related": self.related_url(record, relation)}}

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
        target = RESOURCES.get(relation.targets[0]) if relation.targets else None
        if target is None or "list" not in target.methods:
            own = RESOURCES[record.type].plural
            return f"{self.api_url}/{own}/{record.id}/{relation.name}"
        return f"{self.api_url}/{target.plural}?filter[{record.type}][id]={record.id}"

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
