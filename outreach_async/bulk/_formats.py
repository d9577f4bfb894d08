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
    """One row per record, flat: every value a single cell.

    Columns: `id`; the chosen attributes; one `<relationship>_id` column per relationship
    (the id of a to-one, a JSON array of ids for a to-many); for each included path
    (`--include account`) one `<path>.<attribute>` column per attribute of the related
    record (`account.name`), a JSON array of values when the path leads to several
    records; and a last `extra` column holding, as JSON, the attributes the columns do not
    name, so a CSV export drops nothing the server sent. Lists and objects are JSON,
    booleans `true`/`false`, null and absent values empty.
    """

    def __init__(
        self,
        attributes: Sequence[str],
        relationships: Sequence[str],
        related: Sequence[tuple[str, Sequence[str]]] = (),
    ) -> None:
        self._attributes = list(attributes)
        self._known = set(attributes)
        self._relationships = list(relationships)
        self._related = [(path, list(names)) for path, names in related]

    def header(self) -> bytes:
        columns = [
            "id",
            *self._attributes,
            *(f"{r}_id" for r in self._relationships),
            *(f"{path}.{name}" for path, names in self._related for name in names),
            "extra",
        ]
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
                    *(
                        cell
                        for path, names in self._related
                        for cell in _related_cells(record, path, names)
                    ),
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


def _related_cells(record: Resource, path: str, names: Sequence[str]) -> list[str]:
    """The cells of one included path: a value per name, or JSON arrays along a to-many."""
    found, many = _follow(record, path.split("."))
    if many:
        return [dumps([item.attributes.get(name) for item in found]).decode() for name in names]
    item = found[0] if found else None
    return [_cell(item.attributes.get(name)) if item else "" for name in names]


def _follow(record: Resource, hops: list[str]) -> tuple[list[Resource], bool]:
    """The included records at the end of a path, and whether a to-many lies on it."""
    current, many = [record], False
    for hop in hops:
        following: list[Resource] = []
        for item in current:
            try:
                value = item.related(hop)
            except KeyError:
                continue
            values = value if isinstance(value, list) else [value]
            many = many or isinstance(value, list)
            following.extend(v for v in values if isinstance(v, Resource))
        current = following
    return current, many
