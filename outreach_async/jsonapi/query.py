"""Query strings for collection reads: filters, sort, include, sparse fields and paging.

A `Query` holds what narrows or shapes a read, checked when it is built: names, sort terms
(`name`, `-name`, dotted `employer.name` checked per segment), include paths and fieldsets.
Filter values are checked for shape here (see `jsonapi.filters`); how they are written on
the wire is the dialect's choice, so `encode()` takes the server's `Dialect` (plain JSON:API
by default, which passes filters through as given).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from .dialect import JSONAPI, Dialect
from .filters import NOT_NULL, Range, at_least, at_most, between, check_filter

__all__ = [
    "NOT_NULL",
    "Query",
    "Range",
    "at_least",
    "at_most",
    "between",
]

#: What a filter name may not hold: it is written into the query string as it is.
_UNSAFE_FILTER_NAME = re.compile(r"[&=#?%\[\]+\s\x00-\x1f\x7f]")


def _check_page_size(size: Any, name: str) -> None:
    if not isinstance(size, int) or isinstance(size, bool):
        raise TypeError(f"{name}: expected an int, got {type(size).__name__}")
    if size < 1:
        raise ValueError(f"{name}: must be at least 1, got {size}")


def _sort_terms(value: Any) -> tuple[str, ...]:
    """Sort keys as `name` / `-name` strings (comma-separated allowed) or (name, direction).

    A dotted name (`employer.name`) sorts by a relationship's attribute, as JSON:API allows.
    """
    if value is None:
        return ()
    keys: list[Any] = [value] if isinstance(value, str) else list(value)
    terms: list[str] = []
    for key in keys:
        if isinstance(key, tuple):
            terms.append(_sort_pair(key))
        elif isinstance(key, str):
            for term in key.split(","):
                _check_path(term.strip().removeprefix("-"), "sort")
                terms.append(term.strip())
        else:
            raise TypeError(f"sort: expected a str or (name, direction), got {type(key).__name__}")
    return tuple(terms)


def _sort_pair(key: tuple[Any, ...]) -> str:
    if len(key) != 2:
        raise ValueError(f"sort: expected (name, 'asc'|'desc'), got {key!r}")
    name, direction = key
    _check_path(name, "sort")
    if direction not in ("asc", "desc"):
        raise ValueError(f"sort: unknown direction {direction!r} for {name!r}; use 'asc' or 'desc'")
    return str(name) if direction == "asc" else f"-{name}"


def _include_paths(value: Any) -> tuple[str, ...]:
    return _paths(value, "include")


def _paths(value: str | Iterable[str] | None, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else list(value)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"{name}: expected str items, got {type(item).__name__}")
        _check_path(item, name)
    return tuple(items)


def _check_path(path: Any, parameter: str) -> None:
    """A name or a dotted path of names (`account.owner`), each segment checked."""
    if not isinstance(path, str):
        raise TypeError(f"{parameter}: expected a str name, got {type(path).__name__}")
    for part in path.split("."):
        if not part:
            raise ValueError(f"{parameter}: {path!r} has an empty segment")
        _check_name(part, parameter)


def _fieldsets(value: Mapping[str, str | Iterable[str]] | None) -> dict[str, tuple[str, ...]]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise TypeError(f"fields: expected a mapping of type to names, got {type(value).__name__}")
    result = {}
    for resource_type, names in value.items():
        _check_name(resource_type, "fields")
        result[resource_type] = _paths(names, f"fields[{resource_type}]")
    return result


def _check_name(name: Any, parameter: str) -> None:
    if not isinstance(name, str):
        raise TypeError(f"{parameter}: expected a str name, got {type(name).__name__}")
    if not name or any(char in name for char in ",.&=[]# ?"):
        raise ValueError(f"{parameter}: {name!r} is not a valid attribute or type name")


def _filters(value: Mapping[str, Any] | None) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise TypeError(f"filter: expected a mapping of name to value, got {type(value).__name__}")
    return dict(value)


def _check_filter_name(name: Any, where: str) -> None:
    if not isinstance(name, str):
        raise TypeError(f"{where}: expected str filter names, got {type(name).__name__}")
    if not name or _UNSAFE_FILTER_NAME.search(name):
        raise ValueError(f"{where}: {name!r} is not a filter name that can be sent as it is")


def _check_filter_names(value: Mapping[str, Any], where: str) -> None:
    for name, inner in value.items():
        _check_filter_name(name, where)
        if isinstance(inner, Mapping):
            _check_filter_names(inner, f"{where}[{name}]")


@attrs.frozen
class Query:
    """Everything that narrows or shapes a collection read, validated when built."""

    filter: Mapping[str, Any] = attrs.field(factory=dict, converter=_filters)
    sort: tuple[str, ...] = attrs.field(default=(), converter=_sort_terms)
    include: tuple[str, ...] = attrs.field(default=(), converter=_include_paths)
    fields: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, converter=_fieldsets)
    count: bool | None = None
    page_size: int | None = None
    new_filter_syntax: bool | None = None

    def __attrs_post_init__(self) -> None:
        if self.page_size is not None:
            _check_page_size(self.page_size, "page_size")
        if self.count is not None and not isinstance(self.count, bool):
            raise TypeError(f"count: expected a bool, got {type(self.count).__name__}")
        _check_filter_names(self.filter, "filter")
        for name, value in self.filter.items():
            check_filter(f"filter[{name}]", value)

    def replace(self, **changes: Any) -> Query:
        """A copy with some parts changed (and validated again)."""
        return attrs.evolve(self, **changes)

    def encode(
        self, page: Mapping[str, str | int] | None = None, *, dialect: Dialect = JSONAPI
    ) -> str:
        """The query string as `dialect` writes it, without the leading `?`."""
        return dialect.encode(self, page)
