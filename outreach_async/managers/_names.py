"""Python names to wire names in the queries of typed managers.

`client.prospects.iterate(filter={"first_name": "Sally"}, sort="-updated_at",
include="account.owner", fields=["first_name"])` asks for `filter[firstName]`,
`sort=-updatedAt`, `include=account.owner` and `fields[prospect]=firstName`. Names the model
does not know pass through unchanged, so wire names work too. Dotted paths follow each
relationship to its target type when the OpenAPI file names exactly one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..models._base import Model, model_for

__all__ = ["wire_fields", "wire_filter", "wire_include", "wire_sort"]


def _target(model: type[Model] | None, wire: str) -> type[Model] | None:
    if model is None:
        return None
    link = model.SCHEMA.links_by_wire.get(wire)
    if link is None or len(link.targets) != 1:
        return None
    return model_for(link.targets[0])


def wire_path(model: type[Model], path: str) -> str:
    """`sequence_state.account` -> `sequenceState.account`, hop by hop."""
    parts = []
    current: type[Model] | None = model
    for part in path.split("."):
        wire = current.SCHEMA.wire(part) if current is not None else part
        parts.append(wire)
        current = _target(current, wire)
    return ".".join(parts)


def _terms(value: str | Iterable[str]) -> list[str]:
    items = [value] if isinstance(value, str) else list(value)
    return [term.strip() for item in items for term in item.split(",") if term.strip()]


def wire_sort(model: type[Model], sort: str | Iterable[str] | None) -> list[str] | None:
    if sort is None:
        return None
    result = []
    for term in _terms(sort):
        descending = term.startswith("-")
        path = wire_path(model, term.lstrip("-"))
        result.append(f"-{path}" if descending else path)
    return result


def wire_include(model: type[Model], include: str | Iterable[str] | None) -> list[str] | None:
    if include is None:
        return None
    return [wire_path(model, path) for path in _terms(include)]


def wire_filter(model: type[Model], filter: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if filter is None:
        return None
    result: dict[str, Any] = {}
    for key, value in filter.items():
        wire = model.SCHEMA.wire(key)
        if isinstance(value, Mapping):
            target = _target(model, wire)
            value = {(target.SCHEMA.wire(k) if target else k): v for k, v in value.items()}
        result[wire] = value
    return result


def _type_name(name: str) -> str:
    """`sequence_state` -> `sequenceState`; type names pass through."""
    return re.sub(r"_([a-z0-9])", lambda match: match.group(1).upper(), name)


def wire_fields(
    model: type[Model],
    fields: str | Iterable[str] | Mapping[str, str | Iterable[str]] | None,
) -> dict[str, list[str]] | None:
    """Sparse fieldsets; a plain list of names is for the model's own type."""
    if fields is None:
        return None
    if not isinstance(fields, Mapping):
        fields = {model.TYPE: fields}
    result = {}
    for key, names in fields.items():
        type_name = _type_name(key)
        target = model_for(type_name)
        result[type_name] = [target.SCHEMA.wire(n) if target else n for n in _terms(names)]
    return result
