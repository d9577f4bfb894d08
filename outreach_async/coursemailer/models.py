"""Sequences, their users and emails, and how duplicated emails get their dates.

The API's document names no fields besides the ids, so the models carry the ids and the
fields a course mailer plainly has (a user's name and address; an email's subject, body and
date); every other field of an answer is kept in `extra` under its own key and sent back as
it came. A field the answer left out is `ABSENT`; one it sent as null is `None`.

Models go through the library's one converter: `converter.structure(answer, Email)` reads
either key spelling, `converter.unstructure(email)` writes the hyphenated one.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import datetime
from typing import Any, ClassVar, TypeVar, cast

import attrs

from .._absent import ABSENT, Absent
from .._converter import converter
from ._wire import format_date, parse_date, spellings, wire_key

__all__ = ["DateConversion", "Email", "Sequence", "User"]

R = TypeVar("R", bound="Record")


class DateConversion(str, enum.Enum):
    """How `duplicate_emails` dates the copies (the API's `date-conversion`)."""

    #: Keep every email's date as it is.
    NONE = "none"
    #: The first email moves to `new_start_date`; the others keep their offset from it.
    NEW_START_DATE = "new-start-date"
    #: Clear the dates, so that the copies must be scheduled again.
    DELETE = "delete"


class Record:
    """What the three models share: an id under `ID_KEY`, fields, and `extra`."""

    #: The key the API gives the id under, hyphenated (`sequence-id`).
    ID_KEY: ClassVar[str] = ""
    #: Fields that hold dates (`YYYY-MM-DD HH:MM` on the wire).
    DATES: ClassVar[frozenset[str]] = frozenset()

    id: int | None
    extra: dict[str, Any]


@attrs.define(kw_only=True)
class Sequence(Record):
    """A sequence as `GET /sequences/<id>` describes it."""

    ID_KEY: ClassVar[str] = "sequence-id"

    id: int | None = None
    #: Every field of the answer besides the id, by its key as sent.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(kw_only=True)
class User(Record):
    """A user registered for a sequence."""

    ID_KEY: ClassVar[str] = "user-id"

    id: int | None = None
    name: str | Absent | None = ABSENT
    email: str | Absent | None = ABSENT
    #: Fields the model does not name, by their key as sent.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(kw_only=True)
class Email(Record):
    """An email of a sequence; `date` is when it is sent (naive, course wall-clock time)."""

    ID_KEY: ClassVar[str] = "email-id"
    DATES: ClassVar[frozenset[str]] = frozenset({"date"})

    id: int | None = None
    subject: str | Absent | None = ABSENT
    body: str | Absent | None = ABSENT
    date: datetime | Absent | None = ABSENT
    #: Fields the model does not name, by their key as sent.
    extra: dict[str, Any] = attrs.field(factory=dict)


def _named_fields(cls: type[Record]) -> list[str]:
    """The fields between the id and `extra`, by Python name."""
    return [f.name for f in attrs.fields(cast(Any, cls)) if f.name not in ("id", "extra")]


def structure_record(value: object, cls: type[R]) -> R:
    """A model from an answer's object; TypeError or ValueError naming the bad field."""
    kind = cls.__name__.lower()
    if not isinstance(value, Mapping):
        raise TypeError(f"{kind}: expected a JSON object, got {type(value).__name__}")
    rest = dict(value)
    values: dict[str, Any] = {"id": _read_id(rest, cls.ID_KEY, kind)}
    for name in _named_fields(cls):
        found: Any = ABSENT
        for key in spellings(name):
            if key in rest:
                raw = rest.pop(key)
                found = raw if found is ABSENT else found
        if found is not ABSENT and found is not None:
            found = _read_value(found, name in cls.DATES, f"{kind}.{wire_key(name)}")
        values[name] = found
    values["extra"] = rest
    return cast(R, cast(Any, cls)(**values))


def _read_id(rest: dict[str, Any], id_key: str, kind: str) -> int | None:
    found: object = None
    for key in spellings(id_key):
        if key in rest:
            raw = rest.pop(key)
            found = raw if found is None else found
    if found is None:
        return None
    if isinstance(found, str) and found.isascii() and found.isdigit():
        return int(found)
    if isinstance(found, bool) or not isinstance(found, int):
        raise TypeError(f"{kind}.{id_key}: expected an integer id, got {found!r:.40}")
    return found


def _read_value(value: object, is_date: bool, where: str) -> Any:
    if is_date:
        try:
            return parse_date(value)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{where}: {exc}") from None
    if not isinstance(value, str):
        raise TypeError(f"{where}: expected text, got {type(value).__name__}")
    return value


def unstructure_record(record: Record) -> dict[str, Any]:
    """The object the API reads: hyphenated keys, `extra` as it is, ABSENT fields left out."""
    kind = type(record).__name__.lower()
    body: dict[str, Any] = {}
    if record.id is not None:
        body[record.ID_KEY] = record.id
    body.update(record.extra)
    for name in _named_fields(type(record)):
        value = getattr(record, name)
        if value is ABSENT:
            continue
        if name in record.DATES and value is not None:
            value = format_date(value, f"{kind}.{name}")
        body[wire_key(name)] = value
    return body


def _is_record(cls: object) -> bool:
    return isinstance(cls, type) and issubclass(cls, Record)


converter.register_structure_hook_func(_is_record, structure_record)
converter.register_unstructure_hook_func(_is_record, unstructure_record)
