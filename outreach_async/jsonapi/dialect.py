"""What a server decides where JSON:API leaves the choice open: its dialect.

JSON:API fixes the document format and reserves `filter`, `page` and `sort`, but leaves to
each server where a type's collection lives, how filters are written, whether totals are
counted and where they go, how large a page may be, and whether ids are strings or numbers
in practice. A `Dialect` answers those questions for one server; the resource manager and
the paginators ask it and nothing else.

`JsonApiDialect` speaks plain JSON:API and passes filters through as given:
`filter={"name.icontains": "ann"}` is sent as `filter[name.icontains]=ann`. It encodes no
list, range or null of its own, because every server writes them differently: pass the
string the server expects (`filter={"id.in": "1,2,3"}`). Outreach's dialect lives with the
Outreach client (`outreach_async.OutreachDialect`).
"""

from __future__ import annotations

import abc
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import attrs

from .filters import Scalar, format_value

if TYPE_CHECKING:
    from .query import Query

__all__ = ["JSONAPI", "Dialect", "JsonApiDialect", "Pairs", "encode_pairs"]

Pairs = list[tuple[str, str]]
#: Characters left as they are in values, as the JSON:API examples write them.
SAFE = ",:@"


def encode_pairs(pairs: Pairs) -> str:
    """`key=value` pairs joined by `&`: brackets stay literal, values are percent-encoded."""
    return "&".join(f"{key}={quote(text, safe=SAFE)}" for key, text in pairs)


class Dialect(abc.ABC):
    """One server's answers to the questions JSON:API leaves open.

    `max_page_size` and `max_offset` are the server's paging limits (None: none known);
    `counts_on_request` says whether `count=True` makes the server report a total.
    """

    max_page_size: int | None = None
    max_offset: int | None = None
    counts_on_request: bool = False

    @abc.abstractmethod
    def collection_path(self, resource_type: str) -> str:
        """The path of a type's collection below the base URL."""

    @abc.abstractmethod
    def filter_pairs(self, query: Query) -> Pairs:
        """The query's filters as query-string pairs; raise for a value it cannot express."""

    @abc.abstractmethod
    def count_pairs(self, count: bool | None) -> Pairs:
        """The parameters that ask for (or against) a total; raise when there are none."""

    @abc.abstractmethod
    def page_total(self, meta: Mapping[str, Any]) -> int | None:
        """The collection's total from a page's top-level `meta`, when the server sent one."""

    @abc.abstractmethod
    def body_id(self, resource_id: int | str) -> int | str:
        """An id as request bodies carry it: in the form the server's own documents use."""

    def action_query(self, params: Mapping[str, Any]) -> str:
        """The query string of an action's parameters; JSON:API itself has no actions."""
        del params
        raise ValueError(
            f"actions: {type(self).__name__} knows no actions (they are not part of JSON:API)"
        )

    def check_page_size(self, size: int, name: str = "page_size") -> None:
        """Refuse a page size beyond what the server serves, before anything is sent."""
        if self.max_page_size is not None and size > self.max_page_size:
            raise ValueError(f"{name}: must be between 1 and {self.max_page_size}, got {size}")

    def check(self, query: Query) -> None:
        """Raise for anything in `query` this server cannot be sent, before it is sent."""
        if query.page_size is not None:
            self.check_page_size(query.page_size)
        self.encode(query)

    def encode(self, query: Query, page: Mapping[str, str | int] | None = None) -> str:
        """The query string without the leading `?`: filters, sort, include, fields, page."""
        pairs = self.filter_pairs(query)
        if query.sort:
            pairs.append(("sort", ",".join(query.sort)))
        if query.include:
            pairs.append(("include", ",".join(query.include)))
        for resource_type, names in query.fields.items():
            pairs.append((f"fields[{resource_type}]", ",".join(names)))
        page_items = dict(page or {})
        if query.page_size is not None and "limit" not in page_items:
            page_items.setdefault("size", query.page_size)
        for key, item in page_items.items():
            pairs.append((f"page[{key}]", str(item)))
        pairs.extend(self.count_pairs(query.count))
        return encode_pairs(pairs)


def _meta_path(path: str) -> tuple[str, ...]:
    parts = tuple(path.split("."))
    if len(parts) < 2 or parts[0] != "meta" or not all(parts):
        raise ValueError(f"total_at: {path!r} is not a path into meta such as 'meta.total'")
    return parts[1:]


def _meta_paths(value: Any) -> tuple[tuple[str, ...], ...]:
    paths = (value,) if isinstance(value, str) else tuple(value)
    return tuple(_meta_path(path) for path in paths)


def _limit(value: int | None) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise ValueError(f"expected a positive int or None, got {value!r}")
    return value


@attrs.frozen
class JsonApiDialect(Dialect):
    """Plain JSON:API: type names as paths, filters passed through, ids as strings.

    `total_at` lists where a page's total may be, first found wins (`meta.pagination.count`
    is where Django REST framework JSON:API puts it). `paths` maps types whose collection
    is not at the type's own name.
    """

    total_at: tuple[tuple[str, ...], ...] = attrs.field(
        default=("meta.total", "meta.count", "meta.pagination.count"), converter=_meta_paths
    )
    paths: Mapping[str, str] = attrs.field(factory=dict, converter=dict)
    max_page_size: int | None = attrs.field(default=None, converter=_limit)
    max_offset: int | None = attrs.field(default=None, converter=_limit)

    def collection_path(self, resource_type: str) -> str:
        return self.paths.get(resource_type, resource_type)

    def filter_pairs(self, query: Query) -> Pairs:
        if query.new_filter_syntax is not None:
            raise ValueError("new_filter_syntax: an Outreach option; JSON:API servers have none")
        pairs: Pairs = []
        for name, value in query.filter.items():
            pairs.extend(_pass_through(f"filter[{name}]", value))
        return pairs

    def count_pairs(self, count: bool | None) -> Pairs:
        if count is not None:
            raise ValueError(
                "count: JSON:API has no count parameter; a server that counts says so in "
                "meta (read Page.total)"
            )
        return []

    def page_total(self, meta: Mapping[str, Any]) -> int | None:
        for path in self.total_at:
            value: Any = meta
            for part in path:
                value = value.get(part) if isinstance(value, Mapping) else None
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                return value
        return None

    def body_id(self, resource_id: int | str) -> int | str:
        return str(resource_id)


def _pass_through(key: str, value: Any) -> Pairs:
    if isinstance(value, Mapping):
        pairs: Pairs = []
        for name, inner in value.items():
            pairs.extend(_pass_through(f"{key}[{name}]", inner))
        return pairs
    if isinstance(value, Scalar):
        return [(key, format_value(value))]
    shown = "None" if value is None else type(value).__name__
    raise TypeError(
        f"{key}: {shown} has no JSON:API spelling; each server writes lists, ranges and nulls "
        "its own way, so pass the string it expects (for example '1,2,3')"
    )


#: The plain JSON:API dialect with its defaults.
JSONAPI: Dialect = JsonApiDialect()
