"""Filter values as Python writes them, checked for shape before any dialect encodes them.

JSON:API reserves the `filter` parameter and leaves its syntax to each server. These are
the values a filter can hold: a scalar, a list of scalars, a `Range` (or `at_least`,
`at_most`, `between`), `None` for null, `NOT_NULL`, or a mapping that filters by a
relationship's attributes. Which of them a server understands, and how they are written
on the wire, is the dialect's business (`jsonapi.dialect`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timezone
from typing import Any, Final

import attrs

__all__ = [
    "NOT_NULL",
    "Range",
    "Scalar",
    "at_least",
    "at_most",
    "between",
    "check_filter",
    "filter_items",
    "format_value",
]


class _NotNull(enum.Enum):
    NOT_NULL = "__notnull__"

    def __repr__(self) -> str:
        return "NOT_NULL"


#: Matches any non-null value.
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
    """Values greater than or equal to `low`."""
    return Range(low=low)


def at_most(high: Scalar) -> Range:
    """Values less than or equal to `high`."""
    return Range(high=high)


def between(low: Scalar, high: Scalar) -> Range:
    """Values from `low` to `high`, both included."""
    return Range(low=low, high=high)


def format_value(value: Scalar) -> str:
    """A value as query strings write it: booleans lower-case, times in UTC ISO-8601."""
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


def filter_items(value: Any) -> list[Any]:
    """A list filter's items; a scalar is a list of one."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return [value]
    return list(value)


def check_filter(name: str, value: Any) -> None:
    """Refuse a value no dialect can send, naming the filter (`filter[account][id]`)."""
    if isinstance(value, Mapping):
        if not value:
            raise ValueError(f"{name}: a relationship filter needs at least one attribute")
        for key, inner in value.items():
            check_filter(f"{name}[{key}]", inner)
        return
    if value is None or value is NOT_NULL:
        return
    if isinstance(value, Range):
        for end in (value.low, value.high):
            if end is not None:
                check_scalar(name, end)
        return
    if isinstance(value, bytes):
        raise TypeError(f"{name}: bytes are not a filter value; decode them to str")
    if isinstance(value, Scalar):
        check_scalar(name, value)
        return
    if not isinstance(value, Iterable):
        raise TypeError(f"{name}: unsupported filter value of type {type(value).__name__}")
    items = list(value)
    if not items:
        raise ValueError(f"{name}: an empty list matches nothing; leave the filter out")
    for item in items:
        check_scalar(name, item)


def check_scalar(name: str, value: Any) -> None:
    """Refuse a single filter value that is not a str, number, bool, date or datetime."""
    if not isinstance(value, Scalar) or isinstance(value, bytes):
        raise TypeError(
            f"{name}: expected a str, int, float, bool, date or datetime, "
            f"got {type(value).__name__}"
        )
    if isinstance(value, datetime) and value.tzinfo is None:
        raise ValueError(f"{name}: use an aware datetime; the API's times are UTC")
    if isinstance(value, str) and not value:
        raise ValueError(f"{name}: an empty string is not a filter value")
