"""Turning resources into JSON Lines or CSV rows for the export command.

Records are written from the resource objects as decoded (`resource_object`), not through
models and back, with orjson when it is installed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any, Protocol

from .._json import dumps
from ..jsonapi.document import Resource, ResourceIdentifier, resource_object

__all__ = ["CsvFormat", "JsonLinesFormat", "OutputFormat"]


class OutputFormat(Protocol):
    """Encodes records to bytes; `header` is written once at the start of a new file."""

    def header(self) -> bytes: ...

    def encode(self, records: Sequence[Resource]) -> bytes: ...


class JsonLinesFormat:
    """One JSON:API resource object a line; included related resources under `related`."""

    def __init__(self, include: Sequence[str] = ()) -> None:
        self._include = [path.split(".", 1)[0] for path in include]

    def header(self) -> bytes:
        return b""

    def encode(self, records: Sequence[Resource]) -> bytes:
        lines = []
        for record in records:
            item = resource_object(record)
            if self._include:
                related = self._related(record)
                if related:
                    item = {**item, "related": related}
            lines.append(dumps(item))
        return b"\n".join(lines) + b"\n" if lines else b""

    def _related(self, record: Resource) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for name in self._include:
            try:
                value = record.related(name)
            except KeyError:
                continue
            result[name] = _related_json(value)
        return result


def _related_json(value: Any) -> Any:
    if isinstance(value, list):
        return [_related_json(item) for item in value]
    if isinstance(value, Resource):
        return resource_object(value)
    if isinstance(value, ResourceIdentifier):
        return value.to_json()
    return None


class CsvFormat:
    """Columns: id, the chosen attributes, one `<relationship>_id` column per relationship.

    Attributes the columns do not name go, as JSON, into a last `extra` column, so a CSV
    export drops nothing the server sent.
    """

    def __init__(self, attributes: Sequence[str], relationships: Sequence[str]) -> None:
        self._attributes = list(attributes)
        self._known = set(attributes)
        self._relationships = list(relationships)

    def header(self) -> bytes:
        columns = ["id", *self._attributes, *(f"{r}_id" for r in self._relationships), "extra"]
        return self._rows([columns])

    def encode(self, records: Sequence[Resource]) -> bytes:
        rows = []
        for record in records:
            extra = {k: v for k, v in record.attributes.items() if k not in self._known}
            rows.append(
                [
                    _cell(record.id),
                    *(_cell(record.attributes.get(name)) for name in self._attributes),
                    *(_linkage_cell(record, name) for name in self._relationships),
                    dumps(extra).decode() if extra else "",
                ]
            )
        return self._rows(rows)

    @staticmethod
    def _rows(rows: list[list[str]]) -> bytes:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        return buffer.getvalue().encode()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return dumps(value).decode()
    return str(value)


def _linkage_cell(record: Resource, name: str) -> str:
    try:
        related = record.related(name)  # builds this relationship only
    except KeyError:
        return ""  # not sent, or links only
    if isinstance(related, list):
        return dumps([item.id for item in related]).decode()
    return "" if related is None else _cell(related.id)
