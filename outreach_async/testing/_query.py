"""Parsing of JSON:API query parameters into a `Query`, in both Outreach filter syntaxes.

Old syntax: `filter[a]=x`, `x,y`, `a..b`, `neginf..b`, `a..inf`, `__null__`, `__notnull__`,
relationship `filter[account][id]=1,2`. With `newFilterSyntax=true`: `filter[a][]=x` (repeated),
`filter[a][gte]=..`, `filter[a][lte]=..`; commas and `..` are then literal. Values are typed
from the attribute (ints as ints, date-times normalised so strings compare in time order).
Anything not understood is a 400 naming the parameter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal

import attrs

from .._spec_types import AttributeSpec, ResourceSpec
from ._errors import bad_request
from ._records import normalize_datetime

_KEY = re.compile(r"^([A-Za-z_]\w*)((?:\[[^\[\]]*\])*)$")
NULL, NOT_NULL = "__null__", "__notnull__"


@attrs.frozen
class Condition:
    """One filter: a path (`("firstName",)`, `("account", "id")`) and what to match.

    `values` is a set of accepted values, `low`/`high` an inclusive range (None = open),
    `null` True for `__null__` and False for `__notnull__`.
    """

    path: tuple[str, ...]
    values: frozenset[Any] | None = None
    low: Any = None
    high: Any = None
    null: bool | None = None

    def test(self, value: Any) -> bool:
        if isinstance(value, list):
            if self.null is not None:
                return (not value) is self.null
            return any(self.test(item) for item in value)
        if self.null is not None:
            return (value is None) is self.null
        if value is None:
            return False
        if self.values is not None:
            return value in self.values
        try:
            if self.low is not None and value < self.low:
                return False
            return not (self.high is not None and value > self.high)
        except TypeError:
            return False


@attrs.frozen
class SortKey:
    name: str
    descending: bool = False

    def __str__(self) -> str:
        return f"-{self.name}" if self.descending else self.name


@attrs.frozen
class Page:
    """Cursor (`size`, `after`, `before`) or offset (`offset`, `limit`) pagination."""

    kind: Literal["cursor", "offset"] = "cursor"
    size: int = 50
    after: str | None = None
    before: str | None = None
    offset: int = 0


@attrs.frozen
class Query:
    conditions: tuple[Condition, ...] = ()
    sort: tuple[SortKey, ...] = ()
    include: tuple[tuple[str, ...], ...] = ()
    fields: Mapping[str, frozenset[str]] = attrs.field(factory=dict)
    page: Page = Page()
    count: bool = False
    action_params: Mapping[str, str] = attrs.field(factory=dict)

    @property
    def sort_text(self) -> str:
        return ",".join(str(key) for key in self.sort)


Params = Iterable[tuple[str, str]]
SpecOf = Callable[[str], ResourceSpec | None]


def split_key(key: str) -> tuple[str, list[str]] | None:
    """`filter[a][b]` -> ("filter", ["a", "b"]); None when the key is malformed."""
    match = _KEY.match(key)
    if match is None:
        return None
    return match.group(1), re.findall(r"\[([^\[\]]*)\]", match.group(2))


def parse_query(
    params: Params,
    spec: ResourceSpec,
    spec_of: SpecOf,
    *,
    allowed: frozenset[str],
    default_page_size: int,
    max_page_size: int,
    max_offset: int,
) -> Query:
    """Parse the query string of a request on `spec`'s type.

    `allowed` names the parameter families accepted by this kind of request: "filter", "sort",
    "page", "count", "include", "fields", "actionParams" ("newFilterSyntax" goes with filter).
    """
    items = list(params)
    new_syntax = False
    for key, value in items:
        if key == "newFilterSyntax" and "filter" in allowed:
            if value not in ("true", "false"):
                raise bad_request(
                    "newFilterSyntax must be 'true' or 'false'.", parameter="newFilterSyntax"
                )
            new_syntax = value == "true"
    raw_filters: dict[tuple[str, ...], list[tuple[str | None, str]]] = {}
    sort: tuple[SortKey, ...] = ()
    include: tuple[tuple[str, ...], ...] = ()
    fields: dict[str, frozenset[str]] = {}
    page_params: dict[str, str] = {}
    count = False
    action_params: dict[str, str] = {}
    for key, value in items:
        if key == "newFilterSyntax":
            if "filter" not in allowed:
                raise bad_request(f"Unknown query parameter '{key}'.", parameter=key)
            continue
        parts = split_key(key)
        if parts is None or parts[0] not in allowed:
            raise bad_request(f"Unknown query parameter '{key}'.", parameter=key)
        name, brackets = parts
        if name == "filter":
            path, operator = _filter_path(brackets, new_syntax, key)
            raw_filters.setdefault(path, []).append((operator, value))
        elif name in ("sort", "include", "count") and brackets:
            raise bad_request(f"Unknown query parameter '{key}'.", parameter=key)
        elif name == "sort":
            sort = _parse_sort(value, spec)
        elif name == "include":
            include = _parse_include(value, spec, spec_of)
        elif name == "count":
            if value not in ("true", "false"):
                raise bad_request("count must be 'true' or 'false'.", parameter=key)
            count = value == "true"
        elif name == "fields":
            if len(brackets) != 1 or spec_of(brackets[0]) is None:
                raise bad_request(f"Unknown query parameter '{key}'.", parameter=key)
            fields[brackets[0]] = _parse_fields(value, brackets[0], spec_of, key)
        elif name == "page":
            if len(brackets) != 1 or brackets[0] not in (
                "size",
                "after",
                "before",
                "offset",
                "limit",
            ):
                raise bad_request(f"Unknown query parameter '{key}'.", parameter=key)
            page_params[brackets[0]] = value
        elif name == "actionParams":
            if len(brackets) != 1 or not brackets[0]:
                raise bad_request(f"Unknown query parameter '{key}'.", parameter=key)
            action_params[brackets[0]] = value
        else:  # pragma: no cover - the family check above already refused it
            raise bad_request(f"Unknown query parameter '{key}'.", parameter=key)
    conditions = tuple(
        _condition(path, raw, spec, spec_of, new_syntax) for path, raw in raw_filters.items()
    )
    page = _parse_page(page_params, default_page_size, max_page_size, max_offset)
    return Query(conditions, sort, include, fields, page, count, action_params)


def _filter_path(
    brackets: list[str], new_syntax: bool, key: str
) -> tuple[tuple[str, ...], str | None]:
    """Split `filter[...]` brackets into the field path and an operator (`[]`, gte, lte)."""
    if not brackets or any(b == "" for b in brackets[:-1]) or brackets[0] == "":
        raise bad_request(f"Malformed filter parameter '{key}'.", parameter=key)
    operator: str | None = None
    path = list(brackets)
    if new_syntax and len(path) >= 2 and path[-1] in ("", "gte", "lte"):
        operator = path.pop()
    if path[-1] == "":
        raise bad_request(f"'{key}' needs newFilterSyntax=true to list values.", parameter=key)
    if len(path) > 2:
        raise bad_request(f"Malformed filter parameter '{key}'.", parameter=key)
    return tuple(path), operator


def _field_spec(
    path: tuple[str, ...], spec: ResourceSpec, spec_of: SpecOf, parameter: str
) -> AttributeSpec | None:
    """The attribute a filter path ends on (None for ids), checking the path exists."""
    if len(path) == 1:
        if path[0] == "id":
            return None
        attribute = spec.attribute(path[0])
        if attribute is None or attribute.write_only:
            raise bad_request(
                f"'{path[0]}' is not a filterable attribute of '{spec.type}'.",
                parameter=parameter,
            )
        if attribute.type == "object":
            raise bad_request(f"'{path[0]}' cannot be filtered on.", parameter=parameter)
        return attribute
    relation = spec.relationship(path[0])
    if relation is None:
        raise bad_request(
            f"'{path[0]}' is not a relationship of '{spec.type}'.", parameter=parameter
        )
    allowed = relation.filter_by
    if allowed == ():
        raise bad_request(
            f"Relationship '{path[0]}' cannot be used as a filter.", parameter=parameter
        )
    if path[1] == "id":
        return None
    if allowed is None or (allowed != ("*",) and path[1] not in allowed):
        raise bad_request(
            f"Relationship '{path[0]}' cannot be filtered by '{path[1]}'.", parameter=parameter
        )
    for target in relation.targets:
        target_spec = spec_of(target)
        attribute = target_spec.attribute(path[1]) if target_spec else None
        if attribute is not None:
            return attribute
    raise bad_request(
        f"'{path[1]}' is not an attribute of relationship '{path[0]}'.", parameter=parameter
    )


def _condition(
    path: tuple[str, ...],
    raw: list[tuple[str | None, str]],
    spec: ResourceSpec,
    spec_of: SpecOf,
    new_syntax: bool,
) -> Condition:
    parameter = "filter" + "".join(f"[{p}]" for p in path)
    attribute = _field_spec(path, spec, spec_of, parameter)

    def typed(text: str) -> Any:
        return convert_filter_value(text, attribute, parameter)

    if len(raw) == 1 and raw[0][0] is None:
        text = raw[0][1]
        if text in (NULL, NOT_NULL):
            return Condition(path, null=text == NULL)
        if new_syntax:
            return Condition(path, values=frozenset([typed(text)]))
        if ".." in text:
            low_text, _, high_text = text.partition("..")
            low = None if low_text in ("", "neginf") else typed(low_text)
            high = None if high_text in ("", "inf") else typed(high_text)
            return Condition(path, low=low, high=high)
        return Condition(path, values=frozenset(typed(part) for part in text.split(",")))
    operators = {operator for operator, _ in raw}
    if None in operators:
        raise bad_request(f"Conflicting values for '{parameter}'.", parameter=parameter)
    if operators == {""}:
        return Condition(path, values=frozenset(typed(text) for _, text in raw))
    if "" in operators:
        raise bad_request(f"Conflicting values for '{parameter}'.", parameter=parameter)
    bounds: dict[str, Any] = {}
    for operator, text in raw:
        assert operator is not None
        if operator in bounds:
            raise bad_request(f"Repeated '{parameter}[{operator}]'.", parameter=parameter)
        bounds[operator] = typed(text)
    return Condition(path, low=bounds.get("gte"), high=bounds.get("lte"))


def convert_filter_value(text: str, attribute: AttributeSpec | None, parameter: str) -> Any:
    """Type a filter value like the attribute (None: an id)."""
    kind = "integer" if attribute is None else attribute.type
    fmt = None if attribute is None else attribute.format
    if kind == "array" and attribute is not None:
        kind = attribute.items or "string"
        fmt = attribute.items_format
    try:
        if kind == "integer":
            return int(text)
        if kind == "number":
            return float(text)
    except ValueError:
        raise bad_request(
            f"'{text}' is not a number for '{parameter}'.", parameter=parameter
        ) from None
    if kind == "boolean":
        if text not in ("true", "false"):
            raise bad_request(f"'{text}' is not a boolean for '{parameter}'.", parameter=parameter)
        return text == "true"
    if fmt in ("date-time", "date"):
        normalized = normalize_datetime(text)
        if normalized is None:
            raise bad_request(f"'{text}' is not a date for '{parameter}'.", parameter=parameter)
        return normalized if fmt == "date-time" else normalized[:10]
    return text


def _parse_sort(value: str, spec: ResourceSpec) -> tuple[SortKey, ...]:
    keys: list[SortKey] = []
    for part in value.split(","):
        descending = part.startswith("-")
        name = part[1:] if descending else part
        if "." in name:
            raise bad_request(
                f"Sorting by a relationship's attribute ('{name}') is not supported.",
                parameter="sort",
            )
        attribute = spec.attribute(name)
        if name != "id" and (
            attribute is None or attribute.write_only or attribute.type in ("array", "object")
        ):
            raise bad_request(
                f"'{name}' is not a sortable attribute of '{spec.type}'.", parameter="sort"
            )
        keys.append(SortKey(name, descending))
    return tuple(keys)


def _parse_include(value: str, spec: ResourceSpec, spec_of: SpecOf) -> tuple[tuple[str, ...], ...]:
    paths: list[tuple[str, ...]] = []
    for text in value.split(","):
        path = tuple(text.split("."))
        current: list[ResourceSpec] = [spec]
        for name in path:
            relations = [s.relationship(name) for s in current]
            found = [r for r in relations if r is not None]
            if not found:
                raise bad_request(
                    f"Cannot include '{text}': no relationship '{name}'.", parameter="include"
                )
            if all(r.links_only for r in found):
                raise bad_request(
                    f"Cannot include '{text}': '{name}' is only available as a related link.",
                    parameter="include",
                )
            current = [t for r in found for t in (spec_of(n) for n in r.targets) if t]
        paths.append(path)
    return tuple(paths)


def _parse_fields(value: str, type_name: str, spec_of: SpecOf, key: str) -> frozenset[str]:
    target = spec_of(type_name)
    assert target is not None
    names = frozenset(n for n in value.split(",") if n)
    for name in names:
        attribute = target.attribute(name)
        if (attribute is None or attribute.write_only) and target.relationship(name) is None:
            raise bad_request(f"'{name}' is not a field of '{type_name}'.", parameter=key)
    return names


def _parse_page(params: dict[str, str], default_size: int, max_size: int, max_offset: int) -> Page:
    def number(name: str, low: int, high: int | None) -> int:
        text = params[name]
        try:
            value = int(text)
        except ValueError:
            raise bad_request(
                f"page[{name}] must be an integer.", parameter=f"page[{name}]"
            ) from None
        if value < low or (high is not None and value > high):
            bound = f"between {low} and {high}" if high is not None else f"at least {low}"
            raise bad_request(
                f"page[{name}] must be {bound}, got {value}.", parameter=f"page[{name}]"
            )
        return value

    offset_style = "offset" in params or "limit" in params
    cursor_style = any(k in params for k in ("size", "after", "before"))
    if offset_style and cursor_style:
        raise bad_request(
            "Cursor (page[size], page[after]) and offset (page[offset], page[limit]) "
            "pagination cannot be mixed.",
            parameter="page",
        )
    if "after" in params and "before" in params:
        raise bad_request("page[after] and page[before] cannot be combined.", parameter="page")
    if offset_style:
        limit = number("limit", 1, max_size) if "limit" in params else default_size
        offset = number("offset", 0, max_offset) if "offset" in params else 0
        return Page("offset", size=limit, offset=offset)
    size = number("size", 1, max_size) if "size" in params else default_size
    return Page("cursor", size=size, after=params.get("after"), before=params.get("before"))
