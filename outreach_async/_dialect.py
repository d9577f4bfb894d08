"""Outreach's dialect of JSON:API: its collection paths, filter syntax, counts and limits.

Filters are Python values: a scalar matches exactly, a list matches any of its items,
`Range` (or `at_least`/`at_most`/`between`) matches a range with open ends, `None` matches
null and `NOT_NULL` anything else; a mapping filters by a relationship
(`{"account": {"id": [1, 2]}}` is `filter[account][id]=1,2`). When a value holds `,` or `..`,
which the old syntax cannot express, the query switches to `newFilterSyntax=true`.

Brackets stay literal and values are percent-encoded (`%20` for a space), as in the API's
examples; action parameters use form encoding (`+` for a space), as in the API's examples.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final
from urllib.parse import quote_plus

from ._spec import RESOURCES
from .jsonapi.dialect import SAFE, Dialect, Pairs
from .jsonapi.filters import NOT_NULL, Range, Scalar, filter_items, format_value
from .jsonapi.query import Query

__all__ = [
    "MAX_OFFSET",
    "MAX_PAGE_SIZE",
    "OUTREACH",
    "OutreachDialect",
    "encode_action_params",
    "plural_of",
]

#: The largest page the API serves.
MAX_PAGE_SIZE: Final = 1000
#: The deepest offset the API serves (deprecated offset paging only).
MAX_OFFSET: Final = 10_000


def plural_of(resource_type: str) -> str:
    """The collection path of a resource type (`sequenceState` -> `sequenceStates`).

    Types of the OpenAPI file use its paths; any other type is at its own name, as JSON:API
    recommends (no guessing at English plurals).
    """
    spec = RESOURCES.get(resource_type)
    return spec.plural if spec is not None else resource_type


class OutreachDialect(Dialect):
    """Outreach's answers: spec paths, both filter syntaxes, `count=true`, integer ids."""

    max_page_size = MAX_PAGE_SIZE
    max_offset = MAX_OFFSET
    counts_on_request = True

    def __repr__(self) -> str:
        return "OutreachDialect()"

    def collection_path(self, resource_type: str) -> str:
        return plural_of(resource_type)

    def uses_new_filter_syntax(self, query: Query) -> bool:
        """True when `newFilterSyntax=true` is asked for or needed by a value."""
        if query.new_filter_syntax is not None:
            return query.new_filter_syntax
        return any(_needs_new_syntax(value) for value in query.filter.values())

    def filter_pairs(self, query: Query) -> Pairs:
        pairs: Pairs = []
        new_syntax = self.uses_new_filter_syntax(query)
        if new_syntax:
            pairs.append(("newFilterSyntax", "true"))
        for name, value in query.filter.items():
            pairs.extend(_filter_pairs(f"filter[{name}]", value, new_syntax))
        return pairs

    def count_pairs(self, count: bool | None) -> Pairs:
        return [] if count is None else [("count", "true" if count else "false")]

    def page_total(self, meta: Mapping[str, Any]) -> int | None:
        """`meta.count`, sent when asked for with `count=True` (0 when the server throttled it)."""
        value = meta.get("count")
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def body_id(self, resource_id: int | str) -> int | str:
        """Outreach's documents carry integer ids, and its requests do the same."""
        if isinstance(resource_id, str) and resource_id.isdigit():
            return int(resource_id)
        return resource_id

    def action_query(self, params: Mapping[str, Any]) -> str:
        return encode_action_params(params)


#: The dialect every `OutreachClient` speaks.
OUTREACH: Final = OutreachDialect()


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
    return f"actionParams[{key}]={quote_plus(format_value(value), safe=SAFE)}"


def _filter_pairs(key: str, value: Any, new_syntax: bool) -> Pairs:
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
    items = filter_items(value)
    if new_syntax:
        return [(f"{key}[]", format_value(item)) for item in items]
    return [(key, ",".join(format_value(item) for item in items))]


def _range_pairs(key: str, value: Range, new_syntax: bool) -> Pairs:
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


def _needs_new_syntax(value: Any) -> bool:
    if isinstance(value, Mapping):
        return any(_needs_new_syntax(inner) for inner in value.values())
    if value is None or value is NOT_NULL:
        return False
    if isinstance(value, Range):
        ends = [end for end in (value.low, value.high) if end is not None]
        return any(_is_special(format_value(end)) for end in ends)
    return any(_is_special(format_value(item)) for item in filter_items(value))


def _is_special(text: str) -> bool:
    return "," in text or ".." in text
