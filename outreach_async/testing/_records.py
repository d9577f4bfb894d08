"""One stored resource of the fake server, and the timestamp format Outreach writes."""

from __future__ import annotations

import time
from datetime import datetime, timezone
from typing import Any

#: A resource identifier: (type, id).
Ref = tuple[str, int]
#: A relationship's linkage: to-one `Ref | None`, to-many `list[Ref]`.
Linkage = Ref | None | list[Ref]


class Record:
    """A resource: sparse attributes (absent means null) and tracked relationships."""

    __slots__ = ("attributes", "id", "relationships", "type")

    def __init__(
        self,
        type: str,
        id: int,
        attributes: dict[str, Any] | None = None,
        relationships: dict[str, Linkage] | None = None,
    ) -> None:
        self.type = type
        self.id = id
        self.attributes: dict[str, Any] = attributes if attributes is not None else {}
        self.relationships: dict[str, Linkage] = relationships if relationships else {}

    def copy(self) -> Record:
        relationships = {
            name: list(value) if isinstance(value, list) else value
            for name, value in self.relationships.items()
        }
        return Record(self.type, self.id, dict(self.attributes), relationships)

    def to_one(self, name: str) -> Ref | None:
        value = self.relationships.get(name)
        return value if isinstance(value, tuple) else None

    def __repr__(self) -> str:
        return f"Record({self.type!r}, {self.id})"


def iso_z(epoch_seconds: float) -> str:
    """`2017-01-01T00:00:00.000Z`, the form Outreach uses for date-times."""
    millis = round(epoch_seconds * 1000) % 1000
    text = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(int(epoch_seconds)))
    return f"{text}.{millis:03d}Z"


def parse_datetime(text: str) -> datetime | None:
    """Parse an ISO-8601 date or date-time (zone optional, UTC assumed); None if invalid."""
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


def normalize_datetime(text: str) -> str | None:
    """The canonical `iso_z` form of an ISO date(-time), so that strings compare in time order."""
    parsed = parse_datetime(text)
    return None if parsed is None else iso_z(parsed.timestamp())
