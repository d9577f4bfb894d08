"""The fake server's in-memory data: sorted ids per type, seeded records made on read.

Per type the store keeps the live ids in a sorted `array('q')` (deleting removes the id),
the records created or modified since start in a dict, and nothing else: a seeded record is
rebuilt from (seed, type, id) by the `Seeder` whenever it is read. New ids are always above
every existing one, so inserting appends and keyset cursors stay valid across writes.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from .._spec import RESOURCES
from .._spec_types import ResourceSpec
from ._records import Linkage, Record, iso_z
from ._seed import SEEDED_TYPES, Seeder, seeded_ids
from ._settings import FakeSettings

_SEEDED_EMAIL = re.compile(r"^[a-z]+\.[a-z]+(\d+)@")


class _Table:
    """The records of one type."""

    __slots__ = ("changed", "ids", "next_id", "seeded", "spec")

    def __init__(self, spec: ResourceSpec, seeded: array[int]) -> None:
        self.spec = spec
        self.seeded = seeded
        self.ids = array("q", seeded)
        self.changed: dict[int, Record] = {}
        self.next_id = (seeded[-1] + 1) if seeded else 1

    def contains(self, record_id: int) -> bool:
        position = bisect_left(self.ids, record_id)
        return position < len(self.ids) and self.ids[position] == record_id


class Store:
    """All resources of one fake server; `version` grows with every write."""

    def __init__(self, settings: FakeSettings, clock: Callable[[], float] | None = None) -> None:
        self._settings = settings
        self._clock = clock
        self.seed = settings.seed
        counts = dict(settings.counts)
        seeded = {
            type_name: seeded_ids(
                settings.seed, type_name, counts.get(type_name, 0), settings.id_layout
            )
            for type_name in RESOURCES
        }
        states = seeded["sequenceState"]
        pairs = len(seeded["prospect"]) * len(seeded["sequence"])
        if len(states) > pairs:  # a prospect is in a sequence at most once
            seeded["sequenceState"] = states[:pairs]
        self.seeder = Seeder(settings.seed, seeded)
        self._tables = {name: _Table(spec, seeded[name]) for name, spec in RESOURCES.items()}
        self.version = 0
        self._built: dict[tuple[str, int], Record] = {}
        self._built_limit = settings.record_cache_size
        self._inverse: dict[tuple[str, str, frozenset[str]], tuple[int, dict[int, list[int]]]] = {}

    # Reading -----------------------------------------------------------------------------

    @property
    def types(self) -> list[str]:
        return list(self._tables)

    def has_type(self, type_name: str) -> bool:
        return type_name in self._tables

    def spec(self, type_name: str) -> ResourceSpec:
        return self._tables[type_name].spec

    def id_array(self, type_name: str) -> array[int]:
        """The live ids of a type, sorted (do not modify)."""
        return self._tables[type_name].ids

    def ids(self, type_name: str) -> list[int]:
        return list(self._tables[type_name].ids)

    def count(self, type_name: str) -> int:
        return len(self._tables[type_name].ids)

    def exists(self, type_name: str, record_id: int) -> bool:
        table = self._tables.get(type_name)
        return table is not None and table.contains(record_id)

    def get(self, type_name: str, record_id: int) -> Record | None:
        """The record, or None. Returns a copy: change records through `save`."""
        table = self._tables.get(type_name)
        if table is None or not table.contains(record_id):
            return None
        changed = table.changed.get(record_id)
        if changed is not None:
            return changed.copy()
        return self._make(table, record_id).copy()

    def peek(self, type_name: str, record_id: int) -> Record | None:
        """Like `get` without the defensive copy, for read-only use in the hot path."""
        table = self._tables.get(type_name)
        if table is None:
            return None
        changed = table.changed.get(record_id)
        if changed is not None:
            return changed if table.contains(record_id) else None
        if not table.contains(record_id):
            return None
        return self._make(table, record_id)

    def records(self, type_name: str, ids: Iterable[int]) -> Iterator[Record]:
        """Records of live ids, in the given order (the ids must exist)."""
        table = self._tables[type_name]
        changed = table.changed
        for record_id in ids:
            record = changed.get(record_id)
            yield record if record is not None else self._make(table, record_id)

    def _make(self, table: _Table, record_id: int) -> Record:
        """The seeded record (shared: callers must not change it), built once while cached."""
        key = (table.spec.type, record_id)
        record = self._built.get(key)
        if record is not None:
            return record
        if table.spec.type in SEEDED_TYPES:
            record = self.seeder.make(table.spec.type, record_id)
        else:
            record = self.seeder.make_generic(table.spec, record_id)
        if self._built_limit > 0:
            if len(self._built) >= self._built_limit:
                del self._built[next(iter(self._built))]
            self._built[key] = record
        return record

    def inverse_index(
        self, type_name: str, relationship: str, excluded_states: frozenset[str] = frozenset()
    ) -> dict[int, list[int]]:
        """related id -> ids of `type_name` records whose to-one `relationship` points at it.

        Built by one scan and kept until the next write; records whose `state` is in
        `excluded_states` are left out.
        """
        key = (type_name, relationship, excluded_states)
        cached = self._inverse.get(key)
        if cached is not None and cached[0] == self.version:
            return cached[1]
        index: dict[int, list[int]] = {}
        for record in self.records(type_name, self.id_array(type_name)):
            ref = record.to_one(relationship)
            if ref is not None and record.attributes.get("state") not in excluded_states:
                index.setdefault(ref[1], []).append(record.id)
        self._inverse[key] = (self.version, index)
        return index

    # Writing -----------------------------------------------------------------------------

    def now(self) -> str:
        """The current time as Outreach writes it (`settings.clock`, read on each call)."""
        clock = self._clock or self._settings.clock
        return iso_z(clock())

    def insert(
        self,
        type_name: str,
        attributes: Mapping[str, Any] | None = None,
        relationships: Mapping[str, Linkage] | None = None,
    ) -> Record:
        """Create a record with the next id; sets createdAt/updatedAt where the type has them."""
        table = self._tables[type_name]
        record = Record(type_name, table.next_id, dict(attributes or {}), dict(relationships or {}))
        now = self.now()
        for stamp in ("createdAt", "updatedAt"):
            if table.spec.attribute(stamp) is not None:
                record.attributes.setdefault(stamp, now)
        table.next_id += 1
        table.ids.append(record.id)
        table.changed[record.id] = record
        self.version += 1
        return record.copy()

    def save(self, record: Record, *, touch: bool = True) -> Record:
        """Store a changed record (from `get`); bumps updatedAt unless `touch` is False."""
        table = self._tables[record.type]
        if not table.contains(record.id):
            raise KeyError(f"{record.type} {record.id} does not exist")
        stored = record.copy()
        if touch and table.spec.attribute("updatedAt") is not None:
            stored.attributes["updatedAt"] = self.now()
        table.changed[record.id] = stored
        self.version += 1
        return stored.copy()

    def delete(self, type_name: str, record_id: int) -> bool:
        table = self._tables[type_name]
        position = bisect_left(table.ids, record_id)
        if position == len(table.ids) or table.ids[position] != record_id:
            return False
        del table.ids[position]
        table.changed.pop(record_id, None)
        self.version += 1
        return True

    # Lookups the API needs for uniqueness rules ------------------------------------------

    def prospect_with_email(self, email: str) -> int | None:
        """Id of a live prospect having this email address, if any."""
        wanted = email.strip().lower()
        table = self._tables["prospect"]
        for record in table.changed.values():
            if table.contains(record.id) and _has_email(record, wanted):
                return record.id
        match = _SEEDED_EMAIL.match(wanted)
        if match:
            record_id = int(match.group(1))
            if record_id not in table.changed and table.contains(record_id):
                seeded = self._make(table, record_id)
                if _has_email(seeded, wanted):
                    return record_id
        return None

    def sequence_state_for(self, prospect_id: int, sequence_id: int) -> int | None:
        """Id of a live sequence state of this prospect in this sequence, if any."""
        table = self._tables["sequenceState"]
        wanted = (("prospect", prospect_id), ("sequence", sequence_id))
        for record in table.changed.values():
            if (
                table.contains(record.id)
                and (
                    record.to_one("prospect"),
                    record.to_one("sequence"),
                )
                == wanted
            ):
                return record.id
        prospects = self._tables["prospect"].seeded
        sequences = self._tables["sequence"].seeded
        p = bisect_left(prospects, prospect_id)
        s = bisect_left(sequences, sequence_id)
        if p == len(prospects) or prospects[p] != prospect_id:
            return None
        if s == len(sequences) or sequences[s] != sequence_id:
            return None
        index = self.seeder.sequence_state_index(p, s)
        if index is None:
            return None
        state_id = table.seeded[index]
        if state_id in table.changed or not table.contains(state_id):
            return None
        return state_id


def _has_email(record: Record, wanted: str) -> bool:
    emails = record.attributes.get("emails") or []
    return any(isinstance(e, str) and e.lower() == wanted for e in emails)
