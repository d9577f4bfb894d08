"""Query strings for collection reads, encoded exactly as Outreach documents them.

Filters are Python values: a scalar matches exactly, a list matches any of its items,
`Range` (or `at_least`/`at_most`/`between`) matches a range with open ends, `None` matches
null and `NOT_NULL` anything else; a mapping filters by a relationship
(`{"account": {"id": [1, 2]}}` is `filter[account][id]=1,2`). When a value holds `,` or `..`,
which the old syntax cannot express, the query switches to `newFilterSyntax=true`.

Brackets stay literal and values are percent-encoded (`%20` for a space), as in the API's
examples; action parameters use form encoding (`+` for a space), as in the API's examples.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timezone
from typing import Any, Final
from urllib.parse import quote, quote_plus

import attrs

__all__ = [
    "MAX_PAGE_SIZE",
    "NOT_NULL",
    "Query",
    "Range",
    "at_least",
    "at_most",
    "between",
    "encode_action_params",
]

MAX_PAGE_SIZE: Final = 1000
_SAFE = ",:@"


class _NotNull(enum.Enum):
    NOT_NULL = "__notnull__"

    def __repr__(self) -> str:
        return "NOT_NULL"


#: Matches any non-null value (`__notnull__`).
NOT_NULL: Final = _NotNull.NOT_NULL

Scalar = str | int | float | bool | date | datetime


@attrs.frozen
class Range:
    """Values from `low` to `high`, both included; None leaves that end open."""

    low: Scalar | None = None
    high: Scalar | None = None

    def __attrs_post_init__(self) -> None:
        if self.low is None and self.high is None:
            raise ValueError("Range: give at least one of low and high")


def at_least(low: Scalar) -> Range:
    """Values greater than or equal to `low` (`low..inf`)."""
    return Range(low=low)


def at_most(high: Scalar) -> Range:
    """Values less than or equal to `high` (`neginf..high`)."""
    return Range(high=high)


def between(low: Scalar, high: Scalar) -> Range:
    """Values from `low` to `high`, both included (`low..high`)."""
    return Range(low=low, high=high)


def encode_action_params(params: Mapping[str, Any]) -> str:
    """`actionParams[key]=value` pairs, form-encoded as in the API's examples.

    A mapping value nests one level (`actionParams[filter][state]=active`), as the
    deepObject style of the OpenAPI file describes; None values are left out.
    """
    parts = []
    for key, value in params.items():
        if isinstance(value, Mapping):
            parts += [_action_param(f"{key}][{name}", item) for name, item in value.items()]
        else:
            parts.append(_action_param(key, value))
    return "&".join(part for part in parts if part)


def _action_param(key: str, value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, Scalar):
        raise TypeError(
            f"actionParams[{key}]: expected a str, number, bool or date, got {type(value).__name__}"
        )
    return f"actionParams[{key}]={quote_plus(format_value(value), safe=_SAFE)}"


def format_value(value: Scalar) -> str:
    """A filter value as the API writes it: booleans lower-case, times in UTC ISO-8601."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError(f"{value!r}: use an aware datetime; the API's times are UTC")
        text = value.astimezone(timezone.utc).isoformat()
        return text.replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _filter_pairs(key: str, value: Any, new_syntax: bool) -> list[tuple[str, str]]:
    if isinstance(value, Mapping):
        pairs = []
        for name, inner in value.items():
            pairs.extend(_filter_pairs(f"{key}[{name}]", inner, new_syntax))
        return pairs
    if value is None:
        return [(key, "__null__")]
    if value is NOT_NULL:
        return [(key, NOT_NULL.value)]
    if isinstance(value, Range):
        return _range_pairs(key, value, new_syntax)
    items = _as_items(value)
    if new_syntax:
        return [(f"{key}[]", format_value(item)) for item in items]
    return [(key, ",".join(format_value(item) for item in items))]


def _range_pairs(key: str, value: Range, new_syntax: bool) -> list[tuple[str, str]]:
    if new_syntax:
        pairs = []
        if value.low is not None:
            pairs.append((f"{key}[gte]", format_value(value.low)))
        if value.high is not None:
            pairs.append((f"{key}[lte]", format_value(value.high)))
        return pairs
    low = "neginf" if value.low is None else format_value(value.low)
    high = "inf" if value.high is None else format_value(value.high)
    return [(key, f"{low}..{high}")]


def _as_items(value: Any) -> list[Any]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return [value]
    return list(value)


def _needs_new_syntax(value: Any) -> bool:
    if isinstance(value, Mapping):
        return any(_needs_new_syntax(inner) for inner in value.values())
    if value is None or value is NOT_NULL:
        return False
    if isinstance(value, Range):
        ends = [end for end in (value.low, value.high) if end is not None]
        return any(_is_special(format_value(end)) for end in ends)
    return any(_is_special(format_value(item)) for item in _as_items(value))


def _is_special(text: str) -> bool:
    return "," in text or ".." in text


def _check_filter(name: str, value: Any) -> None:
    if isinstance(value, Mapping):
        if not value:
            raise ValueError(f"{name}: a relationship filter needs at least one attribute")
        for key, inner in value.items():
            _check_filter(f"{name}[{key}]", inner)
        return
    if value is None or value is NOT_NULL:
        return
    if isinstance(value, Range):
        for end in (value.low, value.high):
            if end is not None:
                _check_scalar(name, end)
        return
    if isinstance(value, bytes):
        raise TypeError(f"{name}: bytes are not a filter value; decode them to str")
    if isinstance(value, Scalar):
        _check_scalar(name, value)
        return
    if not isinstance(value, Iterable):
        raise TypeError(f"{name}: unsupported filter value of type {type(value).__name__}")
    items = list(value)
    if not items:
        raise ValueError(f"{name}: an empty list matches nothing; leave the filter out")
    for item in items:
        _check_scalar(name, item)


def _check_scalar(name: str, value: Any) -> None:
    if not isinstance(value, Scalar) or isinstance(value, bytes):
        raise TypeError(
            f"{name}: expected a str, int, float, bool, date or datetime, "
            f"got {type(value).__name__}"
        )
    if isinstance(value, datetime) and value.tzinfo is None:
        raise ValueError(f"{name}: use an aware datetime; the API's times are UTC")
    if isinstance(value, str) and not value:
        raise ValueError(f"{name}: an empty string is not a filter value")


def _check_page_size(size: Any, name: str) -> None:
    if not isinstance(size, int) or isinstance(size, bool):
        raise TypeError(f"{name}: expected an int, got {type(size).__name__}")
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise ValueError(f"{name}: must be between 1 and {MAX_PAGE_SIZE}, got {size}")


def _sort_terms(value: Any) -> tuple[str, ...]:
    """Sort keys as `name` / `-name` strings (comma-separated allowed) or (name, direction)."""
    if value is None:
        return ()
    keys: list[Any] = [value] if isinstance(value, str) else list(value)
    terms: list[str] = []
    for key in keys:
        if isinstance(key, tuple):
            terms.append(_sort_pair(key))
        elif isinstance(key, str):
            for term in key.split(","):
                _check_name(term.strip().removeprefix("-"), "sort")
                terms.append(term.strip())
        else:
            raise TypeError(f"sort: expected a str or (name, direction), got {type(key).__name__}")
    return tuple(terms)


def _sort_pair(key: tuple[Any, ...]) -> str:
    if len(key) != 2:
        raise ValueError(f"sort: expected (name, 'asc'|'desc'), got {key!r}")
    name, direction = key
    _check_name(name, "sort")
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
        for part in item.split("."):
            _check_name(part, name)
    return tuple(items)


def _fieldsets(value: Mapping[str, str | Iterable[str]] | None) -> dict[str, tuple[str, ...]]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise TypeError(f"fields: expected a mapping of type to names, got {type(value).__name__}")
    result = {}
    for resource_type, names in value.items():
        _check_name(resource_type, "fields")
        items = _paths(names, f"fields[{resource_type}]")
        result[resource_type] = items
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
        for name, value in self.filter.items():
            _check_filter(f"filter[{name}]", value)

    @property
    def uses_new_filter_syntax(self) -> bool:
        """True when `newFilterSyntax=true` is asked for or needed by a value."""
        if self.new_filter_syntax is not None:
            return self.new_filter_syntax
        return any(_needs_new_syntax(value) for value in self.filter.values())

    def replace(self, **changes: Any) -> Query:
        """A copy with some parts changed (and validated again)."""
        return attrs.evolve(self, **changes)

    def encode(self, page: Mapping[str, str | int] | None = None) -> str:
        """The query string, in the API's parameter order, without the leading `?`."""
        pairs: list[tuple[str, str]] = []
        new_syntax = self.uses_new_filter_syntax
        if new_syntax:
            pairs.append(("newFilterSyntax", "true"))
        for name, value in self.filter.items():
            pairs.extend(_filter_pairs(f"filter[{name}]", value, new_syntax))
        if self.sort:
            pairs.append(("sort", ",".join(self.sort)))
        if self.include:
            pairs.append(("include", ",".join(self.include)))
        for resource_type, names in self.fields.items():
            pairs.append((f"fields[{resource_type}]", ",".join(names)))
        page_items = dict(page or {})
        if self.page_size is not None and "limit" not in page_items:
            page_items.setdefault("size", self.page_size)
        for key, item in page_items.items():
            pairs.append((f"page[{key}]", str(item)))
        if self.count is not None:
            pairs.append(("count", "true" if self.count else "false"))
        return "&".join(f"{key}={quote(text, safe=_SAFE)}" for key, text in pairs)
