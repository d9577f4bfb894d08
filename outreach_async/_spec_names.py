"""Checking type and field names against the OpenAPI file before anything is sent.

A typo (`prospectz`, `firstNme`) is told at once, with the closest documented name, instead of
as a 400 from the server or, worse, an export of nothing. Names are wire names
(`firstName`); custom fields (`custom1`..`customN`) pass.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from typing import Any

from ._spec import RESOURCES
from ._spec_types import ResourceSpec

__all__ = [
    "check_fields",
    "check_filter",
    "check_include",
    "check_sort",
    "path_targets",
    "resource_spec",
]

_CUSTOM_FIELD = re.compile(r"custom\d+")


def _suggestion(name: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def resource_spec(resource_type: str) -> ResourceSpec:
    """The documented type; ValueError with the closest type name for a typo."""
    spec = RESOURCES.get(resource_type)
    if spec is None:
        by_plural = {s.plural: s.type for s in RESOURCES.values()}
        if resource_type in by_plural:
            return RESOURCES[by_plural[resource_type]]
        raise ValueError(f"unknown type {resource_type!r}{_suggestion(resource_type, RESOURCES)}")
    return spec


def _field_names(spec: ResourceSpec) -> list[str]:
    return [
        "id",
        *(a.name for a in spec.attributes if not a.write_only),
        *(r.name for r in spec.relationships),
    ]


def _check_field(spec: ResourceSpec, name: str, where: str) -> None:
    names = _field_names(spec)
    if name not in names and not _CUSTOM_FIELD.fullmatch(name):
        raise ValueError(f"{where}: {spec.type} has no field {name!r}{_suggestion(name, names)}")


def path_targets(spec: ResourceSpec, path: str, where: str) -> list[ResourceSpec]:
    """The types a relationship path (`account.owner`) leads to, checking every hop."""
    current = [spec]
    for hop in path.split("."):
        found = [s.relationship(hop) for s in current]
        relations = [r for r in found if r is not None]
        if not relations:
            choices = [r.name for s in current for r in s.relationships]
            raise ValueError(
                f"{where}: {'/'.join(s.type for s in current)} has no relationship "
                f"{hop!r}{_suggestion(hop, choices)}"
            )
        current = [RESOURCES[t] for r in relations for t in r.targets if t in RESOURCES]
        if not current:
            return []
    return current


def check_fields(spec: ResourceSpec, fields: Iterable[str], include: Iterable[str] = ()) -> None:
    """Own fields (`firstName`) and fields of included types (`account.name`)."""
    included = set(include)
    for name in fields:
        path, dot, field = name.rpartition(".")
        if not dot:
            _check_field(spec, name, "--fields")
            continue
        if path not in included:
            raise ValueError(f"--fields {name}: add --include {path} to export its fields")
        targets = path_targets(spec, path, "--fields")
        if targets and not any(
            field in _field_names(t) or _CUSTOM_FIELD.fullmatch(field) for t in targets
        ):
            _check_field(targets[0], field, f"--fields {name}")


def check_filter(spec: ResourceSpec, filter: Mapping[str, Any]) -> None:
    for name, value in filter.items():
        if isinstance(value, Mapping):
            targets = path_targets(spec, name, "--filter")
            for attribute in value:
                if attribute != "id" and targets:
                    _check_field(targets[0], attribute, f"--filter {name}.{attribute}")
        else:
            _check_field(spec, name, "--filter")


def check_sort(spec: ResourceSpec, sort: Iterable[str]) -> None:
    for term in sort:
        _check_field(spec, term.lstrip("-"), "--sort")


def check_include(spec: ResourceSpec, include: Iterable[str]) -> None:
    for path in include:
        path_targets(spec, path, "--include")
