"""Selecting one page of a collection: filters, sort, keyset cursors and offsets.

Sorted by id (the default) a page costs O(page size): the cursor is an id found by bisection in
the sorted id array, and filters are tested record by record from there. Any other sort
materialises the matching (sort key, id) pairs once per store version and bisects the cursor's
key in them. Cursors are keyset positions (sort values + id), base64url-encoded JSON, so they
stay valid while records are inserted or deleted.
"""

from __future__ import annotations

import base64
import binascii
import json
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import Any

import attrs

from .._spec_types import RelationshipSpec, ResourceSpec
from ._errors import bad_request
from ._query import Condition, Query, SortKey
from ._records import Record
from ._store import Store

Predicate = Callable[[Record], bool]

#: To-many relationships the fake computes from the other side, with states to leave out.
DERIVED_TO_MANY: dict[tuple[str, str], tuple[str, str, frozenset[str]]] = {
    ("sequence", "sequenceSteps"): ("sequenceStep", "sequence", frozenset()),
    ("user", "mailboxes"): ("mailbox", "user", frozenset()),
    ("prospect", "activeSequenceStates"): ("sequenceState", "prospect", frozenset({"finished"})),
}


@attrs.frozen
class PageResult:
    records: list[Record]
    #: Number of matching records, when it was asked for or needed (offset pages).
    total: int | None
    has_next: bool
    has_prev: bool
    #: Cursors of the first and last record of the page.
    first_cursor: str | None
    last_cursor: str | None


class _Desc:
    """Inverts the order of a sort component."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __lt__(self, other: _Desc) -> bool:
        return bool(other.value < self.value)

    def __gt__(self, other: _Desc) -> bool:
        return bool(other.value > self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Desc) and self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)


def inverse_relationship(store: Store, target: str, source: str) -> str | None:
    """The to-one relationship of `target` that points back at `source` (prospect <- task)."""
    spec = store.spec(target)
    candidates = [r for r in spec.relationships if not r.to_many and source in r.targets]
    for relation in candidates:
        if relation.name == source:
            return relation.name
    return candidates[0].name if candidates else None


def derived_ids(store: Store, type_name: str, relation: str) -> dict[int, list[int]] | None:
    """source id -> related ids, for the relationships of `DERIVED_TO_MANY`."""
    derived = DERIVED_TO_MANY.get((type_name, relation))
    if derived is None:
        return None
    target, inverse, excluded_states = derived
    return store.inverse_index(target, inverse, excluded_states)


class Selector:
    """Runs queries against a store; keeps the last few sorted materialisations."""

    def __init__(self, store: Store, cache_size: int = 8) -> None:
        self.store = store
        self._cache: dict[tuple[Any, ...], tuple[list[Any], list[int]]] = {}
        self._cache_size = cache_size

    # Filters ----------------------------------------------------------------------------

    def predicates(self, spec: ResourceSpec, conditions: tuple[Condition, ...]) -> list[Predicate]:
        return [self._predicate(spec, condition) for condition in conditions]

    def _predicate(self, spec: ResourceSpec, condition: Condition) -> Predicate:
        path = condition.path
        test = condition.test
        if path == ("id",):
            return lambda record: test(record.id)
        if len(path) == 1:
            name = path[0]
            return lambda record: test(record.attributes.get(name))
        relation = spec.relationship(path[0])
        assert relation is not None
        if relation.links_only or (spec.type, relation.name) in DERIVED_TO_MANY:
            matching = self._ids_via_inverse(spec, relation, condition)
            if matching is None:
                raise bad_request(
                    f"Filtering by relationship '{relation.name}' is not supported.",
                    parameter=f"filter[{relation.name}][{path[1]}]",
                )
            return lambda record: record.id in matching
        name, field = path
        if field == "id":

            def linked_ids(record: Record) -> Any:
                value = record.relationships.get(name)
                if isinstance(value, tuple):
                    return value[1]
                if isinstance(value, list):
                    return [ref[1] for ref in value]
                return None

            return lambda record: test(linked_ids(record))
        values: dict[tuple[str, int], Any] = {}

        def related_value(ref: tuple[str, int]) -> Any:
            if ref not in values:
                related = self.store.peek(ref[0], ref[1])
                values[ref] = related.attributes.get(field) if related is not None else None
            return values[ref]

        def related_field(record: Record) -> Any:
            value = record.relationships.get(name)
            if isinstance(value, tuple):
                return related_value(value)
            if isinstance(value, list):
                return [related_value(ref) for ref in value]
            return None

        return lambda record: test(related_field(record))

    def _ids_via_inverse(
        self, spec: ResourceSpec, relation: RelationshipSpec, condition: Condition
    ) -> set[int] | None:
        if not relation.targets:
            return None
        target = relation.targets[0]
        inverse = inverse_relationship(self.store, target, spec.type)
        if inverse is None:
            return None
        inner = Condition(
            (condition.path[1],), condition.values, condition.low, condition.high, condition.null
        )
        test = self._predicate(self.store.spec(target), inner)
        found: set[int] = set()
        for record in self.store.records(target, self.store.id_array(target)):
            ref = record.to_one(inverse)
            if ref is not None and test(record):
                found.add(ref[1])
        return found

    # Pages ------------------------------------------------------------------------------

    def select(self, spec: ResourceSpec, query: Query) -> PageResult:
        ids = self.store.id_array(spec.type)
        lo, hi, explicit, rest = _id_bounds(query.conditions, ids)
        predicates = self.predicates(spec, rest)
        sort = query.sort or (SortKey("id"),)
        by_id = len(sort) == 1 and sort[0].name == "id"
        page = query.page
        if by_id and page.kind == "cursor" and explicit is None:
            return self._id_ordered_cursor_page(spec, query, lo, hi, predicates, sort[0])
        if by_id and page.kind == "offset" and explicit is None and not predicates:
            return self._plain_offset_page(spec, query, lo, hi, sort[0].descending)
        keys, key_ids = self._materialise(spec, query, lo, hi, explicit, predicates, sort)
        if page.kind == "offset":
            chosen = key_ids[page.offset : page.offset + page.size]
            return PageResult(
                list(self.store.records(spec.type, chosen)),
                len(key_ids),
                page.offset + page.size < len(key_ids),
                page.offset > 0,
                None,
                None,
            )
        if page.after is not None:
            start = bisect_right(keys, self._cursor_key(spec, query, page.after, "after", sort))
            chosen = key_ids[start : start + page.size]
            has_next, has_prev = start + page.size < len(key_ids), True
        elif page.before is not None:
            end = bisect_left(keys, self._cursor_key(spec, query, page.before, "before", sort))
            start = max(end - page.size, 0)
            chosen = key_ids[start:end]
            has_next, has_prev = True, start > 0
        else:
            chosen = key_ids[: page.size]
            has_next, has_prev = page.size < len(key_ids), False
        records = list(self.store.records(spec.type, chosen))
        return self._result(spec, query, records, len(key_ids), has_next, has_prev, sort)

    def _id_ordered_cursor_page(
        self,
        spec: ResourceSpec,
        query: Query,
        lo: int,
        hi: int,
        predicates: list[Predicate],
        key: SortKey,
    ) -> PageResult:
        ids = self.store.id_array(spec.type)
        page = query.page
        descending = key.descending
        backwards = page.before is not None
        cursor = page.after if page.after is not None else page.before
        start, stop = lo, hi
        if cursor is not None:
            kind = "after" if page.after is not None else "before"
            position_id = self._decode_cursor(spec, query, cursor, kind)[1]
            # The half of the range strictly beyond the cursor, in reading direction.
            if (kind == "after") != descending:
                start = max(start, bisect_right(ids, position_id, lo, hi))
            else:
                stop = min(stop, bisect_left(ids, position_id, lo, hi))
        reverse = descending != backwards
        positions = range(stop - 1, start - 1, -1) if reverse else range(start, stop)
        found = self._first_matches(spec.type, ids, positions, predicates, page.size + 1)
        more = len(found) > page.size
        found = found[: page.size]
        if backwards:
            found.reverse()
            has_next, has_prev = True, more
        else:
            has_next, has_prev = more, cursor is not None
        total = None
        if query.count:
            if predicates:
                total = 0
                for record in self.store.records(spec.type, ids[lo:hi]):
                    if all(p(record) for p in predicates):
                        total += 1
            else:
                total = hi - lo
        return self._result(spec, query, found, total, has_next, has_prev, (key,))

    def _first_matches(
        self,
        type_name: str,
        ids: Any,
        positions: range,
        predicates: list[Predicate],
        wanted: int,
    ) -> list[Record]:
        if not predicates:
            chosen = [ids[i] for i in positions[:wanted]]
            return list(self.store.records(type_name, chosen))
        found: list[Record] = []
        for record in self.store.records(type_name, (ids[i] for i in positions)):
            if all(p(record) for p in predicates):
                found.append(record)
                if len(found) == wanted:
                    break
        return found

    def _plain_offset_page(
        self, spec: ResourceSpec, query: Query, lo: int, hi: int, descending: bool
    ) -> PageResult:
        ids = self.store.id_array(spec.type)
        page = query.page
        total = hi - lo
        if descending:
            window = range(hi - 1 - page.offset, max(hi - 1 - page.offset - page.size, lo - 1), -1)
        else:
            window = range(lo + page.offset, min(lo + page.offset + page.size, hi))
        chosen = [ids[i] for i in window]
        return PageResult(
            list(self.store.records(spec.type, chosen)),
            total,
            page.offset + page.size < total,
            page.offset > 0,
            None,
            None,
        )

    def _materialise(
        self,
        spec: ResourceSpec,
        query: Query,
        lo: int,
        hi: int,
        explicit: list[int] | None,
        predicates: list[Predicate],
        sort: tuple[SortKey, ...],
    ) -> tuple[list[Any], list[int]]:
        cache_key = (
            spec.type,
            self.store.version,
            query.conditions,
            sort,
            lo,
            hi,
            tuple(explicit) if explicit is not None else None,
        )
        cached = self._cache.get(cache_key)
        if cached is not None:
            return cached
        ids = self.store.id_array(spec.type)
        candidates: Any = explicit if explicit is not None else ids[lo:hi]
        key_of = sort_key_function(sort)
        pairs = [
            (key_of(record), record.id)
            for record in self.store.records(spec.type, candidates)
            if all(p(record) for p in predicates)
        ]
        pairs.sort(key=lambda pair: pair[0])
        result = ([k for k, _ in pairs], [i for _, i in pairs])
        if len(self._cache) >= self._cache_size:
            self._cache.pop(next(iter(self._cache)))
        self._cache[cache_key] = result
        return result

    # Cursors ----------------------------------------------------------------------------

    def _result(
        self,
        spec: ResourceSpec,
        query: Query,
        records: list[Record],
        total: int | None,
        has_next: bool,
        has_prev: bool,
        sort: tuple[SortKey, ...],
    ) -> PageResult:
        first = encode_cursor(spec.type, query.sort_text, records[0], sort) if records else None
        last = encode_cursor(spec.type, query.sort_text, records[-1], sort) if records else None
        return PageResult(records, total, has_next, has_prev, first, last)

    def _decode_cursor(
        self, spec: ResourceSpec, query: Query, cursor: str, kind: str
    ) -> tuple[list[Any], int]:
        parameter = f"page[{kind}]"
        try:
            padded = cursor + "=" * (-len(cursor) % 4)
            data = json.loads(base64.urlsafe_b64decode(padded.encode()))
            values, record_id = data["sv"], data["id"]
            valid = (
                data.get("cn") == spec.type
                and data.get("sp") == query.sort_text
                and isinstance(values, list)
                and isinstance(record_id, int)
            )
        except (ValueError, KeyError, TypeError, binascii.Error):
            valid = False
        if not valid:
            raise bad_request(f"Invalid cursor in {parameter}.", parameter=parameter)
        return values, record_id

    def _cursor_key(
        self, spec: ResourceSpec, query: Query, cursor: str, kind: str, sort: tuple[SortKey, ...]
    ) -> Any:
        values, record_id = self._decode_cursor(spec, query, cursor, kind)
        names = [key.name for key in sort if key.name != "id"]
        if len(values) != len(names):
            raise bad_request(f"Invalid cursor in page[{kind}].", parameter=f"page[{kind}]")
        record = Record(spec.type, record_id, dict(zip(names, values, strict=True)))
        return sort_key_function(sort)(record)


def sort_key_function(sort: tuple[SortKey, ...]) -> Callable[[Record], tuple[Any, ...]]:
    """Total order for records: the sort keys, nulls last, then id ascending."""
    tie_break = not any(key.name == "id" for key in sort)

    def key_of(record: Record) -> tuple[Any, ...]:
        parts: list[Any] = []
        for key in sort:
            value = record.id if key.name == "id" else record.attributes.get(key.name)
            component: Any = (1,) if value is None else (0, value)
            parts.append(_Desc(component) if key.descending else component)
        if tie_break:
            parts.append(record.id)
        return tuple(parts)

    return key_of


def encode_cursor(type_name: str, sort_text: str, record: Record, sort: tuple[SortKey, ...]) -> str:
    values = [record.attributes.get(key.name) for key in sort if key.name != "id"]
    data = {"cn": type_name, "sp": sort_text, "sv": values, "id": record.id, "v": 1}
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _id_bounds(
    conditions: tuple[Condition, ...], ids: Any
) -> tuple[int, int, list[int] | None, tuple[Condition, ...]]:
    """Turn `filter[id]` into an index range of the id array (or an explicit id list)."""
    lo, hi = 0, len(ids)
    explicit: list[int] | None = None
    rest: list[Condition] = []
    for condition in conditions:
        if condition.path != ("id",) or condition.null is not None:
            rest.append(condition)
            continue
        if condition.values is not None:
            wanted = sorted(v for v in condition.values if isinstance(v, int))
            present = [v for v in wanted if _contains(ids, v)]
            explicit = present if explicit is None else [v for v in explicit if v in present]
            continue
        if condition.low is not None:
            lo = max(lo, bisect_left(ids, condition.low))
        if condition.high is not None:
            hi = min(hi, bisect_right(ids, condition.high))
    if explicit is not None:
        explicit = [v for v in explicit if lo <= bisect_left(ids, v) < hi]
    return lo, max(hi, lo), explicit, tuple(rest)


def _contains(ids: Any, value: int) -> bool:
    position = bisect_left(ids, value)
    return position < len(ids) and ids[position] == value
